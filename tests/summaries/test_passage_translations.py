"""Analysts translate the passages a summary quotes (the translation memory): the summary then
prints the translation, the summaries page says which languages are still incomplete, and a
summary with untranslated passages is published only when the analyst confirms it."""

from __future__ import annotations

import html as markup
import re

from sqlalchemy import func, select

from surveyapp.extensions import db
from surveyapp.models import AuditEvent, PassageTranslation, PublishedSummary
from tests.pages import page_csrf, pdf_text

PAGE = "/analyst/summaries/khartoum-process"
MANDATE = "provides a platform to advance, implement and operationalize the agreement"
MANDATE_FR = (
    "offre une plateforme pour faire avancer, mettre en œuvre et rendre opérationnel l'accord "
    "des États participants visant à prévenir la traite des êtres humains"
)


def field_of(page: str, passage_start: str) -> str:
    """The name of the translation field of the passage starting with ``passage_start``."""
    items = re.findall(r'<li class="question">(.*?)</li>', page, re.DOTALL)
    item = next(item for item in items if markup.escape(passage_start, quote=True) in item)
    return re.search(r'<textarea id="([^"]+)"', item).group(1)


def translate(client, language: str, passage_start: str, text: str):
    page = client.get(f"{PAGE}?language={language}").get_data(as_text=True)
    return client.post(
        f"{PAGE}/translations",
        data={
            "csrf_token": page_csrf(page),
            "language": language,
            field_of(page, passage_start): text,
        },
    )


def preview(client, language: str) -> str:
    reply = client.get(f"{PAGE}/preview.pdf?language={language}")
    assert reply.status_code == 200
    return pdf_text(reply.data)


def incomplete(client, language: str) -> int:
    listing = client.get("/analyst/summaries").get_data(as_text=True)
    row = next(r for r in listing.split("<tr>") if f"{PAGE}?" in r or f'"{PAGE}"' in r)
    if "Translation incomplete:" not in row:
        return 0
    found = re.search(rf">{language.upper()} \((\d+) passages\)</a>", row)
    return int(found.group(1)) if found else 0


def test_the_french_summary_page_lists_the_english_passages_to_translate(analyst_client):
    page = analyst_client.get(f"{PAGE}?language=fr").get_data(as_text=True)

    assert "Translations of the quoted passages" in page
    assert MANDATE in page
    assert re.search(r"Translation incomplete: \d+ of \d+ passages are not translated.", page)


def test_a_translation_replaces_the_english_passage_in_the_french_pdf(analyst_client):
    reply = translate(analyst_client, "fr", MANDATE, MANDATE_FR)

    assert reply.status_code == 302
    french = preview(analyst_client, "fr")
    assert "offre une plateforme pour faire avancer" in french
    assert "provides a platform" not in french


def test_the_summaries_page_counts_the_passages_left_per_language(analyst_client):
    before = incomplete(analyst_client, "fr")
    assert before > 0
    assert incomplete(analyst_client, "en") == 0

    translate(analyst_client, "fr", MANDATE, MANDATE_FR)

    assert incomplete(analyst_client, "fr") == before - 1
    assert incomplete(analyst_client, "es") == before


def test_a_blank_translation_forgets_it_and_the_passage_is_quoted_again(analyst_client):
    translate(analyst_client, "fr", MANDATE, MANDATE_FR)
    translate(analyst_client, "fr", MANDATE, "   ")

    assert "provides a platform" in preview(analyst_client, "fr")
    with analyst_client.application.app_context():
        assert db.session.scalar(select(func.count()).select_from(PassageTranslation)) == 0
        actions = db.session.scalars(
            select(AuditEvent.action).where(AuditEvent.action == "passage_translation")
        ).all()
        assert len(actions) == 2


def test_a_translation_with_markup_is_printed_as_text(analyst_client):
    translate(analyst_client, "fr", MANDATE, "offre <b>une plateforme</b> & des moyens")

    page = analyst_client.get(f"{PAGE}?language=fr").get_data(as_text=True)
    assert "offre &lt;b&gt;une plateforme&lt;/b&gt; &amp; des moyens" in page
    assert "offre <b>une plateforme</b> & des moyens" in preview(analyst_client, "fr")


def publish(client, language: str, **extra):
    page = client.get(f"{PAGE}?language={language}").get_data(as_text=True)
    return client.post(
        f"{PAGE}/publish",
        data={"csrf_token": page_csrf(page), "language": language, **extra},
        follow_redirects=True,
    )


def published(client, language: str) -> int:
    with client.application.app_context():
        return db.session.scalar(
            select(func.count()).select_from(PublishedSummary).filter_by(language=language)
        )


def test_publishing_with_untranslated_passages_needs_a_confirmation(analyst_client):
    refused = publish(analyst_client, "fr")

    assert "Not published:" in refused.get_data(as_text=True)
    assert published(analyst_client, "fr") == 0

    confirmed = publish(analyst_client, "fr", confirm_untranslated="y")

    assert "Version 1 has been published." in confirmed.get_data(as_text=True)
    assert published(analyst_client, "fr") == 1


def test_a_summary_with_nothing_to_translate_publishes_without_confirmation(analyst_client):
    page = analyst_client.get(f"{PAGE}?language=en").get_data(as_text=True)
    assert "quotes no answer written in another language" in page
    assert 'name="confirm_untranslated"' not in page

    reply = publish(analyst_client, "en")

    assert "Version 1 has been published." in reply.get_data(as_text=True)
