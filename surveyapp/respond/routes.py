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
from flask_babel import format_datetime, ngettext
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError, generate_csrf
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from reports.receipt import answers_checksum
from surveyapp import mail, operations
from surveyapp.auth.access import respondent_actor
from surveyapp.extensions import db
from surveyapp.i18n import LANGUAGE_NAMES, LANGUAGES, translate_errors
from surveyapp.models import AuditEvent, Invitation, Membership, Organisation, Response
from surveyapp.models.response import hash_token
from surveyapp.operations.responses import MAX_QUERY_REPLY, NoOpenQuery, reply_to_query
from surveyapp.pdfs import receipt_pdf
from surveyapp.questionnaire import Question, check_complete, section_errors, visible_answers
from surveyapp.questionnaire.text import UnprintableText, printable_text
from surveyapp.questionnaire.types import AnswerShape, type_of
from surveyapp.respond.display import (
    conflict_text,
    receipt_document,
    receipt_filename,
    receipt_reference,
    section_entries,
)
from surveyapp.respond.forms import (
    attach_errors,
    attach_item_errors,
    build_item_form,
    build_section_form,
    control_kind,
    posted_answers,
    posted_item,
)
from surveyapp.respond.operations import choose_language, decline_suggestions
from surveyapp.security import count_failed_token_lookup

blueprint = Blueprint("respond", __name__, url_prefix="/r/<token>")
# The field macros (``respond/_fields.html``, imported without the page's context) ask it.
blueprint.add_app_template_global(control_kind)


@blueprint.url_value_preprocessor
def load_invitation(_endpoint, values):
    """Every page here belongs to one invitation; an unknown token is a 404, a revoked one 410."""
    token = values.pop("token", None) if values else None
    invitation = None
    if token and len(token) <= 200:
        # What every page reads (the response, its questionnaire and round, the organisation
        # named in the caption) comes in the same statement as the invitation.
        invitation = db.session.scalar(
            select(Invitation)
            .filter_by(token_hash=hash_token(token))
            .options(
                joinedload(Invitation.organisation),
                joinedload(Invitation.response).joinedload(Response.questionnaire_version),
                joinedload(Invitation.response).joinedload(Response.round),
            )
        )
    if invitation is None:
        count_failed_token_lookup(token)
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
    if request.endpoint == "respond.item":
        return item(**request.view_args, csrf_failed=True)
    if request.endpoint in ("respond.autosave", "respond.item_autosave"):
        # A fresh token lets the page retry at once; another site cannot read this answer.
        return jsonify(
            status="expired",
            csrf_token=generate_csrf(),
            message=_("Your session has expired. Select “Save” to keep your answers."),
        ), 400
    if request.endpoint == "respond.query_reply":
        # The reply typed stays in its field for the next attempt; nothing was sent.
        session[_draft_key()] = printable_text(request.form.get("reply", ""))[:MAX_QUERY_REPLY]
        flash(_("Your session had expired, so your reply was not sent. Please send it again."))
        return redirect(_return_to() + "#query")
    if request.endpoint == "respond.submit":
        return _render_check(
            status=400,
            notice=_("Your session had expired, so nothing was submitted. Please submit again."),
        )
    flash(_("Your session had expired, so nothing was done. Please try again."))
    return redirect(url_for("respond.tasklist"))


def _actor() -> str:
    return respondent_actor(g.invitation.organisation.code)


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


def _version_key() -> str:
    """What the respondent's questionnaire version is known by: its content's hash."""
    return g.response.questionnaire_version.content_hash


def _t(text) -> str:
    return text.get_text(g.language) if text else ""


