"""Questionnaire versions and survey rounds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select

from surveyapp.extensions import db
from surveyapp.models import QuestionnaireVersion, SurveyRound
from surveyapp.operations import audit
from surveyapp.questionnaire import load_questionnaire
from surveyapp.registry import Registry


def store_questionnaire(path: Path, registry: Registry) -> QuestionnaireVersion:
    """Load a questionnaire file and keep it as a version (reused when unchanged)."""
    questionnaire = load_questionnaire(path, choice_source=registry)
    version = db.session.scalar(
        select(QuestionnaireVersion).filter_by(
            respondent_type=questionnaire.respondent_type,
            content_hash=questionnaire.content_hash,
        )
    )
    if version is None:
        version = QuestionnaireVersion(
            respondent_type=questionnaire.respondent_type,
            questionnaire_id=questionnaire.id,
            version=questionnaire.version,
            content_hash=questionnaire.content_hash,
            content=questionnaire.to_json(),
        )
        db.session.add(version)
        db.session.flush()
    return version


def open_round(name: str, year: int, versions: Iterable[QuestionnaireVersion]) -> SurveyRound:
    """Open a new round using ``versions``."""
    survey_round = SurveyRound(name=name, year=year, status="open", questionnaires=list(versions))
    db.session.add(survey_round)
    db.session.flush()
    return survey_round


def attach_questionnaires(survey_round: SurveyRound, versions: Iterable[QuestionnaireVersion]):
    """Attach newer questionnaire versions to an open round; existing responses keep theirs."""
    for version in versions:
        if version not in survey_round.questionnaires:
            survey_round.questionnaires.append(version)
    db.session.flush()


def current_round() -> SurveyRound | None:
    """The open round (the newest when several are open)."""
    return db.session.scalar(
        select(SurveyRound).filter_by(status="open").order_by(SurveyRound.id.desc()).limit(1)
    )


def create_round(
    name: str,
    year: int,
    deadline: dt.date | None,
    versions: Iterable[QuestionnaireVersion],
    *,
    actor: str,
) -> SurveyRound:
    """Create a round in ``draft``: it opens when an administrator opens it."""
    survey_round = SurveyRound(
        name=name, year=year, deadline=deadline, status="draft", questionnaires=list(versions)
    )
    db.session.add(survey_round)
    db.session.flush()
    audit.record(actor, "round_create", "web", None, "round", None, None, {"id": survey_round.id})
    return survey_round


def update_round(
    survey_round: SurveyRound,
    *,
    name: str,
    deadline: dt.date | None,
    versions: Iterable[QuestionnaireVersion],
    actor: str,
    contact_email: str | None = None,
) -> SurveyRound:
    """Rename a round, move its deadline, choose its questionnaire versions (one per type), set
    the address respondents write to (None: no address).

    Responses already started keep the version they were started on.
    """
    old = {
        "name": survey_round.name,
        "deadline": survey_round.deadline.isoformat() if survey_round.deadline else None,
        "questionnaires": sorted(q.id for q in survey_round.questionnaires),
        "contact_email": survey_round.contact_email,
    }
    survey_round.name = name
    survey_round.deadline = deadline
    survey_round.questionnaires = list(versions)
    survey_round.contact_email = contact_email or None
    new = {
        "name": name,
        "deadline": deadline.isoformat() if deadline else None,
        "questionnaires": sorted(q.id for q in survey_round.questionnaires),
        "contact_email": survey_round.contact_email,
    }
    if old != new:
        audit.record(actor, "round_update", "web", None, "round", str(survey_round.id), old, new)
    db.session.flush()
    return survey_round


def set_round_status(survey_round: SurveyRound, status: str, *, actor: str) -> SurveyRound:
    """Open or close a round; a closed round accepts no more answers."""
    if status not in ("draft", "open", "closed"):
        raise ValueError(f"Unknown round status {status!r}.")
    if status != survey_round.status:
        audit.record(
            actor,
            "round_status",
            "web",
            None,
            "round",
            str(survey_round.id),
            survey_round.status,
            status,
        )
        survey_round.status = status
        db.session.flush()
    return survey_round
