"""Check your answers, submit, and keep a PDF receipt in the respondent's language."""

from __future__ import annotations

import io

from pypdf import PdfReader

from reports.receipt import answers_checksum
from tests.pages import page_csrf


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_check_page_lists_every_answer_with_a_change_link_per_section(client, answered_state):
    html = client.get(f"/r/{answered_state}/check").text
    assert "Anna de Vries" in html
    assert "Ministry of Justice and Security" in html
    # choice labels, not codes; per-item blocks spelled out by ISCM
    assert "Khartoum Process" in html and "Budapest Process" in html
    assert "khartoum-process" not in html.split("<main", 1)[1].split("</main>")[0].replace(
        f"/r/{answered_state}", ""
    )
    # answers are escaped
    assert "&lt;countries of origin&gt; &amp; transit" in html
    for section in ("respondent", "participation", "iscm_views", "general"):
        assert f'href="/r/{answered_state}/s/{section}">Change' in html
    assert "Submit answers" in html


def stored_answers(client, token: str) -> dict:
    reply = client.get("/api/v1/response", headers={"Authorization": f"Bearer {token}"})
    return reply.get_json()["answers"]


def test_submission_leads_to_a_receipt_page_with_the_checksum(client, submitted_state):
    html = client.get(f"/r/{submitted_state}/submitted").text
    assert "Answers submitted" in html
    assert answers_checksum(stored_answers(client, submitted_state)) in html
    assert "Download your receipt (PDF)" in html


def test_receipt_pdf_holds_answers_round_organisation_time_and_checksum(client, submitted_state):
    reply = client.get(f"/r/{submitted_state}/receipt.pdf")
    assert reply.status_code == 200
    assert reply.mimetype == "application/pdf"
    assert "attachment" in reply.headers["Content-Disposition"]
    text = pdf_text(reply.data)
    assert "Receipt of your answers" in text
    assert "Netherlands" in text
    assert "ISCM assessment 2026" in text
    assert "Anna de Vries" in text
    assert "Khartoum Process" in text
    assert "<countries of origin> & transit" in text
    assert "2026" in text
    checksum = answers_checksum(stored_answers(client, submitted_state))
    assert checksum[:32] in text.replace("\n", "")


def test_receipt_is_in_the_respondents_language(client, submitted_state):
    page = client.get(f"/r/{submitted_state}/")
    client.post(
        f"/r/{submitted_state}/language",
        data={"csrf_token": page_csrf(page.text), "language": "fr"},
    )
    text = pdf_text(client.get(f"/r/{submitted_state}/receipt.pdf").data)
    assert "Reçu de vos réponses" in text
    assert "Pays-Bas" in text
    # the date's label, not the count's ("Envoyées" heads a column of the coverage page)
    assert "Envoyé le" in text


def test_receipt_waits_for_submission(client, answered_state):
    reply = client.get(f"/r/{answered_state}/receipt.pdf")
    assert reply.status_code == 302
    assert "available once your answers are submitted" in client.get(f"/r/{answered_state}/").text


def test_checksum_is_sha256_of_the_canonical_json():
    import hashlib
    import json

    answers = {"b": "é", "a": [1, 2]}
    canonical = '{"a":[1,2],"b":"é"}'
    assert json.dumps(answers, sort_keys=True, separators=(",", ":"), ensure_ascii=False) == (
        canonical
    )
    assert answers_checksum(answers) == hashlib.sha256(canonical.encode()).hexdigest()
