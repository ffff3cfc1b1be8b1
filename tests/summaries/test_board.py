"""The summaries board: one row per ISCM with its responses and, per language, where its summary
stands; filters and sorts that keep each other; several summaries rendered, checked or published
as one background job, publishing only once the changes are confirmed."""

from __future__ import annotations

import re
import time

import pytest
from sqlalchemy import select

from surveyapp import operations
from surveyapp.demo import khartoum_responses
from surveyapp.demo.answers import illustrative_responses
from surveyapp.extensions import db
from surveyapp.models import (
    AuditEvent,
    Membership,
    Organisation,
    PublishedSummary,
    ReportJob,
    Response,
)
from surveyapp.registry import load_registry
from tests.pages import log_in, page_csrf, statements_for_get

BOARD = "/analyst/summaries"
KHARTOUM = "/analyst/summaries/khartoum-process"
LANGUAGES = ("en", "fr", "es", "ar")


def board_row(client, code: str = "khartoum-process", query: str = "") -> dict[str, str]:
    """The board's row of ISCM ``code``: its cells by column (``received``, ``last``, and one
    per language)."""
    html = client.get(BOARD + query).get_data(as_text=True)
    row = next(r for r in html.split("<tr>") if f'href="/analyst/summaries/{code}"' in r)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)
    # the check box, received / expected, last answer, then the four languages
    return {"received": cells[1], "last": cells[2], **dict(zip(LANGUAGES, cells[3:], strict=True))}


def listed_codes(client, query: str = "") -> list[str]:
    html = client.get(BOARD + query).get_data(as_text=True)
    return re.findall(r'<input type="checkbox" id="pick-[^"]+" name="iscm" value="([^"]+)"', html)


def resubmit(app, code: str = "khartoum-process", answers: dict | None = None) -> None:
    """Reopen the response of ``code``, change an answer and submit it again."""
    with app.app_context():
        response = db.session.scalar(
            select(Response).join(Response.organisation).filter(Organisation.code == code)
        )
        operations.reopen_response(response, actor="test")
        operations.save_answers(
            response,
            response.version,
            answers or {"guiding_document": "Valletta Action Plan"},
            actor="test",
            channel="test",
        )
        operations.submit_response(response, actor="test", channel="test")
        db.session.commit()


def publish_one(client, language: str = "en", **extra) -> None:
    page = client.get(f"{KHARTOUM}?language={language}").get_data(as_text=True)
    reply = client.post(
        f"{KHARTOUM}/publish", data={"csrf_token": page_csrf(page), "language": language, **extra}
    )
    assert reply.status_code == 302


def save_text(client, section: str, text: str, language: str = "en") -> None:
    page = client.get(f"{KHARTOUM}?language={language}").get_data(as_text=True)
    reply = client.post(
        KHARTOUM,
        data={"csrf_token": page_csrf(page), "language": language, f"text-{section}": text},
    )
    assert reply.status_code == 302


def start_job(client, action: str, codes: list[str], language: str = "en", **extra):
    page = client.get(BOARD).get_data(as_text=True)
    return client.post(
        f"{BOARD}/jobs",
        data={
            "csrf_token": page_csrf(page),
            "action": action,
            "iscm": codes,
            "language": language,
            **extra,
        },
    )


def finished(client, job_url: str) -> dict:
    deadline = time.monotonic() + 600
    status = {}
    while time.monotonic() < deadline:
        status = client.get(job_url + ".json").get_json()
        if status["status"] in ("done", "failed"):
            break
        time.sleep(0.5)
    return status


def outcomes_of(app, job_url: str) -> list[dict]:
    job_id = int(job_url.rstrip("/").rsplit("/", 1)[1])
    with app.app_context():
        return db.session.get(ReportJob, job_id).findings


# -- the board -----------------------------------------------------------------------------------


