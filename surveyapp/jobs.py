"""Reports rendered in the background: in a thread by default, on RQ workers with Redis.

The job's state and progress live in the database (``ReportJob``), and the finished PDF in the
report cache (``RenderedPdf``), so any web worker can show progress and serve the result,
whichever process did the work.

A job never holds a transaction while it renders. On SQLite the database has one write lock,
and a job that rendered inside a writing transaction made every respondent's save wait and then
fail with "database is locked" for minutes. So a job reads what it renders in plain (deferred)
transactions, which never block a writer, ends them, renders, and then writes its result in
one short transaction; its progress goes in short transactions of their own.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

from flask import Flask, current_app
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from reports import compendium_cache_key, render_compendium_pdf
from surveyapp import WRITE_INTENT
from surveyapp.extensions import db
from surveyapp.models import RenderedPdf, ReportJob
from surveyapp.models.types import utcnow

#: the RQ queue report jobs go to (``rq worker surveyapp-reports``)
QUEUE = "surveyapp-reports"


def start_compendium_job(language: str, requested_by: str) -> ReportJob:
    """Queue the compendium in ``language``; returns the job (committed)."""
    job = ReportJob(kind="compendium", language=language, requested_by=requested_by)
    db.session.add(job)
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
    from surveyapp.reporting import build_compendium_dossier, render_limits

    job = db.session.get(ReportJob, job_id)
    runnable = job is not None and job.status in ("queued", "running")
    language = job.language if runnable else None
    db.session.rollback()
    if not runnable:
        return
    try:
        _update_job(job_id, status="running")
        compendium = build_compendium_dossier(
            language=language,
            progress=lambda index, total: _update_job(
                job_id, progress=int(90 * index / max(total, 1))
            ),
        )
        key = compendium_cache_key(compendium)
        cached = db.session.scalar(select(RenderedPdf.id).filter_by(cache_key=key))
        # The dossier is plain data: end the read transaction before the long render.
        db.session.rollback()
        pdf = None if cached is not None else render_compendium_pdf(compendium, render_limits())
        with _write_transaction():
            if pdf is not None:
                _store_pdf(key, pdf)
            job = db.session.get(ReportJob, job_id)
            job.result_key = key
            job.status = "done"
            job.progress = 100
            job.finished_at = utcnow()
    except Exception as error:  # noqa: BLE001 - a failed job must say why, whatever it was
        current_app.logger.exception("Report job %s failed", job_id)
        db.session.rollback()
        _update_job(
            job_id,
            status="failed",
            message=f"{error.__class__.__name__}: {error}",
            finished_at=utcnow(),
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


def _update_job(job_id: int, **values: Any) -> None:
    """Write ``values`` to the job's row at once, in a transaction of its own connection.

    Progress is reported while the session's read transaction is open; writing through it would
    turn that long read into a write holding the lock.
    """
    intent = WRITE_INTENT.set(True)
    try:
        with db.engine.begin() as connection:
            connection.execute(update(ReportJob).where(ReportJob.id == job_id).values(**values))
    finally:
        WRITE_INTENT.reset(intent)


def _store_pdf(key: str, pdf: bytes) -> None:
    """Keep a rendered compendium in the report cache, unless another worker stored it first."""
    try:
        with db.session.begin_nested():
            db.session.add(RenderedPdf(cache_key=key, kind="compendium", pdf=pdf))
    except IntegrityError:
        # Another worker rendered the same PDF meanwhile: theirs is identical.
        pass
