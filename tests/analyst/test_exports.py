"""Exports: read back with pandas and openpyxl, from the command line and the browser."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import select

from surveyapp import exports, operations
from surveyapp.exports import query
from surveyapp.extensions import db
from surveyapp.models import Organisation, Response

STATE_ANSWERS = {
    "respondent_name": '=HYPERLINK("http://evil.example","click")',
    "respondent_institution": "@SUM(A1:A9)",
    "iscms": ["khartoum-process", "rabat-process"],
    "iscm_views": {
        "khartoum-process": {"role": "chair", "value_areas": ["networking", "trust_building"]},
        "rabat-process": {"role": "observer"},
    },
}
MEETINGS = [
    {
        "meeting_date": "2018-04-10",
        "meeting_title": "Senior officials' meeting",
        "meeting_level": "senior_officials",
    },
    {"meeting_date": "2018-10-02", "meeting_title": "+ thematic workshop"},
]


@pytest.fixture
def answered(app, client, create_invitation):
    """Egypt (with per_item answers) and the Khartoum Process (with meetings) have answered."""
    token, _egypt = create_invitation("EGY")
    reply = client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": STATE_ANSWERS},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert reply.status_code == 200, reply.get_json()
    token, _kp = create_invitation("khartoum-process")
    reply = client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": {"meetings": MEETINGS}},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert reply.status_code == 200, reply.get_json()
    create_invitation("ETH")


def export(runner, tmp_path, *args):
    suffix = "xlsx" if "xlsx" in args else "zip"
    path = tmp_path / f"export.{suffix}"
    result = runner.invoke(args=["export", *args, "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_one_sheet_per_type_plus_long_sheets_and_a_dictionary(runner, tmp_path, answered):
    sheets = pd.read_excel(export(runner, tmp_path, "--format", "xlsx"), sheet_name=None)
    assert {"state", "iscm", "igo", "state.iscm_views", "iscm.meetings", "dictionary"} <= set(
        sheets
    )
    state = sheets["state"]
    assert sorted(state["organisation_code"]) == ["EGY", "ETH"]
    assert len(sheets["iscm"]) == 1 and len(sheets["igo"]) == 0


def test_select_multiple_takes_one_column_per_choice(runner, tmp_path, answered):
    state = pd.read_excel(export(runner, tmp_path, "--format", "xlsx"), sheet_name="state")
    egypt = state[state["organisation_code"] == "EGY"].iloc[0]
    assert egypt["iscms/khartoum-process"] == 1
    assert egypt["iscms/rabat-process"] == 1
    assert egypt["iscms/bali-process"] == 0
    ethiopia = state[state["organisation_code"] == "ETH"].iloc[0]
    assert pd.isna(ethiopia["iscms/khartoum-process"])


def test_per_item_answers_are_in_a_long_sheet(runner, tmp_path, answered):
    views = pd.read_excel(
        export(runner, tmp_path, "--format", "xlsx"), sheet_name="state.iscm_views"
    )
    assert list(views["item_code"]) == ["khartoum-process", "rabat-process"]
    assert list(views["role"]) == ["chair", "observer"]
    assert list(views["value_areas/networking"].fillna(-1)) == [1, -1]


def test_repeat_answers_are_in_a_long_sheet(runner, tmp_path, answered):
    meetings = pd.read_excel(
        export(runner, tmp_path, "--format", "xlsx"), sheet_name="iscm.meetings"
    )
    assert list(meetings["row"]) == [1, 2]
    assert meetings["meeting_title"].iloc[0] == "Senior officials' meeting"
    assert set(meetings["organisation_code"]) == {"khartoum-process"}


def test_labels_in_a_chosen_language(runner, tmp_path, answered):
    path = export(runner, tmp_path, "--format", "xlsx", "--labels", "--lang", "fr")
    views = pd.read_excel(path, sheet_name="state.iscm_views")
    dictionary = pd.read_excel(path, sheet_name="dictionary")
    role = dictionary[
        (dictionary["sheet"] == "state.iscm_views") & (dictionary["column"] == "role")
    ]
    role_values = views[role["header"].iloc[0]]
    assert role_values.iloc[0] != "chair"
    assert role_values.iloc[0].lower().startswith("présid")
    assert "Votre nom" in set(dictionary["label"])


def test_labels_label_the_headers_too(runner, tmp_path, answered):
    path = export(runner, tmp_path, "--format", "xlsx", "--labels", "--lang", "fr")
    workbook = openpyxl.load_workbook(path, read_only=True)
    header = [cell.value for cell in workbook["state"][1]]
    workbook.close()
    assert "respondent_name" not in header and "Votre nom" in header
    assert "response_id" in header  # the response's metadata keeps its names
    dictionary = pd.read_excel(path, sheet_name="dictionary")
    khartoum = dictionary[
        (dictionary["sheet"] == "state") & (dictionary["column"] == "iscms/khartoum-process")
    ].iloc[0]
    assert khartoum["header"] == f"{khartoum['label']}/{khartoum['choice_label']}"
    assert khartoum["header"] in header


def test_labelled_headers_of_a_sheet_are_unique(runner, tmp_path, answered):
    path = export(runner, tmp_path, "--format", "xlsx", "--labels", "--lang", "ar")
    workbook = openpyxl.load_workbook(path, read_only=True)
    headers = {sheet.title: [cell.value for cell in sheet[1]] for sheet in workbook}
    workbook.close()  # a read-only workbook holds its file open until closed
    for title, header in headers.items():
        assert len(header) == len(set(header)), title


def test_a_multiple_choice_has_a_column_of_its_codes_separated_by_spaces(
    runner, tmp_path, answered
):
    state = pd.read_excel(export(runner, tmp_path, "--format", "xlsx"), sheet_name="state")
    header = list(state.columns)
    # Beside its 0/1 columns, as KoboToolbox lays them out.
    assert header[header.index("iscms") + 1].startswith("iscms/")
    egypt = state[state["organisation_code"] == "EGY"].iloc[0]
    assert egypt["iscms"] == "khartoum-process rabat-process"
    assert pd.isna(state[state["organisation_code"] == "ETH"].iloc[0]["iscms"])


def test_with_labels_the_combined_column_holds_the_labels(runner, tmp_path, answered):
    path = export(runner, tmp_path, "--format", "csv", "--labels")
    with zipfile.ZipFile(path) as archive:
        state = pd.read_csv(io.BytesIO(archive.read("state.csv")), encoding="utf-8-sig")
        dictionary = pd.read_csv(io.BytesIO(archive.read("dictionary.csv")), encoding="utf-8-sig")
    iscms = dictionary[(dictionary["sheet"] == "state") & (dictionary["column"] == "iscms")]
    egypt = state[state["organisation_code"] == "EGY"].iloc[0]
    assert egypt[iscms["header"].iloc[0]] == "Khartoum Process; Rabat Process"


@pytest.fixture
def joined(app, client, create_invitation):
    """The Khartoum Process says Ghana and Kenya joined: a choice among the registry's States."""
    token, _kp = create_invitation("khartoum-process")
    reply = client.patch(
        "/api/v1/response",
        json={
            "version": 0,
            "answers": {"membership_changed": "yes", "states_joined": ["GHA", "KEN"]},
        },
        headers={"Authorization": f"Bearer {token}"},
    )
    assert reply.status_code == 200, reply.get_json()


