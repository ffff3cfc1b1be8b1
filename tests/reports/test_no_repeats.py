"""No sentence twice: States that said the same thing are named together, a list already written
out in a section is referred back to, and the demo's States do not all say the same thing."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

import pytest
from khartoum import khartoum_dossier
from khartoum_translated import translated_khartoum_dossier

from reports import DraftSection, IscmDossier, draft_sections
from reports.narrative import SECTION_KEYS
from surveyapp.demo import illustrative_responses
from surveyapp.registry import load_registry

SHARED_BENEFITS = "the exchanges with neighbouring States at its meetings"
SHARED_IMPACT = "A national referral mechanism was set up after one of its workshops."


def sections_of(dossier: IscmDossier) -> dict[str, DraftSection]:
    return {section.key: section for section in draft_sections(dossier)}


def section_text(dossier: IscmDossier, key: str) -> str:
    return " ".join(sections_of(dossier)[key].paragraphs)


def with_states_saying(dossier: IscmDossier, **answers: object) -> IscmDossier:
    """``dossier`` with Ethiopia and the Netherlands giving the same ``answers``."""
    views = [
        dataclasses.replace(view, **answers) if view.state.code in ("ETH", "NLD") else view
        for view in dossier.state_views
    ]
    return dataclasses.replace(dossier, state_views=views)


def sentences_saying(dossier: IscmDossier, text: str):
    return [
        said
        for section in draft_sections(dossier)
        for paragraph in section.sentences
        for said in paragraph
        if text in said.text
    ]


# States that gave the same answer


def test_states_that_gave_the_same_benefits_are_named_together_once():
    text = section_text(
        with_states_saying(khartoum_dossier(), benefits=SHARED_BENEFITS), "membership_value"
    )

    assert (
        "Ethiopia and the Netherlands both benefited from their participation in the Khartoum "
        f"Process, particularly from {SHARED_BENEFITS}."
    ) in text
    assert text.count(SHARED_BENEFITS) == 1


def test_the_shared_benefits_sentence_carries_the_answer_of_each_state_it_names():
    dossier = with_states_saying(khartoum_dossier(), benefits=SHARED_BENEFITS)

    (said,) = sentences_saying(dossier, SHARED_BENEFITS)

    assert {(s.organisation, s.question, s.item) for s in said.sources} == {
        ("ETH", "iscm_views.benefits", "khartoum-process"),
        ("NLD", "iscm_views.benefits", "khartoum-process"),
    }


def test_states_named_together_still_have_their_values_said():
    text = section_text(
        with_states_saying(khartoum_dossier(), benefits=SHARED_BENEFITS), "membership_value"
    )

    assert "Ethiopia and the Netherlands value the process for capacity-building" in text


def test_benefits_the_same_but_for_case_and_spacing_are_the_same_answer():
    dossier = khartoum_dossier()
    views = [
        dataclasses.replace(view, benefits=SHARED_BENEFITS)
        if view.state.code == "ETH"
        else dataclasses.replace(
            view, benefits="  The exchanges with neighbouring States at its meetings "
        )
        if view.state.code == "NLD"
        else view
        for view in dossier.state_views
    ]

    text = section_text(dataclasses.replace(dossier, state_views=views), "membership_value")

    assert "Ethiopia and the Netherlands both benefited" in text


def test_states_with_different_benefits_keep_a_sentence_each():
    text = section_text(khartoum_dossier(), "membership_value")

    assert "Ethiopia benefited from its participation in the Khartoum Process" in text
    assert "The Netherlands also benefited from its participation" in text


@pytest.mark.parametrize(
    ("language", "benefits", "expected"),
    [
        (
            "fr",
            "les échanges avec les États voisins lors de ses réunions",
            "L'Éthiopie et les Pays-Bas ont tous deux tiré profit de leur participation au "
            "Processus de Khartoum, en particulier des échanges avec les États voisins",
        ),
        (
            "es",
            "los intercambios con los Estados vecinos en sus reuniones",
            "Etiopía y los Países Bajos se beneficiaron ambos de su participación",
        ),
        (
            "ar",
            "تبادل الخبرات مع الدول المجاورة في اجتماعاتها",
            # Arabic quotes a State's benefits whole: the States are named together once
            "أفادت إثيوبيا وهولندا: «تبادل الخبرات",
        ),
    ],
)
def test_states_named_together_agree_in_the_plural(language, benefits, expected):
    dossier = with_states_saying(
        translated_khartoum_dossier(language), benefits=benefits, language=language
    )

    assert expected in section_text(dossier, "membership_value")


def test_states_that_reported_the_same_impact_are_named_together_and_quoted_once():
    dossier = with_states_saying(khartoum_dossier(), national_impact=SHARED_IMPACT)

    (said,) = sentences_saying(dossier, "impact at national level")

    assert said.text.startswith(
        "Ethiopia and the Netherlands reported on the impact at national level:"
    )
    assert said.text.count("referral mechanism") == 1
    assert {s.organisation for s in said.sources} == {"ETH", "NLD"}


def test_states_reporting_the_same_impact_are_counted_when_one_is_not_to_be_named():
    dossier = with_states_saying(khartoum_dossier(), national_impact=SHARED_IMPACT)
    dossier.state_views[1] = dataclasses.replace(
        dossier.state_views[1], national_impact_attributable=False
    )

    (said,) = sentences_saying(dossier, "impact at national level")

    assert said.text.startswith("Two Member States reported on the impact at national level:")


# A list already written out


def mandate_listing_its_areas(dossier: IscmDossier) -> IscmDossier:
    dossier.answers["mandate"] = (
        "provides a platform for dialogue among its participating States on trafficking in "
        "persons and smuggling of migrants"
    )
    return dossier


def test_areas_the_mandate_lists_are_referred_back_to_not_listed_again():
    text = section_text(mandate_listing_its_areas(khartoum_dossier()), "programming")

    assert (
        "While these areas have remained thematic priorities of the Khartoum Process, it now "
        "also addresses international protection and asylum"
    ) in text
    assert text.count("trafficking in persons and smuggling of migrants") == 1


def test_areas_the_mandate_does_not_list_are_written_out():
    text = section_text(khartoum_dossier(), "programming")

    assert (
        "While the originating focus on trafficking in persons and smuggling of migrants has "
        "remained a thematic priority of the Khartoum Process"
    ) in text


def test_areas_unchanged_since_the_mandate_listed_them_are_not_listed_again():
    dossier = mandate_listing_its_areas(khartoum_dossier())
    dossier.answers["current_thematic_areas"] = ["trafficking_in_persons", "smuggling_of_migrants"]
    del dossier.answers["thematic_evolution"]

    text = section_text(dossier, "programming")

    assert (
        "The thematic focus of the Khartoum Process has remained that of its originating mandate."
    ) in text
    assert text.count("trafficking in persons and smuggling of migrants") == 1


def test_the_referring_back_sentence_keeps_the_sources_of_both_thematic_answers():
    dossier = mandate_listing_its_areas(khartoum_dossier())

    (said,) = sentences_saying(dossier, "While these areas")

    assert {s.question for s in said.sources} == {
        "original_thematic_areas",
        "current_thematic_areas",
    }


def states_values(dossier: IscmDossier) -> str:
    """The States' part of the membership section."""
    return sections_of(dossier)["membership_value"].paragraphs[1]


