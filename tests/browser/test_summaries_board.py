"""The summaries board in a browser: a published summary flagged once its answers change, and
three summaries rendered and then published from the board, with the job's progress, the
confirmation and what changed since the last published version."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import Organisation, Response
from tests.browser.support import JOB_TIMEOUT, axe_violations, log_in, screenshot, serve_axe

pytestmark = pytest.mark.browser

THREE = ("Khartoum Process", "Rabat Process", "Budapest Process")


def resubmit_khartoum(app) -> None:
    """The Khartoum Process's secretariat changes an answer and submits again."""
    with app.app_context():
        response = db.session.scalar(
            select(Response)
            .join(Response.organisation)
            .filter(Organisation.code == "khartoum-process")
        )
        operations.reopen_response(response, actor="test")
        operations.save_answers(
            response,
            response.version,
            {"guiding_document": "Valletta Action Plan"},
            actor="test",
            channel="test",
        )
        operations.submit_response(response, actor="test", channel="test")
        db.session.commit()


def khartoum_row(page):
    return page.get_by_role("row").filter(
        has=page.get_by_role("link", name="Khartoum Process", exact=True)
    )


def test_the_board_flags_a_published_summary_whose_answers_changed(
    app, live_server, browser_page, create_user, khartoum_round
):
    page = browser_page
    # a publication renders its PDF before the page comes back: seconds on a busy machine
    page.set_default_timeout(JOB_TIMEOUT)
    serve_axe(page, live_server)
    log_in(page, live_server, *create_user("analyst"))
    page.get_by_role("link", name="Summaries", exact=True).click()
    expect(khartoum_row(page).get_by_text("Draft").first).to_be_visible()

    khartoum_row(page).get_by_role("link", name="Khartoum Process", exact=True).click()
    page.get_by_role("button", name="Publish the EN summary as it stands").click()
    expect(page.get_by_text("Version 1 has been published.")).to_be_visible()
    page.get_by_role("link", name="All summaries").click()
    expect(
        khartoum_row(page).get_by_role("link", name=re.compile(r"Published v1, "))
    ).to_be_visible()
    expect(khartoum_row(page).get_by_text("Out of date")).to_have_count(0)

    resubmit_khartoum(app)
    page.reload()

    flag = khartoum_row(page).get_by_text("Out of date: answers changed since publication")
    expect(flag).to_be_visible()
    screenshot(page, "board-out-of-date")
    assert axe_violations(page, live_server) == []
    page.get_by_label("Status", exact=True).select_option(label="Out of date")
    page.get_by_label("in", exact=True).select_option("en")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("status").filter(has_text="ISCMs shown")).to_have_text(
        re.compile(r"^1 of \d+ ISCMs shown\.$")
    )
    khartoum_row(page).get_by_role("link", name="Khartoum Process", exact=True).click()
    expect(page.locator("#published-status")).to_contain_text(
        re.compile(r"Published version 1 of the EN summary on .* UTC; answers changed since\.")
    )


@pytest.mark.heavy
def test_three_summaries_are_rendered_then_published_from_the_board(
    app, live_server, browser_page, create_user, khartoum_round
):
    page = browser_page
    # a publication renders its PDF before the page comes back: seconds on a busy machine
    page.set_default_timeout(JOB_TIMEOUT)
    serve_axe(page, live_server)
    log_in(page, live_server, *create_user("analyst"))
    # Khartoum's summary was published once, then an analyst rewrote a section
    page.goto(f"{live_server}/analyst/summaries/khartoum-process")
    page.get_by_role("button", name="Publish the EN summary as it stands").click()
    expect(page.get_by_text("Version 1 has been published.")).to_be_visible()
    page.get_by_label("Your text for “3. Salient ISCM structures”").fill(
        "The secretariat moved to <Addis Ababa>."
    )
    page.get_by_role("button", name="Save the texts").click()
    expect(page.get_by_text("The summary's text has been saved.")).to_be_visible()

    page.goto(f"{live_server}/analyst/summaries")
    for name in THREE:
        page.get_by_label(f"Choose {name}", exact=True).check()
    page.get_by_role("button", name="Render the PDFs").click()

    expect(page.get_by_role("heading", name="Rendering of 3 summaries (EN)")).to_be_visible()
    expect(page.get_by_role("progressbar", name="Progress")).to_be_visible()
    expect(page.get_by_role("link", name="Refresh to see how far it is")).to_be_visible()
    assert axe_violations(page, live_server) == []
    # the page's script follows the job and shows the outcome when it ends
    expect(page.get_by_text("3 of 3 summaries done.")).to_be_visible(timeout=JOB_TIMEOUT)
    expect(page.get_by_role("link", name="Rendered (PDF)")).to_have_count(3)
    screenshot(page, "board-rendered")

    page.get_by_role("link", name="Back to the summaries").click()
    for name in THREE:
        page.get_by_label(f"Choose {name}", exact=True).check()
    page.get_by_role("button", name="Publish…").click()

    expect(page.get_by_role("heading", name="Publish 3 summaries (EN)")).to_be_visible()
    khartoum = page.get_by_role("region", name="Khartoum Process")
    expect(khartoum.get_by_text("Last published: version 1 on")).to_be_visible()
    expect(khartoum.get_by_role("heading", name="3. Salient ISCM structures")).to_be_visible()
    expect(
        khartoum.get_by_role("insertion").filter(has_text="The secretariat moved to <Addis Ababa>.")
    ).to_be_visible()
    expect(khartoum.get_by_role("deletion").first).to_be_visible()
    expect(
        page.get_by_role("region", name="Rabat Process").get_by_text(
            "Not published yet: this will be its first version."
        )
    ).to_be_visible()
    screenshot(page, "board-confirm")
    assert axe_violations(page, live_server) == []
    page.get_by_role("button", name="Confirm: publish the 3 EN summaries").click()

    expect(page.get_by_role("heading", name="Publication of 3 summaries (EN)")).to_be_visible()
    expect(page.get_by_text("3 of 3 summaries done.")).to_be_visible(timeout=JOB_TIMEOUT)
    expect(page.get_by_role("link", name="Published as version 2")).to_have_count(1)
    expect(page.get_by_role("link", name="Published as version 1")).to_have_count(2)

    page.get_by_role("link", name="Back to the summaries").click()
    page.get_by_label("Status", exact=True).select_option(label="Published")
    page.get_by_label("in", exact=True).select_option("en")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("status").filter(has_text="ISCMs shown")).to_have_text(
        re.compile(r"^3 of \d+ ISCMs shown\.$")
    )
    expect(
        khartoum_row(page).get_by_role("link", name=re.compile(r"Published v2, "))
    ).to_be_visible()
