"""A round's deadline and contact address: set on the round's page, shown on respondents' pages,
in invitations and reminders and on the receipt."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.mail import compose
from surveyapp.models import AuditEvent, Organisation
from tests.pages import csrf_token, page_csrf

STATE_ANSWERS = json.loads(
    (Path(__file__).parents[1] / "shared" / "state_answers.json").read_text(encoding="utf-8")
)
ADDRESS = "iscm-assessment@iom.example"


def save_round(app, client, **fields):
    """Post the open round's page with its current settings and ``fields``."""
    with app.app_context():
        survey_round = operations.current_round()
        round_id = survey_round.id
        data = {
            "name": survey_round.name,
            "deadline": "2027-03-31",
            **{kind: survey_round.questionnaire_for(kind).id for kind in ("state", "iscm", "igo")},
        }
    path = f"/admin/rounds/{round_id}"
    data = {"csrf_token": csrf_token(client, path), **data, **fields}
    return client.post(path, data=data)


def set_round(app, *, deadline=dt.date(2027, 3, 31), contact=ADDRESS) -> None:
    with app.app_context():
        survey_round = operations.current_round()
        survey_round.deadline = deadline
        survey_round.contact_email = contact
        db.session.commit()


def test_the_round_page_sets_the_contact_address_and_the_trail_records_it(app, admin_client):
    page = admin_client.get(f"/admin/rounds/{1}").get_data(as_text=True)
    assert 'name="contact_email"' in page
    reply = save_round(app, admin_client, contact_email=f"  {ADDRESS} ")
    assert reply.status_code == 302
    with app.app_context():
        survey_round = operations.current_round()
        assert survey_round.contact_email == ADDRESS
        assert survey_round.deadline == dt.date(2027, 3, 31)
        event = db.session.scalar(select(AuditEvent).filter_by(action="round_update"))
        assert event.old_value["contact_email"] is None
        assert event.new_value["contact_email"] == ADDRESS
    assert ADDRESS in admin_client.get(reply.headers["Location"]).get_data(as_text=True)


@pytest.mark.parametrize("address", ["not an address", "a@b", "x" * 320 + "@iom.example"])
def test_a_malformed_contact_address_is_refused_and_nothing_is_saved(app, admin_client, address):
    reply = save_round(app, admin_client, contact_email=address, deadline="2028-01-01")
    assert reply.status_code == 422
    html = reply.get_data(as_text=True)
    assert "Nothing was saved" in html
    with app.app_context():
        survey_round = operations.current_round()
        assert survey_round.contact_email is None
        assert survey_round.deadline != dt.date(2028, 1, 1)


def test_a_blank_contact_address_removes_it(app, admin_client):
    set_round(app)
    assert save_round(app, admin_client, contact_email="  ").status_code == 302
    with app.app_context():
        assert operations.current_round().contact_email is None


def test_respondent_pages_show_the_deadline_and_the_contact_address(app, client, create_invitation):
    set_round(app)
    token, _response_id = create_invitation("NLD")
    headers = {"Authorization": f"Bearer {token}"}
    assert (
        client.patch(
            "/api/v1/response", json={"version": 0, "answers": STATE_ANSWERS}, headers=headers
        ).status_code
        == 200
    )
    for path in ("/", "/check"):
        html = client.get(f"/r/{token}{path}").get_data(as_text=True)
        assert "Deadline: March 31, 2027" in html, path
        assert f'<a href="mailto:{ADDRESS}" dir="ltr">{ADDRESS}</a>' in html, path
    assert client.post("/api/v1/response/submit", headers=headers).status_code == 200
    html = client.get(f"/r/{token}/submitted").get_data(as_text=True)
    assert "Deadline: March 31, 2027" in html and f"mailto:{ADDRESS}" in html
    page = client.get(f"/r/{token}/")
    client.post(f"/r/{token}/language", data={"csrf_token": page_csrf(page.text), "language": "fr"})
    assert "31 mars 2027" in client.get(f"/r/{token}/").get_data(as_text=True)


def test_respondent_pages_without_deadline_or_address_say_nothing_of_them(
    app, client, create_invitation
):
    set_round(app, deadline=None, contact=None)
    token, _response_id = create_invitation("NLD")
    html = client.get(f"/r/{token}/").get_data(as_text=True)
    assert "Deadline" not in html and "mailto:" not in html


@pytest.mark.parametrize("kind", ["invitation", "reminder"])
def test_emails_name_the_deadline_and_the_contact_address(app, kind):
    set_round(app)
    with app.app_context():
        survey_round = operations.current_round()
        senegal = db.session.scalar(select(Organisation).filter_by(code="SEN"))
        _subject, body = compose(kind, senegal, survey_round, "http://x/r/t0k", "fr")
        survey_round.contact_email = None
        _subject, without = compose(kind, senegal, survey_round, "http://x/r/t0k", "fr")
        db.session.rollback()
    assert "2027-03-31" in body
    contact_paragraph = [p for p in body.split("\n\n") if ADDRESS in p]
    assert len(contact_paragraph) == 1 and "http://x/r/t0k" not in contact_paragraph[0]
    assert ADDRESS not in without and "\n\n\n" not in without


def test_the_receipt_shows_the_deadline_and_the_contact_address(app, client, create_invitation):
    set_round(app)
    token, _response_id = create_invitation("NLD")
    headers = {"Authorization": f"Bearer {token}"}
    client.patch("/api/v1/response", json={"version": 0, "answers": STATE_ANSWERS}, headers=headers)
    assert client.post("/api/v1/response/submit", headers=headers).status_code == 200
    reply = client.get(f"/r/{token}/receipt.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(reply.data)).pages)
    assert "Deadline" in text and "March 31, 2027" in text
    assert ADDRESS in text.replace("\n", "")
