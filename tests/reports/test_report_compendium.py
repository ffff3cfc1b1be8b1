"""The compendium: cover, contents with the right page numbers, overview, comparisons, summaries."""

from __future__ import annotations

import io
import re

import pytest
from compendium_fixture import compendium_dossier
from pypdf import PdfReader

from reports import render_compendium_html, render_compendium_pdf
from reports.compendium import (
    contents,
    participation_by_region,
    participation_by_type,
    partnership_graph,
    structure_rows,
    thematic_tables,
)


@pytest.fixture(scope="module")
def compendium_pages() -> list[str]:
    """The text of each page of the rendered compendium."""
    reader = PdfReader(io.BytesIO(render_compendium_pdf(compendium_dossier())))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_contents_page_numbers_point_at_the_pages_where_the_entries_begin(compendium_pages):
    toc_page = compendium_pages[1]
    assert toc_page.startswith("Contents Participation in the survey")

    for entry in contents(compendium_dossier()):
        match = re.search(re.escape(entry.title) + r"[\s.]*?(\d+)", toc_page)
        assert match, entry.title
        page = int(match.group(1))
        if entry.anchor.startswith("iscm-"):
            # A summary's page opens with the ISCM's name and its first section
            assert f"{entry.title} 1. Evolution of programming" in compendium_pages[page - 1]
        else:
            first = next(
                number
                for number, text in enumerate(compendium_pages, start=1)
                if number > 2 and entry.title in text
            )
            assert page == first, entry.title


def test_each_summary_begins_with_its_name_on_its_page(compendium_pages):
    toc_page = compendium_pages[1]
    match = re.search(r"Budapest Process[\s.]*?(\d+)", toc_page)

    page = compendium_pages[int(match.group(1)) - 1]

    assert "Budapest Process 1. Evolution of programming and thematic focus" in page


def test_pages_carry_running_headers_and_page_numbers(compendium_pages):
    pages = len(compendium_pages)

    assert "Compendium of the Summaries" in compendium_pages[0]
    assert f"Page 1 of {pages}" not in compendium_pages[0]
    assert f"Page {pages} of {pages}" in compendium_pages[-1]
    assert (
        "Compendium of the Summaries of Findings per ISCM Euro-African Dialogue on Migration and "
        "Development (Rabat Process)"
    ) in compendium_pages[-1]


def test_cover_names_the_round_and_the_number_of_iscms(compendium_pages):
    cover = compendium_pages[0]

    assert "Prepared for the global gathering of ISCMs" in cover
    assert "Assessment of ISCMs 2019" in cover
    assert "4 ISCMs covered" in cover


def test_participation_is_counted_by_type_and_region():
    compendium = compendium_dossier()

    assert participation_by_type(compendium) == [
        ("state", 46, 95),
        ("iscm", 22, 25),
        ("igo", 3, 10),
    ]
    assert participation_by_region(compendium, "Region not given") == [
        ("Africa", {"state": 20, "iscm": 9, "igo": 0}),
        ("Asia and the Pacific", {"state": 8, "iscm": 8, "igo": 0}),
        ("Europe", {"state": 18, "iscm": 5, "igo": 0}),
        ("Region not given", {"state": 0, "iscm": 0, "igo": 3}),
    ]


def test_participation_overview_shows_rates_and_charts():
    html = render_compendium_html(compendium_dossier())

    assert '<th scope="row">State</th><td>46</td>\n<td>95</td><td>48 %</td>' in html
    assert 'id="chart-participation_by_type"' in html
    assert 'id="chart-participation_by_region"' in html


def test_thematic_matrix_marks_current_and_original_areas():
    (table,) = thematic_tables(compendium_dossier())

    assert table.iscms == ("Budapest Process", "Khartoum Process", "MIDSA", "Rabat Process")
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows["Trafficking in persons"] == ("", "current", "", "current")
    assert rows["Migration data collection and management"] == ("", "current", "", "original")
    # the areas most ISCMs cover now come first, then alphabetically
    assert table.rows[0][0] == "International protection and asylum"
    assert table.rows[-1][0] == "Labour migration"


def test_thematic_matrix_is_cut_into_tables_that_fit_the_page():
    compendium = compendium_dossier()
    compendium.iscms = compendium.iscms * 5

    tables = thematic_tables(compendium)

    assert [len(table.iscms) for table in tables] == [9, 9, 2]


def test_structures_are_compared_side_by_side():
    rows = {row[0]: row for row in structure_rows(compendium_dossier())}

    assert rows["Khartoum Process"] == (
        "Khartoum Process",
        "Interregional",
        "2014",
        "A chair, A steering committee, A secretariat",
        "EC, AUC",
        "No",
        "Yes",
        "stable",
    )
    assert rows["MIDSA"][2] == "did not answer"
    assert rows["Budapest Process"][5:] == ("No", "No", "not stable")


def test_partnership_network_links_iscms_to_the_partners_they_named():
    graph = partnership_graph(compendium_dossier())

    assert graph.has_edge("rabat-process", "khartoum-process")
    assert graph.has_edge("rabat-process", "ilo")
    assert graph.nodes["ilo"] == {"kind": "igo", "label": "ILO", "short": "ILO"}
    assert graph.nodes["khartoum-process"]["short"] in ("KP", "Khartoum Process")
    assert graph.degree("midsa") == 0
    assert "other" not in graph


def test_network_is_drawn_with_its_data_table():
    html = render_compendium_html(compendium_dossier())

    assert 'id="chart-partnerships"' in html
    assert '<th scope="row">Budapest Process</th><td>Rabat Process</td><td>UNHCR</td>' in html


def test_every_summary_follows_with_the_analysts_edits():
    html = render_compendium_html(compendium_dossier())

    assert html.count('<article class="iscm-summary"') == 4
    assert "The Rabat Process works with <strong>everyone</strong>." in html
    assert 'id="rabat-process-section-partnerships" data-edited="true"' in html
    assert "The Migration Dialogue for Southern Africa did not answer the questionnaire" in html


def test_a_dossier_in_another_language_is_refused():
    compendium = compendium_dossier()
    compendium.iscms[0].language = "fr"

    with pytest.raises(ValueError, match="compendium's language"):
        render_compendium_html(compendium)


def test_french_compendium_front_matter_is_translated():
    html = render_compendium_html(compendium_dossier(language="fr", iscms=[]))

    assert "Recueil des synthèses des conclusions par MCIM" in html
    assert "Table des matières" in html
