"""Golden text: every fact of the seed's Khartoum Process summary appears, in its section.

The facts are those of ``seeds/004_bbf6fa6cb235c4f3.txt``, the analysts' 2019 summary; the
summary is drafted from the hand-made dossier in ``khartoum.py``, which holds the answers that
summary was written from. Wording may differ from the seed where the seed's own wording cannot
be derived from an answer ("by organizing" for the means chosen), never the fact.
"""

from __future__ import annotations

import pytest

from reports import draft_sections, introduction, render_iscm_html

SEED_FACTS: dict[str, tuple[str, ...]] = {
    "introduction": (
        "a survey was conducted in 2019",
        "Carried out by IOM among ISCMs, their Member States and relevant inter-governmental "
        "organizations",
        "The findings of this survey were presented at the global gathering of ISCMs in 2019",
        "46 States and 22 ISCMs and 3 inter-governmental organizations provided answers to the "
        "questionnaires",
        "The results are to be found in the 2019 assessment report: Advancing a common "
        "understanding of migration governance among regions, which provides an overview",
    ),
    "programming": (
        "As outlined in the Rome Declaration of 2014, the Khartoum Process provides a platform "
        "to advance, implement and operationalize the agreement of the participating states to "
        "undertake concrete actions to prevent and tackle the challenges of human trafficking "
        "and smuggling of migrants between the Horn of Africa and Europe.",
        "While the originating focus on trafficking in persons and smuggling of migrants has "
        "remained a thematic priority of the Khartoum Process",
        "international protection and asylum, root causes of irregular migration and "
        "displacement and migration data collection and management",
        "Some of its thematic meetings have addressed a wider set of complementary issues.",
        "The Khartoum Process does not have a formalized strategy.",
        "The main document guiding the actions and priorities of the Khartoum Process is the "
        "Rome Declaration adopted at the Ministerial Conference in Rome, Italy, on 28 Nov. 2014.",
        "according to its work plan, which is developed on an annual basis, covering the "
        "timespan of the respective Chairmanships of the Process.",
        "The monitoring process is led jointly by the Secretariat, the Chair and the Steering "
        "Committee.",
    ),
    "contribution": (
        "National level: The Khartoum Process contributed to migration policy, legislation and "
        "practices in its Member States through thematic meetings, fact-finding missions and "
        "training programmes.",
        "Moreover, it built the capacity of Member States and enabled an exchange of best "
        "practices.",
        "Furthermore, in 2018, the Khartoum Process initiated an assessment on human trafficking "
        "and smuggling of migrants in the Khartoum Process countries in Africa.",
        "Recommendations from this exercise will assist Member States in enhancing their "
        "engagement in migration governance.",
        "Interregional level: Together with the Rabat Process, the Khartoum Process is "
        "responsible for the monitoring of the Joint Valetta Action Plan (JVAP), which came out "
        "of the 2015 Valetta Summit on Migration.",
        "serves as a regional framework to address migration policy",
        "The Rabat Process and the Khartoum Process jointly monitor the implementation of the "
        "action plan",
        "ensuring practical and concrete follow-up to commitments made by States at Valetta.",
    ),
    "structures": (
        "The structures of the Khartoum Process comprise a Chair, a steering committee and a "
        "political and technical secretariat.",
        "The secretariat is jointly managed by the African Union Commission and the European "
        "Commission with support from ICMPD.",
        "Its functions include preparing background documents, organizing meetings and liaising "
        "with national focal points.",
        "guidelines for Chairs of the thematic meetings",
        "guidelines for the speakers and break-out sessions' moderators",
        "the Terms of Reference for the Steering Committee",
        "Knowledge management is addressed by providing access to all meetings' background "
        "papers, presentations and outcome documents to focal points and storing such documents "
        "with ICMPD for future access.",
        "The Khartoum Process provides regular updates on its work via e-mail and at meetings.",
        "Libya, Norway, Switzerland and Uganda joined the process",
        "The Netherlands replaced Malta in the steering committee.",
        "The Khartoum Process is funded through annual contributions from Member States through "
        "the African Union Commission and European Commission.",
        "The funding sources of the Khartoum Process are stable.",
    ),
    "partnerships": (
        "The Khartoum Process works closely with the Rabat Process and the AU-Horn of Africa "
        "Initiative.",
        "All three ISCMs stress the importance to advance their joint efforts in addressing "
        "common challenges.",
        "cooperates with inter-governmental organizations (IGOs) such as IOM, UNHCR and UNODC, "
        "which provide technical advice.",
        "UNHCR, for example, contributed to the development of the programme and content of the "
        "Thematic Meeting on the Protection of Women and Girls on the Move, Stockholm, Sweden, "
        "18-19 September 2018.",
        "UNODC, for example, is one of the co-implementers of the BMM Project, implemented in "
        "the framework of the Khartoum Process.",
        "NGOs and CSOs are invited to attend meetings of the process and provide technical inputs.",
        "Apart from providing the secretariat for the Khartoum Process, the African Union "
        "Commission and European Commission are both members of the steering committee.",
        "the Khartoum Process is closely linked with broad EU and AU efforts in refreshing and "
        "strengthening common political will among the concerned groups of States.",
    ),
    "membership_value": (
        "During Khartoum Process meetings and events, Member States repeatedly acknowledge the "
        "importance of this process as a platform for exchanging on best practices in the field "
        "of migration management, particularly for practices, policies and legislation on human "
        "trafficking.",
        "Member States further value their membership in the Khartoum Process for "
        "trust-building, networking, capacity-building, policy coordination, access to "
        "stakeholders, technical advice, knowledge-sharing, maintaining a dialogue on newly "
        "emerging issues and being updated on global initiatives on migration, such as the "
        "Global Compact for Migration.",
        "Three of the Member States (Egypt, Ethiopia, the Netherlands) surveyed referred to the "
        "Khartoum Process in their answers.",
        "Ethiopia benefited from its participation in the Khartoum Process, particularly from "
        "the ISCM's effort to harmonize border control, combat trafficking and address root "
        "causes of irregular migration.",
        # the seed: "The Netherlands were able to benefit from the Khartoum Process' projects ..."
        "The Netherlands also benefited from its participation, particularly from the Khartoum "
        "Process' projects in countries of origin and transit, contributing to the "
        "implementation of the Sustainable Development Goals.",
        "Egypt values the process for developing partnerships",
    ),
}


def drafted_text(dossier) -> dict[str, str]:
    texts = {s.key: " ".join(s.paragraphs) for s in draft_sections(dossier)}
    texts["introduction"] = " ".join(introduction(dossier))
    return texts


@pytest.mark.parametrize(
    ("key", "fact"),
    [(key, fact) for key, facts in SEED_FACTS.items() for fact in facts],
    ids=[f"{key}-{index}" for key, facts in SEED_FACTS.items() for index in range(len(facts))],
)
def test_seed_fact_appears_in_its_section(dossier, key, fact):
    texts = drafted_text(dossier)

    assert fact in texts[key]
    for other, text in texts.items():
        if other != key and len(fact) > 60:
            assert fact not in text, f"also in {other}"


def test_the_iscm_is_named_as_in_the_seed(dossier):
    assert (
        "Name of the Inter-state consultation mechanism (ISCM): <b><i>EU-Horn of Africa "
        "Migration Route Initiative (Khartoum Process)</i></b>"
    ) in render_iscm_html(dossier)


def test_the_sections_come_in_the_seeds_order(dossier):
    assert [s.key for s in draft_sections(dossier)] == [
        "programming",
        "contribution",
        "structures",
        "partnerships",
        "membership_value",
    ]
