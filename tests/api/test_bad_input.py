"""Bad input gets a clear 4xx, never a 500: numbers too large for the database, JSON nested too
deeply, bodies of the wrong shape, methods a URL does not have.

Every refusal of the JSON API carries the error body its OpenAPI description promises.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
from sqlalchemy import select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import Response, User
from surveyapp.request_input import MAX_DATABASE_INTEGER, MAX_JSON_DEPTH
from tests.pages import csrf_token, log_in, page_csrf

THIRTY_DIGITS = "1" + "0" * 29
TEN_THOUSAND_DEEP = "[" * 10_000 + "]" * 10_000


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def json_body(text: str) -> dict:
    return {"data": text, "content_type": "application/json"}


def nested(depth: int):
    """A JSON value ``depth`` levels deep (lists in lists)."""
    value: list = []
    for _level in range(depth - 1):
        value = [value]
    return value


@pytest.fixture
def respondent_token(create_invitation) -> str:
    token, _response_id = create_invitation("EGY")
    return token


@pytest.fixture
def analyst_token(app, create_user) -> str:
    email, _password = create_user("analyst")
    with app.app_context():
        user = db.session.scalar(select(User).filter_by(email=email))
        _token, plain = operations.create_api_token(user, "script", actor="test")
        db.session.commit()
    return plain


@pytest.fixture
def admin_client(app, create_user):
    """A client logged in as an administrator (who may open the analyst's pages too)."""
    client = app.test_client()
    email, password = create_user("admin")
    assert log_in(client, email, password).status_code == 302
    return client


@pytest.fixture
def error_schema(client) -> dict:
    """The error body schemas of the served OpenAPI description, resolvable on their own."""
    spec = client.get("/api/v1/openapi.json").get_json()
    return {"components": spec["components"]}


def assert_error_body(reply, error_schema: dict, name: str = "Error") -> dict:
    """The reply is JSON and matches the description's schema ``name``."""
    assert reply.is_json, reply.get_data(as_text=True)[:200]
    body = reply.get_json()
    schema = {**error_schema, "$ref": f"#/components/schemas/{name}"}
    jsonschema.validate(body, schema)
    return body


# -- whole numbers in URLs -------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        f"round={THIRTY_DIGITS}",
        f"round={MAX_DATABASE_INTEGER + 1}",
        "round=0",
        "round=-1",
        "round=1.5",
        "round=²",
        f"page={THIRTY_DIGITS}",
        "page=²",
        f"per_page={THIRTY_DIGITS}",
        "per_page=0",
    ],
)
def test_a_number_the_database_cannot_hold_is_a_clear_400_on_the_analyst_api(
    client, analyst_token, error_schema, query
):
    reply = client.get(f"/api/v1/responses?{query}", headers=bearer(analyst_token))
    assert reply.status_code == 400
    body = assert_error_body(reply, error_schema)
    assert "whole number" in body["message"]


def test_an_unknown_round_that_fits_is_an_empty_page(client, analyst_token):
    reply = client.get(
        f"/api/v1/responses?round={MAX_DATABASE_INTEGER}", headers=bearer(analyst_token)
    )
    assert reply.status_code == 200
    assert reply.get_json()["items"] == []


def test_a_response_id_of_thirty_digits_is_a_json_404(client, analyst_token, error_schema):
    reply = client.get(f"/api/v1/responses/{THIRTY_DIGITS}", headers=bearer(analyst_token))
    assert reply.status_code == 404
    assert_error_body(reply, error_schema)


def test_coverage_treats_a_thirty_digit_round_as_no_such_round(admin_client):
    reply = admin_client.get(f"/analyst/coverage?round={THIRTY_DIGITS}")
    assert reply.status_code == 200
    # like any round that does not exist: the open round is shown
    assert "2026" in reply.get_data(as_text=True)


@pytest.mark.parametrize("round_id", [THIRTY_DIGITS, "²", "-1", str(MAX_DATABASE_INTEGER)])
def test_an_export_of_a_round_that_cannot_exist_is_a_404(admin_client, round_id):
    reply = admin_client.get(f"/analyst/exports/download?format=csv&round={round_id}")
    assert reply.status_code == 404


def test_the_responses_page_past_any_page_is_the_first(admin_client):
    reply = admin_client.get(f"/analyst/?page={THIRTY_DIGITS}")
    assert reply.status_code == 200


def int_routes(app) -> list[tuple[str, str]]:
    """(method, URL) of every route with an ``<int:...>`` part, the number made 30 digits long."""
    from werkzeug.routing import IntegerConverter

    found = []
    for rule in app.url_map.iter_rules():
        numbers = [k for k, c in rule._converters.items() if isinstance(c, IntegerConverter)]
        if not numbers:
            continue
        values = {name: "khartoum-process" for name in rule.arguments}
        values.update({"language": "en"} if "language" in rule.arguments else {})
        values.update({name: THIRTY_DIGITS for name in numbers})
        url = rule.rule
        for name, value in values.items():
            url = url.replace(f"<{name}>", value).replace(f"<int:{name}>", value)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((method, url))
    return found


