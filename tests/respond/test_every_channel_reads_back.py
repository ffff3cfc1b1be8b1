"""Random partial answers, entered through each channel, read back exactly by every reader.

Hypothesis draws a partial answer set for a questionnaire (a random subset of questions, of
per-ISCM blocks and of their questions, of list rows, with odd Unicode pasted from word
processors), enters it through one channel (the form without JavaScript, the autosave
endpoint, the JSON API) and checks that what is stored is exactly what was entered, that the
respondent's check page and the analyst's review page show it, that the CSV and XLSX exports
hold it, and that the Excel questionnaire holds it and, uploaded as it came, stores it again
unchanged; a second property submits such a response and renders its receipt and the ISCM's
summary.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import zipfile
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from openpyxl import load_workbook

from surveyapp.extensions import db
from surveyapp.interop.excel_questionnaire import read_workbook
from surveyapp.models import Response
from surveyapp.questionnaire import visible_answers
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


# -- readers --------------------------------------------------------------------------------


def visible_texts(questionnaire, answers: dict[str, Any]) -> list[str]:
    """The top-level text answers a reader shows (hidden questions are not shown)."""
    shown = visible_answers(questionnaire, answers)
    texts = []
    for question in questionnaire.questions():
        value = shown.get(question.key)
        if question.type in ("text", "long_text") and isinstance(value, str):
            texts.append(value)
    return texts


def check_readers(app, client, analyst, token, response_id, questionnaire, answers) -> None:
    stored = client.get("/api/v1/response", headers={"Authorization": f"Bearer {token}"})
    assert stored.get_json()["answers"] == answers

    check = client.get(f"/r/{token}/check")
    assert check.status_code == 200
    review = analyst.get(f"/analyst/responses/{response_id}")
    assert review.status_code == 200
    for text in visible_texts(questionnaire, answers):
        assert str(escape(text)) in check.text, text
        assert str(escape(text)) in review.text, text

    with analyst.get("/analyst/exports/download?format=csv") as csv:
        assert csv.status_code == 200
        with zipfile.ZipFile(io.BytesIO(csv.data)) as archive:
            assert all(archive.read(name).decode("utf-8-sig") for name in archive.namelist())
    with analyst.get("/analyst/exports/download?format=xlsx") as xlsx:
        assert xlsx.status_code == 200
        load_workbook(io.BytesIO(xlsx.data), read_only=True).close()

    workbook = analyst.get(f"/analyst/responses/{response_id}/excel/questionnaire.xlsx")
    assert workbook.status_code == 200
    with app.app_context():
        filled = read_workbook(
            workbook.data,
            lambda _id, _hash: questionnaire,
            secret_key=app.config["SECRET_KEY"],
        )
    assert filled.errors == []
    assert without_empty(filled.answers) == answers

    # Uploading the workbook as it came (the Excel round trip) stores the same answers.
    page = analyst.get(f"/analyst/responses/{response_id}/excel")
    uploaded = analyst.post(
        f"/analyst/responses/{response_id}/excel",
        data={
            "csrf_token": page_csrf(page.text),
            "workbook": (io.BytesIO(workbook.data), "filled.xlsx"),
        },
        content_type="multipart/form-data",
    )
    assert uploaded.status_code == 302, uploaded.text
    again = client.get("/api/v1/response", headers={"Authorization": f"Bearer {token}"})
    assert again.get_json()["answers"] == answers


def without_empty(values: dict[str, Any]) -> dict[str, Any]:
    """A workbook's answers without its empty cells (the workbook lists every question)."""
    kept = {}
    for key, value in values.items():
        if isinstance(value, dict):
            value = {item: block for item, block in value.items() if block} or None
        if value is not None:
            kept[key] = value
    return kept


def questionnaire_of(app, response_id: int):
    with app.app_context():
        return db.session.get(Response, response_id).questionnaire_version.questionnaire()


