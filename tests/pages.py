"""Reading pages the way a browser does, for tests that drive the app with the test client:
a form's CSRF token and version, and logging in through the login form."""

from __future__ import annotations

import re

#: the hidden CSRF field of a form, whatever the order of its attributes before ``value``
_CSRF_FIELD = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def page_csrf(html: str) -> str:
    """The CSRF token of the first form on a page; fails the test when there is none."""
    match = _CSRF_FIELD.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def csrf_token(client, path: str = "/login") -> str:
    """The CSRF token of the form on ``path`` ("" when the page has none)."""
    found = _CSRF_FIELD.search(client.get(path).get_data(as_text=True))
    return found.group(1) if found else ""


def page_version(html: str) -> str:
    """The version a section form was rendered with."""
    match = re.search(r'name="version"[^>]*value="(\d+)"', html) or re.search(
        r'value="(\d+)"[^>]*name="version"', html
    )
    assert match, "the page has no version field"
    return match.group(1)


def log_in(client, email: str, password: str):
    """Log ``client`` in through the login form; returns the form's reply."""
    token = csrf_token(client)
    return client.post("/login", data={"csrf_token": token, "email": email, "password": password})
