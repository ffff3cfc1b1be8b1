"""`surveyapp init` refuses questionnaires the summaries cannot be written from."""

from __future__ import annotations

import shutil

from sqlalchemy import func, select

from surveyapp import bootstrap
from surveyapp.extensions import db
from surveyapp.models import QuestionnaireVersion


def broken_copy(tmp_path, monkeypatch, old: str, new: str):
    """The shipped questionnaires, copied, with ``old`` replaced in iscm.yaml, used by init."""
    folder = tmp_path / "questionnaires"
    shutil.copytree(bootstrap.questionnaire_dir(), folder)
    iscm = folder / "iscm.yaml"
    text = iscm.read_text(encoding="utf-8")
    assert text.count(old) == 1
    iscm.write_text(text.replace(old, new), encoding="utf-8")
    monkeypatch.setattr(bootstrap, "questionnaire_dir", lambda: folder)
    return iscm


def stored_versions(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(QuestionnaireVersion))


def test_init_refuses_a_questionnaire_that_breaks_the_reports_contract(
    app, runner, tmp_path, monkeypatch
):
    # a valid questionnaire, but the summary reads `founding_event`
    iscm = broken_copy(tmp_path, monkeypatch, "- key: founding_event\n", "- key: event\n")
    before = stored_versions(app)

    result = runner.invoke(args=["init"])

    assert result.exit_code == 1
    assert f"Error: {iscm}" in result.output
    assert (
        f"{iscm}: founding_event: no such question, but report slot programming.founding_event "
        "reads it" in result.output
    )
    assert "nothing was changed" in result.output
    assert "Traceback" not in result.output
    assert stored_versions(app) == before


def test_init_names_file_line_and_key_of_a_broken_questionnaire(app, runner, tmp_path, monkeypatch):
    iscm = broken_copy(
        tmp_path,
        monkeypatch,
        "      - key: founding_year\n        type: year\n",
        "      - key: founding_year\n        type: text\n",
    )
    before = stored_versions(app)

    result = runner.invoke(args=["init"])

    assert result.exit_code == 1
    assert f"{iscm}:148: founding_year: 'min' does not apply to a text question" in result.output
    assert "Traceback" not in result.output
    assert stored_versions(app) == before


def test_init_accepts_the_shipped_questionnaires(runner):
    result = runner.invoke(args=["init"])
    assert result.exit_code == 0, result.output
    assert "Database ready" in result.output
