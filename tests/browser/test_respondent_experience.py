"""The respondent's experience in Chromium: conditions, autosave, conflicts, rows, languages,
accessibility (axe-core) and completing a whole questionnaire with the keyboard alone."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.support import axe_violations, serve_axe

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent
CASES = json.loads((HERE.parent / "shared" / "show_if_cases.json").read_text("utf-8"))["cases"]
STATE_ANSWERS = json.loads((HERE.parent / "shared" / "state_answers.json").read_text("utf-8"))
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


def test_autosave_recovers_from_an_expired_session_token(
    live_server, browser_page, create_invitation
):
    token, _ = create_invitation("NLD")
    page = browser_page
    page.goto(f"{live_server}/r/{token}/s/respondent")
    page.evaluate("() => { document.querySelector('input[name=csrf_token]').value = 'expired'; }")
    page.get_by_label("Your name").fill("Typed after a long lunch")
    wait_saved(page)
    page.reload()
    assert page.get_by_label("Your name").input_value() == "Typed after a long lunch"


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
    expect(conflict).to_be_visible()
    serve_axe(second, live_server)
    assert axe_violations(second, live_server) == []
    group = second.get_by_role("group", name="Your name")
    assert "Jan Jansen" in group.inner_text() and "Anna de Vries" in group.inner_text()
    # same position in both tabs: no conflict about it
    assert second.get_by_role("group", name="Your position").count() == 0
    group.get_by_label(re.compile("Keep the answer saved meanwhile")).check()
    second.get_by_role("button", name="Save my choices").click()
    expect(second.get_by_role("status").filter(has_text="saved")).to_be_visible()
    assert second.get_by_label("Your name").input_value() == "Anna de Vries"
    assert second.get_by_label("Your position").input_value() == "Director"


def test_repeat_rows_are_added_edited_and_removed_in_the_page(
    live_server, browser_page, create_invitation
):
    token, _ = create_invitation("khartoum-process")
    page = browser_page
    page.goto(f"{live_server}/r/{token}/s/meetings")
    repeat = page.locator("[data-repeat]").first
    rows = repeat.locator("[data-row]:visible")
    assert rows.count() == 1
    rows.nth(0).get_by_label("Date (first day)").fill("2024-06-12")
    rows.nth(0).get_by_label("Title of the meeting").fill("Senior officials' meeting, Rome")
    repeat.get_by_role("button", name="Add another row").click()
    expect(rows).to_have_count(2)
    expect(page.get_by_role("status").filter(has_text="New row added.")).to_have_count(1)
    rows.nth(1).get_by_label("Date (first day)").fill("2025-03-04")
    rows.nth(1).get_by_label("Title of the meeting").fill("Thematic meeting, Addis Ababa")
    wait_saved(page)
    page.reload()
    titles = repeat.get_by_label("Title of the meeting")
    assert [titles.nth(i).input_value() for i in range(titles.count())] == [
        "Senior officials' meeting, Rome",
        "Thematic meeting, Addis Ababa",
        "",
    ]
    repeat.get_by_role("button", name=re.compile("Remove this row")).first.click()
    expect(rows).to_have_count(2)
    wait_saved(page)
    page.reload()
    titles = repeat.get_by_label("Title of the meeting")
    assert [titles.nth(i).input_value() for i in range(titles.count())] == [
        "Thematic meeting, Addis Ababa",
        "",
    ]


def test_unticking_an_item_with_answers_asks_first(
    live_server, browser_page, client, create_invitation
):
    token, _ = create_invitation("NLD")
    client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": STATE_ANSWERS},
        headers={"Authorization": f"Bearer {token}"},
    )
    page = browser_page
    page.goto(f"{live_server}/r/{token}/s/participation")
    khartoum = page.get_by_label("Khartoum Process")
    messages = []

    def answer(dialog):
        """Say "no" the first time, "yes" the second."""
        messages.append(dialog.message)
        if len(messages) == 1:
            dialog.dismiss()
        else:
            dialog.accept()

    page.on("dialog", answer)
    khartoum.click()
    assert "Khartoum Process" in messages[0]
    assert khartoum.is_checked()
    khartoum.click()
    assert len(messages) == 2
    assert not khartoum.is_checked()
    # an item without answers is unticked without a question
    page.get_by_label("Rabat Process").click()
    page.get_by_label("Rabat Process").click()
    assert len(messages) == 2


@pytest.mark.page_markup
def test_arabic_pages_read_right_to_left(live_server, browser_page, create_invitation):
    token, _ = create_invitation("EGY")
    page = browser_page
    page.goto(f"{live_server}/r/{token}/")
    page.get_by_role("button", name="العربية").click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    page.get_by_role("link", name="راجع إجاباتك").wait_for()
    # The stylesheet may still be loading when the DOM is there: read styles once it is in.
    page.wait_for_load_state("load")
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


# -- accessibility ------------------------------------------------------------------------


def choose_language(page, language: str) -> None:
    names = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}
    button = page.get_by_role("button", name=names[language], exact=True)
    if button.count():
        button.click()
        page.wait_for_load_state()


@pytest.mark.heavy
@pytest.mark.page_markup
@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
@pytest.mark.parametrize("organisation", ["NLD", "khartoum-process", "iom"])
def test_every_respondent_page_has_no_axe_violations(
    live_server, browser_page, create_invitation, organisation, language
):
    token, _ = create_invitation(organisation)
    page = browser_page
    serve_axe(page, live_server)
    base = f"{live_server}/r/{token}"
    page.goto(f"{base}/")
    choose_language(page, language)
    violations = axe_violations(page, live_server)
    sections = page.eval_on_selector_all(
        ".task-list a.task-name", "links => links.map(a => a.getAttribute('href'))"
    )
    assert sections
    item_pages = 0
    for href in sections:
        page.goto(f"{live_server}{href}")
        violations += axe_violations(page, live_server)
        if page.locator("input[name=suggested]").count():
            # keep the pre-ticked ISCMs, so that the per-ISCM pages have something to show
            page.locator("form#section-form button[value=stay]").last.click()
            page.wait_for_load_state()
        items = page.eval_on_selector_all(
            ".item-list a.task-name", "links => links.map(a => a.getAttribute('href'))"
        )
        for item in items[:2]:
            page.goto(f"{live_server}{item}")
            violations += axe_violations(page, live_server)
            item_pages += 1
    if organisation != "khartoum-process":
        assert item_pages, "no per-ISCM page was checked"
    # a page with an error summary: a year that is not a number (ISCM questionnaire)
    if organisation == "khartoum-process":
        page.goto(f"{base}/s/mandate")
        page.locator("#founding_year").fill("nineteen")
        page.locator("form#section-form button[value=stay]").last.click()
        expect(page.locator(".error-summary")).to_have_count(1)
        violations += axe_violations(page, live_server)
    page.goto(f"{base}/check")
    violations += axe_violations(page, live_server)
    page.locator("form[action$='/submit'] button").click()
    page.wait_for_load_state()
    violations += axe_violations(page, live_server)
    page.goto(f"{live_server}/r/not-a-valid-token/")
    violations += axe_violations(page, live_server)
    assert violations == []


@pytest.mark.page_markup
@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_submitted_pages_have_no_axe_violations(
    live_server, browser_page, create_invitation, client, language
):
    token, _ = create_invitation("NLD")
    reply = client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": STATE_ANSWERS},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert reply.status_code == 200
    page = browser_page
    serve_axe(page, live_server)
    page.goto(f"{live_server}/r/{token}/")
    choose_language(page, language)
    page.goto(f"{live_server}/r/{token}/check")
    page.locator("form[action$='/submit'] button").click()
    page.wait_for_url(re.compile("/submitted$"))
    violations = axe_violations(page, live_server)
    page.goto(f"{live_server}/r/{token}/")
    violations += axe_violations(page, live_server)
    page.goto(f"{live_server}/r/{token}/check")
    violations += axe_violations(page, live_server)
    assert violations == []


@pytest.mark.page_markup
def test_the_axe_check_finds_a_planted_violation(live_server, browser_page, create_invitation):
    token, _ = create_invitation("NLD")
    page = browser_page
    serve_axe(page, live_server)
    page.goto(f"{live_server}/r/{token}/s/respondent")
    page.evaluate("() => document.getElementById('respondent_name').labels[0].remove()")
    violations = axe_violations(page, live_server)
    assert any("[label]" in violation for violation in violations)


# -- keyboard only ------------------------------------------------------------------------

FOCUSED = """() => {
    const e = document.activeElement;
    const label = e.labels && e.labels.length ? e.labels[0].textContent : e.textContent;
    const style = getComputedStyle(e);
    return {name: (label || "").replace(/\\s+/g, " ").trim(), tag: e.tagName,
            outline: style.outlineStyle, shadow: style.boxShadow};
}"""


def tab_to(page, name: str, limit: int = 200) -> None:
    """Press Tab until the focused control's label starts with ``name``; focus must be visible."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["name"].startswith(name):
            assert focused["outline"] != "none" or focused["shadow"] != "none", focused
            return
    raise AssertionError(f"Tab never reached {name!r}")


