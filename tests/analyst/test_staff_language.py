"""The language of staff pages: chosen with ``?lang=`` or the menu, kept per account, right to
left in Arabic, and a French analyst meets no English sentence on the way (issue 15)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import User
from tests.pages import english_catalogue, english_on, log_in

#: pages an analyst reaches from the workspace's menu (and the pages they link to)
ANALYST_PAGES = (
    "/analyst/",
    "/analyst/invitations",
    "/analyst/coverage",
    "/analyst/summaries",
    "/analyst/summaries/khartoum-process",
    "/analyst/exports",
    "/analyst/tokens",
    "/analyst/mail",
    "/account/password",
)
ADMIN_PAGES = (
    "/admin/",
    "/admin/users",
    "/admin/rounds",
    "/admin/registry",
    "/admin/registry/iscms/khartoum-process",
    "/admin/registry/iscms/new",
)


@pytest.fixture(scope="module")
def english_sentences() -> tuple[set[str], list[str]]:
    """The English texts a French page must not show (:func:`tests.pages.english_catalogue`)."""
    return english_catalogue("fr")


def account_language(app, email: str) -> str | None:
    """The language kept in the account ``email``."""
    with app.app_context():
        return db.session.scalar(select(User.language).filter_by(email=email))


def html_tag(html: str) -> str:
    """The page's ``<html ...>`` tag."""
    return re.search(r"<html[^>]*>", html).group(0)


@pytest.fixture
def analyst(app, create_user):
    """An analyst's address and password."""
    return create_user("analyst")


def test_a_language_chosen_while_logged_in_is_kept_in_the_account(app, client, analyst):
    email, password = analyst
    assert log_in(client, email, password).status_code == 302
    assert account_language(app, email) is None
    page = client.get("/analyst/coverage?lang=fr").get_data(as_text=True)
    assert 'lang="fr"' in html_tag(page)
    assert account_language(app, email) == "fr"
    # the next pages stay in French without ?lang=
    assert 'lang="fr"' in html_tag(client.get("/analyst/").get_data(as_text=True))


