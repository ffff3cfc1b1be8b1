"""``show_if`` conditions: every operator, combinations, and the scope of a row or item."""

from __future__ import annotations

import pytest

from surveyapp.questionnaire import Question, Text, evaluate, is_visible


def test_no_condition_always_holds():
    assert evaluate(None, {}) is True


@pytest.mark.parametrize(
    ("answers", "expected"),
    [({"has_strategy": "no"}, True), ({"has_strategy": "yes"}, False), ({}, False)],
)
def test_equals_compares_the_answer(answers, expected):
    assert evaluate({"question": "has_strategy", "equals": "no"}, answers) is expected


def test_equals_matches_a_rating_code_written_as_a_number():
    assert evaluate({"question": "rating", "equals": 5}, {"rating": "5"}) is True
    assert evaluate({"question": "rating", "equals": "5"}, {"rating": 5}) is True


def test_equals_does_not_confuse_booleans_with_numbers():
    assert evaluate({"question": "flag", "equals": True}, {"flag": 1}) is False
    assert evaluate({"question": "flag", "equals": True}, {"flag": True}) is True


@pytest.mark.parametrize(
    ("value", "expected"),
    [(["unhcr", "iom"], True), (["iom"], False), ([], False), (None, False), ("unhcr", False)],
)
def test_includes_looks_for_a_code_in_a_list(value, expected):
    condition = {"question": "partner_igos", "includes": "unhcr"}
    assert evaluate(condition, {"partner_igos": value}) is expected


@pytest.mark.parametrize(
    ("value", "answered"),
    [
        ("text", True),
        (0, True),
        (["a"], True),
        ("  ", False),
        ("", False),
        ([], False),
        (None, False),
    ],
)
def test_answered_tells_whether_there_is_an_answer(value, answered):
    assert evaluate({"question": "q", "answered": True}, {"q": value}) is answered
    assert evaluate({"question": "q", "answered": False}, {"q": value}) is not answered


def test_all_needs_every_part():
    condition = {"all": [{"question": "a", "equals": "yes"}, {"question": "b", "answered": True}]}
    assert evaluate(condition, {"a": "yes", "b": "x"}) is True
    assert evaluate(condition, {"a": "yes"}) is False


def test_any_needs_one_part():
    condition = {"any": [{"question": "a", "equals": "yes"}, {"question": "b", "answered": True}]}
    assert evaluate(condition, {"b": "x"}) is True
    assert evaluate(condition, {"a": "no"}) is False


def test_not_inverts_its_part():
    condition = {"not": {"question": "a", "answered": True}}
    assert evaluate(condition, {}) is True
    assert evaluate(condition, {"a": "x"}) is False


def test_nested_combinations_evaluate_as_written():
    condition = {
        "all": [
            {"question": "a", "equals": "yes"},
            {
                "not": {
                    "any": [{"question": "b", "includes": "x"}, {"question": "c", "answered": True}]
                }
            },
        ]
    }
    assert evaluate(condition, {"a": "yes", "b": ["y"]}) is True
    assert evaluate(condition, {"a": "yes", "b": ["x"]}) is False
    assert evaluate(condition, {"a": "yes", "c": "z"}) is False


def test_scope_is_looked_up_before_the_answers():
    condition = {"question": "meeting_level", "equals": "ministerial"}
    answers = {"meeting_level": "technical"}
    assert evaluate(condition, answers, scope={"meeting_level": "ministerial"}) is True
    assert evaluate(condition, answers, scope={}) is False


def test_scope_falls_back_to_top_level_answers():
    condition = {
        "all": [
            {"question": "meeting_level", "equals": "ministerial"},
            {"question": "detailed", "equals": "yes"},
        ]
    }
    row = {"meeting_level": "ministerial"}
    assert evaluate(condition, {"detailed": "yes"}, scope=row) is True
    assert evaluate(condition, {"detailed": "no"}, scope=row) is False


def test_unknown_condition_shape_is_an_error():
    with pytest.raises(ValueError, match="not a condition"):
        evaluate({"question": "a", "matches": "x"}, {})


def test_is_visible_evaluates_the_question_condition():
    question = Question(
        key="strategy_title",
        type="text",
        label=Text(en="Title"),
        show_if={"question": "has_strategy", "equals": "yes"},
    )
    assert is_visible(question, {"has_strategy": "yes"}) is True
    assert is_visible(question, {"has_strategy": "no"}) is False
    assert is_visible(Question(key="a", type="text", label=Text(en="A")), {}) is True