def _open_query() -> dict[str, Any] | None:
    """The analyst's query, open or answered, as the respondent's pages show it."""
    response = g.response
    if response.review_status not in ("query_raised", "query_answered"):
        return None
    if not response.query_message:
        return None
    key, item_code = response.query_question_key, response.query_item_code
    about = None
    if key:
        try:
            question = g.questionnaire.question(key)
        except KeyError:
            question = None
        about = _t(question.label) if question else key
        if item_code and question is not None and _asks_per_item(question):
            name = _item_labels(question, g.response.answer_values()).get(item_code, item_code)
            about = _("%(item)s: %(question)s", item=name, question=about)
    return {
        "key": key,
        "item_code": item_code,
        "about": about,
        "message": response.query_message,
        "answered": response.review_status == "query_answered",
        "reply": response.query_reply,
        "replied_at": _when(response.query_replied_at),
        "max_length": MAX_QUERY_REPLY,
        "draft": session.pop(_draft_key(), None),
    }


def _draft_key() -> str:
    return f"query-draft-{g.response.id}"


def _query_for(section_) -> dict[str, Any] | None:
    """The analyst's query when it concerns a question of ``section_``."""
    query = _open_query()
    if query and query["key"] and any(q.key == query["key"] for q in section_.questions):
        return query
    return None


def _query_link(current, query: dict[str, Any] | None) -> dict[str, str] | None:
    """On a per-item hub: the link to the page of the ISCM a query names."""
    if not query or not query["item_code"]:
        return None
    question = g.questionnaire.question(query["key"])
    items = _item_labels(question, g.response.answer_values())
    if query["item_code"] not in items:
        return None
    return {
        "url": url_for(
            "respond.item",
            section_key=current.key,
            question_key=question.key,
            item_code=query["item_code"],
        ),
        "text": _("Go to the answers about %(item)s", item=items[query["item_code"]]),
    }


def _query_section(key: str | None):
    for section_ in g.questionnaire.sections:
        if any(q.key == key for q in section_.questions):
            return section_
    return None


