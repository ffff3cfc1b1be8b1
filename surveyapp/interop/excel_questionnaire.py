"""The questionnaire as an Excel workbook to fill in offline, and the filled workbook read back.

The workbook has one sheet per section in the respondent's language (English where a text is
not translated). Labels are in protected cells; only answer cells can be edited. Choices are
drop-downs (data validation on a hidden ``lists`` sheet); a select_multiple question has one
Yes/empty cell per choice; a repeat is a table with spare rows; a per_item block is a table
with one row per possible item. A hidden sheet carries the response id, the version the file
was made from and the place of every answer cell, signed with the application's secret key so
a changed or forged file is refused.

Every text written from answers is kept inert (no formula runs when the file is opened).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from zipfile import BadZipFile

from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from surveyapp.interop.cells import set_cell
from surveyapp.interop.workbook_limits import check_workbook
from surveyapp.questionnaire import Question, Questionnaire, Text
from surveyapp.questionnaire.model import NO_ATTRIBUTION_LABEL, OTHER_CODE, OTHER_SPECIFY_LABEL
from surveyapp.questionnaire.types import AnswerShape, type_of

#: the salt of the signature, so no other signed value of the application can pass as one
SIGNATURE_SALT = "surveyapp.excel-questionnaire"
META_SHEET = "surveyapp"
LISTS_SHEET = "lists"
#: spare rows offered below the rows already answered in a repeat table
SPARE_ROWS = 5
#: the longest text a cell holds (Excel's limit), for splitting the signed layout
_CELL_LIMIT = 32_000

YES = Text(en="Yes", fr="Oui", es="Sí", ar="نعم")
_TRUE_WORDS = {"yes", "oui", "sí", "si", "نعم", "x", "✓", "true", "1"}
_FALSE_WORDS = {"no", "non", "لا", "false", "0"}
_STRINGS = {
    "question": Text(en="Question", fr="Question", es="Pregunta", ar="السؤال"),
    "answer": Text(en="Your answer", fr="Votre réponse", es="Su respuesta", ar="إجابتكم"),
    "hint": Text(en="Guidance", fr="Indications", es="Indicaciones", ar="إرشادات"),
    "item": Text(en="Item", fr="Élément", es="Elemento", ar="البند"),
    "row": Text(en="Row", fr="Ligne", es="Fila", ar="صف"),
    "required": Text(en="(required)", fr="(obligatoire)", es="(obligatorio)", ar="(مطلوب)"),
    "tick": Text(
        en="Choose Yes for every option that applies.",
        fr="Choisissez Oui pour chaque option applicable.",
        es="Elija Sí para cada opción que corresponda.",
        ar="اختر نعم لكل خيار ينطبق.",
    ),
    "several": Text(
        en="Several options: separate them with ;",
        fr="Plusieurs options : séparez-les par ;",
        es="Varias opciones: sepárelas con ;",
        ar="عدة خيارات: افصل بينها بـ ;",
    ),
    "instructions": Text(
        en="Write your answers in the yellow cells. Please do not rename, add or delete sheets.",
        fr="Écrivez vos réponses dans les cellules jaunes. Merci de ne pas renommer, ajouter ou "
        "supprimer de feuilles.",
        es="Escriba sus respuestas en las celdas amarillas. No cambie el nombre de las hojas ni "
        "añada o elimine hojas.",
        ar="اكتبوا إجاباتكم في الخلايا الصفراء. يُرجى عدم إعادة تسمية الأوراق أو إضافتها أو حذفها.",
    ),
    "each_item": Text(
        en="Answer for each item that applies to you.",
        fr="Répondez pour chaque élément qui vous concerne.",
        es="Responda para cada elemento que le corresponda.",
        ar="أجب عن كل بند ينطبق عليكم.",
    ),
}

_TITLE_FONT = Font(bold=True, size=14)
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_ANSWER_FILL = PatternFill("solid", fgColor="FFF9E0")
_WRAP = Alignment(wrap_text=True, vertical="top")
_UNLOCKED = Protection(locked=False)


class ExcelFileError(Exception):
    """The uploaded file cannot be read as a questionnaire made here; the message says why."""


@dataclass
class CellError:
    """A problem with one answer cell of the workbook."""

    sheet: str
    cell: str
    message: str


@dataclass
class FilledQuestionnaire:
    """What a filled workbook says: whose response, from which version, and the answers."""

    response_id: int
    version: int
    content_hash: str
    answers: dict[str, Any]
    errors: list[CellError] = field(default_factory=list)
    #: answer path (``key``, ``key.0.child``, ``key.ITEM.child``) -> (sheet, cell)
    cells: dict[str, tuple[str, str]] = field(default_factory=dict)

    def where(self, path: str) -> tuple[str, str]:
        """The sheet and cell of an answer path (the nearest enclosing one that has a cell)."""
        probe = path
        while probe:
            if probe in self.cells:
                return self.cells[probe]
            probe = probe.rpartition(".")[0]
        return ("", "")


def _serializer(secret_key: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret_key, salt=SIGNATURE_SALT)


def _sheet_title(text: str, used: set[str], number: int) -> str:
    title = re.sub(r"[\[\]:*?/\\']", " ", text).strip() or f"Section {number}"
    title = f"{number}. {title}"[:31].strip()
    candidate, suffix = title, 2
    while candidate.lower() in used or candidate.lower() in (META_SHEET, LISTS_SHEET):
        candidate = f"{title[:28]} {suffix}"
        suffix += 1
    used.add(candidate.lower())
    return candidate


def _display(value: Any) -> Any:
    """A stored scalar as a cell value (numbers stay numbers, the rest text)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return value
    return str(value)


