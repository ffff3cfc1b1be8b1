"""`surveyapp questionnaires validate` warns about labels that lack a language."""

from __future__ import annotations

QUESTIONNAIRE = """\
id: igo
version: "2026.1"
respondent_type: igo
title: {en: "Questionnaire for IGOs", fr: "Questionnaire", es: "Cuestionario", ar: "استبيان"}
sections:
  - key: about
    title: {en: "About you", fr: "Vous", es: "Usted", ar: "أنت"}
    questions:
      - key: respondent_name
        type: text
        label: {en: "Your name", fr: "Votre nom"}
"""


def test_validate_reports_missing_translations_as_warnings(runner, tmp_path):
    path = tmp_path / "igo.yaml"
    path.write_text(QUESTIONNAIRE, encoding="utf-8")
    # a fragment of a questionnaire: checked alone, not against what the reports read
    result = runner.invoke(args=["questionnaires", "validate", "--no-contract", str(path)])
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output
    assert "respondent_name" in result.output
    assert "label has no es, ar translation" in result.output
    assert "1 questionnaire path(s) valid." in result.output
