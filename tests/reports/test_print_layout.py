"""The print layout of summaries and the compendium, read from the rendered PDFs and the laid-out
pages: a cover, a one-line running header, charts that are readable and say something, a
thematic matrix on landscape pages with its abbreviations, a large partnership network."""

from __future__ import annotations

import dataclasses
import io
import itertools
import re

import pytest
import rendered
from compendium_fixture import compendium_dossier
from khartoum_translated import translated_khartoum_dossier
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Annotation
from pypdf import PdfReader
from weasyprint.formatting_structure import boxes

from reports import ParticipationCount, render_compendium_pdf
from reports.charts import _chart_style, membership_value_drawing
from reports.compendium import (
    abbreviations,
    network_figure,
    participation_by_region,
    participation_region_chart,
    partnership_chart,
    partnership_graph,
    render_compendium_html,
    thematic_tables,
)
from reports.html import render_iscm_html
from reports.pdf import layout_document
from reports.phrases import Phrases
from tests.pages import pdf_page_texts

LANGUAGES = ("en", "fr", "es", "ar")
#: a name too long for a running header on one line (the Colombo Process's)
LONG_NAME = (
    "Regional Consultative Process on Overseas Employment and Contractual Labour for Countries "
    "of Origin in Asia"
)


@pytest.fixture(scope="module")
def compendium_pdf() -> PdfReader:
    """The compendium of the fixture's four ISCMs (``rendered.compendium_pdf``) as pypdf reads
    it, for its pages' sizes; its text is read with ``pdf_page_texts``."""
    return PdfReader(io.BytesIO(rendered.compendium_pdf()))


# The cover of a single summary


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_summary_opens_with_a_cover_naming_iom_the_iscm_the_round_and_the_date(language):
    dossier = translated_khartoum_dossier(language)
    phrases = Phrases(language)

    pages = pdf_page_texts(rendered.khartoum_pdf(language))

    cover = pages[0]
    # (words, as text extraction may reorder right-to-left ones)
    for text in (
        phrases.format("organisation"),
        phrases.format("summary_title"),
        dossier.round.name,
        dossier.iscm.name,
    ):
        assert all(word.strip("()") in cover for word in text.split()), text
    assert str(dossier.generated_on.day) in cover.split(dossier.round.name)[-1]
    # the cover bears no page number; the introduction opens the next page
    assert f"{phrases.format('page')} 1 " not in cover
    assert all(word.strip(":") in pages[1] for word in phrases.format("iscm_name_label").split())


def test_the_first_page_after_the_cover_carries_the_running_header_and_page_2():
    pages = pdf_page_texts(rendered.khartoum_pdf("en"))

    # in reading order: the running header at the top, the introduction, the page number below
    assert pages[1].startswith(
        "EU-Horn of Africa Migration Route Initiative (Khartoum Process) "
        "As part of an assessment of inter-state consultation mechanisms"
    )
    assert re.search(r" Page 2 of \d+$", pages[1]), pages[1][-80:]


# The running header


def margin_lines(document, page: int) -> list[list[str]]:
    """The lines of text of each non-empty margin box of ``page`` (0-based)."""
    found = []
    for child in document.pages[page]._page_box.children:
        if isinstance(child, boxes.MarginBox):
            lines = [
                " ".join(t.text for t in line.descendants() if isinstance(t, boxes.TextBox))
                for line in child.descendants()
                if isinstance(line, boxes.LineBox)
            ]
            if any(text.strip() for text in lines):
                found.append(lines)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_running_header_of_a_long_name_is_one_line_with_its_short_name(language):
    dossier = translated_khartoum_dossier(language)
    dossier = dataclasses.replace(
        dossier, iscm=dataclasses.replace(dossier.iscm, name=LONG_NAME, acronym="")
    )

    document = layout_document(render_iscm_html(dossier))

    header, _footer = margin_lines(document, 1)
    assert len(header) == 1
    assert header[0] == dossier.organisations["khartoum-process"].short_name


