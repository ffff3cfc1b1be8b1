"""WTForms forms built from a questionnaire section.

The engine owns coercion and validation, and each question type (``questionnaire/types``) its
own form field; the forms here only compose those fields into pages and carry values between
the page and the engine, so a question type's rules live in one place.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget, RadioInput, Select, TextArea, TextInput

from surveyapp.questionnaire import Question, Questionnaire, Section
from surveyapp.questionnaire.types import AnswerShape, type_of


@dataclass
class Item:
    """One item of a ``per_item`` block, as the section's hub lists it."""

    code: str
    label: str
    #: ``not_started``, ``in_progress`` or ``completed``
    state: str


@dataclass
class QuestionView:
    """A question as the template renders it."""

    question: Question
    label: str
    hint: str | None
    field: Any = None
    other: Any = None
    no_attribution: Any = None
    rows: list[Any] = dataclasses.field(default_factory=list)
    items: list[Item] = dataclasses.field(default_factory=list)
    children: list[Question] = dataclasses.field(default_factory=list)

    @property
    def shape(self) -> str:
        """What the answer is made of (``none``, ``value``, ``rows``, ``items``), for the
        template's layout."""
        return type_of(self.question).shape.value


class SectionForm(FlaskForm):
    """Base of every section form: CSRF (from FlaskForm) and the version saved from."""

    # Labelled (never shown): an unlabelled field has WTForms load its own catalogue on every
    # request to title-case the field's name.
    version = HiddenField("version")


#: attributes the field macros write themselves; a field whose ``render_kw`` sets one of them is
#: drawn by its widget
_WRITTEN_ATTRIBUTES = frozenset(
    {"id", "name", "value", "checked", "selected", "multiple", "aria-describedby", "aria-invalid"}
)


def _plain_attributes(attributes: Mapping[str, Any] | None) -> bool:
    """Whether Jinja's ``xmlattr`` writes ``attributes`` as WTForms' ``html_params`` does: names
    kept as they are and values that are text or numbers (WTForms writes True as a bare name)."""
    return all(
        "_" not in name
        and name not in _WRITTEN_ATTRIBUTES
        and isinstance(value, str | int)
        and not isinstance(value, bool)
        for name, value in (attributes or {}).items()
    )


def _plain_choices(choices: Any) -> bool:
    """Whether every choice is a code and a label, without attributes or groups of its own."""
    return isinstance(choices, list) and all(
        type(choice) is SelectChoice
        and isinstance(choice.value, str)
        and not choice.render_kw
        and choice.optgroup is None
        for choice in choices
    )


def control_kind(field: Any) -> str:
    """How ``respond/_fields.html`` draws ``field``.

    ``radios``, ``checkboxes``, ``select``, ``listbox``, ``text``, ``textarea`` or ``checkbox``
    for the fields the question types build, whose inputs the macros write exactly as the
    field's widget would (checked state and values from ``field.data``); ``widget`` for any
    other field (a type's own field or widget, validators that add attributes), which its widget
    draws.
    """
    if field.validators or not _plain_attributes(field.render_kw):
        return "widget"
    kind, widget = type(field), type(field.widget)
    if kind is StringField and widget is TextInput:
        return "text"
    if kind is TextAreaField and widget is TextArea:
        return "textarea"
    if kind is BooleanField and widget is CheckboxInput:
        return "checkbox"
    if kind not in (RadioField, SelectField, SelectMultipleField):
        return "widget"
    if field.coerce is not str or not _plain_choices(field.choices):
        return "widget"
    multiple = kind is SelectMultipleField
    if widget is Select and field.widget.multiple == multiple:
        return "listbox" if multiple else "select"
    option = type(field.option_widget)
    if widget is ListWidget and not field.render_kw:
        if kind is RadioField and option is RadioInput:
            return "radios"
        if multiple and option is CheckboxInput:
            return "checkboxes"
    return "widget"


