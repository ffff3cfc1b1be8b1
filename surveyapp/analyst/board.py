"""The summaries board: where each ISCM's summary stands, in each language, read in a fixed
number of queries whatever the number of ISCMs and responses.

*Expected* respondents of an ISCM are its secretariat (the ISCM's own questionnaire), every
State or IGO the registry lists as one of its members (any role), and every State or IGO whose
response in the round names it (in its list of ISCMs taken part in, or with a block of answers
about it), whatever that response's status. *Received* are those of them that submitted.

The summary *feeds on* the ISCM's own response and the responses that name it. Its answers
*changed* when one of those was submitted, or reopened, after a time: after the oldest edit of
a language's summary it is out of date with the edit, after the latest publication it is out
of date with the published version. (The introduction's counts of the whole round change with
every submission anywhere; they are left out here, and the summary page tells per section.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select

from surveyapp.analyst.round_reading import read_round
from surveyapp.extensions import db
from surveyapp.i18n import LANGUAGES
from surveyapp.models import Organisation, PublishedSummary, SummaryEdit, SurveyRound

#: the statuses the board filters on, in the order the page lists them
STATUSES = ("draft", "edited", "out_of_date", "translation_incomplete", "published")
#: the columns the board sorts on
SORT_KEYS = ("name", "received", "last_answer", "status")


@dataclass
class LanguageStatus:
    """Where the summary of one ISCM stands in one language."""

    #: sections with an analyst's text
    edited_sections: int = 0
    #: when the oldest and the newest of those texts were saved
    first_edit: dt.datetime | None = None
    last_edit: dt.datetime | None = None
    #: the latest published version and when it was published
    version: int | None = None
    published_at: dt.datetime | None = None
    #: passages the summary quotes untranslated
    untranslated: int = 0
    #: answers the summary feeds on changed after the oldest edit
    changed_since_edit: bool = False
    #: answers the summary feeds on changed after the latest publication
    changed_since_publication: bool = False

    @property
    def stage(self) -> str:
        """``published``, ``edited`` or ``draft``: how far the summary has come."""
        if self.version is not None:
            return "published"
        return "edited" if self.edited_sections else "draft"

    @property
    def out_of_date(self) -> bool:
        """Whether answers changed since the edit or since the publication."""
        return self.changed_since_edit or self.changed_since_publication

    @property
    def edited_since_publication(self) -> bool:
        """Whether an analyst's text was saved after the latest publication."""
        return (
            self.published_at is not None
            and self.last_edit is not None
            and self.last_edit > self.published_at
        )

    def has(self, status: str) -> bool:
        """Whether the summary is at ``status`` (one of :data:`STATUSES`)."""
        if status == "out_of_date":
            return self.out_of_date
        if status == "translation_incomplete":
            return self.untranslated > 0
        if status == "edited":
            return self.edited_sections > 0
        return self.stage == status

    @property
    def rank(self) -> tuple[int, int, int]:
        """The order of the status sort: what needs work first (out of date, translation
        incomplete, draft, edited), published last."""
        stages = {"draft": 0, "edited": 1, "published": 2}
        return (not self.out_of_date, not self.untranslated, stages[self.stage])


@dataclass
class BoardRow:
    """One ISCM on the board."""

    iscm: Organisation
    expected: int
    received: int
    #: when the latest of the received responses was submitted
    last_received: dt.datetime | None
    statuses: dict[str, LanguageStatus] = field(default_factory=dict)

    def has(self, status: str, language: str | None = None) -> bool:
        """Whether the summary is at ``status`` in ``language`` (None: in any language)."""
        languages = [language] if language else list(self.statuses)
        return any(self.statuses[lang].has(status) for lang in languages)


def answers_changed_at(survey_round: SurveyRound, code: str) -> dt.datetime | None:
    """When a response the summary of ISCM ``code`` feeds on was last submitted or reopened."""
    return read_round(survey_round).respondents.changed_at(code)


def summary_board(survey_round: SurveyRound, name_language: str = "en") -> list[BoardRow]:
    """Every ISCM's row, sorted by its short name in ``name_language``."""
    iscms = list(db.session.scalars(select(Organisation).filter_by(kind="iscm")))
    reading = read_round(survey_round)
    respondents = reading.respondents
    statuses = _language_statuses(survey_round)
    rows = []
    for iscm in iscms:
        received = respondents.received(iscm.code)
        changed = respondents.changed_at(iscm.code)
        row = BoardRow(
            iscm,
            expected=len(respondents.expected[iscm.code]),
            received=len(received),
            last_received=respondents.last_received(iscm.code),
        )
        for language in LANGUAGES:
            status = statuses.get((iscm.id, language), LanguageStatus())
            status.untranslated = reading.untranslated.get(iscm.code, {}).get(language, 0)
            if changed is not None:
                status.changed_since_edit = (
                    status.first_edit is not None and changed > status.first_edit
                )
                status.changed_since_publication = (
                    status.published_at is not None and changed > status.published_at
                )
            row.statuses[language] = status
        rows.append(row)
    return sorted(rows, key=lambda r: r.iscm.short_name(name_language).casefold())


def filter_and_sort(
    rows: list[BoardRow],
    *,
    status: str | None,
    language: str | None,
    sort: str,
    descending: bool,
    name_language: str = "en",
) -> list[BoardRow]:
    """The rows at ``status`` in ``language`` (None: any), sorted by ``sort``."""
    if status:
        rows = [row for row in rows if row.has(status, language)]
    languages = [language] if language else list(LANGUAGES)

    def status_rank(row: BoardRow):
        return min(row.statuses[lang].rank for lang in languages)

    never = dt.datetime.min.replace(tzinfo=dt.UTC)
    keys = {
        "name": lambda row: row.iscm.short_name(name_language).casefold(),
        "received": lambda row: (row.received / row.expected if row.expected else 0, row.received),
        "last_answer": lambda row: row.last_received or never,
        "status": status_rank,
    }
    return sorted(rows, key=keys[sort], reverse=descending)


def _language_statuses(survey_round: SurveyRound) -> dict[tuple[int, str], LanguageStatus]:
    """Edits and publications of each summary, by (ISCM id, language): two queries."""
    statuses: dict[tuple[int, str], LanguageStatus] = {}
    for organisation_id, language, count, first, last in db.session.execute(
        select(
            SummaryEdit.organisation_id,
            SummaryEdit.language,
            func.count(),
            func.min(SummaryEdit.edited_at),
            func.max(SummaryEdit.edited_at),
        )
        .where(SummaryEdit.round_id == survey_round.id)
        .group_by(SummaryEdit.organisation_id, SummaryEdit.language)
    ):
        status = statuses.setdefault((organisation_id, language), LanguageStatus())
        status.edited_sections, status.first_edit, status.last_edit = count, first, last
    for organisation_id, language, number, published_at in db.session.execute(
        select(
            PublishedSummary.organisation_id,
            PublishedSummary.language,
            func.max(PublishedSummary.number),
            func.max(PublishedSummary.published_at),
        )
        .where(PublishedSummary.round_id == survey_round.id)
        .group_by(PublishedSummary.organisation_id, PublishedSummary.language)
    ):
        status = statuses.setdefault((organisation_id, language), LanguageStatus())
        status.version, status.published_at = number, published_at
    return statuses
