"""Review: a response read in full, accepted, queried (the respondent sees it), reopened, and
its audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from surveyapp.extensions import db
from surveyapp.models import Response
from tests.pages import csrf_token

ANSWERS = {
    "respondent_name": "Amal Hassan",
    "respondent_institution": "Ministry of Foreign Affairs",
    "iscms": ["khartoum-process", "rabat-process"],
    "iscm_views": {
        "khartoum-process": {"role": "chair", "value_areas": ["networking", "trust_building"]}
    },
}


@pytest.fixture
def answered(client, create_invitation):
    """Egypt's response with some answers saved through the API; (token, response id)."""
    token, response_id = create_invitation("EGY")
    reply = client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": ANSWERS},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert reply.status_code == 200, reply.get_json()
    return token, response_id


def review(client, response_id: int, **data):
    data["csrf_token"] = csrf_token(client, f"/analyst/responses/{response_id}")
    return client.post(f"/analyst/responses/{response_id}/review", data=data)


def test_a_response_is_read_in_full_with_labels(analyst_client, answered):
    _token, response_id = answered
    html = analyst_client.get(f"/analyst/responses/{response_id}").get_data(as_text=True)
    assert "Your name" in html and "Amal Hassan" in html
    assert "In which ISCMs does your State take part?" in html
    assert "Khartoum Process" in html
    assert "Networking" in html or "networking" in html.lower()
    assert "Chair" in html


def test_labels_follow_the_analysts_language(analyst_client, answered):
    _token, response_id = answered
    html = analyst_client.get(f"/analyst/responses/{response_id}?lang=fr").get_data(as_text=True)
    assert "Votre nom" in html
    assert "MCIM votre État participe-t-il" in html


def test_answers_are_escaped(app, analyst_client, client, create_invitation):
    token, response_id = create_invitation("ETH")
    client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": {"respondent_name": "<script>alert(1)</script>"}},
        headers={"Authorization": f"Bearer {token}"},
    )
    html = analyst_client.get(f"/analyst/responses/{response_id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_accepting_a_response_is_recorded(app, analyst_client, answered):
    _token, response_id = answered
    review(analyst_client, response_id, decision="accept")
    with app.app_context():
        assert db.session.get(Response, response_id).review_status == "accepted"
    html = analyst_client.get(f"/analyst/responses/{response_id}").get_data(as_text=True)
    assert "<td>analyst@example.org <span" in html and "review" in html


def test_a_query_on_a_question_reaches_the_respondent(app, analyst_client, answered):
    token, response_id = answered
    review(
        analyst_client,
        response_id,
        decision="query",
        question_key="respondent_institution",
        message="Which department of the Ministry answers for migration?",
    )
    with app.app_context():
        response = db.session.get(Response, response_id)
        assert response.review_status == "query_raised"
        assert response.query_question_key == "respondent_institution"
    respondent = app.test_client()
    page = respondent.get(f"/r/{token}", follow_redirects=True).get_data(as_text=True)
    assert "Which department of the Ministry answers for migration?" in page
    api = respondent.get("/api/v1/response", headers={"Authorization": f"Bearer {token}"})
    assert api.get_json()["query_message"].startswith("Which department")


def test_a_query_needs_a_message(app, analyst_client, answered):
    _token, response_id = answered
    reply = review(analyst_client, response_id, decision="query", message="  ")
    assert reply.status_code == 302
    with app.app_context():
        assert db.session.get(Response, response_id).review_status == "unreviewed"


def test_a_query_on_an_unknown_question_is_refused(app, analyst_client, answered):
    _token, response_id = answered
    reply = review(analyst_client, response_id, decision="query", message="?", question_key="x")
    assert reply.status_code == 400


def test_a_query_on_a_submitted_response_reopens_it(app, analyst_client, answered):
    _token, response_id = answered
    with app.app_context():
        db.session.get(Response, response_id).status = "submitted"
        db.session.commit()
    review(analyst_client, response_id, decision="query", message="Please add your position.")
    with app.app_context():
        assert db.session.get(Response, response_id).status == "in_progress"


def test_a_submitted_response_is_reopened(app, analyst_client, answered):
    _token, response_id = answered
    with app.app_context():
        db.session.get(Response, response_id).status = "submitted"
        db.session.commit()
    path = f"/analyst/responses/{response_id}"
    analyst_client.post(f"{path}/reopen", data={"csrf_token": csrf_token(analyst_client, path)})
    with app.app_context():
        assert db.session.get(Response, response_id).status == "in_progress"


def test_the_audit_trail_shows_who_when_old_and_new(app, analyst_client, client, answered):
    token, response_id = answered
    reply = client.patch(
        "/api/v1/response",
        json={"version": 1, "answers": {"respondent_name": "Amal H. Hassan"}},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert reply.status_code == 200
    html = analyst_client.get(f"/analyst/responses/{response_id}").get_data(as_text=True)
    trail = html[html.index('id="audit-trail"') :]
    row = next(row for row in trail.split("<tr>") if "Amal H. Hassan" in row)
    assert "Egypt's respondent" in row
    assert "Your name" in row
    assert "Amal Hassan" in row
    with app.app_context():
        from surveyapp.models import AuditEvent

        events = db.session.scalars(
            select(AuditEvent).filter_by(response_id=response_id, question_key="respondent_name")
        ).all()
    assert [(e.old_value, e.new_value) for e in events] == [
        (None, "Amal Hassan"),
        ("Amal Hassan", "Amal H. Hassan"),
    ]
