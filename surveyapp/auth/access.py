"""Access checks that blueprints run before every request (``before_request``)."""

from __future__ import annotations

from collections.abc import Callable, Collection

from flask import abort, request
from flask_login import current_user

from surveyapp.extensions import login_manager


def role_check(
    roles: Collection[str], also: dict[str, Collection[str]] | None = None
) -> Callable[[], object]:
    """A ``before_request`` function: a logged-in user with one of ``roles``.

    :param also: endpoint -> further roles allowed on that endpoint only (organisers may read
        the coverage dashboard of the analysts' blueprint, for example).
    """

    def check():
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        allowed = set(roles) | set((also or {}).get(request.endpoint or "", ()))
        if current_user.role not in allowed:
            abort(403)
        return None

    return check


#: how the audit trail names a respondent: this prefix and the organisation's code
RESPONDENT_ACTOR = "respondent:"


def actor() -> str:
    """The audit trail's name for the logged-in user."""
    return f"user:{current_user.email}"


def respondent_actor(organisation_code: str) -> str:
    """The audit trail's name for the respondent of an organisation (``respondent:KEN``)."""
    return f"{RESPONDENT_ACTOR}{organisation_code}"
