"""After submission, analysts' queries, and bad input: clear messages, nothing lost."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import Invitation, Response, SurveyRound
from tests.pages import page_csrf, page_version


def test_submitted_response_is_read_only(client, submitted_state):
    html = client.get(f"/r/{submitted_state}/").text
    assert f'href="/r/{submitted_state}/s/respondent"' not in html
    assert "can no longer be changed" in html
    page = client.get(f"/r/{submitted_state}/s/respondent")
    assert page.status_code == 302
    check = client.get(f"/r/{submitted_state}/check").text
    assert "Anna de Vries" in check
    assert "Submit answers" not in check
    assert ">Change<" not in check


def test_a_post_to_a_submitted_response_changes_nothing(app, client, submitted_state):
    page = client.get(f"/r/{submitted_state}/")
    reply = client.post(
        f"/r/{submitted_state}/s/respondent/autosave",
        data={"csrf_token": page_csrf(page.text), "version": "99", "respondent_name": "Changed"},
    )
    assert reply.status_code == 423
    assert "submitted" in reply.get_json()["message"]
    with app.app_context():
        response = db.session.scalar(select(Response))
        assert response.answer_values()["respondent_name"] == "Anna de Vries"


def test_query_is_shown_next_to_its_question_after_reopening(app, client, submitted_state):
    with app.app_context():
        response = db.session.scalar(select(Response))
        operations.reopen_response(response, actor="analyst@example.org")
        response.review_status = "query_raised"
        response.query_message = "Is the Budapest Process role really observer?"
        response.query_question_key = "iscm_views"
        db.session.commit()
    entry = client.get(f"/r/{submitted_state}/").text
    assert "Is the Budapest Process role really observer?" in entry
    assert f'href="/r/{submitted_state}/s/iscm_views#query"' in entry
    section = client.get(f"/r/{submitted_state}/s/iscm_views").text
    query_at = section.index("Is the Budapest Process role really observer?")
    assert query_at < section.index('data-question="iscm_views"')
    assert "A question from the IOM team about this answer" in section
    # the respondent answers and submits again
    reply = client.post(
        f"/r/{submitted_state}/s/iscm_views",
        data={
            "csrf_token": page_csrf(section),
            "version": page_version(section),
            "iscm_views-item_0-role": "member",
            "iscm_views-item_1-role": "member",
            "action": "stay",
        },
    )
    assert reply.status_code == 302
    check = client.get(f"/r/{submitted_state}/check")
    done = client.post(f"/r/{submitted_state}/submit", data={"csrf_token": page_csrf(check.text)})
    assert done.status_code == 302 and done.location.endswith("/submitted")


def test_text_longer_than_its_limit_is_refused_with_a_message(app, client, state_token):
    html = client.get(f"/r/{state_token}/s/respondent").text
    reply = client.post(
        f"/r/{state_token}/s/respondent",
        data={
            "csrf_token": page_csrf(html),
            "version": page_version(html),
            "respondent_name": "x" * 20_000,
            "respondent_position": "Policy officer",
        },
    )
    assert reply.status_code == 422
    assert "Enter at most" in reply.text
    with app.app_context():
        values = db.session.scalar(select(Response)).answer_values()
    assert values == {"respondent_position": "Policy officer"}


def test_value_outside_the_choices_is_refused(client, state_token):
    html = client.get(f"/r/{state_token}/s/participation").text
    reply = client.post(
        f"/r/{state_token}/s/participation",
        data={"csrf_token": page_csrf(html), "version": page_version(html), "iscms": "atlantis"},
    )
    assert reply.status_code == 422
    assert "Choose only from the listed options." in reply.text


def test_tampered_version_is_treated_as_a_conflict_not_an_overwrite(app, client, state_token):
    html = client.get(f"/r/{state_token}/s/respondent").text
    reply = client.post(
        f"/r/{state_token}/s/respondent",
        data={"csrf_token": page_csrf(html), "version": "not-a-number", "respondent_name": "X"},
    )
    assert reply.status_code == 409
    assert "Someone else saved this section" in reply.text
    with app.app_context():
        assert db.session.scalar(select(Response)).answer_values() == {}


def test_expired_csrf_keeps_the_typed_answers_and_asks_to_save_again(app, client, state_token):
    html = client.get(f"/r/{state_token}/s/respondent").text
    reply = client.post(
        f"/r/{state_token}/s/respondent",
        data={
            "csrf_token": "expired-token",
            "version": page_version(html),
            "respondent_name": "Typed before the session expired",
        },
    )
    assert reply.status_code == 400
    assert 'value="Typed before the session expired"' in reply.text
    assert "have not been saved yet" in reply.text
    # the page carries a fresh token: saving again works
    again = client.post(
        f"/r/{state_token}/s/respondent",
        data={
            "csrf_token": page_csrf(reply.text),
            "version": page_version(reply.text),
            "respondent_name": "Typed before the session expired",
            "action": "stay",
        },
    )
    assert again.status_code == 302


def test_expired_csrf_on_autosave_hands_the_page_a_fresh_token(client, state_token):
    reply = client.post(
        f"/r/{state_token}/s/respondent/autosave",
        data={"csrf_token": "expired", "version": "0", "respondent_name": "A"},
    )
    assert reply.status_code == 400
    body = reply.get_json()
    assert body["status"] == "expired"
    retry = client.post(
        f"/r/{state_token}/s/respondent/autosave",
        data={"csrf_token": body["csrf_token"], "version": "0", "respondent_name": "A"},
    )
    assert retry.status_code == 200
    assert retry.get_json()["status"] == "saved"


def test_revoked_invitation_gets_a_clear_page_in_the_respondents_language(app, client, state_token):
    with app.app_context():
        invitation = db.session.scalar(select(Invitation))
        invitation.revoked_at = dt.datetime.now(dt.UTC)
        invitation.response.language = "fr"
        db.session.commit()
    reply = client.get(f"/r/{state_token}/")
    assert reply.status_code == 410
    assert "Ce lien a été retiré" in reply.text
    assert "Traceback" not in reply.text


def test_closed_round_shows_the_answers_but_refuses_changes(app, client, answered_state):
    with app.app_context():
        db.session.scalar(select(SurveyRound)).status = "closed"
        db.session.commit()
    html = client.get(f"/r/{answered_state}/").text
    assert "This round is closed" in html
    reply = client.get(f"/r/{answered_state}/s/respondent")
    assert reply.status_code == 302
    check = client.get(f"/r/{answered_state}/check").text
    assert "Anna de Vries" in check
    assert "Submit answers" not in check
