"""Answers: coercion of raw values per question type, saves, completeness and visibility.

Every question type has one coercer in ``COERCERS``; it turns a value from JSON (typed) or
from an HTML form (strings, ``""`` meaning empty) into the canonical JSON value, or None.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .conditions import evaluate, is_answered
from .model import (
    DEFAULT_MAX_LENGTH,
    DEFAULT_YEAR_MAX,
    DEFAULT_YEAR_MIN,
    NO_ATTRIBUTION_SUFFIX,
    OTHER_CODE,
    OTHER_SUFFIX,
    Question,
    Questionnaire,
)
from .text import UnprintableText, clean_text

MISSING = "Answer this question."
UNKNOWN_QUESTION = "Unknown question."
UNKNOWN_ITEM = "Unknown item."
BAD_EMAIL = "Enter an e-mail address such as name@example.org."

_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
#: an e-mail address as people type it: one @, no spaces, a dot in the domain (IDNs welcome)
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
_TRUE = frozenset({"true", "on", "yes", "1"})
_FALSE = frozenset({"false", "off", "no", "0"})


class AnswerError(ValueError):
    """A value that does not fit its question; the message is meant for the respondent.

    :param errors: for ``repeat`` and ``per_item``, messages by path relative to the
        question (``"0.meeting_title"``, ``"khartoum-process.benefits"``).
    :param partial: for ``repeat`` and ``per_item``, the valid part of the value (rows and
        items without their invalid answers), which a partial save stores.
    """

    def __init__(
        self,
        message: str,
        errors: Mapping[str, list[str]] | None = None,
        partial: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.errors: dict[str, list[str]] = dict(errors or {})
        self.partial = partial


def _is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _check_count(count: int, low: Any, high: Any, verb: str, noun: str) -> None:
    if (low is not None and count < low) or (high is not None and count > high):
        if low is not None and high is not None:
            raise AnswerError(f"{verb} between {low} and {high} {noun}s.")
        if low is not None:
            raise AnswerError(f"{verb} at least {_plural(low, noun)}.")
        raise AnswerError(f"{verb} at most {_plural(high, noun)}.")


def _check_bounds(value: Any, low: Any, high: Any, between: str, least: str, most: str) -> None:
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            raise AnswerError(between.format(low=low, high=high))
        if low is not None:
            raise AnswerError(least.format(low=low))
        raise AnswerError(most.format(high=high))


def coerce_text(raw: Any, max_length: int | None = None) -> str | None:
    """A text answer: cleaned by the text rule (:func:`.text.clean_text`: line ends as
    ``\\n``, NFC, no control characters), stripped, at most ``max_length`` characters.

    Every text of every channel (form, autosave, API, Excel, Kobo/ODK imports) comes here.
    """
    if _is_blank(raw):
        return None
    if not isinstance(raw, str):
        raise AnswerError("Enter text.")
    try:
        value = clean_text(raw).strip()
    except UnprintableText as error:
        raise AnswerError(str(error)) from None
    if not value:
        return None
    limit = max_length or DEFAULT_MAX_LENGTH
    if len(value) > limit:
        raise AnswerError(f"Enter at most {limit} characters.")
    return value


def coerce_flag(raw: Any) -> bool | None:
    """A tick box: True when ticked, None when not (False is stored as no answer)."""
    if _is_blank(raw) or raw is False:
        return None
    if raw is True:
        return True
    if isinstance(raw, str) and raw.strip().lower() in _TRUE:
        return True
    if isinstance(raw, str) and raw.strip().lower() in _FALSE:
        return None
    raise AnswerError("Tick the box or leave it empty.")


def _whole_number(raw: Any, message: str) -> int:
    if isinstance(raw, bool):
        raise AnswerError(message)
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str) and _INTEGER.fullmatch(raw.strip()):
        return int(raw.strip())
    raise AnswerError(message)


def _note(question: Question, raw: Any) -> None:
    if _is_blank(raw):
        return None
    raise AnswerError("This question takes no answer.")


def _text(question: Question, raw: Any) -> str | None:
    value = coerce_text(raw, question.max_length)
    if value is not None and question.format == "email" and not _EMAIL.fullmatch(value):
        raise AnswerError(BAD_EMAIL)
    return value


def _integer(question: Question, raw: Any) -> int | None:
    if _is_blank(raw):
        return None
    value = _whole_number(raw, "Enter a whole number.")
    _check_bounds(
        value,
        question.min,
        question.max,
        "Enter a number between {low} and {high}.",
        "Enter a number of at least {low}.",
        "Enter a number of at most {high}.",
    )
    return value


def _decimal(question: Question, raw: Any) -> int | float | None:
    if _is_blank(raw):
        return None
    message = "Enter a number."
    if isinstance(raw, bool):
        raise AnswerError(message)
    if isinstance(raw, int | float):
        number = float(raw)
    elif isinstance(raw, str):
        text = raw.strip()
        if "," in text and "." not in text and text.count(",") == 1:
            text = text.replace(",", ".")  # a decimal comma, as typed in French or Spanish
        if not _DECIMAL.fullmatch(text):
            raise AnswerError(message)
        number = float(text)
    else:
        raise AnswerError(message)
    if not math.isfinite(number):
        raise AnswerError(message)
    _check_bounds(
        number,
        question.min,
        question.max,
        "Enter a number between {low} and {high}.",
        "Enter a number of at least {low}.",
        "Enter a number of at most {high}.",
    )
    # One canonical form per number, so that 5, "5" and 5.0 store the same value.
    if number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number


def _date(question: Question, raw: Any) -> str | None:
    if _is_blank(raw):
        return None
    message = "Enter a date as YYYY-MM-DD."
    if isinstance(raw, dt.datetime):
        raise AnswerError(message)
    if isinstance(raw, dt.date):
        value = raw.isoformat()
    elif isinstance(raw, str) and _DATE.fullmatch(raw.strip()):
        value = raw.strip()
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise AnswerError(message) from None
    else:
        raise AnswerError(message)
    _check_bounds(
        value,
        question.min,
        question.max,
        "Enter a date between {low} and {high}.",
        "Enter a date on or after {low}.",
        "Enter a date on or before {high}.",
    )
    return value


def _year(question: Question, raw: Any) -> int | None:
    if _is_blank(raw):
        return None
    value = _whole_number(raw, "Enter a year as a whole number, for example 2014.")
    low = DEFAULT_YEAR_MIN if question.min is None else question.min
    high = DEFAULT_YEAR_MAX if question.max is None else question.max
    _check_bounds(
        value,
        low,
        high,
        "Enter a year between {low} and {high}.",
        "Enter a year of {low} or later.",
        "Enter a year of {high} or earlier.",
    )
    return value


def _code(question: Question, raw: Any) -> str | None:
    """A choice code given as a string (or an integer, as a rating may come from JSON)."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        raw = str(raw)
    if not isinstance(raw, str):
        return None
    code = raw.strip()
    if question.choices:
        return code if code in question.choice_codes else None
    # Choices kept elsewhere and not resolved here: accept anything shaped like a code.
    return code if question.choices_from and _CODE.fullmatch(code) else None


