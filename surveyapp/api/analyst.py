"""The analyst API: responses, ISCMs and summary PDFs, for a personal API token.

Routes hang on the ``api`` blueprint; ``@for_analyst`` admits a request to them only with
``Authorization: Bearer <personal token>`` of an active analyst or administrator.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flask import Response as HttpResponse
from flask import abort, current_app, jsonify, request, url_for
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from reports.limits import RenderError
from surveyapp import operations
from surveyapp.api.blueprint import blueprint, for_analyst, public
from surveyapp.api.routes import query_json
from surveyapp.dossiers import UnknownIscm
from surveyapp.extensions import db
from surveyapp.models import Membership, Organisation, Response, SurveyRound
from surveyapp.pdfs import render_limits, summary_pdf
from surveyapp.questionnaire.model import LANGUAGES, RESPONDENT_TYPES
from surveyapp.request_input import MAX_DATABASE_INTEGER, whole_number

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200


def _int_arg(name: str, default: int | None, low: int, high: int) -> int | None:
    """The query parameter ``name`` as a whole number from ``low`` to ``high``; else 400."""
    raw = request.args.get(name)
    if raw is None:
        return default
    number = whole_number(raw, low, high)
    if number is None:
        abort(400, f"'{name}' must be a whole number from {low} to {high}.")
    return number


def analyst_response_json(response: Response) -> dict[str, Any]:
    """A response as the analyst API serves it."""
    return {
        "id": response.id,
        "organisation": response.organisation.to_json(),
        "respondent_type": response.organisation.kind,
        "round": {"id": response.round_id, "name": response.round.name},
        "questionnaire": {
            "id": response.questionnaire_version.questionnaire_id,
            "version": response.questionnaire_version.version,
        },
        "status": response.status,
        "review_status": response.review_status,
        "query_message": response.query_message,
        "query_question_key": response.query_question_key,
        "query": query_json(response),
        "language": response.language,
        "illustrative": response.illustrative,
        "version": response.version,
        "created_at": response.created_at.isoformat(),
        "updated_at": response.updated_at.isoformat(),
        "submitted_at": response.submitted_at.isoformat() if response.submitted_at else None,
        "answers": response.answer_values(),
    }


@blueprint.get("/responses")
@for_analyst
def list_responses():
    """Responses, newest round first, a page at a time.

    Filters: round, type, status, organisation.
    """
    page = _int_arg("page", 1, 1, 1_000_000)
    per_page = _int_arg("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    query = select(Response).join(Response.organisation)
    round_id = _int_arg("round", None, 1, MAX_DATABASE_INTEGER)
    if round_id is not None:
        query = query.where(Response.round_id == round_id)
    kind = request.args.get("type")
    if kind is not None:
        if kind not in RESPONDENT_TYPES:
            abort(400, "'type' must be state, iscm or igo.")
        query = query.where(Organisation.kind == kind)
    status = request.args.get("status")
    if status is not None:
        if status not in ("invited", "in_progress", "submitted"):
            abort(400, "'status' must be invited, in_progress or submitted.")
        query = query.where(Response.status == status)
    code = request.args.get("organisation")
    if code is not None:
        query = query.where(Organisation.code == code)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    responses = db.session.scalars(
        query.options(
            selectinload(Response.answers),
            selectinload(Response.organisation),
            selectinload(Response.questionnaire_version),
            selectinload(Response.round),
        )
        .order_by(Response.round_id.desc(), Response.id)
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    pages = max(1, -(-total // per_page))
    args = {k: v for k, v in request.args.items() if k not in ("page", "per_page")}
    next_url = (
        url_for("api.list_responses", page=page + 1, per_page=per_page, **args, _external=True)
        if page < pages
        else None
    )
    body = jsonify(
        items=[analyst_response_json(r) for r in responses],
        page=page,
        per_page=per_page,
        total=total,
        pages=pages,
        next=next_url,
    )
    if next_url:
        body.headers["Link"] = f'<{next_url}>; rel="next"'
    return body


@blueprint.get("/responses/<int:response_id>")
@for_analyst
def get_response_by_id(response_id: int):
    """One response with its answers."""
    response = db.session.get(Response, response_id)
    if response is None:
        abort(404, "No response has this number.")
    return jsonify(analyst_response_json(response))


@blueprint.get("/iscms")
@for_analyst
def list_iscms():
    """Every ISCM in the registry with its members and, per round, its response's status."""
    iscms = db.session.scalars(
        select(Organisation).filter_by(kind="iscm").order_by(Organisation.code)
    ).all()
    members: dict[int, list[dict[str, Any]]] = {}
    for membership in db.session.scalars(
        select(Membership).options(selectinload(Membership.member))
    ):
        members.setdefault(membership.iscm_id, []).append(
            {
                "code": membership.member.code,
                "kind": membership.member.kind,
                "role": membership.role,
                "illustrative": membership.illustrative,
            }
        )
    survey_round = operations.current_round() or db.session.scalar(
        select(SurveyRound).order_by(SurveyRound.id.desc()).limit(1)
    )
    statuses = {}
    if survey_round is not None:
        statuses = dict(
            db.session.execute(
                select(Response.organisation_id, Response.status).filter_by(
                    round_id=survey_round.id
                )
            ).all()
        )
    items = []
    for iscm in iscms:
        entry = iscm.to_json()
        entry.update(
            iscm_kind=iscm.iscm_kind,
            secretariat=iscm.secretariat,
            members=members.get(iscm.id, []),
            response_status=statuses.get(iscm.id),
            report=url_for("api.iscm_report", code=iscm.code, _external=True),
        )
        items.append(entry)
    return jsonify(
        items=items,
        round={"id": survey_round.id, "name": survey_round.name} if survey_round else None,
    )


@blueprint.get("/reports/iscm/<code>.pdf")
@for_analyst
def iscm_report(code: str):
    """The summary of findings of ISCM ``code`` as PDF (``?lang=en|fr|es|ar``)."""
    language = request.args.get("lang", "en")
    if language not in LANGUAGES:
        abort(400, "'lang' must be en, fr, es or ar.")
    try:
        pdf, _key = summary_pdf(code, language=language, limits=render_limits())
    except UnknownIscm as error:
        abort(404, str(error))
    except RenderError as error:
        abort(503, f"The summary could not be rendered: {error}")
    db.session.commit()
    return HttpResponse(
        pdf,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{code}-{language}.pdf"'},
    )


@blueprint.get("/openapi.json")
@public
def openapi():
    """The API's description (OpenAPI 3.1), with this server's address."""
    path = Path(current_app.static_folder) / "openapi.json"
    spec = json.loads(path.read_text(encoding="utf-8"))
    spec["servers"] = [{"url": request.url_root.rstrip("/") + blueprint.url_prefix}]
    return jsonify(spec)
