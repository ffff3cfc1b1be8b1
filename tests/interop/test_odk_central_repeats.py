"""ODK Central's exports of our forms, whose repeats are separate tables: the "CSV (.zip)"
(``<form>.csv`` and one ``<form>-<repeat>.csv`` per repeat, joined by ``PARENT_KEY``/``KEY``)
and the OData feed (repeats inline with ``$expand=*``, or as entity sets of their own)."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from surveyapp.demo import khartoum_responses
from surveyapp.extensions import db
from surveyapp.interop import kobo
from surveyapp.models import Response
from surveyapp.questionnaire import clean_answers

#: the columns ODK Central adds after the fields of the submissions' table
CENTRAL_TAIL = (
    "KEY",
    "SubmitterID",
    "SubmitterName",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "ReviewState",
    "DeviceID",
    "Edits",
    "FormVersion",
)


class CentralForm:
    """An exported XLSForm read as ODK Central lays out its CSV export: one table for the
    submissions and one per repeat, columns named by their groups joined with ``-`` from the
    table's own root, each multiple choice followed by one 0/1 column per choice; without
    ``group_paths`` (Central's "Remove group names"), columns are the fields' names alone."""

    def __init__(self, path: Path, *, group_paths: bool = True):
        workbook = load_workbook(path)
        settings = workbook["settings"].iter_rows(values_only=True)
        self.form_id = dict(zip(next(settings), next(settings), strict=False))["form_id"]
        choices: dict[str, list[str]] = {}
        choice_rows = workbook["choices"].iter_rows(values_only=True)
        next(choice_rows)
        for list_name, code, *_ in choice_rows:
            choices.setdefault(list_name, []).append(code)
        rows = workbook["survey"].iter_rows(values_only=True)
        header = next(rows)
        #: table (None: the submissions) -> its columns
        self.headers: dict[str | None, list[str]] = {None: ["SubmissionDate"]}
        #: field name -> (its table, its column, its type, its choice list)
        self.fields: dict[str, tuple[str | None, str, str, list[str]]] = {}
        #: repeat name -> (its groups, the multiple choice whose items it has a row for)
        self.repeats: dict[str, tuple[list[str], str | None]] = {}
        stack: list[tuple[str, str]] = []
        for values in rows:
            row = dict(zip(header, values, strict=False))
            kind, _, list_name = (row["type"] or "").partition(" ")
            if kind in ("end_group", "end_repeat"):
                stack.pop()
                continue
            name = row["name"]
            table = next((n for n, k in reversed(stack) if k == "begin_repeat"), None)
            inside = [n for n, _ in stack]
            if table is not None:
                inside = inside[len(inside) - inside[::-1].index(table) :]
            if not group_paths:
                inside = []
            if kind == "begin_repeat":
                items_from = re.search(r"items_from=(\S+)", str(row.get("surveyapp") or ""))
                if row.get("repeat_count"):
                    # pyxform's count of a fixed number of rows, beside the repeat
                    self.headers[table].append("-".join([*inside, f"{name}_count"]))
                groups = [n for n, k in stack if k == "begin_group"]
                self.repeats[name] = (groups, items_from[1] if items_from else None)
                self.headers[name] = []
                stack.append((name, kind))
                continue
            if kind == "begin_group":
                stack.append((name, kind))
                continue
            column = "-".join([*inside, name])
            self.headers[table].append(column)
            codes = choices.get(list_name, []) if kind == "select_multiple" else []
            self.headers[table].extend(f"{column}/{code}" for code in codes)
            self.fields[name] = (table, column, kind, codes)
        self.instance_column = "meta-instanceID" if group_paths else "instanceID"
        self.headers[None] += [self.instance_column, *CENTRAL_TAIL]
        for repeat in self.repeats:
            self.headers[repeat] += ["PARENT_KEY", "KEY"]

    def cells(self, name: str, value) -> dict[str, str]:
        """The cells of one answer: its column, and the 0/1 columns of a multiple choice."""
        _table, column, kind, codes = self.fields[name]
        if kind == "select_multiple":
            cells = {column: " ".join(value)}
            cells |= {f"{column}/{code}": "1" if code in value else "0" for code in codes}
            return cells
        if kind == "acknowledge":
            return {column: "OK" if value else ""}
        return {column: str(value)}

    def empty_row(self, table: str | None) -> dict[str, str]:
        # ODK Central writes 0 in every split column of a multiple choice, answered or not
        return {column: "0" if "/" in column else "" for column in self.headers[table]}

    def zip_of(self, submissions: list[tuple[str, str, dict]]) -> bytes:
        """ODK Central's "CSV (.zip)" of (instance id, organisation, answers) submissions."""
        tables: dict[str | None, list[dict[str, str]]] = {table: [] for table in self.headers}
        for instance_id, organisation, answers in submissions:
            root = self.empty_row(None) | {
                "SubmissionDate": "2026-03-01T10:00:00.000Z",
                self.instance_column: instance_id,
                "KEY": instance_id,
                "SubmitterID": "7",
                "SubmitterName": "Field team",
                "AttachmentsPresent": "0",
                "AttachmentsExpected": "0",
                "ReviewState": "approved",
                "Edits": "0",
                "FormVersion": "2026.1",
            }
            root |= self.cells("organisation_code", organisation)
            for name, value in answers.items():
                if name not in self.repeats:
                    root |= self.cells(name, value)
                    continue
                groups, items_from = self.repeats[name]
                prefix = "/".join([instance_id, *groups, name])
                if items_from is not None:
                    # a row for every item of the list, its code always there
                    codes = self.fields[items_from][3]
                    count = next(c for c in self.headers[None] if c.endswith(f"{name}_count"))
                    root[count] = str(len(codes))
                    rows = [(code, value.get(code, {})) for code in codes]
                else:
                    rows = [(None, row) for row in value]
                for index, (code, row_answers) in enumerate(rows, start=1):
                    row = self.empty_row(name) | {
                        "PARENT_KEY": instance_id,
                        "KEY": f"{prefix}[{index}]",
                    }
                    if code is not None:
                        row[self.fields[f"{name}_item"][1]] = code
                    for child, child_value in row_answers.items():
                        row |= self.cells(child, child_value)
                    tables[name].append(row)
            tables[None].append(root)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for table, rows in tables.items():
                member = f"{self.form_id}.csv" if table is None else f"{self.form_id}-{table}.csv"
                archive.writestr(member, table_text(self.headers[table], rows))
        return buffer.getvalue()


def table_text(header: list[str], rows: list[dict[str, str]]) -> str:
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue()


@pytest.fixture
def central_form(exported_form, tmp_path):
    """Factory: the ODK Central layout of a respondent type's exported form."""

    def build(respondent_type: str, *, group_paths: bool = True) -> CentralForm:
        path = tmp_path / f"{respondent_type}.xlsx"
        exported_form(respondent_type).write(path)
        return CentralForm(path, group_paths=group_paths)

    return build


def demo_answers(respondent_type: str) -> list[tuple[str, str, dict]]:
    return [
        (f"uuid:central-{demo.organisation}", demo.organisation, demo.answers)
        for demo in khartoum_responses()
        if demo.respondent_type == respondent_type
    ]


def expected_answers(app, respondent_type: str) -> dict[str, dict]:
    """The demo answers as a save stores them."""
    with app.app_context():
        from surveyapp import operations

        version = operations.current_round().questionnaire_for(respondent_type)
        expected = {}
        for demo in khartoum_responses():
            if demo.respondent_type == respondent_type:
                clean, errors = clean_answers(version.questionnaire(), demo.answers)
                assert errors == {}
                expected[demo.organisation] = {k: v for k, v in clean.items() if v is not None}
        return expected


def stored_answers(app) -> dict[str, dict]:
    with app.app_context():
        return {
            r.organisation.code: r.answer_values() for r in db.session.scalars(select(Response))
        }


def stored_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Response))


