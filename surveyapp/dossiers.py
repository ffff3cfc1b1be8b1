"""The adapter between the database and ``reports``: it builds plain dossiers.

A dossier is everything a report may say, read from the submitted answers of a round, as plain
data that crosses process boundaries as it is. Nothing here renders: :mod:`surveyapp.pdfs` turns
dossiers into PDFs, and the workspace shows the drafts ``reports`` writes from them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from reports import feeds
from reports.dossier import (
    CompendiumDossier,
    IgoView,
    IscmDossier,
    IscmInfo,
    Meeting,
    OrganisationName,
    ParticipationCount,
    RoundInfo,
    Source,
    StateView,
)
from reports.passages import Passage, translate_dossier, translate_round
from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import (
    Answer,
    AuditEvent,
    Organisation,
    PassageTranslation,
    Response,
    SummaryEdit,
    SurveyRound,
)
from surveyapp.questionnaire import (
    Problem,
    Question,
    Questionnaire,
    QuestionnaireError,
    load_questionnaire,
)
from surveyapp.registry import city_name, region_name


class UnknownIscm(LookupError):
    """No ISCM has the code asked for."""


def report_round() -> SurveyRound | None:
    """The round reports are about: the open one, else the newest."""
    return operations.current_round() or db.session.scalar(
        select(SurveyRound).order_by(SurveyRound.id.desc()).limit(1)
    )


def organisation_name(organisation: Organisation, language: str) -> OrganisationName:
    """How ``organisation`` is named in prose in ``language``."""
    name = organisation.name(language)
    short = organisation.short_name(language)
    in_sentence = (organisation.in_sentence or {}).get(language) or short
    return OrganisationName(organisation.code, name, short, in_sentence)


def build_iscm_dossier(
    code: str, *, language: str = "en", survey_round: SurveyRound | None = None
) -> IscmDossier:
    """Everything the summary of ISCM ``code`` may say, from the submitted answers of a round.

    Only submitted responses count: a summary never quotes an answer still being written.
    """
    iscm = db.session.scalar(select(Organisation).filter_by(code=code, kind="iscm"))
    if iscm is None:
        raise UnknownIscm(f"No ISCM has the code {code!r}.")
    survey_round = survey_round or report_round()
    if survey_round is None:
        raise UnknownIscm("There is no survey round yet: run `surveyapp init`.")

    submitted = db.session.scalars(
        select(Response)
        .where(Response.round_id == survey_round.id, Response.status == "submitted")
        .join(Response.organisation)
        # the organisations come with their responses: one statement, not one per response
        .options(contains_eager(Response.organisation))
    ).all()
    counts = {"state": 0, "iscm": 0, "igo": 0}
    illustrative = {"state": 0, "iscm": 0, "igo": 0}
    for response in submitted:
        counts[response.organisation.kind] += 1
        illustrative[response.organisation.kind] += response.illustrative

    names = {
        o.code: organisation_name(o, language) for o in db.session.scalars(select(Organisation))
    }
    own = next((r for r in submitted if r.organisation_id == iscm.id), None)
    answers: dict[str, Any] = {}
    answer_language: str | None = None
    labels: dict[str, dict[str, str]] = {}
    sources: list[Source] = []
    if own is not None:
        questionnaire = own.questionnaire_version.questionnaire()
        answers = own.visible_answers(questionnaire)
        answer_language = own.language
        labels = _choice_labels(questionnaire, language)
        sources.append(_source(own, names))
    else:
        version = survey_round.questionnaire_for("iscm")
        if version is not None:
            labels = _choice_labels(version.questionnaire(), language)

    state_views, state_sources = _state_views(survey_round, code, names, language)
    igo_views, igo_sources = _igo_views(survey_round, code, names, language)
    dossier = IscmDossier(
        language=language,
        round=RoundInfo(
            name=survey_round.name,
            year=survey_round.year,
            states_answered=counts["state"],
            iscms_answered=counts["iscm"],
            igos_answered=counts["igo"],
            illustrative_states=illustrative["state"],
            illustrative_iscms=illustrative["iscm"],
            illustrative_igos=illustrative["igo"],
        ),
        iscm=IscmInfo(
            code=iscm.code,
            name=iscm.name(language),
            acronym=iscm.acronym,
            kind=iscm.iscm_kind or "",
            region=iscm.region,
            secretariat=iscm.secretariat or "",
            in_sentence=names[iscm.code].in_sentence,
        ),
        answers=answers,
        labels=labels,
        organisations=names,
        state_views=state_views,
        igo_views=igo_views,
        meetings=_meetings(answers, labels, names, language),
        sources=sources + state_sources + igo_sources,
        answer_language=answer_language,
        answers_illustrative=own is not None and own.illustrative,
    )
    return translate_dossier(dossier, translation_memory(language))


def translation_memory(language: str) -> dict[str, str]:
    """The analysts' translations of quoted passages into ``language``, by passage text."""
    rows = db.session.execute(
        select(PassageTranslation.source_text, PassageTranslation.text).filter_by(language=language)
    )
    return {source: text for source, text in rows}


