"""The Fluent catalogues of the summaries (reports/locales): well formed, complete, the same
variables in every language, and names that agree with the sentences citing them."""

from __future__ import annotations

import ast
import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from fluent.syntax import FluentParser
from fluent.syntax import ast as ftl
from khartoum_translated import translated_khartoum_dossier

from reports import IgoView, OrganisationName, StateView, draft_sections
from reports.cache import library_fingerprint
from reports.phrases import (
    GENDERS,
    GRAMMAR_SUFFIXES,
    LOCALES_FOLDER,
    NAME_KINDS,
    NUMBERS,
    OWN_GRAMMAR,
    CatalogueError,
    NounPhrase,
    Phrases,
    catalogue,
    folded,
    missing_messages,
    name_grammar,
    parse_file,
)

REPORTS_FOLDER = LOCALES_FOLDER.parent
TRANSLATIONS = ["fr", "es", "ar"]
#: fields the code passes beside a message's facts, which English does not show but another
#: language agrees with (through ``$field-gender`` and ``$field-number`` only)
AGREEMENT_ONLY: dict[str, set[str]] = {
    # "Elle apprécie également ...", "كما يُقدّر ..."
    "state_values_also": {"state"},
    "state_values_also_listed": {"state"},
    "state_values_also_unlisted": {"state"},
    "state_values_also_partly_listed": {"state"},
    "state_values_also_again_listed": {"state"},
    "state_values_also_again_unlisted": {"state"},
    "state_values_also_again_partly_listed": {"state"},
    # "En outre, elle a ...", "Leurs priorités actuelles ..."
    "national_outcomes_after_means": {"iscm"},
    "thematic_dropped": {"iscm"},
    # "sur leur site Web", "عزّز قدرات ...": the ISCM's choices agree with the ISCM
    "choices_communication_channels": {"iscm"},
    "choices_national_outcomes": {"iscm"},
    # "يقدّم المشورة التقنية": one IGO's roles agree with it
    "choices_igo_roles_singular": {"igos"},
    # "، الذي يقدّم المشورة التقنية": the relative pronoun agrees with the IGO (or IGOs) named
    "partner_igo_roles": {"igos"},
}
#: calls whose first argument is a message id (``choice`` and ``phrase_list`` take a group)
MESSAGE_CALLS = {"format", "fill", "table", "noun", "counted", "_message", "has", "_written"}
GROUP_CALLS = {"choice", "phrase_list"}
#: choice groups English reads from the questionnaire's labels, with no phrases of its own
ENGLISH_READS_LABELS = {"membership_value"}


def line_of(source: str, entry: ftl.BaseNode) -> int:
    return source.count("\n", 0, entry.span.start) + 1


def base(variable: str) -> str:
    """The field a variable refers to: ``$State-number`` and ``$state`` both to "state"."""
    stem, _, suffix = variable.rpartition("-")
    return (stem if suffix in GRAMMAR_SUFFIXES and stem else variable).casefold()


def message_ids_in_code() -> tuple[set[str], set[str], set[str]]:
    """(message ids, id patterns of f-strings, choice groups) the library's code and templates
    ask for."""
    ids: set[str] = set()
    patterns: set[str] = set()
    groups: set[str] = set()
    for path in REPORTS_FOLDER.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
                first = node.args[0]
                if node.func.attr in GROUP_CALLS and isinstance(first, ast.Constant):
                    groups.add(first.value)
                elif node.func.attr in MESSAGE_CALLS and isinstance(first, ast.Constant):
                    ids.add(first.value)
                elif node.func.attr in MESSAGE_CALLS and isinstance(first, ast.JoinedStr):
                    patterns.add(
                        "".join(
                            re.escape(part.value) if isinstance(part, ast.Constant) else ".*"
                            for part in first.values
                        )
                    )
            # key = "monitors_one" if ... else "monitors_many", then self.fill(key, ...)
            if (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "key" for t in node.targets)
                and isinstance(node.value, ast.IfExp | ast.Constant)
            ):
                for part in ast.walk(node.value):
                    if isinstance(part, ast.Constant) and isinstance(part.value, str):
                        ids.add(part.value)
    for path in (REPORTS_FOLDER / "templates").glob("*.html"):
        text = path.read_text(encoding="utf-8")
        ids.update(re.findall(r"""\bt\[["'](\w+)["']\]""", text))
        ids.update(re.findall(r"""\bt\.format\(["'](\w+)["']""", text))
    return ids, patterns, groups


