"""The respondent's JSON API: read, save with versions, submit."""

from __future__ import annotations

import pytest

from surveyapp.demo import khartoum_responses


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def iscm_token(create_invitation):
    token, _response_id = create_invitation("khartoum-process")
    return token


def khartoum_answers() -> dict:
    return next(r for r in khartoum_responses() if r.organisation == "khartoum-process").answers


def test_questionnaire_is_served_as_json(client):
    reply = client.get("/api/v1/questionnaires/iscm")
    assert reply.status_code == 200
    body = reply.get_json()
    assert body["respondent_type"] == "iscm"
    keys = [q["key"] for s in body["sections"] for q in s["questions"]]
    assert "founding_document" in keys and "meetings" in keys


def test_unknown_questionnaire_type_is_a_json_404(client):
    reply = client.get("/api/v1/questionnaires/ngo")
    assert reply.status_code == 404
    assert reply.is_json


def test_response_needs_a_valid_token(client):
    assert client.get("/api/v1/response").status_code == 401
    assert client.get("/api/v1/response", headers=bearer("not-a-token")).status_code == 401


def test_response_shows_answers_status_and_version(client, iscm_token):
    reply = client.get("/api/v1/response", headers=bearer(iscm_token))
    assert reply.status_code == 200
    body = reply.get_json()
    assert body["organisation"]["code"] == "khartoum-process"
    assert body["status"] == "invited"
    assert body["version"] == 0
    assert body["answers"] == {}


def test_save_stores_answers_and_increments_version(client, iscm_token):
    reply = client.patch(
        "/api/v1/response",
        headers=bearer(iscm_token),
        json={"version": 0, "answers": {"founding_document": "Rome Declaration"}},
    )
    assert reply.status_code == 200
    assert reply.get_json()["version"] == 1
    body = client.get("/api/v1/response", headers=bearer(iscm_token)).get_json()
    assert body["answers"]["founding_document"] == "Rome Declaration"
    assert body["status"] == "in_progress"


def test_stale_save_is_refused_with_conflict(client, iscm_token):
    client.patch(
        "/api/v1/response",
        headers=bearer(iscm_token),
        json={"version": 0, "answers": {"founding_document": "Rome Declaration"}},
    )
    reply = client.patch(
        "/api/v1/response",
        headers=bearer(iscm_token),
        json={"version": 0, "answers": {"founding_document": "Valletta Declaration"}},
    )
    assert reply.status_code == 409
    body = reply.get_json()
    assert body["version"] == 1
    assert body["conflicts"]["founding_document"] == {
        "yours": "Valletta Declaration",
        "theirs": "Rome Declaration",
    }
    stored = client.get("/api/v1/response", headers=bearer(iscm_token)).get_json()
    assert stored["answers"]["founding_document"] == "Rome Declaration"


def test_invalid_answer_is_refused_with_errors_per_question(client, iscm_token):
    reply = client.patch(
        "/api/v1/response",
        headers=bearer(iscm_token),
        json={
            "version": 0,
            "answers": {"founding_year": "last year", "founding_document": "Rome Declaration"},
        },
    )
    assert reply.status_code == 422
    errors = reply.get_json()["errors"]
    assert list(errors) == ["founding_year"]
    stored = client.get("/api/v1/response", headers=bearer(iscm_token)).get_json()
    assert stored["version"] == 0 and stored["answers"] == {}


def test_unknown_question_is_refused(client, iscm_token):
    reply = client.patch(
        "/api/v1/response",
        headers=bearer(iscm_token),
        json={"version": 0, "answers": {"no_such_question": "x"}},
    )
    assert reply.status_code == 422
    assert "no_such_question" in reply.get_json()["errors"]


def test_malformed_body_is_a_400(client, iscm_token):
    reply = client.patch("/api/v1/response", headers=bearer(iscm_token), data="not json")
    assert reply.status_code == 400
    reply = client.patch(
        "/api/v1/response", headers=bearer(iscm_token), json={"version": "1", "answers": {}}
    )
    assert reply.status_code == 400


def test_incomplete_submission_lists_what_is_missing(client, iscm_token):
    reply = client.post("/api/v1/response/submit", headers=bearer(iscm_token))
    assert reply.status_code == 422
    errors = reply.get_json()["errors"]
    assert "founding_document" in errors


def test_complete_submission_is_accepted_once(client, iscm_token):
    saved = client.patch(
        "/api/v1/response",
        headers=bearer(iscm_token),
        json={"version": 0, "answers": khartoum_answers()},
    )
    assert saved.status_code == 200, saved.get_json()
    reply = client.post("/api/v1/response/submit", headers=bearer(iscm_token))
    assert reply.status_code == 200
    assert reply.get_json()["status"] == "submitted"
    again = client.post("/api/v1/response/submit", headers=bearer(iscm_token))
    assert again.status_code == 409
    late = client.patch(
        "/api/v1/response",
        headers=bearer(iscm_token),
        json={"version": reply.get_json()["version"], "answers": {"founding_year": 2015}},
    )
    assert late.status_code == 409
    assert late.get_json()["error"] == "submitted"


def test_a_token_opens_only_its_own_organisations_response(client, create_invitation):
    egypt_token, _ = create_invitation("EGY")
    ethiopia_token, _ = create_invitation("ETH")
    client.patch(
        "/api/v1/response",
        headers=bearer(egypt_token),
        json={"version": 0, "answers": {"respondent_name": "Egypt's respondent"}},
    )
    ethiopia = client.get("/api/v1/response", headers=bearer(ethiopia_token)).get_json()
    assert ethiopia["organisation"]["code"] == "ETH"
    assert ethiopia["answers"] == {}


def test_a_refused_answer_comes_with_a_code_and_its_parameters(client, create_invitation):
    token, _ = create_invitation("khartoum-process")
    reply = client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": {"founding_year": 1800, "mandate": "Migration"}},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert reply.status_code == 422
    body = reply.get_json()
    assert body["errors"]["founding_year"] == ["Enter a year between 1945 and 2100."]
    assert body["codes"]["founding_year"] == [{"code": "out_of_range", "min": 1945, "max": 2100}]
    assert set(body["codes"]) == set(body["errors"])


def test_refusals_are_said_in_the_language_the_client_asks_for(client, create_invitation):
    token, _ = create_invitation("khartoum-process")
    reply = client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": {"founding_year": 1800, "nothing": "x"}},
        headers={"Authorization": f"Bearer {token}", "Accept-Language": "fr-CH, fr;q=0.9"},
    )
    assert reply.status_code == 422
    body = reply.get_json()
    assert body["errors"] == {
        "founding_year": ["Saisissez une année entre 1945 et 2100."],
        "nothing": ["Cette question ne fait pas partie du questionnaire."],
    }
    assert body["codes"]["nothing"] == [{"code": "unknown_question"}]
