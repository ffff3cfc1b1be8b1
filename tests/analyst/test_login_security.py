"""Logging in: rate limits per account and per address, session renewal, inactivity timeout."""

from __future__ import annotations

import pytest

from surveyapp import operations
from surveyapp.security import PasswordRejected, init_security, limiter
from tests.pages import csrf_token, log_in


def test_failed_logins_are_limited_per_account(app, client, create_user):
    app.config["SURVEYAPP_LOGIN_LIMIT_ACCOUNT"] = "3 per 15 minutes"
    email, password = create_user("analyst")
    for _attempt in range(3):
        assert log_in(client, email, "wrong password, try again").status_code == 401
    reply = log_in(client, email, password)
    assert reply.status_code == 429
    assert "Too Many Requests" in reply.get_data(as_text=True)


def test_the_account_limit_does_not_lock_out_other_accounts(app, client, create_user):
    app.config["SURVEYAPP_LOGIN_LIMIT_ACCOUNT"] = "3 per 15 minutes"
    email, _password = create_user("analyst")
    other_email, other_password = create_user("admin")
    for _attempt in range(3):
        log_in(client, email, "wrong password, try again")
    assert log_in(client, other_email, other_password).status_code == 302


def test_failed_logins_are_limited_per_address(app, client, create_user):
    app.config["SURVEYAPP_LOGIN_LIMIT_ADDRESS"] = "4 per 15 minutes"
    email, password = create_user("analyst")
    for number in range(4):
        assert log_in(client, f"nobody{number}@example.org", "wrong password").status_code == 401
    assert log_in(client, email, password).status_code == 429


def test_successful_logins_do_not_count(app, client, create_user):
    app.config["SURVEYAPP_LOGIN_LIMIT_ACCOUNT"] = "2 per 15 minutes"
    email, password = create_user("analyst")
    for _attempt in range(4):
        assert log_in(client, email, password).status_code == 302


def test_an_application_without_limits_leaves_the_next_ones_limited(tmp_path, monkeypatch):
    from surveyapp import create_app
    from tests.database_template import TEST_SETTINGS

    monkeypatch.setenv("SURVEYAPP_INSTANCE_PATH", str(tmp_path / "instance"))
    database = f"sqlite:///{tmp_path / 'unlimited.sqlite3'}"
    create_app({**TEST_SETTINGS, "SQLALCHEMY_DATABASE_URI": database, "RATELIMIT_ENABLED": False})
    limited = create_app({**TEST_SETTINGS, "SQLALCHEMY_DATABASE_URI": database})

    assert limited.config["RATELIMIT_ENABLED"] is True
    with limited.app_context():
        assert limiter.enabled


def test_limits_are_kept_in_redis_when_it_is_configured(tmp_path, monkeypatch):
    from flask import Flask

    app = Flask(__name__)
    app.config["SURVEYAPP_REDIS_URL"] = "redis://127.0.0.1:6379/15"
    init_security(app)
    assert app.config["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/15"
    with app.app_context():
        assert type(limiter.storage).__name__ == "RedisStorage"


def test_limits_are_kept_in_memory_without_redis(app):
    assert app.config["RATELIMIT_STORAGE_URI"] == "memory://"


def test_login_starts_a_new_session(app, client, create_user):
    email, password = create_user("analyst")
    client.get("/login")
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    log_in(client, email, password)
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"]


def test_an_idle_session_is_ended(app, client, create_user):
    email, password = create_user("analyst")
    log_in(client, email, password)
    assert client.get("/analyst/").status_code == 200
    with client.session_transaction() as session:
        session["last_seen"] -= app.config["SURVEYAPP_IDLE_MINUTES"] * 60 + 1
    reply = client.get("/analyst/")
    assert reply.status_code == 302
    assert "/login" in reply.headers["Location"]
    assert client.get("/analyst/").status_code == 302
    assert "inactivity" in client.get("/login").get_data(as_text=True)


def test_an_active_session_is_kept(app, client, create_user):
    email, password = create_user("analyst")
    log_in(client, email, password)
    with client.session_transaction() as session:
        session["last_seen"] -= app.config["SURVEYAPP_IDLE_MINUTES"] * 60 - 30
    assert client.get("/analyst/").status_code == 200


def test_a_deactivated_account_loses_its_session(app, client, create_user):
    from sqlalchemy import select

    from surveyapp.extensions import db
    from surveyapp.models import User

    email, password = create_user("analyst")
    log_in(client, email, password)
    with app.app_context():
        user = db.session.scalar(select(User).filter_by(email=email))
        operations.set_user_active(user, False, actor="test")
        db.session.commit()
    assert client.get("/analyst/").status_code == 302


@pytest.mark.parametrize(
    "password",
    ["password1234", "Password1234!", "qwertyuiop123", "iloveyouiloveyou", "aaaaaaaaaaaaaaaa"],
)
def test_common_passwords_are_refused(app, password):
    with app.app_context(), pytest.raises(PasswordRejected):
        operations.create_user("new@example.org", password, "analyst")


def test_short_passwords_are_refused(app):
    with app.app_context(), pytest.raises(PasswordRejected, match="12 characters"):
        operations.create_user("new@example.org", "Xk3!vq9#", "analyst")


def test_passwords_are_stored_as_argon2id_hashes(app):
    with app.app_context():
        user = operations.create_user("new@example.org", "plum tractor lantern 42", "analyst")
        assert user.password_hash.startswith("$argon2id$")
        assert "plum tractor" not in user.password_hash


def test_logout_needs_the_csrf_token(app, client, create_user):
    email, password = create_user("analyst")
    log_in(client, email, password)
    assert client.post("/logout").status_code == 400
    client.post("/logout", data={"csrf_token": csrf_token(client, "/analyst/")})
    assert client.get("/analyst/").status_code == 302
