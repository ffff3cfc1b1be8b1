"""Fill a fresh database with the demo round: the Khartoum Process and illustrative answers."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import select

from surveyapp import operations
from surveyapp.bootstrap import initialise_database
from surveyapp.demo.answers import illustrative_responses, khartoum_responses
from surveyapp.extensions import db
from surveyapp.models import Organisation
from surveyapp.registry import load_registry

#: the year of the assessment the seed summary reports on
DEMO_YEAR = 2019
DEMO_ANALYST = "analyst@demo.iscm.example"
DEMO_ACTOR = "system:demo"


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
    survey_round.name = f"Assessment of ISCMs {DEMO_YEAR} (demo)"
    registry = load_registry()
    organisations = {o.code: o for o in db.session.scalars(select(Organisation))}

    demo_responses = [*khartoum_responses(), *illustrative_responses(registry)]
    echo(f"Entering {len(demo_responses)} demo responses as answers...")
    for demo in demo_responses:
        organisation = organisations[demo.organisation]
        invitation, _token = operations.invite(survey_round, organisation, None, actor=DEMO_ACTOR)
        response = invitation.response
        response.illustrative = demo.illustrative
        operations.save_answers(
            response, response.version, demo.answers, actor=DEMO_ACTOR, channel="demo"
        )
        operations.submit_response(response, actor=DEMO_ACTOR, channel="demo")
    db.session.commit()

    password = secrets.token_urlsafe(12)
    operations.create_user(DEMO_ANALYST, password, "analyst", actor=DEMO_ACTOR)
    summary = DemoSummary(DEMO_ANALYST, password, responses=len(demo_responses))
    base_url = current_app.config["SURVEYAPP_BASE_URL"].rstrip("/")
    answered = {d.organisation for d in demo_responses}
    for code in _link_candidates(organisations, answered):
        organisation = organisations[code]
        _invitation, token = operations.invite(survey_round, organisation, None, DEMO_ACTOR)
        summary.links.append(
            (f"{organisation.name()} ({organisation.kind})", f"{base_url}/r/{token}")
        )
    db.session.commit()
    return summary


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
