"""An analyst's edits to an ISCM's summary, the versions published from it, and the jobs that
render, check or publish several summaries at once from the summaries board."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import func, select

from reports.passages import normalised
from surveyapp.extensions import db
from surveyapp.models import (
    Organisation,
    PassageTranslation,
    PublishedSummary,
    ReportJob,
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
    sections: dict[str, str] | None = None,
) -> PublishedSummary:
    """Keep ``pdf`` as the next published version of the ISCM's summary in ``language``.

    :param sections: what each section of the PDF says (``dossiers.summary_texts``), kept in
        the audit trail with the version, so the next publication can show what changed.
    """
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
    published_value: dict[str, Any] = {
        "language": language,
        "round": survey_round.id,
        "number": published.number,
    }
    if sections is not None:
        published_value["sections"] = sections
    audit.record(actor, "publish", "web", None, None, iscm.code, None, published_value)
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


# -- jobs of the summaries board ---------------------------------------------------------------

#: what a job of the summaries board does to each summary it is given
SUMMARY_JOB_KINDS = ("render", "check", "publish")


def add_summaries_job(
    kind: str,
    codes: list[str],
    language: str,
    requested_by: str,
    *,
    illustrative: bool = True,
    confirmed: dict[str, str] | None = None,
    with_untranslated: bool = False,
) -> ReportJob:
    """A queued job that renders, checks or publishes the summaries of the ISCMs ``codes`` in
    ``language`` (added; the caller commits). Its ``findings`` start as one ``queued`` outcome
    per ISCM, in the order given.

    :param confirmed: for a publication, the fingerprint of the texts the analyst saw and
        confirmed, by ISCM code: a summary whose texts changed since is not published.
    :param with_untranslated: publish summaries that still quote untranslated passages.
    """
    if kind not in SUMMARY_JOB_KINDS:
        raise ValueError(f"Unknown job {kind!r}.")
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}.")
    if not codes:
        raise ValueError("A job of the summaries board is about one ISCM at least.")
    job = ReportJob(
        kind=kind,
        language=language,
        requested_by=requested_by,
        illustrative=illustrative,
        subject=codes[0] if len(codes) == 1 else None,
        findings=[
            {
                "code": code,
                "outcome": "queued",
                **({"confirmed": confirmed.get(code)} if confirmed is not None else {}),
                **({"with_untranslated": True} if with_untranslated else {}),
            }
            for code in dict.fromkeys(codes)
        ],
    )
    db.session.add(job)
    return job


def record_summary_outcome(
    job_id: int, code: str, outcome: str, progress: int, **details: Any
) -> None:
    """Keep what job ``job_id`` did to the summary of ``code``: ``outcome`` is ``done`` or
    ``failed``, ``details`` say more (``text``: why it failed; ``version``: the version
    published; ``findings``: what a check found; ``cached``: the PDF was already rendered).
    The caller commits."""
    job = db.session.get(ReportJob, job_id)
    entry = {"code": code, "outcome": outcome, **details}
    outcomes = list(job.findings or [])
    found = [index for index, known in enumerate(outcomes) if known.get("code") == code]
    if found:
        outcomes[found[0]] = entry
    else:
        outcomes.append(entry)
    # a new list: the JSON column notices a new value, not a change inside the old one
    job.findings = outcomes
    job.progress = progress
    db.session.flush()


def finish_summaries_job(job_id: int) -> None:
    """Mark job ``job_id`` of the summaries board done (the caller commits)."""
    job = db.session.get(ReportJob, job_id)
    job.status = "done"
    job.progress = 100
    job.finished_at = utcnow()
    db.session.flush()