def test_each_value_the_states_chose_is_said_once_with_the_states_that_chose_it():
    text = states_values(khartoum_dossier())

    assert (
        "Of the benefits of membership that the Khartoum Process lists, Ethiopia and the "
        "Netherlands value the process for capacity-building."
    ) in text
    assert text.count("capacity-building") == 1


def test_values_off_the_iscms_list_just_after_those_on_it_refer_back_to_it():
    text = states_values(khartoum_dossier())

    assert (
        "Beyond that list, Egypt values the process for developing partnerships, Ethiopia for "
        "exchange of good practices and the Netherlands for access to projects and funding."
    ) in text
    assert text.count("benefits of membership that the Khartoum Process lists") == 1


def test_values_off_the_list_alone_name_the_list():
    dossier = khartoum_dossier()
    dossier.answers["member_value"] = ["networking"]

    text = states_values(dossier)

    assert (
        "Beyond the benefits of membership that the Khartoum Process lists, Ethiopia and the "
        "Netherlands value the process for capacity-building, Egypt for developing partnerships"
    ) in text
    assert "that list" not in text


def test_the_values_sentence_carries_the_answers_of_the_states_it_names_and_the_iscms_list():
    (said,) = sentences_saying(khartoum_dossier(), "Of the benefits of membership")

    assert {(s.organisation, s.question) for s in said.sources} == {
        ("ETH", "iscm_views.value_areas"),
        ("NLD", "iscm_views.value_areas"),
        ("khartoum-process", "member_value"),
    }


