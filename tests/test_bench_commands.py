"""The bench's compendium and command cases complete on tiny data and report figures.

Speed is never asserted: the cases run with the smoke sizes (two ISCMs, a handful of
responses, one repetition, no warm-up) and each must give finite numbers for us and for its
floor. Both tests run the bench in this process, in one folder: whichever runs second in a
worker starts from the demo round the first one built (``bench.data.demo_app``).
"""

from __future__ import annotations

import json
import math

import pytest

from bench.commands import compendium_cases
from bench.measure import SMOKE
from bench.run import main

pytestmark = pytest.mark.heavy


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The bench's folder, shared by the tests of this module."""
    return tmp_path_factory.mktemp("bench")


def assert_figures(result: dict) -> None:
    for key in ("ours", "floor", "ratio", "target", "load"):
        assert isinstance(result[key], int | float), (result["name"], key)
        assert math.isfinite(result[key]), (result["name"], key)
    assert result["floor"] > 0, result["name"]
    assert isinstance(result["passed"], bool)


def test_commands_group_reports_each_command_as_typed(folder, monkeypatch, capsys):
    monkeypatch.setenv("SURVEYAPP_INSTANCE_PATH", str(folder / "instance"))
    output = folder / "bench.json"
    arguments = ["--smoke", "--only", "commands", "--keep", str(folder), "--json", str(output)]
    assert main(arguments) == 0
    printed = capsys.readouterr().out
    results = json.loads(output.read_text())["results"]
    assert [r["group"] for r in results] == ["commands"] * 3
    assert [r["name"] for r in results] == [
        "surveyapp report iscm khartoum-process cached vs cold",
        "surveyapp report all as typed vs in process plus a bare start",
        "surveyapp export --format csv --type state as typed vs in process plus a bare start",
    ]
    for result in results:
        assert_figures(result)
        assert f"| {result['name']} |" in printed


def test_compendium_cases_render_the_cut_down_round(folder, monkeypatch):
    monkeypatch.setenv("SURVEYAPP_INSTANCE_PATH", str(folder / "instance"))
    results = compendium_cases(folder, SMOKE)
    assert [r.name for r in results] == [
        "compendium of 2 ISCMs vs their summaries rendered alone",
        "surveyapp report compendium peak memory (RSS) vs report iscm khartoum-process",
    ]
    for result in results:
        assert_figures(vars(result))
    assert (folder / "compendium.pdf").read_bytes().startswith(b"%PDF")
