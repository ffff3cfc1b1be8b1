"""Illustrative data: answers made up to demonstrate the platform, labelled or left out.

A response flagged illustrative (the demo round's generated answers) is not from a real
respondent. The dossier says which of its parts come from such responses (``illustrative`` on
views and sources, :attr:`~reports.dossier.IscmDossier.answers_illustrative`, the illustrative
counts of :class:`~reports.dossier.RoundInfo` and :class:`~reports.dossier.ParticipationCount`),
and the summaries and the compendium mark them (the catalogues' ``illustrative_marker`` and a
legend line ``illustrative_legend``) wherever they show them.

Or they are left out: :func:`without_illustrative` and :func:`compendium_without_illustrative`
give the dossier as if the illustrative responses had not been given, and record in
``RoundInfo.illustrative_left_out`` that they were left out (so the cache key of the report
differs from the labelled one's, and the report can say how many).
"""

from __future__ import annotations

import dataclasses

from reports.dossier import CompendiumDossier, IscmDossier, ParticipationCount, RoundInfo


def without_illustrative(dossier: IscmDossier) -> IscmDossier:
    """``dossier`` without anything drawn from an illustrative response.

    The ISCM's own illustrative answers (and the meetings they list) go, so the summary says the
    ISCM did not answer; illustrative States' and IGOs' views and sources go; the round's counts
    no longer count illustrative respondents.
    """
    own = not dossier.answers_illustrative
    return dataclasses.replace(
        dossier,
        round=round_without_illustrative(dossier.round),
        answers=dossier.answers if own else {},
        answer_language=dossier.answer_language if own else None,
        answers_illustrative=False,
        meetings=list(dossier.meetings) if own else [],
        state_views=[view for view in dossier.state_views if not view.illustrative],
        igo_views=[view for view in dossier.igo_views if not view.illustrative],
        sources=[source for source in dossier.sources if not source.illustrative],
    )


def compendium_without_illustrative(compendium: CompendiumDossier) -> CompendiumDossier:
    """``compendium`` without anything drawn from an illustrative response.

    Each ISCM's dossier loses its illustrative parts (:func:`without_illustrative`); the
    participation counts lose the illustrative respondents, from those invited as well: they
    were invited only to give illustrative answers (a region left with nobody goes).
    """
    survey_round = compendium.round
    # the participation counts cover every response of the round; the round's, those the
    # dossiers were built from
    left_out = (
        sum(count.illustrative for count in compendium.participation)
        or survey_round.illustrative_answered
    )
    return dataclasses.replace(
        compendium,
        round=dataclasses.replace(
            round_without_illustrative(survey_round),
            illustrative_left_out=(survey_round.illustrative_left_out or 0) + left_out,
        ),
        participation=[
            count
            for count in map(_count_without_illustrative, compendium.participation)
            # a region only illustrative respondents were invited from is no longer in the round
            if count.answered or count.invited
        ],
        iscms=[without_illustrative(dossier) for dossier in compendium.iscms],
    )


def round_without_illustrative(survey_round: RoundInfo) -> RoundInfo:
    """``survey_round`` counting only respondents whose answers are not illustrative."""
    return dataclasses.replace(
        survey_round,
        states_answered=survey_round.states_answered - survey_round.illustrative_states,
        iscms_answered=survey_round.iscms_answered - survey_round.illustrative_iscms,
        igos_answered=survey_round.igos_answered - survey_round.illustrative_igos,
        illustrative_states=0,
        illustrative_iscms=0,
        illustrative_igos=0,
        illustrative_left_out=(survey_round.illustrative_left_out or 0)
        + survey_round.illustrative_answered,
    )


def _count_without_illustrative(count: ParticipationCount) -> ParticipationCount:
    invited = None if count.invited is None else count.invited - count.illustrative
    return dataclasses.replace(
        count, answered=count.answered - count.illustrative, invited=invited, illustrative=0
    )


def compendium_has_illustrative(compendium: CompendiumDossier) -> bool:
    """Whether the compendium shows anything drawn from an illustrative response."""
    return any(count.illustrative for count in compendium.participation) or any(
        dossier.has_illustrative for dossier in compendium.iscms
    )
