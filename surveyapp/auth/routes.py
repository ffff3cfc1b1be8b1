"""Login and logout for analysts, organisers and administrators."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from flask import Blueprint, redirect, render_template, request, session, url_for
from flask_babel import _
from flask_login import login_user, logout_user
from sqlalchemy import select

from surveyapp.auth.forms import LoginForm
from surveyapp.extensions import db, login_manager
from surveyapp.models import User
from surveyapp.security import login_limits

blueprint = Blueprint("auth", __name__)


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The logged-in user, from the session."""
    if not user_id.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    # A deactivated account's open sessions end with its next request.
    return user if user is not None and user.active else None


@blueprint.route("/login", methods=["GET", "POST"])
@login_limits
def login():
    """Show the login form; log in on valid credentials."""
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        user = db.session.scalar(select(User).filter_by(email=form.email.data.strip().lower()))
        if user is not None and user.active and user.check_password(form.password.data):
            # A new session at login: nothing set before it (by anyone) survives.
            language = session.get("lang")
            session.clear()
            if language:
                session["lang"] = language
            login_user(user)
            session["last_seen"] = time.time()
            return redirect(_safe_next(request.args.get("next")) or landing_page(user))
        error = _("The e-mail address or the password is not right.")
    elif request.method == "POST":
        error = _("Enter your e-mail address and your password.")
    status = 401 if error else 200
    return render_template("auth/login.html", form=form, error=error), status


@blueprint.post("/logout")
def logout():
    """End the session."""
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"))


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