@pytest.mark.parametrize("path", sorted(LOCALES_FOLDER.glob("*.ftl")), ids=lambda p: p.name)
def test_catalogue_parses_without_junk(path):
    source = path.read_text(encoding="utf-8")
    junk = [
        f"{path.name}:{line_of(source, entry)}: {annotation.message}"
        for entry in FluentParser().parse(source).body
        if isinstance(entry, ftl.Junk)
        for annotation in entry.annotations
    ]

    assert junk == []


def test_a_broken_catalogue_is_refused_naming_its_file_and_line(tmp_path):
    path = tmp_path / "xx.ftl"
    path.write_text("fine = A message.\nbroken = { $unclosed\n", encoding="utf-8")

    with pytest.raises(CatalogueError, match=r"xx\.ftl:2: "):
        parse_file(path)


def test_every_message_the_code_asks_for_is_in_english():
    english = catalogue("en")
    ids, patterns, groups = message_ids_in_code()
    known = {key.partition(".")[0] for key in english.variables} | set(english.variables)

    assert ids, "the scan found no message ids: has the code changed its calls?"
    assert sorted(ids - known - OWN_GRAMMAR) == []
    for pattern in patterns:
        assert any(re.fullmatch(pattern, key) for key in known), pattern
    assert sorted(g for g in groups - ENGLISH_READS_LABELS if f"choices_{g}" not in known) == []


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_no_message_falls_back_to_english(language):
    # What a language lacks is read in English; none of the shipped languages lacks anything
    assert missing_messages(language) == []


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_a_translation_has_no_message_english_does_not_know(language):
    english = set(catalogue("en").variables)
    extra = {
        key
        for key in set(catalogue(language).variables) - english
        if key.partition(".")[0] not in OWN_GRAMMAR
        # a language may phrase a choice where English reads the questionnaire's label
        and not key.startswith("choices_")
        # a noun phrase may carry the gender and number a sentence agrees with
        and key.partition(".")[2] not in ("gender", "number")
    }

    assert sorted(extra) == []


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_translations_take_the_english_variables(language):
    english, own = catalogue("en"), catalogue(language)
    problems = []
    for key in sorted(set(english.variables) & set(own.variables)):
        theirs = {base(v) for v in english.variables[key]}
        ours = {base(v) for v in own.variables[key]}
        allowed = AGREEMENT_ONLY.get(key, AGREEMENT_ONLY.get(key.partition(".")[0], set()))
        agreeing = {
            base(v)
            for v in own.variables[key]
            if v.rpartition("-")[2] in ("gender", "number") and base(v) in allowed
        }
        if theirs - ours:
            problems.append(f"{key}: lacks {sorted(theirs - ours)}")
        if ours - theirs - agreeing:
            problems.append(f"{key}: unknown {sorted(ours - theirs - agreeing)}")

    assert problems == []


def test_a_changed_catalogue_changes_the_library_fingerprint(tmp_path):
    copy = tmp_path / "reports"
    shutil.copytree(REPORTS_FOLDER, copy, ignore=shutil.ignore_patterns("__pycache__", "fonts"))
    before = library_fingerprint(copy)
    catalogue_file = copy / "locales" / "fr.ftl"
    catalogue_file.write_text(catalogue_file.read_text(encoding="utf-8") + "\n# ...\n")

    assert library_fingerprint(copy) != before


