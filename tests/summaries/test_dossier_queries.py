"""Building a summary's dossier (or the compendium's) reads the database in a number of SQL
statements that does not grow with the responses: organisations come with their responses."""

from __future__ import annotations

from sqlalchemy import select

from surveyapp import dossiers, operations
from surveyapp.demo import illustrative_responses
from surveyapp.extensions import db
from surveyapp.models import Organisation
from surveyapp.registry import load_registry
from tests.pages import counted_statements


def statements_for_dossiers() -> tuple[int, int]:
    """Statements to build the Khartoum Process's dossier, and the compendium's, each starting
    from an empty session (as a command or a request does)."""
    db.session.remove()
    with counted_statements(db.engine) as iscm:
        dossiers.build_iscm_dossier("khartoum-process")
    db.session.remove()
    with counted_statements(db.engine) as compendium:
        dossiers.build_compendium_dossier()
    db.session.remove()
    return len(iscm), len(compendium)


def test_building_a_dossier_takes_the_same_statements_with_more_responses(khartoum_round):
    app = khartoum_round
    with app.app_context():
        few = statements_for_dossiers()
        survey_round = operations.current_round()
        added = 0
        for demo in illustrative_responses(load_registry())[:40]:
            organisation = db.session.scalar(select(Organisation).filter_by(code=demo.organisation))
            if organisation.kind != "state":
                continue
            invitation, _token = operations.invite(survey_round, organisation, None, "test")
            response = invitation.response
            operations.save_answers(response, 0, demo.answers, actor="test", channel="test")
            operations.submit_response(response, actor="test", channel="test")
            added += 1
        db.session.commit()
        many = statements_for_dossiers()
    assert added >= 10
    assert many == few
