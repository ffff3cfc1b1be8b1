"""What the summaries board reads of a round's responses, kept between page loads.

The board's figures - who each ISCM expects answers from, who answered, when the answers its
summary feeds on last changed, how many passages each summary quotes untranslated - come from
every response of the round: reading them all takes most of a second at 10,000 responses, and
the board is reloaded far more often than they change.

So the reading is kept per application and round under a *fingerprint*: one SQL statement of
aggregates that changes with every write the figures depend on. A response's ``version`` grows
with every saved answer, submission, reopening and repair (the sum of the versions and of their
products with the ids changes with each, and the count with each deletion; the demo's
back-dating happens in the transaction that writes what it dates), and the audit trail's last
event with a respondent's choice of language, which moves no version;
translations, memberships and organisations are counted with the sum and the largest of their
ids. While the fingerprint stays, a page load reads nothing else; when it changed, only the
responses whose version changed are read again (an autosave re-reads one response), and only
the summaries whose passages or translations changed are counted again.

The figures are the same as a fresh reading's whatever the order of the writes
(``tests/summaries/test_round_reading.py`` checks that against random writes).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from sqlalchemy import func, select, true
from sqlalchemy.orm import selectinload, undefer

from reports import feeds
from reports.passages import Passage, free_texts
from surveyapp.dossiers import PARTICIPATION_SLOTS, translation_memory, untranslated
from surveyapp.extensions import db
from surveyapp.i18n import LANGUAGES
from surveyapp.models import (
    Answer,
    AuditEvent,
    Membership,
    Organisation,
    PassageTranslation,
    Response,
    SurveyRound,
)

#: the per-ISCM blocks of answers of States and IGOs: (kind, contract part)
VIEW_PARTS = {"state": "state_view", "igo": "igo_view"}
#: the SQLite limit on bound parameters is 999 in old builds: ids are read in chunks
CHUNK = 900
#: where the translations' aggregates are in a fingerprint, and the registry's (memberships
#: and organisations)
TRANSLATIONS = slice(4, 7)
REGISTRY = slice(7, 13)


@dataclass(frozen=True)
class ResponseRow:
    """The columns of a response the board reads."""

    id: int
    organisation_id: int
    code: str
    kind: str
    status: str
    submitted_at: dt.datetime | None
    version: int
    language: str


@dataclass(frozen=True)
class Digest:
    """What one response, at one version, gives the board."""

    row: ResponseRow
    #: the ISCM codes it names: in its list of ISCMs taken part in, or with a block of answers
    mentions: tuple[str, ...] = ()
    #: the passages it lets summaries quote, by ISCM code (submitted responses only)
    passages: dict[str, tuple[Passage, ...]] = field(default_factory=dict)
    #: when it was last submitted or reopened, whichever came last
    changed_at: dt.datetime | None = None


@dataclass
class Respondents:
    """Who each ISCM expects answers from, whose answers its summary feeds on, and when each
    organisation's response last changed what the summaries read."""

    #: organisation ids by ISCM code
    expected: dict[str, set[int]]
    feeding: dict[str, set[int]]
    #: the round's submitted responses by organisation id
    submitted: dict[int, ResponseRow]
    #: when each organisation's response was last submitted or reopened (those that were)
    last_change: dict[int, dt.datetime]

    #: the answers of :meth:`changed_at` and :meth:`received` by ISCM code, worked out once: a
    #: reading is kept while the round does not change, and each load of the board asks again
    _changed: dict[str, dt.datetime | None] = field(default_factory=dict, repr=False)
    _received: dict[str, list[ResponseRow]] = field(default_factory=dict, repr=False)
    _last_received: dict[str, dt.datetime | None] = field(default_factory=dict, repr=False)

    def changed_at(self, code: str) -> dt.datetime | None:
        """When a response the summary of ``code`` feeds on was last submitted or reopened."""
        if code not in self._changed:
            last_change = self.last_change
            feeding = self.feeding.get(code, set())
            self._changed[code] = max(
                (last_change[o] for o in feeding & last_change.keys()), default=None
            )
        return self._changed[code]

    def last_received(self, code: str) -> dt.datetime | None:
        """When the latest of :meth:`received` was submitted."""
        if code not in self._last_received:
            times = [row.submitted_at for row in self.received(code) if row.submitted_at]
            self._last_received[code] = max(times, default=None)
        return self._last_received[code]

    def received(self, code: str) -> list[ResponseRow]:
        """The submitted responses of those the ISCM ``code`` expects."""
        if code not in self._received:
            submitted = self.submitted
            expected = self.expected.get(code, set())
            self._received[code] = [submitted[o] for o in expected & submitted.keys()]
        return self._received[code]


