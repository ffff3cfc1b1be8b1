"""The accessibility checks can fail: axe-core finds a violation planted in a page, whether the
page was opened after ``serve_axe`` (its init script) or before it."""

from __future__ import annotations

import pytest

from tests.browser.support import axe_violations, serve_axe

pytestmark = [pytest.mark.browser, pytest.mark.page_markup]

#: an image without a text alternative and a button without a name
PLANTED = (
    '<!doctype html><html lang="en"><head><title>Planted</title></head><body><main>'
    '<h1>Planted</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
    "<button></button></main></body></html>"
)


def _ids(violations: list[str]) -> set[str]:
    return {line.split("[", 1)[1].split("]", 1)[0] for line in violations}


def test_a_page_opened_after_serve_axe_has_its_violations_found(live_server, browser_page):
    serve_axe(browser_page, live_server)
    browser_page.route(
        f"{live_server}/planted",
        lambda route: route.fulfill(body=PLANTED, content_type="text/html"),
    )
    browser_page.goto(f"{live_server}/planted")
    assert browser_page.evaluate("typeof axe") == "object"  # from the init script
    assert {"image-alt", "button-name"} <= _ids(axe_violations(browser_page, live_server))


def test_a_page_opened_before_serve_axe_gets_axe_when_checked(live_server, browser_page):
    browser_page.set_content(PLANTED)
    serve_axe(browser_page, live_server)
    assert {"image-alt", "button-name"} <= _ids(axe_violations(browser_page, live_server))
