"""XLSForms from anywhere as questionnaires: read by pyxform, then carried or explained.

The workbook (``.xlsx``, ``.xlsm``, ``.xls``, ``.csv`` or ``.md``) is read by pyxform's own
parser (``pyxform.xls2json.parse_file_to_json``), so every spelling pyxform accepts is read as
pyxform reads it: ``list name`` and ``list_name``, ``begin repeat`` and ``begin_repeat``,
``select one from``, ``int``, ``string``, ``bind:relevant``... and groups and repeats come
nested as the form nests them. The tree is then turned into our format:

- top-level groups are sections, questions between them are sections of their own, groups
  inside a section (or a repeat) are flattened, their ``relevant`` pushed down to each of
  their questions;
- names are made snake_case and unique (a name used twice gets ``_2``), choice codes valid,
  and every reference follows: ``${}`` in conditions, labels, hints and choice labels;
- ``relevant`` expressions become ``show_if`` conditions; ``selected()`` on a single choice
  is ``equals``; a part that refers to a question not carried (or not earlier), or to a
  choice the source list lacks, is left out with a note naming both;
- what cannot be carried is noted once per kind, with the names it concerns.

The result is plain data that passes ``questionnaires validate``.
"""

from __future__ import annotations

import copy
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

import yaml
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from pyxform.errors import PyXFormError
from pyxform.question_type_dictionary import QUESTION_TYPE_DICT
from pyxform.xls2json import parse_file_to_json

from surveyapp.interop.workbook_limits import (
    MAX_UNPACKED_BYTES,
    WorkbookRefused,
    check_workbook,
)
from surveyapp.interop.xlsform import EMAIL_CONSTRAINT, META_COLUMN, ROOT_NAME
from surveyapp.questionnaire import (
    LANGUAGES,
    ChoiceSource,
    Problem,
    QuestionnaireError,
    load_questionnaire,
)
from surveyapp.questionnaire.model import OTHER_CODE, RESPONDENT_TYPES
from surveyapp.questionnaire.types import REGISTRY, AnswerShape, QuestionType, type_of

#: the file types pyxform reads
SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".md")
#: the largest form file read (.xlsx files also keep the limits of ``workbook_limits``)
MAX_FORM_BYTES = MAX_UNPACKED_BYTES

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_REFERENCE = re.compile(r"\$\{\s*([^}\s]*)\s*\}")
_LANG_IN_NAME = re.compile(r"\((\w{2,3})\)\s*$")
_LANG_BY_NAME = {
    "english": "en",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "spanish": "es",
    "español": "es",
    "espanol": "es",
    "arabic": "ar",
    "العربية": "ar",
}
_YES = {"yes", "true", "true()", "1"}
_NO = {"", "no", "false", "false()", "0"}
#: the XLSForm type words our types are written with, by pyxform's canonical type name
_CANONICAL = {
    "integer": "integer",
    "text": "text",
    "decimal": "decimal",
    "date": "date",
    "note": "note",
    "calculate": "calculate",
    "acknowledge": "acknowledge",
    "select one": "select_one",
    "select all that apply": "select_multiple",
}
#: what a row's key in pyxform's tree is, when it is not carried (for notes)
_COLUMN_NAMES = {
    "jr:constraintMsg": "constraint_message",
    "jr:requiredMsg": "required_message",
    "readonly": "read_only",
    "calculate": "calculation",
    "jr:count": "repeat_count",
    "jr:noAppButton": "no_app_error_string",
}
#: keys of pyxform's tree that the walk reads (or that carry nothing)
_READ = frozenset(
    {
        "type",
        "name",
        "label",
        "hint",
        "bind",
        "control",
        "children",
        "choices",
        "itemset",
        "list_name",
        "parameters",
        META_COLUMN,
    }
)
_READ_BIND = frozenset({"relevant", "required", "constraint"})
_READ_CONTROL = frozenset({"appearance"})
#: pyxform's metadata types: what the device records, not questions
_METADATA = frozenset(
    name
    for name, definition in QUESTION_TYPE_DICT.items()
    if "jr:preload" in (definition.get("bind") or {})
    or name in ("audit", "start-geopoint")
    or name.startswith("background-")
)
#: how many names a note lists before it says how many more
_SHOWN = 12


def _type_words() -> dict[str, str]:
    """Every type name pyxform knows -> the XLSForm word our types use (or its own name)."""
    words: dict[str, str] = {}
    for canonical, word in _CANONICAL.items():
        definition = QUESTION_TYPE_DICT.get(canonical)
        for name, other in QUESTION_TYPE_DICT.items():
            if other == definition and "external" not in name:
                words[name] = word
    return words


_TYPE_WORDS = _type_words()


class XLSFormError(Exception):
    """The file is not an XLSForm we can read at all."""