@blueprint.get("/", strict_slashes=False)
def tasklist():
    """The entry page: the round, the organisation, the language and each section's state."""
    answers = g.response.answer_values()
    query = _open_query()
    query_section = _query_section(query["key"]) if query else None
    query_link = None
    if query and _read_only_reason():
        query_link = {
            "url": url_for("respond.check") + "#query",
            "text": _("See your answers with the question"),
        }
    elif query_section is not None:
        query_link = {
            "url": url_for("respond.section", section_key=query_section.key) + "#query",
            "text": _("Go to the question in “%(title)s”", title=_t(query_section.title)),
        }
    return render_template(
        "respond/tasklist.html",
        sections=_section_states(answers),
        submit_errors=None,
        query=query,
        query_link=query_link,
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
    """One section of the questionnaire as a form; POST saves it.

    A section with a ``per_item`` question is also a hub: it lists the chosen items (ISCMs)
    with each one's state, and each item is answered on a page of its own (``item``).
    """
    current = _section_or_404(section_key)
    response = g.response
    reason = _read_only_reason()
    if reason:
        flash(_closed_message(reason))
        return redirect(url_for("respond.tasklist"))
    answers = response.answer_values()
    posting = request.method == "POST"
    states = _item_states(answers)
    suggested = {} if posting else _registry_suggestions(current, answers)
    form, layout = build_section_form(
        g.questionnaire,
        current,
        {**answers, **suggested},
        g.language,
        formdata=request.form if posting else None,
        item_labels=lambda q: _item_labels(q, answers),
        item_states=lambda q: states.get(q.key, {}),
        version_key=_version_key(),
    )
    page = _SavedPage()
    if csrf_failed:
        page.expired(form, response)
    elif posting:
        posted = posted_answers(current, form)
        declined = _declined(current, posted.answers)
        choices = _conflict_choices(current)
        for key in [k for k, choice in (choices or {}).items() if choice == "theirs"]:
            posted.answers[key] = answers.get(key)
        outcome = page.save(form, response, posted.answers, declined)
        if outcome == "saved":
            if request.form.get("action") in ("stay", "resolve"):
                return redirect(url_for("respond.section", section_key=section_key))
            return redirect(_next_url(section_key))
        if outcome == "closed":
            return redirect(url_for("respond.tasklist"))
        if outcome == "invalid":
            page.summary = attach_errors(
                current, form, page.errors, posted.row_positions, g.language
            )
    else:
        form.version.data = str(response.version)
    query = _query_for(current)
    return render_template(
        "respond/section.html",
        current=current,
        form=form,
        layout=layout,
        summary=page.summary,
        notice=page.notice,
        conflicts=_describe_conflicts(page.conflicts),
        context_answers=json.dumps(answers),
        position=_position(section_key),
        query=query,
        query_link=_query_link(current, query),
        items_with_answers=_items_with_answers(current, answers),
        has_fields=_has_fields(layout),
        next_url=_next_url(section_key),
        item_sources=_item_sources(current),
        suggested=suggested,
    ), page.status


@blueprint.route("/s/<section_key>/<question_key>/<item_code>", methods=["GET", "POST"])
def item(section_key: str, question_key: str, item_code: str, csrf_failed: bool = False):
    """One item of a ``per_item`` question (one ISCM's block) on a page of its own."""
    current, question, items = _item_context(section_key, question_key, item_code)
    response = g.response
    reason = _read_only_reason()
    if reason:
        flash(_closed_message(reason))
        return redirect(url_for("respond.tasklist"))
    answers = response.answer_values()
    stored = (answers.get(question.key) or {}).get(item_code)
    posting = request.method == "POST"
    form, layout = build_item_form(
        question,
        stored,
        g.language,
        formdata=request.form if posting else None,
        version_key=_version_key(),
    )
    item_label = items[item_code]
    page = _SavedPage()
    if csrf_failed:
        page.expired(form, response)
    elif posting:
        values = posted_item(question, form)
        if request.form.get("action") == "resolve" and (
            request.form.get(f"conflict-{question.key}") == "theirs"
        ):
            values = stored
        outcome = page.save(form, response, {question.key: {item_code: values}})
        if outcome == "saved":
            if request.form.get("action") in ("stay", "resolve"):
                return redirect(request.path)
            return redirect(_next_item_url(current, question, items, item_code))
        if outcome == "closed":
            return redirect(url_for("respond.tasklist"))
        if outcome == "invalid":
            page.summary = attach_item_errors(
                form, page.errors, f"{question.key}.{item_code}.", item_label
            )
    else:
        form.version.data = str(response.version)
    codes = list(items)
    return render_template(
        "respond/item.html",
        current=current,
        question=question,
        item_code=item_code,
        item_label=item_label,
        item_number=codes.index(item_code) + 1,
        item_count=len(codes),
        form=form,
        layout=layout,
        summary=page.summary,
        notice=page.notice,
        conflicts=_describe_conflicts(page.conflicts, items={item_code: item_label}),
        context_answers=json.dumps(answers),
        query=_item_query(current, question, item_code),
    ), page.status


def _item_query(current, question: Question, item_code: str) -> dict[str, Any] | None:
    """The query shown on one item's page: one about its question, for every item or this one."""
    query = _query_for(current)
    if query and query["key"] == question.key and query["item_code"] in (None, item_code):
        return query
    return None


def _return_to() -> str:
    """The respondent's page a reply form came from (``return_to``), else the entry page."""
    back = request.form.get("return_to", "")
    base = url_for("respond.tasklist")
    if not back.startswith(base) or "//" in back or "\\" in back or "\n" in back:
        return base
    return back


@blueprint.post("/query")
def query_reply():
    """Send (or change) the reply to the analyst's query; also after submission."""
    back = _return_to()
    text = request.form.get("reply", "")
    try:
        reply_to_query(g.response, text, actor=_actor(), channel="web")
    except NoOpenQuery:
        flash(_("There is no question from the IOM team to reply to any more."))
        return redirect(back)
    except UnprintableText as error:
        session[_draft_key()] = printable_text(text)[:MAX_QUERY_REPLY]
        flash(
            _(
                "Your reply was not sent: it contains a character that cannot be saved "
                "(%(code)s, at character %(position)s). Delete it or retype the reply.",
                code=error.code,
                position=error.position,
            )
        )
        return redirect(back + "#query")
    except ValueError:
        session[_draft_key()] = printable_text(text)[:MAX_QUERY_REPLY]
        flash(
            _(
                "Your reply was not sent: write some text, at most %(count)d characters.",
                count=MAX_QUERY_REPLY,
            )
        )
        return redirect(back + "#query")
    db.session.commit()
    flash(_("Reply sent to the IOM team."))
    return redirect(back + "#query")


class _SavedPage:
    """The outcome of saving a posted page: what to tell the respondent and the status code."""

    def __init__(self) -> None:
        self.summary: list[tuple[str, str, str]] = []
        self.conflicts: dict[str, Any] = {}
        self.errors: dict[str, list[str]] = {}
        self.notice: str | None = None
        self.status = 200

    def expired(self, form, response) -> None:
        """The CSRF token had expired: nothing was saved, the typed answers stay on the page."""
        self.notice = _(
            "Your session had expired, so the answers on this page have not been saved yet. "
            "They are still here: check them and select “Save” again."
        )
        form.version.data = request.form.get("version", str(response.version))
        self.status = 400

    def save(self, form, response, raw: dict[str, Any], declined: list[str] = ()) -> str:
        """Store ``raw``; ``saved``, ``invalid`` (the valid answers are stored), ``conflict``
        or ``closed``.

        :param declined: questions whose registry suggestion the respondent cleared.
        """
        try:
            _store(form, raw, declined, channel="web")
        except operations.AnswersInvalid as invalid:
            db.session.commit()
            self.errors = translate_errors(invalid.errors)
            form.version.data = str(response.version)
            self.status = 422
            return "invalid"
        except operations.StaleVersion as stale:
            db.session.rollback()
            self.conflicts = stale.conflicts
            form.version.data = str(stale.current_version)
            self.status = 409
            return "conflict"
        except operations.ResponseClosed as closed:
            db.session.rollback()
            flash(_closed_message(closed.reason))
            return "closed"
        db.session.commit()
        flash(_("Your answers have been saved."))
        return "saved"


def _section_or_404(section_key: str):
    """The questionnaire's section ``section_key``; 404 when it has none of that name."""
    try:
        return g.questionnaire.section(section_key)
    except KeyError:
        abort(404)


def _item_context(section_key: str, question_key: str, item_code: str):
    """The section, the ``per_item`` question and its chosen items (code -> label); 404 when
    the item is not one the respondent chose."""
    current = _section_or_404(section_key)
    question = next(
        (q for q in current.questions if q.key == question_key and _asks_per_item(q)), None
    )
    if question is None:
        abort(404)
    items = _item_labels(question, g.response.answer_values())
    if item_code not in items:
        abort(404)
    return current, question, items


def _registry_suggestions(current, answers: dict[str, Any]) -> dict[str, list[str]]:
    """The ISCMs the registry lists this organisation in, pre-ticked in a multiple choice that
    per-ISCM blocks follow, as long as the respondent has never answered it (an answer
    cleared later stays cleared: the audit trail says it was answered)."""
    followed = {
        q.items_from for q in g.questionnaire.questions() if _asks_per_item(q) and q.items_from
    }
    keys = [
        q.key
        for q in current.questions
        if q.key in followed and q.choices_from == "registry:iscm" and q.key not in answers
    ]
    if not keys:
        return {}
    answered = set(
        db.session.scalars(
            select(AuditEvent.question_key).where(
                AuditEvent.response_id == g.response.id, AuditEvent.question_key.in_(keys)
            )
        )
    )
    codes = set(
        db.session.scalars(
            select(Organisation.code)
            .join(Membership, Membership.iscm_id == Organisation.id)
            .where(Membership.member_id == g.invitation.organisation_id)
        )
    )
    suggestions = {}
    for key in keys:
        choices = [c.code for c in g.questionnaire.question(key).choices if c.code in codes]
        if key not in answered and choices:
            suggestions[key] = choices
    return suggestions


def _item_sources(current) -> dict[str, Any]:
    """For each ``per_item`` question here: the section where its items are chosen."""
    sources = {}
    for question in current.questions:
        if _asks_per_item(question) and question.items_from:
            sources[question.key] = _query_section(question.items_from)
    return sources


def _position(section_key: str) -> int:
    return [s.key for s in g.questionnaire.sections].index(section_key) + 1


def _has_fields(layout) -> bool:
    """Whether a section page has anything to save besides its per-item hub."""
    return any(view.field is not None or view.rows for view in layout)


def _next_item_url(current, question: Question, items: dict[str, str], item_code: str) -> str:
    codes = list(items)
    index = codes.index(item_code)
    if index + 1 < len(codes):
        return url_for(
            "respond.item",
            section_key=current.key,
            question_key=question.key,
            item_code=codes[index + 1],
        )
    return url_for("respond.section", section_key=current.key)


def _item_states(answers: dict[str, Any]) -> dict[str, dict[str, str]]:
    """For each ``per_item`` question: item code -> ``not_started`` / ``in_progress`` /
    ``completed``, as the hub shows them."""
    errors = check_complete(g.questionnaire, answers)
    states: dict[str, dict[str, str]] = {}
    for question in g.questionnaire.questions():
        if not _asks_per_item(question):
            continue
        stored = answers.get(question.key) or {}
        found = {}
        for code in _item_labels(question, answers):
            prefix = f"{question.key}.{code}."
            if code not in stored:
                found[code] = "not_started"
            elif any(path.startswith(prefix) for path in errors):
                found[code] = "in_progress"
            else:
                found[code] = "completed"
        states[question.key] = found
    return states


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

    200 ``{"status": "saved", "version", "saved_at"}`` when everything was stored; 422
    ``{"status": "invalid", "problems": [...]}`` when some answers were refused (the others
    are stored); 409 on a stale version with the conflicting keys; 423 when the response can no
    longer be changed.
    """
    current = _section_or_404(section_key)
    answers = g.response.answer_values()
    form, _layout = build_section_form(
        g.questionnaire,
        current,
        answers,
        g.language,
        formdata=request.form,
        item_labels=lambda q: _item_labels(q, answers),
        version_key=_version_key(),
    )
    posted = posted_answers(current, form)

    def describe(errors):
        return attach_errors(current, form, errors, posted.row_positions, g.language)

    return _autosave(form, posted.answers, describe, _declined(current, posted.answers))


@blueprint.post("/s/<section_key>/<question_key>/<item_code>/autosave")
def item_autosave(section_key: str, question_key: str, item_code: str):
    """Save one item's page in the background; answers as ``autosave``."""
    _current, question, items = _item_context(section_key, question_key, item_code)
    form, _layout = build_item_form(
        question, None, g.language, formdata=request.form, version_key=_version_key()
    )
    values = posted_item(question, form)

    def describe(errors):
        prefix = f"{question.key}.{item_code}."
        return attach_item_errors(form, errors, prefix, items[item_code])

    return _autosave(form, {question.key: {item_code: values}}, describe)


def _declined(current, answers: dict[str, Any]) -> list[str]:
    """The questions of a posted page whose registry suggestion was cleared before saving."""
    return [
        key
        for key in request.form.getlist("suggested")
        if key in _section_keys(current) and answers.get(key) is None
    ]


def _store(form, raw: dict[str, Any], declined, *, channel: str) -> None:
    """Save a posted page's answers as far as they are valid, from the version it was opened
    with; the raised errors are the caller's to show."""
    if declined:
        decline_suggestions(g.response, list(declined), actor=_actor())
    operations.save_answers(
        g.response,
        _posted_version(form),
        raw,
        actor=_actor(),
        channel=channel,
        partial_ok=True,
    )


def _autosave(form, raw: dict[str, Any], describe, declined: list[str] = ()):
    """Store ``raw`` for an autosave request and say truthfully what happened."""
    response = g.response
    try:
        _store(form, raw, declined, channel="autosave")
    except operations.AnswersInvalid as error:
        db.session.commit()
        problems = [
            {"field": field, "label": label, "message": message}
            for field, label, message in describe(translate_errors(error.errors))
        ]
        return jsonify(
            status="invalid",
            version=response.version,
            problems=problems,
            message=ngettext(
                "Not saved: %(num)d answer needs attention. Your other answers are saved.",
                "Not saved: %(num)d answers need attention. Your other answers are saved.",
                len(problems),
            ),
        ), 422
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
    )