def _select_one(question: Question, raw: Any) -> str | None:
    if _is_blank(raw):
        return None
    code = _code(question, raw)
    if code is None:
        raise AnswerError("Choose one of the listed options.")
    return code


def _select_multiple(question: Question, raw: Any) -> list[str] | None:
    if _is_blank(raw):
        return None
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple):
        raise AnswerError("Choose from the listed options.")
    chosen: list[str] = []
    for item in items:
        if _is_blank(item):
            continue
        code = _code(question, item)
        if code is None:
            raise AnswerError("Choose only from the listed options.")
        if code not in chosen:
            chosen.append(code)
    if not chosen:
        return None
    if question.choices:
        order = question.choice_codes
        chosen.sort(key=order.index)
    _check_count(len(chosen), question.min, question.max, "Choose", "option")
    return chosen


def _rows(raw: Any) -> list[Any]:
    if isinstance(raw, Mapping) and all(str(index).isdigit() for index in raw):
        # Form data may number the rows: {"0": {...}, "1": {...}}.
        return [raw[index] for index in sorted(raw, key=lambda index: int(index))]
    if isinstance(raw, list | tuple):
        return list(raw)
    raise AnswerError("Give a list of rows.")


def _repeat(question: Question, raw: Any) -> list[dict[str, Any]] | None:
    if _is_blank(raw) or raw == [] or raw == {}:
        return None
    errors: dict[str, list[str]] = {}
    rows: list[dict[str, Any]] = []
    for index, row in enumerate(_rows(raw)):
        if not isinstance(row, Mapping):
            errors[str(index)] = ["Give the answers of each row as a mapping."]
            continue
        values = _coerce_group(question.questions, row, str(index), errors, keep_empty=False)
        if values:
            rows.append(values)
    if errors:
        raise AnswerError("Some answers in this list are not valid.", errors, rows or None)
    if not rows:
        return None
    _check_count(len(rows), question.min, question.max, "Add", "row")
    return rows


