"""Bounded load test: simulated respondents autosave and submit against gunicorn on loopback.

Run ``python -m bench.load --database sqlite`` or ``--database postgresql``. The script builds
its own database (registry, questionnaires, one invitation per respondent and an analyst),
starts gunicorn on a free loopback port, lets ``--respondents`` simulated respondents open their
pages, autosave answer by answer and submit for ``--duration`` seconds while analysts load the
dashboard and download summaries, stops everything by itself, and then checks in the database
that every save the server acknowledged is there.

It prints requests per second, latency percentiles, errors (and "database is locked" errors
separately) and the number of acknowledged saves missing afterwards.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1/bench"


@dataclass
class Tally:
    """Latencies and outcomes, shared by every simulated client."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    locked: int = 0
    #: token -> key -> last acknowledged value
    acknowledged: dict[str, dict[str, object]] = field(default_factory=dict)
    submitted: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, seconds: float, status: int, body: bytes) -> None:
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)
            if status >= 500:
                text = body.decode(errors="replace")
                if "locked" in text:
                    self.locked += 1
                self.errors.append(f"{kind} {status}")


class Client:
    """One keep-alive HTTP connection to the server."""

    def __init__(self, port: int):
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if isinstance(body, dict):
            body = json.dumps(body)
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            reply = self.connection.getresponse()
            data = reply.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            raise
        for header, value in reply.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return reply.status, data, time.perf_counter() - started


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def create_postgres_database(url: str) -> None:
    """Create the PostgreSQL database of ``url`` when the server does not have it yet."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    target = make_url(url)
    engine = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        exists = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": target.database}
        )
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{target.database}"'))
    engine.dispose()


def prepare(database_url: str, respondents: int) -> tuple[list[tuple[str, str, dict]], str, str]:
    """Build the database; returns (token, respondent type, answers) per respondent and a login."""
    from sqlalchemy import select

    from surveyapp import create_app, operations
    from surveyapp.bootstrap import initialise_database
    from surveyapp.demo import illustrative_responses
    from surveyapp.extensions import db
    from surveyapp.models import Organisation
    from surveyapp.registry import load_registry

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url})
    people = []
    with app.app_context():
        db.drop_all()
        initialise_database(migrate=False)
        templates: dict[str, list[dict]] = {}
        for demo in illustrative_responses(load_registry()):
            templates.setdefault(demo.respondent_type, []).append(demo.answers)
        organisations = db.session.scalars(
            select(Organisation).where(Organisation.kind.in_(["state", "iscm"]))
        ).all()
        survey_round = operations.current_round()
        for index, organisation in enumerate(organisations[:respondents]):
            _invitation, token = operations.invite(survey_round, organisation, None, "bench")
            answers = templates[organisation.kind][index % len(templates[organisation.kind])]
            people.append((token, organisation.kind, answers))
        password = "bench analyst password"
        operations.create_user("bench@example.org", password, "analyst")
        db.session.commit()
    return people, "bench@example.org", password


def respondent(port: int, token: str, answers: dict, tally: Tally, stop: threading.Event):
    """Open the pages, autosave one answer at a time, submit, start over on another section."""
    client = Client(port)
    auth = {"Authorization": f"Bearer {token}"}
    keys = list(answers)
    rng = random.Random(token)
    version = 0
    tally.acknowledged[token] = {}
    while not stop.is_set():
        try:
            status, body, seconds = client.request("GET", f"/r/{token}/")
            tally.record("page", seconds, status, body)
            if token in tally.submitted:
                time.sleep(0.5)
                continue
            for key in keys:
                if stop.is_set():
                    return
                status, body, seconds = client.request(
                    "PATCH",
                    "/api/v1/response",
                    {"version": version, "answers": {key: answers[key]}},
                    auth,
                )
                tally.record("autosave", seconds, status, body)
                if status == 200:
                    version = json.loads(body)["version"]
                    with tally.lock:
                        tally.acknowledged[token][key] = answers[key]
                elif status == 409:
                    version = json.loads(body)["version"]
                time.sleep(rng.uniform(0.05, 0.3))
            status, body, seconds = client.request(
                "POST", "/api/v1/response/submit", {"version": version}, auth
            )
            tally.record("submit", seconds, status, body)
            if status == 200:
                tally.submitted.add(token)
        except (OSError, http.client.HTTPException) as error:
            with tally.lock:
                tally.errors.append(f"connection: {error.__class__.__name__}")
            time.sleep(0.2)


def analyst(port: int, email: str, password: str, tally: Tally, stop: threading.Event):
    """Log in, then load the responses page and a summary PDF in turn."""
    client = Client(port)
    _status, body, _seconds = client.request("GET", "/login")
    csrf = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', body)
    form = urllib.parse.urlencode(
        {"csrf_token": csrf.group(1).decode() if csrf else "", "email": email, "password": password}
    )
    client.request("POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded"})
    while not stop.is_set():
        try:
            status, body, seconds = client.request("GET", "/analyst/")
            tally.record("dashboard", seconds, status, body)
            time.sleep(1.0)
        except (OSError, http.client.HTTPException) as error:
            with tally.lock:
                tally.errors.append(f"connection: {error.__class__.__name__}")


#: renders summaries from the live database in a process of its own, for ``seconds``
SUMMARY_LOOP = """
import sys, time
from reports import render_iscm_pdf
from surveyapp import create_app
from surveyapp.extensions import db
from surveyapp.dossiers import build_iscm_dossier
app = create_app({"SQLALCHEMY_DATABASE_URI": sys.argv[1]})
end = time.monotonic() + float(sys.argv[2])
times = []
with app.app_context():
    while time.monotonic() < end:
        started = time.perf_counter()
        render_iscm_pdf(build_iscm_dossier("khartoum-process"))
        db.session.rollback()
        times.append(time.perf_counter() - started)
