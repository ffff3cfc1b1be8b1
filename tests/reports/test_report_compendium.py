"""The compendium: cover, contents with the right page numbers, overview, comparisons, summaries."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from compendium_fixture import compendium_dossier
from khartoum import khartoum_dossier
from pypdf import PdfReader
from rendered import compendium_pdf

from reports import ParticipationCount, render_compendium_html
from reports.compendium import (
    contents,
    iscms_answered_line,
    participation_by_region,
    participation_by_type,
    partnership_graph,
    structure_rows,
    summaries_in_order,
    thematic_tables,
)


@pytest.fixture(scope="module")
def compendium_pages() -> list[str]:
    """The text of each page of the rendered compendium."""
    reader = PdfReader(io.BytesIO(compendium_pdf()))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_contents_page_numbers_point_at_the_pages_where_the_entries_begin(compendium_pages):
    toc_page = compendium_pages[1]
    assert toc_page.startswith("Contents Participation in the survey")

    for entry in contents(compendium_dossier()):
        match = re.search(re.escape(entry.title) + r"[\s.]*?(\d+)", toc_page)
        assert match, entry.title
        page = int(match.group(1))
        if entry.anchor == "iscm-midsa":
            # An ISCM that did not answer: its name and the one line saying so
            assert f"{entry.title} The Migration Dialogue" in compendium_pages[page - 1]
        elif entry.anchor.startswith("iscm-"):
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
        "Compendium of the Summaries of Findings per ISCM Migration Dialogue for Southern Africa"
    ) in compendium_pages[-1]


def test_cover_names_the_round_and_the_number_of_iscms(compendium_pages):
    cover = compendium_pages[0]

    assert "Prepared for the global gathering of ISCMs" in cover
    assert "Assessment of ISCMs 2019" in cover
    assert "22 of the 25 ISCMs invited answered the questionnaire" in cover


def test_participation_is_counted_by_type_and_region():
    compendium = compendium_dossier()

    assert participation_by_type(compendium) == [
        ("state", 46, 95),
        ("iscm", 22, 25),
        ("igo", 3, 10),
    ]
    # IGOs have no region: not a region of their own ("Region not given"), but left out
    assert participation_by_region(compendium, "Region not given") == [
        ("Africa", {"state": 20, "iscm": 9}),
        ("Asia and the Pacific", {"state": 8, "iscm": 8}),
        ("Europe", {"state": 18, "iscm": 5}),
    ]


def test_participation_overview_shows_rates_and_charts():
    html = render_compendium_html(compendium_dossier())

    assert '<th scope="row">State</th><td>46</td>\n<td>95</td><td>48 %</td>' in html
    # by type, the table is all: a chart of the same numbers would only repeat it
    assert 'id="chart-participation_by_type"' not in html
    assert 'id="chart-participation_by_region"' in html
    assert "Not shown by region: 3 inter-governmental organizations" in html


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

    assert [len(table.iscms) for table in tables] == [13, 7]


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

    assert html.count('<article class="iscm-summary') == 4
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


#: the fixture's ISCMs as the French registry names them, the code of each first
FRENCH_NAMES = {
    "budapest-process": "Processus de Budapest",
    "khartoum-process": "Initiative sur la route migratoire UE-Corne de l'Afrique",
    "midsa": "Dialogue sur les migrations pour l'Afrique australe",
    "rabat-process": "Dialogue euro-africain sur la migration et le développement",
}


def french_compendium():
    """The fixture's compendium in French, each ISCM under its French name."""
    compendium = compendium_dossier(language="fr")
    iscms = [
        dataclasses.replace(
            dossier,
            language="fr",
            iscm=dataclasses.replace(
                dossier.iscm,
                name=FRENCH_NAMES.get(dossier.iscm.code, dossier.iscm.name),
                in_sentence=FRENCH_NAMES.get(dossier.iscm.code, dossier.iscm.name),
            ),
        )
        for dossier in compendium.iscms
    ]
    return dataclasses.replace(compendium, iscms=iscms)


def iscm_entries(compendium) -> list[str]:
    return [entry.title for entry in contents(compendium) if entry.anchor.startswith("iscm-")]


def summary_anchors(html: str) -> list[str]:
    return re.findall(r'<article class="iscm-summary[^"]*" id="([^"]+)"', html)


def test_contents_list_the_summaries_by_the_name_printed():
    assert iscm_entries(compendium_dossier()) == [
        "Budapest Process",
        "EU-Horn of Africa Migration Route Initiative (Khartoum Process)",
        "Euro-African Dialogue on Migration and Development (Rabat Process)",
        "Migration Dialogue for Southern Africa (MIDSA)",
    ]


