"""The Excel questionnaire: downloaded pre-filled, filled offline, uploaded in the browser."""

from __future__ import annotations

import functools
import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from questionnaires import data_path
from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.interop.excel_questionnaire import META_SHEET
from surveyapp.models import AuditEvent, Response
from surveyapp.questionnaire import load_questionnaire
from surveyapp.registry import load_registry
from tests.pages import page_csrf


@functools.cache
def shipped(respondent_type: str):
    """The shipped questionnaire, whose labels the workbook shows."""
    return load_questionnaire(
        data_path() / f"{respondent_type}.yaml", choice_source=load_registry()
    )


def text(key: str, lang: str = "fr", respondent_type: str = "iscm") -> str:
    """The label of question ``key`` as the respondent reads it (the start, for long ones)."""
    return shipped(respondent_type).question(key).label.get_text(lang)[:40]


def choice(key: str, code: str, lang: str = "fr", respondent_type: str = "iscm") -> str:
    """The label of a choice, as the drop-down offers it."""
    return shipped(respondent_type).question(key).label_for(code, lang)


@pytest.fixture
def analyst(client, create_user):
    """A client logged in as an analyst."""
    email, password = create_user("analyst")
    page = client.get("/login").get_data(as_text=True)
    client.post(
        "/login", data={"csrf_token": page_csrf(page), "email": email, "password": password}
    )
    return client


@pytest.fixture
def iscm_response(app, create_invitation):
    """The Khartoum Process's response in French, with a few answers saved on the web."""
    _token, response_id = create_invitation("khartoum-process")
    with app.app_context():
        response = db.session.get(Response, response_id)
        response.language = "fr"
        operations.save_answers(
            response,
            response.version,
            {
                "founding_document": "Déclaration de Rome",
                "has_strategy": "no",
                "respondent_name": '=HYPERLINK("http://evil.example","click")',
            },
            actor="test",
            channel="web",
        )
        db.session.commit()
    return response_id


def download(client, response_id: int):
    reply = client.get(f"/analyst/responses/{response_id}/excel/questionnaire.xlsx")
    assert reply.status_code == 200
    assert reply.mimetype.endswith("spreadsheetml.sheet")
    return load_workbook(io.BytesIO(reply.data))


def find_row(sheet, label: str) -> int:
    """The row whose question (column A) starts with ``label``, as a person finds it."""
    for row in sheet.iter_rows(min_col=1, max_col=1):
        cell = row[0]
        if isinstance(cell.value, str) and cell.value.strip().startswith(label):
            return cell.row
    raise AssertionError(f"no question {label!r} on sheet {sheet.title!r}")


def sheet_with(workbook, label: str):
    for sheet in workbook.worksheets:
        if sheet.sheet_state == "visible":
            try:
                find_row(sheet, label)
            except AssertionError:
                continue
            return sheet
    raise AssertionError(f"no sheet has {label!r}")


def upload(client, response_id: int, workbook):
    page = client.get(f"/analyst/responses/{response_id}/excel").get_data(as_text=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return client.post(
        f"/analyst/responses/{response_id}/excel",
        data={"csrf_token": page_csrf(page), "workbook": (buffer, "filled.xlsx")},
        content_type="multipart/form-data",
    )


def answers_of(app, response_id: int) -> dict:
    with app.app_context():
        return db.session.get(Response, response_id).answer_values()


def test_download_is_prefilled_in_the_respondents_language_and_protected(analyst, iscm_response):
    workbook = download(analyst, iscm_response)
    assert workbook[META_SHEET].sheet_state == "hidden"
    sheet = sheet_with(workbook, text("founding_document"))
    row = find_row(sheet, text("founding_document"))
    assert sheet.cell(row=row, column=2).value == "Déclaration de Rome"
    assert sheet.protection.sheet
    assert sheet.cell(row=row, column=1).protection.locked
    assert not sheet.cell(row=row, column=2).protection.locked
    strategy = sheet_with(workbook, text("has_strategy"))
    strategy_row = find_row(strategy, text("has_strategy"))
    assert strategy.cell(row=strategy_row, column=2).value == choice("has_strategy", "no")
    ranges = [str(v.sqref) for v in strategy.data_validations.dataValidation if v.type == "list"]
    assert any(f"B{strategy_row}" in r.split() for r in ranges)
    assert len([s for s in workbook.worksheets if s.sheet_state == "visible"]) == 7


def test_formula_like_answers_are_written_as_inert_text(analyst, iscm_response):
    workbook = download(analyst, iscm_response)
    cells = [
        cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=HYPERLINK")
    ]
    assert cells
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in cells)