@pytest.mark.parametrize("channel", sorted(CHANNELS))
@pytest.mark.parametrize("respondent", ["state", "igo"])
@through_the_web(max_examples=5)
@given(data=st.data())
def test_partial_answers_are_read_back_exactly_by_every_reader(
    app, client, analyst_client, create_invitation, channel, respondent, data
):
    token, response_id = create_invitation(fresh_organisation(app, respondent))
    questionnaire = questionnaire_of(app, response_id)
    answers = data.draw(partial_answers(questionnaire), label="answers")
    CHANNELS[channel](client, token, questionnaire, answers)
    check_readers(app, client, analyst_client, token, response_id, questionnaire, answers)


@through_the_web(max_examples=5)
@given(data=st.data())
def test_an_iscm_secretariats_partial_answers_read_back_through_the_form(
    app, client, analyst_client, create_invitation, data
):
    token, response_id = create_invitation(fresh_organisation(app, "iscm"))
    questionnaire = questionnaire_of(app, response_id)
    answers = data.draw(partial_answers(questionnaire), label="answers")
    CHANNELS["form"](client, token, questionnaire, answers)
    check_readers(app, client, analyst_client, token, response_id, questionnaire, answers)


def complete(questionnaire, answers: dict[str, Any]) -> dict[str, Any]:
    """``answers`` with each missing required answer filled in, so the response can go in."""
    from surveyapp.questionnaire import check_complete

    filled = {key: value for key, value in answers.items()}
    for _ in range(3):
        for path in check_complete(questionnaire, filled):
            parts = path.split(".")
            question = questionnaire.question(parts[0])
            if len(parts) == 1:
                filled[parts[0]] = _minimal(question)
            elif question.type == "per_item" and len(parts) == 3:
                child = next(c for c in question.questions if c.key == parts[2])
                filled.setdefault(parts[0], {}).setdefault(parts[1], {})[parts[2]] = _minimal(child)
            elif question.type == "repeat" and len(parts) == 3:
                child = next(c for c in question.questions if c.key == parts[2])
                filled[parts[0]][int(parts[1])][parts[2]] = _minimal(child)
            elif question.other_key == parts[0] or parts[0].endswith("_other"):
                filled[parts[0]] = "Other"
    return filled


def _minimal(question) -> Any:
    if question.type in ("text", "long_text"):
        return "a@example.org" if question.format == "email" else "Answer"
    if question.type == "year":
        return 2014
    if question.type in ("integer", "decimal"):
        return int(question.min or 1)
    if question.type == "date":
        return "2019-06-01"
    if question.type == "select_multiple":
        return [question.choices[0].code]
    if question.type == "repeat":
        return [{child.key: _minimal(child) for child in question.questions if child.required}]
    return question.choices[0].code


@through_the_web(max_examples=3)
@given(data=st.data())
def test_submitted_partial_answers_print_in_the_receipt_and_the_summary(
    app, client, analyst_client, create_invitation, data
):
    token, response_id = create_invitation(fresh_organisation(app, "state"))
    questionnaire = questionnaire_of(app, response_id)
    answers = data.draw(partial_answers(questionnaire), label="answers")
    answers.setdefault("iscms", ["rabat-process"])
    answers = complete(questionnaire, answers)
    enter_through_api(client, token, questionnaire, answers, False)
    page = client.get(f"/r/{token}/check")
    reply = client.post(f"/r/{token}/submit", data={"csrf_token": page_csrf(page.text)})
    assert reply.status_code == 302, re.findall(r'href="([^"]+#[^"]+)"', reply.text)
    receipt = client.get(f"/r/{token}/receipt.pdf")
    assert receipt.status_code == 200 and receipt.data.startswith(b"%PDF")
    summary = analyst_client.get(f"/analyst/summaries/{answers['iscms'][0]}/preview.pdf")
    assert summary.status_code == 200 and summary.data.startswith(b"%PDF")
