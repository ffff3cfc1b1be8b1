"""Links in an analyst's edit: only web and e-mail links reach the PDF, never a server path."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from reports.edits import is_safe_link, render_markdown
from tests.pages import csrf_token, log_in

EDIT = (
    "See [the meeting notes](notes/2019-rabat.pdf), [the annex](/srv/annex.pdf), "
    "[the top](#top), [a file](file:///etc/passwd), [a share](//fileserver/reports), "
    "[the IOM site](https://www.iom.int/iscms) and [the secretariat](mailto:kp@example.org)."
)


def link_targets(pdf: bytes) -> list[str]:
    """Every URI a link annotation of the PDF points to."""
    targets = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                targets.append(str(action["/URI"]))
    return targets


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_relative_and_file_links_become_plain_text_in_the_summary_pdf(app, create_user):
    client = app.test_client()
    log_in(client, *create_user("analyst"))
    page = "/analyst/summaries/khartoum-process"
    reply = client.post(
        page,
        data={"csrf_token": csrf_token(client, page), "language": "en", "text-programming": EDIT},
    )
    assert reply.status_code == 302

    pdf = client.get(f"{page}/preview.pdf").get_data()

    # (a link that wraps onto a second line has one annotation per line)
    assert set(link_targets(pdf)) == {"https://www.iom.int/iscms", "mailto:kp@example.org"}
    text = text_of(pdf)
    assert "the meeting notes" in text and "the annex" in text and "a share" in text


@pytest.mark.parametrize(
    "href",
    [
        "notes.pdf",
        "/etc/passwd",
        "#top",
        "//host/share",
        "file:///etc/passwd",
        "https:x",
        "http:///etc/passwd",
        "javascript:alert(1)",
        "ftp://example.org/x",
        "mailto:",
    ],
)
def test_only_web_and_mail_links_are_kept(href):
    assert not is_safe_link(href)
    assert "<a" not in render_markdown(f"[text]({href})")


@pytest.mark.parametrize(
    "href", ["https://www.iom.int", "http://example.org/a?b=c", "HTTPS://IOM.INT", "mailto:a@b.org"]
)
def test_web_and_mail_links_stay_links(href):
    assert is_safe_link(href)
    assert "<a href=" in render_markdown(f"[text]({href})")


def test_the_text_of_a_dropped_link_keeps_its_formatting():
    html = render_markdown("[*Annex* 2](annex.pdf) then [site](https://iom.int)")
    assert html == (
        '<p><em>Annex</em> 2 then <a href="https://iom.int" rel="noopener noreferrer">site</a></p>'
    )
