"""Every drafted sentence names the answers it is built from, says nothing twice, and goes when
its answer goes."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator

import pytest
from compendium_fixture import budapest_dossier, midsa_dossier, rabat_dossier
from khartoum import khartoum_dossier
from khartoum_translated import translated_khartoum_dossier

from reports import IscmDossier, draft_sections
from reports.narrative import DraftSentence, SentenceSource, draft_introduction

LANGUAGES = ("en", "fr", "es", "ar")


def khartoum_in(language: str) -> IscmDossier:
    if language == "en":
        return khartoum_dossier()
    return translated_khartoum_dossier(language)


def in_language(make: Callable[[], IscmDossier]) -> Callable[[str], IscmDossier]:
    """A crafted English dossier drafted in ``language`` (its labels stay English)."""
    return lambda language: dataclasses.replace(make(), language=language)


def unattributed(language: str) -> IscmDossier:
    """The Khartoum Process with a State's and an IGO's answers not for attribution."""
    dossier = khartoum_in(language)
    dossier.state_views[1] = dataclasses.replace(
        dossier.state_views[1], benefits_attributable=False, national_impact="A new law."
    )
    dossier.igo_views[1] = dataclasses.replace(dossier.igo_views[1], cooperation_attributable=False)
    return dossier


#: the Khartoum Process from the seeds and the compendium's crafted dossiers
DOSSIERS: dict[str, Callable[[str], IscmDossier]] = {
    "khartoum": khartoum_in,
    "khartoum-unattributed": unattributed,
    "rabat": in_language(rabat_dossier),
    "budapest": in_language(budapest_dossier),
    "midsa": in_language(midsa_dossier),
}
CASES = [(name, language) for name in DOSSIERS for language in LANGUAGES]


def drafted(dossier: IscmDossier) -> Iterator[tuple[str, DraftSentence]]:
    """(section key, sentence) of every drafted sentence, the introduction's first."""
    for paragraph in draft_introduction(dossier):
        for said in paragraph:
            yield "introduction", said
    for section in draft_sections(dossier):
        for paragraph in section.sentences:
            for said in paragraph:
                yield section.key, said


def normalised(text: str) -> list[str]:
    """The words of ``text``, in lower case, what it says between parentheses left out."""
    return re.findall(r"\w+", re.sub(r"\([^()]*\)", "", text).casefold())


def says_again(shorter: list[str], longer: list[str]) -> bool:
    """Whether ``longer`` is ``shorter`` with a few words added ("UNODC, for example, is one of
    ..." says again "UNODC is one of ...")."""
    words = iter(longer)
    return len(longer) - len(shorter) <= 3 and all(word in words for word in shorter)


@pytest.mark.parametrize(("name", "language"), CASES)
def test_every_drafted_sentence_names_its_sources(name, language):
    dossier = DOSSIERS[name](language)

    unsourced = [(key, said.text) for key, said in drafted(dossier) if not said.sources]

    assert unsourced == []


def states_something(said: DraftSentence) -> bool:
    """Whether ``said`` says an answer, rather than that a section has none ("No information
    on this topic was provided.", which each such section says)."""
    return any(source.answered for source in said.sources)


@pytest.mark.parametrize(("name", "language"), CASES)
def test_no_drafted_sentence_is_said_twice(name, language):
    sentences = [
        normalised(said.text)
        for _, said in drafted(DOSSIERS[name](language))
        if states_something(said)
    ]

    repeated = [
        " ".join(first)
        for index, first in enumerate(sentences)
        for second in sentences[index + 1 :]
        if first == second
        or (min(len(first), len(second)) >= 8 and says_again(*sorted((first, second), key=len)))
    ]

    assert repeated == []


def test_paragraphs_are_their_sentences(dossier):
    for section in draft_sections(dossier):
        assert section.paragraphs == [
            " ".join(said.text for said in paragraph) for paragraph in section.sentences
        ]


