"""A whole round as one versioned JSON document, to move it between installations.

The archive holds the round, its questionnaire versions, the registry (organisations and
memberships), invitations *without* their tokens, responses with their answers, the audit
trail of those responses, the ids of submissions imported from other tools, and the analysts'
edits of the ISCM summaries. An archive
names its format and version; an import refuses any format or version it does not know.

An archive is a copy: its texts are imported exactly as they are (so receipts' checksums still
match), but under the text rule of every channel (``surveyapp.questionnaire.text``): a string
holding a control character or a lone surrogate anywhere in the archive refuses the import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase

from surveyapp.extensions import db
from surveyapp.models import (
    AuditEvent,
    Invitation,
    Membership,
    Organisation,
    Response,
    SurveyRound,
)
from surveyapp.models.external import ExternalSubmission
from surveyapp.models.summary import SummaryEdit
from surveyapp.models.types import utcnow
from surveyapp.operations import archives
from surveyapp.questionnaire import QuestionnaireError
from surveyapp.questionnaire.text import find_unprintable_in

#: the ``format`` of every archive
FORMAT = "surveyapp-round"
#: the version of the archive format this code writes; imports accept exactly these
FORMAT_VERSION = 1
SUPPORTED_VERSIONS = (1,)


class ArchiveError(Exception):
    """The archive cannot be imported; the message says why."""


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _columns(obj: DeclarativeBase) -> dict[str, Any]:
    """The row's own columns as JSON values (ids and links left out)."""
    return {
        column.key: _plain(getattr(obj, column.key))
        for column in obj.__table__.columns
        if column.key not in archives.LINK_COLUMNS
    }


def export_round(survey_round: SurveyRound) -> dict[str, Any]:
    """The archive of ``survey_round`` as a JSON-serialisable dict."""
    responses = db.session.scalars(
        select(Response).filter_by(round_id=survey_round.id).order_by(Response.id)
    ).all()
    versions = {v.id: v for v in survey_round.questionnaires}
    for response in responses:
        versions.setdefault(response.questionnaire_version.id, response.questionnaire_version)
    invitations = db.session.scalars(
        select(Invitation).filter_by(round_id=survey_round.id).order_by(Invitation.id)
    ).all()
    organisations = db.session.scalars(select(Organisation).order_by(Organisation.id)).all()
    memberships = db.session.scalars(select(Membership).order_by(Membership.id)).all()
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": utcnow().isoformat(),
        "round": _columns(survey_round),
        "round_questionnaires": [v.content_hash for v in survey_round.questionnaires],
        "questionnaires": [_columns(v) for v in versions.values()],
        "registry": {
            "organisations": [_columns(o) for o in organisations],
            "memberships": [
                _columns(m) | {"iscm": m.iscm.code, "member": m.member.code} for m in memberships
            ],
        },
        "invitations": [_columns(i) | {"organisation": i.organisation.code} for i in invitations],
        "responses": [_response(response) for response in responses],
        "summary_edits": [
            _columns(edit) | {"organisation": edit.organisation.code}
            for edit in db.session.scalars(
                select(SummaryEdit).filter_by(round_id=survey_round.id).order_by(SummaryEdit.id)
            )
        ],
    }


def _response(response: Response) -> dict[str, Any]:
    audit = db.session.scalars(
        select(AuditEvent).filter_by(response_id=response.id).order_by(AuditEvent.id)
    ).all()
    external = db.session.scalars(
        select(ExternalSubmission).filter_by(response_id=response.id)
    ).all()
    return _columns(response) | {
        "organisation": response.organisation.code,
        "questionnaire": {
            "respondent_type": response.questionnaire_version.respondent_type,
            "content_hash": response.questionnaire_version.content_hash,
        },
        "answers": [
            _columns(answer)
            for answer in sorted(response.answers, key=lambda a: (a.question_key, a.item_code))
        ],
        "audit": [_columns(event) for event in audit],
        "external_submissions": [_columns(submission) for submission in external],
    }


def import_round(data: Any) -> SurveyRound:
    """Add the archived round to this installation; flushes, the caller commits.

    Organisations and memberships missing here are added (existing ones are kept as they
    are); questionnaire versions are reused when their content is already stored.
    Invitations get a fresh random token that nobody knows: invite again to send links.
    The rows are written by :func:`surveyapp.operations.archives.store_archived_round`.

    :raises ArchiveError: unknown format or version, a round of the same name and year is
        already here, or the archive is malformed.
    """
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise ArchiveError(f"this is not a round archive (its 'format' is not {FORMAT!r})")
    version = data.get("format_version")
    if version not in SUPPORTED_VERSIONS:
        raise ArchiveError(
            f"archive format version {version!r} is not supported "
            f"(this installation reads version {', '.join(map(str, SUPPORTED_VERSIONS))})"
        )
    unprintable = find_unprintable_in(data)
    if unprintable is not None:
        path, problem = unprintable
        raise ArchiveError(
            f"the text at {path} contains a character that cannot be stored ({problem.code}, at "
            f"character {problem.position}); run `surveyapp answers repair-text` where the "
            "archive was made, then export the round again"
        )
    try:
        return _import(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ArchiveError(f"the archive is malformed ({type(error).__name__}: {error})") from error
    except QuestionnaireError as error:
        raise ArchiveError(f"a questionnaire in the archive is broken: {error}") from error


def _import(data: Mapping[str, Any]) -> SurveyRound:
    round_data = data["round"]
    existing = db.session.scalar(
        select(SurveyRound).filter_by(name=round_data["name"], year=round_data["year"])
    )
    if existing is not None:
        raise ArchiveError(
            f"a round named {round_data['name']!r} ({round_data['year']}) is already here"
        )
    return archives.store_archived_round(data)


def round_answers(survey_round: SurveyRound) -> dict[str, dict[str, Any]]:
    """Every response's answers in ``survey_round``, by organisation code (for comparisons)."""
    responses: Iterable[Response] = db.session.scalars(
        select(Response).filter_by(round_id=survey_round.id)
    )
    return {response.organisation.code: response.answer_values() for response in responses}
