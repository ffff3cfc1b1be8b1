"""Exports of a round's answers as XLSX or as a ZIP of CSV files, streamed.

Layout (the same in both formats; a CSV file per sheet, named after it):

* one sheet per respondent type (``state``, ``iscm``, ``igo``): a row per response, a column per
  question; ``select_multiple`` answers as KoboToolbox lays them out: the chosen codes separated
  by spaces (``states_joined``: ``GHA KEN``), then one 0/1 column per choice
  (``states_joined/GHA``), which a question with more than ``SPLIT_LIMIT`` (30) choices leaves
  out unless ``split_large``;
* a long-format sheet per ``repeat`` question (``state.meetings``: a row per repeated row) and
  per ``per_item`` question (``state.iscm_views``: a row per item);
* ``dictionary``: every column of every sheet with its question, type, label and choices.

Answers hidden by a condition are left out, as in the reports. With ``labels`` the choice
answers and the headers are written as labels in ``language`` instead of codes (the dictionary
gives each header's column name). Times (``submitted_at``) are ISO 8601 text with their UTC
offset, in both formats. Any text a spreadsheet would
read as a formula (starting with ``= + - @``, a tab or a carriage return) is prefixed with ``'``.
A character no spreadsheet can hold (a control character or a lone surrogate in text stored
before the text rule, see ``surveyapp.questionnaire.text``) is written as U+FFFD.
Responses are read in batches, as plain rows, once for all the sheets of their type: each
response's visible answers are worked out once and every sheet's rows built from them (by a
plan worked out once per sheet: each answer looked up once, its columns read in one call of its
type's ``export_reader``), written a few responses at a time (openpyxl's write-only mode keeps
each sheet in a temporary file; in a ZIP of CSV files the type's long sheets wait in temporary
files while its wide sheet is written), so memory does not grow with the number of responses.

The parts, each importing only those before it: :mod:`.query` reads the round and its
responses in batches; :mod:`.sheets` lays them out as sheets of columns (and the dictionary);
:mod:`.writer` writes the sheets as XLSX or as a ZIP of CSV files, neutralising formulas;
:mod:`.command` is ``surveyapp export``. The analysts' download (``surveyapp.analyst.exports``)
calls the same :func:`export_round`.
"""

from surveyapp.exports.query import round_for_export
from surveyapp.exports.sheets import SPLIT_LIMIT, build_sheets, dictionary_sheet
from surveyapp.exports.writer import FORMATS, export_round, neutralise

__all__ = [
    "FORMATS",
    "SPLIT_LIMIT",
    "build_sheets",
    "dictionary_sheet",
    "export_round",
    "neutralise",
    "round_for_export",
]