def _per_item(question: Question, raw: Any) -> dict[str, dict[str, Any]] | None:
    if _is_blank(raw) or raw == {}:
        return None
    if not isinstance(raw, Mapping):
        raise AnswerError("Give the answers for each item as a mapping.")
    errors: dict[str, list[str]] = {}
    items: dict[str, dict[str, Any]] = {}
    for code, item in raw.items():
        if not isinstance(code, str) or not _CODE.fullmatch(code):
            errors[str(code)] = [UNKNOWN_ITEM]
            continue
        if _is_blank(item) or item == {}:
            # An item with nothing in it is not answered (yet): None clears what it held.
            items[code] = None
            continue
        if not isinstance(item, Mapping):
            errors[code] = ["Give the answers for this item as a mapping."]
            continue
        values = _coerce_group(question.questions, item, code, errors, keep_empty=False)
        items[code] = values or None
    if errors:
        raise AnswerError("Some answers in this list are not valid.", errors, items or None)
    return items or None


#: the coercer of each question type: ``(question, raw) -> canonical value or None``
COERCERS: dict[str, Callable[[Question, Any], Any]] = {
    "note": _note,
    "text": _text,
    "long_text": _text,
    "integer": _integer,
    "decimal": _decimal,
    "date": _date,
    "year": _year,
    "select_one": _select_one,
    "select_multiple": _select_multiple,
    "rating": _select_one,
    "repeat": _repeat,
    "per_item": _per_item,
}


def coerce_value(question: Question, raw: Any) -> Any:
    """The canonical JSON value of ``raw`` for ``question``, or None when it is empty.

    :param raw: a typed value from JSON or a string from an HTML form (``""`` is empty).
    :raises AnswerError: with a message for the respondent when the value does not fit.
    """
    try:
        coercer = COERCERS[question.type]
    except KeyError:
        raise AnswerError(f"Unknown question type {question.type!r}.") from None
    return coercer(question, raw)


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _companion(name: str, questions: Mapping[str, Question]) -> tuple[Question, str] | None:
    """The question and kind (``other`` / ``no_attribution``) of a companion key."""
    if name.endswith(OTHER_SUFFIX):
        base = questions.get(name.removesuffix(OTHER_SUFFIX))
        if base is not None and base.other:
            return base, "other"
    if name.endswith(NO_ATTRIBUTION_SUFFIX):
        base = questions.get(name.removesuffix(NO_ATTRIBUTION_SUFFIX))
        if base is not None and base.attribution:
            return base, "no_attribution"
    return None


def _record(errors: dict[str, list[str]], path: str, error: AnswerError) -> None:
    if error.errors:
        for subpath, messages in error.errors.items():
            errors.setdefault(_join(path, subpath), []).extend(messages)
    else:
        errors.setdefault(path, []).append(error.message)


def _coerce_group(
    questions: Iterable[Question],
    raw: Mapping[str, Any],
    prefix: str,
    errors: dict[str, list[str]],
    *,
    keep_empty: bool,
    questionnaire: Questionnaire | None = None,
) -> dict[str, Any]:
    """Coerce the answers to sibling ``questions`` (with companions); record errors by path."""
    by_key = {question.key: question for question in questions}
    values: dict[str, Any] = {}
    for name, value in raw.items():
        path = _join(prefix, str(name))
        question = by_key.get(name) if isinstance(name, str) else None
        companion = _companion(name, by_key) if isinstance(name, str) else None
        try:
            if question is not None:
                try:
                    clean = coerce_value(question, value)
                except AnswerError as error:
                    if not (keep_empty and error.partial is not None):
                        raise
                    # A partial save keeps the valid rows and items; the rest is reported.
                    _record(errors, path, error)
                    clean = error.partial
                if questionnaire is not None and question.type == "per_item" and clean:
                    clean = _known_items(questionnaire, question, clean, path, errors)
            elif companion is not None and companion[1] == "other":
                clean = coerce_text(value)
            elif companion is not None:
                clean = coerce_flag(value)
            else:
                errors.setdefault(path, []).append(UNKNOWN_QUESTION)
                continue
        except AnswerError as error:
            _record(errors, path, error)
            continue
        if clean is not None or keep_empty:
            values[name] = clean
    return values


