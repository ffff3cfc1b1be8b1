"""A Khartoum Process dossier built by hand from the 2019 summary and its meeting report.

Answers are keyed as in ``docs/questionnaire-content.md``; labels are the questionnaire's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reports import (
    IgoView,
    IscmDossier,
    IscmInfo,
    Meeting,
    OrganisationName,
    RoundInfo,
    Source,
    StateView,
)

ORGANISATIONS = {
    org.code: org
    for org in (
        OrganisationName("EGY", "Egypt", "Egypt", "Egypt"),
        OrganisationName("ETH", "Ethiopia", "Ethiopia", "Ethiopia"),
        OrganisationName("NLD", "Netherlands", "Netherlands", "the Netherlands"),
        OrganisationName("LBY", "Libya", "Libya", "Libya"),
        OrganisationName("NOR", "Norway", "Norway", "Norway"),
        OrganisationName("CHE", "Switzerland", "Switzerland", "Switzerland"),
        OrganisationName("UGA", "Uganda", "Uganda", "Uganda"),
        OrganisationName("MLT", "Malta", "Malta", "Malta"),
        OrganisationName("auc", "African Union Commission", "AUC", "the African Union Commission"),
        OrganisationName("ec", "European Commission", "EC", "the European Commission"),
        OrganisationName(
            "icmpd", "International Centre for Migration Policy Development", "ICMPD", "ICMPD"
        ),
        OrganisationName("iom", "International Organization for Migration", "IOM", "IOM"),
        OrganisationName(
            "unhcr", "Office of the United Nations High Commissioner for Refugees", "UNHCR", "UNHCR"
        ),
        OrganisationName("unodc", "United Nations Office on Drugs and Crime", "UNODC", "UNODC"),
        OrganisationName(
            "rabat-process",
            "Euro-African Dialogue on Migration and Development (Rabat Process)",
            "Rabat Process",
            "the Rabat Process",
        ),
        OrganisationName(
            "khartoum-process",
            "EU-Horn of Africa Migration Route Initiative (Khartoum Process)",
            "Khartoum Process",
            "the Khartoum Process",
        ),
    )
}

THEMATIC_AREAS = {
    "trafficking_in_persons": "Trafficking in persons",
    "smuggling_of_migrants": "Smuggling of migrants",
    "international_protection": "International protection and asylum",
    "root_causes": "Root causes of irregular migration and displacement",
    "migration_data": "Migration data collection and management",
    "labour_migration": "Labour migration",
}

MEMBERSHIP_VALUE = {
    "exchange_of_practices": "Exchange of good practices",
    "trust_building": "Trust-building",
    "networking": "Networking",
    "capacity_building": "Capacity-building",
    "policy_coordination": "Policy coordination",
    "access_to_stakeholders": "Access to stakeholders",
    "technical_advice": "Technical advice",
    "knowledge_sharing": "Knowledge-sharing",
    "emerging_issues": "Maintaining a dialogue on newly emerging issues",
    "global_initiatives": (
        "Being updated on global initiatives on migration, such as the Global Compact for Migration"
    ),
    "partnerships": "Developing partnerships",
    "projects_and_funding": "Access to projects and funding",
}

LABELS = {
    "original_thematic_areas": THEMATIC_AREAS,
    "current_thematic_areas": THEMATIC_AREAS,
    "has_strategy": {"yes": "Yes", "no": "No", "in_preparation": "A strategy is in preparation"},
    "has_work_plan": {"yes": "Yes", "no": "No"},
    "work_plan_period": {
        "annual": "On an annual basis",
        "biennial": "Every two years",
        "multi_year": "For several years at a time",
        "other": "Other",
    },
    "work_plan_monitors": {
        "secretariat": "The secretariat",
        "chair": "The chair",
        "steering_committee": "The steering committee",
        "member_states": "The member States",
        "external_evaluator": "An external evaluator",
    },
    "national_means": {
        "thematic_meetings": "Thematic meetings",
        "fact_finding_missions": "Fact-finding missions",
        "training": "Training programmes",
        "capacity_building": "Building the capacity of member States",
        "exchange_of_practices": "Exchange of good practices",
        "research": "Research and assessments",
        "technical_assistance": "Technical assistance",
        "other": "Other",
    },
    "structure_elements": {
        "chair": "A chair",
        "co_chairs": "Co-chairs",
        "troika": "A troika",
        "steering_committee": "A steering committee",
        "secretariat": "A secretariat",
        "working_groups": "Working groups",
        "national_focal_points": "National focal points",
    },
    "secretariat_kind": {
        "political": "A political secretariat",
        "technical": "A technical secretariat",
    },
    "secretariat_functions": {
        "background_documents": "Preparing background documents",
        "organising_meetings": "Organising meetings",
        "liaising_with_focal_points": "Liaising with national focal points",
        "monitoring": "Monitoring the implementation of the work plan",
        "communication": "Communication and outreach",
        "resource_mobilisation": "Mobilising resources",
        "other": "Other",
    },
    "communication_channels": {
        "email": "E-mail",
        "meetings": "At meetings",
        "website": "A website",
        "newsletter": "A newsletter",
        "social_media": "Social media",
        "reports": "Reports and publications",
        "other": "Other",
    },
    "communication_frequency": {
        "regular": "Regularly",
        "occasional": "Occasionally",
        "rare": "Rarely",
    },
    "membership_changed": {"yes": "Yes", "no": "No"},
    "funding_sources": {
        "member_state_contributions": "Contributions from member States",
        "regional_organisation": "A regional organisation",
        "eu": "The European Union",
        "host_country": "The host country of meetings",
        "igo": "An inter-governmental organisation",
        "donors": "Donors outside the membership",
        "project_funding": "Project funding",
        "other": "Other",
    },
    "funding_stability": {
        "stable": "Stable",
        "partly_stable": "Partly stable",
        "unstable": "Unstable",
    },
    "partner_igo_roles": {
        "technical_advice": "Technical advice",
        "funding": "Funding",
        "implementation": "Implementation of projects or activities",
        "secretariat_support": "Support to the secretariat",
        "steering_committee_membership": "Membership of the steering committee",
        "observer": "Observer",
    },
    "civil_society_engagement": {
        "attend_meetings": "They are invited to attend meetings",
        "technical_inputs": "They provide technical, specialized inputs",
        "implementation": "They take part in implementing activities",
        "none": "They are not involved",
    },
    "member_value": MEMBERSHIP_VALUE,
    "meeting_level": {
        "ministerial": "Ministerial conference",
        "senior_officials": "Senior officials' meeting",
        "steering_committee": "Steering committee meeting",
        "thematic": "Thematic meeting",
        "technical": "Technical or expert meeting",
        "other": "Other",
    },
}


def khartoum_answers() -> dict[str, Any]:
    """The Khartoum Process secretariat's answers, as the seed summary reports them."""
    return {
        "founding_document": "Rome Declaration",
        "founding_year": 2014,
        "founding_event": "Ministerial Conference in Rome, Italy",
        "founding_date": "2014-11-28",
        "mandate": (
            "provides a platform to advance, implement and operationalize the agreement of the "
            "participating states to undertake concrete actions to prevent and tackle the "
            "challenges of human trafficking and smuggling of migrants between the Horn of "
            "Africa and Europe"
        ),
        "original_thematic_areas": ["trafficking_in_persons", "smuggling_of_migrants"],
        "current_thematic_areas": [
            "trafficking_in_persons",
            "smuggling_of_migrants",
            "international_protection",
            "root_causes",
            "migration_data",
        ],
        "thematic_evolution": (
            "Some of its thematic meetings have addressed a wider set of complementary issues."
        ),
        "has_strategy": "no",
        "guiding_document": "Rome Declaration",
        "has_work_plan": "yes",
        "work_plan_period": "annual",
        "work_plan_scope": "the timespan of the respective Chairmanships of the Process",
        "work_plan_monitors": ["secretariat", "chair", "steering_committee"],
        "national_means": [
            "thematic_meetings",
            "fact_finding_missions",
            "training",
            "capacity_building",
            "exchange_of_practices",
        ],
        "national_examples": (
            "Furthermore, in 2018, the Khartoum Process initiated an assessment on human "
            "trafficking and smuggling of migrants in the Khartoum Process countries in Africa. "
            "Recommendations from this exercise will assist Member States in enhancing their "
            "engagement in migration governance."
        ),
        "interregional_contribution": (
            "Together with the Rabat Process, the Khartoum Process is responsible for the "
            "monitoring of the Joint Valetta Action Plan (JVAP), which came out of the 2015 "
            "Valetta Summit on Migration. The JVAP aims at supporting its partners with the "
            "enhancement of migration governance between Europe and Africa and serves as a "
            "regional framework to address migration policy. The Rabat Process and the Khartoum "
            "Process jointly monitor the implementation of the action plan, reporting on "
            "projects and policies being implemented within each domain and, in this way, "
            "ensuring practical and concrete follow-up to commitments made by States at Valetta."
        ),
        "structure_elements": ["chair", "steering_committee", "secretariat"],
        "secretariat_kind": ["political", "technical"],
        "secretariat_managed_by": ["ec", "auc"],
        "secretariat_supported_by": ["icmpd"],
        "secretariat_functions": [
            "background_documents",
            "organising_meetings",
            "liaising_with_focal_points",
        ],
        "governing_documents": [
            {"document_title": "guidelines for Chairs of the thematic meetings"},
            {"document_title": "guidelines for the speakers and break-out sessions' moderators"},
            {"document_title": "the Terms of Reference for the Steering Committee"},
        ],
        "knowledge_management": (
            "providing access to all meetings' background papers, presentations and outcome "
            "documents to focal points and storing such documents with ICMPD for future access"
        ),
        "communication_channels": ["email", "meetings"],
        "communication_frequency": "regular",
        "membership_changed": "yes",
        "states_joined": ["CHE", "LBY", "NOR", "UGA"],
        "governance_changes": "The Netherlands replaced Malta in the steering committee.",
        "funding_sources": ["member_state_contributions", "regional_organisation", "eu"],
        "funding_description": (
            "The Khartoum Process is funded through annual contributions from Member States "
            "through the African Union Commission and European Commission."
        ),
        "funding_stability": "stable",
        "partner_iscms": ["rabat-process", "other"],
        "partner_iscms_other": "the AU-Horn of Africa Initiative",
        "partner_iscms_cooperation": (
            "All three ISCMs stress the importance to advance their joint efforts in "
            "addressing common challenges."
        ),
        "partner_igos": ["iom", "unhcr", "unodc"],
        "partner_igo_roles": ["technical_advice"],
        "partner_igo_examples": [
            {
                "igo": "unodc",
                "example": (
                    "is one of the co-implementers of the BMM Project, implemented in the "
                    "framework of the Khartoum Process"
                ),
            }
        ],
        "civil_society_engagement": ["attend_meetings", "technical_inputs"],
        "partnership_notes": (
            "Apart from providing the secretariat for the Khartoum Process, the African Union "
            "Commission and European Commission are both members of the steering committee. "
            "Therefore, the Khartoum Process is closely linked with broad EU and AU efforts in "
            "refreshing and strengthening common political will among the concerned groups of "
            "States."
        ),
        "member_value": [
            "trust_building",
            "networking",
            "capacity_building",
            "policy_coordination",
            "access_to_stakeholders",
            "technical_advice",
            "knowledge_sharing",
            "emerging_issues",
            "global_initiatives",
        ],
        "member_value_notes": (
            "During Khartoum Process meetings and events, Member States repeatedly acknowledge "
            "the importance of this process as a platform for exchanging on best practices in "
            "the field of migration management, particularly for practices, policies and "
            "legislation on human trafficking."
        ),
    }


