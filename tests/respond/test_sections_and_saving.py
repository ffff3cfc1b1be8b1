"""The respondent's pages: task list, section forms, saving, resuming and submitting."""

from __future__ import annotations

from sqlalchemy import select

from surveyapp.demo import khartoum_responses
from surveyapp.extensions import db
from surveyapp.models import AuditEvent, Response
from tests.pages import page_csrf, page_version


def open_section(client, token: str, section: str) -> tuple[str, str, str]:
    """GET a section page; returns (html, csrf token, version)."""
    page = client.get(f"/r/{token}/s/{section}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    return html, page_csrf(html), page_version(html)


def test_entry_page_lists_sections_with_their_state(client, state_token):
    page = client.get(f"/r/{state_token}/")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Netherlands" in html
    assert "About you" in html
    assert "Not started" in html


def test_unknown_token_gets_a_plain_404_page(client):
    page = client.get("/r/this-is-not-a-token/")
    assert page.status_code == 404
    html = page.get_data(as_text=True)
    assert "Page not found" in html
    assert "Traceback" not in html


def test_saved_answers_are_there_when_the_respondent_comes_back(client, state_token):
    _html, csrf, version = open_section(client, state_token, "respondent")
    reply = client.post(
        f"/r/{state_token}/s/respondent",
        data={
            "csrf_token": csrf,
            "version": version,
            "respondent_name": "Anna de Vries",
            "respondent_email": "anna@example.org",
            "action": "continue",
        },
    )
    assert reply.status_code == 302
    html, _csrf, _version = open_section(client, state_token, "respondent")
    assert 'value="Anna de Vries"' in html
    tasks = client.get(f"/r/{state_token}/").get_data(as_text=True)
    assert "In progress" in tasks


def test_a_save_without_csrf_token_is_refused(client, state_token):
    _html, _csrf, version = open_section(client, state_token, "respondent")
    reply = client.post(
        f"/r/{state_token}/s/respondent",
        data={"version": version, "respondent_name": "Forged"},
    )
    assert reply.status_code != 302
    html, _csrf, _version = open_section(client, state_token, "respondent")
    assert "Forged" not in html


def test_invalid_answer_is_shown_next_to_its_question_and_the_rest_is_saved(client, iscm_token):
    _html, csrf, version = open_section(client, iscm_token, "mandate")
    reply = client.post(
        f"/r/{iscm_token}/s/mandate",
        data={
            "csrf_token": csrf,
            "version": version,
            "founding_document": "Rome Declaration",
            "founding_year": "twenty fourteen",
        },
    )
    assert reply.status_code == 422
    html = reply.get_data(as_text=True)
    assert "There is a problem" in html
    assert 'id="founding_year-error"' in html
    assert 'href="#founding_year"' in html
    assert 'value="twenty fourteen"' in html
    again, _csrf, _version = open_section(client, iscm_token, "mandate")
    assert 'value="Rome Declaration"' in again


def test_stale_form_save_shows_both_values_and_overwrites_nothing(client, iscm_token):
    _html, csrf, version = open_section(client, iscm_token, "mandate")
    first = client.post(
        f"/r/{iscm_token}/s/mandate",
        data={"csrf_token": csrf, "version": version, "founding_document": "Rome Declaration"},
    )
    assert first.status_code == 302
    second = client.post(
        f"/r/{iscm_token}/s/mandate",
        data={"csrf_token": csrf, "version": version, "founding_document": "Other Declaration"},
    )
    assert second.status_code == 409
    html = second.get_data(as_text=True)
    assert "Rome Declaration" in html and "Other Declaration" in html
    stored, _csrf, _version = open_section(client, iscm_token, "mandate")
    assert 'value="Rome Declaration"' in stored


def test_submission_of_an_incomplete_response_is_refused(client, state_token):
    page = client.get(f"/r/{state_token}/")
    reply = client.post(
        f"/r/{state_token}/submit", data={"csrf_token": page_csrf(page.get_data(as_text=True))}
    )
    assert reply.status_code == 422
    html = reply.get_data(as_text=True)
    assert "cannot be submitted yet" in html
    assert "About you" in html
    assert f'href="/r/{state_token}/s/respondent#respondent_name">Your name</a>' in html
    assert "Has errors" in client.get(f"/r/{state_token}/").get_data(as_text=True)


def test_hidden_conditional_question_is_not_required(app, client, iscm_token):
    answers = dict(
        next(r for r in khartoum_responses() if r.organisation == "khartoum-process").answers
    )
    assert answers["has_strategy"] == "no"
    answers.pop("strategy_title", None)
    reply = client.patch(
        "/api/v1/response",
        headers={"Authorization": f"Bearer {iscm_token}"},
        json={"version": 0, "answers": answers},
    )
    assert reply.status_code == 200, reply.get_json()
    page = client.get(f"/r/{iscm_token}/")
    reply = client.post(
        f"/r/{iscm_token}/submit", data={"csrf_token": page_csrf(page.get_data(as_text=True))}
    )
    assert reply.status_code == 302
    assert client.get(reply.headers["Location"]).status_code == 200
    with app.app_context():
        response = db.session.scalar(select(Response).order_by(Response.id.desc()))
        assert response.status == "submitted"
        submits = db.session.scalars(
            select(AuditEvent).filter_by(response_id=response.id, action="submit")
        ).all()
        assert len(submits) == 1


def test_repeat_rows_are_added_and_removed(client, iscm_token):
    _html, csrf, version = open_section(client, iscm_token, "meetings")
    reply = client.post(
        f"/r/{iscm_token}/s/meetings",
        data={
            "csrf_token": csrf,
            "version": version,
            "meetings-0-meeting_date": "2018-05-08",
            "meetings-0-meeting_title": "Senior Officials' Meeting",
            "action": "stay",
        },
    )
    assert reply.status_code == 302
    html, csrf, version = open_section(client, iscm_token, "meetings")
    assert "Senior Officials&#39; Meeting" in html
    assert 'name="meetings-1-meeting_title"' in html
    client.post(
        f"/r/{iscm_token}/s/meetings",
        data={
            "csrf_token": csrf,
            "version": version,
            "meetings-0-meeting_date": "2018-05-08",
            "meetings-0-meeting_title": "Senior Officials' Meeting",
            "meetings-0-remove_row": "y",
            "meetings-1-meeting_date": "2018-05-09",
            "meetings-1-meeting_title": "Thematic Meeting on Data Collection and Management",
        },
    )
    html, _csrf, _version = open_section(client, iscm_token, "meetings")
    assert "Senior Officials" not in html
    assert "Thematic Meeting on Data Collection" in html


def test_per_item_block_asks_about_each_chosen_iscm(client, state_token):
    _html, csrf, version = open_section(client, state_token, "participation")
    client.post(
        f"/r/{state_token}/s/participation",
        data={
            "csrf_token": csrf,
            "version": version,
            "iscms": ["khartoum-process", "budapest-process"],
        },
    )
    html, csrf, version = open_section(client, state_token, "iscm_views")
    assert "Khartoum Process" in html and "Budapest Process" in html
    block = client.get(f"/r/{state_token}/s/iscm_views/iscm_views/budapest-process")
    assert 'name="benefits"' in block.get_data(as_text=True)
