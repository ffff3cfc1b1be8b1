"""The respondent picks a language on the entry page; every page, message and the receipt follow."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from sqlalchemy import select

from surveyapp.extensions import db
from surveyapp.models import Response
from tests.pages import page_csrf, page_version

TRANSLATIONS = Path(__file__).resolve().parents[2] / "surveyapp" / "translations"


def choose(client, token: str, language: str):
    page = client.get(f"/r/{token}/")
    return client.post(
        f"/r/{token}/language", data={"csrf_token": page_csrf(page.text), "language": language}
    )


def test_entry_page_offers_the_four_languages_each_in_its_own_language(client, state_token):
    html = client.get(f"/r/{state_token}/").text
    assert 'aria-current="true">English<' in html
    for code, name in [("fr", "Français"), ("es", "Español"), ("ar", "العربية")]:
        assert f'value="{code}" class="link-button" lang="{code}"' in html
        assert name in html


def test_chosen_language_is_remembered_for_the_invitation(app, client, state_token):
    reply = choose(client, state_token, "fr")
    assert reply.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Response.language)) == "fr"
    # A new browser (no session) with another preference still gets French.
    other = app.test_client()
    html = other.get(f"/r/{state_token}/", headers={"Accept-Language": "es"}).text
    assert '<html lang="fr" dir="ltr">' in html
    assert "Vérifiez vos réponses" in html
    assert "Pas commencé" in html


def test_unknown_language_is_refused_with_a_message(app, client, state_token):
    reply = choose(client, state_token, "xx")
    assert reply.status_code == 302
    assert "Choose one of the languages offered." in client.get(f"/r/{state_token}/").text
    with app.app_context():
        assert db.session.scalar(select(Response.language)) == "en"


@pytest.mark.parametrize(
    ("language", "text"),
    [("fr", "Enregistrer et continuer"), ("es", "Guardar y continuar"), ("ar", "حفظ ومتابعة")],
)
def test_section_page_is_in_the_chosen_language(client, state_token, language, text):
    choose(client, state_token, language)
    html = client.get(f"/r/{state_token}/s/respondent").text
    assert text in html


def test_arabic_pages_are_right_to_left_with_a_served_arabic_font(client, state_token):
    choose(client, state_token, "ar")
    html = client.get(f"/r/{state_token}/").text
    assert '<html lang="ar" dir="rtl">' in html
    with client.get("/static/app.css") as css:
        assert 'url("fonts/NotoNaskhArabic-Regular.ttf")' in css.text
    with client.get("/static/fonts/NotoNaskhArabic-Regular.ttf") as font:
        assert font.status_code == 200
        assert font.data[:4] == b"\x00\x01\x00\x00"  # a TrueType font
    with client.get("/static/fonts/OFL.txt") as licence:
        assert "SIL Open Font License" in licence.text


def test_engine_messages_are_shown_in_the_chosen_language(client, iscm_token):
    choose(client, iscm_token, "es")
    html = client.get(f"/r/{iscm_token}/s/mandate").text
    reply = client.post(
        f"/r/{iscm_token}/s/mandate",
        data={
            "csrf_token": page_csrf(html),
            "version": page_version(html),
            "founding_year": "nineteen",
        },
    )
    assert reply.status_code == 422
    assert "Introduzca un año en cifras, por ejemplo 2014." in reply.text
    assert "Enter a year" not in reply.text


def test_missing_translation_falls_back_to_english(app):
    from flask_babel import force_locale, gettext

    with app.test_request_context(), force_locale("fr"):
        assert gettext("A message nobody has translated") == "A message nobody has translated"
        assert gettext("Save") == "Enregistrer"


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_compiled_catalogue_matches_its_source(language):
    folder = TRANSLATIONS / language / "LC_MESSAGES"
    with open(folder / "messages.po", "rb") as source:
        po = {_key(m.id): _key(m.string) for m in read_po(source) if m.id and any(m.string)}
    with open(folder / "messages.mo", "rb") as compiled:
        mo = {_key(m.id): _key(m.string) for m in read_mo(compiled) if m.id}
    assert mo == po, "run: pybabel compile -d surveyapp/translations"


def _key(value):
    return tuple(value) if isinstance(value, list | tuple) else value
