"""Question types with one plain value: note, text, long_text, integer, decimal, date, year."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import TYPE_CHECKING, Any

from wtforms import StringField, TextAreaField

from ..model import DEFAULT_MAX_LENGTH, DEFAULT_YEAR_MAX, DEFAULT_YEAR_MIN, Text
from .base import (
    N_,
    AnswerError,
    AnswerProblem,
    AnswerShape,
    ExcelCell,
    QuestionType,
    RangeMessages,
    XLSFormType,
    check_range,
    coerce_text,
    is_blank,
    register,
)

if TYPE_CHECKING:
    from ..model import Question

_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: an e-mail address as people type it: one @, no spaces, a dot in the domain (IDNs welcome)
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")

NOT_A_NUMBER = AnswerProblem("not_a_number", N_("Enter a number."))
NOT_WHOLE = AnswerProblem("not_a_whole_number", N_("Enter a whole number."))
BAD_EMAIL = AnswerProblem("not_an_email", N_("Enter an e-mail address such as name@example.org."))
NUMBER_RANGE = RangeMessages(
    N_("Enter a number between %(low)s and %(high)s."),
    N_("Enter a number of at least %(low)s."),
    N_("Enter a number of at most %(high)s."),
)


def number_field(question: Question, language: str, inputmode: str) -> StringField:
    """A text box for a number: ``inputmode`` picks the phone keyboard, the engine checks."""
    return StringField(
        question.label.get_text(language),
        render_kw={"inputmode": inputmode, "autocomplete": "off"},
    )


def whole_number(raw: Any, problem: AnswerProblem) -> int:
    """``raw`` as an int (from an int, a whole float or digits), else ``problem``."""
    if isinstance(raw, bool):
        raise AnswerError(problem)
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str) and _INTEGER.fullmatch(raw.strip()):
        return int(raw.strip())
    raise AnswerError(problem)


@register
class NoteType(QuestionType):
    """Text shown to the respondent that takes no answer."""

    name = "note"
    shape = AnswerShape.NONE
    xlsform = XLSFormType("note")

    def coerce(self, question: Question, raw: Any) -> None:
        if is_blank(raw):
            return None
        raise AnswerError(AnswerProblem("no_answer_taken", N_("This question takes no answer.")))


@register
class TextType(QuestionType):
    """One line of text (``format: email`` asks for an e-mail address)."""

    name = "text"
    is_text = True
    formats = ("email",)
    xlsform = XLSFormType("text")
    excel = ExcelCell(as_text=True)

    def coerce(self, question: Question, raw: Any) -> str | None:
        value = coerce_text(raw, question.max_length)
        if value is not None and question.format == "email" and not _EMAIL.fullmatch(value):
            raise AnswerError(BAD_EMAIL)
        return value

    def form_field(self, question: Question, language: str) -> StringField:
        attributes: dict[str, Any] = {
            "maxlength": question.max_length or DEFAULT_MAX_LENGTH,
            "dir": "auto",
        }
        if question.format == "email":
            attributes.update(type="email", autocomplete="email", dir="ltr")
        return StringField(question.label.get_text(language), render_kw=attributes)

    def from_excel(self, question: Question, raw: Any) -> Any:
        return raw if isinstance(raw, str) else str(raw)


@register
class LongTextType(TextType):
    """Several paragraphs of text."""

    name = "long_text"
    formats = ()
    xlsform = XLSFormType("text", appearance="multiline")

    def form_field(self, question: Question, language: str) -> TextAreaField:
        return TextAreaField(
            question.label.get_text(language),
            render_kw={
                "rows": 5,
                "maxlength": question.max_length or DEFAULT_MAX_LENGTH,
                "dir": "auto",
            },
        )


@register
class IntegerType(QuestionType):
    """A whole number between ``min`` and ``max``."""

    name = "integer"
    bounds = "value"
    is_numeric = True
    xlsform = XLSFormType("integer")
    excel = ExcelCell(validation="whole")

    def coerce(self, question: Question, raw: Any) -> int | None:
        if is_blank(raw):
            return None
        value = whole_number(raw, NOT_WHOLE)
        check_range(value, question.min, question.max, NUMBER_RANGE)
        return value

    def form_field(self, question: Question, language: str) -> StringField:
        return number_field(question, language, "numeric")


@register
class DecimalType(QuestionType):
    """A number with a fractional part, typed with a decimal point or comma."""

    name = "decimal"
    bounds = "value"
    is_numeric = True
    xlsform = XLSFormType("decimal")
    excel = ExcelCell(validation="decimal")

    def coerce(self, question: Question, raw: Any) -> int | float | None:
        if is_blank(raw):
            return None
        if isinstance(raw, bool):
            raise AnswerError(NOT_A_NUMBER)
        if isinstance(raw, int | float):
            number = float(raw)
        elif isinstance(raw, str):
            text = raw.strip()
            if "," in text and "." not in text and text.count(",") == 1:
                text = text.replace(",", ".")  # a decimal comma, as typed in French or Spanish
            if not _DECIMAL.fullmatch(text):
                raise AnswerError(NOT_A_NUMBER)
            number = float(text)
        else:
            raise AnswerError(NOT_A_NUMBER)
        if not math.isfinite(number):
            raise AnswerError(NOT_A_NUMBER)
        check_range(number, question.min, question.max, NUMBER_RANGE)
        # One canonical form per number, so that 5, "5" and 5.0 store the same value.
        if number.is_integer() and abs(number) < 2**53:
            return int(number)
        return number

    def form_field(self, question: Question, language: str) -> StringField:
        return number_field(question, language, "decimal")


@register
class DateType(QuestionType):
    """A calendar date, stored as ``YYYY-MM-DD``."""

    name = "date"
    bounds = "value"
    xlsform = XLSFormType("date")
    excel = ExcelCell(
        as_text=True,
        hint=Text(
            en="Date as YYYY-MM-DD",
            fr="Date au format AAAA-MM-JJ",
            es="Fecha como AAAA-MM-DD",
            ar="التاريخ بصيغة YYYY-MM-DD",
        ),
    )
    not_a_date = AnswerProblem("not_a_date", N_("Enter a date as YYYY-MM-DD."))
    range_messages = RangeMessages(
        N_("Enter a date between %(low)s and %(high)s."),
        N_("Enter a date on or after %(low)s."),
        N_("Enter a date on or before %(high)s."),
    )

    def coerce(self, question: Question, raw: Any) -> str | None:
        if is_blank(raw):
            return None
        if isinstance(raw, dt.datetime):
            raise AnswerError(self.not_a_date)
        if isinstance(raw, dt.date):
            value = raw.isoformat()
        elif isinstance(raw, str) and _DATE.fullmatch(raw.strip()):
            value = raw.strip()
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise AnswerError(self.not_a_date) from None
        else:
            raise AnswerError(self.not_a_date)
        check_range(value, question.min, question.max, self.range_messages)
        return value

    def form_field(self, question: Question, language: str) -> StringField:
        return StringField(question.label.get_text(language), render_kw={"type": "date"})

    def from_excel(self, question: Question, raw: Any) -> Any:
        return raw.isoformat() if isinstance(raw, dt.date) else raw

    def bound_problem(self, bound: Any) -> str | None:
        try:
            dt.date.fromisoformat(bound)
        except (TypeError, ValueError):
            return "is not a real date"
        return None

    def xpath_literal(self, value: Any) -> str:
        return f"date('{value}')"


@register
class YearType(QuestionType):
    """A year, between 1900 and 2100 unless the question says otherwise."""

    name = "year"
    bounds = "value"
    default_bounds = (DEFAULT_YEAR_MIN, DEFAULT_YEAR_MAX)
    is_numeric = True
    xlsform = XLSFormType("integer", role="year")
    excel = ExcelCell(validation="whole")
    not_a_year = AnswerProblem(
        "not_a_year", N_("Enter a year as a whole number, for example 2014.")
    )
    range_messages = RangeMessages(
        N_("Enter a year between %(low)s and %(high)s."),
        N_("Enter a year of %(low)s or later."),
        N_("Enter a year of %(high)s or earlier."),
    )

    def coerce(self, question: Question, raw: Any) -> int | None:
        if is_blank(raw):
            return None
        value = whole_number(raw, self.not_a_year)
        low = self.default_bounds[0] if question.min is None else question.min
        high = self.default_bounds[1] if question.max is None else question.max
        check_range(value, low, high, self.range_messages)
        return value

    def form_field(self, question: Question, language: str) -> StringField:
        return number_field(question, language, "numeric")