def test_every_route_with_a_number_refuses_thirty_digits_as_not_found(app, admin_client):
    routes = int_routes(app)
    assert len(routes) >= 15
    token = csrf_token(admin_client, "/analyst/tokens")
    for method, url in routes:
        if url.startswith("/api/"):
            continue
        data = {"csrf_token": token} if method == "POST" else None
        reply = admin_client.open(url, method=method, data=data)
        # Where a URL has a GET and a POST rule, routing names the other rule's method (405).
        assert reply.status_code in (404, 405), (method, url, reply.status_code)


def test_a_thirty_digit_version_in_an_autosave_is_refused_not_a_500(client, respondent_token):
    page = client.get(f"/r/{respondent_token}/s/respondent").get_data(as_text=True)
    token = page_csrf(page)
    reply = client.post(
        f"/r/{respondent_token}/s/respondent/autosave",
        data={"csrf_token": token, "version": THIRTY_DIGITS, "respondent_name": "A"},
    )
    assert 400 <= reply.status_code < 500


# -- JSON bodies ---------------------------------------------------------------------------------


def test_json_nested_ten_thousand_deep_is_a_clear_400_on_save(
    client, respondent_token, error_schema
):
    reply = client.patch(
        "/api/v1/response", headers=bearer(respondent_token), **json_body(TEN_THOUSAND_DEEP)
    )
    assert reply.status_code == 400
    body = assert_error_body(reply, error_schema)
    assert f"at most {MAX_JSON_DEPTH} levels" in body["message"]


def test_answers_nested_ten_thousand_deep_are_a_clear_400(client, respondent_token, error_schema):
    text = '{"version": 0, "answers": {"respondent_name": ' + TEN_THOUSAND_DEEP + "}}"
    reply = client.patch("/api/v1/response", headers=bearer(respondent_token), **json_body(text))
    assert reply.status_code == 400
    assert_error_body(reply, error_schema)


def test_json_nested_ten_thousand_deep_is_a_clear_400_on_submit(
    client, respondent_token, error_schema
):
    reply = client.post(
        "/api/v1/response/submit", headers=bearer(respondent_token), **json_body(TEN_THOUSAND_DEEP)
    )
    assert reply.status_code == 400
    assert_error_body(reply, error_schema)


def test_json_just_within_the_depth_limit_reaches_the_answer_checks(client, respondent_token):
    deepest = {"version": 0, "answers": {"respondent_name": nested(MAX_JSON_DEPTH - 2)}}
    too_deep = {"version": 0, "answers": {"respondent_name": nested(MAX_JSON_DEPTH - 1)}}
    within = client.patch("/api/v1/response", headers=bearer(respondent_token), json=deepest)
    beyond = client.patch("/api/v1/response", headers=bearer(respondent_token), json=too_deep)
    assert within.status_code == 422
    assert "respondent_name" in within.get_json()["errors"]
    assert beyond.status_code == 400


def test_a_body_over_sixteen_megabytes_is_a_413_with_the_error_body(
    client, respondent_token, error_schema
):
    text = '{"version": 0, "answers": {"respondent_name": "' + "a" * (16 * 1024 * 1024) + '"}}'
    reply = client.patch("/api/v1/response", headers=bearer(respondent_token), **json_body(text))
    assert reply.status_code == 413
    assert_error_body(reply, error_schema)


def test_an_autosave_with_a_deeply_nested_json_body_is_not_a_500(client, respondent_token):
    reply = client.post(
        f"/r/{respondent_token}/s/respondent/autosave", **json_body(TEN_THOUSAND_DEEP)
    )
    assert 400 <= reply.status_code < 500


@pytest.mark.parametrize(
    "text",
    ['[{"version": 0, "answers": {}}]', '"answers"', "0", "null", "{", "", "not json"],
    ids=["list", "string", "number", "null", "truncated", "empty", "not json"],
)
def test_a_save_body_that_is_not_an_object_is_a_clear_400(
    client, respondent_token, error_schema, text
):
    reply = client.patch("/api/v1/response", headers=bearer(respondent_token), **json_body(text))
    assert reply.status_code == 400
    assert assert_error_body(reply, error_schema)["error"] == "bad_request"


@pytest.mark.parametrize("answers", [[], "respondent_name", 1, None, [{"respondent_name": "A"}]])
def test_answers_that_are_not_an_object_are_a_clear_400(
    client, respondent_token, error_schema, answers
):
    reply = client.patch(
        "/api/v1/response",
        headers=bearer(respondent_token),
        json={"version": 0, "answers": answers},
    )
    assert reply.status_code == 400
    assert '"answers"' in assert_error_body(reply, error_schema)["message"]


