"""Each question type turns JSON values and form strings into one canonical value, or refuses."""

from __future__ import annotations

import datetime as dt

import pytest

from surveyapp.questionnaire import (
    QUESTION_TYPES,
    AnswerError,
    Choice,
    Question,
    Text,
    coerce_value,
)
from surveyapp.questionnaire.types import REGISTRY


def make(type_: str, **options) -> Question:
    """A question of ``type_`` with the given options."""
    return Question(key="q", type=type_, label=Text(en="Q"), **options)


YES_NO = [Choice("yes", Text(en="Yes")), Choice("no", Text(en="No"))]
SCALE = [Choice(str(n), Text(en=str(n))) for n in range(1, 6)]
AREAS = [Choice(code, Text(en=code)) for code in ("trafficking", "health", "diaspora", "other")]


def test_every_question_type_is_registered():
    assert set(REGISTRY) == set(QUESTION_TYPES)


@pytest.mark.parametrize("type_", [t for t in QUESTION_TYPES if t != "note"])
@pytest.mark.parametrize("empty", [None, "", "   "])
def test_empty_values_become_none(type_, empty):
    question = make(type_, choices=YES_NO, questions=[make("text")])
    assert coerce_value(question, empty) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("  The Rome Declaration ", "The Rome Declaration"), ("line 1\r\nline 2", "line 1\nline 2")],
)
def test_text_is_stripped_with_plain_line_ends(raw, expected):
    assert coerce_value(make("long_text"), raw) == expected


def test_text_longer_than_the_default_limit_is_refused():
    assert coerce_value(make("text"), "x" * 10_000) == "x" * 10_000
    with pytest.raises(AnswerError, match=r"^Enter at most 10000 characters\.$"):
        coerce_value(make("text"), "x" * 10_001)


def test_text_respects_its_own_max_length():
    with pytest.raises(AnswerError, match="Enter at most 5 characters."):
        coerce_value(make("long_text", max_length=5), "abcdef")


def test_text_refuses_a_number_from_json():
    with pytest.raises(AnswerError, match="Enter text."):
        coerce_value(make("text"), 42)


@pytest.mark.parametrize(("raw", "expected"), [(42, 42), ("42", 42), (" -3 ", -3), (7.0, 7)])
def test_integer_accepts_json_numbers_and_form_strings(raw, expected):
    assert coerce_value(make("integer"), raw) == expected


@pytest.mark.parametrize("raw", ["4.5", "many", 4.5, True, "1e3", [1]])
def test_integer_refuses_what_is_not_a_whole_number(raw):
    with pytest.raises(AnswerError, match=r"^Enter a whole number\.$"):
        coerce_value(make("integer"), raw)


@pytest.mark.parametrize(
    ("raw", "message"),
    [(0, "Enter a number between 1 and 200."), ("201", "Enter a number between 1 and 200.")],
)
def test_integer_respects_min_and_max(raw, message):
    with pytest.raises(AnswerError, match=message):
        coerce_value(make("integer", min=1, max=200), raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(0.25, 0.25), ("0.25", 0.25), ("0,5", 0.5), (1, 1), ("1.0", 1), (".5", 0.5)],
)
def test_decimal_accepts_numbers_and_decimal_commas(raw, expected):
    value = coerce_value(make("decimal"), raw)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize("raw", ["abc", "1.2.3", "1,000.5", False, "nan", float("inf")])
def test_decimal_refuses_what_is_not_a_number(raw):
    with pytest.raises(AnswerError, match=r"^Enter a number\.$"):
        coerce_value(make("decimal"), raw)


def test_decimal_respects_min():
    with pytest.raises(AnswerError, match="Enter a number of at least 0."):
        coerce_value(make("decimal", min=0), "-0.1")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2014-11-28", "2014-11-28"),
        (" 2014-11-28 ", "2014-11-28"),
        (dt.date(2014, 11, 28), "2014-11-28"),
    ],
)
def test_date_accepts_iso_dates(raw, expected):
    assert coerce_value(make("date"), raw) == expected


@pytest.mark.parametrize("raw", ["28/11/2014", "2014-02-30", "2014-1-5", 20141128, "yesterday"])
def test_date_refuses_other_formats_and_impossible_dates(raw):
    with pytest.raises(AnswerError, match=r"^Enter a date as YYYY-MM-DD\.$"):
        coerce_value(make("date"), raw)


def test_date_respects_its_bounds():
    question = make("date", min="2000-01-01")
    with pytest.raises(AnswerError, match="Enter a date on or after 2000-01-01."):
        coerce_value(question, "1999-12-31")


@pytest.mark.parametrize(("raw", "expected"), [(2014, 2014), ("2014", 2014)])
def test_year_accepts_whole_numbers(raw, expected):
    assert coerce_value(make("year"), raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [("MMXIV", "Enter a year as a whole number"), ("1850", "Enter a year between 1900 and 2100.")],
)
def test_year_refuses_words_and_years_out_of_the_default_range(raw, message):
    with pytest.raises(AnswerError, match=message):
        coerce_value(make("year"), raw)


@pytest.mark.parametrize("type_", ["select_one", "rating"])
def test_single_choice_accepts_a_listed_code(type_):
    assert coerce_value(make(type_, choices=SCALE), "3") == "3"
    assert coerce_value(make(type_, choices=SCALE), 3) == "3"


@pytest.mark.parametrize("raw", ["6", "maybe", ["1"], True])
def test_single_choice_refuses_an_unlisted_code(raw):
    with pytest.raises(AnswerError, match=r"^Choose one of the listed options\.$"):
        coerce_value(make("rating", choices=SCALE), raw)


