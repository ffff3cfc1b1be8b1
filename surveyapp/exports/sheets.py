"""The export's layout: a sheet per respondent type, a long sheet per container question, and
the dictionary; each column knows its header, how to read its cell and what it holds."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from surveyapp.exports.query import ExportedResponse, export_questionnaire, iter_batches
from surveyapp.models import SurveyRound
from surveyapp.questionnaire import Question
from surveyapp.questionnaire.types import AnswerShape, type_of

META_COLUMNS = (
    "response_id",
    "organisation_code",
    "organisation_name",
    "round",
    "status",
    "review_status",
    "submitted_at",
    "questionnaire_version",
    "language",
    "illustrative",
)
META_DESCRIPTIONS = {
    "response_id": "The response's number (the same in every sheet)",
    "organisation_code": "ISO 3166-1 alpha-3 for States, the registry code for ISCMs and IGOs",
    "organisation_name": "The organisation's name in English",
    "round": "The survey round",
    "status": "invited, in_progress or submitted",
    "review_status": "unreviewed, accepted, query_raised or query_answered",
    "submitted_at": "When the response was submitted (ISO 8601, with its UTC offset)",
    "questionnaire_version": "The questionnaire version the response was answered on",
    "language": "The respondent's language",
    "illustrative": "1 for demonstration answers that are not faithful to any source",
    "row": "The row's number within the repeated question",
    "item_code": "The item the answers are about (e.g. an ISCM code)",
    "item_label": "The item's label",
}
#: responses whose rows are built before they are written: a writer takes many rows in one
#: call, and the rows of a whole database batch held at once raised the export's peak memory
CHUNK_RESPONSES = 20
#: a multiple choice with more choices than this (the registry's 195 States) keeps only its
#: combined column unless the export asks for ``split_large``
SPLIT_LIMIT = 30


def _no_cell(_value: Any) -> None:
    return None


@dataclass
class Column:
    """One column of a sheet: its name, how to read its cell, and its dictionary entry.

    A question's column reads its cell from one answer: ``key`` names the answer among a
    response's (or a row's, or an item's) visible answers and ``cell`` turns it (None when
    there is none) into the cell, depending on nothing else. The response's own fields (the
    meta columns) have no answer. ``header`` is what the sheet's first row shows: the name,
    or with ``labels`` the question's label (``label/choice label`` for a choice's 0/1
    column); empty means the name.
    """

    name: str
    key: str = ""
    cell: Callable[[Any], Any] = _no_cell
    question_key: str = ""
    type: str = ""
    label: str = ""
    choice_code: str = ""
    choice_label: str = ""
    header: str = ""
    #: the cells of this column and of those beside it that its question's type lays out, in
    #: one call (the type's ``export_reader``), shared by them; None: the column's own cell
    reader: Callable[[Any], list[Any]] | None = None
    #: its cells are always numbers or empty (a writer need not look at them for formulas)
    number: bool = False

    @property
    def heading(self) -> str:
        """The text of the column's header cell."""
        return self.header or self.name

    def read(self, answers: Mapping[str, Any]) -> Any:
        """The column's cell for a group of visible answers."""
        return self.cell(answers.get(self.key))


def _each(cells: tuple[Callable[[Any], Any], ...]) -> Callable[[Any], list[Any]]:
    return lambda value: [cell(value) for cell in cells]


def answer_cells(columns: list[Column]) -> Callable[[list[Any], Mapping[str, Any]], None]:
    """A function that appends the cells of ``columns`` for a group of visible answers to a
    row: ``fill(row, answers)``, the same cells as :meth:`Column.read` gives.

    Worked out once per sheet: each answer is looked up once for all its columns (read in one
    call where its type gives a reader for them), and the cells of an unanswered question
    are worked out in advance.
    """
    plan = []
    for key, group in itertools.groupby(columns, key=attrgetter("key")):
        laid_out = list(group)
        empty = [column.cell(None) for column in laid_out]
        if len(laid_out) == 1:
            plan.append((key, None, laid_out[0].cell, empty))
            continue
        reader = laid_out[0].reader
        if (
            reader is None
            or any(column.reader is not reader for column in laid_out)
            or len(reader(None)) != len(laid_out)
        ):
            reader = _each(tuple(column.cell for column in laid_out))
        plan.append((key, reader, None, empty))
    steps = tuple(plan)

    def fill(row: list[Any], answers: Mapping[str, Any]) -> None:
        append = row.append
        get = answers.get
        for key, reader, cell, empty in steps:
            value = get(key)
            if value is None:
                row += empty
            elif reader is None:
                append(cell(value))
            else:
                row += reader(value)

    return fill


