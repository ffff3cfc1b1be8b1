"""The benchmark suite: each case beside a floor measured in the same run, as a ratio.

Absolute times drift on shared machines; a ratio against a floor timed in the same run, the two
runs interleaved, does much less. Each case runs once to warm up (not in a smoke run, whose
figures only show that the case runs), then several times; the figure is the median.
``python -m bench`` prints a table and, with ``--json FILE``, writes it.

Groups (``--only``, in this order): ``reports`` (a summary against WeasyPrint alone, cached
against cold, ``report all`` on every core against one, memory after many summaries), ``web``
(autosave and one ISCM's page through one WSGI server against bare Flask endpoints, SQL
queries per page), ``dashboard`` (many responses against few), ``export`` (CSV and XLSX
against pandas, peak memory against the frame), ``cli`` (commands' start), ``commands`` (commands
as typed, cold and cached; the compendium is in ``reports``: :mod:`bench.commands`).
``bench/load.py`` stays a separate load test.

The exit status is 0 when every case completed, whatever the timings: timings are reported,
never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import http.client
import io
import itertools
import json
import logging
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import asdict
from pathlib import Path

from bench.measure import (
    FULL,
    QUICK,
    SMOKE,
    SUMMARY_ISCM,
    Result,
    Sizes,
    paired,
    timed_command,
)

GROUPS = ("reports", "web", "dashboard", "export", "cli", "commands")
#: the State section with the per-ISCM blocks; one ISCM's page is the largest a respondent sees
SECTION = "iscm_views"
#: the question whose chosen ISCMs the per-ISCM pages follow
ITEMS_FROM = "iscms"


# -- reports ---------------------------------------------------------------------------------


def reports_cases(folder: Path, sizes: Sizes) -> list[Result]:
    from sqlalchemy import delete, select

    from bench.data import demo_app
    from reports import render_iscm_html, render_iscm_pdf, render_pdf
    from surveyapp import dossiers, pdfs
    from surveyapp.extensions import db
    from surveyapp.models import Organisation, RenderedPdf, Response

    app = demo_app(folder)
    results = []
    with app.app_context():
        survey_round = dossiers.report_round()

        def edits_of(code):
            return {k: e.text for k, e in dossiers.summary_edits(survey_round, code, "en").items()}

        dossier = dossiers.build_iscm_dossier(SUMMARY_ISCM)
        html = render_iscm_html(dossier, edits_of(SUMMARY_ISCM))

        def ours_summary():
            built = dossiers.build_iscm_dossier(SUMMARY_ISCM, survey_round=survey_round)
            return render_iscm_pdf(built, edits_of(SUMMARY_ISCM))

        ours, floor = paired(
            ours_summary, lambda: render_pdf(html), sizes.repeat, warmup=sizes.warmup
        )
        results.append(
            Result(
                "reports",
                "summary from the database vs WeasyPrint on its HTML",
                ours,
                floor,
                "s",
                1.3,
                note=f"{SUMMARY_ISCM}, {len(html):,} characters of HTML",
            )
        )

        def cold():
            db.session.execute(delete(RenderedPdf))
            db.session.commit()
            gc.collect()  # as in `paired`: no run pays for collecting the bench's own objects
            started = time.perf_counter()
            pdfs.summary_pdf(SUMMARY_ISCM)
            db.session.commit()
            return time.perf_counter() - started

        def cached():
            gc.collect()
            started = time.perf_counter()
            pdfs.summary_pdf(SUMMARY_ISCM)
            db.session.commit()
            return time.perf_counter() - started

        if sizes.warmup:
            cold()
            cached()
        cold_times, cached_times = [], []
        for _ in range(sizes.repeat):
            cold_times.append(cold())
            cached_times.append(cached())
        results.append(
            Result(
                "reports",
                "summary cached vs cold (summary_pdf twice)",
                statistics.median(cached_times),
                statistics.median(cold_times),
                "s",
                0.05,
            )
        )

        # the web download as the view serves it: the summary page's PDF, cache emptied
        # before each request, rendered within the render limits (by the render server)
        from bench.data import analyst

        client = logged_in(app, *analyst(app))
        path = f"/analyst/summaries/{SUMMARY_ISCM}/preview.pdf"

        def web_download():
            db.session.execute(delete(RenderedPdf))
            db.session.commit()
            reply = client.get(path)
            assert reply.status_code == 200, reply.status_code
            return reply.data

        ours, floor = paired(web_download, ours_summary, sizes.repeat, warmup=sizes.warmup)
        results.append(
            Result(
                "reports",
                "web summary download (view, render limits) vs in-process render",
                ours,
                floor,
                "s",
                1.2,
                note="GET .../preview.pdf, cache emptied before each",
            )
        )

        codes = db.session.scalars(
            select(Organisation.code)
            .join(Response, Response.organisation_id == Organisation.id)
            .where(Organisation.kind == "iscm", Response.status == "submitted")
            .order_by(Organisation.code)
        ).all()
        if sizes.report_all:
            codes = codes[: sizes.report_all]
        jobs = [
            (code, dossiers.build_iscm_dossier(code, survey_round=survey_round), edits_of(code))
            for code in codes
        ]
    processes = os.cpu_count() or 1
    if sizes.warmup:
        render_iscm_pdf(jobs[0][1], jobs[0][2])  # warm-up: fonts and templates loaded once

    def render_all(workers: int) -> None:
        assert len(list(pdfs.render_many(jobs, processes=workers))) == len(jobs)

    # interleaved, each run after a full collection, like every paired case (since 2026-12-01,
    # third session; before, the runs of this case alone skipped the collection)
    all_time, single_time = paired(
        lambda: render_all(processes), lambda: render_all(1), sizes.report_repeat, warmup=0
    )
    results.append(
        Result(
            "reports",
            f"report all on {processes} cores vs one after another",
            all_time,
            single_time,
            "s",
            0.6,
            note=f"{len(jobs)} ISCM summaries, worker start-up included",
        )
    )

    first, second = sizes.memory
    runs = []
    for _ in range(sizes.report_repeat):  # medians of several fresh processes, as elsewhere
        output = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.memory",
                str(folder / "demo.sqlite3"),
                str(first),
                str(second),
            ],
            check=True,
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        ).stdout
        runs.append(json.loads(output.strip().splitlines()[-1]))
    figures = {key: statistics.median(run[key] for run in runs) for key in ("first", "second")}
    results.append(
        Result(
            "reports",
            f"memory (RSS) after {second} summaries vs after {first}",
            figures["second"] / 2**20,
            figures["first"] / 2**20,
            "MiB",
            1.1,
            note=f"a fresh process each of {sizes.report_repeat} runs, renders from the "
            "database, never from the cache",
        )
    )
    return results


# -- web -------------------------------------------------------------------------------------


class Server:
    """One threaded werkzeug server on loopback: ``/_floor/...`` goes to the floor app."""

    def __init__(self, app, floor_app) -> None:
        from werkzeug.serving import make_server

        logging.getLogger("werkzeug").setLevel(logging.ERROR)

        def dispatch(environ, start_response):
            if environ.get("PATH_INFO", "").startswith("/_floor/"):
                return floor_app(environ, start_response)
            return app(environ, start_response)

        self.server = make_server("127.0.0.1", 0, dispatch, threaded=True)
        self.port = self.server.server_port
        # a short poll interval: `close` waits for the serving loop to notice it should stop
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Client:
    """One client for every request: a fresh connection each time, timed end to end."""

    def __init__(self, port: int) -> None:
        self.port = port

    def request(self, method: str, path: str, body: bytes | None = None, headers=None):
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            reply = connection.getresponse()
            data = reply.read()
        finally:
            connection.close()
        return reply.status, data, time.perf_counter() - started


FLOOR_PAGE = "{% for line in lines %}{{ line|safe }}{% if not loop.last %}\n{% endif %}{% endfor %}"


def floor_app(folder: Path, page: bytes):
    """Bare Flask: one endpoint writes one row to a SQLite table, one renders a template."""
    from flask import Flask, jsonify, render_template_string, request

    path = folder / "floor.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS saves (id INTEGER PRIMARY KEY, token TEXT, "
            "version INTEGER, answers TEXT, saved_at TEXT)"
        )
    lines = page.decode().split("\n")
    app = Flask("bench_floor")

    @app.patch("/_floor/save")
    def save():
        body = request.get_json()
        connection = sqlite3.connect(path)
        try:
            connection.execute("PRAGMA synchronous=NORMAL")
            with connection:
                cursor = connection.execute(
                    "INSERT INTO saves (token, version, answers, saved_at) VALUES (?, ?, ?, ?)",
                    (
                        request.headers.get("Authorization", ""),
                        body["version"],
                        json.dumps(body["answers"]),
                        dt.datetime.now(dt.UTC).isoformat(),
                    ),
                )
        finally:
            connection.close()
        return jsonify(version=cursor.lastrowid, answers=body["answers"])

    @app.get("/_floor/page")
    def page_():
        return render_template_string(FLOOR_PAGE, lines=lines)

    return app


def count_queries(app, path: str) -> int:
    """SQL statements run by the second GET of ``path`` (in-process test client)."""
    from sqlalchemy import event

    from surveyapp.extensions import db

    client = app.test_client()
    assert client.get(path).status_code == 200
    count = 0

    def counter(*_args):
        nonlocal count
        count += 1

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", counter)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", counter)
    return count


def web_cases(folder: Path, sizes: Sizes, apps: dict) -> list[Result]:
    from bench.data import respondent

    few, many = apps["few"], apps["many"]
    token, answers = respondent(many)
    few_token, _ = respondent(few)
    # The heaviest page a respondent waits on: one ISCM's questions (the section is a hub).
    item = f"{SECTION}/{SECTION}/{answers[ITEMS_FROM][0]}"
    page_path = f"/r/{token}/s/{item}"
    #: requests of each kind sent before the timed ones
    warmup = 5 if sizes.warmup else 0
    results = []
    with_page = many.test_client().get(page_path)
    assert with_page.status_code == 200, with_page.status_code
    page = with_page.data
    server = Server(many, floor_app(folder, page))
    try:
        client = Client(server.port)
        floor_size = len(client.request("GET", "/_floor/page")[1])
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        version = json.loads(client.request("GET", "/api/v1/response", headers=headers)[1])[
            "version"
        ]
        ours_times, floor_times = [], []
        for number in range(sizes.requests + warmup):
            body = json.dumps(
                {"version": version, "answers": {"respondent_name": f"Benchmark {number}"}}
            ).encode()
            status, data, seconds = client.request("PATCH", "/api/v1/response", body, headers)
            assert status == 200, (status, data[:300])
            version = json.loads(data)["version"]
            floor_status, _, floor_seconds = client.request("PATCH", "/_floor/save", body, headers)
            assert floor_status == 200
            if number >= warmup:  # the first ones warm up
                ours_times.append(seconds)
                floor_times.append(floor_seconds)
        results.append(
            Result(
                "web",
                "autosave PATCH /api/v1/response p50 vs bare Flask writing one row",
                statistics.median(ours_times) * 1000,
                statistics.median(floor_times) * 1000,
                "ms",
                3,
                note=f"{sizes.requests} requests each, werkzeug threaded server, "
                f"{sizes.many:,} responses in the round",
            )
        )
        ours_times, floor_times = [], []
        for number in range(sizes.requests + warmup):
            status, data, seconds = client.request("GET", page_path)
            assert status == 200, status
            floor_status, _, floor_seconds = client.request("GET", "/_floor/page")
            assert floor_status == 200
            if number >= warmup:
                ours_times.append(seconds)
                floor_times.append(floor_seconds)
        results.append(
            Result(
                "web",
                "ISCM page GET /r/<token>/s/iscm_views/iscm_views/<iscm> p50 vs bare template",
                statistics.median(ours_times) * 1000,
                statistics.median(floor_times) * 1000,
                "ms",
                3,
                note=f"{len(page):,} bytes vs {floor_size:,} bytes",
            )
        )
    finally:
        server.close()
    results.append(
        Result(
            "web",
            f"SQL queries per ISCM page, {sizes.many:,} vs {sizes.few} responses",
            count_queries(many, page_path),
            count_queries(few, f"/r/{few_token}/s/{item}"),
            "queries",
            1,
            comparison="equal",
            note="counted with before_cursor_execute, not timed",
        )
    )
    return results


# -- dashboard -------------------------------------------------------------------------------


def logged_in(app, email: str, password: str):
    """A test client logged in as ``email``."""
    client = app.test_client()
    page = client.get("/login").data.decode()
    csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    reply = client.post(
        "/login",
        data={"csrf_token": csrf.group(1) if csrf else "", "email": email, "password": password},
    )
    assert reply.status_code in (302, 303), reply.status_code
    return client


def dashboard_cases(sizes: Sizes, apps: dict) -> list[Result]:
    from contextlib import nullcontext
    from unittest import mock

    from bench.data import analyst
    from surveyapp.analyst import routes

    clients = {}
    for key in ("few", "many"):
        email, password = analyst(apps[key])
        clients[key] = logged_in(apps[key], email, password)
    results = []
    for path in ("/analyst/", "/analyst/coverage", "/analyst/summaries"):

        def get(key, path=path):
            reply = clients[key].get(path)
            assert reply.status_code == 200, (path, reply.status_code)

        note = "in-process test client, logged-in analyst"
        same_page = nullcontext()
        if path == "/analyst/":
            # The list draws a page of rows, and the floor's responses fill only `few` of
            # them: both sides draw `few` rows, so the ratio is what grows with the responses.
            same_page = mock.patch.object(routes, "PAGE_SIZE", sizes.few)
            note += f"; a page of {sizes.few} rows on both sides (PAGE_SIZE set for the case)"
        with same_page:
            ours, floor = paired(
                lambda: get("many"), lambda: get("few"), sizes.repeat, warmup=sizes.warmup
            )
        results.append(
            Result(
                "dashboard",
                f"{path} with {sizes.many:,} responses vs {sizes.few}",
                ours * 1000,
                floor * 1000,
                "ms",
                2,
                note=note,
            )
        )
    results.append(board_after_a_save(sizes, apps, get))
    return results


def board_after_a_save(sizes: Sizes, apps: dict, get) -> Result:
    """The summaries board loaded right after a respondent saved an answer: the page keeps its
    reading of the round while nothing changes, so this is the load that reads again (the one
    response saved)."""
    from sqlalchemy import select

    from bench.data import respondent
    from surveyapp import operations
    from surveyapp.extensions import db
    from surveyapp.models import Organisation, Response

    saves = itertools.count()
    drafts = {}
    for key in ("few", "many"):
        respondent(apps[key], "MEX")
        with apps[key].app_context():
            drafts[key] = db.session.scalar(
                select(Response.id).join(Response.organisation).where(Organisation.code == "MEX")
            )

    def saved_then_loaded(key):
        with apps[key].app_context():
            response = db.session.get(Response, drafts[key])
            answer = {"respondent_name": f"Focal point {next(saves)}"}
            operations.save_answers(
                response, response.version, answer, actor="bench", channel="bench"
            )
            db.session.commit()
        get(key, "/analyst/summaries")

    ours, floor = paired(
        lambda: saved_then_loaded("many"),
        lambda: saved_then_loaded("few"),
        sizes.repeat,
        warmup=sizes.warmup,
    )
    return Result(
        "dashboard",
        f"/analyst/summaries right after an answer is saved, {sizes.many:,} responses vs "
        f"{sizes.few}",
        ours * 1000,
        floor * 1000,
        "ms",
        2,
        note="the save (one answer, through the operation every channel calls) and the load",
    )


# -- export ----------------------------------------------------------------------------------


def export_cases(folder: Path, sizes: Sizes, apps: dict) -> list[Result]:
    import pandas as pd
    from openpyxl import Workbook

    from surveyapp import exports, operations

    app = apps["many"]
    results = []
    with app.app_context():
        survey_round = operations.current_round()

        def ours(file_format):
            output = io.BytesIO()
            exports.export_round(survey_round, output, file_format=file_format, kinds=("state",))
            return output

        sheets = exports.build_sheets(survey_round, ("state",), False, "en")
        sheets.append(exports.dictionary_sheet(list(sheets)))
        tables = [
            (sheet.name, [c.name for c in sheet.columns], list(sheet.rows())) for sheet in sheets
        ]
        frames = [(name, pd.DataFrame(rows, columns=header)) for name, header, rows in tables]
        rows = len(frames[0][1])

        def floor_csv():
            output = io.BytesIO()
            with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for name, frame in frames:
                    with archive.open(f"{name}.csv", "w") as raw:
                        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
                        frame.to_csv(text, index=False)
                        text.flush()
                        text.detach()
            return output

        def floor_xlsx():
            # openpyxl's write-only mode over the same rows, with nothing else: the fastest
            # plain loop (pandas' to_excel uses the normal mode, ten times slower).
            output = io.BytesIO()
            workbook = Workbook(write_only=True)
            for name, header, table_rows in tables:
                worksheet = workbook.create_sheet(name)
                worksheet.append(header)
                for row in table_rows:
                    worksheet.append(row)
            workbook.save(output)
            return output

        frame_bytes = sum(int(frame.memory_usage(deep=True).sum()) for _, frame in frames)
        for file_format, floor, target, what in (
            ("csv", floor_csv, 2, "pandas to_csv of the already-built frames (ZIP, deflated)"),
            ("xlsx", floor_xlsx, 1.5, "a plain openpyxl write-only loop over the same rows"),
        ):
            mine, theirs = paired(
                lambda f=file_format: ours(f), floor, sizes.export_repeat, warmup=sizes.warmup
            )
            results.append(
                Result(
                    "export",
                    f"{file_format.upper()} export of {rows:,} State responses vs "
                    + ("pandas" if file_format == "csv" else "openpyxl write-only"),
                    mine,
                    theirs,
                    "s",
                    target,
                    note=what,
                )
            )
    rises = {}
    for file_format in ("csv", "xlsx"):
        measured = []
        for _ in range(sizes.export_repeat):  # the median of several fresh processes
            output = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bench.export_memory",
                    str(folder / "many.sqlite3"),
                    file_format,
                ],
                check=True,
                capture_output=True,
                text=True,
                cwd=Path(__file__).resolve().parent.parent,
            ).stdout
            measured.append(json.loads(output.strip().splitlines()[-1])["rise"])
        rises[file_format] = statistics.median(measured)
    results.append(
        Result(
            "export",
            "export peak memory (RSS; CSV, XLSX) vs the frames' own size",
            max(rises.values()) / 2**20,
            frame_bytes / 2**20,
            "MiB",
            2,
            note=f"peak RSS above the RSS before the export, a fresh process each "
            f"({sizes.export_repeat} a format, medians): "
            f"CSV {rises['csv'] / 2**20:.1f} MiB, XLSX {rises['xlsx'] / 2**20:.1f} MiB; "
            "frames: memory_usage(deep=True)",
        )
    )
    return results


# -- cli -------------------------------------------------------------------------------------


def cli_cases(folder: Path, sizes: Sizes) -> list[Result]:
    """``surveyapp --help`` and ``surveyapp invite X --json`` as typed, in fresh processes,
    against a process that imports Flask, Flask-SQLAlchemy and click and nothing else."""
    import shutil

    command = [shutil.which("surveyapp") or sys.executable]
    if command[0] == sys.executable:
        command.append("-m")
        command.append("surveyapp")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"} | {
        "SURVEYAPP_DATABASE_URL": f"sqlite:///{folder / 'few.sqlite3'}",
        "SURVEYAPP_INSTANCE_PATH": str(folder / "instance"),
    }
    cases = {
        "floor": [sys.executable, "-c", "import flask, flask_sqlalchemy, click"],
        "surveyapp --help": [*command, "--help"],
        "surveyapp invite NLD --json": [*command, "invite", "NLD", "--json"],
    }
    if sizes.warmup:  # compiled bytecode written, files in the page cache
        for argv in cases.values():
            timed_command(argv, env)
    figures: dict[str, list[tuple[float, int]]] = {name: [] for name in cases}
    for _ in range(sizes.repeat):
        for name, argv in cases.items():
            figures[name].append(timed_command(argv, env))
    floor_time = statistics.median(t for t, _ in figures["floor"])
    floor_rss = statistics.median(m for _, m in figures["floor"])
    results = []
    for name in ("surveyapp --help", "surveyapp invite NLD --json"):
        results.append(
            Result(
                "cli",
                f"{name} vs importing flask, flask_sqlalchemy, click",
                statistics.median(t for t, _ in figures[name]),
                floor_time,
                "s",
                1.5,
                note="wall clock of the command as typed, a fresh process each run",
            )
        )
        results.append(
            Result(
                "cli",
                f"{name} peak memory (RSS) vs the same imports",
                statistics.median(m for _, m in figures[name]) / 2**20,
                floor_rss / 2**20,
                "MiB",
                1.5,
                note="ru_maxrss of the process",
            )
        )
    return results


# -- the suite -------------------------------------------------------------------------------


def run(groups: tuple[str, ...], sizes: Sizes, folder: Path, echo=print) -> list[Result]:
    from bench.commands import commands_cases, compendium_cases
    from bench.data import bulk_app

    results: list[Result] = []
    started = time.perf_counter()
    if "reports" in groups:
        echo("reports: the demo round, summaries...")
        results += reports_cases(folder, sizes)
        echo(f"[{time.perf_counter() - started:.0f} s] reports: the compendium...")
        results += compendium_cases(folder, sizes)
    # the small round serves web, dashboard and cli (its database), the large one every group
    # but cli: a run of other groups builds only what they use
    apps = {}
    if any(g in groups for g in ("web", "dashboard", "cli")):
        echo(f"generating a round of {sizes.few} State responses...")
        apps["few"] = bulk_app(folder, "few", sizes.few, seed=1)
    if any(g in groups for g in ("web", "dashboard", "export", "commands")):
        echo(f"generating a round of {sizes.many:,} State responses...")
        apps["many"] = bulk_app(folder, "many", sizes.many, seed=2)
    if "web" in groups:
        echo(f"[{time.perf_counter() - started:.0f} s] web: autosave, ISCM page, queries...")
        results += web_cases(folder, sizes, apps)
    if "dashboard" in groups:
        echo(f"[{time.perf_counter() - started:.0f} s] dashboard...")
        results += dashboard_cases(sizes, apps)
    if "export" in groups:
        echo(f"[{time.perf_counter() - started:.0f} s] export...")
        results += export_cases(folder, sizes, apps)
    if "cli" in groups:
        echo(f"[{time.perf_counter() - started:.0f} s] cli: commands as typed...")
        results += cli_cases(folder, sizes)
    if "commands" in groups:
        echo(f"[{time.perf_counter() - started:.0f} s] commands: report iscm, all, export...")
        results += commands_cases(folder, sizes, apps)
    echo(f"[{time.perf_counter() - started:.0f} s] done")
    return results


def table(results: list[Result]) -> str:
    """The results as a Markdown table."""
    lines = [
        "| case | ours | floor | ratio | target | result | load |",
        "|---|---:|---:|---:|---:|---|---:|",
    ]
    for r in results:
        figure = "{:,.0f}" if r.unit == "queries" else "{:,.3g}" if r.unit == "s" else "{:,.1f}"
        lines.append(
            f"| {r.name} | {figure.format(r.ours)} {r.unit} | {figure.format(r.floor)} {r.unit} "
            f"| {r.ratio:.2f}x | {r.target_text} | {'pass' if r.passed else 'falls short'} "
            f"| {r.load:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="smaller sizes, fewer repetitions")
    mode.add_argument("--smoke", action="store_true", help="tiny sizes: checks every case runs")
    parser.add_argument("--only", help=f"comma-separated groups among {', '.join(GROUPS)}")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--keep", metavar="FOLDER", help="build the databases in FOLDER")
    args = parser.parse_args(argv)

    groups = GROUPS
    if args.only:
        groups = tuple(g.strip() for g in args.only.split(",") if g.strip())
        unknown = [g for g in groups if g not in GROUPS]
        if unknown:
            parser.error(f"unknown group(s) {', '.join(unknown)}: choose among {', '.join(GROUPS)}")
    sizes = SMOKE if args.smoke else QUICK if args.quick else FULL
    mode_name = "smoke" if args.smoke else "quick" if args.quick else "full"
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="surveyapp-bench-") as temporary:
        folder = Path(args.keep or temporary)
        folder.mkdir(parents=True, exist_ok=True)
        results = run(groups, sizes, folder, echo=lambda m: print(m, file=sys.stderr))
    elapsed = time.perf_counter() - started
    print(table(results))
    load_after = os.getloadavg()[0]
    print(
        f"\n{mode_name} run, {elapsed:.0f} s, {os.cpu_count()} cores, "
        f"load average {load_before:.1f} before and {load_after:.1f} after"
    )
    if args.json:
        document = {
            "mode": mode_name,
            "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "seconds": round(elapsed, 1),
            "cpu_count": os.cpu_count(),
            "load_average": [round(load_before, 2), round(load_after, 2)],
            "sizes": asdict(sizes),
            "results": [
                asdict(r) | {"target_text": r.target_text, "ratio": r.ratio} for r in results
            ],
        }
        Path(args.json).write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
