"""Review: read a response in full, accept it, raise a query on a question, reopen it, and
read its audit trail."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import _, get_locale
from sqlalchemy import select

from surveyapp import operations
from surveyapp.analyst.blueprint import blueprint
from surveyapp.analyst.forms import ReviewForm
from surveyapp.auth.access import RESPONDENT_ACTOR, actor
from surveyapp.extensions import db
from surveyapp.models import AuditEvent, Organisation, Response
from surveyapp.questionnaire import Questionnaire, visible_answers
from surveyapp.questionnaire.types import AnswerShape, type_of
from surveyapp.respond.display import value_text


@dataclass
class ShownAnswer:
    """One question and its answer as the analyst reads them."""

    key: str
    label: str
    type: str
    #: plain text for simple answers; None when unanswered
    text: str | None = None
    #: for ``repeat``: column labels and rows of texts; for ``per_item``: item label -> rows
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    items: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    other: str | None = None
    not_for_attribution: bool = False

    @property
    def shape(self) -> str:
        """What the answer is made of (``value``, ``rows``, ``items``), for the layout."""
        return type_of(self.type).shape.value


@dataclass
class ShownSection:
    """A section's title and its answers."""

    key: str
    title: str
    answers: list[ShownAnswer]


def shown_sections(questionnaire: Questionnaire, answers: dict[str, Any], language: str):
    """Every section with its questions and visible answers, labelled in ``language``."""
    visible = visible_answers(questionnaire, answers)
    sections = []
    for section in questionnaire.sections:
        shown = []
        for question in section.questions:
            shape = type_of(question).shape
            if shape is AnswerShape.NONE:
                continue
            value = visible.get(question.key)
            entry = ShownAnswer(question.key, question.label.get_text(language), question.type)
            if shape is AnswerShape.ROWS:
                entry.columns = [child.label.get_text(language) for child in question.questions]
                for row in value or []:
                    entry.rows.append(
                        [
                            value_text(c, (row or {}).get(c.key), language)
                            for c in question.questions
                        ]
                    )
            elif shape is AnswerShape.ITEMS:
                source = (
                    questionnaire.question(question.items_from) if question.items_from else None
                )
                for item_code, item_answers in (value or {}).items():
                    item_label = source.label_for(item_code, language) if source else item_code
                    entry.items.append(
                        (
                            item_label,
                            [
                                (
                                    child.label.get_text(language),
                                    value_text(
                                        child, (item_answers or {}).get(child.key), language
                                    ),
                                )
                                for child in question.questions
                                if type_of(child).takes_answer
                            ],
                        )
                    )
            else:
                entry.text = value_text(question, value, language) or None
            entry.other = visible.get(question.other_key) if question.other else None
            entry.not_for_attribution = bool(visible.get(question.no_attribution_key))
            shown.append(entry)
        sections.append(ShownSection(section.key, section.title.get_text(language), shown))
    return sections


def _load(response_id: int) -> Response:
    return db.session.get(Response, response_id) or abort(404)


@blueprint.get("/responses/<int:response_id>")
def response(response_id: int):
    """A response in full, the review actions, and the audit trail."""
    response = _load(response_id)
    language = str(get_locale() or "en")
    questionnaire = response.questionnaire_version.questionnaire()
    sections = shown_sections(questionnaire, response.answer_values(), language)
    trail = db.session.scalars(
        select(AuditEvent)
        .filter_by(response_id=response.id)
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    ).all()
    labels = {q.key: q.label.get_text(language) for q in questionnaire.all_questions()}
    # organisations named in the trail by code (an ISCM's block, a respondent's actor name)
    codes = {e.item_code for e in trail if e.item_code} | {
        e.actor.removeprefix(RESPONDENT_ACTOR)
        for e in trail
        if e.actor.startswith(RESPONDENT_ACTOR)
    }
    names = {
        o.code: o.name(language)
        for o in db.session.scalars(select(Organisation).where(Organisation.code.in_(codes)))
    }
    return render_template(
        "analyst/response.html",
        response=response,
        sections=sections,
        trail=trail,
        labels=labels,
        names=names,
        respondent_actor=RESPONDENT_ACTOR,
        questions=[
            (q.key, q.label.get_text(language))
            for q in questionnaire.questions()
            if type_of(q).takes_answer
        ],
    )


@blueprint.post("/responses/<int:response_id>/review")
def review(response_id: int):
    """Accept the response, raise a query on one question, or set it back to unreviewed."""
    response = _load(response_id)
    form = ReviewForm()
    if not form.validate_on_submit():
        if form.decision.errors or not form.message.errors:
            abort(400, _("Choose a review decision."))
        flash(form.message.errors[0])
        return redirect(url_for("analyst.response", response_id=response.id) + "#review")
    if form.decision.data == "accept":
        operations.set_review_status(response, "accepted", actor=actor())
        flash(_("Marked as accepted."))
    elif form.decision.data == "unreviewed":
        operations.set_review_status(response, "unreviewed", actor=actor())
        flash(_("Marked as not reviewed."))
    else:
        question_key = form.question_key.data
        questionnaire = response.questionnaire_version.questionnaire()
        known = {q.key for q in questionnaire.questions()}
        if question_key is not None and question_key not in known:
            abort(400, _("That question is not in this questionnaire."))
        operations.set_review_status(
            response,
            "query_raised",
            actor=actor(),
            message=form.message.data,
            question_key=question_key,
        )
        if response.status == "submitted":
            operations.reopen_response(response, actor=actor())
        flash(_("Query raised: the respondent sees it on the questionnaire's first page."))
    db.session.commit()
    return redirect(url_for("analyst.response", response_id=response.id))


@blueprint.post("/responses/<int:response_id>/reopen")
def reopen(response_id: int):
    """Let the respondent change a submitted response again."""
    response = _load(response_id)
    if response.status != "submitted":
        flash(_("Only a submitted response can be reopened."))
    else:
        operations.reopen_response(response, actor=actor())
        flash(_("Reopened: the respondent can change the answers and submit again."))
    db.session.commit()
    return redirect(url_for("analyst.response", response_id=response.id))
