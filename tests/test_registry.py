"""The registry of ISCMs, States and IGOs, its vocabularies, and the questionnaires it serves."""

from __future__ import annotations

import shutil
from pathlib import Path

import babel
import pycountry
import pytest

from questionnaires import data_path
from surveyapp.i18n import LANGUAGES
from surveyapp.questionnaire import load_questionnaire, validate_paths
from surveyapp.registry import (
    EARLIEST_FOUNDING_YEAR,
    ISCM_KINDS,
    MEMBERSHIP_ROLES,
    STATE_REGIONS,
    Registry,
    RegistryError,
    _city_key,
    _time_zone_cities,
    _zone_city,
    city_name,
    load_registry,
)
from surveyapp.safe_yaml import load_yaml

DESIGN_ISCMS = [
    "khartoum-process",
    "rabat-process",
    "budapest-process",
    "prague-process",
    "almaty-process",
    "bali-process",
    "colombo-process",
    "abu-dhabi-dialogue",
    "puebla-process",
    "sacm",
    "cmc",
    "midsa",
    "midwa",
    "midcom",
    "midcas",
    "igad-rcp",
    "arcp",
    "pidc",
    "igc",
    "mtm",
    "5plus5-dialogue",
    "eap-panel",
    "eu-celac-dialogue",
    "pan-african-forum",
    "gfmd",
]
DESIGN_IGOS = ["iom", "unhcr", "unodc", "ilo", "icmpd", "auc", "ec", "igad", "ecowas", "las"]
#: 193 UN member States and the two observer States
UN_STATES = 195
QUESTIONNAIRES = ["state", "iscm", "igo"]


@pytest.fixture(scope="module")
def registry() -> Registry:
    """The registry shipped with the package."""
    return load_registry()


