"""Reports rendered in the background: in a thread by default, on RQ workers with Redis.

The job's state and progress live in the database (``ReportJob``), and the finished PDF in the
report cache (``RenderedPdf``), so any web worker can show progress and serve the result,
whichever process did the work.

A job never holds a transaction while it renders. On SQLite the database has one write lock,
and a job that rendered inside a writing transaction made every respondent's save wait and then
fail with "database is locked" for minutes. So a job reads what it renders in plain (deferred)
transactions, which never block a writer, ends them, renders, and then writes its result in
one short transaction; its progress goes in short transactions of their own.

The job asks :mod:`surveyapp.pdfs` for the compendium (prepared, then rendered once nothing is
held) and writes its progress, outcome and PDF through :mod:`surveyapp.operations.reports`.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

from flask import Flask, current_app
from sqlalchemy import select

from surveyapp import WRITE_INTENT, pdfs
from surveyapp.extensions import db
from surveyapp.models import Organisation, ReportJob
from surveyapp.operations import reports as report_ops

#: the RQ queue report jobs go to (``rq worker surveyapp-reports``)
QUEUE = "surveyapp-reports"


def start_compendium_job(language: str, requested_by: str, illustrative: bool = True) -> ReportJob:
    """Queue the compendium in ``language``; returns the job (committed).

    :param illustrative: False leaves illustrative (demo) answers out.
    """
    return _start(report_ops.add_compendium_job(language, requested_by, illustrative))


def start_check_job(
    subject: str | None, language: str, requested_by: str, illustrative: bool = True
) -> ReportJob:
    """Queue a check of the summary of ISCM ``subject`` (None: of every ISCM) in ``language``
    as it prints (:func:`reports.check.check_summary`); returns the job (committed)."""
    return _start(report_ops.add_check_job(subject, language, requested_by, illustrative))


def _start(job: ReportJob) -> ReportJob:
    """Commit ``job`` and run it: on an RQ worker when Redis is configured, else in a thread."""
    db.session.commit()
    job_id = job.id
    redis_url = current_app.config.get("SURVEYAPP_REDIS_URL")
    if redis_url:
        from redis import Redis
        from rq import Queue

        queue = Queue(QUEUE, connection=Redis.from_url(redis_url))
        queue.enqueue(run_job, job_id, job_timeout=3600)
    else:
        app = current_app._get_current_object()
        threading.Thread(target=_run_in_app, args=(app, job_id), daemon=True).start()
    return job


def run_job(job_id: int) -> None:
    """RQ entry point: run job ``job_id`` in an application configured from the environment."""
    from surveyapp import create_app

    _run_in_app(create_app(), job_id)


def _run_in_app(app: Flask, job_id: int) -> None:
    with app.app_context():
        try:
            execute(job_id)
        finally:
            db.session.remove()


def execute(job_id: int) -> None:
    """Run one job to the end, keeping its progress and outcome in the database.

    Read (deferred transactions), render (no transaction at all), write (one short one).
    """
    job = db.session.get(ReportJob, job_id)
    runnable = job is not None and job.status in ("queued", "running")
    if runnable:
        kind, language, subject, illustrative = (
            job.kind,
            job.language,
            job.subject,
            job.illustrative,
        )
    db.session.rollback()
    if not runnable:
        return
    try:
        report_ops.mark_job_running(job_id)
        if kind == "check":
            _check(job_id, subject, language, illustrative)
            return
        compendium = pdfs.prepare_compendium(
            language=language,
            progress=lambda index, total: report_ops.record_job_progress(
                job_id, int(90 * index / max(total, 1))
            ),
            limits=pdfs.render_limits(),
            illustrative=illustrative,
        )
        cached = pdfs.is_cached(compendium.key)
        # The dossier is plain data: end the read transaction before the long render.
        db.session.rollback()
        pdf = None if cached else compendium.render()
        with _write_transaction():
            if pdf is not None:
                report_ops.store_pdf(compendium.key, compendium.kind, pdf)
            report_ops.finish_job(job_id, compendium.key)
    except Exception as error:  # noqa: BLE001 - a failed job must say why, whatever it was
        current_app.logger.exception("Report job %s failed", job_id)
        db.session.rollback()
        report_ops.fail_job(job_id, f"{error.__class__.__name__}: {error}")


def _check(job_id: int, subject: str | None, language: str, illustrative: bool) -> None:
    """Check each summary the job is about, one after another, recording progress; keep the
    findings. Each check reads its summary, ends the read, then lays it out."""
    codes = (
        [subject]
        if subject
        else db.session.scalars(
            select(Organisation.code).filter_by(kind="iscm").order_by(Organisation.code)
        ).all()
    )
    findings: list[dict[str, Any]] = []
    for index, code in enumerate(codes, start=1):
        for finding in pdfs.summary_findings(code, language=language, illustrative=illustrative):
            findings.append(
                {"code": code, "page": finding.page, "kind": finding.kind, "text": finding.text}
            )
        report_ops.record_job_progress(job_id, int(99 * index / len(codes)))
    db.session.rollback()
    with _write_transaction():
        report_ops.finish_check_job(job_id, findings)


@contextlib.contextmanager
def _write_transaction() -> Iterator[None]:
    """A short transaction of the session that writes: on SQLite it takes the lock at BEGIN.

    Taking the write lock when the transaction begins (``BEGIN IMMEDIATE``) makes the job wait
    for a respondent's save to finish rather than fail when one came in between.
    """
    intent = WRITE_INTENT.set(True)
    try:
        yield
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    finally:
        WRITE_INTENT.reset(intent)
