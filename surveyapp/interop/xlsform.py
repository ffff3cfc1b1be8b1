"""XLSForm: our questionnaires as forms for KoboToolbox and ODK (``xlsform_import`` reads back).

An exported form has three sheets (``survey``, ``choices``, ``settings``) with one
``label::English (en)`` style column per language present. Our structure maps as follows:

- a section is a ``begin_group``; its intro is a note;
- ``show_if`` becomes ``relevant``, ``min``/``max``/``max_length`` become ``constraint``;
- ``long_text`` is ``text`` with the ``multiline`` appearance, ``rating`` is ``select_one``
  with ``likert``, ``year`` is ``integer``;
- ``repeat`` is ``begin_repeat``; ``per_item`` is a repeat with one row per item of the list
  (``KEY_item``, a calculate field, holds the row's item code), its questions in a group
  ``KEY_chosen`` shown while that item is chosen;
- ``other`` adds the ``other`` choice and a text ``KEY_other``; ``attribution`` adds an
  ``acknowledge`` field ``KEY_no_attribution``;
- the first field, ``organisation_code``, is the answering organisation (a select_one of the
  registry): submissions are stored as that organisation's response.

A ``surveyapp`` column carries what XLSForm has no place for (the role of generated rows,
``choices_from``, the bounds of a repeat); pyxform and KoboToolbox ignore it, and the import
(``surveyapp.interop.xlsform_import``) reads it back so that export then import gives back the
same questionnaire.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from surveyapp.interop.cells import set_cell
from surveyapp.questionnaire import LANGUAGES, Question, Questionnaire, Text
from surveyapp.questionnaire.model import (
    DEFAULT_MAX_LENGTH,
    NO_ATTRIBUTION_LABEL,
    OTHER_CODE,
    OTHER_SPECIFY_LABEL,
)
from surveyapp.questionnaire.types import (
    REGISTRY,
    AnswerShape,
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


#: the constraint an e-mail question (``format: email``) carries in an XLSForm
EMAIL_CONSTRAINT = r"regex(., '^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$')"


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
        items = self.list_for(self.questionnaire.question(source))
        item, item_name = f"{question.key}_item", f"{question.key}_item_name"
        # One row per item of the list, in the list's order, each shown while its item is
        # chosen: a row keeps its item when the respondent changes the choice (rows counted
        # by the choice and tied to its positions would move to another item).
        row.update(
            type="begin_repeat",
            required="",
            constraint="",
            repeat_count=str(len(self.questionnaire.question(source).choices)),
        )
        row[META_COLUMN] = _meta(type_of(question).xlsform.role, items_from=source)
        survey = self.form.survey
        survey.append(row)
        survey.append(
            {
                "type": "calculate",
                "name": item,
                "calculation": f"instance('{items}')/root/item"
                "[position() = position(current()/..)]/name",
                META_COLUMN: "item_code",
            }
        )
        survey.append(
            {
                "type": "begin_group",
                "name": f"{question.key}_chosen",
                "relevant": f"selected(${{{source}}}, ${{{item}}})",
                META_COLUMN: "item_group",
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
        survey.append({"type": "end_group"})
        survey.append({"type": "end_repeat"})


def build_xlsform(questionnaire: Questionnaire, organisations: Iterable[Any]) -> XLSForm:
    """The XLSForm of ``questionnaire``.

    :param organisations: the choices of the organisation field (objects with ``code`` and
        ``label``), usually ``registry.choices("registry:<respondent type>")`` as ``Choice``.
    """
    return _Exporter(questionnaire, list(organisations)).build()
