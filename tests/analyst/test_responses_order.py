"""The responses list's order, page after page, as the names' alphabetical order in the page's
language: accents and case aside, equal names one after the other by round and id (issue 16).

The database orders the rows since issue 16; the expected order here is the one the page had
when Python sorted every matching response by its organisation's folded name.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select, update

from surveyapp import operations
from surveyapp.analyst import routes
from surveyapp.extensions import db
from surveyapp.models import Organisation, Response
from surveyapp.models.response import RESPONSE_STATUSES
from tests.pages import folded, log_in

#: names whose order depends on folding: accents, case, ligatures, Arabic marks and hamza,
#: equal once folded ("Strasse" and "straße"), missing or empty (then the English name)
NAMES = [
    {"en": "Eagle", "fr": "Élan", "ar": "أحمد"},
    {"en": "elbe", "fr": "elbe", "ar": "احمد"},
    {"en": "Écoles", "fr": "ÉCOLE", "ar": "مُصر"},
    {"en": "Zebra", "fr": "zèbre", "ar": "مصر"},
    {"en": "zebu", "fr": "Zébu", "ar": "إيران"},
    {"en": "Strasse", "fr": "Strasse", "ar": "ايران"},
    {"en": "straße", "fr": "straße", "ar": "Straße"},
    {"en": "Œuvre", "fr": "œuvre", "ar": "عُمان"},
    {"en": "Angola test"},
    {"en": "ångström", "fr": "", "ar": ""},
]
#: registry States whose French and Arabic names start with accented or different letters
REGISTRY = ("EGY", "DZA", "CIV", "NLD", "USA", "ECU")
#: rows a page shows in these tests (small, so that the list runs over several pages)
PAGE = 4


@pytest.fixture
def responses(app):
    """Responses of the organisations above in two rounds, with tied dates and mixed statuses."""
    with app.app_context():
        current = operations.current_round()
        organisations = [
            Organisation(code=f"T{i:02d}", kind="state", names=names, region="Europe")
            for i, names in enumerate(NAMES)
        ]
        db.session.add_all(organisations)
        db.session.flush()
        organisations += db.session.scalars(
            select(Organisation).where(Organisation.code.in_(REGISTRY))
        ).all()
        earlier = operations.open_round("Earlier round", 2025, current.questionnaires)
        for organisation in organisations:
            operations.invite(current, organisation, None, "test")
        for organisation in organisations[::3]:
            operations.invite(earlier, organisation, None, "test")
        db.session.flush()
        ids = db.session.scalars(select(Response.id).order_by(Response.id)).all()
        for i, response_id in enumerate(ids):
            db.session.execute(
                update(Response)
                .where(Response.id == response_id)
                .values(
                    status=RESPONSE_STATUSES[i % len(RESPONSE_STATUSES)],
                    updated_at=dt.datetime(2026, 3, 1 + i % 2, 12, tzinfo=dt.UTC),
                )
            )
        db.session.commit()


def expected(app, sort: str, language: str, *filters) -> list[int]:
    """The ids of the responses ``filters`` keep, in the order the list had when Python sorted
    them."""
    with app.app_context():
        rows = db.session.execute(
            select(
                Response.id,
                Response.round_id,
                Response.updated_at,
                Response.status,
                Organisation.names,
            )
            .join(Response.organisation)
            .where(*filters)
        ).all()
    status_rank = {s: i for i, s in enumerate(RESPONSE_STATUSES)}

    def name(row) -> str:
        return folded(row.names.get(language) or row.names["en"])

    if sort == "date":
        rows.sort(key=lambda r: (name(r), r.id))
        rows.sort(key=lambda r: r.updated_at, reverse=True)
    elif sort == "status":
        rows.sort(key=lambda r: (status_rank[r.status], name(r), r.id))
    else:
        rows.sort(key=lambda r: (name(r), -r.round_id, r.id))
    return [r.id for r in rows]


def listed(client, query: str) -> list[int]:
    """The ids of the responses a page of the list shows, in order."""
    page = client.get(f"/analyst/{query}").get_data(as_text=True)
    return [int(i) for i in re.findall(r'href="/analyst/responses/(\d+)">', page)]


def pages_of(order: list[int]) -> list[list[int]]:
    """``order`` cut into the list's pages."""
    return [order[i : i + PAGE] for i in range(0, len(order), PAGE)]


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
@pytest.mark.parametrize("sort", ["name", "date", "status"])
def test_pages_follow_the_folded_names_in_the_page_language(
    app, client, create_user, monkeypatch, responses, sort, language
):
    monkeypatch.setattr(routes, "PAGE_SIZE", PAGE)
    log_in(client, *create_user("analyst"))
    order = expected(app, sort, language)

    shown = [
        listed(client, f"?sort={sort}&lang={language}&page={n}")
        for n in range(1, len(pages_of(order)) + 1)
    ]

    assert shown == pages_of(order)


@pytest.mark.parametrize("query", ["region=Europe", "status=submitted", "type=state&q=e"])
def test_a_filtered_list_keeps_the_order(app, client, create_user, monkeypatch, responses, query):
    log_in(client, *create_user("analyst"))
    everything = expected(app, "name", "fr")
    kept = set(listed(client, f"?{query}&lang=fr"))  # one page of 100: all the filter keeps
    order = [i for i in everything if i in kept]
    monkeypatch.setattr(routes, "PAGE_SIZE", PAGE)

    shown = [
        listed(client, f"?{query}&sort=name&lang=fr&page={n}")
        for n in range(1, len(pages_of(order)) + 1)
    ]

    assert 0 < len(order) < len(everything)
    assert shown == pages_of(order)


def test_a_renamed_organisation_moves_at_once(app, client, create_user, responses):
    log_in(client, *create_user("analyst"))
    first = listed(client, "?sort=name&lang=fr")
    with app.app_context():
        organisation = db.session.scalar(select(Organisation).filter_by(code="T03"))
        organisation.names = {**organisation.names, "fr": "Aardvark"}
        db.session.commit()

    assert listed(client, "?sort=name&lang=fr") == expected(app, "name", "fr")[: routes.PAGE_SIZE]
    assert listed(client, "?sort=name&lang=fr") != first