@pytest.fixture
def registry_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped registry and vocabularies; returns its folder."""
    shutil.copytree(data_path() / "registry", tmp_path / "registry")
    shutil.copytree(data_path() / "vocabularies", tmp_path / "vocabularies")
    return tmp_path


# -- ISCMs and IGOs ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", DESIGN_ISCMS)
def test_every_iscm_of_the_design_is_registered_with_kind_region_and_secretariat(
    registry: Registry, code: str
) -> None:
    entry = registry.entry(code)
    assert entry.kind == "iscm"
    assert entry.iscm_kind in ISCM_KINDS
    assert entry.name["en"] and entry.short_name["en"] and entry.in_sentence["en"]
    assert entry.region and entry.secretariat


@pytest.mark.parametrize("code", DESIGN_ISCMS)
def test_every_iscm_has_a_founding_year_with_a_public_source(registry: Registry, code: str) -> None:
    entry = registry.entry(code)
    assert entry.founding_year is not None
    assert EARLIEST_FOUNDING_YEAR <= entry.founding_year <= 2019
    assert entry.founding_sources
    for source in entry.founding_sources:
        assert source.title.strip()
        assert source.url.startswith(("https://", "http://"))


@pytest.mark.parametrize(
    ("code", "year"),
    [
        ("khartoum-process", 2014),
        ("budapest-process", 1993),
        ("puebla-process", 1996),
        ("5plus5-dialogue", 2002),
        ("almaty-process", 2011),
        ("eap-panel", 2011),
        ("igc", 1985),
        ("gfmd", 2007),
    ],
)
def test_founding_years_are_the_published_ones(registry: Registry, code: str, year: int) -> None:
    assert registry.entry(code).founding_year == year


def test_a_year_other_sources_give_is_explained_in_a_note(registry: Registry) -> None:
    budapest = registry.entry("budapest-process")
    assert "1991" in budapest.founding_note and "Budapest" in budapest.founding_event
    assert "2013" in registry.entry("almaty-process").founding_note
    assert "2001" in registry.entry("eap-panel").founding_note


def test_founding_event_reads_after_adopted_at(registry: Registry) -> None:
    khartoum = registry.entry("khartoum-process")
    assert (
        khartoum.founding_event == "Ministerial Conference of the Khartoum Process in Rome, Italy"
    )
    for entry in registry.iscms:
        assert not entry.founding_event.lower().startswith("the ")
        assert not any(char.isdigit() for char in entry.founding_event), entry.code


def test_khartoum_process_is_named_as_in_the_summary(registry: Registry) -> None:
    entry = registry.entry("khartoum-process")
    assert entry.name["en"] == "EU-Horn of Africa Migration Route Initiative (Khartoum Process)"
    assert entry.short_name["en"] == "Khartoum Process"
    assert entry.in_sentence["en"] == "the Khartoum Process"
    assert entry.acronym == "KP"
    assert "African Union Commission" in (entry.secretariat or "")


@pytest.mark.parametrize("code", DESIGN_IGOS)
def test_every_igo_of_the_design_is_registered_with_an_acronym(
    registry: Registry, code: str
) -> None:
    entry = registry.entry(code)
    assert entry.kind == "igo"
    assert entry.name["en"] and entry.acronym and entry.in_sentence["en"]


def test_igo_in_sentence_carries_its_article(registry: Registry) -> None:
    assert registry.entry("auc").in_sentence_in("en") == "the African Union Commission"
    assert registry.entry("iom").in_sentence_in("en") == "IOM"


def test_unknown_code_is_a_key_error(registry: Registry) -> None:
    assert "XYZ" not in registry
    with pytest.raises(KeyError, match="XYZ"):
        registry.entry("XYZ")


# -- States -----------------------------------------------------------------------------------


def test_states_are_iso_alpha3_codes_with_a_continent(registry: Registry) -> None:
    for state in registry.states:
        assert pycountry.countries.get(alpha_3=state.code) is not None, state.code
        assert state.kind == "state"
        assert state.region in STATE_REGIONS, state.code


def test_states_are_the_un_member_and_observer_states(registry: Registry) -> None:
    codes = {state.code for state in registry.states}
    assert len(codes) == UN_STATES
    assert {"EGY", "ETH", "NLD", "PSE", "VAT", "SSD", "TLS"} <= codes
    assert not {"ABW", "GRL", "HKG", "ATA"} & codes


def test_state_names_are_cldr_names_in_each_language(registry: Registry) -> None:
    niger = registry.entry("NER")
    assert niger.short_name == {"en": "Niger", "fr": "Niger", "es": "Níger", "ar": "النيجر"}
    netherlands = registry.entry("NLD")
    assert netherlands.short_name == {
        "en": "Netherlands",
        "fr": "Pays-Bas",
        "es": "Países Bajos",
        "ar": "هولندا",
    }
    assert registry.entry("EGY").name["ar"] == "مصر"
    assert registry.entry("DZA").short_name["es"] == "Argelia"


def test_a_state_without_a_full_name_of_its_own_is_named_by_its_short_name(
    registry: Registry,
) -> None:
    netherlands = registry.entry("NLD")
    assert netherlands.name == netherlands.short_name
    assert netherlands.in_sentence["fr"] == "Pays-Bas"


def test_states_yaml_names_a_state_as_the_un_do_where_cldr_does_not(registry: Registry) -> None:
    korea = registry.entry("KOR")
    assert korea.short_name == {
        "en": "Republic of Korea",
        "fr": "République de Corée",
        "es": "República de Corea",
        "ar": "جمهورية كوريا",
    }
    assert korea.in_sentence["en"] == "the Republic of Korea"
    assert registry.entry("TUR").short_name["fr"] == "Türkiye"
    assert registry.entry("KNA").short_name["en"] == "Saint Kitts and Nevis"


def test_a_language_states_yaml_leaves_out_takes_cldr_name(registry: Registry) -> None:
    türkiye = registry.entry("TUR")
    assert türkiye.short_name["en"] == "Türkiye"
    assert türkiye.short_name["ar"] == "تركيا"


def test_full_names_are_the_un_names_and_short_names_the_common_ones(registry: Registry) -> None:
    russia = registry.entry("RUS")
    assert russia.short_name["fr"] == "Russie"
    assert russia.name["fr"] == "Fédération de Russie"
    assert russia.name["en"] == "Russian Federation"
    iran = registry.entry("IRN")
    assert iran.short_name["en"] == "Iran"
    assert iran.name["en"] == "Iran (Islamic Republic of)"


def test_no_state_name_is_inverted_in_any_language(registry: Registry) -> None:
    for state in registry.states:
        for names in (state.name, state.short_name, state.in_sentence):
            assert set(names) == {"en", "fr", "es", "ar"}, state.code
            for language, text in names.items():
                assert "," not in text and "،" not in text, (state.code, language, text)


def test_no_short_name_is_cldr_menu_shorthand(registry: Registry) -> None:
    for state in registry.states:
        for language, text in state.short_name.items():
            assert "&" not in text and "St. " not in text, (state.code, language, text)
            assert "(" not in text and "Congo -" not in text, (state.code, language, text)


def test_english_sentence_names_take_their_article(registry: Registry) -> None:
    assert registry.entry("NLD").in_sentence["en"] == "the Netherlands"
    assert registry.entry("GBR").in_sentence["en"] == "the United Kingdom"
    assert registry.entry("EGY").in_sentence["en"] == "Egypt"
    assert registry.entry("COD").in_sentence["en"] == "the Democratic Republic of the Congo"


def test_a_state_name_in_an_unknown_language_is_reported(registry_copy: Path) -> None:
    file = registry_copy / "registry/states.yaml"
    text = file.read_text("utf-8").replace(
        "{code: DZA, region: Africa}", '{code: DZA, region: Africa, short_name: {de: "Algerien"}}'
    )
    file.write_text(text, "utf-8")
    with pytest.raises(RegistryError, match=r"states\.yaml:\d+: entry 1 \(DZA\): .*unknown"):
        load_registry(registry_copy)


def test_a_state_name_that_is_not_text_is_reported(registry_copy: Path) -> None:
    file = registry_copy / "registry/states.yaml"
    text = file.read_text("utf-8").replace(
        "{code: DZA, region: Africa}", "{code: DZA, region: Africa, short_name: {fr: 12}}"
    )
    file.write_text(text, "utf-8")
    with pytest.raises(RegistryError, match=r"entry 1 \(DZA\): 'short_name' must be a text"):
        load_registry(registry_copy)


# -- cities -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "Rome"), ("fr", "Rome"), ("es", "Roma"), ("ar", "روما")]
)
def test_a_city_is_named_in_each_language_from_cldr(language: str, expected: str) -> None:
    assert city_name("Rome", language) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_zones_city_is_the_one_babel_names(language: str) -> None:
    from babel.core import get_global
    from babel.dates import get_timezone_location

    from surveyapp.registry import _locale

    locale = _locale(language)
    # the zones the index of cities reads (Babel itself has no pytz zone for "Etc/Unknown")
    zones = sorted(z for z in get_global("zone_territories") if not z.startswith("Etc/"))
    assert len(zones) > 400
    for zone in zones:
        assert _zone_city(zone, locale) == get_timezone_location(
            zone, locale=locale, return_city=True
        ), zone


def test_a_city_cldr_lacks_is_named_from_cities_yaml() -> None:
    assert city_name("Valletta", "fr") == "La Valette"
    assert city_name("Geneva", "es") == "Ginebra"
    assert city_name("Rabat", "ar") == "الرباط"


def test_a_city_written_in_another_language_is_found() -> None:
    assert city_name("Genève", "en") == "Geneva"
    assert city_name("Roma", "fr") == "Rome"
    assert city_name("stockholm", "es") == "Estocolmo"


def test_an_unknown_city_keeps_its_name() -> None:
    assert city_name("Atlantis", "fr") == "Atlantis"
    assert city_name("", "ar") == ""


def test_a_city_in_a_language_cldr_lacks_keeps_its_name() -> None:
    assert city_name("Roma", "xx") == "Roma"


def test_every_city_of_cities_yaml_is_named_in_the_four_languages() -> None:
    cities = load_yaml((data_path() / "registry/cities.yaml").read_text("utf-8"))["cities"]
    assert cities
    for city in cities:
        assert set(city["name"]) == {"en", "fr", "es", "ar"}, city


def test_every_city_of_cities_yaml_is_one_cldr_lacks_or_names_otherwise() -> None:
    cities = load_yaml((data_path() / "registry/cities.yaml").read_text("utf-8"))["cities"]
    redundant = []
    for city in cities:
        zone = _time_zone_cities().get(_city_key(city["name"]["en"]))
        if zone is None:
            continue
        cldr = {lang: _zone_city(zone, babel.Locale.parse(lang)) for lang in city["name"]}
        if cldr == city["name"]:
            redundant.append(city["name"]["en"])

    assert redundant == []


# -- memberships ------------------------------------------------------------------------------


def test_khartoum_process_membership_is_the_real_one(registry: Registry) -> None:
    rows = [m for m in registry.memberships if m.iscm == "khartoum-process"]
    assert rows and not any(m.illustrative for m in rows)
    members = set(registry.members_of("khartoum-process", role="member"))
    assert {"EGY", "ETH", "NLD", "LBY", "NOR", "CHE", "UGA", "GBR", "auc", "ec"} <= members
    assert registry.members_of("khartoum-process", role="chair") == ["ITA"]
    steering = set(registry.members_of("khartoum-process", role="steering_committee"))
    assert {"NLD", "auc", "ec"} <= steering
    assert "MLT" not in steering


def test_other_iscms_have_an_illustrative_sample_of_states_and_igos(registry: Registry) -> None:
    for code in DESIGN_ISCMS[1:]:
        rows = [m for m in registry.memberships if m.iscm == code]
        assert rows and all(m.illustrative for m in rows), code
        members = registry.members_of(code)
        states = [m for m in members if registry.entry(m).kind == "state"]
        igos = [m for m in members if registry.entry(m).kind == "igo"]
        assert 5 <= len(states) <= 15, code
        assert 1 <= len(igos) <= 3, code


def test_membership_roles_are_known(registry: Registry) -> None:
    assert {m.role for m in registry.memberships} <= set(MEMBERSHIP_ROLES)


def test_membership_note_says_which_lists_are_illustrative(registry: Registry) -> None:
    assert "Khartoum Process" in registry.membership_note
    assert "illustrative" in registry.membership_note.lower()


def test_iscms_of_a_state_follow_its_memberships(registry: Registry) -> None:
    assert "khartoum-process" in registry.iscms_of("ETH")
    assert set(registry.roles_of("ITA", "khartoum-process")) >= {"member", "chair"}


# -- choices ----------------------------------------------------------------------------------


def test_iscm_choices_are_labelled_with_short_names(registry: Registry) -> None:
    choices = registry.choices("registry:iscm")
    assert choices is not None
    labels = {c["code"]: c["label"]["en"] for c in choices}
    assert set(labels) == set(DESIGN_ISCMS)
    assert labels["khartoum-process"] == "Khartoum Process"


def test_state_choices_are_sorted_by_english_name_and_translated(registry: Registry) -> None:
    choices = registry.choices("registry:state")
    assert choices is not None and len(choices) == UN_STATES
    names = [c["label"]["en"] for c in choices]
    assert names[0] == "Afghanistan" and names[-1] == "Zimbabwe"
    assert names.index("Côte d'Ivoire") < names.index("Croatia")
    netherlands = next(c for c in choices if c["code"] == "NLD")
    assert netherlands["label"]["fr"] == "Pays-Bas"


def test_igo_choices_list_every_igo(registry: Registry) -> None:
    choices = registry.choices("registry:igo")
    assert choices is not None
    assert set(DESIGN_IGOS) <= {c["code"] for c in choices}


def test_vocabulary_choices_resolve(registry: Registry) -> None:
    thematic = registry.choices("vocabulary:thematic_areas")
    assert thematic is not None
    assert [c["code"] for c in thematic][:2] == ["trafficking_in_persons", "smuggling_of_migrants"]
    values = [c["code"] for c in registry.vocabulary("membership_value")]
    assert "partnerships" in values and len(values) == 12


@pytest.mark.parametrize(
    "name", ["registry:country", "vocabulary:nonexistent", "thematic_areas", "iscm"]
)
def test_unknown_choice_list_resolves_to_none(registry: Registry, name: str) -> None:
    assert registry.choices(name) is None


def test_choices_are_copies_the_caller_may_change(registry: Registry) -> None:
    choices = registry.choices("vocabulary:thematic_areas")
    assert choices is not None
    choices[0]["label"]["en"] = "changed"
    assert registry.choices("vocabulary:thematic_areas")[0]["label"]["en"] != "changed"


# -- broken files -----------------------------------------------------------------------------


def _replace(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_registry_loads_from_a_copied_folder(registry_copy: Path) -> None:
    assert len(load_registry(registry_copy).iscms) == len(DESIGN_ISCMS)
    assert len(load_registry(registry_copy / "registry").iscms) == len(DESIGN_ISCMS)


def test_a_registry_read_again_is_kept_and_an_edit_is_read_at_once(
    registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The registry is kept by the contents of its files: the same files are not parsed a
    second time, and an edit is read even when it keeps the file's size and date."""
    import os

    import surveyapp.registry as registry_module

    first = load_registry(registry_copy)
    parsed = []
    read_yaml = registry_module._read_yaml
    monkeypatch.setattr(registry_module, "_read_yaml", lambda f: parsed.append(f) or read_yaml(f))
    assert load_registry(registry_copy) is first and parsed == []

    file = registry_copy / "registry/iscms.yaml"
    stat = file.stat()
    _replace(
        file,
        '"EU-Horn of Africa Migration Route Initiative',
        '"EU-Horn of Africa Migration Route Initiativ.',
    )
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert file.stat().st_size == stat.st_size and file.stat().st_mtime_ns == stat.st_mtime_ns
    edited = load_registry(registry_copy)
    assert (
        edited.entry("khartoum-process")
        .name["en"]
        .startswith("EU-Horn of Africa Migration Route Initiativ. ")
    )
    assert parsed and edited.digest != first.digest
    assert (
        first.entry("khartoum-process")
        .name["en"]
        .startswith("EU-Horn of Africa Migration Route Initiative ")
    )


