"""The engine's answer problems in the respondent's language.

The questionnaire engine is Flask-free: each problem it reports is an
:class:`~surveyapp.questionnaire.types.AnswerProblem`, a code with parameters that carries
its own gettext msgid (declared with its question type), so rendering it is one ``gettext``.
"""

from __future__ import annotations

from flask_babel import gettext

from surveyapp.questionnaire.types import AnswerProblem


def translate_engine_message(message: str) -> str:
    """``message`` from the engine in the current language (unchanged when it is not coded)."""
    if isinstance(message, AnswerProblem):
        return gettext(message.template, **message.arguments)
    return message


def translate_errors(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    """Every message of an engine error mapping, translated."""
    return {
        path: [translate_engine_message(m) for m in messages] for path, messages in errors.items()
    }