def test_a_filled_workbook_uploaded_in_the_browser_is_saved_through_the_file_channel(
    app, analyst, iscm_response
):
    workbook = download(analyst, iscm_response)
    mandate = sheet_with(workbook, text("founding_year"))
    mandate.cell(row=find_row(mandate, text("founding_year")), column=2).value = 2014
    strategy = sheet_with(workbook, text("has_strategy"))
    strategy.cell(row=find_row(strategy, text("has_strategy")), column=2).value = choice(
        "has_strategy", "yes"
    )
    structures = sheet_with(workbook, text("structure_elements"))
    first_choice = find_row(structures, text("structure_elements")) + 1
    structures.cell(row=first_choice, column=2).value = "Oui"
    reply = upload(analyst, iscm_response, workbook)
    assert reply.status_code == 302, reply.get_data(as_text=True)
    answers = answers_of(app, iscm_response)
    assert answers["founding_year"] == 2014
    assert answers["has_strategy"] == "yes"
    assert len(answers["structure_elements"]) == 1
    assert answers["founding_document"] == "Déclaration de Rome"
    with app.app_context():
        channels = db.session.scalars(
            select(AuditEvent.channel).filter_by(
                response_id=iscm_response, question_key="founding_year"
            )
        ).all()
    assert channels == ["file"]
    page = analyst.get(reply.headers["Location"]).get_data(as_text=True)
    assert "saved" in page


def test_invalid_answers_are_listed_by_sheet_and_cell_and_nothing_is_saved(
    app, analyst, iscm_response
):
    before = answers_of(app, iscm_response)
    workbook = download(analyst, iscm_response)
    mandate = sheet_with(workbook, text("founding_year"))
    year_row = find_row(mandate, text("founding_year"))
    mandate.cell(row=year_row, column=2).value = 1800
    strategy = sheet_with(workbook, text("has_strategy"))
    strategy_row = find_row(strategy, text("has_strategy"))
    strategy.cell(row=strategy_row, column=2).value = "Peut-être"
    reply = upload(analyst, iscm_response, workbook)
    assert reply.status_code == 422
    html = reply.get_data(as_text=True)
    assert f"<td><bdi>{strategy.title}</bdi>, cell B{strategy_row}</td>" in html
    assert "Choose one of the listed options." in html
    strategy.cell(row=strategy_row, column=2).value = choice("has_strategy", "yes")
    reply = upload(analyst, iscm_response, workbook)
    assert reply.status_code == 422
    html = reply.get_data(as_text=True)
    assert f"<td><bdi>{mandate.title}</bdi>, cell B{year_row}</td>" in html
    assert "Enter a year between 1945 and 2100." in html
    assert answers_of(app, iscm_response) == before


def test_a_stale_file_is_a_conflict_and_overwrites_nothing(app, analyst, iscm_response):
    workbook = download(analyst, iscm_response)
    with app.app_context():
        response = db.session.get(Response, iscm_response)
        operations.save_answers(
            response,
            response.version,
            {"founding_document": "Khartoum Declaration"},
            actor="respondent:khartoum-process",
            channel="web",
        )
        db.session.commit()
    sheet = sheet_with(workbook, text("founding_document"))
    sheet.cell(
        row=find_row(sheet, text("founding_document")), column=2
    ).value = "Rome Declaration (file)"
    reply = upload(analyst, iscm_response, workbook)
    assert reply.status_code == 409
    html = reply.get_data(as_text=True)
    assert "Khartoum Declaration" in html and "Rome Declaration (file)" in html
    assert answers_of(app, iscm_response)["founding_document"] == "Khartoum Declaration"


def test_a_changed_hidden_sheet_is_refused(analyst, iscm_response):
    workbook = download(analyst, iscm_response)
    meta = workbook[META_SHEET]
    meta["A1"].value = meta["A1"].value[:-3] + "abc"
    reply = upload(analyst, iscm_response, workbook)
    assert reply.status_code == 400
    assert "has been changed" in reply.get_data(as_text=True)


def test_a_file_of_another_response_is_refused(analyst, iscm_response, create_invitation):
    _token, other = create_invitation("rabat-process")
    workbook = download(analyst, iscm_response)
    reply = upload(analyst, other, workbook)
    assert reply.status_code == 400
    assert "belongs to another response" in reply.get_data(as_text=True)


def test_a_file_that_is_not_a_workbook_gets_a_clear_message(analyst, iscm_response):
    page = analyst.get(f"/analyst/responses/{iscm_response}/excel").get_data(as_text=True)
    reply = analyst.post(
        f"/analyst/responses/{iscm_response}/excel",
        data={"csrf_token": page_csrf(page), "workbook": (io.BytesIO(b"hello"), "x.xlsx")},
        content_type="multipart/form-data",
    )
    assert reply.status_code == 400
    assert "not an Excel workbook" in reply.get_data(as_text=True)