@dataclass
class ImportNote:
    """One kind of thing the import could not carry (or changed), with what it concerns.

    :param kind: a stable code for programs (``type_not_carried``, ``reference_dropped``).
    :param message: what happened, the same for every subject of the kind.
    :param subjects: the names it concerns (``"age2 in the label of 'q3'"``), in form order.
    """

    kind: str
    message: str
    subjects: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many times it happened."""
        return len(self.subjects)

    def __str__(self) -> str:
        shown = ", ".join(self.subjects[:_SHOWN])
        more = f" and {self.count - _SHOWN} more" if self.count > _SHOWN else ""
        return f"{self.message} ({self.count}): {shown}{more}"

    def to_json(self) -> dict[str, Any]:
        """The note for programs (``--json``)."""
        return {
            "kind": self.kind,
            "message": self.message,
            "count": self.count,
            "subjects": list(self.subjects),
        }


class _Notes:
    """Notes gathered by kind and message, in the order each first happened."""

    def __init__(self) -> None:
        self.by_message: dict[tuple[str, str], ImportNote] = {}

    def add(self, kind: str, message: str, subject: str) -> None:
        note = self.by_message.setdefault((kind, message), ImportNote(kind, message))
        note.subjects.append(subject)

    def all(self) -> list[ImportNote]:
        return list(self.by_message.values())


@dataclass
class ImportResult:
    """A questionnaire in our format (plain data, ready for YAML) and what was not carried."""

    data: dict[str, Any]
    notes: list[ImportNote]
    #: what the checks still say of ``data`` (none, unless a choice list could not be resolved)
    problems: list[Problem] = field(default_factory=list)

    def question_count(self) -> int:
        """How many questions the questionnaire has, children of repeats included."""
        return sum(1 for _question in _questions(self.data["sections"]))


# -- expressions ----------------------------------------------------------------------------


class _Expression:
    """A parser of the part of XPath that ``show_if`` conditions can say.

    Leaves name questions as the source form does (``{"question": "Consent", ...}``); the
    importer resolves them afterwards.
    """

    _TOKEN = re.compile(
        r"\s*(?:(?P<ref>\$\{\s*[^}\s]+\s*\})|(?P<str>'[^']*'|\"[^\"]*\")"
        r"|(?P<num>-?\d+(?:\.\d+)?)|(?P<op>!=|>=|<=|=|>|<|\(|\)|,)"
        r"|(?P<word>[A-Za-z][\w:-]*))"
    )

    def __init__(self, text: str) -> None:
        self.tokens: list[tuple[str, str]] = []
        position = 0
        text = text.strip()
        while position < len(text):
            match = self._TOKEN.match(text, position)
            if not match or match.end() == position:
                raise ValueError(text[position:])
            kind = match.lastgroup or ""
            self.tokens.append((kind, match.group(kind)))
            position = match.end()
        self.at = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None or (value is not None and token[1] != value):
            raise ValueError(value or "end")
        self.at += 1
        return token

    def parse(self) -> dict[str, Any]:
        condition = self.disjunction()
        if self.peek() is not None:
            raise ValueError(self.peek())
        return condition

    def disjunction(self) -> dict[str, Any]:
        parts = [self.conjunction()]
        while self.peek() == ("word", "or"):
            self.take()
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else {"any": parts}

    def conjunction(self) -> dict[str, Any]:
        parts = [self.atom()]
        while self.peek() == ("word", "and"):
            self.take()
            parts.append(self.atom())
        return parts[0] if len(parts) == 1 else {"all": parts}

    def atom(self) -> dict[str, Any]:
        token = self.take()
        if token == ("op", "("):
            inner = self.disjunction()
            self.take(")")
            return inner
        if token == ("word", "not"):
            self.take("(")
            inner = self.disjunction()
            self.take(")")
            return {"not": inner}
        if token == ("word", "selected"):
            self.take("(")
            key = self.reference(self.take())
            self.take(",")
            value = self.literal(self.take())
            self.take(")")
            return {"question": key, "includes": value}
        if token[1] in ("count-selected", "string-length"):
            # count-selected(${x}) > 0, string-length(${x}) >= 1: the question is answered
            self.take("(")
            key = self.reference(self.take())
            self.take(")")
            operator, value = self.take()[1], self.literal(self.take())
            if (operator, value) in ((">", 0), (">=", 1), ("!=", 0)):
                return {"question": key, "answered": True}
            if (operator, value) in (("=", 0), ("<", 1)):
                return {"question": key, "answered": False}
            raise ValueError(token)
        if token[0] in ("str", "num") and self.peek() in (("op", "="), ("op", "!=")):
            # 'yes' = ${x}: the same comparison written the other way round
            operator = self.take()[1]
            key = self.reference(self.take())
            return self.comparison(key, operator, self.literal(token))
        if token[0] == "ref":
            key = self.reference(token)
            operator = self.take()[1]
            return self.comparison(key, operator, self.literal(self.take()))
        raise ValueError(token)

    @staticmethod
    def comparison(key: str, operator: str, value: Any) -> dict[str, Any]:
        if operator == "!=" and value == "":
            return {"question": key, "answered": True}
        if operator == "=" and value == "":
            return {"question": key, "answered": False}
        if operator == "=":
            return {"question": key, "equals": value}
        if operator == "!=":
            return {"not": {"question": key, "equals": value}}
        # an order (${age} > 17) has no place in show_if: kept aside, for the note
        literal = f"'{value}'" if isinstance(value, str) else str(value)
        return {"unsupported": f"${{{key}}} {operator} {literal}"}

    @staticmethod
    def reference(token: tuple[str, str]) -> str:
        if token[0] != "ref":
            raise ValueError(token)
        return token[1][2:-1].strip()

    @staticmethod
    def literal(token: tuple[str, str]) -> Any:
        kind, text = token
        if kind == "str":
            return text[1:-1]
        if kind == "num":
            return float(text) if "." in text else int(text)
        raise ValueError(token)


def parse_relevant(expression: str) -> dict[str, Any]:
    """The ``show_if`` condition of an XLSForm ``relevant`` expression (names as written).

    :raises ValueError: the expression uses more than comparisons with ``=`` and ``!=``,
        ``selected()``, ``count-selected()``/``string-length()`` against zero, ``and``,
        ``or`` and ``not()``.
    """
    condition = _Expression(expression).parse()
    if "unsupported" in repr(condition):
        raise ValueError(expression)
    return condition


_BOUND = re.compile(
    r"^(?P<subject>\.|count-selected\(\.\)|string-length\(\.\))\s*(?P<op><=|>=)\s*"
    r"(?P<value>-?\d+(?:\.\d+)?|date\('\d{4}-\d{2}-\d{2}'\))$"
)


def parse_constraint(expression: str, kind: str) -> dict[str, Any]:
    """``min``, ``max``, ``max_length`` or ``format`` from an XLSForm ``constraint``.

    :raises ValueError: the expression is not a conjunction of bounds on the answer.
    """
    question_type = type_of(kind)
    bounds: dict[str, Any] = {}
    for part in re.split(r"\s+and\s+", expression.strip()):
        if part.strip() == EMAIL_CONSTRAINT and "email" in question_type.formats:
            bounds["format"] = "email"
            continue
        part = part.strip()
        if part.startswith("(") and part.endswith(")"):
            part = part[1:-1].strip()
        match = _BOUND.match(part)
        if not match:
            raise ValueError(part)
        subject, op, raw = match["subject"], match["op"], match["value"]
        if raw.startswith("date("):
            value: Any = raw[6:-2]
        else:
            value = float(raw) if "." in raw else int(raw)
        if subject == "string-length(.)":
            if op != "<=" or not question_type.is_text:
                raise ValueError(part)
            bounds["max_length"] = value
            continue
        expected = "count-selected(.)" if question_type.bounds == "count" else "."
        if question_type.bounds is None or subject != expected:
            raise ValueError(part)
        bounds["min" if op == ">=" else "max"] = value
    return bounds


def _our_type(word: str, appearance: str, role: str) -> QuestionType | None:
    """The question type an XLSForm row is: the registered type written with the row's
    ``type`` word and role whose appearance the row has (the most specific one)."""
    appearances = appearance.split()
    fitting = [
        question_type
        for question_type in REGISTRY.values()
        if question_type.xlsform is not None
        and question_type.xlsform.word == word
        and question_type.xlsform.role == role
        and (
            not question_type.xlsform.appearance or question_type.xlsform.appearance in appearances
        )
    ]
    return max(fitting, key=lambda t: len(t.xlsform.appearance), default=None)


def _conjuncts(expression: str) -> list[str]:
    """The parts of ``expression`` joined by ``and`` outside any parenthesis or string."""
    parts, depth, start, quote = [], 0, 0, ""
    for at, character in enumerate(expression):
        if quote:
            quote = "" if character == quote else quote
        elif character in "'\"":
            quote = character
        elif character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif depth == 0 and re.match(r"\sand\s", expression[at : at + 5]):
            parts.append(expression[start:at])
            start = at + 5
    parts.append(expression[start:])
    return [part.strip() for part in parts if part.strip()]


def _fitting_bounds(bounds: dict[str, Any], kind: QuestionType) -> dict[str, Any]:
    """``bounds`` if our format can hold them (a real date, a count not below zero, ``min``
    not above ``max``).

    :raises ValueError: they cannot be held.
    """
    for name in ("min", "max"):
        if name in bounds and (
            kind.bound_problem(bounds[name]) or (kind.bounds == "count" and bounds[name] < 0)
        ):
            raise ValueError(name)
    if "min" in bounds and "max" in bounds and bounds["min"] > bounds["max"]:
        raise ValueError("min > max")
    if bounds.get("max_length", 1) < 1:
        raise ValueError("max_length")
    return bounds


def _meta_tokens(value: Any) -> tuple[str, dict[str, str]]:
    role, values = "", {}
    for token in str(value or "").split():
        if "=" in token:
            name, _, item = token.partition("=")
            values[name] = item
        else:
            role = token
    return role, values


def _number(text: str) -> int | float:
    return float(text) if "." in text else int(text)


def _snake(name: str) -> str:
    fixed = re.sub(r"[^a-z0-9_]+", "_", name.lower()).strip("_") or "question"
    return fixed if fixed[0].isalpha() else f"q_{fixed}"


# -- the walk -------------------------------------------------------------------------------


@dataclass
class _Carried:
    """A question carried so far: what a later reference to its source name needs."""

    question: dict[str, Any]
    #: the key of the repeat it is in (None at the top level of a section)
    container: str | None
    #: source choice name -> our code
    codes: dict[str, str]


class _Reader:
    def __init__(
        self,
        form: Mapping[str, Any],
        respondent_type: str | None,
        spaces: Mapping[str, str] | None = None,
    ) -> None:
        self.form = form
        #: texts as pyxform gives them -> as the cells hold them (no-break spaces kept)
        self.spaces = spaces or {}
        self.respondent_type = respondent_type
        self.notes = _Notes()
        self.keys: set[str] = set()
        self.section_keys: set[str] = set()
        #: source name -> the latest question carried under it
        self.carried: dict[str, _Carried] = {}
        #: source name -> our key, for references in texts (the first question of the name)
        self.text_names: dict[str, str] = {}
        #: texts whose ``${}`` references are rewritten at the end, with their owner's name
        self.texts: list[tuple[dict[str, str], str, str]] = []
        self.data: dict[str, Any] = {}
        self.languages_left_out: set[str] = set()

    # notes and names

    def note(self, kind: str, message: str, subject: str) -> None:
        self.notes.add(kind, message, subject)

    def new_key(self, name: str, taken: set[str], what: str = "question") -> str:
        key = name if _KEY.match(name) else _snake(name)
        if key != name:
            self.note(
                "renamed", f"{what} names that are not snake_case are renamed", f"{name} → {key}"
            )
        if key in taken:
            numbered = _unused(key, taken)
            self.note(
                "name_used_twice", f"a {what} name used twice gets a number", f"{key} → {numbered}"
            )
            key = numbered
        taken.add(key)
        return key

    def text(self, value: Any, owner: str, what: str) -> dict[str, str]:
        """A translated text by our language codes; ``en`` first (filled from another)."""
        if value in (None, ""):
            return {}
        if not isinstance(value, Mapping):
            value = {"default": value}
        text: dict[str, str] = {}
        for name, item in value.items():
            if item in (None, ""):
                continue
            lang = "en" if name == "default" else self.language(str(name))
            if lang and (lang not in text or name != "default"):
                text[lang] = self.spaces.get(str(item), str(item))
        if not text:
            return {}
        ordered = {lang: text[lang] for lang in LANGUAGES if lang in text}
        if "en" not in ordered:
            ordered = {"en": next(iter(ordered.values()))} | ordered
        self.texts.append((ordered, owner, what))
        return ordered

    def language(self, name: str) -> str | None:
        match = _LANG_IN_NAME.search(name)
        code = match.group(1).lower() if match else _LANG_BY_NAME.get(name.strip().lower())
        if code in LANGUAGES:
            return code
        if name not in self.languages_left_out:
            self.languages_left_out.add(name)
            self.note("language", "languages other than en, fr, es, ar are left out", name)
        return None

    # conditions

    def condition(self, element: Mapping[str, Any], container: str | None) -> dict | None:
        """The ``relevant`` of ``element`` as a ``show_if`` on carried questions."""
        expression = str((element.get("bind") or {}).get("relevant") or "").strip()
        if not expression:
            return None
        name = str(element.get("name"))
        try:
            parsed = _Expression(expression).parse()
        except ValueError:
            self.note(
                "relevant_not_carried",
                "relevant expressions beyond =, !=, selected(), and, or, not() are not carried "
                "(the question is shown without that condition)",
                f"{name}: {expression}",
            )
            return None
        return self.resolve(parsed, name, container)

    def resolve(self, condition: Mapping[str, Any], owner: str, container: str | None):
        if "all" in condition or "any" in condition:
            name = "all" if "all" in condition else "any"
            parts = [self.resolve(part, owner, container) for part in condition[name]]
            parts = [part for part in parts if part is not None]
            if not parts:
                return None
            return parts[0] if len(parts) == 1 else {name: parts}
        if "not" in condition:
            inner = self.resolve(condition["not"], owner, container)
            return None if inner is None else {"not": inner}
        if "unsupported" in condition:
            self.note(
                "relevant_not_carried",
                "comparisons other than = and != are not carried; that part of the condition "
                "is left out",
                f"{owner}: {condition['unsupported']}",
            )
            return None
        return self.leaf(condition, owner, container)

    def leaf(self, leaf: Mapping[str, Any], owner: str, container: str | None):
        source = leaf["question"]
        carried = self.carried.get(source)
        if carried is None or carried.container not in (None, container):
            self.note(
                "reference_dropped",
                "a condition refers to a question that is not carried or does not come "
                "earlier; that part of the condition is left out",
                f"{source} in the condition of '{owner}'",
            )
            return None
        question = carried.question
        kind = type_of(question["type"])
        if not kind.takes_answer:
            self.note(
                "reference_dropped",
                "a condition refers to a note, which has no answer; that part is left out",
                f"{source} in the condition of '{owner}'",
            )
            return None
        resolved: dict[str, Any] = {"question": question["key"]}
        if "answered" in leaf:
            return resolved | {"answered": leaf["answered"]}
        value = leaf.get("equals", leaf.get("includes"))
        if kind.has_choices:
            code = carried.codes.get(str(value))
            if code is None:
                self.note(
                    "choice_missing_in_source",
                    "a condition compares with a choice its question's list lacks (the source "
                    "form is wrong); that part is left out",
                    f"'{value}' of {source} in the condition of '{owner}'",
                )
                return None
            value = code
        elif kind.is_numeric and isinstance(value, str):
            try:
                value = _number(value)
            except ValueError:
                self.note(
                    "relevant_not_carried",
                    "a condition compares a number with a text; that part is left out",
                    f"{source} in the condition of '{owner}'",
                )
                return None
        operator = "includes" if kind.is_multiple else "equals"
        if kind.is_multiple and "equals" in leaf:
            self.note(
                "equals_on_multiple",
                "an exact comparison of a multiple choice (= 'v') is read as selected(..., 'v')",
                f"{source} in the condition of '{owner}'",
            )
        return resolved | {operator: value}

    # elements

    def run(self) -> dict[str, Any]:
        form = self.form
        respondent_type = self.respondent_type or str(form.get("respondent_type") or "")
        if respondent_type not in RESPONDENT_TYPES:
            raise XLSFormError(
                "the settings sheet names no respondent_type (state, iscm or igo); "
                "give one with --type"
            )
        form_id = str(form.get("id_string") or respondent_type)
        title = self.text(form.get("title"), form_id, "title") or {"en": form_id}
        self.data = {
            "id": form_id if _KEY.match(form_id) else _snake(form_id),
            "version": str(form.get("version") or "1"),
            "respondent_type": respondent_type,
            "title": title,
        }
        sections: list[dict[str, Any]] = []
        loose: dict[str, Any] | None = None
        for element in form.get("children", []):
            if _is_meta(element):
                continue
            if element.get("type") == "group":
                section, condition = self.section(element)
                sections.append(section)
                loose = None
                inherited = [condition] if condition else []
                self.elements(element.get("children", []), section, None, inherited)
                continue
            if loose is None:
                # named at the end, when it is known to hold questions
                loose = {"key": None, "title": {"en": "Questions"}, "questions": []}
                sections.append(loose)
            self.elements([element], loose, None, [])
        for section in sections:
            if section["key"] is None and section["questions"]:
                section["key"] = _unused("questions", self.section_keys)
                self.section_keys.add(section["key"])
            if not section["questions"] and section["key"] is not None:
                self.note(
                    "empty_group",
                    "groups without a question that can be carried are left out",
                    section["key"],
                )
        self.data["sections"] = [s for s in sections if s["questions"]]
        if not self.data["sections"]:
            raise XLSFormError("the form has no question that can be carried")
        self.rewrite_texts()
        return self.data

    def section(self, element: Mapping[str, Any]) -> tuple[dict[str, Any], dict | None]:
        """A top-level group as a section, and its condition (for each of its questions)."""
        name = str(element.get("name"))
        key = self.new_key(name, self.section_keys, "section")
        section: dict[str, Any] = {
            "key": key,
            "title": self.text(element.get("label"), name, "title") or {"en": name},
            "questions": [],
        }
        self.unread(element, name)
        return section, self.condition(element, None)

    def elements(
        self,
        children: Iterable[Mapping[str, Any]],
        section: dict[str, Any],
        container: dict[str, Any] | None,
        inherited: list[dict[str, Any]],
    ) -> None:
        """Carry ``children`` into ``container`` (a repeat) or ``section``; ``inherited`` are
        the conditions of the groups around them."""
        target = section["questions"] if container is None else container["questions"]
        container_key = container["key"] if container else None
        previous: dict[str, Any] | None = None
        children = list(children)
        generated = _generated_counts(children)
        for element in children:
            kind = str(element.get("type", ""))
            name = str(element.get("name", ""))
            role, meta = _meta_tokens(element.get(META_COLUMN))
            if _is_meta(element) or role in ("organisation", "item_code", "item_name", "item_note"):
                continue
            if kind == "calculate" and name in generated:
                continue
            if role == "title":
                self.data["title"] = (
                    self.text(element.get("label"), name, "title") or self.data["title"]
                )
                continue
            if role == "intro":
                self.data["intro"] = self.text(element.get("label"), name, "intro")
                continue
            if role == "section_intro" and container is None:
                section["intro"] = self.text(element.get("label"), name, "intro")
                continue
            if kind == "group" and role == "item_group":
                # our per-item rows' group, shown while the row's item is chosen
                self.elements(element.get("children", []), section, container, inherited)
                continue
            if kind == "group":
                own = self.condition(element, container_key)
                self.note(
                    "group_flattened",
                    "groups inside a group or a repeat are flattened (their condition goes to "
                    "each of their questions)",
                    name,
                )
                self.unread(element, name)
                self.elements(
                    element.get("children", []),
                    section,
                    container,
                    inherited + ([own] if own else []),
                )
                continue
            if kind in ("repeat", "loop"):
                if container is not None or kind == "loop":
                    self.note(
                        "nested_repeat",
                        "repeats inside a repeat (and loops) are not carried, with their questions",
                        name,
                    )
                    continue
                question = self.repeat(element, role, meta, inherited)
                if question is not None:
                    target.append(question)
                    self.carried[name] = _Carried(question, None, {})
                    self.text_names.setdefault(name, question["key"])
                continue
            if previous is not None and self.companion(element, previous, role, name):
                continue
            question = self.question(element, role, meta, container_key, inherited)
            if question is None:
                continue
            target.append(question)
            previous = question

    def companion(
        self, element: Mapping[str, Any], previous: dict[str, Any], role: str, name: str
    ) -> bool:
        """Whether ``element`` is the 'other' text or the attribution mark of ``previous``."""
        source = previous["_source"]
        relevant = str((element.get("bind") or {}).get("relevant") or "").replace(" ", "")
        generated_other = name == f"{source}_other" and relevant in (
            f"selected(../{source},'{OTHER_CODE}')",
            f"selected(${{{source}}},'{OTHER_CODE}')",
        )
        if role == "other" or (generated_other and type_of(previous["type"]).has_choices):
            if role != "other" and not any(
                c["code"] == OTHER_CODE for c in previous.get("choices", [])
            ):
                return False
            if f"{previous['key']}_other" in self.keys:
                return False
            previous["other"] = True
            if "choices" in previous:
                previous["choices"] = [c for c in previous["choices"] if c["code"] != OTHER_CODE]
            self.text_names.setdefault(name, f"{previous['key']}_other")
            self.keys.add(f"{previous['key']}_other")
            return True
        if role == "no_attribution" and f"{previous['key']}_no_attribution" not in self.keys:
            previous["attribution"] = True
            self.keys.add(f"{previous['key']}_no_attribution")
            return True
        return False

    def unread(self, element: Mapping[str, Any], name: str, also: Iterable[str] = ()) -> None:
        """Note the columns of ``element`` the walk does not carry."""
        known = _READ | set(also)
        # columns starting with $ are KoboToolbox's own bookkeeping ($kuid, $autoname)
        columns = [key for key in element if key not in known and not key.startswith("$")]
        columns += [f"bind:{key}" for key in (element.get("bind") or {}) if key not in _READ_BIND]
        if "control" not in also:
            columns += [key for key in (element.get("control") or {}) if key not in _READ_CONTROL]
        if element.get("parameters"):
            columns.append("parameters")
        for column in columns:
            shown = _COLUMN_NAMES.get(column.removeprefix("bind:"), column)
            self.note("column_not_carried", f"column '{shown}' is not carried", name)

    def common(
        self,
        element: Mapping[str, Any],
        kind: QuestionType,
        container: str | None,
        conditions: list[dict[str, Any]],
    ) -> dict[str, Any]:
        name = str(element.get("name"))
        question: dict[str, Any] = {
            "_source": name,
            "key": self.new_key(name, self.keys),
            "type": kind.name,
        }
        label = self.text(element.get("label"), name, "label")
        if not label:
            self.note("no_label", "questions without a label get their name as label", name)
            label = {"en": name}
        question["label"] = label
        hint = self.text(element.get("hint"), name, "hint")
        if hint:
            question["hint"] = hint
        bind = element.get("bind") or {}
        required = str(bind.get("required") or "").strip().lower()
        if required in _YES and kind.takes_answer and not kind.is_container:
            question["required"] = True
        elif required not in _NO and required not in _YES:
            self.note(
                "required_not_carried",
                "required expressions are not carried (the question is optional)",
                f"{name}: {bind.get('required')}",
            )
        own = self.condition(element, container)
        parts = [*conditions, *([own] if own else [])]
        if parts:
            flat: list[dict[str, Any]] = []
            for part in parts:
                flat.extend(part.get("all", [part]))
            question["show_if"] = copy.deepcopy(flat[0] if len(flat) == 1 else {"all": flat})
        return question

    def repeat(
        self,
        element: Mapping[str, Any],
        role: str,
        meta: Mapping[str, str],
        conditions: list[dict[str, Any]],
    ) -> dict[str, Any] | None:
        name = str(element.get("name"))
        ours = _our_type("begin_repeat", "", role) or _our_type("begin_repeat", "", "")
        question = self.common(element, ours, None, conditions)
        also = []
        if ours.shape is AnswerShape.ITEMS:
            source = self.carried.get(meta.get("items_from", ""))
            if source is None or not type_of(source.question["type"]).is_multiple:
                self.note(
                    "reference_dropped",
                    "a per-item repeat whose list of items is not carried is left out",
                    name,
                )
                return None
            question["items_from"] = source.question["key"]
            also = ["control"]
        else:
            try:
                bounds = {b: _number(meta[b]) for b in ("min", "max") if b in meta}
                question.update(_fitting_bounds(bounds, ours))
            except ValueError:
                self.note("constraint_not_carried", "row bounds of a repeat are not carried", name)
        self.unread(element, name, also)
        question["questions"] = []
        self.elements(element.get("children", []), {"questions": []}, question, [])
        if not question["questions"]:
            self.note(
                "empty_group", "repeats without a question that can be carried are left out", name
            )
            return None
        question.pop("_source")
        return question

    def question(
        self,
        element: Mapping[str, Any],
        role: str,
        meta: Mapping[str, str],
        container: str | None,
        conditions: list[dict[str, Any]],
    ) -> dict[str, Any] | None:
        name = str(element.get("name"))
        source_type = str(element.get("type", ""))
        word = _TYPE_WORDS.get(source_type, source_type)
        appearance = str((element.get("control") or {}).get("appearance") or "").lower()
        ours = _our_type(word, appearance, role)
        if source_type in _METADATA:
            self.note(
                "metadata_not_carried",
                "metadata fields are not carried (the platform records who answered and when)",
                f"{name} ({source_type})",
            )
            return None
        if ours is None or ours.is_container:
            self.note(
                "type_not_carried",
                f"questions of type '{source_type}' are not carried",
                name,
            )
            return None
        question = self.common(element, ours, container, conditions)
        codes: dict[str, str] = {}
        if ours.has_choices:
            choices = self.choices(element, codes, "choices_from" not in meta)
            if "choices_from" in meta:
                question["choices_from"] = meta["choices_from"]
            else:
                if not choices:
                    self.note(
                        "type_not_carried",
                        "select questions whose choices are not in the form (a file, a "
                        "filter on another list) are not carried",
                        name,
                    )
                    return None
                question["choices"] = choices
            if element.get("choice_filter"):
                self.note(
                    "column_not_carried",
                    "choice_filter is not carried (every choice is offered)",
                    name,
                )
        also = ["choice_filter"]
        constraint = str((element.get("bind") or {}).get("constraint") or "")
        bounds: dict[str, Any] = {}
        for part in _conjuncts(constraint):
            try:
                bounds.update(parse_constraint(part, ours.name))
            except ValueError:
                self.note(
                    "constraint_not_carried",
                    "constraints other than bounds on the answer are not carried (the bounds "
                    "beside them are)",
                    f"{name}: {part}",
                )
        try:
            question.update(_fitting_bounds(bounds, ours))
        except ValueError:
            self.note(
                "constraint_not_carried",
                "bounds our format cannot hold (min above max, a date that is none) are not "
                "carried",
                f"{name}: {constraint}",
            )
        if not ours.takes_answer:
            question = {
                k: v
                for k, v in question.items()
                if k in ("_source", "key", "type", "label", "show_if")
            }
        else:
            low, high = ours.default_bounds
            if low is not None:
                question.setdefault("min", low)
            if high is not None:
                question.setdefault("max", high)
        if appearance and appearance != (ours.xlsform.appearance if ours.xlsform else ""):
            self.note("appearance_not_carried", f"appearance '{appearance}' is not carried", name)
        self.unread(element, name, also)
        self.carried[name] = _Carried(question, container, codes)
        self.text_names.setdefault(name, question["key"])
        return question

    def choices(
        self, element: Mapping[str, Any], codes: dict[str, str], carried: bool = True
    ) -> list[dict[str, Any]]:
        """The choices of a select, codes fixed; ``codes`` gets source name -> our code."""
        name = str(element.get("name"))
        list_name = str(element.get("list_name") or element.get("itemset") or "")
        choices: list[dict[str, Any]] = []
        used: set[str] = set()
        for choice in element.get("choices") or []:
            source = str(choice.get("name", ""))
            if not source:
                continue
            code = source
            if not _CODE.match(code):
                code = re.sub(r"[^A-Za-z0-9_-]+", "_", code).strip("_-") or "choice"
                self.note(
                    "choice_renamed",
                    "choice names that are not codes are renamed",
                    f"{list_name}: '{source}' → '{code}'",
                )
            if code in used:
                self.note(
                    "choice_used_twice",
                    "a choice name used twice in a list is kept once",
                    f"{list_name}: '{source}'",
                )
                continue
            used.add(code)
            codes[source] = code
            if not carried:
                continue
            label = self.text(choice.get("label"), name, "choice label") or {"en": source}
            choices.append({"code": code, "label": label})
            for column in choice:
                if column not in ("name", "label") and not column.startswith("$"):
                    self.note(
                        "column_not_carried",
                        f"choices column '{column}' is not carried",
                        f"{list_name}: {source}",
                    )
        return choices

    def rewrite_texts(self) -> None:
        """Point every ``${name}`` of a text at our key, or take it out with a note."""
        for text, owner, what in self.texts:
            self.rewrite_text(text, owner, what)
        for question in _questions(self.data["sections"]):
            question.pop("_source", None)

    def rewrite_text(self, text: dict[str, str], owner: str, what: str) -> None:
        dropped: set[str] = set()

        def replace(found: re.Match[str]) -> str:
            source = found.group(1)
            key = self.text_names.get(source)
            if key is not None:
                return f"${{{key}}}"
            if source not in dropped:
                dropped.add(source)
                self.note(
                    "reference_dropped",
                    "a text refers to a question that is not carried; the reference is left "
                    "out (shown as …)",
                    f"{source} in the {what} of '{owner}'",
                )
            return "…"

        for lang, value in text.items():
            text[lang] = _REFERENCE.sub(replace, value)


def _unused(name: str, taken: set[str]) -> str:
    """``name``, or ``name_2``, ``name_3``... whichever is not taken."""
    number, key = 1, name
    while key in taken:
        number += 1
        key = f"{name}_{number}"
    return key


def _questions(sections: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    for section in sections:
        for question in section["questions"]:
            yield question
            yield from question.get("questions", [])


def _generated_counts(children: Iterable[Mapping[str, Any]]) -> set[str]:
    """The names of the count fields pyxform adds for repeats counted by an expression
    (``KEY_count`` beside the repeat ``KEY``): the form's author never wrote them."""
    return {
        f"{element.get('name')}_count"
        for element in children
        if element.get("type") == "repeat"
        and (element.get("control") or {}).get("jr:count") == f"${{{element.get('name')}_count}}"
    }


