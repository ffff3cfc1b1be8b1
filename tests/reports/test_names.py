"""The names of States in the summaries: the registry's (CLDR's, or the UN's where states.yaml
says so), written with their article, gender and number by reports/locales/names.<language>.ftl.

A term whose value is written otherwise than the registry's name is silently ignored (the
sentence takes its neutral wording), so these tests keep the two from drifting apart.
"""

from __future__ import annotations

import babel
import pycountry
import pytest
from fluent.syntax import ast as ftl

from questionnaires import data_path
from reports.phrases import LOCALES_FOLDER, NounPhrase, Phrases, _text, folded, parse_file
from surveyapp.registry import Registry, load_registry
from surveyapp.safe_yaml import load_yaml

TRANSLATIONS = ("fr", "es", "ar")
#: the States whose Arabic name is the UN's formal name (states.yaml) rather than CLDR's
ARABIC_UN_NAMES = frozenset(
    {
        "CPV",
        "COG",
        "COD",
        "CIV",
        "BRN",
        "PRK",
        "KOR",
        "LAO",
        "MMR",
        "PSE",
        "SYR",
        "VNM",
        "VAT",
        "MDA",
    }
)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def state_terms(language: str) -> dict[str, str]:
    """The value of each ``-state-XXX`` term of ``names.<language>.ftl``, by code."""
    return {
        entry.id.name.removeprefix("state-"): _text(entry.value)
        for entry in parse_file(LOCALES_FOLDER / f"names.{language}.ftl").body
        if isinstance(entry, ftl.Term) and entry.id.name.startswith("state-")
    }


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_state_term_is_a_registry_state(registry: Registry, language: str) -> None:
    assert set(state_terms(language)) == {state.code for state in registry.states}


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_each_state_term_writes_the_registry_name_with_its_article(
    registry: Registry, language: str
) -> None:
    phrases = Phrases(language)
    terms = state_terms(language)
    drifted = []
    for state in registry.states:
        term = terms.get(state.code, "")
        name = state.in_sentence_in(language)
        bare_term = folded(phrases.split_article(term)[1])
        if bare_term != folded(phrases.split_article(name)[1]):
            drifted.append(f"{state.code}: term {term!r}, registry {name!r}")

    assert drifted == []


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_state_name_of_the_registry_gets_its_grammar(
    registry: Registry, language: str
) -> None:
    phrases = Phrases(language)
    neutral = [
        state.code
        for state in registry.states
        if phrases.name(state.code, state.in_sentence_in(language)).gender == "other"
    ]

    assert neutral == []


@pytest.mark.parametrize(
    ("language", "code", "expected"),
    [
        ("fr", "NLD", NounPhrase("les Pays-Bas", "masculine", "plural")),
        ("fr", "KOR", NounPhrase("la République de Corée", "feminine", "singular")),
        ("fr", "RUS", NounPhrase("la Russie", "feminine", "singular")),
        ("fr", "PSE", NounPhrase("l'État de Palestine", "masculine", "singular")),
        ("fr", "MMR", NounPhrase("le Myanmar", "masculine", "singular")),
        ("es", "NLD", NounPhrase("los Países Bajos", "masculine", "plural")),
        ("es", "NER", NounPhrase("el Níger", "masculine", "singular")),
        ("es", "DZA", NounPhrase("Argelia", "feminine", "singular")),
        ("es", "COD", NounPhrase("la República Democrática del Congo", "feminine", "singular")),
        ("ar", "NLD", NounPhrase("هولندا", "feminine", "singular")),
        ("ar", "SDN", NounPhrase("السودان", "masculine", "singular")),
        ("ar", "RUS", NounPhrase("روسيا", "feminine", "singular")),
    ],
)
def test_a_registry_state_reads_in_a_sentence_with_article_gender_and_number(
    registry: Registry, language: str, code: str, expected: NounPhrase
) -> None:
    name = registry.entry(code).in_sentence_in(language)
    assert Phrases(language).name(code, name) == expected


def test_arabic_state_names_are_cldr_names_unless_states_yaml_gives_the_un_name(
    registry: Registry,
) -> None:
    entries = load_yaml((data_path() / "registry/states.yaml").read_text("utf-8"))["states"]
    own = {
        entry["code"]
        for entry in entries
        if isinstance(entry.get("short_name"), dict) and "ar" in entry["short_name"]
    }
    cldr = babel.Locale("ar").territories
    not_cldr = [
        state.code
        for state in registry.states
        if state.code not in own
        and state.short_name["ar"] != cldr[pycountry.countries.get(alpha_3=state.code).alpha_2]
    ]

    assert not_cldr == []
    assert own == ARABIC_UN_NAMES
