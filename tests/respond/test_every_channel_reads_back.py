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

import io
import re
import zipfile
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape
from openpyxl import load_workbook

from surveyapp.extensions import db
from surveyapp.interop.excel_questionnaire import read_workbook
from surveyapp.models import Response
from surveyapp.questionnaire import visible_answers
from tests.pages import page_csrf
from tests.respond.partial_answers import (
    CHANNELS,
    enter_through_api,
    fresh_organisation,
    partial_answers,
    through_the_web,
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
