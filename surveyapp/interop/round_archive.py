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
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Date, DateTime, select
from sqlalchemy.orm import DeclarativeBase

from surveyapp.extensions import db
from surveyapp.models import (
    Answer,
    AuditEvent,
    Invitation,
    Membership,
    Organisation,
    QuestionnaireVersion,
    Response,
    SurveyRound,
)
from surveyapp.models.external import ExternalSubmission
from surveyapp.models.response import hash_token
from surveyapp.models.summary import SummaryEdit
from surveyapp.models.types import utcnow
from surveyapp.questionnaire import QuestionnaireError, questionnaire_from_json
from surveyapp.questionnaire.text import find_unprintable_in

#: the ``format`` of every archive
FORMAT = "surveyapp-round"
#: the version of the archive format this code writes; imports accept exactly these
FORMAT_VERSION = 1
SUPPORTED_VERSIONS = (1,)

#: columns that are ids or links, rebuilt on import rather than copied
_LINKS = {
    "id",
    "round_id",
    "organisation_id",
    "questionnaire_version_id",
    "response_id",
    "iscm_id",
    "member_id",
    "token_hash",
}


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
        if column.key not in _LINKS
    }


def _assign(model: type, values: Mapping[str, Any]) -> dict[str, Any]:
    """Keyword arguments for ``model`` from archived columns it has, dates parsed back."""
    kwargs = {}
    for column in model.__table__.columns:
        if column.key in _LINKS or column.key not in values:
            continue
        value = values[column.key]
        kind = getattr(column.type, "impl", column.type)
        if value is not None and isinstance(kind, DateTime):
            value = dt.datetime.fromisoformat(value)
        elif value is not None and isinstance(kind, Date):
            value = dt.date.fromisoformat(value)
        kwargs[column.key] = value
    return kwargs


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
    organisations = _import_registry(data["registry"])
    versions: dict[str, QuestionnaireVersion] = {}
    for item in data["questionnaires"]:
        questionnaire_from_json(item["content"])
        stored = db.session.scalar(
            select(QuestionnaireVersion).filter_by(
                respondent_type=item["respondent_type"], content_hash=item["content_hash"]
            )
        )
        if stored is None:
            stored = QuestionnaireVersion(**_assign(QuestionnaireVersion, item))
            db.session.add(stored)
        versions[item["content_hash"]] = stored
    survey_round = SurveyRound(**_assign(SurveyRound, round_data))
    survey_round.questionnaires = [versions[h] for h in data["round_questionnaires"]]
    db.session.add(survey_round)
    db.session.flush()
    responses: dict[str, Response] = {}
    for item in data["responses"]:
        response = Response(
            **_assign(Response, item),
            round=survey_round,
            organisation=_organisation(organisations, item["organisation"]),
            questionnaire_version=versions[item["questionnaire"]["content_hash"]],
        )
        response.answers = [Answer(**_assign(Answer, answer)) for answer in item["answers"]]
        db.session.add(response)
        db.session.flush()
        for event in item["audit"]:
            db.session.add(AuditEvent(**_assign(AuditEvent, event), response_id=response.id))
        for submission in item.get("external_submissions", []):
            _import_submission(submission, response)
        responses[item["organisation"]] = response
    for item in data["invitations"]:
        response = responses.get(item["organisation"])
        if response is None:
            raise ValueError(f"invitation of {item['organisation']} has no response")
        db.session.add(
            Invitation(
                **_assign(Invitation, item),
                round=survey_round,
                organisation=response.organisation,
                response=response,
                # The token never leaves its installation: this one is random and unknown.
                token_hash=hash_token(secrets.token_urlsafe(32)),
            )
        )
    for item in data.get("summary_edits", []):
        db.session.add(
            SummaryEdit(
                **_assign(SummaryEdit, item),
                round_id=survey_round.id,
                organisation=_organisation(organisations, item["organisation"]),
            )
        )
    db.session.flush()
    return survey_round


def _import_submission(item: Mapping[str, Any], response: Response) -> None:
    known = db.session.scalar(
        select(ExternalSubmission).filter_by(submission_id=item["submission_id"])
    )
    if known is None:
        db.session.add(
            ExternalSubmission(**_assign(ExternalSubmission, item), response_id=response.id)
        )


def _organisation(organisations: Mapping[str, Organisation], code: str) -> Organisation:
    try:
        return organisations[code]
    except KeyError:
        raise ValueError(f"organisation {code!r} is not in the archive's registry") from None


def _import_registry(registry: Mapping[str, Any]) -> dict[str, Organisation]:
    organisations = {o.code: o for o in db.session.scalars(select(Organisation))}
    for item in registry["organisations"]:
        if item["code"] not in organisations:
            organisation = Organisation(**_assign(Organisation, item))
            db.session.add(organisation)
            organisations[item["code"]] = organisation
    db.session.flush()
    known = {(m.iscm_id, m.member_id, m.role) for m in db.session.scalars(select(Membership))}
    for item in registry["memberships"]:
        iscm = _organisation(organisations, item["iscm"])
        member = _organisation(organisations, item["member"])
        if (iscm.id, member.id, item["role"]) in known:
            continue
        db.session.add(
            Membership(**_assign(Membership, item), iscm_id=iscm.id, member_id=member.id)
        )
        known.add((iscm.id, member.id, item["role"]))
    db.session.flush()
    return organisations


def round_answers(survey_round: SurveyRound) -> dict[str, dict[str, Any]]:
    """Every response's answers in ``survey_round``, by organisation code (for comparisons)."""
    responses: Iterable[Response] = db.session.scalars(
        select(Response).filter_by(round_id=survey_round.id)
    )
    return {response.organisation.code: response.answer_values() for response in responses}