def untranslated(passages: Iterable[Passage], memory: dict[str, str], language: str) -> list[str]:
    """The texts among ``passages`` that a summary in ``language`` quotes untranslated: written
    in another language, with no translation in ``memory``."""
    return list(
        dict.fromkeys(
            passage.text
            for passage in passages
            if passage.language != language and passage.text not in memory
        )
    )


def contract_problems(paths: Iterable[Path], choice_source: Any = None) -> list[Problem]:
    """Where the questionnaire files at ``paths`` (files or folders of ``*.yaml``) fail to give
    the reports what they read (``reports/feeds.yaml``): one problem per slot whose question is
    missing, renamed or of the wrong shape.

    A file that does not load is left to the questionnaire's own validation.
    """
    files = [f for p in paths for f in ([p] if p.is_file() else sorted(p.glob("*.yaml")))]
    problems: list[Problem] = []
    for file in files:
        try:
            questionnaire = load_questionnaire(file, choice_source)
        except QuestionnaireError:
            continue
        found = feeds.check_questionnaire(
            questionnaire.respondent_type, question_shapes(questionnaire)
        )
        problems.extend(Problem(str(file), p.line, p.key, p.message) for p in found)
    return problems


def question_shapes(questionnaire: Questionnaire) -> dict[str, feeds.QuestionShape]:
    """Every question of ``questionnaire`` by key path (``parent.child`` for children), as the
    contract checks it: type, choice codes and line."""
    shapes: dict[str, feeds.QuestionShape] = {}

    def collect(question: Question, prefix: str) -> None:
        path = prefix + question.key
        shapes[path] = feeds.QuestionShape(
            question.type, tuple(question.choice_codes), question.line or None
        )
        for child in question.questions:
            collect(child, path + ".")

    for question in questionnaire.questions():
        collect(question, "")
    return shapes


def _choice_labels(questionnaire: Questionnaire, language: str) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}

    def collect(question: Question) -> None:
        if question.choices:
            labels[question.key] = {c.code: c.label.get_text(language) for c in question.choices}
        for child in question.questions:
            collect(child)

    for question in questionnaire.questions():
        collect(question)
    return labels


def _per_item_answers(survey_round: SurveyRound, kind: str, block: str, code: str):
    """Submitted ``block`` answers about item ``code`` from organisations of ``kind``.

    One indexed query on (question_key, item_code): no response is loaded whole.
    """
    rows = db.session.execute(
        select(Answer, Response)
        .join(Response, Answer.response_id == Response.id)
        .join(Organisation, Response.organisation_id == Organisation.id)
        .where(
            Answer.question_key == block,
            Answer.item_code == code,
            Response.round_id == survey_round.id,
            Response.status == "submitted",
            Organisation.kind == kind,
        )
        .order_by(Organisation.code)
    ).all()
    return [(answer.value or {}, response) for answer, response in rows]


#: the slot of each respondent type's answer naming the ISCMs it takes part in
PARTICIPATION_SLOTS = {"state": "participation.state_iscms", "igo": "participation.igo_iscms"}


def _chose(survey_round: SurveyRound, kind: str, code: str) -> list[Response]:
    """Submitted responses of ``kind`` whose list of ISCMs taken part in names ``code``."""
    rows = db.session.execute(
        select(Answer.value, Response)
        .join(Response, Answer.response_id == Response.id)
        .join(Organisation, Response.organisation_id == Organisation.id)
        .where(
            Answer.question_key == feeds.slot(PARTICIPATION_SLOTS[kind]).path,
            Answer.item_code == "",
            Response.round_id == survey_round.id,
            Response.status == "submitted",
            Organisation.kind == kind,
        )
    ).all()
    return [response for value, response in rows if isinstance(value, list) and code in value]


