"""Every page has a favicon, served by the application itself."""

from __future__ import annotations


def test_the_favicon_is_served_at_the_address_browsers_ask_for(client):
    with client.get("/favicon.ico") as reply:
        assert reply.status_code == 200
        assert reply.mimetype == "image/svg+xml"
        assert reply.get_data().startswith(b"<svg")


def test_pages_link_to_the_favicon(client):
    page = client.get("/login").get_data(as_text=True)

    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
