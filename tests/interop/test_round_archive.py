"""A whole round exported as JSON and imported into a fresh installation."""

from __future__ import annotations

import json
import shutil

import pytest
from sqlalchemy import func, select

from surveyapp import create_app
from surveyapp.extensions import db
from surveyapp.interop.round_archive import round_answers
from surveyapp.models import AuditEvent, Invitation, Response, SummaryEdit, SurveyRound


@pytest.fixture(scope="module")
def demo_round(tmp_path_factory, fresh_standalone_demo):
    """The demo round built in its own installation and exported with ``round export``.

    Copied once for this module from the session's demo (``fresh_standalone_demo``): (archive
    path, summary of the round, invitation token hashes).
    """
    base = tmp_path_factory.mktemp("demo-round")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SURVEYAPP_INSTANCE_PATH", str(base / "instance"))
        source = create_app(
            {
                "TESTING": True,
                "SQLALCHEMY_DATABASE_URI": fresh_standalone_demo(base),
                "SECRET_KEY": "demo-secret",
                "SURVEYAPP_BASE_URL": "http://localhost",
            }
        )
        with source.app_context():
            from surveyapp import operations
            from surveyapp.models import Organisation

            operations.save_summary_edit(
                operations.current_round(),
                db.session.scalar(select(Organisation).filter_by(code="khartoum-process")),
                "structures",
                "The secretariat is provided by ICMPD (edited by an analyst).",
                "f" * 64,
                language="fr",
                actor="user:analyst@example.org",
            )
            db.session.commit()
        path = base / "round.json"
        result = source.test_cli_runner().invoke(args=["round", "export", "-o", str(path)])
        assert result.exit_code == 0, result.output
        summary = _summary(source)
        with source.app_context():
            hashes = set(db.session.scalars(select(Invitation.token_hash)))
            db.session.remove()
            db.engine.dispose()
    return path, summary, hashes


@pytest.fixture
def demo_archive(demo_round, tmp_path):
    """A copy of the demo round's archive that a test may change."""
    copy = tmp_path / "round.json"
    shutil.copyfile(demo_round[0], copy)
    return copy


@pytest.fixture
def fresh_app(tmp_path, monkeypatch):
    """A second installation on an empty database."""
    monkeypatch.setenv("SURVEYAPP_INSTANCE_PATH", str(tmp_path / "other-instance"))
    other = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'other.sqlite3'}",
            "SECRET_KEY": "another-secret",
        }
    )
    yield other
    with other.app_context():
        db.session.remove()
        db.engine.dispose()


def _summary(application) -> dict:
    with application.app_context():
        survey_round = db.session.scalar(select(SurveyRound).where(SurveyRound.year == 2019))
        responses = select(Response.id).filter_by(round_id=survey_round.id)
        return {
            "name": survey_round.name,
            "answers": round_answers(survey_round),
            "statuses": sorted(
                (r.organisation.code, r.status, r.version)
                for r in db.session.scalars(select(Response).filter_by(round_id=survey_round.id))
            ),
            "audit": db.session.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.response_id.in_(responses))
            ),
            "summary_edits": [
                (e.organisation.code, e.section_key, e.language, e.text, e.edited_by)
                for e in db.session.scalars(select(SummaryEdit).filter_by(round_id=survey_round.id))
            ],
            "invitations": db.session.scalar(
                select(func.count()).select_from(Invitation).filter_by(round_id=survey_round.id)
            ),
        }


def test_a_demo_round_moves_to_a_fresh_database_with_every_answer(
    demo_round, demo_archive, fresh_app
):
    result = fresh_app.test_cli_runner().invoke(args=["round", "import", str(demo_archive)])
    assert result.exit_code == 0, result.output
    original, copy = demo_round[1], _summary(fresh_app)
    assert copy == original
    assert len(copy["answers"]) > 20
    assert copy["answers"]["khartoum-process"]["founding_year"] == 2014
    assert copy["summary_edits"] == [
        (
            "khartoum-process",
            "structures",
            "fr",
            "The secretariat is provided by ICMPD (edited by an analyst).",
            "user:analyst@example.org",
        )
    ]


def test_the_archive_carries_no_invitation_token(demo_archive):
    text = demo_archive.read_text()
    assert "token" not in text
    data = json.loads(text)
    assert data["format"] == "surveyapp-round" and data["format_version"] == 1
    assert data["invitations"] and "email" in data["invitations"][0]


def test_imported_invitations_open_nothing_until_invited_again(demo_round, demo_archive, fresh_app):
    fresh_app.test_cli_runner().invoke(args=["round", "import", str(demo_archive)])
    with fresh_app.app_context():
        hashes = set(db.session.scalars(select(Invitation.token_hash)))
    assert hashes and not hashes & demo_round[2]


def test_an_unknown_format_version_is_refused(demo_archive, fresh_app):
    data = json.loads(demo_archive.read_text())
    data["format_version"] = 99
    demo_archive.write_text(json.dumps(data))
    result = fresh_app.test_cli_runner().invoke(args=["round", "import", str(demo_archive)])
    assert result.exit_code != 0
    assert "format version 99 is not supported" in result.output
    with fresh_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SurveyRound)) == 0


def test_importing_the_same_round_twice_is_refused(demo_archive, fresh_app):
    runner = fresh_app.test_cli_runner()
    assert runner.invoke(args=["round", "import", str(demo_archive)]).exit_code == 0
    again = runner.invoke(args=["round", "import", str(demo_archive)])
    assert again.exit_code != 0
    assert "is already here" in again.output


def test_a_malformed_archive_gets_a_clear_message(tmp_path, fresh_app):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps({"format": "surveyapp-round", "format_version": 1, "round": {}}))
    result = fresh_app.test_cli_runner().invoke(args=["round", "import", str(path)])
    assert result.exit_code != 0
    assert "malformed" in result.output
    assert "Traceback" not in result.output


def test_a_questionnaire_whose_content_does_not_match_its_hash_is_refused(demo_archive, fresh_app):
    """A version is found again by its content hash (and the application builds its questions
    once per hash): an archive whose questionnaire was edited under the old hash is refused
    whole, before it could stand in for the stored version of that hash."""
    data = json.loads(demo_archive.read_text())
    data["questionnaires"][0]["content"]["title"]["en"] = "Edited by hand"
    demo_archive.write_text(json.dumps(data))
    result = fresh_app.test_cli_runner().invoke(args=["round", "import", str(demo_archive)])
    assert result.exit_code != 0
    assert "does not match its content_hash" in result.output
    assert "Traceback" not in result.output
    with fresh_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SurveyRound)) == 0