def import_file(runner, path: Path):
    return runner.invoke(args=["responses", "import", str(path)])


@pytest.mark.parametrize(
    ("respondent_type", "per_iscm"), [("state", "iscm_views"), ("igo", "iscm_engagement")]
)
def test_central_csv_zip_imports_the_per_iscm_answers_once(
    app, runner, central_form, tmp_path, respondent_type, per_iscm
):
    form = central_form(respondent_type)
    source = tmp_path / f"{respondent_type}.zip"
    source.write_bytes(form.zip_of(demo_answers(respondent_type)))
    with zipfile.ZipFile(source) as archive:
        assert f"{respondent_type}-{per_iscm}.csv" in archive.namelist()
    first = import_file(runner, source)
    assert first.exit_code == 0, first.output
    assert "3 imported, 0 already there, 0 refused." in first.output
    second = import_file(runner, source)
    assert second.exit_code == 0, second.output
    assert "0 imported, 3 already there, 0 refused." in second.output
    stored = stored_answers(app)
    assert stored == expected_answers(app, respondent_type)
    assert all(answers[per_iscm] for answers in stored.values())


def test_central_csv_zip_without_group_names_imports_the_per_iscm_answers(
    app, runner, central_form, tmp_path
):
    form = central_form("state", group_paths=False)
    assert "iscm_views_chosen-benefits" not in form.headers["iscm_views"]
    assert "benefits" in form.headers["iscm_views"]
    source = tmp_path / "state.zip"
    source.write_bytes(form.zip_of(demo_answers("state")))
    result = import_file(runner, source)
    assert result.exit_code == 0, result.output
    assert stored_answers(app) == expected_answers(app, "state")


