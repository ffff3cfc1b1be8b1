"""Analysts check summaries from the workspace, as `surveyapp report check` does: in the
background, one ISCM from its summary page, and the findings listed with their page."""

from __future__ import annotations

import time

from sqlalchemy import select

from surveyapp.extensions import db
from surveyapp.models import ReportJob
from tests.pages import page_csrf

PAGE = "/analyst/summaries/khartoum-process"
MANDATE = "provides a platform to advance, implement and operationalize the agreement"


def finished(client, job_url: str) -> dict:
    deadline = time.monotonic() + 300
    status = {}
    while time.monotonic() < deadline:
        status = client.get(job_url + ".json").get_json()
        if status["status"] in ("done", "failed"):
            break
        time.sleep(0.5)
    return status


def test_the_summary_page_checks_its_summary_in_the_background(analyst_client):
    page = analyst_client.get(f"{PAGE}?language=fr").get_data(as_text=True)
    assert "Check the FR summary as it prints" in page

    reply = analyst_client.post(
        "/analyst/summaries/check",
        data={"csrf_token": page_csrf(page), "language": "fr", "subject": "khartoum-process"},
    )

    assert reply.status_code == 302
    job_url = reply.headers["Location"]
    status = finished(analyst_client, job_url)
    assert status["status"] == "done", status
    assert status["findings"] > 0 and status["pdf"] is None
    shown = analyst_client.get(job_url).get_data(as_text=True)
    assert "Check of the Khartoum Process summary (FR)" in shown
    assert "untranslated passage" in shown
    assert MANDATE in shown
    assert analyst_client.get(job_url + "/compendium.pdf").status_code == 404


def test_a_check_can_leave_illustrative_answers_out(analyst_client):
    page = analyst_client.get("/analyst/summaries").get_data(as_text=True)

    reply = analyst_client.post(
        "/analyst/summaries/check",
        data={
            "csrf_token": page_csrf(page),
            "language": "en",
            "subject": "khartoum-process",
            "leave_out_illustrative": "y",
        },
    )

    job_url = reply.headers["Location"]
    assert finished(analyst_client, job_url)["status"] == "done"
    assert "Illustrative (demo) answers are left out." in analyst_client.get(job_url).get_data(
        as_text=True
    )
    with analyst_client.application.app_context():
        job = db.session.scalar(select(ReportJob).order_by(ReportJob.id.desc()))
        assert job.kind == "check" and job.illustrative is False


def test_a_check_of_an_unknown_iscm_is_not_found(analyst_client):
    page = analyst_client.get("/analyst/summaries").get_data(as_text=True)

    reply = analyst_client.post(
        "/analyst/summaries/check",
        data={"csrf_token": page_csrf(page), "language": "en", "subject": "no-such-iscm"},
    )

    assert reply.status_code == 404


def test_an_organiser_cannot_start_a_check(client, create_user, khartoum_round):
    from tests.pages import log_in

    assert log_in(client, *create_user("organiser")).status_code == 302
    page = client.get("/analyst/summaries").get_data(as_text=True)

    reply = client.post(
        "/analyst/summaries/check", data={"csrf_token": page_csrf(page), "language": "en"}
    )

    assert reply.status_code == 403
