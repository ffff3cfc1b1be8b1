"""The analysts' workspace: responses by organisation and status."""

from __future__ import annotations

from flask import render_template, request
from sqlalchemy import select

from surveyapp.analyst import coverage, exports, invitations, review, tokens
from surveyapp.analyst.blueprint import blueprint
from surveyapp.extensions import db
from surveyapp.models import Organisation, Response, SurveyRound
from surveyapp.models.response import RESPONSE_STATUSES

__all__ = ["blueprint", "coverage", "exports", "invitations", "review", "tokens"]


@blueprint.get("/")
def index():
    """Responses of the open rounds, by organisation and status, filterable."""
    kind = request.args.get("type") or None
    status = request.args.get("status") or None
    query = (
        select(Response)
        .join(Response.organisation)
        .join(Response.round)
        .order_by(SurveyRound.id.desc(), Organisation.kind, Organisation.code)
    )
    if kind in ("state", "iscm", "igo"):
        query = query.where(Organisation.kind == kind)
    if status in RESPONSE_STATUSES:
        query = query.where(Response.status == status)
    responses = db.session.scalars(query).all()
    counts: dict[str, int] = {s: 0 for s in RESPONSE_STATUSES}
    for response in responses:
        counts[response.status] += 1
    return render_template(
        "analyst/index.html",
        responses=responses,
        counts=counts,
        kind=kind,
        status=status,
        statuses=RESPONSE_STATUSES,
    )