@blueprint.get("/check")
def check():
    """Check your answers: every answer, section by section, with a link to change it."""
    return _render_check()


def _missing_answers(answers: dict[str, Any]) -> list[dict[str, Any]]:
    """What stops the submission, by section: each problem with its question's label (naming
    the ISCM or the row it belongs to), the message and a link straight to the field."""
    errors = translate_errors(check_complete(g.questionnaire, answers))
    owners = {}
    for section_ in g.questionnaire.sections:
        for question in section_.questions:
            for key in (question.key, question.other_key, question.no_attribution_key):
                owners[key] = (section_, question)
    found: dict[str, dict[str, Any]] = {}
    for path, messages in errors.items():
        parts = path.split(".")
        if parts[0] not in owners:
            continue
        section_, question = owners[parts[0]]
        url, label = _problem_place(section_, question, parts, answers)
        entry = found.setdefault(
            section_.key, {"section": section_, "title": _t(section_.title), "problems": []}
        )
        entry["problems"].extend(
            {"url": url, "label": label, "message": message} for message in messages
        )
    return [found[s.key] for s in g.questionnaire.sections if s.key in found]


def _problem_place(section_, question: Question, parts: list[str], answers) -> tuple[str, str]:
    """The link to the field a problem path points at, and that field's label."""
    section_url = url_for("respond.section", section_key=section_.key)
    label = _t(question.label)
    shape = type_of(question).shape
    if shape is AnswerShape.ITEMS and len(parts) >= 2:
        items = _item_labels(question, answers)
        item_url = url_for(
            "respond.item", section_key=section_.key, question_key=question.key, item_code=parts[1]
        )
        name = items.get(parts[1], parts[1])
        child = _child(question, parts[2]) if len(parts) > 2 else None
        if child is None:
            return item_url, name
        return f"{item_url}#{parts[2]}", _(
            "%(item)s: %(question)s", item=name, question=_t(child.label)
        )
    if shape is AnswerShape.ROWS and len(parts) >= 3 and parts[1].isdigit():
        child = _child(question, parts[2])
        text = _(
            "%(list)s, row %(number)s: %(question)s",
            list=label,
            number=int(parts[1]) + 1,
            question=_t(child.label) if child else parts[2],
        )
        return f"{section_url}#{parts[0]}-{parts[1]}-{parts[2]}", text
    if type_of(question).is_container:
        return f"{section_url}#q-{parts[0]}", label
    return f"{section_url}#{parts[0]}", label


