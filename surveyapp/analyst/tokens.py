"""Personal API tokens: created and revoked by their owner; only a hash is stored."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import _
from flask_login import current_user
from sqlalchemy import select

from surveyapp import operations
from surveyapp.analyst.blueprint import blueprint
from surveyapp.analyst.forms import TokenForm
from surveyapp.auth.access import actor
from surveyapp.extensions import db
from surveyapp.models import ApiToken


def _own_tokens() -> list[ApiToken]:
    return db.session.scalars(
        select(ApiToken).filter_by(user_id=current_user.id).order_by(ApiToken.id.desc())
    ).all()


@blueprint.get("/tokens")
def api_tokens():
    """The user's tokens, and a form to create one."""
    return render_template("analyst/tokens.html", tokens=_own_tokens(), new_token=None)


@blueprint.post("/tokens")
def create_api_token():
    """Create a token and show it once."""
    form = TokenForm()
    if not form.validate_on_submit():
        flash(form.name.errors[0])
        return redirect(url_for("analyst.api_tokens"))
    _token, plain = operations.create_api_token(current_user, form.name.data, actor=actor())
    db.session.commit()
    return render_template("analyst/tokens.html", tokens=_own_tokens(), new_token=plain)


@blueprint.post("/tokens/<int:token_id>/revoke")
def revoke_api_token(token_id: int):
    """Revoke one of the user's own tokens."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != current_user.id:
        abort(404)
    operations.revoke_api_token(token, actor=actor())
    db.session.commit()
    flash(_("Token “%(name)s” revoked.", name=token.name))
    return redirect(url_for("analyst.api_tokens"))