def _is_meta(element: Mapping[str, Any]) -> bool:
    """pyxform's own ``meta`` group (``instanceID``), which every form gets."""
    return element.get("name") == "meta" and (element.get("control") or {}).get("bodyless")


def read_xlsform(path: str | Path) -> dict[str, Any]:
    """The form of an XLSForm workbook as pyxform reads it (its JSON tree).

    :raises XLSFormError: the file is not a workbook pyxform can read, or pyxform refuses it.
    """
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise XLSFormError(
            f"{path}: an XLSForm is a .xlsx, .xls, .csv or .md file (this is '{path.suffix}')"
        )
    try:
        size = path.stat().st_size
    except OSError as error:
        raise XLSFormError(f"cannot read {path}: {error.strerror}") from error
    if size > MAX_FORM_BYTES:
        megabytes = MAX_FORM_BYTES // (1024 * 1024)
        raise XLSFormError(f"{path}: an XLSForm file is at most {megabytes} MB")
    try:
        check_workbook(path)
    except WorkbookRefused as refused:
        raise XLSFormError(f"{path}: {refused}") from refused
    try:
        return parse_file_to_json(str(path), default_name=ROOT_NAME, warnings=[])
    except PyXFormError as error:
        raise XLSFormError(f"{path}: pyxform cannot read this form: {error}") from error
    except (BadZipFile, OSError, KeyError, ValueError, TypeError, IndexError) as error:
        raise XLSFormError(f"{path} is not a workbook pyxform can read ({error})") from error