class _Writer:
    def __init__(self, questionnaire: Questionnaire, answers: Mapping[str, Any], lang: str):
        self.questionnaire = questionnaire
        self.answers = answers
        self.lang = lang
        self.workbook = Workbook()
        self.workbook.remove(self.workbook.active)
        self.lists_sheet: Worksheet | None = None
        self.list_ranges: dict[tuple[str, ...], str] = {}
        #: sheet -> data validation per list range, shared by every cell that uses it
        self.validations: dict[tuple[str, str], DataValidation] = {}
        self.layout: list[list[Any]] = []
        self.sheet: Worksheet
        self.row = 1

    def text(self, text: Mapping[str, str] | None) -> str:
        if not text:
            return ""
        return Text(text).get_text(self.lang)

    def put(self, column: int, value: Any, *, font=None, fill=None, answer=False):
        cell = set_cell(self.sheet.cell(row=self.row, column=column), value)
        cell.alignment = _WRAP
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if answer:
            cell.protection = _UNLOCKED
            cell.fill = _ANSWER_FILL
        return cell

    def list_range(self, labels: Iterable[str]) -> str:
        labels = tuple(labels)
        if labels not in self.list_ranges:
            if self.lists_sheet is None:
                self.lists_sheet = self.workbook.create_sheet(LISTS_SHEET)
                self.lists_sheet.sheet_state = "hidden"
            column = len(self.list_ranges) + 1
            for index, label in enumerate(labels, start=1):
                set_cell(self.lists_sheet.cell(row=index, column=column), label)
            letter = get_column_letter(column)
            self.list_ranges[labels] = (
                f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${len(labels)}"
            )
        return self.list_ranges[labels]

    def dropdown(self, cell, labels: Iterable[str]) -> None:
        source = self.list_range(labels)
        key = (self.sheet.title, source)
        validation = self.validations.get(key)
        if validation is None:
            validation = DataValidation(type="list", formula1=source, allow_blank=True)
            validation.showErrorMessage = True
            self.sheet.add_data_validation(validation)
            self.validations[key] = validation
        validation.add(cell)

    def number_rule(self, cell, question: Question) -> None:
        kind = type_of(question).excel.validation
        if kind is None:
            return
        low = question.min if question.min is not None else -(10**12)
        high = question.max if question.max is not None else 10**12
        validation = DataValidation(
            type=kind, operator="between", formula1=str(low), formula2=str(high), allow_blank=True
        )
        validation.showErrorMessage = True
        self.sheet.add_data_validation(validation)
        validation.add(cell)

    def record(self, cell, kind: str, *path: Any) -> None:
        self.layout.append([self.sheet.title, cell.coordinate, kind, *path])

    def build(self) -> Workbook:
        used: set[str] = set()
        for number, section in enumerate(self.questionnaire.sections, start=1):
            self.sheet = self.workbook.create_sheet(
                _sheet_title(self.text(section.title), used, number)
            )
            self.sheet.sheet_view.rightToLeft = self.lang == "ar"
            for letter, width in (("A", 60), ("B", 40), ("C", 40)):
                self.sheet.column_dimensions[letter].width = width
            self.row = 1
            self.put(1, self.text(section.title), font=_TITLE_FONT)
            self.row += 1
            self.put(1, self.text(_STRINGS["instructions"]), font=Font(italic=True))
            self.row += 1
            if section.intro:
                self.put(1, self.text(section.intro))
                self.row += 1
            self.row += 1
            self.put(1, self.text(_STRINGS["question"]), font=_HEADER_FONT, fill=_HEADER_FILL)
            self.put(2, self.text(_STRINGS["answer"]), font=_HEADER_FONT, fill=_HEADER_FILL)
            self.put(3, self.text(_STRINGS["hint"]), font=_HEADER_FONT, fill=_HEADER_FILL)
            self.row += 1
            for question in section.questions:
                self.question(question)
            self.sheet.protection.sheet = True
        if self.lists_sheet is not None:
            # The hidden lists go after the sections, whenever the first drop-down made them.
            position = self.workbook.sheetnames.index(LISTS_SHEET)
            self.workbook.move_sheet(LISTS_SHEET, len(self.workbook.sheetnames) - 1 - position)
        return self.workbook

    def label(self, question: Question) -> str:
        label = self.text(question.label)
        if question.required:
            label = f"{label} {self.text(_STRINGS['required'])}"
        return label

    def question(self, question: Question) -> None:
        hint = self.text(question.hint)
        question_type = type_of(question)
        if question_type.shape is AnswerShape.NONE:
            self.put(1, self.text(question.label), font=Font(italic=True))
            self.row += 1
            return
        if question_type.shape is AnswerShape.ROWS:
            self.repeat(question, hint)
            return
        if question_type.shape is AnswerShape.ITEMS:
            self.per_item(question, hint)
            return
        value = self.answers.get(question.key)
        if question_type.excel.kind == "M":
            self.put(1, self.label(question), font=_HEADER_FONT)
            self.put(3, " ".join(filter(None, [hint, self.text(_STRINGS["tick"])])))
            self.row += 1
            chosen = value if isinstance(value, list) else []
            for choice in question.choices:
                self.put(1, f"    {self.text(choice.label)}")
                cell = self.put(2, self.text(YES) if choice.code in chosen else None, answer=True)
                self.dropdown(cell, [self.text(YES)])
                self.record(cell, "m", question.key, choice.code)
                self.row += 1
        else:
            self.put(1, self.label(question), font=_HEADER_FONT)
            cell = self.answer_cell(question, value, 2)
            self.record(cell, self.kind(question), question.key)
            if question_type.excel.hint:
                hint = " ".join(filter(None, [hint, self.text(question_type.excel.hint)]))
            self.put(3, hint)
            self.row += 1
        if question.other:
            self.put(1, f"    {self.text(OTHER_SPECIFY_LABEL)}")
            cell = self.put(2, _display(self.answers.get(question.other_key)), answer=True)
            cell.number_format = "@"
            self.record(cell, "s", question.other_key)
            self.row += 1
        if question.attribution:
            self.put(1, f"    {self.text(NO_ATTRIBUTION_LABEL)}")
            ticked = self.answers.get(question.no_attribution_key)
            cell = self.put(2, self.text(YES) if ticked else None, answer=True)
            self.dropdown(cell, [self.text(YES)])
            self.record(cell, "f", question.no_attribution_key)
            self.row += 1

    @staticmethod
    def kind(question: Question) -> str:
        """``1`` a choice by label, ``M`` several choices by label, ``s`` a plain value."""
        return type_of(question).excel.kind

    def answer_cell(self, question: Question, value: Any, column: int):
        cell_type = type_of(question).excel
        if cell_type.kind == "1":
            shown = question.label_for(value, self.lang) if value is not None else None
            cell = self.put(column, shown, answer=True)
            self.dropdown(cell, [self.text(c.label) for c in question.choices])
        elif cell_type.kind == "M":
            chosen = value if isinstance(value, list) else []
            shown = "; ".join(question.label_for(code, self.lang) for code in chosen) or None
            cell = self.put(column, shown, answer=True)
        else:
            cell = self.put(column, _display(value), answer=True)
            if cell_type.as_text:
                cell.number_format = "@"
            self.number_rule(cell, question)
        return cell

    def table_header(self, question: Question, hint: str, first: str) -> list[Question]:
        self.put(1, self.label(question), font=_HEADER_FONT)
        self.put(3, hint)
        self.row += 1
        children = [c for c in question.questions if type_of(c).takes_answer]
        self.put(1, first, font=_HEADER_FONT, fill=_HEADER_FILL)
        column = 2
        for child in children:
            label = self.label(child)
            cell_type = type_of(child).excel
            if cell_type.kind == "M":
                label = f"{label} ({self.text(_STRINGS['several'])})"
            if cell_type.hint:
                label = f"{label} ({self.text(cell_type.hint)})"
            headers = [label]
            if child.other:
                headers.append(self.text(OTHER_SPECIFY_LABEL))
            if child.attribution:
                headers.append(self.text(NO_ATTRIBUTION_LABEL))
            for header in headers:
                self.put(column, header, font=_HEADER_FONT, fill=_HEADER_FILL)
                column += 1
        for index in range(4, column):
            self.sheet.column_dimensions[get_column_letter(index)].width = 30
        self.row += 1
        return children

    def table_row(self, children: list[Question], values: Mapping[str, Any], path: tuple) -> None:
        column = 2
        for child in children:
            cell = self.answer_cell(child, values.get(child.key), column)
            self.record(cell, self.kind(child), *path, child.key)
            column += 1
            if child.other:
                cell = self.put(column, _display(values.get(child.other_key)), answer=True)
                self.record(cell, "s", *path, child.other_key)
                column += 1
            if child.attribution:
                ticked = values.get(child.no_attribution_key)
                cell = self.put(column, self.text(YES) if ticked else None, answer=True)
                self.dropdown(cell, [self.text(YES)])
                self.record(cell, "f", *path, child.no_attribution_key)
                column += 1
        self.row += 1

    def repeat(self, question: Question, hint: str) -> None:
        rows = self.answers.get(question.key)
        rows = rows if isinstance(rows, list) else []
        children = self.table_header(question, hint, self.text(_STRINGS["row"]))
        count = len(rows) + SPARE_ROWS
        if question.max is not None:
            count = max(len(rows), min(count, int(question.max)))
        for index in range(count):
            self.put(1, index + 1)
            values = rows[index] if index < len(rows) else {}
            self.table_row(children, values, (question.key, index))
        self.row += 1

    def per_item(self, question: Question, hint: str) -> None:
        try:
            source = self.questionnaire.question(question.items_from or "")
        except KeyError:
            return
        items = self.answers.get(question.key)
        items = items if isinstance(items, Mapping) else {}
        hint = " ".join(filter(None, [hint, self.text(_STRINGS["each_item"])]))
        children = self.table_header(question, hint, self.text(_STRINGS["item"]))
        for choice in source.choices:
            if choice.code == OTHER_CODE:
                continue
            self.put(1, self.text(choice.label))
            self.table_row(children, items.get(choice.code) or {}, (question.key, choice.code))
        self.row += 1


