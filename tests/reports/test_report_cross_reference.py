"""What States say beside what the ISCM says: counts, attribution, and where they differ."""

from __future__ import annotations

import dataclasses

from reports import DraftSection, IscmDossier, draft_sections


def section(dossier: IscmDossier, key: str) -> str:
    sections: dict[str, DraftSection] = {s.key: s for s in draft_sections(dossier)}
    return " ".join(sections[key].paragraphs)


def test_no_state_referring_is_said(make_dossier):
    text = section(make_dossier(state_views=[]), "membership_value")

    assert "No Member State surveyed referred to the Khartoum Process in its answers." in text


def test_one_state_referring_is_named_in_the_singular(make_dossier, dossier):
    text = section(make_dossier(state_views=dossier.state_views[1:2]), "membership_value")

    assert (
        "One of the Member States (Ethiopia) surveyed referred to the Khartoum Process in its "
        "answers."
    ) in text


def test_many_states_referring_are_counted_in_words_and_named(dossier):
    assert (
        "Three of the Member States (Egypt, Ethiopia, the Netherlands) surveyed referred to the "
        "Khartoum Process in their answers."
    ) in section(dossier, "membership_value")


def test_one_state_refusing_attribution_is_neither_named_nor_listed(make_dossier, dossier):
    view = dataclasses.replace(dossier.state_views[1], benefits_attributable=False)

    text = section(make_dossier(state_views=[view]), "membership_value")

    assert (
        "One of the Member States surveyed referred to the Khartoum Process in its answers."
    ) in text
    assert "One Member State benefited from its participation in the Khartoum Process" in text
    assert "Ethiopia" not in text


def test_each_states_values_are_set_beside_the_iscms_by_name(dossier):
    text = section(dossier, "membership_value")

    assert (
        "Of the benefits of membership that the Khartoum Process lists, Ethiopia and the "
        "Netherlands value the process for capacity-building. Beyond that list, Egypt values the "
        "process for developing partnerships, Ethiopia for exchange of good practices and the "
        "Netherlands for access to projects and funding."
    ) in text


def test_values_all_listed_by_the_iscm_are_said_to_be_listed(make_dossier, dossier):
    egypt = dataclasses.replace(
        dossier.state_views[0],
        value_area_codes=("networking", "trust_building"),
        value_areas=("Networking", "Trust-building"),
    )
    # Egypt alone, so that its values are the first set beside the ISCM's list
    dossier = make_dossier(state_views=[egypt])

    assert (
        "Of the benefits of membership that the Khartoum Process lists, Egypt values the process "
        "for networking and trust-building."
    ) in section(dossier, "membership_value")


def test_no_sentence_speaks_for_states_that_did_not_choose_values(dossier):
    text = section(dossier, "membership_value")

    # Only Egypt, Ethiopia and the Netherlands chose values: nothing is said of "these States"
    # together, and no value is said to be cited by a State that did not choose it
    assert "None of these States" not in text
    assert "They also cited" not in text
    assert "The States that referred" not in text


def test_a_state_with_free_text_only_is_not_compared(make_dossier, dossier):
    views = [
        dataclasses.replace(view, value_area_codes=(), value_areas=())
        for view in dossier.state_views
    ]

    text = section(make_dossier(state_views=views), "membership_value")

    assert "Ethiopia benefited from its participation" in text
    assert "benefits of membership that the Khartoum Process lists" not in text
    assert "that list" not in text


def test_an_other_value_of_a_state_is_not_compared(make_dossier):
    dossier = make_dossier()
    dossier.state_views[0] = dataclasses.replace(
        dossier.state_views[0],
        value_area_codes=("networking", "other"),
        value_areas=("Networking", "Regional visibility"),
    )

    assert "Egypt values the process for networking and regional visibility." in section(
        dossier, "membership_value"
    )


def test_no_comparison_without_values_on_both_sides(make_dossier):
    dossier = make_dossier()
    del dossier.answers["member_value"]

    text = section(dossier, "membership_value")

    assert "Egypt values the process for developing partnerships." in text
    assert "benefits of membership" not in text


def test_states_that_judge_the_funding_otherwise_are_shown_beside_the_iscm(make_dossier):
    dossier = make_dossier()
    dossier.state_views[0] = dataclasses.replace(dossier.state_views[0], funding_view="stable")
    dossier.state_views[1] = dataclasses.replace(
        dossier.state_views[1], funding_view="partly_stable"
    )
    dossier.state_views[2] = dataclasses.replace(
        dossier.state_views[2], funding_view="partly_stable"
    )

    text = section(dossier, "structures")

    assert (
        "The funding sources of the Khartoum Process are stable. Egypt also described the "
        "funding of the Khartoum Process as stable. However, Ethiopia and the Netherlands "
        "described the funding of the Khartoum Process as partly stable."
    ) in text


def test_a_funding_view_not_for_attribution_is_counted_not_named(make_dossier):
    dossier = make_dossier()
    dossier.state_views[1] = dataclasses.replace(
        dossier.state_views[1], funding_view="unstable", funding_view_attributable=False
    )

    text = section(dossier, "structures")

    assert (
        "However, one Member State described the funding of the Khartoum Process as not stable."
    ) in text
    assert "Ethiopia" not in text


def test_states_funding_views_stand_alone_when_the_iscm_did_not_say(make_dossier):
    dossier = make_dossier()
    del dossier.answers["funding_stability"]
    dossier.state_views[2] = dataclasses.replace(dossier.state_views[2], funding_view="unstable")

    assert "The Netherlands described the funding of the Khartoum Process as not stable." in (
        section(dossier, "structures")
    )
