"""Fixtures for the questionnaire engine: YAML files written to ``tmp_path``."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from surveyapp.questionnaire import Questionnaire, load_questionnaire

#: a small questionnaire using every question type
GOOD_YAML = """\
id: iscm
version: "2026.1"
respondent_type: iscm
title: {en: "Questionnaire for ISCM secretariats", fr: "Questionnaire pour les secrétariats"}
intro: {en: "Thank you for taking part."}
sections:
  - key: mandate
    title: {en: "Mandate", fr: "Mandat", es: "Mandato", ar: "الولاية"}
    questions:
      - key: welcome
        type: note
        label: {en: "Welcome"}
      - key: founding_document
        type: text
        label: {en: "Founding document", fr: "Document fondateur"}
        required: true
        max_length: 20
      - key: mandate
        type: long_text
        label: {en: "Mandate"}
        attribution: true
      - key: member_count
        type: integer
        label: {en: "Number of member States"}
        min: 1
        max: 200
      - key: budget_share
        type: decimal
        label: {en: "Share of the budget"}
        min: 0
        max: 1
      - key: founding_date
        type: date
        label: {en: "Founding date"}
        min: "1980-01-01"
        max: "2030-12-31"
      - key: founding_year
        type: year
        label: {en: "Founding year"}
      - key: has_strategy
        type: select_one
        label: {en: "Does the ISCM have a strategy?"}
        required: true
        choices:
          - {code: yes, label: {en: "Yes", fr: "Oui"}}
          - {code: no, label: {en: "No", fr: "Non"}}
        other: true
      - key: strategy_title
        type: text
        label: {en: "Title of the strategy"}
        required: true
        show_if: {question: has_strategy, equals: yes}
      - key: strategy_monitor
        type: text
        label: {en: "Who monitors the strategy?"}
        required: true
        show_if: {question: strategy_title, answered: true}
      - key: thematic_areas
        type: select_multiple
        label: {en: "Thematic areas"}
        choices_from: vocabulary:thematic_areas
        other: true
        max: 3
      - key: value_rating
        type: rating
        label: {en: "Value"}
        choices:
          - {code: 1, label: {en: "Not valuable"}}
          - {code: 2, label: {en: "Valuable"}}
          - {code: 3, label: {en: "Essential"}}
  - key: meetings
    title: {en: "Meetings"}
    questions:
      - key: meetings
        type: repeat
        label: {en: "Meetings held"}
        max: 5
        questions:
          - key: meeting_date
            type: date
            label: {en: "Date"}
            required: true
          - key: meeting_level
            type: select_one
            label: {en: "Level"}
            choices:
              - {code: ministerial, label: {en: "Ministerial"}}
              - {code: technical, label: {en: "Technical"}}
          - key: meeting_title
            type: text
            label: {en: "Title"}
            required: true
            show_if: {question: meeting_level, equals: ministerial}
          - key: meeting_summary
            type: long_text
            label: {en: "Summary"}
            attribution: true
  - key: views
    title: {en: "Views"}
    questions:
      - key: iscms
        type: select_multiple
        label: {en: "Which ISCMs?"}
        choices:
          - {code: khartoum-process, label: {en: "Khartoum Process"}}
          - {code: rabat-process, label: {en: "Rabat Process"}}
      - key: iscm_views
        type: per_item
        label: {en: "Your view of each ISCM"}
        items_from: iscms
        questions:
          - key: role
            type: select_one
            label: {en: "Role"}
            required: true
            choices:
              - {code: member, label: {en: "Member"}}
              - {code: observer, label: {en: "Observer"}}
          - key: benefits
            type: long_text
            label: {en: "Benefits"}
            attribution: true
          - key: chair_years
            type: text
            label: {en: "Years as chair"}
            required: true
            show_if:
              any:
                - {question: role, equals: member}
                - {question: has_strategy, equals: other}
"""


class DictChoiceSource:
    """A choice source backed by a plain dict, like the registry but in memory."""

    def __init__(self, lists: dict[str, list[dict]]) -> None:
        self.lists = lists

    def choices(self, name: str) -> list[dict] | None:
        """The list called ``name``, or None when there is none."""
        return self.lists.get(name)


THEMATIC_AREAS = {
    "vocabulary:thematic_areas": [
        {"code": "trafficking_in_persons", "label": {"en": "Trafficking in persons"}},
        {"code": "labour_migration", "label": {"en": "Labour migration", "fr": "Migration"}},
        {"code": "diaspora", "label": {"en": "Diaspora"}},
        {"code": "health", "label": {"en": "Health"}},
    ]
}


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[..., Path]:
    """Write YAML text (dedented) to a file in ``tmp_path`` and return its path."""

    def write(text: str, name: str = "questionnaire.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def good_yaml() -> str:
    """The text of a good questionnaire using every question type."""
    return GOOD_YAML


@pytest.fixture
def choice_source() -> DictChoiceSource:
    """A choice source that knows ``vocabulary:thematic_areas`` and nothing else."""
    return DictChoiceSource(THEMATIC_AREAS)


@pytest.fixture
def questionnaire(write_yaml, choice_source) -> Questionnaire:
    """The good questionnaire, loaded with its choices resolved."""
    return load_questionnaire(write_yaml(GOOD_YAML), choice_source)
