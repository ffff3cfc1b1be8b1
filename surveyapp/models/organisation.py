"""Organisations that answer (States, ISCMs, IGOs) and who belongs to which ISCM."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from surveyapp.extensions import db
from surveyapp.models.types import JSONType
from surveyapp.questionnaire.model import LANGUAGES, RESPONDENT_TYPES
from surveyapp.questionnaire.text import folded, printable_text

#: what an organisation is: the respondent type whose questionnaire it answers
ORGANISATION_KINDS = RESPONDENT_TYPES
#: names folded for sorting compare character by character (code points), in PostgreSQL too,
#: whose default collation would follow the server's locale
SORT_TEXT = Text().with_variant(Text(collation="C"), "postgresql")


def sort_names(names: dict[str, str] | None) -> dict[str, str]:
    """The ``sort_name_*`` columns of an organisation named ``names``: its name in each
    language (English when not translated), folded (case and accents aside), with what no
    database can hold as U+FFFD (names stored before the text rule may have some)."""
    names = names or {}
    return {
        f"sort_name_{language}": folded(
            printable_text(names.get(language) or names.get("en") or "")
        )
        for language in LANGUAGES
    }


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
    region: Mapped[str] = mapped_column(Text, default="", index=True)
    #: for ISCMs: ``rcp``, ``irf`` or ``global``
    iscm_kind: Mapped[str | None] = mapped_column(String(8))
    secretariat: Mapped[str | None] = mapped_column(Text)
    #: the name in each language as lists sort it (:func:`sort_names`): kept with ``names``
    #: by :meth:`_sorted_by`; writes that bypass the ORM (bulk inserts) give them themselves
    sort_name_en: Mapped[str] = mapped_column(SORT_TEXT, server_default="")
    sort_name_fr: Mapped[str] = mapped_column(SORT_TEXT, server_default="")
    sort_name_es: Mapped[str] = mapped_column(SORT_TEXT, server_default="")
    sort_name_ar: Mapped[str] = mapped_column(SORT_TEXT, server_default="")

    memberships: Mapped[list[Membership]] = relationship(
        foreign_keys="Membership.iscm_id", back_populates="iscm", cascade="all, delete-orphan"
    )

    @validates("names")
    def _sorted_by(self, _key: str, names: dict[str, str]) -> dict[str, str]:
        for column, value in sort_names(names).items():
            setattr(self, column, value)
        return names

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


def sort_column(language: str) -> str:
    """The name of the ``sort_name_*`` column of ``language`` (English's for another)."""
    return f"sort_name_{language if language in LANGUAGES else 'en'}"


def sort_name(organisation: Organisation, language: str) -> str:
    """``organisation``'s name in ``language`` as lists sort it (see :func:`sort_names`)."""
    return getattr(organisation, sort_column(language))


def names_contain(organisation: Organisation, wanted: str) -> bool:
    """Whether ``wanted`` (folded) is in the organisation's code, acronym or a name or short
    name in any language, folded: what a search box finds it by."""
    texts = [
        organisation.code,
        organisation.acronym or "",
        *(organisation.names or {}).values(),
        *(organisation.short_names or {}).values(),
    ]
    return any(wanted in folded(text) for text in texts)
