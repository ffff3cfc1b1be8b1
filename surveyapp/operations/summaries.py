"""An analyst's edits to an ISCM's summary and the versions published from it."""

from __future__ import annotations

from sqlalchemy import func, select

from surveyapp.extensions import db
from surveyapp.models import Organisation, PublishedSummary, SummaryEdit, SurveyRound
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
