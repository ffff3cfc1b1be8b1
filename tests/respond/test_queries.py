"""Queries answered in place: the respondent sees the analyst's query next to the question (or
on the queried ISCM's page), replies there or through the API, also after submission; a change
of the queried answer answers the query too."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import AuditEvent, Response
from tests.pages import page_csrf, page_version

QUERY = "Is the Budapest Process role really observer?"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def raise_query(app, question_key=None, item_code=None, *, reopen=False) -> int:
    """Raise QUERY on the only response, as an analyst would; returns its id."""
    with app.app_context():
        response = db.session.scalar(select(Response))
        operations.set_review_status(
            response,
            "query_raised",
            actor="user:analyst@example.org",
            message=QUERY,
            question_key=question_key,
            item_code=item_code,
        )
        if reopen:
            operations.reopen_response(response, actor="user:analyst@example.org")
        db.session.commit()
        return response.id


def stored(app) -> Response:
    with app.app_context():
        response = db.session.scalar(select(Response))
        db.session.expunge(response)
        return response


def send_reply(client, token: str, page: str, text: str):
    html = client.get(f"/r/{token}{page}").text
    return client.post(
        f"/r/{token}/query",
        data={"csrf_token": page_csrf(html), "reply": text, "return_to": f"/r/{token}{page}"},
    )


def test_a_query_on_one_iscm_shows_on_that_iscms_page_only(app, client, answered_state):
    raise_query(app, "iscm_views", "budapest-process")
    views = client.get(f"/r/{answered_state}/s/iscm_views/iscm_views/budapest-process").text
    assert QUERY in views
    assert 'id="query-reply"' in views
    other = client.get(f"/r/{answered_state}/s/iscm_views/iscm_views/khartoum-process").text
    assert QUERY not in other
    hub = client.get(f"/r/{answered_state}/s/iscm_views").text
    assert QUERY in hub
    assert f'href="/r/{answered_state}/s/iscm_views/iscm_views/budapest-process"' in hub


def test_a_query_on_the_whole_question_shows_on_every_iscms_page(app, client, answered_state):
    raise_query(app, "iscm_views")
    for code in ("budapest-process", "khartoum-process"):
        page = client.get(f"/r/{answered_state}/s/iscm_views/iscm_views/{code}").text
        assert QUERY in page


def test_a_reply_is_stored_audited_and_shown_as_sent(app, client, answered_state):
    raise_query(app, "respondent_name")
    reply = send_reply(client, answered_state, "/s/respondent", "Yes, since 2018.")
    assert reply.status_code == 302
    assert reply.location.endswith("/s/respondent#query")
    response = stored(app)
    assert response.review_status == "query_answered"
    assert response.query_reply == "Yes, since 2018."
    assert response.query_replied_at is not None
    page = client.get(reply.location).text
    assert "Reply sent to the IOM team." in page
    assert "Reply sent on" in page and "Yes, since 2018." in page
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).filter_by(action="query_reply"))
        assert (event.actor, event.question_key, event.new_value) == (
            "respondent:NLD",
            "respondent_name",
            "Yes, since 2018.",
        )


@pytest.mark.parametrize("text", ["", "   \n ", "x" * 5001, "bad \x00 byte"])
def test_a_blank_long_or_unprintable_reply_is_not_sent_and_says_so(
    app, client, answered_state, text
):
    raise_query(app, "respondent_name")
    reply = send_reply(client, answered_state, "/s/respondent", text)
    page = client.get(reply.location).text
    assert "Your reply was not sent" in page
    assert "Reply sent" not in page
    assert stored(app).review_status == "query_raised"
    if text.strip():
        kept = text.replace("\x00", "\ufffd")[:5000]
        assert f">{kept}</textarea>" in page, "the typed reply stays in its field"


def test_a_reply_with_an_expired_session_is_not_sent_and_keeps_the_text(
    app, client, answered_state
):
    raise_query(app, "respondent_name")
    client.get(f"/r/{answered_state}/s/respondent")
    reply = client.post(
        f"/r/{answered_state}/query",
        data={
            "csrf_token": "expired-token",
            "reply": "Typed before the session expired",
            "return_to": f"/r/{answered_state}/s/respondent",
        },
    )
    assert reply.location == f"/r/{answered_state}/s/respondent#query"
    page = client.get(reply.location).text
    assert "your reply was not sent" in page
    assert ">Typed before the session expired</textarea>" in page
    assert stored(app).query_reply is None


def test_a_reply_without_a_query_is_refused(app, client, answered_state):
    reply = send_reply(client, answered_state, "/", "Hello")
    page = client.get(reply.location, follow_redirects=True).text
    assert "no question from the IOM team to reply to" in page
    assert stored(app).query_reply is None


def test_return_to_leaves_the_respondents_pages_never(app, client, answered_state):
    raise_query(app)
    html = client.get(f"/r/{answered_state}/").text
    reply = client.post(
        f"/r/{answered_state}/query",
        data={"csrf_token": page_csrf(html), "reply": "Fine", "return_to": "//evil.example/"},
    )
    assert reply.location == f"/r/{answered_state}/#query"


def test_changing_the_queried_iscms_answer_answers_the_query(app, client, answered_state):
    raise_query(app, "iscm_views", "budapest-process")
    path = f"/r/{answered_state}/s/iscm_views/iscm_views/khartoum-process"
    html = client.get(path).text
    client.post(
        path,
        data={
            "csrf_token": page_csrf(html),
            "version": page_version(html),
            "role": "observer",
            "action": "stay",
        },
    )
    assert stored(app).review_status == "query_raised", "another ISCM's block is not the query's"
    path = f"/r/{answered_state}/s/iscm_views/iscm_views/budapest-process"
    html = client.get(path).text
    client.post(
        path,
        data={
            "csrf_token": page_csrf(html),
            "version": page_version(html),
            "role": "chair",
            "action": "stay",
        },
    )
    response = stored(app)
    assert response.review_status == "query_answered"
    assert response.query_reply is None
    page = client.get(path).text
    assert "You changed the answer on" in page


def test_after_submission_the_respondent_replies_and_the_answers_stay_read_only(
    app, client, submitted_state
):
    raise_query(app, "iscm_views")
    check = client.get(f"/r/{submitted_state}/check").text
    assert QUERY in check and 'id="query-reply"' in check
    reply = send_reply(client, submitted_state, "/check", "Observer is right.")
    assert reply.location.endswith("/check#query")
    response = stored(app)
    assert (response.status, response.review_status) == ("submitted", "query_answered")
    assert client.get(f"/r/{submitted_state}/s/iscm_views").status_code == 302


def test_a_new_query_forgets_the_earlier_reply(app, client, answered_state):
    raise_query(app, "respondent_name")
    send_reply(client, answered_state, "/s/respondent", "First reply")
    raise_query(app, "respondent_position")
    response = stored(app)
    assert (response.review_status, response.query_reply) == ("query_raised", None)
    assert response.query_question_key == "respondent_position"


# -- the API ----------------------------------------------------------------------------------


def test_the_api_shows_the_query_its_target_and_reply(app, client, answered_state):
    assert client.get("/api/v1/response", headers=bearer(answered_state)).json["query"] is None
    raise_query(app, "iscm_views", "budapest-process")
    query = client.get("/api/v1/response", headers=bearer(answered_state)).json["query"]
    assert query["state"] == "open"
    assert (query["question_key"], query["item_code"]) == ("iscm_views", "budapest-process")
    assert query["message"] == QUERY and query["reply"] is None and query["raised_at"]


def test_a_reply_through_the_api_answers_the_query(app, client, submitted_state):
    raise_query(app, "iscm_views")
    reply = client.post(
        "/api/v1/response/query/reply",
        json={"reply": "  Observer is right.  "},
        headers=bearer(submitted_state),
    )
    assert reply.status_code == 200, reply.json
    body = reply.json
    assert body["review_status"] == "query_answered"
    assert body["query"]["state"] == "answered"
    assert body["query"]["reply"] == "Observer is right."
    assert body["status"] == "submitted"
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).filter_by(action="query_reply"))
        assert event.channel == "api"


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        ({"reply": "Hello"}, 409, "no_query"),
        ({"reply": "   "}, 422, "invalid"),
        ({"reply": "x" * 5001}, 422, "invalid"),
        ({"reply": 3}, 400, "bad_request"),
        ([], 400, "bad_request"),
    ],
)
def test_the_api_refuses_a_reply_it_cannot_store(app, client, answered_state, body, status, error):
    if status != 409:
        raise_query(app)
    reply = client.post("/api/v1/response/query/reply", json=body, headers=bearer(answered_state))
    assert (reply.status_code, reply.json["error"]) == (status, error)
    assert stored(app).query_reply is None
