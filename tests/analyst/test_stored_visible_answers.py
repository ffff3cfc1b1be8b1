"""The visible answers each save stores with the response, which the export reads instead of
reviewing every answer: they are what the review gives after any sequence of saves, submissions
and reopenings, and a write that does not store them is never hidden by stale ones."""

from __future__ import annotations

import csv
import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from surveyapp import exports, operations
from surveyapp.extensions import db
from surveyapp.models import Answer, Organisation, Response
from surveyapp.operations import AnswersInvalid, ResponseClosed
from surveyapp.questionnaire import visible_answers

ISCMS = ("khartoum-process", "rabat-process", "budapest-process")


def kenya(survey_round) -> Response:
    organisation = db.session.scalar(select(Organisation).filter_by(code="KEN"))
    response = db.session.scalar(select(Response).filter_by(organisation_id=organisation.id))
    if response is None:
        response = operations.invite(survey_round, organisation, None, "test")[0].response
    return response


def exported_state_rows() -> dict[str, dict[str, str]]:
    """The State sheet of the CSV export, by organisation code."""
    output = io.BytesIO()
    exports.export_round(operations.current_round(), output, file_format="csv", kinds=("state",))
    with zipfile.ZipFile(output) as archive:
        text = archive.read("state.csv").decode("utf-8-sig")
    return {row["organisation_code"]: row for row in csv.DictReader(io.StringIO(text))}


steps = st.lists(
    st.one_of(
        st.tuples(
            st.just("save"),
            st.fixed_dictionaries(
                {},
                optional={
                    "respondent_name": st.sampled_from(("Amina", "=1+1", "Zoë\u00a0N.")),
                    "iscms": st.lists(st.sampled_from(ISCMS), unique=True, max_size=3),
                    # per ISCM: shown only for the ISCMs chosen in ``iscms``
                    "iscm_views": st.dictionaries(
                        st.sampled_from(ISCMS),
                        st.fixed_dictionaries({"role": st.sampled_from(("member", "observer"))}),
                        max_size=2,
                    ),
                    "iscm_general_views": st.sampled_from(("", "Closer cooperation.")),
                },
            ),
        ),
        st.tuples(st.just("submit"), st.none()),
        st.tuples(st.just("reopen"), st.none()),
    ),
    min_size=1,
    max_size=6,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=steps)
def test_the_stored_visible_answers_are_the_reviews_after_any_writes(app, steps):
    with app.app_context():
        survey_round = operations.current_round()
        for action, answers in steps:
            response = kenya(survey_round)
            try:
                if action == "save":
                    operations.save_answers(
                        response, response.version, answers, actor="t", channel="t"
                    )
                elif action == "submit":
                    operations.submit_response(response, actor="t", channel="t")
                else:
                    operations.reopen_response(response, actor="t")
            except (AnswersInvalid, ResponseClosed):
                db.session.rollback()
            db.session.commit()
            response = kenya(survey_round)
            if response.visible_version is not None:
                questionnaire = response.questionnaire_version.questionnaire()
                assert response.visible_version == response.version
                assert response.visible == visible_answers(questionnaire, response.answer_values())


def test_a_write_that_does_not_store_them_is_exported_as_written(app):
    with app.app_context():
        response = kenya(operations.current_round())
        operations.save_answers(
            response, 0, {"respondent_name": "Amina Diallo"}, actor="t", channel="t"
        )
        db.session.commit()
        assert exported_state_rows()["KEN"]["respondent_name"] == "Amina Diallo"
        # as the text repair does: the answer rewritten, the version moved on
        db.session.execute(
            update(Answer)
            .where(Answer.response_id == response.id, Answer.question_key == "respondent_name")
            .values(value="Amina Diallo-Keita")
        )
        db.session.execute(
            update(Response).where(Response.id == response.id).values(version=Response.version + 1)
        )
        db.session.commit()

        assert exported_state_rows()["KEN"]["respondent_name"] == "Amina Diallo-Keita"


def test_submitting_and_reopening_keep_them_current(khartoum_round):
    with khartoum_round.app_context():
        ethiopia = db.session.scalar(select(Organisation).filter_by(code="ETH"))
        response = db.session.scalar(select(Response).filter_by(organisation_id=ethiopia.id))
        stored = response.visible
        assert stored and response.visible_version == response.version

        operations.reopen_response(response, actor="t")
        db.session.commit()
        assert (response.visible, response.visible_version) == (stored, response.version)
        operations.submit_response(response, actor="t", channel="t")
        db.session.commit()
        db.session.refresh(response)
        assert (response.visible, response.visible_version) == (stored, response.version)
