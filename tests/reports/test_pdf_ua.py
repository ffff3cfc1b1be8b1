"""Accessible PDFs: summaries, the compendium and receipts declare and meet PDF/UA-1.

Two checks read each PDF. The ``pdfua`` package (the machine-checkable subset of PDF/UA-1, on
pikepdf) must find nothing; veraPDF, the reference validator, is neither on PyPI nor in Debian.
:func:`ua_problems` reads the rest of what the issue asks for with pikepdf: the language, the
XMP claim, each chart's text alternative, each header cell's scope, and headings that are not
empty (``pdfua``'s own heading rule stops on this version of pikepdf, so it is read here too).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
import pytest
from khartoum_translated import translated_khartoum_dossier
from pdfua import validate
from rendered import compendium_pdf, khartoum_pdf
from weasyprint import HTML

from reports import render_pdf
from reports.charts import build_charts
from reports.check import read_layout
from reports.pdf import layout_document
from reports.phrases import Phrases
from reports.receipt import (
    Receipt,
    ReceiptEntry,
    ReceiptLabels,
    ReceiptSection,
    render_receipt_pdf,
)

TEMPLATES = Path(__file__).resolve().parents[2] / "reports" / "templates"
LANGUAGES = ("en", "fr", "es", "ar")
PDFUAID_PART = "{http://www.aiim.org/pdfua/ns/id/}part"


def pdfua_findings(pdf: bytes, folder: Path) -> list[str]:
    """What the ``pdfua`` package finds in ``pdf``, one line per finding."""
    path = folder / "checked.pdf"
    path.write_bytes(pdf)
    report = validate(str(path))
    return [
        f"{finding.rule_id} {finding.location.describe()}: {finding.message}"
        for finding in report.findings
    ]


def _kids(node: pikepdf.Dictionary) -> list:
    kids = node.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _children(node: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    """The structure elements right under ``node`` (not its marked-content references)."""
    return [
        kid
        for kid in _kids(node)
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/MCR"
    ]


def _structure_elements(node: pikepdf.Dictionary):
    for kid in _children(node):
        yield kid
        yield from _structure_elements(kid)


def _marks_content(node: pikepdf.Dictionary) -> bool:
    return any(
        isinstance(kid, int) or (isinstance(kid, pikepdf.Dictionary) and _marks_content(kid))
        for kid in _kids(node)
    )


def ua_problems(pdf: bytes, language: str) -> list[str]:
    """What ``pdf`` lacks of PDF/UA-1 as the issue states it, one line per problem."""
    problems = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        root = document.Root
        if "/StructTreeRoot" not in root:
            return ["no structure tree"]
        if not root.get("/MarkInfo", {}).get("/Marked"):
            problems.append("MarkInfo Marked is not true")
        if str(root.get("/Lang", "")) != language:
            problems.append(f"Lang is {str(root.get('/Lang', ''))!r}, not {language!r}")
        if not root.get("/ViewerPreferences", {}).get("/DisplayDocTitle"):
            problems.append("DisplayDocTitle is not true")
        if not str(document.docinfo.get("/Title", "")).strip():
            problems.append("no Title")
        with document.open_metadata() as xmp:
            if xmp.get(PDFUAID_PART) != "1":
                problems.append("the XMP metadata do not claim PDF/UA-1 (pdfuaid:part)")
        for element in _structure_elements(root.StructTreeRoot):
            role = str(element.get("/S"))
            if role == "/Figure" and not str(element.get("/Alt", "")).strip():
                problems.append("a Figure without Alt")
            if role == "/TH" and "/Scope" not in element.get("/A", {}):
                problems.append("a TH without Scope")
            if re.fullmatch(r"/H\d", role) and not _marks_content(element):
                problems.append(f"an empty {role}")
    return problems


def figure_alts(pdf: bytes) -> list[str]:
    """The text alternatives of the PDF's figures, in order."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return [
            str(element.Alt)
            for element in _structure_elements(document.Root.StructTreeRoot)
            if element.get("/S") == "/Figure"
        ]


def header_scopes(pdf: bytes) -> list[tuple[str, str]]:
    """(header cell's row group, its Scope) for every TH, in order."""
    scopes = []
    with pikepdf.open(io.BytesIO(pdf)) as document:

        def walk(node: pikepdf.Dictionary, group: str) -> None:
            for kid in _children(node):
                role = str(kid.get("/S"))
                if role == "/TH":
                    scopes.append((group, str(kid.A.get("/Scope"))))
                walk(kid, role if role in ("/THead", "/TBody") else group)

        walk(document.Root.StructTreeRoot, "")
    return scopes


@pytest.fixture(scope="module")
def summaries() -> dict[str, bytes]:
    """The Khartoum Process summary in each language."""
    return {language: khartoum_pdf(language) for language in LANGUAGES}