@dataclass(frozen=True)
class RoundReading:
    """The board's figures of one round, as of one fingerprint."""

    fingerprint: tuple
    respondents: Respondents
    #: passages each ISCM's summary quotes untranslated, by ISCM code and language (only the
    #: languages that have any)
    untranslated: dict[str, dict[str, int]]


def read_round(survey_round: SurveyRound) -> RoundReading:
    """The board's figures of ``survey_round``: kept while its fingerprint stays."""
    readers = current_app.extensions.setdefault("round_readers", {})
    reader = readers.get(survey_round.id)
    if reader is None:
        reader = readers.setdefault(survey_round.id, _Reader())
    return reader.read(survey_round)


def fingerprint(survey_round: SurveyRound) -> tuple:
    """Aggregates that change with every write the board's figures depend on: one statement,
    one pass over each table."""
    tables = [
        select(
            func.count(Response.id),
            func.max(Response.id),
            func.sum(Response.version),
            func.sum(Response.id * Response.version),
        )
        .where(Response.round_id == survey_round.id)
        .subquery()
    ]
    tables += [
        select(func.count(model.id), func.max(model.id), func.sum(model.id)).subquery()
        for model in (PassageTranslation, Membership, Organisation)
    ]
    # the audit trail's last event: a respondent choosing another language moves no version
    tables.append(select(func.max(AuditEvent.id)).subquery())
    # each table gives one row: joined on nothing, they give one row of every aggregate
    joined = tables[0]
    for table in tables[1:]:
        joined = joined.join(table, true())
    columns = [column for table in tables for column in table.c]
    return (*db.session.execute(select(*columns).select_from(joined)).one(), survey_round.name)