def test_each_iscm_counts_its_expected_and_received_responses(analyst_client, app):
    with app.app_context():
        khartoum = db.session.scalar(select(Organisation).filter_by(code="khartoum-process"))
        members = set(
            db.session.scalars(select(Membership.member_id).filter_by(iscm_id=khartoum.id))
        )
        answered = {
            db.session.scalar(select(Organisation.id).filter_by(code=demo.organisation))
            for demo in khartoum_responses()
        }
    expected = members | answered | {khartoum.id}

    row = board_row(analyst_client)

    assert row["received"] == f"{len(answered)} / {len(expected)}"
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\d', row["last"])
    rabat = board_row(analyst_client, "rabat-process")
    assert rabat["received"].startswith("0 / ")
    assert "none yet" in rabat["last"]


def test_a_summary_nobody_touched_is_a_draft_in_every_language(analyst_client):
    row = board_row(analyst_client, "rabat-process")
    for language in LANGUAGES:
        assert "Draft" in row[language]
        assert "Out of date" not in row[language]


def test_an_edit_is_shown_in_its_language_only(analyst_client):
    save_text(analyst_client, "structures", "The secretariat moved.", language="es")

    row = board_row(analyst_client)

    assert "Edited (1 section)" in row["es"]
    assert "Draft" in row["en"] and "Edited" not in row["en"]


def test_answers_changed_after_an_edit_make_it_out_of_date(analyst_client, app):
    save_text(analyst_client, "programming", "Our own account of the mandate.")
    assert "Out of date" not in board_row(analyst_client)["en"]

    resubmit(app)

    row = board_row(analyst_client)
    assert "Out of date: answers changed since the edit" in row["en"]
    assert "Out of date" not in row["fr"]


def test_a_published_summary_whose_answers_changed_is_flagged(analyst_client, app):
    publish_one(analyst_client)
    row = board_row(analyst_client)
    assert re.search(r"Published v1, \d{4}-\d\d-\d\d", row["en"])
    assert "Out of date" not in row["en"]
    page = analyst_client.get(KHARTOUM).get_data(as_text=True)
    assert "Published version 1 of the EN summary on" in page
    assert "answers changed since" not in page

    resubmit(app)

    assert "Out of date: answers changed since publication" in board_row(analyst_client)["en"]
    page = analyst_client.get(KHARTOUM).get_data(as_text=True)
    assert re.search(r"Published version 1 of the EN summary on [^<]+ UTC; <strong>answers", page)


def test_a_state_that_names_the_iscm_changes_its_summary(analyst_client, app):
    publish_one(analyst_client)

    resubmit(app, "EGY", {"respondent_name": "Another focal point"})

    assert "answers changed since publication" in board_row(analyst_client)["en"]
    assert "Out of date" not in board_row(analyst_client, "rabat-process")["en"]


def test_a_reopened_response_changes_the_summaries_it_fed(analyst_client, app):
    publish_one(analyst_client)
    with app.app_context():
        response = db.session.scalar(
            select(Response).join(Response.organisation).filter(Organisation.code == "ETH")
        )
        operations.reopen_response(response, actor="test")
        db.session.commit()

    assert "answers changed since publication" in board_row(analyst_client)["en"]


def test_the_board_filters_by_status_in_a_language(analyst_client):
    publish_one(analyst_client)

    assert listed_codes(analyst_client, "?status=published&status_language=en") == [
        "khartoum-process"
    ]
    assert listed_codes(analyst_client, "?status=published&status_language=fr") == []
    drafts = listed_codes(analyst_client, "?status=draft&status_language=en")
    assert "khartoum-process" not in drafts and "rabat-process" in drafts
    every = listed_codes(analyst_client)
    assert len(every) == len(drafts) + 1


def test_the_translation_status_filter_counts_passages(analyst_client):
    shown = listed_codes(analyst_client, "?status=translation_incomplete&status_language=fr")
    assert "khartoum-process" in shown
    assert re.search(r">FR \(\d+ passages\)</a>", board_row(analyst_client)["fr"])