def test_the_compendium_running_headers_are_one_line_each(compendium_pdf):
    compendium = compendium_dossier()
    long_named = dataclasses.replace(
        compendium.iscms[1],
        iscm=dataclasses.replace(compendium.iscms[1].iscm, name=LONG_NAME, acronym=""),
    )
    compendium.iscms[1] = long_named

    document = layout_document(render_compendium_html(compendium))

    margins = [margin_lines(document, page) for page in range(1, len(document.pages))]
    assert all(len(lines) == 1 for page in margins for lines in page)
    short = long_named.organisations["khartoum-process"].short_name
    assert any([short] in page for page in margins)


# Participation by region


def test_respondents_without_a_region_are_no_region_of_their_own():
    # as in the registry: only States have a region
    compendium = compendium_dossier(
        participation=[
            ParticipationCount("state", "Africa", 20, 40),
            ParticipationCount("state", "Europe", 18, 30),
            ParticipationCount("iscm", "", 22, 25),
            ParticipationCount("igo", "", 3, 10),
        ]
    )

    chart = participation_region_chart(compendium)

    assert participation_by_region(compendium, "Region not given") == [
        ("Africa", {"state": 20}),
        ("Europe", {"state": 18}),
    ]
    assert chart.title == "States that answered, by region"
    assert [row[0] for row in chart.rows] == ["Africa", "Europe"]
    text = " ".join(pdf_page_texts(render_compendium_pdf(compendium))[2:4])
    assert "Region not given" not in text
    assert (
        "Not shown by region: 22 ISCMs and 3 inter-governmental organizations, for which the "
        "survey records no region"
    ) in text


def test_a_state_without_a_region_is_counted_as_region_not_given_after_the_regions():
    compendium = compendium_dossier(
        participation=[
            ParticipationCount("state", "", 2, 2),
            ParticipationCount("state", "Europe", 18, 30),
            ParticipationCount("iscm", "", 22, 25),
        ]
    )

    assert participation_by_region(compendium, "Region not given") == [
        ("Europe", {"state": 18}),
        ("Region not given", {"state": 2}),
    ]


# Value of membership


def test_value_of_membership_labels_do_not_overlap_on_a_large_round():
    labels = [
        "Information sur les initiatives mondiales relatives aux migrations, telles que le "
        "Pacte mondial sur les migrations",
        "Accès aux parties prenantes",
        "Maintien d'un dialogue sur les questions nouvelles",
        "Développement de partenariats",
        "Échange de bonnes pratiques et d'informations sur les politiques migratoires nationales",
        "Renforcement des capacités",
        "Coordination des politiques",
        "Conseils techniques",
        "Instauration de la confiance",
        "Constitution de réseaux",
        "Partage des connaissances",
    ]
    counts = [31, 28, 25, 22, 19, 17, 12, 9, 7, 4, 2]

    drawing = membership_value_drawing(labels, counts, Phrases("fr"))
    # each bar's count comes before the axis's ticks
    counted = [box.text for box in drawing.texts if box.text.isdigit()][: len(counts)]

    for first, second in itertools.combinations(drawing.texts, 2):
        assert not first.overlaps(second), (first, second)
    for box in drawing.texts:
        assert box.left >= 0 and box.right <= drawing.width, box
        assert box.top >= 0 and box.bottom <= drawing.height, box
    assert counted == [str(count) for count in counts]


# The thematic matrix


def test_the_thematic_matrix_is_on_landscape_pages_with_its_abbreviations(compendium_pdf):
    texts = pdf_page_texts(rendered.compendium_pdf())

    pages = [number for number, text in enumerate(texts) if "Thematic areas of each ISCM" in text]
    page = compendium_pdf.pages[pages[-1]]
    assert page.mediabox.width > page.mediabox.height
    assert "Abbreviations" in texts[pages[-1]]


