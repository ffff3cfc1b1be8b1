"""The drafted prose says what the answers say, in the register of the 2019 summaries."""

from __future__ import annotations

import dataclasses

import pytest

from reports import DraftSection, IscmDossier, draft_sections, introduction
from reports.narrative import SECTION_KEYS, draft_introduction


def sections_of(dossier: IscmDossier) -> dict[str, DraftSection]:
    return {section.key: section for section in draft_sections(dossier)}


def text_of(dossier: IscmDossier, key: str | None = None) -> str:
    sections = sections_of(dossier)
    chosen = [sections[key]] if key else list(sections.values())
    return "\n\n".join(paragraph for section in chosen for paragraph in section.paragraphs)


def test_sections_are_numbered_with_the_assessment_titles(dossier):
    sections = draft_sections(dossier)

    assert [(s.number, s.key, s.title) for s in sections] == [
        (1, "programming", "Evolution of programming and thematic focus"),
        (
            2,
            "contribution",
            "Contribution to migration governance at national, (inter)regional and global "
            "levels (with examples)",
        ),
        (3, "structures", "Salient ISCM structures"),
        (4, "partnerships", "Partnership models by the ISCM"),
        (
            5,
            "membership_value",
            "Added value of Membership in the given ISCM for States and Organizations "
            "(with examples)",
        ),
    ]


def test_introduction_gives_the_round_year_and_participation_counts(dossier):
    first, second = introduction(dossier)

    assert "a survey was conducted in 2019." in first
    assert second.startswith(
        "46 States and 22 ISCMs and 3 inter-governmental organizations provided answers to the "
        "questionnaires."
    )


@pytest.mark.parametrize(
    ("language", "title"),
    [
        (
            "en",
            "2019 assessment report: Advancing a common understanding of migration governance "
            "among regions, which",
        ),
        (
            "fr",
            "rapport d'évaluation de 2019, «\u00a0Faire progresser une compréhension commune de la "
            "gouvernance des migrations entre les régions\u00a0», qui",
        ),
        (
            "es",
            "informe de evaluación de 2019, «Avanzar hacia un entendimiento común de la "
            "gobernanza de la migración entre regiones», que",
        ),
        ("ar", "تقرير التقييم لعام 2019، «النهوض بفهم مشترك لحوكمة الهجرة بين المناطق»، الذي"),
    ],
)
def test_introduction_names_the_assessment_report_by_its_title(dossier, language, title):
    second = introduction(dataclasses.replace(dossier, language=language))[1]

    assert title in second


def test_introduction_title_keeps_the_round_facts_as_sources(dossier):
    results = draft_introduction(dataclasses.replace(dossier, language="fr"))[1][0]

    assert "Faire progresser une compréhension commune" in results.text
    assert {source.question for source in results.sources} == {
        "year",
        "states_answered",
        "iscms_answered",
        "igos_answered",
    }


def test_introduction_counts_one_respondent_in_the_singular(make_dossier, dossier):
    one_each = dataclasses.replace(
        dossier.round, states_answered=1, iscms_answered=1, igos_answered=1
    )

    second = introduction(make_dossier(round=one_each))[1]

    assert second.startswith("1 State and 1 ISCM and 1 inter-governmental organization provided")


def test_mandate_opens_with_the_founding_document_and_year(dossier):
    assert text_of(dossier, "programming").startswith(
        "As outlined in the Rome Declaration of 2014, the Khartoum Process provides a platform "
        "to advance, implement and operationalize"
    )


def test_areas_added_to_the_originating_mandate_are_said_to_be_addressed(dossier):
    # The current areas include those only some meetings addressed: not called priorities
    assert (
        "While the originating focus on trafficking in persons and smuggling of migrants has "
        "remained a thematic priority of the Khartoum Process, it now also addresses "
        "international protection and asylum, root causes of irregular migration and "
        "displacement and migration data collection and management. Some of its thematic "
        "meetings have addressed a wider set of complementary issues."
    ) in text_of(dossier, "programming")


def test_an_evolution_that_names_the_added_areas_completes_the_sentence_in_its_words(
    make_dossier,
):
    dossier = make_dossier()
    dossier.answers["thematic_evolution"] = (
        "Some of its thematic meetings have addressed a wider set of complementary issues, such "
        "as international protection and asylum, root causes of irregular migration and data "
        "collection."
    )

    text = text_of(dossier, "programming")

    assert (
        "While the originating focus on trafficking in persons and smuggling of migrants has "
        "remained a thematic priority of the Khartoum Process, some of its thematic meetings "
        "have addressed a wider set of complementary issues, such as international protection "
        "and asylum, root causes of irregular migration and data collection."
    ) in text
    assert "priorities now" not in text
    assert text.count("international protection and asylum") == 1


