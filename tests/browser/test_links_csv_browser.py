"""The links CSV in a browser: an analyst invites an ISCM's member States from the page,
downloads the CSV the result page offers once, and every link in it opens that State's
questionnaire; the contacts pages and the result page have no axe violations."""

from __future__ import annotations

import csv
import io

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from surveyapp.analyst.invitations import member_states
from surveyapp.extensions import db
from surveyapp.models import Organisation
from tests.browser.support import KHARTOUM, axe_violations, log_in, serve_axe

pytestmark = pytest.mark.browser


@pytest.mark.heavy
def test_an_analyst_downloads_the_links_of_an_iscms_member_states_and_each_opens(
    app, live_server, chromium, browser_page, create_user
):
    with app.app_context():
        iscm = db.session.scalar(select(Organisation).filter_by(code="khartoum-process"))
        members = {state.code: state.name() for state in member_states(iscm)}
    page = browser_page
    serve_axe(page, live_server)
    log_in(page, live_server, *create_user("analyst"))
    page.get_by_role("link", name="Invitations").click()
    page.get_by_label("Whom to invite").select_option(label=f"Member States of {KHARTOUM}")
    page.get_by_role("button", name="Invite", exact=True).click()
    expect(
        page.get_by_role("heading", name=f"Invitations: Member States of {KHARTOUM}")
    ).to_be_visible()
    expect(page.get_by_text("it cannot be downloaded again")).to_be_visible()
    assert axe_violations(page, live_server) == []

    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"Download the {len(members)} link(s) as CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith("links-members-khartoum-process-")
    text = download.path().read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["code"]: row["organisation"] for row in rows} == members

    # Each link, opened by someone else (no cookies), is that State's questionnaire.
    respondent = chromium.new_context().new_page()
    for row in rows:
        respondent.goto(row["link"].replace("http://localhost", live_server))
        expect(respondent.locator("p.lead")).to_contain_text(row["organisation"])

    # Leaving the page leaves the file behind: the invitations page offers none.
    page.get_by_role("link", name="Invitations").first.click()
    expect(page.get_by_role("heading", name="Invitations and reminders")).to_be_visible()
    assert page.locator("a[download][href^='data:']").count() == 0


@pytest.mark.page_markup
def test_the_contacts_pages_have_no_axe_violations(app, live_server, browser_page, create_user):
    page = browser_page
    serve_axe(page, live_server)
    log_in(page, live_server, *create_user("analyst"))
    page.goto(f"{live_server}/analyst/invitations")
    page.get_by_role("link", name="Contacts", exact=True).click()
    expect(page.get_by_role("heading", name="Contacts", exact=True)).to_be_visible()
    violations = axe_violations(page, live_server)
    page.get_by_role("link", name="Edit the contact of Egypt").click()
    page.get_by_label("E-mail address").fill("focal@")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("is not an e-mail address")).to_be_visible()
    violations += axe_violations(page, live_server)
    page.get_by_label("E-mail address").fill("focal@egypt.example")
    page.get_by_label("Contact person's name (optional)").fill("Amina Diallo")
    page.get_by_label("Language of the e-mails and the questionnaire").select_option(
        label="العربية"
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("cell", name="Amina Diallo")).to_be_visible()
    page.get_by_label("CSV file (UTF-8)").set_input_files(
        files=[
            {"name": "c.csv", "mimeType": "text/csv", "buffer": b"code,email\nXXX,a@b.example\n"}
        ]
    )
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("No organisation has the code “XXX”.")).to_be_visible()
    violations += axe_violations(page, live_server)
    assert violations == []
