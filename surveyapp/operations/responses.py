"""Invitations, answers, submission, review and the links that open a response."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, select, update

from surveyapp.extensions import db
from surveyapp.models import (
    Answer,
    ExternalSubmission,
    Invitation,
    Organisation,
    QuestionnaireVersion,
    Response,
    SurveyRound,
)
from surveyapp.models.response import hash_token
from surveyapp.models.types import utcnow
from surveyapp.operations import audit
from surveyapp.questionnaire import check_complete, clean_answers, visible_answers
from surveyapp.questionnaire.text import clean_text
from surveyapp.questionnaire.types import AnswerShape, type_of


class AnswersInvalid(Exception):
    """A save or submission was refused; ``errors`` maps question keys to messages."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("invalid answers")
        self.errors = errors


class StaleVersion(Exception):
    """A save named a version older than the stored one.

    :param conflicts: question key -> ``{"yours": ..., "theirs": ...}`` for every key the save
        carried whose stored value differs from the value the save sent.
    """

    def __init__(self, current_version: int, conflicts: dict[str, dict[str, Any]]):
        super().__init__("stale version")
        self.current_version = current_version
        self.conflicts = conflicts


class ResponseClosed(Exception):
    """The response no longer accepts changes (submitted, or its round is closed)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class SaveResult:
    """What a save changed."""

    version: int
    changed: list[str] = field(default_factory=list)


# -- invitations ----------------------------------------------------------------------------


def invite(
    survey_round: SurveyRound, organisation: Organisation, email: str | None, actor: str
) -> tuple[Invitation, str]:
    """Create an invitation (and the response it opens); returns it with its plain token."""
    response = db.session.scalar(
        select(Response).filter_by(round_id=survey_round.id, organisation_id=organisation.id)
    )
    if response is None:
        version = survey_round.questionnaire_for(organisation.kind)
        if version is None:
            raise ValueError(f"The round has no questionnaire for {organisation.kind}.")
        response = open_response(survey_round, organisation, version)
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        round=survey_round,
        organisation=organisation,
        response=response,
        token_hash=hash_token(token),
        email=email,
    )
    db.session.add(invitation)
    db.session.flush()
    audit.record(actor, "invite", "cli", response.id, new_value={"email": email})
    return invitation, token


def open_response(
    survey_round: SurveyRound, organisation: Organisation, version: QuestionnaireVersion
) -> Response:
    """Start the response of ``organisation`` in ``survey_round`` on questionnaire ``version``."""
    response = Response(
        round=survey_round, organisation=organisation, questionnaire_version=version
    )
    db.session.add(response)
    db.session.flush()
    return response


def find_invitation(token: str) -> Invitation | None:
    """The active invitation whose token is ``token``, if any."""
    if not token or len(token) > 200:
        return None
    invitation = db.session.scalar(select(Invitation).filter_by(token_hash=hash_token(token)))
    if invitation is None or not invitation.is_active:
        return None
    return invitation


def revoke_links(response: Response, *, actor: str) -> int:
    """Revoke every active link of ``response``; returns how many were revoked."""
    now = utcnow()
    count = 0
    for invitation in db.session.scalars(
        select(Invitation).filter_by(response_id=response.id).where(Invitation.revoked_at.is_(None))
    ):
        invitation.revoked_at = now
        count += 1
    if count:
        audit.record(actor, "revoke", "web", response.id, new_value={"links": count})
    db.session.flush()
    return count


# -- answers --------------------------------------------------------------------------------


def save_answers(
    response: Response,
    version: int,
    raw: Mapping[str, Any],
    *,
    actor: str,
    channel: str,
    partial_ok: bool = False,
) -> SaveResult:
    """Validate and store some answers of ``response``, started from ``version``.

    The version check and the increment are one conditional UPDATE, so two saves from the
    same version cannot both win.

    :param partial_ok: store the valid answers even when others are invalid (the form does
        this so nothing typed is lost); ``AnswersInvalid`` is raised afterwards all the same.
    :raises StaleVersion: ``version`` is not the stored version.
    :raises AnswersInvalid: some answers are invalid.
    :raises ResponseClosed: the response is submitted or its round is closed.
    """
    _check_open(response)
    questionnaire = response.questionnaire_version.questionnaire()
    stored = response.answer_values()
    if version != response.version:
        raise StaleVersion(response.version, _conflicts(raw, stored))
    clean, errors = clean_answers(questionnaire, raw)
    if errors and not partial_ok:
        raise AnswersInvalid(errors)
    if errors:
        _keep_refused_children(clean, stored, errors)
    # Claim the version first: the row lock it takes makes a concurrent save wait and then fail.
    result = db.session.execute(
        update(Response)
        .where(Response.id == response.id, Response.version == version)
        .values(
            version=Response.version + 1,
            updated_at=utcnow(),
            status="in_progress" if response.status == "invited" else response.status,
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        db.session.rollback()
        db.session.refresh(response)
        raise StaleVersion(response.version, _conflicts(raw, response.answer_values()))
    changed = _write_answers(response, questionnaire, clean, stored, actor, channel)
    if response.review_status == "query_raised" and query_target_changed(response, changed):
        # Changing the queried answer answers the query (the analyst sees the change).
        response.review_status = "query_answered"
        response.query_replied_at = utcnow()
        audit.record(
            actor,
            "query_answered",
            channel,
            response.id,
            response.query_question_key,
            response.query_item_code,
        )
    db.session.flush()
    db.session.refresh(response)
    response.visible = visible_answers(questionnaire, response.answer_values())
    response.visible_version = response.version
    db.session.flush()
    if errors:
        raise AnswersInvalid(errors)
    return SaveResult(version=response.version, changed=changed)


def submit_response(
    response: Response, *, actor: str, channel: str, version: int | None = None
) -> Response:
    """Submit ``response`` once every visible required answer is there and valid.

    :raises AnswersInvalid: what is missing or invalid, per question key.
    :raises StaleVersion: ``version`` was given and is not the stored version.
    """
    _check_open(response)
    if version is not None and version != response.version:
        raise StaleVersion(response.version, {})
    questionnaire = response.questionnaire_version.questionnaire()
    errors = check_complete(questionnaire, response.answer_values())
    if errors:
        raise AnswersInvalid(errors)
    now = utcnow()
    result = db.session.execute(
        update(Response)
        .where(
            Response.id == response.id,
            Response.version == response.version,
            Response.status != "submitted",
        )
        .values(
            status="submitted",
            submitted_at=now,
            version=Response.version + 1,
            visible_version=_kept_visible(),
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        db.session.rollback()
        db.session.refresh(response)
        if response.status == "submitted":
            raise ResponseClosed("submitted")
        raise StaleVersion(response.version, {})
    audit.record(actor, "submit", channel, response.id)
    db.session.flush()
    db.session.refresh(response)
    return response


def reopen_response(response: Response, *, actor: str) -> Response:
    """Let the respondent change a submitted response again."""
    if response.status != "submitted":
        return response
    response.status = "in_progress"
    response.submitted_at = None
    if response.visible_version == response.version:
        response.visible_version += 1  # the answers stay as they were
    response.version += 1
    audit.record(actor, "reopen", "web", response.id)
    db.session.flush()
    return response


def _kept_visible():
    """The ``visible_version`` of a response whose version moves on while its answers stay
    (in the UPDATE that moves it): the new version if the stored visible answers were current."""
    return case(
        (Response.visible_version == Response.version, Response.version + 1),
        else_=Response.visible_version,
    )


def record_external_submission(
    response: Response, submission_id: str, *, source: str, form_version: str
) -> ExternalSubmission:
    """Remember that the submission ``submission_id`` of another tool was stored in ``response``
    (an import skips it the next time)."""
    submission = ExternalSubmission(
        submission_id=submission_id,
        response_id=response.id,
        source=source,
        form_version=form_version,
    )
    db.session.add(submission)
    db.session.flush()
    return submission


# -- review ---------------------------------------------------------------------------------


#: the longest reply to a query kept
MAX_QUERY_REPLY = 5000


class NoOpenQuery(Exception):
    """A reply was sent to a response that has no open or answered query."""


def set_review_status(
    response: Response,
    status: str,
    *,
    actor: str,
    message: str | None = None,
    question_key: str | None = None,
    item_code: str | None = None,
    channel: str = "web",
) -> Response:
    """Accept a response, set it back to unreviewed, or raise a query (a message the respondent
    sees) on the response, one question or one item (ISCM) of a per-item question.

    Raising a query forgets the reply to an earlier one; accepting or setting the response back
    to unreviewed closes the query. The audit event keeps what was closed or replaced.
    """
    if status not in ("unreviewed", "accepted", "query_raised"):
        raise ValueError(f"Unknown review status {status!r}.")
    old = _query_state(response)
    raising = status == "query_raised"
    response.review_status = status
    response.query_message = message if raising else None
    response.query_question_key = question_key if raising else None
    response.query_item_code = (item_code or None) if raising and question_key else None
    response.query_raised_at = utcnow() if raising else None
    response.query_reply = None
    response.query_replied_at = None
    audit.record(
        actor,
        "review",
        channel,
        response.id,
        question_key if raising else old["query_question_key"],
        response.query_item_code if raising else old["query_item_code"],
        old,
        _query_state(response),
    )
    db.session.flush()
    return response


def reply_to_query(response: Response, reply: str, *, actor: str, channel: str) -> Response:
    """Store the respondent's reply to the open query; the query becomes ``query_answered``.

    A reply can be sent after submission (the answers stay read-only) and changed until the
    analyst closes the query; each reply is audited.

    :raises NoOpenQuery: the response has no open or answered query.
    :raises UnprintableText: the reply holds a character that cannot be stored (the text rule).
    :raises ValueError: the reply is blank or longer than ``MAX_QUERY_REPLY``.
    """
    if response.review_status not in ("query_raised", "query_answered"):
        raise NoOpenQuery()
    reply = clean_text(reply).strip()
    if not reply or len(reply) > MAX_QUERY_REPLY:
        raise ValueError("blank or too long")
    if reply == response.query_reply:
        return response
    old = response.query_reply
    response.query_reply = reply
    response.query_replied_at = utcnow()
    response.review_status = "query_answered"
    audit.record(
        actor,
        "query_reply",
        channel,
        response.id,
        response.query_question_key,
        response.query_item_code,
        old,
        reply,
    )
    db.session.flush()
    return response


def query_target_changed(response: Response, changed: list[str]) -> bool:
    """Whether ``changed`` (keys as :func:`save_answers` lists them) touches the answer the
    open query is about: its question (with its "other" text and attribution mark), or only
    the queried item's block when the query names one. A query on the whole response is
    answered by a reply only."""
    key = response.query_question_key
    if not key:
        return False
    item = response.query_item_code
    for path in changed:
        top, _, path_item = path.partition(".")
        if top in (key, f"{key}_other", f"{key}_no_attribution") and (
            not item or path_item == item
        ):
            return True
    return False


# -- internals ------------------------------------------------------------------------------


def _query_state(response: Response) -> dict[str, Any]:
    """The review state and query of ``response`` as the audit trail keeps them."""
    return {
        "review_status": response.review_status,
        "query_message": response.query_message,
        "query_question_key": response.query_question_key,
        "query_item_code": response.query_item_code,
        "query_reply": response.query_reply,
    }


def _check_open(response: Response) -> None:
    if response.status == "submitted":
        raise ResponseClosed("submitted")
    if not response.round.is_open:
        raise ResponseClosed("round_closed")


def _keep_refused_children(
    clean: dict[str, Any], stored: Mapping[str, Any], errors: Mapping[str, list[str]]
) -> None:
    """In a partial save, an answer refused inside a per-ISCM block keeps its stored value
    (as a refused top-level answer does) instead of being dropped with the block's update."""
    for path in errors:
        key, _, rest = path.partition(".")
        item, _, child = rest.partition(".")
        new_items, old_items = clean.get(key), stored.get(key)
        if not child or not isinstance(new_items, dict) or not isinstance(old_items, dict):
            continue
        old = old_items.get(item)
        if isinstance(old, dict) and child in old:
            new_items[item] = {**(new_items.get(item) or {}), child: old[child]}