def test_sorting_keeps_the_filter_and_filtering_keeps_the_sort(analyst_client):
    html = analyst_client.get(BOARD + "?status=draft&status_language=en").get_data(as_text=True)
    head = html.split("<thead>")[1].split("</thead>")[0]
    links = re.findall(r'href="(/analyst/summaries\?[^"]*sort=[^"]*)"', head)
    assert links and all("status=draft" in link for link in links)
    html = analyst_client.get(BOARD + "?sort=last_answer&dir=desc").get_data(as_text=True)
    assert '<input type="hidden" name="sort" value="last_answer">' in html
    assert '<input type="hidden" name="dir" value="desc">' in html


def column_values(client, query: str, column: str) -> list[str]:
    """The text of one column (``received`` or ``last``) of every row, top to bottom."""
    html = client.get(BOARD + query).get_data(as_text=True)
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    values = []
    for row in body.split("<tr>")[1:]:
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)
        values.append(cells[1] if column == "received" else cells[2])
    return values


def test_sorting_by_last_answer_puts_the_latest_first_and_the_unanswered_last(analyst_client):
    last = column_values(analyst_client, "?sort=last_answer&dir=desc", "last")
    dates = [re.search(r'datetime="([^"]+)"', cell) for cell in last]
    answered = [found.group(1) for found in dates if found]
    assert answered and answered == sorted(answered, reverse=True)
    assert all(dates[: len(answered)]) and not any(dates[len(answered) :])
    assert "none yet" in last[-1]


def test_sorting_by_received_orders_by_the_share_of_expected(analyst_client):
    shares = []
    for cell in column_values(analyst_client, "?sort=received&dir=desc", "received"):
        received, expected = (int(n) for n in cell.split(" / "))
        shares.append(received / expected)
    assert shares[0] > 0 and shares == sorted(shares, reverse=True)


def test_sorting_by_status_puts_what_needs_work_first(analyst_client, app):
    save_text(analyst_client, "programming", "Our own account of the mandate.")
    resubmit(app)
    assert listed_codes(analyst_client, "?sort=status&status_language=en")[0] == (
        "khartoum-process"
    )
    assert listed_codes(analyst_client, "?sort=status&status_language=en&dir=desc")[-1] == (
        "khartoum-process"
    )


def test_odd_query_parameters_fall_back_to_the_whole_board(analyst_client):
    every = listed_codes(analyst_client)
    assert listed_codes(analyst_client, "?status=nonsense&sort=<script>&dir=up") == every
    # an unknown language is no language: a draft in any language (every summary here)
    assert listed_codes(analyst_client, "?status_language=xx&status=draft") == every


def test_the_number_of_queries_does_not_grow_with_iscms_and_responses(analyst_client, app):
    publish_one(analyst_client)
    save_text(analyst_client, "structures", "A text of our own.", language="fr")
    few = statements_for_get(app, analyst_client, BOARD)
    with app.app_context():
        survey_round = operations.current_round()
        for number in range(5):
            db.session.add(
                Organisation(
                    code=f"test-iscm-{number}", kind="iscm", names={"en": f"Test ISCM {number}"}
                )
            )
        for demo in illustrative_responses(load_registry())[:30]:
            organisation = db.session.scalar(select(Organisation).filter_by(code=demo.organisation))
            invitation, _token = operations.invite(survey_round, organisation, None, "test")
            operations.save_answers(
                invitation.response, 0, demo.answers, actor="test", channel="test"
            )
            operations.submit_response(invitation.response, actor="test", channel="test")
        db.session.commit()
    many = statements_for_get(app, analyst_client, BOARD)
    assert len(listed_codes(analyst_client)) > 25
    assert many == few


def test_organisers_see_the_board_without_choices(client, create_user, khartoum_round):
    assert log_in(client, *create_user("organiser")).status_code == 302
    html = client.get(BOARD).get_data(as_text=True)
    assert "Received / expected" in html
    assert 'name="iscm"' not in html
    assert 'href="/analyst/summaries/khartoum-process"' not in html
    reply = client.post(f"{BOARD}/jobs", data={"csrf_token": page_csrf(html), "action": "render"})
    assert reply.status_code == 403


