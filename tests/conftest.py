"""Fixtures shared by every test: an application on a fresh database, clients, factories."""

from __future__ import annotations

import os

import pytest

from surveyapp import create_app
from surveyapp.extensions import db


@pytest.fixture
def app(tmp_path, monkeypatch):
    """An application on a fresh database, registry and questionnaires loaded, a round open.

    SQLite in a temporary folder by default; ``SURVEYAPP_TEST_DATABASE_URL`` (e.g. PostgreSQL)
    runs the same tests against another engine, emptied before each test.
    """
    monkeypatch.setenv("SURVEYAPP_INSTANCE_PATH", str(tmp_path / "instance"))
    url = os.environ.get("SURVEYAPP_TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'test.sqlite3'}"
    application = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": "test-secret-key",
            "SURVEYAPP_BASE_URL": "http://localhost",
        }
    )
    from surveyapp.cli import initialise_database

    with application.app_context():
        if not url.startswith("sqlite"):
            db.drop_all()
        initialise_database(year=2026, migrate=False)
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    """A test client of ``app``."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner of ``app``."""
    return app.test_cli_runner()


@pytest.fixture
def create_invitation(app):
    """Factory: invite the organisation ``code`` to the open round; returns (token, response id)."""
    from sqlalchemy import select

    from surveyapp import operations
    from surveyapp.models import Organisation

    def create(code: str, email: str | None = None) -> tuple[str, int]:
        with app.app_context():
            organisation = db.session.scalar(select(Organisation).filter_by(code=code))
            invitation, token = operations.invite(
                operations.current_round(), organisation, email, actor="test"
            )
            db.session.commit()
            return token, invitation.response_id

    return create


@pytest.fixture
def create_user(app):
    """Factory: create an account with ``role``; returns (email, password)."""
    from surveyapp import operations

    def create(role: str = "analyst", email: str | None = None) -> tuple[str, str]:
        email = email or f"{role}@example.org"
        password = f"correct horse {role} battery"
        with app.app_context():
            operations.create_user(email, password, role)
            db.session.commit()
        return email, password

    return create
