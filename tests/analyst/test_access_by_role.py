"""Every workspace route, against every kind of visitor: a table of who may do what.

The routes are read from the application's URL map, so a new route cannot be missed: each
must either appear in ``ORGANISER_MAY`` or be refused to organisers, and each under
``/admin`` is refused to analysts.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select
from werkzeug.exceptions import HTTPException

from surveyapp.analyst.blueprint import ORGANISER_ENDPOINTS
from surveyapp.extensions import db
from surveyapp.models import Organisation, User
from tests.pages import log_in

#: endpoints an organiser may open (read-only, nothing personal), as the blueprint declares
ORGANISER_MAY = set(ORGANISER_ENDPOINTS)
VISITORS = ["anonymous", "respondent", "organiser", "analyst", "admin"]


def workspace_rules(app):
    """(endpoint, method, rule) of every route under /analyst and /admin."""
    rules = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith(("/analyst", "/admin")):
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            rules.append((rule.endpoint, method, rule))
    return rules


def fill(rule, values) -> str:
    """The path of ``rule`` with real ids and codes for its arguments."""
    path = rule.rule
    for name in rule.arguments:
        path = re.sub(rf"<(?:[a-z]+:)?{name}>", str(values[name]), path)
    return path


@pytest.fixture
def visitor(app, create_user, create_invitation, request):
    """A client for ``request.param``, and the values to fill route arguments with."""
    app.config["WTF_CSRF_ENABLED"] = False
    token, response_id = create_invitation("EGY")
    other_email, _password = create_user("analyst", email="someone@example.org")
    client = app.test_client()
    kind = request.param
    if kind == "respondent":
        client.get(f"/r/{token}")
    elif kind != "anonymous":
        email, password = create_user(kind)
        assert log_in(client, email, password).status_code == 302
    with app.app_context():
        other = db.session.scalar(select(User).filter_by(email=other_email))
        egypt = db.session.scalar(select(Organisation).filter_by(code="EGY"))
        values = {
            "user_id": other.id,
            "response_id": response_id,
            "organisation_id": egypt.id,
            "round_id": 1,
            "code": "khartoum-process",
            "kind": "iscm",
            "filename": "workspace.css",
            "message_id": 1,
            "token_id": 1,
            "membership_id": 1,
            "language": "en",
            "number": 1,
            "job_id": 1,
            "what": "iscms",
            "file_format": "csv",
        }
    return kind, client, values


def outcome(reply) -> str:
    """``login`` (sent to log in), ``refused`` (403) or ``allowed`` (anything else)."""
    if reply.status_code in (301, 302, 303) and "/login" in reply.headers.get("Location", ""):
        return "login"
    if reply.status_code in (401, 403):
        return "refused"
    return "allowed"


def expected(kind: str, endpoint: str) -> str:
    if kind in ("anonymous", "respondent"):
        return "login"
    if kind == "admin":
        return "allowed"
    if endpoint.startswith("admin."):
        return "refused"
    if kind == "organiser":
        return "allowed" if endpoint in ORGANISER_MAY else "refused"
    return "allowed"


def boundary_outcome(app, client, path: str, method: str) -> str:
    """The blueprint boundary's verdict on a request, without running the view.

    Used for writes, so the table does not start report jobs or send mail.
    """
    cookie = client.get_cookie("session")
    headers = {"Cookie": f"session={cookie.value}"} if cookie else {}
    with app.test_request_context(path, method=method, headers=headers):
        try:
            reply = app.preprocess_request()
        except HTTPException as error:
            reply = error.get_response()
        if reply is None:
            return "allowed"
        return outcome(app.make_response(reply))


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_every_workspace_route_admits_only_its_roles(app, visitor):
    kind, client, values = visitor
    rules = workspace_rules(app)
    assert len(rules) > 5
    wrong = []
    for endpoint, method, rule in rules:
        path = fill(rule, values)
        if method == "GET":
            reply = client.get(path)
            reply.close()
            assert reply.status_code != 500, f"GET {path} failed"
            got = outcome(reply)
        else:
            got = boundary_outcome(app, client, path, method)
        if got != expected(kind, endpoint):
            wrong.append(f"{method} {path}: {got}")
    assert not wrong, f"{kind}: " + "; ".join(wrong)


def test_a_write_by_the_wrong_role_is_refused_before_it_runs(app, create_user, create_invitation):
    _token, response_id = create_invitation("EGY")
    client = app.test_client()
    assert log_in(client, *create_user("organiser")).status_code == 302
    app.config["WTF_CSRF_ENABLED"] = False
    reply = client.post(f"/analyst/responses/{response_id}/review", data={"decision": "accept"})
    assert reply.status_code == 403
    with app.app_context():
        from surveyapp.models import Response

        assert db.session.get(Response, response_id).review_status == "unreviewed"


def test_organisers_never_reach_personal_data_or_writes():
    assert "analyst.coverage" in ORGANISER_MAY
    for endpoint in (
        "analyst.index",
        "analyst.response",
        "analyst.invitations",
        "analyst.invite",
        "analyst.mail_log",
        "analyst.exports_page",
        "analyst.download_export",
        "analyst.api_tokens",
        "analyst.review",
    ):
        assert endpoint not in ORGANISER_MAY


def test_the_table_covers_the_main_workspace_pages(app):
    endpoints = {endpoint for endpoint, _method, _rule in workspace_rules(app)}
    assert {"analyst.index", "admin.index", "admin.users"} <= endpoints
