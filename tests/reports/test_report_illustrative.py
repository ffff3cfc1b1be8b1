"""Illustrative (demo) answers: labelled wherever a summary or the compendium shows them, or left
out; a report without any shows no label."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from compendium_fixture import PARTICIPATION, budapest_dossier, compendium_dossier
from khartoum import khartoum_dossier
from khartoum_translated import translated_khartoum_dossier
from rendered import khartoum_pdf

from reports import (
    CompendiumDossier,
    IscmDossier,
    OrganisationName,
    ParticipationCount,
    Source,
    StateView,
    cache_key,
    compendium_cache_key,
    render_compendium_html,
    render_compendium_pdf,
    render_iscm_html,
    render_iscm_pdf,
)
from reports.compendium import partnership_graph, thematic_tables
from reports.illustrative import (
    compendium_has_illustrative,
    compendium_without_illustrative,
    without_illustrative,
)
from tests.pages import pdf_text

MARKER = "◆"
LEGEND = {
    "en": "Illustrative data (demo): not from a real response",
    "fr": "Données illustratives (démo) : elles ne proviennent d'aucune réponse réelle",
}
#: a State that answered with illustrative answers, named nowhere else in the Khartoum summary
GHANA = OrganisationName("GHA", "Ghana", "Ghana", "Ghana")
GHANA_BENEFITS = "[Illustrative] the exchanges with neighbouring States at its meetings"


def with_illustrative_state(dossier: IscmDossier) -> IscmDossier:
    """``dossier`` with Ghana's illustrative view and source, in a round where most answers are
    illustrative."""
    ethiopia = dossier.state_views[1]
    ghana = StateView(
        state=GHANA,
        role=ethiopia.role,
        value_areas=ethiopia.value_areas,
        value_area_codes=ethiopia.value_area_codes,
        benefits=GHANA_BENEFITS,
        language=ethiopia.language,
        illustrative=True,
    )
    return dataclasses.replace(
        dossier,
        organisations={**dossier.organisations, "GHA": GHANA},
        state_views=[*dossier.state_views, ghana],
        sources=[*dossier.sources, Source(GHANA, "state", dt.date(2019, 5, 2), "2019.1", True)],
        round=dataclasses.replace(dossier.round, illustrative_states=43, illustrative_iscms=21),
    )


def illustrative_compendium(language: str = "en") -> CompendiumDossier:
    """The compendium fixture where the Budapest Process answered with illustrative answers."""
    compendium = compendium_dossier()
    budapest = budapest_dossier()
    budapest = dataclasses.replace(
        budapest,
        answers_illustrative=True,
        sources=[Source(budapest.organisations["budapest-process"], "iscm", None, "2019.1", True)],
    )
    participation = [
        dataclasses.replace(count, illustrative=count.answered // 2) for count in PARTICIPATION
    ]
    iscms = [budapest if d.iscm.code == "budapest-process" else d for d in compendium.iscms]
    if language != "en":
        iscms = [dataclasses.replace(d, language=language) for d in iscms]
    return dataclasses.replace(
        compendium, language=language, iscms=iscms, participation=participation
    )


@pytest.fixture(scope="module", params=["en", "fr"])
def labelled_summary(request) -> tuple[str, str]:
    """(language, text) of the Khartoum summary with Ghana's illustrative answers."""
    language = request.param
    dossier = with_illustrative_state(translated_khartoum_dossier(language))
    return language, pdf_text(render_iscm_pdf(dossier))


@pytest.fixture(scope="module", params=["en", "fr"])
def labelled_compendium(request) -> tuple[str, str]:
    """(language, text) of the compendium where the Budapest Process's answers are
    illustrative."""
    language = request.param
    return language, pdf_text(render_compendium_pdf(illustrative_compendium(language)))


# -- the summary ----------------------------------------------------------------------------------


def test_summary_says_it_draws_on_illustrative_answers(labelled_summary):
    language, text = labelled_summary
    assert f"{MARKER} {LEGEND[language]}." in text
    note = {
        "en": "This summary draws on illustrative answers",
        "fr": "Cette synthèse s'appuie sur des réponses illustratives",
    }
    assert note[language] in text


def test_summary_marks_the_illustrative_respondent_in_its_tables(labelled_summary):
    _language, text = labelled_summary
    # in the table of respondents and in the table of sources
    assert text.count(f"Ghana {MARKER}") == 2


def test_summary_chart_drawn_from_illustrative_answers_is_marked(labelled_summary):
    language, text = labelled_summary
    title = {"en": "Value of membership", "fr": "Valeur de l'appartenance"}[language]
    assert f"{MARKER} {LEGEND[language]}" in text.split(title, 1)[1]


def test_summary_says_how_many_of_the_participation_figures_are_illustrative(labelled_summary):
    language, text = labelled_summary
    counted = {
        "en": "The participation figures above count 64 illustrative responses.",
        "fr": "Les chiffres de participation ci-dessus comptent 64 réponses illustratives.",
    }
    assert counted[language] in text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_summary_without_illustrative_data_shows_no_label(language):
    text = pdf_text(khartoum_pdf(language))

    assert MARKER not in text
    assert LEGEND[language] not in text


