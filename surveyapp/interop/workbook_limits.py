"""Limits a workbook (.xlsx) must keep before it is parsed.

An .xlsx file is a zip of XML parts, and the zip can be small while its contents are huge: a
61 KB file with 300,000 rows kept openpyxl busy for half a minute and took a third of a
gigabyte. Before any workbook from outside is loaded, :func:`check_workbook` reads the zip's
directory (the unpacked size of each part, which the zip reader will not exceed) and streams
the XML parts through expat, counting cells and elements without keeping any of them, and
stops at the first limit passed. The cell count is counted, not read from the sheets' declared
dimensions, which a file can get wrong on purpose.

A file that is not a zip at all passes: the parser that follows says it is no workbook.
"""

from __future__ import annotations

import io
import os
import zipfile
from typing import IO
from xml.parsers import expat

from flask_babel import gettext as _

#: the largest total size of a workbook's unpacked parts (a filled questionnaire: about 0.2 MB)
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
#: the most cells, over all sheets (a filled questionnaire: about 1,000; an XLSForm: thousands)
MAX_CELLS = 100_000
#: the most XML elements over all parts (a cell takes two or three, a shared string two)
MAX_ELEMENTS = 1_000_000
#: the most parts in the zip (a workbook has a few dozen)
MAX_PARTS = 1_000

#: the namespaces of SpreadsheetML (transitional and strict): cells are ``c`` elements in them
_SHEET_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_CELL_TAGS = frozenset(f"{namespace} c" for namespace in _SHEET_NAMESPACES)
_CHUNK = 64 * 1024


class WorkbookRefused(ValueError):
    """A workbook refused before it is parsed; the message says why, for the person uploading."""


class WorkbookTooLarge(WorkbookRefused):
    """A workbook that unpacks to too much: too many bytes, parts, cells or elements."""


class WorkbookUnsafe(WorkbookRefused):
    """A workbook with XML no spreadsheet program writes (a document type declaration)."""


class _Counter:
    """Cells and elements seen so far over all parts, refused as soon as one passes its limit."""

    def __init__(self) -> None:
        self.cells = 0
        self.elements = 0

    def start(self, name: str, _attributes: dict) -> None:
        self.elements += 1
        if name in _CELL_TAGS:
            self.cells += 1
            if self.cells > MAX_CELLS:
                raise WorkbookTooLarge(
                    _(
                        "The workbook has more than %(limit)s cells, too many to read.",
                        limit=f"{MAX_CELLS:,}",
                    )
                )
        if self.elements > MAX_ELEMENTS:
            raise WorkbookTooLarge(
                _(
                    "The workbook holds more than %(limit)s XML elements, too many to read.",
                    limit=f"{MAX_ELEMENTS:,}",
                )
            )


def _refuse_doctype(*_args: object) -> None:
    # Entity declarations live in a DOCTYPE; expanding them is how XML bombs grow.
    raise WorkbookUnsafe(
        _("The workbook holds an XML document type declaration, which Excel never writes.")
    )


def _count_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, counter: _Counter) -> None:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = counter.start
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    try:
        with archive.open(info) as part:
            while chunk := part.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except (expat.ExpatError, zipfile.BadZipFile, NotImplementedError, OSError):
        # A damaged part: the parser that follows refuses the file with its own message.
        return


def check_workbook(source: bytes | str | os.PathLike | IO[bytes]) -> None:
    """Refuse a workbook whose unpacked size or cell count is too large, before parsing it.

    :param source: the file's bytes, its path or an open binary file.
    :raises WorkbookTooLarge: more than :data:`MAX_UNPACKED_BYTES` unpacked, more than
        :data:`MAX_PARTS` parts, :data:`MAX_CELLS` cells or :data:`MAX_ELEMENTS` elements.
    :raises WorkbookUnsafe: an XML part declares a document type (entities).
    """
    if isinstance(source, bytes | bytearray):
        source = io.BytesIO(source)
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS:
            raise WorkbookTooLarge(
                _(
                    "The workbook has %(count)s parts; at most %(limit)s are accepted.",
                    count=f"{len(parts):,}",
                    limit=f"{MAX_PARTS:,}",
                )
            )
        unpacked = sum(info.file_size for info in parts)
        if unpacked > MAX_UNPACKED_BYTES:
            raise WorkbookTooLarge(
                _(
                    "The workbook unpacks to %(size)s MB; at most %(limit)s MB are accepted.",
                    size=f"{unpacked / 2**20:,.0f}",
                    limit=MAX_UNPACKED_BYTES // 2**20,
                )
            )
        counter = _Counter()
        # Every part, whatever its name: a sheet is found through relationships, not by its
        # extension. A part that is not XML stops its own count at its first bytes.
        for info in parts:
            _count_part(archive, info, counter)
