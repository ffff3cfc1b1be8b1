"""What a page shows is what it posts: the inputs the field macros write, sent back as a browser
sends them, store the answers they were drawn from, for every question type.

The macros write radio buttons, check boxes, text boxes and areas and lists themselves rather
than through WTForms' widgets (issue 16); these tests read a page's form the way a browser
does (checked boxes, selected options, a text area's text without its first line break) and
post it back without JavaScript.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from wtforms import IntegerField, StringField

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import Organisation
from surveyapp.questionnaire import Question, load_questionnaire
from surveyapp.questionnaire.types import REGISTRY, register, unregister
from surveyapp.questionnaire.types.simple import IntegerType
from surveyapp.registry import load_registry
from surveyapp.respond.forms import build_item_form, build_section_form, control_kind
from tests.respond.partial_answers import (
    fresh_organisation,
    partial_answers,
    through_the_web,
)


def choices(*pairs: tuple[str, str]) -> list[dict[str, Any]]:
    return [{"code": code, "label": {"en": label}} for code, label in pairs]


#: one question of every built-in type, radio buttons and a drop-down, check boxes and a list
#: box, "other" and "not for attribution", a list of rows and a block per chosen item; labels
#: with markup that must stay text
EVERY_TYPE = {
    "id": "igo_every_type",
    "version": "test.1",
    "respondent_type": "igo",
    "title": {"en": "Every question type"},
    "sections": [
        {
            "key": "plain",
            "title": {"en": "Plain values"},
            "questions": [
                {"key": "intro", "type": "note", "label": {"en": "A note <b>not in bold</b>"}},
                {"key": "name", "type": "text", "label": {"en": "Name"}, "attribution": True},
                {"key": "email", "type": "text", "format": "email", "label": {"en": "E-mail"}},
                {
                    "key": "story",
                    "type": "long_text",
                    "label": {"en": "Story"},
                    "attribution": True,
                },
                {"key": "staff", "type": "integer", "label": {"en": "Staff"}, "min": 0},
                {"key": "share", "type": "decimal", "label": {"en": "Share"}},
                {"key": "founded", "type": "date", "label": {"en": "Founded"}},
                {"key": "year", "type": "year", "label": {"en": "Year"}},
            ],
        },
        {
            "key": "choices",
            "title": {"en": "Choices"},
            "questions": [
                {
                    "key": "size",
                    "type": "select_one",
                    "label": {"en": "Size"},
                    "other": True,
                    "choices": choices(("small", "Small & <i>odd</i>"), ("large", 'Large "x"')),
                },
                {
                    "key": "month",
                    "type": "select_one",
                    "label": {"en": "Month, from a drop-down"},
                    "choices": choices(*((f"m{n:02d}", f"Month {n}") for n in range(1, 16))),
                },
                {
                    "key": "topics",
                    "type": "select_multiple",
                    "label": {"en": "Topics"},
                    "choices": choices(("labour", "Labour"), ("asylum", "Asylum <3")),
                },
                {
                    "key": "tools",
                    "type": "select_multiple",
                    "label": {"en": "Tools"},
                    "other": True,
                    "choices": choices(("survey", "Survey"), ("visit", "Visit")),
                },
                {
                    "key": "places",
                    "type": "select_multiple",
                    "label": {"en": "Places, from a list box"},
                    "choices": choices(*((f"p{n:02d}", f"Place {n}") for n in range(1, 46))),
                },
                {
                    "key": "value",
                    "type": "rating",
                    "label": {"en": "Value"},
                    "choices": choices(("1", "Low"), ("2", "Medium"), ("3", "High")),
                },
            ],
        },
        {
            "key": "lists",
            "title": {"en": "Lists"},
            "questions": [
                {
                    "key": "meetings",
                    "type": "repeat",
                    "label": {"en": "Meetings"},
                    "questions": [
                        {"key": "title", "type": "text", "label": {"en": "Title"}},
                        {"key": "held", "type": "date", "label": {"en": "Held on"}},
                        {
                            "key": "kind",
                            "type": "select_one",
                            "label": {"en": "Kind"},
                            "choices": choices(("ministerial", "Ministerial"), ("expert", "E")),
                        },
                        {
                            "key": "themes",
                            "type": "select_multiple",
                            "label": {"en": "Themes"},
                            "choices": choices(("labour", "Labour"), ("asylum", "Asylum")),
                        },
                    ],
                },
                {
                    "key": "per_topic",
                    "type": "per_item",
                    "label": {"en": "About each topic"},
                    "items_from": "topics",
                    "questions": [
                        {
                            "key": "why",
                            "type": "long_text",
                            "label": {"en": "Why"},
                            "attribution": True,
                        },
                        {"key": "how_much", "type": "integer", "label": {"en": "How much"}},
                        {
                            "key": "level",
                            "type": "select_one",
                            "label": {"en": "Level"},
                            "choices": choices(("low", "Low"), ("high", "High")),
                        },
                    ],
                },
            ],
        },
    ],
}

#: every question of ``EVERY_TYPE`` answered, with text that markup and quotes must not break
FULL_ANSWERS = {
    "name": 'Ministry of "Quotes" & <Brackets>',
    "name_no_attribution": True,
    "email": "anna@example.org",
    "story": "Line 1\n\nLine 3 </textarea><script>alert(1)</script>",
    "staff": 12,
    "share": 12.5,
    "founded": "2014-11-28",
    "year": 2014,
    "size": "other",
    "size_other": "Middling & 'medium'",
    "month": "m13",
    "topics": ["labour", "asylum"],
    "tools": ["visit", "other"],
    "tools_other": "A <b>phone</b> call",
    "places": ["p02", "p41", "p45"],
    "value": "2",
    "meetings": [
        {"title": "Rabat", "held": "2018-05-02", "kind": "expert", "themes": ["asylum"]},
        {"title": "Khartoum & Rome", "themes": ["labour", "asylum"]},
    ],
    "per_topic": {
        "labour": {"why": "Because", "why_no_attribution": True, "how_much": 3, "level": "high"},
        "asylum": {"level": "low"},
    },
}


class BrowserForm(HTMLParser):
    """The successful controls of a page's ``section-form``, as a browser submits them, the ids
    its labels point to, and the ids its ``aria-describedby`` attributes name."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self.controls: list[tuple[str, str]] = []  # (type, id) of every visible control
        self.labelled: set[str] = set()
        self.ids: set[str] = set()
        self.described_by: set[str] = set()
        self._in_form = False
        self._textarea: list[str] | None = None
        self._textarea_name = ""
        self._select: dict[str, Any] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.ids.add(attributes.get("id") or "")
        if tag == "form" and attributes.get("id") == "section-form":
            self._in_form = True
        if not self._in_form:
            return
        self.described_by.update((attributes.get("aria-describedby") or "").split())
        if tag == "label" and attributes.get("for"):
            self.labelled.add(attributes["for"])
        elif tag == "input":
            self._input(attributes)
        elif tag == "textarea":
            self.controls.append(("textarea", attributes.get("id", "")))
            self._textarea, self._textarea_name = [], attributes["name"]
        elif tag == "select":
            self.controls.append(("select", attributes.get("id", "")))
            self._select = {"name": attributes["name"], "multiple": "multiple" in attributes}
            self._select["options"] = []
        elif tag == "option" and self._select is not None:
            self._select["options"].append((attributes.get("value"), "selected" in attributes))

    def _input(self, attributes: dict[str, str | None]) -> None:
        kind = attributes.get("type") or "text"
        name = attributes.get("name")
        if kind != "hidden":
            self.controls.append((kind, attributes.get("id", "")))
        if not name or kind in ("submit", "button"):
            return
        if kind in ("checkbox", "radio"):
            if "checked" in attributes:
                self.fields.append((name, attributes.get("value") or "on"))
        else:
            self.fields.append((name, attributes.get("value") or ""))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.append(data)

    def handle_endtag(self, tag):
        if tag == "form" and self._in_form:
            self._in_form = False
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._textarea)
            # A browser drops the line break that follows <textarea>.
            if text.startswith("\r\n"):
                text = text[2:]
            elif text.startswith("\n"):
                text = text[1:]
            self.fields.append((self._textarea_name, text))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            options = self._select["options"]
            chosen = [value for value, selected in options if selected]
            if not chosen and not self._select["multiple"] and options:
                chosen = [options[0][0]]  # a drop-down with nothing selected sends its first
            self.fields.extend((self._select["name"], value) for value in chosen)
            self._select = None