# Names: the grammar of every State and organisation


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_name_terms_carry_a_gender_and_a_number(language):
    path = LOCALES_FOLDER / f"names.{language}.ftl"
    problems = []
    for entry in parse_file(path).body:
        if not isinstance(entry, ftl.Term):
            continue
        kind = entry.id.name.partition("-")[0]
        attributes = {a.id.name: a.value.elements[0].value for a in entry.attributes}
        if kind not in NAME_KINDS:
            problems.append(f"{entry.id.name}: kind {kind!r}")
        if attributes.get("gender") not in GENDERS[:2]:
            problems.append(f"{entry.id.name}: gender {attributes.get('gender')!r}")
        if attributes.get("number") not in NUMBERS[:2]:
            problems.append(f"{entry.id.name}: number {attributes.get('number')!r}")

    assert problems == []


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_registry_name_has_its_grammar(language):
    from surveyapp.registry import load_registry

    registry = load_registry()
    phrases = Phrases(language)
    grammar = name_grammar(language)
    problems = []
    for entry in [*registry.states, *registry.igos, *registry.iscms]:
        forms = {entry.in_sentence.get(language), entry.short_name.get(language)}
        if entry.code not in grammar:
            problems.append(f"{entry.code}: no term")
            continue
        for form in filter(None, forms):
            if folded(phrases.split_article(form)[1]) not in grammar[entry.code].forms:
                problems.append(f"{entry.code}: {form!r} is not a form of its term")

    assert problems == []


@pytest.mark.parametrize(
    ("code", "name", "expected"),
    [
        ("NLD", "Pays-Bas", NounPhrase("les Pays-Bas", "masculine", "plural")),
        ("EGY", "Égypte", NounPhrase("l'Égypte", "feminine", "singular")),
        ("NER", "Niger", NounPhrase("le Niger", "masculine", "singular")),
        ("MLT", "Malte", NounPhrase("Malte", "feminine", "singular")),
        ("EGY", "l’Égypte", NounPhrase("l’Égypte", "feminine", "singular")),
        ("iom", "OIM", NounPhrase("l'OIM", "feminine", "singular")),
        ("auc", "CUA", NounPhrase("la CUA", "feminine", "singular")),
        ("igc", "les IGC", NounPhrase("les IGC", "feminine", "plural")),
    ],
)
def test_a_french_name_takes_its_article_gender_and_number(code, name, expected):
    assert Phrases("fr").name(code, name) == expected


@pytest.mark.parametrize(
    ("code", "name", "of", "to"),
    [
        ("NER", "Niger", "du Niger", "au Niger"),
        ("NLD", "Pays-Bas", "des Pays-Bas", "aux Pays-Bas"),
        ("SDN", "Soudan", "du Soudan", "au Soudan"),
        ("EGY", "Égypte", "de l'Égypte", "à l'Égypte"),
        ("MLT", "Malte", "de Malte", "à Malte"),
    ],
)
def test_french_de_and_a_contract_with_the_article_of_a_state(code, name, of, to):
    phrases = Phrases("fr")
    state = phrases.name(code, name)

    assert phrases.format("secretariat_supported", supporters=state) == (
        f"Le secrétariat bénéficie de l'appui {of}."
    )
    assert phrases.format("no_state_referred", iscm=state) == (
        f"Aucun État membre interrogé n'a fait référence {to} dans ses réponses."
    )


def test_spanish_de_and_a_contract_with_el():
    phrases = Phrases("es")
    sudan = phrases.name("SDN", "Sudán")

    assert phrases.format("secretariat_supported", supporters=sudan) == (
        "La secretaría cuenta con el apoyo del Sudán."
    )
    assert phrases.format("no_state_referred", iscm=sudan) == (
        "Ningún Estado miembro encuestado se refirió al Sudán en sus respuestas."
    )


def test_arabic_li_joins_the_article_of_a_masculine_iscm():
    phrases = Phrases("ar")
    conference = phrases.name("sacm", "المؤتمر المعني بالهجرة لأمريكا الجنوبية")

    assert phrases.format("thematic_original", iscm=conference, original="الاتجار بالأشخاص") == (
        "شملت الولاية الأصلية للمؤتمر المعني بالهجرة لأمريكا الجنوبية الاتجار بالأشخاص."
    )
    assert phrases.format("strategy_no", iscm=conference, Iscm=conference) == (
        "لا يملك المؤتمر المعني بالهجرة لأمريكا الجنوبية استراتيجية رسمية."
    )


# Sentences that agree with the States and organisations they cite


def reported_by_states(language: str, names: dict[str, str]) -> str:
    """The membership section of a summary in which each State of ``names`` (code -> name as
    the registry gives it, without article) reported a benefit in English."""
    views = [
        StateView(
            state=OrganisationName(code, name, name, name),
            benefits=f"benefits reported by {code}",
            language="en",
        )
        for code, name in names.items()
    ]
    dossier = translated_khartoum_dossier(language, state_views=views)
    section = next(s for s in draft_sections(dossier) if s.key == "membership_value")
    return " ".join(section.paragraphs)