def test_states_not_to_be_named_have_the_iscms_list_described_in_full_once():
    dossier = khartoum_dossier()
    for index in (1, 2):
        dossier.state_views[index] = dataclasses.replace(
            dossier.state_views[index], benefits_attributable=False
        )

    text = states_values(dossier)

    assert text.count("lists among the benefits of membership") == 1
    assert (
        "It also values the process for capacity-building, on that list too, and for access to "
        "projects and funding, which is not."
    ) in text


def test_each_section_with_nothing_answered_says_so_in_its_own_words():
    dossier = khartoum_dossier(answers={}, state_views=[], igo_views=[])

    empty = [
        paragraph
        for key, section in sections_of(dossier).items()
        if key != SECTION_KEYS[0]
        for paragraph in section.paragraphs
    ]

    assert len(empty) == len(SECTION_KEYS) - 1
    assert len(set(empty)) == len(empty)
    assert "No information was provided on the structures of the Khartoum Process." in empty


# The demo


def test_no_two_demo_states_give_one_iscm_the_same_illustrative_answer():
    said = Counter()
    for response in illustrative_responses(load_registry()):
        if response.respondent_type != "state":
            continue
        for iscm, view in response.answers["iscm_views"].items():
            for key in ("benefits", "national_impact"):
                if key in view:
                    said[iscm, key, view[key]] += 1

    assert [answer for answer, count in said.items() if count > 1] == []


def test_the_demo_states_varied_answers_are_still_labelled_illustrative():
    answers = [
        view[key]
        for response in illustrative_responses(load_registry())
        if response.respondent_type == "state"
        for view in response.answers["iscm_views"].values()
        for key in ("benefits", "national_impact")
        if key in view
    ]

    assert all(re.match(r"\[Illustrative\] ", answer) for answer in answers)
    assert len(set(answers)) > 10


def test_a_long_value_the_iscms_list_has_named_takes_its_short_form_beside_the_states():
    dossier = khartoum_dossier()
    dossier.state_views[0] = dataclasses.replace(
        dossier.state_views[0],
        value_area_codes=("global_initiatives",),
        value_areas=(
            "Being updated on global initiatives on migration, such as the Global Compact for "
            "Migration",
        ),
    )

    text = states_values(dossier)

    assert (
        "Of the benefits of membership that the Khartoum Process lists, Ethiopia and the "
        "Netherlands value the process for capacity-building and Egypt for being updated on "
        "global initiatives."
    ) in text
    assert "Global Compact" not in text


def test_the_demo_iscms_name_different_guiding_documents():
    guiding = {
        response.answers["guiding_document"].split(" of ")[0]
        for response in illustrative_responses(load_registry())
        if response.respondent_type == "iscm"
    }

    assert len(guiding) > 1
    assert all(document.startswith("[Illustrative] ") for document in guiding)