SOM_SUMMARY = (
    "The meeting was dedicated to the Khartoum Process state of play, an update on the related "
    "projects, and the implementation of Thematic Meetings' Conclusions through a possible "
    "stock-taking exercise in the coming months."
)
DATA_SUMMARY = (
    "The Meeting offered the participating states an opportunity to share practical insights "
    "and knowledge on the data collection mechanisms as well as data management, analysis, and "
    "dissemination."
)


def khartoum_meetings() -> list[Meeting]:
    """Meetings of the Khartoum Process named in the seeds."""
    return [
        Meeting(
            date=dt.date(2014, 11, 28),
            title="Ministerial Conference of the Khartoum Process",
            city="Rome",
            country="Italy",
            level="Ministerial conference",
            level_code="ministerial",
            host="Italy",
        ),
        Meeting(
            date=dt.date(2018, 5, 8),
            title="Steering Committee meeting",
            city="Nairobi",
            country="Kenya",
            level="Steering committee meeting",
            level_code="steering_committee",
        ),
        Meeting(
            date=dt.date(2018, 5, 8),
            title="Senior Officials' Meeting (SOM)",
            city="Nairobi",
            country="Kenya",
            level="Senior officials' meeting",
            level_code="senior_officials",
            chair="Italy",
            summary=SOM_SUMMARY,
        ),
        Meeting(
            date=dt.date(2018, 5, 9),
            title="Thematic Meeting on Data Collection and Management",
            city="Nairobi",
            country="Kenya",
            level="Thematic meeting",
            level_code="thematic",
            host="Kenya",
            chair="Kenya",
            summary=DATA_SUMMARY,
        ),
        Meeting(
            date=dt.date(2018, 9, 18),
            end_date=dt.date(2018, 9, 19),
            title="Thematic Meeting on the Protection of Women and Girls on the Move",
            city="Stockholm",
            country="Sweden",
            level="Thematic meeting",
            level_code="thematic",
            host="Sweden",
        ),
    ]


