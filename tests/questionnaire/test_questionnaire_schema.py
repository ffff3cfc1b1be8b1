"""The JSON Schema of the questionnaire format."""

from __future__ import annotations

from jsonschema import Draft202012Validator

from surveyapp.questionnaire import LANGUAGES, QUESTION_TYPES, load_schema


def test_schema_is_a_valid_draft_2020_12_schema():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_schema_lists_exactly_the_question_types_and_languages():
    definitions = load_schema()["$defs"]
    assert tuple(definitions["question"]["properties"]["type"]["enum"]) == QUESTION_TYPES
    assert tuple(definitions["text"]["properties"]) == LANGUAGES
    assert definitions["text"]["required"] == ["en"]


def test_schema_has_a_rule_for_every_question_type():
    rules = load_schema()["$defs"]["question"]["allOf"]
    assert [rule["if"]["properties"]["type"]["const"] for rule in rules] == list(QUESTION_TYPES)
