"""Resident memory after consecutive summaries, measured in a fresh process.

``python -m bench.memory DATABASE FIRST SECOND`` renders summaries of the database's answered
ISCMs one after another (from the database each time, never from the cache), and prints as
JSON the resident set size (``VmRSS``) after ``FIRST`` and after ``SECOND`` summaries.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from pathlib import Path


def rss_bytes() -> int:
    """The resident set size of this process, after a full garbage collection."""
    gc.collect()
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    import resource  # not Linux: fall back on the peak, which can only overstate a leak

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main(argv: list[str]) -> int:
    database, first, second = argv[0], int(argv[1]), int(argv[2])
    from sqlalchemy import select

    from reports import render_iscm_pdf
    from surveyapp import create_app, dossiers
    from surveyapp.extensions import db
    from surveyapp.models import Organisation, Response

    os.environ.setdefault("SURVEYAPP_INSTANCE_PATH", str(Path(database).parent / "instance"))
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
            "SECRET_KEY": "bench-secret-key",
        }
    )
    figures = {}
    with app.app_context():
        codes = db.session.scalars(
            select(Organisation.code)
            .join(Response, Response.organisation_id == Organisation.id)
            .where(Organisation.kind == "iscm", Response.status == "submitted")
            .order_by(Organisation.code)
        ).all()
        for number in range(1, second + 1):
            code = codes[(number - 1) % len(codes)]
            dossier = dossiers.build_iscm_dossier(code)
            survey_round = dossiers.report_round()
            edits = {k: e.text for k, e in dossiers.summary_edits(survey_round, code, "en").items()}
            render_iscm_pdf(dossier, edits)
            db.session.remove()  # one summary per request, as the web application does
            if number == first:
                figures["first"] = rss_bytes()
        figures["second"] = rss_bytes()
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
