"""Excel questionnaires: download one pre-filled for a response, upload it filled in.

The routes hang on the analysts' blueprint, whose ``before_request`` already requires an
analyst or administrator.
"""

from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING, Any

from flask import abort, current_app, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired

from surveyapp import operations
from surveyapp.analyst.blueprint import blueprint
from surveyapp.extensions import db
from surveyapp.i18n import LANGUAGE_NAMES, translate_problem
from surveyapp.interop.workbook_limits import WorkbookRefused, WorkbookTooLarge
from surveyapp.models import Response
from surveyapp.questionnaire import Questionnaire

if TYPE_CHECKING:
    from surveyapp.interop.excel_questionnaire import CellError, FilledQuestionnaire

#: the largest workbook accepted (a filled questionnaire is well under 1 MB)
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: languages by code, in their own names (as the respondent chooses them)
STATUS_LABELS = {
    "invited": _l("invited"),
    "in_progress": _l("in progress"),
    "submitted": _l("submitted"),
}


class UploadForm(FlaskForm):
    """The filled workbook."""

    workbook = FileField(
        _l("Filled questionnaire (.xlsx)"), validators=[FileRequired(_l("Choose a file."))]
    )


def _response(response_id: int) -> Response:
    response = db.session.get(Response, response_id)
    if response is None:
        abort(404)
    return response


def _label(questionnaire: Questionnaire, path: str) -> str:
    """The English label of the question at an answer path, for lists of errors."""
    for part in reversed(path.split(".")):
        for key in (part, part.removesuffix("_other"), part.removesuffix("_no_attribution")):
            try:
                return questionnaire.question(key).label.get_text("en")
            except KeyError:
                continue
    return path


def _page(response: Response, form: UploadForm, status: int = 200, **context: Any):
    return (
        render_template(
            "analyst/excel_response.html",
            response=response,
            form=form,
            max_megabytes=MAX_UPLOAD_BYTES // (1024 * 1024),
            status_label=STATUS_LABELS.get(response.status, response.status),
            language_name=LANGUAGE_NAMES.get(response.language, response.language),
            **context,
        ),
        status,
    )


@blueprint.get("/responses/<int:response_id>/excel")
def excel_response(response_id: int):
    """Download an Excel questionnaire for a response, or upload one filled in."""
    return _page(_response(response_id), UploadForm())


@blueprint.get("/responses/<int:response_id>/excel/questionnaire.xlsx")
def excel_download(response_id: int):
    """The questionnaire as a workbook, pre-filled, in the respondent's language."""
    # openpyxl (through the workbook module) is imported by the views that use it, not by
    # every command and worker that creates the application.
    from surveyapp.interop.excel_questionnaire import build_workbook

    response = _response(response_id)
    version = response.questionnaire_version
    data = build_workbook(
        version.questionnaire(),
        response.answer_values(),
        response_id=response.id,
        version=response.version,
        content_hash=version.content_hash,
        language=response.language or "en",
        secret_key=current_app.config["SECRET_KEY"],
    )
    name = f"{response.organisation.code}-{version.questionnaire_id}-v{response.version}.xlsx"
    return send_file(BytesIO(data), mimetype=XLSX_TYPE, as_attachment=True, download_name=name)


@blueprint.post("/responses/<int:response_id>/excel")
def excel_upload(response_id: int):
    """Read a filled workbook and save its answers as any other save (channel ``file``)."""
    from surveyapp.interop.excel_questionnaire import CellError, ExcelFileError, read_workbook

    response = _response(response_id)
    form = UploadForm()
    if not form.validate_on_submit():
        return _page(response, form, 400)
    data = form.workbook.data.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        return _page(
            response,
            form,
            413,
            problem=_("The file is larger than %(size)s MB.", size=MAX_UPLOAD_BYTES // 2**20),
        )
    questionnaire = response.questionnaire_version.questionnaire()

    def questionnaire_for(file_response_id: int, content_hash: str) -> Questionnaire:
        if file_response_id != response.id:
            raise ExcelFileError(
                _("This file belongs to another response (number %(id)s).", id=file_response_id)
            )
        if content_hash != response.questionnaire_version.content_hash:
            raise ExcelFileError(_("The questionnaire has changed since this file was made."))
        return questionnaire

    try:
        filled = read_workbook(data, questionnaire_for, secret_key=current_app.config["SECRET_KEY"])
    except WorkbookTooLarge as error:
        return _page(response, form, 413, problem=str(error))
    except (ExcelFileError, WorkbookRefused) as error:
        return _page(response, form, 400, problem=str(error))
    if filled.errors:
        return _page(response, form, 422, cell_errors=_cell_errors(questionnaire, filled))
    try:
        result = operations.save_answers(
            response,
            filled.version,
            filled.answers,
            actor=f"user:{current_user.email}",
            channel="file",
        )
    except operations.StaleVersion as stale:
        db.session.rollback()
        conflicts = [
            {
                "label": _label(questionnaire, key),
                "yours": _shown(c["yours"]),
                "theirs": _shown(c["theirs"]),
            }
            for key, c in stale.conflicts.items()
        ]
        return _page(
            response,
            form,
            409,
            stale={"file": filled.version, "now": stale.current_version, "conflicts": conflicts},
        )
    except operations.AnswersInvalid as invalid:
        db.session.rollback()
        errors = [
            CellError(*filled.where(path), " ".join(map(translate_problem, messages)))
            for path, messages in invalid.errors.items()
        ]
        return _page(response, form, 422, cell_errors=_rows(questionnaire, errors, invalid.errors))
    except operations.ResponseClosed:
        db.session.rollback()
        return _page(
            response,
            form,
            409,
            problem=_("The response is submitted or its round is closed: reopen it first."),
        )
    db.session.commit()
    flash(
        _(
            "The file's answers are saved: %(count)s change(s), now version %(version)s.",
            count=len(result.changed),
            version=result.version,
        )
    )
    return redirect(url_for("analyst.excel_response", response_id=response.id))


def _shown(value: Any) -> str:
    """An answer value as one line of text for the conflict table."""
    if value is None or value == [] or value == {}:
        return _("(no answer)")
    if isinstance(value, list):
        return "; ".join(_shown(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_shown(item)}" for key, item in value.items())
    return str(value)


def _cell_errors(questionnaire: Questionnaire, filled: FilledQuestionnaire) -> list[dict]:
    paths = {where: path for path, where in filled.cells.items()}
    return [
        {
            "sheet": error.sheet,
            "cell": error.cell,
            "question": _label(questionnaire, paths.get((error.sheet, error.cell), "")),
            "message": error.message,
        }
        for error in filled.errors
    ]


def _rows(questionnaire: Questionnaire, errors: list[CellError], by_path: dict) -> list[dict]:
    return [
        {
            "sheet": error.sheet,
            "cell": error.cell,
            "question": _label(questionnaire, path),
            "message": error.message,
        }
        for error, path in zip(errors, by_path, strict=True)
    ]