def read_form(html: str) -> BrowserForm:
    form = BrowserForm()
    form.feed(html)
    form.close()
    return form


def post_back(client, url: str) -> BrowserForm:
    """Open ``url`` and post its form back unchanged with "Save"; the form as read."""
    page = client.get(url)
    assert page.status_code == 200, page.text
    form = read_form(page.text)
    for kind, control_id in form.controls:
        assert control_id in form.labelled, f"{kind} #{control_id} has no label"
    assert form.described_by <= form.ids
    data: dict[str, list[str]] = {}
    for name, value in form.fields:
        data.setdefault(name, []).append(value)
    reply = client.post(url, data={**data, "action": "stay"})
    assert reply.status_code == 302, reply.text
    return form


def pages_of(token: str, questionnaire, answers: dict[str, Any]) -> list[str]:
    """Every page a respondent fills in: the sections, then each chosen item's page."""
    urls = []
    for section in questionnaire.sections:
        urls.append(f"/r/{token}/s/{section.key}")
        for question in section.questions:
            if question.type == "per_item":
                for code in answers.get(question.items_from) or []:
                    urls.append(f"/r/{token}/s/{section.key}/{question.key}/{code}")
    return urls


def stored_answers(client, token: str) -> dict[str, Any]:
    reply = client.get("/api/v1/response", headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 200
    return reply.get_json()["answers"]


def save_through_api(client, token: str, answers: dict[str, Any]) -> dict[str, Any]:
    reply = client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": answers},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert reply.status_code == 200, reply.get_json()
    return reply.get_json()["answers"]


def fresh_token(app) -> str:
    """An invitation of a new IGO to the newest round."""
    code = fresh_organisation(app, "igo")
    with app.app_context():
        organisation = db.session.scalar(select(Organisation).filter_by(code=code))
        _invitation, token = operations.invite(
            operations.current_round(), organisation, None, actor="test"
        )
        db.session.commit()
    return token


def open_round_asking(app, path: Path, questionnaire: dict[str, Any]):
    """Open a round asking IGOs ``questionnaire`` (written to ``path``); the engine's reading."""
    path.write_text(yaml.safe_dump(questionnaire, allow_unicode=True), encoding="utf-8")
    with app.app_context():
        version = operations.store_questionnaire(path, load_registry())
        operations.open_round(questionnaire["title"]["en"], 2099, [version])
        db.session.commit()
    return load_questionnaire(path)


def leaf_fields(fields) -> list[Any]:
    """The fields a person fills in, inside lists of rows too (not CSRF and version)."""
    found = []
    for field in fields:
        if field.type == "FieldList":
            found += leaf_fields(field.entries)
        elif field.type == "FormField":
            found += leaf_fields(field.form)
        elif field.type not in ("CSRFTokenField", "HiddenField"):
            found.append(field)
    return found


@pytest.fixture
def every_type(app, tmp_path):
    """A round asking IGOs ``EVERY_TYPE``; the questionnaire as the engine reads it."""
    return open_round_asking(app, tmp_path / "every-type.yaml", EVERY_TYPE)


def test_the_questionnaire_asks_every_question_type(every_type):
    assert {question.type for question in every_type.questions()} == set(REGISTRY)


def test_every_question_type_posts_back_the_answers_it_shows(app, client, every_type):
    token = fresh_token(app)
    stored = save_through_api(client, token, FULL_ANSWERS)
    assert stored == FULL_ANSWERS
    for url in pages_of(token, every_type, stored):
        post_back(client, url)
    assert stored_answers(client, token) == FULL_ANSWERS


def test_an_untouched_form_posts_back_no_answer(app, client, every_type):
    token = fresh_token(app)
    for url in pages_of(token, every_type, {}):
        form = post_back(client, url)
        typed = [value for name, value in form.fields if name not in ("csrf_token", "version")]
        assert set(typed) <= {""}, url
    assert stored_answers(client, token) == {}


def test_labels_and_answers_stay_text(app, client, every_type):
    token = fresh_token(app)
    save_through_api(client, token, FULL_ANSWERS)
    choices_page = client.get(f"/r/{token}/s/choices").text
    assert "Small &amp; &lt;i&gt;odd&lt;/i&gt;" in choices_page
    assert "A &lt;b&gt;phone&lt;/b&gt; call" in choices_page
    plain_page = client.get(f"/r/{token}/s/plain").text
    assert 'value="Ministry of &#34;Quotes&#34; &amp; &lt;Brackets&gt;"' in plain_page
    assert "Line 3 &lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>" in plain_page


#: refused answers: a text box shows what was typed again, radio buttons have no such option
REFUSED = [("plain", "staff", "a dozen", True), ("choices", "size", "giant", False)]


@pytest.mark.parametrize(("section", "key", "typed", "shown_again"), REFUSED)
def test_a_refused_answer_comes_back_with_its_message_tied_to_the_field(
    app, client, every_type, section, key, typed, shown_again
):
    token = fresh_token(app)
    url = f"/r/{token}/s/{section}"
    fields = dict(read_form(client.get(url).text).fields)
    reply = client.post(url, data={**fields, key: typed, "action": "stay"})
    assert reply.status_code == 422
    again = read_form(reply.text)
    assert ((key, typed) in again.fields) is shown_again
    assert f"{key}-error" in again.described_by
    assert f"{key}-error" in again.ids


@through_the_web(max_examples=10)
@given(data=st.data())
def test_any_partial_answers_post_back_unchanged(app, client, every_type, data):
    token = fresh_token(app)
    answers = data.draw(partial_answers(every_type), label="answers")
    stored = save_through_api(client, token, answers)
    for url in pages_of(token, every_type, stored):
        post_back(client, url)
    assert stored_answers(client, token) == stored


def test_the_question_types_fields_are_drawn_by_the_macros(app, every_type):
    kinds = set()
    with app.test_request_context():
        for section in every_type.sections:
            form, _layout = build_section_form(
                every_type, section, {}, "en", item_labels=lambda _question: {}
            )
            kinds |= {control_kind(field) for field in leaf_fields(form)}
        form, _layout = build_item_form(every_type.question("per_topic"), None, "en")
        kinds |= {control_kind(field) for field in leaf_fields(form)}
    assert kinds == {"text", "textarea", "checkbox", "radios", "select", "checkboxes", "listbox"}


class HeadcountType(IntegerType):
    """A whole number asked in WTForms' own number box (a field the macros do not draw)."""

    name = "headcount"

    def form_field(self, question: Question, language: str) -> IntegerField:
        return IntegerField(question.label.get_text(language), render_kw={"min": 0})


class TypedHeadcountType(IntegerType):
    """The same type, registered anew with a text box."""

    name = "headcount"


#: a questionnaire with one question of the ``headcount`` type
HEADCOUNT = {
    "id": "igo_headcount",
    "version": "test.1",
    "respondent_type": "igo",
    "title": {"en": "Headcount"},
    "sections": [
        {
            "key": "staff",
            "title": {"en": "Staff"},
            "questions": [{"key": "heads", "type": "headcount", "label": {"en": "Heads"}}],
        }
    ],
}


@pytest.fixture
def headcount_type():
    """``HeadcountType``, registered for one test."""
    register(HeadcountType)
    yield HeadcountType
    unregister(HeadcountType.name)


def test_a_field_of_a_types_own_is_drawn_by_its_widget_and_posts_back(
    app, client, tmp_path, headcount_type
):
    open_round_asking(app, tmp_path / "headcount.yaml", HEADCOUNT)
    token = fresh_token(app)
    save_through_api(client, token, {"heads": 40})
    page = client.get(f"/r/{token}/s/staff").text
    assert re.search(r'<input[^>]*id="heads"[^>]*type="number"[^>]*value="40"', page)
    post_back(client, f"/r/{token}/s/staff")
    assert stored_answers(client, token) == {"heads": 40}


def test_a_kept_form_class_is_not_used_for_a_type_registered_anew(app, tmp_path, headcount_type):
    questionnaire = open_round_asking(app, tmp_path / "headcount.yaml", HEADCOUNT)
    [section] = questionnaire.sections

    def heads_field():
        form, _layout = build_section_form(
            questionnaire, section, {}, "en", item_labels=dict, version_key="same content"
        )
        return form["heads"]

    with app.test_request_context():
        assert isinstance(heads_field(), IntegerField)
        register(TypedHeadcountType)
        assert type(heads_field()) is StringField