# -- jobs from the board -------------------------------------------------------------------------


def test_choosing_nothing_starts_nothing(analyst_client, app):
    reply = start_job(analyst_client, "render", [])
    assert reply.status_code == 302 and reply.headers["Location"].endswith(BOARD)
    assert "Choose at least one ISCM." in analyst_client.get(BOARD).get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(ReportJob.id)) is None


def test_an_unknown_iscm_is_not_found(analyst_client):
    assert start_job(analyst_client, "render", ["no-such-iscm"]).status_code == 404


def test_rendering_several_summaries_is_one_job_with_each_outcome(analyst_client, app):
    reply = start_job(analyst_client, "render", ["khartoum-process", "rabat-process"])

    job_url = reply.headers["Location"]
    status = finished(analyst_client, job_url)
    assert status["status"] == "done", status
    assert (status["summaries"], status["finished"], status["failed"]) == (2, 2, 0)
    assert [o["code"] for o in outcomes_of(app, job_url)] == ["khartoum-process", "rabat-process"]
    page = analyst_client.get(job_url).get_data(as_text=True)
    assert "Rendering of 2 summaries (EN)" in page
    assert "2 of 2 summaries done." in page
    assert page.count("Rendered (PDF)") == 2
    assert 'http-equiv="refresh"' not in page
    preview = analyst_client.get(f"{KHARTOUM}/preview.pdf?language=en")
    assert preview.data.startswith(b"%PDF")
    board = analyst_client.get(BOARD).get_data(as_text=True)
    assert re.search(rf'<a href="{job_url}">#\d+: rendering of 2 summaries \(EN\)</a>: done', board)


def test_all_shown_takes_every_iscm_the_filtered_board_showed(analyst_client, app):
    publish_one(analyst_client)
    html = analyst_client.get(BOARD + "?status=published&status_language=en").get_data(as_text=True)
    shown = re.findall(r'<input type="hidden" name="shown" value="([^"]+)">', html)
    assert shown == ["khartoum-process"]
    reply = analyst_client.post(
        f"{BOARD}/jobs",
        data={
            "csrf_token": page_csrf(html),
            "action": "check",
            "all": "y",
            "shown": shown,
            "language": "fr",
        },
    )
    job_url = reply.headers["Location"]
    status = finished(analyst_client, job_url)
    assert status["status"] == "done" and status["summaries"] == 1
    assert status["findings"] > 0
    page = analyst_client.get(job_url).get_data(as_text=True)
    assert "Check of the Khartoum Process summary (FR)" in page
    assert "untranslated passage" in page


def test_publishing_shows_what_changed_and_waits_for_confirmation(analyst_client, app):
    publish_one(analyst_client)
    save_text(analyst_client, "structures", "The secretariat <b>moved</b> to Addis Ababa.")

    reply = start_job(analyst_client, "publish", ["khartoum-process", "rabat-process"])

    assert reply.status_code == 302
    confirm_url = reply.headers["Location"]
    assert "/analyst/summaries/publish?" in confirm_url
    with app.app_context():
        assert db.session.scalar(select(ReportJob.id)) is None
    page = analyst_client.get(confirm_url).get_data(as_text=True)
    assert "Publish 2 summaries (EN)" in page
    assert "Last published: version 1 on" in page
    assert "3. Salient ISCM structures" in page
    added = re.findall(r'<li class="added"><ins>(.*?)</ins></li>', page, re.DOTALL)
    assert any("The secretariat &lt;b&gt;moved&lt;/b&gt; to Addis Ababa." in line for line in added)
    assert re.search(r'<li class="removed"><del>', page)
    assert "<b>moved</b>" not in page
    assert "Not published yet: this will be its first version." in page

    confirmed = analyst_client.post(
        "/analyst/summaries/publish",
        data={
            "csrf_token": page_csrf(page),
            "language": "en",
            "iscm": ["khartoum-process", "rabat-process"],
            "seen": re.findall(r'name="seen" value="([^"]+)"', page),
        },
    )
    job_url = confirmed.headers["Location"]
    status = finished(analyst_client, job_url)
    assert status["status"] == "done" and status["failed"] == 0, status
    with app.app_context():
        versions = db.session.execute(
            select(Organisation.code, PublishedSummary.number)
            .join(PublishedSummary.organisation)
            .order_by(Organisation.code, PublishedSummary.number)
        ).all()
        kept = db.session.scalar(
            select(AuditEvent.new_value)
            .filter_by(action="publish", item_code="khartoum-process")
            .order_by(AuditEvent.id.desc())
        )
    assert [tuple(v) for v in versions] == [
        ("khartoum-process", 1),
        ("khartoum-process", 2),
        ("rabat-process", 1),
    ]
    assert kept["number"] == 2
    assert kept["sections"]["structures"] == "The secretariat <b>moved</b> to Addis Ababa."
    page = analyst_client.get(job_url).get_data(as_text=True)
    assert "Publication of 2 summaries (EN)" in page
    assert "Published as version 2" in page and "Published as version 1" in page


