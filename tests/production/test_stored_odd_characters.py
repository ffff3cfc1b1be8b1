"""Text stored before the text rule (or written straight into the database) breaks no reader,
and ``surveyapp answers repair-text`` repairs it.

The rows below are inserted with the models, bypassing the engine: control characters, DEL, C1
controls, a non-character and, where the database can hold them (SQLite), NUL and a lone
surrogate. PostgreSQL itself refuses NUL and lone surrogates, so they cannot be stored there.
Every page, export, PDF and command that reads them answers normally, showing U+FFFD ("�")
where a character cannot be carried.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import Answer, AuditEvent, Organisation, Response, User
from surveyapp.models.summary import SummaryEdit
from surveyapp.questionnaire.text import UNPRINTABLE, printable_text, printable_value
from tests.pages import log_in

#: what every database holds: an escape sequence, DEL, a C1 control, a non-character
STORABLE_ANYWHERE = "Rabat\x1b[31m Process\x7f and\x9b more\ufffe"
#: what only SQLite holds: NUL, and (in JSON columns) a lone surrogate
SQLITE_ONLY = " \x00 and \ud800"


@dataclass
class Poisoned:
    """The invitations and ids of a round whose stored text holds odd characters."""

    bad: str
    bad_text_column: str
    kp_token: str
    kp_id: int
    nld_token: str
    nld_id: int
    egy_token: str
    egy_id: int

    @property
    def shown(self) -> str:
        """How a reader shows the bad text."""
        return printable_text(self.bad)


def add_answers(response: Response, answers: dict, *, items: dict | None = None) -> None:
    for key, value in answers.items():
        db.session.add(Answer(response_id=response.id, question_key=key, item_code="", value=value))
    for key, by_item in (items or {}).items():
        for code, value in by_item.items():
            db.session.add(
                Answer(response_id=response.id, question_key=key, item_code=code, value=value)
            )


@pytest.fixture
def poisoned(app, create_invitation) -> Poisoned:
    """The Khartoum Process and the Netherlands submitted, Egypt in progress, with odd text in
    answers, the audit trail, the analyst's query and edit, and registry names."""
    kp_token, kp_id = create_invitation("khartoum-process")
    nld_token, nld_id = create_invitation("NLD")
    egy_token, egy_id = create_invitation("EGY")
    with app.app_context():
        sqlite = db.engine.dialect.name == "sqlite"
        bad = STORABLE_ANYWHERE + (SQLITE_ONLY if sqlite else "")
        # Text columns on SQLite take NUL, not a lone surrogate (it cannot be UTF-8 encoded).
        bad_text_column = STORABLE_ANYWHERE + (" \x00" if sqlite else "")
        now = dt.datetime.now(dt.UTC)
        kp = db.session.get(Response, kp_id)
        add_answers(
            kp,
            {
                "respondent_name": bad,
                "mandate": bad,
                "founding_year": 2014,
                "current_thematic_areas": ["other"],
                "current_thematic_areas_other": bad,
                "meetings": [
                    {"meeting_date": "2019-05-02", "meeting_title": bad, "meeting_summary": bad}
                ],
            },
        )
        kp.status, kp.submitted_at = "submitted", now
        kp.review_status, kp.query_message = "query_raised", bad_text_column
        db.session.add_all(
            [
                AuditEvent(
                    actor="respondent:khartoum-process",
                    action="answer",
                    channel="api",
                    response_id=kp_id,
                    question_key="mandate",
                    old_value=bad,
                    new_value={"mandate": bad, bad: [bad]},
                )
            ]
        )
        nld = db.session.get(Response, nld_id)
        add_answers(
            nld,
            {"iscms": ["khartoum-process"], "respondent_name": bad},
            items={
                "iscm_views": {
                    "khartoum-process": {"role": "member", "benefits": bad, "national_impact": bad}
                }
            },
        )
        nld.status, nld.submitted_at = "submitted", now
        egy = db.session.get(Response, egy_id)
        add_answers(egy, {"respondent_name": bad, "respondent_position": bad})
        egy.status = "in_progress"
        netherlands = db.session.scalar(select(Organisation).filter_by(code="NLD"))
        netherlands.names = dict(netherlands.names, en=f"Netherlands{bad}")
        khartoum = db.session.scalar(select(Organisation).filter_by(code="khartoum-process"))
        khartoum.secretariat = bad_text_column
        db.session.add(
            SummaryEdit(
                round_id=kp.round_id,
                organisation_id=khartoum.id,
                section_key="structures",
                text=f"The secretariat **is** {bad_text_column}",
                source_fingerprint="f" * 64,
                edited_by="user:analyst@example.org",
            )
        )
        db.session.commit()
    return Poisoned(bad, bad_text_column, kp_token, kp_id, nld_token, nld_id, egy_token, egy_id)