def test_absent_strategy_and_guiding_document_read_as_in_the_seed(dossier):
    text = text_of(dossier, "programming")

    assert "The Khartoum Process does not have a formalized strategy." in text
    assert (
        "The main document guiding the actions and priorities of the Khartoum Process is the "
        "Rome Declaration adopted at the Ministerial Conference in Rome, Italy, on 28 Nov. 2014."
    ) in text


def test_work_plan_and_its_monitoring_are_described(dossier):
    text = text_of(dossier, "programming")

    assert (
        "according to its work plan, which is developed on an annual basis, covering the "
        "timespan of the respective Chairmanships of the Process."
    ) in text
    assert (
        "The monitoring process is led jointly by the Secretariat, the Chair and the Steering "
        "Committee."
    ) in text


def test_a_titled_strategy_is_named(make_dossier):
    dossier = make_dossier()
    dossier.answers.update(has_strategy="yes", strategy_title="Strategy 2020-2024")

    assert "The Khartoum Process has a formalized strategy: Strategy 2020-2024." in text_of(
        dossier, "programming"
    )


def test_mandate_that_repeats_the_iscm_name_is_not_doubled(make_dossier):
    dossier = make_dossier()
    dossier.answers["mandate"] = "The Khartoum Process provides a platform for dialogue."

    assert (
        "As outlined in the Rome Declaration of 2014, the Khartoum Process provides a platform "
        "for dialogue."
    ) in text_of(dossier, "programming")


def test_national_contribution_lists_means_then_outcomes(dossier):
    text = text_of(dossier, "contribution")

    assert text.startswith(
        "National level: The Khartoum Process contributed to migration policy, legislation and "
        "practices in its Member States through thematic meetings, fact-finding missions and "
        "training programmes. Moreover, it built the capacity of Member States and enabled an "
        "exchange of best practices. Furthermore, in 2018,"
    )
    assert "Interregional level: Together with the Rabat Process" in text


def test_unanswered_global_contribution_yields_no_global_level(dossier):
    assert "Global level" not in text_of(dossier, "contribution")


def test_structures_secretariat_and_documents_are_listed(dossier):
    text = text_of(dossier, "structures")

    assert (
        "The structures of the Khartoum Process comprise a Chair, a steering committee and a "
        "political and technical secretariat."
    ) in text
    assert (
        "The secretariat is jointly managed by the African Union Commission and the European "
        "Commission with support from ICMPD."
    ) in text
    assert (
        "Its functions include preparing background documents, organizing meetings and liaising "
        "with national focal points."
    ) in text
    assert "Knowledge management is addressed by providing access to all meetings'" in text
    assert "provides regular updates on its work via e-mail and at meetings." in text


def test_states_that_joined_are_listed_by_name(dossier):
    text = text_of(dossier, "structures")

    assert "Libya, Norway, Switzerland and Uganda joined the process." in text
    assert "The Netherlands replaced Malta in the steering committee." in text


def test_unchanged_membership_is_stated(make_dossier):
    dossier = make_dossier()
    dossier.answers["membership_changed"] = "no"

    assert "The membership of the Khartoum Process has not changed since its establishment." in (
        text_of(dossier, "structures")
    )


def test_funding_given_as_a_clause_completes_the_sentence(make_dossier):
    dossier = make_dossier()
    dossier.answers["funding_description"] = "annual contributions from Member States"

    assert "The Khartoum Process is funded through annual contributions from Member States." in (
        text_of(dossier, "structures")
    )


def test_funding_and_its_stability_are_reported(dossier):
    text = text_of(dossier, "structures")

    assert (
        "The Khartoum Process is funded through annual contributions from Member States "
        "through the African Union Commission and European Commission."
    ) in text
    assert "The funding sources of the Khartoum Process are stable." in text


def test_funding_sources_are_listed_when_not_described(make_dossier):
    dossier = make_dossier()
    del dossier.answers["funding_description"]

    assert (
        "The Khartoum Process is funded through contributions from Member States, a regional "
        "organization and the European Union."
    ) in text_of(dossier, "structures")


def test_partner_iscms_and_igos_are_named(dossier):
    text = text_of(dossier, "partnerships")

    assert (
        "The Khartoum Process works closely with the Rabat Process and the AU-Horn of Africa "
        "Initiative."
    ) in text
    assert (
        "Moreover, the Khartoum Process cooperates with inter-governmental organizations (IGOs) "
        "such as IOM, UNHCR and UNODC, which provide technical advice."
    ) in text
    assert "UNODC, for example, is one of the co-implementers of the BMM Project" in text
    assert (
        "NGOs and CSOs are invited to attend meetings of the process and provide technical inputs."
    ) in text


