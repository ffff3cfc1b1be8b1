"""Fill a fresh database with the demo round: the Khartoum Process and illustrative answers.

The round is the 2019 round, and everything the demo stores says so: the round's name, the
questionnaire versions' label (``2019.1``, not the shipped file's), and every time (invitations,
saves, submissions, the audit trail, the analyst's account) falls in the round's calendar
(:data:`surveyapp.demo.answers.INVITED_AT` to ``LAST_SUBMISSION``). The answers are entered
through the ordinary operations, which stamp the present time as they do for a real respondent;
the demo then dates what it entered, so those operations stay as they are.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources

from flask import current_app
from sqlalchemy import select

from surveyapp import operations
from surveyapp.bootstrap import initialise_database
from surveyapp.demo.answers import (
    FIRST_SUBMISSION,
    INVITED_AT,
    LAST_SUBMISSION,
    ROUND_YEAR,
    illustrative_responses,
    khartoum_responses,
)
from surveyapp.extensions import db
from surveyapp.models import (
    Organisation,
)
from surveyapp.operations import backdating
from surveyapp.registry import load_registry
from surveyapp.safe_yaml import load_yaml

#: the year of the assessment the seed summary reports on
DEMO_YEAR = ROUND_YEAR
#: the round's name as printed in the summaries
DEMO_ROUND_NAME = f"Assessment of ISCMs {DEMO_YEAR}"
#: the label of the questionnaire versions the 2019 round was answered on
DEMO_QUESTIONNAIRE_VERSION = f"{DEMO_YEAR}.1"
#: when the round was opened and the analyst's account made: the working day before invitations
DEMO_OPENED_AT = INVITED_AT - dt.timedelta(days=3)
DEMO_ANALYST = "analyst@demo.iscm.example"
DEMO_ACTOR = "system:demo"
#: the analysts' translations of the Khartoum Process passages, shipped with the demo
TRANSLATIONS_FILE = "translations.yaml"


@dataclass
class DemoSummary:
    """What the demo prints: an analyst login and respondent links to try."""

    analyst_email: str
    analyst_password: str
    links: list[tuple[str, str]] = field(default_factory=list)
    responses: int = 0


def build_demo(echo: Callable[[str], None] = lambda _message: None) -> DemoSummary:
    """Create the tables and the demo round in the application's (empty) database."""
    initialise_database(year=DEMO_YEAR)
    survey_round = operations.current_round()
    survey_round.name = DEMO_ROUND_NAME
    survey_round.created_at = DEMO_OPENED_AT
    survey_round.questionnaires = [
        backdating.relabel_version(v, DEMO_QUESTIONNAIRE_VERSION, DEMO_OPENED_AT)
        for v in survey_round.questionnaires
    ]
    db.session.flush()
    registry = load_registry()
    organisations = {o.code: o for o in db.session.scalars(select(Organisation))}

    demo_responses = [*khartoum_responses(), *illustrative_responses(registry)]
    echo(f"Entering {len(demo_responses)} demo responses as answers...")
    entered = []
    for demo in demo_responses:
        organisation = organisations[demo.organisation]
        invitation, _token = operations.invite(survey_round, organisation, None, actor=DEMO_ACTOR)
        response = invitation.response
        response.illustrative = demo.illustrative
        operations.save_answers(
            response, response.version, demo.answers, actor=DEMO_ACTOR, channel="demo"
        )
        operations.submit_response(response, actor=DEMO_ACTOR, channel="demo")
        entered.append(response)
    backdating.date_submissions(entered, INVITED_AT, FIRST_SUBMISSION, LAST_SUBMISSION)
    db.session.commit()

    password = secrets.token_urlsafe(12)
    analyst = operations.create_user(DEMO_ANALYST, password, "analyst", actor=DEMO_ACTOR)
    summary = DemoSummary(DEMO_ANALYST, password, responses=len(demo_responses))
    base_url = current_app.config["SURVEYAPP_BASE_URL"].rstrip("/")
    answered = {d.organisation for d in demo_responses}
    links = []
    for code in _link_candidates(organisations, answered):
        organisation = organisations[code]
        invitation, token = operations.invite(survey_round, organisation, None, DEMO_ACTOR)
        links.append(invitation)
        summary.links.append(
            (f"{organisation.name()} ({organisation.kind})", f"{base_url}/r/{token}")
        )
    backdating.date_links(links, analyst, DEMO_ACTOR, DEMO_OPENED_AT, INVITED_AT)
    stored = store_translations()
    echo(f"Stored {stored} translations of quoted passages.")
    backdating.date_translations(DEMO_ACTOR, LAST_SUBMISSION)
    db.session.commit()
    return summary


def store_translations() -> int:
    """Enter the translations of the passages the Khartoum Process summary quotes
    (``translations.yaml``), as an analyst would on its summary page; how many were stored."""
    source = resources.files("surveyapp.demo").joinpath(TRANSLATIONS_FILE)
    stored = 0
    for entry in load_yaml(source.read_text(encoding="utf-8"))["passages"]:
        for language, text in entry.items():
            if language != "text":
                operations.save_passage_translation(entry["text"], language, text, actor=DEMO_ACTOR)
                stored += 1
    return stored


def _link_candidates(organisations: dict[str, Organisation], answered: set[str]) -> list[str]:
    """One State, one ISCM and one IGO that have not answered yet, for trying the forms."""
    picks = []
    for kind, preferred in (("state", "KEN"), ("iscm", "gfmd"), ("igo", "ilo")):
        if preferred in organisations and preferred not in answered:
            picks.append(preferred)
            continue
        for code, organisation in sorted(organisations.items()):
            if organisation.kind == kind and code not in answered:
                picks.append(code)
                break
    return picks