def build_workbook(
    questionnaire: Questionnaire,
    answers: Mapping[str, Any],
    *,
    response_id: int,
    version: int,
    content_hash: str,
    language: str,
    secret_key: str,
) -> bytes:
    """The questionnaire as an ``.xlsx`` file, pre-filled with ``answers``, in ``language``."""
    writer = _Writer(questionnaire, answers, language)
    workbook = writer.build()
    token = _serializer(secret_key).dumps(
        {"r": response_id, "v": version, "h": content_hash, "l": language, "c": writer.layout}
    )
    meta = workbook.create_sheet(META_SHEET)
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    for row, start in enumerate(range(0, len(token), _CELL_LIMIT), start=1):
        meta.cell(row=row, column=1, value=token[start : start + _CELL_LIMIT])
    workbook.active = 0
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell_text(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _choice_code(question: Question, text: str, lang: str) -> str | None:
    wanted = text.strip().casefold()
    for choice in question.choices:
        labels = {choice.code.casefold(), choice.label.get_text(lang).strip().casefold()}
        labels.add(choice.label.get_text("en").strip().casefold())
        if wanted in labels:
            return choice.code
    return None


class _Reader:
    def __init__(self, workbook: Any, payload: Mapping[str, Any], questionnaire: Questionnaire):
        self.workbook = workbook
        self.questionnaire = questionnaire
        self.lang = payload.get("l", "en")
        self.result = FilledQuestionnaire(
            response_id=int(payload["r"]),
            version=int(payload["v"]),
            content_hash=str(payload.get("h", "")),
            answers={},
        )
        self.layout = payload["c"]

    def error(self, sheet: str, cell: str, message: str) -> None:
        self.result.errors.append(CellError(sheet, cell, message))

    def question(self, *path: str) -> Question | None:
        try:
            return self.questionnaire.question(path[-1])
        except KeyError:
            return None

    def value(self, sheet: str, cell: str, kind: str, question: Question | None, raw: Any):
        raw = _cell_text(raw)
        if kind == "f" or kind == "m":
            if raw is None:
                return None
            word = str(raw).strip().casefold()
            if word in _TRUE_WORDS or word == YES.get_text(self.lang).casefold():
                return True
            if word in _FALSE_WORDS:
                return None
            self.error(sheet, cell, _("Choose Yes from the list or leave the cell empty."))
            return None
        if raw is None:
            return None
        if question is None:
            # A companion "other, please specify" text has no question of its own.
            return str(raw)
        if kind == "1":
            code = _choice_code(question, str(raw), self.lang)
            if code is None:
                self.error(sheet, cell, _("Choose one of the listed options."))
            return code
        if kind == "M":
            codes = []
            for part in re.split(r"[;\n]", str(raw)):
                if not part.strip():
                    continue
                code = _choice_code(question, part, self.lang)
                if code is None:
                    message = _("“%(text)s” is not one of the listed options.", text=part.strip())
                    self.error(sheet, cell, message)
                else:
                    codes.append(code)
            return codes or None
        if isinstance(raw, dt.datetime):
            raw = raw.date()
        return type_of(question).from_excel(question, raw)

    def read(self) -> FilledQuestionnaire:
        answers = self.result.answers
        tables: dict[str, dict[Any, dict[str, Any]]] = {}
        chosen: dict[str, list[str]] = {}
        for entry in self.layout:
            sheet_title, coordinate, kind, *path = entry
            if sheet_title not in self.workbook.sheetnames:
                raise ExcelFileError(
                    _(
                        "The sheet “%(sheet)s” is missing: do not rename or delete sheets.",
                        sheet=sheet_title,
                    )
                )
            raw = self.workbook[sheet_title][coordinate].value
            where = (sheet_title, coordinate)
            if kind == "m":
                key, code = path
                chosen.setdefault(key, [])
                self.result.cells.setdefault(key, where)
                if self.value(sheet_title, coordinate, kind, None, raw):
                    chosen[key].append(code)
                continue
            question = self.question(*path)
            value = self.value(sheet_title, coordinate, kind, question, raw)
            if len(path) == 1:
                answers[path[0]] = value
                self.result.cells[path[0]] = where
                continue
            key, position, child = path
            table = tables.setdefault(key, {})
            row = table.setdefault(position, {})
            if value is not None:
                row[child] = value
            self.result.cells.setdefault(key, where)
            self.result.cells[f"{key}.{position}.{child}"] = where
        for key, codes in chosen.items():
            answers[key] = codes or None
        for key, table in tables.items():
            container = self.question(key)
            if container is not None and type_of(container).shape is AnswerShape.ITEMS:
                answers[key] = {item: row for item, row in table.items() if row} or None
                self.check_items(container, answers[key] or {})
                continue
            rows = []
            for position in sorted(table, key=int):
                if table[position]:
                    for child in table[position]:
                        cell = self.result.cells[f"{key}.{position}.{child}"]
                        self.result.cells[f"{key}.{len(rows)}.{child}"] = cell
                    rows.append(table[position])
            answers[key] = rows or None
        return self.result

    def check_items(self, container: Question, items: Mapping[str, Any]) -> None:
        """A per_item row answered for an item not chosen above would be ignored: say so."""
        source = container.items_from or ""
        if source not in self.result.answers:
            return
        chosen = self.result.answers.get(source) or []
        for item, row in items.items():
            if item in chosen:
                continue
            sheet, cell = self.result.cells[f"{container.key}.{item}.{next(iter(row))}"]
            label = self.questionnaire.question(source).label.get_text(self.lang)
            self.error(
                sheet,
                cell,
                _(
                    "This row is for an item not chosen in “%(question)s”: choose Yes for it "
                    "there, or empty the row.",
                    question=label,
                ),
            )


def read_workbook(data: bytes, questionnaire_for: Any, *, secret_key: str) -> FilledQuestionnaire:
    """Read a filled workbook made by ``build_workbook``.

    :param questionnaire_for: called with the response id and the content hash the file
        names, returns the questionnaire to read it with (or raises ExcelFileError).
    :raises ExcelFileError: not an .xlsx file, not made here, or changed where it must not be.
    :raises WorkbookRefused: too large to parse (checked before parsing).
    """
    check_workbook(data)
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError, TypeError) as error:
        raise ExcelFileError(_("The file is not an Excel workbook (.xlsx).")) from error
    if META_SHEET not in workbook.sheetnames:
        raise ExcelFileError(
            _("The file is not a questionnaire downloaded from here (its hidden sheet is missing).")
        )
    meta = workbook[META_SHEET]
    token = "".join(str(row[0]) for row in meta.iter_rows(values_only=True) if row and row[0])
    try:
        payload = _serializer(secret_key).loads(token)
    except BadSignature as error:
        raise ExcelFileError(
            _("The file's hidden sheet has been changed or does not come from this installation.")
        ) from error
    questionnaire = questionnaire_for(int(payload["r"]), str(payload.get("h", "")))
    return _Reader(workbook, payload, questionnaire).read()
