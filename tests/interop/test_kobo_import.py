"""Submissions from KoboToolbox / ODK exports of our XLSForms, stored as responses."""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from surveyapp.demo import khartoum_responses
from surveyapp.extensions import db
from surveyapp.models import AuditEvent, Organisation, Response
from surveyapp.models.external import ExternalSubmission
from surveyapp.questionnaire import clean_answers


def form_columns(path) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """From an exported XLSForm: field name -> Kobo column path, -> type, -> enclosing repeat."""
    sheet = load_workbook(path)["survey"]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows)
    paths, types, repeats = {}, {}, {}
    stack: list[tuple[str, str]] = []
    for values in rows:
        row = dict(zip(header, values, strict=False))
        kind = (row["type"] or "").split(" ")[0]
        if kind in ("end_group", "end_repeat"):
            stack.pop()
            continue
        name = row["name"]
        paths[name] = "/".join([s for s, _ in stack] + [name])
        types[name] = kind
        inner = [s for s, k in stack if k == "begin_repeat"]
        if inner:
            repeats[name] = inner[-1]
        if kind in ("begin_group", "begin_repeat"):
            stack.append((name, kind))
    return paths, types, repeats


def kobo_value(kind: str, value):
    if kind == "select_multiple":
        return " ".join(value)
    if kind == "acknowledge":
        return "OK"
    return str(value)


def kobo_submission(organisation: str, answers: dict, columns, uuid: str) -> dict:
    """One submission as KoboToolbox's JSON export gives it (group paths, repeats as lists)."""
    paths, types, _ = columns
    record = {
        "_id": abs(hash(uuid)) % 100000,
        "_uuid": uuid,
        "meta/instanceID": f"uuid:{uuid}",
        "_submission_time": "2026-03-01T10:00:00",
        "__version__": "vSomething",
        "formhub/uuid": "abc",
        paths["organisation_code"]: organisation,
    }
    for key, value in answers.items():
        if types[key] == "begin_repeat" and isinstance(value, dict):
            rows = []
            for code, item in value.items():
                row = {paths[f"{key}_item"]: code}
                row |= {paths[c]: kobo_value(types[c], v) for c, v in item.items()}
                rows.append(row)
            record[paths[key]] = rows
        elif types[key] == "begin_repeat":
            record[paths[key]] = [
                {paths[c]: kobo_value(types[c], v) for c, v in row.items()} for row in value
            ]
        else:
            record[paths[key]] = kobo_value(types[key], value)
    return record


def csv_rows(records: list[dict]) -> tuple[list[str], list[dict]]:
    """Flatten Kobo JSON records into CSV columns; repeat rows as ``group/repeat[n]/child``."""
    header: list[str] = []
    flat_records = []
    for record in records:
        flat = {}
        for column, value in record.items():
            if isinstance(value, list):
                for index, row in enumerate(value, start=1):
                    for child, child_value in row.items():
                        inside = child.removeprefix(f"{column}/")
                        flat[f"{column}[{index}]/{inside}"] = child_value
            else:
                flat[column] = value
        for column in flat:
            if column not in header:
                header.append(column)
        flat_records.append(flat)
    return header, flat_records


@pytest.fixture
def demo_submissions(app, exported_form, tmp_path):
    """Kobo JSON submissions of the Khartoum Process and three States, from our own forms."""
    records = []
    for respondent_type in ("iscm", "state"):
        path = tmp_path / f"{respondent_type}.xlsx"
        exported_form(respondent_type).write(path)
        columns = form_columns(path)
        for demo in khartoum_responses():
            if demo.respondent_type == respondent_type:
                uuid = f"0000-{demo.organisation}"
                records.append(kobo_submission(demo.organisation, demo.answers, columns, uuid))
    return records


def expected_answers(app) -> dict[str, dict]:
    """The demo answers as a save stores them (canonical values)."""
    with app.app_context():
        from surveyapp import operations

        survey_round = operations.current_round()
        expected = {}
        for demo in khartoum_responses():
            if demo.respondent_type not in ("iscm", "state"):
                continue
            version = survey_round.questionnaire_for(demo.respondent_type)
            clean, errors = clean_answers(version.questionnaire(), demo.answers)
            assert errors == {}
            expected[demo.organisation] = {k: v for k, v in clean.items() if v is not None}
        return expected


