"""Quoted passages and their translations: the free text a summary shows, in its language.

A summary in French quotes what respondents wrote, mostly in English. Each such *passage* (a text
answer, an "other, please specify" text, a meeting's title, the round's name) is either
translated by an analyst - the translation memory, keyed by the passage's text and the summary's
language, reused wherever the same text comes back - or shown as a marked quotation in its own
language. :func:`translate_dossier` applies the memory to a dossier: every passage with a
translation is replaced by it (a :class:`TranslatedText`, which remembers what the respondent
wrote), and the dossier lists its passages, translated or not, so that the summaries page can
say "translation incomplete" and ``report check`` can list what is left.

Which answers are free text is the contract's business (``reports/feeds.yaml``, shape ``text``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from reports import feeds
from reports.dossier import VIEW_SLOT_FIELDS, IscmDossier, Meeting, Passage, RoundInfo

#: the language of what staff write (the round's name): the application's first language
STAFF_LANGUAGE = "en"

#: text slots whose answer is a name rather than a passage to translate (the city of a meeting
#: comes from the registry in each language)
NAME_SLOTS: frozenset[str] = frozenset({"annex.meeting_city"})

#: the :class:`~reports.dossier.Meeting` field filled by each text slot of a meeting row
_MEETING_FIELDS: dict[str, str] = {
    "annex.meeting_title": "title",
    "annex.meeting_host": "host",
    "annex.meeting_chair": "chair",
    "annex.meeting_summary": "summary",
}


class TranslatedText(str):
    """A passage replaced by its translation; :attr:`source` is the text as the respondent wrote
    it, so that what depends on the answers (an edit's fingerprint) is the same in every
    language."""

    source: str

    def __new__(cls, translation: str, source: str) -> TranslatedText:
        """``translation`` standing for ``source``."""
        text = super().__new__(cls, translation)
        text.source = source
        return text

    def __reduce__(self) -> tuple[type[TranslatedText], tuple[str, str]]:
        """Pickled as the translation and its source (a dossier sent to another process)."""
        return (TranslatedText, (str(self), self.source))


def normalised(text: str) -> str:
    """``text`` with its whitespace collapsed: the key a passage is remembered by."""
    return " ".join(text.split())


def source_of(value: Any) -> Any:
    """``value`` with every translation in it put back to what the respondent wrote."""
    if isinstance(value, TranslatedText):
        return value.source
    if isinstance(value, list):
        return [source_of(item) for item in value]
    if isinstance(value, tuple):
        return tuple(source_of(item) for item in value)
    if isinstance(value, dict):
        return {key: source_of(item) for key, item in value.items()}
    return value


def translate_dossier(dossier: IscmDossier, memory: Mapping[str, str]) -> IscmDossier:
    """``dossier`` with each passage translated where ``memory`` has a translation.

    :param memory: translations into ``dossier.language``, keyed by the passage's text with its
        whitespace collapsed (:func:`normalised`).
    :returns: a new dossier whose ``passages`` lists every passage (translated or not) and whose
        ``translated`` holds the translations it shows.
    """
    translator = _Translator(dossier.language, memory)
    own_language = dossier.answer_language or dossier.language
    answers = translator.answers(dossier.answers, own_language)
    state_views = [
        translator.view(view, "state_view", view.language) for view in dossier.state_views
    ]
    igo_views = [translator.view(view, "igo_view", view.language) for view in dossier.igo_views]
    meetings = [translator.meeting(meeting, own_language) for meeting in dossier.meetings]
    survey_round = translator.round(dossier.round)
    return dataclasses.replace(
        dossier,
        answers=answers,
        state_views=state_views,
        igo_views=igo_views,
        meetings=meetings,
        round=survey_round,
        passages=tuple(translator.passages.values()),
        translated=frozenset(translator.translated),
    )


def translate_round(survey_round: RoundInfo, language: str, memory: Mapping[str, str]) -> RoundInfo:
    """The round with its name translated into ``language`` where ``memory`` has it."""
    return _Translator(language, memory).round(survey_round)


def free_texts(
    answers: Mapping[str, Any],
    answer_language: str | None,
    views: Iterable[tuple[str, Mapping[str, Any], str | None]] = (),
    round_name: str | None = None,
) -> list[Passage]:
    """Every passage a summary may quote, whatever its language, untranslated: the ISCM's
    text answers (``answer_language``), the texts of ``views`` - (``state_view`` or
    ``igo_view``, the State's or IGO's answers about the ISCM by child key, their language) -
    and the round's name. A summary in language L has to translate those not written in L.
    """
    translator = _Translator(None, {})
    if answer_language:
        translator.answers(dict(answers), answer_language)
    for part, value, language in views:
        for slot in text_slots(part):
            translator.text(value.get(slot.key), language, slot.name)
    if round_name:
        translator.text(round_name, STAFF_LANGUAGE, "round.name")
    return list(translator.passages.values())


def text_slots(part: str | None = None) -> Iterator[feeds.Slot]:
    """The contract's slots whose answer is free text to translate (of ``part`` only, if given)."""
    for slot in feeds.contract().slots.values():
        if slot.shape != "text" or slot.name in NAME_SLOTS:
            continue
        if part is None or slot.part == part:
            yield slot


class _Translator:
    """Looks passages up in the memory and keeps the list of those it met."""

    def __init__(self, language: str | None, memory: Mapping[str, str]) -> None:
        """:param language: the summary's language; None lists every passage as one to translate."""
        self.language = language
        self.memory = {normalised(source): text for source, text in memory.items() if text}
        self.passages: dict[tuple[str, str], Passage] = {}
        self.translated: set[str] = set()

    def text(self, value: Any, language: str | None, where: str) -> Any:
        """``value`` translated when it is a passage in another language with a translation."""
        if not isinstance(value, str) or isinstance(value, TranslatedText):
            return value
        key = normalised(value)
        if not key or not language or language == self.language:
            return value
        translation = self.memory.get(key)
        self.passages.setdefault((key, where), Passage(key, language, translation, where))
        if translation is None:
            return value
        self.translated.add(normalised(translation))
        return TranslatedText(translation, value)

    def answers(self, answers: dict[str, Any], language: str) -> dict[str, Any]:
        """The ISCM's own answers with their text answers and "other" texts translated."""
        translated = dict(answers)
        for slot in feeds.contract().slots.values():
            if slot.respondent_type != "iscm":
                continue
            parent = slot.parent
            if slot.shape in ("code", "codes") and parent is None:
                other = f"{slot.path}_other"
                if other in translated:
                    translated[other] = self.text(translated[other], language, slot.name)
            if slot.shape != "text" or slot.name in NAME_SLOTS:
                continue
            if parent is None:
                if slot.path in translated:
                    translated[slot.path] = self.text(translated[slot.path], language, slot.name)
                continue
            rows = translated.get(parent)
            if isinstance(rows, list):  # a repeat: a list of rows
                translated[parent] = [self.row(row, slot, language) for row in rows]
            elif isinstance(rows, dict):  # a per_item question: an object of items
                translated[parent] = {
                    item: self.row(row, slot, language) for item, row in rows.items()
                }
        return translated

    def row(self, row: Any, slot: feeds.Slot, language: str) -> Any:
        """A repeat's row (or a per-item object) with the child filling ``slot`` translated."""
        if not isinstance(row, dict) or slot.key not in row:
            return row
        return {**row, slot.key: self.text(row[slot.key], language, slot.name)}

    def view(self, view: Any, part: str, language: str | None) -> Any:
        """A State's or IGO's view with its text answers translated."""
        changes = {}
        for slot in text_slots(part):
            name = VIEW_SLOT_FIELDS[slot.name][0]
            value = getattr(view, name)
            translated = self.text(value, language, slot.name)
            if translated is not value:
                changes[name] = translated
        return dataclasses.replace(view, **changes) if changes else view

    def meeting(self, meeting: Meeting, language: str) -> Meeting:
        """A meeting with its title, summary, host and chair translated."""
        changes = {}
        for slot_name, name in _MEETING_FIELDS.items():
            value = getattr(meeting, name)
            translated = self.text(value, language, slot_name)
            if translated is not value:
                changes[name] = translated
        return dataclasses.replace(meeting, **changes) if changes else meeting

    def round(self, survey_round: RoundInfo) -> RoundInfo:
        """The round with its name translated (staff write it in :data:`STAFF_LANGUAGE`)."""
        name = self.text(survey_round.name, STAFF_LANGUAGE, "round.name")
        if name is survey_round.name:
            return survey_round
        return dataclasses.replace(survey_round, name=name)
