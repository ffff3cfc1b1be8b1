"""The report cache and the background report jobs: rendered PDFs kept under their cache key,
and each job's state, progress and outcome.

Import it as ``from surveyapp.operations import reports as report_ops``; its names are not
handed on by the package. No audit event is recorded: a cached PDF and a job's progress change
no answer and no summary (publishing does, in :mod:`surveyapp.operations.summaries`).

Like every operation, those that write through the session flush and leave the commit to the
caller. Job progress is the exception, on purpose: it is written at once on a connection of its
own, so that a job reading what it renders never holds the write lock.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from surveyapp import WRITE_INTENT
from surveyapp.extensions import db
from surveyapp.models import RenderedPdf, ReportJob
from surveyapp.models.types import utcnow


def store_pdf(key: str, kind: str, pdf: bytes) -> None:
    """Keep a rendered PDF in the report cache, unless another worker stored it first.

    :param kind: ``iscm`` or ``compendium``.
    """
    try:
        with db.session.begin_nested():
            db.session.add(RenderedPdf(cache_key=key, kind=kind, pdf=pdf))
    except IntegrityError:
        # Another worker rendered the same PDF meanwhile: theirs is identical.
        pass


def add_compendium_job(language: str, requested_by: str, illustrative: bool = True) -> ReportJob:
    """A queued job rendering the compendium in ``language`` (added; the caller commits).

    :param illustrative: False leaves illustrative (demo) answers out of the compendium.
    """
    job = ReportJob(
        kind="compendium", language=language, requested_by=requested_by, illustrative=illustrative
    )
    db.session.add(job)
    return job


def finish_job(job_id: int, result_key: str) -> None:
    """Mark job ``job_id`` done, its PDF kept in the report cache under ``result_key``."""
    job = db.session.get(ReportJob, job_id)
    job.result_key = result_key
    job.status = "done"
    job.progress = 100
    job.finished_at = utcnow()


def mark_job_running(job_id: int) -> None:
    """Mark job ``job_id`` running (written at once, on a connection of its own)."""
    _write_job_row(job_id, status="running")


def record_job_progress(job_id: int, progress: int) -> None:
    """Record how far job ``job_id`` is, 0 to 100 (written at once, on a connection of its own)."""
    _write_job_row(job_id, progress=progress)


def fail_job(job_id: int, message: str) -> None:
    """Mark job ``job_id`` failed, saying why (written at once, on a connection of its own)."""
    _write_job_row(job_id, status="failed", message=message, finished_at=utcnow())


def _write_job_row(job_id: int, **values: Any) -> None:
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
