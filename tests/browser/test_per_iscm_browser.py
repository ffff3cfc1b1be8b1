"""In the browser: a State in two ISCMs answers one today and leaves the other for tomorrow."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

KHARTOUM = "EU-Horn of Africa Migration Route Initiative (Khartoum Process)"


def choose_two_iscms(page, base: str) -> None:
    """On *Participation*: Khartoum Process (pre-ticked from the registry) and Rabat Process."""
    page.goto(f"{base}/s/participation")
    assert page.get_by_label("Khartoum Process").is_checked()
    page.get_by_label("IGC").uncheck()
    page.get_by_label("Rabat Process").check()
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url(re.compile("/s/iscm_views$"))


def states_on_the_hub(page) -> dict[str, str]:
    rows = page.locator(".item-list li")
    return {
        rows.nth(i).get_by_role("link").inner_text(): rows.nth(i).locator(".tag").inner_text()
        for i in range(rows.count())
    }


def test_one_iscm_answered_with_the_save_button_is_there_after_a_reload(
    live_server, browser_page, create_invitation
):
    token, _ = create_invitation("NLD")
    base = f"{live_server}/r/{token}"
    page = browser_page
    choose_two_iscms(page, base)
    assert set(states_on_the_hub(page).values()) == {"Not started"}

    page.get_by_role("link", name=KHARTOUM).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(KHARTOUM)
    page.get_by_role("radio", name=re.compile(r"^Member of the steering committee")).check()
    page.get_by_label(re.compile("Khartoum Process.*has benefited")).fill(
        "the exchange of “good practices” – and trust"
    )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="saved")).to_be_visible()

    page.reload()
    assert page.get_by_role(
        "radio", name=re.compile(r"^Member of the steering committee")
    ).is_checked()
    assert (
        page.get_by_label(re.compile("Khartoum Process.*has benefited")).input_value()
        == "the exchange of “good practices” – and trust"
    )
    page.goto(f"{base}/s/iscm_views")
    assert states_on_the_hub(page) == {
        KHARTOUM: "Completed",
        "Euro-African Dialogue on Migration and Development (Rabat Process)": "Not started",
    }


def test_one_iscm_answered_by_autosave_alone_is_there_after_a_reload(
    live_server, browser_page, create_invitation
):
    token, _ = create_invitation("NLD")
    base = f"{live_server}/r/{token}"
    page = browser_page
    choose_two_iscms(page, base)
    page.get_by_role("link", name=re.compile(r"\(Rabat Process\)")).click()
    page.get_by_role("radio", name="Observer", exact=True).check()
    page.get_by_label(re.compile("Rabat Process.*migration policy")).fill("Bilateral talks")
    page.get_by_role("status").filter(has_text=re.compile(r"Saved at \d\d:\d\d")).wait_for()

    page.reload()
    assert page.get_by_role("radio", name="Observer", exact=True).is_checked()
    assert page.get_by_label(re.compile("Rabat Process.*migration policy")).input_value() == (
        "Bilateral talks"
    )
    page.goto(f"{base}/s/iscm_views")
    states = states_on_the_hub(page)
    assert states[KHARTOUM] == "Not started"
    assert states["Euro-African Dialogue on Migration and Development (Rabat Process)"] == (
        "Completed"
    )


def test_autosave_names_a_refused_answer_instead_of_saying_saved(
    live_server, browser_page, create_invitation
):
    token, _ = create_invitation("NLD")
    page = browser_page
    page.goto(f"{live_server}/r/{token}/s/respondent")
    page.get_by_label("Your name").fill("Anna de Vries")
    page.get_by_label("Your e-mail address").fill("anna at minbuza")
    status = page.get_by_role("status").filter(has_text="Not saved")
    status.wait_for()
    assert "Saved at" not in status.inner_text()
    link = status.get_by_role("link", name="Your e-mail address")
    assert link.get_attribute("href") == "#respondent_email"
    assert "e-mail address such as" in status.inner_text()

    # The valid answer was stored meanwhile; fixing the address saves the rest.
    page.get_by_label("Your e-mail address").fill("anna@minbuza.nl")
    page.get_by_role("status").filter(has_text=re.compile(r"Saved at \d\d:\d\d")).wait_for()
    page.reload()
    assert page.get_by_label("Your name").input_value() == "Anna de Vries"
    assert page.get_by_label("Your e-mail address").input_value() == "anna@minbuza.nl"
