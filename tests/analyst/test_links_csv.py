"""The links CSV: the page that issues links offers them as a CSV made inside that page, once;
cells are written as text; the tokens are stored nowhere."""

from __future__ import annotations

import base64
import csv
import io
import re

from sqlalchemy import select

from surveyapp.extensions import db
from surveyapp.models import AuditEvent, Invitation, Organisation, OutboxMessage
from surveyapp.models.mail import mailbox
from surveyapp.operations import outbox
from tests.analyst.test_invitations import smtp_port, smtp_server  # noqa: F401 (fixtures)
from tests.pages import csrf_token

DOWNLOAD = re.compile(
    r'href="data:text/csv;charset=utf-8;base64,([A-Za-z0-9+/=]+)" download="([^"]+)"'
)


def post(client, path: str, data: dict):
    data = {"csrf_token": csrf_token(client, "/analyst/invitations"), **data}
    return client.post(path, data=data)


def links_file(html: str) -> tuple[str, list[list[str]]]:
    """The file name and rows of the CSV a page offers."""
    found = DOWNLOAD.search(html)
    assert found, "the page offers no links CSV"
    text = base64.b64decode(found.group(1)).decode("utf-8")
    assert text.startswith("\ufeff")
    return found.group(2), list(csv.reader(io.StringIO(text[1:])))


def set_contact(app, code: str, written: str, language: str = "en") -> None:
    with app.app_context():
        organisation = db.session.scalar(select(Organisation).filter_by(code=code))
        outbox.set_contact(organisation, written, language)
        db.session.commit()


def test_inviting_an_iscms_member_states_offers_every_link_as_csv(app, analyst_client):
    set_contact(app, "EGY", mailbox("focal@egypt.example", "Amina Diallo"), "ar")
    html = post(
        analyst_client, "/analyst/invitations", {"target": "members:khartoum-process"}
    ).get_data(as_text=True)
    filename, rows = links_file(html)
    assert re.fullmatch(r"links-members-khartoum-process-\d{8}-\d{4}\.csv", filename)
    assert rows[0] == ["organisation", "code", "name", "email", "link"]
    with app.app_context():
        invited = {
            o.code: o.name()
            for o in db.session.scalars(
                select(Organisation).join(Invitation, Invitation.organisation_id == Organisation.id)
            )
        }
    assert {row[1]: row[0] for row in rows[1:]} == invited
    assert ["Egypt", "EGY", "Amina Diallo", "focal@egypt.example"] in [r[:4] for r in rows]
    shown = re.findall(r'<code class="token-once">([^<]+)</code>', html)
    assert [row[4] for row in rows[1:]] == shown
    for row in rows[1:]:
        opened = app.test_client().get(row[4].replace("http://localhost", ""))
        assert opened.status_code in (200, 302), row


def test_the_csv_is_in_the_pages_language(app, analyst_client):
    analyst_client.get("/analyst/invitations?lang=fr")
    html = post(analyst_client, "/analyst/invitations", {"target": "org:EGY"}).get_data(
        as_text=True
    )
    _filename, rows = links_file(html)
    assert rows[1][:2] == ["Égypte", "EGY"]


def test_the_csv_writes_formula_like_cells_as_text(app, analyst_client):
    set_contact(app, "EGY", mailbox("focal@egypt.example", '=HYPERLINK("http://x","y")'))
    set_contact(app, "ETH", mailbox("focal@ethiopia.example", "+251 focal point"))
    html = post(analyst_client, "/analyst/invitations", {"target": "all:state"}).get_data(
        as_text=True
    )
    names = {row[1]: row[2] for row in links_file(html)[1][1:]}
    assert names["EGY"] == '\'=HYPERLINK("http://x","y")'
    assert names["ETH"] == "'+251 focal point"


def test_the_csv_is_offered_only_on_the_page_that_issued_the_links(app, analyst_client):
    html = post(analyst_client, "/analyst/invitations", {"target": "all:igo"}).get_data(
        as_text=True
    )
    _filename, rows = links_file(html)
    assert "cannot be downloaded again" in html
    later = analyst_client.get("/analyst/invitations").get_data(as_text=True)
    assert "data:text/csv" not in later
    tokens = [row[4].rsplit("/", 1)[1] for row in rows[1:]]
    with app.app_context():
        stored = " ".join(
            str(value)
            for model in (AuditEvent, Invitation, OutboxMessage)
            for row in db.session.scalars(select(model))
            for value in vars(row).values()
        )
    assert tokens and not any(token in stored for token in tokens)
    # inviting the same group again issues nothing new, so offers no file
    again = post(analyst_client, "/analyst/invitations", {"target": "all:igo"}).get_data(
        as_text=True
    )
    assert "data:text/csv" not in again and "already holds a working link" in again


def test_a_new_link_and_reminders_offer_their_links_too(
    app,
    analyst_client,
    create_invitation,
    smtp_server,  # noqa: F811
):
    _token, response_id = create_invitation("SEN")
    html = post(analyst_client, f"/analyst/responses/{response_id}/reissue", {}).get_data(
        as_text=True
    )
    filename, rows = links_file(html)
    assert filename.startswith("links-sen-") and [r[1] for r in rows[1:]] == ["SEN"]
    set_contact(app, "SEN", "focal@senegal.example")
    html = post(analyst_client, "/analyst/reminders", {}).get_data(as_text=True)
    _filename, rows = links_file(html)
    [reminded] = rows[1:]
    assert reminded[1:4] == ["SEN", "", "focal@senegal.example"]
    assert reminded[4] in smtp_server.messages[-1].get_content()
