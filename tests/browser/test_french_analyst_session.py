"""A French analyst's session in a browser, from the login page to a published summary: a
search of the responses, the summaries board, the confirmation and the job, and no English
sentence of the interface on any page on the way (issue 15)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import User
from tests.browser.support import JOB_TIMEOUT, submit_login
from tests.pages import english_catalogue, english_on

pytestmark = pytest.mark.browser


def test_a_french_analyst_goes_from_login_to_publication_without_an_english_sentence(
    app,
    live_server,
    browser_page,
    create_user,
    khartoum_round,  # noqa: F811
):
    page = browser_page
    page.set_default_timeout(60_000)
    english = english_catalogue("fr")
    email, password = create_user("analyst")
    with app.app_context():
        user = db.session.scalar(select(User).filter_by(email=email))
        operations.users.set_user_language(user, "fr")
        db.session.commit()
    seen: dict[str, list[str]] = {}

    def read_page(step: str) -> None:
        expect(page.locator("html")).to_have_attribute("lang", "fr")
        if found := english_on(page.content(), english):
            seen[step] = found

    page.goto(f"{live_server}/login?lang=fr")
    read_page("login")
    submit_login(page, email, password, "fr")
    expect(page.get_by_role("heading", name="Réponses", exact=True)).to_be_visible()
    read_page("responses")

    # a search without accents or case finds "Égypte", and only it
    page.get_by_label("Organisation (nom ou code)").fill("egypte")
    page.get_by_role("button", name="Filtrer").click()
    rows = page.locator("table.data tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.get_by_role("link", name="Égypte", exact=True)).to_be_visible()
    read_page("search")

    page.get_by_role("link", name="Synthèses", exact=True).click()
    expect(page.get_by_role("heading", name="Synthèses des conclusions par MCIM")).to_be_visible()
    read_page("board")
    page.get_by_label("Choisir Processus de Khartoum", exact=True).check()
    page.locator("#board-language").select_option("fr")
    page.get_by_role("button", name="Publier…").click()

    expect(page.get_by_role("button", name=re.compile("^Confirmer"))).to_be_visible()
    read_page("confirmation")
    # the demo's Khartoum answers are English: publishing quotes them, once confirmed
    untranslated = page.locator("#confirm_untranslated")
    if untranslated.count():
        untranslated.check()
    page.get_by_role("button", name=re.compile("^Confirmer")).click()

    expect(
        page.get_by_role("heading", name="Publication de la synthèse Processus de Khartoum (FR)")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Publiée en version 1")).to_be_visible(timeout=JOB_TIMEOUT)
    read_page("job")
    assert seen == {}, f"English on the French pages: {seen}"
