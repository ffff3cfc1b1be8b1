"""Review: read a response in full, accept it, raise a query on a question (or one ISCM's block
of a per-ISCM question), read the respondent's reply and what changed, reopen it, and read its
audit trail."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import _, get_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from surveyapp import operations
from surveyapp.analyst.blueprint import blueprint
from surveyapp.analyst.forms import QueryReviewForm
from surveyapp.auth.access import RESPONDENT_ACTOR, actor
from surveyapp.extensions import db
from surveyapp.models import AuditEvent, Organisation, Response
from surveyapp.questionnaire import Questionnaire, visible_answers
from surveyapp.questionnaire.types import AnswerShape, type_of
from surveyapp.respond.display import conflict_text, value_text

#: the review states as the workspace names them
REVIEW_STATE_LABELS = {
    "unreviewed": _l("unreviewed"),
    "accepted": _l("accepted"),
    "query_raised": _l("query raised"),
    "query_answered": _l("query answered"),
}


@dataclass
class QueryChange:
    """One answer the respondent changed since the query was raised: before and after."""

    label: str
    before: str
    after: str


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


def query_changes(
    response: Response, questionnaire: Questionnaire, language: str, names: dict[str, str]
) -> list[QueryChange]:
    """What the respondent changed in the queried answer since the query was raised.

    Read from the audit trail: the value before is the old value of the first change after
    the query; the value after is the answer as it stands. A query on a per-ISCM question
    lists the changed answers of each block (only the queried ISCM's when it names one).

    :param names: organisation code -> name, for the ISCMs' blocks.
    """
    key = response.query_question_key
    if not key or response.query_raised_at is None:
        return []
    keys = (key, f"{key}_other", f"{key}_no_attribution")
    query = (
        select(AuditEvent)
        .where(
            AuditEvent.response_id == response.id,
            AuditEvent.action == "answer",
            AuditEvent.question_key.in_(keys),
            AuditEvent.created_at >= response.query_raised_at,
        )
        .order_by(AuditEvent.created_at, AuditEvent.id)
    )
    if response.query_item_code:
        query = query.where(AuditEvent.item_code == response.query_item_code)
    before: dict[tuple[str, str], Any] = {}
    for event in db.session.scalars(query):
        before.setdefault((event.question_key, event.item_code or ""), event.old_value)
    current = response.answer_values()
    changes = []
    for (changed_key, item_code), old in before.items():
        new = current.get(changed_key)
        if item_code:
            new = (new or {}).get(item_code) if isinstance(new, dict) else None
            changes.extend(
                _item_changes(
                    questionnaire, changed_key, names.get(item_code, item_code), old, new, language
                )
            )
        elif old != new:
            label = _answer_label(questionnaire, changed_key, language)
            changes.append(
                QueryChange(
                    label,
                    conflict_text(questionnaire, changed_key, old, language),
                    conflict_text(questionnaire, changed_key, new, language),
                )
            )
    return changes


def _answer_label(questionnaire: Questionnaire, key: str, language: str) -> str:
    """The label of a top-level answer key (a question, its "other" text or attribution)."""
    base = key.removesuffix("_other").removesuffix("_no_attribution")
    label = questionnaire.question(base).label.get_text(language)
    if key.endswith("_other"):
        return _("%(question)s (other)", question=label)
    if key.endswith("_no_attribution"):
        return _("%(question)s (not for attribution)", question=label)
    return label


def _item_changes(
    questionnaire: Questionnaire, key: str, item_name: str, old: Any, new: Any, language: str
) -> list[QueryChange]:
    """The changed child answers of one item's block, each labelled "ISCM: question"."""
    question = questionnaire.question(key)
    old = old if isinstance(old, dict) else {}
    new = new if isinstance(new, dict) else {}
    changes = []
    for child in question.questions:
        for child_key in (child.key, child.other_key, child.no_attribution_key):
            if child_key not in old and child_key not in new:
                continue
            was, now = old.get(child_key), new.get(child_key)
            if was == now:
                continue
            if child_key == child.key:
                label, was_text, now_text = (
                    child.label.get_text(language),
                    value_text(child, was, language),
                    value_text(child, now, language),
                )
            else:
                label = _answer_label_of_child(child, child_key, language)
                was_text, now_text = _plain(was), _plain(now)
            changes.append(
                QueryChange(
                    _("%(item)s: %(question)s", item=item_name, question=label), was_text, now_text
                )
            )
    return changes


def _answer_label_of_child(child, child_key: str, language: str) -> str:
    label = child.label.get_text(language)
    if child_key == child.other_key:
        return _("%(question)s (other)", question=label)
    return _("%(question)s (not for attribution)", question=label)


def _plain(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return str(value)


def query_items(questionnaire: Questionnaire, answers: dict[str, Any]) -> list[str]:
    """The items (ISCM codes) a query can target: those answered in a per-item question."""
    codes: list[str] = []
    for question in questionnaire.questions():
        if type_of(question).shape is AnswerShape.ITEMS:
            for code in answers.get(question.key) or {}:
                if code not in codes:
                    codes.append(code)
    return codes


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
    answers = response.answer_values()
    items = query_items(questionnaire, answers)
    codes = (
        {e.item_code for e in trail if e.item_code}
        | {
            e.actor.removeprefix(RESPONDENT_ACTOR)
            for e in trail
            if e.actor.startswith(RESPONDENT_ACTOR)
        }
        | set(items)
        | {response.query_item_code or ""}
    )
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
        review_labels=REVIEW_STATE_LABELS,
        query_items=[(code, names.get(code, code)) for code in items],
        changes=query_changes(response, questionnaire, language, names),
        questions=[
            (q.key, q.label.get_text(language))
            for q in questionnaire.questions()
            if type_of(q).takes_answer
        ],
    )


@blueprint.post("/responses/<int:response_id>/review")
def review(response_id: int):
    """Accept the response (which closes a query), set it back to unreviewed, or raise a query
    on the response, one question or one ISCM's block of a per-ISCM question."""
    response = _load(response_id)
    form = QueryReviewForm()
    if not form.validate_on_submit():
        if form.decision.errors or form.reopen.errors or not form.message.errors:
            abort(400, _("Choose a review decision."))
        flash(form.message.errors[0])
        return redirect(url_for("analyst.response", response_id=response.id) + "#review")
    if form.decision.data == "accept":
        closed = response.review_status in ("query_raised", "query_answered")
        operations.set_review_status(response, "accepted", actor=actor())
        flash(_("Query closed and response accepted.") if closed else _("Marked as accepted."))
    elif form.decision.data == "unreviewed":
        operations.set_review_status(response, "unreviewed", actor=actor())
        flash(_("Marked as not reviewed."))
    else:
        question_key, item_code = form.question_key.data, form.item_code.data
        questionnaire = response.questionnaire_version.questionnaire()
        known = {q.key: q for q in questionnaire.questions()}
        if question_key is not None and question_key not in known:
            abort(400, _("That question is not in this questionnaire."))
        if item_code is not None:
            question = known.get(question_key) if question_key else None
            chosen = response.answer_values().get(question.items_from) if question else None
            if (
                question is None
                or type_of(question).shape is not AnswerShape.ITEMS
                or item_code not in (chosen or [])
            ):
                flash(
                    _(
                        "A query can name an ISCM only with a per-ISCM question whose answers "
                        "include that ISCM. Choose the question again."
                    )
                )
                return redirect(url_for("analyst.response", response_id=response.id) + "#review")
        operations.set_review_status(
            response,
            "query_raised",
            actor=actor(),
            message=form.message.data,
            question_key=question_key,
            item_code=item_code,
        )
        if response.status == "submitted" and form.reopen.data == "yes":
            operations.reopen_response(response, actor=actor())
            flash(
                _(
                    "Query raised and response reopened: the respondent sees the query next to "
                    "the question and on the questionnaire's first page, and can reply and "
                    "change the answer."
                )
            )
        elif response.status == "submitted":
            flash(
                _(
                    "Query raised: the respondent sees it with the submitted answers and can "
                    "reply; the answers stay read-only."
                )
            )
        else:
            flash(
                _(
                    "Query raised: the respondent sees it next to the question and on the "
                    "questionnaire's first page, and can reply and change the answer."
                )
            )
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
