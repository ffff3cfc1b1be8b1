"""E-mail: whom to write to for each organisation, and every message queued or sent."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from surveyapp.extensions import db
from surveyapp.models.organisation import Organisation
from surveyapp.models.types import UTCDateTime, utcnow

MESSAGE_KINDS = ("invitation", "reminder")
MESSAGE_STATUSES = ("pending", "sent", "failed")


class Contact(db.Model):
    """The person an organisation's invitations and reminders are sent to."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), unique=True
    )
    email: Mapped[str] = mapped_column(String(320))
    #: the language the contact is written to and the questionnaire opens in
    language: Mapped[str] = mapped_column(String(2), default="en")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    organisation: Mapped[Organisation] = relationship()


class OutboxMessage(db.Model):
    """One e-mail: written to the outbox first, then sent; failures stay queued for retry."""

    __tablename__ = "outbox_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: ``invitation`` or ``reminder``
    kind: Mapped[str] = mapped_column(String(16))
    recipient: Mapped[str] = mapped_column(String(320))
    language: Mapped[str] = mapped_column(String(2), default="en")
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    response_id: Mapped[int | None] = mapped_column(
        ForeignKey("responses.id", ondelete="SET NULL"), index=True
    )
    #: who queued it (``user:<email>``)
    actor: Mapped[str] = mapped_column(String(320))
    #: ``pending`` (not sent yet, or to be retried), ``sent`` or ``failed`` (gave up)
    status: Mapped[str] = mapped_column(String(8), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: when the next attempt is due (after a failure, later each time)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
