"""The respondent's pages, opened by the personal link ``/r/<token>``.

Entry page (task list and language choice) -> one page per section -> "check your answers" ->
submission -> receipt (page and PDF). Section pages autosave through ``/s/<key>/autosave``
(same origin, the page's CSRF token) and work the same without JavaScript.
"""

from __future__ import annotations

import json
from typing import Any

from flask import (
    Blueprint,
    abort,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask import (
    Response as HttpResponse,
)
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError, generate_csrf
from sqlalchemy import select

from reports.receipt import (
    Receipt,
    ReceiptLabels,
    answers_checksum,
    render_receipt_pdf,
)
from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.i18n import LANGUAGES, text_direction
from surveyapp.models import Invitation
from surveyapp.models.response import hash_token
from surveyapp.questionnaire import Question, section_errors, visible_answers
from surveyapp.respond.display import conflict_text, section_entries
from surveyapp.respond.forms import attach_errors, build_section_form, posted_answers
from surveyapp.respond.messages import translate_errors
from surveyapp.respond.operations import choose_language
from surveyapp.security import count_failed_token_lookup, refuse_token_guessing

blueprint = Blueprint("respond", __name__, url_prefix="/r/<token>")

#: each language's name in that language, for the language choice
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}


@blueprint.url_value_preprocessor
def load_invitation(_endpoint, values):
    """Every page here belongs to one invitation; an unknown token is a 404, a revoked one 410."""
    token = values.pop("token", None) if values else None
    refuse_token_guessing()
    invitation = None
    if token and len(token) <= 200:
        invitation = db.session.scalar(select(Invitation).filter_by(token_hash=hash_token(token)))
    if invitation is None:
        count_failed_token_lookup()
        abort(404)
    g.language = invitation.response.language or "en"
    if not invitation.is_active:
        abort(
            410,
            _(
                "This link has been withdrawn. Nothing you saved has been lost: write to the "
                "IOM team that invited you and ask for a new link."
            ),
        )
    g.token = token
    g.invitation = invitation
    g.response = invitation.response
    g.questionnaire = invitation.response.questionnaire_version.questionnaire()


@blueprint.url_defaults
def add_token(_endpoint, values):
    """Links between the respondent's pages carry the token."""
    if "token" not in values and "token" in g:
        values["token"] = g.token


@blueprint.after_request
def no_store(response):
    """Pages holding answers are never cached by the browser or a proxy."""
    response.headers["Cache-Control"] = "no-store"
    return response


@blueprint.context_processor
def respondent_context() -> dict[str, Any]:
    """What every respondent page needs: the language names and the read-only state."""
    return {
        "language_names": LANGUAGE_NAMES,
        "languages": LANGUAGES,
        "read_only_reason": _read_only_reason(),
        "t": _t,
    }


@blueprint.errorhandler(CSRFError)
def csrf_expired(_error):
    """An expired or missing CSRF token loses nothing: the page comes back with what was typed."""
    if request.endpoint == "respond.section":
        return section(request.view_args["section_key"], csrf_failed=True)
    if request.endpoint == "respond.autosave":
        # A fresh token lets the page retry at once; another site cannot read this answer.
        return jsonify(
            status="expired",
            csrf_token=generate_csrf(),
            message=_("Your session has expired. Select “Save” to keep your answers."),
        ), 400
    if request.endpoint == "respond.submit":
        return _render_check(
            status=400,
            notice=_("Your session had expired, so nothing was submitted. Please submit again."),
        )
    flash(_("Your session had expired, so nothing was done. Please try again."))
    return redirect(url_for("respond.tasklist"))


def _actor() -> str:
    return f"respondent:{g.invitation.organisation.code}"


def _read_only_reason() -> str | None:
    """Why the respondent cannot change answers now (None when they can)."""
    if "response" not in g:
        return None
    if g.response.status == "submitted":
        return "submitted"
    if not g.response.round.is_open:
        return "round_closed"
    return None


def _closed_message(reason: str) -> str:
    if reason == "round_closed":
        return _(
            "This round is closed, so answers can no longer be changed. Everything you saved "
            "is kept."
        )
    return _(
        "Your answers have been submitted and can no longer be changed. If you need to change "
        "them, write to the IOM team and ask them to reopen your response."
    )