def test_french_contents_sort_by_the_french_names():
    assert iscm_entries(french_compendium()) == [
        "Dialogue euro-africain sur la migration et le développement (Rabat Process)",
        "Dialogue sur les migrations pour l'Afrique australe (MIDSA)",
        "Initiative sur la route migratoire UE-Corne de l'Afrique (Khartoum Process)",
        "Processus de Budapest (Budapest Process)",
    ]


def test_accented_names_sort_with_their_letter():
    compendium = french_compendium()
    compendium.iscms[0] = dataclasses.replace(
        compendium.iscms[0], iscm=dataclasses.replace(compendium.iscms[0].iscm, name="Étude")
    )

    assert [d.iscm.name for d in summaries_in_order(compendium)][:3] == [
        "Dialogue euro-africain sur la migration et le développement",
        "Dialogue sur les migrations pour l'Afrique australe",
        "Étude",
    ]


@pytest.mark.parametrize("make", [compendium_dossier, french_compendium])
def test_summaries_are_printed_in_the_order_of_the_contents(make):
    compendium = make()

    anchors = summary_anchors(render_compendium_html(compendium))

    assert anchors == [
        entry.anchor for entry in contents(compendium) if entry.anchor.startswith("iscm-")
    ]


def test_french_cover_says_how_many_iscms_answered_of_those_invited():
    html = render_compendium_html(french_compendium())

    assert "22 des 25 MCIM invités ont répondu au questionnaire" in html


def test_cover_says_only_how_many_answered_when_invitations_are_unknown():
    participation = [ParticipationCount("iscm", "Africa", 9), ParticipationCount("state", "", 4)]

    line = iscms_answered_line(compendium_dossier(participation=participation))

    assert line == "9 ISCMs answered the questionnaire"


def test_cover_counts_the_round_when_there_are_no_participation_counts():
    line = iscms_answered_line(compendium_dossier(participation=[], language="fr"))

    assert line == "22 MCIM ont répondu au questionnaire"


def test_one_iscm_that_answered_of_those_invited_is_singular_in_french():
    participation = [ParticipationCount("iscm", "Africa", 1, 25)]

    line = iscms_answered_line(compendium_dossier(participation=participation, language="fr"))

    assert line == "1 des 25 MCIM invités a répondu au questionnaire"


def midsa_article(html: str) -> str:
    start = html.index('id="iscm-midsa"')
    return html[start : html.index("</article>", start)]


def test_an_iscm_that_did_not_answer_gets_one_line_under_its_heading():
    article = midsa_article(render_compendium_html(compendium_dossier()))

    assert "Migration Dialogue for Southern Africa (MIDSA)</h1>" in article
    assert re.findall(r"<p[^>]*>(.*?)</p>", article) == [
        "The Migration Dialogue for Southern Africa did not answer the questionnaire for ISCMs."
    ]
    assert "<h2" not in article


def test_in_french_an_iscm_that_did_not_answer_gets_one_line():
    article = midsa_article(render_compendium_html(french_compendium()))

    lines = re.findall(r"<p[^>]*>(.*?)</p>", article)
    assert len(lines) == 1
    assert "pas répondu au questionnaire destiné aux MCIM." in lines[0]
    assert "Aucune information" not in article


def test_an_iscm_that_did_not_answer_keeps_what_states_said_of_it():
    said_of = dataclasses.replace(
        compendium_dossier().iscms[2], state_views=khartoum_dossier().state_views
    )
    compendium = compendium_dossier()
    compendium.iscms[2] = said_of

    article = midsa_article(render_compendium_html(compendium))

    assert article.count("did not answer the questionnaire for ISCMs") == 1
    assert "Ethiopia benefited from its participation" in article
    assert "No information on this topic was provided." not in article
    assert re.findall(r'<section class="finding" id="midsa-section-(\w+)"', article) == [
        "membership_value"
    ]


def test_in_french_an_iscm_that_did_not_answer_shows_only_what_others_said():
    compendium = french_compendium()
    midsa = next(d for d in compendium.iscms if d.iscm.code == "midsa")
    compendium.iscms[compendium.iscms.index(midsa)] = dataclasses.replace(
        midsa, state_views=khartoum_dossier().state_views
    )

    article = midsa_article(render_compendium_html(compendium))

    assert article.count("pas répondu au questionnaire destiné aux MCIM") == 1
    assert "Aucune information" not in article
    assert 'id="midsa-section-membership_value"' in article


def test_an_iscm_that_did_not_answer_stays_in_the_contents(compendium_pages):
    assert "Migration Dialogue for Southern Africa (MIDSA)" in compendium_pages[1]
