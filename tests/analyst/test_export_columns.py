"""The columns a multiple choice takes in an export, read back: the combined column of codes
separated by spaces and the 0/1 columns per choice say the same."""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from surveyapp.exports import writer
from surveyapp.exports.sheets import SPLIT_LIMIT, Sheet, question_columns
from surveyapp.questionnaire.model import Choice, Question, Text

CODES = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_-]{0,11}", fullmatch=True)


def multiple_choice(codes: list[str]) -> Question:
    return Question(
        key="states_joined",
        type="select_multiple",
        label=Text(en="Which States have joined?", fr="Quels États ont rejoint ?"),
        choices=[Choice(code, Text(en=f"State {code}")) for code in codes],
    )


@st.composite
def answered(draw):
    """A multiple choice of 1 to 60 choices and an answer: some of them, in the choices' order."""
    codes = draw(st.lists(CODES, min_size=1, max_size=60, unique=True))
    chosen = draw(st.lists(st.sampled_from(codes), unique=True))
    return codes, sorted(chosen, key=codes.index)


def read_back(question: Question, answer: list[str], split_large: bool) -> dict[str, object]:
    columns = question_columns(question, False, "en", split_large)
    return {column.name: column.read({question.key: answer}) for column in columns}


@given(answered())
def test_the_combined_column_and_the_split_columns_agree(case):
    codes, chosen = case
    row = read_back(multiple_choice(codes), chosen, split_large=True)
    ticked = [code for code in codes if row[f"states_joined/{code}"] == 1]
    assert row["states_joined"].split() == ticked == chosen
    assert {row[f"states_joined/{code}"] for code in codes} <= {0, 1}


@given(answered())
def test_only_lists_longer_than_the_limit_lose_their_split_columns(case):
    codes, chosen = case
    row = read_back(multiple_choice(codes), chosen, split_large=False)
    assert row["states_joined"].split() == chosen
    split = [name for name in row if name.startswith("states_joined/")]
    assert len(split) == (0 if len(codes) > SPLIT_LIMIT else len(codes))


def test_an_unanswered_multiple_choice_leaves_every_column_empty():
    question = multiple_choice(["GHA", "KEN"])
    columns = question_columns(question, False, "en", True)
    assert [column.read({}) for column in columns] == [None, None, None]


def test_labelled_headers_name_the_question_and_the_choice():
    question = multiple_choice(["GHA", "KEN"])
    columns = question_columns(question, True, "fr", True)
    assert [column.heading for column in columns] == [
        "Quels États ont rejoint ?",
        "Quels États ont rejoint ?/State GHA",
        "Quels États ont rejoint ?/State KEN",
    ]
    assert [column.name for column in columns] == [
        "states_joined",
        "states_joined/GHA",
        "states_joined/KEN",
    ]
    assert columns[0].read({"states_joined": ["GHA", "KEN"]}) == "State GHA; State KEN"


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_a_labelled_header_that_starts_like_a_formula_is_written_as_text(monkeypatch, file_format):
    # Labels come from questionnaires and registries, some imported from others' XLSForms.
    question = Question(
        key="contact",
        type="select_multiple",
        label=Text(en='=HYPERLINK("http://evil.example","click")'),
        choices=[Choice("a", Text(en="@SUM(A1:A9)"))],
    )
    columns = question_columns(question, True, "en", True)
    sheet = Sheet("state", columns, lambda: iter([["@SUM(A1:A9)", 1]]))
    monkeypatch.setattr(writer, "export_sheets", lambda *args, **kwargs: [sheet])
    output = io.BytesIO()
    writer.export_round(None, output, file_format=file_format)
    if file_format == "xlsx":
        rows = list(openpyxl.load_workbook(output, read_only=True)["state"].values)
    else:
        with zipfile.ZipFile(output) as archive:
            text = archive.read("state.csv").decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
    assert list(rows[0]) == [
        "'" + '=HYPERLINK("http://evil.example","click")',
        "'" + '=HYPERLINK("http://evil.example","click")/@SUM(A1:A9)',
    ]
    assert rows[1][0] == "'@SUM(A1:A9)"
