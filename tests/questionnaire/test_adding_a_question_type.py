"""A question type is one class: registering it is all the form, the API, the export and
the XLSForm need. The toy ``percent`` type below (a share from 0 to 100) is the example that
``docs/questionnaire-format.md`` ("Adding a question type") walks through."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pytest
import yaml
from openpyxl import load_workbook
from wtforms import StringField

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.interop.xlsform import build_xlsform
from surveyapp.questionnaire import Choice, Question, Text, load_questionnaire
from surveyapp.questionnaire.types import (
    AnswerError,
    AnswerProblem,
    QuestionType,
    XLSFormType,
    register,
    unregister,
)
from surveyapp.questionnaire.types.base import N_, RangeMessages, check_range, is_blank
from surveyapp.questionnaire.types.simple import NOT_WHOLE, whole_number
from surveyapp.registry import load_registry


class PercentType(QuestionType):
    """A share of a whole, as a whole number of per cent."""

    name = "percent"
    bounds = "value"
    is_numeric = True
    xlsform = XLSFormType("integer", role="percent")
    schema_rule = {"properties": {"choices": {"$ref": "#/$defs/not_applicable"}}}
    range_messages = RangeMessages(
        N_("Enter a number between %(low)s and %(high)s."),
        N_("Enter a number of at least %(low)s."),
        N_("Enter a number of at most %(high)s."),
    )

    def coerce(self, question: Question, raw: Any) -> int | None:
        if is_blank(raw):
            return None
        value = whole_number(raw, NOT_WHOLE)
        check_range(value, 0, 100, self.range_messages)
        return value

    def form_field(self, question: Question, language: str) -> StringField:
        return StringField(question.label.get_text(language), render_kw={"inputmode": "numeric"})

    def display_text(self, question: Question, value: Any, language: str) -> str:
        return f"{value} %"


TOY_QUESTIONNAIRE = """\
id: igo_toy
version: "toy.1"
respondent_type: igo
title: {en: "A questionnaire with a percent question"}
sections:
  - key: budget
    title: {en: "Budget"}
    questions:
      - key: share_of_budget
        type: percent
        label: {en: "Share of your budget spent on migration", fr: "Part du budget"}
"""


@pytest.fixture
def percent_type():
    """The toy type, registered for one test."""
    register(PercentType)
    yield PercentType
    unregister(PercentType.name)


@pytest.fixture
def toy_file(tmp_path, percent_type):
    """The toy questionnaire as a file."""
    path = tmp_path / "igo-toy.yaml"
    path.write_text(TOY_QUESTIONNAIRE, encoding="utf-8")
    return path


@pytest.fixture
def toy_round(app, toy_file, create_invitation):
    """A round asking IGOs the toy questionnaire; the invitation token of IOM."""
    with app.app_context():
        version = operations.store_questionnaire(toy_file, load_registry())
        operations.open_round("Toy round", 2099, [version])
        db.session.commit()
    token, _response_id = create_invitation("iom")
    return token


def test_the_type_is_refused_once_it_is_unregistered(toy_file, runner):
    unregister(PercentType.name)
    result = runner.invoke(args=["questionnaires", "validate", str(toy_file)])
    assert result.exit_code != 0
    assert "percent" in result.output
    register(PercentType)


def test_the_form_shows_the_types_own_field(client, toy_round):
    page = client.get(f"/r/{toy_round}/s/budget").get_data(as_text=True)
    assert re.search(r'<input[^>]*id="share_of_budget"[^>]*inputmode="numeric"', page)


def test_the_api_stores_its_value_and_refuses_with_its_own_problem(client, toy_round):
    headers = {"Authorization": f"Bearer {toy_round}"}
    version = client.get("/api/v1/response", headers=headers).get_json()["version"]
    refused = client.patch(
        "/api/v1/response",
        json={"version": version, "answers": {"share_of_budget": 150}},
        headers=headers,
    )
    assert refused.status_code == 422
    assert refused.get_json()["errors"] == {
        "share_of_budget": ["Enter a number between 0 and 100."]
    }
    saved = client.patch(
        "/api/v1/response",
        json={"version": version, "answers": {"share_of_budget": "35"}},
        headers=headers,
    )
    assert saved.status_code == 200
    assert saved.get_json()["answers"] == {"share_of_budget": 35}


def test_the_check_page_shows_its_display_text(client, toy_round):
    headers = {"Authorization": f"Bearer {toy_round}"}
    client.patch(
        "/api/v1/response", json={"version": 0, "answers": {"share_of_budget": 35}}, headers=headers
    )
    assert "35 %" in client.get(f"/r/{toy_round}/check").get_data(as_text=True)


def test_the_export_has_its_column(client, runner, toy_round, tmp_path):
    headers = {"Authorization": f"Bearer {toy_round}"}
    client.patch(
        "/api/v1/response", json={"version": 0, "answers": {"share_of_budget": 35}}, headers=headers
    )
    path = tmp_path / "export.xlsx"
    result = runner.invoke(args=["export", "--format", "xlsx", "--type", "igo", "-o", str(path)])
    assert result.exit_code == 0, result.output
    sheets = pd.read_excel(path, sheet_name=None)
    assert sheets["igo"]["share_of_budget"].dropna().tolist() == [35]
    dictionary = sheets["dictionary"].set_index("column")
    assert dictionary.loc["share_of_budget", "type"] == "percent"


def test_the_xlsform_writes_it_and_reads_it_back(runner, toy_file, tmp_path):
    xlsx, back = tmp_path / "toy.xlsx", tmp_path / "back.yaml"
    # pyxform reads the form back: the organisation field needs a choice to be a select
    organisations = [Choice("iom", Text(en="IOM"))]
    build_xlsform(load_questionnaire(toy_file), organisations=organisations).write(xlsx)
    survey = load_workbook(xlsx)["survey"].iter_rows(values_only=True)
    header = next(survey)
    rows = {row[header.index("name")]: dict(zip(header, row, strict=True)) for row in survey}
    assert rows["share_of_budget"]["type"] == "integer"
    assert rows["share_of_budget"]["surveyapp"] == "percent"
    result = runner.invoke(args=["questionnaires", "import-xlsform", str(xlsx), "-o", str(back)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(back.read_text(encoding="utf-8"))
    [question] = data["sections"][0]["questions"]
    assert (question["key"], question["type"]) == ("share_of_budget", "percent")


def test_a_refusal_is_a_coded_problem(percent_type):
    question = Question(key="q", type="percent", label={"en": "Q"})
    with pytest.raises(AnswerError) as refused:
        percent_type().coerce(question, 101)
    assert isinstance(refused.value.message, AnswerProblem)
    assert refused.value.message.to_json() == {"code": "out_of_range", "min": 0, "max": 100}
