"""The API denies by default: only views marked public answer without a token."""

from __future__ import annotations

import re

import pytest

#: the only API endpoints that answer anyone
PUBLIC_ENDPOINTS = {"api.questionnaire", "api.openapi"}


def api_routes(app) -> list[tuple[str, str, str]]:
    """(endpoint, method, a concrete path) for every route under /api/v1."""
    routes = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1"):
            continue
        path = re.sub(r"<int:[^>]+>", "1", rule.rule)
        path = re.sub(r"<[^>]+>", "state", path)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            routes.append((rule.endpoint, method, path))
    return routes


def test_every_api_route_outside_the_public_list_refuses_anonymous_calls(app, client):
    routes = api_routes(app)
    assert len(routes) >= 8
    for endpoint, method, path in routes:
        reply = client.open(path, method=method, json={})
        if endpoint in PUBLIC_ENDPOINTS:
            assert reply.status_code == 200, (endpoint, method, path, reply.status_code)
        else:
            assert reply.status_code == 401, (endpoint, method, path, reply.status_code)
            assert reply.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_view_that_says_nothing_about_access_is_refused(app, client):
    def forgotten():
        return {"secret": "answers"}

    app.add_url_rule("/api/v1/forgotten", endpoint="api.forgotten", view_func=forgotten)
    reply = client.get("/api/v1/forgotten")
    assert reply.status_code == 401
    assert "secret" not in reply.get_data(as_text=True)


@pytest.mark.parametrize(
    ("path", "token_kind"),
    [("/api/v1/response", "analyst"), ("/api/v1/responses", "respondent")],
)
def test_one_kind_of_token_does_not_open_the_other_kinds_views(
    app, client, create_invitation, create_user, path, token_kind
):
    from sqlalchemy import select

    from surveyapp import operations
    from surveyapp.extensions import db
    from surveyapp.models import User

    invitation_token, _ = create_invitation("EGY")
    if token_kind == "respondent":
        token = invitation_token
    else:
        email, _password = create_user("analyst")
        with app.app_context():
            user = db.session.scalar(select(User).filter_by(email=email))
            _row, token = operations.create_api_token(user, "test", actor="test")
            db.session.commit()
    reply = client.get(path, headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 401
