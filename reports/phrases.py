# ruff: noqa: E501 - translated sentences read best unbroken
"""Every language-dependent phrase of a summary, in one place.

``PHRASES`` maps a language code to a table of sentence templates (``str.format`` fields), code
phrases (what a choice code reads like inside a sentence) and the small grammar a list or a date
needs. English is complete; any other language may leave keys out and falls back to English key by
key, so a translator can fill this table one template at a time.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from string import Formatter
from typing import Any

from reports.phrases_ar import AR
from reports.phrases_es import ES
from reports.phrases_fr import FR

EN: dict[str, Any] = {
    # Grammar
    "and": "and",
    "list_separator": ", ",
    # Used instead of list_separator when an item already contains the separator
    "long_list_separator": "; ",
    "numbers": (
        "no",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ),
    "months": (
        "Jan.",
        "Feb.",
        "Mar.",
        "Apr.",
        "May",
        "June",
        "July",
        "Aug.",
        "Sept.",
        "Oct.",
        "Nov.",
        "Dec.",
    ),
    "date": "{day} {month} {year}",
    "date_range_same_month": "{day}-{end_day} {month} {year}",
    "date_range": "{start} - {end}",
    #: an answer starting with one of these already carries its article
    "articles": ("the ", "a ", "an "),
    "definite_article": "the ",
    #: an answer used as a clause loses its capital when its first word is one of these ...
    "clause_openers": ("the", "a", "an", "its", "their", "our", "this", "these", "all"),
    #: ... or ends like a gerund ("Providing access to ...")
    "gerund_suffix": "ing",
    "quote": "“{text}”",
    #: how the last item joins a list ("a, b and c"); Arabic attaches its "and" to the word
    "join_last": "{head} {and} {last}",
    #: a preposition and an article the template and a name bring together ("de le" -> "du")
    "contractions": (),
    # Free-text answers quoted in the language they were given in
    "answer_language_note": (
        "Answers written by respondents are quoted in the language they were given in ({languages})."
    ),
    "language_names": {"en": "English", "fr": "French", "es": "Spanish", "ar": "Arabic"},
    "answer_topic": "{topic}: {text}",
    "answer_topics": {
        "mandate": "Mandate",
        "work_plan_scope": "Scope of the work plan",
        "knowledge_management": "Knowledge management",
        "funding_description": "Funding",
    },
    "edited_marker": "Text edited by an analyst",
    # Title block and introduction
    "organisation": "International Organization for Migration (IOM)",
    "division": "International Partnerships Division (IPD)",
    "assessment": "Assessment of Inter-State Consultation Mechanisms on Migration",
    "summary_title": "Summary of Findings per ISCM",
    "iscm_name_label": "Name of the Inter-state consultation mechanism (ISCM):",
    "intro": (
        "As part of an assessment of inter-state consultation mechanisms on migration (ISCMs), "
        "a survey was conducted in {year}. Carried out by IOM among ISCMs, their Member States "
        "and relevant inter-governmental organizations, the survey aimed to assess ISCMs' "
        "continued relevance and contribution to migration governance at all levels (national, "
        "regional and international) and the synergies among ISCMs and with other actors. The "
        "findings of this survey were presented at the global gathering of ISCMs in {year} and "
        "were used to develop recommendations to enhance ISCMs' engagement in migration "
        "governance.",
        "{states} and {iscms} and {igos} provided answers to the questionnaires. The results are "
        "to be found in the {year} assessment report, which provides an overview on ISCMs' "
        "organization, engagements, their continued relevance and synergies with relevant actors "
        "in the area of migration management. In addition to the report, the information below "
        "is meant to outline each individual ISCM's thematic priorities, structure, impact and "
        "relevance.",
    ),
    #: singular and plural; a third form, where given, counts from eleven on (Arabic)
    "count_states": ("{n} State", "{n} States"),
    "count_iscms": ("{n} ISCM", "{n} ISCMs"),
    "count_igos": ("{n} inter-governmental organization", "{n} inter-governmental organizations"),
    # Section titles
    "titles": {
        "programming": "Evolution of programming and thematic focus",
        "contribution": (
            "Contribution to migration governance at national, (inter)regional and global "
            "levels (with examples)"
        ),
        "structures": "Salient ISCM structures",
        "partnerships": "Partnership models by the ISCM",
        "membership_value": (
            "Added value of Membership in the given ISCM for States and Organizations "
            "(with examples)"
        ),
    },
    # When answers are missing
    "iscm_did_not_answer": "{Iscm} did not answer the questionnaire for ISCMs.",
    "nothing_on_topic": "No information on this topic was provided.",
    "nobody_else_on_topic": (
        "No Member State or inter-governmental organization reported on this topic either."
    ),
    # 1. Programming
    "founding_mandate": "As outlined in {document}, {iscm} {mandate}.",
    "mandate_only": "{Iscm} {mandate}.",
    "founding_document": "The founding document of {iscm} is {document}.",
    "document_of_year": "{document} of {year}",
    "document_adopted_at": "{document} adopted at {event}",
    "document_adopted_at_on": "{document} adopted at {event}, on {date}",
    "document_adopted_on": "{document} adopted on {date}",
    "thematic_kept_added": (
        "While the originating focus on {kept} has remained a thematic priority of {iscm}, its "
        "priorities now also include {added}."
    ),
    "thematic_unchanged": (
        "The thematic priorities of {iscm} have remained those of its originating mandate: {kept}."
    ),
    "thematic_replaced": (
        "The originating mandate of {iscm} covered {original}; its current thematic priorities "
        "are {current}."
    ),
    "thematic_dropped": "Its current priorities no longer include {dropped}.",
    "thematic_current": "The current thematic priorities of {iscm} are {current}.",
    "thematic_original": "The originating mandate of {iscm} covered {original}.",
    "strategy_no": "{Iscm} does not have a formalized strategy.",
    "strategy_yes": "{Iscm} has a formalized strategy.",
    "strategy_yes_titled": "{Iscm} has a formalized strategy: {title}.",
    "strategy_in_preparation": "{Iscm} is preparing a formalized strategy.",
    "guiding_document": (
        "The main document guiding the actions and priorities of {iscm} is {document}."
    ),
    "work_plan": (
        "The work of {iscm} is implemented and monitored according to its work plan{period}{scope}."
    ),
    "work_plan_other_period": ", which covers the following period: {period}",
    "work_plan_scope": ", covering {scope}",
    "work_plan_none": "{Iscm} does not have a work plan.",
    "monitors_one": "The monitoring process is led by {monitors}.",
    "monitors_many": "The monitoring process is led jointly by {monitors}.",
    # 2. Contribution
    "national_level": "National level: {text}",
    "interregional_level": "Interregional level: {text}",
    "global_level": "Global level: {text}",
    "national_means": (
        "{Iscm} contributed to migration policy, legislation and practices in its Member States "
        "through {means}."
    ),
    "national_outcomes_after_means": "Moreover, it {outcomes}.",
    "national_outcomes": "{Iscm} {outcomes}.",
    "national_impact_state": "{State} reported on the impact at national level: {quote}",
    # 3. Structures
    "structures": "The structures of {iscm} comprise {elements}.",
    "secretariat_of_kinds": "a {kinds} secretariat",
    "secretariat_managed": "The secretariat is managed by {managers}{support}.",
    "secretariat_managed_jointly": "The secretariat is jointly managed by {managers}{support}.",
    "secretariat_support": " with support from {supporters}",
    "secretariat_supported": "The secretariat is supported by {supporters}.",
    "secretariat_functions_after": "Its functions include {functions}.",
    "secretariat_functions": "The functions of the secretariat include {functions}.",
    "governing_documents_one": "The governing document of {iscm} is {documents}.",
    "governing_documents_many": "The governing documents of {iscm} consist of {documents}.",
    "knowledge_management": "Knowledge management is addressed by {clause}.",
    "communication": "{Iscm} provides {frequency}updates on its work{channels}.",
    "communication_channels": " {channels}",
    "communication_other_channel": "through {channel}",
    "membership_unchanged": "The membership of {iscm} has not changed since its establishment.",
    "membership_changed": "Since its establishment, the constituency of {iscm} has changed.",
    "membership_joined_left": (
        "Since its establishment, the constituency of {iscm} has changed: {joined} joined the "
        "process and {left} left it."
    ),
    "membership_joined": (
        "Since its establishment, the constituency of {iscm} has changed: {joined} joined the "
        "process."
    ),
    "membership_left": (
        "Since its establishment, the constituency of {iscm} has changed: {left} left the process."
    ),
    "funding_sources": "{Iscm} is funded through {sources}.",
    "funding_stability": {
        "stable": "The funding sources of {iscm} are stable.",
        "partly_stable": "The funding sources of {iscm} are partly stable.",
        "unstable": "The funding sources of {iscm} are not stable.",
    },
    # 4. Partnerships
    "partner_iscms": "{Iscm} works closely with {partners}.",
    "partner_igos": (
        "{Iscm} cooperates with inter-governmental organizations (IGOs) such as {igos}{roles}."
    ),
    "partner_igos_moreover": (
        "Moreover, {iscm} cooperates with inter-governmental organizations (IGOs) such as "
        "{igos}{roles}."
    ),
    "partner_igo_roles": ", which {roles}",
    "igo_example_first": "{Igo}, for example, {clause}.",
    "igo_example": "{Igo} {clause}.",
    "reported": "{Subject} reported: {quote}",
    "civil_society": "NGOs and CSOs are invited to {activities}.",
    "civil_society_none": "NGOs and CSOs are not involved in the work of {iscm}.",
    "igos_referred": (
        "{Count} of the inter-governmental organizations ({names}) surveyed referred to {iscm} "
        "in their answers."
    ),
    "igos_referred_unnamed": (
        "{Count} of the inter-governmental organizations surveyed referred to {iscm} in their "
        "answers."
    ),
    "igos_referred_one": (
        "One of the inter-governmental organizations ({names}) surveyed referred to {iscm} in "
        "its answers."
    ),
    "igos_referred_unnamed_one": (
        "One of the inter-governmental organizations surveyed referred to {iscm} in its answers."
    ),
    "igo_roles": "{igos} {roles}.",
    "one_igo": "One inter-governmental organization",
    "another_igo": "Another inter-governmental organization",
    # 5. Membership value
    "member_value": "Member States value their membership in {iscm} for {values}.",
    "member_value_further": "Member States further value their membership in {iscm} for {values}.",
    "states_referred": (
        "{Count} of the Member States ({names}) surveyed referred to {iscm} in their answers."
    ),
    "states_referred_unnamed": (
        "{Count} of the Member States surveyed referred to {iscm} in their answers."
    ),
    "states_referred_one": (
        "One of the Member States ({names}) surveyed referred to {iscm} in its answers."
    ),
    "states_referred_unnamed_one": (
        "One of the Member States surveyed referred to {iscm} in its answers."
    ),
    "no_state_referred": "No Member State surveyed referred to {iscm} in its answers.",
    # Where the ISCM and its States see things differently, both are shown
    "value_shared": "The States that referred to {iscm} confirmed {values}.",
    "value_not_cited": (
        "None of these States, however, cited {values}, which {iscm} counts among the benefits of "
        "membership."
    ),
    "value_only_states": "They also cited {values}, which {iscm} did not mention.",
    "member_states_counted": ("one Member State", "{n} Member States"),
    "funding_view_same": "{States} also described the funding of {iscm} as {view}.",
    "funding_view_differs": "However, {states} described the funding of {iscm} as {view}.",
    "funding_view_only": "{States} described the funding of {iscm} as {view}.",
    "funding_views": {
        "stable": "stable",
        "partly_stable": "partly stable",
        "unstable": "not stable",
    },
    "state_benefits": (
        "{State} benefited from its participation in {iscm}, particularly from {benefits}."
    ),
    "state_values": "{State} values the process for {values}.",
    "state_values_also": "It also values the process for {values}.",
    "one_state": "One Member State",
    "another_state": "Another Member State",
    # What a choice code reads like inside a sentence; a code missing here reads as its label.
    "choices": {
        "work_plan_monitors": {
            "secretariat": "the Secretariat",
            "chair": "the Chair",
            "steering_committee": "the Steering Committee",
            "member_states": "the Member States",
            "external_evaluator": "an external evaluator",
        },
        "work_plan_period": {
            "annual": ", which is developed on an annual basis",
            "biennial": ", which is developed every two years",
            "multi_year": ", which covers several years",
        },
        "national_means": {
            "thematic_meetings": "thematic meetings",
            "fact_finding_missions": "fact-finding missions",
            "training": "training programmes",
            "research": "research",
            "technical_assistance": "technical assistance",
        },
        # national_means codes that read as what the ISCM did rather than how
        "national_outcomes": {
            "capacity_building": "built the capacity of Member States",
            "exchange_of_practices": "enabled an exchange of best practices",
        },
        "structure_elements": {
            "chair": "a Chair",
            "co_chairs": "co-Chairs",
            "troika": "a troika",
            "steering_committee": "a steering committee",
            "secretariat": "a secretariat",
            "working_groups": "working groups",
            "national_focal_points": "national focal points",
        },
        "secretariat_kind": {"political": "political", "technical": "technical"},
        "secretariat_functions": {
            "background_documents": "preparing background documents",
            "organising_meetings": "organizing meetings",
            "liaising_with_focal_points": "liaising with national focal points",
            "monitoring": "monitoring",
            "communication": "communication",
            "resource_mobilisation": "mobilizing resources",
        },
        "communication_channels": {
            "email": "via e-mail",
            "meetings": "at meetings",
            "website": "on its website",
            "newsletter": "through a newsletter",
            "social_media": "on social media",
            "reports": "through reports",
        },
        "communication_frequency": {
            "regular": "regular ",
            "occasional": "occasional ",
            "rare": "infrequent ",
        },
        "funding_sources": {
            "member_state_contributions": "contributions from Member States",
            "regional_organisation": "a regional organization",
            "eu": "the European Union",
            "host_country": "the host country",
            "igo": "inter-governmental organizations",
            "donors": "donors",
            "project_funding": "project funding",
        },
        # plural verb phrases: "IOM and UNHCR provide technical advice"
        "igo_roles_plural": {
            "technical_advice": "provide technical advice",
            "funding": "provide funding",
            "implementation": "implement projects",
            "secretariat_support": "support the secretariat",
            "steering_committee_membership": "sit on the steering committee",
            "observer": "take part as observers",
        },
        "igo_roles_singular": {
            "technical_advice": "provides technical advice",
            "funding": "provides funding",
            "implementation": "implements projects",
            "secretariat_support": "supports the secretariat",
            "steering_committee_membership": "sits on the steering committee",
            "observer": "takes part as an observer",
        },
        "civil_society_engagement": {
            "attend_meetings": "attend meetings of the process",
            "technical_inputs": "provide technical inputs",
            "implementation": "take part in implementation",
        },
    },
    # Charts
    "chart_thematic_title": "Thematic areas: originating mandate and current priorities",
    "chart_thematic_alt": "Chart of the thematic areas of {iscm}, originally and now.",
    "chart_thematic_area": "Thematic area",
    "chart_thematic_original": "Originating mandate",
    "chart_thematic_current": "Current priorities",
    "chart_yes": "Yes",
    "chart_no": "No",
    "chart_value_title": "Value of membership as cited by Member States",
    "chart_value_alt": "Bar chart of how many Member States cited each value of membership.",
    "chart_value_area": "Value of membership",
    "chart_value_count": "Number of Member States",
    "chart_meetings_title": "Meetings held per year, by level",
    "chart_meetings_alt": "Stacked bar chart of the meetings of {iscm} per year, by level.",
    "chart_meetings_year": "Year",
    "chart_meetings_count": "Number of meetings",
    "chart_meetings_total": "Total",
    "chart_meetings_unspecified": "Level not given",
    "chart_data_caption": "Data of the chart",
    # Annex and page furniture
    "annex": "Annex",
    "annex_meetings": "Meetings held",
    "annex_meeting_date": "Date",
    "annex_meeting_place": "Place",
    "annex_meeting_level": "Level",
    "annex_meeting_title": "Meeting",
    "annex_meeting_host": "Host and chair",
    "annex_meeting_host_value": "Host: {host}",
    "annex_meeting_chair_value": "Chair: {chair}",
    "annex_respondents": "States and inter-governmental organizations that answered about the ISCM",
    "annex_respondent": "Respondent",
    "annex_respondent_type": "Type",
    "annex_respondent_role": "Role in the ISCM",
    "annex_sources": "Sources",
    "annex_source_organisation": "Respondent",
    "annex_source_type": "Questionnaire",
    "annex_source_submitted": "Submitted on",
    "annex_source_version": "Version",
    "annex_round": "Survey round: {name}{year}. Summary generated on {date}.",
    "respondent_types": {
        "state": "State",
        "iscm": "ISCM",
        "igo": "Inter-governmental organization",
    },
    "page": "Page",
    "page_of": "of",
    # The compendium for the global gathering
    "compendium_title": "Compendium of the Summaries of Findings per ISCM",
    "compendium_subtitle": "Prepared for the global gathering of ISCMs",
    "compendium_iscms_covered": "{iscms} covered",
    "contents": "Contents",
    "participation": "Participation in the survey",
    "participation_intro": (
        "{states} and {iscms} and {igos} provided answers to the questionnaires of the round "
        "{round}."
    ),
    "participation_by_type_title": "Respondents by type",
    "participation_by_type_alt": "Bar chart of the respondents that answered, by type.",
    "participation_by_region_title": "Respondents by region and type",
    "participation_by_region_alt": "Bar chart of the respondents that answered, by region and type.",
    "participation_type": "Type of respondent",
    "participation_region": "Region",
    "participation_answered": "Answered",
    "participation_invited": "Invited",
    "participation_rate": "Response rate",
    "participation_total": "Total",
    "region_unspecified": "Region not given",
    "comparisons": "Comparisons across ISCMs",
    "comparison_thematic": "Thematic areas of each ISCM",
    "comparison_thematic_key": (
        "● current priority; ○ in the originating mandate only; an empty cell: not covered."
    ),
    "comparison_thematic_current": "current priority",
    "comparison_thematic_original": "originating mandate only",
    "comparison_structures": "Structures side by side",
    "comparison_iscm": "ISCM",
    "comparison_kind": "Kind",
    "comparison_founded": "Founded",
    "comparison_structure_elements": "Structures",
    "comparison_secretariat": "Secretariat managed by",
    "comparison_strategy": "Strategy",
    "comparison_work_plan": "Work plan",
    "comparison_funding": "Funding",
    "comparison_not_answered": "did not answer",
    "comparison_partners": "Partnerships among ISCMs and inter-governmental organizations",
    "comparison_partners_alt": (
        "Network diagram: each ISCM is linked to the ISCMs and inter-governmental organizations it "
        "named as partners."
    ),
    "comparison_partners_key": (
        "Squares: ISCMs; circles: inter-governmental organizations. A line joins an ISCM to each "
        "partner it named."
    ),
    "comparison_partner_iscms": "Partner ISCMs",
    "comparison_partner_igos": "Partner inter-governmental organizations",
    "summaries": "Summaries of findings per ISCM",
    "iscm_kinds": {"rcp": "Regional", "irf": "Interregional", "global": "Global"},
    "yes_no": {"yes": "Yes", "no": "No", "in_preparation": "In preparation"},
}

PHRASES: dict[str, dict[str, Any]] = {
    "en": EN,
    "fr": FR,
    "es": ES,
    "ar": AR,
}

RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})
#: keys whose value is a table of its own, translated entry by entry
NESTED_TABLES: tuple[str, ...] = (
    "titles",
    "funding_stability",
    "respondent_types",
    "language_names",
    "answer_topics",
    "funding_views",
    "iscm_kinds",
    "yes_no",
)


def text_direction(text: str, default: str) -> str:
    """``rtl`` or ``ltr`` after the first strongly directional character of ``text``."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return default


