"""The analysts' workspace: responses by organisation and status."""

from __future__ import annotations

import functools
import unicodedata

from flask import render_template, request
from flask_babel import get_locale
from sqlalchemy import func, or_, select
from sqlalchemy.orm import contains_eager

from surveyapp.analyst import coverage, exports, invitations, review, tokens
from surveyapp.analyst.blueprint import blueprint
from surveyapp.extensions import db
from surveyapp.models import Membership, Organisation, Response
from surveyapp.models.response import RESPONSE_STATUSES, REVIEW_STATUSES
from surveyapp.questionnaire.model import RESPONDENT_TYPES
from surveyapp.registry import STATE_REGIONS
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


@functools.lru_cache(maxsize=8192)
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

    The counts come from one GROUP BY; the page's rows are ordered from plain rows and loaded
    with their organisation and round in one statement (:func:`_page_of_responses`), so the
    page runs the same statements with ten responses or ten thousand.
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

    iscms = sorted(
        db.session.scalars(select(Organisation).where(Organisation.kind == "iscm")),
        key=lambda o: folded(o.short_name()),
    )
    # the States' continents, named in every language; an ISCM's "region" is the area it
    # covers, in the registry's words, and is no category to filter by
    present = set(db.session.scalars(select(Organisation.region).distinct()))
    regions = [region for region in STATE_REGIONS if region in present]
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
        found = [
            row.id
            for row in db.session.execute(
                select(
                    Organisation.id,
                    Organisation.code,
                    Organisation.acronym,
                    Organisation.names,
                    Organisation.short_names,
                )
            )
            if _matches(row, wanted)
        ]
        filters.append(Organisation.id.in_(found or [-1]))

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
    responses = _page_of_responses(filters, sort, language, page)
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


def _page_of_responses(filters: list, sort: str, language: str, page: int) -> list[Response]:
    """The responses of page ``page`` among those ``filters`` keep, in the order ``sort``.

    The order by name is the organisations' names folded (accents and case aside) in the
    page's language, which no database collation gives: the matching responses are read as
    plain rows (id, organisation, round, date, status) and ordered here, then the page's
    responses are loaded with their organisation and round in one statement. Three statements
    whatever the number of responses; the work done here grows with it, but per row it is a
    tuple, not an object, and each name is folded once (:func:`folded` keeps what it folded).
    """
    # The name in the page's language, else in English, read out of the JSON by the database.
    name = func.coalesce(
        func.nullif(Organisation.names[language].as_string(), ""),
        Organisation.names["en"].as_string(),
    )
    names = {
        organisation_id: folded(text or "")
        for organisation_id, text in db.session.execute(
            select(Organisation.id, name)
            .join(Response, Response.organisation_id == Organisation.id)
            .where(*filters)
            .distinct()
        )
    }
    rows = db.session.execute(
        select(
            Response.id,
            Response.organisation_id,
            Response.round_id,
            Response.updated_at,
            Response.status,
        )
        .join(Response.organisation)
        .where(*filters)
    ).all()
    status_rank = {s: i for i, s in enumerate(RESPONSE_STATUSES)}
    if sort == "date":
        # newest first, then by name: two stable sorts
        rows.sort(key=lambda r: (names[r.organisation_id], r.id))
        rows.sort(key=lambda r: r.updated_at, reverse=True)
    elif sort == "status":
        rows.sort(
            key=lambda r: (
                status_rank.get(r.status, len(status_rank)),
                names[r.organisation_id],
                r.id,
            )
        )
    else:
        rows.sort(key=lambda r: (names[r.organisation_id], -r.round_id, r.id))
    wanted = [r.id for r in rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]]
    loaded = {
        response.id: response
        for response in db.session.scalars(
            select(Response)
            .join(Response.organisation)
            .join(Response.round)
            .options(contains_eager(Response.organisation), contains_eager(Response.round))
            .where(Response.id.in_(wanted))
        )
    }
    return [loaded[response_id] for response_id in wanted]


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