def test_a_registry_sized_multiple_choice_keeps_only_its_combined_column(runner, tmp_path, joined):
    iscm = pd.read_excel(export(runner, tmp_path, "--format", "xlsx"), sheet_name="iscm")
    assert iscm["states_joined"].iloc[0] == "GHA KEN"
    assert not [name for name in iscm.columns if name.startswith("states_joined/")]
    # A list of no more than SPLIT_LIMIT choices is still split.
    assert "membership_changed" in iscm.columns
    assert any(name.startswith("partner_iscms/") for name in iscm.columns)


def test_split_large_adds_a_column_per_choice_of_a_registry_sized_list(runner, tmp_path, joined):
    path = export(runner, tmp_path, "--format", "xlsx", "--split-large")
    iscm = pd.read_excel(path, sheet_name="iscm")
    assert iscm["states_joined"].iloc[0] == "GHA KEN"
    assert iscm["states_joined/GHA"].iloc[0] == 1 and iscm["states_joined/KEN"].iloc[0] == 1
    assert iscm["states_joined/NOR"].iloc[0] == 0
    split = len(iscm.columns)
    unsplit = len(pd.read_excel(export(runner, tmp_path, "--format", "xlsx"), "iscm").columns)
    assert split - unsplit > 2 * exports.SPLIT_LIMIT


def test_the_iscm_sheet_is_no_longer_hundreds_of_columns_wide(runner, tmp_path, joined):
    iscm = pd.read_excel(export(runner, tmp_path, "--format", "xlsx"), sheet_name="iscm")
    # 633 columns when each of the 195 States took one in states_joined and states_left.
    assert len(iscm.columns) < 300


def _submitted(app, code: str, when: dt.datetime) -> None:
    with app.app_context():
        response = db.session.scalar(
            select(Response).join(Response.organisation).where(Organisation.code == code)
        )
        response.status = "submitted"
        response.submitted_at = when
        db.session.commit()


