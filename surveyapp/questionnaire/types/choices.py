"""Question types answered with choice codes: select_one, select_multiple, rating."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from wtforms import RadioField, SelectField, SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget

from .base import (
    CODE,
    N_,
    AnswerError,
    AnswerProblem,
    ExcelCell,
    ExportColumn,
    Nn_,
    QuestionType,
    RangeMessages,
    XLSFormType,
    check_count,
    export_cell,
    is_blank,
    register,
)

if TYPE_CHECKING:
    from ..model import Question

#: above this many choices a single choice is a drop-down rather than radio buttons
RADIO_LIMIT = 12
#: above this many choices a multiple choice is a list box rather than check boxes
CHECKBOX_LIMIT = 40


def form_choices(question: Question, language: str) -> list[SelectChoice]:
    """The question's choices as a form lists them, labelled in ``language``."""
    return [SelectChoice(c.code, c.label.get_text(language)) for c in question.choices]


def choice_code(question: Question, raw: Any) -> str | None:
    """``raw`` as one of the question's choice codes (an int too, as a rating may come from
    JSON), or None when it is not one."""
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
    return code if question.choices_from and CODE.fullmatch(code) else None


@register
class SelectOneType(QuestionType):
    """One code among the question's choices."""

    name = "select_one"
    has_choices = True
    xlsform = XLSFormType("select_one {list}")
    excel = ExcelCell(kind="1")
    not_a_choice = AnswerProblem("not_a_choice", N_("Choose one of the listed options."))

    def coerce(self, question: Question, raw: Any) -> str | None:
        if is_blank(raw):
            return None
        code = choice_code(question, raw)
        if code is None:
            raise AnswerError(self.not_a_choice)
        return code

    def form_field(self, question: Question, language: str) -> RadioField | SelectField:
        choices = form_choices(question, language)
        if len(choices) > RADIO_LIMIT:
            return SelectField(
                question.label.get_text(language),
                choices=[SelectChoice("", "—"), *choices],
                validate_choice=False,
            )
        return RadioField(question.label.get_text(language), choices=choices, validate_choice=False)

    def display_text(self, question: Question, value: Any, language: str) -> str:
        return question.label_for(str(value), language)

    def export_columns(self, question: Question, labels: bool, language: str) -> list[ExportColumn]:
        def read(value: Any) -> Any:
            if value is not None and labels:
                return question.label_for(str(value), language)
            return export_cell(value)

        listed = "; ".join(f"{c.code}={c.label.get_text(language)}" for c in question.choices)
        return [ExportColumn("", read, choice_label=listed)]


@register
class SelectMultipleType(QuestionType):
    """A list of codes among the question's choices, in the choices' order."""

    name = "select_multiple"
    has_choices = True
    is_multiple = True
    bounds = "count"
    xlsform = XLSFormType("select_multiple {list}")
    excel = ExcelCell(kind="M")
    not_a_list = AnswerProblem("not_a_list", N_("Choose from the listed options."))
    not_a_choice = AnswerProblem("not_a_choice", N_("Choose only from the listed options."))
    count_messages = RangeMessages(
        N_("Choose between %(low)s and %(high)s options."),
        Nn_("Choose at least %(low)s option.", "Choose at least %(low)s options."),
        Nn_("Choose at most %(high)s option.", "Choose at most %(high)s options."),
    )

    def coerce(self, question: Question, raw: Any) -> list[str] | None:
        if is_blank(raw):
            return None
        items = [raw] if isinstance(raw, str) else raw
        if not isinstance(items, list | tuple):
            raise AnswerError(self.not_a_list)
        chosen: list[str] = []
        for item in items:
            if is_blank(item):
                continue
            code = choice_code(question, item)
            if code is None:
                raise AnswerError(self.not_a_choice)
            if code not in chosen:
                chosen.append(code)
        if not chosen:
            return None
        if question.choices:
            order = question.choice_codes
            chosen.sort(key=order.index)
        check_count(len(chosen), question.min, question.max, self.count_messages)
        return chosen

    def form_field(self, question: Question, language: str) -> SelectMultipleField:
        choices = form_choices(question, language)
        if len(choices) > CHECKBOX_LIMIT:
            return SelectMultipleField(
                question.label.get_text(language),
                choices=choices,
                validate_choice=False,
                render_kw={"size": 12},
            )
        return SelectMultipleField(
            question.label.get_text(language),
            choices=choices,
            validate_choice=False,
            widget=ListWidget(prefix_label=False),
            option_widget=CheckboxInput(),
        )

    def form_data(self, question: Question, value: Any) -> list[str] | None:
        return None if value is None else list(value)

    def posted(self, question: Question, data: Any) -> list[str] | None:
        return list(data) if data else None

    def display_text(self, question: Question, value: Any, language: str) -> str:
        if not isinstance(value, list):
            return str(value)
        return "; ".join(question.label_for(str(code), language) for code in value)

    def export_columns(self, question: Question, labels: bool, language: str) -> list[ExportColumn]:
        """The chosen codes in one column, separated by spaces as KoboToolbox writes them (with
        ``labels``: the labels, separated by ``; ``), then a 0/1 column per choice; all empty
        when the question is unanswered."""

        def combined(value: Any) -> str | None:
            if not isinstance(value, list):
                return None
            if labels:
                return self.display_text(question, value, language)
            return " ".join(map(str, value))

        return [
            ExportColumn("", combined),
            *(
                ExportColumn(
                    f"/{choice.code}",
                    lambda value, code=choice.code: (
                        None if not isinstance(value, list) else int(code in value)
                    ),
                    choice.code,
                    choice.label.get_text(language),
                    number=True,
                )
                for choice in question.choices
            ),
        ]

    def export_reader(
        self, question: Question, columns: Sequence[ExportColumn]
    ) -> Callable[[Any], list[Any]]:
        """The 0/1 columns of the choices (those of :meth:`export_columns` with a
        ``choice_code``) worked out in one pass over the columns, with no call per choice."""
        steps = tuple((column.choice_code, column.read) for column in columns)
        if columns and not columns[0].choice_code and all(c.choice_code for c in columns[1:]):
            # as export_columns lays them out: the combined column, then a 0/1 per choice
            # Each chosen code marks its column: a few chosen among many choices cost a
            # lookup each, not a search of the answer per choice.
            combined = columns[0].read
            position = {column.choice_code: i for i, column in enumerate(columns) if i}
            unanswered = [None] * len(columns)
            nothing_chosen = [None] + [0] * (len(columns) - 1)

            def laid_out(value: Any) -> list[Any]:
                if not isinstance(value, list):
                    cells = unanswered.copy()
                else:
                    cells = nothing_chosen.copy()
                    for code in value:
                        # (a stored list may hold anything: only text can be a code)
                        if code.__class__ is str and code in position:
                            cells[position[code]] = 1
                cells[0] = combined(value)
                return cells

            return laid_out

        def cells(value: Any) -> list[Any]:
            if not isinstance(value, list):
                return [read(value) for _code, read in steps]
            return [(1 if code in value else 0) if code else read(value) for code, read in steps]

        return cells


@register
class RatingType(SelectOneType):
    """One step of an ordered scale (its choices, in order)."""

    name = "rating"
    xlsform = XLSFormType("select_one {list}", appearance="likert")
