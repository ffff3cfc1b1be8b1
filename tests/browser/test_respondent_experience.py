"""The respondent's experience in Chromium: conditions, autosave, conflicts, rows, languages,
accessibility (axe-core) and completing a whole questionnaire with the keyboard alone."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent
AXE = HERE / "vendor" / "axe.min.js"
CASES = json.loads((HERE.parent / "shared" / "show_if_cases.json").read_text("utf-8"))["cases"]
SCREENSHOTS = Path("/tmp") / "surveyapp-screenshots"


def test_javascript_evaluator_agrees_with_the_shared_table(
    live_server, browser_page, create_invitation
):
    token, _ = create_invitation("NLD")
    page = browser_page
    page.goto(f"{live_server}/r/{token}/s/respondent")
    results = page.evaluate(
        """cases => cases.map(c => {
            try { return SurveyConditions.evaluate(c.condition, c.answers, c.scope || null); }
            catch (e) { return "error: " + e.message; }
        })""",
        CASES,
    )
    disagreements = [
        (case["name"], case["expected"], got)
        for case, got in zip(CASES, results, strict=True)
        if got is not case["expected"]
    ]
    assert disagreements == []


def wait_saved(page):
    page.get_by_role("status").filter(has_text=re.compile(r"Saved at \d\d:\d\d")).wait_for()


def test_autosave_keeps_answers_after_the_page_is_closed(
    live_server, browser_page, create_invitation
):
    token, _ = create_invitation("NLD")
    page = browser_page
    page.goto(f"{live_server}/r/{token}/s/respondent")
    page.get_by_label("Your name").fill("Anna de Vries")
    page.get_by_label("Your position").fill("Policy officer")
    wait_saved(page)
    page.close()

    again = browser_page.context.new_page()
    again.goto(f"{live_server}/r/{token}/s/respondent")
    assert again.get_by_label("Your name").input_value() == "Anna de Vries"
    assert again.get_by_label("Your position").input_value() == "Policy officer"


def test_autosave_retries_when_the_connection_comes_back(
    live_server, browser_page, create_invitation
):
    token, _ = create_invitation("NLD")
    page = browser_page
    page.goto(f"{live_server}/r/{token}/s/respondent")
    page.context.set_offline(True)
    page.get_by_label("Your name").fill("Offline typing")
    page.get_by_role("status").filter(has_text="no connection").wait_for()
    page.context.set_offline(False)
    wait_saved(page)
    page.reload()
    assert page.get_by_label("Your name").input_value() == "Offline typing"


def test_leaving_with_unsaved_changes_asks_first(live_server, browser_page, create_invitation):
    token, _ = create_invitation("NLD")
    page = browser_page
    page.route("**/autosave", lambda route: route.abort())
    page.goto(f"{live_server}/r/{token}/s/respondent")
    page.get_by_label("Your name").fill("Not saved yet")
    page.get_by_role("status").filter(has_text="no connection").wait_for()
    dialogs = []

    def dismiss(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]


def test_two_tabs_conflict_is_resolved_per_question_without_loss(
    live_server, browser_page, create_invitation
):
    token, _ = create_invitation("NLD")
    first = browser_page
    second = first.context.new_page()
    url = f"{live_server}/r/{token}/s/respondent"
    first.goto(url)
    second.goto(url)

    first.get_by_label("Your name").fill("Anna de Vries")
    first.get_by_label("Your position").fill("Director")
    wait_saved(first)

    second.get_by_label("Your name").fill("Jan Jansen")
    second.get_by_label("Your position").fill("Director")
    second.get_by_role("status").filter(has_text="Someone else saved").wait_for()
    second.get_by_role("button", name="Save", exact=True).click()

    conflict = second.get_by_role("alert").filter(has_text="Someone else saved this section")
    assert conflict.is_visible()
    group = second.get_by_role("group", name="Your name")
    assert "Jan Jansen" in group.inner_text() and "Anna de Vries" in group.inner_text()
    # same position in both tabs: no conflict about it
    assert second.get_by_role("group", name="Your position").count() == 0
    group.get_by_label(re.compile("Keep the answer saved meanwhile")).check()
    second.get_by_role("button", name="Save my choices").click()
    assert second.get_by_role("status").filter(has_text="saved").is_visible()
    assert second.get_by_label("Your name").input_value() == "Anna de Vries"
    assert second.get_by_label("Your position").input_value() == "Director"


def test_repeat_rows_are_added_and_removed_in_the_page(
    live_server, browser_page, create_invitation
):
    token, _ = create_invitation("khartoum-process")
    page = browser_page
    page.goto(f"{live_server}/r/{token}/s/meetings")
    repeat = page.locator("[data-repeat]").first
    rows = repeat.locator("[data-row]:visible")
    assert rows.count() == 1
    repeat.get_by_role("button", name="Add another row").click()
    assert rows.count() == 2
    repeat.get_by_role("button", name="Remove this row").last.click()
    assert rows.count() == 1


def test_arabic_pages_read_right_to_left(live_server, browser_page, create_invitation):
    token, _ = create_invitation("EGY")
    page = browser_page
    page.goto(f"{live_server}/r/{token}/")
    page.get_by_role("button", name="العربية").click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    page.get_by_role("link", name="راجع إجاباتك").wait_for()
    font = page.evaluate("() => getComputedStyle(document.body).fontFamily")
    assert font.startswith('"Noto Naskh Arabic"')
    assert page.evaluate("() => document.fonts.check('16px \"Noto Naskh Arabic\"', 'م')")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "entry-ar.png"), full_page=True)
    page.get_by_role("link").filter(has_text=re.compile("بيانات|About")).first.click()
    page.screenshot(path=str(SCREENSHOTS / "section-ar.png"), full_page=True)
    # nothing widens the page, and the heading starts at the right edge in right-to-left
    width = page.viewport_size["width"]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    box = page.locator("h1").bounding_box()
    assert box["x"] + box["width"] > width * 0.75
