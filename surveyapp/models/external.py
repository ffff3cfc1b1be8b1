"""Submissions imported from other tools (KoboToolbox, ODK), kept so none is imported twice."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from surveyapp.extensions import db
from surveyapp.models.response import Response
from surveyapp.models.types import UTCDateTime, utcnow


class ExternalSubmission(db.Model):
    """One submission of an exported XLSForm, imported into a response."""

    __tablename__ = "external_submissions"
    __table_args__ = (UniqueConstraint("submission_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the tool's id of the submission: ``meta/instanceID`` (``uuid:...``) or Kobo's ``_uuid``
    submission_id: Mapped[str] = mapped_column(String(200))
    response_id: Mapped[int] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), index=True
    )
    #: the name of the file it came from, for the record
    source: Mapped[str] = mapped_column(String(255), default="")
    #: the form version the submission names (``__version__`` / ``_version_``), if any
    form_version: Mapped[str] = mapped_column(String(64), default="")
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    response: Mapped[Response] = relationship()
