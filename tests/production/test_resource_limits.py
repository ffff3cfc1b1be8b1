"""Resources a file or a job may take: workbooks and YAML bounded before parsing; report jobs
that never hold the database while they render."""

from __future__ import annotations

import io
import pathlib
import re
import threading
import time
import zipfile

import pytest
from openpyxl import Workbook
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from surveyapp.interop import workbook_limits
from surveyapp.registry import RegistryError, load_registry
from tests.pages import csrf_token, log_in

#: a registry file of a few hundred bytes whose aliases expand to 9^9 nodes
REGISTRY_WITH_ALIASES = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
iscms: [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""
#: a registry file nested 5,000 mappings deep
REGISTRY_NESTED_DEEP = "iscms:\n- code: x\n  name: " + "{a: " * 5000 + "b" + "}" * 5000 + "\n"


# -- workbooks -------------------------------------------------------------------------------


def with_extra_rows(data: bytes, rows: int) -> bytes:
    """``data`` (an .xlsx) with ``rows`` more rows in its first sheet, whose declared dimension
    stays as it was (a file can lie about its size there)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    sheet = next(n for n in source.namelist() if n.startswith("xl/worksheets/sheet"))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == sheet:
                extra = b"".join(
                    b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (number, number)
                    for number in range(500_001, 500_001 + rows)
                )
                body = body.replace(b"</sheetData>", extra + b"</sheetData>", 1)
            target.writestr(info, body)
    return output.getvalue()


def with_part(data: bytes, name: str, body: bytes) -> bytes:
    """``data`` (an .xlsx) with one more part."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr(name, body)
    return output.getvalue()


def small_workbook() -> bytes:
    workbook = Workbook()
    workbook.active.append(["type", "name", "label"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def analyst(app, create_user):
    client = app.test_client()
    log_in(client, *create_user("analyst"))
    return client


@pytest.fixture
def response_workbook(analyst, create_invitation):
    """(response id, the response's Excel questionnaire as downloaded by the analyst)."""
    _token, response_id = create_invitation("khartoum-process")
    reply = analyst.get(f"/analyst/responses/{response_id}/excel/questionnaire.xlsx")
    assert reply.status_code == 200
    return response_id, reply.get_data()


@pytest.fixture
def parsing_forbidden(monkeypatch):
    """Fail the test if openpyxl is asked to load a workbook."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr("surveyapp.interop.excel_questionnaire.load_workbook", refuse)
    monkeypatch.setattr("surveyapp.interop.xlsform_import.parse_file_to_json", refuse)


def upload(client, response_id: int, data: bytes):
    path = f"/analyst/responses/{response_id}/excel"
    # Encoded here: the test client spools a large body to a file it never closes.
    boundary, body = encode_multipart(
        {
            "csrf_token": csrf_token(client, path),
            "workbook": FileStorage(io.BytesIO(data), "f.xlsx"),
        }
    )
    return client.post(path, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def test_a_questionnaire_with_300000_extra_rows_is_refused_before_it_is_parsed(
    analyst, response_workbook, parsing_forbidden
):
    response_id, data = response_workbook
    bloated = with_extra_rows(data, 300_000)
    assert len(bloated) < 5 * 1024 * 1024
    started = time.monotonic()
    reply = upload(analyst, response_id, bloated)
    assert time.monotonic() - started < 10
    assert reply.status_code == 413
    assert "more than 100,000 cells" in reply.get_data(as_text=True)


def test_a_questionnaire_that_unpacks_to_too_much_is_refused(
    analyst, response_workbook, parsing_forbidden
):
    response_id, data = response_workbook
    bloated = with_part(data, "xl/media/padding.xml", b" " * (25 * 1024 * 1024))
    assert len(bloated) < 1024 * 1024
    reply = upload(analyst, response_id, bloated)
    assert reply.status_code == 413
    assert re.search(r"unpacks to \d+ MB; at most 20 MB", reply.get_data(as_text=True))


def test_a_questionnaire_with_an_xml_doctype_is_refused(
    analyst, response_workbook, parsing_forbidden
):
    response_id, data = response_workbook
    entities = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    reply = upload(analyst, response_id, with_part(data, "xl/extra.xml", entities))
    assert reply.status_code == 400
    assert "document type declaration" in reply.get_data(as_text=True)


def test_a_downloaded_questionnaire_is_within_the_limits(response_workbook):
    _response_id, data = response_workbook
    workbook_limits.check_workbook(data)


def test_a_file_that_is_no_workbook_is_left_to_the_parser(analyst, response_workbook):
    response_id, _data = response_workbook
    reply = upload(analyst, response_id, b"just some text")
    assert reply.status_code == 400
    assert "not an Excel workbook" in reply.get_data(as_text=True)


def test_an_xlsform_with_300000_rows_is_refused_on_the_command_line(
    runner, tmp_path, parsing_forbidden
):
    source = tmp_path / "form.xlsx"
    source.write_bytes(with_extra_rows(small_workbook(), 300_000))
    result = runner.invoke(
        args=["questionnaires", "import-xlsform", str(source), "-o", str(tmp_path / "f.yaml")]
    )
    assert result.exit_code == 1
    assert "more than 100,000 cells" in result.output
    assert "Traceback" not in result.output


# -- YAML ------------------------------------------------------------------------------------


@pytest.fixture
def admin(app, create_user):
    client = app.test_client()
    log_in(client, *create_user("admin"))
    return client


def import_registry_file(client, name: str, content: str):
    return client.post(
        "/admin/registry/import",
        data={
            "csrf_token": csrf_token(client, "/admin/registry"),
            "what": "iscms",
            "file": (io.BytesIO(content.encode()), name),
        },
        content_type="multipart/form-data",
    )


def test_a_registry_import_with_aliases_is_refused_at_once(admin):
    assert len(REGISTRY_WITH_ALIASES.encode()) < 500
    started = time.monotonic()
    reply = import_registry_file(admin, "iscms.yaml", REGISTRY_WITH_ALIASES)
    assert time.monotonic() - started < 5
    assert reply.status_code == 422
    html = reply.get_data(as_text=True)
    assert "aliases (*name) are not allowed" in html
    assert "line 2" in html


def test_a_registry_import_nested_5000_deep_is_refused_with_a_clear_message(admin):
    reply = import_registry_file(admin, "iscms.yaml", REGISTRY_NESTED_DEEP)
    assert reply.status_code == 422
    assert "nested more than 64 levels deep" in reply.get_data(as_text=True)


def test_a_questionnaire_nested_5000_deep_is_refused_on_the_command_line(runner, tmp_path):
    deep = tmp_path / "deep.yaml"
    deep.write_text("id: deep\nversion: 1\nsections: " + "[" * 5000 + "]" * 5000 + "\n")
    result = runner.invoke(args=["questionnaires", "validate", str(deep)])
    assert result.exit_code == 1
    assert "deep.yaml:3" in result.output
    assert "nested more than 64 levels deep" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("content", [REGISTRY_WITH_ALIASES, REGISTRY_NESTED_DEEP])
def test_registry_files_with_aliases_or_deep_nesting_are_refused(tmp_path, content):
    shipped = pathlib.Path(load_registry.__code__.co_filename).parents[1] / "questionnaires"
    folder = tmp_path / "registry"
    folder.mkdir()
    for name in ("igos.yaml", "states.yaml", "memberships.yaml"):
        (folder / name).write_text((shipped / "registry" / name).read_text())
    (folder / "iscms.yaml").write_text(content)
    with pytest.raises(RegistryError, match=r"iscms\.yaml: not valid YAML"):
        load_registry(folder)


def test_every_yaml_the_platform_reads_goes_through_the_one_safe_loader():
    root = pathlib.Path(workbook_limits.__file__).parents[2]
    loaders = re.compile(r"yaml\.(safe_load|load|full_load|unsafe_load|load_all|compose)\b")
    offenders = [
        str(path.relative_to(root))
        for package in ("surveyapp", "reports", "questionnaires")
        for path in (root / package).rglob("*.py")
        if path.name != "safe_yaml.py" and loaders.search(path.read_text(encoding="utf-8"))
    ]
    # reports/ may not import surveyapp; it reads only its own shipped contract (feeds.yaml)
    offenders.remove("reports/feeds.py")
    assert offenders == []


# -- report jobs on SQLite -------------------------------------------------------------------


def test_a_respondent_saves_while_the_compendium_renders(app, monkeypatch, create_invitation):
    import reports
    from surveyapp import jobs
    from surveyapp.extensions import db
    from surveyapp.models import ReportJob

    app.config["SURVEYAPP_REDIS_URL"] = None
    token, _response_id = create_invitation("EGY")
    rendering, release = threading.Event(), threading.Event()

    def slow_render(compendium, limits=None):
        rendering.set()
        assert release.wait(timeout=120), "the test never released the render"
        return b"%PDF-1.7 rendered slowly"

    # surveyapp.pdfs reaches the renderer through the package, when it renders
    monkeypatch.setattr(reports, "render_compendium_pdf", slow_render)
    with app.test_request_context():
        job_id = jobs.start_compendium_job("en", "user:organiser@example.org").id
    try:
        assert rendering.wait(timeout=300), "the job never started rendering"
        client = app.test_client()
        started = time.monotonic()
        reply = client.patch(
            "/api/v1/response",
            json={"version": 0, "answers": {"respondent_name": "Amina"}},
            headers={"Authorization": f"Bearer {token}"},
        )
        waited = time.monotonic() - started
    finally:
        release.set()
    assert reply.status_code == 200, reply.get_json()
    assert waited < 5
    deadline = time.monotonic() + 120
    while True:
        with app.app_context():
            job = db.session.get(ReportJob, job_id)
            status, progress = job.status, job.progress
        if status in ("done", "failed") or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert (status, progress) == ("done", 100)
