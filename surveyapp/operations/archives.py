"""A round read from an archive (``surveyapp.interop.round_archive``), stored as rows.

An archive is a copy: rows are added as they were archived, with their own audit trail, and
no new audit event is recorded for the import itself.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Date, DateTime, select

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
from surveyapp.questionnaire import questionnaire_from_json

#: columns that are ids or links, rebuilt on import rather than copied
LINK_COLUMNS = frozenset(
    {
        "id",
        "round_id",
        "organisation_id",
        "questionnaire_version_id",
        "response_id",
        "iscm_id",
        "member_id",
        "token_hash",
    }
)


def store_archived_round(data: Mapping[str, Any]) -> SurveyRound:
    """Add the round of an archive whose format, version and texts were checked; flushes.

    Organisations and memberships missing here are added (existing ones are kept as they
    are); questionnaire versions are reused when their content is already stored.
    Invitations get a fresh random token that nobody knows.

    :raises KeyError, TypeError, ValueError, AttributeError: the archive is malformed.
    :raises QuestionnaireError: a questionnaire in the archive is broken.
    """
    round_data = data["round"]
    organisations = _store_registry(data["registry"])
    versions: dict[str, QuestionnaireVersion] = {}
    for item in data["questionnaires"]:
        if questionnaire_from_json(item["content"]).content_hash != item["content_hash"]:
            raise ValueError("a questionnaire's content does not match its content_hash")
        stored = db.session.scalar(
            select(QuestionnaireVersion).filter_by(
                respondent_type=item["respondent_type"], content_hash=item["content_hash"]
            )
        )
        if stored is None:
            stored = QuestionnaireVersion(**_values(QuestionnaireVersion, item))
            db.session.add(stored)
        versions[item["content_hash"]] = stored
    survey_round = SurveyRound(**_values(SurveyRound, round_data))
    survey_round.questionnaires = [versions[h] for h in data["round_questionnaires"]]
    db.session.add(survey_round)
    db.session.flush()
    responses: dict[str, Response] = {}
    for item in data["responses"]:
        response = Response(
            **_values(Response, item),
            round=survey_round,
            organisation=_organisation(organisations, item["organisation"]),
            questionnaire_version=versions[item["questionnaire"]["content_hash"]],
        )
        response.answers = [Answer(**_values(Answer, answer)) for answer in item["answers"]]
        db.session.add(response)
        db.session.flush()
        for event in item["audit"]:
            db.session.add(AuditEvent(**_values(AuditEvent, event), response_id=response.id))
        for submission in item.get("external_submissions", []):
            _store_submission(submission, response)
        responses[item["organisation"]] = response
    for item in data["invitations"]:
        response = responses.get(item["organisation"])
        if response is None:
            raise ValueError(f"invitation of {item['organisation']} has no response")
        db.session.add(
            Invitation(
                **_values(Invitation, item),
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
                **_values(SummaryEdit, item),
                round_id=survey_round.id,
                organisation=_organisation(organisations, item["organisation"]),
            )
        )
    db.session.flush()
    return survey_round


def _values(model: type, values: Mapping[str, Any]) -> dict[str, Any]:
    """Keyword arguments for ``model`` from archived columns it has, dates parsed back."""
    kwargs = {}
    for column in model.__table__.columns:
        if column.key in LINK_COLUMNS or column.key not in values:
            continue
        value = values[column.key]
        kind = getattr(column.type, "impl", column.type)
        if value is not None and isinstance(kind, DateTime):
            value = dt.datetime.fromisoformat(value)
        elif value is not None and isinstance(kind, Date):
            value = dt.date.fromisoformat(value)
        kwargs[column.key] = value
    return kwargs


def _store_submission(item: Mapping[str, Any], response: Response) -> None:
    known = db.session.scalar(
        select(ExternalSubmission).filter_by(submission_id=item["submission_id"])
    )
    if known is None:
        db.session.add(
            ExternalSubmission(**_values(ExternalSubmission, item), response_id=response.id)
        )


def _organisation(organisations: Mapping[str, Organisation], code: str) -> Organisation:
    try:
        return organisations[code]
    except KeyError:
        raise ValueError(f"organisation {code!r} is not in the archive's registry") from None


def _store_registry(registry: Mapping[str, Any]) -> dict[str, Organisation]:
    organisations = {o.code: o for o in db.session.scalars(select(Organisation))}
    for item in registry["organisations"]:
        if item["code"] not in organisations:
            organisation = Organisation(**_values(Organisation, item))
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
            Membership(**_values(Membership, item), iscm_id=iscm.id, member_id=member.id)
        )
        known.add((iscm.id, member.id, item["role"]))
    db.session.flush()
    return organisations
