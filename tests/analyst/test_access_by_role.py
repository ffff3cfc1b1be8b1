"""Every workspace route, against every kind of visitor: a table of who may do what.

The routes are read from the application's URL map, so a new route cannot be missed: each
must either appear in ``ORGANISER_MAY`` or be refused to organisers, and each under
``/admin`` is refused to analysts.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from surveyapp.extensions import db
from surveyapp.models import Organisation, User
from tests.analyst.conftest import log_in

#: endpoints an organiser may open (read-only, nothing personal)
ORGANISER_MAY = {"analyst.coverage", "analyst.static"}
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


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_every_workspace_route_admits_only_its_roles(app, visitor):
    kind, client, values = visitor
    rules = workspace_rules(app)
    assert len(rules) > 5
    wrong = []
    for endpoint, method, rule in rules:
        path = fill(rule, values)
        reply = client.open(path, method=method, data={})
        reply.close()
        got = outcome(reply)
        if got != expected(kind, endpoint):
            wrong.append(f"{method} {path}: {got} (status {reply.status_code})")
        assert reply.status_code != 500, f"{method} {path} failed"
    assert not wrong, f"{kind}: " + "; ".join(wrong)


def test_the_table_covers_the_main_workspace_pages(app):
    endpoints = {endpoint for endpoint, _method, _rule in workspace_rules(app)}
    assert {"analyst.index", "admin.index", "admin.users"} <= endpoints
