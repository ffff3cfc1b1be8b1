"""The analysts' forms: odd and partial input to the invitation, review, summary and API token
forms."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from surveyapp.extensions import db
from surveyapp.models import ApiToken, Contact, Invitation, Organisation, Response, SummaryEdit
from tests.pages import csrf_token

ONE_ORGANISATION_ONLY = "An e-mail address can be given when inviting one organisation only."


def invite(client, **data):
    data["csrf_token"] = csrf_token(client, "/analyst/invitations")
    return client.post("/analyst/invitations", data=data, follow_redirects=True)


def review(client, response_id: int, **data):
    data["csrf_token"] = csrf_token(client, f"/analyst/responses/{response_id}")
    return client.post(f"/analyst/responses/{response_id}/review", data=data, follow_redirects=True)


def invitations(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(Invitation.id)))


def contact_of(app, code: str) -> tuple[str, str] | None:
    with app.app_context():
        contact = db.session.scalar(
            select(Contact).join(Contact.organisation).where(Organisation.code == code)
        )
        return None if contact is None else (contact.email, contact.language)


@pytest.mark.parametrize(
    ("target", "email"),
    [
        ("all:igo", "focal@igo.example"),
        ("org:EGY", "no-at-sign.example"),
        ("org:EGY", "focal@" + "e" * 320 + ".example"),
    ],
    ids=["a group", "no @", "too long"],
)
def test_an_address_that_cannot_be_kept_refuses_the_invitation(app, analyst_client, target, email):
    reply = invite(analyst_client, target=target, email=email)
    assert ONE_ORGANISATION_ONLY in reply.get_data(as_text=True)
    assert invitations(app) == 0
    assert contact_of(app, "EGY") is None


def test_an_unknown_target_is_reported_before_a_bad_address(app, analyst_client):
    reply = invite(analyst_client, target="org:NOWHERE", email="no-at-sign")
    page = reply.get_data(as_text=True)
    assert "Choose whom to invite" in page
    assert ONE_ORGANISATION_ONLY not in page


def test_a_missing_target_is_refused_with_a_message(app, analyst_client):
    reply = invite(analyst_client)
    assert "Choose whom to invite" in reply.get_data(as_text=True)
    assert invitations(app) == 0


def test_an_address_is_kept_without_surrounding_spaces_in_its_language(app, analyst_client):
    invite(analyst_client, target="org:EGY", email="  focal@egypt.example ", language="fr")
    assert contact_of(app, "EGY") == ("focal@egypt.example", "fr")
    assert invitations(app) == 1


@pytest.mark.parametrize("language", ["", "xx"])
def test_a_missing_or_unknown_language_is_english(app, analyst_client, language):
    invite(analyst_client, target="org:EGY", email="focal@egypt.example", language=language)
    assert contact_of(app, "EGY") == ("focal@egypt.example", "en")


@pytest.mark.parametrize("data", [{}, {"decision": ""}, {"decision": "approve"}])
def test_a_review_without_a_known_decision_is_refused(app, analyst_client, create_invitation, data):
    _token, response_id = create_invitation("EGY")
    assert review(analyst_client, response_id, **data).status_code == 400


def test_a_query_longer_than_the_limit_is_refused_with_a_message(
    app, analyst_client, create_invitation
):
    _token, response_id = create_invitation("EGY")
    reply = review(analyst_client, response_id, decision="query", message="x" * 2001)
    assert "at most 2000 characters" in reply.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Response, response_id).review_status == "unreviewed"


def test_a_query_message_is_kept_without_surrounding_spaces(app, analyst_client, create_invitation):
    _token, response_id = create_invitation("EGY")
    review(analyst_client, response_id, decision="query", message="  Which department? \n")
    with app.app_context():
        response = db.session.get(Response, response_id)
        assert (response.review_status, response.query_message) == (
            "query_raised",
            "Which department?",
        )
        assert response.query_question_key is None


def test_accepting_ignores_a_message_that_could_not_be_kept(app, analyst_client, create_invitation):
    _token, response_id = create_invitation("EGY")
    review(analyst_client, response_id, decision="accept", message="stray\x00")
    with app.app_context():
        assert db.session.get(Response, response_id).review_status == "accepted"


def save_summary(client, **texts):
    page = "/analyst/summaries/khartoum-process"
    data = {"csrf_token": csrf_token(client, page)}
    data.update({f"text-{key}": text for key, text in texts.items()})
    return client.post(page, data=data, follow_redirects=True)


def summary_texts(app) -> dict[str, str]:
    with app.app_context():
        return {edit.section_key: edit.text for edit in db.session.scalars(select(SummaryEdit))}


def test_a_summary_section_not_sent_is_left_as_it_is(app, analyst_client):
    save_summary(analyst_client, introduction="First words.", structures="A secretariat.")
    save_summary(analyst_client, introduction="Other words.")
    assert summary_texts(app) == {"introduction": "Other words.", "structures": "A secretariat."}


def test_a_summary_section_sent_blank_goes_back_to_the_draft(app, analyst_client):
    save_summary(analyst_client, introduction="First words.", structures="A secretariat.")
    save_summary(analyst_client, structures="")
    assert summary_texts(app) == {"introduction": "First words."}


def test_a_summary_text_is_cut_at_fifty_thousand_characters(app, analyst_client):
    save_summary(analyst_client, programming="x" * 50_001)
    assert summary_texts(app) == {"programming": "x" * 50_000}


NAME_THE_TOKEN = "Give the token a name of at most 100 characters (what it is for)."


def create_token(client, **data):
    data.setdefault("csrf_token", csrf_token(client, "/analyst/tokens"))
    return client.post("/analyst/tokens", data=data, follow_redirects=True)


def token_names(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(ApiToken.name)))


@pytest.mark.parametrize(
    "data",
    [{}, {"name": ""}, {"name": " \t "}, {"name": "n" * 101}, {"name": " " + "n" * 101 + " "}],
    ids=["missing", "blank", "spaces", "too long", "too long once stripped"],
)
def test_a_token_without_a_name_that_fits_is_refused(app, analyst_client, data):
    reply = create_token(analyst_client, **data)
    assert NAME_THE_TOKEN in reply.get_data(as_text=True)
    assert token_names(app) == []


def test_a_token_name_is_kept_without_surrounding_spaces(app, analyst_client):
    reply = create_token(analyst_client, name="  " + "n" * 100 + "\n")
    assert 'id="new-token"' in reply.get_data(as_text=True)
    assert token_names(app) == ["n" * 100]


def test_a_token_with_a_wrong_csrf_token_is_refused(app, analyst_client):
    reply = create_token(analyst_client, csrf_token="not-the-token", name="nightly export")
    assert reply.status_code == 400
    assert token_names(app) == []