def _conflicts(raw: Mapping[str, Any], stored: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    conflicts = {}
    for key, value in raw.items():
        theirs = stored.get(key)
        if isinstance(theirs, dict) and isinstance(value, dict):
            theirs = {item: theirs.get(item) for item in value}
        if theirs != value:
            conflicts[key] = {"yours": value, "theirs": theirs}
    return conflicts


def _write_answers(response, questionnaire, clean, stored, actor, channel) -> list[str]:
    """Upsert one row per top-level question (per item for ``per_item``); audit each change."""
    rows = {(a.question_key, a.item_code): a for a in response.answers}
    changed = []
    now = utcnow()
    for key, value in clean.items():
        by_item = _answered_per_item(questionnaire, key)
        if by_item and isinstance(value, dict):
            items = value.items()
        elif by_item and value is None:
            items = [(item, None) for (k, item) in rows if k == key]
        else:
            items = [("", value)]
        for item_code, item_value in items:
            row = rows.get((key, item_code))
            old = row.value if row is not None else None
            if old == item_value:
                continue
            if item_value is None:
                response.answers.remove(row)
            elif row is None:
                row = Answer(question_key=key, item_code=item_code, value=item_value)
                row.updated_at = now
                response.answers.append(row)
            else:
                row.value = item_value
                row.updated_at = now
            audit.record(
                actor, "answer", channel, response.id, key, item_code or None, old, item_value
            )
            changed.append(f"{key}.{item_code}" if item_code else key)
    db.session.flush()
    return changed


def _answered_per_item(questionnaire, key: str) -> bool:
    """Whether top-level ``key`` is a question answered per item (one row per item)."""
    for question in questionnaire.questions():
        if question.key == key:
            return type_of(question).shape is AnswerShape.ITEMS
    return False
