"""The analysts' blueprint and its access check (organisers may read the coverage pages)."""

from __future__ import annotations

from flask import Blueprint

from surveyapp.auth.access import role_check

blueprint = Blueprint(
    "analyst",
    __name__,
    url_prefix="/analyst",
    static_folder="static",
    static_url_path="/static",
)

#: roles that may use the whole analysts' workspace
ALLOWED_ROLES = ("admin", "analyst")
#: endpoints organisers may read too (nothing personal is shown to them there)
ORGANISER_ENDPOINTS = (
    "analyst.coverage",
    "analyst.static",
    # published summaries and the compendium (surveyapp/analyst/summaries.py)
    "analyst.summaries",
    "analyst.published_pdf",
    "analyst.compendium",
    "analyst.job",
    "analyst.job_status",
    "analyst.job_pdf",
)

blueprint.before_request(
    role_check(ALLOWED_ROLES, also={endpoint: ("organiser",) for endpoint in ORGANISER_ENDPOINTS})
)
