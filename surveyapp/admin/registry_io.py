"""The registry as files: ISCMs, IGOs and memberships exported and imported as YAML or CSV.

YAML follows the shape of the shipped registry files (``questionnaires/registry/*.yaml``:
``iscms:``, ``igos:`` or ``memberships:`` holding a list, names as ``{en: ..., fr: ...}``); CSV
has one column per field and language (``name_en``, ``name_fr``...). An import is checked whole
before anything is written: one bad row and nothing changes, and every bad row is listed.

Every text goes through the application's text rule (``surveyapp.questionnaire.text``): NFC,
a control character or a lone surrogate refuses the row; every field is one line (a line break
becomes a space).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from sqlalchemy import select

from surveyapp.exports import neutralise
from surveyapp.extensions import db
from surveyapp.models import Membership, Organisation
from surveyapp.questionnaire.model import LANGUAGES
from surveyapp.questionnaire.text import UnprintableText, one_line, printable_text
from surveyapp.registry import ISCM_KINDS, MEMBERSHIP_ROLES
from surveyapp.safe_yaml import load_yaml

TEXT_FIELDS = ("name", "short_name", "in_sentence")
#: the model attribute holding each text field
TEXT_ATTRIBUTES = {"name": "names", "short_name": "short_names", "in_sentence": "in_sentence"}
#: what each kind of file holds, in column order
COLUMNS = {
    "iscms": ["code"]
    + [f"{f}_{lang}" for f in TEXT_FIELDS for lang in LANGUAGES]
    + ["acronym", "kind", "region", "secretariat"],
    "igos": ["code"] + [f"{f}_{lang}" for f in TEXT_FIELDS for lang in LANGUAGES] + ["acronym"],
    "memberships": ["iscm", "member", "role", "illustrative"],
}
KINDS = {"iscms": "iscm", "igos": "igo"}
CODE_PATTERNS = {
    "iscms": re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$"),
    "igos": re.compile(r"^[a-z][a-z0-9_]*$"),
}
MAX_TEXT = 500
MAX_ROWS = 5000


class ImportRefused(Exception):
    """The file cannot be imported; ``problems`` lists ``(row, message)`` pairs (row 0: file)."""

    def __init__(self, problems: list[tuple[int, str]]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass
class ParsedImport:
    """Rows of an import file, checked and ready to write."""

    what: str
    rows: list[dict[str, Any]] = field(default_factory=list)


# -- export ---------------------------------------------------------------------------------


def export_rows(what: str) -> list[dict[str, Any]]:
    """The current registry rows of ``what`` (``iscms``, ``igos``, ``memberships``), flat."""
    if what == "memberships":
        rows = []
        for membership in db.session.scalars(select(Membership)):
            rows.append(
                {
                    "iscm": membership.iscm.code,
                    "member": membership.member.code,
                    "role": membership.role,
                    "illustrative": membership.illustrative,
                }
            )
        return sorted(rows, key=lambda r: (r["iscm"], r["member"], r["role"]))
    rows = []
    for organisation in db.session.scalars(
        select(Organisation).filter_by(kind=KINDS[what]).order_by(Organisation.code)
    ):
        row: dict[str, Any] = {"code": organisation.code}
        for name in TEXT_FIELDS:
            texts = getattr(organisation, TEXT_ATTRIBUTES[name]) or {}
            for lang in LANGUAGES:
                row[f"{name}_{lang}"] = texts.get(lang, "")
        row["acronym"] = organisation.acronym or ""
        if what == "iscms":
            row["kind"] = organisation.iscm_kind or ""
            row["region"] = organisation.region or ""
            row["secretariat"] = organisation.secretariat or ""
        # A name stored before the text rule may hold what no file or page can carry.
        rows.append({key: printable_text(str(value)) for key, value in row.items()})
    return rows


def to_csv(what: str) -> str:
    """The rows of ``what`` as CSV text (formula-like cells neutralised)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS[what])
    writer.writeheader()
    for row in export_rows(what):
        writer.writerow({k: neutralise(v) for k, v in row.items()})
    return out.getvalue()