def test_igo_views_are_counted_and_cited(dossier):
    igo_paragraph = sections_of(dossier)["partnerships"].paragraphs[1]

    assert igo_paragraph.startswith(
        "All three inter-governmental organizations surveyed (IOM, UNHCR, UNODC) referred to "
        "the Khartoum Process in their answers."
    )
    # The ISCM already said that all three provide technical advice
    assert "technical advice" not in igo_paragraph
    assert "UNODC also implements projects." in igo_paragraph
    assert "UNHCR, for example, contributed to the development of the programme" in igo_paragraph


def test_some_of_the_igos_surveyed_are_counted_as_some(make_dossier, dossier):
    more = dataclasses.replace(dossier.round, igos_answered=5)

    igo_paragraph = sections_of(make_dossier(round=more))["partnerships"].paragraphs[1]

    assert igo_paragraph.startswith(
        "Three of the inter-governmental organizations (IOM, UNHCR, UNODC) surveyed referred to "
        "the Khartoum Process in their answers."
    )


def test_the_only_state_surveyed_is_said_to_be_the_only_one(make_dossier, dossier):
    one = dataclasses.replace(dossier.round, states_answered=1)

    text = text_of(make_dossier(round=one, state_views=dossier.state_views[:1]), "membership_value")

    assert (
        "The only Member State surveyed (Egypt) referred to the Khartoum Process in its answers."
    ) in text


def test_an_igo_statement_that_only_repeats_its_role_is_left_out(make_dossier):
    dossier = make_dossier()
    dossier.igo_views[0] = dataclasses.replace(
        dossier.igo_views[0], cooperation="provides technical advice to the Khartoum Process"
    )

    assert "IOM, for example, provides technical advice" not in text_of(dossier, "partnerships")


def test_an_igo_example_the_iscm_gave_with_a_parenthesis_is_not_repeated(make_dossier):
    dossier = make_dossier()
    dossier.answers["partner_igo_examples"][0]["example"] = (
        "is one of the co-implementers of the BMM Project (Better Migration Management), "
        "implemented in the framework of the Khartoum Process"
    )
    dossier.igo_views[2] = dataclasses.replace(
        dossier.igo_views[2],
        cooperation=(
            "is one of the co-implementers of the BMM Project, implemented in the framework of "
            "the Khartoum Process"
        ),
    )

    assert text_of(dossier, "partnerships").count("co-implementers of the BMM Project") == 1


def test_igo_cooperation_not_for_attribution_does_not_name_the_igo(make_dossier):
    dossier = make_dossier()
    dossier.igo_views[1] = dataclasses.replace(dossier.igo_views[1], cooperation_attributable=False)

    igo_paragraph = sections_of(dossier)["partnerships"].paragraphs[1]

    assert "One inter-governmental organization, for example, contributed" in igo_paragraph
    assert "(IOM, UNHCR, UNODC)" not in igo_paragraph
    assert "UNHCR, for example" not in igo_paragraph


def test_igo_example_written_as_a_sentence_is_quoted(make_dossier):
    dossier = make_dossier()
    dossier.igo_views[2] = dataclasses.replace(
        dossier.igo_views[2], examples="We co-implement the BMM Project."
    )

    assert "UNODC reported: “We co-implement the BMM Project.”" in text_of(dossier, "partnerships")


def test_membership_value_of_the_iscm_is_listed(dossier):
    assert (
        "Member States further value their membership in the Khartoum Process for "
        "trust-building, networking, capacity-building"
    ) in text_of(dossier, "membership_value")


def test_referring_states_are_counted_in_words_and_named(dossier):
    assert (
        "Three of the Member States (Egypt, Ethiopia, the Netherlands) surveyed referred to the "
        "Khartoum Process in their answers."
    ) in text_of(dossier, "membership_value")


def test_state_benefits_are_attributed_to_the_state(dossier):
    text = text_of(dossier, "membership_value")

    assert (
        "Ethiopia benefited from its participation in the Khartoum Process, particularly from "
        "the ISCM's effort to harmonize border control"
    ) in text
    # A second State's account does not name the participation in the ISCM again
    assert (
        "The Netherlands also benefited from its participation, particularly from the Khartoum "
        "Process' projects"
    ) in text
    assert "Egypt values the process for developing partnerships" in text


def test_benefits_not_for_attribution_never_name_the_state(make_dossier):
    dossier = make_dossier()
    dossier.state_views[1] = dataclasses.replace(
        dossier.state_views[1], benefits_attributable=False
    )

    text = text_of(dossier, "membership_value")

    assert "Ethiopia" not in text
    assert "One Member State also benefited from its participation, particularly from" in text
    assert "Three of the Member States surveyed referred to the Khartoum Process" in text
    assert "The Netherlands benefited" in text


