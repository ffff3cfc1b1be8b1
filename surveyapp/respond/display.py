"""Answers as a respondent reads them: choice labels instead of codes, rows and items spelled out.

The "check your answers" page, the conflict table, the PDF receipt and the analyst's review
page all show answers this way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from flask_babel import format_date, format_datetime
from flask_babel import gettext as _

from reports.receipt import (
    Receipt,
    ReceiptEntry,
    ReceiptLabels,
    ReceiptSection,
    answers_checksum,
)
from surveyapp.i18n import round_name, text_direction
from surveyapp.models import Response
from surveyapp.questionnaire import Question, Questionnaire, Section, visible_answers
from surveyapp.questionnaire.types import AnswerShape, type_of


def value_text(question: Question, value: Any, language: str) -> str:
    """An answer as text in ``language`` (empty when there is no answer).

    The one answer-to-text of the application: the check page, the conflict table, the
    receipt and the analyst's review page all show answers through it; the question type
    says how (:meth:`~surveyapp.questionnaire.types.QuestionType.display_text`).
    """
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return type_of(question).display_text(question, value, language)


def _group_entries(
    questions: list[Question],
    values: Mapping[str, Any],
    language: str,
    item_labels: Mapping[str, Mapping[str, str]],
) -> list[ReceiptEntry]:
    entries = []
    for question in questions:
        shape = type_of(question).shape
        if shape is AnswerShape.NONE:
            continue
        label = question.label.get_text(language)
        value = values.get(question.key)
        if shape is AnswerShape.ROWS:
            rows = value if isinstance(value, list) else []
            children = [
                ReceiptEntry(
                    label=_("Row %(number)s", number=index),
                    children=_group_entries(question.questions, row, language, item_labels),
                )
                for index, row in enumerate(rows, start=1)
                if isinstance(row, Mapping)
            ]
            entries.append(ReceiptEntry(label=label, children=children))
            continue
        if shape is AnswerShape.ITEMS:
            items = value if isinstance(value, Mapping) else {}
            names = item_labels.get(question.key, {})
            children = [
                ReceiptEntry(
                    label=names.get(code, code),
                    children=_group_entries(question.questions, item or {}, language, item_labels),
                )
                for code, item in items.items()
                if isinstance(item, Mapping)
            ]
            entries.append(ReceiptEntry(label=label, children=children))
            continue
        text = value_text(question, value, language)
        other = values.get(question.other_key) if question.other else None
        if other:
            specified = _("other: %(text)s", text=other)
            text = f"{text} ({specified})" if text else str(other)
        if question.attribution and values.get(question.no_attribution_key):
            marked = _("not for attribution")
            text = f"{text} – {marked}"
        entries.append(ReceiptEntry(label=label, text=text))
    return entries


def item_labels(questionnaire: Questionnaire, language: str) -> dict[str, dict[str, str]]:
    """For each ``per_item`` question: item code -> label of the choice it follows."""
    labels = {}
    for question in questionnaire.questions():
        if type_of(question).shape is AnswerShape.ITEMS and question.items_from:
            source = questionnaire.question(question.items_from)
            labels[question.key] = {c.code: c.label.get_text(language) for c in source.choices}
    return labels


def section_entries(
    questionnaire: Questionnaire, section: Section, answers: Mapping[str, Any], language: str
) -> ReceiptSection:
    """The answers of one section (``answers`` should be the visible answers)."""
    return ReceiptSection(
        title=section.title.get_text(language),
        entries=_group_entries(
            section.questions, answers, language, item_labels(questionnaire, language)
        ),
    )


def conflict_text(questionnaire: Questionnaire, key: str, value: Any, language: str) -> str:
    """One side of a conflict as text."""
    try:
        question = questionnaire.question(key)
    except KeyError:
        return _display_json(value)
    if type_of(question).is_container:
        labels = item_labels(questionnaire, language)
        entries = _group_entries([question], {key: value}, language, labels)
        return _flatten(entries[0].children) if entries else ""
    return value_text(question, value, language)


def _flatten(entries: list[ReceiptEntry]) -> str:
    parts = []
    for entry in entries:
        if entry.children:
            parts.append(f"{entry.label}: {_flatten(entry.children)}")
        elif entry.text:
            parts.append(f"{entry.label}: {entry.text}")
    return "; ".join(parts)


def _display_json(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def receipt_reference(response: Response) -> str:
    """The reference of a submitted response, as its receipt and confirmation give it."""
    return f"{response.round.year}-{response.id:05d}"


def receipt_filename(response: Response) -> str:
    """The file name of a response's receipt PDF."""
    return f"receipt-{response.round.year}-{response.organisation.code}.pdf"


def receipt_document(response: Response, language: str) -> Receipt:
    """The receipt of a submitted response in ``language``: the page's PDF and the one the
    confirmation e-mail carries. Call it with ``language`` as the current locale (a request in
    that language, or ``force_locale``)."""
    questionnaire = response.questionnaire_version.questionnaire()
    answers = response.answer_values()
    shown = visible_answers(questionnaire, answers)
    survey_round = response.round
    submitted_at = response.submitted_at
    return Receipt(
        language=language,
        direction=text_direction(language),
        title=questionnaire.title.get_text(language) if questionnaire.title else "",
        organisation=response.organisation.name(language),
        round_name=round_name(survey_round, language),
        submitted_at=format_datetime(submitted_at, "long") if submitted_at else "",
        reference=receipt_reference(response),
        checksum=answers_checksum(answers),
        labels=ReceiptLabels(
            heading=_("Receipt of your answers"),
            organisation=_("Organisation"),
            round=_("Round"),
            submitted_at=_("Submitted on"),
            reference=_("Reference"),
            checksum=_("Checksum (SHA-256)"),
            checksum_note=_(
                "Calculated from all your answers as canonical JSON: keys sorted, no spaces, UTF-8."
            ),
            no_answer=_("Not answered"),
            deadline=_("Deadline"),
            contact=_("Questions about the questionnaire"),
        ),
        deadline=format_date(survey_round.deadline, "long") if survey_round.deadline else "",
        contact_email=survey_round.contact_email or "",
        sections=[
            section_entries(questionnaire, section, shown, language)
            for section in questionnaire.sections
        ],
    )
