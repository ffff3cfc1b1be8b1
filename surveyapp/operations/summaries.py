"""An analyst's edits to an ISCM's summary and the versions published from it."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select

from reports.passages import normalised
from surveyapp.extensions import db
from surveyapp.models import (
    Organisation,
    PassageTranslation,
    PublishedSummary,
    SummaryEdit,
    SurveyRound,
)
from surveyapp.models.types import utcnow
from surveyapp.operations import audit
from surveyapp.questionnaire.model import LANGUAGES

#: sections an analyst may edit: the introduction and the five numbered sections
SUMMARY_SECTIONS = (
    "introduction",
    "programming",
    "contribution",
    "structures",
    "partnerships",
    "membership_value",
)


def save_summary_edit(
    survey_round: SurveyRound,
    iscm: Organisation,
    section_key: str,
    text: str,
    fingerprint: str,
    *,
    language: str,
    actor: str,
) -> SummaryEdit | None:
    """Keep an analyst's text for one section of the summary in ``language``; blank text goes
    back to the drafted text. The summary in another language keeps its own edit, or draft."""
    if section_key not in SUMMARY_SECTIONS:
        raise ValueError(f"Unknown section {section_key!r}.")
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}.")
    edit = db.session.scalar(
        select(SummaryEdit).filter_by(
            round_id=survey_round.id,
            organisation_id=iscm.id,
            section_key=section_key,
            language=language,
        )
    )
    text = text.replace("\r\n", "\n").strip()
    old = edit.text if edit is not None else None
    if old == (text or None):
        return edit
    if not text:
        db.session.delete(edit)
        edit = None
    elif edit is None:
        edit = SummaryEdit(
            round_id=survey_round.id,
            organisation_id=iscm.id,
            section_key=section_key,
            language=language,
            text=text,
            source_fingerprint=fingerprint,
            edited_by=actor,
        )
        db.session.add(edit)
    else:
        edit.text = text
        edit.source_fingerprint = fingerprint
        edit.edited_by = actor
        edit.edited_at = utcnow()
    # the section's key with the summary's language: "membership_value/fr"
    where = f"{section_key}/{language}"
    audit.record(actor, "summary_edit", "web", None, where, iscm.code, old, text or None)
    db.session.flush()
    return edit


def publish_summary(
    survey_round: SurveyRound,
    iscm: Organisation,
    language: str,
    pdf: bytes,
    cache_key: str,
    *,
    actor: str,
) -> PublishedSummary:
    """Keep ``pdf`` as the next published version of the ISCM's summary in ``language``."""
    latest = db.session.scalar(
        select(func.max(PublishedSummary.number)).filter_by(
            round_id=survey_round.id, organisation_id=iscm.id, language=language
        )
    )
    published = PublishedSummary(
        round_id=survey_round.id,
        organisation_id=iscm.id,
        language=language,
        number=(latest or 0) + 1,
        pdf=pdf,
        cache_key=cache_key,
        published_by=actor,
    )
    db.session.add(published)
    audit.record(actor, "publish", "web", None, None, iscm.code, None, {"language": language})
    db.session.flush()
    return published


def passage_hash(source_text: str) -> str:
    """The key a passage is remembered by: the SHA-256 of its text, whitespace collapsed."""
    return hashlib.sha256(normalised(source_text).encode("utf-8", "surrogatepass")).hexdigest()


def save_passage_translation(
    source_text: str, language: str, text: str, *, actor: str
) -> PassageTranslation | None:
    """Remember ``text`` as the translation of the passage ``source_text`` into ``language``,
    for every summary that quotes it; blank text forgets the translation (the passage is then
    quoted in the language it was written in)."""
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}.")
    source = normalised(source_text)
    if not source:
        raise ValueError("A passage to translate has some text.")
    key = passage_hash(source)
    translation = db.session.scalar(
        select(PassageTranslation).filter_by(source_hash=key, language=language)
    )
    text = normalised(text)
    old = translation.text if translation is not None else None
    if old == (text or None):
        return translation
    if not text:
        db.session.delete(translation)
        translation = None
    elif translation is None:
        translation = PassageTranslation(
            source_hash=key, source_text=source, language=language, text=text, translated_by=actor
        )
        db.session.add(translation)
    else:
        translation.text = text
        translation.translated_by = actor
        translation.translated_at = utcnow()
    # the passage's key with the language: "3f2a.../fr"
    audit.record(
        actor, "passage_translation", "web", None, f"{key[:16]}/{language}", None, old, text or None
    )
    db.session.flush()
    return translation
