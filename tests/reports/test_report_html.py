"""The HTML summary: the seed's title block, escaped answers, analyst edits, charts, annex."""

from __future__ import annotations

import dataclasses

import pytest

from reports import render_iscm_html
from reports.html import environment


def test_title_block_and_iscm_name_follow_the_seed(dossier):
    html = render_iscm_html(dossier)

    for line in (
        "International Organization for Migration (IOM)",
        "International Partnerships Division (IPD)",
        "Assessment of Inter-State Consultation Mechanisms on Migration",
        '<h1 class="cover-title">Summary of Findings per ISCM</h1>',
        "Name of the Inter-state consultation mechanism (ISCM): <b><i>EU-Horn of Africa "
        "Migration Route Initiative (Khartoum Process)</i></b>",
    ):
        assert line in html


def test_sections_are_numbered_headings(dossier):
    html = render_iscm_html(dossier)

    assert (
        '<h2><span class="number">1.</span> Evolution of programming and thematic focus</h2>'
        in (html)
    )
    assert '<h2><span class="number">3.</span> Salient ISCM structures</h2>' in html


def test_environment_autoescapes():
    assert environment.autoescape("iscm.html") is True


def test_answers_are_escaped(make_dossier):
    dossier = make_dossier()
    dossier.answers["partnership_notes"] = "<script>alert('x')</script> & friends"

    html = render_iscm_html(dossier)

    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; friends." in html


def test_names_from_the_registry_are_escaped(make_dossier, dossier):
    iscm = dataclasses.replace(dossier.iscm, name='Process "<img src=x onerror=alert(1)>"')

    html = render_iscm_html(make_dossier(iscm=iscm))

    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_language_and_direction_are_set_on_html(make_dossier):
    assert '<html lang="en" dir="ltr">' in render_iscm_html(make_dossier())
    assert '<html lang="ar" dir="rtl">' in render_iscm_html(make_dossier(language="ar"))


def test_an_edit_replaces_the_drafted_section(dossier):
    html = render_iscm_html(
        dossier, edits={"structures": "First paragraph\nstill first.\n\nSecond <b>one</b>."}
    )

    assert '<section class="finding" id="section-structures" data-edited="true">' in html
    assert "<p>First paragraph still first.</p>" in html
    assert "<p>Second &lt;b&gt;one&lt;/b&gt;.</p>" in html
    assert "a political and technical secretariat" not in html
    assert "does not have a formalized strategy" in html


def test_a_blank_edit_keeps_the_draft(dossier):
    html = render_iscm_html(dossier, edits={"structures": "  \n "})

    assert "a political and technical secretariat" in html
    assert 'data-edited="true"' not in html


def test_an_edit_of_an_unknown_section_is_refused(dossier):
    with pytest.raises(ValueError, match="no such section"):
        render_iscm_html(dossier, edits={"conclusions": "Text"})


def test_charts_stand_with_a_table_of_their_numbers(dossier):
    html = render_iscm_html(dossier)

    assert '<div class="chart-table-only" id="chart-thematic_areas">' in html
    assert "<caption>Thematic areas: originating mandate and areas addressed today" in html
    assert "Chart of the thematic areas" not in html
    assert '<th scope="row">Capacity-building</th><td>2</td>' in html
    assert html.index('id="chart-thematic_areas"') < html.index('id="section-contribution"')


def test_annex_lists_meetings_respondents_and_sources(dossier):
    html = render_iscm_html(dossier)
    annex = html[html.index('<section class="annex">') :]

    assert "18-19 Sept. 2018" in annex
    assert "Thematic Meeting on Data Collection and Management" in annex
    assert '<th scope="row">Netherlands</th><td>State</td><td>Steering committee</td>' in annex
    assert "Office of the United Nations High Commissioner for Refugees (UNHCR)" in annex
    assert "Survey round: Assessment of ISCMs 2019. Summary generated on" in annex


def test_running_header_and_page_words_come_from_the_document(dossier):
    html = render_iscm_html(dossier)

    assert (
        '<body data-running-title="EU-Horn of Africa Migration Route Initiative (Khartoum '
        'Process)" data-page="Page" data-page-of="of">'
    ) in html
    assert '<link rel="stylesheet" href="styles/summary.css">' in html


def test_arabic_paragraph_in_an_english_summary_reads_right_to_left(dossier):
    html = render_iscm_html(dossier, edits={"structures": "للعملية رئيس ولجنة توجيهية وأمانة."})

    assert '<p dir="rtl">للعملية رئيس ولجنة توجيهية وأمانة.</p>' in html
    assert '<html lang="en" dir="ltr">' in html
