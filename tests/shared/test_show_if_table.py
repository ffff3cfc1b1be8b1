"""The shared show_if table, run against the Python evaluator (the JavaScript one runs it in
tests/browser/test_respondent_experience.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from surveyapp.questionnaire import evaluate

CASES = json.loads((Path(__file__).parent / "show_if_cases.json").read_text(encoding="utf-8"))[
    "cases"
]


def test_the_table_covers_every_kind_of_condition():
    text = json.dumps([case["condition"] for case in CASES])
    for kind in ("equals", "includes", "answered", "all", "any", "not"):
        assert f'"{kind}"' in text
    assert any("scope" in case for case in CASES)
    assert {case["expected"] for case in CASES} == {True, False}


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_python_evaluator_agrees_with_the_shared_table(case):
    assert evaluate(case["condition"], case["answers"], case.get("scope")) is case["expected"]
