"""The responses list: a page at a time, with the same number of queries whatever the size."""

from __future__ import annotations

from sqlalchemy import event, select

from surveyapp import operations
from surveyapp.analyst.routes import PAGE_SIZE
from surveyapp.extensions import db
from surveyapp.models import Organisation
from tests.pages import log_in


def invite_states(app, count: int) -> None:
    with app.app_context():
        survey_round = operations.current_round()
        states = db.session.scalars(select(Organisation).filter_by(kind="state")).all()
        for organisation in states[:count]:
            operations.invite(survey_round, organisation, None, "test")
        db.session.commit()


def queries_for(app, client, path: str) -> int:
    statements = []
    with app.app_context():
        engine = db.engine

        def count(*_args):
            statements.append(1)

        event.listen(engine, "before_cursor_execute", count)
        try:
            assert client.get(path).status_code == 200
        finally:
            event.remove(engine, "before_cursor_execute", count)
    return len(statements)


def test_the_list_is_paged_and_counts_every_response(app, client, create_user):
    invite_states(app, PAGE_SIZE + 20)
    log_in(client, *create_user("analyst"))
    first = client.get("/analyst/").get_data(as_text=True)
    assert f"Invited: <strong>{PAGE_SIZE + 20}</strong>" in first
    assert first.count('href="/analyst/responses/') == PAGE_SIZE
    assert "Page 1 of 2" in first
    second = client.get("/analyst/?page=2").get_data(as_text=True)
    assert second.count('href="/analyst/responses/') == 20
    assert client.get("/analyst/?page=999").status_code == 200


def test_the_number_of_queries_does_not_grow_with_the_responses(app, client, create_user):
    log_in(client, *create_user("analyst"))
    invite_states(app, 5)
    few = queries_for(app, client, "/analyst/")
    invite_states(app, 150)
    many = queries_for(app, client, "/analyst/")
    assert many == few
