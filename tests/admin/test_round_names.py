"""A round's name in the four languages: given on the round's page, kept in the translation
memory, shown on pages in that language (issue 15)."""

from __future__ import annotations

import re

from flask import g

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.i18n import round_name
from tests.admin.test_rounds import versions
from tests.pages import csrf_token

FRENCH = "Évaluation des MCIM 2026"
ARABIC = "تقييم آليات التشاور 2026"


def round_id(app) -> int:
    with app.app_context():
        return operations.current_round().id


def save_round(app, client, **fields):
    """Post the round's page with its current settings and ``fields``."""
    path = f"/admin/rounds/{round_id(app)}"
    with app.app_context():
        name = operations.current_round().name
    ids = versions(app)
    data = {
        "csrf_token": csrf_token(client, path),
        "name": name,
        "state": ids["state"],
        "iscm": ids["iscm"],
        "igo": ids["igo"],
        **fields,
    }
    return client.post(path, data=data)


def heading(html: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).strip()


def test_translations_of_the_name_given_on_the_round_page_show_in_their_language(app, admin_client):
    assert save_round(app, admin_client, name_fr=FRENCH, name_ar=ARABIC).status_code == 302
    path = f"/admin/rounds/{round_id(app)}"
    with app.app_context():
        english = operations.current_round().name
    assert heading(admin_client.get(f"{path}?lang=fr").get_data(as_text=True)) == FRENCH
    assert heading(admin_client.get(f"{path}?lang=ar").get_data(as_text=True)) == ARABIC
    # no Spanish translation: the stored name
    assert heading(admin_client.get(f"{path}?lang=es").get_data(as_text=True)) == english
    assert heading(admin_client.get(f"{path}?lang=en").get_data(as_text=True)) == english
    coverage = admin_client.get("/analyst/coverage?lang=fr").get_data(as_text=True)
    assert FRENCH in coverage
    rounds = admin_client.get("/admin/rounds?lang=ar").get_data(as_text=True)
    assert ARABIC in rounds


def test_the_round_page_shows_the_translations_kept_and_a_blank_field_forgets_one(
    app, admin_client
):
    save_round(app, admin_client, name_fr=FRENCH, name_es="Evaluación 2026")
    page = admin_client.get(f"/admin/rounds/{round_id(app)}?lang=en").get_data(as_text=True)
    assert f'value="{FRENCH}"' in page
    arabic_field = re.search(r'<input[^>]*id="name_ar"[^>]*>', page).group(0)
    assert 'lang="ar"' in arabic_field and 'dir="rtl"' in arabic_field
    save_round(app, admin_client, name_fr="", name_es="Evaluación 2026")
    with app.test_request_context("/?lang=fr"), app.app_context():
        survey_round = operations.current_round()
        assert round_name(survey_round, "fr") == survey_round.name
        assert round_name(survey_round, "es") == "Evaluación 2026"


def test_a_translation_with_a_control_character_is_refused(app, admin_client):
    reply = save_round(app, admin_client, name_fr="Évaluation \x1b[31m")
    assert reply.status_code == 422
    assert "U+001B" in reply.get_data(as_text=True)


def test_a_renamed_round_shows_its_new_name_until_that_is_translated(app, admin_client):
    save_round(app, admin_client, name_fr=FRENCH)
    save_round(app, admin_client, name="Assessment 2026, second call")
    page = admin_client.get(f"/admin/rounds/{round_id(app)}?lang=fr").get_data(as_text=True)
    assert heading(page) == "Assessment 2026, second call"


def test_the_name_is_looked_up_by_the_memory_s_own_key(app):
    """The lookup finds what the summaries' translation form saved: same text, whitespace
    collapsed, same hash."""
    with app.test_request_context("/"):
        survey_round = operations.current_round()
        operations.save_passage_translation(
            f"  {survey_round.name}\n", "es", "Evaluación", actor="test"
        )
        db.session.flush()
        g.pop("round_names", None)
        assert round_name(survey_round, "es") == "Evaluación"
        db.session.rollback()


def test_workspace_pages_show_the_round_in_the_page_s_language(
    app, admin_client, create_invitation
):
    _token, response_id = create_invitation("KEN")
    save_round(app, admin_client, name_fr=FRENCH)
    for path in (
        "/analyst/",
        "/analyst/invitations",
        "/analyst/summaries",
        f"/analyst/responses/{response_id}",
    ):
        french = admin_client.get(f"{path}?lang=fr").get_data(as_text=True)
        assert FRENCH in french, path
        english = admin_client.get(f"{path}?lang=en").get_data(as_text=True)
        assert FRENCH not in english, path


def test_e_mails_name_the_round_in_the_contact_s_language(app, admin_client):
    from sqlalchemy import select

    from surveyapp.mail import compose
    from surveyapp.models import Organisation

    save_round(app, admin_client, name_fr=FRENCH)
    with app.app_context():
        survey_round = operations.current_round()
        egypt = db.session.scalar(select(Organisation).filter_by(code="EGY"))
        subject, body = compose("invitation", egypt, survey_round, "http://x/r/t", "fr")
        english, _body = compose("reminder", egypt, survey_round, "http://x/r/t", "en")
    assert subject == f"{FRENCH}\u00a0: questionnaire pour Égypte"  # no-break space before ":"
    assert FRENCH in body
    assert FRENCH not in english and survey_round.name in english


def test_respondent_pages_and_the_receipt_name_the_round_in_the_respondent_s_language(
    app, admin_client, client, create_invitation
):
    from surveyapp.models import Response
    from surveyapp.respond.display import receipt_document

    token, response_id = create_invitation("EGY")
    save_round(app, admin_client, name_ar=ARABIC)
    with app.app_context():
        db.session.get(Response, response_id).language = "ar"
        db.session.commit()
    assert ARABIC in client.get(f"/r/{token}/", follow_redirects=True).get_data(as_text=True)
    assert ARABIC in client.get(f"/r/{token}/check").get_data(as_text=True)
    with app.test_request_context("/"):
        response = db.session.get(Response, response_id)
        assert receipt_document(response, "ar").round_name == ARABIC
        assert receipt_document(response, "en").round_name == response.round.name
