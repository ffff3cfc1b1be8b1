"""After submission the respondent receives a confirmation e-mail with the receipt PDF, through
the outbox, against a real SMTP server on loopback (aiosmtpd); with no address, nothing is
queued and the submitted page claims no e-mail."""

# The SMTP fixtures are imported from the invitations' tests; the tests name them as parameters.
# ruff: noqa: F811

from __future__ import annotations

from sqlalchemy import select

from surveyapp import mail
from surveyapp.extensions import db
from surveyapp.models import OutboxMessage, Response
from tests.analyst.test_invitations import (  # noqa: F401 - the SMTP server fixtures
    Inbox,
    set_contact,
    smtp_port,
    smtp_server,
)
from tests.pages import page_csrf
from tests.respond.conftest import STATE_ANSWERS


def answered(client, create_invitation, email=None) -> str:
    token, _ = create_invitation("NLD", email)
    reply = client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": STATE_ANSWERS},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert reply.status_code == 200, reply.json
    return token


def submit(client, token: str):
    check = client.get(f"/r/{token}/check").text
    return client.post(f"/r/{token}/submit", data={"csrf_token": page_csrf(check)})


def choose_language(client, token: str, language: str) -> None:
    page = client.get(f"/r/{token}/").text
    client.post(f"/r/{token}/language", data={"csrf_token": page_csrf(page), "language": language})


def test_submitting_sends_a_confirmation_with_the_receipt_pdf(
    app, client, create_invitation, smtp_server
):
    token = answered(client, create_invitation, email="focal@nl.example")
    reply = submit(client, token)
    assert reply.status_code == 302
    [message] = smtp_server.messages
    assert message["To"] == "focal@nl.example"
    assert "received" in message["Subject"]
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Netherlands" in body
    with app.app_context():
        response = db.session.scalar(select(Response))
        reference = f"{response.round.year}-{response.id:05d}"
    assert reference in body
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename().startswith("receipt-") and attachment.get_filename().endswith(
        "-NLD.pdf"
    )
    assert attachment.get_content().startswith(b"%PDF")
    page = client.get(reply.location).text
    assert "has been sent by e-mail to focal@nl.example" in page


def test_the_confirmation_is_in_the_responses_language_to_the_contact(
    app, client, create_invitation, smtp_server
):
    set_contact(app, "NLD", "contact@nl.example", "en")
    token = answered(client, create_invitation)
    choose_language(client, token, "fr")
    submit(client, token)
    [message] = smtp_server.messages
    assert message["To"] == "contact@nl.example"
    assert message["Content-Language"] == "fr"
    assert "Pays-Bas" in message.get_body(preferencelist=("plain",)).get_content()


def test_without_an_address_nothing_is_queued_and_no_email_is_claimed(
    app, client, create_invitation, smtp_server
):
    token = answered(client, create_invitation)
    reply = submit(client, token)
    page = client.get(reply.location).text
    assert "Answers submitted" in page
    assert "e-mail" not in page.lower()
    assert smtp_server.messages == []
    with app.app_context():
        assert db.session.scalar(select(db.func.count(OutboxMessage.id))) == 0


def test_an_unreachable_mail_server_leaves_it_queued_and_the_page_says_so(
    app, client, create_invitation, smtp_port
):
    token = answered(client, create_invitation, email="focal@nl.example")
    reply = submit(client, token)
    page = client.get(reply.location).text
    assert "will be sent by e-mail to focal@nl.example" in page
    assert "has been sent" not in page
    with app.app_context():
        message = db.session.scalar(select(OutboxMessage))
        assert (message.kind, message.status, message.attempts) == ("confirmation", "pending", 1)


def test_a_confirmation_queued_before_a_reopening_is_not_sent(
    app, client, create_invitation, smtp_port
):
    token = answered(client, create_invitation, email="focal@nl.example")
    submit(client, token)
    with app.app_context():
        from surveyapp import operations

        operations.reopen_response(db.session.scalar(select(Response)), actor="user:a@b.example")
        db.session.commit()
    inbox = Inbox()
    from aiosmtpd.controller import Controller

    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        with app.app_context():
            delivery = mail.deliver_pending(retry_failed=True)
            message = db.session.scalar(select(OutboxMessage))
            assert (delivery.sent, delivery.failed) == (0, 1)
            assert message.status == "failed" and "reopened" in message.last_error
    finally:
        controller.stop()
    assert inbox.messages == []


def test_a_submission_through_the_api_is_confirmed_too(app, client, create_invitation, smtp_server):
    token = answered(client, create_invitation, email="api@nl.example")
    reply = client.post("/api/v1/response/submit", headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 200
    [message] = smtp_server.messages
    assert message["To"] == "api@nl.example"
    assert len(list(message.iter_attachments())) == 1