@pytest.fixture
def receipt() -> Receipt:
    """A French respondent's receipt with a plain, a nested and an empty answer."""
    return Receipt(
        language="fr",
        direction="ltr",
        title="Questionnaire destiné aux États",
        organisation="Égypte",
        round_name="Évaluation des MCIM 2019",
        submitted_at="1 juillet 2019 à 10:00",
        reference="R-2019-0001",
        checksum="0" * 64,
        labels=ReceiptLabels(
            heading="Accusé de réception de vos réponses",
            organisation="Organisation",
            round="Cycle",
            submitted_at="Envoyé le",
            reference="Référence",
            checksum="Somme de contrôle",
            checksum_note="SHA-256 des réponses",
            no_answer="Pas de réponse",
        ),
        sections=[
            ReceiptSection(
                "Appartenance",
                [
                    ReceiptEntry("Depuis quand ?", "2014"),
                    ReceiptEntry("Réunions", children=[ReceiptEntry("Rome", "2014")]),
                    ReceiptEntry("Rôle"),
                ],
            ),
            ReceiptSection("Valeur"),
        ],
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_summary_meets_pdf_ua_in_each_language(summaries, language, tmp_path):
    pdf = summaries[language]

    assert pdfua_findings(pdf, tmp_path) == []
    assert ua_problems(pdf, language) == []


def test_compendium_meets_pdf_ua(tmp_path):
    pdf = compendium_pdf()

    assert pdfua_findings(pdf, tmp_path) == []
    assert ua_problems(pdf, "en") == []


def test_receipt_meets_pdf_ua(receipt, tmp_path):
    pdf = render_receipt_pdf(receipt)

    assert pdfua_findings(pdf, tmp_path) == []
    assert ua_problems(pdf, "fr") == []


def test_the_checks_find_what_a_tagged_pdf_without_the_variant_lacks(tmp_path):
    html = (
        '<html lang="en"><head><title>T</title></head><body><h1>T</h1>'
        "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
        "</body></html>"
    )
    pdf = HTML(string=html).write_pdf(pdf_tags=True)

    assert any(line.startswith("UA-28-004") for line in pdfua_findings(pdf, tmp_path))
    assert ua_problems(pdf, "en") == [
        "the XMP metadata do not claim PDF/UA-1 (pdfuaid:part)",
        "a TH without Scope",
    ]


def test_header_cells_take_the_scope_of_their_html_attribute():
    html = (
        '<html lang="en"><head><title>T</title></head><body><table>'
        '<thead><tr><th scope="col">State</th><th>Year</th></tr></thead>'
        '<tbody><tr><th scope="row">Egypt</th><td>2014</td></tr></tbody>'
        "</table></body></html>"
    )

    assert header_scopes(render_pdf(html)) == [
        ("/THead", "/Column"),
        ("/THead", "/Column"),
        ("/TBody", "/Row"),
    ]


def test_a_table_caption_does_not_end_a_page_without_its_table(tmp_path):
    # the spacer leaves room at the foot of page 1 for the caption, not for the table
    html = (
        '<html lang="en"><head><title>T</title><link rel="stylesheet" href="styles/summary.css">'
        '</head><body><div style="height: 240mm"></div><table class="chart-data">'
        '<caption>Data of the chart</caption><thead><tr><th scope="col">Year</th></tr></thead>'
        "<tbody><tr><td>2014</td></tr><tr><td>2015</td></tr></tbody></table></body></html>"
    )

    pdf = render_pdf(html)

    assert pdfua_findings(pdf, tmp_path) == []
    pages = read_layout(layout_document(html), "en").pages
    assert [tag for tag, _text in pages[-1].blocks] == ["caption", "tr", "tr", "tr"]


def test_every_header_cell_of_the_templates_has_a_scope():
    unscoped = {
        template.name: cells
        for template in sorted(TEMPLATES.glob("*.html"))
        if (cells := re.findall(r"<th\b(?![^>]*\bscope=)[^>]*>", template.read_text("utf-8")))
    }

    assert unscoped == {}


def test_a_chart_text_alternative_says_what_the_chart_shows(summaries):
    alts = figure_alts(summaries["en"])

    # the thematic areas are a table only: two pictures, each described
    assert len(alts) == 2
    assert (
        "Bar chart of how many Member States cited each value of membership. "
        "Capacity-building: 2; Access to projects and funding: 1;" in alts[0]
    )
    assert "2014 (Ministerial conference: 1, Total: 1)" in alts[1]


@pytest.mark.parametrize("language", ("fr", "es", "ar"))
def test_a_chart_text_alternative_reads_in_the_summary_language(language):
    dossier = translated_khartoum_dossier(language)
    phrases = Phrases(language)
    chart = build_charts(dossier)["membership_value"]
    label, count = chart.rows[0]

    alternative = chart.text_alternative(phrases)

    assert alternative.startswith(chart.alt + " ")
    assert phrases.format("chart_alt_row", label=label, value=count) in alternative
