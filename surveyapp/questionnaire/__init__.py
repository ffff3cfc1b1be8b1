"""The questionnaire engine: format, loading and validation, conditions and answers.

It knows nothing of Flask or the database: questionnaire files in, plain objects and
JSON values out.
"""

from .answers import (
    AnswerError,
    check_complete,
    clean_answers,
    coerce_value,
    section_errors,
    visible_answers,
)
from .conditions import evaluate, is_answered, is_visible
from .file_schema import load_schema
from .loader import ChoiceSource, load_questionnaire, validate_paths
from .model import (
    LANGUAGES,
    QUESTION_TYPES,
    Choice,
    Question,
    Questionnaire,
    Section,
    Text,
    questionnaire_from_json,
)
from .problems import Problem, QuestionnaireError
from .translations import describe_missing_translations

__all__ = [
    "LANGUAGES",
    "QUESTION_TYPES",
    "AnswerError",
    "Choice",
    "ChoiceSource",
    "Problem",
    "Question",
    "Questionnaire",
    "QuestionnaireError",
    "Section",
    "Text",
    "check_complete",
    "clean_answers",
    "coerce_value",
    "describe_missing_translations",
    "evaluate",
    "is_answered",
    "is_visible",
    "load_questionnaire",
    "load_schema",
    "questionnaire_from_json",
    "section_errors",
    "validate_paths",
    "visible_answers",
]
