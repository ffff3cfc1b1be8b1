"""Partial answers as respondents give them, for property-based tests: Hypothesis strategies
that draw a random subset of a questionnaire's questions, per-ISCM blocks and list rows, with
odd text pasted from word processors, and the channels that enter them (the form without
JavaScript, the autosave endpoint, the JSON API)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from surveyapp.extensions import db
from surveyapp.questionnaire.text import clean_text
from tests.pages import page_csrf, page_version

#: texts people paste: Word's quotes, dashes and spaces, Arabic, combining accents, emoji,
#: formulas and markup that must stay text, Windows line ends
ODD_TEXTS = [
    "“Smart quotes” – en dash — em dash… ellipsis",
    "no\u00a0break\u202fnarrow, soft\u00adhyphen, zero\u200bwidth",
    "e\u0301te\u0301 (combining accents, stored composed)",
    "الهجرة والتنمية، «عملية الرباط»",
    "Línea 1\r\nLínea 2\rLínea 3",
    '=HYPERLINK("http://evil.example","x")',
    "+1 -1 @sum",
    "<script>alert(1)</script> & <b>bold</b>",
    "🌍 migration 👩🏽‍💼",
    "tab\there",
    "\u200fright-to-left mark",
    "\ufeffByte order mark at the start",
]

#: numbers the organisations made for the examples (hypothesis runs many on one database)
SERIAL = itertools.count(1)


def fresh_organisation(app, kind: str) -> str:
    """A new organisation of ``kind`` with a name pasted from a word processor; its code."""
    from surveyapp.models import Organisation

    number = next(SERIAL)
    code = f"T{number:02d}" if kind == "state" else f"test-{kind}-{number}"
    with app.app_context():
        db.session.add(
            Organisation(
                code=code,
                kind=kind,
                names={"en": f"Ünïcode “Test” {kind.upper()} {number}"},
                region="Africa" if kind == "state" else "",
                iscm_kind="rcp" if kind == "iscm" else None,
            )
        )
        db.session.commit()
    return code


#: a few characters of every script and of punctuation, but none that the text rule refuses
PLAIN = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Co", "Cn"), blacklist_characters="\ufeff\ufffe\uffff"
    ),
    min_size=1,
    max_size=40,
)
TEXT = st.one_of(st.sampled_from(ODD_TEXTS), PLAIN).filter(lambda t: clean_text(t).strip())


def stored_text(raw: str) -> str:
    """A text as the engine stores it (the documented rule: docs/respondent.md)."""
    return clean_text(raw).strip()


def _date_bounds(question) -> tuple[dt.date, dt.date]:
    low = dt.date.fromisoformat(question.min) if isinstance(question.min, str) else None
    high = dt.date.fromisoformat(question.max) if isinstance(question.max, str) else None
    return low or dt.date(1990, 1, 1), high or dt.date(2026, 12, 31)


def value_for(question) -> st.SearchStrategy:
    """A strategy for one valid answer to ``question``, as JSON (canonical form)."""
    kind = question.type
    if kind in ("text", "long_text"):
        if question.format == "email":
            return st.sampled_from(["anna@example.org", "a.b+c@ministère.gouv.fr"])
        limit = question.max_length or 10_000
        return TEXT.map(stored_text).filter(lambda t: 0 < len(t) <= limit)
    if kind == "integer":
        return st.integers(int(question.min or 0), int(question.max or 10_000))
    if kind == "year":
        return st.integers(int(question.min), int(question.max))
    if kind == "decimal":
        return st.sampled_from([0, 3, 12.5, 1000.25])
    if kind == "date":
        low, high = _date_bounds(question)
        return st.dates(low, high).map(dt.date.isoformat)
    codes = [choice.code for choice in question.choices]
    if kind in ("select_one", "rating"):
        return st.sampled_from(codes)
    if kind == "select_multiple":
        low = int(question.min or 1)
        high = int(question.max or min(len(codes), 4))
        return st.lists(st.sampled_from(codes), min_size=low, max_size=high, unique=True).map(
            lambda chosen: [c for c in codes if c in chosen]
        )
    raise AssertionError(kind)


@st.composite
def group_answers(draw, questions, context: dict[str, Any] | None = None) -> dict[str, Any]:
    """A random subset of ``questions`` answered, with their companions."""
    answers: dict[str, Any] = {}
    for question in questions:
        if question.type == "note" or not draw(st.booleans()):
            continue
        if question.type == "repeat":
            rows = draw(
                st.lists(group_answers(question.questions).filter(bool), min_size=1, max_size=3)
            )
            answers[question.key] = rows
            continue
        if question.type == "per_item":
            chosen = (context if context is not None else answers).get(question.items_from)
            if not chosen:
                continue
            blocks = draw(st.lists(st.sampled_from(chosen), max_size=len(chosen), unique=True))
            items = {code: draw(group_answers(question.questions)) for code in blocks}
            items = {code: value for code, value in items.items() if value}
            if items:
                answers[question.key] = items
            continue
        value = draw(value_for(question))
        answers[question.key] = value
        chose_other = value == "other" or (isinstance(value, list) and "other" in value)
        if question.other and chose_other:
            answers[question.other_key] = draw(TEXT.map(stored_text))
        if question.attribution and draw(st.booleans()):
            answers[question.no_attribution_key] = True
    return answers


@st.composite
def partial_answers(draw, questionnaire) -> dict[str, Any]:
    """A partial answer set of a whole questionnaire; ISCMs are chosen more often than not."""
    answers: dict[str, Any] = {}
    for section in questionnaire.sections:
        for question in section.questions:
            if question.type == "per_item":
                continue
            picked = draw(group_answers([question]))
            if question.key == "iscms" and draw(st.integers(0, 3)):
                picked = {question.key: draw(value_for(question))}
            answers.update(picked)
    per_item = [q for q in questionnaire.questions() if q.type == "per_item"]
    answers.update(draw(group_answers(per_item, context=answers)))
    return answers


# -- channels -------------------------------------------------------------------------------


def form_fields(questions, values: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """The fields a browser without JavaScript posts for ``values``."""
    fields: dict[str, Any] = {}
    for question in questions:
        name = f"{prefix}{question.key}"
        if question.type in ("note", "per_item"):
            continue
        if question.type == "repeat":
            for index, row in enumerate(values.get(question.key) or []):
                fields.update(form_fields(question.questions, row, f"{name}-{index}-"))
            continue
        value = values.get(question.key)
        if value is not None:
            fields[name] = [str(v) for v in value] if isinstance(value, list) else str(value)
        if question.other and question.other_key in values:
            fields[f"{prefix}{question.other_key}"] = values[question.other_key]
        if question.attribution and values.get(question.no_attribution_key):
            fields[f"{prefix}{question.no_attribution_key}"] = "y"
    return fields


def post_page(client, url: str, fields: dict[str, Any], autosave: bool) -> None:
    page = client.get(url)
    assert page.status_code == 200, page.text
    data = {"csrf_token": page_csrf(page.text), "version": page_version(page.text), **fields}
    if autosave:
        reply = client.post(f"{url}/autosave", data=data)
        assert reply.status_code == 200, reply.get_json()
        assert reply.get_json()["status"] == "saved"
    else:
        reply = client.post(url, data={**data, "action": "stay"})
        assert reply.status_code == 302, reply.text


def enter_through_pages(client, token: str, questionnaire, answers, autosave: bool) -> None:
    """Section by section, then ISCM by ISCM, as a respondent does."""
    for section in questionnaire.sections:
        url = f"/r/{token}/s/{section.key}"
        if any(q.type not in ("note", "per_item") for q in section.questions):
            post_page(client, url, form_fields(section.questions, answers), autosave)
        for question in section.questions:
            if question.type == "per_item":
                for code, block in (answers.get(question.key) or {}).items():
                    item_url = f"{url}/{question.key}/{code}"
                    post_page(client, item_url, form_fields(question.questions, block), autosave)


def enter_through_api(client, token: str, _questionnaire, answers, _autosave: bool) -> None:
    reply = client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": answers},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert reply.status_code == 200, reply.get_json()


CHANNELS = {
    "form": lambda c, t, q, a: enter_through_pages(c, t, q, a, autosave=False),
    "autosave": lambda c, t, q, a: enter_through_pages(c, t, q, a, autosave=True),
    "api": lambda c, t, q, a: enter_through_api(c, t, q, a, False),
}


def through_the_web(max_examples: int):
    """Hypothesis settings for examples that each go through the application: no deadline
    (a PDF or a workbook takes seconds), one database for all of a test's examples."""
    return settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
