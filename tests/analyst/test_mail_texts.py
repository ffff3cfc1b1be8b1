"""Invitations and reminders are written in the organisation's language, from the catalogues."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.mail import compose
from surveyapp.models import Organisation

GREETINGS = {"en": "Dear colleague,", "fr": "Madame, Monsieur,", "es": "Estimado/a colega:"}
GREETINGS["ar"] = "الزميل العزيز،"


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
@pytest.mark.parametrize("kind", ["invitation", "reminder"])
def test_an_email_is_whole_in_its_language(app, language, kind):
    with app.app_context():
        survey_round = operations.current_round()
        survey_round.deadline = dt.date(2027, 3, 31)
        organisation = db.session.scalar(select(Organisation).filter_by(code="SEN"))
        subject, body = compose(kind, organisation, survey_round, "http://x/r/t0k", language)
        names = survey_round.name, organisation.name(language)
        db.session.rollback()
    paragraphs = body.split("\n\n")
    assert paragraphs[0] == GREETINGS[language]
    assert "http://x/r/t0k" in paragraphs
    assert "2027-03-31" in body and body.endswith("\n") and "\n\n\n" not in body
    assert names[0] in subject and names[1] in subject
    if language != "en":
        for english in ("Dear colleague", "Thank you", "questionnaire for", "personal link"):
            assert english not in body + subject


def test_a_round_without_deadline_says_no_deadline(app):
    with app.app_context():
        survey_round = operations.current_round()
        survey_round.deadline = None
        organisation = db.session.scalar(select(Organisation).filter_by(code="SEN"))
        _subject, body = compose("invitation", organisation, survey_round, "http://x/r/t", "fr")
        db.session.rollback()
    assert "avant le" not in body
    assert body.rstrip().endswith("L'équipe de l'OIM chargée de l'évaluation des MCIM")