def test_upload_without_csrf_token_is_refused(analyst, iscm_response):
    reply = analyst.post(
        f"/analyst/responses/{iscm_response}/excel",
        data={"workbook": (io.BytesIO(b"hello"), "x.xlsx")},
        content_type="multipart/form-data",
    )
    assert reply.status_code == 400
    assert "not an Excel workbook" not in reply.get_data(as_text=True)


def test_respondents_and_anonymous_users_cannot_download(client, iscm_response):
    reply = client.get(f"/analyst/responses/{iscm_response}/excel/questionnaire.xlsx")
    assert reply.status_code == 302


def row_containing(sheet, text: str, after: int = 0) -> int:
    for row in sheet.iter_rows(min_row=after + 1, min_col=1, max_col=1):
        if isinstance(row[0].value, str) and text in row[0].value:
            return row[0].row
    raise AssertionError(f"no row with {text!r} on {sheet.title!r}")


def test_per_item_and_repeat_tables_are_read_back_row_by_row(app, analyst, create_invitation):
    _token, state = create_invitation("NLD")
    workbook = download(analyst, state)
    participation = sheet_with(workbook, text("iscms", "en", "state"))
    start = find_row(participation, text("iscms", "en", "state"))
    participation.cell(row=row_containing(participation, "Khartoum", start), column=2).value = "Yes"
    participation.cell(row=row_containing(participation, "Rabat", start), column=2).value = "yes"
    views = sheet_with(workbook, text("iscm_views", "en", "state"))
    header = find_row(views, text("iscm_views", "en", "state")) + 1
    columns = {cell.value: cell.column for cell in views[header] if cell.value}
    role = next(c for label, c in columns.items() if label.startswith(text("role", "en", "state")))
    benefits = next(
        c for label, c in columns.items() if label.startswith(text("benefits", "en", "state"))
    )
    khartoum = row_containing(views, "Khartoum", header)
    views.cell(row=khartoum, column=role).value = choice(
        "role", "steering_committee", "en", "state"
    )
    views.cell(row=khartoum, column=benefits).value = "-the exchange of practice"
    views.cell(row=khartoum, column=benefits + 1).value = "Yes"
    views.cell(row=row_containing(views, "Rabat", header), column=role).value = choice(
        "role", "observer", "en", "state"
    )
    reply = upload(analyst, state, workbook)
    assert reply.status_code == 302, reply.get_data(as_text=True)
    answers = answers_of(app, state)
    assert answers["iscms"] == ["khartoum-process", "rabat-process"]
    assert answers["iscm_views"] == {
        "khartoum-process": {
            "role": "steering_committee",
            "benefits": "-the exchange of practice",
            "benefits_no_attribution": True,
        },
        "rabat-process": {"role": "observer"},
    }
    again = download(analyst, state)
    views = sheet_with(again, text("iscm_views", "en", "state"))
    cell = views.cell(row=khartoum, column=benefits)
    assert cell.value == "-the exchange of practice" and cell.data_type == "s" and cell.quotePrefix


def test_repeat_rows_are_read_from_the_table_skipping_empty_rows(app, analyst, iscm_response):
    workbook = download(analyst, iscm_response)
    label = text("partner_igo_examples")
    sheet = sheet_with(workbook, label)
    header = find_row(sheet, label) + 1
    columns = [cell.value for cell in sheet[header]]
    sheet.cell(row=header + 2, column=2).value = choice("igo", "iom")
    sheet.cell(row=header + 2, column=3).value = "Réunion thématique, Stockholm"
    reply = upload(analyst, iscm_response, workbook)
    assert reply.status_code == 302, (columns, reply.get_data(as_text=True))
    assert answers_of(app, iscm_response)["partner_igo_examples"] == [
        {"igo": "iom", "example": "Réunion thématique, Stockholm"}
    ]


def test_a_per_item_row_for_an_item_not_chosen_is_pointed_out(app, analyst, create_invitation):
    _token, state = create_invitation("EGY")
    workbook = download(analyst, state)
    participation = sheet_with(workbook, text("iscms", "en", "state"))
    start = find_row(participation, text("iscms", "en", "state"))
    participation.cell(row=row_containing(participation, "Khartoum", start), column=2).value = "Yes"
    views = sheet_with(workbook, text("iscm_views", "en", "state"))
    header = find_row(views, text("iscm_views", "en", "state")) + 1
    rabat = row_containing(views, "Rabat", header)
    views.cell(row=rabat, column=2).value = choice("role", "member", "en", "state")
    reply = upload(analyst, state, workbook)
    assert reply.status_code == 422
    html = reply.get_data(as_text=True)
    assert f"cell B{rabat}</td>" in html
    assert "not chosen in" in html
    assert answers_of(app, state) == {}