def stored_answers(app) -> dict[str, dict]:
    with app.app_context():
        return {
            r.organisation.code: r.answer_values() for r in db.session.scalars(select(Response))
        }


def test_kobo_json_imported_twice_gives_one_set_of_responses(
    app, runner, demo_submissions, tmp_path
):
    path = tmp_path / "kobo.json"
    path.write_text(json.dumps({"count": len(demo_submissions), "results": demo_submissions}))
    first = runner.invoke(args=["responses", "import", str(path)])
    assert first.exit_code == 0, first.output
    assert "4 imported, 0 already there, 0 refused." in first.output
    second = runner.invoke(args=["responses", "import", str(path)])
    assert second.exit_code == 0, second.output
    assert "0 imported, 4 already there, 0 refused." in second.output
    assert stored_answers(app) == expected_answers(app)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ExternalSubmission)) == 4
        assert db.session.scalar(select(func.count()).select_from(Response)) == 4
        kp = db.session.scalar(
            select(Response).join(Organisation).where(Organisation.code == "khartoum-process")
        )
        assert kp.status == "submitted"
        channels = set(db.session.scalars(select(AuditEvent.channel).filter_by(response_id=kp.id)))
        assert channels == {"import"}


def test_kobo_csv_with_repeat_columns_imported_twice_gives_one_set_of_responses(
    app, runner, demo_submissions, tmp_path
):
    header, rows = csv_rows(demo_submissions)
    path = tmp_path / "kobo.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    assert any("[2]/" in column for column in header)
    for _ in range(2):
        result = runner.invoke(args=["responses", "import", str(path)])
        assert result.exit_code == 0, result.output
    assert "0 imported, 4 already there, 0 refused." in result.output
    assert stored_answers(app) == expected_answers(app)


def test_rows_that_cannot_be_placed_are_refused_with_row_and_column(
    app, runner, exported_form, tmp_path
):
    path = tmp_path / "igo.xlsx"
    exported_form("igo").write(path)
    paths, _, _ = form_columns(path)
    name = paths["respondent_name"]
    records = [
        {"_uuid": "a", paths["organisation_code"]: "nowhere", name: "Ann"},
        {"_uuid": "b", paths["organisation_code"]: "iom", "engagement/favourite_colour": "red"},
        {"_uuid": "c", paths["organisation_code"]: "iom", paths["iscms"]: "not-an-iscm"},
        {paths["organisation_code"]: "iom", name: "No id"},
        {"_uuid": "e", paths["organisation_code"]: "iom", "wrong_group/respondent_name": "X"},
    ]
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(records))
    result = runner.invoke(args=["responses", "import", str(source)])
    assert result.exit_code == 1
    assert (
        "row 1, column organisation_code: no organisation has the code 'nowhere'" in result.output
    )
    assert "row 2, column engagement/favourite_colour: this column is not a field" in result.output
    assert f"row 3, column {paths['iscms']}: iscms: Choose only from the listed options." in (
        result.output
    )
    assert "row 4, column meta/instanceID: the submission has no id" in result.output
    assert "row 5, column wrong_group/respondent_name:" in result.output
    assert "0 imported, 0 already there, 5 refused." in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 0
        assert db.session.scalar(select(func.count()).select_from(ExternalSubmission)) == 0


