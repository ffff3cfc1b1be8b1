"""Migrations: the first revision upgrades to head without losing answers; models agree."""

from __future__ import annotations

import datetime as dt
import os

import flask_migrate
import pytest
from sqlalchemy import inspect, select, text

from surveyapp import create_app
from surveyapp.database_schema import MIGRATIONS, SchemaMismatch, schema_differences, upgrade_schema
from surveyapp.extensions import db
from surveyapp.models import Answer, Organisation, Response, SummaryEdit

# the empty database is SURVEYAPP_TEST_DATABASE_URL's when set: these run in the PostgreSQL pass
pytestmark = pytest.mark.database_engine


@pytest.fixture
def empty_app(tmp_path, monkeypatch):
    """An application on an empty database (SQLite, or SURVEYAPP_TEST_DATABASE_URL emptied)."""
    monkeypatch.setenv("SURVEYAPP_INSTANCE_PATH", str(tmp_path / "instance"))
    url = os.environ.get("SURVEYAPP_TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'm.sqlite3'}"
    application = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    if url.startswith("postgresql"):
        with application.app_context(), db.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


def fill_first_revision() -> None:
    """Rows as the first revision's schema holds them, written with plain SQL."""
    now = dt.datetime(2019, 5, 1, 12, 0)
    statements = [
        (
            "INSERT INTO organisations (id, code, kind, names, short_names, in_sentence, "
            "acronym, region) VALUES (1, 'khartoum-process', 'iscm', :names, '{}', '{}', "
            "'KP', 'East Africa and Europe')",
            {"names": '{"en": "Khartoum Process"}'},
        ),
        (
            "INSERT INTO questionnaire_versions (id, respondent_type, questionnaire_id, version, "
            "content_hash, content, created_at) VALUES (1, 'iscm', 'iscm', '2026.1', 'abc', "
            ":content, :now)",
            {"content": '{"id": "iscm", "sections": []}', "now": now},
        ),
        (
            "INSERT INTO survey_rounds (id, name, year, status, created_at) "
            "VALUES (1, 'Round 2019', 2019, 'open', :now)",
            {"now": now},
        ),
        ("INSERT INTO round_questionnaires VALUES (1, 1)", {}),
        (
            "INSERT INTO responses (id, round_id, organisation_id, questionnaire_version_id, "
            "status, review_status, version, language, illustrative, created_at, updated_at) "
            "VALUES (1, 1, 1, 1, 'in_progress', 'unreviewed', 2, 'en', false, :now, :now)",
            {"now": now},
        ),
        (
            "INSERT INTO answers (response_id, question_key, item_code, value, updated_at) "
            "VALUES (1, 'founding_document', '', :value, :now)",
            {"value": '"Rome Declaration"', "now": now},
        ),
        (
            "INSERT INTO answers (response_id, question_key, item_code, value, updated_at) "
            "VALUES (1, 'states_joined', '', :value, :now)",
            {"value": '["LBY", "NOR", "CHE", "UGA"]', "now": now},
        ),
    ]
    with db.engine.begin() as connection:
        for statement, parameters in statements:
            connection.execute(text(statement), parameters)


def test_a_database_at_the_first_migration_upgrades_to_head_with_every_answer(empty_app):
    with empty_app.app_context():
        flask_migrate.upgrade(directory=str(MIGRATIONS), revision="0001")
        fill_first_revision()

        upgrade_schema()

        response = db.session.get(Response, 1)
        assert response.version == 2
        assert response.answer_values() == {
            "founding_document": "Rome Declaration",
            "states_joined": ["LBY", "NOR", "CHE", "UGA"],
        }
        assert db.session.scalar(select(Answer).filter_by(question_key="states_joined"))
        # the names as lists sort them, in every language (English where not translated)
        khartoum = db.session.get(Organisation, 1)
        assert [khartoum.sort_name_en, khartoum.sort_name_ar] == ["khartoum process"] * 2


def test_models_and_migrations_agree(empty_app):
    with empty_app.app_context():
        upgrade_schema()
        assert schema_differences() == []


def test_upgrading_twice_changes_nothing(empty_app):
    with empty_app.app_context():
        upgrade_schema()
        tables = set(inspect(db.engine).get_table_names())
        upgrade_schema()
        assert set(inspect(db.engine).get_table_names()) == tables


def test_a_database_made_without_migrations_is_adopted_when_it_matches(empty_app):
    with empty_app.app_context():
        db.create_all()
        upgrade_schema()
        assert "alembic_version" in inspect(db.engine).get_table_names()


def test_an_unversioned_database_that_differs_is_refused(empty_app):
    with empty_app.app_context():
        with db.engine.begin() as connection:
            connection.execute(text("CREATE TABLE responses (id INTEGER PRIMARY KEY)"))
        with pytest.raises(SchemaMismatch, match="no migration history"):
            upgrade_schema()


def test_summary_edits_from_before_languages_are_kept_as_english_edits(empty_app):
    with empty_app.app_context():
        flask_migrate.upgrade(directory=str(MIGRATIONS), revision="0003")
        fill_first_revision()
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO summary_edits (id, round_id, organisation_id, section_key, text, "
                    "source_fingerprint, edited_by, edited_at) VALUES (1, 1, 1, 'structures', "
                    "'Edited before languages.', :fingerprint, 'user:a@example.org', :now)"
                ),
                {"fingerprint": "f" * 64, "now": dt.datetime(2019, 5, 2, 9, 0)},
            )

        upgrade_schema()

        edit = db.session.scalar(select(SummaryEdit))
        assert (edit.section_key, edit.language, edit.text) == (
            "structures",
            "en",
            "Edited before languages.",
        )
        db.session.remove()  # end the read, which would hold SQLite's lock against the check
        assert schema_differences() == []