def to_yaml(what: str) -> str:
    """The rows of ``what`` as YAML in the shape of the shipped registry files."""
    items = []
    for row in export_rows(what):
        if what == "memberships":
            items.append(row)
            continue
        item: dict[str, Any] = {"code": row["code"]}
        for name in TEXT_FIELDS:
            texts = {lang: row[f"{name}_{lang}"] for lang in LANGUAGES if row[f"{name}_{lang}"]}
            if texts:
                item[name] = texts
        for key in ("acronym", "kind", "region", "secretariat"):
            if row.get(key):
                item[key] = row[key]
        items.append(item)
    return yaml.safe_dump({what: items}, allow_unicode=True, sort_keys=False, width=100)


# -- import ---------------------------------------------------------------------------------


def parse_file(what: str, filename: str, content: bytes) -> ParsedImport:
    """Read and check an import file whole.

    :raises ImportRefused: with every problem found, row by row.
    """
    if what not in COLUMNS:
        raise ImportRefused([(0, "Choose what the file holds: ISCMs, IGOs or memberships.")])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused([(0, "The file is not UTF-8 text.")]) from None
    lowered = filename.lower()
    if lowered.endswith(".csv"):
        raw_rows = _read_csv(text)
    elif lowered.endswith((".yaml", ".yml")):
        raw_rows = _read_yaml(what, text)
    else:
        raise ImportRefused([(0, "Upload a .csv, .yaml or .yml file.")])
    if not raw_rows:
        raise ImportRefused([(0, "The file has no rows.")])
    if len(raw_rows) > MAX_ROWS:
        raise ImportRefused([(0, f"The file has more than {MAX_ROWS} rows.")])
    return check_rows(what, raw_rows)


def check_rows(
    what: str, raw_rows: list[dict[str, Any]], *, must_be_new: bool = False
) -> ParsedImport:
    """Check rows read from a file or a form.

    :param must_be_new: refuse codes already in the registry (creating, not importing).
    :raises ImportRefused: with every problem found.
    """
    if what == "memberships":
        return _check_memberships(raw_rows)
    return _check_organisations(what, raw_rows, must_be_new)


def _read_csv(text: str) -> list[dict[str, Any]]:
    try:
        reader = csv.DictReader(io.StringIO(text))
        rows = [dict(row) for row in reader]
    except csv.Error as error:
        raise ImportRefused([(0, f"The CSV cannot be read: {error}")]) from error
    for row in rows:
        if None in row:
            raise ImportRefused([(0, "A row has more cells than the header has columns.")])
    return rows


def _read_yaml(what: str, text: str) -> list[dict[str, Any]]:
    try:
        data = load_yaml(text)
    except yaml.YAMLError as error:
        raise ImportRefused([(0, f"The YAML cannot be read: {error}")]) from error
    if not isinstance(data, dict) or not isinstance(data.get(what), list):
        raise ImportRefused([(0, f"The YAML must hold a list under '{what}:'.")])
    rows = []
    for item in data[what]:
        if not isinstance(item, dict):
            rows.append({"__invalid__": True})
            continue
        row: dict[str, Any] = {}
        for key, value in item.items():
            if key in TEXT_FIELDS and isinstance(value, dict):
                for lang, text_value in value.items():
                    row[f"{key}_{lang}"] = text_value
            else:
                row[str(key)] = value
        rows.append(row)
    return rows


def _text(value: Any) -> str:
    """A field's text, cleaned by the text rule, on one line, stripped.

    A name stands in sentences and e-mail subjects: a line break in it becomes a space.

    :raises UnprintableText: the text holds a character that cannot be stored.
    """
    return "" if value is None else one_line(str(value))


