"""Database models (SQLAlchemy 2.0 typed mappings)."""

from surveyapp.models.audit import AuditEvent
from surveyapp.models.organisation import Membership, Organisation
from surveyapp.models.response import Answer, Invitation, Response
from surveyapp.models.round import QuestionnaireVersion, SurveyRound, round_questionnaires
from surveyapp.models.user import User

__all__ = [
    "Answer",
    "AuditEvent",
    "Invitation",
    "Membership",
    "Organisation",
    "QuestionnaireVersion",
    "Response",
    "SurveyRound",
    "User",
    "round_questionnaires",
]
