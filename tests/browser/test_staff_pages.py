"""Staff pages in four languages in Chromium: the language menu, right to left in Arabic, and no
axe-core violation on any analyst, organiser or administrator page (issue 15)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.analyst.test_staff_language import ADMIN_PAGES, ANALYST_PAGES
from tests.browser.support import axe_violations, serve_axe, submit_login

pytestmark = pytest.mark.browser

#: each language's name in its own language, as the menu shows it
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}


def choose_language(page, language: str) -> None:
    """Choose ``language`` in the staff pages' language menu."""
    menu = page.get_by_role("navigation", name=re.compile("Language|Langue|Idioma|لغة"))
    if language != "en":
        menu.get_by_role("link", name=LANGUAGE_NAMES[language], exact=True).click()
        page.wait_for_load_state()
    expect(menu.locator("[aria-current=true]")).to_have_text(LANGUAGE_NAMES[language])


@pytest.mark.heavy
@pytest.mark.page_markup
@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_every_staff_page_has_no_axe_violations(
    app, live_server, browser_page, create_user, create_invitation, language
):
    _token, response_id = create_invitation("KEN")
    email, password = create_user("admin")
    page = browser_page
    serve_axe(page, live_server)
    page.goto(f"{live_server}/login")
    choose_language(page, language)
    violations = axe_violations(page, live_server)
    submit_login(page, email, password, language)
    page.wait_for_load_state()
    with app.app_context():
        from surveyapp import operations

        round_id = operations.current_round().id
    paths = (
        *ANALYST_PAGES,
        f"/analyst/responses/{response_id}",
        *ADMIN_PAGES,
        f"/admin/rounds/{round_id}",
    )
    for path in paths:
        page.goto(f"{live_server}{path}")
        html = page.locator("html")
        expect(html).to_have_attribute("lang", language)
        expect(html).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
        violations += axe_violations(page, live_server)
    assert not violations, "\n".join(violations)


def test_the_language_menu_switches_and_the_choice_is_kept_at_the_next_login(
    live_server, browser_page, create_user
):
    email, password = create_user("analyst")
    page = browser_page
    page.goto(f"{live_server}/login")
    submit_login(page, email, password)
    page.goto(f"{live_server}/analyst/coverage")
    choose_language(page, "ar")
    expect(page.get_by_role("heading", level=1)).to_have_text("التغطية")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    # a new browser, whose own language is English: the account's language opens
    other = browser_page.context.browser.new_context(locale="en-GB").new_page()
    other.goto(f"{live_server}/login")
    submit_login(other, email, password)
    other.wait_for_load_state()
    expect(other.locator("html")).to_have_attribute("lang", "ar")
    choose_language(other, "fr")
    expect(other.get_by_role("heading", level=1)).to_have_text("Réponses")


@pytest.mark.page_markup
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_staff_list_pages_do_not_scroll_sideways_on_a_phone(
    app, live_server, browser_page, create_user, create_invitation, language
):
    """At 390 CSS pixels a wide table scrolls within itself; the page itself does not."""
    from surveyapp.demo import khartoum_responses

    # the Khartoum Process's own answers: long texts and tables of repeated rows
    token, response_id = create_invitation("khartoum-process")
    answers = next(r for r in khartoum_responses() if r.organisation == "khartoum-process").answers
    saved = app.test_client().patch(
        "/api/v1/response",
        json={"version": 0, "answers": answers},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert saved.status_code == 200, saved.json
    email, password = create_user("admin")
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server}/login?lang={language}")
    submit_login(page, email, password, language)
    page.wait_for_load_state()
    wide = {}
    for path in (*ANALYST_PAGES, f"/analyst/responses/{response_id}", *ADMIN_PAGES):
        page.goto(f"{live_server}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide[path] = width
    assert wide == {}
    # the tables keep their semantics while they scroll
    page.goto(f"{live_server}/analyst/coverage")
    assert page.get_by_role("table").count() >= 2
    assert page.get_by_role("columnheader").count() >= 9