def _state_views(survey_round, code, names, language):
    block = feeds.slot("state_view.block").path
    answered = _per_item_answers(survey_round, "state", block, code)
    by_response = {response.id: (value, response) for value, response in answered}
    for response in _chose(survey_round, "state", code):
        by_response.setdefault(response.id, ({}, response))
    funding_views = feeds.slot("state_view.funding_view").codes
    views, sources = [], []
    for value, response in sorted(
        by_response.values(), key=lambda p: names[p[1].organisation.code].name
    ):
        labels = _choice_labels(response.questionnaire_version.questionnaire(), language)
        item = _Item(value, labels)
        areas = list(item.get("state_view.value_areas") or [])
        rating = item.get("state_view.value_rating")
        funding_view = item.get("state_view.funding_view")
        views.append(
            StateView(
                state=names[response.organisation.code],
                role=item.label("state_view.role"),
                value_areas=tuple(item.label("state_view.value_areas", a) or a for a in areas),
                value_area_codes=tuple(areas),
                benefits=item.get("state_view.benefits"),
                benefits_attributable=item.attributable("state_view.benefits"),
                national_impact=item.get("state_view.national_impact"),
                national_impact_attributable=item.attributable("state_view.national_impact"),
                value_rating=int(rating) if str(rating or "").isdigit() else None,
                language=response.language,
                # a State that does not know says nothing the summary could set beside the ISCM's
                funding_view=funding_view if funding_view in funding_views else None,
                illustrative=response.illustrative,
            )
        )
        sources.append(_source(response, names))
    return views, sources


class _Item:
    """One State's or IGO's answers about one ISCM (a ``per_item`` object), read by slot."""

    def __init__(self, value: dict[str, Any], labels: dict[str, dict[str, str]]) -> None:
        self.value = value
        self.labels = labels

    def get(self, slot: str) -> Any:
        """The answer filling ``slot``, or None."""
        return self.value.get(feeds.key(slot))

    def label(self, slot: str, code: Any = None) -> str | None:
        """The label of ``code`` (by default the answer itself) in the choice filling ``slot``."""
        code = self.get(slot) if code is None else code
        return self.labels.get(feeds.key(slot), {}).get(code) if code else None

    def attributable(self, slot: str) -> bool:
        """False when the respondent marked the answer filling ``slot`` "not for attribution"."""
        # the engine's companion mark of an ``attribution: true`` question (key + suffix)
        return not self.value.get(f"{feeds.key(slot)}_no_attribution")


def _igo_views(survey_round, code, names, language):
    block = feeds.slot("igo_view.block").path
    answered = _per_item_answers(survey_round, "igo", block, code)
    by_response = {response.id: (value, response) for value, response in answered}
    for response in _chose(survey_round, "igo", code):
        by_response.setdefault(response.id, ({}, response))
    views, sources = [], []
    for value, response in sorted(by_response.values(), key=lambda p: p[1].organisation.code):
        labels = _choice_labels(response.questionnaire_version.questionnaire(), language)
        item = _Item(value, labels)
        roles = list(item.get("igo_view.roles") or [])
        views.append(
            IgoView(
                igo=names[response.organisation.code],
                roles=tuple(item.label("igo_view.roles", r) or r for r in roles),
                role_codes=tuple(roles),
                cooperation=item.get("igo_view.cooperation"),
                cooperation_attributable=item.attributable("igo_view.cooperation"),
                examples=item.get("igo_view.examples"),
                examples_attributable=item.attributable("igo_view.examples"),
                language=response.language,
                illustrative=response.illustrative,
            )
        )
        sources.append(_source(response, names))
    return views, sources


def _meetings(answers, labels, names, language: str) -> list[Meeting]:
    meetings = []
    for row in answers.get(feeds.slot("annex.meetings").path) or []:
        if not isinstance(row, dict):
            continue
        meeting = _Item(row, labels)
        try:
            date = dt.date.fromisoformat(meeting.get("annex.meeting_date"))
        except (TypeError, ValueError):
            continue
        end = meeting.get("annex.meeting_end_date")
        city = meeting.get("annex.meeting_city")
        country = meeting.get("annex.meeting_country")
        level = meeting.get("annex.meeting_level")
        meetings.append(
            Meeting(
                date=date,
                title=meeting.get("annex.meeting_title") or "",
                end_date=dt.date.fromisoformat(end) if end else None,
                city=city_name(city, language) if city else None,
                country=names[country].name if country in names else country,
                level=(meeting.label("annex.meeting_level") or level) if level else None,
                level_code=level,
                host=meeting.get("annex.meeting_host"),
                chair=meeting.get("annex.meeting_chair"),
                summary=meeting.get("annex.meeting_summary"),
            )
        )
    return sorted(meetings, key=lambda m: m.date)


def _source(response: Response, names) -> Source:
    return Source(
        organisation=names[response.organisation.code],
        respondent_type=response.organisation.kind,
        submitted_on=response.submitted_at.date() if response.submitted_at else None,
        questionnaire_version=response.questionnaire_version.version,
        illustrative=response.illustrative,
    )