def upper_first(text: str) -> str:
    """``text`` with its first letter capitalised (for a name that opens a sentence)."""
    return text[:1].upper() + text[1:]


class Phrases:
    """The phrase table of one language, with English as the fallback of every key."""

    def __init__(self, language: str) -> None:
        self.language = language
        own = PHRASES.get(language, {})
        table = {**EN, **own}
        # Nested tables fall back entry by entry, so a partial translation stays usable
        for key in NESTED_TABLES:
            table[key] = {**EN[key], **own.get(key, {})}
        own_choices = own.get("choices", {})
        table["choices"] = {
            group: {**EN["choices"].get(group, {}), **own_choices.get(group, {})}
            for group in {**EN["choices"], **own_choices}
        }
        self._table = table

    @property
    def direction(self) -> str:
        """``rtl`` for right-to-left languages, else ``ltr``."""
        return "rtl" if self.language in RTL_LANGUAGES else "ltr"

    def __getitem__(self, key: str) -> Any:
        return self._table[key]

    def format(self, key: str, **fields: str) -> str:
        """The template ``key`` filled with ``fields``.

        Where the template's text and a field meet as a contraction of the language ("de" +
        "le Processus" in French), the contracted form is written ("du Processus").
        """
        return self.fill_template(str(self._table[key]), **fields)

    def fill_template(self, template: str, **fields: str) -> str:
        """``template`` filled with ``fields``, contractions applied where they meet."""
        contractions = self._table["contractions"]
        if not contractions:
            return template.format(**fields)
        text = ""
        for literal, name, spec, _conversion in Formatter().parse(template):
            text += literal
            if name is None:
                continue
            value = format(fields[name], spec or "")
            for joined, contracted in contractions:
                preposition, article = joined.split(" ", 1)
                before = text[: -len(preposition) - 1]
                if (
                    text.endswith(preposition + " ")
                    and (not before or before[-1] in " ('’")
                    and value.startswith(article)
                ):
                    text = before + contracted
                    value = value[len(article) :]
                    break
            text += value
        return text

    def choice(self, group: str, code: str) -> str | None:
        """How choice ``code`` of ``group`` reads inside a sentence, or None when not known."""
        return self._table["choices"].get(group, {}).get(code)

    def join(self, items: Sequence[str]) -> str:
        """Join ``items`` as a sentence lists them: "a, b and c"."""
        items = [item for item in items if item]
        if not items:
            return ""
        if len(items) == 1:
            return items[0]
        separator = self._table["list_separator"]
        # A comma inside the last item does not confuse the reader; one inside the others does
        if any(separator.strip() in item for item in items[:-1]):
            separator = self._table["long_list_separator"]
        return self._table["join_last"].format(
            head=separator.join(items[:-1]), last=items[-1], **{"and": self._table["and"]}
        )

    def number(self, n: int) -> str:
        """``n`` in words where the table has a word for it, else in digits."""
        words = self._table["numbers"]
        return words[n] if 0 <= n < len(words) else str(n)

    def counted(self, key: str, n: int, words: bool = False) -> str:
        """``n`` with the singular or plural noun of ``key`` ("46 States").

        :param words: write ``n`` in words where the table has a word for it ("three States").
        """
        forms = self._table[key]
        if n == 1:
            form = forms[0]
        elif len(forms) == 3 and not 2 <= n <= 10:
            # Arabic: a plural noun after three to ten, a singular one from eleven on
            form = forms[2]
        else:
            form = forms[1]
        return form.format(n=self.number(n) if words else n)

    def date(self, day: dt.date) -> str:
        """A date as the summary writes it ("28 Nov. 2014")."""
        return self.format(
            "date", day=str(day.day), month=self._table["months"][day.month - 1], year=str(day.year)
        )

    def date_range(self, start: dt.date, end: dt.date | None) -> str:
        """A date or a span of dates ("18-19 Sept. 2018")."""
        if end is None or end == start:
            return self.date(start)
        if (start.year, start.month) == (end.year, end.month):
            return self.format(
                "date_range_same_month",
                day=str(start.day),
                end_day=str(end.day),
                month=self._table["months"][start.month - 1],
                year=str(start.year),
            )
        return self.format("date_range", start=self.date(start), end=self.date(end))

    def with_article(self, text: str) -> str:
        """``text`` preceded by the definite article unless it already starts with an article.

        Languages whose article depends on the noun's gender (no ``definite_article``) quote the
        title instead.
        """
        if text.casefold().startswith(tuple(self._table["articles"])):
            return text
        article = self._table["definite_article"]
        if article is None:
            return self.quote(text)
        return f"{article}{text}"

    def quote(self, text: str) -> str:
        """``text`` between quotation marks."""
        return self.format("quote", text=text)
