"""The analysts' workspace: responses by organisation and status."""

from __future__ import annotations

from flask import render_template, request
from flask_babel import get_locale
from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import contains_eager

from surveyapp.analyst import coverage, exports, invitations, review, tokens
from surveyapp.analyst.blueprint import blueprint
from surveyapp.extensions import db
from surveyapp.models import Membership, Organisation, Response
from surveyapp.models.organisation import names_contain, sort_column
from surveyapp.models.response import RESPONSE_STATUSES, REVIEW_STATUSES
from surveyapp.questionnaire.model import RESPONDENT_TYPES
from surveyapp.questionnaire.text import folded
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


@blueprint.get("/")
def index():
    """Responses of the rounds, by organisation and status: searched (``?q=``, a name in any
    of the four languages or a code), filtered by type, status, review state, ISCM and region,
    sorted by name (in the page's language), date or status, a page at a time.

    The counts come from one GROUP BY; the database orders and pages the rows and loads the
    page's with their organisation and round in one statement (:func:`_page_of_responses`),
    so the page runs the same statements with ten responses or ten thousand.
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
            if names_contain(row, wanted)
        ]
        filters.append(Organisation.id.in_(found or [-1]))

    counts: dict[str, int] = {s: 0 for s in RESPONSE_STATUSES}
    for row_status, count in db.session.execute(
        _filtered(select(Response.status, func.count()), filters).group_by(Response.status)
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

    The database orders and pages them (``ORDER BY``, ``LIMIT``, ``OFFSET``) and loads the
    page's responses with their organisation and round, in one statement. Every order ends
    with the organisations' names in the page's language, folded (accents and case aside):
    the ``sort_name_*`` column the organisation keeps with its names, compared by code point.
    """
    name = getattr(Organisation, sort_column(language))
    # (key, descending): the order, then the response's id so that no two rows tie
    if sort == "date":
        order = [(Response.updated_at, True), (name, False)]
    elif sort == "status":
        status_rank = case(
            {status: i for i, status in enumerate(RESPONSE_STATUSES)},
            value=Response.status,
            else_=len(RESPONSE_STATUSES),
        )
        order = [(status_rank, False), (name, False)]
    else:
        order = [(name, False), (Response.round_id, True)]
    order.append((Response.id, False))
    keys = [key.label(f"key_{i}") for i, (key, _) in enumerate(order)]
    descending = [flag for _, flag in order]
    # The rows are ordered and cut narrow (ids and keys); only the page's are read whole.
    rows = (
        _filtered(select(Response.id.label("response_id"), *keys), filters, always_join=True)
        .order_by(*_directed(keys, descending))
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
        .subquery("page")
    )
    return list(
        db.session.scalars(
            select(Response)
            .join(rows, rows.c.response_id == Response.id)
            .join(Response.organisation)
            .join(Response.round)
            .options(contains_eager(Response.organisation), contains_eager(Response.round))
            .order_by(*_directed([rows.c[key.name] for key in keys], descending))
        )
    )


def _filtered(statement: Select, filters: list, always_join: bool = False) -> Select:
    """``statement`` (on responses) kept to the rows ``filters`` keep.

    The filters may name the organisation's columns, so the organisations are joined, but
    only when something filters or ``always_join`` (the statement names them): for every
    response, that join would be only work.
    """
    if not filters and not always_join:
        return statement
    return statement.join(Response.organisation).where(*filters)


def _directed(keys: list, descending: list[bool]) -> list:
    """``keys`` to order by, each descending where ``descending`` says so."""
    return [key.desc() if flag else key for key, flag in zip(keys, descending, strict=True)]


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
