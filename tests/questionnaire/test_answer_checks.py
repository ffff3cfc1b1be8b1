"""Saving answers, checking a submission, and the answers that reports may see."""

from __future__ import annotations

import pytest

from surveyapp.questionnaire import (
    check_complete,
    clean_answers,
    section_errors,
    visible_answers,
)

#: the least that completes the good questionnaire
COMPLETE = {"founding_document": "Rome Declaration", "has_strategy": "no"}


def test_clean_answers_coerces_form_strings(questionnaire):
    clean, errors = clean_answers(
        questionnaire,
        {"member_count": "12", "founding_year": "2014", "budget_share": "0,5", "value_rating": "3"},
    )
    assert errors == {}
    assert clean == {
        "member_count": 12,
        "founding_year": 2014,
        "budget_share": 0.5,
        "value_rating": "3",
    }


def test_clean_answers_keeps_none_to_clear_an_answer(questionnaire):
    clean, errors = clean_answers(questionnaire, {"mandate": None, "founding_document": ""})
    assert (clean, errors) == ({"mandate": None, "founding_document": None}, {})


def test_clean_answers_refuses_unknown_keys_and_child_keys_at_the_top(questionnaire):
    clean, errors = clean_answers(questionnaire, {"nothing": 1, "meeting_date": "2014-01-01"})
    assert clean == {}
    assert errors == {
        "nothing": ["This question is not part of the questionnaire."],
        "meeting_date": ["This question is not part of the questionnaire."],
    }


def test_clean_answers_accepts_companions_only_where_the_question_has_them(questionnaire):
    clean, errors = clean_answers(
        questionnaire,
        {
            "has_strategy": "other",
            "has_strategy_other": " A roadmap ",
            "mandate_no_attribution": "on",
            "founding_year_other": "x",
            "strategy_title_no_attribution": True,
        },
    )
    assert clean == {
        "has_strategy": "other",
        "has_strategy_other": "A roadmap",
        "mandate_no_attribution": True,
    }
    assert errors == {
        "founding_year_other": ["This question is not part of the questionnaire."],
        "strategy_title_no_attribution": ["This question is not part of the questionnaire."],
    }


def test_clean_answers_names_errors_by_dotted_path(questionnaire):
    clean, errors = clean_answers(
        questionnaire,
        {
            "founding_year": "MMXIV",
            "founding_document": "x" * 21,
            "meetings": [
                {"meeting_date": "2014-11-28", "meeting_title": "Rome"},
                {"meeting_date": "28.11.2014", "meeting_titel": "Typo"},
            ],
            "iscms": ["khartoum-process"],
            "iscm_views": {
                "khartoum-process": {"role": "chair", "benefits": "Trust"},
                "sahel-process": {"role": "member"},
            },
        },
    )
    # Lists and per-ISCM blocks keep their valid part, which a partial save stores.
    assert clean == {
        "iscms": ["khartoum-process"],
        "meetings": [{"meeting_date": "2014-11-28", "meeting_title": "Rome"}],
        "iscm_views": {"khartoum-process": {"benefits": "Trust"}},
    }
    assert errors == {
        "founding_year": ["Enter a year as a whole number, for example 2014."],
        "founding_document": ["Enter at most 20 characters."],
        "meetings.1.meeting_date": ["Enter a date as YYYY-MM-DD."],
        "meetings.1.meeting_titel": ["This question is not part of the questionnaire."],
        "iscm_views.khartoum-process.role": ["Choose one of the listed options."],
        "iscm_views.sahel-process": ["This item is not one of the choices."],
    }


def test_clean_answers_refuses_per_item_codes_that_are_not_choices(questionnaire):
    _, errors = clean_answers(questionnaire, {"iscm_views": {"sahel-process": {"role": "member"}}})
    assert errors == {"iscm_views.sahel-process": ["This item is not one of the choices."]}


def test_check_complete_is_empty_for_a_complete_response(questionnaire):
    assert check_complete(questionnaire, COMPLETE) == {}


def test_check_complete_asks_for_every_visible_required_question(questionnaire):
    assert check_complete(questionnaire, {}) == {
        "founding_document": ["Answer this question."],
        "has_strategy": ["Answer this question."],
    }


def test_hidden_question_is_not_required(questionnaire):
    answers = {**COMPLETE, "has_strategy": "yes"}
    assert check_complete(questionnaire, answers) == {"strategy_title": ["Answer this question."]}
    assert check_complete(questionnaire, {**COMPLETE, "has_strategy": "no"}) == {}


def test_question_depending_on_a_hidden_question_is_hidden_too(questionnaire):
    # strategy_title keeps a stale answer but is hidden, so strategy_monitor is hidden too.
    answers = {**COMPLETE, "strategy_title": "Old strategy"}
    assert check_complete(questionnaire, answers) == {}


