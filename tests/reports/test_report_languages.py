"""Summaries in French, Spanish and Arabic: grammar, answers marked with their language.

The catalogues themselves (complete, well formed, the same variables) are tested in
``test_report_catalogues.py``.
"""

from __future__ import annotations

import io
import unicodedata

import pytest
from khartoum_translated import translated_khartoum_dossier
from pypdf import PdfReader
from rendered import khartoum_pdf

from reports import draft_sections, render_iscm_html
from reports.pdf import PACKAGE_FOLDER
from reports.phrases import Phrases


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def section_text(dossier, key: str) -> str:
    section = next(s for s in draft_sections(dossier) if s.key == key)
    return " ".join(section.paragraphs)


def test_french_contracts_the_preposition_with_the_name():
    text = section_text(translated_khartoum_dossier("fr"), "programming")

    assert (
        "Le document fondateur du Processus de Khartoum est «\u00a0Rome Declaration\u00a0» de 2014."
    ) in text
    assert "de le Processus" not in text


def test_spanish_contracts_the_preposition_with_the_name():
    text = section_text(translated_khartoum_dossier("es"), "structures")

    assert "Las estructuras del Proceso de Jartum comprenden una Presidencia" in text


def test_french_counts_and_names_the_referring_states():
    text = section_text(translated_khartoum_dossier("fr"), "membership_value")

    assert (
        "Trois des États membres interrogés (l'Égypte, l'Éthiopie, les Pays-Bas) ont fait "
        "référence au Processus de Khartoum dans leurs réponses."
    ) in text


def test_arabic_joins_every_item_after_the_first_with_a_joined_conjunction():
    assert Phrases("ar").join(["مصر", "إثيوبيا", "هولندا"]) == "مصر، وإثيوبيا، وهولندا"


def test_arabic_counts_agree_with_the_number():
    phrases = Phrases("ar")

    assert phrases.counted("count_igos", 3) == "3 منظمات حكومية دولية"
    assert phrases.counted("count_states", 46) == "46 دولة"


def test_english_answers_in_a_french_summary_are_quoted_whole_not_spliced():
    text = section_text(translated_khartoum_dossier("fr"), "programming")

    assert "Mandat\u00a0: «\u00a0provides a platform to advance" in text
    assert (
        "Portée du plan de travail\u00a0: «\u00a0the timespan of the respective Chairmanships"
    ) in text


def test_answers_in_another_language_are_marked_with_their_language():
    html = render_iscm_html(translated_khartoum_dossier("fr"))

    assert (
        '<bdi class="answer-text" lang="en" dir="ltr">Some of its thematic meetings have '
        "addressed a wider set of complementary issues.</bdi>"
    ) in html
    assert (
        "Les réponses rédigées par les répondants sont citées dans la langue dans laquelle elles "
        "ont été données (anglais)."
    ) in html


def test_answers_in_the_summary_language_are_not_marked(dossier):
    html = render_iscm_html(dossier)

    assert "answer-text" not in html
    assert "answer-language-note" not in html


def test_arabic_summary_is_right_to_left_with_an_arabic_font():
    html = render_iscm_html(translated_khartoum_dossier("ar"))

    assert '<html lang="ar" dir="rtl">' in html
    assert '<bdi class="answer-text" lang="en" dir="ltr">' in html
    assert '"Noto Naskh Arabic"' in (PACKAGE_FOLDER / "styles/summary.css").read_text()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["Synthèse des conclusions par MCIM", "3. Principales structures du MCIM"]),
        ("es", ["Resumen de conclusiones por MCIM", "3. Estructuras principales del MCIM"]),
        ("ar", ["موجز النتائج لكل آلية تشاور", "أبرز هياكل الآلية", "عملية الخرطوم"]),
    ],
)
def test_pdf_text_is_in_the_summary_language(language, expected):
    text = pdf_text(khartoum_pdf(language))

    for phrase in expected:
        assert phrase in text


def test_french_values_of_membership_carry_their_articles():
    text = section_text(translated_khartoum_dossier("fr"), "membership_value")

    assert (
        "Parmi les avantages de l'appartenance que le Processus de Khartoum cite, l'Éthiopie et "
        "les Pays-Bas apprécient le processus pour le renforcement des capacités."
    ) in text
    assert (
        "En dehors de cette liste, l'Égypte apprécie le processus pour le développement de "
        "partenariats, l'Éthiopie pour l'échange de bonnes pratiques et les Pays-Bas pour "
        "l'accès aux projets et aux financements."
    ) in text
