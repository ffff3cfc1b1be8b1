"""The shipped questionnaires, vocabularies and registry names in French, Spanish and Arabic.

The conventions checked here (one rendering of "ISCM" per language, quotation marks, the labels
of the "other" and "not for attribution" choices quoted in hints) are set out in
``docs/translations.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from questionnaires import data_path
from surveyapp.questionnaire import (
    Question,
    Questionnaire,
    describe_missing_translations,
    load_questionnaire,
)
from surveyapp.questionnaire.model import NO_ATTRIBUTION_LABEL, OTHER_LABEL
from surveyapp.registry import Registry, load_registry

QUESTIONNAIRES = ("state", "iscm", "igo")
TRANSLATIONS = ("fr", "es", "ar")
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
LATIN_LETTER = re.compile("[A-Za-z]")
#: a text made only of acronyms, numbers and signs ("MIDSA", "5+5") reads the same everywhere
ACRONYMS_ONLY = re.compile(r"^[A-Z0-9+\-\s]+$")
#: words that are spelt the same in English and in the language
SAME_WORD = {("es", "No"), ("fr", "Organisation")}
#: how each language renders "ISCM" (docs/translations.md); Arabic declines it: آلية, آليات, آليتكم
ISCM_TERM = {"fr": "MCIM", "es": "MCIM", "ar": "آلي"}
#: how each language asks to complete a sentence
COMPLETE_THE_SENTENCE = {
    "fr": "Veuillez compléter la phrase",
    "es": "Complete la frase",
    "ar": "يُرجى إكمال الجملة",
}
NBSP = "\u00a0"
ROOT = Path(__file__).parents[1]
CATALOGUES = ROOT / "surveyapp" / "translations"
#: the keywords ``pybabel extract`` is run with (README, babel.cfg)
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "N_": None, "Nn_": (1, 2)}
PLACEHOLDERS = re.compile(r"%\(\w+\)[sd]|\{\{ ?\w+ ?\}\}")


@pytest.fixture(scope="module")
def registry() -> Registry:
    """The shipped registry and vocabularies."""
    return load_registry()


@pytest.fixture(scope="module", params=QUESTIONNAIRES)
def questionnaire(request) -> Questionnaire:
    """Each shipped questionnaire (lists from the registry left unresolved)."""
    return load_questionnaire(data_path() / f"{request.param}.yaml")


def _questions(questions: list[Question]) -> Iterator[Question]:
    for question in questions:
        yield question
        yield from _questions(question.questions)


def _texts(questionnaire: Questionnaire) -> Iterator[tuple[str, dict[str, str]]]:
    """Every translatable text of a questionnaire, with where it stands."""
    yield "title", questionnaire.title
    if questionnaire.intro:
        yield "intro", questionnaire.intro
    for section in questionnaire.sections:
        yield f"{section.key}: title", section.title
        if section.intro:
            yield f"{section.key}: intro", section.intro
        for question in _questions(section.questions):
            yield f"{question.key}: label", question.label
            if question.hint:
                yield f"{question.key}: hint", question.hint
            for choice in question.choices:
                yield f"{question.key}: choice {choice.code}", choice.label


def _registry_texts(registry: Registry) -> Iterator[tuple[str, dict[str, str]]]:
    """Every ISCM and IGO name and every vocabulary label."""
    for entry in [*registry.iscms, *registry.igos]:
        yield f"{entry.code}: name", entry.name
        yield f"{entry.code}: short_name", entry.short_name
        yield f"{entry.code}: in_sentence", entry.in_sentence
    for name, choices in registry.vocabularies.items():
        for choice in choices:
            yield f"vocabulary {name}: {choice['code']}", choice["label"]


def test_shipped_questionnaires_have_no_missing_translation(questionnaire) -> None:
    assert describe_missing_translations(questionnaire) == []


def test_every_vocabulary_choice_has_french_spanish_and_arabic(registry) -> None:
    missing = [
        f"{name}: {choice['code']} has no {lang}"
        for name, choices in registry.vocabularies.items()
        for choice in choices
        for lang in TRANSLATIONS
        if not choice["label"].get(lang)
    ]
    assert registry.vocabularies and missing == []


@pytest.mark.parametrize("kind", ["iscm", "igo"])
@pytest.mark.parametrize("field", ["name", "short_name", "in_sentence"])
def test_every_iscm_and_igo_name_has_french_spanish_and_arabic(registry, kind, field) -> None:
    missing = [
        f"{entry.code}: {field} has no {lang}"
        for entry in registry.entries(kind)
        for lang in TRANSLATIONS
        if not getattr(entry, field).get(lang)
    ]
    assert missing == []


def test_official_names_of_the_khartoum_process_and_iom(registry) -> None:
    khartoum = registry.entry("khartoum-process")
    assert khartoum.short_name_in("fr") == "Processus de Khartoum"
    assert khartoum.short_name_in("es") == "Proceso de Jartum"
    assert khartoum.short_name_in("ar") == "عملية الخرطوم"
    iom = registry.entry("iom")
    assert (iom.short_name_in("fr"), iom.short_name_in("es")) == ("OIM", "OIM")
    assert iom.name_in("ar") == "المنظمة الدولية للهجرة"


def test_arabic_texts_are_in_arabic_script(questionnaire, registry) -> None:
    texts = [*_texts(questionnaire), *_registry_texts(registry)]
    not_arabic = [where for where, text in texts if not ARABIC_LETTER.search(text.get("ar", ""))]
    with_latin = [where for where, text in texts if LATIN_LETTER.search(text.get("ar", ""))]
    assert not_arabic == []
    assert with_latin == []


def test_french_and_spanish_texts_differ_from_english_but_for_names(questionnaire, registry):
    same = [
        f"{where} ({lang}): {text[lang]}"
        for where, text in [*_texts(questionnaire), *_registry_texts(registry)]
        for lang in ("fr", "es")
        if text.get(lang) == text["en"]
        and not ACRONYMS_ONLY.match(text["en"])
        and (lang, text["en"]) not in SAME_WORD
    ]
    assert same == []


def test_each_language_names_the_iscm_with_its_own_term(questionnaire) -> None:
    for where, text in _texts(questionnaire):
        if "ISCM" in text["en"]:
            for lang in TRANSLATIONS:
                assert ISCM_TERM[lang] in text[lang], f"{where} ({lang}): {text[lang]}"
                assert "ISCM" not in text[lang], f"{where} ({lang}): {text[lang]}"


def test_sentences_to_complete_are_asked_in_each_language(questionnaire) -> None:
    labels = [
        question.label
        for question in _questions([q for s in questionnaire.sections for q in s.questions])
        if question.label["en"].startswith("Complete the sentence")
    ]
    for label in labels:
        for lang in TRANSLATIONS:
            text = label[lang]
            assert text.startswith(COMPLETE_THE_SENTENCE[lang]), text
            # the opening words are quoted and left open for the respondent's clause
            assert "«" in text and text.rstrip().endswith("»"), text
            assert text.rstrip("» " + NBSP).endswith(("…", "...")), text


def test_translations_use_guillemets_not_straight_quotes(questionnaire) -> None:
    straight = [
        f"{where} ({lang})"
        for where, text in _texts(questionnaire)
        for lang in TRANSLATIONS
        if '"' in text[lang]
    ]
    assert straight == []


def test_french_punctuation_is_held_by_non_breaking_spaces(questionnaire) -> None:
    loose = [
        f"{where}: {text['fr']}"
        for where, text in _texts(questionnaire)
        if re.search(r" [:;?!»]|« ", text["fr"])
    ]
    assert loose == []


def test_hints_quote_the_other_and_attribution_labels_the_respondent_sees(questionnaire):
    """A hint saying 'choose "Other"' names the choice as the form shows it in that language."""
    quoted = {'"Other"': OTHER_LABEL, '"not for attribution"': NO_ATTRIBUTION_LABEL}
    checked = 0
    for where, text in _texts(questionnaire):
        for english, label in quoted.items():
            if english in text["en"]:
                checked += 1
                for lang in TRANSLATIONS:
                    assert label[lang] in text[lang].replace(NBSP, " "), f"{where} ({lang})"
    if questionnaire.id in ("state", "iscm"):
        assert checked


@pytest.fixture
def respond_in(app, create_invitation):
    """Factory: invite organisation ``code`` and set its response's language; returns the token."""
    from surveyapp.extensions import db
    from surveyapp.models import Response

    def invite(code: str, language: str) -> str:
        token, response_id = create_invitation(code)
        with app.app_context():
            db.session.get(Response, response_id).language = language
            db.session.commit()
        return token

    return invite


