"""The export's reading side: which round, which questionnaire, and the responses in batches.

Responses are read as plain rows (no ORM objects): a batch of responses with their
organisation's code and names, then the batch's answers in one statement, so each response is
read once for all the sheets of its type and its visible answers are worked out once.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Select, Text, bindparam, cast, select

from surveyapp.extensions import db
from surveyapp.models import Answer, Organisation, QuestionnaireVersion, Response, SurveyRound
from surveyapp.models.round import round_questionnaires
from surveyapp.questionnaire import Questionnaire, visible_answers

#: responses read from the database at a time
BATCH_SIZE = 100
#: answers fetched from the database at a time
PART_SIZE = 200


class ExportedResponse(NamedTuple):
    """What the sheets show of a response besides its answers."""

    id: int
    organisation_code: str
    organisation_name: str
    round_name: str
    status: str
    review_status: str
    submitted_at: dt.datetime | None
    questionnaire_version: str
    language: str
    illustrative: bool


def round_for_export(round_id: int | None) -> SurveyRound | None:
    """The round ``round_id``, else the open round, else the newest round."""
    if round_id is not None:
        return db.session.get(SurveyRound, round_id)
    return db.session.scalar(
        select(SurveyRound).order_by((SurveyRound.status == "open").desc(), SurveyRound.id.desc())
    )


def export_questionnaire(survey_round: SurveyRound, kind: str) -> Questionnaire | None:
    """The questionnaire ``kind`` answers in ``survey_round``, else its newest version."""
    # That version alone is read (the one SurveyRound.questionnaire_for chooses): decoding and
    # holding all the round's questionnaires (the ISCMs' is 170 kB of JSON) for one type's
    # export was a quarter of its peak memory at 1,000 responses.
    in_round, newest = _statements().questionnaire
    version = db.session.scalar(
        in_round, {"kind": kind, "round_id": survey_round.id}
    ) or db.session.scalar(newest, {"kind": kind})
    return version.questionnaire() if version else None


class _Statements(NamedTuple):
    #: the newest version of a type's questionnaire in a round, and anywhere
    questionnaire: tuple[Select, Select]
    #: a batch of a round's responses of a type, after a response id
    responses: Select
    #: the answers of some responses
    answers: Select


@functools.cache
def _statements() -> _Statements:
    """The export's statements, built once per process with the round, type and batch as
    parameters.

    Built anew for each export, a statement found its compiled form in SQLAlchemy's cache but
    not its own columns, and each batch paid for matching them (6 % of a 1,000-response CSV
    export).
    """
    newest = (
        select(QuestionnaireVersion)
        .where(QuestionnaireVersion.respondent_type == bindparam("kind"))
        .order_by(QuestionnaireVersion.id.desc())
        .limit(1)
    )
    in_round = newest.join(
        round_questionnaires,
        round_questionnaires.c.questionnaire_version_id == QuestionnaireVersion.id,
    ).where(round_questionnaires.c.round_id == bindparam("round_id"))
    responses = (
        select(
            Response.id,
            Organisation.code,
            cast(Organisation.names, Text),
            Response.status,
            Response.review_status,
            Response.submitted_at,
            Response.questionnaire_version_id,
            Response.language,
            Response.illustrative,
            Response.version,
            Response.visible_version,
            cast(Response.visible, Text),
        )
        .join(Organisation, Response.organisation_id == Organisation.id)
        .where(
            Response.round_id == bindparam("round_id"),
            Organisation.kind == bindparam("kind"),
            Response.id > bindparam("after"),
        )
        .order_by(Response.id)
        .limit(bindparam("size"))
    )
    # Names and values as JSON text, decoded in one call for many: a decoder call per answer
    # cost more than reading them.
    answers = select(
        Answer.response_id, Answer.question_key, Answer.item_code, cast(Answer.value, Text)
    ).where(Answer.response_id.in_(bindparam("ids", expanding=True)))
    return _Statements((in_round, newest), responses, answers)


def iter_batches(
    survey_round: SurveyRound, kind: str
) -> Iterator[list[tuple[ExportedResponse, dict[str, Any]]]]:
    """The round's responses of ``kind`` with their visible answers, a batch at a time."""
    # Run on the session's connection: through the ORM, a batch's statements cost more than the
    # rows they read.
    statements = _statements()
    db.session.flush()  # as the ORM did before each read: the connection itself does not
    connection = db.session.connection()
    versions: dict[int, tuple[str, Questionnaire]] = {}
    last_id = 0
    while True:
        batch = connection.execute(
            statements.responses,
            {"round_id": survey_round.id, "kind": kind, "after": last_id, "size": BATCH_SIZE},
        ).all()
        if not batch:
            return
        # The visible answers each save stored, where they are as of the response's version,
        # decoded in one call; the other responses' answers are read and reviewed here.
        current = [row for row in batch if row[10] == row[9] and row[11] not in (None, "null")]
        visible = dict(
            zip(
                [row[0] for row in current],
                json.loads("[" + ",".join(row[11] for row in current) + "]"),
                strict=True,
            )
        )
        answers: dict[int, dict[str, Any]] = {row[0]: {} for row in batch if row[0] not in visible}
        # Fetched a part at a time: row by row cost more time, and the whole batch at once
        # held the driver's rows and SQLAlchemy's, with all their JSON text, side by side.
        if answers:
            read = connection.execute(statements.answers, {"ids": list(answers)})
            for rows in read.partitions(PART_SIZE):
                _add_answers(answers, rows)
        names = json.loads("[" + ",".join(row[2] for row in batch) + "]")
        exported = []
        for (
            response_id,
            code,
            _names,
            status,
            review_status,
            submitted_at,
            version_id,
            language,
            illustrative,
            *_stored,
        ), name in zip(batch, names, strict=True):
            if version_id not in versions:
                version = db.session.get(QuestionnaireVersion, version_id)
                versions[version_id] = (version.version, version.questionnaire())
            version_name, questionnaire = versions[version_id]
            exported.append(
                (
                    ExportedResponse(
                        response_id,
                        code,
                        name["en"],
                        survey_round.name,
                        status,
                        review_status,
                        submitted_at,
                        version_name,
                        language,
                        illustrative,
                    ),
                    visible.pop(response_id)
                    if response_id in visible
                    else visible_answers(questionnaire, answers.pop(response_id)),
                )
            )
        yield exported
        last_id = batch[-1][0]


def _add_answers(answers: dict[int, dict[str, Any]], rows: Sequence[Sequence[Any]]) -> None:
    """Add ``rows`` (response, question key, item code, the value as JSON text) to each
    response's answers, their values decoded in one call."""
    values = json.loads("[" + ",".join([row[3] or "null" for row in rows]) + "]")
    for (response_id, key, item_code, _text), value in zip(rows, values, strict=True):
        if item_code:
            answers[response_id].setdefault(key, {})[item_code] = value
        else:
            answers[response_id][key] = value


def iter_responses(
    survey_round: SurveyRound, kind: str
) -> Iterator[tuple[ExportedResponse, dict[str, Any]]]:
    """The round's responses of ``kind`` with their visible answers, read in batches."""
    for batch in iter_batches(survey_round, kind):
        yield from batch
