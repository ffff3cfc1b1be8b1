"""Draft the prose of a per-ISCM summary from the answers in a dossier.

Every sentence is built from an answer: the ISCM's own answers first, then what States and IGOs
said about the ISCM. A question left unanswered yields no sentence. Templates and the phrases of
choice codes are the messages of ``reports/locales/<language>.ftl``, read by
:mod:`reports.phrases`; States and organisations enter them as noun phrases, so that a sentence
agrees with the name it cites.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reports import feeds
from reports.dossier import IgoView, IscmDossier, OrganisationName, StateView
from reports.phrases import NounPhrase, Phrases, upper_first

SECTION_KEYS: tuple[str, ...] = (
    "programming",
    "contribution",
    "structures",
    "partnerships",
    "membership_value",
)

_SEVERAL_SENTENCES = re.compile(r"[.!?؟]\s+\S")
_FIRST_WORD = re.compile(r"\w[\w'’-]*")
_TERMINAL = (".", "!", "?", "…", "؟", "。", '"', "”", "’", ")", "»")


@dataclass
class DraftSection:
    """One numbered section of the summary, as drafted from the answers."""

    number: int
    key: str
    title: str
    paragraphs: list[str]
    #: answers quoted as given, in another language than the summary's: (text, language)
    foreign: list[tuple[str, str]] = field(default_factory=list)


def introduction(dossier: IscmDossier) -> list[str]:
    """The two introductory paragraphs, with the round's year and participation counts."""
    phrases = Phrases(dossier.language)
    survey_round = dossier.round
    return [
        phrases.format("intro", year=survey_round.year),
        phrases.format(
            "intro_results",
            year=survey_round.year,
            states=phrases.counted("count_states", survey_round.states_answered),
            iscms=phrases.counted("count_iscms", survey_round.iscms_answered),
            igos=phrases.counted("count_igos", survey_round.igos_answered),
        ),
    ]


def draft_sections(dossier: IscmDossier) -> list[DraftSection]:
    """The five numbered sections of the summary, drafted from the dossier's answers."""
    drafter = _Drafter(dossier)
    builders = {
        "programming": (drafter.programming, False),
        "contribution": (drafter.contribution, True),
        "structures": (drafter.structures, False),
        "partnerships": (drafter.partnerships, True),
        "membership_value": (drafter.membership_value, True),
    }
    sections = []
    for number, key in enumerate(SECTION_KEYS, start=1):
        build, cross_referenced = builders[key]
        paragraphs = drafter.compose(build(), cross_referenced)
        sections.append(
            DraftSection(
                number=number,
                key=key,
                title=drafter.phrases.table("titles")[key],
                paragraphs=paragraphs,
                foreign=drafter.foreign_in(paragraphs),
            )
        )
    return sections


def sentence(text: str) -> str:
    """``text`` with its whitespace collapsed and closing punctuation ensured."""
    text = " ".join(text.split())
    if text and not text.endswith(_TERMINAL):
        text += "."
    return text


def _paragraph(sentences: Iterable[str]) -> str:
    return " ".join(s for s in sentences if s)


def _same_document(first: str, second: str, phrases: Phrases) -> bool:
    def bare(text: str) -> str:
        return phrases.without_article(" ".join(text.split()).casefold().rstrip("."))

    return bare(first) == bare(second)


