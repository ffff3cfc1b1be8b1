"""How the time to render one ISCM's summary grows with the number of States answering about it.

Builds the demo round, takes the Khartoum Process dossier, and gives it 10, 100 and 1,000 State
views (the three real ones repeated under other States' names, cycling through the registry),
then renders each size several times after a warm-up. It prints, per size, the median render
time, the number of pages, and the time per page; the target is growth that is flat or linear
in the pages (time per page roughly constant), never worse.

Run: ``python -m bench.render_scaling [--quick]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader


def khartoum_dossier():
    """The Khartoum Process dossier of a freshly built demo round."""
    from surveyapp import create_app
    from surveyapp.demo import build_demo
    from surveyapp.dossiers import build_iscm_dossier

    folder = Path(tempfile.mkdtemp(prefix="surveyapp-scaling-"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'demo.sqlite3'}"})
    with app.app_context():
        build_demo()
        return build_iscm_dossier("khartoum-process")


def with_states(dossier, count: int):
    """``dossier`` with ``count`` State views, named after real States of the registry."""
    from reports.dossier import OrganisationName
    from surveyapp.registry import load_registry

    states = load_registry().states
    views = []
    for index in range(count):
        model = dossier.state_views[index % len(dossier.state_views)]
        entry = states[index % len(states)]
        name = OrganisationName(
            entry.code, entry.name_in("en"), entry.short_name_in("en"), entry.in_sentence_in("en")
        )
        views.append(dataclasses.replace(model, state=name))
    return dataclasses.replace(dossier, state_views=views)


def measure(dossier, repeats: int) -> tuple[float, int]:
    """Median seconds to render ``dossier`` and its page count."""
    from reports import render_iscm_pdf

    pdf = render_iscm_pdf(dossier)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        pdf = render_iscm_pdf(dossier)
        times.append(time.perf_counter() - started)
    return statistics.median(times), len(PdfReader(io.BytesIO(pdf)).pages)


def main(argv: list[str] | None = None) -> int:
    """Command line: print the scaling table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 and 100 States, one repeat")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    sizes = (10, 100) if args.quick else (10, 100, 1000)
    repeats = 1 if args.quick else 3
    base = khartoum_dossier()
    rows = []
    for size in sizes:
        seconds, pages = measure(with_states(base, size), repeats)
        rows.append(
            {
                "states": size,
                "seconds": round(seconds, 3),
                "pages": pages,
                "seconds_per_page": round(seconds / pages, 3),
            }
        )
    first = rows[0]
    for row in rows:
        row["time_ratio"] = round(row["seconds"] / first["seconds"], 2)
        row["per_page_ratio"] = round(row["seconds_per_page"] / first["seconds_per_page"], 2)
    print(f"{'States':>7} {'median s':>9} {'pages':>6} {'s/page':>7} {'time x':>7} {'s/page x':>9}")
    for row in rows:
        print(
            f"{row['states']:>7} {row['seconds']:>9} {row['pages']:>6} "
            f"{row['seconds_per_page']:>7} {row['time_ratio']:>7} {row['per_page_ratio']:>9}"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