def _attempted_key() -> str:
    return f"submit-attempted-{g.response.id}"


def _section_states(answers: dict[str, Any]) -> list[dict[str, Any]]:
    attempted = session.get(_attempted_key(), False)
    states = []
    for section_ in g.questionnaire.sections:
        keys = _section_keys(section_)
        answered = any(k in answers for k in keys)
        errors = section_errors(g.questionnaire, section_.key, answers)
        if not errors and answered:
            state = "completed"
        elif not errors and not any(q.required for q in section_.questions):
            state = "completed" if answered else "not_started"
        elif not answered:
            state = "has_errors" if attempted else "not_started"
        else:
            state = "has_errors" if attempted else "in_progress"
        states.append(
            {"section": section_, "state": state, "errors": errors, "title": _t(section_.title)}
        )
    return states


def _section_keys(section_) -> set[str]:
    keys = set()
    for question in section_.questions:
        keys.add(question.key)
        keys.add(f"{question.key}_other")
    return keys


def _t(text) -> str:
    return text.get_text(g.language) if text else ""


def _query_for(section_) -> dict[str, str] | None:
    """The analyst's open query when it concerns a question of ``section_``."""
    response = g.response
    if response.review_status != "query_raised" or not response.query_message:
        return None
    key = response.query_question_key
    if key and any(q.key == key for q in section_.questions):
        return {"key": key, "message": response.query_message}
    return None


def _query_section(key: str | None):
    for section_ in g.questionnaire.sections:
        if any(q.key == key for q in section_.questions):
            return section_
    return None


@blueprint.get("/", strict_slashes=False)
def tasklist():
    """The entry page: the round, the organisation, the language and each section's state."""
    answers = g.response.answer_values()
    response = g.response
    query_section = None
    if response.review_status == "query_raised" and response.query_message:
        query_section = _query_section(response.query_question_key)
    return render_template(
        "respond/tasklist.html",
        sections=_section_states(answers),
        submit_errors=None,
        query_section=query_section,
    )


@blueprint.post("/language")
def language():
    """Remember the language chosen on the entry page."""
    chosen = request.form.get("language", "")
    try:
        choose_language(g.response, chosen, actor=_actor())
    except ValueError:
        flash(_("Choose one of the languages offered."))
        return redirect(url_for("respond.tasklist"))
    db.session.commit()
    return redirect(url_for("respond.tasklist"))


@blueprint.route("/s/<section_key>", methods=["GET", "POST"])
def section(section_key: str, csrf_failed: bool = False):
    """One section of the questionnaire as a form; POST saves it."""
    try:
        current = g.questionnaire.section(section_key)
    except KeyError:
        abort(404)
    response = g.response
    reason = _read_only_reason()
    if reason:
        flash(_closed_message(reason))
        return redirect(url_for("respond.tasklist"))
    answers = response.answer_values()
    posting = request.method == "POST"
    form, layout = build_section_form(
        g.questionnaire,
        current,
        answers,
        g.language,
        formdata=request.form if posting else None,
        item_labels=lambda q: _item_labels(q, answers),
    )
    summary: list[tuple[str, str, str]] = []
    conflicts: dict[str, Any] = {}
    notice = None
    if csrf_failed:
        notice = _(
            "Your session had expired, so the answers on this page have not been saved yet. "
            "They are still here: check them and select “Save” again."
        )
        form.version.data = request.form.get("version", str(response.version))
    elif posting:
        posted = posted_answers(current, form)
        version = _posted_version(form)
        choices = _conflict_choices(current)
        if choices is not None:
            chosen_theirs = [k for k, choice in choices.items() if choice == "theirs"]
            for key in chosen_theirs:
                posted.answers[key] = answers.get(key)
        try:
            operations.save_answers(
                response, version, posted.answers, actor=_actor(), channel="web", partial_ok=True
            )
        except operations.AnswersInvalid as invalid:
            db.session.commit()
            summary = attach_errors(
                current, form, translate_errors(invalid.errors), posted.row_positions, g.language
            )
            form.version.data = str(response.version)
        except operations.StaleVersion as stale:
            db.session.rollback()
            conflicts = stale.conflicts
            form.version.data = str(stale.current_version)
        except operations.ResponseClosed as closed:
            db.session.rollback()
            flash(_closed_message(closed.reason))
            return redirect(url_for("respond.tasklist"))
        else:
            db.session.commit()
            flash(_("Your answers have been saved."))
            if request.form.get("action") in ("stay", "resolve"):
                return redirect(url_for("respond.section", section_key=section_key))
            return redirect(_next_url(section_key))
    else:
        form.version.data = str(response.version)
    status = 400 if csrf_failed else 422 if summary else 409 if conflicts else 200
    return render_template(
        "respond/section.html",
        current=current,
        form=form,
        layout=layout,
        summary=summary,
        notice=notice,
        conflicts=_describe_conflicts(conflicts),
        context_answers=json.dumps(answers),
        position=[s.key for s in g.questionnaire.sections].index(section_key) + 1,
        query=_query_for(current),
        items_with_answers=_items_with_answers(current, answers),
    ), status


