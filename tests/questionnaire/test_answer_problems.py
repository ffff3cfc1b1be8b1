"""Answer problems are codes with parameters, said to a respondent in their own language."""

from __future__ import annotations

import json
import pickle
from gettext import c2py
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from flask_babel import force_locale

from surveyapp import create_app
from surveyapp.i18n import translate_errors
from surveyapp.questionnaire import AnswerError, Question, Text, coerce_value
from surveyapp.questionnaire.types import AnswerProblem

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
    """The msgids the question types declare (``N_``, and ``Nn_`` for plurals: its singular),
    as ``pybabel extract`` finds them."""
    found = set()
    for path in sorted((ROOT / "surveyapp/questionnaire/types").glob("*.py")):
        for _line, message, _comments, _context in extract_from_file(
            "python", str(path), keywords={"N_": None, "Nn_": (1, 2)}
        ):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_every_answer_problem_has_a_translation(language):
    path = ROOT / f"surveyapp/translations/{language}/LC_MESSAGES/messages.po"
    with path.open("rb") as file:
        catalogue = read_po(file, locale=language)
    msgids = engine_msgids()
    assert {"Answer this question.", "Enter a year between %(low)s and %(high)s."} <= msgids
    assert "Choose at least %(low)s option." in msgids
    missing = [msgid for msgid in sorted(msgids) if not _translated(catalogue.get(msgid))]
    assert missing == []


def _translated(message) -> bool:
    if message is None or message.fuzzy:
        return False
    forms = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(forms)


def test_english_counts_in_singular_and_plural():
    assert refusal("select_multiple", ["a"], choices_from="vocabulary:x", min=2) == (
        "Choose at least 2 options."
    )
    assert refusal("select_multiple", ["a", "b"], choices_from="vocabulary:x", max=1) == (
        "Choose at most 1 option."
    )


@pytest.mark.parametrize(
    ("language", "high", "expected"),
    [
        ("fr", 1, "Choisissez au plus 1 option."),
        ("fr", 3, "Choisissez au plus 3 options."),
        ("es", 2, "Elija como máximo 2 opciones."),
        ("ar", 2, "اختر خيارين على الأكثر."),
        ("ar", 3, "اختر 3 خيارات على الأكثر."),
        ("ar", 11, "اختر 11 خيارًا على الأكثر."),
    ],
)
def test_a_count_is_said_with_the_languages_plural(language, high, expected):
    application = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    too_many = [f"c{number}" for number in range(high + 1)]
    problem = refusal("select_multiple", too_many, choices_from="vocabulary:x", max=high)
    with application.test_request_context(), force_locale(language):
        assert translate_errors({"q": [problem]}) == {"q": [expected]}


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_each_catalogue_picks_plural_forms_as_cldr_does(language):
    """The catalogue's Plural-Forms header groups the numbers a questionnaire counts (below a
    million: CLDR gives French a form of its own for millions) as the language's rule does."""
    path = ROOT / f"surveyapp/translations/{language}/LC_MESSAGES/messages.po"
    with path.open("rb") as file:
        catalogue = read_po(file, locale=language)
    assert _groups(c2py(catalogue.plural_expr)) == _groups(c2py(get_plural(language).plural_expr))


def _groups(plural) -> list[int]:
    """Each number of 0..1099, labelled by the first number that takes the same form."""
    first: dict[int, int] = {}
    return [first.setdefault(plural(n), n) for n in range(1100)]