def test_unresolved_choices_from_accepts_any_code():
    question = make("select_one", choices_from="registry:iscm")
    assert coerce_value(question, "khartoum-process") == "khartoum-process"
    with pytest.raises(AnswerError):
        coerce_value(question, "not a code")


def test_select_multiple_returns_codes_in_choice_order_without_repeats():
    question = make("select_multiple", choices=AREAS)
    assert coerce_value(question, ["diaspora", "trafficking", "diaspora"]) == [
        "trafficking",
        "diaspora",
    ]


def test_select_multiple_accepts_a_single_form_string():
    assert coerce_value(make("select_multiple", choices=AREAS), "health") == ["health"]


def test_select_multiple_with_only_blank_items_is_empty():
    assert coerce_value(make("select_multiple", choices=AREAS), ["", " "]) is None
    assert coerce_value(make("select_multiple", choices=AREAS), []) is None


def test_select_multiple_refuses_an_unlisted_code():
    with pytest.raises(AnswerError, match="Choose only from the listed options."):
        coerce_value(make("select_multiple", choices=AREAS), ["health", "sports"])


def test_select_multiple_respects_the_number_chosen():
    question = make("select_multiple", choices=AREAS, max=2)
    with pytest.raises(AnswerError, match="Choose at most 2 options."):
        coerce_value(question, ["health", "diaspora", "trafficking"])
    with pytest.raises(AnswerError, match="Choose at least 2 options."):
        coerce_value(make("select_multiple", choices=AREAS, min=2), ["health"])
    with pytest.raises(AnswerError, match="Choose at most 1 option."):
        coerce_value(make("select_multiple", choices=AREAS, max=1), ["health", "diaspora"])


def test_note_takes_no_answer():
    assert coerce_value(make("note"), None) is None
    with pytest.raises(AnswerError, match="This question takes no answer."):
        coerce_value(make("note"), "hello")


MEETINGS = make(
    "repeat",
    max=2,
    questions=[
        Question(key="meeting_date", type="date", label=Text(en="Date"), required=True),
        Question(key="meeting_title", type="text", label=Text(en="Title"), attribution=True),
    ],
)


def test_repeat_coerces_each_row_child_by_child():
    rows = [
        {
            "meeting_date": "2014-11-28",
            "meeting_title": " Rome ",
            "meeting_title_no_attribution": "on",
        }
    ]
    assert coerce_value(MEETINGS, rows) == [
        {
            "meeting_date": "2014-11-28",
            "meeting_title": "Rome",
            "meeting_title_no_attribution": True,
        }
    ]


def test_repeat_accepts_numbered_form_rows_and_drops_empty_rows():
    rows = {
        "1": {"meeting_title": "Second"},
        "0": {"meeting_title": "First"},
        "2": {"meeting_date": ""},
    }
    assert coerce_value(MEETINGS, rows) == [{"meeting_title": "First"}, {"meeting_title": "Second"}]


def test_repeat_reports_errors_by_row_and_child():
    with pytest.raises(AnswerError) as caught:
        coerce_value(MEETINGS, [{"meeting_date": "2014-11-28"}, {"meeting_date": "soon", "x": 1}])
    assert caught.value.errors == {
        "1.meeting_date": ["Enter a date as YYYY-MM-DD."],
        "1.x": ["This question is not part of the questionnaire."],
    }


def test_repeat_respects_the_number_of_rows():
    rows = [{"meeting_title": title} for title in ("a", "b", "c")]
    with pytest.raises(AnswerError, match="Add at most 2 rows."):
        coerce_value(MEETINGS, rows)


def test_repeat_refuses_a_value_that_is_not_a_list():
    with pytest.raises(AnswerError, match="Give a list of rows."):
        coerce_value(MEETINGS, "Rome")


VIEWS = make(
    "per_item",
    items_from="iscms",
    questions=[
        Question(key="role", type="select_one", label=Text(en="Role"), choices=YES_NO),
        Question(key="benefits", type="long_text", label=Text(en="Benefits"), attribution=True),
    ],
)


def test_per_item_coerces_the_children_of_each_item():
    raw = {
        "khartoum-process": {"role": "yes", "benefits": " trust ", "benefits_no_attribution": True}
    }
    assert coerce_value(VIEWS, raw) == {
        "khartoum-process": {"role": "yes", "benefits": "trust", "benefits_no_attribution": True}
    }


def test_per_item_empty_items_clear_and_errors_are_reported_by_item_and_child():
    assert coerce_value(VIEWS, {"rabat-process": {"role": ""}}) == {"rabat-process": None}
    assert coerce_value(VIEWS, {"rabat-process": None, "midwa": {}}) == {
        "rabat-process": None,
        "midwa": None,
    }
    with pytest.raises(AnswerError) as caught:
        coerce_value(VIEWS, {"rabat-process": {"role": "chair"}, "bad code!": {}})
    assert caught.value.errors == {
        "rabat-process.role": ["Choose one of the listed options."],
        "bad code!": ["This item is not one of the choices."],
    }


def test_no_attribution_mark_accepts_form_and_json_booleans():
    row = make("repeat", questions=[make("text", attribution=True)])
    for raw, expected in [("on", True), (True, True), ("", None), (False, None), ("false", None)]:
        value = coerce_value(row, [{"q": "x", "q_no_attribution": raw}])
        assert value[0].get("q_no_attribution") == expected
    with pytest.raises(AnswerError):
        coerce_value(row, [{"q": "x", "q_no_attribution": "perhaps"}])