def test_central_csv_zip_imports_the_rows_of_an_iscm_repeat(app, runner, central_form, tmp_path):
    form = central_form("iscm")
    source = tmp_path / "iscm.zip"
    source.write_bytes(form.zip_of(demo_answers("iscm")))
    result = import_file(runner, source)
    assert result.exit_code == 0, result.output
    stored = stored_answers(app)["khartoum-process"]
    assert len(stored["meetings"]) > 1
    assert stored == expected_answers(app, "iscm")["khartoum-process"]


def rewrite_member(source: bytes, member: str, change) -> bytes:
    """The zip with one CSV member's records changed by ``change(rows)``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(buffer, "w") as new:
        for name in old.namelist():
            text = old.read(name).decode()
            if name == member:
                reader = csv.DictReader(io.StringIO(text))
                rows = list(reader)
                change(rows)
                text = table_text(list(reader.fieldnames or []), rows)
            new.writestr(name, text)
    return buffer.getvalue()


def test_a_repeat_row_whose_parent_key_matches_no_submission_refuses_the_zip(
    app, runner, central_form, tmp_path
):
    form = central_form("state")

    def orphan(rows):
        rows[3]["PARENT_KEY"] = "uuid:nobody"
        rows[3]["KEY"] = "uuid:nobody/iscm_views/iscm_views[4]"

    zipped = rewrite_member(form.zip_of(demo_answers("state")), "state-iscm_views.csv", orphan)
    source = tmp_path / "state.zip"
    source.write_bytes(zipped)
    result = import_file(runner, source)
    assert result.exit_code == 1
    assert (
        "state.zip: state-iscm_views.csv, record 4: its PARENT_KEY 'uuid:nobody' is the KEY of "
        "no submission in state.csv and of no row of another repeat"
    ) in result.output
    assert "Traceback" not in result.output
    assert stored_count(app) == 0


def test_a_repeat_row_whose_key_does_not_extend_its_parent_key_refuses_the_zip(
    app, runner, central_form, tmp_path
):
    form = central_form("state")

    def wrong_key(rows):
        rows[1]["KEY"] = "uuid:somewhere-else/iscm_views/iscm_views[2]"

    zipped = rewrite_member(form.zip_of(demo_answers("state")), "state-iscm_views.csv", wrong_key)
    source = tmp_path / "state.zip"
    source.write_bytes(zipped)
    result = import_file(runner, source)
    assert result.exit_code == 1
    assert (
        "state.zip: state-iscm_views.csv, record 2: its KEY "
        "'uuid:somewhere-else/iscm_views/iscm_views[2]' is not its PARENT_KEY followed by"
    ) in result.output
    assert stored_count(app) == 0


def test_two_repeat_rows_with_one_key_refuse_the_zip(app, runner, central_form, tmp_path):
    form = central_form("state")

    def twice(rows):
        rows[1]["KEY"] = rows[0]["KEY"]

    zipped = rewrite_member(form.zip_of(demo_answers("state")), "state-iscm_views.csv", twice)
    source = tmp_path / "state.zip"
    source.write_bytes(zipped)
    result = import_file(runner, source)
    assert result.exit_code == 1
    assert "state.zip: state-iscm_views.csv, record 2: the KEY" in result.output
    assert "is also that of state-iscm_views.csv, record 1" in result.output


def test_a_per_iscm_row_for_an_iscm_not_chosen_names_its_file_and_record(
    app, runner, central_form, tmp_path
):
    form = central_form("state")
    egypt = [s for s in demo_answers("state") if s[1] == "EGY"]
    chosen = egypt[0][2]["iscms"]
    table, column, _, _ = form.fields["benefits"]
    item_column = form.fields["iscm_views_item"][1]
    holder: dict[str, int] = {}

    def answer_an_unchosen_iscm(rows):
        number, row = next((n, r) for n, r in enumerate(rows, 1) if r[item_column] not in chosen)
        row[column] = "Answered for an ISCM that was not chosen"
        holder["record"], holder["code"] = number, row[item_column]

    zipped = rewrite_member(form.zip_of(egypt), f"state-{table}.csv", answer_an_unchosen_iscm)
    source = tmp_path / "state.zip"
    source.write_bytes(zipped)
    result = import_file(runner, source)
    assert result.exit_code == 1
    assert (
        f"Refused row 1, column iscm_views_item (state-iscm_views.csv, record "
        f"{holder['record']}): row {holder['record']} of 'iscm_views' is for "
        f"'{holder['code']}', which is not chosen in 'iscms'"
    ) in result.output
    assert stored_count(app) == 0


def test_an_invalid_answer_in_a_repeat_table_names_its_file_record_and_column(
    app, runner, central_form, tmp_path
):
    form = central_form("state")
    egypt = [s for s in demo_answers("state") if s[1] == "EGY"]
    first_chosen = egypt[0][2]["iscms"][0]
    rating = form.fields["value_rating"][1]
    item_column = form.fields["iscm_views_item"][1]
    holder: dict[str, int] = {}

    def bad_rating(rows):
        number, row = next((n, r) for n, r in enumerate(rows, 1) if r[item_column] == first_chosen)
        row[rating] = "99"
        holder["record"] = number

    zipped = rewrite_member(form.zip_of(egypt), "state-iscm_views.csv", bad_rating)
    source = tmp_path / "state.zip"
    source.write_bytes(zipped)
    result = import_file(runner, source)
    assert result.exit_code == 1
    assert (
        f"Refused row 1, column {rating} (state-iscm_views.csv, record {holder['record']}): "
        f"iscm_views.{first_chosen}.value_rating:"
    ) in result.output


def test_a_zip_with_more_than_the_members_allowed_is_refused_before_reading(runner, tmp_path):
    source = tmp_path / "many.zip"
    with zipfile.ZipFile(source, "w") as archive:
        for number in range(kobo.MAX_ZIP_MEMBERS + 1):
            archive.writestr(f"form-r{number}.csv", "")
    result = import_file(runner, source)
    assert result.exit_code == 1
    assert f"many.zip has {kobo.MAX_ZIP_MEMBERS + 1:,} members; at most" in result.output


def test_a_zip_that_unpacks_to_more_than_the_limit_is_refused_before_reading(runner, tmp_path):
    source = tmp_path / "bomb.zip"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("form.csv", b"a,b\n" + b"0" * kobo.MAX_ZIP_UNPACKED_BYTES)
    assert source.stat().st_size < 1024 * 1024
    result = import_file(runner, source)
    assert result.exit_code == 1
    assert "bomb.zip unpacks to 50 MB; at most 50 MB are accepted" in result.output


def test_a_zip_without_a_submissions_table_is_refused(runner, tmp_path):
    source = tmp_path / "repeats.zip"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("state-iscm_views.csv", "iscm_views_item,PARENT_KEY,KEY\n")
    result = import_file(runner, source)
    assert result.exit_code == 1
    assert "repeats.zip holds 0 tables without a PARENT_KEY column (none)" in result.output


def nested(columns: dict[str, str]) -> dict:
    """A table's row with groups as nested objects, as ODK Central's OData gives it."""
    row: dict = {}
    for column, value in columns.items():
        if "/" in column or column in ("PARENT_KEY", "KEY"):
            continue
        *groups, name = column.split("-")
        target = row
        for group in groups:
            target = target.setdefault(group, {})
        target[name] = value or None
    return row


def odata_of(form: CentralForm, submissions) -> tuple[list[dict], list[dict]]:
    """ODK Central's OData of State submissions: the Submissions entity set (each repeat a
    navigation link beside its count) and the rows of Submissions.iscm_views.iscm_views."""
    with zipfile.ZipFile(io.BytesIO(form.zip_of(submissions))) as archive:
        roots = list(csv.DictReader(io.StringIO(archive.read("state.csv").decode())))
        views = list(csv.DictReader(io.StringIO(archive.read("state-iscm_views.csv").decode())))
    records = []
    for root in roots:
        instance_id = root["KEY"]
        record = nested({k: v for k, v in root.items() if k not in CENTRAL_TAIL})
        record.pop("SubmissionDate")
        record["__id"] = instance_id
        record["__system"] = {"submissionDate": root["SubmissionDate"], "reviewState": None}
        record["iscm_views"]["iscm_views@odata.navigationLink"] = (
            f"Submissions('{instance_id}')/iscm_views/iscm_views"
        )
        records.append(record)
    rows = [
        nested(view) | {"__id": f"hash-{number}", "__Submissions-id": view["PARENT_KEY"]}
        for number, view in enumerate(views, start=1)
    ]
    return records, rows


def odata_file(path: Path, entity_set: str, rows: list[dict]) -> Path:
    context = f"https://central.example.org/v1/projects/1/forms/state.svc/$metadata#{entity_set}"
    path.write_text(json.dumps({"@odata.context": context, "value": rows}))
    return path


def test_odata_with_repeats_expanded_inline_and_groups_as_objects_is_read(
    app, runner, central_form, tmp_path
):
    form = central_form("state")
    egypt = [s for s in demo_answers("state") if s[1] == "EGY"]
    records, rows = odata_of(form, egypt)
    # $expand=*: the rows inline, under their group
    records[0]["iscm_views"]["iscm_views"] = rows
    source = odata_file(tmp_path / "central.json", "Submissions", records)
    result = import_file(runner, source)
    assert result.exit_code == 0, result.output
    assert stored_answers(app)["EGY"] == expected_answers(app, "state")["EGY"]


def test_odata_submissions_with_their_repeat_entity_set_in_pages_are_imported_once(
    app, runner, central_form, tmp_path
):
    form = central_form("state")
    records, rows = odata_of(form, demo_answers("state"))
    files = [
        odata_file(tmp_path / "Submissions.json", "Submissions", records),
        # two pages of the repeat's entity set ($top/$skip), the second named by its file only
        odata_file(tmp_path / "views-1.json", "Submissions.iscm_views.iscm_views", rows[:30]),
    ]
    second_page = tmp_path / "Submissions.iscm_views.iscm_views.json"
    second_page.write_text(json.dumps({"value": rows[30:]}))
    files.append(second_page)
    arguments = ["responses", "import", *map(str, files)]
    first = runner.invoke(args=arguments)
    assert first.exit_code == 0, first.output
    assert "3 imported, 0 already there, 0 refused." in first.output
    again = runner.invoke(args=arguments)
    assert "0 imported, 3 already there, 0 refused." in again.output
    stored = stored_answers(app)
    assert stored == expected_answers(app, "state")
    assert all(answers["iscm_views"] for answers in stored.values())


def test_an_odata_repeat_row_whose_parent_id_matches_no_submission_is_refused(
    app, runner, central_form, tmp_path
):
    form = central_form("state")
    records, rows = odata_of(form, demo_answers("state"))
    rows[4]["__Submissions-id"] = "uuid:nobody"
    files = [
        odata_file(tmp_path / "Submissions.json", "Submissions", records),
        odata_file(tmp_path / "views.json", "Submissions.iscm_views.iscm_views", rows),
    ]
    result = runner.invoke(args=["responses", "import", *map(str, files)])
    assert result.exit_code == 1
    assert (
        "views.json, record 5: its __Submissions-id 'uuid:nobody' is the __id of no submission"
    ) in result.output
    assert stored_count(app) == 0


def test_several_files_that_are_not_odata_entity_sets_are_refused(runner, tmp_path):
    first = tmp_path / "a.json"
    first.write_text(json.dumps([{"_uuid": "x"}]))
    second = tmp_path / "b.csv"
    second.write_text("a,b\n1,2\n")
    result = runner.invoke(args=["responses", "import", str(first), str(second)])
    assert result.exit_code == 1
    assert "a.json is no OData entity set of ODK Central" in result.output


def test_a_zip_member_that_is_not_utf8_is_refused_by_name(runner, tmp_path):
    source = tmp_path / "state.zip"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("state.csv", "KEY,organisation_code\nuuid:a,EGY\n")
        archive.writestr("state-iscm_views.csv", b"PARENT_KEY,KEY,role\nuuid:a,\xff\xfe,x\n")
    result = import_file(runner, source)
    assert result.exit_code == 1
    assert "state.zip: state-iscm_views.csv is not UTF-8 text" in result.output


def test_a_file_that_starts_like_a_zip_but_is_none_is_refused(runner, tmp_path):
    source = tmp_path / "broken.zip"
    source.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    result = import_file(runner, source)
    assert result.exit_code == 1
    assert "broken.zip is not a readable zip file" in result.output
    assert "Traceback" not in result.output


def test_odata_submissions_given_with_files_but_without_their_repeat_set_are_refused(
    app, runner, central_form, tmp_path
):
    form = central_form("state")
    records, _rows = odata_of(form, demo_answers("state"))
    files = [
        odata_file(tmp_path / "Submissions.json", "Submissions", records[:1]),
        odata_file(tmp_path / "more.json", "Submissions", records[1:]),
    ]
    result = runner.invoke(args=["responses", "import", *map(str, files)])
    assert result.exit_code == 1
    assert (
        "Submissions.json, record 1: its rows of the repeat Submissions.iscm_views.iscm_views "
        "are not among the files"
    ) in result.output
    assert stored_count(app) == 0


def test_a_repeat_key_without_the_group_before_the_repeat_is_read_too(
    app, runner, central_form, tmp_path
):
    form = central_form("state")

    def without_group(rows):
        for row in rows:
            row["KEY"] = row["KEY"].replace("/iscm_views/iscm_views[", "/iscm_views[")

    zipped = rewrite_member(
        form.zip_of(demo_answers("state")), "state-iscm_views.csv", without_group
    )
    source = tmp_path / "state.zip"
    source.write_bytes(zipped)
    result = import_file(runner, source)
    assert result.exit_code == 0, result.output
    assert stored_answers(app) == expected_answers(app, "state")
