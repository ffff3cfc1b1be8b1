"""The summary's edit page says where each drafted sentence comes from."""

from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import select

from surveyapp import operations
from surveyapp.demo import khartoum_responses
from surveyapp.extensions import db
from surveyapp.models import Organisation
from tests.pages import log_in


@pytest.fixture
def analyst_client(app, client, create_user):
    """An analyst's client, the Khartoum Process and those who referred to it submitted."""
    with app.app_context():
        survey_round = operations.current_round()
        for demo in khartoum_responses():
            organisation = db.session.scalar(select(Organisation).filter_by(code=demo.organisation))
            invitation, _token = operations.invite(survey_round, organisation, None, "test")
            operations.save_answers(invitation.response, 0, demo.answers, actor="test", channel="t")
            operations.submit_response(invitation.response, actor="test", channel="t")
        db.session.commit()
    email, password = create_user("analyst")
    assert log_in(client, email, password).status_code == 302
    return client


#: the Khartoum Process as the sources name it (its short name in the test registry)
ISCM = "from KP"


def edit_page(client, language: str = "en") -> str:
    return client.get(f"/analyst/summaries/khartoum-process?language={language}").get_data(
        as_text=True
    )


def test_a_drafted_sentence_names_the_state_and_question_it_comes_from(analyst_client):
    page = html.unescape(edit_page(analyst_client))

    title = re.search(r'<span title="([^"]*)">[^<]*Egypt values the process', page)
    assert title is not None
    # the States' values, set beside those the ISCM itself chose
    sources = title.group(1).split("; ")
    assert "from Egypt, value_areas" in sources
    assert f"{ISCM}, member_value" in sources


def test_the_sources_of_each_sentence_are_listed_under_its_paragraph(analyst_client):
    page = edit_page(analyst_client)

    listed = re.search(
        r"<q>The Netherlands also benefited.*?</q> – (.*?)</li>", page, flags=re.DOTALL
    )
    assert listed is not None
    assert listed.group(1) == "from Netherlands, <code>benefits</code>"


def test_a_sentence_from_an_iscm_example_names_its_row(analyst_client):
    page = html.unescape(edit_page(analyst_client))

    assert f"{ISCM}, partner_igo_examples (unodc)" in page


def test_the_introduction_names_the_rounds_counts(analyst_client):
    page = html.unescape(edit_page(analyst_client))

    assert "igos_answered" in page
    assert "from the round " in page


def test_sources_are_shown_in_the_page_language_of_the_summary(analyst_client):
    page = html.unescape(edit_page(analyst_client, "fr"))

    # The interface stays in the analyst's language; the names are the summary's
    assert "from Égypte, value_areas" in page