def _posted_version(form) -> int:
    try:
        return int(form.version.data)
    except (TypeError, ValueError):
        return -1


def _conflict_choices(current) -> dict[str, str] | None:
    """On a "resolve" post: question key -> ``mine`` or ``theirs`` as the person chose."""
    if request.form.get("action") != "resolve":
        return None
    keys = _section_keys(current) | {q.no_attribution_key for q in current.questions}
    choices = {}
    for name, value in request.form.items():
        if name.startswith("conflict-") and value in ("mine", "theirs"):
            key = name.removeprefix("conflict-")
            if key in keys:
                choices[key] = value
    return choices


@blueprint.post("/s/<section_key>/autosave")
def autosave(section_key: str):
    """Save a section in the background; the same form fields, a JSON answer.

    200 ``{"status": "saved", "version", "saved_at", "invalid"}``; 409 on a stale version with
    the conflicting keys; 423 when the response can no longer be changed.
    """
    try:
        current = g.questionnaire.section(section_key)
    except KeyError:
        abort(404)
    response = g.response
    answers = response.answer_values()
    form, _layout = build_section_form(
        g.questionnaire,
        current,
        answers,
        g.language,
        formdata=request.form,
        item_labels=lambda q: _item_labels(q, answers),
    )
    posted = posted_answers(current, form)
    invalid: list[str] = []
    try:
        operations.save_answers(
            response,
            _posted_version(form),
            posted.answers,
            actor=_actor(),
            channel="autosave",
            partial_ok=True,
        )
    except operations.AnswersInvalid as error:
        invalid = sorted(error.errors)
    except operations.StaleVersion as stale:
        db.session.rollback()
        return jsonify(
            status="conflict",
            version=stale.current_version,
            conflicts=sorted(stale.conflicts),
            message=_(
                "Someone else saved this section while you were editing. Nothing was "
                "overwritten. Select “Save” to compare the answers and choose."
            ),
        ), 409
    except operations.ResponseClosed as closed:
        db.session.rollback()
        return jsonify(status="closed", message=_closed_message(closed.reason)), 423
    db.session.commit()
    saved_at = format_datetime(response.updated_at, "HH:mm")
    return jsonify(
        status="saved",
        version=response.version,
        saved_at=saved_at,
        message=_("Saved at %(time)s", time=saved_at),
        invalid=invalid,
    )


@blueprint.get("/check")
def check():
    """Check your answers: every answer, section by section, with a link to change it."""
    return _render_check()


def _render_check(submit_errors=None, status: int = 200, notice: str | None = None):
    answers = g.response.answer_values()
    shown = visible_answers(g.questionnaire, answers)
    sections = [
        {
            "section": s,
            "answers": section_entries(g.questionnaire, s, shown, g.language),
        }
        for s in g.questionnaire.sections
    ]
    return render_template(
        "respond/check.html",
        sections=sections,
        submit_errors=submit_errors,
        notice=notice,
    ), status


@blueprint.post("/submit")
def submit():
    """Submit the response when complete; otherwise list what is missing."""
    response = g.response
    try:
        operations.submit_response(response, actor=_actor(), channel="web")
    except operations.AnswersInvalid:
        session[_attempted_key()] = True
        states = _section_states(response.answer_values())
        return _render_check(submit_errors=[s for s in states if s["errors"]], status=422)
    except operations.ResponseClosed as closed:
        db.session.rollback()
        flash(_closed_message(closed.reason))
        return redirect(url_for("respond.tasklist"))
    except operations.StaleVersion:
        db.session.rollback()
        return redirect(url_for("respond.check"))
    db.session.commit()
    session.pop(_attempted_key(), None)
    return redirect(url_for("respond.submitted"))