def test_summary_built_without_illustrative_answers_shows_none_of_them():
    dossier = without_illustrative(with_illustrative_state(khartoum_dossier()))

    text = pdf_text(render_iscm_pdf(dossier))

    assert "Ghana" not in text and "[Illustrative]" not in text
    assert MARKER not in text and LEGEND["en"] not in text
    assert "64 illustrative (demo) responses are left out of this report." in text
    assert "3 States and 1 ISCM and 3 inter-governmental organizations" in text


def test_an_iscm_whose_own_answers_are_illustrative_marks_its_charts_and_meetings():
    html = render_iscm_html(khartoum_dossier(answers_illustrative=True))

    for chart in ("thematic_areas", "meetings"):
        figure = html.split(f'id="chart-{chart}"', 1)[1].split("</figure>", 1)[0]
        assert MARKER in figure.split("</figcaption>", 1)[0]
        assert LEGEND["en"] in figure
    # the real States' value chart is not marked
    figure = html.split('id="chart-membership_value"', 1)[1].split("</figure>", 1)[0]
    assert MARKER not in figure
    meetings = html.split("<h3>Meetings held", 1)[1].split("</h3>", 1)[0]
    assert MARKER in meetings


# -- leaving illustrative answers out ----------------------------------------------------------


def test_without_illustrative_keeps_only_real_answers():
    dossier = without_illustrative(with_illustrative_state(khartoum_dossier()))

    assert not dossier.has_illustrative
    assert [view.state.code for view in dossier.state_views] == ["EGY", "ETH", "NLD"]
    assert dossier.round.states_answered == 3 and dossier.round.iscms_answered == 1
    assert dossier.round.illustrative_left_out == 64
    assert without_illustrative(dossier) == dossier


def test_an_iscm_whose_own_answers_are_illustrative_did_not_answer_without_them():
    dossier = without_illustrative(khartoum_dossier(answers_illustrative=True))

    assert not dossier.has_own_answers and dossier.meetings == []


def test_the_cache_key_says_whether_illustrative_answers_are_left_out():
    # with nothing illustrative to leave out, the key still differs: it includes the switch
    plain = khartoum_dossier()
    assert cache_key(plain) != cache_key(without_illustrative(plain))
    compendium = compendium_dossier()
    left_out = compendium_without_illustrative(compendium)
    assert compendium_cache_key(compendium) != compendium_cache_key(left_out)


# -- the compendium -------------------------------------------------------------------------------


def test_compendium_cover_says_how_many_responses_are_illustrative(labelled_compendium):
    language, text = labelled_compendium
    cover = {
        "en": "34 of the 71 responses this compendium draws on are illustrative",
        "fr": "34 des 71 réponses sur lesquelles s'appuie ce recueil sont illustratives",
    }
    assert f"{MARKER} {LEGEND[language]}." in text
    assert cover[language] in text.split(LEGEND[language], 1)[1][:400]


def test_compendium_participation_figures_count_the_illustrative_answers(labelled_compendium):
    language, text = labelled_compendium
    column = {"en": "Of which illustrative", "fr": "Dont illustratives"}[language]
    assert f"{column} {MARKER}" in text


def test_compendium_matrix_structures_and_network_mark_the_illustrative_iscm(labelled_compendium):
    _language, text = labelled_compendium
    # the thematic matrix's column, the structures' row and the network's table
    assert text.count(f"Budapest Process {MARKER}") >= 3


def test_compendium_marks_the_illustrative_iscm_in_every_comparison():
    compendium = illustrative_compendium()
    (table,) = thematic_tables(compendium)
    assert table.illustrative == (True, False, False, False)
    graph = partnership_graph(compendium)
    assert graph.edges["budapest-process", "unhcr"]["illustrative"]
    # the Rabat Process named the Budapest Process too: the link is not only illustrative
    assert not graph.edges["budapest-process", "rabat-process"]["illustrative"]

    html = render_compendium_html(compendium)

    network = html.split('id="chart-partnerships"', 1)[1].split("</figure>", 1)[0]
    assert LEGEND["en"] in network


def test_compendium_without_illustrative_data_shows_no_label():
    compendium = compendium_dossier()
    assert not compendium_has_illustrative(compendium)

    html = render_compendium_html(compendium)

    assert MARKER not in html and LEGEND["en"] not in html


def test_compendium_built_without_illustrative_answers_shows_none_of_them():
    compendium = compendium_without_illustrative(illustrative_compendium())

    text = pdf_text(render_compendium_pdf(compendium))

    assert MARKER not in text and LEGEND["en"] not in text
    assert "34 illustrative (demo) responses are left out of this report." in text
    assert "The Budapest Process did not answer the questionnaire" in text
    assert "Budapest Process Declaration" not in text


def test_participation_without_illustrative_answers_counts_the_real_respondents_only():
    compendium = compendium_dossier(
        participation=[
            ParticipationCount("state", "Africa", 20, 40, illustrative=17),
            ParticipationCount("state", "Americas", 9, 9, illustrative=9),
            ParticipationCount("igo", "", 3, 10),
        ]
    )

    left_out = compendium_without_illustrative(compendium)

    assert left_out.participation == [
        ParticipationCount("state", "Africa", 3, 23),
        ParticipationCount("igo", "", 3, 10),
    ]
    assert left_out.round.illustrative_left_out == 26
