"""Sessions end on the server; authenticated answers are never cached; no version banner."""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import time

import pytest
from sqlalchemy import select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import ApiToken, User
from surveyapp.serving import BannerlessRequestHandler
from tests.pages import csrf_token, log_in
from tests.serving import served

NEW_PASSWORD = "plum tractor lantern 42"


def copy_of_session(app, client):
    """A second client holding a copy of ``client``'s session cookie (a stolen cookie)."""
    cookie = client.get_cookie("session")
    assert cookie is not None
    thief = app.test_client()
    thief.set_cookie("session", cookie.value)
    return thief


@pytest.fixture
def analyst(app, create_user):
    """A client logged in as an analyst, with the account's address and password."""
    client = app.test_client()
    email, password = create_user("analyst")
    assert log_in(client, email, password).status_code == 302
    return client, email, password


def opens_workspace(client) -> bool:
    return client.get("/analyst/").status_code == 200


# -- sessions end on the server --------------------------------------------------------------


def test_a_cookie_copied_before_logout_opens_nothing_afterwards(app, analyst):
    client, _email, _password = analyst
    thief = copy_of_session(app, client)
    assert opens_workspace(thief)

    client.post("/logout", data={"csrf_token": csrf_token(client, "/analyst/")})

    reply = thief.get("/analyst/")
    assert reply.status_code == 302
    assert "/login" in reply.headers["Location"]


def test_a_cookie_copied_before_logout_cannot_create_an_api_token(app, analyst):
    client, _email, _password = analyst
    thief = copy_of_session(app, client)
    form_token = csrf_token(thief, "/analyst/tokens")
    client.post("/logout", data={"csrf_token": csrf_token(client, "/analyst/")})

    reply = thief.post("/analyst/tokens", data={"csrf_token": form_token, "name": "mine now"})

    assert reply.status_code == 302
    assert "/login" in reply.headers["Location"]
    with app.app_context():
        assert db.session.scalars(select(ApiToken)).all() == []


def test_logging_in_again_after_logout_works(app, analyst):
    client, email, password = analyst
    client.post("/logout", data={"csrf_token": csrf_token(client, "/analyst/")})
    assert log_in(client, email, password).status_code == 302
    assert opens_workspace(client)


def test_a_password_change_ends_every_other_session_but_keeps_this_one(app, analyst):
    client, _email, password = analyst
    thief = copy_of_session(app, client)

    reply = client.post(
        "/account/password",
        data={
            "csrf_token": csrf_token(client, "/account/password"),
            "current": password,
            "new": NEW_PASSWORD,
            "repeat": NEW_PASSWORD,
        },
    )

    assert reply.status_code == 302
    assert "Your password is changed" in client.get("/analyst/").get_data(as_text=True)
    assert opens_workspace(client)
    assert not opens_workspace(thief)


def test_the_new_password_logs_in_and_the_old_one_no_longer_does(app, analyst):
    client, email, password = analyst
    client.post(
        "/account/password",
        data={
            "csrf_token": csrf_token(client, "/account/password"),
            "current": password,
            "new": NEW_PASSWORD,
            "repeat": NEW_PASSWORD,
        },
    )
    assert log_in(app.test_client(), email, password).status_code == 401
    assert log_in(app.test_client(), email, NEW_PASSWORD).status_code == 302


def test_a_wrong_current_password_changes_nothing(app, analyst):
    client, email, password = analyst
    thief = copy_of_session(app, client)
    reply = client.post(
        "/account/password",
        data={
            "csrf_token": csrf_token(client, "/account/password"),
            "current": "not my password at all",
            "new": NEW_PASSWORD,
            "repeat": NEW_PASSWORD,
        },
    )
    assert reply.status_code == 422
    assert "The current password is not right." in reply.get_data(as_text=True)
    assert opens_workspace(thief)
    assert log_in(app.test_client(), email, password).status_code == 302


def test_a_new_password_must_meet_the_policy(app, analyst):
    client, _email, password = analyst
    reply = client.post(
        "/account/password",
        data={
            "csrf_token": csrf_token(client, "/account/password"),
            "current": password,
            "new": "password1234",
            "repeat": "password1234",
        },
    )
    assert reply.status_code == 422
    assert "common passwords" in reply.get_data(as_text=True)


def test_wrong_current_passwords_are_limited(app, analyst):
    app.config["SURVEYAPP_LOGIN_LIMIT_ACCOUNT"] = "3 per 15 minutes"
    client, _email, password = analyst
    form_token = csrf_token(client, "/account/password")
    for _attempt in range(3):
        wrong = {"csrf_token": form_token, "current": "guess", "new": "x", "repeat": "x"}
        assert client.post("/account/password", data=wrong).status_code == 422
    right = {"csrf_token": form_token, "current": password, "new": "x", "repeat": "x"}
    assert client.post("/account/password", data=right).status_code == 429


def test_the_password_page_needs_a_login(client):
    reply = client.get("/account/password")
    assert reply.status_code == 302
    assert "/login" in reply.headers["Location"]


