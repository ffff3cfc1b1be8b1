"""Answers: saves, completeness and visibility, over the question types' own coercion.

Each question type (``types/``) turns a value from JSON (typed) or from an HTML form (strings,
``""`` meaning empty) into the canonical JSON value, or None, and reports coded problems
(:class:`~.types.AnswerProblem`); this module applies them to whole sets of answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .conditions import evaluate, is_answered
from .model import OTHER_CODE, Question, Questionnaire
from .types.base import (
    REQUIRED,
    UNKNOWN_ITEM,
    UNKNOWN_QUESTION,
    AnswerError,
    AnswerProblem,
    coerce_flag,
    coerce_group,
    coerce_text,
    coerce_value,
    join,
    record,
    type_of,
)
from .types.simple import BAD_EMAIL

#: the problem of a required question left unanswered
MISSING = REQUIRED

__all__ = [
    "BAD_EMAIL",
    "MISSING",
    "UNKNOWN_ITEM",
    "UNKNOWN_QUESTION",
    "AnswerError",
    "AnswerProblem",
    "check_complete",
    "clean_answers",
    "coerce_flag",
    "coerce_text",
    "coerce_value",
    "section_errors",
    "visible_answers",
]


def clean_answers(
    questionnaire: Questionnaire, raw: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Coerce the answers of a (partial) save: ``(clean values, errors by dotted path)``.

    Only valid keys are in the clean values; None there clears an answer. A ``repeat`` or
    ``per_item`` with some invalid answers is there with its valid part. Companion keys
    ``KEY_other`` and ``KEY_no_attribution`` are accepted where the question has them.
    """
    errors: dict[str, list[str]] = {}
    values = coerce_group(
        questionnaire.questions(), raw, "", errors, keep_empty=True, questionnaire=questionnaire
    )
    return values, errors


class _Review:
    """One pass over the questions in order, cascading visibility.

    A question is visible when its condition holds against the visible answers before it,
    so a question that depends on a hidden one is hidden too. With ``errors`` set, it also
    checks every visible answer as a submission does. Container types walk their rows and
    items through it (it is their :class:`~.types.base.Reviewer`).
    """

    def __init__(self, errors: dict[str, list[str]] | None) -> None:
        self.errors = errors

    def fail(self, path: str, message: str) -> None:
        if self.errors is not None:
            self.errors.setdefault(path, []).append(message)

    def value(self, question: Question, raw: Any, path: str) -> Any:
        """The value to keep: re-checked when reviewing, as stored otherwise."""
        if self.errors is None:
            return raw
        try:
            return coerce_value(question, raw)
        except AnswerError as error:
            record(self.errors, path, error)
            return None

    def group(
        self,
        questions: Iterable[Question],
        values: Mapping[str, Any],
        prefix: str,
        top: Mapping[str, Any] | None,
    ) -> dict[str, Any]:
        """The visible answers of one group: the top level (``top`` None), a row or an item."""
        kept: dict[str, Any] = {}
        outer = kept if top is None else top
        for question in questions:
            # Tested before calling: most questions have no condition and no companion, and
            # exports review every response (two calls fewer per question).
            condition = question.show_if
            if condition is not None and not (
                evaluate(condition, kept) if top is None else evaluate(condition, top, kept)
            ):
                continue
            kind = type_of(question)
            if not kind.takes_answer:
                continue
            path = join(prefix, question.key)
            value = kind.review(self, question, values.get(question.key), path, outer)
            if is_answered(value):
                kept[question.key] = value
            elif question.required and not (self.errors and path in self.errors):
                self.fail(path, REQUIRED)
            if question.other or question.attribution:
                self.companions(question, values, kept, prefix)
        return kept

    def companions(
        self, question: Question, values: Mapping[str, Any], kept: dict[str, Any], prefix: str
    ) -> None:
        chosen = kept.get(question.key)
        if question.other and (
            chosen == OTHER_CODE or (isinstance(chosen, list) and OTHER_CODE in chosen)
        ):
            path = join(prefix, question.other_key)
            text = values.get(question.other_key)
            if self.errors is not None:
                try:
                    text = coerce_text(text)
                except AnswerError as error:
                    record(self.errors, path, error)
                    text = None
                else:
                    if text is None:
                        self.fail(path, REQUIRED)
            if is_answered(text):
                kept[question.other_key] = text
        if question.attribution and question.key in kept:
            path = join(prefix, question.no_attribution_key)
            mark = values.get(question.no_attribution_key)
            if self.errors is not None:
                try:
                    mark = coerce_flag(mark)
                except AnswerError as error:
                    record(self.errors, path, error)
                    mark = None
            if mark:
                kept[question.no_attribution_key] = mark


def check_complete(
    questionnaire: Questionnaire, answers: Mapping[str, Any]
) -> dict[str, list[str]]:
    """What stops a submission: errors by dotted path, ``{}`` when complete.

    Every visible required question must be answered (children too, in each repeat row and
    in each per_item item currently chosen), "other" needs its companion text, and every
    stored value must be valid. Hidden questions are ignored.
    """
    errors: dict[str, list[str]] = {}
    _Review(errors).group(questionnaire.questions(), answers, "", None)
    return errors


def section_errors(
    questionnaire: Questionnaire, section_key: str, answers: Mapping[str, Any]
) -> dict[str, list[str]]:
    """``check_complete`` restricted to the questions of one section."""
    section = questionnaire.section(section_key)
    names = set()
    for question in section.questions:
        names.update({question.key, question.other_key, question.no_attribution_key})
    errors = check_complete(questionnaire, answers)
    return {path: messages for path, messages in errors.items() if path.split(".")[0] in names}


def visible_answers(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers without hidden questions, unchosen per_item items or orphan companions."""
    return _Review(None).group(questionnaire.questions(), answers, "", None)