def test_invalid_value_of_a_hidden_question_is_ignored(questionnaire):
    assert check_complete(questionnaire, {**COMPLETE, "strategy_title": 42}) == {}


def test_invalid_stored_value_of_a_visible_question_is_reported(questionnaire):
    errors = check_complete(questionnaire, {**COMPLETE, "member_count": "lots"})
    assert errors == {"member_count": ["Enter a whole number."]}


def test_choosing_other_requires_the_companion_text(questionnaire):
    answers = {**COMPLETE, "has_strategy": "other", "thematic_areas": ["health", "other"]}
    assert check_complete(questionnaire, answers) == {
        "has_strategy_other": ["Answer this question."],
        "thematic_areas_other": ["Answer this question."],
    }
    answers |= {"has_strategy_other": "Roadmap", "thematic_areas_other": "Sport"}
    assert check_complete(questionnaire, answers) == {}


def test_required_children_are_asked_in_every_repeat_row(questionnaire):
    answers = {
        **COMPLETE,
        "meetings": [
            {"meeting_level": "ministerial"},
            {"meeting_level": "technical"},
            {"meeting_date": "2015-04-01", "meeting_level": "ministerial", "meeting_title": "Rome"},
        ],
    }
    assert check_complete(questionnaire, answers) == {
        "meetings.0.meeting_date": ["Answer this question."],
        "meetings.0.meeting_title": ["Answer this question."],
        "meetings.1.meeting_date": ["Answer this question."],
    }


def test_required_children_are_asked_for_every_chosen_item(questionnaire):
    answers = {
        **COMPLETE,
        "iscms": ["khartoum-process", "rabat-process"],
        "iscm_views": {"khartoum-process": {"role": "member"}},
    }
    assert check_complete(questionnaire, answers) == {
        "iscm_views.khartoum-process.chair_years": ["Answer this question."],
        "iscm_views.rabat-process.role": ["Answer this question."],
    }


def test_items_no_longer_chosen_are_not_checked(questionnaire):
    answers = {
        **COMPLETE,
        "iscms": ["khartoum-process"],
        "iscm_views": {"khartoum-process": {"role": "observer"}, "rabat-process": {}},
    }
    assert check_complete(questionnaire, answers) == {}


def test_child_condition_can_depend_on_a_top_level_answer(questionnaire):
    answers = {
        **COMPLETE,
        "has_strategy": "other",
        "has_strategy_other": "Roadmap",
        "iscms": ["khartoum-process"],
        "iscm_views": {"khartoum-process": {"role": "observer"}},
    }
    assert check_complete(questionnaire, answers) == {
        "iscm_views.khartoum-process.chair_years": ["Answer this question."]
    }


def test_section_errors_are_limited_to_one_section(questionnaire):
    answers = {"iscms": ["rabat-process"], "has_strategy": "other"}
    assert section_errors(questionnaire, "mandate", answers) == {
        "founding_document": ["Answer this question."],
        "has_strategy_other": ["Answer this question."],
    }
    assert section_errors(questionnaire, "meetings", answers) == {}
    assert section_errors(questionnaire, "views", answers) == {
        "iscm_views.rabat-process.role": ["Answer this question."],
        "iscm_views.rabat-process.chair_years": ["Answer this question."],
    }
    with pytest.raises(KeyError):
        section_errors(questionnaire, "nowhere", answers)


def test_visible_answers_drop_hidden_questions_in_cascade(questionnaire):
    answers = {**COMPLETE, "strategy_title": "Old", "strategy_monitor": "Chair"}
    assert visible_answers(questionnaire, answers) == COMPLETE


def test_visible_answers_drop_hidden_children_and_unchosen_items(questionnaire):
    answers = {
        "meetings": [{"meeting_level": "technical", "meeting_title": "Hidden"}],
        "iscms": ["rabat-process"],
        "iscm_views": {"khartoum-process": {"role": "member"}, "rabat-process": {"role": "member"}},
    }
    assert visible_answers(questionnaire, answers) == {
        "meetings": [{"meeting_level": "technical"}],
        "iscms": ["rabat-process"],
        "iscm_views": {"rabat-process": {"role": "member"}},
    }


def test_visible_answers_keep_companions_only_where_they_apply(questionnaire):
    answers = {
        "has_strategy": "yes",
        "has_strategy_other": "Orphan text",
        "mandate": "A platform for dialogue",
        "mandate_no_attribution": True,
        "unknown": "dropped",
    }
    assert visible_answers(questionnaire, answers) == {
        "mandate": "A platform for dialogue",
        "mandate_no_attribution": True,
        "has_strategy": "yes",
    }
