"""The analyst API: personal tokens (created in the browser, stored hashed), pagination, the
report PDFs and the OpenAPI description."""

from __future__ import annotations

import hashlib
import re

import pytest
from sqlalchemy import select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import ApiToken, User
from tests.pages import csrf_token, log_in

ANALYST_PATHS = [
    "/api/v1/responses",
    "/api/v1/responses/1",
    "/api/v1/iscms",
    "/api/v1/reports/iscm/khartoum-process.pdf",
]


def make_token(app, create_user, role: str = "analyst") -> str:
    email, _password = create_user(role)
    with app.app_context():
        user = db.session.scalar(select(User).filter_by(email=email))
        _token, plain = operations.create_api_token(user, "test script", actor="test")
        db.session.commit()
    return plain


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def token(app, create_user) -> str:
    return make_token(app, create_user)


def test_a_token_is_created_in_the_browser_shown_once_and_stored_hashed(app, create_user):
    client = app.test_client()
    email, password = create_user("analyst")
    log_in(client, email, password)
    html = client.post(
        "/analyst/tokens",
        data={"csrf_token": csrf_token(client, "/analyst/tokens"), "name": "nightly export"},
    ).get_data(as_text=True)
    plain = re.search(r'id="new-token">([^<]+)<', html).group(1)
    assert plain.startswith("sat_") and len(plain) > 40
    assert plain not in client.get("/analyst/tokens").get_data(as_text=True)
    with app.app_context():
        stored = db.session.scalar(select(ApiToken))
        assert stored.token_hash == hashlib.sha256(plain.encode()).hexdigest()
        assert plain not in (stored.token_hash, stored.hint)
    assert client.get("/api/v1/iscms", headers=bearer(plain)).status_code == 200


def test_a_token_revoked_in_the_browser_stops_working(app, create_user):
    client = app.test_client()
    email, password = create_user("analyst")
    log_in(client, email, password)
    html = client.post(
        "/analyst/tokens",
        data={"csrf_token": csrf_token(client, "/analyst/tokens"), "name": "laptop"},
    ).get_data(as_text=True)
    plain = re.search(r'id="new-token">([^<]+)<', html).group(1)
    with app.app_context():
        token_id = db.session.scalar(select(ApiToken.id))
    client.post(
        f"/analyst/tokens/{token_id}/revoke",
        data={"csrf_token": csrf_token(client, "/analyst/tokens")},
    )
    assert client.get("/api/v1/iscms", headers=bearer(plain)).status_code == 401


def test_nobody_revokes_someone_elses_token(app, create_user, token):
    other = app.test_client()
    log_in(other, *create_user("admin"))
    with app.app_context():
        token_id = db.session.scalar(select(ApiToken.id))
    reply = other.post(
        f"/analyst/tokens/{token_id}/revoke",
        data={"csrf_token": csrf_token(other, "/analyst/tokens")},
    )
    assert reply.status_code == 404


@pytest.mark.parametrize("path", ANALYST_PATHS)
def test_analyst_endpoints_refuse_requests_without_a_personal_token(
    client, create_invitation, path
):
    invitation_token, _response_id = create_invitation("EGY")
    assert client.get(path).status_code == 401
    assert client.get(path, headers=bearer("sat_not-a-real-token")).status_code == 401
    reply = client.get(path, headers=bearer(invitation_token))
    assert reply.status_code == 401
    assert reply.get_json()["error"] == "unauthorized"


@pytest.mark.parametrize("path", ANALYST_PATHS[:3])
def test_an_organisers_token_is_refused(app, client, create_user, create_invitation, path):
    create_invitation("EGY")
    organiser_token = make_token(app, create_user, "organiser")
    assert client.get(path, headers=bearer(organiser_token)).status_code == 401


def test_a_deactivated_accounts_token_is_refused(app, client, token):
    with app.app_context():
        user = db.session.scalar(select(User))
        operations.set_user_active(user, False, actor="test")
        db.session.commit()
    assert client.get("/api/v1/iscms", headers=bearer(token)).status_code == 401


def test_a_logged_in_session_does_not_open_the_api(app, create_user):
    client = app.test_client()
    log_in(client, *create_user("analyst"))
    assert client.get("/analyst/").status_code == 200
    assert client.get("/api/v1/responses").status_code == 401


def test_respondent_endpoints_still_take_the_invitation_token(client, create_invitation, token):
    invitation_token, _response_id = create_invitation("EGY")
    assert client.get("/api/v1/response", headers=bearer(invitation_token)).status_code == 200
    assert client.get("/api/v1/response", headers=bearer(token)).status_code == 401


def test_responses_are_paginated(client, create_invitation, token):
    codes = ["EGY", "ETH", "NLD", "FRA", "ITA"]
    for code in codes:
        create_invitation(code)
    first = client.get("/api/v1/responses?per_page=2", headers=bearer(token))
    body = first.get_json()
    assert (body["total"], body["pages"], body["page"], len(body["items"])) == (5, 3, 1, 2)
    assert 'rel="next"' in first.headers["Link"]
    seen = []
    url = "/api/v1/responses?per_page=2"
    while url:
        page = client.get(url, headers=bearer(token)).get_json()
        seen += [item["organisation"]["code"] for item in page["items"]]
        url = page["next"] and page["next"].replace("http://localhost", "")
    assert sorted(seen) == sorted(codes)


def test_responses_can_be_filtered(client, create_invitation, token):
    create_invitation("EGY")
    create_invitation("iom")
    body = client.get("/api/v1/responses?type=igo", headers=bearer(token)).get_json()
    assert [item["organisation"]["code"] for item in body["items"]] == ["iom"]


def test_bad_paging_parameters_get_a_message(client, token):
    reply = client.get("/api/v1/responses?per_page=5000", headers=bearer(token))
    assert reply.status_code == 400
    assert "per_page" in reply.get_json()["message"]


def test_one_response_with_its_answers(client, create_invitation, token):
    invitation_token, response_id = create_invitation("EGY")
    client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": {"respondent_name": "Amal Hassan"}},
        headers=bearer(invitation_token),
    )
    body = client.get(f"/api/v1/responses/{response_id}", headers=bearer(token)).get_json()
    assert body["answers"] == {"respondent_name": "Amal Hassan"}
    assert body["status"] == "in_progress"
    assert client.get("/api/v1/responses/99999", headers=bearer(token)).status_code == 404


def test_iscms_with_their_members(client, token):
    body = client.get("/api/v1/iscms", headers=bearer(token)).get_json()
    khartoum = next(i for i in body["items"] if i["code"] == "khartoum-process")
    assert {"code": "EGY", "kind": "state", "role": "member", "illustrative": False} in khartoum[
        "members"
    ]
    assert khartoum["report"].endswith("/api/v1/reports/iscm/khartoum-process.pdf")


def test_the_summary_pdf_of_an_iscm(client, token):
    reply = client.get("/api/v1/reports/iscm/khartoum-process.pdf", headers=bearer(token))
    assert reply.status_code == 200
    assert reply.mimetype == "application/pdf"
    assert reply.data.startswith(b"%PDF")
    missing = client.get("/api/v1/reports/iscm/nowhere.pdf", headers=bearer(token))
    assert missing.status_code == 404
    assert missing.get_json()["error"]


def test_the_openapi_description_covers_every_api_route(app, client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    documented = {(path, method) for path, item in spec["paths"].items() for method in item}
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1"):
            continue
        path = re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule.rule[len("/api/v1") :])
        path = path.replace("{response_id}", "{id}")
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert (path, method.lower()) in documented, (path, method)
    assert spec["servers"][0]["url"] == "http://localhost/api/v1"
