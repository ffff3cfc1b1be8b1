"""Summaries in the workspace: drafts beside their answers, edits, previews, publication, the
compendium as a background job. Organisers read the published versions and the compendium."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

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
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from reports import feeds
from reports.limits import RenderError
from surveyapp import jobs, operations
from surveyapp.analyst import board
from surveyapp.analyst.blueprint import blueprint
from surveyapp.analyst.forms import (
    PublishForm,
    PublishSelectionForm,
    ReportJobForm,
    SummariesJobForm,
    SummaryForm,
    passage_field_name,
    passage_translations_form,
)
from surveyapp.dossiers import (
    UnknownIscm,
    build_iscm_dossier,
    published_texts,
    report_round,
    summary_edits,
    summary_texts,
    texts_fingerprint,
)
from surveyapp.extensions import db
from surveyapp.i18n import LANGUAGES
from surveyapp.models import Organisation, PublishedSummary, ReportJob
from surveyapp.operations.summaries import SUMMARY_JOB_KINDS
from surveyapp.pdfs import cached_pdf, render_limits, summary_inputs, summary_pdf
from surveyapp.questionnaire import Questionnaire
from surveyapp.questionnaire.text import clean_text, printable_text

if TYPE_CHECKING:
    from reports.narrative import DraftSentence, SentenceSource


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
    """The summaries board: every ISCM with its responses and, per language, where its summary
    stands; sorted and filtered by status; summaries chosen are rendered, checked or published
    as one background job."""
    survey_round = report_round()
    if survey_round is None:
        abort(404)
    names_in = _interface_language()
    status = request.args.get("status") if request.args.get("status") in board.STATUSES else ""
    status_language = request.args.get("status_language")
    status_language = status_language if status_language in LANGUAGES else ""
    sort = request.args.get("sort") if request.args.get("sort") in board.SORT_KEYS else "name"
    descending = request.args.get("dir") == "desc"
    every_row = board.summary_board(survey_round, names_in)
    rows = board.filter_and_sort(
        every_row,
        status=status or None,
        language=status_language or None,
        sort=sort,
        descending=descending,
        name_language=names_in,
    )
    jobs_done = db.session.scalars(
        select(ReportJob).filter_by(kind="compendium").order_by(ReportJob.id.desc()).limit(5)
    ).all()
    board_jobs = (
        db.session.scalars(
            select(ReportJob)
            .where(ReportJob.kind.in_(SUMMARY_JOB_KINDS))
            .order_by(ReportJob.id.desc())
            .limit(5)
        ).all()
        if _can_edit()
        else []
    )
    return render_template(
        "analyst/summaries.html",
        board_jobs=board_jobs,
        survey_round=survey_round,
        rows=rows,
        total=len(every_row),
        can_edit=_can_edit(),
        languages=LANGUAGES,
        statuses=board.STATUSES,
        status=status,
        status_language=status_language,
        sort=sort,
        descending=descending,
        names_in=names_in,
        recent_jobs=jobs_done,
    )


def _interface_language() -> str:
    locale = str(get_locale() or "en")
    return locale if locale in LANGUAGES else "en"


@blueprint.post("/summaries/jobs")
def summaries_job():
    """Render, check or publish the summaries chosen on the board: rendering and checking
    start a background job; publishing first shows what changed, to be confirmed."""
    if not _can_edit():
        abort(403)
    form = SummariesJobForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(error)
        return redirect(url_for("analyst.summaries"))
    codes = form.selected()
    _known_iscms(codes)
    if form.action.data == "publish":
        return redirect(
            url_for("analyst.summaries_publish", language=form.language.data, iscm=codes)
        )
    job = jobs.start_summaries_job(
        form.action.data,
        codes,
        form.language.data,
        f"user:{current_user.email}",
        illustrative=not form.leave_out_illustrative.data,
    )
    return redirect(url_for("analyst.job", job_id=job.id))


def _known_iscms(codes: list[str]) -> list[Organisation]:
    """The ISCMs of ``codes``, in that order; 404 when one is unknown."""
    found = {
        iscm.code: iscm
        for iscm in db.session.scalars(
            select(Organisation).where(Organisation.kind == "iscm", Organisation.code.in_(codes))
        )
    }
    if len(found) != len(set(codes)):
        abort(404)
    return [found[code] for code in codes]


@blueprint.get("/summaries/publish")
def summaries_publish():
    """What publishing the chosen summaries would change: each summary's sections set against
    its last published version, to be confirmed."""
    if not _can_edit():
        abort(403)
    codes = list(dict.fromkeys(code for code in request.args.getlist("iscm") if code))
    if not codes:
        flash(_("Choose at least one ISCM."))
        return redirect(url_for("analyst.summaries"))
    language = _language()
    survey_round = report_round()
    summaries_shown = []
    for iscm in _known_iscms(codes):
        dossier, edits = summary_inputs(iscm.code, language=language, survey_round=survey_round)
        texts = summary_texts(dossier, edits)
        latest = db.session.execute(
            select(PublishedSummary.number, PublishedSummary.published_at)
            .filter_by(round_id=survey_round.id, organisation_id=iscm.id, language=language)
            .order_by(PublishedSummary.number.desc())
            .limit(1)
        ).first()
        before = (
            published_texts(survey_round, iscm.code, language, latest.number) if latest else None
        )
        summaries_shown.append(
            {
                "iscm": iscm,
                "latest": latest,
                "kept": before is not None,
                "changes": _changes(before or {}, texts, _section_titles(dossier))
                if before is not None
                else [],
                "untranslated": len({p.text for p in dossier.untranslated_passages}),
                "fingerprint": texts_fingerprint(texts),
            }
        )
    return render_template(
        "analyst/summaries_publish.html",
        summaries=summaries_shown,
        language=language,
        untranslated=sum(shown["untranslated"] for shown in summaries_shown),
    )


@blueprint.post("/summaries/publish")
def summaries_publish_confirmed():
    """Publish the summaries whose changes the analyst confirmed, as one background job."""
    if not _can_edit():
        abort(403)
    form = PublishSelectionForm()
    if not form.validate_on_submit():
        abort(400)
    _known_iscms(form.iscm.data)
    job = jobs.start_summaries_job(
        "publish",
        form.iscm.data,
        form.language.data,
        f"user:{current_user.email}",
        confirmed=form.confirmed(),
        with_untranslated=form.confirm_untranslated.data,
    )
    return redirect(url_for("analyst.job", job_id=job.id))


def _section_titles(dossier) -> dict[str, str]:
    from reports import draft_sections

    titles = {"introduction": _("Introduction")}
    for section in draft_sections(dossier):
        titles[section.key] = f"{section.number}. {section.title}"
    return titles


def _changes(
    before: dict[str, str], after: dict[str, str], titles: dict[str, str]
) -> list[dict[str, Any]]:
    """The sections whose text changed between two versions, each with its changed lines as
    (``added`` | ``removed`` | ``same`` | ``gap``, text), a line of context around them."""
    changed = []
    for key in operations.SUMMARY_SECTIONS:
        old, new = before.get(key, ""), after.get(key, "")
        if old == new:
            continue
        lines = []
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), n=1, lineterm=""):
            if line.startswith(("---", "+++")):
                continue
            if line.startswith("@@"):
                if lines:
                    lines.append(("gap", ""))
                continue
            kind = {"+": "added", "-": "removed"}.get(line[:1], "same")
            if line[1:].strip() or kind != "same":
                lines.append((kind, line[1:]))
        changed.append({"key": key, "title": titles.get(key, key), "lines": lines})
    return changed


@blueprint.route("/summaries/<code>", methods=["GET", "POST"])
def summary(code: str):
    """The draft of each section beside the answers it came from; edit and save."""
    # Drafting (Fluent) and the edits' Markdown: imported by the pages that use them.
    from reports.edits import section_fingerprints
    from reports.narrative import draft_introduction, draft_sections

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
    latest = next((v for v in versions if v.language == language), None)
    changed_at = board.answers_changed_at(survey_round, iscm.code) if latest else None
    return render_template(
        "analyst/summary_edit.html",
        latest=latest,
        changed_since_publication=(
            changed_at is not None and latest is not None and changed_at > latest.published_at
        ),
        iscm=iscm,
        dossier=dossier,
        sections=sections,
        language=language,
        languages=LANGUAGES,
        versions=versions,
        passages=passages,
        untranslated=sum(passage["translation"] is None for passage in passages),
    )


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
    edits = {k: e.text for k, e in summary_edits(survey_round, code, language).items()}
    published = operations.publish_summary(
        survey_round,
        iscm,
        language,
        pdf,
        key,
        actor=f"user:{current_user.email}",
        sections=summary_texts(dossier, edits),
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
    """A background job's progress, then its outcome: the compendium, or what became of each
    summary the job was given (a script on the page follows the progress; without it, the
    page has a link to look again)."""
    report_job = db.session.get(ReportJob, job_id) or abort(404)
    subject = (
        db.session.scalar(select(Organisation).filter_by(code=report_job.subject, kind="iscm"))
        if report_job.subject
        else None
    )
    names = {
        iscm.code: iscm.short_name(_interface_language())
        for iscm in db.session.scalars(select(Organisation).filter_by(kind="iscm"))
    }
    outcomes = _outcomes(report_job)
    return render_template(
        "analyst/job.html",
        job=report_job,
        subject=subject,
        names=names,
        outcomes=outcomes,
        failed=[o for o in outcomes if o["outcome"] == "failed"],
        finished=sum(o["outcome"] != "queued" for o in outcomes),
    )


def _outcomes(report_job: ReportJob) -> list[dict[str, Any]]:
    """What became of each summary a job was given, one entry per ISCM (``code``, ``outcome``:
    ``queued``, ``done`` or ``failed``, and details). A check kept before the board's jobs, as
    a plain list of findings, is grouped by ISCM."""
    if report_job.kind == "compendium":
        return []
    entries = report_job.findings or []
    if all("outcome" in entry for entry in entries):
        return [dict(entry) for entry in entries]
    grouped: dict[str, dict[str, Any]] = {}
    for finding in entries:
        grouped.setdefault(
            finding["code"], {"code": finding["code"], "outcome": "done", "findings": []}
        )["findings"].append(finding)
    return list(grouped.values())


@blueprint.get("/jobs/<int:job_id>.json")
def job_status(job_id: int):
    """A background job's progress as JSON (the job page's script reads it)."""
    report_job = db.session.get(ReportJob, job_id) or abort(404)
    outcomes = _outcomes(report_job)
    return jsonify(
        id=report_job.id,
        kind=report_job.kind,
        status=report_job.status,
        progress=report_job.progress,
        message=report_job.message,
        pdf=(
            url_for("analyst.job_pdf", job_id=job_id)
            if report_job.status == "done" and report_job.kind == "compendium"
            else None
        ),
        findings=(
            sum(len(o.get("findings") or []) for o in outcomes)
            if report_job.kind == "check"
            else None
        ),
        summaries=len(outcomes),
        finished=sum(o["outcome"] != "queued" for o in outcomes),
        failed=sum(o["outcome"] == "failed" for o in outcomes),
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
