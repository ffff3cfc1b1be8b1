"""Writes that only the respondent's pages make; like ``surveyapp.operations`` they flush."""

from __future__ import annotations

from surveyapp.extensions import db
from surveyapp.i18n import LANGUAGES
from surveyapp.models import Response
from surveyapp.operations import audit


def choose_language(response: Response, language: str, *, actor: str) -> Response:
    """Remember the respondent's language for this response (every page and the receipt).

    :raises ValueError: ``language`` is not one of the interface languages.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    if response.language != language:
        old = response.language
        response.language = language
        audit.record(actor, "language", "web", response.id, old_value=old, new_value=language)
        db.session.flush()
    return response


def decline_suggestions(response: Response, keys: list[str], *, actor: str) -> None:
    """Record that the respondent saved a page without the answers the registry suggested for
    ``keys`` (e.g. unticked every pre-ticked ISCM), so they are not suggested again."""
    for key in keys:
        audit.record(actor, "decline_suggestion", "web", response.id, key)
    db.session.flush()