def _texts(raw: dict[str, Any], keys: list[str]) -> tuple[dict[str, str], list[str]]:
    """The cleaned texts of ``keys`` in ``raw``, and a message per text that was refused."""
    row, messages = {}, []
    for key in keys:
        try:
            row[key] = _text(raw.get(key))
        except UnprintableText as error:
            row[key] = ""
            messages.append(
                f"{key} contains a character that cannot be stored ({error.code}, at character "
                f"{error.position}): delete it or retype the text"
            )
    return row, messages


def _check_organisations(
    what: str, raw_rows: list[dict[str, Any]], must_be_new: bool = False
) -> ParsedImport:
    kind = KINDS[what]
    problems: list[tuple[int, str]] = []
    parsed = ParsedImport(what)
    existing = {o.code: o.kind for o in db.session.scalars(select(Organisation))}
    seen: set[str] = set()
    allowed = set(COLUMNS[what])
    for number, raw in enumerate(raw_rows, start=1):
        if raw.get("__invalid__"):
            problems.append((number, "not a mapping of fields"))
            continue
        row, messages = _texts(raw, COLUMNS[what])
        unknown = sorted(k for k in raw if k not in allowed and raw.get(k) not in (None, ""))
        if unknown:
            messages.append(f"unknown field(s): {', '.join(unknown)}")
        code = row["code"]
        if not CODE_PATTERNS[what].match(code):
            messages.append(f"code {code!r} is not a lower-case code like the others")
        elif code in seen:
            messages.append(f"code {code} appears twice in the file")
        elif code in existing and existing[code] != kind:
            messages.append(f"code {code} belongs to an organisation of another kind")
        elif code in existing and must_be_new:
            messages.append(f"code {code} is already in the registry")
        seen.add(code)
        if not row["name_en"]:
            messages.append("name_en (the English name) is required")
        if what == "iscms" and row["kind"] not in ISCM_KINDS:
            messages.append(f"kind must be one of {', '.join(ISCM_KINDS)}")
        too_long = [k for k, v in row.items() if len(v) > MAX_TEXT]
        if too_long:
            messages.append(f"longer than {MAX_TEXT} characters: {', '.join(too_long)}")
        if messages:
            problems.append((number, f"{code or '(no code)'}: " + "; ".join(messages)))
        else:
            parsed.rows.append(row)
    if problems:
        raise ImportRefused(problems)
    return parsed


def _check_memberships(raw_rows: list[dict[str, Any]]) -> ParsedImport:
    problems: list[tuple[int, str]] = []
    parsed = ParsedImport("memberships")
    organisations = {o.code: o for o in db.session.scalars(select(Organisation))}
    seen: set[tuple[str, str, str]] = set()
    for number, raw in enumerate(raw_rows, start=1):
        if raw.get("__invalid__"):
            problems.append((number, "not a mapping of fields"))
            continue
        texts, messages = _texts(raw, COLUMNS["memberships"])
        iscm, member = texts["iscm"], texts["member"]
        role = texts["role"] or "member"
        illustrative = texts["illustrative"].lower()
        if organisations.get(iscm) is None or organisations[iscm].kind != "iscm":
            messages.append(f"no ISCM has the code {iscm!r}")
        if organisations.get(member) is None or organisations[member].kind == "iscm":
            messages.append(f"no State or IGO has the code {member!r}")
        if role not in MEMBERSHIP_ROLES:
            messages.append(f"role must be one of {', '.join(MEMBERSHIP_ROLES)}")
        if illustrative not in ("", "true", "false", "1", "0", "yes", "no"):
            messages.append("illustrative must be true or false")
        if (iscm, member, role) in seen:
            messages.append("the same membership appears twice")
        seen.add((iscm, member, role))
        if messages:
            problems.append((number, f"{iscm or '?'} / {member or '?'}: " + "; ".join(messages)))
        else:
            parsed.rows.append(
                {
                    "iscm": iscm,
                    "member": member,
                    "role": role,
                    "illustrative": illustrative in ("true", "1", "yes"),
                }
            )
    if problems:
        raise ImportRefused(problems)
    return parsed
