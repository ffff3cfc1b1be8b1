"""The API's blueprint and its one access check, which denies by default.

Every view under ``/api/v1`` says who may call it with one of the decorators below; the check
at the blueprint boundary admits a request only as its view allows, and refuses every view that
says nothing (401), so a new route cannot be public by forgetting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import Blueprint, current_app, g, jsonify, request

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models.types import utcnow
from surveyapp.security import count_failed_token_lookup

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")

View = TypeVar("View", bound=Callable)

#: the attribute a view's access kind is kept in
ACCESS_ATTRIBUTE = "api_access"
#: who may call a view: anyone, a respondent's invitation token, an analyst's personal token
ACCESS_KINDS = ("public", "respondent", "analyst")


def _access(kind: str) -> Callable[[View], View]:
    def mark(view: View) -> View:
        setattr(view, ACCESS_ATTRIBUTE, kind)
        return view

    return mark


#: the view answers anyone (the questionnaires, the API's description)
public = _access("public")
#: the view needs ``Authorization: Bearer <invitation token>``; ``g.response`` is its response
for_respondent = _access("respondent")
#: the view needs ``Authorization: Bearer <personal API token>`` of an active analyst or admin
for_analyst = _access("analyst")


def bearer_token() -> str | None:
    """The token of ``Authorization: Bearer <token>``, or None when the request carries none.

    A request without a token guesses nothing, so it is refused before the guessing limit is
    consulted and never counts against it.
    """
    scheme, _sep, token = request.headers.get("Authorization", "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def unauthorized(message: str):
    """A 401 answer with the challenge HTTP requires (RFC 9110, section 11.6.1)."""
    response = jsonify(error="unauthorized", message=message)
    response.headers["WWW-Authenticate"] = 'Bearer realm="api"'
    return response, 401


@blueprint.before_request
def check_access():
    """Admit the request as its view allows; a view that says nothing is refused."""
    view = current_app.view_functions.get(request.endpoint or "")
    kind = getattr(view, ACCESS_ATTRIBUTE, None)
    if kind == "public":
        return None
    if kind == "respondent":
        return _authenticate_respondent()
    if kind == "analyst":
        return _authenticate_analyst()
    return unauthorized("This address needs a token.")


def _authenticate_respondent():
    token = bearer_token()
    if token is None:
        return unauthorized("A valid invitation token is required.")
    invitation = operations.find_invitation(token)
    if invitation is None:
        count_failed_token_lookup(token)
        current_app.logger.warning(
            "Respondent API refused (401) on %s from %s", request.path, request.remote_addr
        )
        return unauthorized("A valid invitation token is required.")
    g.invitation = invitation
    g.response = invitation.response
    return None


def _authenticate_analyst():
    plain = bearer_token()
    if plain is None:
        return unauthorized("A valid personal API token is required.")
    token = operations.find_api_token(plain)
    if token is None:
        count_failed_token_lookup(plain)
        current_app.logger.warning(
            "Analyst API refused (401) on %s from %s", request.path, request.remote_addr
        )
        return unauthorized("A valid personal API token is required.")
    now = utcnow()
    # Written at most once a minute, so reading the API does not turn every call into a write.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        token.last_used_at = now
        db.session.commit()
    g.api_user = token.user
    return None
