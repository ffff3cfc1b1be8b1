"""With SURVEYAPP_REDIS_URL set, the compendium is rendered by a real RQ worker process."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys

import pytest
from sqlalchemy import select

from surveyapp import jobs
from surveyapp.extensions import db
from surveyapp.models import RenderedPdf, ReportJob

REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture
def redis_app(app):
    """``app`` sending report jobs to Redis (database 15, emptied first)."""
    if not redis_reachable() or shutil.which("rq") is None:
        if os.environ.get("SURVEYAPP_REQUIRE_SERVICES") == "1":
            pytest.fail("Redis at 127.0.0.1:6379 and the rq command are required here.")
        pytest.skip("Redis or rq is not available")
    from redis import Redis

    Redis.from_url(REDIS_URL).flushdb()
    app.config["SURVEYAPP_REDIS_URL"] = REDIS_URL
    return app


def test_a_queued_compendium_is_rendered_by_an_rq_worker(redis_app, tmp_path):
    with redis_app.test_request_context():
        job = jobs.start_compendium_job("en", "user:analyst@example.org")
        job_id = job.id
        assert db.session.get(ReportJob, job_id).status == "queued"
    env = dict(os.environ)
    env.update(
        SURVEYAPP_DATABASE_URL=redis_app.config["SQLALCHEMY_DATABASE_URI"],
        SURVEYAPP_INSTANCE_PATH=str(tmp_path / "worker"),
        SURVEYAPP_SECRET_KEY="worker-secret",
        SURVEYAPP_REDIS_URL=REDIS_URL,
        PYTHONPATH=os.pathsep.join([os.getcwd(), env.get("PYTHONPATH", "")]),
    )
    worker = subprocess.run(
        [sys.executable, "-m", "rq.cli", "worker", "--burst", "--url", REDIS_URL, jobs.QUEUE],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert worker.returncode == 0, worker.stderr[-2000:]
    with redis_app.app_context():
        job = db.session.get(ReportJob, job_id)
        assert job.status == "done", job.message
        assert job.progress == 100
        pdf = db.session.scalar(select(RenderedPdf.pdf).filter_by(cache_key=job.result_key))
    assert pdf.startswith(b"%PDF")
