"""Writing spreadsheet cells safely: text that a spreadsheet would run as a formula stays text,
and a character no workbook can hold (a control character, a lone surrogate) becomes U+FFFD."""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import Cell

from surveyapp.questionnaire.text import printable_text

#: first characters that make Excel, LibreOffice or Google Sheets read a cell as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: Any) -> bool:
    """Whether ``value`` is text a spreadsheet would evaluate (CSV/formula injection)."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def set_cell(cell: Cell, value: Any) -> Cell:
    """Put ``value`` in ``cell``; formula-like text is stored as a string with a quote prefix.

    openpyxl types a string starting with ``=`` as a formula; forcing the string data type
    and the quote-prefix style keeps it inert in every spreadsheet program. openpyxl refuses
    control characters (``IllegalCharacterError``) and XML cannot carry a lone surrogate: text
    stored before the text rule may hold either, so they are replaced first.
    """
    if isinstance(value, str):
        value = printable_text(value)
    cell.value = value
    if is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell
