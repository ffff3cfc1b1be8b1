"""Exports of a round's answers as XLSX or as a ZIP of CSV files, streamed.

Layout (the same in both formats; a CSV file per sheet, named after it):

* one sheet per respondent type (``state``, ``iscm``, ``igo``): a row per response, a column per
  question; ``select_multiple`` answers as one 0/1 column per choice (``key/choice``);
* a long-format sheet per ``repeat`` question (``state.meetings``: a row per repeated row) and
  per ``per_item`` question (``state.iscm_views``: a row per item);
* ``dictionary``: every column of every sheet with its question, type, label and choices.

Answers hidden by a condition are left out, as in the reports. With ``labels`` the choice
answers are written as labels in ``language`` instead of codes. Any text a spreadsheet would
read as a formula (starting with ``= + - @``, a tab or a carriage return) is prefixed with ``'``.
A character no spreadsheet can hold (a control character or a lone surrogate in text stored
before the text rule, see ``surveyapp.questionnaire.text``) is written as U+FFFD.
Responses are read in batches and rows written as they come (openpyxl's write-only mode keeps
each sheet in a temporary file), so memory does not grow with the number of responses.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import click
from flask.cli import with_appcontext
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from surveyapp.bootstrap import needs_database
from surveyapp.extensions import db
from surveyapp.models import Organisation, QuestionnaireVersion, Response, SurveyRound
from surveyapp.questionnaire import Question, Questionnaire, visible_answers
from surveyapp.questionnaire.model import RESPONDENT_TYPES
from surveyapp.questionnaire.text import printable_text
from surveyapp.questionnaire.types import AnswerShape, type_of

FORMATS = ("csv", "xlsx")
#: characters that make a spreadsheet read a cell as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: responses read from the database at a time
BATCH_SIZE = 100

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
    "review_status": "unreviewed, accepted or query_raised",
    "submitted_at": "When the response was submitted (UTC)",
    "questionnaire_version": "The questionnaire version the response was answered on",
    "language": "The respondent's language",
    "illustrative": "1 for demonstration answers that are not faithful to any source",
    "row": "The row's number within the repeated question",
    "item_code": "The item the answers are about (e.g. an ISCM code)",
    "item_label": "The item's label",
}


def neutralise(value: Any) -> Any:
    """``value``, with a leading ``'`` when it is text a spreadsheet would run as a formula, and
    U+FFFD for each character a spreadsheet cannot hold."""
    if not isinstance(value, str):
        return value
    value = printable_text(value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@dataclass
class Column:
    """One column of a sheet: its header, how to read its cell, and its dictionary entry."""

    name: str
    read: Callable[[dict[str, Any]], Any]
    question_key: str = ""
    type: str = ""
    label: str = ""
    choice_code: str = ""
    choice_label: str = ""


@dataclass
class Sheet:
    """A sheet: its name, columns and rows (produced lazily)."""

    name: str
    columns: list[Column]
    rows: Callable[[], Iterator[list[Any]]]


def question_columns(question: Question, labels: bool, language: str) -> list[Column]:
    """The columns one (non-container) question takes, as its type lays them out, then the
    columns of its companions ("other" text, "not for attribution" mark)."""
    label = question.label.get_text(language)
    columns = [
        Column(
            f"{question.key}{column.suffix}",
            lambda v, k=question.key, read=column.read: read(v.get(k)),
            question.key,
            question.type,
            label,
            column.choice_code,
            column.choice_label,
        )
        for column in type_of(question).export_columns(question, labels, language)
    ]
    if question.other:
        columns.append(
            Column(
                question.other_key,
                lambda v, k=question.other_key: v.get(k),
                question.key,
                "other",
                f"{label} - other, please specify",
            )
        )
    if question.attribution:
        columns.append(
            Column(
                question.no_attribution_key,
                lambda v, k=question.no_attribution_key: int(bool(v.get(k))) if k in v else None,
                question.key,
                "no_attribution",
                f"{label} - not for attribution",
            )
        )
    return columns


def _meta(response: Response) -> list[Any]:
    return [
        response.id,
        response.organisation.code,
        response.organisation.name(),
        response.round.name,
        response.status,
        response.review_status,
        response.submitted_at.replace(tzinfo=None) if response.submitted_at else None,
        response.questionnaire_version.version,
        response.language,
        int(response.illustrative),
    ]


def _meta_columns(names) -> list[Column]:
    return [Column(name, lambda v: None, "", "meta", META_DESCRIPTIONS[name]) for name in names]


def iter_responses(survey_round: SurveyRound, kind: str) -> Iterator[tuple[Response, dict]]:
    """The round's responses of ``kind`` with their visible answers, read in batches."""
    last_id = 0
    while True:
        batch = db.session.scalars(
            select(Response)
            .join(Response.organisation)
            .where(
                Response.round_id == survey_round.id,
                Organisation.kind == kind,
                Response.id > last_id,
            )
            .options(
                selectinload(Response.answers),
                selectinload(Response.organisation),
                selectinload(Response.questionnaire_version),
            )
            .order_by(Response.id)
            .limit(BATCH_SIZE)
        ).all()
        if not batch:
            return
        questionnaires: dict[int, Questionnaire] = {}
        for response in batch:
            version_id = response.questionnaire_version_id
            if version_id not in questionnaires:
                questionnaires[version_id] = response.questionnaire_version.questionnaire()
            answers = visible_answers(questionnaires[version_id], response.answer_values())
            yield response, answers
            last_id = response.id
        # The session's identity map holds unchanged objects weakly: a finished batch is freed.


