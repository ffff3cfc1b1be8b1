"""What share of one summary's render its charts take: building them, and WeasyPrint drawing them.

Builds the demo round (or reads ``--database``), takes the Khartoum Process dossier and times,
after a warm-up, the summary's HTML (charts built included) and WeasyPrint on that HTML (the
render), the charts built alone, and their drawing: WeasyPrint on a page of the charts' images
less WeasyPrint on the same page with each image an empty SVG of the same size (a small
difference measured on a small page: on the whole summary it drowned in the render's own
variation). The charts' share is (building + drawing) / (HTML + PDF). Times are CPU time of
this process, so that other work on a shared machine moves them less; each is the median of
``--repeat`` runs, interleaved. The target (issue 16) is at most 20%.

Run: ``python -m bench.charts_share [--lang ar] [--database demo.sqlite3]``.
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

#: the richest ISCM of the demo round
ISCM = "khartoum-process"
TARGET = 0.2
_SVG_OPENING = re.compile(r"<svg\b[^>]*>")


def khartoum_dossier(language: str, database: Path | None):
    """The Khartoum Process dossier in ``language``, from ``database`` or a fresh demo round."""
    from surveyapp.dossiers import build_iscm_dossier

    if database is None:
        from bench.data import demo_app

        app = demo_app(Path(tempfile.mkdtemp(prefix="surveyapp-charts-")))
    else:
        from surveyapp import create_app

        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database.resolve()}"})
    with app.app_context():
        return build_iscm_dossier(ISCM, language=language)


def chart_pages(charts, language: str) -> tuple[str, str]:
    """A page of the charts' images, and the same page with each image an empty SVG of the
    same size (the same ``<svg>`` element with nothing inside it)."""

    def page(svgs: list[str]) -> str:
        images = "".join(
            '<img alt="chart" src="data:image/svg+xml;base64,'
            + base64.b64encode(svg.encode("utf-8")).decode("ascii")
            + '">'
            for svg in svgs
        )
        return f'<html lang="{language}"><head><title>Charts</title></head><body>{images}</body>'

    svgs = [chart.svg for chart in charts.values() if chart.svg]
    if not svgs:
        raise SystemExit("The summary has no SVG chart to measure.")
    return page(svgs), page([_SVG_OPENING.search(svg).group(0) + "</svg>" for svg in svgs])


def timed(function: Callable[[], object]) -> float:
    """CPU seconds ``function`` takes in this process (on a shared machine, wall-clock time
    counts the turns other processes take on the cores too)."""
    started = time.process_time()
    function()
    return time.process_time() - started


def measure(dossier, repeat: int) -> dict[str, float]:
    """Median CPU seconds of each part of the summary's render (see the module's description)."""
    from reports import render_iscm_html, render_pdf
    from reports.charts import build_charts

    html = render_iscm_html(dossier)
    charts, empty = chart_pages(build_charts(dossier), dossier.language)
    for page in (html, charts, empty):
        render_pdf(page)  # warm-up: fonts, templates, the fonts' outlines
    times: dict[str, list[float]] = {name: [] for name in ("html", "pdf", "charts", "drawn")}
    for _ in range(repeat):
        times["html"].append(timed(lambda: render_iscm_html(dossier)))
        times["pdf"].append(timed(lambda: render_pdf(html)))
        times["charts"].append(timed(lambda: build_charts(dossier)))
        times["drawn"].append(timed(lambda: render_pdf(charts)) - timed(lambda: render_pdf(empty)))
    return {name: statistics.median(values) for name, values in times.items()}


def main(arguments: list[str] | None = None) -> int:
    """Print the charts' share of one summary's render."""
    parser = argparse.ArgumentParser(prog="python -m bench.charts_share", description=__doc__)
    parser.add_argument("--lang", default="en", help="the summary's language (default: en)")
    parser.add_argument("--database", type=Path, help="a demo round's SQLite file")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (default: 3)")
    options = parser.parse_args(arguments)
    dossier = khartoum_dossier(options.lang, options.database)
    figures = measure(dossier, options.repeat)
    render = figures["html"] + figures["pdf"]
    share = (figures["charts"] + figures["drawn"]) / render
    print(f"{ISCM} ({options.lang}), CPU time, median of {options.repeat}:")
    print(f"  summary render (HTML + PDF)  {render:7.3f} s")
    print(f"  charts built                 {figures['charts']:7.3f} s")
    print(f"  charts drawn (WeasyPrint)    {figures['drawn']:7.3f} s")
    print(f"  charts' share                {share:7.1%}  (target <= {TARGET:.0%})")
    print(f"  load average                 {os.getloadavg()[0]:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
