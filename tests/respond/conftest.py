"""Fixtures of the respondent tests: invitations, a completed State response, page helpers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.analyst.conftest import (  # noqa: F401 - an analyst reads what respondents entered
    analyst_client,
    logged_in,
)
from tests.pages import page_csrf

#: a complete set of answers to the State questionnaire (the Netherlands, two ISCMs)
STATE_ANSWERS = json.loads(
    (Path(__file__).parents[1] / "shared" / "state_answers.json").read_text(encoding="utf-8")
)


@pytest.fixture
def state_token(create_invitation):
    """A fresh invitation of the Netherlands."""
    token, _ = create_invitation("NLD")
    return token


@pytest.fixture
def iscm_token(create_invitation):
    """A fresh invitation of the Khartoum Process."""
    token, _ = create_invitation("khartoum-process")
    return token


@pytest.fixture
def answered_state(client, state_token):
    """The Netherlands' invitation with every State answer saved (through the API)."""
    reply = client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": STATE_ANSWERS},
        headers={"Authorization": f"Bearer {state_token}"},
    )
    assert reply.status_code == 200, reply.get_json()
    return state_token


@pytest.fixture
def submitted_state(client, answered_state):
    """The Netherlands' response, complete and submitted through the pages."""
    page = client.get(f"/r/{answered_state}/check")
    reply = client.post(f"/r/{answered_state}/submit", data={"csrf_token": page_csrf(page.text)})
    assert reply.status_code == 302, reply.text
    return answered_state
