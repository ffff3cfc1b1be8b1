"""Summaries in the workspace: drafts beside their answers, edits, previews, publication, the
compendium as a background job. Organisers read the published versions and the compendium."""

from __future__ import annotations

from typing import Any

from flask import (
    abort,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from reports import draft_sections, feeds
from reports.edits import section_fingerprints
from reports.limits import RenderError
from reports.narrative import DraftSentence, SentenceSource, draft_introduction
from surveyapp import jobs, operations
from surveyapp.analyst.blueprint import blueprint
from surveyapp.analyst.forms import (
    PublishForm,
    ReportJobForm,
    SummaryForm,
    passage_field_name,
    passage_translations_form,
)
from surveyapp.dossiers import (
    UnknownIscm,
    build_iscm_dossier,
    report_round,
    round_passages,
    summary_edits,
    translation_memory,
    untranslated,
)
from surveyapp.extensions import db
from surveyapp.i18n import LANGUAGES
from surveyapp.models import Organisation, PublishedSummary, ReportJob, SummaryEdit
from surveyapp.pdfs import cached_pdf, render_limits, summary_pdf
from surveyapp.questionnaire import Questionnaire
from surveyapp.questionnaire.text import clean_text, printable_text


def _language() -> str:
    """The language of the summary the page is about (``?language=``): not the interface's,
    which ``?lang=`` chooses on every page."""
    language = request.values.get("language", "en")
    return language if language in LANGUAGES else "en"


def _iscm(code: str) -> Organisation:
    iscm = db.session.scalar(select(Organisation).filter_by(code=code, kind="iscm"))
    if iscm is None:
        abort(404)
    return iscm


def _can_edit() -> bool:
    return current_user.role in ("admin", "analyst")


@blueprint.get("/summaries")
def summaries():
    """Every ISCM with its edits and published versions."""
    survey_round = report_round()
    if survey_round is None:
        abort(404)
    iscms = db.session.scalars(select(Organisation).filter_by(kind="iscm")).all()
    published = db.session.scalars(
        select(PublishedSummary)
        .filter_by(round_id=survey_round.id)
        .order_by(PublishedSummary.number.desc())
    ).all()
    by_iscm: dict[int, list[PublishedSummary]] = {}
    for version in published:
        by_iscm.setdefault(version.organisation_id, []).append(version)
    edited = _edited_sections(survey_round) if _can_edit() else {}
    to_translate = _passages_to_translate(survey_round) if _can_edit() else {}
    rows = [
        {
            "iscm": iscm,
            "published": by_iscm.get(iscm.id, []),
            # edited sections per language, for the languages that have any
            "edits": edited.get(iscm.id, {}),
            # passages quoted untranslated per language, for the languages that have any
            "to_translate": to_translate.get(iscm.code, {}),
        }
        for iscm in sorted(iscms, key=lambda o: o.short_name().casefold())
    ]
    jobs_done = db.session.scalars(
        select(ReportJob).filter_by(kind="compendium").order_by(ReportJob.id.desc()).limit(5)
    ).all()
    return render_template(
        "analyst/summaries.html",
        survey_round=survey_round,
        rows=rows,
        can_edit=_can_edit(),
        languages=LANGUAGES,
        recent_jobs=jobs_done,
    )


@blueprint.route("/summaries/<code>", methods=["GET", "POST"])
def summary(code: str):
    """The draft of each section beside the answers it came from; edit and save."""
    if not _can_edit():
        abort(403)
    iscm = _iscm(code)
    survey_round = report_round()
    language = _language()
    dossier = build_iscm_dossier(code, language=language, survey_round=survey_round)
    fingerprints = section_fingerprints(dossier)
    form = SummaryForm()
    if form.validate_on_submit():
        replaced = False
        for key, typed in form.texts().items():
            # The text rule, without losing a draft: what cannot be stored is marked "�".
            text = printable_text(typed)
            replaced = replaced or text.count("\ufffd") > typed.count("\ufffd")
            operations.save_summary_edit(
                survey_round,
                iscm,
                key,
                clean_text(text),
                fingerprints[key],
                language=language,
                actor=f"user:{current_user.email}",
            )
        db.session.commit()
        flash(_("The summary's text has been saved."))
        if replaced:
            flash(
                _(
                    "Characters that cannot be saved (control characters) were replaced by "
                    "“�”: check the text."
                )
            )
        return redirect(url_for("analyst.summary", code=code, language=language))

    edits = summary_edits(survey_round, code, language)
    # which other languages have their own text for a section (the rest print the draft)
    edited_elsewhere = {
        other: set(summary_edits(survey_round, code, other))
        for other in LANGUAGES
        if other != language
    }
    drafted = {"introduction": draft_introduction(dossier)}
    titles = {"introduction": _("Introduction")}
    for section in draft_sections(dossier):
        drafted[section.key] = section.sentences
        titles[section.key] = f"{section.number}. {section.title}"
    questionnaire = _iscm_questionnaire(survey_round)
    sections = []
    for key in operations.SUMMARY_SECTIONS:
        edit = edits.get(key)
        sections.append(
            {
                "key": key,
                "title": titles[key],
                "draft": [
                    [_drafted_sentence(said, dossier.iscm.code) for said in paragraph]
                    for paragraph in drafted[key]
                ],
                "edit": edit,
                "stale": edit is not None and edit.source_fingerprint != fingerprints[key],
                "edited_in": [lang for lang, keys in edited_elsewhere.items() if key in keys],
                "answers": _source_answers(questionnaire, dossier, key, language),
            }
        )
    versions = db.session.scalars(
        select(PublishedSummary)
        .filter_by(round_id=survey_round.id, organisation_id=iscm.id)
        .order_by(PublishedSummary.language, PublishedSummary.number.desc())
    ).all()
    passages = _passages(dossier)
    return render_template(
        "analyst/summary_edit.html",
        iscm=iscm,
        dossier=dossier,
        sections=sections,
        language=language,
        languages=LANGUAGES,
        versions=versions,
        passages=passages,
        untranslated=sum(passage["translation"] is None for passage in passages),
    )


def _passages_to_translate(survey_round) -> dict[str, dict[str, int]]:
    """How many passages each ISCM's summary quotes untranslated, per language (only the
    languages that have any), by the ISCM's code."""
    passages = round_passages(survey_round)
    memories = {language: translation_memory(language) for language in LANGUAGES}
    counts: dict[str, dict[str, int]] = {}
    for code, found in passages.items():
        for language in LANGUAGES:
            count = len(untranslated(found, memories[language], language))
            if count:
                counts.setdefault(code, {})[language] = count
    return counts


def _passages(dossier) -> list[dict[str, Any]]:
    """The passages the summary quotes in another language, each once, for the translation
    form: its text, language, translation (or None) and field name."""
    shown: dict[str, dict[str, Any]] = {}
    for passage in dossier.passages:
        shown.setdefault(
            passage.text,
            {
                "text": passage.text,
                "language": passage.language,
                "translation": passage.translation,
                "field": passage_field_name(passage.text),
            },
        )
    return list(shown.values())


@blueprint.post("/summaries/<code>/translations")
def summary_translations(code: str):
    """Keep the analyst's translations of the passages the summary quotes, for every summary
    that quotes them."""
    if not _can_edit():
        abort(403)
    _iscm(code)
    language = _language()
    dossier = build_iscm_dossier(code, language=language, survey_round=report_round())
    form = passage_translations_form([passage["text"] for passage in _passages(dossier)])
    if not form.validate_on_submit():
        abort(400)
    saved = 0
    for passage, typed in form.translations().items():
        text = clean_text(printable_text(typed))
        if operations.save_passage_translation(
            passage, language, text, actor=f"user:{current_user.email}"
        ):
            saved += 1
    db.session.commit()
    flash(
        _(
            "Translations saved: %(saved)d of %(count)d passages are translated.",
            saved=saved,
            count=len(form.passages),
        )
    )
    return redirect(
        url_for("analyst.summary", code=code, language=language, _anchor="translations")
    )


def _edited_sections(survey_round) -> dict[int, dict[str, int]]:
    """How many sections of each ISCM's summary have an analyst's text, per language (only
    the languages that have any), by the ISCM's id: one query for the whole page."""
    counts: dict[int, dict[str, int]] = {}
    for organisation_id, language, count in db.session.execute(
        select(SummaryEdit.organisation_id, SummaryEdit.language, func.count())
        .where(SummaryEdit.round_id == survey_round.id)
        .group_by(SummaryEdit.organisation_id, SummaryEdit.language)
    ):
        counts.setdefault(organisation_id, {})[language] = count
    return {
        iscm: {lang: by_language[lang] for lang in LANGUAGES if lang in by_language}
        for iscm, by_language in counts.items()
    }


@blueprint.get("/summaries/<code>/preview.pdf")
def summary_preview(code: str):
    """The summary as it stands (drafts and edits), from the cache when unchanged."""
    if not _can_edit():
        abort(403)
    _iscm(code)
    try:
        pdf, _key = summary_pdf(code, language=_language(), limits=render_limits())
    except UnknownIscm:
        abort(404)
    except RenderError as error:
        abort(503, _("The summary could not be rendered: %(reason)s", reason=str(error)))
    db.session.commit()
    return _pdf_response(pdf, f"{code}-{_language()}-draft.pdf")


@blueprint.post("/summaries/<code>/publish")
def summary_publish(code: str):
    """Publish the summary as it stands; the exact PDF is kept."""
    if not _can_edit():
        abort(403)
    iscm = _iscm(code)
    language = _language()
    survey_round = report_round()
    form = PublishForm()
    if not form.validate_on_submit():
        abort(400)
    dossier = build_iscm_dossier(code, language=language, survey_round=survey_round)
    left = len({passage.text for passage in dossier.untranslated_passages})
    if left and not form.confirm_untranslated.data:
        flash(
            _(
                "Not published: %(count)d passages are still quoted in the language they were "
                "written in. Translate them, or confirm that the summary is to be published "
                "with them.",
                count=left,
            )
        )
        return redirect(url_for("analyst.summary", code=code, language=language, _anchor="publish"))
    try:
        pdf, key = summary_pdf(
            code, language=language, survey_round=survey_round, limits=render_limits()
        )
    except RenderError as error:
        abort(503, _("The summary could not be rendered: %(reason)s", reason=str(error)))
    published = operations.publish_summary(
        survey_round, iscm, language, pdf, key, actor=f"user:{current_user.email}"
    )
    db.session.commit()
    flash(_("Version %(number)s has been published.", number=published.number))
    return redirect(url_for("analyst.summary", code=code, language=language))


@blueprint.get("/summaries/<code>/published/<language>/<int:number>.pdf")
def published_pdf(code: str, language: str, number: int):
    """A published version, byte for byte as it was published."""
    iscm = _iscm(code)
    survey_round = report_round()
    version = db.session.scalar(
        select(PublishedSummary).filter_by(
            round_id=survey_round.id, organisation_id=iscm.id, language=language, number=number
        )
    )
    if version is None:
        abort(404)
    return _pdf_response(version.pdf, f"{code}-{language}-v{number}.pdf")


@blueprint.post("/compendium")
def compendium():
    """Start rendering the compendium in the background."""
    form = ReportJobForm()
    if not form.validate_on_submit():
        abort(400)
    job = jobs.start_compendium_job(
        _language(),
        f"user:{current_user.email}",
        illustrative=not form.leave_out_illustrative.data,
    )
    return redirect(url_for("analyst.job", job_id=job.id))


@blueprint.post("/summaries/check")
def summaries_check():
    """Start checking one ISCM's summary, or every one, as it prints, in the background."""
    if not _can_edit():
        abort(403)
    form = ReportJobForm()
    if not form.validate_on_submit():
        abort(400)
    subject = form.subject.data or None
    if subject:
        _iscm(subject)
    job = jobs.start_check_job(
        subject,
        _language(),
        f"user:{current_user.email}",
        illustrative=not form.leave_out_illustrative.data,
    )
    return redirect(url_for("analyst.job", job_id=job.id))


@blueprint.get("/jobs/<int:job_id>")
def job(job_id: int):
    """A background job's progress (the page refreshes itself until the job ends)."""
    report_job = db.session.get(ReportJob, job_id) or abort(404)
    subject = (
        db.session.scalar(select(Organisation).filter_by(code=report_job.subject, kind="iscm"))
        if report_job.subject
        else None
    )
    names = {
        iscm.code: iscm.short_name()
        for iscm in db.session.scalars(select(Organisation).filter_by(kind="iscm"))
    }
    return render_template("analyst/job.html", job=report_job, subject=subject, names=names)


@blueprint.get("/jobs/<int:job_id>.json")
def job_status(job_id: int):
    """A background job's progress as JSON."""
    report_job = db.session.get(ReportJob, job_id) or abort(404)
    return jsonify(
        id=report_job.id,
        status=report_job.status,
        progress=report_job.progress,
        message=report_job.message,
        pdf=(
            url_for("analyst.job_pdf", job_id=job_id)
            if report_job.status == "done" and report_job.kind == "compendium"
            else None
        ),
        findings=len(report_job.findings or []) if report_job.kind == "check" else None,
    )


@blueprint.get("/jobs/<int:job_id>/compendium.pdf")
def job_pdf(job_id: int):
    """The PDF a finished job produced."""
    report_job = db.session.get(ReportJob, job_id) or abort(404)
    if report_job.status != "done" or report_job.kind != "compendium":
        abort(404)
    pdf = cached_pdf(report_job.result_key)
    if pdf is None:
        abort(404)
    return _pdf_response(pdf, f"compendium-{report_job.language}.pdf")


def _pdf_response(pdf: bytes, filename: str):
    response = make_response(pdf)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _iscm_questionnaire(survey_round) -> Questionnaire | None:
    version = survey_round.questionnaire_for("iscm") if survey_round else None
    return version.questionnaire() if version else None


def _source_answers(
    questionnaire: Questionnaire | None, dossier, key: str, language: str
) -> list[tuple[str, str]]:
    """(question label, answer as text) for the answers a section is drafted from: the ISCM's
    own answers that fill the section's slots (``reports/feeds.yaml``), in the questionnaire's
    order, then what States and IGOs said that the section cites."""
    rows: list[tuple[str, str]] = []
    if key == "introduction":
        rounds = dossier.round
        rows.append((_("States answered"), str(rounds.states_answered)))
        rows.append((_("ISCMs answered"), str(rounds.iscms_answered)))
        rows.append((_("IGOs answered"), str(rounds.igos_answered)))
        return rows
    if questionnaire is not None:
        drafted_from = feeds.contract().section_keys(key)
        for question in questionnaire.questions():
            if question.key not in drafted_from or question.key not in dossier.answers:
                continue
            rows.append(
                (
                    question.label.get_text(language),
                    _answer_text(dossier, question.key, dossier.answers[question.key]),
                )
            )
    if key in ("membership_value", "contribution"):
        for view in dossier.state_views:
            parts = [", ".join(view.value_areas)] if view.value_areas else []
            text = view.benefits if key == "membership_value" else view.national_impact
            if text:
                parts.append(
                    text if _attributable(view, key) else f"{text} ({_('not for attribution')})"
                )
            if parts:
                rows.append((view.state.name, " · ".join(parts)))
    if key == "partnerships":
        for view in dossier.igo_views:
            parts = [", ".join(view.roles)] if view.roles else []
            parts += [t for t in (view.cooperation, view.examples) if t]
            if parts:
                rows.append((view.igo.name, " · ".join(parts)))
    return rows


def _drafted_sentence(said: DraftSentence, iscm_code: str) -> dict[str, Any]:
    """A drafted sentence as the edit page shows it: its text and where it comes from, as
    (who, [questions]) in the order the sources come, and as one line for its tooltip."""
    sources: dict[str, list[str]] = {}
    for source in said.sources:
        who, question = _source_shown(source, iscm_code)
        sources.setdefault(who, [])
        if question:
            sources[who].append(question)
    return {
        "text": said.text,
        "sources": list(sources.items()),
        "title": "; ".join(
            f"{who}, {', '.join(questions)}" if questions else who
            for who, questions in sources.items()
        ),
    }


def _source_shown(source: SentenceSource, iscm_code: str) -> tuple[str, str]:
    """("from Egypt", "benefits"): whose answer, and to which question (with the item of a
    repeated answer when it is not the ISCM itself)."""
    if source.respondent_type == "round":
        who = _("from the round %(name)s", name=source.name)
    elif source.answered:
        who = _("from %(name)s", name=source.name)
    else:
        who = _("no answer from %(name)s", name=source.name)
    question = source.question.rpartition(".")[2]
    if question and source.item and source.item != iscm_code:
        question = f"{question} ({source.item})"
    return who, question


def _attributable(view, key: str) -> bool:
    if key == "membership_value":
        return view.benefits_attributable
    return view.national_impact_attributable


def _answer_text(dossier, key: str, value: Any) -> str:
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return "; ".join(
                " – ".join(str(v) for v in row.values() if v not in (None, "")) for row in value
            )
        return ", ".join(dossier.label(key, str(code)) for code in value)
    if isinstance(value, str) and key in dossier.labels:
        return dossier.label(key, value)
    return str(value)
