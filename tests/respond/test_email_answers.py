"""E-mail questions (``format: email``) take only an e-mail address, on every channel."""

from __future__ import annotations

import pytest

from surveyapp.questionnaire import AnswerError, coerce_value
from surveyapp.questionnaire.model import Question, Text
from tests.pages import page_csrf, page_version


def email_question() -> Question:
    return Question(key="e", type="text", label=Text({"en": "E-mail"}), format="email")


@pytest.mark.parametrize(
    "address", ["anna@example.org", "a.de.vries+iscm@minbuza.nl", "contact@ministère.gouv.fr"]
)
def test_an_email_address_is_accepted(address):
    assert coerce_value(email_question(), f"  {address} ") == address


@pytest.mark.parametrize(
    "typed", ["anna", "anna@", "anna at example.org", "anna@example", "a@b@c.org", "a b@c.org"]
)
def test_what_is_not_an_email_address_is_refused(typed):
    with pytest.raises(AnswerError, match="e-mail address"):
        coerce_value(email_question(), typed)


def test_form_keeps_a_mistyped_address_with_its_message_in_french(client, state_token):
    page = client.get(f"/r/{state_token}/")
    client.post(
        f"/r/{state_token}/language", data={"csrf_token": page_csrf(page.text), "language": "fr"}
    )
    page = client.get(f"/r/{state_token}/s/respondent")
    assert 'type="email"' in page.text
    reply = client.post(
        f"/r/{state_token}/s/respondent",
        data={
            "csrf_token": page_csrf(page.text),
            "version": page_version(page.text),
            "respondent_name": "Anna de Vries",
            "respondent_email": "anna at minbuza",
        },
    )
    assert reply.status_code == 422
    assert 'value="anna at minbuza"' in reply.text
    assert "Saisissez une adresse électronique" in reply.text
    assert 'href="#respondent_email"' in reply.text
    answers = client.get(
        "/api/v1/response", headers={"Authorization": f"Bearer {state_token}"}
    ).get_json()["answers"]
    assert answers == {"respondent_name": "Anna de Vries"}


def test_api_refuses_a_mistyped_address_by_key(client, state_token):
    reply = client.patch(
        "/api/v1/response",
        json={"version": 0, "answers": {"respondent_email": "anna@"}},
        headers={"Authorization": f"Bearer {state_token}"},
    )
    assert reply.status_code == 422
    assert "respondent_email" in reply.get_json()["errors"]
