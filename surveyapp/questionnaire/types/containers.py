"""Question types made of child questions: repeat (rows) and per_item (one group per item)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..conditions import is_answered
from .base import (
    CODE,
    INVALID_IN_LIST,
    N_,
    UNKNOWN_ITEM,
    AnswerError,
    AnswerShape,
    Nn_,
    QuestionType,
    RangeMessages,
    Reviewer,
    XLSFormType,
    check_count,
    coerce_group,
    is_blank,
    join,
    list_shape_problem,
    register,
)

if TYPE_CHECKING:
    from ..model import Question, Questionnaire

NOT_ROWS = list_shape_problem(N_("Give a list of rows."))
ROW_NOT_MAPPING = list_shape_problem(N_("Give the answers of each row as a mapping."))
ITEMS_NOT_MAPPING = list_shape_problem(N_("Give the answers for each item as a mapping."))
ITEM_NOT_MAPPING = list_shape_problem(N_("Give the answers for this item as a mapping."))


def _rows(raw: Any) -> list[Any]:
    if isinstance(raw, Mapping) and all(str(index).isdigit() for index in raw):
        # Form data may number the rows: {"0": {...}, "1": {...}}.
        return [raw[index] for index in sorted(raw, key=lambda index: int(index))]
    if isinstance(raw, list | tuple):
        return list(raw)
    raise AnswerError(NOT_ROWS)


@register
class RepeatType(QuestionType):
    """A list of rows, each answering the child questions (meetings held: date, place...)."""

    name = "repeat"
    shape = AnswerShape.ROWS
    bounds = "count"
    xlsform = XLSFormType("begin_repeat")
    count_messages = RangeMessages(
        N_("Add between %(low)s and %(high)s rows."),
        Nn_("Add at least %(low)s row.", "Add at least %(low)s rows."),
        Nn_("Add at most %(high)s row.", "Add at most %(high)s rows."),
    )

    def coerce(self, question: Question, raw: Any) -> list[dict[str, Any]] | None:
        if is_blank(raw) or raw == [] or raw == {}:
            return None
        errors: dict[str, list[str]] = {}
        rows: list[dict[str, Any]] = []
        for index, row in enumerate(_rows(raw)):
            if not isinstance(row, Mapping):
                errors[str(index)] = [ROW_NOT_MAPPING]
                continue
            values = coerce_group(question.questions, row, str(index), errors, keep_empty=False)
            if values:
                rows.append(values)
        if errors:
            raise AnswerError(INVALID_IN_LIST, errors, rows or None)
        if not rows:
            return None
        self.check_count(question, len(rows))
        return rows

    def check_count(self, question: Question, count: int) -> None:
        """Refuse a number of rows outside the question's ``min`` and ``max``."""
        check_count(count, question.min, question.max, self.count_messages)

    def review(
        self, reviewer: Reviewer, question: Question, raw: Any, path: str, top: Mapping[str, Any]
    ) -> list[dict[str, Any]] | None:
        if not is_answered(raw):
            return None
        if not isinstance(raw, list):
            reviewer.fail(path, NOT_ROWS)
            return None
        rows = []
        for index, row in enumerate(raw):
            if not isinstance(row, Mapping):
                reviewer.fail(f"{path}.{index}", ROW_NOT_MAPPING)
                continue
            rows.append(reviewer.group(question.questions, row, f"{path}.{index}", top))
        rows = [row for row in rows if row] if reviewer.errors is None else rows
        if reviewer.errors is not None:
            try:
                self.check_count(question, len(raw))
            except AnswerError as error:
                reviewer.fail(path, error.message)
        return rows or None


@register
class PerItemType(QuestionType):
    """Child questions asked once for each item chosen in an earlier ``select_multiple``."""

    name = "per_item"
    shape = AnswerShape.ITEMS
    xlsform = XLSFormType("begin_repeat", role="per_item")

    def coerce(self, question: Question, raw: Any) -> dict[str, dict[str, Any]] | None:
        if is_blank(raw) or raw == {}:
            return None
        if not isinstance(raw, Mapping):
            raise AnswerError(ITEMS_NOT_MAPPING)
        errors: dict[str, list[str]] = {}
        items: dict[str, dict[str, Any]] = {}
        for code, item in raw.items():
            if not isinstance(code, str) or not CODE.fullmatch(code):
                errors[str(code)] = [UNKNOWN_ITEM]
                continue
            if is_blank(item) or item == {}:
                # An item with nothing in it is not answered (yet): None clears what it held.
                items[code] = None
                continue
            if not isinstance(item, Mapping):
                errors[code] = [ITEM_NOT_MAPPING]
                continue
            values = coerce_group(question.questions, item, code, errors, keep_empty=False)
            items[code] = values or None
        if errors:
            raise AnswerError(INVALID_IN_LIST, errors, items or None)
        return items or None

    def restrict(
        self,
        questionnaire: Questionnaire,
        question: Question,
        value: Any,
        path: str,
        errors: dict[str, list[str]],
    ) -> dict[str, Any] | None:
        """``value`` without the item codes that are not choices of the ``items_from``
        question; each refused code is reported under ``path``."""
        try:
            codes = questionnaire.question(question.items_from or "").choice_codes
        except KeyError:
            return dict(value)
        known = {}
        for code, item in value.items():
            if codes and code not in codes:
                errors.setdefault(join(path, code), []).append(UNKNOWN_ITEM)
            else:
                known[code] = item
        return known or None

    def review(
        self, reviewer: Reviewer, question: Question, raw: Any, path: str, top: Mapping[str, Any]
    ) -> dict[str, dict[str, Any]] | None:
        chosen = top.get(question.items_from or "")
        if not isinstance(chosen, list):
            return None
        chosen = [code for code in chosen if isinstance(code, str)]
        if not chosen:
            return None
        if raw is not None and not isinstance(raw, Mapping):
            reviewer.fail(path, ITEMS_NOT_MAPPING)
            return None
        raw = raw or {}
        items = {}
        for code in chosen:
            item = raw.get(code) or {}
            if not isinstance(item, Mapping):
                reviewer.fail(f"{path}.{code}", ITEM_NOT_MAPPING)
                continue
            values = reviewer.group(question.questions, item, f"{path}.{code}", top)
            if values:
                items[code] = values
        return items or None
