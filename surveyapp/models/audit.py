"""The audit trail: every change to a response, who made it and when."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from surveyapp.extensions import db
from surveyapp.models.types import JSONType, UTCDateTime, utcnow


class AuditEvent(db.Model):
    """One change: an answer saved, a response submitted or reopened, a user created."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    #: who: ``respondent:<organisation code>``, ``user:<email>`` or ``system``
    actor: Mapped[str] = mapped_column(String(320))
    #: ``answer``, ``submit``, ``reopen``, ``invite``, ``user_create``...
    action: Mapped[str] = mapped_column(String(32))
    #: how: ``web``, ``api``, ``cli``, ``demo``
    channel: Mapped[str] = mapped_column(String(16), default="web")
    response_id: Mapped[int | None] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), index=True
    )
    question_key: Mapped[str | None] = mapped_column(String(64))
    item_code: Mapped[str | None] = mapped_column(String(64))
    old_value: Mapped[Any] = mapped_column(JSONType, nullable=True)
    new_value: Mapped[Any] = mapped_column(JSONType, nullable=True)
