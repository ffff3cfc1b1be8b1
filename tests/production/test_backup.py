"""Backups: a filled database is written out, damaged, restored, and every answer is back."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from surveyapp.extensions import db
from surveyapp.models import Answer, Response


def answers_snapshot(app) -> dict:
    with app.app_context():
        return {
            r.organisation.code: r.answer_values() for r in db.session.scalars(select(Response))
        }


def test_backup_and_restore_round_trip_a_filled_database(
    app, runner, client, create_invitation, tmp_path
):
    token, _ = create_invitation("khartoum-process")
    client.patch(
        "/api/v1/response",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "version": 0,
            "answers": {"founding_document": "Rome Declaration", "founding_year": 2014},
        },
    )
    before = answers_snapshot(app)
    assert before["khartoum-process"]["founding_year"] == 2014

    result = runner.invoke(args=["backup", "-o", str(tmp_path / "backup.db")])
    assert result.exit_code == 0, result.output
    with app.app_context():
        db.session.execute(delete(Answer))
        db.session.commit()
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 0

    result = runner.invoke(args=["restore", str(tmp_path / "backup.db"), "--yes"])
    assert result.exit_code == 0, result.output
    assert answers_snapshot(app) == before


def test_restore_refuses_a_file_that_is_not_a_backup(runner, tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_text("not a database")
    result = runner.invoke(args=["restore", str(bogus), "--yes"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
