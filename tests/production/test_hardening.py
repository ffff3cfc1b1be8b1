"""Security headers, cookies, request ids, oversize requests and production settings."""

from __future__ import annotations

import pytest

from surveyapp import config
from tests.pages import page_csrf


def test_every_page_carries_the_security_headers(client):
    reply = client.get("/login")
    csp = reply.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "'unsafe-inline'" not in csp
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["Referrer-Policy"] == "no-referrer"
    assert "Strict-Transport-Security" not in reply.headers


def test_https_responses_ask_for_strict_transport_security(client):
    reply = client.get("/login", base_url="https://localhost")
    assert "max-age=" in reply.headers["Strict-Transport-Security"]


def test_error_pages_carry_a_request_id_and_no_traceback(client):
    reply = client.get("/r/unknown-token/")
    assert reply.status_code == 404
    assert len(reply.headers["X-Request-Id"]) == 32
    assert "Traceback" not in reply.get_data(as_text=True)


def test_session_cookie_is_http_only_and_same_site(client, create_user):
    page = client.get("/login")
    cookie = page.headers.get("Set-Cookie", "")
    assert page_csrf(page.get_data(as_text=True))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_oversize_request_is_refused_with_413(client, create_invitation):
    token, _ = create_invitation("EGY")
    reply = client.patch(
        "/api/v1/response",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        data=b"{" + b" " * (17 * 1024 * 1024) + b"}",
    )
    assert reply.status_code == 413
    assert reply.is_json


def test_production_refuses_to_start_without_a_secret_key(monkeypatch, tmp_path):
    monkeypatch.setenv("SURVEYAPP_ENV", "production")
    monkeypatch.delenv("SURVEYAPP_SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SURVEYAPP_SECRET_KEY"):
        config.secret_key(str(tmp_path))


def test_production_marks_cookies_secure(monkeypatch, tmp_path):
    monkeypatch.setenv("SURVEYAPP_ENV", "production")
    monkeypatch.setenv("SURVEYAPP_SECRET_KEY", "x" * 40)
    assert config.from_environment(str(tmp_path))["SESSION_COOKIE_SECURE"] is True


def test_guessing_links_is_stopped_but_a_valid_link_is_not(client, create_invitation):
    token, _ = create_invitation("EGY")
    for attempt in range(20):
        assert client.get(f"/r/guess-{attempt}/").status_code == 404
    assert client.get("/r/guess-last/").status_code == 429
    assert client.get("/api/v1/response", headers={"Authorization": "Bearer x"}).status_code == 429


def test_valid_links_are_never_counted_as_guesses(client, create_invitation):
    token, _ = create_invitation("EGY")
    for _attempt in range(40):
        assert client.get(f"/r/{token}/").status_code == 200