def _asks_per_item(question: Question) -> bool:
    """Whether ``question`` asks its child questions once per chosen item."""
    return type_of(question).shape is AnswerShape.ITEMS


def _child(question: Question, key: str) -> Question | None:
    base = key.removesuffix("_other").removesuffix("_no_attribution")
    return next((child for child in question.questions if child.key == base), None)


def _render_check(submit_errors=None, status: int = 200, notice: str | None = None):
    answers = g.response.answer_values()
    shown = visible_answers(g.questionnaire, answers)
    missing = [] if _read_only_reason() else _missing_answers(answers)
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
        missing=missing,
        missing_count=sum(len(s["problems"]) for s in missing),
        notice=notice,
        query=_open_query(),
    ), status


@blueprint.post("/submit")
def submit():
    """Submit the response when complete; otherwise list what is missing."""
    response = g.response
    try:
        operations.submit_response(response, actor=_actor(), channel="web")
    except operations.AnswersInvalid:
        session[_attempted_key()] = True
        return _render_check(submit_errors=True, status=422)
    except operations.ResponseClosed as closed:
        db.session.rollback()
        flash(_closed_message(closed.reason))
        return redirect(url_for("respond.tasklist"))
    except operations.StaleVersion:
        db.session.rollback()
        return redirect(url_for("respond.check"))
    confirmation = mail.queue_confirmation(response, g.invitation, actor=_actor())
    db.session.commit()
    session.pop(_attempted_key(), None)
    if confirmation is not None:
        mail.deliver_pending(message_ids=[confirmation.id])
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
        confirmation=mail.confirmation_of(g.response),
    )