@pytest.mark.parametrize(
    "version",
    ["0", True, 0.5, -1, MAX_DATABASE_INTEGER + 1, 10**30, None, [0], {"n": 0}],
    ids=["text", "true", "fraction", "negative", "too large", "huge", "null", "list", "object"],
)
def test_a_version_that_is_not_a_whole_number_in_range_is_a_clear_400(
    client, respondent_token, error_schema, version
):
    body = {"version": version, "answers": {"respondent_name": "A"}}
    save = client.patch("/api/v1/response", headers=bearer(respondent_token), json=body)
    submit = client.post(
        "/api/v1/response/submit", headers=bearer(respondent_token), json={"version": version}
    )
    for reply in (save, submit):
        assert reply.status_code == 400
        assert (
            "'version' must be the whole number"
            in assert_error_body(reply, error_schema)["message"]
        )


def test_a_missing_version_is_a_clear_400(client, respondent_token, error_schema):
    reply = client.patch("/api/v1/response", headers=bearer(respondent_token), json={"answers": {}})
    assert reply.status_code == 400
    assert_error_body(reply, error_schema)


def test_a_version_written_as_a_whole_float_is_that_version(app, client, respondent_token):
    reply = client.patch(
        "/api/v1/response",
        headers=bearer(respondent_token),
        **json_body('{"version": 0.0, "answers": {"respondent_name": "Amal"}}'),
    )
    assert reply.status_code == 200
    with app.app_context():
        assert db.session.scalar(select(Response)).answer_values()["respondent_name"] == "Amal"


@pytest.mark.parametrize("text", ["[]", '"now"', "null"])
def test_a_submit_body_that_is_not_an_object_is_a_clear_400(
    client, respondent_token, error_schema, text
):
    reply = client.post(
        "/api/v1/response/submit", headers=bearer(respondent_token), **json_body(text)
    )
    assert reply.status_code == 400
    assert_error_body(reply, error_schema)


def test_a_submit_without_a_body_is_checked_for_completeness(
    client, respondent_token, error_schema
):
    reply = client.post("/api/v1/response/submit", headers=bearer(respondent_token))
    assert reply.status_code == 422
    assert_error_body(reply, error_schema, "Invalid")


def test_a_stale_save_answers_with_the_conflict_body(client, respondent_token, error_schema):
    reply = client.patch(
        "/api/v1/response",
        headers=bearer(respondent_token),
        json={"version": 7, "answers": {"respondent_name": "A"}},
    )
    assert reply.status_code == 409
    assert assert_error_body(reply, error_schema, "Conflict")["version"] == 0


def test_invalid_answers_answer_with_errors_per_question(client, respondent_token, error_schema):
    reply = client.patch(
        "/api/v1/response",
        headers=bearer(respondent_token),
        json={"version": 0, "answers": {"no_such_question": "A"}},
    )
    assert reply.status_code == 422
    assert "no_such_question" in assert_error_body(reply, error_schema, "Invalid")["errors"]


# -- methods and credentials ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url", "allowed"),
    [
        ("DELETE", "/api/v1/response", {"GET", "PATCH"}),
        ("TRACE", "/api/v1/iscms", {"GET"}),
        ("PUT", "/api/v1/response/submit", {"POST"}),
        ("DELETE", "/analyst/coverage", {"GET"}),
    ],
)
def test_a_method_the_url_does_not_have_is_a_405_naming_those_it_has(client, method, url, allowed):
    reply = client.open(url, method=method)
    assert reply.status_code == 405
    listed = {m.strip() for m in reply.headers["Allow"].split(",")}
    assert allowed <= listed


def test_the_api_answers_405_with_the_error_body(client, error_schema):
    reply = client.delete("/api/v1/iscms")
    assert reply.status_code == 405
    assert_error_body(reply, error_schema)


@pytest.mark.parametrize(
    ("url", "headers"),
    [
        ("/api/v1/response", {}),
        ("/api/v1/response", {"Authorization": "Bearer "}),
        ("/api/v1/response", {"Authorization": "Basic dXNlcjpwYXNz"}),
        ("/api/v1/response", {"Authorization": "Bearer not-a-token"}),
        ("/api/v1/iscms", {}),
        ("/api/v1/iscms", {"Authorization": "Bearer sat_not-a-token"}),
    ],
)
def test_a_missing_or_unknown_token_is_a_401_with_a_bearer_challenge(
    client, error_schema, url, headers
):
    reply = client.get(url, headers=headers)
    assert reply.status_code == 401
    assert reply.headers["WWW-Authenticate"].startswith("Bearer")
    assert assert_error_body(reply, error_schema)["error"] == "unauthorized"


def test_requests_without_a_token_never_count_as_guesses(client, respondent_token):
    for _attempt in range(40):
        assert client.get("/api/v1/response").status_code == 401
        assert client.get("/api/v1/iscms").status_code == 401
    assert client.get("/api/v1/response", headers=bearer(respondent_token)).status_code == 200


def test_the_description_served_is_the_one_in_the_package(client):
    from pathlib import Path

    import surveyapp

    packaged = json.loads(
        (Path(surveyapp.__file__).parent / "static" / "openapi.json").read_text(encoding="utf-8")
    )
    served = client.get("/api/v1/openapi.json").get_json()
    assert served["paths"] == packaged["paths"]
    assert served["servers"] == [{"url": "http://localhost/api/v1"}]
