"""The administrators' blueprint; every route needs the ``admin`` role."""

from __future__ import annotations

from flask import Blueprint

from surveyapp.auth.access import role_check

blueprint = Blueprint("admin", __name__, url_prefix="/admin")
blueprint.before_request(role_check(("admin",)))