@blueprint.get("/submitted")
def submitted():
    """The confirmation after submission, with the receipt to download."""
    if g.response.status != "submitted":
        return redirect(url_for("respond.tasklist"))
    return render_template(
        "respond/submitted.html",
        submitted_at=_when(g.response.submitted_at),
        reference=_reference(),
        checksum=answers_checksum(g.response.answer_values()),
    )


@blueprint.get("/receipt.pdf")
def receipt():
    """The PDF receipt of a submitted response, in the respondent's language."""
    response = g.response
    if response.status != "submitted":
        flash(_("The receipt is available once your answers are submitted."))
        return redirect(url_for("respond.tasklist"))
    answers = response.answer_values()
    shown = visible_answers(g.questionnaire, answers)
    document = Receipt(
        language=g.language,
        direction=text_direction(g.language),
        title=_t(g.questionnaire.title),
        organisation=g.invitation.organisation.name(g.language),
        round_name=response.round.name,
        submitted_at=_when(response.submitted_at),
        reference=_reference(),
        checksum=answers_checksum(answers),
        labels=ReceiptLabels(
            heading=_("Receipt of your answers"),
            organisation=_("Organisation"),
            round=_("Round"),
            submitted_at=_("Submitted"),
            reference=_("Reference"),
            checksum=_("Checksum (SHA-256)"),
            checksum_note=_(
                "Calculated from all your answers as canonical JSON: keys sorted, no spaces, UTF-8."
            ),
            no_answer=_("Not answered"),
        ),
        sections=[
            section_entries(g.questionnaire, s, shown, g.language) for s in g.questionnaire.sections
        ],
    )
    filename = f"receipt-{response.round.year}-{response.organisation.code}.pdf"
    return HttpResponse(
        render_receipt_pdf(document),
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _when(moment) -> str:
    return format_datetime(moment, "long") if moment else ""


def _reference() -> str:
    return f"{g.response.round.year}-{g.response.id:05d}"


def _next_url(section_key: str) -> str:
    keys = [s.key for s in g.questionnaire.sections]
    index = keys.index(section_key)
    if index + 1 < len(keys):
        return url_for("respond.section", section_key=keys[index + 1])
    return url_for("respond.check")


def _item_labels(question: Question, answers: dict[str, Any]) -> dict[str, str]:
    """Item code -> label of the items chosen in the question a ``per_item`` block follows."""
    source = g.questionnaire.question(question.items_from)
    chosen = answers.get(question.items_from) or []
    labels = {c.code: c.label.get_text(g.language) for c in source.choices}
    return {code: labels.get(code, code) for code in chosen if code != "other"}


def _items_with_answers(current, answers: dict[str, Any]) -> dict[str, dict[str, str]]:
    """For each multiple choice here that a later ``per_item`` block follows: the chosen items
    that already have answers there (code -> label), so un-ticking one asks first."""
    found: dict[str, dict[str, str]] = {}
    keys = {q.key for q in current.questions if q.type == "select_multiple"}
    for question in g.questionnaire.questions():
        if question.type == "per_item" and question.items_from in keys:
            stored = answers.get(question.key) or {}
            source = g.questionnaire.question(question.items_from)
            labels = {c.code: c.label.get_text(g.language) for c in source.choices}
            found.setdefault(question.items_from, {}).update(
                {code: labels.get(code, code) for code, value in stored.items() if value}
            )
    return found


def _describe_conflicts(conflicts: dict[str, Any]) -> list[dict[str, Any]]:
    described = []
    for key, values in conflicts.items():
        base = key.removesuffix("_other").removesuffix("_no_attribution")
        try:
            label = g.questionnaire.question(base).label.get_text(g.language)
        except KeyError:
            label = key
        described.append(
            {
                "key": key,
                "label": label,
                "yours": conflict_text(g.questionnaire, key, values.get("yours"), g.language),
                "theirs": conflict_text(g.questionnaire, key, values.get("theirs"), g.language),
            }
        )
    return described