def _known_items(
    questionnaire: Questionnaire,
    question: Question,
    value: Mapping[str, Any],
    path: str,
    errors: dict[str, list[str]],
) -> dict[str, Any] | None:
    """``value`` without the item codes that are not choices of the ``items_from`` question;
    each refused code is reported under ``path``."""
    try:
        codes = questionnaire.question(question.items_from or "").choice_codes
    except KeyError:
        return dict(value)
    known = {}
    for code, item in value.items():
        if codes and code not in codes:
            errors.setdefault(_join(path, code), []).append(UNKNOWN_ITEM)
        else:
            known[code] = item
    return known or None


def clean_answers(
    questionnaire: Questionnaire, raw: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Coerce the answers of a (partial) save: ``(clean values, errors by dotted path)``.

    Only valid keys are in the clean values; None there clears an answer. A ``repeat`` or
    ``per_item`` with some invalid answers is there with its valid part. Companion keys
    ``KEY_other`` and ``KEY_no_attribution`` are accepted where the question has them.
    """
    errors: dict[str, list[str]] = {}
    values = _coerce_group(
        questionnaire.questions(), raw, "", errors, keep_empty=True, questionnaire=questionnaire
    )
    return values, errors


class _Review:
    """One pass over the questions in order, cascading visibility.

    A question is visible when its condition holds against the visible answers before it,
    so a question that depends on a hidden one is hidden too. With ``errors`` set, it also
    checks every visible answer as a submission does.
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
            _record(self.errors, path, error)
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
        for question in questions:
            shown = (
                evaluate(question.show_if, kept)
                if top is None
                else (evaluate(question.show_if, top, kept))
            )
            if not shown or question.type == "note":
                continue
            path = _join(prefix, question.key)
            raw = values.get(question.key)
            if question.type == "repeat":
                value = self.repeat(question, raw, path, kept if top is None else top)
            elif question.type == "per_item":
                value = self.per_item(question, raw, path, kept if top is None else top)
            else:
                value = self.value(question, raw, path)
            if is_answered(value):
                kept[question.key] = value
            elif question.required and not (self.errors and path in self.errors):
                self.fail(path, MISSING)
            self.companions(question, values, kept, prefix)
        return kept

    def companions(
        self, question: Question, values: Mapping[str, Any], kept: dict[str, Any], prefix: str
    ) -> None:
        chosen = kept.get(question.key)
        if question.other and (
            chosen == OTHER_CODE or (isinstance(chosen, list) and OTHER_CODE in chosen)
        ):
            path = _join(prefix, question.other_key)
            text = values.get(question.other_key)
            if self.errors is not None:
                try:
                    text = coerce_text(text)
                except AnswerError as error:
                    _record(self.errors, path, error)
                    text = None
                else:
                    if text is None:
                        self.fail(path, MISSING)
            if is_answered(text):
                kept[question.other_key] = text
        if question.attribution and question.key in kept:
            path = _join(prefix, question.no_attribution_key)
            mark = values.get(question.no_attribution_key)
            if self.errors is not None:
                try:
                    mark = coerce_flag(mark)
                except AnswerError as error:
                    _record(self.errors, path, error)
                    mark = None
            if mark:
                kept[question.no_attribution_key] = mark

    def repeat(
        self, question: Question, raw: Any, path: str, top: Mapping[str, Any]
    ) -> list[dict[str, Any]] | None:
        if not is_answered(raw):
            return None
        if not isinstance(raw, list):
            self.fail(path, "Give a list of rows.")
            return None
        rows = []
        for index, row in enumerate(raw):
            if not isinstance(row, Mapping):
                self.fail(f"{path}.{index}", "Give the answers of each row as a mapping.")
                continue
            rows.append(self.group(question.questions, row, f"{path}.{index}", top))
        rows = [row for row in rows if row] if self.errors is None else rows
        if self.errors is not None:
            try:
                _check_count(len(raw), question.min, question.max, "Add", "row")
            except AnswerError as error:
                self.fail(path, error.message)
        return rows or None

    def per_item(
        self, question: Question, raw: Any, path: str, top: Mapping[str, Any]
    ) -> dict[str, dict[str, Any]] | None:
        chosen = top.get(question.items_from or "")
        if not isinstance(chosen, list):
            return None
        chosen = [code for code in chosen if isinstance(code, str)]
        if not chosen:
            return None
        if raw is not None and not isinstance(raw, Mapping):
            self.fail(path, "Give the answers for each item as a mapping.")
            return None
        raw = raw or {}
        items = {}
        for code in chosen:
            item = raw.get(code) or {}
            if not isinstance(item, Mapping):
                self.fail(f"{path}.{code}", "Give the answers for this item as a mapping.")
                continue
            values = self.group(question.questions, item, f"{path}.{code}", top)
            if values:
                items[code] = values
        return items or None


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
