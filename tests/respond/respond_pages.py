"""Helpers of the respondent tests: read a page's CSRF token and form version."""

from __future__ import annotations

import re


def page_csrf(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def page_version(html: str) -> str:
    """The version a section form was rendered with."""
    match = re.search(r'name="version"[^>]*value="(\d+)"', html) or re.search(
        r'value="(\d+)"[^>]*name="version"', html
    )
    assert match, "the page has no version field"
    return match.group(1)
