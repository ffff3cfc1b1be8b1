"""A respondent answers in the browser, saves, reloads and finds the answer."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_answer_survives_save_and_reload(live_server, browser_page, create_invitation):
    token, _response_id = create_invitation("NLD")
    page = browser_page
    page.goto(f"{live_server}/r/{token}/")
    assert "Netherlands" in page.content()

    page.get_by_role("link", name="About you").click()
    page.get_by_label("Your name").fill("Anna de Vries")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="saved")).to_be_visible()

    page.reload()
    assert page.get_by_label("Your name").input_value() == "Anna de Vries"


def test_conditional_question_shows_only_when_its_condition_holds(
    live_server, browser_page, create_invitation
):
    token, _response_id = create_invitation("khartoum-process")
    page = browser_page
    page.goto(f"{live_server}/r/{token}/s/mandate")
    strategy_title = page.locator('[data-question="strategy_title"]')
    assert strategy_title.is_hidden()
    page.locator('[data-question="has_strategy"]').get_by_label("Yes", exact=True).check()
    expect(strategy_title).to_be_visible()
    page.locator('[data-question="has_strategy"]').get_by_label("No", exact=True).check()
    assert strategy_title.is_hidden()
