"""The responses list: a page at a time, with the same number of queries whatever the size."""

from __future__ import annotations

from sqlalchemy import select

from surveyapp import operations
from surveyapp.analyst.routes import PAGE_SIZE
from surveyapp.extensions import db
from surveyapp.models import Organisation
from tests.pages import log_in, statements_for_get


def invite_states(app, count: int) -> None:
    with app.app_context():
        survey_round = operations.current_round()
        states = db.session.scalars(select(Organisation).filter_by(kind="state")).all()
        for organisation in states[:count]:
            operations.invite(survey_round, organisation, None, "test")
        db.session.commit()


def test_the_list_is_paged_and_counts_every_response(app, client, create_user):
    invite_states(app, PAGE_SIZE + 20)
    log_in(client, *create_user("analyst"))
    first = client.get("/analyst/").get_data(as_text=True)
    assert f"Invited: <strong>{PAGE_SIZE + 20}</strong>" in first
    assert first.count('href="/analyst/responses/') == PAGE_SIZE
    assert "Page 1 of 2" in first
    second = client.get("/analyst/?page=2").get_data(as_text=True)
    assert second.count('href="/analyst/responses/') == 20
    assert client.get("/analyst/?page=999").status_code == 200


def test_the_number_of_queries_does_not_grow_with_the_responses(app, client, create_user):
    log_in(client, *create_user("analyst"))
    invite_states(app, 5)
    few = statements_for_get(app, client, "/analyst/")
    invite_states(app, 150)
    many = statements_for_get(app, client, "/analyst/")
    assert many == few


def listed(client, query: str) -> list[str]:
    """The organisations the responses list shows for ``query``, in order."""
    import html
    import re

    page = client.get(f"/analyst/{query}").get_data(as_text=True)
    return [
        html.unescape(name) for name in re.findall(r'/analyst/responses/\d+">([^<]+)</a>', page)
    ]


def invite(app, *codes: str) -> None:
    with app.app_context():
        survey_round = operations.current_round()
        for code in codes:
            organisation = db.session.scalar(select(Organisation).filter_by(code=code))
            operations.invite(survey_round, organisation, None, "test")
        db.session.commit()


def test_search_finds_an_organisation_by_a_name_in_any_language_or_its_code(
    app, client, create_user
):
    invite(app, "NLD", "EGY", "CIV", "khartoum-process")
    log_in(client, *create_user("analyst"))

    assert listed(client, "?q=pays-bas") == ["Netherlands"]
    assert listed(client, "?q=Países") == ["Netherlands"]
    assert listed(client, "?q=مصر") == ["Egypt"]
    assert listed(client, "?q=cote d") == ["Côte d'Ivoire"]
    assert listed(client, "?q=egy") == ["Egypt"]
    assert listed(client, "?q=zzz") == []


def test_filters_by_iscm_region_and_review_state(app, client, create_user):
    invite(app, "NLD", "EGY", "KEN", "BRA", "khartoum-process")
    log_in(client, *create_user("analyst"))

    khartoum = listed(client, "?iscm=khartoum-process")
    assert "Brazil" not in khartoum
    assert {"Egypt", "Kenya", "Netherlands"} <= set(khartoum)
    assert listed(client, "?region=Americas") == ["Brazil"]
    assert listed(client, "?review=query_raised") == []
    assert len(listed(client, "?review=unreviewed")) == 5


def test_sorts_by_name_in_the_page_language_and_keeps_the_filters_when_paging(
    app, client, create_user
):
    invite(app, "NLD", "EGY", "CIV", "DZA")
    log_in(client, *create_user("analyst"))

    assert listed(client, "?sort=name") == ["Algeria", "Côte d'Ivoire", "Egypt", "Netherlands"]
    invite_states(app, PAGE_SIZE + 10)
    page = client.get("/analyst/?type=state&sort=date").get_data(as_text=True)
    following = page.split('rel="next"')[0].rsplit("href=", 1)[1]
    assert "type=state" in following and "sort=date" in following and "page=2" in following


def test_the_search_costs_the_same_number_of_queries_whatever_the_responses(
    app, client, create_user
):
    log_in(client, *create_user("analyst"))
    invite_states(app, 5)
    few = statements_for_get(app, client, "/analyst/?q=a&iscm=khartoum-process&sort=name")
    invite_states(app, 150)
    assert statements_for_get(app, client, "/analyst/?q=a&iscm=khartoum-process&sort=name") == few