def test_state_with_unknown_region_is_reported_with_file_and_code(registry_copy: Path) -> None:
    _replace(
        registry_copy / "registry/states.yaml",
        "{code: EGY, region: Africa}",
        "{code: EGY, region: Mars}",
    )
    with pytest.raises(RegistryError, match=r"states\.yaml:\d+: entry \d+ \(EGY\): 'region'"):
        load_registry(registry_copy)


def test_state_with_unknown_code_is_reported(registry_copy: Path) -> None:
    _replace(registry_copy / "registry/states.yaml", "{code: EGY,", "{code: XXX,")
    with pytest.raises(RegistryError, match=r"states\.yaml: entry \d+ \(XXX\)"):
        load_registry(registry_copy)


def test_iscm_without_name_is_reported_with_file_and_code(registry_copy: Path) -> None:
    # the GFMD's names by language move under a key the loader does not read
    _replace(
        registry_copy / "registry/iscms.yaml",
        '    name:\n      en: "Global Forum on Migration and Development"\n',
        '    former_name:\n      en: "Global Forum on Migration and Development"\n',
    )
    with pytest.raises(RegistryError, match=r"iscms\.yaml:\d+: entry 25 \(gfmd\): 'name'"):
        load_registry(registry_copy)


def test_founding_year_without_a_source_is_reported_with_file_line_and_key(
    registry_copy: Path,
) -> None:
    file = registry_copy / "registry/iscms.yaml"
    text = file.read_text(encoding="utf-8")
    # the GFMD comes last: its sources run to the end of the file
    file.write_text(text[: text.index("founding_sources:", text.index("code: gfmd"))], "utf-8")
    line = _line_of_text(file, "founding_year: 2007")
    with pytest.raises(
        RegistryError,
        match=rf"iscms\.yaml:{line}: entry 25 \(gfmd\): 'founding_sources' must list",
    ):
        load_registry(registry_copy)


