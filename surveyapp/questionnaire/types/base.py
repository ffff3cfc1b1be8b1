"""What every question type shares: the type contract, coded answer problems and the registry.

A question type is one :class:`QuestionType` subclass (see ``simple.py``, ``choices.py`` and
``containers.py``); :func:`register` puts an instance in :data:`REGISTRY`, and every other
module asks :func:`type_of` instead of comparing type names.

A problem with an answer is an :class:`AnswerProblem`: a code with parameters
(``{"code": "out_of_range", "min": 1945, "max": 2100}``) and the gettext msgid that says it to a
respondent (a singular and a plural msgid when it counts something). It is also the English
sentence itself (a ``str``): always its msgid filled in, so that the English a program reads
(imports, logs, the command line) is the English a respondent reads. The web pages and the API
render it in the request's language (``surveyapp.i18n.translate_problem``).
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from ..model import DEFAULT_MAX_LENGTH, NO_ATTRIBUTION_SUFFIX, OTHER_SUFFIX
from ..text import UnprintableText, clean_text

if TYPE_CHECKING:
    from ..model import Question, Questionnaire, Text

#: a choice code or an item code: what ``per_item`` answers are keyed by
CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_TRUE = frozenset({"true", "on", "yes", "1"})
_FALSE = frozenset({"false", "off", "no", "0"})


def N_(message: str) -> str:  # noqa: N802 - the usual name of a gettext no-op marker
    """Mark ``message`` for extraction (``pybabel extract -k N_``); translated when shown."""
    return message


@dataclass(frozen=True)
class Plural:
    """A message that counts: its singular and plural msgids (``ngettext``'s first two)."""

    singular: str
    plural: str

    def pick(self, count: int) -> str:
        """The English msgid for ``count``."""
        return self.singular if count == 1 else self.plural


def Nn_(singular: str, plural: str) -> Plural:  # noqa: N802 - gettext no-op marker, plural
    """Mark a plural message for extraction (``pybabel extract -k Nn_:1,2``)."""
    return Plural(singular, plural)


class AnswerProblem(str):
    """A coded problem with an answer; as a string, the engine's English sentence.

    :param code: what is wrong, for programs (``out_of_range``, ``required``).
    :param template: the gettext msgid that says it to a respondent, with ``%(name)s``
        placeholders filled from ``arguments``; a :class:`Plural` for a message that counts.
    :param params: the problem's parameters, for programs (``{"min": 1, "max": 5}``).
    :param arguments: the placeholders of ``template`` when they are not named as ``params``.
    :param count: the number a :class:`Plural` template counts.
    """

    code: str
    template: str
    plural: str | None
    count: int | None
    params: dict[str, Any]
    arguments: dict[str, Any]

    def __new__(
        cls,
        code: str,
        template: str | Plural,
        params: Mapping[str, Any] | None = None,
        *,
        arguments: Mapping[str, Any] | None = None,
        count: int | None = None,
    ) -> AnswerProblem:
        params = dict(params or {})
        arguments = dict(params if arguments is None else arguments)
        if isinstance(template, Plural):
            if count is None:
                raise TypeError(f"the plural message {template.singular!r} needs a count")
            english = template.pick(count) % arguments
            singular, plural = template.singular, template.plural
        else:
            english = template % arguments
            singular, plural = template, None
        self = super().__new__(cls, english)
        self.code = code
        self.template = singular
        self.plural = plural
        self.count = count
        self.params = params
        self.arguments = arguments
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        template = self.template if self.plural is None else Plural(self.template, self.plural)
        return (_rebuild_problem, (self.code, template, self.params, self.arguments, self.count))

    def to_json(self) -> dict[str, Any]:
        """The problem for programs: ``{"code": ..., **params}``."""
        return {"code": self.code, **self.params}


def _rebuild_problem(
    code: str,
    template: str | Plural,
    params: dict[str, Any],
    arguments: dict[str, Any],
    count: int | None,
) -> AnswerProblem:
    return AnswerProblem(code, template, params, arguments=arguments, count=count)


#: problems every type may report; a type declares its own next to its coercion
REQUIRED = AnswerProblem("required", N_("Answer this question."))
UNKNOWN_QUESTION = AnswerProblem(
    "unknown_question", N_("This question is not part of the questionnaire.")
)
UNKNOWN_ITEM = AnswerProblem("unknown_item", N_("This item is not one of the choices."))
INVALID_IN_LIST = AnswerProblem("invalid_in_list", N_("Some answers in this list are not valid."))


def list_shape_problem(template: str) -> AnswerProblem:
    """A ``repeat`` or ``per_item`` value of the wrong shape; ``template`` says which shape."""
    return AnswerProblem("wrong_shape", template)


class AnswerError(ValueError):
    """A value that does not fit its question; ``message`` is an :class:`AnswerProblem`.

    :param errors: for ``repeat`` and ``per_item``, problems by path relative to the
        question (``"0.meeting_title"``, ``"khartoum-process.benefits"``).
    :param partial: for ``repeat`` and ``per_item``, the valid part of the value (rows and
        items without their invalid answers), which a partial save stores.
    """

    def __init__(
        self,
        message: AnswerProblem,
        errors: Mapping[str, list[str]] | None = None,
        partial: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.errors: dict[str, list[str]] = dict(errors or {})
        self.partial = partial


def is_blank(raw: Any) -> bool:
    """Whether ``raw`` is no answer at all: None or a string of spaces."""
    return raw is None or (isinstance(raw, str) and not raw.strip())


def join(prefix: str, name: str) -> str:
    """The dotted path of ``name`` under ``prefix``."""
    return f"{prefix}.{name}" if prefix else name


class RangeMessages:
    """The three msgids of a bounded value: between both bounds, at least, at most.

    A bound that counts (options, rows) is a :class:`Plural`, counted by the bound.
    """

    def __init__(self, between: str, at_least: str | Plural, at_most: str | Plural) -> None:
        self.between = between
        self.at_least = at_least
        self.at_most = at_most


def check_range(
    value: Any, low: Any, high: Any, messages: RangeMessages, *, code: str = "out_of_range"
) -> None:
    """Refuse ``value`` outside ``[low, high]`` (either bound may be None) with ``code``."""
    if (low is None or value >= low) and (high is None or value <= high):
        return
    if low is not None and high is not None:
        template, params = messages.between, {"min": low, "max": high}
    elif low is not None:
        template, params = messages.at_least, {"min": low}
    else:
        template, params = messages.at_most, {"max": high}
    arguments = {"low": params.get("min"), "high": params.get("max")}
    bound = params.get("min", params.get("max")) if isinstance(template, Plural) else None
    raise AnswerError(AnswerProblem(code, template, params, arguments=arguments, count=bound))


def check_count(count: int, low: Any, high: Any, messages: RangeMessages) -> None:
    """Refuse a number of chosen options or rows outside ``[low, high]``."""
    check_range(count, low, high, messages, code="count_out_of_range")


def coerce_text(raw: Any, max_length: int | None = None) -> str | None:
    """A text answer: cleaned by the text rule (:func:`..text.clean_text`: line ends as
    ``\\n``, NFC, no control characters), stripped, at most ``max_length`` characters.

    Every text of every channel (form, autosave, API, Excel, Kobo/ODK imports) comes here.
    """
    if is_blank(raw):
        return None
    if not isinstance(raw, str):
        raise AnswerError(AnswerProblem("not_text", N_("Enter text.")))
    try:
        value = clean_text(raw).strip()
    except UnprintableText as error:
        raise AnswerError(
            AnswerProblem(
                "unprintable",
                N_(
                    "This text contains a character that cannot be saved (%(code)s, at "
                    "character %(position)s). Delete it or retype the text."
                ),
                {"character": error.code, "position": error.position},
                arguments={"code": error.code, "position": error.position},
            )
        ) from None
    if not value:
        return None
    limit = max_length or DEFAULT_MAX_LENGTH
    if len(value) > limit:
        raise AnswerError(
            AnswerProblem("too_long", N_("Enter at most %(limit)s characters."), {"limit": limit})
        )
    return value


def coerce_flag(raw: Any) -> bool | None:
    """A tick box: True when ticked, None when not (False is stored as no answer)."""
    if is_blank(raw) or raw is False:
        return None
    if raw is True:
        return True
    if isinstance(raw, str) and raw.strip().lower() in _TRUE:
        return True
    if isinstance(raw, str) and raw.strip().lower() in _FALSE:
        return None
    raise AnswerError(AnswerProblem("not_a_flag", N_("Tick the box or leave it empty.")))


class Reviewer(Protocol):
    """One pass over the answers in order (``answers._Review``), as container types see it."""

    errors: dict[str, list[str]] | None

    def fail(self, path: str, message: str) -> None:
        """Record a problem under ``path`` (when checking)."""

    def group(
        self,
        questions: Iterable[Question],
        values: Mapping[str, Any],
        prefix: str,
        top: Mapping[str, Any] | None,
    ) -> dict[str, Any]:
        """The visible answers of one group of sibling questions."""

    def value(self, question: Question, raw: Any, path: str) -> Any:
        """The value of one answer: re-checked when checking, as stored otherwise."""


class AnswerShape(enum.Enum):
    """What an answer is made of; pages, receipts and exports lay answers out by it."""

    #: no answer (a note)
    NONE = "none"
    #: one JSON value (a scalar, or the list of codes of a multiple choice)
    VALUE = "value"
    #: a list of rows, each answering the child questions, asked on the same page
    ROWS = "rows"
    #: child answers per chosen item (``{item_code: {child_key: value}}``), a page per item
    ITEMS = "items"


@dataclass(frozen=True)
class ExportColumn:
    """One column that an answer takes in a data export (CSV or Excel).

    :param suffix: added to the question's key to name the column (``/trafficking`` for one
        choice of a multiple choice; empty for the answer itself).
    :param read: the answer (None when there is none) -> the cell.
    """

    suffix: str
    read: Callable[[Any], Any]
    choice_code: str = ""
    choice_label: str = ""
    #: the cell is always a number or empty (a writer need not look at it for formulas)
    number: bool = False


def export_cell(value: Any) -> Any:
    """An answer as a spreadsheet cell: numbers and text as they are, ticks as 0/1."""
    if value is None or value.__class__ is str:  # most cells: looked at first
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return str(value)
    return value


@dataclass(frozen=True)
class XLSFormType:
    """How a question type is written in the ``survey`` sheet of an XLSForm.

    :param type: the ``type`` column; ``{list}`` stands for the name of the choice list.
    :param appearance: the ``appearance`` that tells this type from another of the same
        XLSForm type (``multiline`` makes a ``text`` our ``long_text``).
    :param role: our ``surveyapp`` column's word for it, where XLSForm has no way to say it
        (a ``year`` is an ``integer`` with the role ``year``).
    """

    type: str
    appearance: str = ""
    role: str = ""

    @property
    def word(self) -> str:
        """The first word of the ``type`` column (``select_one`` of ``select_one {list}``)."""
        return self.type.split()[0]


@dataclass(frozen=True)
class ExcelCell:
    """How an answer is written in a cell of the Excel questionnaire (and read back).

    :param kind: ``"1"`` one choice by its label (a drop-down), ``"M"`` several choices by
        label (one Yes cell per choice at the top level, labels separated by ``;`` in a
        table), ``"s"`` a plain value.
    :param validation: Excel's check of a number cell (``"whole"`` or ``"decimal"``).
    :param as_text: the cell is formatted as text, so Excel keeps what is typed as typed.
    :param hint: guidance added to the question's own hint (the expected form of a date).
    """

    kind: str = "s"
    validation: str | None = None
    as_text: bool = False
    hint: Text | None = None


class QuestionType:
    """One kind of question: how its answers are read, checked, shown, exported and exchanged.

    Subclasses set ``name`` (the ``type`` of the questionnaire format) and override what
    differs from the defaults; :func:`register` makes them known.
    """

    #: the ``type`` of the questionnaire format
    name: ClassVar[str]
    #: what the answer is made of (no answer, one value, rows or items of child answers)
    shape: ClassVar[AnswerShape] = AnswerShape.VALUE
    #: whether the answer is one or more codes of the question's choices
    has_choices: ClassVar[bool] = False
    #: whether the answer is a list of several choice codes (``show_if`` tests it with
    #: ``includes``; ``per_item`` asks about its items)
    is_multiple: ClassVar[bool] = False
    #: what ``min`` and ``max`` bound: ``"value"`` (the answer), ``"count"`` (chosen
    #: options, rows) or None (the type takes no bounds)
    bounds: ClassVar[str | None] = None
    #: the bounds the loader writes out when a question sets none
    default_bounds: ClassVar[tuple[Any, Any]] = (None, None)
    #: whether the answer is free text (``max_length`` applies, 10,000 when absent)
    is_text: ClassVar[bool] = False
    #: the ``format`` values the type accepts (``email`` for ``text``)
    formats: ClassVar[tuple[str, ...]] = ()
    #: whether a condition compares the answer with a number (unquoted in XPath)
    is_numeric: ClassVar[bool] = False
    #: how the type is written in an XLSForm (None: it cannot be)
    xlsform: ClassVar[XLSFormType | None] = None
    #: how the answer is written in the Excel questionnaire
    excel: ClassVar[ExcelCell] = ExcelCell()
    #: for a type beyond the built-in ones, the JSON Schema its questions must also match
    #: (the built-in types' rules are in ``schema.json``)
    schema_rule: ClassVar[dict[str, Any]] = {}

    @property
    def takes_answer(self) -> bool:
        """Whether the question takes an answer at all (a ``note`` does not)."""
        return self.shape is not AnswerShape.NONE

    @property
    def is_container(self) -> bool:
        """Whether the answer is made of child questions (rows or items)."""
        return self.shape in (AnswerShape.ROWS, AnswerShape.ITEMS)

    def coerce(self, question: Question, raw: Any) -> Any:
        """The canonical JSON value of ``raw``, or None when it is empty.

        :param raw: a typed value from JSON or a string from an HTML form (``""`` is empty).
        :raises AnswerError: with a coded problem when the value does not fit.
        """
        raise NotImplementedError

    def form_field(self, question: Question, language: str) -> Any:
        """The unbound WTForms field that asks ``question`` on a page, labelled in
        ``language``; None when the question has no field of its own (a note, child
        questions asked elsewhere)."""
        return None

    def form_data(self, question: Question, value: Any) -> Any:
        """A stored answer as its form field shows it."""
        if value is None or isinstance(value, bool):
            return value
        return str(value)

    def posted(self, question: Question, data: Any) -> Any:
        """What the form field posted (``field.data``), as the engine takes it."""
        if isinstance(data, str):
            return data.strip() or None
        return data

    def display_text(self, question: Question, value: Any, language: str) -> str:
        """A (non-empty) answer as a person reads it, with choice labels in ``language``.

        The check page, the receipt, the analyst's review page and labelled exports all show
        answers through this one method.
        """
        if isinstance(value, list | dict):
            return json.dumps(value, ensure_ascii=False)
        return str(value)

    def export_columns(self, question: Question, labels: bool, language: str) -> list[ExportColumn]:
        """The columns the answer takes in a data export.

        :param labels: cells hold choice labels in ``language`` rather than codes.
        """
        return [ExportColumn("", export_cell)]

    def export_reader(
        self, question: Question, columns: Sequence[ExportColumn]
    ) -> Callable[[Any], list[Any]]:
        """The cells of ``columns`` (some of :meth:`export_columns`, in their order) for an
        answer (None when there is none) in one call: what each column's ``read`` gives."""
        reads = tuple(column.read for column in columns)
        return lambda value: [read(value) for read in reads]

    def xlsform_constraint(self, question: Question) -> list[str]:
        """The parts of the XLSForm ``constraint`` that carry the question's bounds."""
        parts = []
        if self.bounds == "value":
            if question.min is not None:
                parts.append(f". >= {self.xpath_literal(question.min)}")
            if question.max is not None:
                parts.append(f". <= {self.xpath_literal(question.max)}")
        elif self.bounds == "count" and self.shape is AnswerShape.VALUE:
            if question.min is not None:
                parts.append(f"count-selected(.) >= {question.min}")
            if question.max is not None:
                parts.append(f"count-selected(.) <= {question.max}")
        if self.is_text and question.max_length:
            parts.append(f"string-length(.) <= {question.max_length}")
        return parts

    def bound_problem(self, bound: Any) -> str | None:
        """What is wrong with ``bound`` as the question's ``min`` or ``max``; None if fine."""
        return None

    def xpath_literal(self, value: Any) -> str:
        """A bound of the answer as an XPath literal."""
        return str(value)

    def from_excel(self, question: Question, raw: Any) -> Any:
        """A plain value read from an Excel cell, as the engine takes it (dates as dates)."""
        return raw

    def review(
        self, reviewer: Reviewer, question: Question, raw: Any, path: str, top: Mapping[str, Any]
    ) -> Any:
        """The visible part of a stored answer (checked when ``reviewer`` checks)."""
        return reviewer.value(question, raw, path)

    def restrict(
        self,
        questionnaire: Questionnaire,
        question: Question,
        value: Any,
        path: str,
        errors: dict[str, list[str]],
    ) -> Any:
        """``value`` without what the rest of the questionnaire rules out (a save's check)."""
        return value


#: every known question type by name
REGISTRY: dict[str, QuestionType] = {}


def register(kind: type[QuestionType]) -> type[QuestionType]:
    """Make question type ``kind`` known (a class decorator); returns it unchanged."""
    REGISTRY[kind.name] = kind()
    return kind


def unregister(name: str) -> None:
    """Forget the question type called ``name`` (for a plug-in type that is taken away)."""
    REGISTRY.pop(name, None)


def type_of(question: Question | str) -> QuestionType:
    """The type of ``question`` (or the type called so).

    :raises KeyError: the type is not registered.
    """
    return REGISTRY[question if isinstance(question, str) else question.type]


def coerce_value(question: Question, raw: Any) -> Any:
    """The canonical JSON value of ``raw`` for ``question``, or None when it is empty.

    :param raw: a typed value from JSON or a string from an HTML form (``""`` is empty).
    :raises AnswerError: with a coded problem when the value does not fit.
    """
    try:
        kind = type_of(question)
    except KeyError:
        raise AnswerError(
            AnswerProblem(
                "unknown_type",
                N_("This question has a type the platform does not know (%(type)s)."),
                {"type": question.type},
            )
        ) from None
    return kind.coerce(question, raw)


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


def record(errors: dict[str, list[str]], path: str, error: AnswerError) -> None:
    """Put the problems of ``error`` into ``errors`` under ``path``."""
    if error.errors:
        for subpath, messages in error.errors.items():
            errors.setdefault(join(path, subpath), []).extend(messages)
    else:
        errors.setdefault(path, []).append(error.message)


def coerce_group(
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
        path = join(prefix, str(name))
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
                    record(errors, path, error)
                    clean = error.partial
                if questionnaire is not None and clean:
                    clean = type_of(question).restrict(questionnaire, question, clean, path, errors)
            elif companion is not None and companion[1] == "other":
                clean = coerce_text(value)
            elif companion is not None:
                clean = coerce_flag(value)
            else:
                errors.setdefault(path, []).append(UNKNOWN_QUESTION)
                continue
        except AnswerError as error:
            record(errors, path, error)
            continue
        if clean is not None or keep_empty:
            values[name] = clean
    return values
