"""What people wait for outside the web pages: the compendium, and the commands as typed.

Two parts of ``python -m bench`` (registered in :mod:`bench.run`):

* :func:`compendium_cases` (group ``reports``): the compendium PDF against its ISCMs' summaries
  rendered alone, and the peak memory of ``surveyapp report compendium`` against that of
  ``surveyapp report iscm``;
* :func:`commands_cases` (group ``commands``): ``surveyapp report iscm`` cached against cold,
  and ``surveyapp report all`` and ``surveyapp export`` as typed against the same command run
  in a process already started plus the start of a bare interpreter.

Both run on the demo round cut down to ``sizes.report_all`` answered ISCMs (every ISCM in the
full run): what renders every ISCM (the compendium, ``report all``) renders that many.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from bench.measure import Result, Sizes

#: a process that starts Python and imports what every command needs and nothing else
BARE_START = [sys.executable, "-c", "import flask, flask_sqlalchemy, click"]
#: the issue sets no target for the compendium's memory; twice one summary's peak is this
#: bench's own mark: the compendium holds every ISCM's laid-out pages at once, so its peak grows
#: with the number of ISCMs where a summary's does not
COMPENDIUM_MEMORY_TARGET = 2


def surveyapp_command() -> list[str]:
    """The console script as a user types it (``python -m surveyapp`` where it is missing)."""
    script = shutil.which("surveyapp")
    return [script] if script else [sys.executable, "-m", "surveyapp"]


def command_environment(folder: Path, database: Path) -> dict[str, str]:
    """The environment of a command on ``database``, bytecode written as in an installation."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return environment | {
        "SURVEYAPP_DATABASE_URL": f"sqlite:///{database}",
        "SURVEYAPP_INSTANCE_PATH": str(folder / "instance"),
    }


def cached_pdfs(app: Flask, *, empty: bool = False) -> int:
    """The PDFs in the report cache of ``app``'s database; with ``empty``, deleted first."""
    from sqlalchemy import delete, func, select

    from surveyapp.extensions import db
    from surveyapp.models import RenderedPdf

    with app.app_context():
        if empty:
            db.session.execute(delete(RenderedPdf))
            db.session.commit()
        count = db.session.scalar(select(func.count()).select_from(RenderedPdf))
        db.session.commit()
    return count


def compendium_cases(folder: Path, sizes: Sizes) -> list[Result]:
    """The compendium against the sum of its parts, and its command's peak memory."""
    from bench.data import demo_app
    from bench.measure import SUMMARY_ISCM, Result, paired, timed_command
    from reports import render_compendium_pdf, render_iscm_pdf
    from surveyapp import dossiers
    from surveyapp.extensions import db

    app = demo_app(folder, "compendium", iscms=sizes.report_all, first=SUMMARY_ISCM)
    with app.app_context():
        started = time.perf_counter()
        compendium = dossiers.build_compendium_dossier(language="en")
        built = time.perf_counter() - started
        db.session.commit()
    parts = [(dossier, compendium.edits.get(dossier.iscm.code)) for dossier in compendium.iscms]
    count = len(parts)
    if sizes.warmup:
        render_iscm_pdf(*parts[0])  # warm-up: fonts, templates and renderers loaded once

    def parts_alone() -> None:
        for dossier, edits in parts:
            render_iscm_pdf(dossier, edits)

    # no warm-up pair: a compendium of every ISCM takes a minute
    ours, floor = paired(
        lambda: render_compendium_pdf(compendium), parts_alone, sizes.report_repeat, warmup=0
    )
    results = [
        Result(
            "reports",
            f"compendium of {count} ISCMs vs their summaries rendered alone",
            ours,
            floor,
            "s",
            1.1,
            note=f"in English, from dossiers built beforehand ({built:.1f} s for all)",
        )
    ]

    command = surveyapp_command()
    environment = command_environment(folder, folder / "compendium.sqlite3")
    runs = {
        "compendium": [*command, "report", "compendium", "-o", str(folder / "compendium.pdf")],
        "summary": [*command, "report", "iscm", SUMMARY_ISCM, "-o", str(folder / "summary.pdf")],
    }
    figures: dict[str, list[tuple[float, int]]] = {name: [] for name in runs}
    for _ in range(sizes.report_repeat):
        for name, argv in runs.items():
            cached_pdfs(app, empty=True)  # each command renders, none finds the other's PDF
            figures[name].append(timed_command(argv, environment))
    seconds = statistics.median(t for t, _ in figures["compendium"])
    results.append(
        Result(
            "reports",
            f"surveyapp report compendium peak memory (RSS) vs report iscm {SUMMARY_ISCM}",
            statistics.median(m for _, m in figures["compendium"]) / 2**20,
            statistics.median(m for _, m in figures["summary"]) / 2**20,
            "MiB",
            COMPENDIUM_MEMORY_TARGET,
            note=f"as typed, cache emptied before each, {count} ISCMs; the compendium command "
            f"took {seconds:.1f} s",
        )
    )
    return results