def test_submitted_at_is_iso_8601_with_its_utc_offset(app, runner, tmp_path, answered):
    _submitted(app, "EGY", dt.datetime(2019, 4, 1, 10, 0, tzinfo=dt.UTC))
    state = pd.read_excel(export(runner, tmp_path, "--format", "xlsx"), sheet_name="state")
    egypt = state[state["organisation_code"] == "EGY"].iloc[0]
    assert egypt["submitted_at"] == "2019-04-01T10:00:00+00:00"
    assert pd.isna(state[state["organisation_code"] == "ETH"].iloc[0]["submitted_at"])
    with zipfile.ZipFile(export(runner, tmp_path, "--format", "csv")) as archive:
        rows = archive.read("state.csv").decode("utf-8-sig")
    assert "2019-04-01T10:00:00+00:00" in rows


def test_each_csv_file_is_utf_8_with_one_byte_order_mark(runner, tmp_path, answered):
    # the mark tells spreadsheets the file is UTF-8 ("Côte d'Ivoire" read as such)
    with zipfile.ZipFile(export(runner, tmp_path, "--format", "csv")) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    assert len(members) > 2
    for name, content in members.items():
        assert content.startswith(b"\xef\xbb\xbf") and content[3:6] != b"\xef\xbb\xbf", name
        assert content[3:].decode("utf-8").startswith(("response_id,", "sheet,")), name


def test_formulas_are_neutralised_in_xlsx(runner, tmp_path, answered):
    workbook = openpyxl.load_workbook(export(runner, tmp_path, "--format", "xlsx"))
    sheet = workbook["state"]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "EGY")
    name = row[header.index("respondent_name")]
    assert name.value == "'" + STATE_ANSWERS["respondent_name"]
    assert name.data_type == "s"
    assert row[header.index("respondent_institution")].value == "'@SUM(A1:A9)"
    meetings = workbook["iscm.meetings"]
    titles = [r[3].value for r in meetings.iter_rows(min_row=2)]
    assert "'+ thematic workshop" in [str(t) for t in titles] or any(
        str(c.value) == "'+ thematic workshop" for r in meetings.iter_rows() for c in r
    )


def test_csv_is_a_zip_of_one_file_per_sheet_with_formulas_neutralised(runner, tmp_path, answered):
    with zipfile.ZipFile(export(runner, tmp_path, "--format", "csv")) as archive:
        names = set(archive.namelist())
        assert {
            "state.csv",
            "iscm.csv",
            "igo.csv",
            "state.iscm_views.csv",
            "dictionary.csv",
        } <= names
        state = pd.read_csv(io.BytesIO(archive.read("state.csv")), encoding="utf-8-sig")
    egypt = state[state["organisation_code"] == "EGY"].iloc[0]
    assert egypt["respondent_name"].startswith("'=HYPERLINK")
    assert egypt["respondent_institution"] == "'@SUM(A1:A9)"


def test_one_type_only(runner, tmp_path, answered):
    sheets = pd.read_excel(
        export(runner, tmp_path, "--format", "xlsx", "--type", "iscm"), sheet_name=None
    )
    assert set(sheets) == {
        "iscm",
        "iscm.meetings",
        "iscm.governing_documents",
        "iscm.partner_igo_examples",
        "dictionary",
    } or ("state" not in sheets and "iscm" in sheets and "dictionary" in sheets)
    assert set(pd.read_excel(tmp_path / "export.xlsx", sheet_name="dictionary")["sheet"]) <= {
        name for name in sheets if name != "dictionary"
    }


def test_an_empty_round_gives_valid_empty_files(app, runner, tmp_path):
    with app.app_context():
        survey_round = operations.current_round()
        assert db.session.scalar(select(Response).filter_by(round_id=survey_round.id)) is None
    sheets = pd.read_excel(export(runner, tmp_path, "--format", "xlsx"), sheet_name=None)
    assert len(sheets["state"]) == 0
    assert "response_id" in sheets["state"].columns
    with zipfile.ZipFile(export(runner, tmp_path, "--format", "csv")) as archive:
        assert archive.testzip() is None
        state = pd.read_csv(io.BytesIO(archive.read("state.csv")), encoding="utf-8-sig")
    assert len(state) == 0 and "organisation_code" in state.columns


def test_hidden_answers_are_left_out(app, runner, tmp_path, client, create_invitation):
    token, _response_id = create_invitation("NLD")
    client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": STATE_ANSWERS},
        headers={"Authorization": f"Bearer {token}"},
    )
    client.patch(
        "/api/v1/response",
        json={"version": 1, "answers": {"iscms": ["rabat-process"]}},
        headers={"Authorization": f"Bearer {token}"},
    )
    views = pd.read_excel(
        export(runner, tmp_path, "--format", "xlsx"), sheet_name="state.iscm_views"
    )
    assert list(views["item_code"]) == ["rabat-process"]


