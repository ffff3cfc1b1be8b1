"""Peak resident memory of one export, measured in a fresh process.

``python -m bench.export_memory DATABASE FORMAT`` creates the application on the database,
writes the State export in ``FORMAT`` (csv or xlsx) to a temporary file as ``surveyapp
export`` does, and prints as JSON how far the resident set size (``VmHWM``, the peak, reset
just before) rose above the resident size before the export (``VmRSS``), in bytes. Linux only
(``/proc/self``).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path


def status_kib(field: str) -> int:
    """A ``/proc/self/status`` figure in KiB (``VmRSS``, ``VmHWM``)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"/proc/self/status has no {field}")


def main(argv: list[str]) -> int:
    database, file_format = argv[0], argv[1]
    os.environ.setdefault("SURVEYAPP_INSTANCE_PATH", str(Path(database).parent / "instance"))
    from surveyapp import create_app, exports, operations

    if file_format == "xlsx":
        import openpyxl  # noqa: F401 - the library itself is not the export's memory

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}", "SECRET_KEY": "bench"})
    with app.app_context(), tempfile.TemporaryFile() as output:
        survey_round = operations.current_round()
        before = status_kib("VmRSS")
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS
        exports.export_round(survey_round, output, file_format=file_format, kinds=("state",))
        peak = status_kib("VmHWM")
    figures = {"before": before * 1024, "peak": peak * 1024, "rise": (peak - before) * 1024}
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
