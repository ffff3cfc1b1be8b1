"""Contacts: the person each organisation's invitations and reminders are written to.

Every change is an audit event (``contact``, the organisation's code as its item, the old and
new address, name and language). Like every operation these flush; the caller commits once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from surveyapp.extensions import db
from surveyapp.models import Contact, Organisation
from surveyapp.models.mail import mailbox
from surveyapp.operations import audit, outbox


@dataclass
class ContactChange:
    """One contact to record: whose, the address, the person's name and the language."""

    organisation: Organisation
    address: str
    name: str
    language: str


@dataclass
class ContactsImported:
    """What an import did: organisations whose contact is new, changed or as it was."""

    created: list[Organisation] = field(default_factory=list)
    changed: list[Organisation] = field(default_factory=list)
    unchanged: list[Organisation] = field(default_factory=list)


def contact_of(organisation: Organisation) -> Contact | None:
    """The contact of ``organisation``, if it has one."""
    return db.session.scalar(select(Contact).filter_by(organisation_id=organisation.id))


def _values(contact: Contact | None) -> dict[str, str] | None:
    if contact is None:
        return None
    return {"email": contact.address, "name": contact.name, "language": contact.language}


def save_contact(change: ContactChange, *, actor: str, channel: str = "web") -> str:
    """Record the contact ``change`` describes; returns ``created``, ``changed`` or
    ``unchanged`` (only a change is audited)."""
    old = _values(contact_of(change.organisation))
    contact = outbox.set_contact(
        change.organisation, mailbox(change.address, change.name), change.language
    )
    new = _values(contact)
    if old == new:
        return "unchanged"
    audit.record(actor, "contact", channel, None, "contact", change.organisation.code, old, new)
    return "created" if old is None else "changed"


def remove_contact(organisation: Organisation, *, actor: str) -> bool:
    """Forget the contact of ``organisation``; False when it had none."""
    contact = contact_of(organisation)
    if contact is None:
        return False
    audit.record(
        actor, "contact", "web", None, "contact", organisation.code, _values(contact), None
    )
    db.session.delete(contact)
    db.session.flush()
    return True


def import_contacts(changes: list[ContactChange], *, actor: str) -> ContactsImported:
    """Record every contact of an import, checked beforehand as a whole."""
    imported = ContactsImported()
    for change in changes:
        outcome = save_contact(change, actor=actor, channel="import")
        getattr(imported, outcome).append(change.organisation)
    return imported
