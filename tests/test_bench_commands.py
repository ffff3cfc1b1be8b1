"""The bench's compendium and command cases complete on tiny data and report figures.

Speed is never asserted: the cases run with the smoke sizes (two ISCMs, a handful of
responses, one repetition) and each must give finite numbers for us and for its floor.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

from bench.commands import compendium_cases
from bench.measure import SMOKE

ROOT = Path(__file__).resolve().parent.parent


def assert_figures(result: dict) -> None:
    for key in ("ours", "floor", "ratio", "target", "load"):
        assert isinstance(result[key], int | float), (result["name"], key)
        assert math.isfinite(result[key]), (result["name"], key)
    assert result["floor"] > 0, result["name"]
    assert isinstance(result["passed"], bool)


def test_commands_group_reports_each_command_as_typed(tmp_path):
    output = tmp_path / "bench.json"
    completed = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--only", "commands", "--json", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    results = json.loads(output.read_text())["results"]
    assert [r["group"] for r in results] == ["commands"] * 3
    assert [r["name"] for r in results] == [
        "surveyapp report iscm khartoum-process cached vs cold",
        "surveyapp report all as typed vs in process plus a bare start",
        "surveyapp export --format csv --type state as typed vs in process plus a bare start",
    ]
    for result in results:
        assert_figures(result)
        assert f"| {result['name']} |" in completed.stdout


def test_compendium_cases_render_the_cut_down_round(tmp_path, monkeypatch):
    monkeypatch.setenv("SURVEYAPP_INSTANCE_PATH", str(tmp_path / "instance"))
    results = compendium_cases(tmp_path, SMOKE)
    assert [r.name for r in results] == [
        "compendium of 2 ISCMs vs their summaries rendered alone",
        "surveyapp report compendium peak memory (RSS) vs report iscm khartoum-process",
    ]
    for result in results:
        assert_figures(vars(result))
    assert (tmp_path / "compendium.pdf").read_bytes().startswith(b"%PDF")
