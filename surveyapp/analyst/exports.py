"""Exports from the browser: the same files as ``surveyapp export``."""

from __future__ import annotations

import tempfile

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import _
from sqlalchemy import select

from surveyapp import exports
from surveyapp.analyst.blueprint import blueprint
from surveyapp.extensions import db
from surveyapp.i18n import LANGUAGE_NAMES
from surveyapp.models import SurveyRound
from surveyapp.questionnaire.model import RESPONDENT_TYPES
from surveyapp.request_input import whole_number

#: exports larger than this are spooled to a temporary file instead of memory
SPOOL_BYTES = 8 * 1024 * 1024


@blueprint.get("/exports")
def exports_page():
    """The export form."""
    rounds = db.session.scalars(select(SurveyRound).order_by(SurveyRound.id.desc())).all()
    current = exports.round_for_export(None)
    return render_template(
        "analyst/exports.html",
        rounds=rounds,
        current=current,
        languages=LANGUAGE_NAMES,
        split_limit=exports.SPLIT_LIMIT,
    )


@blueprint.get("/exports/download")
def download_export():
    """Build the export the form asked for and send it as a file."""
    file_format = request.args.get("format")
    kind = request.args.get("type") or None
    language = request.args.get("lang") or "en"
    round_id = request.args.get("round", "")
    problem = None
    if file_format not in exports.FORMATS:
        problem = _("Choose CSV or XLSX.")
    elif kind is not None and kind not in RESPONDENT_TYPES:
        problem = _("Choose States, ISCM secretariats, IGOs or all types.")
    elif language not in LANGUAGE_NAMES:
        problem = _("Choose English, French, Spanish or Arabic.")
    if problem:
        flash(problem)
        return redirect(url_for("analyst.exports_page"))
    # A round that is not a whole number a column can hold is no round: 404 like an unknown one.
    asked = whole_number(round_id)
    survey_round = exports.round_for_export(asked) if asked or not round_id else None
    if round_id and survey_round is None:
        abort(404)
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (send_file closes it)
    exports.export_round(
        survey_round,
        spool,
        file_format=file_format,
        kinds=(kind,) if kind else RESPONDENT_TYPES,
        labels=request.args.get("labels") == "1",
        language=language,
        split_large=request.args.get("split_large") == "1",
    )
    spool.seek(0)
    stem = f"iscm-assessment-{survey_round.year if survey_round else 'empty'}-{kind or 'all'}"
    if file_format == "xlsx":
        name = f"{stem}.xlsx"
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        name = f"{stem}-csv.zip"
        mimetype = "application/zip"
    return send_file(spool, mimetype=mimetype, as_attachment=True, download_name=name)
