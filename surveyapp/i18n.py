"""Languages of the interface: which one a request is served in, and its writing direction."""

from __future__ import annotations

from flask import g, has_request_context, request, session
from flask_babel import get_locale, gettext, lazy_gettext, ngettext

from surveyapp.questionnaire.model import LANGUAGES
from surveyapp.questionnaire.types import AnswerProblem

__all__ = [
    "ISCM_KIND_NAMES",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "RESPONDENT_TYPE_NAMES",
    "RIGHT_TO_LEFT",
    "select_locale",
    "text_direction",
    "translate_errors",
    "translate_problem",
]

#: each language's name in that language, as a choice of language shows it
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}
RIGHT_TO_LEFT = {"ar"}

#: what each respondent type (an organisation's kind) is called on staff pages
RESPONDENT_TYPE_NAMES = {
    "state": lazy_gettext("State"),
    "iscm": lazy_gettext("ISCM"),
    "igo": lazy_gettext("Inter-governmental organisation"),
}
#: what each kind of ISCM (``surveyapp.registry.ISCM_KINDS``) is called
ISCM_KIND_NAMES = {
    "rcp": lazy_gettext("regional consultative process"),
    "irf": lazy_gettext("interregional forum"),
    "global": lazy_gettext("global process"),
}


def respondent_type_name(kind: str | None) -> str:
    """The name of a respondent type on a staff page ("State"); the code when unknown."""
    return str(RESPONDENT_TYPE_NAMES.get(kind or "", kind or ""))


def iscm_kind_name(kind: str | None) -> str:
    """The name of a kind of ISCM ("regional consultative process"); the code when unknown."""
    return str(ISCM_KIND_NAMES.get(kind or "", kind or ""))


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
    language = language or str(get_locale() or "en")
    return "rtl" if language.split("_")[0] in RIGHT_TO_LEFT else "ltr"


def translate_problem(message: str) -> str:
    """A problem the questionnaire engine reported, in the request's language.

    The engine is Flask-free: each problem is an :class:`AnswerProblem`, a code with parameters
    that carries its own gettext msgid (a singular and a plural one when it counts), so saying
    it is one ``gettext`` or ``ngettext``. A message that is not coded is returned unchanged.
    """
    if not isinstance(message, AnswerProblem):
        return message
    if message.plural is not None:
        return ngettext(message.template, message.plural, message.count, **message.arguments)
    return gettext(message.template, **message.arguments)


def translate_errors(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    """Every problem of an engine error mapping (path -> problems), translated."""
    return {path: [translate_problem(m) for m in messages] for path, messages in errors.items()}
