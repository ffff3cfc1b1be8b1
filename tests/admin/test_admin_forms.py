"""The administrators' forms: odd and partial input to the round status, organisation,
membership and registry import forms, and a wrong CSRF token on each."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import Organisation, SurveyRound
from tests.pages import csrf_token

CHOOSE_MEMBER_AND_ROLE = "Choose a State or IGO and a role."
CHOOSE_A_FILE = "Choose a file to import."
BALI = "/admin/registry/iscms/bali-process"


def current_round_id(app) -> int:
    with app.app_context():
        return operations.current_round().id


def round_status(app, round_id: int) -> str:
    with app.app_context():
        return db.session.get(SurveyRound, round_id).status


def post_status(client, round_id: int, **data):
    path = f"/admin/rounds/{round_id}"
    data.setdefault("csrf_token", csrf_token(client, path))
    return client.post(f"{path}/status", data=data, follow_redirects=True)


def memberships_of(app, code: str) -> set[tuple[str, str, bool]]:
    with app.app_context():
        iscm = db.session.scalar(select(Organisation).filter_by(code=code))
        return {(m.member.code, m.role, m.illustrative) for m in iscm.memberships}


def add_member(client, **data):
    data.setdefault("csrf_token", csrf_token(client, BALI))
    return client.post(f"{BALI}/memberships", data=data, follow_redirects=True)


def organisations(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(Organisation.id)))


def names_of(app, code: str) -> dict[str, str] | None:
    with app.app_context():
        found = db.session.scalar(select(Organisation).filter_by(code=code))
        return None if found is None else dict(found.names)


def import_registry(client, **data):
    data.setdefault("csrf_token", csrf_token(client, "/admin/registry"))
    return client.post(
        "/admin/registry/import",
        data=data,
        content_type="multipart/form-data",
        follow_redirects=True,
    )


# -- opening and closing a round ---------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [{}, {"status": ""}, {"status": "draft"}, {"status": "OPEN"}, {"status": " closed"}],
    ids=["missing", "blank", "draft", "upper case", "leading space"],
)
def test_a_status_other_than_open_or_closed_is_refused(app, admin_client, data):
    round_id = current_round_id(app)
    assert post_status(admin_client, round_id, **data).status_code == 400
    assert round_status(app, round_id) == "open"


def test_a_round_without_its_questionnaires_is_not_opened(app, admin_client):
    with app.app_context():
        round_id = operations.create_round("Empty", 2030, None, [], actor="test").id
        db.session.commit()
    reply = post_status(admin_client, round_id, status="open")
    assert "Attach a questionnaire for States, ISCMs and IGOs" in reply.get_data(as_text=True)
    assert round_status(app, round_id) == "draft"


def test_a_status_with_a_wrong_csrf_token_is_refused(app, admin_client):
    round_id = current_round_id(app)
    reply = post_status(admin_client, round_id, csrf_token="not-the-token", status="closed")
    assert reply.status_code == 400
    assert round_status(app, round_id) == "open"


# -- memberships -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"member": ""},
        {"member": "NOWHERE", "role": "observer"},
        {"member": "khartoum-process", "role": "observer"},
        {"member": "NZL", "role": "boss"},
        {"member": "NZL", "role": ""},
        {"member": "nzl", "role": "observer"},
    ],
    ids=["nothing", "blank member", "unknown", "an ISCM", "unknown role", "blank role", "case"],
)
def test_a_membership_without_a_known_member_and_role_is_refused(app, admin_client, data):
    before = memberships_of(app, "bali-process")
    reply = add_member(admin_client, **data)
    assert CHOOSE_MEMBER_AND_ROLE in reply.get_data(as_text=True)
    assert memberships_of(app, "bali-process") == before


def test_a_membership_without_a_role_is_a_real_member(app, admin_client):
    add_member(admin_client, member="CHE")
    assert ("CHE", "member", False) in memberships_of(app, "bali-process")


@pytest.mark.parametrize(
    ("illustrative", "expected"), [("1", True), ("yes", False), ("true", False), ("", False)]
)
def test_only_illustrative_1_marks_a_membership_illustrative(
    app, admin_client, illustrative, expected
):
    add_member(admin_client, member="NZL", role="observer", illustrative=illustrative)
    assert ("NZL", "observer", expected) in memberships_of(app, "bali-process")


def test_a_membership_with_a_wrong_csrf_token_is_refused(app, admin_client):
    before = memberships_of(app, "bali-process")
    reply = add_member(admin_client, csrf_token="not-the-token", member="NZL", role="observer")
    assert reply.status_code == 400
    assert memberships_of(app, "bali-process") == before


# -- editing an organisation -------------------------------------------------------------------


def test_a_new_organisation_with_no_field_sent_is_refused(app, admin_client):
    before = organisations(app)
    path = "/admin/registry/igos/new"
    reply = admin_client.post(path, data={"csrf_token": csrf_token(admin_client, path)})
    assert reply.status_code == 422
    page = reply.get_data(as_text=True)
    assert "(no code)" in page and "name_en (the English name) is required" in page
    assert organisations(app) == before


def test_a_new_organisation_is_kept_without_surrounding_spaces(app, admin_client):
    path = "/admin/registry/igos/new"
    data = {"csrf_token": csrf_token(admin_client, path), "code": "  oecd ", "name_en": " OECD\t"}
    assert admin_client.post(path, data=data).status_code == 302
    assert names_of(app, "oecd") == {"en": "OECD"}


def test_a_name_longer_than_the_limit_is_refused(app, admin_client):
    path = "/admin/registry/igos/new"
    data = {"csrf_token": csrf_token(admin_client, path), "code": "oecd", "name_en": "O" * 501}
    reply = admin_client.post(path, data=data)
    assert reply.status_code == 422
    assert "longer than 500 characters: name_en" in reply.get_data(as_text=True)
    assert names_of(app, "oecd") is None


def test_the_code_sent_to_an_organisations_page_is_ignored(app, admin_client):
    path = "/admin/registry/igos/iom"
    data = {"csrf_token": csrf_token(admin_client, path), "code": "moved", "name_en": "IOM"}
    assert admin_client.post(path, data=data).status_code == 302
    assert names_of(app, "iom") == {"en": "IOM"}
    assert names_of(app, "moved") is None


def test_an_edit_with_a_wrong_csrf_token_is_refused(app, admin_client):
    before = names_of(app, "iom")
    reply = admin_client.post(
        "/admin/registry/igos/iom", data={"csrf_token": "not-the-token", "name_en": "Changed"}
    )
    assert reply.status_code == 400
    assert names_of(app, "iom") == before


# -- importing a registry file -----------------------------------------------------------------


def test_an_import_without_a_file_asks_for_one(app, admin_client):
    reply = import_registry(admin_client, what="iscms")
    assert CHOOSE_A_FILE in reply.get_data(as_text=True)


def test_an_import_with_an_empty_file_field_asks_for_one(app, admin_client):
    reply = import_registry(admin_client, what="iscms", file=(io.BytesIO(b""), ""))
    assert CHOOSE_A_FILE in reply.get_data(as_text=True)


@pytest.mark.parametrize("data", [{}, {"what": ""}, {"what": "states"}], ids=str)
def test_an_import_that_does_not_say_what_it_holds_is_refused(app, admin_client, data):
    before = organisations(app)
    content = "code,name_en\noecd,OECD\n"
    reply = import_registry(admin_client, **data, file=(io.BytesIO(content.encode()), "x.csv"))
    assert reply.status_code == 422
    assert "Choose what the file holds" in reply.get_data(as_text=True)
    assert organisations(app) == before


def test_an_import_with_a_wrong_csrf_token_is_refused(app, admin_client):
    before = organisations(app)
    content = b"code,name_en\noecd,OECD\n"
    reply = import_registry(
        admin_client,
        csrf_token="not-the-token",
        what="igos",
        file=(io.BytesIO(content), "igos.csv"),
    )
    assert reply.status_code == 400
    assert organisations(app) == before
