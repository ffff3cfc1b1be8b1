"""Contacts, the links an outreach issues, and the e-mail outbox (``surveyapp.mail`` sends it).

Like every operation these flush and leave the commit to the caller; the outbox's delivery
commits each message as soon as the server accepted it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from surveyapp.extensions import db
from surveyapp.i18n import LANGUAGES
from surveyapp.models import Contact, Invitation, Organisation, OutboxMessage, SurveyRound
from surveyapp.models.types import utcnow
from surveyapp.operations.responses import invite

#: after this many failed attempts a message is marked ``failed`` (a person can retry it)
MAX_ATTEMPTS = 8
#: minutes to wait before the next attempt, by number of attempts made
BACKOFF_MINUTES = (1, 5, 15, 30, 60, 120, 240, 480)


def set_contact(organisation: Organisation, email: str, language: str) -> Contact:
    """Record (or replace) the contact of ``organisation``."""
    contact = db.session.scalar(select(Contact).filter_by(organisation_id=organisation.id))
    if contact is None:
        contact = Contact(organisation=organisation)
        db.session.add(contact)
    contact.email = email.strip()
    contact.language = language if language in LANGUAGES else "en"
    contact.updated_at = utcnow()
    db.session.flush()
    return contact


def issue_link(
    survey_round: SurveyRound,
    organisation: Organisation,
    email: str | None,
    *,
    language: str | None,
    actor: str,
) -> tuple[Invitation, str]:
    """Invite ``organisation`` with a new link; returns the invitation and its plain token.

    :param language: the language its response opens in, or None to leave it as it is.
    """
    invitation, token = invite(survey_round, organisation, email, actor=actor)
    if language is not None:
        invitation.response.language = language
    db.session.flush()
    return invitation, token


def queue_message(
    kind: str,
    recipient: str,
    language: str,
    subject: str,
    body: str,
    *,
    response_id: int | None,
    actor: str,
) -> OutboxMessage:
    """Put an e-mail in the outbox; it is sent after the caller commits."""
    message = OutboxMessage(
        kind=kind,
        recipient=recipient,
        language=language,
        subject=subject,
        body=body,
        response_id=response_id,
        actor=actor,
    )
    db.session.add(message)
    db.session.flush()
    return message


def mark_sent(message: OutboxMessage) -> OutboxMessage:
    """Record that the mail server accepted ``message``."""
    message.status = "sent"
    message.sent_at = utcnow()
    message.attempts += 1
    message.last_error = None
    db.session.flush()
    return message


def mark_failed(message: OutboxMessage, error: str, now: dt.datetime) -> OutboxMessage:
    """Record a failed attempt: try again later, or give up after ``MAX_ATTEMPTS``."""
    message.attempts += 1
    message.last_error = error
    wait = BACKOFF_MINUTES[min(message.attempts, len(BACKOFF_MINUTES)) - 1]
    message.next_attempt_at = now + dt.timedelta(minutes=wait)
    message.status = "failed" if message.attempts >= MAX_ATTEMPTS else "pending"
    db.session.flush()
    return message


def give_up(message: OutboxMessage, reason: str) -> OutboxMessage:
    """Mark ``message`` failed at once, with ``reason``: sending it later would be wrong (a
    confirmation whose response was reopened before it went out)."""
    message.status = "failed"
    message.attempts += 1
    message.last_error = reason
    db.session.flush()
    return message
