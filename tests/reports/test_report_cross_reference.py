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


def test_values_the_states_confirm_and_add_are_set_beside_the_iscms(dossier):
    text = section(dossier, "membership_value")

    assert "The States that referred to the Khartoum Process confirmed capacity-building." in text
    assert (
        "They also cited developing partnerships, exchange of good practices and access to "
        "projects and funding, which the Khartoum Process did not mention."
    ) in text


def test_values_no_state_confirms_are_listed(make_dossier):
    dossier = make_dossier()
    dossier.answers["member_value"] = ["trust_building", "networking"]
    dossier.state_views = [
        dataclasses.replace(
            view,
            value_area_codes=("partnerships",),
            value_areas=("Developing partnerships",),
        )
        for view in dossier.state_views
    ]

    text = section(dossier, "membership_value")

    assert (
        "None of these States, however, cited trust-building and networking, which the Khartoum "
        "Process counts among the benefits of membership."
    ) in text
    assert "They also cited developing partnerships, which the Khartoum Process did not" in text


def test_no_comparison_without_values_on_both_sides(make_dossier):
    dossier = make_dossier()
    del dossier.answers["member_value"]

    text = section(dossier, "membership_value")

    assert "confirmed" not in text
    assert "did not mention" not in text


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
