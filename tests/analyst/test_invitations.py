"""Invitations, reminders and the outbox, against a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import email
import re
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from surveyapp import mail
from surveyapp.extensions import db
from surveyapp.models import AuditEvent, Invitation, Organisation, OutboxMessage, Response
from surveyapp.operations import outbox
from tests.pages import csrf_token


class Inbox:
    """An aiosmtpd handler keeping every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(
            email.message_from_bytes(envelope.original_content, policy=policy.default)
        )
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_port(app):
    """A free loopback port the application sends mail to."""
    port = free_port()
    app.config["SURVEYAPP_MAIL_SERVER"] = "127.0.0.1"
    app.config["SURVEYAPP_MAIL_PORT"] = str(port)
    app.config["SURVEYAPP_MAIL_SENDER"] = "assessment@iom.example"
    app.config["SURVEYAPP_MAIL_TIMEOUT"] = "5"
    return port


@pytest.fixture
def smtp_server(smtp_port):
    """A real SMTP server on that port; yields its inbox."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    yield inbox
    controller.stop()


def set_contact(app, code: str, address: str, language: str = "en") -> None:
    with app.app_context():
        organisation = db.session.scalar(select(Organisation).filter_by(code=code))
        outbox.set_contact(organisation, address, language)
        db.session.commit()


def post(client, path: str, data: dict):
    data = {"csrf_token": csrf_token(client, "/analyst/invitations"), **data}
    return client.post(path, data=data)


def link_of(message) -> str:
    return re.search(r"http://localhost/r/\S+", message.get_content()).group(0)


def test_inviting_an_iscms_member_states_sends_each_an_email(app, analyst_client, smtp_server):
    set_contact(app, "EGY", "focal@egypt.example", "ar")
    set_contact(app, "FRA", "focal@france.example", "fr")
    reply = post(analyst_client, "/analyst/invitations", {"target": "members:khartoum-process"})
    assert reply.status_code == 200
    html = reply.get_data(as_text=True)
    with app.app_context():
        iscm = db.session.scalar(select(Organisation).filter_by(code="khartoum-process"))
        from surveyapp.analyst.invitations import member_states

        members = member_states(iscm)
        invited = db.session.scalars(select(Invitation.organisation_id)).all()
    assert len(members) > 20
    assert sorted(invited) == sorted(m.id for m in members)
    assert html.count("http://localhost/r/") == len(members)
    received = {m["To"]: m for m in smtp_server.messages}
    assert set(received) == {"focal@egypt.example", "focal@france.example"}
    assert "questionnaire pour" in received["focal@france.example"]["Subject"]
    assert "استبيان" in received["focal@egypt.example"]["Subject"]
    assert "France" in received["focal@france.example"].get_content()
    assert received["focal@france.example"]["From"] == "assessment@iom.example"


def test_the_emailed_link_opens_the_questionnaire_in_the_contacts_language(
    app, analyst_client, smtp_server
):
    set_contact(app, "FRA", "focal@france.example", "fr")
    post(analyst_client, "/analyst/invitations", {"target": "org:FRA"})
    url = link_of(smtp_server.messages[0])
    respondent = app.test_client()
    page = respondent.get(url.replace("http://localhost", ""), follow_redirects=True)
    assert page.status_code == 200
    assert 'lang="fr"' in page.get_data(as_text=True)


def test_organisations_already_invited_are_left_out(app, analyst_client, smtp_server):
    post(analyst_client, "/analyst/invitations", {"target": "org:EGY"})
    html = post(analyst_client, "/analyst/invitations", {"target": "all:state"}).get_data(
        as_text=True
    )
    assert "already holds a working link" in html
    with app.app_context():
        assert db.session.scalar(select(db.func.count(Invitation.id))) == db.session.scalar(
            select(db.func.count(Organisation.id)).filter_by(kind="state")
        )


def test_all_igos_are_invited_in_one_action(app, analyst_client):
    post(analyst_client, "/analyst/invitations", {"target": "all:igo"})
    with app.app_context():
        kinds = db.session.scalars(
            select(Organisation.kind).join(
                Invitation, Invitation.organisation_id == Organisation.id
            )
        ).all()
        igos = db.session.scalar(select(db.func.count(Organisation.id)).filter_by(kind="igo"))
    assert kinds == ["igo"] * igos


def test_without_mail_settings_links_are_shown_and_nothing_is_queued(app, analyst_client):
    html = post(
        analyst_client, "/analyst/invitations", {"target": "org:EGY", "email": "a@b.example"}
    ).get_data(as_text=True)
    assert "http://localhost/r/" in html
    with app.app_context():
        assert db.session.scalar(select(db.func.count(OutboxMessage.id))) == 0


def test_a_mail_server_that_is_down_is_reported_and_the_message_kept(
    app, analyst_client, smtp_port
):
    set_contact(app, "EGY", "focal@egypt.example")
    html = post(analyst_client, "/analyst/invitations", {"target": "org:EGY"}).get_data(
        as_text=True
    )
    assert "could not be reached" in html
    assert "http://localhost/r/" in html
    with app.app_context():
        message = db.session.scalar(select(OutboxMessage))
        assert message.status == "pending"
        assert message.attempts == 1
        assert "Connection" in message.last_error or "refused" in message.last_error.lower()
    log = analyst_client.get("/analyst/mail").get_data(as_text=True)
    assert "focal@egypt.example" in log and "pending" in log


def test_a_kept_message_is_sent_when_the_server_is_back(app, analyst_client, smtp_port):
    set_contact(app, "EGY", "focal@egypt.example")
    post(analyst_client, "/analyst/invitations", {"target": "org:EGY"})
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        reply = post(analyst_client, "/analyst/mail/retry", {})
    finally:
        controller.stop()
    assert reply.status_code == 302
    assert [m["To"] for m in inbox.messages] == ["focal@egypt.example"]
    with app.app_context():
        message = db.session.scalar(select(OutboxMessage))
        assert message.status == "sent" and message.sent_at is not None


def test_the_mail_command_retries_what_is_due(app, runner, smtp_port, smtp_server):
    set_contact(app, "EGY", "focal@egypt.example")
    with app.app_context():
        egypt = db.session.scalar(select(Organisation).filter_by(code="EGY"))
        from surveyapp import operations

        mail.invite_organisations(operations.current_round(), [egypt], actor="test")
        db.session.commit()
    result = runner.invoke(args=["mail", "send"])
    assert result.exit_code == 0, result.output
    assert "Sent 1" in result.output
    assert len(smtp_server.messages) == 1


def test_reminders_go_to_everyone_not_yet_submitted_and_are_logged(
    app, analyst_client, smtp_server
):
    for code in ("EGY", "ETH", "NLD"):
        set_contact(app, code, f"focal@{code.lower()}.example")
        post(analyst_client, "/analyst/invitations", {"target": f"org:{code}"})
    with app.app_context():
        netherlands = db.session.scalar(
            select(Response).join(Response.organisation).filter(Organisation.code == "NLD")
        )
        netherlands.status = "submitted"
        db.session.commit()
    smtp_server.messages.clear()
    html = post(analyst_client, "/analyst/reminders", {}).get_data(as_text=True)
    assert sorted(m["To"] for m in smtp_server.messages) == [
        "focal@egy.example",
        "focal@eth.example",
    ]
    assert all(m["Subject"].startswith("Reminder") for m in smtp_server.messages)
    assert "2 e-mail(s) queued, 2 sent" in html
    log = analyst_client.get("/analyst/mail?status=sent").get_data(as_text=True)
    assert log.count("reminder") == 2


def test_a_reminders_link_opens_the_same_response(app, analyst_client, smtp_server):
    set_contact(app, "EGY", "focal@egy.example")
    post(analyst_client, "/analyst/invitations", {"target": "org:EGY"})
    first = link_of(smtp_server.messages[0])
    post(analyst_client, "/analyst/reminders", {})
    second = link_of(smtp_server.messages[1])
    assert first != second
    respondent = app.test_client()
    for url in (first, second):
        assert respondent.get(url.replace("http://localhost", "")).status_code in (200, 302)


def test_revoking_stops_the_link_and_reissuing_gives_a_new_one(
    app, analyst_client, create_invitation
):
    token, response_id = create_invitation("EGY")
    respondent = app.test_client()
    assert respondent.get(f"/r/{token}").status_code in (200, 302)
    post(analyst_client, f"/analyst/responses/{response_id}/revoke", {})
    assert app.test_client().get(f"/r/{token}").status_code in (404, 410)
    html = post(analyst_client, f"/analyst/responses/{response_id}/reissue", {}).get_data(
        as_text=True
    )
    new_url = re.search(r"http://localhost(/r/[^<\s]+)", html).group(1)
    assert app.test_client().get(new_url).status_code in (200, 302)
    with app.app_context():
        actions = db.session.scalars(
            select(AuditEvent.action).filter_by(response_id=response_id)
        ).all()
    assert "revoke" in actions


def test_invitations_need_an_open_round(app, analyst_client):
    with app.app_context():
        from surveyapp import operations

        operations.current_round().status = "closed"
        db.session.commit()
    reply = post(analyst_client, "/analyst/invitations", {"target": "org:EGY"})
    assert reply.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(db.func.count(Invitation.id))) == 0


def test_an_unknown_target_is_refused_with_a_message(app, analyst_client):
    reply = post(analyst_client, "/analyst/invitations", {"target": "members:nowhere"})
    assert reply.status_code == 302
    assert "Choose whom to invite" in analyst_client.get("/analyst/invitations").get_data(
        as_text=True
    )
