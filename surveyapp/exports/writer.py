"""Writing an export's sheets as XLSX or as a ZIP of CSV files, with no cell a spreadsheet
would run as a formula."""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import itertools
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from typing import IO, Any

from surveyapp.exports.sheets import Sheet, export_sheets, timestamp
from surveyapp.models import SurveyRound
from surveyapp.questionnaire.model import RESPONDENT_TYPES
from surveyapp.questionnaire.text import printable_text

FORMATS = ("csv", "xlsx")
#: characters that make a spreadsheet read a cell as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_FIRST = frozenset(FORMULA_STARTS)
#: the classes of cells written as they are
PLAIN = frozenset({type(None), int, float, bool})
#: rows of a sheet without a pass over the responses (the dictionary) written at a time
CHUNK = 1000


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


def _passes(sheets: list[Sheet]) -> Iterator[tuple[list[Sheet], Iterator[list[list[list]]]]]:
    """The sheets in order, those one :class:`~surveyapp.exports.sheets.ResponsePass` fills
    taken together: (the sheets, their rows in chunks: for each sheet, a list of its rows)."""
    index = 0
    while index < len(sheets):
        sheet = sheets[index]
        source = sheet.source
        if source is not None and source.sheets == sheets[index : index + len(source.sheets)]:
            yield source.sheets, source.chunks()
            index += len(source.sheets)
        else:
            yield [sheet], _chunks(sheet.rows())
            index += 1


def _chunks(rows: Iterator[list]) -> Iterator[list[list[list]]]:
    """One sheet's rows as chunks of :data:`CHUNK` rows, as a pass gives its sheets'."""
    while chunk := list(itertools.islice(rows, CHUNK)):
        yield [chunk]


def _write_xlsx(sheets: list[Sheet], output: IO[bytes]) -> int:
    # Imported here: openpyxl takes a tenth of a second and memory every command would pay.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    count = 0
    for group, chunks in _passes(sheets):
        # Write-only sheets each stream to a file of their own, so one pass fills them all.
        worksheets = []
        checked = _checked(group)
        for sheet in group:
            worksheet = workbook.create_sheet(sheet.name)
            worksheet.freeze_panes = "B2"
            header = []
            for column in sheet.columns:
                cell = WriteOnlyCell(worksheet, value=neutralise(column.heading))
                cell.font = bold
                header.append(cell)
            worksheet.append(header)
            worksheets.append(worksheet)
        counted = [sheet.name != "dictionary" for sheet in group]
        for chunk in chunks:
            for worksheet, rows, counts, cells in zip(
                worksheets, chunk, counted, checked, strict=True
            ):
                # Every text is neutralised, so none starts with "=": openpyxl writes it as
                # text.
                append = worksheet.append
                for row in _neutralised(rows, cells):
                    append(row)
                count += counts * len(rows)
    workbook.save(output)
    return count


def _write_csv_zip(sheets: list[Sheet], output: IO[bytes]) -> int:
    count = 0
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for group, chunks in _passes(sheets):
            # A ZIP takes one member at a time: the first sheet goes straight in, the others
            # wait in temporary files until the pass is over.
            with contextlib.ExitStack() as stack:
                spools = [stack.enter_context(tempfile.TemporaryFile()) for _ in group[1:]]
                with archive.open(f"{group[0].name}.csv", "w") as first:
                    # UTF-8 with a byte order mark (what spreadsheets need to read it as
                    # UTF-8): the mark written here, the text through UTF-8's fast encoder
                    # (the "utf-8-sig" codec encodes row by row in Python, a third slower)
                    for raw in [first, *spools]:
                        raw.write(codecs.BOM_UTF8)
                    texts = [
                        io.TextIOWrapper(raw, encoding="utf-8", newline="")
                        for raw in [first, *spools]
                    ]
                    writers = [csv.writer(text) for text in texts]
                    for writer, sheet in zip(writers, group, strict=True):
                        writer.writerow([neutralise(c.heading) for c in sheet.columns])
                    counted = [sheet.name != "dictionary" for sheet in group]
                    checked = _checked(group)
                    for chunk in chunks:
                        for writer, rows, counts, cells in zip(
                            writers, chunk, counted, checked, strict=True
                        ):
                            # csv writes None as an empty field.
                            writer.writerows(_neutralised(rows, cells))
                            count += counts * len(rows)
                    for text in texts:
                        text.flush()
                        text.detach()
                for sheet, spooled in zip(group[1:], spools, strict=True):
                    spooled.seek(0)
                    with archive.open(f"{sheet.name}.csv", "w") as member:
                        shutil.copyfileobj(spooled, member)
    return count


def _checked(sheets: list[Sheet]) -> list[tuple[int, ...]]:
    """For each sheet, the positions of the columns whose cells may need neutralising (all
    but those that only hold numbers)."""
    return [
        tuple(i for i, column in enumerate(sheet.columns) if not column.number) for sheet in sheets
    ]


def _neutralised(rows: list[list[Any]], checked: tuple[int, ...]) -> list[list[Any]]:
    """``rows``, their cells at ``checked`` neutralised where they need it (in place).

    One loop over the cells that can need it, and the full routine only for a cell that does:
    a function call per cell doubled the export's time. A text that is printable (so holds
    nothing printable_text replaces) and starts with no formula character is written as it is.
    """
    plain, formula_first, cell = PLAIN, FORMULA_FIRST, _cell
    for row in rows:
        for i in checked:
            value = row[i]
            if value.__class__ in plain or (
                value.__class__ is str and value.isprintable() and value[:1] not in formula_first
            ):
                continue
            row[i] = cell(value)
    return rows


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, dt.datetime):
        return timestamp(value)
    return value
