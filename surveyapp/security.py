"""Account security: the password policy, the login rate limits and the inactivity timeout."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import os
import string
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from flask import (
    Flask,
    current_app,
    flash,
    g,
    has_app_context,
    redirect,
    request,
    session,
    url_for,
)
from flask_babel import _
from flask_login import current_user, logout_user
from werkzeug.exceptions import TooManyRequests

if TYPE_CHECKING:
    from flask_limiter import Limiter

#: the shortest password accepted
MIN_PASSWORD_LENGTH = 12


class DeferredLimiter:
    """Flask-Limiter, imported when an application is about to serve its first request.

    Importing Flask-Limiter and ``limits`` cost every command about a twentieth of its
    start-up, and only requests use them. :meth:`init_app` binds an application at once when
    Flask-Limiter is imported already (its own ``limiter`` command, the tests: nothing to
    save), otherwise just before the application's first request. Views decorated through
    :meth:`limit_view` get their limits when Flask-Limiter is loaded, before any of them can run.
    Any other attribute is Flask-Limiter's own (``storage``, ``enabled``, ``limiter``, ...),
    asked in the current application, which is bound first if it was not yet.
    """

    def __init__(self) -> None:
        self._extension: Limiter | None = None
        #: views whose limits wait for Flask-Limiter: (stand-in, view, how to limit it)
        self._waiting: list[tuple[Any, Callable, Callable]] = []
        self._loading = threading.Lock()
        self._binding = threading.Lock()

    def load(self) -> Limiter:
        """Flask-Limiter's extension, created (and every waiting view limited) on first use."""
        if self._extension is None:
            with self._loading:
                if self._extension is None:
                    from flask_limiter import Limiter
                    from flask_limiter.util import get_remote_address

                    extension = Limiter(key_func=get_remote_address, default_limits=[])
                    for stand_in, view, limit in self._waiting:
                        stand_in.limited = limit(extension, view)
                    self._waiting.clear()
                    # published once every waiting view has its limits
                    self._extension = extension
        return self._extension

    def limit_view(self, limit: Callable[[Limiter, Callable], Callable]) -> Callable:
        """Decorator: the view as ``limit(extension, view)`` makes it once Flask-Limiter is
        loaded (decorating imports nothing)."""

        def decorator(view: Callable) -> Callable:
            @functools.wraps(view)
            def stand_in(*args, **kwargs):
                if stand_in.limited is None:
                    self.load()
                return stand_in.limited(*args, **kwargs)

            if self._extension is not None:
                stand_in.limited = limit(self._extension, view)
                return stand_in
            stand_in.limited = None
            self._waiting.append((stand_in, view, limit))
            if "flask_limiter" in sys.modules:
                self.load()
            return stand_in

        return decorator

    def init_app(self, app: Flask) -> None:
        """Bind ``app`` now if Flask-Limiter is loaded, else before its first request."""
        if "flask_limiter" in sys.modules:
            self.bind(app)
            return
        serve = app.wsgi_app

        def bind_then_serve(environ, start_response):
            self.bind(app)
            return serve(environ, start_response)

        app.wsgi_app = bind_then_serve

    def bind(self, app: Flask) -> None:
        """Flask-Limiter's ``init_app(app)``, once per application."""
        extension = self.load()
        if extension in app.extensions.get("limiter", ()):
            return
        with self._binding:  # two first requests at once on a threaded server
            if extension not in app.extensions.get("limiter", ()):
                # Flask-Limiter keeps ``enabled`` on the extension and takes it as the default
                # of the next application's RATELIMIT_ENABLED: without this, one application
                # created with limits off (the bench's) turned them off for every later one
                extension.enabled = True
                extension.init_app(app)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        extension = self.load()
        if has_app_context():
            self.bind(current_app._get_current_object())
        return getattr(extension, name)


limiter = DeferredLimiter()


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
    from flask_limiter.util import get_remote_address

    email = (request.form.get("email") or "").strip().lower()[:320]
    return f"login-account:{email}|{get_remote_address()}"


def _address_key() -> str:
    from flask_limiter.util import get_remote_address

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

    def limit(extension: Limiter, view: Callable) -> Callable:
        view = extension.limit(
            _account_limit,
            key_func=_account_key,
            methods=["POST"],
            deduct_when=_failed,
            scope="login-account",
        )(view)
        return extension.limit(
            _address_limit,
            key_func=_address_key,
            methods=["POST"],
            deduct_when=_failed,
            scope="login-address",
        )(view)

    return limiter.limit_view(limit)(view)


def _user_key() -> str:
    return f"password-change:{current_user.get_id()}"


def _current_password_refused(_response) -> bool:
    """Only a wrong current password counts (not a new password the policy refused)."""
    return bool(g.get("password_refused"))


def password_change_limits(view):
    """Limit wrong current passwords on the password change form, per account (POST only).

    Someone who took over an open session cannot try passwords there faster than at login.
    """

    def limit(extension: Limiter, view: Callable) -> Callable:
        return extension.limit(
            _account_limit,
            key_func=_user_key,
            methods=["POST"],
            deduct_when=_current_password_refused,
            scope="password-change",
        )(view)

    return limiter.limit_view(limit)(view)


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
    from flask_limiter.util import get_remote_address

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
