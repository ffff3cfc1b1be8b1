"""E-mail: whom to write to for each organisation, and every message queued or sent."""

from __future__ import annotations

import datetime as dt
from email.headerregistry import Address
from email.utils import parseaddr

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from surveyapp.extensions import db
from surveyapp.models.organisation import Organisation
from surveyapp.models.types import UTCDateTime, utcnow

MESSAGE_KINDS = ("invitation", "reminder")
MESSAGE_STATUSES = ("pending", "sent", "failed")


def mailbox(address: str, name: str = "") -> str:
    """``address`` with the person's ``name`` as an e-mail header writes them
    (``Amina Diallo <focal@example.org>``); the bare address when no name is given."""
    if not name:
        return address
    return str(Address(display_name=name, addr_spec=address))


def mailbox_parts(written: str) -> tuple[str, str]:
    """The person's name ("" when none) and the address of what :func:`mailbox` wrote."""
    name, address = parseaddr(written)
    return (name, address) if name else ("", written)


class Contact(db.Model):
    """The person an organisation's invitations and reminders are sent to."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), unique=True
    )
    #: where messages go, as the ``To`` header takes it: the address, with the person's name
    #: when it is known (``Amina Diallo <focal@example.org>``, see :func:`mailbox`)
    email: Mapped[str] = mapped_column(String(320))
    #: the language the contact is written to and the questionnaire opens in
    language: Mapped[str] = mapped_column(String(2), default="en")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    organisation: Mapped[Organisation] = relationship()

    @property
    def address(self) -> str:
        """The e-mail address alone."""
        return mailbox_parts(self.email)[1]

    @property
    def name(self) -> str:
        """The person's name ("" when it is not known)."""
        return mailbox_parts(self.email)[0]


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
