"""The ``surveyapp`` command line, used the way an administrator uses it."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from tests.pages import log_in


def test_shipped_questionnaires_validate(runner):
    result = runner.invoke(args=["questionnaires", "validate"])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output


def test_broken_questionnaire_is_reported_with_file_line_and_key(runner, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "id: broken\n"
        'version: "1"\n'
        "respondent_type: state\n"
        "title: {en: Broken}\n"
        "sections:\n"
        "  - key: first\n"
        "    title: {en: First}\n"
        "    questions:\n"
        "      - key: age\n"
        "        type: integer\n"
        "        label: {en: Age}\n"
        "        show_if: {question: later, equals: 'x'}\n"
        "      - key: later\n"
        "        type: text\n"
        "        label: {en: Later}\n"
    )
    result = runner.invoke(args=["questionnaires", "validate", str(broken)])
    assert result.exit_code == 1
    assert "broken.yaml:" in result.output
    assert "age" in result.output
    assert "Traceback" not in result.output


def test_show_prints_the_questionnaire_as_the_api_serves_it(runner, client):
    result = runner.invoke(args=["questionnaires", "show", "state", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output) == client.get("/api/v1/questionnaires/state").get_json()


def test_users_create_reads_the_password_from_stdin(runner, client):
    result = runner.invoke(
        args=["users", "create", "Analyst@Example.org", "--role", "analyst"],
        input="a long enough password\n",
    )
    assert result.exit_code == 0, result.output
    login = log_in(client, "analyst@example.org", "a long enough password")
    assert login.status_code == 302
    assert client.get("/analyst/").status_code == 200


def test_users_create_refuses_a_short_password(runner):
    result = runner.invoke(
        args=["users", "create", "a@example.org", "--role", "analyst"], input="short\n"
    )
    assert result.exit_code != 0
    assert "12 characters" in result.output


def test_invite_prints_a_link_that_opens_the_response(runner, client):
    result = runner.invoke(args=["invite", "KEN", "--email", "focal@example.org", "--json"])
    assert result.exit_code == 0, result.output
    link = json.loads(result.output)
    assert link["url"].endswith(link["token"])
    assert len(link["token"]) >= 22
    page = client.get(f"/r/{link['token']}/")
    assert page.status_code == 200
    assert "Kenya" in page.get_data(as_text=True)


def test_invite_names_an_unknown_organisation(runner):
    result = runner.invoke(args=["invite", "XXX"])
    assert result.exit_code != 0
    assert "XXX" in result.output


# demo_app (tests/conftest.py): the test database with its round closed and the demo built


def test_khartoum_summary_pdf_says_what_the_seed_says(demo_app, tmp_path):
    output = tmp_path / "kp.pdf"
    result = demo_app.test_cli_runner().invoke(
        args=["report", "iscm", "khartoum-process", "-o", str(output)]
    )
    assert result.exit_code == 0, result.output
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(output.read_bytes())).pages
    )
    text = " ".join(text.split())
    for heading in (
        "Evolution of programming and thematic focus",
        "Contribution to migration governance",
        "Salient ISCM structures",
        "Partnership models by the ISCM",
        "Added value of Membership",
    ):
        assert heading in text
    assert "46 States and 22 ISCMs and 3 inter-governmental organizations" in text
    assert "Egypt" in text and "Ethiopia" in text and "Netherlands" in text
    assert "Rome Declaration" in text
    assert "Libya, Norway, Switzerland and Uganda" in text


def test_report_names_an_unknown_iscm(runner, tmp_path):
    result = runner.invoke(args=["report", "iscm", "nowhere", "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code != 0
    assert "nowhere" in result.output


def _pdf_text(path) -> str:
    pages = PdfReader(io.BytesIO(path.read_bytes())).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_demo_summary_carries_the_2019_rounds_dates_and_labels(demo_app, tmp_path):
    output = tmp_path / "kp.pdf"
    result = demo_app.test_cli_runner().invoke(
        args=["report", "iscm", "khartoum-process", "-o", str(output)]
    )
    assert result.exit_code == 0, result.output
    text = _pdf_text(output)
    sources = text.split("Submitted on", 1)[1].split("Survey round", 1)[0]
    assert "2019.1" in sources and "2026" not in sources
    assert "Survey round: Assessment of ISCMs 2019." in text
    assert "(demo)" not in text


def test_report_labels_illustrative_answers_or_leaves_them_out(demo_app, tmp_path):
    runner = demo_app.test_cli_runner()
    labelled, left_out = tmp_path / "labelled.pdf", tmp_path / "left-out.pdf"
    code = "budapest-process"
    result = runner.invoke(args=["report", "iscm", code, "-o", str(labelled)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["report", "iscm", code, "-o", str(left_out), "--no-illustrative"])
    assert result.exit_code == 0, result.output

    text = _pdf_text(labelled)
    assert "Illustrative data (demo): not from a real response" in text
    assert "[Illustrative]" in text and "◆" in text
    text = _pdf_text(left_out)
    assert "Illustrative data (demo)" not in text
    assert "[Illustrative]" not in text and "◆" not in text
    assert "The Budapest Process did not answer the questionnaire" in text
    assert "64 illustrative (demo) responses are left out of this report." in text


@pytest.mark.parametrize("command", ["iscm", "all", "compendium"])
def test_every_report_command_can_leave_illustrative_answers_out(runner, command):
    result = runner.invoke(args=["report", command, "--help"])
    assert "--no-illustrative" in result.output
