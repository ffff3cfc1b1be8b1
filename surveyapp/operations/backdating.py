"""Dating a round entered today in its own calendar: the demo's 2019 round.

The ordinary operations stamp the present time, as they must for a real respondent; the demo
enters its answers through them and then dates what it entered, here, so that the round, its
questionnaire versions, invitations, answers, submissions and audit trail all read 2019. Nothing
else calls these: a real round is never backdated.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, update

from surveyapp.extensions import db
from surveyapp.models import (
    Answer,
    AuditEvent,
    Invitation,
    PassageTranslation,
    QuestionnaireVersion,
    Response,
    User,
    round_questionnaires,
)
from surveyapp.questionnaire import questionnaire_from_json


def relabel_version(
    version: QuestionnaireVersion, label: str, created_at: dt.datetime
) -> QuestionnaireVersion:
    """``version`` labelled ``label`` and stored at ``created_at``.

    A version no other round uses is relabelled in place (a fresh demo database then holds no
    version of another year); one another round uses gets a relabelled copy, so that round keeps
    its own.
    """
    content = {**version.content, "version": label}
    content_hash = questionnaire_from_json(content).content_hash
    labelled = db.session.scalar(
        select(QuestionnaireVersion).filter_by(
            respondent_type=version.respondent_type, content_hash=content_hash
        )
    )
    if labelled is None:
        rounds = db.session.scalar(
            select(func.count())
            .select_from(round_questionnaires)
            .where(round_questionnaires.c.questionnaire_version_id == version.id)
        )
        if rounds > 1:
            labelled = QuestionnaireVersion(
                respondent_type=version.respondent_type,
                questionnaire_id=version.questionnaire_id,
            )
            db.session.add(labelled)
        else:
            labelled = version
        labelled.version = label
        labelled.content = content
        labelled.content_hash = content_hash
    labelled.created_at = created_at
    return labelled


def date_submissions(
    responses: list[Response],
    invited_at: dt.datetime,
    first_submission: dt.datetime,
    last_submission: dt.datetime,
) -> None:
    """Date each response: invited at ``invited_at`` (a minute apart, in order), submitted
    between ``first_submission`` and ``last_submission``, in the order given."""
    db.session.flush()
    span = last_submission - first_submission
    for position, response in enumerate(responses):
        invited = invited_at + dt.timedelta(minutes=position)
        submitted = first_submission + span * position / max(len(responses) - 1, 1)
        submitted = submitted.replace(microsecond=0)
        response.created_at = invited
        response.updated_at = response.submitted_at = submitted
        _date_rows(response.id, invited, submitted)


def date_links(
    invitations: list[Invitation],
    analyst: User,
    actor: str,
    opened_at: dt.datetime,
    invited_at: dt.datetime,
) -> None:
    """Date links not yet answered, their responses, the analyst's account and the events
    ``actor`` recorded outside any response (the account's creation)."""
    db.session.flush()
    analyst.created_at = opened_at
    db.session.execute(
        update(AuditEvent)
        .where(AuditEvent.response_id.is_(None), AuditEvent.actor == actor)
        .values(created_at=opened_at)
        .execution_options(synchronize_session=False)
    )
    for invitation in invitations:
        invitation.response.created_at = invitation.response.updated_at = invited_at
        _date_rows(invitation.response_id, invited_at, invited_at)


def _date_rows(response_id: int, invited: dt.datetime, answered: dt.datetime) -> None:
    """Date the invitations, answers and audit events of one response."""
    for statement in (
        update(Invitation).where(Invitation.response_id == response_id).values(created_at=invited),
        update(Answer).where(Answer.response_id == response_id).values(updated_at=answered),
        update(AuditEvent)
        .where(AuditEvent.response_id == response_id, AuditEvent.action == "invite")
        .values(created_at=invited),
        update(AuditEvent)
        .where(AuditEvent.response_id == response_id, AuditEvent.action != "invite")
        .values(created_at=answered),
    ):
        db.session.execute(statement.execution_options(synchronize_session=False))


def date_translations(actor: str, translated_at: dt.datetime) -> None:
    """Date the passage translations ``actor`` entered, and their audit events."""
    db.session.flush()
    db.session.execute(
        update(PassageTranslation)
        .where(PassageTranslation.translated_by == actor)
        .values(translated_at=translated_at)
        .execution_options(synchronize_session=False)
    )
    db.session.execute(
        update(AuditEvent)
        .where(AuditEvent.actor == actor, AuditEvent.action == "passage_translation")
        .values(created_at=translated_at)
        .execution_options(synchronize_session=False)
    )
