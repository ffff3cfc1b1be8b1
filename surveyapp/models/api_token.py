"""Personal API tokens of analysts: only a hash is kept."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from surveyapp.extensions import db
from surveyapp.models.types import UTCDateTime, utcnow
from surveyapp.models.user import User

#: every personal token starts with this, so a leaked one is easy to recognise
TOKEN_PREFIX = "sat_"  # noqa: S105 (a prefix, not a secret)


class ApiToken(db.Model):
    """A personal token for the analyst API, shown once at creation."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: what the owner said it is for
    name: Mapped[str] = mapped_column(String(100))
    #: sha256 of the token
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: the first characters, to tell tokens apart in the list
    hint: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()

    @property
    def is_active(self) -> bool:
        """Whether the token still opens the API."""
        return self.revoked_at is None
