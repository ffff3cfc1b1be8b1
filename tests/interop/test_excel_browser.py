"""An analyst downloads an Excel questionnaire and uploads it filled in, in Chromium."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from surveyapp.extensions import db
from surveyapp.models import AuditEvent, Response
from tests.browser.support import log_in

pytestmark = pytest.mark.browser


def test_analyst_downloads_fills_and_uploads_an_excel_questionnaire(
    app, live_server, browser_page, create_invitation, create_user, tmp_path
):
    _token, response_id = create_invitation("NLD")
    email, password = create_user("analyst")
    page = browser_page
    log_in(page, live_server, email, password)
    page.goto(f"{live_server}/analyst/responses/{response_id}/excel")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the Excel questionnaire").click()
    path = tmp_path / "questionnaire.xlsx"
    download_info.value.save_as(path)

    workbook = load_workbook(path)
    about = workbook.worksheets[0]
    for row in about.iter_rows(min_col=1, max_col=1):
        label = row[0].value or ""
        if label.startswith("Your name"):
            about.cell(row=row[0].row, column=2).value = "Anna de Vries"
        if label.startswith("Your e-mail address"):
            about.cell(row=row[0].row, column=2).value = "anna@example.nl"
    workbook.save(path)

    page.get_by_label("Filled questionnaire (.xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="Upload and save the answers").click()
    page.get_by_text("The file's answers are saved").wait_for()
    page.screenshot(path=str(tmp_path / "uploaded.png"), full_page=True)
    with app.app_context():
        answers = db.session.get(Response, response_id).answer_values()
        channels = {
            e.channel
            for e in db.session.query(AuditEvent).filter_by(response_id=response_id)
            if e.action == "answer"
        }
    assert answers["respondent_name"] == "Anna de Vries"
    assert answers["respondent_email"] == "anna@example.nl"
    assert channels == {"file"}