def test_login_opens_in_the_account_language_whatever_the_browser_says(app, analyst):
    email, password = analyst
    with app.app_context():
        user = db.session.scalar(select(User).filter_by(email=email))
        operations.users.set_user_language(user, "es")
        db.session.commit()
    browser = app.test_client()
    browser.get("/login", headers={"Accept-Language": "en"})
    assert log_in(browser, email, password).status_code == 302
    page = browser.get("/analyst/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert 'lang="es"' in html_tag(page)
    assert "Respuestas" in page


def test_logging_out_keeps_the_login_page_in_the_account_language(app, client, analyst):
    email, password = analyst
    log_in(client, email, password)
    client.get("/analyst/?lang=ar")
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/analyst/").text)
    client.post("/logout", data={"csrf_token": token.group(1)})
    login = client.get("/login").get_data(as_text=True)
    assert 'lang="ar"' in html_tag(login) and 'dir="rtl"' in html_tag(login)


@pytest.mark.parametrize(
    ("asked", "browser", "expected", "heading"),
    [
        ("fr", "en", "fr", "Connexion"),
        (None, "es-ES,es;q=0.9", "es", "Iniciar sesión"),
        (None, "de", "en", "Log in"),
        ("ar", "fr", "ar", "تسجيل الدخول"),
    ],
)
def test_the_login_page_follows_lang_then_the_browser(client, asked, browser, expected, heading):
    path = f"/login?lang={asked}" if asked else "/login"
    page = client.get(path, headers={"Accept-Language": browser}).get_data(as_text=True)
    assert f'lang="{expected}"' in html_tag(page)
    assert f"<h1>{heading}</h1>" in page
    assert ('dir="rtl"' in html_tag(page)) == (expected == "ar")


def test_a_language_chosen_on_the_login_page_is_kept_in_the_session(client):
    client.get("/login?lang=es")
    page = client.get("/login", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert 'lang="es"' in html_tag(page)


def test_the_language_menu_keeps_the_page_and_its_parameters(client, analyst):
    log_in(client, *analyst)
    page = client.get("/analyst/?q=ken&status=invited").get_data(as_text=True)
    menu = re.search(r'<nav class="language-menu".*?</nav>', page, re.S).group(0)
    assert 'href="/analyst/?q=ken&amp;status=invited&amp;lang=fr"' in menu
    assert 'href="/analyst/?q=ken&amp;status=invited&amp;lang=ar"' in menu
    assert '<span class="current-language" lang="en" dir="ltr" aria-current="true">' in menu
    assert 'lang="ar" hreflang="ar" dir="rtl">العربية</a>' in menu


def test_respondent_pages_have_no_staff_language_menu(client, create_invitation):
    token, _id = create_invitation("KEN")
    page = client.get(f"/r/{token}", follow_redirects=True).get_data(as_text=True)
    assert "language-menu" not in page


def test_the_export_language_changes_neither_the_page_nor_the_account(app, client, analyst):
    email, password = analyst
    log_in(client, email, password)
    reply = client.get("/analyst/exports/download?format=csv&type=state&lang=fr")
    assert reply.status_code == 200
    reply.get_data()
    reply.close()
    assert account_language(app, email) is None
    assert 'lang="en"' in html_tag(client.get("/analyst/").get_data(as_text=True))


def test_choosing_arabic_for_a_summary_leaves_an_english_page_left_to_right(client, analyst):
    log_in(client, *analyst)
    page = client.get("/analyst/summaries/khartoum-process?language=ar").get_data(as_text=True)
    assert 'lang="en"' in html_tag(page) and 'dir="ltr"' in html_tag(page)


@pytest.mark.parametrize("path", ANALYST_PAGES + ADMIN_PAGES)
def test_arabic_staff_pages_are_right_to_left(client, create_user, path):
    log_in(client, *create_user("admin"))
    page = client.get(f"{path}?lang=ar").get_data(as_text=True)
    assert 'lang="ar" dir="rtl"' in html_tag(page)


def test_a_french_analyst_meets_no_english_sentence(
    app, client, analyst, create_invitation, english_sentences
):
    _token, response_id = create_invitation("KEN")
    create_invitation("khartoum-process")
    email, password = analyst
    with app.app_context():
        user = db.session.scalar(select(User).filter_by(email=email))
        operations.users.set_user_language(user, "fr")
        db.session.commit()
    login = client.get("/login?lang=fr").get_data(as_text=True)
    assert english_on(login, english_sentences) == []
    assert log_in(client, email, password).status_code == 302
    found = {}
    for path in (*ANALYST_PAGES, f"/analyst/responses/{response_id}"):
        reply = client.get(path)
        assert reply.status_code == 200, path
        page = reply.get_data(as_text=True)
        assert 'lang="fr"' in html_tag(page), path
        if english := english_on(page, english_sentences):
            found[path] = english
    assert not found, f"English on French pages: {found}"


def test_a_french_administrator_meets_no_english_sentence(
    app, client, create_user, english_sentences
):
    email, password = create_user("admin")
    log_in(client, email, password)
    client.get("/admin/?lang=fr")
    with app.app_context():
        round_id = operations.current_round().id
    found = {}
    for path in (*ADMIN_PAGES, f"/admin/rounds/{round_id}"):
        page = client.get(path).get_data(as_text=True)
        assert 'lang="fr"' in html_tag(page), path
        if english := english_on(page, english_sentences):
            found[path] = english
    assert not found, f"English on French pages: {found}"


def test_the_english_check_finds_an_english_sentence(client, analyst, english_sentences):
    log_in(client, *analyst)
    page = client.get("/analyst/coverage?lang=en").get_data(as_text=True)
    assert "Per ISCM: expected respondents and those received" in english_on(
        page, english_sentences
    )


def test_a_logged_out_person_sent_to_the_login_page_keeps_the_language_asked(client):
    page = client.get("/analyst/?lang=fr", follow_redirects=True).get_data(as_text=True)
    assert 'lang="fr"' in html_tag(page)
    assert "Veuillez vous connecter pour accéder à cette page." in page
