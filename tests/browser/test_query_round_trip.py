"""In the browser, a query's round trip: an analyst raises a query on one ISCM's block, the
respondent sees it on that ISCM's page, replies and changes the answer, and the analyst sees
"Query answered" with the reply and the change, then closes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from surveyapp.extensions import db
from surveyapp.models import Organisation, Response
from tests.browser.support import axe_violations, log_in, serve_axe

pytestmark = pytest.mark.browser

STATE_ANSWERS = json.loads(
    (Path(__file__).parents[1] / "shared" / "state_answers.json").read_text(encoding="utf-8")
)
QUERY = "Is the Netherlands really only an observer of the Budapest Process?"


def test_a_query_on_one_iscm_is_answered_in_place_and_closed(
    app, client, live_server, browser_page, create_user, create_invitation
):
    token, response_id = create_invitation("NLD")
    saved = client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": STATE_ANSWERS},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert saved.status_code == 200
    with app.app_context():
        budapest = db.session.scalar(select(Organisation).filter_by(code="budapest-process"))
        budapest_name = budapest.name("en")

    analyst = browser_page
    log_in(analyst, live_server, *create_user("analyst"))
    analyst.goto(f"{live_server}/analyst/responses/{response_id}")
    analyst.get_by_label("On the question").select_option(label="Views on the ISCM")
    analyst.get_by_label("On one ISCM's answers").select_option(label=budapest_name)
    analyst.get_by_label("Message to the respondent").fill(QUERY)
    analyst.get_by_role("button", name="Raise query").click()
    expect(analyst.get_by_role("heading", name="Open query")).to_be_visible()

    respondent = analyst.context.browser.new_context().new_page()
    serve_axe(respondent, live_server)
    respondent.goto(f"{live_server}/r/{token}")
    notice = respondent.get_by_role("status").filter(has_text="A question from the IOM team")
    expect(notice).to_be_visible()
    violations = axe_violations(respondent, live_server)
    respondent.goto(f"{live_server}/r/{token}/s/iscm_views/iscm_views/khartoum-process")
    expect(respondent.get_by_role("heading", level=1)).to_be_visible()
    assert respondent.get_by_text(QUERY).count() == 0
    respondent.goto(f"{live_server}/r/{token}/s/iscm_views")
    respondent.get_by_role("link", name=f"Go to the answers about {budapest_name}").click()
    query = respondent.get_by_role("note").filter(has_text=QUERY)
    expect(query).to_be_visible()
    violations += axe_violations(respondent, live_server)
    query.get_by_label("Your reply to the IOM team").fill("We chair it since this year.")
    query.get_by_role("button", name="Send reply").click()
    expect(respondent.get_by_text("Reply sent to the IOM team.")).to_be_visible()
    expect(respondent.get_by_text("We chair it since this year.")).to_be_visible()
    violations += axe_violations(respondent, live_server)
    respondent.get_by_role("radio", name="Chair", exact=True).check()
    respondent.get_by_role("button", name="Save", exact=True).click()
    expect(respondent.get_by_text("Your answers have been saved.")).to_be_visible()
    respondent.context.close()

    serve_axe(analyst, live_server)
    analyst.reload()
    answered = analyst.get_by_role("region", name="Query answered")
    expect(answered).to_be_visible()
    violations += axe_violations(analyst, live_server)
    assert violations == []
    expect(answered.get_by_text("We chair it since this year.")).to_be_visible()
    changes = answered.get_by_role("table", name="Answers changed since the query")
    row = changes.get_by_role("row").filter(has_text=budapest_name)
    expect(row.get_by_role("cell", name="Observer", exact=True)).to_be_visible()
    expect(row.get_by_role("cell", name="Chair", exact=True)).to_be_visible()
    answered.get_by_role("button", name="Close the query and accept").click()
    expect(analyst.get_by_text("Query closed and response accepted.")).to_be_visible()
    expect(analyst.locator("#review-status")).to_have_text("accepted")
    with app.app_context():
        response = db.session.get(Response, response_id)
        assert (response.review_status, response.query_message) == ("accepted", None)
        assert response.answer_values()["iscm_views"]["budapest-process"]["role"] == "chair"