class _Reader:
    """The kept reading of one round in one application, and the digests it was made from."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reading: RoundReading | None = None
        #: by response id, in the order of the ids
        self.digests: dict[int, Digest] = {}
        #: what the reading's untranslated counts were made from, besides the passages
        self.counted_from: tuple | None = None

    def read(self, survey_round: SurveyRound) -> RoundReading:
        current = fingerprint(survey_round)
        with self.lock:
            if self.reading is None or self.reading.fingerprint != current:
                self.reading = self._reread(survey_round, current)
            return self.reading

    def _reread(self, survey_round: SurveyRound, current: tuple) -> RoundReading:
        """Read again the responses whose version changed; count the untranslated passages
        again when the passages, the translations, the round's name or the ISCMs changed."""
        # a response is read again when its version or its language (the language its text
        # answers are in, which the respondent may change without saving) changed
        versions = {
            response_id: (version, language)
            for response_id, version, language in db.session.execute(
                select(Response.id, Response.version, Response.language)
                .where(Response.round_id == survey_round.id)
                .order_by(Response.id)
            )
        }
        kept = self.digests
        stale = [
            i
            for i, now in versions.items()
            if i not in kept or (kept[i].row.version, kept[i].row.language) != now
        ]
        every = len(stale) == len(versions)
        fresh = _digests(
            survey_round, _response_rows(survey_round, None if every else stale), every
        )
        # the passages moved when a response that has or had some changed or went away
        left = [kept[i] for i in stale if i in kept]
        left += [kept[i] for i in kept.keys() - versions.keys()]
        moved = any(digest.passages for digest in [*left, *fresh.values()])
        self.digests = {i: fresh.get(i) or kept[i] for i in versions if i in fresh or i in kept}
        iscms = dict(
            db.session.execute(
                select(Organisation.id, Organisation.code).filter_by(kind="iscm")
            ).all()
        )
        counted_from = (current[TRANSLATIONS], survey_round.name, tuple(sorted(iscms.values())))
        if moved or self.reading is None or counted_from != self.counted_from:
            untranslated = self._untranslated(survey_round, iscms.values())
            self.counted_from = counted_from
        else:
            untranslated = self.reading.untranslated
        if self.reading is not None and self._same_respondents(current, left, fresh):
            respondents = self.reading.respondents
        else:
            respondents = self._respondents(iscms)
        return RoundReading(current, respondents, untranslated)

    def _same_respondents(self, current: tuple, left: list[Digest], fresh: dict[int, Digest]):
        """Whether the digests read again left who is expected and who answered when as they
        were (an autosave that names the same ISCMs, say)."""

        def part(digest: Digest) -> tuple:
            row = digest.row
            return (
                row.organisation_id,
                row.status,
                row.submitted_at,
                digest.mentions,
                digest.changed_at,
            )

        before = {digest.row.id: part(digest) for digest in left}
        return (
            self.reading.fingerprint[REGISTRY] == current[REGISTRY]
            and before.keys() == fresh.keys()
            and all(before[i] == part(digest) for i, digest in fresh.items())
        )

    def _respondents(self, iscms: dict[int, str]) -> Respondents:
        expected: dict[str, set[int]] = defaultdict(set)
        feeding: dict[str, set[int]] = defaultdict(set)
        for iscm_id, member_id in db.session.execute(
            select(Membership.iscm_id, Membership.member_id)
        ):
            if iscm_id in iscms:
                expected[iscms[iscm_id]].add(member_id)
        for digest in self.digests.values():
            for code in digest.mentions:
                expected[code].add(digest.row.organisation_id)
                feeding[code].add(digest.row.organisation_id)
        for iscm_id, code in iscms.items():
            expected[code].add(iscm_id)
            feeding[code].add(iscm_id)
        digests = self.digests.values()
        submitted = {d.row.organisation_id: d.row for d in digests if d.row.status == "submitted"}
        changed = {d.row.organisation_id: d.changed_at for d in digests if d.changed_at}
        return Respondents(dict(expected), dict(feeding), submitted, changed)

    def _untranslated(
        self, survey_round: SurveyRound, codes: Iterable[str]
    ) -> dict[str, dict[str, int]]:
        """The passages each summary quotes untranslated, by ISCM code and language."""
        passages: dict[str, dict[tuple[str, str], Passage]] = defaultdict(dict)
        # the ISCM's own response first, then the others in the order of their ids
        digests = sorted(self.digests.values(), key=lambda digest: digest.row.kind != "iscm")
        for digest in digests:
            for code, found in digest.passages.items():
                for passage in found:
                    passages[code].setdefault((passage.text, passage.where), passage)
        memories = {language: translation_memory(language) for language in LANGUAGES}
        round_name = free_texts({}, None, (), survey_round.name)
        counts: dict[str, dict[str, int]] = {}
        for code in codes:
            for passage in round_name:
                passages[code].setdefault((passage.text, passage.where), passage)
            found = list(passages[code].values())
            for language in LANGUAGES:
                count = len(untranslated(found, memories[language], language))
                if count:
                    counts.setdefault(code, {})[language] = count
        return counts


def _response_rows(survey_round: SurveyRound, ids: list[int] | None) -> list[ResponseRow]:
    """The rows of the responses ``ids`` (None: of every response of the round)."""
    query = (
        select(
            Response.id,
            Response.organisation_id,
            Organisation.code,
            Organisation.kind,
            Response.status,
            Response.submitted_at,
            Response.version,
            Response.language,
        )
        .join(Organisation, Response.organisation_id == Organisation.id)
        .where(Response.round_id == survey_round.id)
        .order_by(Response.id)
    )
    if ids is None:
        return [ResponseRow(*row) for row in db.session.execute(query)]
    return [
        ResponseRow(*row)
        for chunk in _chunks(ids)
        for row in db.session.execute(query.where(Response.id.in_(chunk)))
    ]


