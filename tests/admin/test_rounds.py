"""Survey rounds: created in draft, questionnaire versions attached, opened, closed."""

from __future__ import annotations

from sqlalchemy import select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import QuestionnaireVersion, SurveyRound
from tests.pages import csrf_token


def versions(app) -> dict[str, int]:
    with app.app_context():
        return {v.respondent_type: v.id for v in db.session.scalars(select(QuestionnaireVersion))}


def create_round(app, client, **fields):
    ids = versions(app)
    data = {
        "csrf_token": csrf_token(client, "/admin/rounds"),
        "name": "ISCM assessment 2027",
        "year": "2027",
        "deadline": "2027-03-31",
        "state": ids["state"],
        "iscm": ids["iscm"],
        "igo": ids["igo"],
        **fields,
    }
    return client.post("/admin/rounds", data=data)


def test_a_new_round_starts_as_a_draft_with_its_questionnaires(app, admin_client):
    reply = create_round(app, admin_client)
    assert reply.status_code == 302
    with app.app_context():
        survey_round = db.session.scalar(select(SurveyRound).filter_by(year=2027))
        assert survey_round.status == "draft"
        assert survey_round.deadline.isoformat() == "2027-03-31"
        assert {q.respondent_type for q in survey_round.questionnaires} == {"state", "iscm", "igo"}


def test_a_round_with_bad_fields_is_not_created(app, admin_client):
    reply = create_round(app, admin_client, year="nineteen", deadline="31/03/2027")
    assert reply.status_code == 422
    html = reply.get_data(as_text=True)
    assert "was not created" in html
    with app.app_context():
        assert db.session.scalar(select(SurveyRound).filter_by(name="ISCM assessment 2027")) is None


def test_a_round_is_opened_and_closed(app, admin_client):
    create_round(app, admin_client)
    with app.app_context():
        round_id = db.session.scalar(select(SurveyRound.id).filter_by(year=2027))
    path = f"/admin/rounds/{round_id}"
    token = csrf_token(admin_client, path)
    admin_client.post(f"{path}/status", data={"csrf_token": token, "status": "open"})
    with app.app_context():
        assert db.session.get(SurveyRound, round_id).status == "open"
    admin_client.post(f"{path}/status", data={"csrf_token": token, "status": "closed"})
    with app.app_context():
        assert db.session.get(SurveyRound, round_id).status == "closed"
    assert "accepts no more answers" in admin_client.get(path).get_data(as_text=True)


def test_the_deadline_and_name_can_be_changed(app, admin_client):
    with app.app_context():
        round_id = operations.current_round().id
    ids = versions(app)
    path = f"/admin/rounds/{round_id}"
    admin_client.post(
        path,
        data={
            "csrf_token": csrf_token(admin_client, path),
            "name": "Renamed round",
            "deadline": "2026-12-01",
            "state": ids["state"],
            "iscm": ids["iscm"],
            "igo": ids["igo"],
        },
    )
    with app.app_context():
        survey_round = db.session.get(SurveyRound, round_id)
        assert survey_round.name == "Renamed round"
        assert survey_round.deadline.isoformat() == "2026-12-01"


def test_a_closed_round_accepts_no_answers(app, admin_client, client, create_invitation):
    token, _response_id = create_invitation("EGY")
    with app.app_context():
        round_id = operations.current_round().id
    path = f"/admin/rounds/{round_id}"
    admin_client.post(
        f"{path}/status", data={"csrf_token": csrf_token(admin_client, path), "status": "closed"}
    )
    reply = client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": {}},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert reply.status_code == 409
    assert reply.get_json()["error"] == "round_closed"


def test_a_round_name_follows_the_text_rule_and_is_one_line(app, admin_client):
    refused = create_round(app, admin_client, name="ISCM \x1b[31massessment")
    assert refused.status_code == 422
    assert "U+001B" in refused.get_data(as_text=True)
    reply = create_round(app, admin_client, name="ISCM assessment\r\n  2027 – “pilot”")
    assert reply.status_code == 302
    with app.app_context():
        survey_round = db.session.scalar(select(SurveyRound).filter_by(year=2027))
        assert survey_round.name == "ISCM assessment 2027 – “pilot”"


def test_an_invitation_subject_is_one_printable_line_whatever_names_were_stored(app):
    from surveyapp.mail import compose
    from surveyapp.models import Organisation

    with app.app_context():
        survey_round = operations.current_round()
        survey_round.name = "Round\nwith a break \x07 and a bell"
        organisation = db.session.scalar(select(Organisation).filter_by(code="EGY"))
        subject, body = compose("invitation", organisation, survey_round, "http://x/r/t", "fr")
        db.session.rollback()
    # one line, the bell replaced; the no-break space French puts before ":" is kept
    assert subject == "Round with a break \ufffd and a bell\u00a0: questionnaire pour Égypte"
    assert "http://x/r/t" in body