def test_a_deactivated_account_stays_logged_out_after_reactivation(app, analyst):
    client, email, _password = analyst
    thief = copy_of_session(app, client)
    with app.app_context():
        user = db.session.scalar(select(User).filter_by(email=email))
        operations.set_user_active(user, False, actor="test")
        db.session.commit()
        operations.set_user_active(user, True, actor="test")
        db.session.commit()
    assert not opens_workspace(client)
    assert not opens_workspace(thief)


def test_an_administrator_deactivating_an_account_ends_its_sessions(app, analyst, create_user):
    client, email, _password = analyst
    admin = app.test_client()
    admin_email, admin_password = create_user("admin")
    log_in(admin, admin_email, admin_password)
    with app.app_context():
        user_id = db.session.scalar(select(User.id).filter_by(email=email))
    admin.post(
        f"/admin/users/{user_id}/active",
        data={"csrf_token": csrf_token(admin, "/admin/users")},
    )
    assert not opens_workspace(client)


# -- nothing authenticated is cached ---------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/analyst/",
        "/analyst/coverage",
        "/analyst/invitations",
        "/analyst/tokens",
        "/analyst/exports",
        "/analyst/exports/download?format=csv",
        "/analyst/summaries",
        "/analyst/summaries/khartoum-process/preview.pdf",
        "/admin/users",
        "/admin/registry",
        "/admin/registry/export/iscms.yaml",
        "/account/password",
    ],
)
def test_workspace_answers_are_never_stored_by_browsers_or_proxies(app, path, create_user):
    client = app.test_client()
    log_in(client, *create_user("admin"))
    with client.get(path) as reply:
        assert reply.status_code == 200, (path, reply.status_code)
        assert reply.headers["Cache-Control"] == "no-store"


def test_the_page_showing_a_new_api_token_is_not_stored(app, analyst):
    client, _email, _password = analyst
    reply = client.post(
        "/analyst/tokens",
        data={"csrf_token": csrf_token(client, "/analyst/tokens"), "name": "nightly"},
    )
    assert 'id="new-token"' in reply.get_data(as_text=True)
    assert reply.headers["Cache-Control"] == "no-store"


def test_the_page_showing_new_invitation_links_is_not_stored(app, analyst):
    client, _email, _password = analyst
    reply = client.post(
        "/analyst/invitations",
        data={"csrf_token": csrf_token(client, "/analyst/invitations"), "target": "org:EGY"},
    )
    assert reply.status_code == 200
    assert "/r/" in reply.get_data(as_text=True)
    assert reply.headers["Cache-Control"] == "no-store"


def test_a_respondents_answers_from_the_api_are_not_stored(client, create_invitation):
    token, _response_id = create_invitation("EGY")
    reply = client.get("/api/v1/response", headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 200
    assert reply.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "path", ["/api/v1/responses", "/api/v1/iscms", "/api/v1/reports/iscm/khartoum-process.pdf"]
)
def test_the_analyst_api_is_not_stored(app, client, create_user, path):
    email, _password = create_user("analyst")
    with app.app_context():
        user = db.session.scalar(select(User).filter_by(email=email))
        _token, plain = operations.create_api_token(user, "script", actor="test")
        db.session.commit()
    reply = client.get(path, headers={"Authorization": f"Bearer {plain}"})
    assert reply.status_code == 200
    assert reply.headers["Cache-Control"] == "no-store"


def test_refusals_are_not_stored_either(client):
    reply = client.get("/api/v1/responses", headers={"Authorization": "Bearer nothing"})
    assert reply.status_code == 401
    assert reply.headers["Cache-Control"] == "no-store"


def test_static_files_stay_cacheable(client):
    with client.get("/static/app.css") as reply:
        assert reply.status_code == 200
        assert "no-store" not in reply.headers.get("Cache-Control", "")


# -- no version banner -----------------------------------------------------------------------


def server_header(url_host: str, port: int, path: str = "/login") -> list[str]:
    connection = http.client.HTTPConnection(url_host, port, timeout=30)
    connection.request("GET", path)
    reply = connection.getresponse()
    reply.read()
    connection.close()
    return [value for name, value in reply.getheaders() if name.lower() == "server"]


def test_the_demo_server_names_no_versions(app):
    with served(app, request_handler=BannerlessRequestHandler) as url:
        banners = server_header("127.0.0.1", int(url.rsplit(":", 1)[1]))
    assert banners == ["surveyapp"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_gunicorn_as_deployed_names_no_versions(tmp_path):
    port = free_port()
    environment = {
        **os.environ,
        "SURVEYAPP_INSTANCE_PATH": str(tmp_path),
        "SURVEYAPP_DATABASE_URL": f"sqlite:///{tmp_path / 'banner.sqlite3'}",
    }
    process = subprocess.Popen(  # noqa: S603 - a fixed command line
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
            "surveyapp:create_app()",
        ],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                banners = server_header("127.0.0.1", port)
                break
            except OSError:
                assert process.poll() is None, process.stderr.read().decode()
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stderr.close()
    assert banners
    for banner in banners:
        assert not re.search(r"\d", banner), banner
