"""The audit trail: every operation that changes something records an event here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from surveyapp.extensions import db
from surveyapp.models import AuditEvent


def record(
    actor: str,
    action: str,
    channel: str,
    response_id: int | None,
    question_key: str | None = None,
    item_code: str | None = None,
    old_value: Any = None,
    new_value: Any = None,
) -> AuditEvent:
    """Add an audit event to the session (it is flushed with the change it records).

    :param actor: who made the change (an e-mail address, ``cli``, ``system``...).
    :param action: what kind of change (``answer``, ``submit``, ``invite``...).
    :param channel: where it came from (``web``, ``api``, ``cli``, ``import``...).
    """
    event = AuditEvent(
        actor=actor,
        action=action,
        channel=channel,
        response_id=response_id,
        question_key=question_key,
        item_code=item_code,
        old_value=old_value,
        new_value=new_value,
        created_at=dt.datetime.now(dt.UTC),
    )
    db.session.add(event)
    return event
