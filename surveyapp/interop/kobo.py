"""Submissions of an exported XLSForm, from KoboToolbox or ODK exports, stored as responses.

Accepted files:

- JSON: a list of submissions, or an object with ``results`` (KoboToolbox's API) or ``value``
  (ODK Central's OData). Keys are field paths (``mandate/founding_year``); a repeat is a list
  of objects under its path.
- CSV: one submission per row; columns are field paths with ``/`` (KoboToolbox, ODK
  Briefcase) or ``-`` (ODK Central) between groups; a repeat's columns carry the row number,
  ``partners/partner_igo_examples[2]/example``. Delimiters ``,``, ``;`` and tab are detected.
- ZIP: ODK Central's "CSV (.zip)": ``<form>.csv`` (the submissions) and one
  ``<form>-<repeat>.csv`` per repeat, whose rows name their parent by ``PARENT_KEY`` (the
  parent's ``KEY``) and themselves by ``KEY`` (``uuid:…/iscm_views/iscm_views[3]``: the groups
  from the parent and the repeat with its row number). Each repeat row is put in its parent as
  KoboToolbox's JSON has it (a list under the repeat's path), so a State's or an IGO's
  per-ISCM answers are read with the rest. The zip's directory is checked before any member is
  read (:data:`MAX_ZIP_MEMBERS`, :data:`MAX_ZIP_UNPACKED_BYTES`).
- Several JSON files: ODK Central's OData feed of the submissions (``Submissions``) with its
  repeats' entity sets (``Submissions.iscm_views.iscm_views``, named by ``@odata.context`` or
  the file name), whose rows name their parent by ``__Submissions-id`` (the parent's
  ``__id``); pages of one entity set may be separate files. Each repeat row is put in its
  parent, as with the zip. (``$expand=*`` gives the rows inline, in one file.)

A path is matched by its last name (names are unique in our forms), and the group names before
it must be the field's own groups. The fields are read from the form as pyxform converts it, so
the ones pyxform adds (``iscm_views_count``, the count of a per-item repeat, which KoboToolbox's
and ODK Central's exports include) are known and ignored. Tool metadata (``_id``,
``_submission_time``, ``meta/...``, ``start``, split select_multiple columns ``KEY/CODE``) is
ignored.

Each submission is identified by ``meta/instanceID`` (or KoboToolbox's ``_uuid``, ODK Central's
``KEY``): one already imported is skipped, so importing a file twice stores it once.

Answers are checked as every save is (``clean_answers``: the same text rule as the web form);
an id or an organisation code holding a character that cannot be stored refuses its row.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any
from xml.etree import ElementTree

from pyxform.errors import PyXFormError
from pyxform.xls2xform import convert
from sqlalchemy import select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.interop.json_files import JSONFileError, parse_json
from surveyapp.interop.xlsform import (
    META_COLUMN,
    ORGANISATION_FIELD,
    ROOT_NAME,
    XLSForm,
    build_xlsform,
)
from surveyapp.models import Organisation, Response
from surveyapp.models.external import ExternalSubmission
from surveyapp.questionnaire import Choice, Questionnaire, Text, check_complete, clean_answers
from surveyapp.questionnaire.text import UnprintableText, find_unprintable, printable_text
from surveyapp.questionnaire.types import AnswerShape, QuestionType, type_of

#: columns of the tools' own bookkeeping (compared without case)
_TOOL_COLUMNS = {
    "start",
    "end",
    "today",
    "deviceid",
    "username",
    "simserial",
    "subscriberid",
    "phonenumber",
    "audit",
    "key",
    "submissiondate",
    "submitterid",
    "submittername",
    "attachmentspresent",
    "attachmentsexpected",
    "status",
    "reviewstate",
    "edits",
    "formversion",
    "instanceid",
    "instancename",
    "__id",
    "__system",
}
_INDEX = re.compile(r"^(?P<name>[^\[\]]+)(?:\[(?P<index>\d+)\])?$")
_XHTML = "http://www.w3.org/1999/xhtml"
_XFORMS = "http://www.w3.org/2002/xforms"
_ID_FIELDS = ("meta/instanceID", "meta-instanceID", "instanceID", "_uuid", "KEY", "__id")

#: the most members a zip of submissions may have (ODK Central: one CSV per repeat, and media)
MAX_ZIP_MEMBERS = 1_000
#: the largest total unpacked size of a zip's members (a round of 200 States: about 10 MB)
MAX_ZIP_UNPACKED_BYTES = 50 * 1024 * 1024
#: in a repeat row taken from a separate table: its row number in the repeat, and where it was
_ROW_NUMBER = "\0row"
_ROW_SOURCE = "\0source"
#: the last segment of a repeat row's KEY: the repeat's name and the row's number
_REPEAT_SEGMENT = re.compile(r"^(?P<name>[^\[\]/]+)\[(?P<index>[1-9]\d*)\]$")


class SubmissionFileError(Exception):
    """The file is neither a JSON nor a CSV export of submissions."""


@dataclass
class RowProblem:
    """Why one submission was not imported: its row, the column at fault and the reason."""

    row: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class ImportReport:
    """What an import did, submission by submission."""

    #: (row, organisation code, response id, submitted)
    imported: list[tuple[int, str, int, bool]] = field(default_factory=list)
    #: (row, submission id) of submissions imported before
    skipped: list[tuple[int, str]] = field(default_factory=list)
    refused: list[RowProblem] = field(default_factory=list)


@dataclass(frozen=True)
class _Field:
    """What a field name of an exported form means for our answers."""

    name: str
    #: ``organisation``, ``answer``, ``child``, ``item_code``, ``ignore``
    role: str
    groups: tuple[str, ...]
    #: the repeat or per_item key holding a child or an item code
    container: str | None = None
    #: the XLSForm type word (``acknowledge`` for a "not for attribution" mark)
    kind: str = ""
    #: the type of the question the field answers (None for a generated field)
    question_type: QuestionType | None = None
    #: for a per-item repeat, the multiple choice whose chosen items its rows are for
    items_from: str | None = None


def read_submissions(path: str | Path) -> list[tuple[int, dict[str, Any]]]:
    """The submissions of a JSON or CSV export, each with its row number in the file.

    :raises SubmissionFileError: the file cannot be read as either.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SubmissionFileError(f"cannot read {path}: {error.strerror}") from error
    if raw.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _read_zip(raw, path.name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SubmissionFileError(f"{path.name} is not UTF-8 text") from error
    if text.lstrip().startswith(("[", "{")):
        try:
            data = parse_json(text, path.name)
        except JSONFileError as error:
            raise SubmissionFileError(str(error)) from None
        if isinstance(data, Mapping):
            data = data.get("results", data.get("value"))
        if not isinstance(data, list) or not all(isinstance(r, Mapping) for r in data):
            raise SubmissionFileError(
                f"{path.name} holds no list of submissions (a list, or 'results' / 'value')"
            )
        return [(number, dict(record)) for number, record in enumerate(data, start=1)]
    return _read_csv(text, path.name)


def read_submission_files(paths: Iterable[str | Path]) -> list[tuple[int, dict[str, Any]]]:
    """The submissions of one export (:func:`read_submissions`), or of ODK Central's OData
    feed given as several JSON files: the submissions and their repeats' entity sets.

    :raises SubmissionFileError: a file cannot be read, or a repeat row cannot be placed.
    """
    paths = [Path(path) for path in paths]
    if len(paths) == 1:
        return read_submissions(paths[0])
    # entity set -> [(file name, record number, row)]
    sets: dict[str, list[tuple[str, int, dict[str, Any]]]] = {}
    for path in paths:
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise SubmissionFileError(f"cannot read {path}: {error.strerror}") from error
        try:
            data = parse_json(raw.decode("utf-8-sig"), path.name)
        except (UnicodeDecodeError, JSONFileError):
            raise SubmissionFileError(
                f"{path.name} is no OData JSON file: several files are read together only as "
                "ODK Central's OData feed (Submissions and its repeats' entity sets)"
            ) from None
        entity_set = _entity_set(data, path)
        rows = data.get("value") if isinstance(data, Mapping) else None
        if entity_set is None or not isinstance(rows, list):
            raise SubmissionFileError(
                f"{path.name} is no OData entity set of ODK Central (an object with "
                "'@odata.context' ending in #Submissions or #Submissions.<repeat>, and 'value')"
            )
        for number, row in enumerate(rows, start=1):
            if not isinstance(row, Mapping):
                raise SubmissionFileError(f"{path.name}, record {number}: not an object")
            sets.setdefault(entity_set, []).append((path.name, number, dict(row)))
    roots = sets.pop("Submissions", None)
    if roots is None:
        raise SubmissionFileError(
            "none of the files is the entity set Submissions (the submissions themselves)"
        )
    parents: dict[str, tuple[str, list[str], dict[str, Any]]] = {}
    for entity_set, rows in [("Submissions", roots), *sets.items()]:
        for file_name, number, row in rows:
            identifier = row.get("__id")
            if not isinstance(identifier, str) or not identifier:
                raise SubmissionFileError(f"{file_name}, record {number}: no __id")
            if identifier in parents:
                raise SubmissionFileError(
                    f"{file_name}, record {number}: the __id {identifier!r} is also that of "
                    f"another record of {parents[identifier][0]}"
                )
            parents[identifier] = (entity_set, entity_set.split(".")[1:], row)
            for linked in _linked_sets(row, entity_set):
                if linked not in sets:
                    raise SubmissionFileError(
                        f"{file_name}, record {number}: its rows of the repeat {linked} are not "
                        "among the files; give that entity set too (or export with $expand=*)"
                    )
    for entity_set, rows in sets.items():
        path = entity_set.split(".")[1:]
        positions: dict[str, int] = {}
        for file_name, number, row in rows:
            where = f"{file_name}, record {number}"
            links = [key for key in row if key.startswith("__Submissions") and key.endswith("-id")]
            if len(links) != 1:
                raise SubmissionFileError(
                    f"{where}: a row of {entity_set} names its parent by one __Submissions…-id"
                )
            parent_id = row.pop(links[0])
            if not isinstance(parent_id, str) or parent_id not in parents:
                raise SubmissionFileError(
                    f"{where}: its {links[0]} {parent_id!r} is the __id of no submission and "
                    "of no row of another repeat"
                )
            parent_set, parent_path, parent = parents[parent_id]
            if path[: len(parent_path)] != parent_path or len(path) <= len(parent_path):
                raise SubmissionFileError(
                    f"{where}: a row of {entity_set} cannot belong to a row of {parent_set}"
                )
            target = parent
            for group in path[len(parent_path) : -1]:
                if target.get(group) is None:
                    target[group] = {}
                if not isinstance(target[group], dict):
                    raise SubmissionFileError(
                        f"{where}: its parent holds a value, not a group, at '{group}'"
                    )
                target = target[group]
            positions[parent_id] = positions.get(parent_id, 0) + 1
            row[_ROW_NUMBER] = positions[parent_id]
            row[_ROW_SOURCE] = where
            rows_of_parent = target.get(path[-1])
            if not isinstance(rows_of_parent, list):
                rows_of_parent = target[path[-1]] = []
            rows_of_parent.append(row)
    return [(number, row) for number, (_file, _n, row) in enumerate(roots, start=1)]


def _linked_sets(row: Mapping[str, Any], entity_set: str) -> Iterator[str]:
    """The entity sets of the repeats a row links to (``NAME@odata.navigationLink``) and does
    not hold inline."""
    for key, value in row.items():
        if isinstance(value, Mapping):
            yield from _linked_sets(value, f"{entity_set}.{key}")
        elif key.endswith("@odata.navigationLink"):
            name = key.removesuffix("@odata.navigationLink")
            if not isinstance(row.get(name), list):
                yield f"{entity_set}.{name}"


def _entity_set(data: Any, path: Path) -> str | None:
    """The OData entity set a file holds: from ``@odata.context`` (``…$metadata#Submissions.x``),
    or from the file name (``Submissions.x.json``)."""
    context = data.get("@odata.context") if isinstance(data, Mapping) else None
    name = str(context).rpartition("#")[2] if context else path.stem
    name = name.split("(", 1)[0].removesuffix("/$entity")
    return name if name == "Submissions" or name.startswith("Submissions.") else None


def _read_csv(text: str, name: str) -> list[tuple[int, dict[str, Any]]]:
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    if first_line.count(delimiter) == 0:
        raise SubmissionFileError(f"{name} is neither JSON nor a CSV file with a header row")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
        rows = []
        # Rows are numbered by record (the first after the header is 1), as a spreadsheet
        # shows them: a cell holding line breaks spans several lines of the file.
        for number, values in enumerate(reader, start=1):
            if not any(value.strip() for value in values):
                continue
            rows.append((number, dict(zip(header, values, strict=False))))
    except csv.Error as error:
        raise SubmissionFileError(f"{name}, line {reader.line_num}: {error}") from error
    return rows


def _read_zip(raw: bytes, name: str) -> list[tuple[int, dict[str, Any]]]:
    """The submissions of ODK Central's "CSV (.zip)", each repeat row put in its parent.

    :raises SubmissionFileError: the zip is too large, a member cannot be read, or a repeat row
        cannot be placed (the message names the member and the record).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError) as error:
        raise SubmissionFileError(f"{name} is not a readable zip file: {error}") from None
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if len(members) > MAX_ZIP_MEMBERS:
            raise SubmissionFileError(
                f"{name} has {len(members):,} members; at most {MAX_ZIP_MEMBERS:,} are accepted"
            )
        unpacked = sum(info.file_size for info in members)
        if unpacked > MAX_ZIP_UNPACKED_BYTES:
            raise SubmissionFileError(
                f"{name} unpacks to {unpacked / 2**20:,.0f} MB; at most "
                f"{MAX_ZIP_UNPACKED_BYTES // 2**20} MB are accepted"
            )
        # The tables are at the top of the zip; ODK Central puts attachments under media/.
        tables = {
            info.filename: _read_member(archive, info, name)
            for info in members
            if "/" not in info.filename and info.filename.lower().endswith(".csv")
        }
    if not tables:
        raise SubmissionFileError(f"{name} holds no CSV file")
    roots = [member for member, (header, _) in tables.items() if "PARENT_KEY" not in header]
    if len(roots) != 1:
        raise SubmissionFileError(
            f"{name} holds {len(roots)} tables without a PARENT_KEY column "
            f"({', '.join(roots) or 'none'}); one is the submissions' table, the others are "
            "repeats"
        )
    root = roots[0]
    submissions = tables[root][1]
    # every row that can be a parent, by its KEY
    parents: dict[str, tuple[str, int, dict[str, Any]]] = {}
    for member, (header, rows) in tables.items():
        if member != root and "KEY" not in header:
            raise SubmissionFileError(f"{name}: {member} has a PARENT_KEY column but no KEY")
        for number, row in rows:
            key = str(row.get("KEY") or "").strip()
            if not key:
                if member != root:
                    raise SubmissionFileError(f"{name}: {member}, record {number}: no KEY")
                continue
            if key in parents:
                other, other_number, _ = parents[key]
                raise SubmissionFileError(
                    f"{name}: {member}, record {number}: the KEY {key!r} is also that of "
                    f"{other}, record {other_number}"
                )
            parents[key] = (member, number, row)
    placed: dict[int, dict[str, dict[int, dict[str, Any]]]] = {}
    for member, (_header, rows) in tables.items():
        if member == root:
            continue
        for number, row in rows:
            where = f"{member}, record {number}"
            key = str(row.pop("KEY")).strip()
            parent_key = str(row.pop("PARENT_KEY", "") or "").strip()
            if not parent_key:
                raise SubmissionFileError(f"{name}: {where}: no PARENT_KEY")
            if parent_key not in parents:
                raise SubmissionFileError(
                    f"{name}: {where}: its PARENT_KEY {parent_key!r} is the KEY of no "
                    f"submission in {root} and of no row of another repeat"
                )
            segments = key.removeprefix(f"{parent_key}/").split("/")
            last = _REPEAT_SEGMENT.match(segments[-1])
            if (
                not key.startswith(f"{parent_key}/")
                or last is None
                or not all(segment and "[" not in segment for segment in segments[:-1])
            ):
                raise SubmissionFileError(
                    f"{name}: {where}: its KEY {key!r} is not its PARENT_KEY followed by the "
                    "repeat's groups and name with the row number (…/iscm_views[1])"
                )
            path = "/".join([*segments[:-1], last["name"]])
            parent = parents[parent_key][2]
            row[_ROW_NUMBER] = int(last["index"])
            row[_ROW_SOURCE] = where
            placed.setdefault(id(parent), {}).setdefault(path, {})[int(last["index"])] = row
    for _member, _number, parent in parents.values():
        for path, rows_by_index in placed.get(id(parent), {}).items():
            parent[path] = [rows_by_index[index] for index in sorted(rows_by_index)]
    return submissions


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str
) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    """The header and records of one CSV member of a zip."""
    where = f"{name}: {info.filename}"
    try:
        with archive.open(info) as member:
            # never more than the directory declares (the reader stops there too)
            raw = member.read(info.file_size + 1)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError) as error:
        raise SubmissionFileError(f"{where} cannot be read: {error}") from None
    if len(raw) > info.file_size:
        raise SubmissionFileError(f"{where} unpacks to more than its declared size")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SubmissionFileError(f"{where} is not UTF-8 text") from None
    if not text.strip():
        return [], []
    rows = _read_csv(text, where)
    # the header has been read once by _read_csv: it is a valid CSV line
    header = next(csv.reader(io.StringIO(text)), [])
    return header, rows


def _converted_fields(form: XLSForm) -> list[tuple[str, ...]]:
    """The path of every field of ``form`` as pyxform converts it (the XForm's instance):
    what KoboToolbox and ODK Central put in their exports, the fields pyxform adds included
    (a per-item repeat's count ``KEY_count``, ``meta/instanceID``)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "form.xlsx"
        form.write(path)
        try:
            xform = convert(str(path), form_name=ROOT_NAME).xform
        except PyXFormError:
            # a questionnaire pyxform cannot convert has no fields of pyxform's own to add
            return []
    # pyxform's XForm of our own questionnaire, not a file from outside
    instance = ElementTree.fromstring(xform).find(  # noqa: S314
        "h:head/x:model/x:instance", {"h": _XHTML, "x": _XFORMS}
    )
    paths: list[tuple[str, ...]] = []

    def walk(element: ElementTree.Element, path: tuple[str, ...]) -> None:
        for child in element:
            child_path = (*path, child.tag.rpartition("}")[2])
            if len(child):
                walk(child, child_path)
            else:
                paths.append(child_path)

    if instance is not None and len(instance):
        walk(instance[0], ())
    return paths


#: fields by questionnaire content hash: converting the form through pyxform costs most of an
#: import of a few submissions, and a questionnaire version never changes
_FIELDS_BY_QUESTIONNAIRE: dict[str, Mapping[str, _Field]] = {}


def _fields(questionnaire: Questionnaire) -> Mapping[str, _Field]:
    """The fields of the questionnaire's exported form, by name (worked out once per
    questionnaire version and process)."""
    key = questionnaire.content_hash
    fields = _FIELDS_BY_QUESTIONNAIRE.get(key)
    if fields is None:
        if len(_FIELDS_BY_QUESTIONNAIRE) >= 16:  # a long-lived process meeting many versions
            _FIELDS_BY_QUESTIONNAIRE.clear()
        fields = _FIELDS_BY_QUESTIONNAIRE[key] = MappingProxyType(_form_fields(questionnaire))
    return fields


def _form_fields(questionnaire: Questionnaire) -> dict[str, _Field]:
    """The fields of the questionnaire's exported form, by name."""
    # The organisation field needs one choice for pyxform to convert the form; which one
    # does not matter here: only the fields' names and groups are read.
    placeholder = [Choice("organisation", Text(en="Organisation"))]
    form = build_xlsform(questionnaire, placeholder)
    types = {q.key: type_of(q) for q in questionnaire.all_questions()}
    fields: dict[str, _Field] = {}
    groups: list[str] = []
    containers: list[str] = []
    for row in form.survey:
        kind = row["type"]
        role = str(row.get(META_COLUMN, "")).split(" ")[0]
        name = row.get("name", "")
        if kind in ("end_group", "end_repeat"):
            groups.pop()
            if kind == "end_repeat":
                containers.pop()
            continue
        container = containers[-1] if containers else None
        if kind == "begin_group":
            groups.append(name)
            continue
        question_type = types.get(name)
        if kind == "begin_repeat":
            items_from = re.search(r"\bitems_from=(\S+)", str(row.get(META_COLUMN, "")))
            fields[name] = _Field(
                name,
                "container",
                tuple(groups),
                question_type=question_type,
                items_from=items_from.group(1) if items_from else None,
            )
            groups.append(name)
            containers.append(name)
            continue
        takes_answer = question_type is None or question_type.takes_answer
        if name == ORGANISATION_FIELD:
            field_role = "organisation"
        elif not takes_answer or role in (
            "title",
            "intro",
            "section_intro",
            "item_name",
            "item_note",
        ):
            field_role = "ignore"
        elif role == "item_code":
            field_role = "item_code"
        elif container:
            field_role = "child"
        else:
            field_role = "answer"
        fields[name] = _Field(
            name, field_role, tuple(groups), container, kind.split(" ")[0], question_type
        )
    for path in _converted_fields(form):
        if path[-1] not in fields and path[0] not in ("meta", "formhub"):
            fields[path[-1]] = _Field(path[-1], "ignore", path[:-1], kind="generated")
    return fields


def _split(column: str, fields: Mapping[str, _Field]) -> list[tuple[str, int | None]] | None:
    """The segments of a column path as (name, row index); None when it is no path of ours."""
    for separator in ("/", "-"):
        parts = []
        for segment in column.split(separator):
            match = _INDEX.match(segment.strip())
            if not match:
                break
            index = match["index"]
            parts.append((match["name"], int(index) if index else None))
        else:
            if parts and parts[-1][0] in fields:
                return parts
    return None


def _is_tool_column(column: str) -> bool:
    last = re.split(r"[/-]", column)[-1]
    return (
        column.startswith("_")
        or column.split("/")[0] in ("meta", "formhub")
        or column.startswith(("meta-", "formhub-"))
        or last.lower() in _TOOL_COLUMNS
    )


def _value(field: _Field, value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
    if _is_multiple(field) and isinstance(value, str):
        return value.split()
    if field.kind == "acknowledge" and isinstance(value, str):
        return value.upper() == "OK" or value.lower() in ("true", "yes", "1")
    return value


def _is_multiple(field: _Field) -> bool:
    """Whether the field holds several choice codes (space-separated, or split in columns)."""
    return field.question_type is not None and field.question_type.is_multiple


def _flatten(record: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Columns and values, with groups given as nested objects (ODK Central) as paths."""
    items = []
    for name, value in record.items():
        column = f"{prefix}/{name}" if prefix else str(name)
        if "@odata" in column:
            continue
        if isinstance(value, Mapping):
            items.extend(_flatten(value, column))
        else:
            items.append((column, value))
    return items


class _Record:
    """One submission turned into answers, remembering the column of each answer path."""

    def __init__(self, number: int, record: Mapping[str, Any], fields: Mapping[str, _Field]):
        self.number = number
        self.fields = fields
        self.answers: dict[str, Any] = {}
        self.columns: dict[str, str] = {}
        self.problems: list[RowProblem] = []
        self.rows: dict[str, dict[int, dict[str, Any]]] = {}
        self.organisation: str | None = None
        for column, value in _flatten(record):
            self.take(column, value, None)
        self.finish()

    def refuse(self, column: str | None, message: str) -> None:
        self.problems.append(RowProblem(self.number, column, message))

    def take(
        self, column: str, value: Any, row: tuple[str, int] | None, shown: str | None = None
    ) -> None:
        """Read one column; ``shown`` is how refusals name it (default: the column itself)."""
        # a split column of a multiple choice first: its choice code may be a field's name too
        # (``structures-communication_channels/meetings`` in ODK Central's CSV)
        if self.is_choice_column(column):
            return
        parts = _split(column, self.fields)
        shown = shown or column
        if parts is None:
            if _is_tool_column(column):
                return
            if value in (None, "", []):
                return
            self.refuse(shown, "this column is not a field of the form")
            return
        name = parts[-1][0]
        spec = self.fields[name]
        ancestors = [segment for segment, _ in parts[:-1]]
        if any(segment not in spec.groups for segment in ancestors):
            self.refuse(shown, f"'{name}' does not belong to the group {'/'.join(ancestors)}")
            return
        if spec.role == "container":
            if isinstance(value, list):
                for position, item in enumerate(value, start=1):
                    if not isinstance(item, Mapping):
                        self.refuse(shown, "a repeat holds objects, one per row")
                        continue
                    # set by the readers of separate repeat tables (a file cannot set an int)
                    index = item.get(_ROW_NUMBER)
                    if not isinstance(index, int) or isinstance(index, bool):
                        index = position
                    source = item.get(_ROW_SOURCE)
                    # groups inside a row are nested objects in ODK Central's OData
                    for child_column, child_value in _flatten(item):
                        if child_column in (_ROW_NUMBER, _ROW_SOURCE):
                            continue
                        child_shown = f"{child_column} ({source})" if source else child_column
                        self.take(child_column, child_value, (name, index), child_shown)
            elif value not in (None, ""):
                self.refuse(shown, "a repeat holds a list of rows")
            return
        if spec.role == "ignore" or value in (None, "", []):
            return
        if spec.role == "organisation":
            self.organisation = str(value).strip()
            return
        value = _value(spec, value)
        if spec.role == "answer":
            self.answers[name] = value
            self.columns[name] = shown
            return
        index = row[1] if row and row[0] == spec.container else None
        if index is None:
            index = next((i for n, i in parts if n == spec.container and i is not None), None)
        if index is None:
            self.refuse(shown, f"the row number of repeat '{spec.container}' is missing")
            return
        target = self.rows.setdefault(spec.container or "", {}).setdefault(index, {})
        if spec.role == "item_code":
            target["\0item"] = (str(value), shown)
        else:
            target[name] = value
            target.setdefault("\0columns", {})[name] = shown

    def is_choice_column(self, column: str) -> bool:
        """A KoboToolbox split select_multiple column ``PATH/KEY/CODE`` (0 or 1)."""
        head, _, _code = column.rpartition("/")
        parts = _split(head, self.fields) if head else None
        return bool(parts) and _is_multiple(self.fields[parts[-1][0]])

    def finish(self) -> None:
        for container, rows in self.rows.items():
            spec = self.fields[container]
            if spec.question_type is not None and spec.question_type.shape is AnswerShape.ITEMS:
                items: dict[str, Any] = {}
                for index in sorted(rows):
                    values = rows[index]
                    columns = values.pop("\0columns", {})
                    if "\0item" not in values:
                        if values:
                            self.refuse(
                                next(iter(columns.values()), None),
                                f"row {index} of '{container}' has no {container}_item code",
                            )
                        continue
                    code, code_column = values.pop("\0item")
                    chosen = self.answers.get(spec.items_from or "") or []
                    if spec.items_from and code not in chosen:
                        if not values:
                            # the form has a row for every item; one not chosen stays empty
                            continue
                        self.refuse(
                            code_column,
                            f"row {index} of '{container}' is for '{code}', which is not chosen "
                            f"in '{spec.items_from}'",
                        )
                        continue
                    items[code] = values
                    for child, column in columns.items():
                        self.columns[f"{container}.{code}.{child}"] = column
                    self.columns.setdefault(f"{container}.{code}", code_column)
                self.answers[container] = items
            else:
                ordered = []
                for position, index in enumerate(sorted(rows)):
                    values = rows[index]
                    columns = values.pop("\0columns", {})
                    values.pop("\0item", None)
                    ordered.append(values)
                    for child, column in columns.items():
                        self.columns[f"{container}.{position}.{child}"] = column
                self.answers[container] = ordered
            self.columns.setdefault(container, container)

    def column_of(self, path: str) -> str | None:
        """The column that holds the answer at ``path`` (a key or ``key.row.child``)."""
        while path:
            if path in self.columns:
                return self.columns[path]
            path = path.rpartition(".")[0]
        return None


def submission_id(record: Mapping[str, Any]) -> str | None:
    """The tool's id of a submission, without the ``uuid:`` prefix."""
    for name in _ID_FIELDS:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip().removeprefix("uuid:")
    meta = record.get("meta")
    if isinstance(meta, Mapping) and meta.get("instanceID"):
        return str(meta["instanceID"]).removeprefix("uuid:")
    return None


def import_submissions(
    submissions: Iterable[tuple[int, Mapping[str, Any]]], *, source: str, actor: str
) -> ImportReport:
    """Store submissions as answers of their organisations' responses in the open round.

    Every submission is validated as a save is; one that cannot be placed or is invalid is
    refused whole, with its row and column. A complete submission also submits the response.
    The caller commits.
    """
    report = ImportReport()
    survey_round = operations.current_round()
    fields_by_type: dict[int, Mapping[str, _Field]] = {}
    for number, record in submissions:
        identifier = submission_id(record)
        if identifier is None:
            report.refused.append(
                RowProblem(number, "meta/instanceID", "the submission has no id (meta/instanceID)")
            )
            continue
        unstorable = find_unprintable(identifier)
        if unstorable is not None:
            report.refused.append(
                RowProblem(number, "meta/instanceID", _unstorable("the id", unstorable))
            )
            continue
        known = db.session.scalar(select(ExternalSubmission).filter_by(submission_id=identifier))
        if known is not None:
            report.skipped.append((number, identifier))
            continue
        problem = _import_one(
            number, record, identifier, survey_round, fields_by_type, source, actor
        )
        if isinstance(problem, list):
            report.refused.extend(problem)
        else:
            report.imported.append(problem)
    return report


def _unstorable(what: str, problem: UnprintableText) -> str:
    return (
        f"{what} contains a character that cannot be stored "
        f"({problem.code}, at character {problem.position})"
    )


def _organisation_field(record: Mapping[str, Any]) -> str | None:
    for column, value in record.items():
        if re.split(r"[/-]", str(column))[-1] == ORGANISATION_FIELD and value not in (None, ""):
            return str(value).strip()
    return None


def _import_one(number, record, identifier, survey_round, fields_by_type, source, actor):
    code = _organisation_field(record)
    if code is None:
        return [RowProblem(number, ORGANISATION_FIELD, "no organisation code")]
    problem = find_unprintable(code)
    if problem is not None:
        return [
            RowProblem(number, ORGANISATION_FIELD, _unstorable("the organisation code", problem))
        ]
    organisation = db.session.scalar(select(Organisation).filter_by(code=code))
    if organisation is None:
        return [RowProblem(number, ORGANISATION_FIELD, f"no organisation has the code {code!r}")]
    if survey_round is None:
        return [RowProblem(number, None, "no round is open")]
    response = db.session.scalar(
        select(Response).filter_by(round_id=survey_round.id, organisation_id=organisation.id)
    )
    version = (
        response.questionnaire_version
        if response is not None
        else survey_round.questionnaire_for(organisation.kind)
    )
    if version is None:
        return [RowProblem(number, None, f"the round has no {organisation.kind} questionnaire")]
    if response is not None and response.status == "submitted":
        return [
            RowProblem(
                number,
                ORGANISATION_FIELD,
                f"the response of {code} is already submitted; reopen it to import answers",
            )
        ]
    questionnaire = version.questionnaire()
    if version.id not in fields_by_type:
        fields_by_type[version.id] = _fields(questionnaire)
    parsed = _Record(number, record, fields_by_type[version.id])
    if parsed.problems:
        return parsed.problems
    _clean, errors = clean_answers(questionnaire, parsed.answers)
    if errors:
        return [
            RowProblem(number, parsed.column_of(path), f"{path}: {' '.join(messages)}")
            for path, messages in errors.items()
        ]
    if response is None:
        response = operations.open_response(survey_round, organisation, version)
    operations.save_answers(
        response, response.version, parsed.answers, actor=actor, channel="import"
    )
    submitted = False
    if not check_complete(questionnaire, response.answer_values()):
        operations.submit_response(response, actor=actor, channel="import")
        submitted = True
    operations.record_external_submission(
        response,
        identifier,
        source=source[:255],
        form_version=printable_text(
            str(record.get("__version__") or record.get("_version_") or "")
        )[:64],
    )
    return (number, code, response.id, submitted)