def test_an_arabic_respondent_reads_the_mandate_section_in_arabic(client, respond_in) -> None:
    token = respond_in("khartoum-process", "ar")
    page = client.get(f"/r/{token}/s/mandate").get_data(as_text=True)
    assert "الولاية والتركيز المواضيعي" in page
    assert "ما عنوان الوثيقة التأسيسية للآلية؟" in page
    assert "يُرجى إكمال الجملة: «الآلية...»" in page
    assert "الاتجار بالأشخاص" in page  # a thematic area from the vocabulary
    assert "What is the title of the founding document" not in page
    assert 'dir="rtl"' in page


def test_a_spanish_state_respondent_chooses_iscms_by_their_spanish_names(client, respond_in):
    token = respond_in("EGY", "es")
    page = client.get(f"/r/{token}/s/participation").get_data(as_text=True)
    assert "¿En qué MCIM participa su Estado?" in page
    assert "Proceso de Jartum" in page
    assert "Khartoum Process" not in page


# -- the interface's catalogues (staff and respondent pages, e-mails) -----------------------


@pytest.fixture(scope="module")
def interface_messages() -> set[str]:
    """Every message of the interface as ``pybabel extract`` finds it in the source today."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = extract_from_dir(str(ROOT), method_map, options_map, keywords=KEYWORDS)
    return {message if isinstance(message, str) else message[0] for _f, _l, message, *_ in found}


@pytest.fixture(scope="module", params=TRANSLATIONS)
def catalogue(request) -> polib.POFile:
    """The French, Spanish and Arabic catalogue of the interface."""
    return polib.pofile(str(CATALOGUES / request.param / "LC_MESSAGES" / "messages.po"))


def _forms(entry: polib.POEntry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def test_every_interface_message_is_translated(catalogue, interface_messages) -> None:
    """Each message in the source has a non-empty, non-fuzzy translation (every plural form)."""
    entries = {entry.msgid: entry for entry in catalogue if not entry.obsolete}
    untranslated = sorted(
        message
        for message in interface_messages
        if message not in entries
        or "fuzzy" in entries[message].flags
        or not all(form.strip() for form in _forms(entries[message]))
    )
    assert untranslated == [], f"{catalogue.metadata['Language']}: {untranslated}"


def test_the_catalogue_check_finds_a_missing_translation(interface_messages) -> None:
    assert "Log in" in interface_messages
    assert "Per ISCM: expected respondents and those received" in interface_messages


def _keeps_placeholders(entry: polib.POEntry, form: str) -> bool:
    """A translation has the placeholders of its message; a plural form may spell the number
    out instead ("إجابة واحدة" for one answer), so it may leave the count out."""
    kept = set(PLACEHOLDERS.findall(form))
    if entry.msgid_plural:
        return kept <= set(PLACEHOLDERS.findall(entry.msgid_plural))
    return kept == set(PLACEHOLDERS.findall(entry.msgid))


def test_translations_keep_their_placeholders(catalogue) -> None:
    changed = [
        (entry.msgid, form)
        for entry in catalogue
        if not entry.obsolete
        for form in _forms(entry)
        if form and not _keeps_placeholders(entry, form)
    ]
    assert changed == []


def test_catalogue_translations_have_no_straight_double_quotes(catalogue) -> None:
    straight = [form for entry in catalogue for form in _forms(entry) if '"' in form]
    assert straight == []


def test_french_catalogue_punctuation_is_held_by_non_breaking_spaces() -> None:
    french = polib.pofile(str(CATALOGUES / "fr" / "LC_MESSAGES" / "messages.po"))
    loose = [
        form
        for entry in french
        for form in _forms(entry)
        if re.search(r" [:;?!»]|« ", form) or "’" in form
    ]
    assert loose == []


def test_compiled_catalogues_match_their_sources(catalogue) -> None:
    """The committed .mo files are compiled from the .po files as they stand."""
    language = catalogue.metadata["Language"]
    compiled = polib.mofile(str(CATALOGUES / language / "LC_MESSAGES" / "messages.mo"))
    translations = {entry.msgid: _forms(entry) for entry in compiled if entry.msgid}
    expected = {
        entry.msgid: _forms(entry)
        for entry in catalogue
        if entry.msgid and not entry.obsolete and entry.translated()
    }
    assert translations == expected
