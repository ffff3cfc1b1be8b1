"""Database models (SQLAlchemy 2.0 typed mappings)."""

from surveyapp.models.api_token import ApiToken
from surveyapp.models.audit import AuditEvent
from surveyapp.models.external import ExternalSubmission
from surveyapp.models.mail import Contact, OutboxMessage
from surveyapp.models.organisation import Membership, Organisation
from surveyapp.models.response import Answer, Invitation, Response
from surveyapp.models.round import QuestionnaireVersion, SurveyRound, round_questionnaires
from surveyapp.models.summary import (
    PassageTranslation,
    PublishedSummary,
    RenderedPdf,
    ReportJob,
    SummaryEdit,
)
from surveyapp.models.user import User

__all__ = [
    "Answer",
    "ApiToken",
    "AuditEvent",
    "ExternalSubmission",
    "Contact",
    "Invitation",
    "Membership",
    "Organisation",
    "OutboxMessage",
    "PassageTranslation",
    "PublishedSummary",
    "QuestionnaireVersion",
    "RenderedPdf",
    "ReportJob",
    "Response",
    "SummaryEdit",
    "SurveyRound",
    "User",
    "round_questionnaires",
]
