"""Writing an export's sheets as XLSX or as a ZIP of CSV files, with no cell a spreadsheet
would run as a formula."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from surveyapp.exports.sheets import Sheet, export_sheets, timestamp
from surveyapp.models import SurveyRound
from surveyapp.questionnaire.model import RESPONDENT_TYPES
from surveyapp.questionnaire.text import printable_text

FORMATS = ("csv", "xlsx")
#: characters that make a spreadsheet read a cell as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """``value``, with a leading ``'`` when it is text a spreadsheet would run as a formula, and
    U+FFFD for each character a spreadsheet cannot hold."""
    if not isinstance(value, str):
        return value
    value = printable_text(value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_round(
    survey_round: SurveyRound | None,
    output: IO[bytes],
    *,
    file_format: str,
    kinds: tuple[str, ...] = RESPONDENT_TYPES,
    labels: bool = False,
    language: str = "en",
    split_large: bool = False,
) -> int:
    """Write the export to ``output`` (a binary file); returns the number of data rows.

    ``labels``: choice answers and headers as labels in ``language``. ``split_large``: a 0/1
    column per choice for multiple choices with more than
    :data:`~surveyapp.exports.sheets.SPLIT_LIMIT` choices too (otherwise they keep only their
    combined column). An empty round, or no round at all, gives valid files with headers only.
    """
    if file_format not in FORMATS:
        raise ValueError(f"Unknown export format {file_format!r}: use csv or xlsx.")
    sheets = export_sheets(survey_round, kinds, labels, language, split_large=split_large)
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
            cell = WriteOnlyCell(worksheet, value=neutralise(column.heading))
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
    if isinstance(value, dt.datetime):
        value = timestamp(value)
    if isinstance(value, str):
        # Written as a string cell, so openpyxl never turns "=..." into a formula either.
        cell = WriteOnlyCell(worksheet, value=neutralise(value))
        cell.data_type = "s"
        return cell
    return value


def _write_csv_zip(sheets: list[Sheet], output: IO[bytes]) -> int:
    count = 0
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for sheet in sheets:
            with archive.open(f"{sheet.name}.csv", "w") as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
                writer = csv.writer(text)
                writer.writerow([neutralise(c.heading) for c in sheet.columns])
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
        return timestamp(value)
    return neutralise(value)
