"""A compendium of four ISCMs: the Khartoum Process from the seeds and three crafted dossiers.

The Rabat and Budapest dossiers are illustrative variations, made to differ in thematic areas,
structures and partners; MIDSA did not answer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from khartoum import ORGANISATIONS, khartoum_dossier

from reports import CompendiumDossier, IscmDossier, IscmInfo, OrganisationName, ParticipationCount

EXTRA_ORGANISATIONS = {
    org.code: org
    for org in (
        OrganisationName(
            "budapest-process", "Budapest Process", "Budapest Process", "the Budapest Process"
        ),
        OrganisationName(
            "midsa",
            "Migration Dialogue for Southern Africa",
            "MIDSA",
            "the Migration Dialogue for Southern Africa",
        ),
        OrganisationName("ilo", "International Labour Organization", "ILO", "ILO"),
    )
}


def _organisations() -> dict[str, OrganisationName]:
    return {**ORGANISATIONS, **EXTRA_ORGANISATIONS}


def rabat_dossier() -> IscmDossier:
    """The Rabat Process, with answers varied from the Khartoum Process's."""
    base = khartoum_dossier(organisations=_organisations())
    answers = dict(base.answers)
    answers.update(
        founding_document="Rabat Declaration",
        founding_year=2006,
        founding_event="Euro-African Ministerial Conference in Rabat, Morocco",
        founding_date="2006-07-11",
        original_thematic_areas=["migration_data", "labour_migration"],
        current_thematic_areas=["labour_migration", "trafficking_in_persons", "root_causes"],
        has_strategy="yes",
        strategy_title="Marrakesh Programme 2018-2020",
        structure_elements=["chair", "steering_committee", "secretariat", "national_focal_points"],
        secretariat_managed_by=["icmpd"],
        secretariat_supported_by=[],
        funding_stability="partly_stable",
        partner_iscms=["khartoum-process", "budapest-process"],
        partner_igos=["iom", "ilo"],
        states_joined=[],
        membership_changed="no",
    )
    return dataclasses.replace(
        base,
        iscm=IscmInfo(
            code="rabat-process",
            name="Euro-African Dialogue on Migration and Development",
            acronym="Rabat Process",
            kind="irf",
            region="West, Central and North Africa and Europe",
            secretariat="ICMPD",
            in_sentence="the Rabat Process",
        ),
        answers=answers,
        state_views=base.state_views[:1],
        igo_views=base.igo_views[:1],
        meetings=base.meetings[1:3],
        sources=[base.sources[1], base.sources[4]],
    )


def budapest_dossier() -> IscmDossier:
    """The Budapest Process: a small dossier without a strategy or a work plan."""
    base = khartoum_dossier(organisations=_organisations())
    answers = {
        "founding_document": "Budapest Process Declaration",
        "founding_year": 1993,
        "original_thematic_areas": ["smuggling_of_migrants"],
        "current_thematic_areas": ["smuggling_of_migrants", "international_protection"],
        "has_strategy": "no",
        "has_work_plan": "no",
        "structure_elements": ["co_chairs", "secretariat"],
        "secretariat_managed_by": ["icmpd"],
        "funding_stability": "unstable",
        "partner_iscms": ["rabat-process"],
        "partner_igos": ["unhcr"],
    }
    return dataclasses.replace(
        base,
        iscm=IscmInfo(
            code="budapest-process",
            name="Budapest Process",
            acronym="Budapest Process",
            kind="irf",
            region="Europe and the Silk Routes",
            secretariat="ICMPD",
            in_sentence="the Budapest Process",
        ),
        answers=answers,
        state_views=[],
        igo_views=[],
        meetings=[],
        sources=[],
    )


def midsa_dossier() -> IscmDossier:
    """MIDSA, which did not answer: its summary says so."""
    base = khartoum_dossier(organisations=_organisations())
    return dataclasses.replace(
        base,
        iscm=IscmInfo(
            code="midsa",
            name="Migration Dialogue for Southern Africa",
            acronym="MIDSA",
            kind="rcp",
            region="Southern Africa",
            secretariat="SADC",
            in_sentence="the Migration Dialogue for Southern Africa",
        ),
        answers={},
        state_views=[],
        igo_views=[],
        meetings=[],
        sources=[],
    )


PARTICIPATION = [
    ParticipationCount("state", "Africa", 20, 40),
    ParticipationCount("state", "Europe", 18, 30),
    ParticipationCount("state", "Asia and the Pacific", 8, 25),
    ParticipationCount("iscm", "Africa", 9, 10),
    ParticipationCount("iscm", "Europe", 5, 6),
    ParticipationCount("iscm", "Asia and the Pacific", 8, 9),
    ParticipationCount("igo", "", 3, 10),
]


def compendium_dossier(**changes) -> CompendiumDossier:
    """The compendium of the 2019 round for four ISCMs, in English."""
    khartoum = khartoum_dossier(organisations=_organisations())
    fields = {
        "language": "en",
        "round": khartoum.round,
        "participation": list(PARTICIPATION),
        "iscms": [budapest_dossier(), khartoum, midsa_dossier(), rabat_dossier()],
        "edits": {"rabat-process": {"partnerships": "The Rabat Process works with **everyone**."}},
        "generated_on": dt.date(2019, 7, 1),
    }
    fields.update(changes)
    return CompendiumDossier(**fields)
