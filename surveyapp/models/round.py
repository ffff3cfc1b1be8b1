"""Survey rounds and the questionnaire versions they use."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Column, ForeignKey, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from surveyapp.extensions import db
from surveyapp.models.types import JSONType, UTCDateTime, utcnow
from surveyapp.questionnaire import Questionnaire, questionnaire_from_json
from surveyapp.questionnaire.kept import Kept

round_questionnaires = Table(
    "round_questionnaires",
    db.metadata,
    Column("round_id", ForeignKey("survey_rounds.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "questionnaire_version_id",
        ForeignKey("questionnaire_versions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
)


class QuestionnaireVersion(db.Model):
    """One version of one questionnaire, stored whole so old responses keep their meaning."""

    __tablename__ = "questionnaire_versions"
    __table_args__ = (UniqueConstraint("respondent_type", "content_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: ``state``, ``iscm`` or ``igo``
    respondent_type: Mapped[str] = mapped_column(String(8), index=True)
    questionnaire_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(32))
    #: sha256 of the canonical JSON: loading an unchanged file again reuses the row
    content_hash: Mapped[str] = mapped_column(String(64))
    #: the questionnaire as ``Questionnaire.to_json()`` gives it; deferred: loading a version
    #: (a respondent's every request does) does not decode it, :meth:`questionnaire` seldom needs it
    content: Mapped[dict[str, Any]] = mapped_column(JSONType, deferred=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    def questionnaire(self) -> Questionnaire:
        """The stored questionnaire as engine objects, built once per process and content.

        A version's content never changes under its hash (every writer stores the hash of the
        content it stores: :func:`surveyapp.operations.rounds.store_questionnaire`, backdating,
        and archive imports, which check it), and the engine's objects are not changed after
        they are built, so the same objects serve every request and every database.
        """
        return _built.get(self.content_hash, lambda: questionnaire_from_json(self.content))


#: the questionnaires built from stored versions (a round has three, and old responses keep the
#: versions they were given)
_built: Kept[Questionnaire] = Kept(32)


class SurveyRound(db.Model):
    """A round of the assessment (e.g. "ISCM assessment 2026")."""

    __tablename__ = "survey_rounds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]
    #: ``draft``, ``open`` or ``closed``
    status: Mapped[str] = mapped_column(String(8), default="open", index=True)
    deadline: Mapped[dt.date | None]
    #: the address respondents write to with questions (shown on their pages, e-mails, receipt)
    contact_email: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    questionnaires: Mapped[list[QuestionnaireVersion]] = relationship(
        secondary=round_questionnaires
    )

    @property
    def is_open(self) -> bool:
        """Whether the round still accepts answers."""
        return self.status == "open"

    def questionnaire_for(self, respondent_type: str) -> QuestionnaireVersion | None:
        """The newest questionnaire version of ``respondent_type`` attached to this round."""
        versions = [q for q in self.questionnaires if q.respondent_type == respondent_type]
        return max(versions, key=lambda q: q.id) if versions else None
