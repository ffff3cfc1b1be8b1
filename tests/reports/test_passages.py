"""The translation memory in a summary: a passage with a translation is printed in the summary's
language, one without is quoted in its own language and listed as untranslated, and a translation
changes nothing that depends on the answers themselves."""

from __future__ import annotations

import dataclasses

from reports import render_iscm_html, section_fingerprints
from reports.check import check_summary
from reports.narrative import draft_sections
from reports.passages import TranslatedText, free_texts, normalised, translate_dossier
from tests.reports.khartoum import khartoum_answers
from tests.reports.khartoum_translated import translated_khartoum_dossier

MANDATE = normalised(khartoum_answers()["mandate"])
MANDATE_FR = (
    "offre une plateforme pour faire avancer, mettre en œuvre et rendre opérationnel l'accord "
    "des États participants"
)


def french(memory: dict[str, str] | None = None):
    return translate_dossier(translated_khartoum_dossier("fr"), memory or {})


def drafted_text(dossier) -> str:
    return " ".join(p for section in draft_sections(dossier) for p in section.paragraphs)


def test_every_english_answer_of_a_french_summary_is_a_passage_to_translate():
    dossier = french()

    texts = {passage.text for passage in dossier.passages}
    assert MANDATE in texts
    assert all(passage.language == "en" for passage in dossier.passages)
    assert dossier.untranslated_passages == list(dossier.passages)


def test_a_translated_passage_is_printed_in_the_summary_language_unquoted():
    dossier = french({MANDATE: MANDATE_FR})

    text = drafted_text(dossier)
    assert MANDATE_FR in text
    assert "provides a platform" not in text
    assert "Mandat\u00a0: «" not in text
    passage = next(p for p in dossier.passages if p.text == MANDATE)
    assert passage.translated and passage.translation == MANDATE_FR
    assert MANDATE not in {p.text for p in dossier.untranslated_passages}


def test_an_untranslated_passage_is_quoted_and_marked_with_its_language():
    html = render_iscm_html(french())

    assert 'lang="en" dir="ltr">provides a platform to advance' in html
    assert "Mandat\u00a0: «\u00a0" in html


def test_the_memory_matches_a_passage_whatever_its_whitespace():
    spaced = MANDATE.replace(" ", "  \n ", 3)

    dossier = french({spaced: MANDATE_FR})

    assert MANDATE_FR in drafted_text(dossier)


def test_a_translation_leaves_the_fingerprints_of_edits_unchanged():
    untranslated = section_fingerprints(french())
    translated = section_fingerprints(french({MANDATE: MANDATE_FR}))

    assert translated == untranslated


def test_a_translation_remembers_what_the_respondent_wrote():
    dossier = french({MANDATE: MANDATE_FR})

    mandate = dossier.answers["mandate"]
    assert isinstance(mandate, TranslatedText)
    assert mandate == MANDATE_FR and mandate.source == khartoum_answers()["mandate"]


def test_answers_in_the_summary_language_are_no_passages():
    dossier = translate_dossier(translated_khartoum_dossier("en"), {MANDATE: "ignored"})

    assert dossier.passages == ()
    assert "provides a platform" in drafted_text(dossier)


def test_meeting_titles_and_the_round_name_are_passages_too():
    base = translated_khartoum_dossier("fr")
    dossier = translate_dossier(
        dataclasses.replace(base, round=dataclasses.replace(base.round, name="Assessment 2019")),
        {"Assessment 2019": "Évaluation 2019"},
    )

    where = {passage.where for passage in dossier.passages}
    assert "round.name" in where
    if base.meetings:
        assert "annex.meeting_title" in where
    assert dossier.round.name == "Évaluation 2019"


def test_free_texts_lists_the_same_passages_as_a_summary_in_another_language():
    dossier = translated_khartoum_dossier("fr")
    views = [
        ("state_view", {"benefits": v.benefits, "national_impact": v.national_impact}, v.language)
        for v in dossier.state_views
    ] + [
        ("igo_view", {"cooperation": v.cooperation, "examples": v.examples}, v.language)
        for v in dossier.igo_views
    ]

    listed = free_texts(dossier.answers, "en", views, dossier.round.name)

    # this dossier's meetings are built by hand, not from a "meetings" answer
    summary = {
        p.text for p in translate_dossier(dossier, {}).passages if not p.where.startswith("annex.")
    }
    assert summary <= {p.text for p in listed}
    assert MANDATE in summary


def test_report_check_lists_an_untranslated_passage_once_not_as_english_left():
    findings = check_summary(french())

    kinds = {(f.kind, f.text[:30]) for f in findings}
    assert ("untranslated passage", MANDATE[:30]) in kinds
    assert not any(f.kind == "English left" and f.text.startswith(MANDATE[:30]) for f in findings)


def test_report_check_finds_no_translated_passage():
    findings = check_summary(french({MANDATE: MANDATE_FR}))

    assert not any(f.text.startswith(MANDATE[:30]) for f in findings)
    assert not any(f.text.startswith(MANDATE_FR[:30]) for f in findings)


def test_a_summary_with_every_passage_translated_quotes_nothing_in_another_language():
    untranslated = french()
    memory = {passage.text: f"traduit : {passage.text[:20]}" for passage in untranslated.passages}

    html = render_iscm_html(french(memory))

    # codes read as text ("no", "stable") are no passages: nothing is marked as English
    assert "answer-text" not in html
    assert "answer-language-note" not in html


def test_a_translated_passage_survives_pickling_with_its_source():
    import pickle

    from reports.passages import TranslatedText

    text = TranslatedText("Le Processus de Khartoum", "The Khartoum Process")

    copy = pickle.loads(pickle.dumps(text))

    assert copy == "Le Processus de Khartoum" and copy.source == "The Khartoum Process"
    assert isinstance(copy, TranslatedText)
