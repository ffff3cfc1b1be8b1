"""Writes that only the respondent's pages make; like ``surveyapp.operations`` they flush."""

from __future__ import annotations

from surveyapp.extensions import db
from surveyapp.i18n import LANGUAGES
from surveyapp.models import Response
from surveyapp.operations import _audit


def choose_language(response: Response, language: str, *, actor: str) -> Response:
    """Remember the respondent's language for this response (every page and the receipt).

    :raises ValueError: ``language`` is not one of the interface languages.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    if response.language != language:
        old = response.language
        response.language = language
        _audit(actor, "language", "web", response.id, old_value=old, new_value=language)
        db.session.flush()
    return response
