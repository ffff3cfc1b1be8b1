"""The questionnaire as JSON: what the API serves and what the database keeps."""

from __future__ import annotations

import json

import pytest

from surveyapp.questionnaire import (
    QuestionnaireError,
    Text,
    check_complete,
    questionnaire_from_json,
)


def test_to_json_is_serialisable_with_a_stable_key_order(questionnaire):
    data = questionnaire.to_json()
    assert list(data) == ["id", "version", "respondent_type", "title", "intro", "sections"]
    assert list(data["sections"][0]) == ["key", "title", "intro", "questions"]
    assert list(data["sections"][0]["questions"][0]) == [
        "key",
        "type",
        "label",
        "hint",
        "required",
        "show_if",
        "choices",
        "choices_from",
        "other",
        "min",
        "max",
        "max_length",
        "format",
        "attribution",
        "items_from",
        "questions",
    ]
    assert json.loads(json.dumps(data)) == data


def test_to_json_resolves_choices_and_nests_children(questionnaire):
    data = questionnaire.to_json()
    questions = {q["key"]: q for section in data["sections"] for q in section["questions"]}
    areas = questions["thematic_areas"]
    assert areas["choices_from"] == "vocabulary:thematic_areas"
    assert areas["choices"][0] == {
        "code": "trafficking_in_persons",
        "label": {"en": "Trafficking in persons"},
    }
    assert areas["choices"][-1]["code"] == "other"
    assert [child["key"] for child in questions["iscm_views"]["questions"]] == [
        "role",
        "benefits",
        "chair_years",
    ]
    assert questions["strategy_title"]["show_if"] == {"question": "has_strategy", "equals": "yes"}


def test_round_trip_through_json_keeps_the_content_hash(questionnaire):
    copy = questionnaire_from_json(json.loads(json.dumps(questionnaire.to_json())))
    assert copy.to_json() == questionnaire.to_json()
    assert copy.content_hash == questionnaire.content_hash
    assert copy.source == "<json>"


def test_questionnaire_from_json_checks_answers_like_the_original(questionnaire):
    copy = questionnaire_from_json(questionnaire.to_json())
    answers = {"has_strategy": "other", "iscms": ["khartoum-process"], "iscm_views": {}}
    assert check_complete(copy, answers) == check_complete(questionnaire, answers)


def test_content_hash_changes_when_the_content_changes(questionnaire):
    before = questionnaire.content_hash
    questionnaire.question("mandate").label = Text(en="Mandate of the ISCM")
    assert questionnaire.content_hash != before
    assert len(before) == 64


def test_questionnaire_from_json_refuses_data_that_is_not_a_questionnaire():
    with pytest.raises(QuestionnaireError) as caught:
        questionnaire_from_json({"id": "x"})
    assert caught.value.problems[0].file == "<json>"


def test_a_stored_version_is_built_once_per_process_without_decoding_it_each_time(app):
    """Each respondent's request loads the response's questionnaire version: the row comes
    without its content (a quarter of a megabyte of JSON for the ISCM questionnaire), and the
    engine's objects are built from it once, then found by the content's hash."""
    from sqlalchemy import inspect, select

    from surveyapp.extensions import db
    from surveyapp.models import QuestionnaireVersion

    with app.app_context():
        query = select(QuestionnaireVersion).filter_by(respondent_type="iscm")
        version = db.session.scalars(query).one()
        assert "content" not in inspect(version).dict
        built = version.questionnaire()
        assert built.content_hash == version.content_hash
        db.session.expunge_all()
        again = db.session.scalars(query).one()
        assert again is not version and again.questionnaire() is built
        assert "content" not in inspect(again).dict
        # the content is there when asked for, and is what the objects were built from
        assert again.content == built.to_json()
