"""The analysts' workspace: responses by organisation and status."""

from __future__ import annotations

import unicodedata

from flask import render_template, request
from flask_babel import get_locale
from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import contains_eager

from surveyapp.analyst import coverage, exports, invitations, review, tokens
from surveyapp.analyst.blueprint import blueprint
from surveyapp.extensions import db
from surveyapp.models import Membership, Organisation, Response, SurveyRound
from surveyapp.models.response import RESPONSE_STATUSES, REVIEW_STATUSES
from surveyapp.questionnaire.model import RESPONDENT_TYPES
from surveyapp.request_input import whole_number

__all__ = ["blueprint", "coverage", "exports", "invitations", "review", "tokens"]


#: responses listed per page of the responses list
PAGE_SIZE = 100
#: the orders the responses list can be sorted in (``?sort=``); the first is the default
SORTS = ("name", "date", "status")
#: the review filter of responses with an open or answered query (``?review=queries``)
QUERIES = "queries"
#: the longest search text read from ``?q=``
MAX_SEARCH = 200


def folded(text: str) -> str:
    """``text`` as searched and sorted: case and accents aside ("Égypte" finds "egypte")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _matches(organisation: Organisation, wanted: str) -> bool:
    """Whether ``wanted`` (folded) is in the organisation's code, acronym or a name in any
    language."""
    texts = [
        organisation.code,
        organisation.acronym or "",
        *(organisation.names or {}).values(),
        *(organisation.short_names or {}).values(),
    ]
    return any(wanted in folded(text) for text in texts)


@blueprint.get("/")
def index():
    """Responses of the rounds, by organisation and status: searched (``?q=``, a name in any
    of the four languages or a code), filtered by type, status, review state, ISCM and region,
    sorted by name (in the page's language), date or status, a page at a time.

    The organisations (a few hundred) are read once to search and order them by name; the
    counts come from one GROUP BY and the rows from one query with their organisation and round
    joined in, so the page costs the same with ten responses or ten thousand.
    """
    args = request.args
    kind = args.get("type") or None
    status = args.get("status") or None
    review_state = args.get("review") or None
    iscm = args.get("iscm") or None
    region = args.get("region") or None
    query = (args.get("q") or "").strip()[:MAX_SEARCH]
    sort = args.get("sort") if args.get("sort") in SORTS else SORTS[0]
    # Past the last page is an empty page; beyond this a page's offset would not fit a query.
    page = whole_number(args.get("page"), high=1_000_000) or 1

    organisations = db.session.scalars(select(Organisation)).all()
    iscms = sorted(
        (o for o in organisations if o.kind == "iscm"), key=lambda o: folded(o.short_name())
    )
    regions = sorted({o.region for o in organisations if o.region})
    filters = []
    if kind in RESPONDENT_TYPES:
        filters.append(Organisation.kind == kind)
    if review_state in REVIEW_STATUSES:
        filters.append(Response.review_status == review_state)
    elif review_state == QUERIES:
        filters.append(Response.review_status.in_(("query_raised", "query_answered")))
    else:
        review_state = None
    if region in regions:
        filters.append(Organisation.region == region)
    if iscm and any(o.code == iscm for o in iscms):
        members = (
            select(Membership.member_id)
            .join(Organisation, Membership.iscm_id == Organisation.id)
            .where(Organisation.code == iscm)
        )
        filters.append(or_(Organisation.code == iscm, Organisation.id.in_(members)))
    else:
        iscm = None
    if query:
        wanted = folded(query)
        filters.append(
            Organisation.id.in_([o.id for o in organisations if _matches(o, wanted)] or [-1])
        )

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
    language = str(get_locale() or "en")
    by_name = case(
        {
            o.id: rank
            for rank, o in enumerate(sorted(organisations, key=lambda o: folded(o.name(language))))
        },
        value=Organisation.id,
        else_=len(organisations),
    )
    orders = {
        "name": (by_name, SurveyRound.id.desc()),
        "date": (Response.updated_at.desc(), by_name),
        "status": (
            case({s: i for i, s in enumerate(RESPONSE_STATUSES)}, value=Response.status),
            by_name,
        ),
    }
    responses = db.session.scalars(
        select(Response)
        .join(Response.organisation)
        .join(Response.round)
        .options(contains_eager(Response.organisation), contains_eager(Response.round))
        .where(*filters)
        .order_by(*orders[sort], Response.id)
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    ).all()
    # what the page's links keep: the search, the filters and the order
    kept = {
        "q": query or None,
        "type": kind,
        "status": status,
        "review": review_state,
        "iscm": iscm,
        "region": region,
        "sort": sort,
    }
    return render_template(
        "analyst/index.html",
        responses=responses,
        counts=counts,
        kind=kind,
        status=status,
        statuses=RESPONSE_STATUSES,
        review_states=REVIEW_STATUSES,
        review_labels=review.REVIEW_STATE_LABELS,
        queries=_query_counts(),
        review_state=review_state,
        iscms=iscms,
        iscm=iscm,
        regions=regions,
        region=region,
        query=query,
        sort=sort,
        sorts=SORTS,
        kept={key: value for key, value in kept.items() if value},
        language=language,
        page=page,
        pages=pages,
        total=total,
    )


def _query_counts() -> dict[str, int]:
    """How many responses have an open query, and how many an answered one (every round)."""
    counts = dict(
        db.session.execute(
            select(Response.review_status, func.count())
            .where(Response.review_status.in_(("query_raised", "query_answered")))
            .group_by(Response.review_status)
        ).all()
    )
    return {state: counts.get(state, 0) for state in ("query_raised", "query_answered")}
