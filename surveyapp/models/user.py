"""Accounts of analysts, organisers and administrators."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_login import UserMixin
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column, validates

from surveyapp.extensions import db
from surveyapp.models.types import UTCDateTime, utcnow

ROLES = ("admin", "analyst", "organiser")

_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """A hash of a random password, made with the same parameters as every account's."""
    return _hasher.hash(secrets.token_urlsafe(32))


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
    #: part of the id every session of the account carries; raised at logout, password change
    #: and deactivation, so that every session signed before (a copied cookie too) ends
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")
    #: the language the staff pages open in for this account (None: the browser's)
    language: Mapped[str | None] = mapped_column(String(2))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    def set_password(self, password: str) -> None:
        """Hash and keep ``password``; the account's open sessions end."""
        self.password_hash = _hasher.hash(password)
        self.end_sessions()

    def check_password(self, password: str) -> bool:
        """Whether ``password`` is this user's password."""
        try:
            return _hasher.verify(self.password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def end_sessions(self) -> None:
        """End every session of this account, wherever its cookie is kept."""
        self.session_version = (self.session_version or 0) + 1

    def get_id(self) -> str:
        """Flask-Login: the id a session keeps, ``<id>.<session version>``."""
        return f"{self.id}.{self.session_version}"

    @validates("active")
    def _end_sessions_when_deactivated(self, _key: str, active: bool) -> bool:
        if self.active and not active:
            self.end_sessions()
        return active

    @property
    def is_active(self) -> bool:
        """Flask-Login: deactivated accounts cannot log in."""
        return self.active


def verify_login(user: User | None, password: str) -> bool:
    """Whether ``password`` logs ``user`` in; an unknown or deactivated account never does.

    Exactly one Argon2 verification runs whatever the account, so an unknown address takes as
    long to refuse as a wrong password (the time does not tell which addresses have accounts).
    """
    if user is None:
        with contextlib.suppress(VerificationError, InvalidHashError):
            _hasher.verify(_dummy_hash(), password)
        return False
    return user.check_password(password) and user.active
