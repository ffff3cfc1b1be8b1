"""Analyst edits: Markdown, sanitised, marked as edited; fingerprints of each section's answers."""

from __future__ import annotations

import dataclasses

from khartoum_translated import translated_khartoum_dossier

from reports import render_iscm_html
from reports.edits import EDITABLE_KEYS, render_markdown, section_fingerprints


def test_markdown_formatting_is_rendered(dossier):
    html = render_iscm_html(
        dossier,
        edits={"structures": "The **Chair** rotates.\n\n- a steering committee\n- a secretariat"},
    )

    assert "<p>The <strong>Chair</strong> rotates.</p>" in html
    assert "<ul>\n<li>a steering committee</li>\n<li>a secretariat</li>\n</ul>" in html


def test_raw_html_in_an_edit_shows_as_text():
    html = render_markdown('<img src="file:///etc/passwd"><script>alert(1)</script>')

    assert "<img" not in html
    assert "<script" not in html
    assert "&lt;script&gt;" in html


def test_dangerous_links_and_images_are_removed():
    html = render_markdown(
        "[click](javascript:alert(1)) ![x](http://127.0.0.1/x.png) [IOM](https://www.iom.int)"
    )

    assert 'href="javascript' not in html
    assert "<img" not in html
    assert '<a href="https://www.iom.int" rel="noopener noreferrer">IOM</a>' in html


def test_markdown_headings_become_sub_headings():
    assert render_markdown("# Heading\n\nText") == "<h3>Heading</h3>\n<p>Text</p>"


def test_an_edited_section_is_marked_on_screen(dossier):
    html = render_iscm_html(dossier, edits={"partnerships": "Rewritten."})

    assert '<section class="finding" id="section-partnerships" data-edited="true">' in html
    assert '<p class="edited-marker">Text edited by an analyst</p>' in html
    assert html.count("edited-marker") == 1


def test_an_edited_introduction_is_marked(dossier):
    html = render_iscm_html(dossier, edits={"introduction": "A shorter introduction."})

    assert '<section class="introduction" data-edited="true">' in html
    assert "<p>A shorter introduction.</p>" in html
    assert "a survey was conducted in 2019" not in html


def test_every_editable_section_has_a_fingerprint(dossier):
    fingerprints = section_fingerprints(dossier)

    assert set(fingerprints) == EDITABLE_KEYS
    assert all(len(value) == 64 for value in fingerprints.values())


def test_fingerprints_do_not_depend_on_the_language(dossier):
    assert section_fingerprints(dossier) == section_fingerprints(translated_khartoum_dossier("fr"))


def test_changing_an_answer_changes_only_its_sections_fingerprint(make_dossier, dossier):
    changed = make_dossier()
    changed.answers["knowledge_management"] = "an online library"

    before, after = section_fingerprints(dossier), section_fingerprints(changed)

    assert before["structures"] != after["structures"]
    assert {key for key in before if before[key] != after[key]} == {"structures"}


def test_an_other_text_counts_with_its_question(make_dossier, dossier):
    changed = make_dossier()
    changed.answers["partner_iscms_other"] = "the Budapest Process"

    assert (
        section_fingerprints(changed)["partnerships"]
        != (section_fingerprints(dossier)["partnerships"])
    )


def test_a_state_withdrawing_attribution_changes_the_membership_value_fingerprint(
    make_dossier, dossier
):
    changed = make_dossier()
    changed.state_views[1] = dataclasses.replace(
        changed.state_views[1], benefits_attributable=False
    )

    before, after = section_fingerprints(dossier), section_fingerprints(changed)

    assert before["membership_value"] != after["membership_value"]
    assert before["programming"] == after["programming"]


def test_an_igo_answer_changes_the_partnerships_fingerprint(make_dossier, dossier):
    changed = make_dossier()
    changed.igo_views[0] = dataclasses.replace(changed.igo_views[0], examples="New example.")

    assert (
        section_fingerprints(changed)["partnerships"]
        != (section_fingerprints(dossier)["partnerships"])
    )


def test_a_states_national_impact_text_counts_for_both_sections_that_cite_it(make_dossier, dossier):
    changed = make_dossier()
    changed.state_views[0] = dataclasses.replace(
        changed.state_views[0], national_impact="A new account of the impact at home."
    )

    before, after = section_fingerprints(dossier), section_fingerprints(changed)

    assert before["contribution"] != after["contribution"]
    assert before["membership_value"] != after["membership_value"]
    assert before["structures"] == after["structures"]


def test_how_many_igos_answered_counts_for_the_partnerships_fingerprint(make_dossier, dossier):
    # "All three inter-governmental organizations surveyed" becomes "Three of the ..."
    changed = make_dossier(round=dataclasses.replace(dossier.round, igos_answered=4))

    before, after = section_fingerprints(dossier), section_fingerprints(changed)

    assert before["partnerships"] != after["partnerships"]
    assert before["structures"] == after["structures"]
