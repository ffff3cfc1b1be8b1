"""The export's reading side: which round, which questionnaire, and the responses in batches."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from surveyapp.extensions import db
from surveyapp.models import Organisation, QuestionnaireVersion, Response, SurveyRound
from surveyapp.questionnaire import Questionnaire, visible_answers

#: responses read from the database at a time
BATCH_SIZE = 100


def round_for_export(round_id: int | None) -> SurveyRound | None:
    """The round ``round_id``, else the open round, else the newest round."""
    if round_id is not None:
        return db.session.get(SurveyRound, round_id)
    return db.session.scalar(
        select(SurveyRound).order_by((SurveyRound.status == "open").desc(), SurveyRound.id.desc())
    )


def export_questionnaire(survey_round: SurveyRound, kind: str) -> Questionnaire | None:
    """The questionnaire ``kind`` answers in ``survey_round``, else its newest version."""
    version = survey_round.questionnaire_for(kind)
    if version is None:
        version = db.session.scalar(
            select(QuestionnaireVersion)
            .filter_by(respondent_type=kind)
            .order_by(QuestionnaireVersion.id.desc())
            .limit(1)
        )
    return version.questionnaire() if version else None


def iter_responses(survey_round: SurveyRound, kind: str) -> Iterator[tuple[Response, dict]]:
    """The round's responses of ``kind`` with their visible answers, read in batches."""
    last_id = 0
    while True:
        batch = db.session.scalars(
            select(Response)
            .join(Response.organisation)
            .where(
                Response.round_id == survey_round.id,
                Organisation.kind == kind,
                Response.id > last_id,
            )
            .options(
                selectinload(Response.answers),
                selectinload(Response.organisation),
                selectinload(Response.questionnaire_version),
            )
            .order_by(Response.id)
            .limit(BATCH_SIZE)
        ).all()
        if not batch:
            return
        questionnaires: dict[int, Questionnaire] = {}
        for response in batch:
            version_id = response.questionnaire_version_id
            if version_id not in questionnaires:
                questionnaires[version_id] = response.questionnaire_version.questionnaire()
            answers = visible_answers(questionnaires[version_id], response.answer_values())
            yield response, answers
            last_id = response.id
        # The session's identity map holds unchanged objects weakly: a finished batch is freed.
