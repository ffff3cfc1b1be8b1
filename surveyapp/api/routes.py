"""JSON API: questionnaires for anyone, the own response for a respondent's bearer token.

Who may call each view is said by its decorator (``surveyapp.api.blueprint``).
"""

from __future__ import annotations

from typing import Any

from flask import abort, g, jsonify, request
from sqlalchemy import select

from surveyapp import mail, operations
from surveyapp.api.blueprint import blueprint, for_respondent, public
from surveyapp.auth.access import respondent_actor
from surveyapp.extensions import db
from surveyapp.i18n import translate_errors
from surveyapp.models import QuestionnaireVersion, Response
from surveyapp.operations.responses import MAX_QUERY_REPLY, NoOpenQuery, reply_to_query
from surveyapp.questionnaire.model import RESPONDENT_TYPES
from surveyapp.questionnaire.text import UnprintableText
from surveyapp.questionnaire.types import AnswerProblem
from surveyapp.request_input import MAX_DATABASE_INTEGER, MAX_JSON_DEPTH

VERSION_MESSAGE = (
    f"'version' must be the whole number (0 to {MAX_DATABASE_INTEGER}) of the version you "
    "started from, as GET /response gives it."
)


@blueprint.get("/questionnaires/<respondent_type>")
@public
def questionnaire(respondent_type: str):
    """The questionnaire of ``respondent_type`` as JSON (the open round's version)."""
    if respondent_type not in RESPONDENT_TYPES:
        abort(404, "No questionnaire for this respondent type.")
    survey_round = operations.current_round()
    version = survey_round.questionnaire_for(respondent_type) if survey_round else None
    if version is None:
        version = db.session.scalar(
            select(QuestionnaireVersion)
            .filter_by(respondent_type=respondent_type)
            .order_by(QuestionnaireVersion.id.desc())
            .limit(1)
        )
    if version is None:
        abort(404, "No questionnaire has been loaded for this respondent type.")
    return jsonify(version.content)


@blueprint.get("/response")
@for_respondent
def get_response():
    """The respondent's own response: answers, status and version."""
    return jsonify(_response_json(g.response))


