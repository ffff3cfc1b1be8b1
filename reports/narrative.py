"""Draft the prose of a per-ISCM summary from the answers in a dossier.

Every sentence is built from an answer: the ISCM's own answers first, then what States and IGOs
said about the ISCM. A question left unanswered yields no sentence. Each drafted sentence carries
the answers it was built from (:class:`SentenceSource`: whose response, which question, which
item), so that an analyst can see where it comes from and a check can find a sentence without
one. Templates and the phrases of choice codes are the messages of
``reports/locales/<language>.ftl``, read by :mod:`reports.phrases`; States and organisations
enter them as noun phrases, so that a sentence agrees with the name it cites.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
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
_PARENTHESES = re.compile(r"\([^()]*\)")


@dataclass(frozen=True)
class SentenceSource:
    """One answer a drafted sentence is built from.

    :param organisation: the code of the organisation whose response holds the answer (the
        ISCM, a State, an IGO); empty for a fact of the survey round.
    :param name: that organisation (or the round) as the summary names it.
    :param respondent_type: ``iscm``, ``state`` or ``igo``; ``round`` for the round's own facts
        (its year, how many answered).
    :param question: the question's key, ``<parent>.<child>`` for a child of a ``per_item`` or
        ``repeat`` question (``iscm_views.benefits``); for the round, the fact (``year``,
        ``states_answered``); empty for a whole response.
    :param item: the item the answer is about inside a ``per_item`` or ``repeat`` question: the
        ISCM a State's or IGO's view is about, the IGO of an example row.
    :param answered: False when the sentence says that the answer is missing.
    """

    organisation: str
    name: str
    respondent_type: str
    question: str
    item: str | None = None
    answered: bool = True


@dataclass(frozen=True)
class DraftSentence:
    """A drafted sentence (or a free-text answer quoted whole) and the answers it says."""

    text: str
    sources: tuple[SentenceSource, ...]


@dataclass
class DraftSection:
    """One numbered section of the summary, as drafted from the answers."""

    number: int
    key: str
    title: str
    #: the section's paragraphs, each the sentences it is made of
    sentences: list[tuple[DraftSentence, ...]]
    #: answers quoted as given, in another language than the summary's: (text, language)
    foreign: list[tuple[str, str]] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        """The section's paragraphs as text."""
        return [_joined(paragraph) for paragraph in self.sentences]


def draft_introduction(dossier: IscmDossier) -> list[tuple[DraftSentence, ...]]:
    """The two introductory paragraphs, with the round's year and participation counts, and
    the facts of the round they state."""
    phrases = Phrases(dossier.language)
    survey_round = dossier.round

    def facts(*names: str) -> tuple[SentenceSource, ...]:
        return tuple(SentenceSource("", survey_round.name, "round", name) for name in names)

    return [
        (DraftSentence(phrases.format("intro", year=survey_round.year), facts("year")),),
        (
            DraftSentence(
                phrases.format(
                    "intro_results",
                    year=survey_round.year,
                    states=phrases.counted("count_states", survey_round.states_answered),
                    iscms=phrases.counted("count_iscms", survey_round.iscms_answered),
                    igos=phrases.counted("count_igos", survey_round.igos_answered),
                ),
                facts("year", "states_answered", "iscms_answered", "igos_answered"),
            ),
        ),
    ]


def introduction(dossier: IscmDossier) -> list[str]:
    """The two introductory paragraphs, with the round's year and participation counts."""
    return [_joined(paragraph) for paragraph in draft_introduction(dossier)]


def draft_sections(dossier: IscmDossier) -> list[DraftSection]:
    """The five numbered sections of the summary, drafted from the dossier's answers."""
    drafter = _Drafter(dossier)
    builders = {
        "programming": drafter.programming,
        "contribution": drafter.contribution,
        "structures": drafter.structures,
        "partnerships": drafter.partnerships,
        "membership_value": drafter.membership_value,
    }
    sections = []
    for number, key in enumerate(SECTION_KEYS, start=1):
        paragraphs = drafter.compose(key, builders[key]())
        sections.append(
            DraftSection(
                number=number,
                key=key,
                title=drafter.phrases.table("titles")[key],
                sentences=paragraphs,
                foreign=drafter.foreign_in([_joined(paragraph) for paragraph in paragraphs]),
            )
        )
    return sections


def sentence(text: str) -> str:
    """``text`` with its whitespace collapsed and closing punctuation ensured."""
    text = " ".join(text.split())
    if text and not text.endswith(_TERMINAL):
        text += "."
    return text


def _joined(sentences: Iterable[DraftSentence]) -> str:
    return " ".join(said.text for said in sentences if said.text)