def commands_cases(folder: Path, sizes: Sizes, apps: dict[str, Flask]) -> list[Result]:
    """``surveyapp report iscm`` cold and cached, ``report all`` and ``export`` as typed."""
    from bench.data import demo_app
    from bench.measure import SUMMARY_ISCM, Result, timed_command

    app = demo_app(folder, "commands", iscms=sizes.report_all, first=SUMMARY_ISCM)
    command = surveyapp_command()
    environment = command_environment(folder, folder / "commands.sqlite3")
    summary = ["report", "iscm", SUMMARY_ISCM, "-o", str(folder / "summary.pdf")]

    def cold() -> float:
        cached_pdfs(app, empty=True)
        return timed_command([*command, *summary], environment)[0]

    def cached() -> float:
        seconds = timed_command([*command, *summary], environment)[0]
        # a second entry would mean the second command computed another key and rendered again
        if cached_pdfs(app) != 1:
            raise RuntimeError("the second `report iscm` did not find the first one's PDF")
        return seconds

    if sizes.warmup:  # bytecode compiled, files in the page cache
        cold()
        cached()
    # without the warm-up, the timed pair still checks that the second finds the first's PDF
    cold_times, cached_times = [], []
    for _ in range(sizes.repeat):
        cold_times.append(cold())
        cached_times.append(cached())
    results = [
        Result(
            "commands",
            f"surveyapp report iscm {SUMMARY_ISCM} cached vs cold",
            statistics.median(cached_times),
            statistics.median(cold_times),
            "s",
            0.3,
            note="as typed, a fresh process each; the second finds the first's PDF in the cache",
        )
    ]
    # warm-up: renderers imported
    if sizes.warmup and app.test_cli_runner().invoke(args=summary).exit_code != 0:
        raise RuntimeError("`report iscm` failed in process")
    results.append(
        as_typed(
            "surveyapp report all",
            ["report", "all", "-o", str(folder / "all")],
            app,
            environment,
            sizes.report_repeat,
            warmup=False,  # a run of every ISCM takes a minute; the start is warm already
            note=f"{sizes.report_all or 'every'} ISCMs, the workers chosen from the load",
        )
    )
    many = apps["many"]
    results.append(
        as_typed(
            "surveyapp export --format csv --type state",
            ["export", "--format", "csv", "--type", "state", "-o", str(folder / "export.zip")],
            many,
            command_environment(folder, folder / "many.sqlite3"),
            sizes.export_repeat,
            warmup=sizes.warmup,
            note=f"{sizes.many:,} generated State responses",
        )
    )
    return results


def as_typed(
    name: str,
    args: list[str],
    app: Flask,
    environment: dict[str, str],
    repeat: int,
    *,
    warmup: bool,
    note: str,
) -> Result:
    """The command ``args`` as typed against the same command run in this process (Flask's CLI
    runner) plus a bare interpreter's start, both timed in each repetition.

    What is left above the floor is what the command's start costs beyond Python, Flask,
    Flask-SQLAlchemy and click: the ``cli`` group's target for it (1.5x) is the target here.
    """
    from bench.measure import Result, timed_command

    runner = app.test_cli_runner()

    def in_process() -> float:
        started = time.perf_counter()
        outcome = runner.invoke(args=args)
        if outcome.exit_code != 0:
            raise RuntimeError(f"{name} failed in process: {outcome.output[-500:]}")
        return time.perf_counter() - started

    def typed() -> float:
        return timed_command([*surveyapp_command(), *args], environment)[0]

    if warmup:
        typed()
        in_process()
    ours, floor = [], []
    for _ in range(repeat):
        ours.append(typed())
        floor.append(in_process() + timed_command(BARE_START, environment)[0])
    return Result(
        "commands",
        f"{name} as typed vs in process plus a bare start",
        statistics.median(ours),
        statistics.median(floor),
        "s",
        1.5,
        note=f"{note}; bare start: python -c 'import flask, flask_sqlalchemy, click'",
    )