def khartoum_state_views() -> list[StateView]:
    """Egypt, Ethiopia and the Netherlands on the Khartoum Process."""
    org = ORGANISATIONS
    return [
        StateView(
            state=org["EGY"],
            role="Member",
            value_areas=("Developing partnerships",),
            value_area_codes=("partnerships",),
            value_rating=4,
        ),
        StateView(
            state=org["ETH"],
            role="Member",
            value_areas=("Exchange of good practices", "Capacity-building"),
            value_area_codes=("exchange_of_practices", "capacity_building"),
            benefits=(
                "the ISCM's effort to harmonize border control, combat trafficking and address "
                "root causes of irregular migration"
            ),
            value_rating=5,
        ),
        StateView(
            state=org["NLD"],
            role="Steering committee",
            value_areas=("Access to projects and funding", "Capacity-building"),
            value_area_codes=("projects_and_funding", "capacity_building"),
            benefits=(
                "the Khartoum Process' projects in countries of origin and transit, "
                "contributing to the implementation of the Sustainable Development Goals"
            ),
        ),
    ]


def khartoum_igo_views() -> list[IgoView]:
    """IOM, UNHCR and UNODC on the Khartoum Process."""
    org = ORGANISATIONS
    return [
        IgoView(igo=org["iom"], roles=("Technical advice",), role_codes=("technical_advice",)),
        IgoView(
            igo=org["unhcr"],
            roles=("Technical advice",),
            role_codes=("technical_advice",),
            cooperation=(
                "contributed to the development of the programme and content of the Thematic "
                "Meeting on the Protection of Women and Girls on the Move, Stockholm, Sweden, "
                "18-19 September 2018"
            ),
        ),
        IgoView(
            igo=org["unodc"],
            roles=("Technical advice", "Implementation of projects or activities"),
            role_codes=("technical_advice", "implementation"),
        ),
    ]