#: form classes kept between requests (see ``_form_class``), at most ``FORM_CLASSES_KEPT``
_form_classes: dict[Hashable, type[SectionForm]] = {}
_form_classes_lock = threading.Lock()
FORM_CLASSES_KEPT = 256


def _form_class(
    key: Hashable | None, questions: list[Question], build: Callable[[], type[SectionForm]]
) -> type[SectionForm]:
    """The form class ``build`` makes, kept under ``key`` for the next requests.

    A form class holds what is per questionnaire version and language (its fields, their
    translated labels and choices), and WTForms gathers its fields on first use; building one
    per request cost more than filling it. The key (the version's content hash, the page, the
    language and the shape of its rows, from the caller) is completed with the classes of the
    question types asked, so a type registered anew is never drawn with its predecessor's
    field. ``key`` None builds a class for this call only.
    """
    if key is None:
        return build()
    key = (key, tuple(type(type_of(q)) for q in _with_children(questions)))
    with _form_classes_lock:
        found = _form_classes.get(key)
    if found is None:
        found = build()
        with _form_classes_lock:
            if len(_form_classes) >= FORM_CLASSES_KEPT:
                del _form_classes[next(iter(_form_classes))]
            _form_classes[key] = found
    return found


def _with_children(questions: list[Question]) -> list[Question]:
    """``questions`` and, in turn, the questions asked inside each (rows, items)."""
    found: list[Question] = []
    for question in questions:
        found += [question, *_with_children(question.questions)]
    return found


def _add_question_fields(attrs: dict[str, Any], question: Question, language: str) -> None:
    field = type_of(question).form_field(question, language)
    if field is None:
        return
    attrs[question.key] = field
    if question.other:
        attrs[f"{question.key}_other"] = StringField(
            _l("Other, please specify"), render_kw={"maxlength": 10_000, "dir": "auto"}
        )
    if question.attribution:
        attrs[f"{question.key}_no_attribution"] = BooleanField(
            _l("Not for attribution: do not name us with this answer")
        )


def _child_form_class(question: Question, language: str, removable: bool) -> type[Form]:
    attrs: dict[str, Any] = {}
    for child in question.questions:
        _add_question_fields(attrs, child, language)
    if removable:
        attrs["remove_row"] = BooleanField(_l("Remove this row"))
    return type(f"{question.key}_child", (Form,), attrs)


def build_section_form(
    questionnaire: Questionnaire,
    section: Section,
    answers: Mapping[str, Any],
    language: str,
    *,
    formdata=None,
    item_labels: Callable[[Question], dict[str, str]],
    item_states: Callable[[Question], dict[str, str]] | None = None,
    version_key: str | None = None,
) -> tuple[SectionForm, list[QuestionView]]:
    """The form of ``section`` and the questions as the template lays them out.

    :param answers: stored answers; they fill the form when ``formdata`` is None.
    :param formdata: the posted form, on POST.
    :param item_labels: for a ``per_item`` question, item code -> label of the chosen items.
    :param item_states: for a ``per_item`` question, item code -> its state on the hub.
    :param version_key: the questionnaire version's content hash: the form class is kept for
        the next requests on the same version (None: built for this call only).
    """
    # A list shows its saved rows and an empty one to fill in.
    repeat_counts = {
        question.key: len(answers.get(question.key) or []) + 1
        for question in section.questions
        if type_of(question).shape is AnswerShape.ROWS
    }

    def build() -> type[SectionForm]:
        attrs: dict[str, Any] = {}
        for question in section.questions:
            shape = type_of(question).shape
            if shape is AnswerShape.ROWS:
                row_class = _child_form_class(question, language, removable=True)
                attrs[question.key] = FieldList(
                    FormField(row_class), min_entries=repeat_counts[question.key]
                )
            elif shape is AnswerShape.VALUE:
                _add_question_fields(attrs, question, language)
            # Items are answered on a page of their own (``build_item_form``); notes take none.
        return type(f"Section_{section.key}", (SectionForm,), attrs)

    key = None
    if version_key is not None:
        key = (version_key, "section", section.key, language, tuple(repeat_counts.items()))
    form_class = _form_class(key, section.questions, build)
    if formdata is not None:
        form = form_class(formdata=formdata)
    else:
        form = form_class(formdata=None, data=_form_data(section, answers))

    layout: list[QuestionView] = []
    for question in section.questions:
        view = QuestionView(
            question=question,
            label=question.label.get_text(language),
            hint=question.hint.get_text(language) if question.hint else None,
            children=[c for c in question.questions],
        )
        shape = type_of(question).shape
        if shape is AnswerShape.ROWS:
            view.rows = list(form[question.key].entries)
        elif shape is AnswerShape.ITEMS:
            states = item_states(question) if item_states else {}
            view.items = [
                Item(code, label, states.get(code, "not_started"))
                for code, label in item_labels(question).items()
            ]
        elif question.key in form:
            view.field = form[question.key]
            view.other = form[f"{question.key}_other"] if question.other else None
            if question.attribution:
                view.no_attribution = form[f"{question.key}_no_attribution"]
        layout.append(view)
    form.container_errors = {}
    return form, layout


