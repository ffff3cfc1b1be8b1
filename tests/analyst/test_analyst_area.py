"""The analysts' area refuses anonymous users and the wrong role."""

from __future__ import annotations

import pytest

from tests.pages import log_in, page_csrf

ANALYST_ROUTES = ["/analyst/", "/analyst/?type=state&status=submitted"]


@pytest.mark.parametrize("path", ANALYST_ROUTES)
def test_anonymous_users_are_sent_to_login(client, path):
    reply = client.get(path)
    assert reply.status_code == 302
    assert "/login" in reply.headers["Location"]


@pytest.mark.parametrize("path", ANALYST_ROUTES)
def test_organisers_may_not_use_the_analyst_area(client, create_user, path):
    email, password = create_user("organiser")
    log_in(client, email, password)
    assert client.get(path).status_code == 403


@pytest.mark.parametrize("role", ["analyst", "admin"])
def test_analysts_see_responses_by_organisation_and_status(
    client, create_user, create_invitation, role
):
    create_invitation("EGY")
    email, password = create_user(role)
    assert log_in(client, email, password).status_code == 302
    html = client.get("/analyst/").get_data(as_text=True)
    assert "Egypt" in html
    assert "invited" in html


def test_wrong_password_is_refused(client, create_user):
    email, _password = create_user("analyst")
    reply = log_in(client, email, "not the password at all")
    assert reply.status_code == 401
    assert "not right" in reply.get_data(as_text=True)


def test_login_does_not_follow_an_offsite_next(client, create_user):
    email, password = create_user("analyst")
    page = client.get("/login?next=https://evil.example/").get_data(as_text=True)
    csrf = page_csrf(page)
    reply = client.post(
        "/login?next=https://evil.example/",
        data={"csrf_token": csrf, "email": email, "password": password},
    )
    assert reply.headers["Location"].endswith("/analyst/")


def test_logout_ends_the_session(client, create_user):
    email, password = create_user("analyst")
    log_in(client, email, password)
    page = client.get("/analyst/").get_data(as_text=True)
    csrf = page_csrf(page)
    client.post("/logout", data={"csrf_token": csrf})
    assert client.get("/analyst/").status_code == 302
