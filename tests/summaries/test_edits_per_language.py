"""An analyst's edit belongs to the summary in one language: an English edit never replaces the
French, Spanish or Arabic section, and the edit page says which languages have their own text."""

from __future__ import annotations

from tests.pages import page_csrf, pdf_text

PAGE = "/analyst/summaries/khartoum-process"


def save_text(client, language: str, section: str, text: str):
    page = client.get(f"{PAGE}?language={language}").get_data(as_text=True)
    reply = client.post(
        PAGE, data={"csrf_token": page_csrf(page), "language": language, f"text-{section}": text}
    )
    assert reply.status_code == 302
    return reply


def preview(client, language: str) -> str:
    reply = client.get(f"{PAGE}/preview.pdf?language={language}")
    assert reply.status_code == 200
    return pdf_text(reply.data)


def test_an_english_edit_leaves_the_french_summary_its_draft(analyst_client):
    french_draft = preview(analyst_client, "fr")

    save_text(analyst_client, "en", "structures", "The secretariat moved to Lake Tana.")

    assert "The secretariat moved to Lake Tana." in preview(analyst_client, "en")
    french = preview(analyst_client, "fr")
    assert "Lake Tana" not in french
    assert french == french_draft


def test_each_language_keeps_its_own_edit(analyst_client):
    save_text(analyst_client, "en", "structures", "The secretariat moved to Lake Tana.")
    save_text(analyst_client, "fr", "structures", "Le secrétariat a déménagé à lac Tana.")

    assert "Le secrétariat a déménagé à lac Tana." in preview(analyst_client, "fr")
    english = preview(analyst_client, "en")
    assert "The secretariat moved to Lake Tana." in english
    assert "lac Tana" not in english


def test_the_edit_page_says_which_languages_have_their_own_text(analyst_client):
    save_text(analyst_client, "fr", "structures", "Le secrétariat a déménagé à lac Tana.")

    english_page = analyst_client.get(f"{PAGE}?language=en").get_data(as_text=True)
    assert "Own text in: FR; the other languages print the draft." in english_page
    assert "Le secrétariat a déménagé" not in english_page
    french_page = analyst_client.get(f"{PAGE}?language=fr").get_data(as_text=True)
    assert "Le secrétariat a déménagé à lac Tana." in french_page

    listing = analyst_client.get("/analyst/summaries").get_data(as_text=True)
    row = next(r for r in listing.split("<tr>") if f'href="{PAGE}"' in r)
    statuses = row.split('<td class="summary-status">')[1:]
    cells = dict(zip(("en", "fr", "es", "ar"), statuses, strict=True))
    assert "Edited (1 section)" in cells["fr"]
    assert "Draft" in cells["en"]


def test_clearing_the_french_text_goes_back_to_the_french_draft(analyst_client):
    french_draft = preview(analyst_client, "fr")
    save_text(analyst_client, "fr", "structures", "Un texte provisoire.")
    save_text(analyst_client, "fr", "structures", "")
    assert preview(analyst_client, "fr") == french_draft


def test_choosing_the_arabic_summary_leaves_the_staff_page_in_its_own_language(analyst_client):
    page = analyst_client.get(f"{PAGE}?language=ar").get_data(as_text=True)

    assert '<html lang="en" dir="ltr">' in page
    assert '<option value="ar" selected>AR</option>' in page
    assert "Your texts are for the AR summary only" in page