def khartoum_dossier(**changes: Any) -> IscmDossier:
    """A fresh Khartoum Process dossier; keyword arguments replace its fields."""
    org = ORGANISATIONS
    fields: dict[str, Any] = {
        "language": "en",
        "round": RoundInfo(
            name="Assessment of ISCMs 2019",
            year=2019,
            states_answered=46,
            iscms_answered=22,
            igos_answered=3,
        ),
        "iscm": IscmInfo(
            code="khartoum-process",
            name="EU-Horn of Africa Migration Route Initiative",
            acronym="Khartoum Process",
            kind="irf",
            region="Horn of Africa and Europe",
            secretariat="African Union Commission and European Commission, supported by ICMPD",
            in_sentence="the Khartoum Process",
        ),
        "answers": khartoum_answers(),
        "labels": LABELS,
        "organisations": dict(ORGANISATIONS),
        "state_views": khartoum_state_views(),
        "igo_views": khartoum_igo_views(),
        "meetings": khartoum_meetings(),
        "sources": [
            Source(org["khartoum-process"], "iscm", dt.date(2019, 6, 14), "2019.1"),
            Source(org["EGY"], "state", dt.date(2019, 6, 3), "2019.1"),
            Source(org["ETH"], "state", dt.date(2019, 6, 7), "2019.1"),
            Source(org["NLD"], "state", None, "2019.1"),
            Source(org["iom"], "igo", dt.date(2019, 5, 28), "2019.1"),
            Source(org["unhcr"], "igo", dt.date(2019, 6, 1), "2019.1"),
            Source(org["unodc"], "igo", dt.date(2019, 6, 2), "2019.1"),
        ],
        "generated_on": dt.date(2019, 7, 1),
    }
    fields.update(changes)
    return IscmDossier(**fields)