@pytest.fixture
def analyst(app, client, create_user):
    """``client`` logged in as an administrator (who may read everything an analyst reads)."""
    email, password = create_user("admin")
    reply = log_in(client, email, password)
    assert reply.status_code == 302
    return client


def assert_pdf(reply) -> None:
    assert reply.status_code == 200, reply.get_data(as_text=True)[:500]
    assert reply.data.startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(reply.data)).pages) >= 1


def assert_page(reply, *expected: str) -> str:
    assert reply.status_code == 200, reply.status_code
    html = reply.get_data(as_text=True)
    assert UNPRINTABLE.search(html) is None
    for text in expected:
        assert text in html
    return html


# -- the respondent's pages ----------------------------------------------------------------


def test_the_respondents_pages_show_odd_stored_text_as_replacement_characters(client, poisoned):
    shown = poisoned.shown
    assert_page(client.get(f"/r/{poisoned.kp_token}/"))
    assert_page(client.get(f"/r/{poisoned.kp_token}/check"), shown)
    assert_page(client.get(f"/r/{poisoned.kp_token}/submitted"))
    assert_page(client.get(f"/r/{poisoned.egy_token}/s/respondent"), shown)
    assert_page(client.get(f"/r/{poisoned.egy_token}/check"), shown)


def test_the_receipt_pdf_is_rendered(client, poisoned):
    assert_pdf(client.get(f"/r/{poisoned.kp_token}/receipt.pdf"))
    assert_pdf(client.get(f"/r/{poisoned.nld_token}/receipt.pdf"))


def test_the_respondent_api_returns_the_stored_text_as_json(client, poisoned):
    reply = client.get("/api/v1/response", headers={"Authorization": f"Bearer {poisoned.kp_token}"})
    assert reply.status_code == 200
    assert reply.get_json()["answers"]["mandate"] == poisoned.bad


def test_submitting_stored_odd_text_is_refused_with_the_message(client, poisoned):
    headers = {"Authorization": f"Bearer {poisoned.egy_token}"}
    reply = client.post("/api/v1/response/submit", headers=headers, json={})
    assert reply.status_code == 422
    assert reply.get_json()["errors"]["respondent_name"] == [
        "This text contains a character that cannot be saved (U+001B, at character 6). "
        "Delete it or retype the text."
    ]


# -- the analyst's pages, exports and PDFs -------------------------------------------------


def test_the_review_page_and_its_audit_trail_survive_odd_text(analyst, poisoned):
    html = assert_page(analyst.get(f"/analyst/responses/{poisoned.kp_id}"), poisoned.shown)
    trail = html[html.index('id="audit-trail"') :]
    assert poisoned.shown in trail
    assert_page(analyst.get(f"/analyst/responses/{poisoned.nld_id}"), poisoned.shown)


def test_the_review_page_survives_odd_text_left_only_in_the_audit_trail(app, analyst, poisoned):
    with app.app_context():
        db.session.execute(Answer.__table__.delete().where(Answer.response_id == poisoned.kp_id))
        db.session.commit()
    html = assert_page(analyst.get(f"/analyst/responses/{poisoned.kp_id}"))
    assert poisoned.shown in html[html.index('id="audit-trail"') :]


def test_the_lists_and_boards_naming_organisations_survive_odd_names(analyst, poisoned):
    netherlands = printable_text(f"Netherlands{poisoned.bad}")
    assert_page(analyst.get("/analyst/"), netherlands)
    assert_page(analyst.get("/analyst/?q=NLD"), netherlands)
    assert_page(analyst.get("/analyst/coverage"))
    assert_page(analyst.get("/analyst/summaries"))


def test_the_excel_questionnaire_of_a_response_is_written(analyst, poisoned):
    reply = analyst.get(f"/analyst/responses/{poisoned.kp_id}/excel/questionnaire.xlsx")
    assert reply.status_code == 200
    workbook = load_workbook(io.BytesIO(reply.data))
    values = {
        cell.value for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row
    }
    assert poisoned.shown in values


