"""Analysts' work on the summaries: edits, published versions, rendered PDFs and report jobs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from surveyapp.extensions import db
from surveyapp.models.organisation import Organisation
from surveyapp.models.round import SurveyRound
from surveyapp.models.types import JSONType, UTCDateTime, utcnow


class SummaryEdit(db.Model):
    """An analyst's text for one section of one ISCM's summary in one round and one language
    (Markdown). A language without its own edit of a section prints the drafted text."""

    __tablename__ = "summary_edits"
    __table_args__ = (UniqueConstraint("round_id", "organisation_id", "section_key", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_rounds.id", ondelete="CASCADE"))
    #: the ISCM the summary is about
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    #: ``introduction`` or one of the five section keys of ``reports.draft_sections``
    section_key: Mapped[str] = mapped_column(String(32))
    #: the language of the summary the edit belongs to (``en``, ``fr``, ``es``, ``ar``)
    language: Mapped[str] = mapped_column(String(8), default="en")
    text: Mapped[str] = mapped_column(Text)
    #: the fingerprint of the answers under the section when the edit was saved
    source_fingerprint: Mapped[str] = mapped_column(String(64))
    edited_by: Mapped[str] = mapped_column(String(320))
    edited_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    organisation: Mapped[Organisation] = relationship()


class PublishedSummary(db.Model):
    """A published PDF, kept byte for byte so it can be downloaded again exactly."""

    __tablename__ = "published_summaries"
    __table_args__ = (UniqueConstraint("round_id", "organisation_id", "language", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_rounds.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(2))
    #: 1, 2, 3... per ISCM, round and language
    number: Mapped[int]
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    cache_key: Mapped[str] = mapped_column(String(64))
    published_by: Mapped[str] = mapped_column(String(320))
    published_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    round: Mapped[SurveyRound] = relationship()
    organisation: Mapped[Organisation] = relationship()


class RenderedPdf(db.Model):
    """A rendered PDF kept under the hash of everything it depends on (the report cache).

    It lives in the database so that every web worker and every RQ worker shares it.
    """

    __tablename__ = "rendered_pdfs"

    id: Mapped[int] = mapped_column(primary_key=True)
    cache_key: Mapped[str] = mapped_column(String(64), unique=True)
    #: ``iscm`` or ``compendium``
    kind: Mapped[str] = mapped_column(String(16))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReportJob(db.Model):
    """A report job run in the background, with its progress: the compendium, or the
    summaries of some ISCMs rendered, checked or published one after another."""

    __tablename__ = "report_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: ``compendium`` (a PDF), or ``render``, ``check`` (what ``report check`` finds) or
    #: ``publish`` of ISCMs' summaries
    kind: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(2), default="en")
    #: the ISCM a job of summaries is about when it is about one
    subject: Mapped[str | None] = mapped_column(String(64))
    #: False: illustrative (demo) answers are left out of what the job renders or checks
    illustrative: Mapped[bool] = mapped_column(default=True, server_default=sa_true())
    #: a job of summaries: one ``{"code", "outcome"}`` per ISCM (``queued``, ``done`` or
    #: ``failed``, with ``text`` or ``reason`` saying why, ``version`` published, ``findings``
    #: of a check as ``{"page", "kind", "text"}``); before these, a check's findings as
    #: ``{"code", "page", "kind", "text"}``
    findings: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONType)
    #: ``queued``, ``running``, ``done`` or ``failed``
    status: Mapped[str] = mapped_column(String(8), default="queued")
    #: 0 to 100
    progress: Mapped[int] = mapped_column(default=0)
    message: Mapped[str] = mapped_column(Text, default="")
    #: where the finished PDF is kept (``RenderedPdf.cache_key``)
    result_key: Mapped[str | None] = mapped_column(String(64))
    requested_by: Mapped[str] = mapped_column(String(320))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class PassageTranslation(db.Model):
    """An analyst's translation of a passage a summary quotes (a free-text answer, a meeting's
    title, the round's name) into one language: the translation memory.

    Keyed by the passage's text (whitespace collapsed) and the language, not by round or ISCM:
    the same text quoted in another summary, or answered again in a later round, is translated
    once (``reports.passages``).
    """

    __tablename__ = "passage_translations"
    __table_args__ = (UniqueConstraint("source_hash", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: SHA-256 of ``source_text``: the text itself may be longer than an index allows
    source_hash: Mapped[str] = mapped_column(String(64))
    #: the passage as the respondent wrote it, whitespace collapsed
    source_text: Mapped[str] = mapped_column(Text)
    #: the language the passage is translated into (``en``, ``fr``, ``es``, ``ar``)
    language: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    translated_by: Mapped[str] = mapped_column(String(320))
    translated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
