"""The plain data a per-ISCM summary is written from.

The web application's adapter (``surveyapp.dossiers``) fills these dataclasses from the database;
the rest of ``reports`` reads nothing else. Codes stay codes; every label a sentence needs is
carried here already translated into the dossier's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from reports import feeds


@dataclass(frozen=True)
class OrganisationName:
    """How an organisation (State, ISCM or IGO) is named in prose.

    :param name: the full name ("African Union Commission", "Netherlands").
    :param short_name: the acronym or short form ("AUC"); the name when there is none.
    :param in_sentence: the name as it stands inside a sentence ("the Netherlands").
    """

    code: str
    name: str
    short_name: str
    in_sentence: str


@dataclass(frozen=True)
class RoundInfo:
    """The survey round and how many respondents of each type answered in it."""

    name: str
    year: int
    states_answered: int
    iscms_answered: int
    igos_answered: int
    #: how many of the States, ISCMs and IGOs counted above gave illustrative answers (demo data,
    #: not from a real response: ``Response.illustrative``)
    illustrative_states: int = 0
    illustrative_iscms: int = 0
    illustrative_igos: int = 0
    #: None: illustrative answers are shown (labelled); else they are left out of the report and
    #: this many illustrative responses were (see :mod:`reports.illustrative`)
    illustrative_left_out: int | None = None

    @property
    def illustrative_answered(self) -> int:
        """How many of the answers counted are illustrative."""
        return self.illustrative_states + self.illustrative_iscms + self.illustrative_igos


@dataclass(frozen=True)
class IscmInfo:
    """The ISCM a summary is about, from the registry."""

    code: str
    name: str
    acronym: str
    #: ``rcp`` (regional), ``irf`` (interregional) or ``global``
    kind: str
    region: str
    secretariat: str
    #: "the Khartoum Process": the name as it stands inside a sentence
    in_sentence: str


@dataclass(frozen=True)
class StateView:
    """What one State said about the ISCM in its per-ISCM answers.

    Text fields are ``None`` when not answered. ``*_attributable`` is False when the respondent
    marked the answer "not for attribution": a report must then not name the State with it.
    """

    state: OrganisationName
    role: str | None = None
    #: labels of the membership values the State chose, in the questionnaire's order
    value_areas: tuple[str, ...] = ()
    value_area_codes: tuple[str, ...] = ()
    benefits: str | None = None
    benefits_attributable: bool = True
    national_impact: str | None = None
    national_impact_attributable: bool = True
    #: position on the rating scale, 1 = lowest
    value_rating: int | None = None
    #: the language the State wrote its free-text answers in (None: the summary's language)
    language: str | None = None
    #: how stable the State considers the ISCM's funding (``stable``, ``partly_stable``,
    #: ``unstable``); needs a ``funding_stability_view`` question in the State's per-ISCM block
    funding_view: str | None = None
    funding_view_attributable: bool = True
    #: an illustrative (demo) answer, not from a real response
    illustrative: bool = False


#: the fields of :class:`StateView` and :class:`IgoView` that hold each view slot's answer
#: (``reports/feeds.yaml``); a text answer's field comes with its attribution mark
VIEW_SLOT_FIELDS: dict[str, tuple[str, ...]] = {
    "state_view.role": ("role",),
    "state_view.value_areas": ("value_area_codes",),
    "state_view.benefits": ("benefits", "benefits_attributable"),
    "state_view.national_impact": ("national_impact", "national_impact_attributable"),
    "state_view.value_rating": ("value_rating",),
    "state_view.funding_view": ("funding_view", "funding_view_attributable"),
    "igo_view.roles": ("role_codes",),
    "igo_view.cooperation": ("cooperation", "cooperation_attributable"),
    "igo_view.examples": ("examples", "examples_attributable"),
}


@dataclass(frozen=True)
class IgoView:
    """What one IGO said about its engagement with the ISCM."""

    igo: OrganisationName
    roles: tuple[str, ...] = ()
    role_codes: tuple[str, ...] = ()
    cooperation: str | None = None
    cooperation_attributable: bool = True
    examples: str | None = None
    examples_attributable: bool = True
    #: the language the IGO wrote its free-text answers in (None: the summary's language)
    language: str | None = None
    #: an illustrative (demo) answer, not from a real response
    illustrative: bool = False


@dataclass(frozen=True)
class Meeting:
    """One meeting of the ISCM, from the ``meetings`` repeat of its own response."""

    date: dt.date
    title: str
    end_date: dt.date | None = None
    city: str | None = None
    country: str | None = None
    level: str | None = None
    level_code: str | None = None
    host: str | None = None
    chair: str | None = None
    summary: str | None = None


@dataclass(frozen=True)
class Source:
    """A response the summary draws on, for the annex."""

    organisation: OrganisationName
    respondent_type: str
    submitted_on: dt.date | None
    questionnaire_version: str
    #: an illustrative (demo) response, not a real one
    illustrative: bool = False


@dataclass(frozen=True)
class Passage:
    """A free-text answer a summary shows in another language than it was written in.

    :param text: the text as written, its whitespace collapsed (the memory's key).
    :param language: the language it was written in.
    :param translation: the translation into the summary's language; None when there is none.
    :param where: what it answers, for the analyst ("Mandate", "Meeting title") - the slot name.
    """

    text: str
    language: str
    translation: str | None
    where: str

    @property
    def translated(self) -> bool:
        """Whether the summary shows the passage in its own language."""
        return self.translation is not None


@dataclass
class IscmDossier:
    """Everything a per-ISCM summary may say, in one language.

    :param answers: the ISCM's own answers (visible questions only), keyed by question key,
        values as JSON (codes for choices, lists for ``select_multiple``, rows for ``repeat``).
        Empty when the ISCM has not answered.
    :param labels: for each choice question of the ISCM questionnaire, code -> label in
        ``language`` (``other`` included).
    :param organisations: names of every State, IGO and ISCM code an answer may carry.
    """

    language: str
    round: RoundInfo
    iscm: IscmInfo
    answers: dict[str, Any] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    organisations: dict[str, OrganisationName] = field(default_factory=dict)
    state_views: list[StateView] = field(default_factory=list)
    igo_views: list[IgoView] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    generated_on: dt.date = field(default_factory=dt.date.today)
    #: the language the ISCM wrote its free-text answers in (None: the summary's language)
    answer_language: str | None = None
    #: the ISCM's own answers (and so its meetings) are illustrative (demo data)
    answers_illustrative: bool = False
    #: every free-text answer shown in another language than the summary's, translated or not
    #: (:func:`reports.passages.translate_dossier`); empty before translation
    passages: tuple[Passage, ...] = ()
    #: the translations the dossier shows in place of passages, whitespace collapsed: text in
    #: the summary's language although its respondent wrote in another
    translated: frozenset[str] = frozenset()

    @property
    def has_own_answers(self) -> bool:
        """Whether the ISCM's own response is part of the dossier."""
        return bool(self.answers)

    @property
    def untranslated_passages(self) -> list[Passage]:
        """The passages the summary shows in the language they were written in."""
        return [passage for passage in self.passages if not passage.translated]

    @property
    def has_illustrative(self) -> bool:
        """Whether anything the summary shows comes from an illustrative (demo) answer."""
        return (
            self.answers_illustrative
            or any(view.illustrative for view in self.state_views)
            or any(view.illustrative for view in self.igo_views)
            or any(source.illustrative for source in self.sources)
        )

    def slot(self, name: str) -> Any:
        """The ISCM's answer that fills report slot ``name`` (``reports/feeds.yaml``), or None.

        Reporting code reads answers through slots, never by question key, so a question
        renamed in the questionnaire is renamed once, in the contract.
        """
        return self.answers.get(feeds.slot(name).path)

    def slot_label(self, name: str, code: str) -> str:
        """The label of ``code`` in the choice question that fills slot ``name``."""
        return self.label(feeds.key(name), code)

    def label(self, key: str, code: str) -> str:
        """The label of ``code`` in choice question ``key`` (the code itself when unknown)."""
        if code == "other" and self.answers.get(f"{key}_other"):
            return str(self.answers[f"{key}_other"])
        if code in self.organisations and code not in self.labels.get(key, {}):
            return self.organisations[code].name
        return self.labels.get(key, {}).get(code, code)


@dataclass(frozen=True)
class ParticipationCount:
    """How many respondents of one type in one region answered (and were invited) in a round.

    :param respondent_type: ``state``, ``iscm`` or ``igo``.
    :param region: the region's name in the compendium's language ("" when not known).
    :param invited: how many were invited, when known; the compendium then gives a rate.
    """

    respondent_type: str
    region: str
    answered: int
    invited: int | None = None
    #: how many of those answered gave illustrative (demo) answers
    illustrative: int = 0


@dataclass
class CompendiumDossier:
    """Everything the compendium for the global gathering shows, in one language.

    :param iscms: one dossier per ISCM, in the compendium's language, in the order the summaries
        are to appear (the adapter sorts them by name).
    :param edits: analyst edits by ISCM code, each as :func:`reports.render_iscm_html` takes them.
    """

    language: str
    round: RoundInfo
    participation: list[ParticipationCount] = field(default_factory=list)
    iscms: list[IscmDossier] = field(default_factory=list)
    edits: dict[str, dict[str, str]] = field(default_factory=dict)
    generated_on: dt.date = field(default_factory=dt.date.today)