def downloaded(reply) -> bytes:
    """The body of a file download, its spooled file closed."""
    assert reply.status_code == 200
    data = reply.data
    reply.close()
    return data


def export_texts(data: bytes) -> list[str]:
    """Every cell of a CSV export (a ZIP of UTF-8 CSV files)."""
    cells = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            text = archive.read(name).decode("utf-8-sig")
            cells.extend(cell for row in csv.reader(io.StringIO(text)) for cell in row)
    return cells


def test_the_csv_export_writes_odd_text_as_replacement_characters(analyst, poisoned):
    cells = export_texts(downloaded(analyst.get("/analyst/exports/download?format=csv")))
    assert poisoned.shown in cells
    assert printable_text(f"Netherlands{poisoned.bad}") in cells
    assert not any(UNPRINTABLE.search(cell) for cell in cells)


def test_the_xlsx_export_writes_odd_text_as_replacement_characters(analyst, poisoned):
    data = downloaded(analyst.get("/analyst/exports/download?format=xlsx"))
    workbook = load_workbook(io.BytesIO(data))
    values = {
        cell.value for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row
    }
    assert poisoned.shown in values


def test_the_summary_workspace_and_pdf_survive_odd_answers_edits_and_names(analyst, poisoned):
    assert_page(analyst.get("/analyst/summaries/khartoum-process"))
    assert_pdf(analyst.get("/analyst/summaries/khartoum-process/preview.pdf"))
    assert_pdf(analyst.get("/analyst/summaries/khartoum-process/preview.pdf?language=fr"))


def test_the_compendium_is_written_with_odd_answers_and_names(app, poisoned):
    from reports import render_compendium_html
    from surveyapp.dossiers import build_compendium_dossier

    with app.app_context():
        html = render_compendium_html(build_compendium_dossier())
    assert UNPRINTABLE.search(html) is None
    assert printable_text(f"Netherlands{poisoned.bad}") in html
    html.encode("utf-8")


def test_the_analyst_api_serves_the_response_and_the_summary(app, client, poisoned, create_user):
    email, _password = create_user("analyst")
    with app.app_context():
        user = db.session.scalar(select(User).filter_by(email=email))
        _token, plain = operations.create_api_token(user, "odd", actor="test")
        db.session.commit()
    headers = {"Authorization": f"Bearer {plain}"}
    reply = client.get(f"/api/v1/responses/{poisoned.kp_id}", headers=headers)
    assert reply.status_code == 200
    assert reply.get_json()["answers"]["mandate"] == poisoned.bad
    assert_pdf(client.get("/api/v1/reports/iscm/khartoum-process.pdf", headers=headers))


def test_the_registry_pages_and_exports_survive_odd_names(analyst, poisoned):
    assert_page(analyst.get("/admin/registry"))
    assert_page(
        analyst.get("/admin/registry/iscms/khartoum-process"),
        printable_text(poisoned.bad_text_column),
    )
    csv_export = analyst.get("/admin/registry/export/iscms.csv")
    assert csv_export.status_code == 200
    assert printable_text(poisoned.bad_text_column) in csv_export.get_data(as_text=True)
    assert analyst.get("/admin/registry/export/iscms.yaml").status_code == 200


# -- commands ------------------------------------------------------------------------------


def test_the_export_and_report_commands_survive_odd_text(runner, poisoned, tmp_path):
    for file_format in ("csv", "xlsx"):
        output = tmp_path / f"export.{file_format}"
        result = runner.invoke(args=["export", "--format", file_format, "-o", str(output)])
        assert result.exit_code == 0, result.output
    pdf = tmp_path / "kp.pdf"
    result = runner.invoke(args=["report", "iscm", "khartoum-process", "-o", str(pdf)])
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_round_export_keeps_odd_text_exactly_and_the_import_refuses_it(
    app, runner, poisoned, tmp_path
):
    path = tmp_path / "round.json"
    result = runner.invoke(args=["round", "export", "-o", str(path)])
    assert result.exit_code == 0, result.output
    archive = json.loads(path.read_text(encoding="utf-8"))
    kp = next(r for r in archive["responses"] if r["organisation"] == "khartoum-process")
    assert {a["question_key"]: a["value"] for a in kp["answers"]}["mandate"] == poisoned.bad
    archive["round"]["name"] = "Another round"
    path.write_text(json.dumps(archive), encoding="utf-8")
    refused = runner.invoke(args=["round", "import", str(path)])
    assert refused.exit_code == 1
    assert "cannot be stored" in refused.output
    assert "Traceback" not in refused.output