def test_national_impact_is_cited_at_national_level_with_attribution(make_dossier):
    dossier = make_dossier()
    dossier.state_views[1] = dataclasses.replace(
        dossier.state_views[1], national_impact="Our anti-trafficking law drew on its work."
    )

    assert (
        "Ethiopia reported on the impact at national level: “Our anti-trafficking law drew on "
        "its work.”"
    ) in sections_of(dossier)["contribution"].paragraphs[0]


def test_national_impact_not_for_attribution_never_names_the_state(make_dossier):
    dossier = make_dossier()
    dossier.state_views[1] = dataclasses.replace(
        dossier.state_views[1],
        national_impact="Our anti-trafficking law drew on its work.",
        national_impact_attributable=False,
    )

    text = text_of(dossier)

    assert "One Member State reported on the impact at national level" in text
    assert "Ethiopia" not in text_of(dossier, "contribution")
    assert "(Egypt, Ethiopia, the Netherlands)" not in text


def test_unanswered_questions_never_read_none(make_dossier):
    answers = {key: None for key in make_dossier().answers}
    answers.update(has_strategy="no", national_means=[], partner_igo_examples=[{"igo": None}])
    dossier = make_dossier(answers=answers)
    dossier.state_views[0] = dataclasses.replace(dossier.state_views[0], role=None)

    text = text_of(dossier)

    assert "None" not in text
    assert "The Khartoum Process does not have a formalized strategy." in text


def test_a_section_left_blank_says_no_information_was_provided(make_dossier):
    dossier = make_dossier()
    for key in list(dossier.answers):
        if key.startswith(("structure", "secretariat", "governing", "knowledge", "communication")):
            del dossier.answers[key]
    for key in ("membership_changed", "states_joined", "governance_changes"):
        del dossier.answers[key]
    for key in ("funding_sources", "funding_description", "funding_stability"):
        del dossier.answers[key]

    assert sections_of(dossier)["structures"].paragraphs == [
        "No information was provided on the structures of the Khartoum Process."
    ]


def test_iscm_without_answers_is_said_plainly_once_and_states_still_reported(make_dossier):
    sections = sections_of(make_dossier(answers={}))

    assert sections["programming"].paragraphs == [
        "The Khartoum Process did not answer the questionnaire for ISCMs."
    ]
    assert "did not answer" not in " ".join(
        paragraph for key in SECTION_KEYS[1:] for paragraph in sections[key].paragraphs
    )
    assert "Three of the Member States (Egypt, Ethiopia, the Netherlands)" in "".join(
        sections["membership_value"].paragraphs
    )
    assert "UNHCR, for example, contributed" in "".join(sections["partnerships"].paragraphs)


def test_iscm_without_answers_nor_views_says_there_is_no_information(make_dossier):
    dossier = make_dossier(answers={}, state_views=[], igo_views=[])

    assert sections_of(dossier)["partnerships"].paragraphs == [
        "No information was provided on the partnerships of the Khartoum Process."
    ]


def test_other_without_its_text_is_left_out(make_dossier):
    dossier = make_dossier()
    del dossier.answers["partner_iscms_other"]

    assert "The Khartoum Process works closely with the Rabat Process." in text_of(
        dossier, "partnerships"
    )


def test_other_with_its_text_is_named(make_dossier):
    dossier = make_dossier()
    dossier.answers["national_means"] = ["thematic_meetings", "other"]
    dossier.answers["national_means_other"] = "regional conferences"

    assert "through thematic meetings and regional conferences." in text_of(dossier, "contribution")


def test_an_igo_example_the_iscm_already_gave_is_not_repeated(make_dossier):
    dossier = make_dossier()
    said = dossier.answers["partner_igo_examples"][0]["example"]
    unodc = next(v for v in dossier.igo_views if v.igo.code == "unodc")
    index = dossier.igo_views.index(unodc)
    dossier.igo_views[index] = dataclasses.replace(unodc, cooperation=said, examples=None)

    assert text_of(dossier, "partnerships").count("co-implementers of the BMM Project") == 1


def test_the_roles_of_a_single_partner_igo_agree_with_it(make_dossier):
    dossier = make_dossier()
    dossier.answers["partner_igos"] = ["icmpd"]

    assert (
        "Moreover, the Khartoum Process cooperates with inter-governmental organizations (IGOs) "
        "such as ICMPD, which provides technical advice."
    ) in text_of(dossier, "partnerships")
