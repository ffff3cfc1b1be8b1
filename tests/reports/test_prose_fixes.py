"""Prose of the French, Spanish and Arabic summaries as a translator reads it: typography, the
preposition repeated before each verb of a list, one relative clause at a time, Arabic lists and
dates as UN Arabic documents write them (``docs/translations.md``, Typography)."""

from __future__ import annotations

import datetime as dt
import re

from fluent.syntax import ast as ftl
from fluent.syntax.visitor import Visitor
from khartoum import khartoum_answers
from khartoum_translated import translated_khartoum_dossier

from reports import draft_sections
from reports.passages import normalised, translate_dossier
from reports.phrases import LOCALES_FOLDER, Phrases, parse_file

NBSP = "\u00a0"
ANSWERS = khartoum_answers()


class _Texts(Visitor):
    """The literal text of a message: its text elements and string literals, comments aside."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def visit_TextElement(self, node: ftl.TextElement) -> None:  # noqa: N802
        self.texts.append(node.value)

    def visit_StringLiteral(self, node: ftl.StringLiteral) -> None:  # noqa: N802
        self.texts.append(node.parse()["value"])


def message_texts(language: str) -> dict[str, list[str]]:
    """The literal texts of each message of ``language``'s catalogue, by message id."""
    texts = {}
    for entry in parse_file(LOCALES_FOLDER / f"{language}.ftl").body:
        if isinstance(entry, ftl.Message):
            collector = _Texts()
            collector.visit(entry)
            texts[entry.id.name] = collector.texts
    return texts


def translated(language: str, memory: dict[str, str]):
    """The Khartoum Process dossier in ``language``, the English answers ``memory`` has (by
    their text) translated."""
    return translate_dossier(
        translated_khartoum_dossier(language),
        {normalised(text): translation for text, translation in memory.items()},
    )


def section_text(dossier, key: str) -> str:
    section = next(s for s in draft_sections(dossier) if s.key == key)
    return " ".join(section.paragraphs)


# French typography


def test_no_french_message_breaks_a_line_before_its_punctuation_or_inside_guillemets():
    breakable = re.compile(r" [:;?!»]|« ")
    found = {
        message_id: text
        for message_id, texts in message_texts("fr").items()
        for text in texts
        if breakable.search(text)
    }

    assert found == {}


def test_french_quotations_hold_their_guillemets_with_no_break_spaces():
    phrases = Phrases("fr")

    assert phrases.quote("utile") == f"«{NBSP}utile{NBSP}»"
    assert phrases.with_article("Déclaration de Rome") == f"«{NBSP}Déclaration de Rome{NBSP}»"


def test_a_french_summary_keeps_a_colon_on_the_line_of_the_word_before_it():
    text = section_text(translated_khartoum_dossier("fr"), "programming")

    assert f"Mandat{NBSP}: «{NBSP}provides a platform" in text
    assert " : " not in text


# The preposition before each verb of a list


def test_french_repeats_a_before_each_thing_ngos_are_invited_to_do():
    text = section_text(translated_khartoum_dossier("fr"), "partnerships")

    assert (
        "Les ONG et les OSC sont invitées à assister aux réunions du processus et à apporter des "
        "contributions techniques."
    ) in text


def test_spanish_repeats_a_before_each_thing_ngos_are_invited_to_do():
    text = section_text(translated_khartoum_dossier("es"), "partnerships")

    assert (
        "Se invita a las ONG y las OSC a asistir a las reuniones del proceso y a aportar "
        "contribuciones técnicas."
    ) in text


# One relative clause at a time


def test_spanish_names_an_annual_work_plan_before_saying_what_it_covers():
    dossier = translated(
        "es", {ANSWERS["work_plan_scope"]: "el período de las respectivas presidencias del Proceso"}
    )

    assert (
        "con arreglo a su plan de trabajo anual, que abarca el período de las respectivas "
        "presidencias del Proceso."
    ) in section_text(dossier, "programming")


def test_french_names_an_annual_work_plan_before_saying_what_it_covers():
    dossier = translated("fr", {ANSWERS["work_plan_scope"]: "la durée des présidences successives"})

    assert (
        "conformément à son plan de travail annuel, couvrant la durée des présidences successives."
    ) in section_text(dossier, "programming")


