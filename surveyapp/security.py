"""Account security: the password policy, the login rate limits and the inactivity timeout."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import os
import string
import time

from flask import Flask, current_app, flash, g, redirect, request, session, url_for
from flask_babel import _
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import current_user, logout_user
from werkzeug.exceptions import TooManyRequests

#: the shortest password accepted
MIN_PASSWORD_LENGTH = 12

limiter = Limiter(key_func=get_remote_address, default_limits=[])


class PasswordRejected(ValueError):
    """A password that does not meet the policy; the message says why."""


@functools.cache
def _common_passwords() -> frozenset[str]:
    """The 30,000 most common passwords of zxcvbn's list (from leaked password sets)."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def is_common_password(password: str) -> bool:
    """Whether ``password`` is a common password, or one with digits or symbols tacked on.

    Also catches a common word repeated ("passwordpassword") and case changes.
    """
    common = _common_passwords()
    lowered = password.lower()
    trim = string.digits + string.punctuation + " "
    candidates = {lowered, lowered.strip(trim), lowered.rstrip(trim), lowered.lstrip(trim)}
    for size in range(1, len(lowered) // 2 + 1):
        if len(lowered) % size == 0 and lowered[:size] * (len(lowered) // size) == lowered:
            candidates.add(lowered[:size])
            break
    return any(candidate in common for candidate in candidates if candidate)


def check_password_policy(password: str, email: str | None = None) -> None:
    """Refuse a password that is too short, common or easy to guess.

    :raises PasswordRejected: with a message a person can act on.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordRejected(
            _("The password must have at least %(count)d characters.", count=MIN_PASSWORD_LENGTH)
        )
    if is_common_password(password):
        raise PasswordRejected(
            _("This password is on a list of common passwords. Choose another one.")
        )
    if email and email.strip().lower() in password.lower():
        raise PasswordRejected(_("The password must not contain your e-mail address."))
    if len(set(password)) < 5:
        raise PasswordRejected(_("The password repeats too few different characters."))


def _account_key() -> str:
    """The rate-limit key of the account a login form names, from this address.

    Counting per account *and* address means someone guessing an account's password from one
    address cannot lock its owner out: the owner logs in from another address as usual.
    """
    email = (request.form.get("email") or "").strip().lower()[:320]
    return f"login-account:{email}|{get_remote_address()}"


def _address_key() -> str:
    return "login-address:" + get_remote_address()


def _account_limit() -> str:
    return current_app.config["SURVEYAPP_LOGIN_LIMIT_ACCOUNT"]


def _address_limit() -> str:
    return current_app.config["SURVEYAPP_LOGIN_LIMIT_ADDRESS"]


def _failed(response) -> bool:
    """Only refused logins count against the limits."""
    return response.status_code == 401


def login_limits(view):
    """Limit failed logins per (account, address) pair and per address (POST only)."""
    view = limiter.limit(
        _account_limit,
        key_func=_account_key,
        methods=["POST"],
        deduct_when=_failed,
        scope="login-account",
    )(view)
    return limiter.limit(
        _address_limit,
        key_func=_address_key,
        methods=["POST"],
        deduct_when=_failed,
        scope="login-address",
    )(view)


def _user_key() -> str:
    return f"password-change:{current_user.get_id()}"


def _current_password_refused(_response) -> bool:
    """Only a wrong current password counts (not a new password the policy refused)."""
    return bool(g.get("password_refused"))


def password_change_limits(view):
    """Limit wrong current passwords on the password change form, per account (POST only).

    Someone who took over an open session cannot try passwords there faster than at login.
    """
    return limiter.limit(
        _account_limit,
        key_func=_user_key,
        methods=["POST"],
        deduct_when=_current_password_refused,
        scope="password-change",
    )(view)


def init_security(app: Flask) -> None:
    """Bind the limiter and the inactivity timeout to ``app``.

    The limiter counts in Redis when ``SURVEYAPP_REDIS_URL`` is set, so every worker sees the
    same counts; otherwise in process memory (one process, the embedded default).
    """
    app.config.setdefault(
        "RATELIMIT_STORAGE_URI", app.config.get("SURVEYAPP_REDIS_URL") or "memory://"
    )
    app.config.setdefault(
        "SURVEYAPP_LOGIN_LIMIT_ACCOUNT",
        os.environ.get("SURVEYAPP_LOGIN_LIMIT_ACCOUNT", "5 per 15 minutes"),
    )
    app.config.setdefault(
        "SURVEYAPP_LOGIN_LIMIT_ADDRESS",
        os.environ.get("SURVEYAPP_LOGIN_LIMIT_ADDRESS", "30 per 15 minutes"),
    )
    app.config.setdefault(
        "SURVEYAPP_IDLE_MINUTES", int(os.environ.get("SURVEYAPP_IDLE_MINUTES", "30"))
    )
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", False)
    limiter.init_app(app)
    app.before_request(_end_idle_session)


def _end_idle_session():
    """Log out a user who has not made a request for ``SURVEYAPP_IDLE_MINUTES``."""
    if request.endpoint == "static" or not current_user.is_authenticated:
        return None
    now = dt.datetime.now(dt.UTC).timestamp()
    last_seen = session.get("last_seen")
    idle = dt.timedelta(minutes=current_app.config["SURVEYAPP_IDLE_MINUTES"]).total_seconds()
    if isinstance(last_seen, int | float) and now - last_seen > idle:
        logout_user()
        session.clear()
        flash(_("You were logged out after a period of inactivity. Please log in again."))
        if request.path.startswith("/api/"):
            return None
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    session["last_seen"] = now
    return None


#: failed token lookups (unknown or revoked links, bad bearer tokens) allowed per address
TOKEN_GUESS_LIMIT = "20 per 10 minutes"  # noqa: S105 - a rate, not a secret


def _token_guess_limit():
    from limits import parse

    return parse(current_app.config.get("SURVEYAPP_TOKEN_GUESS_LIMIT", TOKEN_GUESS_LIMIT))


def count_failed_token_lookup(token: str | None) -> None:
    """Count an unknown or revoked ``token`` against the caller's address; 429 beyond the limit.

    Only unknown tokens count and only they are refused: whatever an address tried before, a
    valid link from it opens (colleagues of a ministry behind one address, a fuzzer's bad
    tokens next to a good one). Each distinct token counts once per window: a browser or a
    script retrying one stale link is not guessing, and a guesser gains nothing by repeating a
    token. Someone guessing gets 429 for every further unknown token until the window passes,
    and each refusal is logged; with tokens of 128 random bits, a guess that hits is out of
    reach anyway.
    """
    if not limiter.enabled:
        return
    limit, address = _token_guess_limit(), get_remote_address()
    digest = hashlib.sha256((token or "").encode()).hexdigest()
    once = type(limit)(1, limit.multiples)
    if limiter.limiter.hit(once, "token-guess-seen", address, digest):
        allowed = limiter.limiter.hit(limit, "token-guess", address)
    else:
        allowed = limiter.limiter.test(limit, "token-guess", address)
    if not allowed:
        current_app.logger.warning("Token guessing refused for %s", address)
        reset_at = limiter.limiter.get_window_stats(limit, "token-guess", address).reset_time
        raise TooManyRequests(
            _("Too many unknown links from your address. Please wait a few minutes."),
            retry_after=max(1, math.ceil(reset_at - time.time())),
        )