@dataclass
class Sheet:
    """A sheet: its name, columns and rows (produced lazily).

    ``source`` is the pass over the responses that fills this sheet together with the other
    sheets of its respondent type; a writer that takes the pass's rows reads each response once
    for all of them. ``rows`` alone gives this sheet's rows (by a pass of its own).
    """

    name: str
    columns: list[Column]
    rows: Callable[[], Iterator[list[Any]]]
    source: ResponsePass | None = None


#: appends one response's rows for one sheet to a list: (response, its visible answers, rows)
RowBuilder = Callable[[ExportedResponse, dict[str, Any], list[list[Any]]], None]


class ResponsePass:
    """One read of a respondent type's responses that fills all the sheets of that type: its
    wide sheet and a long sheet per container question.

    Each response is read once, its visible answers worked out once, and every sheet's rows
    built from them.
    """

    def __init__(self, survey_round: SurveyRound, kind: str) -> None:
        self.survey_round = survey_round
        self.kind = kind
        self.sheets: list[Sheet] = []
        self.builders: list[RowBuilder] = []

    def add(self, name: str, columns: list[Column], build: RowBuilder) -> Sheet:
        """A sheet this pass fills with the rows ``build`` makes of each response."""
        index = len(self.sheets)

        def rows() -> Iterator[list[Any]]:
            return (row for chunk in self.chunks() for row in chunk[index])

        sheet = Sheet(name, columns, rows, self)
        self.sheets.append(sheet)
        self.builders.append(build)
        return sheet

    def chunks(self) -> Iterator[list[list[list[Any]]]]:
        """Every sheet's rows, :data:`CHUNK_RESPONSES` responses at a time: the rows of each
        sheet of :attr:`sheets`, in order."""
        builders = self.builders
        for batch in iter_batches(self.survey_round, self.kind):
            for start in range(0, len(batch), CHUNK_RESPONSES):
                chunk: list[list[list[Any]]] = [[] for _ in builders]
                for response, answers in batch[start : start + CHUNK_RESPONSES]:
                    for build, rows in zip(builders, chunk, strict=True):
                        build(response, answers, rows)
                yield chunk


def question_columns(
    question: Question, labels: bool, language: str, split_large: bool = False
) -> list[Column]:
    """The columns one (non-container) question takes, as its type lays them out, then the
    columns of its companions ("other" text, "not for attribution" mark).

    A question with more than :data:`SPLIT_LIMIT` choices keeps no column per choice (its
    combined column holds the answer) unless ``split_large``. With ``labels`` the headers are
    labels too.
    """
    label = question.label.get_text(language)
    laid_out = type_of(question).export_columns(question, labels, language)
    if len(question.choices) > SPLIT_LIMIT and not split_large:
        laid_out = [column for column in laid_out if not column.choice_code]
    reader = type_of(question).export_reader(question, laid_out)
    columns = [
        Column(
            f"{question.key}{column.suffix}",
            question.key,
            column.read,
            question.key,
            question.type,
            label,
            column.choice_code,
            column.choice_label,
            reader=reader,
            number=column.number,
        )
        for column in laid_out
    ]
    if question.other:
        columns.append(
            Column(
                question.other_key,
                question.other_key,
                _as_stored,
                question.key,
                "other",
                f"{label} - other, please specify",
            )
        )
    if question.attribution:
        columns.append(
            Column(
                question.no_attribution_key,
                question.no_attribution_key,
                _mark,
                question.key,
                "no_attribution",
                f"{label} - not for attribution",
            )
        )
    if labels:
        for column in columns:
            column.header = (
                f"{column.label}/{column.choice_label}" if column.choice_code else column.label
            )
    return columns


def _as_stored(value: Any) -> Any:
    return value


def _mark(value: Any) -> int | None:
    # Visible answers hold a "not for attribution" mark only when it is set.
    return None if value is None else int(bool(value))


def unique_headers(columns: list[Column]) -> list[Column]:
    """``columns``, each labelled header that an earlier column of the sheet already shows
    followed by the column's name in brackets (two questions may share a label)."""
    seen: set[str] = set()
    for column in columns:
        if column.heading in seen:
            column.header = f"{column.heading} [{column.name}]"
        seen.add(column.heading)
    return columns