def _no_break_spaces(path: Path) -> dict[str, str]:
    """The texts of an ``.xlsx`` workbook that hold no-break spaces, by how pyxform gives
    them (it turns each into a space): French typography keeps them before ``:`` or ``?``."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return {}
    texts: dict[str, str] = {}
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError):
        return {}
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                for value in row:
                    if isinstance(value, str) and "\xa0" in value:
                        texts.setdefault(value.replace("\xa0", " ").strip(), value.strip())
    finally:
        workbook.close()
    return texts


def import_xlsform(
    path: str | Path,
    respondent_type: str | None = None,
    choice_source: ChoiceSource | None = None,
) -> ImportResult:
    """Read an XLSForm workbook into our questionnaire format, checked as
    ``questionnaires validate`` checks a file.

    :param respondent_type: used when the settings sheet does not name one.
    :param choice_source: resolves ``choices_from`` lists (a form exported from here names
        the registry's lists) for the checks.
    :raises XLSFormError: the file cannot be read as an XLSForm at all.
    """
    form = read_xlsform(path)
    reader = _Reader(form, respondent_type, _no_break_spaces(Path(path)))
    data = reader.run()
    problems = _settle(data, reader.notes, choice_source)
    if not data["sections"]:
        raise XLSFormError("the form has no question that can be carried")
    return ImportResult(data, reader.notes.all(), problems)


def questionnaire_yaml(data: Mapping[str, Any]) -> str:
    """``data`` as the text of a questionnaire file: YAML without anchors and aliases (our
    loader refuses them; a choice list shared by two questions is written twice)."""

    class PlainDumper(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True

    return yaml.dump(data, Dumper=PlainDumper, allow_unicode=True, sort_keys=False, width=100)


def _problems(data: Mapping[str, Any], choice_source: ChoiceSource | None) -> list[Problem]:
    """What ``questionnaires validate`` says of ``data`` (its lines: as the file is written)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "imported.yaml"
        path.write_text(questionnaire_yaml(data), encoding="utf-8")
        try:
            load_questionnaire(path, choice_source=choice_source)
        except QuestionnaireError as error:
            return error.problems
    return []


def _settle(
    data: dict[str, Any], notes: _Notes, choice_source: ChoiceSource | None = None
) -> list[Problem]:
    """Leave out what the checks still refuse, so that the result always validates.

    The walk builds nothing they refuse as far as it knows; this is the guard for what it
    does not know. A question refused once loses its condition and bounds, refused again it
    is left out (with what depends on it, in the next rounds). Returns what the checks still
    say (a problem without a question key: none the walk is known to make).
    """
    stripped: set[str] = set()
    for _round in range(10):
        problems = _problems(data, choice_source)
        refused = {problem.key: problem.message for problem in problems if problem.key}
        if not refused:
            return problems
        for section in data["sections"]:
            section["questions"] = _settled(section["questions"], refused, stripped, notes)
        data["sections"] = [section for section in data["sections"] if section["questions"]]
    return _problems(data, choice_source)


def _settled(
    questions: list[dict[str, Any]], refused: Mapping[str, str], stripped: set[str], notes: _Notes
) -> list[dict[str, Any]]:
    kept = []
    for question in questions:
        key = question["key"]
        if "questions" in question:
            question["questions"] = _settled(question["questions"], refused, stripped, notes)
            if not question["questions"]:
                continue
        if key in refused and key not in stripped:
            stripped.add(key)
            for name in ("show_if", "min", "max", "max_length", "format"):
                question.pop(name, None)
            notes.add(
                "refused_by_checks",
                "a condition or bound the checks refuse is left out",
                f"{key}: {refused[key]}",
            )
        elif key in refused:
            notes.add(
                "refused_by_checks",
                "a question the checks refuse is left out",
                f"{key}: {refused[key]}",
            )
            continue
        kept.append(question)
    return kept
