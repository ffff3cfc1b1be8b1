"""Reports rendered in the background: in a thread by default, on RQ workers with Redis.

The job's state and progress live in the database (``ReportJob``), and the finished PDF in the
report cache (``RenderedPdf``), so any web worker can show progress and serve the result,
whichever process did the work.
"""

from __future__ import annotations

import threading

from flask import Flask, current_app

from surveyapp.extensions import db
from surveyapp.models import ReportJob
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
    from surveyapp import WRITE_INTENT

    # The job writes its progress as it goes: on SQLite its transactions must take the write
    # lock when they begin, or a write after a read fails when a request wrote in between.
    WRITE_INTENT.set(True)
    with app.app_context():
        try:
            execute(job_id)
        finally:
            db.session.remove()


def execute(job_id: int) -> None:
    """Run one job to the end, keeping its progress and outcome in the database."""
    from surveyapp.reporting import compendium_pdf, render_limits

    job = db.session.get(ReportJob, job_id)
    if job is None or job.status not in ("queued", "running"):
        return
    try:
        job.status = "running"
        db.session.commit()

        def progress(index: int, total: int) -> None:
            job.progress = int(90 * index / max(total, 1))
            db.session.commit()

        _pdf, key = compendium_pdf(language=job.language, progress=progress, limits=render_limits())
        job.result_key = key
        job.status = "done"
        job.progress = 100
        job.finished_at = utcnow()
        db.session.commit()
    except Exception as error:  # noqa: BLE001 - a failed job must say why, whatever it was
        current_app.logger.exception("Report job %s failed", job_id)
        db.session.rollback()
        job = db.session.get(ReportJob, job_id)
        job.status = "failed"
        job.message = f"{error.__class__.__name__}: {error}"
        job.finished_at = utcnow()
        db.session.commit()