def test_the_browser_download_is_the_same_export(analyst_client, answered):
    reply = analyst_client.get("/analyst/exports/download?format=xlsx&type=state&labels=1&lang=en")
    assert reply.status_code == 200
    assert "attachment" in reply.headers["Content-Disposition"]
    assert reply.headers["Content-Disposition"].endswith(".xlsx")
    data = reply.data
    reply.close()
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    assert sorted(sheets["state"]["organisation_code"]) == ["EGY", "ETH"]
    reply = analyst_client.get("/analyst/exports/download?format=csv")
    data = reply.data
    reply.close()
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None


def test_a_bad_export_request_gets_a_message(analyst_client):
    reply = analyst_client.get("/analyst/exports/download?format=pdf", follow_redirects=True)
    assert reply.status_code == 200
    assert "Choose CSV or XLSX." in reply.get_data(as_text=True)


def test_the_export_page_offers_the_choices(analyst_client):
    html = analyst_client.get("/analyst/exports").get_data(as_text=True)
    assert 'name="format"' in html and 'name="labels"' in html and 'name="lang"' in html
    assert 'name="split_large"' in html


def test_the_browser_download_splits_large_lists_only_when_asked(analyst_client, joined):
    def iscm_header(query):
        reply = analyst_client.get(f"/analyst/exports/download?format=xlsx&type=iscm{query}")
        data = reply.data
        reply.close()
        sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True)["iscm"]
        return [cell.value for cell in sheet[1]]

    assert "states_joined" in iscm_header("")
    assert "states_joined/GHA" not in iscm_header("")
    assert "states_joined/GHA" in iscm_header("&split_large=1")
    labelled = iscm_header("&labels=1&lang=fr")
    assert "states_joined" not in labelled
    assert "Quels États ont rejoint le MCIM depuis sa création\u00a0?" in labelled


def _add_responses(app, count: int, start: int) -> None:
    from surveyapp.models import Answer

    with app.app_context():
        survey_round = operations.current_round()
        version = survey_round.questionnaire_for("state")
        for number in range(start, start + count):
            organisation = Organisation(
                code=f"T{number:05d}", kind="state", names={"en": f"Test State {number}"}
            )
            response = Response(
                round=survey_round, organisation=organisation, questionnaire_version=version
            )
            response.answers = [
                Answer(question_key="respondent_name", value=f"Respondent {number} " * 20),
                Answer(question_key="iscms", value=["khartoum-process", "rabat-process"]),
                Answer(
                    question_key="iscm_views",
                    item_code="khartoum-process",
                    value={"role": "member", "benefits": "Shared practice. " * 30},
                ),
            ]
            db.session.add(response)
        db.session.commit()


def _peak_bytes(app) -> int:
    import tracemalloc

    with app.app_context():
        survey_round = operations.current_round()
        tracemalloc.start()
        try:
            exports.export_round(survey_round, io.BytesIO(), file_format="csv", kinds=("state",))
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()


def test_memory_does_not_grow_with_the_number_of_responses(app, monkeypatch):
    monkeypatch.setattr(query, "BATCH_SIZE", 20)
    _add_responses(app, 40, 0)
    small = _peak_bytes(app)
    _add_responses(app, 400, 40)
    large = _peak_bytes(app)
    # Ten times the responses: the peak may move by noise, not by what 400 responses weigh.
    assert large - small < 1_000_000, (small, large)


def test_the_export_lays_out_the_rounds_questionnaire_else_the_newest(app):
    """A newer version of a type's questionnaire outside the round does not change the round's
    export; a round without that type's questionnaire takes the newest version."""
    import copy

    from surveyapp.models import QuestionnaireVersion

    with app.app_context():
        survey_round = operations.current_round()
        in_round = survey_round.questionnaire_for("state")
        own_first = in_round.content["sections"][0]["questions"][0]["key"]
        content = copy.deepcopy(in_round.content)
        content["sections"][0]["questions"][0]["key"] = "asked_only_in_the_newer_version"
        newer = QuestionnaireVersion(
            respondent_type="state",
            questionnaire_id=in_round.questionnaire_id,
            version="2099.1",
            content_hash="f" * 64,
            content=content,
        )
        db.session.add(newer)
        db.session.commit()

        def keys() -> set[str]:
            laid_out = query.export_questionnaire(survey_round, "state")
            return {question.key for question in laid_out.questions()}

        assert own_first in keys()
        assert "asked_only_in_the_newer_version" not in keys()

        survey_round.questionnaires.remove(in_round)
        db.session.commit()
        assert "asked_only_in_the_newer_version" in keys()
        assert own_first not in keys()