#: a paragraph as it is being drafted: its sentences, in order
Paragraph = list[DraftSentence]


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
        #: the language the ISCM wrote its free text in: text in another language than the
        #: summary's is quoted, never spliced, unless an analyst's translation replaces it
        self.own_language = dossier.answer_language or dossier.language
        self.foreign_texts: dict[str, str] = {}
        #: the free-text answers the dossier shows in another language (empty: not listed)
        self.passage_texts = frozenset(_passage_key(passage.text) for passage in dossier.passages)
        #: the translations the dossier shows in their place, compared the same way
        self.translated = frozenset(_passage_key(text) for text in dossier.translated)
        # A cited text not for attribution means the list of referring States or IGOs must not
        # be spelled out either, or the reader could tell who said it.
        self.states_unnamed = any(
            (view.benefits and not view.benefits_attributable)
            or (view.national_impact and not view.national_impact_attributable)
            for view in dossier.state_views
        )
        #: how a State's values were set beside the ISCM's list so far ("listed", "unlisted"):
        #: each way is written out once, then referred back to
        self.frames_said: set[str] = set()
        self.igos_unnamed = any(
            (view.cooperation and not view.cooperation_attributable)
            or (view.examples and not view.examples_attributable)
            for view in dossier.igo_views
        )

    # Where a sentence comes from

    def said(self, text: str, sources: Iterable[SentenceSource]) -> DraftSentence:
        """``text`` as a drafted sentence built from ``sources`` (each named once)."""
        return DraftSentence(text, tuple(dict.fromkeys(sources)))

    def iscm_source(
        self, question: str, item: str | None = None, answered: bool = True
    ) -> SentenceSource:
        """An answer of the ISCM's own response (the whole response when ``question`` is "")."""
        iscm = self.dossier.iscm
        return SentenceSource(
            iscm.code, iscm.acronym or iscm.name, "iscm", question, item, answered
        )

    def own(self, *slots: str) -> list[SentenceSource]:
        """The ISCM's answers filling ``slots``, those it gave, with their "other" texts."""
        sources = []
        for name in slots:
            key = feeds.slot(name).path
            value = self.answers.get(key)
            if value in (None, "", [], {}):
                continue
            sources.append(self.iscm_source(key))
            chosen = value if isinstance(value, list) else [value]
            if "other" in chosen and self.answers.get(f"{key}_other"):
                sources.append(self.iscm_source(f"{key}_other"))
        return sources

    def view_source(self, view: StateView | IgoView, slot: str) -> SentenceSource:
        """What a State or IGO answered about the ISCM in the question filling ``slot``."""
        if isinstance(view, StateView):
            organisation, respondent_type = view.state, "state"
        else:
            organisation, respondent_type = view.igo, "igo"
        return SentenceSource(
            organisation.code,
            organisation.short_name,
            respondent_type,
            feeds.slot(slot).path,
            self.dossier.iscm.code,
        )

    def round_source(self, fact: str) -> SentenceSource:
        """A fact of the survey round (``states_answered``, ``igos_answered``)."""
        return SentenceSource("", self.dossier.round.name, "round", fact)

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

    def is_foreign(self, text: str, language: str | None = None) -> bool:
        """Whether ``text``, written in ``language`` (the ISCM's by default), stands in the
        summary in another language than the summary's: no translation replaces it."""
        if (language or self.own_language) == self.dossier.language:
            return False
        key = _passage_key(text)
        if key in self.translated:
            return False
        # Once the dossier lists its passages, a text that is none of them is a code or a
        # number read as text ("no", "stable"), in no language
        return not self.passage_texts or key in self.passage_texts

    def as_given(self, text: str | None, language: str | None) -> str | None:
        """Free text with its whitespace collapsed, noted as foreign when not in the summary's
        language so that the HTML can mark it with its language."""
        collapsed = " ".join((text or "").split()) or None
        if collapsed and language and self.is_foreign(collapsed, language):
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
        """An answer in another language, quoted after what it is about (« Mandat : “...” »)."""
        return self.phrases.format(
            "answer_topic",
            topic=self.phrases.table("answer_topics")[key],
            text=self.phrases.quote(sentence(text)),
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

    def fill(self, key: str, **fields: object) -> str:
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
        if self.is_foreign(text, language):
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

    def compose(self, section: str, paragraphs: list[Paragraph]) -> list[tuple[DraftSentence, ...]]:
        """A section's paragraphs, saying so plainly when nothing was answered.

        That the ISCM did not answer is said once, in the first section; a later section with
        nothing from the States and IGOs either says it has no information on its topic (by
        name, so that two such sections do not say the same sentence).
        """
        kept = [tuple(said for said in paragraph if said.text) for paragraph in paragraphs]
        kept = [paragraph for paragraph in kept if paragraph]
        if not self.dossier.has_own_answers and section == SECTION_KEYS[0]:
            opening = self.said(
                self.fill("iscm_did_not_answer"), [self.iscm_source("", answered=False)]
            )
            return [(opening,), *kept]
        if kept:
            return kept
        unanswered = [
            self.iscm_source(key, answered=False) for key in feeds.contract().section_keys(section)
        ]
        return [(self.said(self.fill(f"nothing_on_section.{section}"), unanswered),)]

    # 1. Programming and thematic focus

    def programming(self) -> list[Paragraph]:
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
        year_slot = (
            "programming.founding_year"
            if self.text("programming.founding_year")
            else "programming.founding_date"
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
            document_slots = ["programming.founding_document"]
            # Where and when it was adopted is told once: with the guiding document if the same
            adopted = None if same_document else self.adoption(document)
            if adopted:
                document, adoption_slots = adopted
                document_slots.extend(adoption_slots)
            elif year:
                document = self.phrases.format("document_of_year", document=document, year=year)
                document_slots.append(year_slot)
            if mandate_clause:
                mandate_sentences.append(
                    self.said(
                        self.fill("founding_mandate", document=document, mandate=mandate_clause),
                        self.own(*document_slots, "programming.mandate"),
                    )
                )
            else:
                mandate_sentences.append(
                    self.said(
                        self.fill("founding_document", document=document),
                        self.own(*document_slots),
                    )
                )
        elif mandate_clause:
            mandate_sentences.append(
                self.said(
                    self.fill("mandate_only", mandate=mandate_clause),
                    self.own("programming.mandate"),
                )
            )
        if mandate and not mandate_clause:
            mandate_sentences.append(
                self.said(
                    (
                        self.topic("mandate", mandate)
                        if self.is_foreign(mandate)
                        else sentence(mandate)
                    ),
                    self.own("programming.mandate"),
                )
            )
        mandate_sentences.extend(
            self.thematic_focus(mandate if any(s.text for s in mandate_sentences) else None)
        )

        plan_sentences = []
        strategy = self.text("programming.has_strategy")
        strategy_title = self.text("programming.strategy_title")
        if strategy == "yes" and strategy_title:
            plan_sentences.append(
                self.said(
                    self.fill("strategy_yes_titled", title=strategy_title),
                    self.own("programming.has_strategy", "programming.strategy_title"),
                )
            )
        elif strategy in ("yes", "no", "in_preparation"):
            plan_sentences.append(
                self.said(self.fill(f"strategy_{strategy}"), self.own("programming.has_strategy"))
            )
        if guiding_document:
            document = self.phrases.with_article(guiding_document)
            guiding_slots = ["programming.guiding_document"]
            adopted = self.adoption(document) if same_document else None
            if adopted:
                document, adoption_slots = adopted
                guiding_slots.extend(adoption_slots)
            plan_sentences.append(
                self.said(
                    self.fill("guiding_document", document=document), self.own(*guiding_slots)
                )
            )
        plan_sentences.extend(self.work_plan())
        return [mandate_sentences, plan_sentences]

    def adoption(self, document: str) -> tuple[str, list[str]] | None:
        """The founding document with where and when it was adopted, when answered, and the
        slots that say so."""
        event = self.text("programming.founding_event")
        founding_date = self.date("programming.founding_date")
        date = self.phrases.date(founding_date) if founding_date else None
        if event and date:
            event = self.phrases.with_article(event)
            return (
                self.phrases.format(
                    "document_adopted_at_on", document=document, event=event, date=date
                ),
                ["programming.founding_event", "programming.founding_date"],
            )
        if event:
            event = self.phrases.with_article(event)
            return (
                self.phrases.format("document_adopted_at", document=document, event=event),
                ["programming.founding_event"],
            )
        if date:
            return (
                self.phrases.format("document_adopted_on", document=document, date=date),
                ["programming.founding_date"],
            )
        return None

    def thematic_focus(self, mandate: str | None = None) -> list[DraftSentence]:
        """How the thematic areas of the originating mandate compare with those addressed
        today, and how the ISCM describes that evolution.

        When the mandate just written out (``mandate``) already lists the original areas, they
        are not listed again: the sentence refers back to them ("While these areas have
        remained ..."), or is left out when it would only repeat them.

        The current areas include those "addressed only in some meetings or activities" (the
        question's hint), so they are said to be addressed, not to be priorities. When the
        ISCM's own account of the evolution can complete the sentence about the areas kept, it
        does, in the ISCM's words ("..., some of its thematic meetings have addressed ...").
        """
        current_key = "programming.current_thematic_areas"
        original_key = "programming.original_thematic_areas"
        both = (original_key, current_key)
        original = self.codes(original_key)
        current = self.codes(current_key)
        kept = [code for code in current if code in original]
        added = [code for code in current if code not in original]
        dropped = [code for code in original if code not in current]
        evolution = self.text("programming.thematic_evolution")
        # The ISCM's account completes the sentence only when it names the areas added itself
        evolution_clause = (
            self.clause(evolution)
            if evolution
            and all(
                _mentions(evolution, self.dossier.slot_label(current_key, code)) for code in added
            )
            else None
        )
        evolution_told = False

        def names(slot: str, codes: list[str]) -> str:
            return self.phrases.join([self.label_in_sentence(slot, code) for code in codes])

        # "these areas" stands for the original ones only when all of them are kept
        listed = bool(original and mandate and _says_list(mandate, names(original_key, original)))
        said = "_said" if listed and not dropped else ""
        sentences = []
        if original and current:
            if kept and added and evolution_clause:
                sentences.append(
                    self.said(
                        self.fill(
                            f"thematic_kept_evolution{said}",
                            kept=names(current_key, kept),
                            evolution=evolution_clause,
                        ),
                        self.own(*both, "programming.thematic_evolution"),
                    )
                )
                evolution_told = True
            elif kept and added:
                sentences.append(
                    self.said(
                        self.fill(
                            f"thematic_kept_added{said}",
                            kept=names(current_key, kept),
                            added=names(current_key, added),
                        ),
                        self.own(*both),
                    )
                )
            elif kept:
                sentences.append(
                    self.said(
                        self.fill(f"thematic_unchanged{said}", kept=names(current_key, kept)),
                        self.own(*both),
                    )
                )
            else:
                sentences.append(
                    self.said(
                        self.fill(
                            "thematic_replaced_said" if listed else "thematic_replaced",
                            original=names(original_key, original),
                            current=names(current_key, current),
                        ),
                        self.own(*both),
                    )
                )
            if kept and dropped:
                sentences.append(
                    self.said(
                        self.fill("thematic_dropped", dropped=names(original_key, dropped)),
                        self.own(*both),
                    )
                )
        elif current:
            sentences.append(
                self.said(
                    self.fill("thematic_current", current=names(current_key, current)),
                    self.own(current_key),
                )
            )
        elif original and not listed:
            sentences.append(
                self.said(
                    self.fill("thematic_original", original=names(original_key, original)),
                    self.own(original_key),
                )
            )
        if evolution and not evolution_told:
            sentences.append(
                self.said(sentence(evolution), self.own("programming.thematic_evolution"))
            )
        return sentences

    def work_plan(self) -> list[DraftSentence]:
        """Whether a work plan guides the work, how often it is drawn up and who monitors it."""
        has_work_plan = self.text("programming.has_work_plan")
        if has_work_plan == "no":
            return [self.said(self.fill("work_plan_none"), self.own("programming.has_work_plan"))]
        if has_work_plan != "yes":
            return []
        sentences = []
        slots = ["programming.has_work_plan"]
        period = ""
        period_code = next(iter(self.codes("programming.work_plan_period")), None)
        if period_code:
            period = self.choice("work_plan_period", period_code) or self.fill(
                "work_plan_other_period",
                period=self.dossier.slot_label("programming.work_plan_period", period_code),
            )
            slots.append("programming.work_plan_period")
        scope = ""
        scope_text = self.text("programming.work_plan_scope")
        scope_clause = self.clause(scope_text) if scope_text else None
        if scope_clause:
            scope = self.fill("work_plan_scope", scope=scope_clause)
            slots.append("programming.work_plan_scope")
        sentences.append(
            self.said(self.fill("work_plan", period=period, scope=scope), self.own(*slots))
        )
        if scope_text and not scope_clause:
            sentences.append(
                self.said(
                    self.topic("work_plan_scope", scope_text)
                    if self.is_foreign(scope_text)
                    else sentence(scope_text),
                    self.own("programming.work_plan_scope"),
                )
            )
        monitors = self.phrase_list("work_plan_monitors", "programming.work_plan_monitors")
        if monitors:
            key = "monitors_one" if len(monitors) == 1 else "monitors_many"
            sentences.append(
                self.said(
                    self.fill(key, monitors=self.phrases.join(monitors)),
                    self.own("programming.work_plan_monitors"),
                )
            )
        return sentences

    # 2. Contribution to migration governance

    def contribution(self) -> list[Paragraph]:
        """National level (with States' own accounts), interregional and global levels."""
        national = []
        means_slot = "contribution.national_means"
        chosen = self.codes(means_slot)
        outcome_codes = [c for c in chosen if self.choice("national_outcomes", c)]
        means = self.phrase_list(
            "national_means", means_slot, [c for c in chosen if c not in outcome_codes]
        )
        outcomes = self.phrase_list("national_outcomes", means_slot, outcome_codes)
        if means:
            national.append(
                self.said(
                    self.fill("national_means", means=self.phrases.join(means)),
                    self.own(means_slot),
                )
            )
        if outcomes:
            key = "national_outcomes_after_means" if means else "national_outcomes"
            national.append(
                self.said(
                    self.fill(key, outcomes=self.phrases.join(outcomes)), self.own(means_slot)
                )
            )
        examples = self.text("contribution.national_examples")
        if examples:
            national.append(
                self.said(sentence(examples), self.own("contribution.national_examples"))
            )
        national.extend(self.national_impact_by_states())

        paragraphs = []
        if national:
            first = national[0]
            national[0] = replace(first, text=self.fill("national_level", text=first.text))
            paragraphs.append(national)
        for slot, template in (
            ("contribution.interregional_contribution", "interregional_level"),
            ("contribution.global_contribution", "global_level"),
        ):
            text = self.text(slot)
            if text:
                paragraphs.append(
                    [self.said(self.fill(template, text=sentence(text)), self.own(slot))]
                )
        return paragraphs

    def national_impact_by_states(self) -> list[DraftSentence]:
        """What States reported about the ISCM's impact at national level: States that gave
        the same account are named together, and the account is quoted once."""
        anonymous = self.anonymous_states()
        sentences = []
        views = [v for v in _states_in_order(self.dossier.state_views) if v.national_impact]
        for group in _same_answer(views, lambda view: view.national_impact):
            first = group[0]
            if len(group) > 1:
                subject = self.states_together(
                    group, all(view.national_impact_attributable for view in group)
                )
            elif first.national_impact_attributable:
                subject = self.in_sentence(first.state).capitalised()
            else:
                subject = anonymous.next()
            impact = self.as_given(first.national_impact, first.language) or ""
            sentences.append(
                self.said(
                    self.fill(
                        "national_impact_state",
                        State=subject,
                        quote=self.phrases.quote(sentence(impact)),
                    ),
                    [self.view_source(view, "state_view.national_impact") for view in group],
                )
            )
        return sentences

    def states_together(self, views: Sequence[StateView], named: bool) -> NounPhrase:
        """Several States as the subject of one sentence: by name, or counted when one of them
        is not to be named ("Two Member States")."""
        if named:
            return self.phrases.join_names([self.in_sentence(v.state) for v in views]).capitalised()
        return NounPhrase(
            upper_first(self.phrases.counted("member_states_counted", len(views), words=True)),
            number="plural",
        )

    # 3. Structures

    def structures(self) -> list[Paragraph]:
        """Structures, secretariat, documents, knowledge, communication, membership, funding."""
        sentences = []
        elements = []
        element_slots = ["structures.structure_elements"]
        kinds = self.phrase_list("secretariat_kind", "structures.secretariat_kind")
        for code in self.codes("structures.structure_elements"):
            if code == "secretariat" and kinds:
                elements.append(self.fill("secretariat_of_kinds", kinds=self.phrases.join(kinds)))
                element_slots.append("structures.secretariat_kind")
            else:
                elements.extend(
                    self.phrase_list("structure_elements", "structures.structure_elements", [code])
                )
        if elements:
            sentences.append(
                self.said(
                    self.fill("structures", elements=self.phrases.join(elements)),
                    self.own(*element_slots),
                )
            )
        sentences.extend(self.secretariat())

        title = feeds.key("structures.governing_document_title")
        documents = [
            self.as_given(str(row[title]), self.own_language) or ""
            for row in self.rows("structures.governing_documents")
            if row.get(title)
        ]
        if documents:
            key = "governing_documents_one" if len(documents) == 1 else "governing_documents_many"
            sentences.append(
                self.said(
                    self.fill(key, documents=self.phrases.join(documents)),
                    self.own("structures.governing_documents"),
                )
            )

        knowledge = self.text("structures.knowledge_management")
        if knowledge:
            clause = self.clause(knowledge)
            if clause:
                text = self.fill("knowledge_management", clause=clause)
            elif self.is_foreign(knowledge):
                text = self.topic("knowledge_management", knowledge)
            else:
                text = sentence(knowledge)
            sentences.append(self.said(text, self.own("structures.knowledge_management")))
        sentences.extend(self.communication())
        sentences.extend(self.membership_changes())
        sentences.extend(self.funding())
        return [sentences]

    def secretariat(self) -> list[DraftSentence]:
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
            sentences.append(
                self.said(
                    self.fill(key, managers=self.phrases.join(managers), support=support),
                    self.own(
                        "structures.secretariat_managed_by", "structures.secretariat_supported_by"
                    ),
                )
            )
        elif supporters:
            sentences.append(
                self.said(
                    self.fill("secretariat_supported", supporters=self.phrases.join(supporters)),
                    self.own("structures.secretariat_supported_by"),
                )
            )
        functions = self.phrase_list("secretariat_functions", "structures.secretariat_functions")
        if functions:
            key = "secretariat_functions_after" if sentences else "secretariat_functions"
            sentences.append(
                self.said(
                    self.fill(key, functions=self.phrases.join(functions)),
                    self.own("structures.secretariat_functions"),
                )
            )
        return sentences

    def communication(self) -> list[DraftSentence]:
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
        slots = [slot] if channels else []
        if frequency:
            slots.append("structures.communication_frequency")
        return [
            self.said(
                self.fill("communication", frequency=frequency, channels=joined),
                self.own(*slots),
            )
        ]

    def membership_changes(self) -> list[DraftSentence]:
        """States that joined or left, and other changes in governance."""
        changed = self.text("structures.membership_changed")
        if changed == "no":
            return [
                self.said(
                    self.fill("membership_unchanged"), self.own("structures.membership_changed")
                )
            ]
        sentences = []
        if changed == "yes":
            joined = self.phrases.join_names(self.organisations("structures.states_joined"))
            left = self.phrases.join_names(self.organisations("structures.states_left"))
            if joined and left:
                text = self.fill("membership_joined_left", joined=joined, left=left)
            elif joined:
                text = self.fill("membership_joined", joined=joined)
            elif left:
                text = self.fill("membership_left", left=left)
            else:
                text = self.fill("membership_changed")
            sentences.append(
                self.said(
                    text,
                    self.own(
                        "structures.membership_changed",
                        "structures.states_joined",
                        "structures.states_left",
                    ),
                )
            )
            governance = self.text("structures.governance_changes")
            if governance:
                sentences.append(
                    self.said(sentence(governance), self.own("structures.governance_changes"))
                )
        return sentences

    def funding(self) -> list[DraftSentence]:
        """Where the money comes from and how stable it is."""
        sentences = []
        description = self.text("structures.funding_description")
        described = self.own("structures.funding_description")
        # The questionnaire asks for a clause ("annual contributions from ..."); a respondent
        # may still write a whole sentence, which is then kept as written.
        funded_through = description.strip().removesuffix(".") if description else None
        if funded_through and (self.is_foreign(funded_through) or not funded_through[:1].islower()):
            funded_through = None
        if funded_through:
            sentences.append(
                self.said(self.fill("funding_sources", sources=funded_through), described)
            )
        elif description and self.is_foreign(description):
            sentences.append(self.said(self.topic("funding_description", description), described))
        elif description:
            sentences.append(self.said(sentence(description), described))
        else:
            sources = [
                self.dossier.slot_label("structures.funding_sources", code)
                if code == "other"
                else self.choice("funding_sources", code)
                or self.label_in_sentence("structures.funding_sources", code)
                for code in self.codes("structures.funding_sources")
            ]
            if sources:
                sentences.append(
                    self.said(
                        self.fill("funding_sources", sources=self.phrases.join(sources)),
                        self.own("structures.funding_sources"),
                    )
                )
        stability = self.text("structures.funding_stability")
        known = bool(stability) and self.phrases.has(f"funding_stability.{stability}")
        if known:
            sentences.append(
                self.said(
                    self.fill(f"funding_stability.{stability}"),
                    self.own("structures.funding_stability"),
                )
            )
        sentences.extend(self.funding_views(stability if known else None))
        return sentences

    def funding_views(self, own: str | None) -> list[DraftSentence]:
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
            sources = [self.view_source(view, "state_view.funding_view") for view in views]
            if own is not None:
                sources.extend(self.own("structures.funding_stability"))
            sentences.append(
                self.said(
                    self.fill(
                        key,
                        states=states,
                        States=states.capitalised(),
                        view=self.phrases.table("funding_views")[code],
                    ),
                    sources,
                )
            )
        return sentences

    # 4. Partnerships

    def partnerships(self) -> list[Paragraph]:
        """Partner ISCMs and IGOs, civil society, and what the IGOs themselves said."""
        sentences = []
        partners = self.organisations("partnerships.partner_iscms")
        if partners:
            sentences.append(
                self.said(
                    self.fill("partner_iscms", partners=self.phrases.join(partners)),
                    self.own("partnerships.partner_iscms"),
                )
            )
        cooperation = self.text("partnerships.partner_iscms_cooperation")
        if cooperation:
            sentences.append(
                self.said(sentence(cooperation), self.own("partnerships.partner_iscms_cooperation"))
            )
        igos = self.organisations("partnerships.partner_igos", short=True)
        if igos:
            # "ICMPD, which provides ...": the roles agree with the IGOs named
            named = self.phrases.join_names(igos)
            group = "igo_roles_singular" if len(igos) == 1 else "igo_roles_plural"
            roles = [
                self.phrases.choice(group, code, igos=named.capitalised())
                or self.label_in_sentence("partnerships.partner_igo_roles", code)
                for code in self.codes("partnerships.partner_igo_roles")
            ]
            roles_text = (
                self.fill("partner_igo_roles", roles=self.phrases.join(roles), igos=named)
                if roles
                else ""
            )
            key = "partner_igos_moreover" if sentences else "partner_igos"
            slots = ["partnerships.partner_igos"]
            if roles:
                slots.append("partnerships.partner_igo_roles")
            sentences.append(
                self.said(
                    self.fill(key, igos=self.phrases.join(igos), roles=roles_text),
                    self.own(*slots),
                )
            )
        sentences.extend(self.igo_examples())
        sentences.extend(self.civil_society())
        notes = self.text("partnerships.partnership_notes")
        if notes:
            sentences.append(self.said(sentence(notes), self.own("partnerships.partnership_notes")))
        return [sentences, self.igo_views()]

    def igo_examples(self) -> list[DraftSentence]:
        """The ISCM's own examples of work with IGOs."""
        sentences = []
        examples = feeds.key("partnerships.partner_igo_examples")
        for number, row in enumerate(self.rows("partnerships.partner_igo_examples"), start=1):
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
                text = self.fill(key, Igo=igo, clause=clause)
            elif organisation and self.is_foreign(example):
                text = self.phrases.format(
                    "answer_topic",
                    topic=organisation.short_name,
                    text=self.phrases.quote(sentence(example)),
                )
            else:
                text = sentence(example)
            sentences.append(
                self.said(text, [self.iscm_source(examples, str(code) if code else str(number))])
            )
        return sentences

    def civil_society(self) -> list[DraftSentence]:
        """How NGOs and CSOs take part."""
        slot = "partnerships.civil_society_engagement"
        codes = self.codes(slot)
        if "none" in codes:
            return [self.said(self.fill("civil_society_none"), self.own(slot))]
        activities = self.phrase_list("civil_society_engagement", slot)
        if not activities:
            return []
        return [
            self.said(
                self.fill("civil_society", activities=self.phrases.join(activities)),
                self.own(slot),
            )
        ]

    def igo_views(self) -> list[DraftSentence]:
        """What the IGOs surveyed said about their engagement with the ISCM."""
        views = sorted(self.dossier.igo_views, key=lambda view: view.igo.short_name.casefold())
        if not views:
            return []
        names = self.phrases.format("list_separator").join(view.igo.short_name for view in views)
        sentences = [
            self.said(
                self.referred(
                    "igos", len(views), self.dossier.round.igos_answered, names, self.igos_unnamed
                ),
                [self.view_source(view, "participation.igo_iscms") for view in views]
                + self.all_answered(len(views), "igos_answered"),
            )
        ]
        sentences.extend(self.igo_roles(views))
        anonymous = _AnonymousSubjects(
            self.phrases.noun("one_igo"), self.phrases.noun("another_igo")
        )
        first_example = True
        for view in views:
            for slot, text, attributable in (
                ("igo_view.cooperation", view.cooperation, view.cooperation_attributable),
                ("igo_view.examples", view.examples, view.examples_attributable),
            ):
                text = self.as_given(text, view.language)
                if not text or self.already_said(text) or self.restates_roles(view, text):
                    continue
                sentences.append(
                    self.said(
                        self.igo_statement(view, text, attributable, anonymous, first_example),
                        [self.view_source(view, slot)],
                    )
                )
                first_example = False
        return sentences

    def referred(self, who: str, count: int, answered: int, names: str, unnamed: bool) -> str:
        """How many of the States (``who`` = "states") or IGOs ("igos") surveyed referred to
        the ISCM, named unless ``unnamed``: "all" of them when every one that answered did."""
        if count == answered:
            key = f"{who}_referred_all{'_unnamed' if unnamed else ''}"
            size = {1: "one", 2: "two"}.get(count, "other")
            return self.fill(key, size=size, count=self.phrases.number(count), names=names)
        in_words = upper_first(self.phrases.number(count))
        one = "_one" if count == 1 else ""
        if unnamed:
            return self.fill(f"{who}_referred_unnamed{one}", Count=in_words)
        return self.fill(f"{who}_referred{one}", Count=in_words, names=names)

    def all_answered(self, count: int, fact: str) -> list[SentenceSource]:
        """The round's count ``fact`` as a source, when a sentence says "all" because of it."""
        answered = getattr(self.dossier.round, fact)
        return [self.round_source(fact)] if count == answered else []

    def already_said(self, text: str) -> bool:
        """Whether the ISCM's own examples already say ``text`` (IGOs often repeat them), a
        parenthesis aside ("the BMM Project (Better Migration Management)")."""
        example = feeds.key("partnerships.partner_igo_example_text")
        said = [
            _bare(row.get(example), parentheses=False)
            for row in self.rows("partnerships.partner_igo_examples")
            if isinstance(row.get(example), str)
        ]
        said.append(_bare(self.text("partnerships.partnership_notes"), parentheses=False))
        candidate = _bare(text, parentheses=False)
        return bool(candidate) and any(candidate in s or (s and s in candidate) for s in said)

    def roles_said_by_iscm(self, view: IgoView) -> list[str]:
        """The roles the ISCM's own answer gives the IGO of ``view`` (those of all the IGOs it
        names as partners), which the IGO's own answer need not repeat."""
        if view.igo.code not in self.codes("partnerships.partner_igos"):
            return []
        return self.codes("partnerships.partner_igo_roles")

    def restates_roles(self, view: IgoView, text: str) -> bool:
        """Whether ``text`` only says what a role already said of the IGO says ("provides
        technical advice to the Khartoum Process")."""
        candidate = _bare(text, parentheses=False)
        iscm = self.dossier.iscm
        for name in sorted(
            {iscm.in_sentence, iscm.name, iscm.acronym, self.phrases.without_article(self.iscm)},
            key=len,
            reverse=True,
        ):
            if _bare(name):
                candidate = candidate.replace(_bare(name), "")
        igo = self.short_name(view.igo)
        for code in {*view.role_codes, *self.roles_said_by_iscm(view)}:
            role = self.phrases.choice("igo_roles_singular", code, igos=igo)
            # what is left may be a preposition ("to", "au", "لـ"), nothing more
            if (
                role
                and candidate.startswith(_bare(role))
                and len(candidate) - len(_bare(role)) <= 4
            ):
                return True
        return False

    def igo_roles(self, views: list[IgoView]) -> list[DraftSentence]:
        """IGOs grouped by the roles they said they play, less those the ISCM already gave them."""
        groups: dict[tuple[str, ...], list[IgoView]] = {}
        labels: dict[str, str] = {}
        repeated: set[str] = set()
        for view in views:
            labels.update(zip(view.role_codes, view.roles, strict=False))
            said = self.roles_said_by_iscm(view)
            codes = tuple(code for code in view.role_codes if code not in said)
            if len(codes) < len(view.role_codes):
                repeated.add(view.igo.code)
            if codes:
                groups.setdefault(codes, []).append(view)
        sentences = []
        for codes, members in groups.items():
            group = "igo_roles_singular" if len(members) == 1 else "igo_roles_plural"
            igos = self.phrases.join_names(
                [
                    self.phrases.name(view.igo.code, view.igo.in_sentence or view.igo.short_name)
                    for view in members
                ]
            )
            roles = [
                self.phrases.choice(group, code, igos=igos.capitalised())
                or _in_sentence(labels.get(code, code))
                for code in codes
            ]
            also = all(view.igo.code in repeated for view in members)
            sentences.append(
                self.said(
                    self.fill(
                        "igo_roles_also" if also else "igo_roles",
                        igos=igos.capitalised() if not also else igos,
                        Igos=igos.capitalised(),
                        roles=self.phrases.join(roles),
                    ),
                    [self.view_source(view, "igo_view.roles") for view in members],
                )
            )
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

    def membership_value(self) -> list[Paragraph]:
        """What the ISCM says members value, then what the States themselves said."""
        sentences = []
        notes = self.text("membership_value.member_value_notes")
        if notes:
            sentences.append(
                self.said(sentence(notes), self.own("membership_value.member_value_notes"))
            )
        values = self.phrase_list("membership_value", "membership_value.member_value")
        if values:
            key = "member_value_further" if notes else "member_value"
            sentences.append(
                self.said(
                    self.fill(key, values=self.phrases.join(values)),
                    self.own("membership_value.member_value"),
                )
            )
        examples = self.text("membership_value.member_value_examples")
        if examples:
            sentences.append(
                self.said(sentence(examples), self.own("membership_value.member_value_examples"))
            )
        return [sentences, self.state_views()]

    def state_views(self) -> list[DraftSentence]:
        """Which States referred to the ISCM and what they said they gained from it."""
        views = _states_in_order(self.dossier.state_views)
        if not views:
            if self.dossier.round.states_answered:
                return [
                    self.said(
                        self.fill("no_state_referred"), [self.round_source("states_answered")]
                    )
                ]
            return []
        names = self.phrases.format("list_separator").join(
            self.in_sentence(view.state).text for view in views
        )
        sentences = [
            self.said(
                self.referred(
                    "states",
                    len(views),
                    self.dossier.round.states_answered,
                    names,
                    self.states_unnamed,
                ),
                [self.view_source(view, "participation.state_iscms") for view in views]
                + self.all_answered(len(views), "states_answered"),
            )
        ]

        # A State whose benefits are not for attribution is not named anywhere in this part:
        # its chosen values go with its anonymous account rather than beside its name.
        anonymous = self.anonymous_states()
        named = [view for view in views if view.benefits and view.benefits_attributable]
        unnamed = [view for view in views if view.benefits and not view.benefits_attributable]
        # The named States' values that can be set beside the ISCM's list are said together,
        # each value once, after what each State gained
        compared = [view for view in views if view not in unnamed and self.comparable(view)]
        accounts = 0
        # States that gave the same benefits are named together, and the benefits said once
        for group in _same_answer(named, lambda view: view.benefits):
            if len(group) > 1:
                sentences.extend(self.shared_account(group, compared, after_another=accounts > 0))
            else:
                subject = self.in_sentence(group[0].state).capitalised()
                sentences.extend(
                    self.state_account(
                        subject,
                        group[0],
                        after_another=accounts > 0,
                        values=group[0] not in compared,
                        position=accounts,
                    )
                )
            accounts += 1
        for view in views:
            if (
                not view.benefits
                and view not in compared
                and (view.value_area_codes or view.value_areas)
            ):
                subject = self.in_sentence(view.state).capitalised()
                sentences.append(self.state_values(subject, view))
        sentences.extend(self.values_beside_list(compared))
        for view in unnamed:
            subject = anonymous.next()
            sentences.extend(
                self.state_account(subject, view, after_another=accounts > 0, position=accounts)
            )
            accounts += 1
        return sentences

    def state_account(
        self,
        subject: NounPhrase,
        view: StateView,
        after_another: bool = False,
        values: bool = True,
        position: int = 0,
    ) -> list[DraftSentence]:
        """What one State gained from the ISCM and what it values in it.

        :param after_another: another State's account came just before: this one says "also"
            rather than naming the participation in the ISCM again.
        :param position: how many States' accounts came before (the wording alternates, so
            that three accounts in a row do not repeat one sentence with other names).
        :param values: False when the State's values are said elsewhere (beside the ISCM's
            list, with the other States').
        """
        sentences = [
            self.said(
                self.state_benefits(
                    subject, view.benefits or "", view.language, after_another, position
                ),
                [self.view_source(view, "state_view.benefits")],
            )
        ]
        if values and (view.value_area_codes or view.value_areas):
            # The State is not named again, but a pronoun or a verb may agree with it
            sentences.append(self.state_values(subject, view, also=True))
        return sentences

    def shared_account(
        self,
        views: Sequence[StateView],
        compared: Sequence[StateView] = (),
        after_another: bool = False,
    ) -> list[DraftSentence]:
        """What several States gained from the ISCM, in the same words: one sentence names
        them all; what each values in the ISCM follows, by name."""
        first = views[0]
        language = first.language or self.dossier.language
        benefits = self.as_given(first.benefits, language) or ""
        clause = self.clause(benefits, language=language)
        states = self.states_together(views, named=True)
        sources = [self.view_source(view, "state_view.benefits") for view in views]
        if clause:
            key = "state_benefits_shared_also" if after_another else "state_benefits_shared"
            size = "two" if len(views) == 2 else "other"
            text = self.fill(key, States=states, size=size, benefits=clause)
        else:
            text = self.fill(
                "reported", Subject=states, quote=self.phrases.quote(sentence(benefits))
            )
        sentences = [self.said(text, sources)]
        for view in views:
            if view not in compared and (view.value_area_codes or view.value_areas):
                subject = self.in_sentence(view.state).capitalised()
                sentences.append(self.state_values(subject, view))
        return sentences

    def comparable(self, view: StateView) -> bool:
        """Whether the values a State chose can be set beside the ISCM's: both chose from the
        list, and the State chose no "other" value (free text is never compared)."""
        claimed = [c for c in self.codes("membership_value.member_value") if c != "other"]
        return bool(claimed and view.value_area_codes and "other" not in view.value_area_codes)

    def values_beside_list(self, views: Sequence[StateView]) -> list[DraftSentence]:
        """The values the States of ``views`` chose, beside the ISCM's list: one sentence for
        those on it, one for those not, each value said once with the States that chose it
        ("Chad and Mali value the process for networking, and Niger for trust-building")."""
        if not views:
            return []
        claimed = [c for c in self.codes("membership_value.member_value") if c != "other"]
        labels: dict[str, str] = {}
        for view in views:
            labels.update(zip(view.value_area_codes, view.value_areas, strict=False))
        codes = list(dict.fromkeys(code for view in views for code in view.value_area_codes))
        sentences = []
        for listed in (True, False):
            # the values on (or off) the list, grouped by the States that chose them
            groups: dict[tuple[str, ...], list[str]] = {}
            for code in codes:
                if (code in claimed) == listed:
                    citing = tuple(v.state.code for v in views if code in v.value_area_codes)
                    groups.setdefault(citing, []).append(code)
            if not groups:
                continue
            clauses = []
            # the values most States chose first: "Chad and Mali value ..., and Niger ..."
            for citing, chosen in sorted(groups.items(), key=lambda group: -len(group[0])):
                states = self.phrases.join_names(
                    [self.in_sentence(v.state) for v in views if v.state.code in citing]
                )
                # A value the ISCM's list has just named in full takes its short form, if any
                values = self.phrases.join(
                    [
                        (listed and self.phrases.choice("membership_value_again", code))
                        or self.phrases.choice("membership_value", code)
                        or _in_sentence(labels.get(code, code))
                        for code in chosen
                    ]
                )
                key = "state_values_clause_next" if clauses else "state_values_clause"
                clauses.append(self.fill(key, State=states, values=values))
            cited = {state for citing in groups for state in citing}
            sources = [
                self.view_source(view, "state_view.value_areas")
                for view in views
                if view.state.code in cited
            ]
            if listed:
                key = "state_values_listed_by"
            else:
                # just after the values on the list, the list is referred back to
                key = "state_values_unlisted_beyond" if sentences else "state_values_unlisted_by"
            sentences.append(
                self.said(
                    self.fill(key, clauses=self.phrases.join(clauses)),
                    [*sources, *self.own("membership_value.member_value")],
                )
            )
        return sentences

    def anonymous_states(self) -> _AnonymousSubjects:
        """ "One Member State", then "Another Member State"."""
        return _AnonymousSubjects(
            self.phrases.noun("one_state"), self.phrases.noun("another_state")
        )

    def state_benefits(
        self,
        subject: NounPhrase,
        benefits: str,
        language: str | None = None,
        after_another: bool = False,
        position: int = 0,
    ) -> str:
        """A State's benefits: a phrase completing "... particularly from", else quoted.

        :param position: how many States' accounts came before: after the second, every other
            account "pointed above all to" its benefits instead of "also benefited ...".
        """
        language = language or self.dossier.language
        benefits = self.as_given(benefits, language) or benefits
        clause = self.clause(benefits, language=language)
        if clause:
            if not after_another:
                key = "state_benefits"
            elif position >= 2 and position % 2 == 0:
                key = "state_benefits_further"
            else:
                key = "state_benefits_also"
            return self.fill(key, State=subject, benefits=clause)
        return self.fill("reported", Subject=subject, quote=self.phrases.quote(sentence(benefits)))

    def state_values(
        self, subject: NounPhrase, view: StateView, also: bool = False
    ) -> DraftSentence:
        """The membership values a State chose, beside those the ISCM chose where both chose
        from the list: "..., which the Khartoum Process also lists among the benefits of
        membership". Only coded answers are compared; a State's "other" value is not.

        :param also: the State's benefits were said just before ("It also values ...").
        """
        labels = dict(zip(view.value_area_codes, view.value_areas, strict=False))
        codes = list(view.value_area_codes or view.value_areas)
        claimed = [c for c in self.codes("membership_value.member_value") if c != "other"]

        def phrases(chosen: list[str], on_list: bool = False) -> str:
            # A value the ISCM's list has named in full takes its short form, if any
            return self.phrases.join(
                [
                    (on_list and self.phrases.choice("membership_value_again", code))
                    or self.phrases.choice("membership_value", code)
                    or _in_sentence(labels.get(code, code))
                    for code in chosen
                ]
            )

        key = "state_values_also" if also else "state_values"
        sources = [self.view_source(view, "state_view.value_areas")]
        fields: dict[str, str | NounPhrase] = {"State": subject}
        compared = bool(claimed and view.value_area_codes and "other" not in codes)
        if not compared:
            return self.said(self.fill(key, values=phrases(codes), **fields), sources)
        listed = [code for code in codes if code in claimed]
        unlisted = [code for code in codes if code not in claimed]
        sources.extend(self.own("membership_value.member_value"))
        outcome = "partly_listed" if listed and unlisted else "listed" if listed else "unlisted"
        # What the ISCM lists is said in full once; later States are set beside "that list"
        frame = "unlisted" if outcome == "unlisted" else "listed"
        again = "_again" if frame in self.frames_said else ""
        self.frames_said.add(frame)
        # how many values are not on the list, as the messages select on it
        fields["n"] = "one" if len(unlisted) == 1 else "other"
        if outcome == "partly_listed":
            text = self.fill(
                f"{key}{again}_partly_listed",
                listed=phrases(listed, on_list=True),
                unlisted=phrases(unlisted),
                **fields,
            )
        else:
            values = phrases(codes, on_list=outcome == "listed")
            text = self.fill(f"{key}{again}_{outcome}", values=values, **fields)
        return self.said(text, sources)


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


def _passage_key(text: str) -> str:
    """``text`` as compared with the dossier's passages: whitespace collapsed, and the full stop
    a sentence may have added or a clause taken off left aside."""
    return " ".join(text.split()).rstrip(".")


def _in_sentence(label: str) -> str:
    """A label as it stands inside a sentence: lower case first, unless it opens with an acronym."""
    first = _FIRST_WORD.match(label)
    if first and not any(char.isupper() for char in first.group()[1:]):
        return label[:1].lower() + label[1:]
    return label


def _mentions(text: str, label: str) -> bool:
    """Whether ``text`` names what ``label`` names: at least half of the label's longer words
    (or words starting as they do: "collection", "collecting") are in it."""
    words = [word for word in re.findall(r"\w+", label.casefold()) if len(word) >= 4]
    if not words:
        return False
    stems = {word[:6] for word in re.findall(r"\w+", text.casefold())}
    return sum(word[:6] in stems for word in words) * 2 >= len(words)


def _words(text: str) -> list[str]:
    """The words of ``text``, case and punctuation aside."""
    return re.findall(r"\w+", text.casefold())


def _says_list(text: str, listed: str) -> bool:
    """Whether ``text`` already writes out the list ``listed``, word for word (commas and
    semicolons aside: "a, b, and c" writes out "a, b and c")."""
    needle = _words(listed)
    haystack = _words(text)
    return bool(needle) and any(
        haystack[start : start + len(needle)] == needle
        for start in range(len(haystack) - len(needle) + 1)
    )


def _same_answer(views: Sequence[StateView], text_of: Any) -> list[list[StateView]]:
    """``views`` grouped by the answer ``text_of`` reads from each (the same words, case,
    spacing and punctuation aside, in the same language), in the order of their first view."""
    groups: dict[tuple[str, ...], list[StateView]] = {}
    for view in views:
        key = (view.language or "", *_words(text_of(view) or ""))
        groups.setdefault(key, []).append(view)
    return list(groups.values())


def collation_key(name: str) -> str:
    """``name`` folded for alphabetical order: "Égypte" sorts with "Egypt", not after "Z"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _states_in_order(views: Sequence[StateView]) -> list[StateView]:
    return sorted(views, key=lambda view: collation_key(view.state.name))


def _bare(text: str | None, parentheses: bool = True) -> str:
    """``text`` reduced to lower-case letters and digits, for comparing statements.

    :param parentheses: False to leave out what ``text`` says between parentheses.
    """
    text = text or ""
    if not parentheses:
        text = _PARENTHESES.sub("", text)
    return "".join(ch for ch in text.casefold() if ch.isalnum())