def test_a_summary_changed_after_the_confirmation_is_not_published(analyst_client, app):
    reply = start_job(analyst_client, "publish", ["khartoum-process"])
    page = analyst_client.get(reply.headers["Location"]).get_data(as_text=True)
    save_text(analyst_client, "structures", "Written after the confirmation.")

    confirmed = analyst_client.post(
        "/analyst/summaries/publish",
        data={
            "csrf_token": page_csrf(page),
            "language": "en",
            "iscm": ["khartoum-process"],
            "seen": re.findall(r'name="seen" value="([^"]+)"', page),
        },
    )

    job_url = confirmed.headers["Location"]
    assert finished(analyst_client, job_url)["failed"] == 1
    assert outcomes_of(app, job_url)[0]["reason"] == "changed"
    shown = analyst_client.get(job_url).get_data(as_text=True)
    assert "What failed, and why" in shown
    assert "The summary changed after its changes were confirmed" in shown
    with app.app_context():
        assert db.session.scalar(select(PublishedSummary.id)) is None


@pytest.mark.parametrize("confirm", [False, True])
def test_untranslated_passages_keep_a_summary_back_unless_confirmed(analyst_client, app, confirm):
    reply = start_job(analyst_client, "publish", ["khartoum-process"], language="fr")
    page = analyst_client.get(reply.headers["Location"]).get_data(as_text=True)
    assert "Translation incomplete:" in page
    data = {
        "csrf_token": page_csrf(page),
        "language": "fr",
        "iscm": ["khartoum-process"],
        "seen": re.findall(r'name="seen" value="([^"]+)"', page),
    }
    if confirm:
        data["confirm_untranslated"] = "y"

    job_url = analyst_client.post("/analyst/summaries/publish", data=data).headers["Location"]

    status = finished(analyst_client, job_url)
    outcome = outcomes_of(app, job_url)[0]
    if confirm:
        assert outcome["outcome"] == "done" and outcome["version"] == 1
    else:
        assert status["failed"] == 1 and outcome["reason"] == "untranslated"
        shown = analyst_client.get(job_url).get_data(as_text=True)
        assert re.search(r"Not published: \d+ passages are still quoted", shown)


def test_the_job_page_follows_its_progress_without_inline_script(analyst_client, app):
    with app.app_context():
        job = operations.summaries.add_summaries_job(
            "render", ["khartoum-process", "rabat-process"], "en", "user:analyst@example.org"
        )
        db.session.commit()
        job_id = job.id
    page = analyst_client.get(f"/analyst/jobs/{job_id}").get_data(as_text=True)
    assert f'data-job-status="/analyst/jobs/{job_id}.json"' in page
    assert "0 of 2 summaries finished." in re.sub(r"<[^>]+>", "", page)
    assert f'href="/analyst/jobs/{job_id}">Refresh to see how far it is' in page
    assert re.search(r'<script src="[^"]+board\.js" defer></script>', page)
    assert "<script>" not in page
    assert "Waiting" in page
