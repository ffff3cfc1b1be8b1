"""The coverage dashboard counts in the database: its cost does not grow with the responses."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event, insert, select

from surveyapp import operations
from surveyapp.analyst.coverage import build_coverage
from surveyapp.extensions import db
from surveyapp.models import Organisation, Response
from surveyapp.models.organisation import sort_names
from tests.pages import statements_for_get


def add_states(app, count: int, *, region: str | None, status: str, review: str) -> None:
    """``count`` new States, each with a response at ``status`` in the open round."""
    with app.app_context():
        survey_round = operations.current_round()
        version = survey_round.questionnaire_for("state")
        first = db.session.scalar(select(db.func.count(Organisation.id)))
        codes = [f"Q9{first + n:05d}" for n in range(count)]
        db.session.execute(
            insert(Organisation),
            [
                {
                    "code": code,
                    "kind": "state",
                    "names": {"en": code},
                    **sort_names({"en": code}),
                    "region": region,
                }
                for code in codes
            ],
        )
        ids = db.session.scalars(select(Organisation.id).where(Organisation.code.in_(codes))).all()
        db.session.execute(
            insert(Response),
            [
                {
                    "round_id": survey_round.id,
                    "organisation_id": organisation_id,
                    "questionnaire_version_id": version.id,
                    "status": status,
                    "review_status": review,
                }
                for organisation_id in ids
            ],
        )
        db.session.commit()


@pytest.fixture
def opened(app, create_invitation):
    """A round with one invited State (so that the round and its questionnaires exist)."""
    create_invitation("EGY")


def test_the_page_runs_as_many_statements_with_many_responses_as_with_few(
    app, analyst_client, opened
):
    analyst_client.get("/analyst/coverage")
    few = statements_for_get(app, analyst_client, "/analyst/coverage")
    add_states(app, 60, region="Europe", status="submitted", review="accepted")
    many = statements_for_get(app, analyst_client, "/analyst/coverage")
    assert many == few


def test_funnels_count_every_response_by_type_and_region(app, opened):
    add_states(app, 7, region="Oceania", status="submitted", review="accepted")
    add_states(app, 5, region="Oceania", status="in_progress", review="unreviewed")
    add_states(app, 3, region=None, status="invited", review="unreviewed")
    with app.app_context():
        coverage = build_coverage(operations.current_round())
    regions = {funnel.label: funnel for funnel in coverage.by_region}
    oceania = regions["Oceania"]
    assert (oceania.invited, oceania.started, oceania.submitted, oceania.accepted) == (12, 12, 7, 7)
    assert oceania.total >= 12
    unknown = regions["-"]
    assert (unknown.total, unknown.invited, unknown.started) == (3, 3, 0)
    states = coverage.by_type[0]
    assert (states.invited, states.started, states.submitted, states.accepted) == (16, 12, 7, 7)


def test_a_state_outside_every_iscm_is_counted_but_expected_by_none(app, analyst_client, opened):
    add_states(app, 2, region="Europe", status="submitted", review="unreviewed")
    html = analyst_client.get("/analyst/coverage").get_data(as_text=True)
    europe = re.search(r"<th scope=\"row\">Europe</th>(.*?)</tr>", html, re.S).group(1)
    assert [int(n) for n in re.findall(r'class="number">(\d+)<', europe)][1:4] == [2, 2, 2]
    assert "Q9" not in html.split('id="iscm-coverage"')[1]


def test_responses_and_unexpected_states_are_counted_not_loaded(app, opened):
    add_states(app, 40, region="Asia", status="submitted", review="accepted")
    loaded = []

    def record(target, _context):
        loaded.append(target)

    event.listen(Response, "load", record)
    event.listen(Organisation, "load", record)
    try:
        with app.app_context():
            build_coverage(operations.current_round())
            assert not [o for o in loaded if isinstance(o, Response)]
            generated = [o for o in loaded if isinstance(o, Organisation) and o.code[:2] == "Q9"]
            assert not generated
    finally:
        event.remove(Response, "load", record)
        event.remove(Organisation, "load", record)