# -- edits and the compendium ----------------------------------------------------------------------


def summary_edits(survey_round: SurveyRound, code: str, language: str) -> dict[str, SummaryEdit]:
    """The analyst's edits of ISCM ``code``'s summary in ``survey_round`` and ``language``, by
    section key."""
    rows = db.session.scalars(
        select(SummaryEdit)
        .join(SummaryEdit.organisation)
        .where(
            SummaryEdit.round_id == survey_round.id,
            Organisation.code == code,
            SummaryEdit.language == language,
        )
    ).all()
    return {row.section_key: row for row in rows}


def summary_texts(dossier: IscmDossier, edits: dict[str, str]) -> dict[str, str]:
    """What each section of the summary says, by section key, in the order it prints: the
    analyst's text where there is one (``edits``), else the drafted one, a sentence a line and
    a blank line between paragraphs (so a comparison of two versions shows sentences)."""
    # Drafting reads Fluent's phrase files: imported here, not by every command and worker.
    from reports.narrative import draft_introduction, draft_sections

    drafted = {"introduction": draft_introduction(dossier)}
    drafted.update({section.key: section.sentences for section in draft_sections(dossier)})
    texts = {}
    for key in operations.SUMMARY_SECTIONS:
        edit = (edits.get(key) or "").strip()
        texts[key] = edit or "\n\n".join(
            "\n".join(sentence.text for sentence in paragraph) for paragraph in drafted[key]
        )
    return texts


def published_texts(
    survey_round: SurveyRound, code: str, language: str, number: int
) -> dict[str, str] | None:
    """What each section of version ``number`` of ISCM ``code``'s summary in ``language`` said
    when it was published (kept in the audit trail with the publication), or None for a version
    published before the texts were kept."""
    events = db.session.scalars(
        select(AuditEvent.new_value)
        .where(AuditEvent.action == "publish", AuditEvent.item_code == code)
        .order_by(AuditEvent.id.desc())
    )
    for value in events:
        if (
            isinstance(value, dict)
            and value.get("round") == survey_round.id
            and value.get("language") == language
            and value.get("number") == number
            and isinstance(value.get("sections"), dict)
        ):
            return value["sections"]
    return None


def texts_fingerprint(texts: dict[str, str]) -> str:
    """A SHA-256 of a summary's section texts (:func:`summary_texts`): what the analyst saw."""
    encoded = json.dumps(texts, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()


def build_compendium_dossier(
    *,
    language: str = "en",
    survey_round: SurveyRound | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CompendiumDossier:
    """Every ISCM's dossier and the round's participation, for the global gathering."""
    survey_round = survey_round or report_round()
    if survey_round is None:
        raise UnknownIscm("There is no survey round yet: run `surveyapp init`.")
    iscms = db.session.scalars(select(Organisation).filter_by(kind="iscm")).all()
    iscms = sorted(iscms, key=lambda o: o.short_name(language).casefold())
    dossiers, edits = [], {}
    for index, iscm in enumerate(iscms, start=1):
        dossiers.append(build_iscm_dossier(iscm.code, language=language, survey_round=survey_round))
        edits[iscm.code] = {
            k: e.text for k, e in summary_edits(survey_round, iscm.code, language).items()
        }
        if progress:
            progress(index, len(iscms))
    first = dossiers[0].round if dossiers else None
    round_info = first or translate_round(
        RoundInfo(survey_round.name, survey_round.year, 0, 0, 0),
        language,
        translation_memory(language),
    )
    return CompendiumDossier(
        language=language,
        round=round_info,
        participation=_participation(survey_round, language),
        iscms=dossiers,
        edits=edits,
    )


def _participation(survey_round: SurveyRound, language: str) -> list[ParticipationCount]:
    """Invited and answered (submitted) respondents by type and region, and how many of those
    answered are illustrative."""
    rows = db.session.execute(
        select(Organisation.kind, Organisation.region, Response.status, Response.illustrative)
        .join(Response, Response.organisation_id == Organisation.id)
        .where(Response.round_id == survey_round.id)
    ).all()
    counts: dict[tuple[str, str], list[int]] = {}
    for kind, region, status, illustrative in rows:
        region = region if kind == "state" else ""
        bucket = counts.setdefault((kind, region or ""), [0, 0, 0])
        bucket[1] += 1
        if status == "submitted":
            bucket[0] += 1
            bucket[2] += illustrative
    return [
        ParticipationCount(kind, region_name(region, language), answered, invited, illustrative)
        for (kind, region), (answered, invited, illustrative) in sorted(counts.items())
    ]