def _scalar_data(questions: list[Question], values: Mapping[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for question in questions:
        kind = type_of(question)
        if kind.shape is not AnswerShape.VALUE:
            continue
        data[question.key] = kind.form_data(question, values.get(question.key))
        if question.other:
            data[f"{question.key}_other"] = values.get(f"{question.key}_other")
        if question.attribution:
            data[f"{question.key}_no_attribution"] = bool(
                values.get(f"{question.key}_no_attribution")
            )
    return data


def _form_data(section: Section, answers: Mapping[str, Any]) -> dict[str, Any]:
    data = _scalar_data(section.questions, answers)
    for question in section.questions:
        if type_of(question).shape is AnswerShape.ROWS:
            rows = answers.get(question.key) or []
            data[question.key] = [_scalar_data(question.questions, row) for row in rows] + [{}]
    return data


def _posted_scalars(questions: list[Question], form) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for question in questions:
        kind = type_of(question)
        if kind.shape is not AnswerShape.VALUE:
            continue
        values[question.key] = kind.posted(question, form[question.key].data)
        if question.other:
            other = (form[f"{question.key}_other"].data or "").strip()
            values[f"{question.key}_other"] = other or None
        if question.attribution:
            values[f"{question.key}_no_attribution"] = (
                True if form[f"{question.key}_no_attribution"].data else None
            )
    return values


@dataclass
class PostedAnswers:
    """Answers read from a posted section form, and where each repeat row came from."""

    answers: dict[str, Any]
    #: repeat key -> index in the saved list -> index of the row on the page
    row_positions: dict[str, list[int]]


def posted_answers(section: Section, form: SectionForm) -> PostedAnswers:
    """The answers a posted section form carries, as the engine takes them.

    Empty repeat rows and rows marked "remove" are dropped; a ``per_item`` item with nothing
    in it clears that item.
    """
    answers = _posted_scalars(section.questions, form)
    positions: dict[str, list[int]] = {}
    for question in section.questions:
        if type_of(question).shape is AnswerShape.ROWS:
            rows, kept = [], []
            for index, entry in enumerate(form[question.key].entries):
                if entry.form.remove_row.data:
                    continue
                row = _posted_scalars(question.questions, entry.form)
                if any(v not in (None, [], False) for v in row.values()):
                    rows.append({k: v for k, v in row.items() if v is not None})
                    kept.append(index)
            answers[question.key] = rows or None
            positions[question.key] = kept
    return PostedAnswers(answers=answers, row_positions=positions)


def attach_errors(
    section: Section,
    form: SectionForm,
    errors: Mapping[str, list[str]],
    row_positions: Mapping[str, list[int]],
    language: str = "en",
) -> list[tuple[str, str, str]]:
    """Put engine errors on the form's fields; returns (field id, label, message) for a summary.

    Error keys are dotted paths: ``key`` or ``key.ROW.child`` (repeat). The label of a field in
    a repeat row names the list and the row, so the summary says which one it means.
    """
    summary = []
    section_keys = {q.key for q in section.questions}
    section_labels = {q.key: q.label.get_text(language) for q in section.questions}
    for path, messages in errors.items():
        parts = path.split(".")
        key = parts[0]
        base = key.removesuffix("_other").removesuffix("_no_attribution")
        if key not in section_keys and base not in section_keys:
            continue
        label = None
        try:
            if key in row_positions and len(parts) == 3:
                row = row_positions[key][int(parts[1])]
                target = form[key].entries[row].form[parts[2]]
                label = _(
                    "%(list)s, row %(number)s: %(question)s",
                    list=section_labels.get(key, key),
                    number=row + 1,
                    question=target.label.text,
                )
            else:
                target = form[key]
        except (KeyError, IndexError, ValueError):
            target = form._fields.get(key)
        if target is None:
            continue
        if isinstance(target, FieldList | FormField):
            form.container_errors.setdefault(key, []).extend(messages)
            label = section_labels.get(key, key)
            summary.extend((f"q-{key}", label, message) for message in messages)
            continue
        target.errors = list(target.errors or []) + list(messages)
        for message in messages:
            summary.append((target.id, label or str(target.label.text), message))
    return summary


def build_item_form(
    question: Question,
    stored: Mapping[str, Any] | None,
    language: str,
    *,
    formdata=None,
    version_key: str | None = None,
) -> tuple[SectionForm, list[QuestionView]]:
    """The form of one item of a ``per_item`` question (one ISCM's block), on a page of its own.

    :param stored: the stored answers of this item; they fill the form when ``formdata`` is None.
    :param version_key: the questionnaire version's content hash: the form class is kept for
        the next requests on the same version (None: built for this call only).
    """

    def build() -> type[SectionForm]:
        attrs: dict[str, Any] = {}
        for child in question.questions:
            _add_question_fields(attrs, child, language)
        return type(f"Item_{question.key}", (SectionForm,), attrs)

    key = None if version_key is None else (version_key, "item", question.key, language)
    form_class = _form_class(key, question.questions, build)
    if formdata is not None:
        form = form_class(formdata=formdata)
    else:
        form = form_class(formdata=None, data=_scalar_data(question.questions, stored or {}))
    layout = []
    for child in question.questions:
        view = QuestionView(
            question=child,
            label=child.label.get_text(language),
            hint=child.hint.get_text(language) if child.hint else None,
        )
        if child.key in form:
            view.field = form[child.key]
            view.other = form[child.other_key] if child.other else None
            view.no_attribution = form[child.no_attribution_key] if child.attribution else None
        layout.append(view)
    form.container_errors = {}
    return form, layout


def posted_item(question: Question, form: SectionForm) -> dict[str, Any] | None:
    """The answers one item's posted form carries; None when every field is empty."""
    values = _posted_scalars(question.questions, form)
    values = {key: value for key, value in values.items() if value is not None}
    return values or None


def attach_item_errors(
    form: SectionForm, errors: Mapping[str, list[str]], prefix: str, item_label: str
) -> list[tuple[str, str, str]]:
    """Put the errors under ``prefix`` (``key.ITEM.``) on an item form's fields.

    The summary's labels name the item ("Rabat Process: What is your State's role ..."), so a
    message read out of context still says which block it is about.
    """
    summary = []
    for path, messages in errors.items():
        if path == prefix.rstrip(".") or not path.startswith(prefix):
            if path == prefix.rstrip("."):
                form.container_errors.setdefault("", []).extend(messages)
                summary.extend(("", item_label, message) for message in messages)
            continue
        field = form._fields.get(path.removeprefix(prefix).split(".")[0])
        if field is None:
            continue
        field.errors = list(field.errors or []) + list(messages)
        label = _("%(item)s: %(question)s", item=item_label, question=field.label.text)
        summary.extend((field.id, label, message) for message in messages)
    return summary