@blueprint.get("/receipt.pdf")
def receipt():
    """The PDF receipt of a submitted response, in the respondent's language."""
    response = g.response
    if response.status != "submitted":
        flash(_("The receipt is available once your answers are submitted."))
        return redirect(url_for("respond.tasklist"))
    document = receipt_document(response, g.language)
    filename = receipt_filename(response)
    return HttpResponse(
        receipt_pdf(document),
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _when(moment) -> str:
    return format_datetime(moment, "long") if moment else ""


def _reference() -> str:
    return receipt_reference(g.response)


def _next_url(section_key: str) -> str:
    keys = [s.key for s in g.questionnaire.sections]
    index = keys.index(section_key)
    if index + 1 < len(keys):
        return url_for("respond.section", section_key=keys[index + 1])
    return url_for("respond.check")


def _item_labels(question: Question, answers: dict[str, Any]) -> dict[str, str]:
    """Item code -> name of the items chosen in the question a ``per_item`` block follows.

    Registry items (ISCMs) go by their full name and acronym, "Migration Dialogue for West
    Africa (MIDWA)", as the heading of a page about one of them should.
    """
    source = g.questionnaire.question(question.items_from)
    chosen = [code for code in answers.get(question.items_from) or [] if code != "other"]
    labels = {c.code: c.label.get_text(g.language) for c in source.choices}
    if source.choices_from and source.choices_from.startswith("registry:") and chosen:
        for organisation in db.session.scalars(
            select(Organisation).where(Organisation.code.in_(chosen))
        ):
            name = organisation.name(g.language)
            acronym = organisation.acronym
            # "(KP)" after "... (Khartoum Process)" would be one parenthesis too many.
            labels[organisation.code] = (
                f"{name} ({acronym})" if acronym and "(" not in name else name
            )
    return {code: labels.get(code, code) for code in chosen}


def _items_with_answers(current, answers: dict[str, Any]) -> dict[str, dict[str, str]]:
    """For each multiple choice here that a later ``per_item`` block follows: the chosen items
    that already have answers there (code -> label), so un-ticking one asks first."""
    found: dict[str, dict[str, str]] = {}
    keys = {q.key for q in current.questions if type_of(q).is_multiple}
    for question in g.questionnaire.questions():
        if _asks_per_item(question) and question.items_from in keys:
            stored = answers.get(question.key) or {}
            source = g.questionnaire.question(question.items_from)
            labels = {c.code: c.label.get_text(g.language) for c in source.choices}
            found.setdefault(question.items_from, {}).update(
                {code: labels.get(code, code) for code, value in stored.items() if value}
            )
    return found


def _describe_conflicts(
    conflicts: dict[str, Any], items: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """Each conflicting question with both answers as text; on an item's page (``items``: the
    item's code -> label) the label is the item's name."""
    described = []
    for key, values in conflicts.items():
        base = key.removesuffix("_other").removesuffix("_no_attribution")
        try:
            label = g.questionnaire.question(base).label.get_text(g.language)
        except KeyError:
            label = key
        if items:
            label = ", ".join(items.values())
        described.append(
            {
                "key": key,
                "label": label,
                "yours": conflict_text(g.questionnaire, key, values.get("yours"), g.language),
                "theirs": conflict_text(g.questionnaire, key, values.get("theirs"), g.language),
            }
        )
    return described