def test_french_states_agree_with_their_verbs():
    text = reported_by_states(
        "fr", {"NLD": "Pays-Bas", "EGY": "Égypte", "NER": "Niger", "SDN": "Soudan"}
    )

    assert "Les Pays-Bas ont indiqué\u00a0: «\u00a0benefits reported by NLD.\u00a0»" in text
    assert "L'Égypte a indiqué\u00a0: «\u00a0benefits reported by EGY.\u00a0»" in text
    assert "Le Niger a indiqué\u00a0: «\u00a0benefits reported by NER.\u00a0»" in text
    assert "Le Soudan a indiqué\u00a0: «\u00a0benefits reported by SDN.\u00a0»" in text
    assert "(l'Égypte, le Niger, les Pays-Bas, le Soudan)" in text


def test_spanish_states_agree_with_their_verbs():
    text = reported_by_states("es", {"NLD": "Países Bajos", "EGY": "Egipto"})

    assert "Los Países Bajos indicaron: «benefits reported by NLD.»" in text
    assert "Egipto indicó: «benefits reported by EGY.»" in text


def test_a_french_pronoun_agrees_with_the_state_it_stands_for():
    dossier = translated_khartoum_dossier("fr")
    # Without a list of the ISCM's to set them beside, each State's values follow its benefits
    del dossier.answers["member_value"]
    views = [
        dataclasses.replace(view, state=OrganisationName(code, name, name, name))
        for view, (code, name) in zip(
            dossier.state_views,
            [("EGY", "Égypte"), ("ETH", "Éthiopie"), ("NLD", "Pays-Bas")],
            strict=True,
        )
    ]
    text = " ".join(draft_sections(dataclasses.replace(dossier, state_views=views))[4].paragraphs)

    assert "» Elle apprécie également le processus pour" in text
    assert "» Ils apprécient également le processus pour" in text


def test_an_arabic_verb_agrees_with_a_masculine_organisation():
    unodc = "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"
    dossier = translated_khartoum_dossier(
        "ar",
        igo_views=[
            IgoView(
                igo=OrganisationName("unodc", unodc, unodc, unodc),
                cooperation="trains border officials in the region.",
                language="en",
            )
        ],
    )
    text = " ".join(draft_sections(dossier)[3].paragraphs)

    assert f"أفاد {unodc}: «trains border officials in the region.»" in text


def test_an_unknown_state_reads_in_the_neutral_form():
    text = reported_by_states("fr", {"ZZZ": "Atlantide", "NLD": "Pays-Bas"})

    assert "Atlantide a indiqué\u00a0: «\u00a0benefits reported by ZZZ.\u00a0»" in text
    assert "Les Pays-Bas ont indiqué" in text


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_an_unknown_organisation_gets_no_grammar(language):
    phrases = Phrases(language)
    unknown = phrases.name("not-in-the-registry", "Organisation X")

    assert unknown == NounPhrase("Organisation X")
    assert phrases.format("reported", Subject=unknown, quote="«…»").startswith(
        {"fr": "Organisation X a indiqué", "es": "Organisation X indicó", "ar": "أفادت"}[language]
    )


def test_a_name_written_otherwise_than_its_term_gets_no_article():
    # "Royaume des Pays-Bas" is not the form names.fr.ftl knows: no article, no plural
    assert Phrases("fr").name("NLD", "Royaume des Pays-Bas") == NounPhrase("Royaume des Pays-Bas")


def test_catalogues_are_parsed_once():
    assert catalogue("fr") is catalogue("fr")
    assert name_grammar("fr") is name_grammar("fr")


def test_no_isolation_marks_reach_the_text():
    phrases = Phrases("ar")
    text = phrases.format("reported", Subject=phrases.name("EGY", "مصر"), quote="«English»")

    assert not set(text) & {"\u2068", "\u2069", "\u2066", "\u2067"}


def test_locales_folder_is_package_data():
    pyproject = (REPORTS_FOLDER.parent / "pyproject.toml").read_text(encoding="utf-8")

    assert '"locales/*.ftl"' in pyproject
    assert Path(LOCALES_FOLDER / "en.ftl").is_file()