def test_a_whole_state_questionnaire_can_be_completed_with_the_keyboard_alone(
    app, live_server, browser_page, create_invitation
):
    token, response_id = create_invitation("NLD")
    page = browser_page
    page.goto(f"{live_server}/r/{token}/")

    tab_to(page, "About you")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/s/respondent$"))
    for label, text in [
        ("Your name", "Anna de Vries"),
        ("Your position", "Policy officer"),
        ("Your ministry or institution", "Ministry of Justice and Security"),
        ("Your e-mail address", "anna@example.org"),
    ]:
        tab_to(page, label)
        page.keyboard.type(text)
    tab_to(page, "Save and continue")
    page.keyboard.press("Enter")

    # The registry's memberships (Khartoum Process, IGC) come pre-ticked: untick IGC.
    page.wait_for_url(re.compile("/s/participation$"))
    assert page.get_by_label("Khartoum Process").is_checked()
    tab_to(page, "IGC")
    page.keyboard.press("Space")
    tab_to(page, "Save and continue")
    page.keyboard.press("Enter")

    # A hub lists the chosen ISCMs; each is answered on a page of its own.
    page.wait_for_url(re.compile("/s/iscm_views$"))
    tab_to(page, "EU-Horn of Africa Migration Route Initiative (Khartoum Process)")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/s/iscm_views/iscm_views/khartoum-process$"))
    tab_to(page, "Member")
    page.keyboard.press("Space")
    tab_to(page, "Save and go back to the list")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/s/iscm_views$"))
    assert "Completed" in page.locator(".item-list").inner_text()
    tab_to(page, "Continue")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile("/s/general$"))
    tab_to(page, "Save and continue")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile("/check$"))
    assert "Anna de Vries" in page.content()
    tab_to(page, "Submit answers")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/submitted$"))
    expect(page.get_by_role("heading", name="Answers submitted")).to_be_visible()

    tab_to(page, "Download your receipt (PDF)")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    from pypdf import PdfReader

    text = "\n".join(p.extract_text() for p in PdfReader(download.value.path()).pages)
    assert "Receipt of your answers" in text
    assert "Netherlands" in text and "Anna de Vries" in text and "Khartoum Process" in text
    checksum = page.locator("code.checksum").inner_text()
    assert checksum[:32] in text.replace("\n", "")

    from surveyapp.extensions import db
    from surveyapp.models import Response

    with app.app_context():
        response = db.session.get(Response, response_id)
        assert response.status == "submitted"
        assert response.answer_values()["iscm_views"]["khartoum-process"]["role"] == "member"


