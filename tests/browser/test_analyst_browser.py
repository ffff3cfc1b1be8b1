"""The analysts' workspace in a browser: inviting an ISCM's member States, reading the coverage
dashboard, and a query that the respondent then sees."""

from __future__ import annotations

import re
import socket

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import expect
from sqlalchemy import select

from surveyapp.extensions import db
from surveyapp.models import Organisation, Response
from surveyapp.operations import outbox
from tests.browser.support import KHARTOUM, log_in, screenshot

pytestmark = pytest.mark.browser


class Inbox:
    def __init__(self):
        self.recipients = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.recipients += envelope.rcpt_tos
        return "250 OK"


@pytest.fixture
def smtp_inbox(app):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app.config.update(SURVEYAPP_MAIL_SERVER="127.0.0.1", SURVEYAPP_MAIL_PORT=str(port))
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox
    controller.stop()


def test_an_analyst_invites_all_member_states_of_an_iscm(
    app, live_server, browser_page, create_user, smtp_inbox
):
    with app.app_context():
        for code in ("EGY", "ETH"):
            organisation = db.session.scalar(select(Organisation).filter_by(code=code))
            outbox.set_contact(organisation, f"focal@{code.lower()}.example", "en")
        db.session.commit()
    page = browser_page
    log_in(page, live_server, *create_user("analyst"))
    page.get_by_role("link", name="Invitations").click()
    page.get_by_label("Whom to invite").select_option(label=f"Member States of {KHARTOUM}")
    page.get_by_role("button", name="Invite", exact=True).click()

    expect(
        page.get_by_role("heading", name=f"Invitations: Member States of {KHARTOUM}")
    ).to_be_visible()
    issued = page.locator("#links tbody tr").count()
    assert issued > 20
    expect(page.get_by_role("cell", name="Egypt", exact=True)).to_be_visible()
    assert "2 e-mail(s) queued, 2 sent" in page.get_by_role("status").inner_text()
    screenshot(page, "invited")
    assert sorted(smtp_inbox.recipients) == ["focal@egy.example", "focal@eth.example"]

    page.get_by_role("link", name="Invitations").first.click()
    invited = page.locator("#invited tbody tr")
    expect(invited).to_have_count(issued)
    screenshot(page, "invitations")


def test_an_organiser_reads_the_coverage_dashboard(
    app, live_server, browser_page, create_user, create_invitation
):
    _token, egypt = create_invitation("EGY")
    create_invitation("ETH")
    create_invitation("khartoum-process")
    with app.app_context():
        response = db.session.get(Response, egypt)
        response.status = "submitted"
        db.session.commit()
    page = browser_page
    log_in(page, live_server, *create_user("organiser"))
    expect(page.get_by_role("heading", name="Coverage", exact=True)).to_be_visible()
    states = (
        page.get_by_role("table", name="Respondents by type")
        .get_by_role("row")
        .filter(has=page.get_by_role("rowheader", name="States", exact=True))
    )
    cells = states.get_by_role("cell").all_inner_texts()
    assert cells[1:4] == ["2", "1", "1"]
    expect(page.get_by_role("img", name="States: 2 of")).to_have_count(1)

    page.get_by_label("ISCM name").fill("khartoum")
    page.get_by_role("button", name="Filter").click()
    table = page.get_by_role("table", name="Expected and received responses per ISCM")
    expect(table.locator("tbody tr")).to_have_count(1)
    table.get_by_text(KHARTOUM, exact=True).click()
    expect(table.get_by_text("Egypt")).to_be_visible()
    screenshot(page, "coverage-organiser")
    assert "@" not in page.locator("main").inner_text()

    page.get_by_label("ISCM name").fill("")
    page.get_by_role("button", name="Filter").click()
    expect(table.locator("tbody tr")).not_to_have_count(1)
    rate = page.get_by_role("columnheader", name=re.compile("^Rate"))
    page.get_by_role("link", name="Rate").click()
    expect(rate).to_have_attribute("aria-sort", "ascending")
    page.get_by_role("link", name="Rate").click()
    expect(rate).to_have_attribute("aria-sort", "descending")
    rates = table.locator("tbody tr td:nth-child(8)").all_inner_texts()
    values = [float(r.rstrip(" %")) for r in rates]
    assert values == sorted(values, reverse=True) and values[0] > 0
    screenshot(page, "coverage-sorted")


def test_a_query_raised_by_an_analyst_reaches_the_respondent(
    app, live_server, browser_page, create_user, create_invitation
):
    token, _response_id = create_invitation("EGY")
    page = browser_page
    log_in(page, live_server, *create_user("analyst"))
    page.get_by_role("link", name="Egypt").click()
    page.get_by_label("On the question").select_option(label="Your ministry or institution")
    page.get_by_label("Message to the respondent").fill(
        "Please name the department that answers for migration."
    )
    page.get_by_role("button", name="Raise query").click()
    expect(page.get_by_text("Query raised:")).to_be_visible()
    expect(page.locator("#review-status")).to_have_text("query raised")
    screenshot(page, "review")

    respondent = page.context.browser.new_context().new_page()
    respondent.goto(f"{live_server}/r/{token}")
    notice = respondent.get_by_role("status").filter(has_text="A question from the IOM team")
    expect(notice).to_be_visible()
    assert "Please name the department that answers for migration." in notice.inner_text()
    screenshot(respondent, "respondent-sees-query")
    notice.get_by_role("link").click()
    expect(respondent.get_by_label("Your ministry or institution")).to_be_visible()
    assert (
        respondent.get_by_text("Please name the department that answers for migration.").count()
        >= 1
    )
    screenshot(respondent, "respondent-query-at-question")
    respondent.context.close()

    page.reload()
    trail = page.get_by_role("table", name="Every change to this response")
    expect(trail.get_by_role("cell", name="review").first).to_be_visible()


def test_the_responses_table_fits_1280_pixels_without_breaking_a_word(
    app, live_server, browser_page, create_user, create_invitation
):
    # long names beside short statuses: the columns must not be squeezed inside a word
    for code in ("COD", "GBR", "colombo-process", "abu-dhabi-dialogue", "NLD"):
        create_invitation(code)
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, *create_user("analyst"))

    table = page.get_by_role("table", name="Responses by organisation and status")
    expect(table).to_be_visible()
    # an inline box broken over two lines has two client rectangles
    broken = table.locator("tbody td").evaluate_all(
        """cells => cells.flatMap(cell => {
            const words = [];
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const node = walker.currentNode;
                for (const match of node.data.matchAll(/\\S+/g)) {
                    const range = document.createRange();
                    range.setStart(node, match.index);
                    range.setEnd(node, match.index + match[0].length);
                    if (range.getClientRects().length > 1) words.push(match[0]);
                }
            }
            return words;
        })"""
    )
    assert broken == []
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1280
