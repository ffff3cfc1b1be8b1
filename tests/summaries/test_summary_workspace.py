"""Analysts edit and publish summaries; organisers download what is published."""

from __future__ import annotations

import threading
import time

from sqlalchemy import func, select

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import Organisation, PublishedSummary, RenderedPdf, Response
from tests.pages import log_in, page_csrf, pdf_text


def save_text(client, section: str, text: str):
    page = client.get("/analyst/summaries/khartoum-process").get_data(as_text=True)
    return client.post(
        "/analyst/summaries/khartoum-process",
        data={"csrf_token": page_csrf(page), "language": "en", f"text-{section}": text},
    )


def test_the_draft_is_shown_beside_the_answers_it_came_from(analyst_client):
    html = analyst_client.get("/analyst/summaries/khartoum-process").get_data(as_text=True)
    assert "The Khartoum Process does not have a formalized strategy." in html
    assert "Rome Declaration" in html
    assert 'name="text-structures"' in html


def test_an_edit_replaces_the_draft_in_the_pdf_and_survives_regeneration(analyst_client):
    assert (
        save_text(
            analyst_client, "structures", "The **secretariat** moved to Addis Ababa."
        ).status_code
        == 302
    )
    first = analyst_client.get("/analyst/summaries/khartoum-process/preview.pdf")
    assert first.status_code == 200
    text = pdf_text(first.data)
    assert "The secretariat moved to Addis Ababa." in text
    assert "Knowledge management is addressed" not in text
    again = analyst_client.get("/analyst/summaries/khartoum-process/preview.pdf")
    assert again.data == first.data


def test_an_unchanged_summary_is_served_from_the_cache(analyst_client, app):
    analyst_client.get("/analyst/summaries/khartoum-process/preview.pdf")
    with app.app_context():
        cached = db.session.scalar(select(func.count()).select_from(RenderedPdf))
    analyst_client.get("/analyst/summaries/khartoum-process/preview.pdf")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(RenderedPdf)) == cached
    save_text(analyst_client, "partnerships", "A new text.")
    analyst_client.get("/analyst/summaries/khartoum-process/preview.pdf")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(RenderedPdf)) == cached + 1


def test_the_analyst_is_told_when_answers_under_an_edit_change(analyst_client, app):
    save_text(analyst_client, "programming", "Our own account of the mandate.")
    html = analyst_client.get("/analyst/summaries/khartoum-process").get_data(as_text=True)
    assert "have changed since it was edited" not in html
    with app.app_context():
        response = db.session.scalar(
            select(Response)
            .join(Response.organisation)
            .filter(Organisation.code == "khartoum-process")
        )
        operations.reopen_response(response, actor="test")
        operations.save_answers(
            response,
            response.version,
            {"guiding_document": "Valletta Action Plan"},
            actor="test",
            channel="test",
        )
        operations.submit_response(response, actor="test", channel="test")
        db.session.commit()
    html = analyst_client.get("/analyst/summaries/khartoum-process").get_data(as_text=True)
    assert "have changed since it was edited" in html


def test_published_versions_are_kept_and_downloaded_exactly(analyst_client, app):
    page = analyst_client.get("/analyst/summaries/khartoum-process").get_data(as_text=True)
    for _ in range(2):
        reply = analyst_client.post(
            "/analyst/summaries/khartoum-process/publish",
            data={"csrf_token": page_csrf(page), "language": "en"},
        )
        assert reply.status_code == 302
    save_text(analyst_client, "structures", "Changed after publication.")
    with app.app_context():
        first = db.session.scalar(select(PublishedSummary).filter_by(number=1))
        stored = first.pdf
    download = analyst_client.get("/analyst/summaries/khartoum-process/published/en/1.pdf")
    assert download.data == stored
    assert "Changed after publication." not in pdf_text(download.data)
    assert (
        analyst_client.get("/analyst/summaries/khartoum-process/published/en/3.pdf").status_code
        == 404
    )


def test_organisers_read_published_summaries_but_cannot_edit(client, create_user, khartoum_round):
    email, password = create_user("organiser")
    assert log_in(client, email, password).status_code == 302
    assert client.get("/analyst/summaries").status_code == 200
    assert client.get("/analyst/summaries/khartoum-process").status_code == 403
    assert client.get("/analyst/summaries/khartoum-process/preview.pdf").status_code == 403