# -- the repair ----------------------------------------------------------------------------


def stored_texts(app) -> dict[str, object]:
    """Every text column the repair reads, as plain values."""
    with app.app_context():
        return {
            "answers": sorted(
                (a.id, json.dumps(a.value)) for a in db.session.scalars(select(Answer))
            ),
            "audit": sorted(
                (e.id, json.dumps([e.old_value, e.new_value]))
                for e in db.session.scalars(select(AuditEvent))
            ),
            "edits": sorted(e.text for e in db.session.scalars(select(SummaryEdit))),
            "organisations": sorted(
                json.dumps([o.names, o.secretariat])
                for o in db.session.scalars(select(Organisation))
            ),
            "queries": sorted(str(r.query_message) for r in db.session.scalars(select(Response))),
        }


def count_line(output: str, label: str) -> int:
    return int(re.search(rf"^{re.escape(label)}: (\d+) row", output, re.MULTILINE).group(1))


def test_a_dry_run_counts_the_rows_to_repair_and_changes_nothing(app, runner, poisoned):
    before = stored_texts(app)
    result = runner.invoke(args=["answers", "repair-text", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert count_line(result.output, "answers") == 8
    assert count_line(result.output, "audit events") == 1
    assert count_line(result.output, "summary edits") == 1
    assert count_line(result.output, "organisations") == 2
    assert count_line(result.output, "responses (analysts' queries)") == 1
    assert "13 row(s) would change in all. Nothing was written." in result.output
    assert stored_texts(app) == before


def test_the_repair_replaces_what_cannot_be_held_and_leaves_the_rest(app, runner, poisoned):
    with app.app_context():
        versions = {r.id: r.version for r in db.session.scalars(select(Response))}
        events = db.session.scalar(select(func.count()).select_from(AuditEvent))
    result = runner.invoke(args=["answers", "repair-text"])
    assert result.exit_code == 0, result.output
    assert "13 row(s) changed in all." in result.output
    texts = stored_texts(app)
    assert not UNPRINTABLE.search(json.dumps(texts, ensure_ascii=False))
    with app.app_context():
        kp = db.session.get(Response, poisoned.kp_id)
        values = kp.answer_values()
        assert values["mandate"] == poisoned.shown
        assert values["founding_year"] == 2014
        assert values["meetings"][0]["meeting_title"] == poisoned.shown
        assert kp.query_message == printable_text(poisoned.bad_text_column)
        nld = db.session.get(Response, poisoned.nld_id)
        assert nld.answer_values()["iscm_views"]["khartoum-process"] == {
            "role": "member",
            "benefits": poisoned.shown,
            "national_impact": poisoned.shown,
        }
        event = db.session.scalar(select(AuditEvent).filter_by(action="answer"))
        assert event.new_value == printable_value(
            {"mandate": poisoned.bad, poisoned.bad: [poisoned.bad]}
        )
        repairs = db.session.scalars(select(AuditEvent).filter_by(action="repair_text")).all()
        assert len(repairs) == 8
        assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == events + 8
        for response_id in (poisoned.kp_id, poisoned.nld_id, poisoned.egy_id):
            assert db.session.get(Response, response_id).version == versions[response_id] + 1
    again = runner.invoke(args=["answers", "repair-text"])
    assert "0 row(s) changed in all." in again.output


def test_after_the_repair_the_respondent_can_submit_the_repaired_text(client, runner, poisoned):
    assert runner.invoke(args=["answers", "repair-text"]).exit_code == 0
    headers = {"Authorization": f"Bearer {poisoned.egy_token}"}
    current = client.get("/api/v1/response", headers=headers).get_json()
    assert current["answers"]["respondent_name"] == poisoned.shown
    reply = client.patch(
        "/api/v1/response",
        headers=headers,
        json={"version": current["version"], "answers": {"respondent_name": "Amina Diallo"}},
    )
    assert reply.status_code == 200
