"""The benchmark suite completes and reports every case of the groups it ran, with figures.

Speed is never asserted: this runs the suite with tiny sizes (``--smoke``) on the quick groups
and checks that each case produced numeric figures for us and for its floor.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.heavy

ROOT = Path(__file__).resolve().parent.parent

EXPECTED = {
    "web": [
        "autosave PATCH /api/v1/response",
        "ISCM page GET /r/<token>/s/iscm_views/iscm_views/<iscm>",
        "SQL queries per ISCM page",
    ],
    "dashboard": [
        "/analyst/ with",
        "/analyst/coverage with",
        "/analyst/summaries with",
        "/analyst/summaries right after an answer is saved",
    ],
    "export": ["CSV export of", "XLSX export of", "export peak memory"],
    "cli": [
        "surveyapp --help vs",
        "surveyapp --help peak memory",
        "surveyapp invite NLD --json vs",
        "surveyapp invite NLD --json peak memory",
    ],
}


def test_smoke_run_reports_every_case_with_numbers(tmp_path):
    output = tmp_path / "bench.json"
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--smoke",
            "--only",
            ",".join(EXPECTED),
            "--json",
            str(output),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    document = json.loads(output.read_text())
    assert document["mode"] == "smoke"
    results = document["results"]
    for group, names in EXPECTED.items():
        ran = [r for r in results if r["group"] == group]
        assert len(ran) == len(names), (group, [r["name"] for r in ran])
        for prefix, result in zip(names, ran, strict=True):
            assert result["name"].startswith(prefix)
            for key in ("ours", "floor", "ratio", "target"):
                assert isinstance(result[key], int | float), (result["name"], key)
                assert math.isfinite(result[key]), (result["name"], key)
            assert result["floor"] > 0
            assert isinstance(result["passed"], bool)
    # The printed table has a line per case.
    for result in results:
        assert f"| {result['name']} |" in completed.stdout


def test_unknown_group_is_refused_with_a_message():
    completed = subprocess.run(
        [sys.executable, "-m", "bench", "--only", "nonsense"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 2
    assert "unknown group(s) nonsense" in completed.stderr
    assert "Traceback" not in completed.stderr