@blueprint.patch("/response")
@for_respondent
def patch_response():
    """Save some answers; 409 on a stale version, 422 with errors per question key."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("answers"), dict):
        return _error(
            400,
            "bad_request",
            'Send {"version": N, "answers": {...}} as JSON: an object whose "answers" is an '
            f"object, nested at most {MAX_JSON_DEPTH} levels deep.",
        )
    version = _version(body.get("version"))
    if version is None:
        return _error(400, "bad_request", VERSION_MESSAGE)
    response: Response = g.response
    try:
        result = operations.save_answers(
            response, version, body["answers"], actor=_actor(), channel="api"
        )
    except operations.StaleVersion as stale:
        return jsonify(
            error="conflict",
            message="The response was changed since your version. Nothing was saved.",
            version=stale.current_version,
            conflicts=stale.conflicts,
        ), 409
    except operations.AnswersInvalid as invalid:
        db.session.rollback()
        return jsonify(
            error="invalid",
            message="Some answers are invalid.",
            errors=translate_errors(invalid.errors),
            codes=problem_codes(invalid.errors),
        ), 422
    except operations.ResponseClosed as closed:
        return _closed(closed)
    db.session.commit()
    return jsonify(version=result.version, changed=result.changed, answers=response.answer_values())


@blueprint.post("/response/submit")
@for_respondent
def submit():
    """Submit the response; 422 lists what is missing or invalid."""
    body = request.get_json(silent=True) if request.get_data() else {}
    if not isinstance(body, dict):
        return _error(
            400,
            "bad_request",
            'Send nothing, or {"version": N} as JSON: an object, nested at most '
            f"{MAX_JSON_DEPTH} levels deep.",
        )
    version = _version(body["version"]) if "version" in body else None
    if "version" in body and version is None:
        return _error(400, "bad_request", VERSION_MESSAGE)
    response: Response = g.response
    try:
        operations.submit_response(response, actor=_actor(), channel="api", version=version)
    except operations.AnswersInvalid as invalid:
        return jsonify(
            error="incomplete",
            message="Some answers are missing or invalid.",
            errors=translate_errors(invalid.errors),
            codes=problem_codes(invalid.errors),
        ), 422
    except operations.StaleVersion as stale:
        return jsonify(
            error="conflict",
            message="The response was changed since your version.",
            version=stale.current_version,
            conflicts={},
        ), 409
    except operations.ResponseClosed as closed:
        return _closed(closed)
    confirmation = mail.queue_confirmation(response, g.invitation, actor=_actor())
    db.session.commit()
    if confirmation is not None:
        mail.deliver_pending(message_ids=[confirmation.id])
    return jsonify(_response_json(response))


@blueprint.post("/response/query/reply")
@for_respondent
def reply():
    """Reply to the analyst's query; the answers need not be open (a submitted response too).

    400 on a malformed body, 422 on a blank, too long or unprintable reply, 409 when the
    response has no open query.
    """
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("reply"), str):
        return _error(
            400,
            "bad_request",
            'Send {"reply": "..."} as JSON: an object whose "reply" is a text, nested at most '
            f"{MAX_JSON_DEPTH} levels deep.",
        )
    response: Response = g.response
    try:
        reply_to_query(response, body["reply"], actor=_actor(), channel="api")
    except NoOpenQuery:
        return _error(409, "no_query", "The response has no open query to reply to.")
    except UnprintableText as error:
        return _error(
            422,
            "invalid",
            f"The reply contains a character that cannot be stored ({error.code}, at character "
            f"{error.position}).",
        )
    except ValueError:
        return _error(
            422, "invalid", f"Write the reply: some text, at most {MAX_QUERY_REPLY} characters."
        )
    db.session.commit()
    return jsonify(_response_json(response))


def query_json(response: Response) -> dict[str, Any] | None:
    """The analyst's query on ``response`` and the respondent's reply (None when there is none)."""
    if response.review_status not in ("query_raised", "query_answered"):
        return None
    return {
        "state": "answered" if response.review_status == "query_answered" else "open",
        "message": response.query_message,
        "question_key": response.query_question_key,
        "item_code": response.query_item_code,
        "raised_at": _iso(response.query_raised_at),
        "reply": response.query_reply,
        "replied_at": _iso(response.query_replied_at),
    }


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def _response_json(response: Response) -> dict[str, Any]:
    return {
        "id": response.id,
        "organisation": response.organisation.to_json(),
        "round": {"id": response.round.id, "name": response.round.name},
        "respondent_type": response.organisation.kind,
        "questionnaire": {
            "id": response.questionnaire_version.questionnaire_id,
            "version": response.questionnaire_version.version,
        },
        "status": response.status,
        "review_status": response.review_status,
        "query_message": response.query_message,
        "query": query_json(response),
        "version": response.version,
        "submitted_at": response.submitted_at.isoformat() if response.submitted_at else None,
        "answers": response.answer_values(),
    }


def problem_codes(errors: dict[str, list[str]]) -> dict[str, list[dict[str, Any]]]:
    """The problems of ``errors`` for programs: ``{"code": ..., **parameters}`` per message."""
    return {
        path: [
            problem.to_json() if isinstance(problem, AnswerProblem) else {"code": "invalid"}
            for problem in problems
        ]
        for path, problems in errors.items()
    }


def _actor() -> str:
    return respondent_actor(g.invitation.organisation.code)


def _closed(closed: operations.ResponseClosed):
    if closed.reason == "submitted":
        message = "The response has been submitted; ask an analyst to reopen it to change it."
    else:
        message = "The survey round is closed."
    return jsonify(error=closed.reason, message=message), 409


def _version(value: Any) -> int | None:
    """``value`` as a response's version, or None when it cannot be one.

    JSON has one kind of number: ``3.0`` is the integer 3 (JSON Schema agrees); ``true`` is not
    a number, though Python counts booleans as integers.
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and 0 <= value <= MAX_DATABASE_INTEGER
    ):
        return value
    return None


def _error(status: int, code: str, message: str):
    return jsonify(error=code, message=message), status
