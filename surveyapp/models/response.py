"""Invitations, responses and the answers they hold."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from surveyapp.extensions import db
from surveyapp.models.organisation import Organisation
from surveyapp.models.round import QuestionnaireVersion, SurveyRound
from surveyapp.models.types import JSONType, UTCDateTime, utcnow
from surveyapp.questionnaire import Questionnaire
from surveyapp.questionnaire import visible_answers as review_visible

RESPONSE_STATUSES = ("invited", "in_progress", "submitted")
REVIEW_STATUSES = ("unreviewed", "accepted", "query_raised", "query_answered")


def hash_token(token: str) -> str:
    """The stored form of an invitation token (tokens themselves are never stored)."""
    return hashlib.sha256(token.encode()).hexdigest()


class Response(db.Model):
    """One organisation's answers in one round."""

    __tablename__ = "responses"
    __table_args__ = (UniqueConstraint("round_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_rounds.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    #: the questionnaire version this response is answered on
    questionnaire_version_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_versions.id"))
    #: ``invited``, ``in_progress`` or ``submitted``
    status: Mapped[str] = mapped_column(String(16), default="invited", index=True)
    #: ``unreviewed``, ``accepted``, ``query_raised`` or ``query_answered``
    review_status: Mapped[str] = mapped_column(String(16), default="unreviewed", index=True)
    #: the analyst's query, shown to the respondent while ``review_status`` is ``query_raised``
    query_message: Mapped[str | None] = mapped_column(Text)
    #: the question the query is about (None: the response as a whole)
    query_question_key: Mapped[str | None] = mapped_column(String(64))
    #: the ISCM (item code) of a per-ISCM question the query is about ("" or None: every item)
    query_item_code: Mapped[str | None] = mapped_column(String(64))
    #: when the query was raised
    query_raised_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    #: the respondent's reply to the query, written next to the question
    query_reply: Mapped[str | None] = mapped_column(Text)
    #: when the respondent replied (``review_status`` became ``query_answered``)
    query_replied_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    #: incremented by every save; a save must name the version it started from
    version: Mapped[int] = mapped_column(default=0)
    #: the visible answers (``questionnaire.visible_answers``) as of ``visible_version``,
    #: stored by each save, so that a reader of many responses (the export) reads one value
    #: and reviews nothing; a reader uses them only while ``visible_version`` is ``version``
    #: (a write that does not store them moves the version on all the same)
    #: (JSON, not JSONB, on PostgreSQL: kept as written, so an ISCM's block of answers keeps
    #: its place among the others). Loaded when first read, not with the response: the pages
    #: that list responses would otherwise decode every response's answers at each load; a
    #: reader of many responses' answers asks for it with ``undefer(Response.visible)``.
    visible: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)
    visible_version: Mapped[int | None] = mapped_column()
    #: the respondent's language of choice
    language: Mapped[str] = mapped_column(String(2), default="en")
    #: True for demo responses that are not faithful to any source
    illustrative: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    round: Mapped[SurveyRound] = relationship()
    organisation: Mapped[Organisation] = relationship()
    questionnaire_version: Mapped[QuestionnaireVersion] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )

    def visible_answers(self, questionnaire: Questionnaire) -> dict[str, Any]:
        """The answers a reader shows (``questionnaire.visible_answers``): those each save
        stored when they are as of this version, worked out from the answers otherwise.

        :param questionnaire: the response's questionnaire (its version's)
        """
        if self.visible is not None and self.visible_version == self.version:
            return self.visible
        return review_visible(questionnaire, self.answer_values())

    def answer_values(self) -> dict[str, Any]:
        """The answers as one JSON object, as the API and the engine see them."""
        values: dict[str, Any] = {}
        for answer in self.answers:
            if answer.item_code:
                values.setdefault(answer.question_key, {})[answer.item_code] = answer.value
            else:
                values[answer.question_key] = answer.value
        return values


class Answer(db.Model):
    """The answer to one top-level question, or to one item of a ``per_item`` block."""

    __tablename__ = "answers"
    __table_args__ = (
        UniqueConstraint("response_id", "question_key", "item_code"),
        Index("ix_answers_question_item", "question_key", "item_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    question_key: Mapped[str] = mapped_column(String(64))
    #: the item (e.g. an ISCM code) of a ``per_item`` answer; empty for other questions
    item_code: Mapped[str] = mapped_column(String(64), default="")
    #: the value as JSON (for ``per_item``: the object of child answers for this item)
    value: Mapped[Any] = mapped_column(JSONType)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    response: Mapped[Response] = relationship(back_populates="answers")


class Invitation(db.Model):
    """A personal link for one organisation in one round; only the token's hash is kept."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_rounds.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id"))
    #: sha256 of the token (see ``hash_token``)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    round: Mapped[SurveyRound] = relationship()
    organisation: Mapped[Organisation] = relationship()
    response: Mapped[Response] = relationship()

    @property
    def is_active(self) -> bool:
        """Whether the link still opens the response."""
        return self.revoked_at is None
