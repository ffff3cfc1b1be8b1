"""XLSForm: our questionnaires as forms for KoboToolbox and ODK, and XLSForms back as ours.

An exported form has three sheets (``survey``, ``choices``, ``settings``) with one
``label::English (en)`` style column per language present. Our structure maps as follows:

- a section is a ``begin_group``; its intro is a note;
- ``show_if`` becomes ``relevant``, ``min``/``max``/``max_length`` become ``constraint``;
- ``long_text`` is ``text`` with the ``multiline`` appearance, ``rating`` is ``select_one``
  with ``likert``, ``year`` is ``integer``;
- ``repeat`` is ``begin_repeat``; ``per_item`` is a repeat counted by the chosen items, each
  row carrying the item's code in a calculate field ``KEY_item``;
- ``other`` adds the ``other`` choice and a text ``KEY_other``; ``attribution`` adds an
  ``acknowledge`` field ``KEY_no_attribution``;
- the first field, ``organisation_code``, is the answering organisation (a select_one of the
  registry): submissions are stored as that organisation's response.

A ``surveyapp`` column carries what XLSForm has no place for (the role of generated rows,
``choices_from``, the bounds of a repeat); pyxform and KoboToolbox ignore it, and the import
reads it back so that export then import gives back the same questionnaire.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from surveyapp.interop.cells import set_cell
from surveyapp.interop.workbook_limits import WorkbookRefused, check_workbook
from surveyapp.questionnaire import LANGUAGES, Question, Questionnaire, Text
from surveyapp.questionnaire.model import (
    DEFAULT_MAX_LENGTH,
    NO_ATTRIBUTION_LABEL,
    OTHER_CODE,
    OTHER_SPECIFY_LABEL,
    RESPONDENT_TYPES,
)
from surveyapp.questionnaire.types import (
    REGISTRY,
    AnswerShape,
    QuestionType,
    XLSFormType,
    type_of,
)

#: the column name of each language, as KoboToolbox writes them
LANGUAGE_COLUMNS = {
    "en": "English (en)",
    "fr": "French (fr)",
    "es": "Spanish (es)",
    "ar": "Arabic (ar)",
}
#: the field that names the answering organisation in every exported form
ORGANISATION_FIELD = "organisation_code"
#: the column of our own metadata (pyxform ignores columns it does not know)
META_COLUMN = "surveyapp"
#: the name of the root element of submissions (``form_name`` for pyxform)
ROOT_NAME = "data"

#: labels of the organisation field, by respondent type
_ORGANISATION_LABELS = {
    "state": Text(en="Your State", fr="Votre État", es="Su Estado", ar="دولتكم"),
    "iscm": Text(
        en="Your ISCM",
        fr="Votre mécanisme (ISCM)",
        es="Su mecanismo (ISCM)",
        ar="آليتكم التشاورية",
    ),
    "igo": Text(
        en="Your organisation",
        fr="Votre organisation",
        es="Su organización",
        ar="منظمتكم",
    ),
}
_SURVEY_COLUMNS = (
    "type",
    "name",
    "label",
    "hint",
    "required",
    "relevant",
    "constraint",
    "appearance",
    "calculation",
    "repeat_count",
    META_COLUMN,
)


# -- export ---------------------------------------------------------------------------------


@dataclass
class XLSForm:
    """An XLSForm in memory: rows of the three sheets, texts still by language."""

    survey: list[dict[str, Any]] = field(default_factory=list)
    choices: list[dict[str, Any]] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    languages: list[str] = field(default_factory=lambda: ["en"])

    def _flat(self, row: Mapping[str, Any], columns: Iterable[str]) -> dict[str, Any]:
        flat: dict[str, Any] = {}
        for column in columns:
            value = row.get(column)
            if column in ("label", "hint"):
                for lang in self.languages:
                    text = value.get(lang, "") if value else ""
                    flat[f"{column}::{LANGUAGE_COLUMNS[lang]}"] = text
            elif value not in (None, ""):
                flat[column] = value
        return flat

    def survey_header(self) -> list[str]:
        """The column names of the survey sheet."""
        header = []
        for column in _SURVEY_COLUMNS:
            if column in ("label", "hint"):
                header += [f"{column}::{LANGUAGE_COLUMNS[lang]}" for lang in self.languages]
            else:
                header.append(column)
        return header

    def choices_header(self) -> list[str]:
        """The column names of the choices sheet."""
        return ["list_name", "name"] + [
            f"label::{LANGUAGE_COLUMNS[lang]}" for lang in self.languages
        ]

    def to_pyxform(self) -> dict[str, list[dict[str, Any]]]:
        """The form as the dict pyxform's ``convert`` accepts (the sheets' rows)."""
        return {
            "survey": [self._flat(row, _SURVEY_COLUMNS) for row in self.survey],
            "choices": [self._flat(row, ("list_name", "name", "label")) for row in self.choices],
            "settings": [dict(self.settings)],
        }

    def write(self, path: str | Path) -> None:
        """Write the form as an ``.xlsx`` workbook; every text cell is kept inert."""
        workbook = Workbook()
        sheets = self.to_pyxform()
        headers = {
            "survey": self.survey_header(),
            "choices": self.choices_header(),
            "settings": list(self.settings),
        }
        workbook.remove(workbook.active)
        for name in ("survey", "choices", "settings"):
            sheet = workbook.create_sheet(name)
            header = headers[name]
            for column, title in enumerate(header, start=1):
                set_cell(sheet.cell(row=1, column=column), title)
            for row_number, row in enumerate(sheets[name], start=2):
                for column, title in enumerate(header, start=1):
                    value = row.get(title)
                    if value not in (None, ""):
                        set_cell(sheet.cell(row=row_number, column=column), value)
            sheet.freeze_panes = "A2"
        workbook.save(path)


def _languages(questionnaire: Questionnaire) -> list[str]:
    present = set(questionnaire.title)
    for text in _texts(questionnaire):
        present.update(lang for lang, value in text.items() if value)
    return [lang for lang in LANGUAGES if lang in present or lang == "en"]


def _texts(questionnaire: Questionnaire) -> Iterator[Mapping[str, str]]:
    yield questionnaire.title
    if questionnaire.intro:
        yield questionnaire.intro
    for section in questionnaire.sections:
        yield section.title
        if section.intro:
            yield section.intro
    for question in questionnaire.all_questions():
        yield question.label
        if question.hint:
            yield question.hint
        for choice in question.choices:
            yield choice.label


def _literal(value: Any, numeric: bool) -> str:
    if numeric and isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return f'"{text}"' if "'" in text else f"'{text}'"


def _is_numeric(type_name: str) -> bool:
    return type_name in REGISTRY and type_of(type_name).is_numeric


def relevant_expression(condition: Mapping[str, Any], types: Mapping[str, str]) -> str:
    """The XPath ``relevant`` expression of a ``show_if`` condition.

    :param types: question key -> type, to write numbers unquoted for numeric questions.
    """
    if "all" in condition:
        return " and ".join(f"({relevant_expression(c, types)})" for c in condition["all"])
    if "any" in condition:
        return " or ".join(f"({relevant_expression(c, types)})" for c in condition["any"])
    if "not" in condition:
        return f"not({relevant_expression(condition['not'], types)})"
    key = condition["question"]
    kind = types.get(key, "text")
    if "includes" in condition:
        return f"selected(${{{key}}}, {_literal(condition['includes'], False)})"
    if "equals" in condition:
        return f"${{{key}}} = {_literal(condition['equals'], _is_numeric(kind))}"
    if condition.get("answered"):
        return f"${{{key}}} != ''"
    return f"${{{key}}} = ''"


def _constraint(question: Question) -> str:
    parts = type_of(question).xlsform_constraint(question)
    if question.format == "email":
        parts.append(EMAIL_CONSTRAINT)
    return " and ".join(parts)


def _meta(role: str = "", **values: Any) -> str:
    tokens = [role] if role else []
    tokens += [f"{name}={value}" for name, value in values.items() if value is not None]
    return " ".join(tokens)


class _Exporter:
    def __init__(self, questionnaire: Questionnaire, organisations: list[Any]) -> None:
        self.questionnaire = questionnaire
        self.form = XLSForm(languages=_languages(questionnaire))
        self.types = {q.key: q.type for q in questionnaire.all_questions()}
        self.lists: dict[str, str] = {}
        self.organisations = organisations

    def add_list(self, name: str, choices: Iterable[Any]) -> str:
        if name not in self.lists:
            self.lists[name] = name
            for choice in choices:
                self.form.choices.append(
                    {"list_name": name, "name": choice.code, "label": choice.label}
                )
        return name

    def list_for(self, question: Question) -> str:
        if question.choices_from:
            name = re.sub(r"[^a-z0-9_]", "_", question.choices_from.replace(":", "_"))
            if question.other:
                name += "_or_other"
        else:
            name = question.key
        return self.add_list(name, question.choices)

    def build(self) -> XLSForm:
        q = self.questionnaire
        form = self.form
        form.settings = {
            "form_title": q.title.get_text("en"),
            "form_id": q.id,
            "version": q.version,
            "default_language": LANGUAGE_COLUMNS["en"],
            "respondent_type": q.respondent_type,
        }
        org_list = self.add_list(f"organisations_{q.respondent_type}", self.organisations)
        form.survey.append(
            {
                "type": f"select_one {org_list}",
                "name": ORGANISATION_FIELD,
                "label": _ORGANISATION_LABELS[q.respondent_type],
                "required": "yes",
                "appearance": "minimal",
                META_COLUMN: "organisation",
            }
        )
        form.survey.append(
            {"type": "note", "name": "questionnaire_title", "label": q.title, META_COLUMN: "title"}
        )
        if q.intro:
            form.survey.append(
                {
                    "type": "note",
                    "name": "questionnaire_intro",
                    "label": q.intro,
                    META_COLUMN: "intro",
                }
            )
        for section in q.sections:
            form.survey.append({"type": "begin_group", "name": section.key, "label": section.title})
            if section.intro:
                form.survey.append(
                    {
                        "type": "note",
                        "name": f"{section.key}_section_intro",
                        "label": section.intro,
                        META_COLUMN: "section_intro",
                    }
                )
            for question in section.questions:
                self.question(question)
            form.survey.append({"type": "end_group"})
        return form

    def question(self, question: Question) -> None:
        row: dict[str, Any] = {
            "name": question.key,
            "label": question.label,
            "hint": question.hint,
            "required": "yes" if question.required else "",
            "relevant": relevant_expression(question.show_if, self.types)
            if question.show_if
            else "",
            "constraint": _constraint(question),
        }
        kind = type_of(question)
        meta: dict[str, Any] = {}
        if question.choices_from:
            meta["choices_from"] = question.choices_from
        if kind.shape is AnswerShape.ROWS:
            row.update(type="begin_repeat", constraint="", required="")
            self.form.survey.append(
                row | {META_COLUMN: _meta("", min=question.min, max=question.max)}
            )
            for child in question.questions:
                self.question(child)
            self.form.survey.append({"type": "end_repeat"})
            return
        if kind.shape is AnswerShape.ITEMS:
            self.per_item(question, row)
            return
        written = kind.xlsform or XLSFormType(question.type)
        row["type"] = (
            written.type.format(list=self.list_for(question)) if kind.has_choices else written.type
        )
        if written.appearance:
            row["appearance"] = written.appearance
        role = written.role
        row[META_COLUMN] = _meta(role, **meta)
        self.form.survey.append(row)
        if question.other:
            self.form.survey.append(
                {
                    "type": "text",
                    "name": question.other_key,
                    "label": OTHER_SPECIFY_LABEL,
                    "required": "yes",
                    "relevant": f"selected(${{{question.key}}}, '{OTHER_CODE}')",
                    "constraint": f"string-length(.) <= {DEFAULT_MAX_LENGTH}",
                    META_COLUMN: "other",
                }
            )
        if question.attribution:
            self.form.survey.append(
                {
                    "type": "acknowledge",
                    "name": question.no_attribution_key,
                    "label": NO_ATTRIBUTION_LABEL,
                    "relevant": f"${{{question.key}}} != ''",
                    META_COLUMN: "no_attribution",
                }
            )

    def per_item(self, question: Question, row: dict[str, Any]) -> None:
        source = question.items_from or ""
        item, item_name = f"{question.key}_item", f"{question.key}_item_name"
        row.update(
            type="begin_repeat",
            required="",
            constraint="",
            repeat_count=f"count-selected(${{{source}}})",
        )
        row[META_COLUMN] = _meta(type_of(question).xlsform.role, items_from=source)
        survey = self.form.survey
        survey.append(row)
        survey.append(
            {
                "type": "calculate",
                "name": item,
                "calculation": f"selected-at(${{{source}}}, position(..) - 1)",
                META_COLUMN: "item_code",
            }
        )
        survey.append(
            {
                "type": "calculate",
                "name": item_name,
                "calculation": f"jr:choice-name(${{{item}}}, '${{{source}}}')",
                META_COLUMN: "item_name",
            }
        )
        survey.append(
            {
                "type": "note",
                "name": f"{question.key}_item_note",
                "label": Text({lang: f"**${{{item_name}}}**" for lang in self.form.languages}),
                META_COLUMN: "item_note",
            }
        )
        for child in question.questions:
            self.question(child)
        survey.append({"type": "end_repeat"})


def build_xlsform(questionnaire: Questionnaire, organisations: Iterable[Any]) -> XLSForm:
    """The XLSForm of ``questionnaire``.

    :param organisations: the choices of the organisation field (objects with ``code`` and
        ``label``), usually ``registry.choices("registry:<respondent type>")`` as ``Choice``.
    """
    return _Exporter(questionnaire, list(organisations)).build()


# -- import ---------------------------------------------------------------------------------


@dataclass
class ImportNote:
    """Something of an XLSForm that our format cannot carry, and where it is."""

    sheet: str
    row: int
    message: str

    def __str__(self) -> str:
        return f"{self.sheet} sheet, row {self.row}: {self.message}"


class XLSFormError(Exception):
    """The file is not an XLSForm we can read at all."""


_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
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
_METADATA_TYPES = {
    "start",
    "end",
    "today",
    "deviceid",
    "phonenumber",
    "username",
    "email",
    "simserial",
    "subscriberid",
    "audit",
    "start-geopoint",
}


def _language(name: str, notes: list[str]) -> str | None:
    match = _LANG_IN_NAME.search(name)
    code = match.group(1).lower() if match else _LANG_BY_NAME.get(name.strip().lower())
    if code in LANGUAGES:
        return code
    notes.append(name)
    return None


def _read_sheet(workbook: Any, name: str) -> list[tuple[int, dict[str, Any]]]:
    sheet = next((s for s in workbook.worksheets if s.title.strip().lower() == name), None)
    if sheet is None:
        return []
    rows = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, [])]
    result = []
    for number, values in enumerate(rows, start=2):
        row = {
            header[i]: (v.strip() if isinstance(v, str) else v)
            for i, v in enumerate(values)
            if i < len(header) and header[i] and v not in (None, "")
        }
        if row:
            result.append((number, row))
    return result


class _Expression:
    """A parser of the XPath subset our ``relevant`` expressions use."""

    _TOKEN = re.compile(
        r"\s*(?:(?P<ref>\$\{[A-Za-z_][\w.-]*\})|(?P<str>'[^']*'|\"[^\"]*\")"
        r"|(?P<num>-?\d+(?:\.\d+)?)|(?P<op>!=|=|\(|\)|,)|(?P<word>[A-Za-z][\w-]*))"
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
        if token[0] == "ref":
            key = self.reference(token)
            operator = self.take()[1]
            value = self.literal(self.take())
            if operator == "!=" and value == "":
                return {"question": key, "answered": True}
            if operator == "=" and value == "":
                return {"question": key, "answered": False}
            if operator == "=":
                return {"question": key, "equals": value}
        raise ValueError(token)

    @staticmethod
    def reference(token: tuple[str, str]) -> str:
        if token[0] != "ref":
            raise ValueError(token)
        return token[1][2:-1]

    @staticmethod
    def literal(token: tuple[str, str]) -> Any:
        kind, text = token
        if kind == "str":
            return text[1:-1]
        if kind == "num":
            return float(text) if "." in text else int(text)
        raise ValueError(token)


def parse_relevant(expression: str) -> dict[str, Any]:
    """The ``show_if`` condition of an XLSForm ``relevant`` expression.

    :raises ValueError: the expression uses more than comparisons, ``selected()``, ``and``,
        ``or`` and ``not()``.
    """
    return _Expression(expression).parse()


_BOUND = re.compile(
    r"^(?P<subject>\.|count-selected\(\.\)|string-length\(\.\))\s*(?P<op><=|>=)\s*"
    r"(?P<value>-?\d+(?:\.\d+)?|date\('\d{4}-\d{2}-\d{2}'\))$"
)


#: the constraint an e-mail question (``format: email``) carries in an XLSForm
EMAIL_CONSTRAINT = r"regex(., '^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$')"


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
        match = _BOUND.match(part.strip().strip("()").strip())
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
    fitting = [
        question_type
        for question_type in REGISTRY.values()
        if question_type.xlsform is not None
        and question_type.xlsform.word == word
        and question_type.xlsform.role == role
        and question_type.xlsform.appearance in appearance
    ]
    return max(fitting, key=lambda t: len(t.xlsform.appearance), default=None)


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


class _Importer:
    def __init__(self, workbook: Any, respondent_type: str | None) -> None:
        self.notes: list[ImportNote] = []
        self.survey = _read_sheet(workbook, "survey")
        self.choice_rows = _read_sheet(workbook, "choices")
        settings = _read_sheet(workbook, "settings")
        self.settings = settings[0][1] if settings else {}
        self.respondent_type = respondent_type
        self.lists: dict[str, list[dict[str, Any]]] = {}
        self.unknown_languages: list[str] = []

    def note(self, sheet: str, row: int, message: str) -> None:
        self.notes.append(ImportNote(sheet, row, message))

    def text(self, row: Mapping[str, Any], column: str) -> dict[str, str]:
        text: dict[str, str] = {}
        for name, value in row.items():
            if name == column:
                text.setdefault("en", str(value))
            elif name.startswith(f"{column}::"):
                lang = _language(name.split("::", 1)[1], self.unknown_languages)
                if lang:
                    text[lang] = str(value)
        return {lang: text[lang] for lang in [*LANGUAGES] if lang in text}

    def key(self, name: Any, sheet: str, row: int) -> str:
        key = str(name or "")
        if _KEY.match(key):
            return key
        fixed = re.sub(r"[^a-z0-9_]+", "_", key.lower()).strip("_") or "question"
        if not fixed[0].isalpha():
            fixed = f"q_{fixed}"
        self.note(sheet, row, f"name '{key}' is not snake_case; imported as '{fixed}'")
        return fixed

    def read_choices(self) -> None:
        for number, row in self.choice_rows:
            list_name = str(row.get("list_name", ""))
            code = str(row.get("name", ""))
            if not list_name or not code:
                self.note("choices", number, "a choice without list_name or name is left out")
                continue
            if not _CODE.match(code):
                fixed = re.sub(r"[^A-Za-z0-9_-]+", "_", code).strip("_-") or "choice"
                self.note("choices", number, f"choice name '{code}' imported as '{fixed}'")
                code = fixed
            label = self.text(row, "label") or {"en": code}
            if "en" not in label:
                label["en"] = next(iter(label.values()))
            self.lists.setdefault(list_name, []).append({"code": code, "label": label})
            self.extra_columns("choices", number, row, ("list_name", "name", "label"))

    def extra_columns(
        self, sheet: str, number: int, row: Mapping[str, Any], known: Iterable[str]
    ) -> None:
        known = tuple(known)
        for column in row:
            base = column.split("::", 1)[0]
            if base in known or column.startswith("$") or base == META_COLUMN:
                continue
            self.note(sheet, number, f"column '{column}' is not carried")

    def run(self) -> dict[str, Any]:
        if not self.survey:
            raise XLSFormError("the file has no survey sheet (or it is empty)")
        self.read_choices()
        settings = self.settings
        respondent_type = self.respondent_type or str(settings.get("respondent_type", ""))
        if respondent_type not in RESPONDENT_TYPES:
            raise XLSFormError(
                "the settings sheet names no respondent_type (state, iscm or igo); "
                "give one with --type"
            )
        form_id = str(settings.get("form_id") or respondent_type)
        data: dict[str, Any] = {
            "id": form_id if _KEY.match(form_id) else respondent_type,
            "version": str(settings.get("version") or "1"),
            "respondent_type": respondent_type,
            "title": {"en": str(settings.get("form_title") or form_id)},
        }
        sections: list[dict[str, Any]] = []
        loose: dict[str, Any] | None = None
        section: dict[str, Any] | None = None
        containers: list[dict[str, Any] | None] = []
        depth_groups = 0
        skipping = 0
        last_question: dict[str, Any] | None = None
        for number, row in self.survey:
            kind_text = str(row.get("type", "")).strip()
            parts = kind_text.split()
            kind = parts[0] if parts else ""
            role, meta = _meta_tokens(row.get(META_COLUMN))
            if skipping:
                if kind in ("begin_repeat", "begin_group", "begin repeat", "begin group"):
                    skipping += 1
                elif kind in ("end_repeat", "end_group"):
                    skipping -= 1
                continue
            if kind in ("begin", "end") and len(parts) > 1:
                kind = f"{kind}_{parts[1]}"
                parts = [kind, *parts[2:]]
            if role == "organisation":
                continue
            if role == "title":
                data["title"] = self.text(row, "label") or data["title"]
                continue
            if role == "intro":
                data["intro"] = self.text(row, "label")
                continue
            if kind == "begin_group":
                if section is None and not containers:
                    section = {
                        "key": self.key(row.get("name"), "survey", number),
                        "title": self.text(row, "label") or {"en": str(row.get("name"))},
                        "questions": [],
                    }
                    sections.append(section)
                else:
                    depth_groups += 1
                    self.note(
                        "survey",
                        number,
                        f"group '{row.get('name')}' inside another group is flattened",
                    )
                continue
            if kind == "end_group":
                if depth_groups:
                    depth_groups -= 1
                elif containers:
                    self.note("survey", number, "end_group inside a repeat is ignored")
                else:
                    section = None
                continue
            if role == "section_intro" and section is not None:
                section["intro"] = self.text(row, "label")
                continue
            if role in ("item_code", "item_name", "item_note"):
                continue
            if kind == "end_repeat":
                if containers:
                    containers.pop()
                continue
            target = containers[-1] if containers else None
            if target is None and section is None:
                if loose is None:
                    loose = {"key": "questions", "title": {"en": "Questions"}, "questions": []}
                    sections.append(loose)
                home = loose
            else:
                home = section if target is None else None
            if kind == "begin_repeat":
                if containers:
                    self.note("survey", number, "a repeat inside a repeat is not carried")
                    skipping = 1
                    continue
                question = self.container(row, number, role, meta)
                if question is None:
                    skipping = 1
                    continue
                (home or sections[-1])["questions"].append(question)
                containers.append(question)
                continue
            if role == "other" and last_question is not None:
                last_question["other"] = True
                self.strip_other(last_question)
                continue
            if role == "no_attribution" and last_question is not None:
                last_question["attribution"] = True
                continue
            question = self.question(row, number, parts, role, meta)
            if question is None:
                continue
            last_question = question
            if target is not None:
                target["questions"].append(question)
            else:
                (home or sections[-1])["questions"].append(question)
        data["sections"] = [s for s in sections if s["questions"]]
        for section_data in sections:
            if not section_data["questions"]:
                self.note("survey", 1, f"group '{section_data['key']}' has no question; left out")
        for name in dict.fromkeys(self.unknown_languages):
            self.note("survey", 1, f"language '{name}' is not one of en, fr, es, ar; left out")
        return data

    def strip_other(self, question: dict[str, Any]) -> None:
        if "choices" in question:
            question["choices"] = [c for c in question["choices"] if c["code"] != OTHER_CODE]

    def common(self, row: Mapping[str, Any], number: int, kind: str) -> dict[str, Any]:
        question: dict[str, Any] = {
            "key": self.key(row.get("name"), "survey", number),
            "type": kind,
        }
        label = self.text(row, "label")
        if not label:
            self.note("survey", number, "a question without a label gets its name as label")
            label = {"en": str(row.get("name"))}
        if "en" not in label:
            label = {"en": next(iter(label.values()))} | label
        question["label"] = label
        hint = self.text(row, "hint")
        if hint:
            question["hint"] = hint if "en" in hint else {"en": next(iter(hint.values()))} | hint
        required = str(row.get("required", "")).strip().lower()
        if required in _YES:
            question["required"] = True
        elif required not in _NO:
            self.note("survey", number, f"required expression '{required}' is not carried")
        relevant = row.get("relevant")
        if relevant:
            try:
                question["show_if"] = parse_relevant(str(relevant))
            except ValueError:
                self.note("survey", number, f"relevant '{relevant}' is not carried")
        self.extra_columns(
            "survey",
            number,
            row,
            (
                "type",
                "name",
                "label",
                "hint",
                "required",
                "relevant",
                "constraint",
                "appearance",
                "calculation",
                "repeat_count",
            ),
        )
        return question

    def container(
        self, row: Mapping[str, Any], number: int, role: str, meta: Mapping[str, str]
    ) -> dict[str, Any] | None:
        ours = _our_type("begin_repeat", str(row.get("appearance", "")).lower(), role)
        if ours is None:
            ours = _our_type("begin_repeat", "", "")
        question = self.common(row, number, ours.name)
        if ours.shape is AnswerShape.ITEMS:
            question["items_from"] = meta.get("items_from", "")
        else:
            if row.get("repeat_count"):
                self.note("survey", number, "repeat_count is not carried")
            for bound in ("min", "max"):
                if bound in meta:
                    question[bound] = _number(meta[bound])
        question.pop("required", None)
        question["questions"] = []
        return question

    def question(
        self,
        row: Mapping[str, Any],
        number: int,
        parts: list[str],
        role: str,
        meta: Mapping[str, str],
    ) -> dict[str, Any] | None:
        kind = parts[0] if parts else ""
        appearance = str(row.get("appearance", "")).lower()
        if kind in _METADATA_TYPES:
            self.note(
                "survey", number, f"metadata field '{row.get('name')}' ({kind}) is not carried"
            )
            return None
        ours = _our_type(kind, appearance, role)
        if ours is None or ours.is_container:
            self.note(
                "survey",
                number,
                f"question type '{' '.join(parts)}' is not carried ({row.get('name')})",
            )
            return None
        question = self.common(row, number, ours.name)
        if not ours.takes_answer:
            return {k: v for k, v in question.items() if k in ("key", "type", "label", "show_if")}
        if ours.has_choices:
            if len(parts) < 2:
                self.note("survey", number, "a select without a list name is not carried")
                return None
            if len(parts) > 2 and parts[2] == "or_other":
                question["other"] = True
            if "choices_from" in meta:
                question["choices_from"] = meta["choices_from"]
            else:
                choices = self.lists.get(parts[1])
                if not choices:
                    self.note("survey", number, f"choice list '{parts[1]}' is missing or empty")
                    return None
                question["choices"] = [dict(c) for c in choices]
                if question.get("other"):
                    self.strip_other(question)
            if row.get("choice_filter"):
                self.note("survey", number, "choice_filter is not carried")
        constraint = row.get("constraint")
        if constraint:
            try:
                question.update(parse_constraint(str(constraint), ours.name))
            except ValueError:
                self.note("survey", number, f"constraint '{constraint}' is not carried")
        low, high = ours.default_bounds
        if low is not None:
            question.setdefault("min", low)
        if high is not None:
            question.setdefault("max", high)
        return question


@dataclass
class ImportResult:
    """A questionnaire in our format (plain data, ready for YAML) and what was left out."""

    data: dict[str, Any]
    notes: list[ImportNote]


def import_xlsform(path: str | Path, respondent_type: str | None = None) -> ImportResult:
    """Read an XLSForm workbook into our questionnaire format.

    :param respondent_type: used when the settings sheet does not name one.
    :raises XLSFormError: the file cannot be read as an XLSForm at all.
    """
    try:
        check_workbook(path)
    except WorkbookRefused as refused:
        raise XLSFormError(f"{path}: {refused}") from refused
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as error:
        raise XLSFormError(f"{path} is not an .xlsx workbook ({error})") from error
    try:
        importer = _Importer(workbook, respondent_type)
        data = importer.run()
    finally:
        workbook.close()
    return ImportResult(data, importer.notes)