@pytest.mark.parametrize("year", ['"2007"', "1900", "true", "2007.5"])
def test_founding_year_that_is_no_year_is_reported_with_its_line(
    registry_copy: Path, year: str
) -> None:
    file = registry_copy / "registry/iscms.yaml"
    _replace(file, "founding_year: 2007", f"founding_year: {year}")
    line = _line_of_text(file, f"founding_year: {year}")
    with pytest.raises(
        RegistryError, match=rf"iscms\.yaml:{line}: entry 25 \(gfmd\): 'founding_year'"
    ):
        load_registry(registry_copy)


def test_founding_source_without_an_address_is_reported_with_its_line(
    registry_copy: Path,
) -> None:
    file = registry_copy / "registry/iscms.yaml"
    _replace(file, 'url: "http://www.gfmd.org/meetings/belgium2007"', 'url: "gfmd.org"')
    line = _line_of_text(file, 'url: "gfmd.org"')
    with pytest.raises(
        RegistryError,
        match=rf"iscms\.yaml:{line}: entry 25 \(gfmd\): 'founding_sources' item 1: 'url'",
    ):
        load_registry(registry_copy)


def _line_of_text(file: Path, text: str) -> int:
    """The 1-based line of the first line of ``file`` that holds ``text``."""
    lines = file.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def test_membership_of_unknown_iscm_is_reported(registry_copy: Path) -> None:
    _replace(
        registry_copy / "registry/memberships.yaml",
        "{iscm: gfmd, member: MEX,",
        "{iscm: gfmd-typo, member: MEX,",
    )
    with pytest.raises(RegistryError, match=r"memberships\.yaml: membership \d+ .*gfmd-typo"):
        load_registry(registry_copy)