print(" ".join(f"{t:.4f}" for t in times))
"""


def summaries(database_url: str, duration: float) -> subprocess.Popen:
    """Start rendering summaries alongside the load (an analyst preparing the gathering)."""
    return subprocess.Popen(
        [sys.executable, "-c", SUMMARY_LOOP, database_url, str(duration)],
        stdout=subprocess.PIPE,
        text=True,
    )


def missing_writes(database_url: str, tally: Tally) -> int:
    """Acknowledged saves not found in the database afterwards."""
    from sqlalchemy import select

    from surveyapp import create_app
    from surveyapp.extensions import db
    from surveyapp.models import Invitation
    from surveyapp.models.response import hash_token

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url})
    missing = 0
    with app.app_context():
        for token, answers in tally.acknowledged.items():
            invitation = db.session.scalar(
                select(Invitation).filter_by(token_hash=hash_token(token))
            )
            stored = invitation.response.answer_values()
            for key, value in answers.items():
                if stored.get(key) != value:
                    missing += 1
            if token in tally.submitted and invitation.response.status != "submitted":
                missing += 1
    return missing


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` fall."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def run(database: str, respondents: int, duration: float, workers: int) -> dict:
    """One load run; returns the figures."""
    folder = Path(tempfile.mkdtemp(prefix="surveyapp-load-"))
    if database == "postgresql":
        url = os.environ.get("SURVEYAPP_BENCH_DATABASE_URL", POSTGRES_URL)
        create_postgres_database(url)
    else:
        url = f"sqlite:///{folder / 'load.sqlite3'}"
    people, email, password = prepare(url, respondents)
    port = free_port()
    server_log = folder / "gunicorn.log"
    env = dict(os.environ)
    env.update(
        SURVEYAPP_DATABASE_URL=url,
        SURVEYAPP_INSTANCE_PATH=str(folder / "instance"),
        SURVEYAPP_SECRET_KEY="load-test-secret-key",
    )
    server = subprocess.Popen(
        [
            "gunicorn",
            "--preload",
            "--workers",
            str(workers),
            "--threads",
            "8",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "surveyapp:create_app()",
        ],
        env=env,
        stderr=server_log.open("w"),
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                Client(port).request("GET", "/login")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        tally = Tally()
        stop = threading.Event()
        threads = [
            threading.Thread(target=respondent, args=(port, token, answers, tally, stop))
            for token, _kind, answers in people
        ]
        threads += [
            threading.Thread(target=analyst, args=(port, email, password, tally, stop))
            for _ in range(2)
        ]
        renderer = summaries(url, duration)
        started = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(duration)
        stop.set()
        for thread in threads:
            thread.join(timeout=120)
        elapsed = time.monotonic() - started
        rendered, _ = renderer.communicate(timeout=300)
        tally.latencies["summary"] = [float(t) for t in rendered.split()]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    requests = sum(len(v) for k, v in tally.latencies.items() if k != "summary")
    every = [s for k, v in tally.latencies.items() if k != "summary" for s in v]
    figures = {
        "database": database,
        "workers": workers,
        "respondents": len(people),
        "seconds": round(elapsed, 1),
        "requests": requests,
        "requests_per_second": round(requests / elapsed, 1),
        "p50_ms": round(percentile(every, 0.50) * 1000, 1),
        "p95_ms": round(percentile(every, 0.95) * 1000, 1),
        "p99_ms": round(percentile(every, 0.99) * 1000, 1),
        "autosave_p50_ms": round(percentile(tally.latencies.get("autosave", []), 0.5) * 1000, 1),
        "dashboard_p50_ms": round(percentile(tally.latencies.get("dashboard", []), 0.5) * 1000, 1),
        "summaries_rendered": len(tally.latencies.get("summary", [])),
        "summary_median_s": round(statistics.median(tally.latencies.get("summary", [0])), 2),
        "submitted": len(tally.submitted),
        "errors": len(tally.errors),
        "database_locked": server_log.read_text().count("database is locked"),
        "acknowledged_saves": sum(len(v) for v in tally.acknowledged.values()),
        "missing_after": missing_writes(url, tally),
    }
    return figures


def main(argv: list[str] | None = None) -> int:
    """Command line: run the load test and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--respondents", type=int, default=200)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    figures = run(args.database, args.respondents, args.duration, args.workers)
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 1 if figures["errors"] or figures["missing_after"] else 0


if __name__ == "__main__":
    sys.exit(main())
