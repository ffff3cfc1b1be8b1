"""A server killed with SIGKILL in the middle of saves keeps every acknowledged write."""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from surveyapp.demo import khartoum_responses
from tests.production.conftest import call

pytestmark = pytest.mark.skipif(shutil.which("gunicorn") is None, reason="gunicorn not installed")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            "gunicorn",
            "--preload",
            "--workers",
            "2",
            "--threads",
            "4",
            "--bind",
            f"127.0.0.1:{port}",
            "surveyapp:create_app()",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=10):
                return process
        except OSError:
            time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    raise RuntimeError("gunicorn did not start")


@pytest.fixture
def server_env(app, tmp_path):
    """Environment for a gunicorn serving the ``app`` fixture's database (initialised)."""
    env = dict(os.environ)
    env["SURVEYAPP_INSTANCE_PATH"] = str(tmp_path / "instance")
    env["SURVEYAPP_SECRET_KEY"] = "crash-test-secret"
    env["SURVEYAPP_DATABASE_URL"] = app.config["SQLALCHEMY_DATABASE_URI"]
    return env


def test_every_acknowledged_write_survives_sigkill(server_env, create_invitation):
    tokens = [create_invitation(code)[0] for code in ("EGY", "ETH", "NLD", "KEN")]
    iscm_token = create_invitation("khartoum-process")[0]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(server_env, port)

    acknowledged: dict[str, dict[str, str]] = {token: {} for token in tokens}
    submitted: list[str] = []
    stop = threading.Event()

    def respondent(token: str) -> None:
        version = 0
        counter = 0
        while not stop.is_set():
            counter += 1
            value = f"answer {counter}"
            try:
                status, body = call(
                    "PATCH",
                    f"{base}/api/v1/response",
                    token,
                    {"version": version, "answers": {"respondent_name": value}},
                )
            except (OSError, http.client.HTTPException):
                return
            if status == 200:
                version = body["version"]
                acknowledged[token]["respondent_name"] = value

    def submitter() -> None:
        answers = next(r for r in khartoum_responses() if r.organisation == "khartoum-process")
        try:
            status, body = call(
                "PATCH",
                f"{base}/api/v1/response",
                iscm_token,
                {"version": 0, "answers": answers.answers},
            )
            if status == 200:
                status, _ = call("POST", f"{base}/api/v1/response/submit", iscm_token, {})
                if status == 200:
                    submitted.append(iscm_token)
        except (OSError, http.client.HTTPException):
            return

    threads = [threading.Thread(target=respondent, args=(t,)) for t in tokens]
    threads.append(threading.Thread(target=submitter))
    for thread in threads:
        thread.start()
    time.sleep(3)
    os.killpg(server.pid, signal.SIGKILL)
    server.wait(timeout=10)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    assert sum(len(v) for v in acknowledged.values()) > 0, "no write was acknowledged"

    server = start_server(server_env, port)
    try:
        for token, answers in acknowledged.items():
            _status, body = call("GET", f"{base}/api/v1/response", token)
            for key, value in answers.items():
                # The acknowledged value, or a later one whose reply the kill cut off.
                stored = body["answers"].get(key) or ""
                assert stored.startswith("answer ")
                assert int(stored.split()[1]) >= int(value.split()[1])
        _status, iscm = call("GET", f"{base}/api/v1/response", iscm_token)
        if submitted:
            assert iscm["status"] == "submitted"
        if iscm["status"] == "submitted":
            assert iscm["answers"]["founding_document"] == "Rome Declaration"
            assert iscm["submitted_at"] is not None
        else:
            assert iscm["submitted_at"] is None
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