def test_invalid_yaml_is_reported_with_the_file(registry_copy: Path) -> None:
    (registry_copy / "registry/igos.yaml").write_text("igos: [\n  - code: iom\n", "utf-8")
    with pytest.raises(RegistryError, match=r"igos\.yaml: not valid YAML"):
        load_registry(registry_copy)


def test_vocabulary_with_duplicate_code_is_reported(registry_copy: Path) -> None:
    file = registry_copy / "vocabularies/thematic_areas.yaml"
    file.write_text(
        file.read_text("utf-8") + '  - code: health\n    label: {en: "Health again"}\n', "utf-8"
    )
    with pytest.raises(RegistryError, match=r"thematic_areas\.yaml: choice \d+ \(health\)"):
        load_registry(registry_copy)


def test_missing_registry_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="no registry/ folder"):
        load_registry(tmp_path)


# -- the questionnaires against the registry --------------------------------------------------


def test_questionnaires_validate_with_the_registry_as_choice_source(registry: Registry) -> None:
    paths = [data_path() / f"{name}.yaml" for name in QUESTIONNAIRES]
    assert validate_paths(paths, choice_source=registry) == []


@pytest.mark.parametrize("name", QUESTIONNAIRES)
def test_questionnaire_loads_with_version_and_respondent_type(
    registry: Registry, name: str
) -> None:
    questionnaire = load_questionnaire(data_path() / f"{name}.yaml", choice_source=registry)
    assert questionnaire.respondent_type == name
    assert questionnaire.version == "2026.1"