def test_a_states_sentence_names_the_state_the_question_and_the_iscm(dossier):
    egypt = next(
        said
        for key, said in drafted(dossier)
        if key == "membership_value" and "Egypt values" in said.text
    )

    assert SentenceSource(
        "EGY", "Egypt", "state", "iscm_views.value_areas", "khartoum-process"
    ) in (egypt.sources)
    # compared with the ISCM's own coded values, which are a source too
    assert SentenceSource("khartoum-process", "Khartoum Process", "iscm", "member_value") in (
        egypt.sources
    )


def test_the_iscms_sentences_name_its_questions(dossier):
    sources = {
        said.text.split(",")[0]: {source.question for source in said.sources}
        for _, said in drafted(dossier)
    }

    assert sources["The Khartoum Process does not have a formalized strategy."] == {"has_strategy"}
    assert sources["As outlined in the Rome Declaration of 2014"] == {
        "founding_document",
        "founding_year",
        "mandate",
    }


def test_a_sentence_saying_nothing_was_answered_names_what_was_not(make_dossier):
    dossier = make_dossier()
    for key in ("interregional_contribution", "national_means", "national_examples"):
        del dossier.answers[key]
    dossier.state_views = []

    (said,) = [said for key, said in drafted(dossier) if key == "contribution"]

    assert said.text == (
        "No information was provided on the contribution of the Khartoum Process to migration "
        "governance."
    )
    assert {source.question for source in said.sources} >= {"national_means", "global_contribution"}
    assert not any(source.answered for source in said.sources)


# Removing an answer removes the sentences it made


def without(dossier: IscmDossier, source: SentenceSource) -> IscmDossier:
    """``dossier`` as if the answer ``source`` names had not been given."""
    if source.respondent_type == "iscm":
        answers = dict(dossier.answers)
        parent, _, child = source.question.partition(".")
        if child or source.item is not None:
            answers[parent] = [
                row
                for number, row in enumerate(answers[parent], start=1)
                if source.item not in (row.get("igo"), str(number))
            ]
        else:
            del answers[source.question]
        return dataclasses.replace(dossier, answers=answers)
    field = source.question.rpartition(".")[2]
    cleared = {
        "value_areas": {"value_areas": (), "value_area_codes": ()},
        "igo_roles": {"roles": (), "role_codes": ()},
    }.get(field, {field: None})
    if source.respondent_type == "state":
        views = [
            dataclasses.replace(view, **cleared) if view.state.code == source.organisation else view
            for view in dossier.state_views
            if field != "iscms" or view.state.code != source.organisation
        ]
        return dataclasses.replace(dossier, state_views=views)
    views = [
        dataclasses.replace(view, **cleared) if view.igo.code == source.organisation else view
        for view in dossier.igo_views
        if field != "iscms" or view.igo.code != source.organisation
    ]
    return dataclasses.replace(dossier, igo_views=views)


def answers_drafted_from(dossier: IscmDossier) -> list[SentenceSource]:
    """Every answer some drafted sentence says (the round's own facts aside)."""
    return list(
        dict.fromkeys(
            source
            for _, said in drafted(dossier)
            for source in said.sources
            if source.answered and source.respondent_type != "round"
        )
    )


@pytest.mark.parametrize(
    "source",
    answers_drafted_from(khartoum_dossier()),
    ids=lambda source: f"{source.organisation}-{source.question}-{source.item or ''}",
)
def test_removing_an_answer_removes_the_sentences_built_from_it(source):
    dossier = khartoum_dossier()
    built_from_it = [said for _, said in drafted(dossier) if source in said.sources]

    remaining = {said.text: said.sources for _, said in drafted(without(dossier, source))}

    assert built_from_it
    # A sentence stays only when another answer says the same, and it then names that one
    # (the founding year is also the year of the founding date)
    assert [
        said.text
        for said in built_from_it
        if said.text in remaining and set(remaining[said.text]) <= set(said.sources) - {source}
    ] == []


def test_removing_a_states_values_removes_what_it_values(make_dossier):
    dossier = make_dossier()
    dossier.state_views[0] = dataclasses.replace(
        dossier.state_views[0], value_areas=(), value_area_codes=()
    )

    text = " ".join(said.text for _, said in drafted(dossier))

    assert "Egypt values" not in text
    assert "Egypt" in text  # still among the States that referred to the Khartoum Process
