"""Reminders: the page says how many organisations will get one; ``surveyapp mail remind``
reminds everyone not yet submitted once, in the days before the deadline."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import Organisation, Response
from surveyapp.models.types import utcnow
from tests.analyst.test_invitations import smtp_port, smtp_server  # noqa: F401 (fixtures)
from tests.analyst.test_links_csv import post, set_contact


def set_deadline(app, deadline: dt.date | None) -> None:
    with app.app_context():
        operations.current_round().deadline = deadline
        db.session.commit()


def submit(app, code: str) -> None:
    with app.app_context():
        response = db.session.scalar(
            select(Response).join(Response.organisation).where(Organisation.code == code)
        )
        response.status = "submitted"
        db.session.commit()


@pytest.fixture
def invited(app, analyst_client, create_invitation):
    """Five States invited: three with a contact (one of them submitted), one revoked."""
    for code in ("EGY", "ETH", "NLD", "SEN", "KEN"):
        create_invitation(code)
    for code in ("EGY", "ETH", "NLD"):
        set_contact(app, code, f"focal@{code.lower()}.example")
    submit(app, "NLD")
    with app.app_context():
        kenya = db.session.scalar(
            select(Response).join(Response.organisation).where(Organisation.code == "KEN")
        )
        kenya_id = kenya.id
    post(analyst_client, f"/analyst/responses/{kenya_id}/revoke", {})


def test_the_page_says_how_many_will_get_a_reminder_and_why_others_cannot(
    app,
    analyst_client,
    invited,
    smtp_port,  # noqa: F811
):
    set_deadline(app, utcnow().date() + dt.timedelta(days=3))
    html = analyst_client.get("/analyst/invitations").get_data(as_text=True)
    assert "The deadline is in 3 day(s)." in html
    assert "4 invited organisation(s) have not submitted." in html
    assert "2 will get a reminder with a new link." in html
    assert "1 cannot: no contact e-mail address." in html
    assert "1 cannot: their links were revoked." in html


def test_the_reminders_sent_match_what_the_page_announced(
    app,
    analyst_client,
    invited,
    smtp_server,  # noqa: F811
):
    post(analyst_client, "/analyst/reminders", {})
    assert sorted(m["To"] for m in smtp_server.messages) == [
        "focal@egy.example",
        "focal@eth.example",
    ]


def remind(runner, *args):
    return runner.invoke(args=["mail", "remind", *args])


def test_the_command_reminds_once_in_the_days_before_the_deadline(
    app,
    runner,
    invited,
    smtp_server,  # noqa: F811
):
    set_deadline(app, utcnow().date() + dt.timedelta(days=2))
    result = remind(runner, "--days-before", "3")
    assert result.exit_code == 0, result.output
    assert "Reminders queued: 2; sent 2, failed 0." in result.output
    assert "Left out SEN: no contact e-mail address." in result.output
    assert "Left out KEN: its links were revoked." in result.output
    assert sorted(m["To"] for m in smtp_server.messages) == [
        "focal@egy.example",
        "focal@eth.example",
    ]
    assert all("Reminder" in m["Subject"] for m in smtp_server.messages)
    again = remind(runner, "--days-before", "3")
    assert "Reminders queued: 0" in again.output
    assert "Left out EGY: already reminded in these days." in again.output
    assert len(smtp_server.messages) == 2


def test_the_command_waits_for_the_days_before_the_deadline(
    app,
    runner,
    invited,
    smtp_server,  # noqa: F811
):
    deadline = utcnow().date() + dt.timedelta(days=10)
    set_deadline(app, deadline)
    result = remind(runner, "--days-before", "3")
    assert result.exit_code == 0
    first_day = (deadline - dt.timedelta(days=3)).isoformat()
    assert f"reminders go from {first_day}. Nothing was sent." in result.output
    set_deadline(app, utcnow().date() - dt.timedelta(days=1))
    assert "has passed. Nothing was sent." in remind(runner).output
    assert smtp_server.messages == []


def test_the_command_needs_a_deadline_and_email(app, runner, invited, smtp_port):  # noqa: F811
    set_deadline(app, None)
    result = remind(runner)
    assert result.exit_code == 1 and "has no deadline" in result.output
    app.config["SURVEYAPP_MAIL_SERVER"] = ""
    result = remind(runner)
    assert result.exit_code == 1 and "E-mail is not configured" in result.output