#: (questionnaire, key, type, choices_from) for the keys of docs/questionnaire-content.md
CONTENT_KEYS = [
    ("iscm", "founding_document", "text", None),
    ("iscm", "founding_year", "year", None),
    ("iscm", "founding_date", "date", None),
    ("iscm", "mandate", "long_text", None),
    ("iscm", "original_thematic_areas", "select_multiple", "vocabulary:thematic_areas"),
    ("iscm", "current_thematic_areas", "select_multiple", "vocabulary:thematic_areas"),
    ("iscm", "has_strategy", "select_one", None),
    ("iscm", "work_plan_monitors", "select_multiple", None),
    ("iscm", "national_means", "select_multiple", None),
    ("iscm", "secretariat_managed_by", "select_multiple", "registry:igo"),
    ("iscm", "governing_documents", "repeat", None),
    ("iscm", "states_joined", "select_multiple", "registry:state"),
    ("iscm", "funding_stability", "select_one", None),
    ("iscm", "partner_iscms", "select_multiple", "registry:iscm"),
    ("iscm", "partner_igo_examples", "repeat", None),
    ("iscm", "member_value", "select_multiple", "vocabulary:membership_value"),
    ("iscm", "meetings", "repeat", None),
    ("state", "iscms", "select_multiple", "registry:iscm"),
    ("state", "iscm_views", "per_item", None),
    ("state", "value_rating", "rating", None),
    ("state", "benefits", "long_text", None),
    ("igo", "iscms", "select_multiple", "registry:iscm"),
    ("igo", "iscm_engagement", "per_item", None),
    ("igo", "igo_roles", "select_multiple", "vocabulary:igo_roles"),
]


@pytest.mark.parametrize(("name", "key", "kind", "choices_from"), CONTENT_KEYS)
def test_questionnaire_has_the_documented_key_and_type(
    registry: Registry, name: str, key: str, kind: str, choices_from: str | None
) -> None:
    questionnaire = load_questionnaire(data_path() / f"{name}.yaml", choice_source=registry)
    question = questionnaire.question(key)
    assert question.type == kind
    if choices_from:
        assert question.choices_from == choices_from


def test_per_item_questions_iterate_over_the_chosen_iscms(registry: Registry) -> None:
    for name, key in (("state", "iscm_views"), ("igo", "iscm_engagement")):
        questionnaire = load_questionnaire(data_path() / f"{name}.yaml", choice_source=registry)
        assert questionnaire.question(key).items_from == "iscms"


def test_rating_scale_runs_from_one_to_five(registry: Registry) -> None:
    questionnaire = load_questionnaire(data_path() / "state.yaml", choice_source=registry)
    assert questionnaire.question("value_rating").choice_codes == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Africa"), ("fr", "Afrique"), ("es", "África"), ("ar", "أفريقيا")],
)
def test_a_region_is_named_in_each_language_from_cldr(language, expected):
    from surveyapp.registry import region_name

    assert region_name("Africa", language) == expected
    assert region_name("Somewhere else", language) == "Somewhere else"