def test_the_matrix_is_headed_by_short_names_explained_in_the_legend():
    compendium = compendium_dossier()
    rabat = compendium.iscms[3]
    compendium.iscms[3] = dataclasses.replace(
        rabat,
        iscm=dataclasses.replace(
            rabat.iscm, name="Euro-African Dialogue on Migration and Development", acronym=""
        ),
    )

    (table,) = thematic_tables(compendium)

    assert "Rabat Process" in table.iscms
    assert ("Rabat Process", "Euro-African Dialogue on Migration and Development") in (
        abbreviations(compendium)
    )


def test_no_word_of_the_matrix_headings_is_broken_across_lines_or_overflows():
    # sixteen ISCMs, thirteen to a table, headed by names of several words
    compendium = compendium_dossier()
    compendium.iscms = [
        dataclasses.replace(
            dossier,
            iscm=dataclasses.replace(
                dossier.iscm,
                code=f"{dossier.iscm.code}-{copy}",
                acronym=f"Processus de Budapest {copy}",
            ),
        )
        for copy in range(4)
        for dossier in compendium.iscms
    ]

    document = layout_document(render_compendium_html(compendium))

    matrices = [
        box
        for page in document.pages
        for box in page._page_box.descendants()
        if isinstance(box, boxes.TableBox) and box.element.get("class") == "thematic-matrix"
    ]
    cells = [
        cell
        for matrix in matrices
        for cell in matrix.descendants()
        if isinstance(cell, boxes.TableCellBox) and "Processus" in "".join(cell.element.itertext())
    ]
    assert len(cells) == 16
    for cell in cells:
        lines = [line for line in cell.descendants() if isinstance(line, boxes.LineBox)]
        words = [
            word
            for line in lines
            for text in line.descendants()
            if isinstance(text, boxes.TextBox)
            for word in text.text.split()
        ]
        assert words[:3] == ["Processus", "de", "Budapest"]
        assert all(line.width <= cell.width + 0.5 for line in lines)


# The partnership network


def test_the_network_shows_a_partner_named_as_other():
    graph = partnership_graph(compendium_dossier())

    labels = {data["label"] for _, data in graph.nodes(data=True)}

    assert "AU-Horn of Africa Initiative" in labels
    assert graph.has_edge("khartoum-process", "other:au-horn of africa initiative")


def test_the_network_names_overlap_no_other():
    compendium = compendium_dossier()
    graph = partnership_graph(compendium)
    graph = graph.subgraph([node for node in graph if graph.degree(node) > 0]).copy()

    with _chart_style("en"):
        figure = network_figure(graph, Phrases("en"))
        renderer = FigureCanvasAgg(figure).get_renderer()
        figure.draw_without_rendering()
        names = [
            text.get_window_extent(renderer)
            for text in figure.axes[0].texts
            if isinstance(text, Annotation)
        ]

    assert len(names) == graph.number_of_nodes()
    for first, second in itertools.combinations(names, 2):
        assert not first.overlaps(second)


def test_the_network_text_alternative_is_short_and_its_data_in_a_table():
    chart = partnership_chart(compendium_dossier())

    alternative = chart.text_alternative(Phrases("en"))

    assert alternative == (
        "Network diagram: each ISCM is linked to the ISCMs and inter-governmental organizations "
        "it named as partners. Its data are in the table that follows."
    )
    assert len(alternative) < 200
    assert any("AU-Horn of Africa Initiative" in row[1] for row in chart.rows)


def test_the_network_has_a_landscape_page_to_itself(compendium_pdf):
    texts = pdf_page_texts(rendered.compendium_pdf())

    (number,) = [
        n
        for n, text in enumerate(texts)
        if "Squares: ISCMs; circles: inter-governmental organizations" in text
    ]
    page = compendium_pdf.pages[number]
    assert page.mediabox.width > page.mediabox.height
    # the network's data follow on the next page, not under the picture
    assert "Partner ISCMs" not in texts[number]
    assert "Partner ISCMs" in texts[number + 1]


# Keep-together


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_near_empty_page_or_orphaned_heading_in_the_khartoum_summary(language):
    findings = rendered.khartoum_findings(language)

    assert [
        finding.line("khartoum-process", language)
        for finding in findings
        if finding.kind in ("near-empty page", "orphaned heading", "orphaned caption")
    ] == []
