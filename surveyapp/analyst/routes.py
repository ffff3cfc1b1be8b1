"""The analysts' workspace: responses by organisation and status."""

from __future__ import annotations

from flask import render_template, request
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager

from surveyapp.analyst import coverage, exports, invitations, review, tokens
from surveyapp.analyst.blueprint import blueprint
from surveyapp.extensions import db
from surveyapp.models import Organisation, Response, SurveyRound
from surveyapp.models.response import RESPONSE_STATUSES
from surveyapp.questionnaire.model import RESPONDENT_TYPES
from surveyapp.request_input import whole_number

__all__ = ["blueprint", "coverage", "exports", "invitations", "review", "tokens"]


#: responses listed per page of the responses list
PAGE_SIZE = 100


@blueprint.get("/")
def index():
    """Responses of the rounds, by organisation and status, filterable, a page at a time.

    The counts come from one GROUP BY and the rows from one query with their organisation and
    round joined in, so the page costs the same with ten responses or ten thousand.
    """
    kind = request.args.get("type") or None
    status = request.args.get("status") or None
    # Past the last page is an empty page; beyond this a page's offset would not fit a query.
    page = whole_number(request.args.get("page"), high=1_000_000) or 1
    filters = []
    if kind in RESPONDENT_TYPES:
        filters.append(Organisation.kind == kind)
    counts: dict[str, int] = {s: 0 for s in RESPONSE_STATUSES}
    for row_status, count in db.session.execute(
        select(Response.status, func.count())
        .join(Response.organisation)
        .where(*filters)
        .group_by(Response.status)
    ):
        counts[row_status] = count
    if status in RESPONSE_STATUSES:
        filters.append(Response.status == status)
    total = counts[status] if status in RESPONSE_STATUSES else sum(counts.values())
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(page, pages)
    responses = db.session.scalars(
        select(Response)
        .join(Response.organisation)
        .join(Response.round)
        .options(contains_eager(Response.organisation), contains_eager(Response.round))
        .where(*filters)
        .order_by(SurveyRound.id.desc(), Organisation.kind, Organisation.code)
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    ).all()
    return render_template(
        "analyst/index.html",
        responses=responses,
        counts=counts,
        kind=kind,
        status=status,
        statuses=RESPONSE_STATUSES,
        page=page,
        pages=pages,
        total=total,
    )
