"""Login, logout and password change for analysts, organisers and administrators."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from flask import Blueprint, flash, g, redirect, render_template, request, session, url_for
from flask_babel import _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select

from surveyapp.auth.forms import LoginForm, PasswordForm
from surveyapp.extensions import db, login_manager
from surveyapp.i18n import STAFF_BLUEPRINTS, asked_language
from surveyapp.models import User
from surveyapp.models.user import verify_login
from surveyapp.operations.users import set_user_language
from surveyapp.security import (
    PasswordRejected,
    check_password_policy,
    login_limits,
    password_change_limits,
)

blueprint = Blueprint("auth", __name__)

# The notice a logged-out person gets on a staff page, in the language of the request: Flask-Login
# flashes ``localize_callback(login_message)``, and str() says the lazy text in that language.
login_manager.login_message = _l("Please log in to access this page.")
login_manager.localize_callback = str


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The logged-in user, from the id the session keeps (``<id>.<session version>``).

    A session whose version is not the account's current one has ended: its user logged out,
    changed the password or was deactivated since, so a copy of its cookie opens nothing.
    """
    user_id, _dot, version = session_id.partition(".")
    if not user_id.isdigit() or not version.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_version != int(version):
        return None
    return user


@blueprint.before_app_request
def keep_language_choice() -> None:
    """A language chosen on a staff page (``?lang=``) is kept in the account of whoever is
    logged in, so that their next session opens in it too (the session keeps it meanwhile)."""
    language = asked_language()
    if language is None or request.blueprint not in STAFF_BLUEPRINTS:
        return
    # kept even when the page sends a logged-out person to the login page
    session["lang"] = language
    if current_user.is_authenticated and current_user.language != language:
        set_user_language(current_user._get_current_object(), language)
        db.session.commit()


@blueprint.route("/login", methods=["GET", "POST"])
@login_limits
def login():
    """Show the login form; log in on valid credentials."""
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        user = db.session.scalar(select(User).filter_by(email=form.email.data.strip().lower()))
        if verify_login(user, form.password.data):
            _start_session(user)
            return redirect(_safe_next(request.args.get("next")) or landing_page(user))
        error = _("The e-mail address or the password is not right.")
    elif request.method == "POST":
        error = _("Enter your e-mail address and your password.")
    status = 401 if error else 200
    return render_template("auth/login.html", form=form, error=error), status


@blueprint.post("/logout")
def logout():
    """End the session, on the server too: a copy of its cookie no longer opens anything.

    Every other session of the account ends with it (the account has one session version).
    """
    language = session.get("lang")
    if current_user.is_authenticated:
        language = current_user.language or language
        current_user.end_sessions()
        db.session.commit()
    logout_user()
    session.clear()
    if language:
        # the login page that follows stays in the language the person was working in
        session["lang"] = language
    return redirect(url_for("auth.login"))


@blueprint.route("/account/password", methods=["GET", "POST"])
@login_required
@password_change_limits
def change_password():
    """Change one's own password; every other session of the account ends."""
    form = PasswordForm()
    status = 200
    if form.validate_on_submit():
        user: User = current_user._get_current_object()
        if not user.check_password(form.current.data):
            g.password_refused = True
            form.current.errors = [_("The current password is not right.")]
            status = 422
        else:
            try:
                check_password_policy(form.new.data, user.email)
            except PasswordRejected as rejected:
                form.new.errors = [str(rejected)]
                status = 422
            else:
                user.set_password(form.new.data)
                db.session.commit()
                _start_session(user)
                flash(_("Your password is changed. Your other sessions have ended."))
                return redirect(landing_page(user))
    elif request.method == "POST":
        status = 422
    return render_template("auth/password.html", form=form), status


def _start_session(user: User) -> None:
    """Log ``user`` in on a new session: nothing set before it (by anyone) survives but the
    language, which is the account's own when it has one."""
    language = user.language or session.get("lang")
    session.clear()
    if language:
        session["lang"] = language
    login_user(user)
    session["last_seen"] = time.time()


def landing_page(user: User) -> str:
    """Where a user goes after logging in: organisers to the coverage dashboard."""
    if user.role == "organiser":
        return url_for("analyst.coverage")
    return url_for("analyst.index")


def _safe_next(target: str | None) -> str | None:
    """Only same-site paths are followed after login."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target
