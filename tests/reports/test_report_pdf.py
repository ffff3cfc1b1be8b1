"""The PDF: WeasyPrint fetches only package files and data URLs; the text is all there."""

from __future__ import annotations

import io
import logging

import pytest
import rendered
from khartoum import khartoum_dossier
from pypdf import PdfReader

from reports import render_iscm_pdf, render_pdf
from reports.pdf import BASE_URL, PACKAGE_FOLDER, PackageURLFetcher


@pytest.fixture(scope="module")
def khartoum_pdf() -> PdfReader:
    """The Khartoum Process summary as PDF."""
    return PdfReader(io.BytesIO(rendered.khartoum_pdf("en")))


def page_texts(reader: PdfReader) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/style.css",
        "https://example.org/logo.png",
        "file:///etc/passwd",
        f"{BASE_URL}../../../../etc/passwd",
        f"{BASE_URL}styles/missing.css",
        "ftp://example.org/x",
    ],
)
def test_fetcher_refuses_urls_outside_the_package(url):
    with pytest.raises(ValueError, match="blocked URL"):
        PackageURLFetcher().fetch(url)


def test_fetcher_serves_the_package_stylesheet():
    response = PackageURLFetcher().fetch(f"{BASE_URL}styles/summary.css")
    try:
        assert b"@page" in response.read()
    finally:
        response.close()


def test_fetcher_serves_data_urls():
    response = PackageURLFetcher().fetch("data:text/plain;base64,aGVsbG8=")
    try:
        assert response.read() == b"hello"
    finally:
        response.close()


def test_base_url_is_the_package_folder():
    assert BASE_URL.startswith("file://")
    assert BASE_URL.rstrip("/").endswith(PACKAGE_FOLDER.as_posix())


def test_rendering_with_outside_urls_fetches_nothing_and_still_succeeds(caplog):
    html = (
        '<html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head>'
        '<body><img src="file:///etc/passwd"><p>Hello</p></body></html>'
    )

    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = render_pdf(html)

    assert pdf.startswith(b"%PDF")
    assert caplog.text.count("blocked URL") == 2


def test_pdf_is_a4_from_the_package_stylesheet(khartoum_pdf):
    box = khartoum_pdf.pages[0].mediabox

    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_pdf_text_has_the_headings_counts_and_referring_states(khartoum_pdf):
    text = " ".join(page_texts(khartoum_pdf))

    for heading in (
        "1. Evolution of programming and thematic focus",
        "2. Contribution to migration governance at national, (inter)regional and global "
        "levels (with examples)",
        "3. Salient ISCM structures",
        "4. Partnership models by the ISCM",
        "5. Added value of Membership in the given ISCM for States and Organizations "
        "(with examples)",
    ):
        assert heading in text
    assert "46 States and 22 ISCMs and 3 inter-governmental organizations provided answers" in text
    assert "Three of the Member States (Egypt, Ethiopia, the Netherlands) surveyed referred" in text


def test_pdf_pages_carry_the_footer_and_the_running_header(khartoum_pdf):
    texts = page_texts(khartoum_pdf)
    pages = len(texts)

    # page 1 is the cover: counted, but without header or number
    assert f"Page 1 of {pages}" not in texts[0]
    assert f"Page 2 of {pages}" in texts[1]
    assert f"Page {pages} of {pages}" in texts[-1]
    assert "EU-Horn of Africa Migration Route Initiative (Khartoum Process) Page 2" in texts[1]


def test_pdf_shows_an_analyst_edit():
    reader = PdfReader(
        io.BytesIO(
            render_iscm_pdf(khartoum_dossier(), edits={"partnerships": "Rewritten by the analyst."})
        )
    )
    text = " ".join(page_texts(reader))

    assert "Rewritten by the analyst." in text
    assert "works closely with the Rabat Process" not in text
