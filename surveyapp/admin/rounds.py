"""Survey rounds: create, choose questionnaire versions, set the deadline, open and close."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import _
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from surveyapp import operations
from surveyapp.admin.blueprint import blueprint
from surveyapp.admin.forms import RoundForm, RoundStatusForm
from surveyapp.auth.access import actor
from surveyapp.extensions import db
from surveyapp.i18n import round_name
from surveyapp.models import QuestionnaireVersion, SurveyRound
from surveyapp.questionnaire.model import RESPONDENT_TYPES


def _round_form(survey_round: SurveyRound | None = None) -> RoundForm:
    form = RoundForm(obj=survey_round)
    for kind in RESPONDENT_TYPES:
        versions = db.session.scalars(
            select(QuestionnaireVersion)
            .filter_by(respondent_type=kind)
            .order_by(QuestionnaireVersion.id.desc())
        ).all()
        field = getattr(form, kind)
        field.choices = [
            SelectChoice(
                v.id, f"{v.questionnaire_id} {v.version} ({v.created_at:%Y-%m-%d}, #{v.id})"
            )
            for v in versions
        ]
        if request.method == "GET" and survey_round is not None:
            chosen = survey_round.questionnaire_for(kind)
            if chosen is not None:
                field.data = chosen.id
    if request.method == "GET" and survey_round is not None:
        for language in form.NAME_TRANSLATIONS:
            translated = round_name(survey_round, language)
            getattr(form, f"name_{language}").data = (
                translated if translated != survey_round.name else ""
            )
    return form


def _save_name_translations(form: RoundForm, survey_round: SurveyRound) -> None:
    """Keep the translations of the round's name given on ``form`` in the translation memory,
    where summaries and pages in those languages find it (a blank field forgets one)."""
    for language, text in form.name_translations().items():
        operations.save_passage_translation(survey_round.name, language, text, actor=actor())


def _chosen_versions(form: RoundForm) -> list[QuestionnaireVersion]:
    return [
        db.session.get(QuestionnaireVersion, getattr(form, kind).data) for kind in RESPONDENT_TYPES
    ]


@blueprint.route("/rounds", methods=["GET", "POST"])
def rounds():
    """Every round, and a form to create one (in draft)."""
    form = _round_form()
    if form.validate_on_submit():
        survey_round = operations.create_round(
            form.name.data.strip(),
            form.year.data,
            form.deadline.data,
            _chosen_versions(form),
            actor=actor(),
        )
        _save_name_translations(form, survey_round)
        db.session.commit()
        flash(
            _(
                "Round “%(name)s” created as a draft. Open it when it is ready.",
                name=survey_round.name,
            )
        )
        return redirect(url_for("admin.edit_round", round_id=survey_round.id))
    all_rounds = db.session.scalars(select(SurveyRound).order_by(SurveyRound.id.desc())).all()
    status = 422 if form.errors else 200
    return render_template("admin/rounds.html", form=form, rounds=all_rounds), status


@blueprint.route("/rounds/<int:round_id>", methods=["GET", "POST"])
def edit_round(round_id: int):
    """Rename a round, move its deadline, set its contact address, choose its questionnaire
    versions."""
    survey_round = db.session.get(SurveyRound, round_id) or abort(404)
    form = _round_form(survey_round)
    del form.year  # a round's year does not change
    if form.validate_on_submit():
        operations.update_round(
            survey_round,
            name=form.name.data.strip(),
            deadline=form.deadline.data,
            versions=_chosen_versions(form),
            actor=actor(),
            contact_email=form.contact_email.data,
        )
        _save_name_translations(form, survey_round)
        db.session.commit()
        flash(_("Round saved."))
        return redirect(url_for("admin.edit_round", round_id=survey_round.id))
    status = 422 if form.errors else 200
    return render_template("admin/round.html", form=form, survey_round=survey_round), status


@blueprint.post("/rounds/<int:round_id>/status")
def round_status(round_id: int):
    """Open or close a round (``status`` = ``open`` or ``closed``)."""
    survey_round = db.session.get(SurveyRound, round_id) or abort(404)
    form = RoundStatusForm()
    if not form.validate_on_submit():
        abort(400, _("Choose to open or to close the round."))
    status = form.status.data
    if status == "open" and any(
        survey_round.questionnaire_for(kind) is None for kind in RESPONDENT_TYPES
    ):
        flash(_("Attach a questionnaire for States, ISCMs and IGOs before opening the round."))
        return redirect(url_for("admin.edit_round", round_id=survey_round.id))
    operations.set_round_status(survey_round, status, actor=actor())
    db.session.commit()
    if status == "open":
        flash(_("The round is open: respondents can answer."))
    else:
        flash(_("The round is closed: it accepts no more answers."))
    return redirect(url_for("admin.edit_round", round_id=survey_round.id))
