"""The columns a multiple choice takes in an export, read back: the combined column of codes
separated by spaces and the 0/1 columns per choice say the same; a sheet's cells read in one
pass are the cells each column reads."""

from __future__ import annotations

import csv
import functools
import io
import zipfile

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from questionnaires import data_path
from surveyapp.exports import writer
from surveyapp.exports.sheets import SPLIT_LIMIT, Sheet, answer_cells, question_columns
from surveyapp.questionnaire import load_questionnaire
from surveyapp.questionnaire.model import Choice, Question, Text
from surveyapp.questionnaire.types import type_of
from surveyapp.registry import load_registry

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


@functools.cache
def shipped(respondent_type: str):
    return load_questionnaire(data_path() / f"{respondent_type}.yaml", load_registry())


def answerable(questions):
    return [q for q in questions if type_of(q).takes_answer and not type_of(q).is_container]


def group_columns(questions, labels, split_large):
    return [
        column
        for question in questions
        for column in question_columns(question, labels, "fr", split_large)
    ]


SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)


@st.composite
def stored_answers(draw, questions):
    """Answers as a response may hold them, odd ones too: codes of the question's choices and
    unknown ones, text where a list is expected, companions set or not."""
    answers = {}
    for question in questions:
        codes = [choice.code for choice in question.choices] or ["x"]
        value = draw(
            st.nothing()
            | SCALARS
            | st.sampled_from(codes)
            | st.lists(st.sampled_from(codes) | st.text(max_size=4), max_size=6)
            | st.dictionaries(st.text(max_size=4), SCALARS, max_size=2)
            | st.just(codes)
        )
        if draw(st.booleans()):
            answers[question.key] = value
        if draw(st.booleans()):
            answers[question.other_key] = draw(SCALARS)
        if draw(st.booleans()):
            answers[question.no_attribution_key] = draw(st.booleans())
    return answers


@pytest.mark.parametrize("respondent_type", ["state", "iscm", "igo"])
@pytest.mark.parametrize(("labels", "split_large"), [(False, False), (True, True)])
@settings(deadline=None, max_examples=25)  # the first example loads the questionnaires
@given(data=st.data())
def test_a_sheet_read_in_one_pass_has_the_cells_each_column_reads(
    respondent_type, labels, split_large, data
):
    questionnaire = shipped(respondent_type)
    groups = [answerable(questionnaire.questions())] + [
        answerable(question.questions)
        for question in questionnaire.questions()
        if type_of(question).is_container
    ]
    for questions in groups:
        columns = group_columns(questions, labels, split_large)
        answers = data.draw(stored_answers(questions))
        row = ["meta"]
        answer_cells(columns)(row, answers)
        assert row == ["meta", *(column.read(answers) for column in columns)]


@given(answered())
def test_a_multiple_choice_reads_its_columns_in_one_call_as_one_by_one(case):
    codes, chosen = case
    question = multiple_choice(codes)
    laid_out = type_of(question).export_columns(question, False, "en")
    read = type_of(question).export_reader(question, laid_out)
    # a stored list may hold what no form would save (a list, a number) beside the codes
    for value in (chosen, None, "GHA", {"GHA": 1}, [*chosen, ["GHA"], 7]):
        assert read(value) == [column.read(value) for column in laid_out]
    kept = laid_out[:1] + laid_out[2:]
    assert type_of(question).export_reader(question, kept)(chosen) == [
        column.read(chosen) for column in kept
    ]