def _questionnaire(survey_round: SurveyRound, kind: str) -> Questionnaire | None:
    version = survey_round.questionnaire_for(kind)
    if version is None:
        version = db.session.scalar(
            select(QuestionnaireVersion)
            .filter_by(respondent_type=kind)
            .order_by(QuestionnaireVersion.id.desc())
            .limit(1)
        )
    return version.questionnaire() if version else None


def build_sheets(
    survey_round: SurveyRound, kinds: tuple[str, ...], labels: bool, language: str
) -> list[Sheet]:
    """The sheets of an export of ``kinds``; their rows are read only when written."""
    sheets = []
    for kind in kinds:
        questionnaire = _questionnaire(survey_round, kind)
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
                wide.extend(question_columns(question, labels, language))
        sheets.append(Sheet(kind, wide, _wide_rows(survey_round, kind, wide)))
        for container in containers:
            sheets.append(
                _long_sheet(survey_round, kind, questionnaire, container, labels, language)
            )
    return sheets


def _wide_rows(survey_round, kind, columns):
    data_columns = columns[len(META_COLUMNS) :]

    def rows():
        for response, answers in iter_responses(survey_round, kind):
            yield _meta(response) + [column.read(answers) for column in data_columns]

    return rows


def _long_sheet(survey_round, kind, questionnaire, container, labels, language) -> Sheet:
    children = [c for c in container.questions if type_of(c).takes_answer]
    by_rows = type_of(container).shape is AnswerShape.ROWS
    child_columns = [col for child in children for col in question_columns(child, labels, language)]
    for column in child_columns:
        column.question_key = f"{container.key}.{column.question_key}"
    if by_rows:
        meta = _meta_columns(("response_id", "organisation_code", "row"))
    else:
        meta = _meta_columns(("response_id", "organisation_code", "item_code", "item_label"))
    source = (
        questionnaire.question(container.items_from)
        if not by_rows and container.items_from
        else None
    )

    def rows():
        for response, answers in iter_responses(survey_round, kind):
            value = answers.get(container.key)
            if by_rows:
                for number, row in enumerate(value or [], start=1):
                    row = row if isinstance(row, dict) else {}
                    yield [response.id, response.organisation.code, number] + [
                        c.read(row) for c in child_columns
                    ]
            else:
                for item_code, item in (value or {}).items():
                    item = item if isinstance(item, dict) else {}
                    item_label = source.label_for(item_code, language) if source else item_code
                    yield [response.id, response.organisation.code, item_code, item_label] + [
                        c.read(item) for c in child_columns
                    ]

    return Sheet(f"{kind}.{container.key}"[:31], meta + child_columns, rows)