def test_markup_in_an_edit_is_shown_as_text_never_run(analyst_client, app):
    typed = "Safe text <script>alert(1)</script> <img src=x onerror=alert(1)>"
    save_text(analyst_client, "structures", typed)
    html = analyst_client.get("/analyst/summaries/khartoum-process").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    with app.app_context():
        from reports import render_iscm_html
        from surveyapp.dossiers import build_iscm_dossier, report_round, summary_edits

        edits = {
            k: e.text for k, e in summary_edits(report_round(), "khartoum-process", "en").items()
        }
        summary_html = render_iscm_html(build_iscm_dossier("khartoum-process"), edits)
    assert "<script>alert" not in summary_html
    assert "<img src=x" not in summary_html
    assert "&lt;script&gt;" in summary_html
    text = pdf_text(analyst_client.get("/analyst/summaries/khartoum-process/preview.pdf").data)
    assert "Safe text <script>alert(1)</script>" in text


def test_the_compendium_is_prepared_in_the_background(analyst_client):
    page = analyst_client.get("/analyst/summaries").get_data(as_text=True)
    reply = analyst_client.post(
        "/analyst/compendium", data={"csrf_token": page_csrf(page), "language": "en"}
    )
    assert reply.status_code == 302
    job_url = reply.headers["Location"]
    deadline = time.monotonic() + 300
    status = {}
    while time.monotonic() < deadline:
        status = analyst_client.get(job_url + ".json").get_json()
        if status["status"] in ("done", "failed"):
            break
        time.sleep(1)
    assert status["status"] == "done", status
    pdf = analyst_client.get(status["pdf"])
    assert pdf.status_code == 200
    text = pdf_text(pdf.data)
    assert "Contents" in text
    assert "Khartoum Process" in text


def test_states_view_of_funding_is_set_beside_the_iscms(app, khartoum_round):
    with app.app_context():
        response = db.session.scalar(
            select(Response).join(Response.organisation).filter(Organisation.code == "ETH")
        )
        operations.reopen_response(response, actor="test")
        views = dict(response.answer_values()["iscm_views"]["khartoum-process"])
        views["funding_stability_view"] = "unstable"
        operations.save_answers(
            response,
            response.version,
            {"iscm_views": {"khartoum-process": views}},
            actor="test",
            channel="test",
        )
        operations.submit_response(response, actor="test", channel="test")
        db.session.commit()
        from reports import draft_sections
        from surveyapp.dossiers import build_iscm_dossier

        dossier = build_iscm_dossier("khartoum-process")
        ethiopia = next(v for v in dossier.state_views if v.state.code == "ETH")
        assert ethiopia.funding_view == "unstable"
        structures = next(s for s in draft_sections(dossier) if s.key == "structures")
    text = " ".join(structures.paragraphs)
    assert "The funding sources of the Khartoum Process are stable." in text
    assert "Ethiopia" in text.split("are stable.")[1]


def test_a_respondent_saving_while_a_summary_renders_breaks_neither(
    app, analyst_client, create_invitation, monkeypatch
):
    """The preview holds no transaction while it renders (on SQLite, a transaction that read
    before another connection wrote could not write its cache entry afterwards)."""
    import reports

    token, _ = create_invitation("GHA")
    saves = []
    real_render = reports.render_iscm_pdf

    def save():
        reply = app.test_client().patch(
            "/api/v1/response",
            json={"version": 0, "answers": {"respondent_name": "Kwame Mensah"}},
            headers={"Authorization": f"Bearer {token}"},
        )
        saves.append(reply.status_code)

    def render_while_a_respondent_saves(dossier, edits, limits=None):
        respondent = threading.Thread(target=save)  # another request, another connection
        respondent.start()
        respondent.join(timeout=30)
        return real_render(dossier, edits, None)

    # surveyapp.pdfs reaches the renderer through the package, when it renders
    monkeypatch.setattr(reports, "render_iscm_pdf", render_while_a_respondent_saves)
    preview = analyst_client.get("/analyst/summaries/khartoum-process/preview.pdf")
    assert saves == [200]
    assert preview.status_code == 200 and preview.data.startswith(b"%PDF")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(RenderedPdf)) == 1
