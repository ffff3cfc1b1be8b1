"""The JSON API holds against an outside fuzzer.

schemathesis reads ``/api/v1/openapi.json`` from the application itself and, with every check
it has, runs its coverage, example and fuzzing phases on each operation and then its stateful
phase (sequences of calls joined by the description's links). It runs once with a respondent's
invitation token and once with an analyst's personal API token; nothing it sends may get a 500,
a status the description does not list, a body that does not match the description, or a 405
without ``Allow``.
"""

from __future__ import annotations

import hypothesis
import pytest
import schemathesis
from sqlalchemy import select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import User

#: examples per operation and phase: enough to reach every branch of the API, small enough
#: that both runs of this file take well under two minutes on two cores
MAX_EXAMPLES = 12
#: schemathesis's default for a request its generator holds valid, and 422: the description cannot
#: say which question keys a respondent's questionnaire has, which values each takes, or that a
#: response lacks required answers, so a save or submission it holds valid may be refused with
#: the errors per question key that the description lists; a reply it holds valid is refused with
#: 409 while the response has no open query (the fuzzer's never has), or 422 when it is only
#: spaces
ACCEPTED_OR_REFUSED_PER_QUESTION = ["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]
#: stateful scenarios, and calls in each
STATEFUL_SCENARIOS = 15
STATEFUL_STEPS = 6


@pytest.fixture(params=["invitation token", "personal API token"])
def api_token(request, app, create_invitation, create_user) -> str:
    """A respondent's invitation token, or an analyst's personal API token.

    Either way one response exists (Egypt's), so the analyst's list and lookups find something.
    """
    invitation_token, _response_id = create_invitation("EGY")
    if request.param == "invitation token":
        return invitation_token
    email, _password = create_user("analyst")
    with app.app_context():
        user = db.session.scalar(select(User).filter_by(email=email))
        _token, plain = operations.create_api_token(user, "fuzzer", actor="test")
        db.session.commit()
    return plain


@pytest.fixture
def api_schema(app, api_token):
    """The application's own OpenAPI description, loaded through WSGI (no server).

    After every call it accepts, schemathesis's ``ignored_auth`` check sends the same call again
    with a made-up token, from the same address, and expects 401 or 403. The guessing limit
    counts each distinct unknown token once per window (tests/production/test_guessing_limits.py),
    so the fuzzer's repeated made-up token never turns into 429, and its valid token is never
    refused, at the default limit.
    """
    config = schemathesis.Config.from_dict(
        {
            "seed": 20261130,
            "headers": {"Authorization": f"Bearer {api_token}"},
            "checks": {"enabled": True},
            "generation": {"max-examples": MAX_EXAMPLES, "database": "none"},
            "operations": [
                {
                    "include-operation-id": ["saveAnswers", "submitResponse", "replyToQuery"],
                    "checks": {
                        "positive_data_acceptance": {
                            "expected-statuses": ACCEPTED_OR_REFUSED_PER_QUESTION
                        }
                    },
                }
            ],
            "phases": {
                "examples": {"enabled": True},
                "coverage": {"enabled": True},
                "fuzzing": {"enabled": True},
                "stateful": {"enabled": True, "max-steps": STATEFUL_STEPS},
            },
        }
    )
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app, config=config)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
def test_every_operation_answers_as_its_description_says(case):
    case.call_and_validate()


def test_sequences_of_calls_answer_as_the_description_says(api_schema):
    api_schema.as_state_machine().run(
        settings=hypothesis.settings(
            max_examples=STATEFUL_SCENARIOS,
            stateful_step_count=STATEFUL_STEPS,
            deadline=None,
            database=None,
            derandomize=True,
        )
    )
