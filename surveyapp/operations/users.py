"""Accounts, their roles and their personal API tokens."""

from __future__ import annotations

import secrets

from sqlalchemy import select

from surveyapp.extensions import db
from surveyapp.models import User
from surveyapp.models.api_token import TOKEN_PREFIX, ApiToken
from surveyapp.models.response import hash_token
from surveyapp.models.types import utcnow
from surveyapp.operations import audit
from surveyapp.questionnaire.model import LANGUAGES
from surveyapp.security import check_password_policy


def create_user(email: str, password: str, role: str, *, actor: str = "system") -> User:
    """Create an account; the password is kept only as an Argon2id hash."""
    email = email.strip().lower()
    if db.session.scalar(select(User).filter_by(email=email)) is not None:
        raise ValueError(f"A user with the address {email} already exists.")
    check_password_policy(password, email)
    user = User(email=email, role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    audit.record(actor, "user_create", "cli", None, new_value={"email": email, "role": role})
    return user


def set_user_role(user: User, role: str, *, actor: str) -> User:
    """Give ``user`` another role; audited."""
    if role != user.role:
        audit.record(actor, "user_role", "web", None, "role", None, user.role, role)
        user.role = role
        db.session.flush()
    return user


def set_user_active(user: User, active: bool, *, actor: str) -> User:
    """Deactivate (no more logins, sessions end) or reactivate ``user``; audited."""
    if active != user.active:
        audit.record(actor, "user_active", "web", None, "active", None, user.active, active)
        user.active = active
        db.session.flush()
    return user


def set_user_language(user: User, language: str) -> User:
    """Keep ``language`` as the one the staff pages open in for ``user`` (not audited: it is a
    preference, not a right)."""
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}.")
    if language != user.language:
        user.language = language
        db.session.flush()
    return user


# -- personal API tokens --------------------------------------------------------------------


def create_api_token(user: User, name: str, *, actor: str) -> tuple[ApiToken, str]:
    """A new personal API token for ``user``; returns it with the plain token (shown once)."""
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name, token_hash=hash_token(plain), hint=plain[:8])
    db.session.add(token)
    db.session.flush()
    audit.record(
        actor, "api_token_create", "web", None, new_value={"token": token.id, "name": name}
    )
    return token, plain


def revoke_api_token(token: ApiToken, *, actor: str) -> ApiToken:
    """Revoke a personal API token: it stops working at once."""
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record(actor, "api_token_revoke", "web", None, new_value={"token": token.id})
        db.session.flush()
    return token


def find_api_token(plain: str) -> ApiToken | None:
    """The active token whose plain form is ``plain``, if its owner may still use it."""
    if not plain.startswith(TOKEN_PREFIX) or len(plain) > 200:
        return None
    token = db.session.scalar(select(ApiToken).filter_by(token_hash=hash_token(plain)))
    if token is None or not token.is_active or not token.user.active:
        return None
    if token.user.role not in ("admin", "analyst"):
        return None
    return token