# Arabic


def test_an_arabic_mandate_after_its_source_opens_with_fa_inna():
    mandate = "عملية الخرطوم توفر منصة للمضي قدمًا في الاتفاق"
    dossier = translated("ar", {ANSWERS["mandate"]: mandate})

    assert "لعام 2014، فإن عملية الخرطوم توفر منصة للمضي قدمًا في الاتفاق." in section_text(
        dossier, "programming"
    )


def test_arabic_dates_give_both_names_of_the_month():
    phrases = Phrases("ar")

    assert phrases.date(dt.date(2014, 11, 28)) == "28 تشرين الثاني/نوفمبر 2014"
    assert phrases.date_range(dt.date(2018, 9, 18), dt.date(2018, 9, 19)) == (
        "18-19 أيلول/سبتمبر 2018"
    )
    assert phrases.date(dt.date(2019, 1, 5)) == "5 كانون الثاني/يناير 2019"


def test_an_arabic_list_of_three_repeats_wa_before_every_item_after_the_first():
    documents = [
        "المبادئ التوجيهية لرئاسات الاجتماعات المواضيعية",
        "المبادئ التوجيهية للمتحدثين ولميسّري الجلسات الفرعية",
        "اختصاصات اللجنة التوجيهية",
    ]

    assert Phrases("ar").join(documents) == (
        "المبادئ التوجيهية لرئاسات الاجتماعات المواضيعية، والمبادئ التوجيهية للمتحدثين ولميسّري "
        "الجلسات الفرعية، واختصاصات اللجنة التوجيهية"
    )


def test_an_arabic_list_of_two_joins_them_with_wa_and_no_comma():
    assert Phrases("ar").join(["الأمانة", "الرئاسة"]) == "الأمانة والرئاسة"


def test_wa_joins_words_opening_with_al_or_li_and_li_still_contracts_with_the_first():
    phrases = Phrases("ar")
    joined = phrases.join(["الأمانة", "لجنة الخبراء", "الرئاسة"])

    assert joined == "الأمانة، ولجنة الخبراء، والرئاسة"
    assert phrases.format("of", text=joined, article="al", name=joined[2:]) == (
        "للأمانة، ولجنة الخبراء، والرئاسة"
    )


def test_an_arabic_list_whose_items_hold_commas_repeats_wa_after_semicolons():
    assert Phrases("ar").join(["مصر، الأردن", "لبنان", "تونس"]) == "مصر، الأردن؛ ولبنان؛ وتونس"


def test_languages_that_do_not_repeat_their_conjunction_keep_it_before_the_last_item():
    assert Phrases("fr").join(["l'Égypte", "l'Éthiopie", "les Pays-Bas"]) == (
        "l'Égypte, l'Éthiopie et les Pays-Bas"
    )
    assert Phrases("es").join(["Egipto", "Etiopía", "los Países Bajos"]) == (
        "Egipto, Etiopía y los Países Bajos"
    )


def test_an_arabic_summary_lists_the_governing_documents_with_wa_before_each():
    titles = [document["document_title"] for document in ANSWERS["governing_documents"]]
    dossier = translated(
        "ar",
        dict(
            zip(
                titles,
                [
                    "المبادئ التوجيهية لرئاسات الاجتماعات المواضيعية",
                    "المبادئ التوجيهية للمتحدثين ولميسّري الجلسات الفرعية",
                    "اختصاصات اللجنة التوجيهية",
                ],
                strict=True,
            )
        ),
    )

    assert (
        "المبادئ التوجيهية لرئاسات الاجتماعات المواضيعية، والمبادئ التوجيهية للمتحدثين ولميسّري "
        "الجلسات الفرعية، واختصاصات اللجنة التوجيهية."
    ) in section_text(dossier, "structures")


def test_arabic_li_joins_a_name_without_the_article_with_no_tatweel():
    text = section_text(translated_khartoum_dossier("ar"), "programming")

    assert "الوثيقة التأسيسية لعملية الخرطوم" in text
    assert "لـ" not in text
