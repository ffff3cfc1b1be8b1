"""Organisations that answer (States, ISCMs, IGOs) and who belongs to which ISCM."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from surveyapp.extensions import db
from surveyapp.models.types import JSONType
from surveyapp.questionnaire.model import RESPONDENT_TYPES

#: what an organisation is: the respondent type whose questionnaire it answers
ORGANISATION_KINDS = RESPONDENT_TYPES


class Organisation(db.Model):
    """A State, an ISCM or an IGO: the owner of a response."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: ISO 3166-1 alpha-3 for States, lower-case codes for IGOs, slugs for ISCMs
    code: Mapped[str] = mapped_column(String(64), unique=True)
    #: ``state``, ``iscm`` or ``igo``: also the respondent type of its questionnaire
    kind: Mapped[str] = mapped_column(String(8), index=True)
    #: names by language, as ``{"en": ..., "fr": ...}``
    names: Mapped[dict[str, str]] = mapped_column(JSONType)
    short_names: Mapped[dict[str, str]] = mapped_column(JSONType, default=dict)
    #: the name inside a sentence ("the Netherlands"), by language
    in_sentence: Mapped[dict[str, str]] = mapped_column(JSONType, default=dict)
    acronym: Mapped[str] = mapped_column(String(64), default="")
    region: Mapped[str] = mapped_column(Text, default="")
    #: for ISCMs: ``rcp``, ``irf`` or ``global``
    iscm_kind: Mapped[str | None] = mapped_column(String(8))
    secretariat: Mapped[str | None] = mapped_column(Text)

    memberships: Mapped[list[Membership]] = relationship(
        foreign_keys="Membership.iscm_id", back_populates="iscm", cascade="all, delete-orphan"
    )

    def name(self, language: str = "en") -> str:
        """The organisation's name in ``language``, English when not translated."""
        return self.names.get(language) or self.names["en"]

    def short_name(self, language: str = "en") -> str:
        """The short name ("Khartoum Process", "Iran") in ``language``."""
        return (self.short_names or {}).get(language) or self.acronym or self.name(language)

    def to_json(self) -> dict[str, Any]:
        """The organisation as the API serves it."""
        return {
            "code": self.code,
            "kind": self.kind,
            "name": self.name(),
            "names": self.names,
            "acronym": self.acronym,
            "region": self.region,
        }


class Membership(db.Model):
    """A State's or IGO's place in an ISCM (member, observer, chair, steering committee)."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("iscm_id", "member_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    iscm_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(32), default="member")
    #: True where the registry ships an illustrative list rather than the real one
    illustrative: Mapped[bool] = mapped_column(default=False)

    iscm: Mapped[Organisation] = relationship(foreign_keys=[iscm_id], back_populates="memberships")
    member: Mapped[Organisation] = relationship(foreign_keys=[member_id])
