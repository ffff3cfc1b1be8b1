"""A writing request that finds SQLite's write lock held past the busy timeout is answered
503 with Retry-After, in the person's language, and changes nothing: never a 500."""

from __future__ import annotations

import sqlite3

import pytest

from surveyapp import create_app
from surveyapp.extensions import db
from tests.database_template import TEST_SETTINGS
from tests.pages import page_csrf


@pytest.fixture
def busy(tmp_path, monkeypatch):
    """(an application on its own SQLite file with a 200 ms busy timeout, a function that
    holds the file's write lock from another connection until the test ends)."""
    monkeypatch.setenv("SURVEYAPP_INSTANCE_PATH", str(tmp_path / "instance"))
    path = tmp_path / "busy.sqlite3"
    application = create_app(
        {
            **TEST_SETTINGS,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
            "SURVEYAPP_SQLITE_BUSY_MS": 200,
        }
    )
    with application.app_context():
        db.create_all()
    holders = []

    def hold() -> None:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        holders.append(other)

    yield application, hold
    for other in holders:
        other.execute("ROLLBACK")
        other.close()
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


def test_a_form_post_that_finds_the_database_busy_says_so_in_the_page_language(busy):
    application, hold = busy
    client = application.test_client()
    token = page_csrf(client.get("/login?lang=fr").get_data(as_text=True))
    hold()

    answer = client.post(
        "/login", data={"csrf_token": token, "email": "a@example.org", "password": "x" * 12}
    )

    assert answer.status_code == 503
    assert answer.headers["Retry-After"] == "5"
    page = answer.get_data(as_text=True)
    assert "Traceback" not in page
    assert "Le serveur est occupé" in page
    assert "rien n'a été enregistré" in page


def test_an_api_write_that_finds_the_database_busy_gets_json_503(busy):
    application, hold = busy
    hold()

    answer = application.test_client().patch(
        "/api/v1/response",
        json={"version": 0, "answers": {}},
        headers={"Authorization": "Bearer not-a-token-but-looked-up"},
    )

    assert answer.status_code == 503
    assert answer.headers["Retry-After"] == "5"
    assert answer.json["error"] == "Service Unavailable"
    assert "try again in a few seconds" in answer.json["message"]


def test_once_the_lock_is_released_the_same_request_goes_through(busy):
    application, _hold = busy
    answer = application.test_client().patch(
        "/api/v1/response",
        json={"version": 0, "answers": {}},
        headers={"Authorization": "Bearer not-a-token-but-looked-up"},
    )
    assert answer.status_code == 401


def test_another_503_keeps_its_own_heading_in_the_page_language(busy):
    # e.g. a summary over its render limits: not "busy", and no English heading
    from flask import render_template
    from werkzeug.exceptions import ServiceUnavailable

    application, _hold = busy
    with application.test_request_context("/?lang=fr"):
        page = render_template(
            "error.html", error=ServiceUnavailable("La synthèse n'a pas pu être produite.")
        )
    assert "<h1>Service indisponible</h1>" in page
    assert "occupé" not in page and "Service Unavailable" not in page
