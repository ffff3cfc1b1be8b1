"""The respondent's pages, opened by the personal link ``/r/<token>``."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, abort, flash, g, redirect, render_template, request, session, url_for

from surveyapp import operations
from surveyapp.extensions import db
from surveyapp.models import Organisation
from surveyapp.questionnaire import Question, section_errors
from surveyapp.respond.forms import attach_errors, build_section_form, posted_answers

blueprint = Blueprint("respond", __name__, url_prefix="/r/<token>")


@blueprint.url_value_preprocessor
def load_invitation(_endpoint, values):
    """Every page here belongs to one invitation; an unknown or revoked token is a 404."""
    token = values.pop("token", None) if values else None
    invitation = operations.find_invitation(token or "")
    if invitation is None:
        abort(404)
    g.token = token
    g.invitation = invitation
    g.response = invitation.response
    g.questionnaire = invitation.response.questionnaire_version.questionnaire()
    g.language = invitation.response.language or "en"


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


def _attempted_key() -> str:
    return f"submit-attempted-{g.response.id}"


def _section_states(answers: dict[str, Any]) -> list[dict[str, Any]]:
    attempted = session.get(_attempted_key(), False)
    states = []
    for section in g.questionnaire.sections:
        keys = _section_keys(section)
        answered = any(k in answers for k in keys)
        errors = section_errors(g.questionnaire, section.key, answers)
        if not errors and answered:
            state = "completed"
        elif not errors and not any(q.required for q in section.questions):
            state = "completed" if answered else "not_started"
        elif not answered:
            state = "has_errors" if attempted else "not_started"
        else:
            state = "has_errors" if attempted else "in_progress"
        states.append(
            {"section": section, "state": state, "errors": errors, "title": _t(section.title)}
        )
    return states


def _section_keys(section) -> set[str]:
    keys = set()
    for question in section.questions:
        keys.add(question.key)
        keys.add(f"{question.key}_other")
    return keys


def _t(text) -> str:
    return text.get_text(g.language) if text else ""


@blueprint.get("/", strict_slashes=False)
def tasklist():
    """The entry page: the round, the organisation and each section's state."""
    answers = g.response.answer_values()
    return render_template(
        "respond/tasklist.html",
        sections=_section_states(answers),
        submit_errors=None,
    )


@blueprint.route("/s/<section_key>", methods=["GET", "POST"])
def section(section_key: str):
    """One section of the questionnaire as a form; POST saves it."""
    try:
        current = g.questionnaire.section(section_key)
    except KeyError:
        abort(404)
    response = g.response
    if response.status == "submitted":
        flash("Your answers have been submitted. Ask the IOM team to reopen them to make changes.")
        return redirect(url_for("respond.tasklist"))
    answers = response.answer_values()
    formdata = request.form if request.method == "POST" else None
    form, layout = build_section_form(
        g.questionnaire,
        current,
        answers,
        g.language,
        formdata=formdata,
        item_labels=lambda q: _item_labels(q, answers),
    )
    summary: list[tuple[str, str, str]] = []
    conflicts: dict[str, Any] = {}
    if request.method == "POST":
        if not form.validate():
            summary = [("", "Form", "The form has expired. Please try again.")]
        else:
            posted = posted_answers(current, form)
            try:
                version = int(form.version.data)
            except (TypeError, ValueError):
                version = -1
            try:
                operations.save_answers(
                    response,
                    version,
                    posted.answers,
                    actor=f"respondent:{g.invitation.organisation.code}",
                    channel="web",
                    partial_ok=True,
                )
            except operations.AnswersInvalid as invalid:
                db.session.commit()
                summary = attach_errors(
                    current, form, invalid.errors, posted.row_positions, g.language
                )
            except operations.StaleVersion as stale:
                db.session.rollback()
                conflicts = stale.conflicts
                form.version.data = str(stale.current_version)
            except operations.ResponseClosed:
                db.session.rollback()
                flash("This response can no longer be changed.")
                return redirect(url_for("respond.tasklist"))
            else:
                db.session.commit()
                flash("Your answers have been saved.")
                if request.form.get("action") == "stay":
                    return redirect(url_for("respond.section", section_key=section_key))
                return redirect(_next_url(section_key))
        if summary:
            form.version.data = str(response.version)
    else:
        form.version.data = str(response.version)
    status = 422 if summary else 409 if conflicts else 200
    return render_template(
        "respond/section.html",
        current=current,
        form=form,
        layout=layout,
        summary=summary,
        conflicts=_describe_conflicts(conflicts),
        context_answers=json.dumps(answers),
        position=[s.key for s in g.questionnaire.sections].index(section_key) + 1,
        t=_t,
    ), status


@blueprint.post("/submit")
def submit():
    """Submit the response when complete; otherwise list what is missing."""
    from flask_wtf.csrf import validate_csrf
    from wtforms import ValidationError

    try:
        validate_csrf(request.form.get("csrf_token"))
    except ValidationError:
        abort(400, "The form has expired. Please go back and try again.")
    response = g.response
    try:
        operations.submit_response(
            response, actor=f"respondent:{g.invitation.organisation.code}", channel="web"
        )
    except operations.AnswersInvalid:
        session[_attempted_key()] = True
        answers = response.answer_values()
        states = _section_states(answers)
        return render_template(
            "respond/tasklist.html",
            sections=states,
            submit_errors=[s for s in states if s["errors"]],
        ), 422
    except (operations.ResponseClosed, operations.StaleVersion):
        db.session.rollback()
        return redirect(url_for("respond.tasklist"))
    db.session.commit()
    session.pop(_attempted_key(), None)
    return redirect(url_for("respond.submitted"))


@blueprint.get("/submitted")
def submitted():
    """The confirmation after submission."""
    if g.response.status != "submitted":
        return redirect(url_for("respond.tasklist"))
    return render_template("respond/submitted.html")


def _next_url(section_key: str) -> str:
    keys = [s.key for s in g.questionnaire.sections]
    index = keys.index(section_key)
    if index + 1 < len(keys):
        return url_for("respond.section", section_key=keys[index + 1])
    return url_for("respond.tasklist")


def _item_labels(question: Question, answers: dict[str, Any]) -> dict[str, str]:
    """Item code -> label of the items chosen in the question a ``per_item`` block follows."""
    source = g.questionnaire.question(question.items_from)
    chosen = answers.get(question.items_from) or []
    labels = {c.code: c.label.get_text(g.language) for c in source.choices}
    return {code: labels.get(code, code) for code in chosen if code != "other"}


def _describe_conflicts(conflicts: dict[str, Any]) -> list[dict[str, Any]]:
    described = []
    for key, values in conflicts.items():
        try:
            label = g.questionnaire.question(key).label.get_text(g.language)
        except KeyError:
            label = key
        described.append(
            {
                "key": key,
                "label": label,
                "yours": _display(values.get("yours")),
                "theirs": _display(values.get("theirs")),
            }
        )
    return described


def _display(value: Any) -> str:
    if value is None:
        return "(no answer)"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def organisation_name(organisation: Organisation) -> str:
    """The organisation's name in the respondent's language."""
    return organisation.name(g.language)
