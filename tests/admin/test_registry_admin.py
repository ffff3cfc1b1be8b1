"""The registry in the browser: edits, memberships, and imports that change nothing when a row
is wrong."""

from __future__ import annotations

import csv
import io

import yaml
from sqlalchemy import select

from surveyapp.extensions import db
from surveyapp.models import AuditEvent, Membership, Organisation
from tests.pages import csrf_token


def organisation(app, code: str) -> Organisation | None:
    with app.app_context():
        found = db.session.scalar(select(Organisation).filter_by(code=code))
        if found is not None:
            db.session.expunge(found)
        return found


def import_file(client, what: str, name: str, content: str):
    return client.post(
        "/admin/registry/import",
        data={
            "csrf_token": csrf_token(client, "/admin/registry"),
            "what": what,
            "file": (io.BytesIO(content.encode()), name),
        },
        content_type="multipart/form-data",
    )


def test_an_iscm_is_edited_in_the_browser_and_the_change_audited(app, admin_client):
    path = "/admin/registry/iscms/khartoum-process"
    page = admin_client.get(path).get_data(as_text=True)
    assert "EU-Horn of Africa Migration Route Initiative" in page
    fields = {
        "csrf_token": csrf_token(admin_client, path),
        "name_en": "Khartoum Process (renamed)",
        "kind": "irf",
        "region": "Horn of Africa and Europe",
        "acronym": "KP",
    }
    assert admin_client.post(path, data=fields).status_code == 302
    iscm = organisation(app, "khartoum-process")
    assert iscm.names == {"en": "Khartoum Process (renamed)"}
    assert iscm.region == "Horn of Africa and Europe"
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).filter_by(action="registry"))
        assert event.old_value["names"]["en"].startswith("EU-Horn")
        assert event.new_value["names"]["en"] == "Khartoum Process (renamed)"


def test_an_edit_without_an_english_name_is_refused(app, admin_client):
    path = "/admin/registry/iscms/khartoum-process"
    reply = admin_client.post(
        path, data={"csrf_token": csrf_token(admin_client, path), "name_en": "", "kind": "irf"}
    )
    assert reply.status_code == 422
    assert "name_en (the English name) is required" in reply.get_data(as_text=True)
    assert organisation(app, "khartoum-process").names["en"].startswith("EU-Horn")


def test_a_new_igo_is_added_and_its_code_cannot_be_reused(app, admin_client):
    path = "/admin/registry/igos/new"
    data = {"csrf_token": csrf_token(admin_client, path), "code": "oecd", "name_en": "OECD"}
    assert admin_client.post(path, data=data).status_code == 302
    assert organisation(app, "oecd").kind == "igo"
    reply = admin_client.post(path, data={**data, "name_en": "Other"})
    assert reply.status_code == 422
    assert "already in the registry" in reply.get_data(as_text=True)


def test_memberships_are_added_and_removed(app, admin_client):
    path = "/admin/registry/iscms/bali-process"
    admin_client.post(
        f"{path}/memberships",
        data={"csrf_token": csrf_token(admin_client, path), "member": "NZL", "role": "observer"},
    )
    with app.app_context():
        membership = db.session.scalar(
            select(Membership)
            .join(Membership.member)
            .where(Organisation.code == "NZL", Membership.role == "observer")
        )
        assert membership is not None and membership.iscm.code == "bali-process"
        membership_id = membership.id
    admin_client.post(
        f"/admin/registry/memberships/{membership_id}/delete",
        data={"csrf_token": csrf_token(admin_client, path)},
    )
    with app.app_context():
        assert db.session.get(Membership, membership_id) is None


def test_a_csv_import_with_bad_rows_changes_nothing_and_lists_every_bad_row(app, admin_client):
    content = (
        "code,name_en,kind,region\n"
        "khartoum-process,Khartoum Process (new name),irf,Europe and Africa\n"
        "Bad Code,Something,rcp,\n"
        "rabat-process,Rabat Process,rcp,West Africa\n"
        "new-forum,,sometimes,\n"
    )
    reply = import_file(admin_client, "iscms", "iscms.csv", content)
    assert reply.status_code == 422
    html = reply.get_data(as_text=True)
    assert "Nothing was imported from iscms.csv" in html
    assert "Row 2" in html and "Bad Code" in html
    assert "Row 4" in html and "name_en (the English name) is required" in html
    assert "kind must be one of" in html
    assert "Row 1" not in html and "Row 3" not in html
    assert organisation(app, "khartoum-process").names["en"].startswith("EU-Horn")
    assert organisation(app, "new-forum") is None