def _digests(survey_round: SurveyRound, rows: list[ResponseRow], every: bool) -> dict[int, Digest]:
    """The digests of ``rows``: read for the whole round when ``every``, by ids otherwise."""
    mentions: dict[int, list[str]] = defaultdict(list)
    views: dict[int, dict[str, tuple[Passage, ...]]] = defaultdict(dict)
    by_id = {row.id: row for row in rows}
    others = [row.id for row in rows if row.kind in VIEW_PARTS]
    for response_id, _key, item_code, value in _answers_of(survey_round, others, every):
        row = by_id[response_id]
        if item_code:
            mentions[response_id].append(item_code)
            if row.status == "submitted" and isinstance(value, dict):
                view = (VIEW_PARTS[row.kind], value, row.language)
                views[response_id][item_code] = tuple(free_texts({}, None, [view]))
        elif isinstance(value, list):
            mentions[response_id] += [code for code in value if isinstance(code, str)]
    own = _own_passages(
        [row.id for row in rows if row.kind == "iscm" and row.status == "submitted"]
    )
    reopened = _reopened([row.id for row in rows], survey_round, every)
    return {
        row.id: Digest(
            row,
            tuple(dict.fromkeys(mentions[row.id])),
            {row.code: own[row.id]} if row.id in own else views[row.id],
            max(filter(None, (row.submitted_at, reopened.get(row.id))), default=None),
        )
        for row in rows
    }


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _answers_of(
    survey_round: SurveyRound, ids: list[int], every: bool
) -> Iterable[tuple[int, str, str, Any]]:
    """(response id, question key, item code, value) of the participation lists (item code
    empty) and per-ISCM blocks (item code the ISCM's) of the responses ``ids``."""
    lists = [feeds.slot(slot).path for slot in PARTICIPATION_SLOTS.values()]
    blocks = [feeds.slot(f"{part}.block").path for part in VIEW_PARTS.values()]
    query = select(Answer.response_id, Answer.question_key, Answer.item_code, Answer.value).where(
        ((Answer.question_key.in_(lists)) & (Answer.item_code == ""))
        | ((Answer.question_key.in_(blocks)) & (Answer.item_code != ""))
    )
    if every:
        # one statement for the whole round, not one per chunk of ids
        wanted = set(ids)
        rows = db.session.execute(
            query.join(Response, Answer.response_id == Response.id).where(
                Response.round_id == survey_round.id
            )
        )
        yield from (row for row in rows if row.response_id in wanted)
        return
    for chunk in _chunks(ids):
        yield from db.session.execute(query.where(Answer.response_id.in_(chunk)))


def _own_passages(ids: list[int]) -> dict[int, tuple[Passage, ...]]:
    """The passages of the ISCMs' own submitted responses ``ids``: their visible text answers."""
    passages = {}
    for chunk in _chunks(ids):
        for response in db.session.scalars(
            select(Response)
            .where(Response.id.in_(chunk))
            # the answers themselves are read (lazily) only where the stored visible answers
            # are not as of the response's version: a response saved before they were stored
            .options(selectinload(Response.questionnaire_version), undefer(Response.visible))
        ):
            questionnaire = response.questionnaire_version.questionnaire()
            answers = response.visible_answers(questionnaire)
            passages[response.id] = tuple(free_texts(answers, response.language))
    return passages


def _reopened(ids: list[int], survey_round: SurveyRound, every: bool) -> dict[int, dt.datetime]:
    """When each of the responses ``ids`` was last reopened (those that ever were)."""
    query = (
        select(AuditEvent.response_id, func.max(AuditEvent.created_at))
        .where(AuditEvent.action == "reopen")
        .group_by(AuditEvent.response_id)
    )
    if every:
        return dict(
            db.session.execute(
                query.join(Response, AuditEvent.response_id == Response.id).where(
                    Response.round_id == survey_round.id
                )
            ).all()
        )
    found = {}
    for chunk in _chunks(ids):
        found.update(db.session.execute(query.where(AuditEvent.response_id.in_(chunk))).all())
    return found
