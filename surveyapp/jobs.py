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

Jobs of the summaries board (``render``, ``check``, ``publish``) work through their ISCMs one
after another, each read, laid out or rendered with nothing held, and each ending in a short
transaction that keeps its outcome (with the cache entry, or the published version): a summary
that fails is recorded with the reason and the job goes on with the next.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app
from sqlalchemy import select

from surveyapp import WRITE_INTENT, pdfs
from surveyapp.dossiers import report_round, summary_texts, texts_fingerprint
from surveyapp.extensions import db
from surveyapp.models import Organisation, ReportJob, SurveyRound
from surveyapp.operations import reports as report_ops
from surveyapp.operations import summaries as summary_ops

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
    codes = [subject] if subject else _every_iscm()
    return start_summaries_job("check", codes, language, requested_by, illustrative=illustrative)


def start_summaries_job(
    kind: str,
    codes: list[str],
    language: str,
    requested_by: str,
    *,
    illustrative: bool = True,
    confirmed: dict[str, str] | None = None,
    with_untranslated: bool = False,
) -> ReportJob:
    """Queue a job that renders, checks or publishes (``kind``) the summaries of the ISCMs
    ``codes`` in ``language``, one after another; returns the job (committed).

    :param confirmed: for a publication, the fingerprint of each summary's texts as the analyst
        confirmed them (:func:`surveyapp.dossiers.texts_fingerprint`).
    :param with_untranslated: publish summaries that quote untranslated passages too.
    """
    return _start(
        summary_ops.add_summaries_job(
            kind,
            codes,
            language,
            requested_by,
            illustrative=illustrative,
            confirmed=confirmed,
            with_untranslated=with_untranslated,
        )
    )


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
        kind, language, subject, illustrative, plan, requested_by = (
            job.kind,
            job.language,
            job.subject,
            job.illustrative,
            [dict(entry) for entry in job.findings or [] if "outcome" in entry],
            job.requested_by,
        )
    db.session.rollback()
    if not runnable:
        return
    try:
        report_ops.mark_job_running(job_id)
        if kind in summary_ops.SUMMARY_JOB_KINDS:
            if not plan:
                # a check queued before checks kept their ISCMs: its ``subject``, or every ISCM
                plan = [{"code": code} for code in ([subject] if subject else _every_iscm())]
            _summaries(job_id, kind, plan, language, illustrative, requested_by)
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


def _every_iscm() -> list[str]:
    """Every ISCM's code, in order."""
    return list(
        db.session.scalars(
            select(Organisation.code).filter_by(kind="iscm").order_by(Organisation.code)
        )
    )


@dataclass(frozen=True)
class _Run:
    """What every step of a job of the summaries board needs to know."""

    job_id: int
    language: str
    illustrative: bool
    requested_by: str


def _summaries(
    job_id: int,
    kind: str,
    plan: list[dict[str, Any]],
    language: str,
    illustrative: bool,
    requested_by: str,
) -> None:
    """Render, check or publish each summary of ``plan`` in turn, keeping each outcome as it
    comes; a summary that fails says why and the job goes on."""
    run = _Run(job_id, language, illustrative, requested_by)
    step = {"render": _render_one, "check": _check_one, "publish": _publish_one}[kind]
    for index, entry in enumerate(plan, start=1):
        progress = int(99 * index / len(plan))
        try:
            step(run, entry, progress)
            continue
        except _NotDone as refusal:
            details = refusal.details
        except Exception as error:  # noqa: BLE001 - one summary's failure is listed with its reason
            current_app.logger.exception("Job %s: the summary of %s failed", job_id, entry["code"])
            details = {"text": f"{error.__class__.__name__}: {error}"}
        db.session.rollback()
        with _write_transaction():
            summary_ops.record_summary_outcome(
                job_id, entry["code"], "failed", progress=progress, **details
            )
    with _write_transaction():
        summary_ops.finish_summaries_job(job_id)


class _NotDone(Exception):
    """A summary the job leaves as it is, for a reason the analyst can act on: ``details`` say
    which (``reason``: ``changed`` or ``untranslated`` with its ``count``), for the job's page
    to say it in the reader's language."""

    def __init__(self, **details: Any) -> None:
        super().__init__(details)
        self.details = details


def _check_one(run: _Run, entry: dict[str, Any], progress: int) -> None:
    """Lay the summary out and keep what :func:`reports.check.check_summary` finds."""
    found = pdfs.summary_findings(
        entry["code"], language=run.language, illustrative=run.illustrative
    )
    db.session.rollback()
    with _write_transaction():
        summary_ops.record_summary_outcome(
            run.job_id,
            entry["code"],
            "done",
            progress=progress,
            findings=[{"page": f.page, "kind": f.kind, "text": f.text} for f in found],
        )


def _render_one(run: _Run, entry: dict[str, Any], progress: int) -> None:
    """Render the summary into the report cache (unless it is there already)."""
    prepared = pdfs.prepare_summary(
        entry["code"],
        language=run.language,
        limits=pdfs.render_limits(),
        illustrative=run.illustrative,
    )
    cached = pdfs.is_cached(prepared.key)
    db.session.rollback()
    pdf = None if cached else prepared.render()
    with _write_transaction():
        if pdf is not None:
            report_ops.store_pdf(prepared.key, prepared.kind, pdf)
        summary_ops.record_summary_outcome(
            run.job_id, entry["code"], "done", progress=progress, cached=cached
        )


def _publish_one(run: _Run, entry: dict[str, Any], progress: int) -> None:
    """Publish the summary as it stands, if its texts are still those the analyst confirmed
    and it quotes no untranslated passage (unless the analyst accepted that)."""
    code, language = entry["code"], run.language
    survey_round = report_round()
    dossier, edits = pdfs.summary_inputs(code, language=language, survey_round=survey_round)
    texts = summary_texts(dossier, edits)
    if entry.get("confirmed") is not None and entry["confirmed"] != texts_fingerprint(texts):
        raise _NotDone(reason="changed")
    left = len({passage.text for passage in dossier.untranslated_passages})
    if left and not entry.get("with_untranslated"):
        raise _NotDone(reason="untranslated", count=left)
    prepared = pdfs.prepare_summary(
        code, language=language, survey_round=survey_round, limits=pdfs.render_limits()
    )
    pdf = pdfs.cached_pdf(prepared.key)
    round_id = survey_round.id
    # the dossier is plain data: end the read before the render
    db.session.rollback()
    rendered = pdf is None
    if rendered:
        pdf = prepared.render()
    with _write_transaction():
        if rendered:
            report_ops.store_pdf(prepared.key, prepared.kind, pdf)
        iscm = db.session.scalar(select(Organisation).filter_by(code=code, kind="iscm"))
        published = summary_ops.publish_summary(
            db.session.get(SurveyRound, round_id),
            iscm,
            language,
            pdf,
            prepared.key,
            actor=run.requested_by,
            sections=texts,
        )
        summary_ops.record_summary_outcome(
            run.job_id, code, "done", progress=progress, version=published.number
        )


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
