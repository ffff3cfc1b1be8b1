"""Accounts: administrators create them, change roles and deactivate them."""

from __future__ import annotations

from sqlalchemy import select

from surveyapp.extensions import db
from surveyapp.models import AuditEvent, User
from tests.pages import csrf_token, log_in


def create(client, email: str, password: str, role: str = "analyst"):
    return client.post(
        "/admin/users",
        data={
            "csrf_token": csrf_token(client, "/admin/users"),
            "email": email,
            "password": password,
            "role": role,
        },
    )


def test_an_administrator_creates_an_account_that_can_log_in(app, admin_client):
    assert (
        create(admin_client, "New.Analyst@example.org", "velvet harbour 9 lanterns").status_code
        == 302
    )
    client = app.test_client()
    assert log_in(client, "new.analyst@example.org", "velvet harbour 9 lanterns").status_code == 302


def test_a_common_password_is_refused_with_a_message(app, admin_client):
    reply = create(admin_client, "someone@example.org", "Password1234")
    assert reply.status_code == 200
    assert "common passwords" in reply.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(User).filter_by(email="someone@example.org")) is None


def test_a_role_change_is_audited(app, admin_client, create_user):
    email, _password = create_user("analyst", email="colleague@example.org")
    with app.app_context():
        user_id = db.session.scalar(select(User.id).filter_by(email=email))
    admin_client.post(
        f"/admin/users/{user_id}/role",
        data={"csrf_token": csrf_token(admin_client, "/admin/users"), "role": "organiser"},
    )
    with app.app_context():
        assert db.session.get(User, user_id).role == "organiser"
        event = db.session.scalar(select(AuditEvent).filter_by(action="user_role"))
        assert (event.old_value, event.new_value) == ("analyst", "organiser")
        assert event.actor == "user:admin@example.org"


def test_a_deactivated_account_cannot_log_in(app, admin_client, create_user):
    email, password = create_user("analyst", email="leaver@example.org")
    with app.app_context():
        user_id = db.session.scalar(select(User.id).filter_by(email=email))
    admin_client.post(
        f"/admin/users/{user_id}/active",
        data={"csrf_token": csrf_token(admin_client, "/admin/users")},
    )
    assert log_in(app.test_client(), email, password).status_code == 401