@pytest.mark.page_markup
@pytest.mark.parametrize("language", ["en", "ar"])
def test_pages_reflow_at_320_css_pixels_without_sideways_scrolling(
    live_server, browser_page, create_invitation, language
):
    """WCAG 1.4.10: 320 CSS pixels is a 1280-pixel window with text enlarged to 400%."""
    token, _ = create_invitation("khartoum-process")
    page = browser_page
    page.goto(f"{live_server}/r/{token}/")
    choose_language(page, language)
    page.set_viewport_size({"width": 320, "height": 800})
    hrefs = page.eval_on_selector_all(
        ".task-list a.task-name", "links => links.map(a => a.getAttribute('href'))"
    )
    too_wide = []
    for path in ["/", *[h.removeprefix(f"/r/{token}") for h in hrefs], "/check"]:
        page.goto(f"{live_server}/r/{token}{path}")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > 320:
            too_wide.append((path, width))
    assert too_wide == []


def test_error_summary_takes_focus_and_links_to_the_field(
    live_server, browser_page, create_invitation
):
    token, _ = create_invitation("khartoum-process")
    page = browser_page
    page.goto(f"{live_server}/r/{token}/s/mandate")
    question = "In which year was the founding document adopted?"
    page.get_by_label(question).fill("nineteen")
    page.get_by_role("button", name="Save", exact=True).click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    # the page's script moves the focus once it has run: wait for it, as a reader's eyes would
    expect(summary).to_be_focused()
    summary.get_by_role("link").first.click()
    expect(page.locator("#founding_year")).to_be_focused()
    field = page.get_by_label(question)
    assert field.input_value() == "nineteen"
    assert field.get_attribute("aria-invalid") == "true"
    assert "founding_year-error" in field.get_attribute("aria-describedby")
    assert "Enter a year" in page.locator("#founding_year-error").inner_text()
