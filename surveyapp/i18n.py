"""Languages of the interface: which one a request is served in, and its writing direction."""

from __future__ import annotations

from flask import g, has_request_context, request, session

from surveyapp.questionnaire.model import LANGUAGES

__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "RIGHT_TO_LEFT", "select_locale", "text_direction"]

#: each language's name in that language, as a choice of language shows it
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}
RIGHT_TO_LEFT = {"ar"}


def select_locale() -> str:
    """The language of this request.

    A respondent's page uses the language chosen for the invitation (``g.language``); otherwise
    ``?lang=``, then the language kept in the session, then the browser's preference.
    """
    if not has_request_context():
        return "en"
    language = g.get("language")
    if language in LANGUAGES:
        return language
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        session["lang"] = asked
        return asked
    if session.get("lang") in LANGUAGES:
        return session["lang"]
    return request.accept_languages.best_match(LANGUAGES) or "en"


def text_direction(language: str | None = None) -> str:
    """``rtl`` for right-to-left languages, else ``ltr``."""
    from flask_babel import get_locale

    language = language or str(get_locale() or "en")
    return "rtl" if language.split("_")[0] in RIGHT_TO_LEFT else "ltr"