def dictionary_sheet(sheets: list[Sheet]) -> Sheet:
    """One row per column of every sheet: what it holds."""
    columns = [
        Column(name, lambda v: None)
        for name in (
            "sheet",
            "column",
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
                    column.question_key,
                    column.type,
                    column.label,
                    column.choice_code,
                    column.choice_label,
                ]

    return Sheet("dictionary", columns, rows)


def export_round(
    survey_round: SurveyRound | None,
    output: IO[bytes],
    *,
    file_format: str,
    kinds: tuple[str, ...] = RESPONDENT_TYPES,
    labels: bool = False,
    language: str = "en",
) -> int:
    """Write the export to ``output`` (a binary file); returns the number of data rows.

    An empty round, or no round at all, gives valid files with headers only.
    """
    if file_format not in FORMATS:
        raise ValueError(f"Unknown export format {file_format!r}: use csv or xlsx.")
    sheets = build_sheets(survey_round, kinds, labels, language) if survey_round else []
    if not sheets:
        sheets = [Sheet(kind, _meta_columns(META_COLUMNS), lambda: iter(())) for kind in kinds]
    sheets.append(dictionary_sheet(list(sheets)))
    if file_format == "xlsx":
        return _write_xlsx(sheets, output)
    return _write_csv_zip(sheets, output)


def _write_xlsx(sheets: list[Sheet], output: IO[bytes]) -> int:
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    count = 0
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.name)
        worksheet.freeze_panes = "B2"
        header = []
        for column in sheet.columns:
            cell = WriteOnlyCell(worksheet, value=neutralise(column.name))
            cell.font = bold
            header.append(cell)
        worksheet.append(header)
        for row in sheet.rows():
            worksheet.append([_xlsx_value(worksheet, value) for value in row])
            if sheet.name != "dictionary":
                count += 1
    workbook.save(output)
    return count


def _xlsx_value(worksheet, value: Any) -> Any:
    if isinstance(value, str):
        # Written as a string cell, so openpyxl never turns "=..." into a formula either.
        cell = WriteOnlyCell(worksheet, value=neutralise(value))
        cell.data_type = "s"
        return cell
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value


def _write_csv_zip(sheets: list[Sheet], output: IO[bytes]) -> int:
    count = 0
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for sheet in sheets:
            with archive.open(f"{sheet.name}.csv", "w") as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
                writer = csv.writer(text)
                writer.writerow([neutralise(c.name) for c in sheet.columns])
                for row in sheet.rows():
                    writer.writerow([_csv_value(v) for v in row])
                    if sheet.name != "dictionary":
                        count += 1
                text.flush()
                text.detach()
    return count


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return neutralise(value)


def round_for_export(round_id: int | None) -> SurveyRound | None:
    """The round ``round_id``, else the open round, else the newest round."""
    if round_id is not None:
        return db.session.get(SurveyRound, round_id)
    return db.session.scalar(
        select(SurveyRound).order_by((SurveyRound.status == "open").desc(), SurveyRound.id.desc())
    )


@click.command("export")
@click.option("--format", "file_format", type=click.Choice(FORMATS), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@click.option("--type", "kind", type=click.Choice(RESPONDENT_TYPES), help="One respondent type.")
@click.option("--labels", is_flag=True, help="Choice answers as labels instead of codes.")
@click.option("--lang", type=click.Choice(["en", "fr", "es", "ar"]), default="en")
@click.option("--round", "round_id", type=int, help="The round (default: the open round).")
@with_appcontext
@needs_database(writes=False)
def export_command(
    file_format: str,
    output: Path,
    kind: str | None,
    labels: bool,
    lang: str,
    round_id: int | None,
) -> None:
    """Export the answers as XLSX, or as a ZIP of CSV files (one per sheet)."""
    survey_round = round_for_export(round_id)
    if round_id is not None and survey_round is None:
        raise click.ClickException(f"No round has the number {round_id}.")
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".part")
    with partial.open("wb") as handle:
        rows = export_round(
            survey_round,
            handle,
            file_format=file_format,
            kinds=(kind,) if kind else RESPONDENT_TYPES,
            labels=labels,
            language=lang,
        )
    partial.replace(output)
    click.echo(f"Wrote {output} ({rows} data rows)")