def test_a_file_that_is_not_an_export_gets_a_clear_message(runner, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some words")
    result = runner.invoke(args=["responses", "import", str(path)])
    assert result.exit_code == 1
    assert "neither JSON nor a CSV" in result.output
    assert "Traceback" not in result.output


def nest(record: dict) -> dict:
    """A flat record with groups as nested objects, as ODK Central's OData gives it."""
    nested: dict = {}
    for column, value in record.items():
        if column.startswith("_") or column.startswith(("meta/", "formhub/")):
            continue
        if isinstance(value, list):
            continue
        *groups, name = column.split("/")
        target = nested
        for group in groups:
            target = target.setdefault(group, {})
        target[name] = value
    return nested


def test_odk_central_json_with_groups_as_objects_is_read(app, runner, demo_submissions, tmp_path):
    iscm = next(r for r in demo_submissions if "khartoum-process" in r.values())
    record = nest(iscm) | {
        "__id": "uuid:central-1",
        "__system": {"submitterName": "Ann", "reviewState": None},
        "partnerships@odata.navigationLink": "Submissions('uuid:central-1')/partnerships",
    }
    path = tmp_path / "central.json"
    path.write_text(json.dumps({"value": [record]}))
    result = runner.invoke(args=["responses", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 imported" in result.output
    answers = stored_answers(app)["khartoum-process"]
    assert answers["founding_year"] == 2014
    assert "meetings" not in answers


def as_kobo_exports_it(record: dict, columns) -> dict:
    """A submission as KoboToolbox's API gives it: our answers plus the fields pyxform adds
    (the count of each per-item repeat), the empty rows of items not chosen and Kobo's own
    bookkeeping."""
    paths, types, _ = columns
    server = dict(record)
    for key, kind in types.items():
        per_item = kind == "begin_repeat" and f"{key}_item" in paths
        if per_item and isinstance(record.get(paths[key]), list):
            # the form has a row for each of the 25 ISCMs; an ISCM not chosen keeps only its code
            rows = [*record[paths[key]], {paths[f"{key}_item"]: "sacm"}]
            server[paths[key]] = rows
            server[f"{paths[key]}_count"] = "25"
    return server | {
        "meta/rootUuid": record["meta/instanceID"],
        "_xform_id_string": "state",
        "_status": "submitted_via_web",
        "_submitted_by": None,
        "_attachments": [],
        "_geolocation": [None, None],
        "_notes": [],
        "_tags": [],
        "_validation_status": {
            "timestamp": 1772000000,
            "uid": "validation_status_approved",
            "by_whom": "analyst",
            "label": "Approved",
        },
    }


def test_kobo_api_json_with_the_per_item_count_fields_is_imported_once(
    app, runner, exported_form, demo_submissions, tmp_path
):
    path = tmp_path / "state.xlsx"
    exported_form("state").write(path)
    columns = form_columns(path)
    records = [as_kobo_exports_it(record, columns) for record in demo_submissions]
    assert any(column.endswith("iscm_views_count") for r in records for column in r)
    source = tmp_path / "kobo.json"
    source.write_text(json.dumps({"count": len(records), "next": None, "results": records}))
    first = runner.invoke(args=["responses", "import", str(source)])
    assert first.exit_code == 0, first.output
    assert "4 imported, 0 already there, 0 refused." in first.output
    second = runner.invoke(args=["responses", "import", str(source)])
    assert "0 imported, 4 already there, 0 refused." in second.output
    assert stored_answers(app) == expected_answers(app)


def test_odk_central_odata_with_the_per_item_count_field_is_read(
    app, runner, exported_form, demo_submissions, tmp_path
):
    path = tmp_path / "state.xlsx"
    exported_form("state").write(path)
    columns = form_columns(path)
    state = next(r for r in demo_submissions if r["_uuid"] == "0000-EGY")
    record = nest(as_kobo_exports_it(state, columns)) | {
        "__id": "uuid:central-egy",
        "__system": {"submissionDate": "2026-03-01T10:00:00.000Z", "reviewState": None},
        "meta": {"instanceID": "uuid:central-egy"},
        "iscm_views@odata.navigationLink": "Submissions('uuid:central-egy')/iscm_views",
    }
    assert "iscm_views_count" in record["iscm_views"]
    source = tmp_path / "central.json"
    source.write_text(json.dumps({"@odata.context": "$metadata#Submissions", "value": [record]}))
    result = runner.invoke(args=["responses", "import", str(source)])
    assert result.exit_code == 0, result.output
    assert "1 imported, 0 already there, 0 refused." in result.output
    assert stored_answers(app)["EGY"]["respondent_name"]


def test_a_csv_refusal_names_the_record_even_after_a_cell_that_spans_lines(
    app, runner, exported_form, tmp_path
):
    path = tmp_path / "igo.xlsx"
    exported_form("igo").write(path)
    paths, _, _ = form_columns(path)
    header = ["_uuid", paths["organisation_code"], paths["respondent_name"], paths["iscms"]]
    source = tmp_path / "kobo.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerow(["a", "iom", "Ann\nof the\nsecretariat", ""])
        writer.writerow(["b", "iom", "Bob", "not-an-iscm"])
    assert len(source.read_text(encoding="utf-8").splitlines()) == 5
    result = runner.invoke(args=["responses", "import", str(source)])
    assert result.exit_code == 1
    assert f"Refused row 2, column {paths['iscms']}: iscms:" in result.output


def test_a_per_iscm_row_for_an_iscm_not_chosen_is_refused_with_row_and_column(
    app, runner, exported_form, demo_submissions, tmp_path
):
    path = tmp_path / "state.xlsx"
    exported_form("state").write(path)
    paths, _, _ = form_columns(path)
    state = next(r for r in demo_submissions if r["_uuid"] == "0000-EGY")
    rows = state[paths["iscm_views"]]
    assert "rabat-process" not in state[paths["iscms"]].split()
    rows.append(dict(rows[0]) | {paths["iscm_views_item"]: "rabat-process"})
    source = tmp_path / "kobo.json"
    source.write_text(json.dumps([state]))
    result = runner.invoke(args=["responses", "import", str(source)])
    assert result.exit_code == 1
    assert (
        f"Refused row 1, column {paths['iscm_views_item']}: row {len(rows)} of 'iscm_views' is "
        "for 'rabat-process', which is not chosen in 'iscms'"
    ) in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 0


def test_odk_central_csv_with_dash_paths_and_split_choice_columns_is_read(
    app, runner, exported_form, tmp_path
):
    path = tmp_path / "igo.xlsx"
    exported_form("igo").write(path)
    paths, _, _ = form_columns(path)
    central = {name: column.replace("/", "-") for name, column in paths.items()}
    header = [
        "SubmissionDate",
        central["organisation_code"],
        central["respondent_name"],
        central["iscms"],
        f"{central['iscms']}/khartoum-process",
        f"{central['iscms']}/rabat-process",
        f"{central['iscm_engagement']}_count",
        "meta-instanceID",
        "SubmitterID",
        "SubmitterName",
        "AttachmentsPresent",
        "AttachmentsExpected",
        "Status",
        "ReviewState",
        "DeviceID",
        "Edits",
        "FormVersion",
        "KEY",
    ]
    row = [
        "2026-03-01T10:00:00.000Z",
        "iom",
        "Ann",
        "khartoum-process",
        "1",
        "0",
        "1",
        "uuid:central-iom",
        "5",
        "Ann",
        "0",
        "0",
        "",
        "",
        "",
        "0",
        "2026.1",
        "uuid:central-iom",
    ]
    source = tmp_path / "central.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerow(row)
    result = runner.invoke(args=["responses", "import", str(source)])
    assert result.exit_code == 0, result.output
    assert "1 imported, 0 already there, 0 refused." in result.output
    answers = stored_answers(app)["iom"]
    assert answers["respondent_name"] == "Ann"
    assert answers["iscms"] == ["khartoum-process"]


def test_kobo_csv_as_the_server_exports_it_is_imported_once(
    app, runner, exported_form, demo_submissions, tmp_path
):
    path = tmp_path / "state.xlsx"
    exported_form("state").write(path)
    columns = form_columns(path)
    paths = columns[0]
    records = []
    for record in demo_submissions:
        server = as_kobo_exports_it(record, columns)
        # the CSV holds text: the validation status by its label, lists as their text
        server["_validation_status"] = "Approved"
        for name in ("_attachments", "_geolocation", "_notes", "_tags"):
            server.pop(name)
        # and a 0/1 column for each ISCM beside the space-separated codes
        if paths["iscms"] in server:
            chosen = server[paths["iscms"]].split()
            for code in ("khartoum-process", "rabat-process"):
                server[f"{paths['iscms']}/{code}"] = "1" if code in chosen else "0"
        records.append(server)
    header, rows = csv_rows(records)
    assert "iscm_views/iscm_views_count" in header
    assert "iscm_views/iscm_views[2]/iscm_views_item" in header
    source = tmp_path / "kobo.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    first = runner.invoke(args=["responses", "import", str(source)])
    assert first.exit_code == 0, first.output
    assert "4 imported, 0 already there, 0 refused." in first.output
    second = runner.invoke(args=["responses", "import", str(source)])
    assert "0 imported, 4 already there, 0 refused." in second.output
    assert stored_answers(app) == expected_answers(app)
