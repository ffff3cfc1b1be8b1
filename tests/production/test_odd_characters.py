"""Odd characters: one text rule, the same on every channel that brings text in.

Control characters (other than tab and newline) and lone surrogates are refused with a message
that names the character and where it is; what a word processor puts in ordinary text is kept
(or, for its line breaks, stored as newlines); text is stored in Unicode NFC.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import select

from reports import text as report_text
from surveyapp.extensions import db
from surveyapp.models import Organisation, Response
from surveyapp.models.summary import SummaryEdit
from surveyapp.questionnaire.answers import AnswerError, coerce_text
from surveyapp.questionnaire.text import UNPRINTABLE, clean_text, printable_line, printable_text
from tests.pages import log_in, page_csrf, page_version

#: characters no channel accepts, one of each kind
REFUSED = {
    "NUL": "\x00",
    "escape": "\x1b",
    "unit separator": "\x1f",
    "DEL": "\x7f",
    "C1 control": "\x9b",
    "lone high surrogate": "\ud800",
    "lone low surrogate": "\udfff",
    "non-character U+FFFF": "\uffff",
}
#: what a paste from Word holds besides letters: kept exactly
WORD_TEXT = (
    "\u201cSmart quotes\u201d and \u2018single\u2019 ones \u2013 an en dash, an em dash \u2014,"
    " an ellipsis\u2026 a no-break\u00a0space, a narrow one\u202f: a soft\u00adhyphen, a zero"
    "\u200bwidth space, a word\u2060joiner, \u0645\u200c\u0646 a joiner, \u200fa mark, \t a tab"
)


def message_for(character: str, position: int) -> str:
    return (
        f"This text contains a character that cannot be saved (U+{ord(character):04X}, at "
        f"character {position}). Delete it or retype the text."
    )


# -- the rule ------------------------------------------------------------------------------


@pytest.mark.parametrize("character", REFUSED.values(), ids=REFUSED.keys())
def test_a_control_character_or_lone_surrogate_is_refused_naming_it_and_where(character):
    with pytest.raises(AnswerError) as refused:
        coerce_text(f"Rabat{character} Process")
    assert refused.value.message == message_for(character, 6)


def test_what_word_puts_in_ordinary_text_is_kept_exactly():
    assert coerce_text(WORD_TEXT) == WORD_TEXT


@pytest.mark.parametrize(
    "line_break",
    ["\r\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"],
    ids=["CRLF", "CR", "Word line break", "page break", "next line", "U+2028", "U+2029"],
)
def test_line_breaks_of_every_kind_are_stored_as_newlines(line_break):
    assert coerce_text(f"first line{line_break}second line") == "first line\nsecond line"


def test_a_byte_order_mark_pasted_with_the_text_is_dropped():
    assert coerce_text("\ufeffKhartoum Process") == "Khartoum Process"
    assert coerce_text("\ufeff") is None


def test_text_is_stored_in_nfc():
    decomposed = "Re\u0301union re\u0301gionale"
    assert coerce_text(decomposed) == "Réunion régionale"
    assert coerce_text(decomposed) == unicodedata.normalize("NFC", decomposed)


def test_the_reports_library_replaces_exactly_what_the_application_refuses():
    assert report_text.UNPRINTABLE.pattern == UNPRINTABLE.pattern
    every = "".join(map(chr, range(0x110000)))
    assert report_text.printable(every) == printable_text(every)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=60))
def test_any_text_is_either_refused_or_stored_printable_nfc_and_stable(text):
    try:
        stored = coerce_text(text)
    except AnswerError as refused:
        assert re.fullmatch(
            r"This text contains a character that cannot be saved \(U\+[0-9A-F]{4,6}, at "
            r"character \d+\)\. Delete it or retype the text\.",
            refused.message,
        )
        assert UNPRINTABLE.search(clean_text_lines(text))
        return
    if stored is None:
        return
    assert UNPRINTABLE.search(stored) is None
    assert "\r" not in stored
    assert unicodedata.is_normalized("NFC", stored)
    assert coerce_text(stored) == stored
    stored.encode("utf-8")


def clean_text_lines(text: str) -> str:
    """``text`` with line breaks as the rule stores them (a refusal is about what remains)."""
    return re.sub("\r\n|[\r\x0b\x0c\x85\u2028\u2029]", "\n", text)


def test_printable_text_never_refuses_and_keeps_accepted_text_unchanged():
    assert printable_text("a\x00b\ud800c\x1bd\x0be") == "a\ufffdb\ufffdc\ufffdd\ne"
    assert printable_text(WORD_TEXT) == WORD_TEXT
    assert clean_text(WORD_TEXT) == WORD_TEXT


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=60))
def test_a_header_line_is_one_printable_line_that_keeps_no_break_spaces(text):
    line = printable_line(text)
    # what a mail header can hold: no line break, nothing to replace, no edge spaces
    assert line == printable_text(line) and len(line.splitlines()) <= 1
    assert line == line.strip(" ")
    # the no-break spaces typography puts in names and before ":" in French stay
    for space in "\u00a0\u2007\u202f":
        assert line.count(space) == printable_text(text).count(space)


# -- the channels --------------------------------------------------------------------------


@pytest.fixture
def kp_token(create_invitation):
    """A fresh invitation of the Khartoum Process."""
    return create_invitation("khartoum-process")[0]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def stored(app) -> dict:
    with app.app_context():
        response = db.session.scalar(select(Response))
        return response.answer_values() if response else {}


def test_the_api_refuses_each_odd_text_with_a_message_per_key(app, client, kp_token):
    answers = {
        "respondent_name": "Amina\x00",
        "current_thematic_areas": ["other"],
        "current_thematic_areas_other": "Return \ud800 and reintegration",
        "meetings": [{"meeting_date": "2019-05-02", "meeting_title": "\x1b[31mSenior officials"}],
        "founding_document": "Rome Declaration",
    }
    # Sent as JSON text: the \ud800 escape is how a client sends a lone surrogate.
    reply = client.patch(
        "/api/v1/response",
        data=json.dumps({"version": 0, "answers": answers}),
        headers=bearer(kp_token) | {"Content-Type": "application/json"},
    )
    assert reply.status_code == 422
    errors = reply.get_json()["errors"]
    assert errors["respondent_name"] == [message_for("\x00", 6)]
    assert errors["current_thematic_areas_other"] == [message_for("\ud800", 8)]
    assert errors["meetings.0.meeting_title"] == [message_for("\x1b", 1)]
    assert "founding_document" not in errors
    assert stored(app) == {}


def test_the_api_stores_word_text_exactly_and_decomposed_text_as_nfc(app, client, kp_token):
    reply = client.patch(
        "/api/v1/response",
        json={
            "version": 0,
            "answers": {"mandate": WORD_TEXT, "founding_document": "De\u0301claration de Rome"},
        },
        headers=bearer(kp_token),
    )
    assert reply.status_code == 200, reply.get_json()
    assert stored(app) == {"mandate": WORD_TEXT, "founding_document": "Déclaration de Rome"}


def section_page(client, token: str, section: str) -> str:
    return client.get(f"/r/{token}/s/{section}").get_data(as_text=True)


def form_fields(html: str) -> dict[str, str]:
    """The CSRF token and the version a section page was rendered with."""
    return {
        "csrf_token": page_csrf(html),
        "version": page_version(html),
    }


def test_the_form_refuses_a_control_character_next_to_its_field_keeping_the_text(
    app, client, kp_token
):
    html = section_page(client, kp_token, "respondent")
    reply = client.post(
        f"/r/{kp_token}/s/respondent",
        data=form_fields(html)
        | {"respondent_name": "Amina\x1b Diallo", "respondent_position": "Head of unit"},
    )
    assert reply.status_code == 422
    page = reply.get_data(as_text=True)
    assert message_for("\x1b", 6) in page
    # The typed text stays in the field; the character that cannot be shown is marked "�".
    assert re.search(r'name="respondent_name"[^>]*value="Amina\ufffd Diallo"', page)
    assert "\x1b" not in page
    assert stored(app) == {"respondent_position": "Head of unit"}


def test_the_form_message_is_in_the_respondents_language(app, client, kp_token):
    with app.app_context():
        db.session.scalar(select(Response)).language = "fr"
        db.session.commit()
    html = section_page(client, kp_token, "respondent")
    reply = client.post(
        f"/r/{kp_token}/s/respondent",
        data=form_fields(html) | {"respondent_name": "Amina\x00"},
    )
    assert reply.status_code == 422
    assert (
        "Ce texte contient un caractère qui ne peut pas être enregistré (U+0000, au caractère 6)."
        in reply.get_data(as_text=True)
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "es",
            "Este texto contiene un carácter que no se puede guardar (U+001B, en el carácter 3).",
        ),
        ("ar", "U+001B"),
    ],
)
def test_the_autosave_refuses_a_control_character_with_a_translated_message(
    app, client, kp_token, language, expected
):
    with app.app_context():
        db.session.scalar(select(Response)).language = language
        db.session.commit()
    html = section_page(client, kp_token, "respondent")
    reply = client.post(
        f"/r/{kp_token}/s/respondent/autosave",
        data=form_fields(html) | {"respondent_name": "Am\x1bina", "respondent_position": "Chef"},
    )
    body = reply.get_json()
    assert body["status"] != "saved"
    assert expected in json.dumps(body, ensure_ascii=False)
    assert stored(app) == {"respondent_position": "Chef"}


def test_the_arabic_message_is_translated():
    from surveyapp import create_app
    from surveyapp.i18n import translate_problem

    application = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with application.test_request_context("/?lang=ar"):
        from flask_babel import force_locale

        with force_locale("ar"):
            with pytest.raises(AnswerError) as refused:
                coerce_text("ab\x1b")
            shown = translate_problem(refused.value.message)
    assert "U+001B" in shown and "3" in shown
    assert re.search("[\u0600-\u06ff]", shown)


# -- Excel ---------------------------------------------------------------------------------


@pytest.fixture
def analyst(client, create_user):
    """``client`` logged in as an analyst."""
    email, password = create_user("analyst")
    log_in(client, email, password)
    return client


def test_an_excel_upload_refuses_a_c1_control_character_naming_the_cell(
    app, analyst, create_invitation
):
    _token, response_id = create_invitation("khartoum-process")
    reply = analyst.get(f"/analyst/responses/{response_id}/excel/questionnaire.xlsx")
    assert reply.status_code == 200
    workbook = load_workbook(io.BytesIO(reply.data))
    # XML (so .xlsx) can carry C1 controls, unlike C0 ones: Excel may hand one over.
    with app.app_context():
        label = (
            db.session.get(Response, response_id)
            .questionnaire_version.questionnaire()
            .question("respondent_name")
            .label.get_text("en")
        )
    sheet = next(s for s in workbook.worksheets if s.sheet_state == "visible")
    row = next(
        cell.row
        for cell in sheet["A"]
        if isinstance(cell.value, str) and cell.value.startswith(label)
    )
    sheet.cell(row=row, column=2).value = "Amina\x9b Diallo"
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    page = analyst.get(f"/analyst/responses/{response_id}/excel").get_data(as_text=True)
    reply = analyst.post(
        f"/analyst/responses/{response_id}/excel",
        data={
            "csrf_token": page_csrf(page),
            "workbook": (buffer, "filled.xlsx"),
        },
        content_type="multipart/form-data",
    )
    assert reply.status_code == 422
    html = reply.get_data(as_text=True)
    assert message_for("\x9b", 6) in html
    assert f"cell B{row}" in html
    assert stored(app) == {}


# -- imports -------------------------------------------------------------------------------


def kobo_file(tmp_path, records: list[dict]):
    path = tmp_path / "kobo.json"
    path.write_text(json.dumps({"results": records}), encoding="utf-8")
    return path


def test_a_kobo_import_refuses_a_submission_with_an_odd_text_naming_its_column(
    app, runner, tmp_path
):
    path = kobo_file(
        tmp_path,
        [
            {
                "_uuid": "odd-1",
                "organisation_code": "khartoum-process",
                "respondent/respondent_name": "Amina\u001b[2J Diallo",
            }
        ],
    )
    result = runner.invoke(args=["responses", "import", str(path)])
    assert result.exit_code == 1
    assert "row 1, column respondent/respondent_name:" in result.output
    assert message_for("\x1b", 6) in result.output
    assert "\x1b" not in result.output
    assert stored(app) == {}


@pytest.mark.parametrize(
    ("field", "value", "column"),
    [
        ("_uuid", "odd\u0000id", "meta/instanceID"),
        ("organisation_code", "khartoum\ud800process", "organisation_code"),
    ],
)
def test_a_kobo_import_refuses_an_id_or_code_that_cannot_be_stored(
    app, runner, tmp_path, field, value, column
):
    record = {"_uuid": "odd-2", "organisation_code": "khartoum-process"} | {field: value}
    result = runner.invoke(args=["responses", "import", str(kobo_file(tmp_path, [record]))])
    assert result.exit_code == 1
    assert f"Refused row 1, column {column}:" in result.output
    assert "contains a character that cannot be stored" in result.output
    assert "Traceback" not in result.output


def test_a_kobo_csv_import_goes_through_the_same_rule(app, runner, tmp_path):
    path = tmp_path / "kobo.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["_uuid", "organisation_code", "mandate/mandate"])
        writer.writerow(["odd-3", "khartoum-process", "Migration\x07 governance"])
    result = runner.invoke(args=["responses", "import", str(path)])
    assert result.exit_code == 1
    assert message_for("\x07", 10) in result.output
    assert stored(app) == {}


def test_a_round_archive_holding_an_odd_text_is_refused_naming_where(
    app, client, runner, kp_token, tmp_path
):
    saved = client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": {"mandate": "Dialogue on migration"}},
        headers=bearer(kp_token),
    )
    assert saved.status_code == 200
    path = tmp_path / "round.json"
    assert runner.invoke(args=["round", "export", "-o", str(path)]).exit_code == 0
    archive = json.loads(path.read_text(encoding="utf-8"))
    archive["round"]["name"] = "Another round"
    answer = next(a for a in archive["responses"][0]["answers"] if a["question_key"] == "mandate")
    answer["value"] = "Dialogue\u001b on migration"
    path.write_text(json.dumps(archive), encoding="utf-8")
    result = runner.invoke(args=["round", "import", str(path)])
    assert result.exit_code == 1
    assert "responses[0].answers" in result.output
    assert "(U+001B, at character 9)" in result.output
    assert "surveyapp answers repair-text" in result.output
    answer["value"] = "Dialogue on migration"
    path.write_text(json.dumps(archive), encoding="utf-8")
    imported = runner.invoke(args=["round", "import", str(path)])
    assert imported.exit_code == 0, imported.output


@pytest.fixture
def admin(client, create_user):
    """``client`` logged in as an administrator."""
    email, password = create_user("admin")
    log_in(client, email, password)
    return client


def registry_upload(admin, what: str, filename: str, content: bytes):
    page = admin.get("/admin/registry").get_data(as_text=True)
    token = page_csrf(page)
    return admin.post(
        "/admin/registry/import",
        data={"csrf_token": token, "what": what, "file": (io.BytesIO(content), filename)},
        content_type="multipart/form-data",
    )


def igo_names(app, code: str):
    with app.app_context():
        organisation = db.session.scalar(select(Organisation).filter_by(code=code))
        return organisation.names if organisation else None


def test_a_registry_import_refuses_a_name_with_a_control_character(app, admin):
    content = b"code,name_en,name_fr\nodd_igo,Odd\x1b Organisation,Organisation\n"
    reply = registry_upload(admin, "igos", "igos.csv", content)
    assert reply.status_code in (400, 422)
    html = reply.get_data(as_text=True)
    assert "name_en contains a character that cannot be stored (U+001B, at character 4)" in html
    assert igo_names(app, "odd_igo") is None


def test_a_registry_import_stores_names_in_nfc_without_a_byte_order_mark(app, admin):
    content = "\ufeffcode,name_en,name_fr\nnfc_igo,Organisation,Organisation re\u0301gionale\n"
    reply = registry_upload(admin, "igos", "igos.csv", content.encode())
    assert reply.status_code in (200, 302), reply.get_data(as_text=True)
    assert igo_names(app, "nfc_igo") == {"en": "Organisation", "fr": "Organisation régionale"}


def test_a_registry_name_is_one_line_word_line_breaks_included(app, admin):
    content = "code,name_en,name_fr\n" + (
        'oneline_igo,"Inter-governmental\r\n  Organisation",Organisation\x0bX\n'
    )
    reply = registry_upload(admin, "igos", "igos.csv", content.encode())
    assert reply.status_code in (200, 302), reply.get_data(as_text=True)
    assert igo_names(app, "oneline_igo") == {
        "en": "Inter-governmental Organisation",
        "fr": "Organisation X",
    }


def test_the_registry_form_goes_through_the_same_rule(app, admin):
    page = admin.get("/admin/registry/igos/new").get_data(as_text=True)
    token = page_csrf(page)
    fields = {"csrf_token": token, "code": "form_igo", "name_fr": "Organisation re\u0301gionale"}
    refused = admin.post("/admin/registry/igos/new", data=fields | {"name_en": "Regional\x1b"})
    assert refused.status_code == 422
    html = refused.get_data(as_text=True)
    assert "name_en contains a character that cannot be stored (U+001B, at character 9)" in html
    assert 'value="Regional\ufffd"' in html
    assert igo_names(app, "form_igo") is None
    saved = admin.post("/admin/registry/igos/new", data=fields | {"name_en": "Regional"})
    assert saved.status_code == 302
    assert igo_names(app, "form_igo") == {"en": "Regional", "fr": "Organisation régionale"}


def test_a_registry_yaml_import_goes_through_the_same_rule(app, admin):
    content = b'igos:\n  - code: yaml_igo\n    name: {en: "Odd\\x85Line\\0"}\n'
    reply = registry_upload(admin, "igos", "igos.yaml", content)
    assert "name_en contains a character that cannot be stored (U+0000, at character 9)" in (
        reply.get_data(as_text=True)
    )
    assert igo_names(app, "yaml_igo") is None


def test_an_analysts_query_with_a_control_character_is_refused(app, analyst, create_invitation):
    _token, response_id = create_invitation("khartoum-process")
    page = analyst.get(f"/analyst/responses/{response_id}").get_data(as_text=True)
    token = page_csrf(page)
    reply = analyst.post(
        f"/analyst/responses/{response_id}/review",
        data={"csrf_token": token, "decision": "query", "message": "Please\x00 check"},
        follow_redirects=True,
    )
    assert reply.status_code == 200
    assert "(U+0000, at character 7)" in reply.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Response, response_id).review_status == "unreviewed"


def test_an_analysts_summary_edit_keeps_the_draft_marking_what_cannot_be_stored(app, analyst):
    page = analyst.get("/analyst/summaries/khartoum-process").get_data(as_text=True)
    token = page_csrf(page)
    reply = analyst.post(
        "/analyst/summaries/khartoum-process",
        data={"csrf_token": token, "text-structures": "A steering\x00 committee\x0bmeets yearly."},
        follow_redirects=True,
    )
    assert reply.status_code == 200
    assert "were replaced by “�”" in reply.get_data(as_text=True)
    with app.app_context():
        edit = db.session.scalar(select(SummaryEdit))
        assert edit.text == "A steering\ufffd committee\nmeets yearly."
