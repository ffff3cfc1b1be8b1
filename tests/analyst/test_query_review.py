"""Queries from the analyst's side: one raised on one ISCM's block, "query answered" with the
reply and the change (before / after), closed by accepting or replaced by a new query; the
responses list filters and counts open and answered queries."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from surveyapp.extensions import db
from surveyapp.models import AuditEvent, Response
from tests.pages import csrf_token

ANSWERS = {
    "respondent_name": "Amal Hassan",
    "iscms": ["khartoum-process", "rabat-process"],
    "iscm_views": {
        "khartoum-process": {"role": "member"},
        "rabat-process": {"role": "observer"},
    },
}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def answered(client, create_invitation):
    """Egypt's response with answers about two ISCMs; (token, response id)."""
    token, response_id = create_invitation("EGY")
    reply = client.patch(
        "/api/v1/response", json={"version": 0, "answers": ANSWERS}, headers=bearer(token)
    )
    assert reply.status_code == 200, reply.get_json()
    return token, response_id


def review(client, response_id: int, **data):
    data["csrf_token"] = csrf_token(client, f"/analyst/responses/{response_id}")
    return client.post(f"/analyst/responses/{response_id}/review", data=data)


def query_khartoum(client, response_id: int, **extra):
    return review(
        client,
        response_id,
        decision="query",
        question_key="iscm_views",
        item_code="khartoum-process",
        message="Is Egypt really only a member of the Khartoum Process?",
        **extra,
    )


def stored(app, response_id: int) -> Response:
    with app.app_context():
        response = db.session.get(Response, response_id)
        db.session.expunge(response)
        return response


def save(client, token: str, answers: dict) -> None:
    version = client.get("/api/v1/response", headers=bearer(token)).json["version"]
    reply = client.patch(
        "/api/v1/response", json={"version": version, "answers": answers}, headers=bearer(token)
    )
    assert reply.status_code == 200, reply.json


def test_a_query_can_name_one_iscms_block(app, analyst_client, answered):
    _token, response_id = answered
    query_khartoum(analyst_client, response_id)
    response = stored(app, response_id)
    assert (response.review_status, response.query_question_key, response.query_item_code) == (
        "query_raised",
        "iscm_views",
        "khartoum-process",
    )
    assert response.query_raised_at is not None
    html = analyst_client.get(f"/analyst/responses/{response_id}").text
    assert "Open query" in html
    assert "Views on the ISCM</a> · " in html and "Khartoum Process" in html


def test_a_query_cannot_name_an_iscm_the_answers_do_not_hold(app, analyst_client, answered):
    _token, response_id = answered
    reply = review(
        analyst_client,
        response_id,
        decision="query",
        question_key="iscm_views",
        item_code="budapest-process",
        message="?",
    )
    assert reply.status_code == 302
    assert "A query can name an ISCM only" in analyst_client.get(reply.location).text
    assert stored(app, response_id).review_status == "unreviewed"


def test_a_query_cannot_name_an_iscm_on_a_question_not_asked_per_iscm(
    app, analyst_client, answered
):
    _token, response_id = answered
    review(
        analyst_client,
        response_id,
        decision="query",
        question_key="respondent_name",
        item_code="khartoum-process",
        message="?",
    )
    assert stored(app, response_id).review_status == "unreviewed"


def test_the_reply_and_the_change_are_shown_before_and_after(app, analyst_client, client, answered):
    token, response_id = answered
    query_khartoum(analyst_client, response_id)
    save(client, token, {"iscm_views": {"khartoum-process": {"role": "chair"}}})
    client.post(
        "/api/v1/response/query/reply",
        json={"reply": "We chaired it in 2024."},
        headers=bearer(token),
    )
    html = analyst_client.get(f"/analyst/responses/{response_id}").text
    assert '<strong id="review-status">query answered</strong>' in html
    assert "We chaired it in 2024." in html
    changes = html[html.index('id="query-changes"') :]
    changes = changes[: changes.index("</table>")]
    row = re.sub(r"\s+", " ", changes[changes.index("<tbody>") :])
    assert "Khartoum Process" in row
    assert "<td>Member</td><td>Chair</td>" in row


def test_changes_to_another_iscm_are_not_the_querys(app, analyst_client, client, answered):
    token, response_id = answered
    query_khartoum(analyst_client, response_id)
    save(client, token, {"iscm_views": {"rabat-process": {"role": "chair"}}})
    assert stored(app, response_id).review_status == "query_raised"
    html = analyst_client.get(f"/analyst/responses/{response_id}").text
    assert 'id="query-changes"' not in html
    assert "The answer has not been changed since the query." in html


def test_accepting_closes_the_query_and_the_trail_keeps_it(app, analyst_client, client, answered):
    token, response_id = answered
    query_khartoum(analyst_client, response_id)
    client.post("/api/v1/response/query/reply", json={"reply": "Yes."}, headers=bearer(token))
    reply = review(analyst_client, response_id, decision="accept")
    assert "Query closed and response accepted." in analyst_client.get(reply.location).text
    response = stored(app, response_id)
    assert response.review_status == "accepted"
    assert (response.query_message, response.query_reply, response.query_item_code) == (
        None,
        None,
        None,
    )
    with app.app_context():
        closing = db.session.scalars(
            select(AuditEvent).filter_by(response_id=response_id, action="review")
        ).all()[-1]
    assert closing.old_value["query_reply"] == "Yes."
    assert closing.old_value["review_status"] == "query_answered"


def test_a_query_on_a_submitted_response_can_leave_it_read_only(app, analyst_client, answered):
    _token, response_id = answered
    with app.app_context():
        db.session.get(Response, response_id).status = "submitted"
        db.session.commit()
    reply = query_khartoum(analyst_client, response_id, reopen="no")
    assert "the answers stay read-only" in analyst_client.get(reply.location).text
    assert stored(app, response_id).status == "submitted"


def test_the_responses_list_counts_and_filters_queries(
    app, analyst_client, client, answered, create_invitation
):
    _token, response_id = answered
    other_token, other_id = create_invitation("ETH")
    query_khartoum(analyst_client, response_id)
    review(analyst_client, other_id, decision="query", message="Please add your position.")
    client.post(
        "/api/v1/response/query/reply", json={"reply": "Done."}, headers=bearer(other_token)
    )
    html = analyst_client.get("/analyst/").text
    assert re.search(r">1 open</a>", html) and re.search(r">1 answered</a>", html)
    answered_only = analyst_client.get("/analyst/?review=query_answered").text
    assert "Ethiopia" in answered_only and "Egypt" not in answered_only
    assert 'class="tag query-answered"' in answered_only
    both = analyst_client.get("/analyst/?review=queries").text
    assert "Ethiopia" in both and "Egypt" in both


def test_the_analyst_api_gives_the_query_and_reply(app, analyst_client, client, answered):
    from surveyapp import operations
    from surveyapp.models import User

    token, response_id = answered
    query_khartoum(analyst_client, response_id)
    client.post("/api/v1/response/query/reply", json={"reply": "Yes."}, headers=bearer(token))
    with app.app_context():
        user = db.session.scalar(select(User).filter_by(email="analyst@example.org"))
        _token, plain = operations.create_api_token(user, "test", actor="test")
        db.session.commit()
    body = client.get(f"/api/v1/responses/{response_id}", headers=bearer(plain)).json
    assert body["review_status"] == "query_answered"
    assert body["query"]["item_code"] == "khartoum-process"
    assert body["query"]["reply"] == "Yes."