def timestamp(value: dt.datetime | None) -> str | None:
    """``value`` in ISO 8601 with its UTC offset (``2019-04-01T10:00:00+00:00``), as text so
    that no spreadsheet drops the offset; a naive value is UTC, as the database stores times."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


def _meta(response: ExportedResponse) -> list[Any]:
    return [
        response.id,
        response.organisation_code,
        response.organisation_name,
        response.round_name,
        response.status,
        response.review_status,
        timestamp(response.submitted_at),
        response.questionnaire_version,
        response.language,
        int(response.illustrative),
    ]


#: the meta columns whose cells are numbers
NUMBER_META = frozenset({"response_id", "illustrative", "row"})


def _meta_columns(names) -> list[Column]:
    return [
        Column(
            name,
            question_key="",
            type="meta",
            label=META_DESCRIPTIONS[name],
            number=name in NUMBER_META,
        )
        for name in names
    ]


def build_sheets(
    survey_round: SurveyRound,
    kinds: tuple[str, ...],
    labels: bool,
    language: str,
    *,
    split_large: bool = False,
) -> list[Sheet]:
    """The sheets of an export of ``kinds``; their rows are read only when written, the sheets
    of one type by one :class:`ResponsePass`.

    ``split_large``: a 0/1 column per choice for multiple choices with more than
    :data:`SPLIT_LIMIT` choices too.
    """
    sheets = []
    for kind in kinds:
        questionnaire = export_questionnaire(survey_round, kind)
        if questionnaire is None:
            continue
        wide = _meta_columns(META_COLUMNS)
        containers = []
        for question in questionnaire.questions():
            question_type = type_of(question)
            if not question_type.takes_answer:
                continue
            if question_type.is_container:
                containers.append(question)
            else:
                wide.extend(question_columns(question, labels, language, split_large))
        unique_headers(wide)
        source = ResponsePass(survey_round, kind)
        source.add(kind, wide, _wide_rows(wide))
        for container in containers:
            _add_long_sheet(source, kind, questionnaire, container, labels, language, split_large)
        sheets.extend(source.sheets)
    return sheets


def _wide_rows(columns: list[Column]) -> RowBuilder:
    fill = answer_cells(columns[len(META_COLUMNS) :])

    def build(response: ExportedResponse, answers: dict[str, Any], rows: list[list[Any]]) -> None:
        row = _meta(response)
        fill(row, answers)
        rows.append(row)

    return build


def _add_long_sheet(
    source: ResponsePass,
    kind: str,
    questionnaire,
    container: Question,
    labels: bool,
    language: str,
    split_large: bool,
) -> None:
    children = [c for c in container.questions if type_of(c).takes_answer]
    by_rows = type_of(container).shape is AnswerShape.ROWS
    child_columns = [
        col for child in children for col in question_columns(child, labels, language, split_large)
    ]
    for column in child_columns:
        column.question_key = f"{container.key}.{column.question_key}"
    if by_rows:
        meta = _meta_columns(("response_id", "organisation_code", "row"))
    else:
        meta = _meta_columns(("response_id", "organisation_code", "item_code", "item_label"))
    items = (
        questionnaire.question(container.items_from)
        if not by_rows and container.items_from
        else None
    )
    # The items' labels looked up once (the first choice of a code, as Question.label_for).
    item_labels: dict[str, str] = {}
    for choice in items.choices if items else ():
        item_labels.setdefault(choice.code, choice.label.get_text(language))
    fill = answer_cells(child_columns)
    key = container.key

    def build(response: ExportedResponse, answers: dict[str, Any], rows: list[list[Any]]) -> None:
        value = answers.get(key)
        if not value:
            return
        if by_rows:
            for number, row in enumerate(value, start=1):
                cells = [response.id, response.organisation_code, number]
                fill(cells, row if isinstance(row, dict) else {})
                rows.append(cells)
        else:
            for item_code, item in value.items():
                if item_code in item_labels:
                    item_label = item_labels[item_code]
                else:
                    item_label = items.label_for(item_code, language) if items else item_code
                cells = [response.id, response.organisation_code, item_code, item_label]
                fill(cells, item if isinstance(item, dict) else {})
                rows.append(cells)

    source.add(f"{kind}.{container.key}"[:31], unique_headers(meta + child_columns), build)


def dictionary_sheet(sheets: list[Sheet]) -> Sheet:
    """One row per column of every sheet: what it holds."""
    columns = [
        Column(name)
        for name in (
            "sheet",
            "column",
            "header",
            "question_key",
            "type",
            "label",
            "choice_code",
            "choice_label",
        )
    ]

    def rows():
        for sheet in sheets:
            for column in sheet.columns:
                yield [
                    sheet.name,
                    column.name,
                    column.heading,
                    column.question_key,
                    column.type,
                    column.label,
                    column.choice_code,
                    column.choice_label,
                ]

    return Sheet("dictionary", columns, rows)


def export_sheets(
    survey_round: SurveyRound | None,
    kinds: tuple[str, ...],
    labels: bool,
    language: str,
    *,
    split_large: bool = False,
) -> list[Sheet]:
    """Every sheet of an export, the dictionary last; headers only when there is nothing to
    export (an empty round, or no round at all)."""
    sheets = (
        build_sheets(survey_round, kinds, labels, language, split_large=split_large)
        if survey_round
        else []
    )
    if not sheets:
        sheets = [Sheet(kind, _meta_columns(META_COLUMNS), lambda: iter(())) for kind in kinds]
    sheets.append(dictionary_sheet(list(sheets)))
    return sheets