def test_a_good_csv_import_updates_and_adds(app, admin_client):
    content = (
        "code,name_en,name_fr,kind,region\n"
        "khartoum-process,Khartoum Process,Processus de Khartoum,irf,Europe and Africa\n"
        "new-forum,New Forum on Migration,,global,World\n"
    )
    reply = import_file(admin_client, "iscms", "iscms.csv", content)
    assert reply.status_code == 302
    assert organisation(app, "khartoum-process").names == {
        "en": "Khartoum Process",
        "fr": "Processus de Khartoum",
    }
    assert organisation(app, "new-forum").iscm_kind == "global"


def test_exported_yaml_imports_back_unchanged(app, admin_client):
    exported = admin_client.get("/admin/registry/export/igos.yaml")
    assert exported.status_code == 200
    data = yaml.safe_load(exported.get_data(as_text=True))
    iom = next(item for item in data["igos"] if item["code"] == "iom")
    assert iom["name"]["en"]
    before = organisation(app, "iom").names
    reply = import_file(admin_client, "igos", "igos.yaml", exported.get_data(as_text=True))
    assert reply.status_code == 302
    assert organisation(app, "iom").names == before


def test_exported_csv_has_one_column_per_language(app, admin_client):
    exported = admin_client.get("/admin/registry/export/iscms.csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(exported)))
    khartoum = next(r for r in rows if r["code"] == "khartoum-process")
    assert khartoum["name_fr"].startswith("Initiative")
    assert khartoum["kind"] == "irf"


def test_a_membership_import_replaces_the_named_iscms_members(app, admin_client):
    content = yaml.safe_dump(
        {
            "memberships": [
                {"iscm": "bali-process", "member": "AUS", "role": "member", "illustrative": False},
                {"iscm": "bali-process", "member": "IDN", "role": "chair", "illustrative": False},
            ]
        }
    )
    assert import_file(admin_client, "memberships", "m.yaml", content).status_code == 302
    with app.app_context():
        bali = db.session.scalar(select(Organisation).filter_by(code="bali-process"))
        rows = sorted((m.member.code, m.role) for m in bali.memberships)
        khartoum = db.session.scalar(select(Organisation).filter_by(code="khartoum-process"))
        assert len(khartoum.memberships) > 20
    assert rows == [("AUS", "member"), ("IDN", "chair")]


def test_a_membership_import_with_unknown_codes_changes_nothing(app, admin_client):
    content = (
        "iscm,member,role\nbali-process,AUS,member\nbali-process,XXX,member\nnowhere,AUS,boss\n"
    )
    reply = import_file(admin_client, "memberships", "m.csv", content)
    assert reply.status_code == 422
    html = reply.get_data(as_text=True)
    assert "Row 2" in html and "XXX" in html
    assert "Row 3" in html and "nowhere" in html and "role must be one of" in html
    with app.app_context():
        bali = db.session.scalar(select(Organisation).filter_by(code="bali-process"))
        assert len(bali.memberships) > 2


def test_a_file_that_is_not_yaml_or_csv_gets_a_message(app, admin_client):
    reply = import_file(admin_client, "iscms", "iscms.xlsx", "not really")
    assert reply.status_code == 422
    assert "Upload a .csv, .yaml or .yml file." in reply.get_data(as_text=True)
    reply = import_file(admin_client, "iscms", "iscms.yaml", "iscms: [unclosed")
    assert "The YAML cannot be read" in reply.get_data(as_text=True)


def test_the_registry_names_kinds_instead_of_showing_codes(admin_client):
    page = admin_client.get("/admin/registry").get_data(as_text=True)

    assert "ISCM (regional consultative process)" in page
    assert "ISCM (interregional forum)" in page
    assert "Inter-governmental organisation" in page
    assert "(rcp)" not in page and "<td>IGO</td>" not in page
