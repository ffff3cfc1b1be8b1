"""Accounts of analysts, organisers and administrators."""

from __future__ import annotations

import datetime as dt

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_login import UserMixin
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from surveyapp.extensions import db
from surveyapp.models.types import UTCDateTime, utcnow

ROLES = ("admin", "analyst", "organiser")

_hasher = PasswordHasher()


class User(UserMixin, db.Model):
    """A person who logs in; respondents never have accounts (they use their link)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    #: Argon2id hash
    password_hash: Mapped[str] = mapped_column(String(255))
    #: ``admin``, ``analyst`` or ``organiser``
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    def set_password(self, password: str) -> None:
        """Hash and keep ``password``."""
        self.password_hash = _hasher.hash(password)

    def check_password(self, password: str) -> bool:
        """Whether ``password`` is this user's password."""
        try:
            return _hasher.verify(self.password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    @property
    def is_active(self) -> bool:
        """Flask-Login: deactivated accounts cannot log in."""
        return self.active
