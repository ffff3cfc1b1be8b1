"""Languages of the interface: which one a request is served in, and its writing direction."""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlencode

from flask import g, has_request_context, request, session
from flask_babel import get_locale, gettext, ngettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from reports.passages import STAFF_LANGUAGE, normalised
from surveyapp.extensions import db
from surveyapp.models import PassageTranslation
from surveyapp.questionnaire.model import LANGUAGES
from surveyapp.questionnaire.types import AnswerProblem
from surveyapp.registry import region_name

__all__ = [
    "ISCM_KIND_NAMES",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "MEMBERSHIP_ROLE_NAMES",
    "MESSAGE_KIND_NAMES",
    "ROLE_NAMES",
    "RESPONDENT_TYPE_NAMES",
    "RIGHT_TO_LEFT",
    "STATUS_NAMES",
    "asked_language",
    "language_switch_url",
    "page_language",
    "round_name",
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
    "state": _l("State"),
    "iscm": _l("ISCM"),
    "igo": _l("Inter-governmental organisation"),
}
#: what each kind of ISCM (``surveyapp.registry.ISCM_KINDS``) is called
ISCM_KIND_NAMES = {
    "rcp": _l("regional consultative process"),
    "irf": _l("interregional forum"),
    "global": _l("global process"),
}


#: what each status of a response, of its review and of a round is called on staff pages
STATUS_NAMES = {
    "invited": _l("invited"),
    "in_progress": _l("in progress"),
    "submitted": _l("submitted"),
    "unreviewed": _l("not reviewed"),
    "accepted": _l("accepted"),
    "query_raised": _l("query raised"),
    "query_answered": _l("query answered"),
    "not_invited": _l("not invited"),
    "draft": _l("draft"),
    "open": _l("open"),
    "closed": _l("closed"),
    "pending": _l("waiting"),
    "sent": _l("sent"),
    "failed": _l("failed"),
}
#: what each kind of e-mail (``surveyapp.models.mail.MESSAGE_KINDS``) is called
MESSAGE_KIND_NAMES = {"invitation": _l("invitation"), "reminder": _l("reminder")}
#: what each role of a State or IGO in an ISCM (``surveyapp.registry.MEMBERSHIP_ROLES``) is called
MEMBERSHIP_ROLE_NAMES = {
    "member": _l("member"),
    "observer": _l("observer"),
    "chair": _l("chair"),
    "steering_committee": _l("steering committee"),
    "secretariat": _l("secretariat"),
}
#: what each staff role (``surveyapp.models.user.ROLES``) is called
ROLE_NAMES = {
    "admin": _l("Administrator"),
    "analyst": _l("Analyst"),
    "organiser": _l("Organiser"),
}
#: the blueprints of staff pages, where ``?lang=`` is kept in the account of whoever is logged in
STAFF_BLUEPRINTS = frozenset({"analyst", "admin", "auth"})
#: endpoints whose ``?lang=`` names the language of what they produce (an export's labels), not
#: the interface's: there it changes neither the page's language nor the one kept
CONTENT_LANGUAGE_ENDPOINTS = frozenset({"analyst.download_export"})


def respondent_type_name(kind: str | None) -> str:
    """The name of a respondent type on a staff page ("State"); the code when unknown."""
    return str(RESPONDENT_TYPE_NAMES.get(kind or "", kind or ""))


def iscm_kind_name(kind: str | None) -> str:
    """The name of a kind of ISCM ("regional consultative process"); the code when unknown."""
    return str(ISCM_KIND_NAMES.get(kind or "", kind or ""))


def status_name(status: str | None) -> str:
    """The name of a response's, review's or round's status ("in progress"); else the code."""
    return str(STATUS_NAMES.get(status or "", status or ""))


def message_kind_name(kind: str | None) -> str:
    """The name of a kind of e-mail ("reminder"); the code when unknown."""
    return str(MESSAGE_KIND_NAMES.get(kind or "", kind or ""))


def membership_role_name(role: str | None) -> str:
    """The name of a member's role in an ISCM ("steering committee"); the code when unknown."""
    return str(MEMBERSHIP_ROLE_NAMES.get(role or "", role or ""))


def role_name(role: str | None) -> str:
    """The name of a staff role ("Analyst"); the code when unknown."""
    return str(ROLE_NAMES.get(role or "", role or ""))


def page_region_name(region: str | None) -> str:
    """A State's region in the page's language ("Afrique"); other text unchanged."""
    return region_name(region or "", page_language())


def asked_language() -> str | None:
    """The interface language this request asks for with ``?lang=``, if any."""
    asked = request.args.get("lang")
    if asked in LANGUAGES and request.endpoint not in CONTENT_LANGUAGE_ENDPOINTS:
        return asked
    return None


def _account_language() -> str | None:
    """The language kept in the logged-in staff account, if any."""
    if current_user and current_user.is_authenticated:
        language = getattr(current_user, "language", None)
        if language in LANGUAGES:
            return language
    return None


def select_locale() -> str:
    """The language of this request.

    A respondent's page uses the language chosen for the invitation (``g.language``); otherwise
    ``?lang=``, then the logged-in staff account's language, then the language kept in the
    session, then the browser's preference.
    """
    if not has_request_context():
        return "en"
    language = g.get("language")
    if language in LANGUAGES:
        return language
    asked = asked_language()
    if asked:
        session["lang"] = asked
        return asked
    kept = _account_language() or session.get("lang")
    if kept in LANGUAGES:
        return kept
    return request.accept_languages.best_match(LANGUAGES) or "en"


def page_language() -> str:
    """The language of the page being made (``en`` outside a request)."""
    return str(get_locale() or "en").split("_")[0]


def language_switch_url(language: str) -> str:
    """This page's address with ``?lang=`` set to ``language`` (the other parameters kept)."""
    arguments: list[tuple[str, Any]] = [
        (key, value) for key, value in request.args.items(multi=True) if key != "lang"
    ]
    arguments.append(("lang", language))
    return f"{request.path}?{urlencode(arguments)}"


def round_name(survey_round: Any, language: str | None = None) -> str:
    """A round's name in ``language`` (the page's by default), from the translation memory.

    The name is a passage the summaries quote, so its translations are those analysts and
    administrators keep in the memory (:class:`PassageTranslation`); a language without one
    shows the name as stored. Looked up once per request and language.
    """
    if survey_round is None:
        return ""
    name = survey_round.name
    language = language or page_language()
    if not name or language == STAFF_LANGUAGE:
        return name  # the name as stored is the staff's language's
    cache: dict[tuple[str, str], str] = g.setdefault("round_names", {})
    if (name, language) not in cache:
        key = hashlib.sha256(normalised(name).encode("utf-8", "surrogatepass")).hexdigest()
        translated = db.session.scalar(
            select(PassageTranslation.text).filter_by(source_hash=key, language=language)
        )
        cache[(name, language)] = translated or name
    return cache[(name, language)]


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
