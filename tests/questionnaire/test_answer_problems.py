"""Answer problems are codes with parameters, said to a respondent in their own language."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from flask_babel import force_locale

from surveyapp import create_app
from surveyapp.questionnaire import AnswerError, Question, Text, coerce_value
from surveyapp.questionnaire.types import AnswerProblem
from surveyapp.respond.messages import translate_errors

ROOT = Path(__file__).parents[2]


def refusal(type_: str, raw, **options) -> AnswerProblem:
    """The problem ``coerce_value`` reports for ``raw`` given to a ``type_`` question."""
    question = Question(key="q", type=type_, label=Text(en="Q"), **options)
    with pytest.raises(AnswerError) as refused:
        coerce_value(question, raw)
    return refused.value.message


def test_a_year_out_of_range_is_a_code_with_its_bounds():
    problem = refusal("year", 1900, min=1945, max=2100)
    assert problem.to_json() == {"code": "out_of_range", "min": 1945, "max": 2100}
    assert problem == "Enter a year between 1945 and 2100."


def test_a_problem_serialises_as_its_english_sentence():
    problem = refusal("integer", "many")
    assert json.dumps({"q": [problem]}) == '{"q": ["Enter a whole number."]}'
    assert problem.code == "not_a_whole_number"


def test_a_problem_survives_pickling_with_its_code():
    problem = refusal("select_multiple", ["a", "b"], choices_from="vocabulary:x", max=1)
    copy = pickle.loads(pickle.dumps(problem))
    assert (copy, copy.to_json()) == (problem, {"code": "count_out_of_range", "max": 1})


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Enter a year between 1945 and 2100."),
        ("fr", "Saisissez une année entre 1945 et 2100."),
    ],
)
def test_a_problem_is_rendered_in_the_respondents_language(language, expected):
    application = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    problem = refusal("year", "1900", min=1945, max=2100)
    with application.test_request_context(), force_locale(language):
        assert translate_errors({"q": [problem]}) == {"q": [expected]}


def engine_msgids() -> set[str]:
    """The msgids the question types declare (``N_``), as ``pybabel extract`` finds them."""
    found = set()
    for path in sorted((ROOT / "surveyapp/questionnaire/types").glob("*.py")):
        for _line, message, _comments, _context in extract_from_file(
            "python", str(path), keywords={"N_": None}
        ):
            found.add(message)
    return found


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_every_answer_problem_has_a_translation(language):
    path = ROOT / f"surveyapp/translations/{language}/LC_MESSAGES/messages.po"
    with path.open("rb") as file:
        catalogue = read_po(file, locale=language)
    msgids = engine_msgids()
    assert {"Answer this question.", "Enter a year between %(low)s and %(high)s."} <= msgids
    missing = [
        msgid
        for msgid in sorted(msgids)
        if not catalogue.get(msgid) or not catalogue.get(msgid).string or catalogue.get(msgid).fuzzy
    ]
    assert missing == []