class _Drafter:
    """Builds the sentences of each section for one dossier."""

    def __init__(self, dossier: IscmDossier) -> None:
        self.dossier = dossier
        self.answers = dossier.answers
        self.phrases = Phrases(dossier.language)
        #: the ISCM as it stands inside a sentence, with its grammar
        self.iscm_name = self.phrases.name(
            dossier.iscm.code, dossier.iscm.in_sentence or dossier.iscm.name
        )
        self.iscm = self.iscm_name.text
        #: the ISCM's free text is in another language than the summary: quoted, never spliced
        self.own_language = dossier.answer_language or dossier.language
        self.foreign = self.own_language != dossier.language
        self.foreign_texts: dict[str, str] = {}
        # A cited text not for attribution means the list of referring States or IGOs must not
        # be spelled out either, or the reader could tell who said it.
        self.states_unnamed = any(
            (view.benefits and not view.benefits_attributable)
            or (view.national_impact and not view.national_impact_attributable)
            for view in dossier.state_views
        )
        self.igos_unnamed = any(
            (view.cooperation and not view.cooperation_attributable)
            or (view.examples and not view.examples_attributable)
            for view in dossier.igo_views
        )

    # Reading answers

    def text(self, slot: str) -> str | None:
        """The text answer filling ``slot``, its whitespace collapsed; None when unanswered."""
        return self.as_text(self.dossier.slot(slot))

    def other_text(self, slot: str) -> str | None:
        """The "other, please specify" text of the choice question filling ``slot``."""
        return self.as_text(self.answers.get(f"{feeds.key(slot)}_other"))

    def as_text(self, value: Any) -> str | None:
        """An answer as text with its whitespace collapsed, or None when it is no text."""
        if isinstance(value, bool) or value is None:
            return None
        if isinstance(value, int | float):
            return str(value)
        if isinstance(value, str):
            return self.as_given(value, self.own_language)
        return None

    def as_given(self, text: str | None, language: str | None) -> str | None:
        """Free text with its whitespace collapsed, noted as foreign when not in the summary's
        language so that the HTML can mark it with its language."""
        collapsed = " ".join((text or "").split()) or None
        if collapsed and language and language != self.dossier.language:
            self.foreign_texts[collapsed] = language
        return collapsed

    def foreign_in(self, paragraphs: list[str]) -> list[tuple[str, str]]:
        """The foreign answers quoted in ``paragraphs``, longest first."""
        found = [
            (text, language)
            for text, language in self.foreign_texts.items()
            if any(text in paragraph for paragraph in paragraphs)
        ]
        return sorted(found, key=lambda pair: -len(pair[0]))

    def topic(self, key: str, text: str) -> str:
        """An answer in another language, introduced by what it is about ("Mandate: ...")."""
        return self.phrases.format(
            "answer_topic", topic=self.phrases.table("answer_topics")[key], text=sentence(text)
        )

    def codes(self, slot: str) -> list[str]:
        """The codes chosen in the choice question filling ``slot`` (a list even for
        ``select_one``).

        "Other" without its "please specify" text says nothing, so it is left out.
        """
        value = self.dossier.slot(slot)
        if isinstance(value, str):
            chosen = [value]
        elif isinstance(value, list):
            chosen = [str(code) for code in value if code not in (None, "")]
        else:
            chosen = []
        return [code for code in chosen if code and (code != "other" or self.other_text(slot))]

    def rows(self, slot: str) -> list[dict[str, Any]]:
        """The rows of the ``repeat`` answer filling ``slot``."""
        value = self.dossier.slot(slot)
        if not isinstance(value, list):
            return []
        return [row for row in value if isinstance(row, dict)]

    def date(self, slot: str) -> dt.date | None:
        """The date answer filling ``slot``, or None when unanswered or not a date."""
        value = self.dossier.slot(slot)
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return None
        return None

    # Wording

    def fill(self, key: str, **fields: str | NounPhrase) -> str:
        """Message ``key`` with the ISCM's name (``iscm``, ``Iscm`` to open a sentence)."""
        return self.phrases.format(
            key, iscm=self.iscm_name, Iscm=self.iscm_name.capitalised(), **fields
        )

    def choice(self, group: str, code: str) -> str | None:
        """How choice ``code`` of ``group`` reads inside a sentence about the ISCM (a verb may
        agree with it), or None when the language has no phrase for it."""
        return self.phrases.choice(
            group, code, iscm=self.iscm_name, Iscm=self.iscm_name.capitalised()
        )

    def label_in_sentence(self, slot: str, code: str) -> str:
        """A choice label as it stands inside a sentence ("root causes of irregular migration")."""
        label = self.dossier.slot_label(slot, code)
        if code == "other":
            return self.as_given(label, self.own_language) or label
        return _in_sentence(label)

    def phrase_list(self, group: str, slot: str, codes: Sequence[str] | None = None) -> list[str]:
        """The in-sentence phrases of the codes chosen in ``slot`` (phrase ``group`` first)."""
        chosen = self.codes(slot) if codes is None else codes
        return [self.choice(group, code) or self.label_in_sentence(slot, code) for code in chosen]

    def organisation(self, code: str) -> OrganisationName | None:
        """The registry name of ``code``, when the dossier carries it."""
        return self.dossier.organisations.get(code)

    def organisations(self, slot: str, short: bool = False) -> list[NounPhrase]:
        """Names of the organisations chosen in ``slot``, in alphabetical order, "other" last."""
        named, others = [], []
        for code in self.codes(slot):
            organisation = self.organisation(code)
            if organisation is None:
                others.append(NounPhrase(self.dossier.slot_label(slot, code)))
            elif short:
                named.append((organisation.short_name, self.short_name(organisation)))
            else:
                named.append((organisation.name, self.in_sentence(organisation)))
        named.sort(key=lambda pair: collation_key(pair[0]))
        return [shown for _, shown in named] + others

    def in_sentence(self, organisation: OrganisationName) -> NounPhrase:
        """A State or organisation as it stands inside a sentence, with its grammar."""
        return self.phrases.name(organisation.code, organisation.in_sentence or organisation.name)

    def short_name(self, organisation: OrganisationName) -> NounPhrase:
        """An organisation by its short name (an acronym), with its article where the language
        gives it one ("l'OIM")."""
        return self.phrases.name(organisation.code, organisation.short_name)

    def clause(
        self, text: str, subjects: Sequence[str] = (), language: str | None = None
    ) -> str | None:
        """``text`` as a clause completing a template, or None when it is a sentence of its own.

        :param subjects: names that may open the answer and that the template already says.
        :param language: the language ``text`` was written in (the ISCM's answers' by default);
            text in another language than the summary's is never cut into a clause.
        """
        if (language or self.own_language) != self.dossier.language:
            return None
        text = text.strip()
        stripped = False
        for subject in subjects:
            if subject and text.casefold().startswith(subject.casefold() + " "):
                text = text[len(subject) + 1 :]
                stripped = True
                break
        text = text.removesuffix(".")
        if not text or _SEVERAL_SENTENCES.search(text):
            return None
        first = _FIRST_WORD.match(text)
        if stripped or text[0].islower() or first is None:
            return text
        word = first.group()
        is_plain_word = word[1:] == word[1:].lower()
        if is_plain_word and (
            word.casefold() in self.phrases.clause_openers
            or word.casefold().endswith(self.phrases.gerund_suffixes)
        ):
            return text[:1].lower() + text[1:]
        return None

    def compose(self, paragraphs: list[str], cross_referenced: bool) -> list[str]:
        """A section's paragraphs, saying so plainly when nothing was answered."""
        paragraphs = [p for p in paragraphs if p]
        if not self.dossier.has_own_answers:
            opening = [self.fill("iscm_did_not_answer")]
            if cross_referenced and not paragraphs:
                opening.append(self.phrases.format("nobody_else_on_topic"))
            return [_paragraph(opening), *paragraphs]
        return paragraphs or [self.phrases.format("nothing_on_topic")]

    # 1. Programming and thematic focus

    def programming(self) -> list[str]:
        """Mandate and thematic evolution; strategy, guiding document and work plan."""
        founding_document = self.text("programming.founding_document")
        guiding_document = self.text("programming.guiding_document")
        same_document = bool(
            founding_document
            and guiding_document
            and _same_document(founding_document, guiding_document, self.phrases)
        )
        founding_date = self.date("programming.founding_date")
        year = self.text("programming.founding_year") or (
            str(founding_date.year) if founding_date else None
        )

        mandate_sentences = []
        mandate = self.text("programming.mandate")
        mandate_clause = (
            self.clause(mandate, (self.iscm, self.dossier.iscm.name, self.dossier.iscm.acronym))
            if mandate
            else None
        )
        if founding_document:
            document = self.phrases.with_article(founding_document)
            # Where and when it was adopted is told once: with the guiding document if the same
            adopted = None if same_document else self.adoption(document)
            if adopted:
                document = adopted
            elif year:
                document = self.phrases.format("document_of_year", document=document, year=year)
            if mandate_clause:
                mandate_sentences.append(
                    self.fill("founding_mandate", document=document, mandate=mandate_clause)
                )
            else:
                mandate_sentences.append(self.fill("founding_document", document=document))
        elif mandate_clause:
            mandate_sentences.append(self.fill("mandate_only", mandate=mandate_clause))
        if mandate and not mandate_clause:
            mandate_sentences.append(
                self.topic("mandate", mandate) if self.foreign else sentence(mandate)
            )
        mandate_sentences.extend(self.thematic_focus())
        evolution = self.text("programming.thematic_evolution")
        if evolution:
            mandate_sentences.append(sentence(evolution))

        plan_sentences = []
        strategy = self.text("programming.has_strategy")
        strategy_title = self.text("programming.strategy_title")
        if strategy == "yes" and strategy_title:
            plan_sentences.append(self.fill("strategy_yes_titled", title=strategy_title))
        elif strategy in ("yes", "no", "in_preparation"):
            plan_sentences.append(self.fill(f"strategy_{strategy}"))
        if guiding_document:
            document = self.phrases.with_article(guiding_document)
            if same_document:
                document = self.adoption(document) or document
            plan_sentences.append(self.fill("guiding_document", document=document))
        plan_sentences.extend(self.work_plan())
        return [_paragraph(mandate_sentences), _paragraph(plan_sentences)]

    def adoption(self, document: str) -> str | None:
        """The founding document with where and when it was adopted, when answered."""
        event = self.text("programming.founding_event")
        founding_date = self.date("programming.founding_date")
        date = self.phrases.date(founding_date) if founding_date else None
        if event and date:
            event = self.phrases.with_article(event)
            return self.phrases.format(
                "document_adopted_at_on", document=document, event=event, date=date
            )
        if event:
            event = self.phrases.with_article(event)
            return self.phrases.format("document_adopted_at", document=document, event=event)
        if date:
            return self.phrases.format("document_adopted_on", document=document, date=date)
        return None

    def thematic_focus(self) -> list[str]:
        """How the thematic areas of the originating mandate compare with the current ones."""
        current_key = "programming.current_thematic_areas"
        original_key = "programming.original_thematic_areas"
        original = self.codes(original_key)
        current = self.codes(current_key)
        kept = [code for code in current if code in original]
        added = [code for code in current if code not in original]
        dropped = [code for code in original if code not in current]

        def names(slot: str, codes: list[str]) -> str:
            return self.phrases.join([self.label_in_sentence(slot, code) for code in codes])

        if original and current:
            if kept and added:
                sentences = [
                    self.fill(
                        "thematic_kept_added",
                        kept=names(current_key, kept),
                        added=names(current_key, added),
                    )
                ]
            elif kept:
                sentences = [self.fill("thematic_unchanged", kept=names(current_key, kept))]
            else:
                return [
                    self.fill(
                        "thematic_replaced",
                        original=names(original_key, original),
                        current=names(current_key, current),
                    )
                ]
            if dropped:
                sentences.append(
                    self.fill("thematic_dropped", dropped=names(original_key, dropped))
                )
            return sentences
        if current:
            return [self.fill("thematic_current", current=names(current_key, current))]
        if original:
            return [self.fill("thematic_original", original=names(original_key, original))]
        return []

    def work_plan(self) -> list[str]:
        """Whether a work plan guides the work, how often it is drawn up and who monitors it."""
        has_work_plan = self.text("programming.has_work_plan")
        if has_work_plan == "no":
            return [self.fill("work_plan_none")]
        if has_work_plan != "yes":
            return []
        sentences = []
        period = ""
        period_code = next(iter(self.codes("programming.work_plan_period")), None)
        if period_code:
            period = self.choice("work_plan_period", period_code) or self.fill(
                "work_plan_other_period",
                period=self.dossier.slot_label("programming.work_plan_period", period_code),
            )
        scope = ""
        scope_text = self.text("programming.work_plan_scope")
        scope_clause = self.clause(scope_text) if scope_text else None
        if scope_clause:
            scope = self.fill("work_plan_scope", scope=scope_clause)
        sentences.append(self.fill("work_plan", period=period, scope=scope))
        if scope_text and not scope_clause:
            sentences.append(
                self.topic("work_plan_scope", scope_text) if self.foreign else sentence(scope_text)
            )
        monitors = self.phrase_list("work_plan_monitors", "programming.work_plan_monitors")
        if monitors:
            key = "monitors_one" if len(monitors) == 1 else "monitors_many"
            sentences.append(self.fill(key, monitors=self.phrases.join(monitors)))
        return sentences

    # 2. Contribution to migration governance

    def contribution(self) -> list[str]:
        """National level (with States' own accounts), interregional and global levels."""
        national = []
        chosen = self.codes("contribution.national_means")
        outcome_codes = [c for c in chosen if self.choice("national_outcomes", c)]
        means = self.phrase_list(
            "national_means",
            "contribution.national_means",
            [c for c in chosen if c not in outcome_codes],
        )
        outcomes = self.phrase_list(
            "national_outcomes", "contribution.national_means", outcome_codes
        )
        if means:
            national.append(self.fill("national_means", means=self.phrases.join(means)))
        if outcomes:
            key = "national_outcomes_after_means" if means else "national_outcomes"
            national.append(self.fill(key, outcomes=self.phrases.join(outcomes)))
        examples = self.text("contribution.national_examples")
        if examples:
            national.append(sentence(examples))
        national.extend(self.national_impact_by_states())

        paragraphs = []
        if national:
            paragraphs.append(self.fill("national_level", text=_paragraph(national)))
        for slot, template in (
            ("contribution.interregional_contribution", "interregional_level"),
            ("contribution.global_contribution", "global_level"),
        ):
            text = self.text(slot)
            if text:
                paragraphs.append(self.fill(template, text=sentence(text)))
        return paragraphs

    def national_impact_by_states(self) -> list[str]:
        """What States reported about the ISCM's impact at national level."""
        anonymous = self.anonymous_states()
        sentences = []
        for view in _states_in_order(self.dossier.state_views):
            if not view.national_impact:
                continue
            if view.national_impact_attributable:
                subject = self.in_sentence(view.state).capitalised()
            else:
                subject = anonymous.next()
            impact = self.as_given(view.national_impact, view.language) or view.national_impact
            sentences.append(
                self.fill(
                    "national_impact_state",
                    State=subject,
                    quote=self.phrases.quote(sentence(impact)),
                )
            )
        return sentences

    # 3. Structures

    def structures(self) -> list[str]:
        """Structures, secretariat, documents, knowledge, communication, membership, funding."""
        sentences = []
        elements = []
        kinds = self.phrase_list("secretariat_kind", "structures.secretariat_kind")
        for code in self.codes("structures.structure_elements"):
            if code == "secretariat" and kinds:
                elements.append(self.fill("secretariat_of_kinds", kinds=self.phrases.join(kinds)))
            else:
                elements.extend(
                    self.phrase_list("structure_elements", "structures.structure_elements", [code])
                )
        if elements:
            sentences.append(self.fill("structures", elements=self.phrases.join(elements)))
        sentences.extend(self.secretariat())

        title = feeds.key("structures.governing_document_title")
        documents = [
            self.as_given(str(row[title]), self.own_language) or ""
            for row in self.rows("structures.governing_documents")
            if row.get(title)
        ]
        if documents:
            key = "governing_documents_one" if len(documents) == 1 else "governing_documents_many"
            sentences.append(self.fill(key, documents=self.phrases.join(documents)))

        knowledge = self.text("structures.knowledge_management")
        if knowledge:
            clause = self.clause(knowledge)
            if clause:
                sentences.append(self.fill("knowledge_management", clause=clause))
            elif self.foreign:
                sentences.append(self.topic("knowledge_management", knowledge))
            else:
                sentences.append(sentence(knowledge))
        sentences.extend(self.communication())
        sentences.extend(self.membership_changes())
        sentences.extend(self.funding())
        return [_paragraph(sentences)]

    def secretariat(self) -> list[str]:
        """Who manages and supports the secretariat, and what it does."""
        sentences = []
        managers = self.organisations("structures.secretariat_managed_by")
        supporters = self.organisations("structures.secretariat_supported_by")
        if managers:
            support = (
                self.fill("secretariat_support", supporters=self.phrases.join(supporters))
                if supporters
                else ""
            )
            key = "secretariat_managed_jointly" if len(managers) > 1 else "secretariat_managed"
            sentences.append(self.fill(key, managers=self.phrases.join(managers), support=support))
        elif supporters:
            sentences.append(
                self.fill("secretariat_supported", supporters=self.phrases.join(supporters))
            )
        functions = self.phrase_list("secretariat_functions", "structures.secretariat_functions")
        if functions:
            key = "secretariat_functions_after" if sentences else "secretariat_functions"
            sentences.append(self.fill(key, functions=self.phrases.join(functions)))
        return sentences

    def communication(self) -> list[str]:
        """How and how often the ISCM reports on its work."""
        slot = "structures.communication_channels"
        channels = [
            self.fill("communication_other_channel", channel=self.dossier.slot_label(slot, code))
            if code == "other"
            else self.choice("communication_channels", code) or self.label_in_sentence(slot, code)
            for code in self.codes(slot)
        ]
        frequency_code = self.text("structures.communication_frequency")
        frequency = ""
        if frequency_code:
            frequency = self.choice("communication_frequency", frequency_code) or ""
        if not channels and not frequency:
            return []
        joined = (
            self.fill("communication_channels", channels=self.phrases.join(channels))
            if channels
            else ""
        )
        return [self.fill("communication", frequency=frequency, channels=joined)]

    def membership_changes(self) -> list[str]:
        """States that joined or left, and other changes in governance."""
        changed = self.text("structures.membership_changed")
        if changed == "no":
            return [self.fill("membership_unchanged")]
        sentences = []
        if changed == "yes":
            joined = self.phrases.join_names(self.organisations("structures.states_joined"))
            left = self.phrases.join_names(self.organisations("structures.states_left"))
            if joined and left:
                sentences.append(self.fill("membership_joined_left", joined=joined, left=left))
            elif joined:
                sentences.append(self.fill("membership_joined", joined=joined))
            elif left:
                sentences.append(self.fill("membership_left", left=left))
            else:
                sentences.append(self.fill("membership_changed"))
            governance = self.text("structures.governance_changes")
            if governance:
                sentences.append(sentence(governance))
        return sentences

    def funding(self) -> list[str]:
        """Where the money comes from and how stable it is."""
        sentences = []
        description = self.text("structures.funding_description")
        # The questionnaire asks for a clause ("annual contributions from ..."); a respondent
        # may still write a whole sentence, which is then kept as written.
        funded_through = description.strip().removesuffix(".") if description else None
        if funded_through and (self.foreign or not funded_through[:1].islower()):
            funded_through = None
        if funded_through:
            sentences.append(self.fill("funding_sources", sources=funded_through))
        elif description and self.foreign:
            sentences.append(self.topic("funding_description", description))
        elif description:
            sentences.append(sentence(description))
        else:
            sources = [
                self.dossier.slot_label("structures.funding_sources", code)
                if code == "other"
                else self.choice("funding_sources", code)
                or self.label_in_sentence("structures.funding_sources", code)
                for code in self.codes("structures.funding_sources")
            ]
            if sources:
                sentences.append(self.fill("funding_sources", sources=self.phrases.join(sources)))
        stability = self.text("structures.funding_stability")
        known = bool(stability) and self.phrases.has(f"funding_stability.{stability}")
        if known:
            sentences.append(self.fill(f"funding_stability.{stability}"))
        sentences.extend(self.funding_views(stability if known else None))
        return sentences

    def funding_views(self, own: str | None) -> list[str]:
        """How the States judged the ISCM's funding, beside (and against) its own answer."""
        groups: dict[str, list[StateView]] = {}
        for view in _states_in_order(self.dossier.state_views):
            if view.funding_view in self.phrases.table("funding_views"):
                groups.setdefault(view.funding_view, []).append(view)
        # The States that agree with the ISCM first, then those that see it otherwise
        order = sorted(groups, key=lambda code: (code != own, list(groups).index(code)))
        sentences = []
        for code in order:
            views = groups[code]
            if all(view.funding_view_attributable for view in views):
                states = self.phrases.join_names([self.in_sentence(v.state) for v in views])
            else:
                states = NounPhrase(
                    self.phrases.counted("member_states_counted", len(views), words=True),
                    number="plural" if len(views) > 1 else "singular",
                )
            if own is None:
                key = "funding_view_only"
            else:
                key = "funding_view_same" if code == own else "funding_view_differs"
            sentences.append(
                self.fill(
                    key,
                    states=states,
                    States=states.capitalised(),
                    view=self.phrases.table("funding_views")[code],
                )
            )
        return sentences

    # 4. Partnerships

    def partnerships(self) -> list[str]:
        """Partner ISCMs and IGOs, civil society, and what the IGOs themselves said."""
        sentences = []
        partners = self.organisations("partnerships.partner_iscms")
        if partners:
            sentences.append(self.fill("partner_iscms", partners=self.phrases.join(partners)))
        cooperation = self.text("partnerships.partner_iscms_cooperation")
        if cooperation:
            sentences.append(sentence(cooperation))
        igos = self.organisations("partnerships.partner_igos", short=True)
        if igos:
            roles = self.phrase_list("igo_roles_plural", "partnerships.partner_igo_roles")
            roles_text = (
                self.fill("partner_igo_roles", roles=self.phrases.join(roles)) if roles else ""
            )
            key = "partner_igos_moreover" if sentences else "partner_igos"
            sentences.append(self.fill(key, igos=self.phrases.join(igos), roles=roles_text))
        sentences.extend(self.igo_examples())
        sentences.extend(self.civil_society())
        notes = self.text("partnerships.partnership_notes")
        if notes:
            sentences.append(sentence(notes))
        return [_paragraph(sentences), _paragraph(self.igo_views())]

    def igo_examples(self) -> list[str]:
        """The ISCM's own examples of work with IGOs."""
        sentences = []
        for row in self.rows("partnerships.partner_igo_examples"):
            example = row.get(feeds.key("partnerships.partner_igo_example_text"))
            if not isinstance(example, str) or not example.strip():
                continue
            example = self.as_given(example, self.own_language) or example
            code = row.get(feeds.key("partnerships.partner_igo_example_igo"))
            organisation = self.organisation(str(code)) if code else None
            clause = self.clause(example) if organisation else None
            if organisation and clause:
                key = "igo_example" if sentences else "igo_example_first"
                igo = self.short_name(organisation).capitalised()
                sentences.append(self.fill(key, Igo=igo, clause=clause))
            elif organisation and self.foreign:
                sentences.append(
                    self.phrases.format(
                        "answer_topic", topic=organisation.short_name, text=sentence(example)
                    )
                )
            else:
                sentences.append(sentence(example))
        return sentences

    def civil_society(self) -> list[str]:
        """How NGOs and CSOs take part."""
        codes = self.codes("partnerships.civil_society_engagement")
        if "none" in codes:
            return [self.fill("civil_society_none")]
        activities = self.phrase_list(
            "civil_society_engagement", "partnerships.civil_society_engagement"
        )
        if not activities:
            return []
        return [self.fill("civil_society", activities=self.phrases.join(activities))]

    def igo_views(self) -> list[str]:
        """What the IGOs surveyed said about their engagement with the ISCM."""
        views = sorted(self.dossier.igo_views, key=lambda view: view.igo.short_name.casefold())
        if not views:
            return []
        count = upper_first(self.phrases.number(len(views)))
        one = "_one" if len(views) == 1 else ""
        if self.igos_unnamed:
            sentences = [self.fill(f"igos_referred_unnamed{one}", Count=count)]
        else:
            names = self.phrases.format("list_separator").join(
                view.igo.short_name for view in views
            )
            sentences = [self.fill(f"igos_referred{one}", Count=count, names=names)]
        sentences.extend(self.igo_roles(views))
        anonymous = _AnonymousSubjects(
            self.phrases.noun("one_igo"), self.phrases.noun("another_igo")
        )
        first_example = True
        for view in views:
            for text, attributable in (
                (view.cooperation, view.cooperation_attributable),
                (view.examples, view.examples_attributable),
            ):
                text = self.as_given(text, view.language)
                if not text or self.already_said(text):
                    continue
                sentences.append(
                    self.igo_statement(view, text, attributable, anonymous, first_example)
                )
                first_example = False
        return sentences

    def already_said(self, text: str) -> bool:
        """Whether the ISCM's own examples already say ``text`` (IGOs often repeat them)."""
        example = feeds.key("partnerships.partner_igo_example_text")
        said = [
            _bare(row.get(example))
            for row in self.rows("partnerships.partner_igo_examples")
            if isinstance(row.get(example), str)
        ]
        said.append(_bare(self.text("partnerships.partnership_notes")))
        candidate = _bare(text)
        return bool(candidate) and any(candidate in s or (s and s in candidate) for s in said)

    def igo_roles(self, views: list[IgoView]) -> list[str]:
        """IGOs grouped by the roles they said they play."""
        groups: dict[tuple[str, ...], list[NounPhrase]] = {}
        labels: dict[str, str] = {}
        for view in views:
            labels.update(zip(view.role_codes, view.roles, strict=False))
            if view.role_codes:
                groups.setdefault(tuple(view.role_codes), []).append(
                    self.phrases.name(view.igo.code, view.igo.in_sentence or view.igo.short_name)
                )
        sentences = []
        for codes, names in groups.items():
            group = "igo_roles_singular" if len(names) == 1 else "igo_roles_plural"
            igos = self.phrases.join_names(names).capitalised()
            roles = [
                self.phrases.choice(group, code, igos=igos) or _in_sentence(labels.get(code, code))
                for code in codes
            ]
            sentences.append(self.fill("igo_roles", igos=igos, roles=self.phrases.join(roles)))
        return sentences

    def igo_statement(
        self,
        view: IgoView,
        text: str,
        attributable: bool,
        anonymous: _AnonymousSubjects,
        first: bool,
    ) -> str:
        """One IGO's account of its cooperation, named only when attributable."""
        names = (view.igo.short_name, view.igo.name, view.igo.in_sentence)
        if attributable:
            subject = self.short_name(view.igo).capitalised()
            if text.strip().casefold().startswith(tuple(n.casefold() + " " for n in names if n)):
                return sentence(text)
        else:
            subject = anonymous.next()
        clause = self.clause(text, language=view.language or self.dossier.language)
        if clause:
            key = "igo_example_first" if first else "igo_example"
            return self.fill(key, Igo=subject, clause=clause)
        return self.fill("reported", Subject=subject, quote=self.phrases.quote(sentence(text)))

    # 5. Value of membership

    def membership_value(self) -> list[str]:
        """What the ISCM says members value, then what the States themselves said."""
        sentences = []
        notes = self.text("membership_value.member_value_notes")
        if notes:
            sentences.append(sentence(notes))
        values = self.phrase_list("membership_value", "membership_value.member_value")
        if values:
            key = "member_value_further" if notes else "member_value"
            sentences.append(self.fill(key, values=self.phrases.join(values)))
        examples = self.text("membership_value.member_value_examples")
        if examples:
            sentences.append(sentence(examples))
        return [_paragraph(sentences), _paragraph(self.state_views())]

    def state_views(self) -> list[str]:
        """Which States referred to the ISCM and what they said they gained from it."""
        views = _states_in_order(self.dossier.state_views)
        if not views:
            if self.dossier.round.states_answered:
                return [self.fill("no_state_referred")]
            return []
        count = upper_first(self.phrases.number(len(views)))
        one = "_one" if len(views) == 1 else ""
        if self.states_unnamed:
            sentences = [self.fill(f"states_referred_unnamed{one}", Count=count)]
        else:
            names = self.phrases.format("list_separator").join(
                self.in_sentence(view.state).text for view in views
            )
            sentences = [self.fill(f"states_referred{one}", Count=count, names=names)]

        # A State whose benefits are not for attribution is not named anywhere in this part:
        # its chosen values go with its anonymous account rather than beside its name.
        anonymous = self.anonymous_states()
        named = [view for view in views if view.benefits and view.benefits_attributable]
        unnamed = [view for view in views if view.benefits and not view.benefits_attributable]
        for view in named:
            subject = self.in_sentence(view.state).capitalised()
            sentences.extend(self.state_account(subject, view))
        for view in views:
            if not view.benefits and (view.value_area_codes or view.value_areas):
                subject = self.in_sentence(view.state).capitalised()
                sentences.append(
                    self.fill("state_values", State=subject, values=self.state_values(view))
                )
        for view in unnamed:
            sentences.extend(self.state_account(anonymous.next(), view))
        sentences.extend(self.values_compared(views))
        return sentences

    def values_compared(self, views: list[StateView]) -> list[str]:
        """Where the values the ISCM claims and those its States cited agree, and differ."""
        claimed = [code for code in self.codes("membership_value.member_value") if code != "other"]
        cited: list[str] = []
        labels: dict[str, str] = {}
        for view in views:
            for code, label in zip(view.value_area_codes, view.value_areas, strict=False):
                labels.setdefault(code, label)
                if code not in cited:
                    cited.append(code)
        if not claimed or not cited:
            return []

        def phrases(codes: list[str]) -> str:
            return self.phrases.join(
                [
                    self.phrases.choice("membership_value", code)
                    or (
                        self.label_in_sentence("membership_value.member_value", code)
                        if code in claimed
                        else _in_sentence(labels.get(code, code))
                    )
                    for code in codes
                ]
            )

        shared = [code for code in claimed if code in cited]
        only_states = [code for code in cited if code not in claimed and code != "other"]
        sentences = []
        if shared:
            sentences.append(self.fill("value_shared", values=phrases(shared)))
        else:
            sentences.append(self.fill("value_not_cited", values=phrases(claimed)))
        if only_states:
            sentences.append(self.fill("value_only_states", values=phrases(only_states)))
        return sentences

    def state_account(self, subject: NounPhrase, view: StateView) -> list[str]:
        """What one State gained from the ISCM and what it values in it."""
        sentences = [self.state_benefits(subject, view.benefits or "", view.language)]
        values = self.state_values(view)
        if values:
            # The State is not named again, but a pronoun or a verb may agree with it
            sentences.append(self.fill("state_values_also", State=subject, values=values))
        return sentences

    def anonymous_states(self) -> _AnonymousSubjects:
        """ "One Member State", then "Another Member State"."""
        return _AnonymousSubjects(
            self.phrases.noun("one_state"), self.phrases.noun("another_state")
        )

    def state_benefits(
        self, subject: NounPhrase, benefits: str, language: str | None = None
    ) -> str:
        """A State's benefits: a phrase completing "... particularly from", else quoted."""
        language = language or self.dossier.language
        benefits = self.as_given(benefits, language) or benefits
        clause = self.clause(benefits, language=language)
        if clause:
            return self.fill("state_benefits", State=subject, benefits=clause)
        return self.fill("reported", Subject=subject, quote=self.phrases.quote(sentence(benefits)))

    def state_values(self, view: StateView) -> str:
        """The membership values a State chose, as a phrase."""
        labels = dict(zip(view.value_area_codes, view.value_areas, strict=False))
        codes = view.value_area_codes or view.value_areas
        return self.phrases.join(
            [
                self.phrases.choice("membership_value", code)
                or _in_sentence(labels.get(code, code))
                for code in codes
            ]
        )


class _AnonymousSubjects:
    """Hands out "One Member State", then "Another Member State", for unattributed answers."""

    def __init__(self, first: NounPhrase, following: NounPhrase) -> None:
        self._first = first
        self._following = following
        self._used = False

    def next(self) -> NounPhrase:
        subject = self._following if self._used else self._first
        self._used = True
        return subject


def _in_sentence(label: str) -> str:
    """A label as it stands inside a sentence: lower case first, unless it opens with an acronym."""
    first = _FIRST_WORD.match(label)
    if first and not any(char.isupper() for char in first.group()[1:]):
        return label[:1].lower() + label[1:]
    return label


def collation_key(name: str) -> str:
    """``name`` folded for alphabetical order: "Égypte" sorts with "Egypt", not after "Z"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _states_in_order(views: Sequence[StateView]) -> list[StateView]:
    return sorted(views, key=lambda view: collation_key(view.state.name))


def _bare(text: str | None) -> str:
    """``text`` reduced to lower-case letters and digits, for comparing statements."""
    return "".join(ch for ch in (text or "").casefold() if ch.isalnum())
