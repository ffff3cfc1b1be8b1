"""Concurrent saves and submissions of one response: one wins, nothing is lost or doubled."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from surveyapp.demo import khartoum_responses
from surveyapp.extensions import db
from surveyapp.models import AuditEvent, Response
from tests.production.conftest import all_at_once, call

CLIENTS = 10


def test_ten_saves_from_the_same_version_one_wins_the_rest_conflict(
    app, http_server, create_invitation
):
    token, response_id = create_invitation("khartoum-process")
    url = f"{http_server}/api/v1/response"

    results = all_at_once(
        CLIENTS,
        lambda i: call(
            "PATCH", url, token, {"version": 0, "answers": {"founding_document": f"Text {i}"}}
        ),
    )

    statuses = Counter(status for status, _body in results)
    assert statuses == {200: 1, 409: CLIENTS - 1}, results
    winner = next(i for i, (status, _body) in enumerate(results) if status == 200)
    status, body = call("GET", url, token)
    assert body["version"] == 1
    assert body["answers"]["founding_document"] == f"Text {winner}"
    with app.app_context():
        events = db.session.scalar(
            select(func.count()).where(
                AuditEvent.response_id == response_id, AuditEvent.action == "answer"
            )
        )
    assert events == 1


def test_ten_simultaneous_submissions_make_one_submission_and_one_audit_event(
    app, http_server, create_invitation
):
    token, response_id = create_invitation("khartoum-process")
    answers = next(r for r in khartoum_responses() if r.organisation == "khartoum-process").answers
    status, _body = call(
        "PATCH", f"{http_server}/api/v1/response", token, {"version": 0, "answers": answers}
    )
    assert status == 200

    results = all_at_once(
        CLIENTS, lambda _i: call("POST", f"{http_server}/api/v1/response/submit", token, {})
    )

    statuses = Counter(status for status, _body in results)
    assert statuses == {200: 1, 409: CLIENTS - 1}, results
    with app.app_context():
        response = db.session.get(Response, response_id)
        assert response.status == "submitted"
        submits = db.session.scalar(
            select(func.count()).where(
                AuditEvent.response_id == response_id, AuditEvent.action == "submit"
            )
        )
    assert submits == 1
