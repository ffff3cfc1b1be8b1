"""Seeded data for the benchmarks: the demo round, and rounds of many State responses.

The many-responses rounds are written with bulk SQL inserts (one ``INSERT`` per table, many
rows) of ``Organisation``, ``Response`` and ``Answer`` rows whose answers are copied from the
illustrative State answers of :mod:`surveyapp.demo` (long texts, several per-ISCM blocks), so
ten thousand responses take seconds rather than the minutes the ordinary operations would.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import os
import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from flask import Flask

#: the fixed time of every generated row (the data must not depend on the clock)
STAMP = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)

#: (folder, what) -> a copy of the database :func:`built_once` first built there for ``what``
_BUILT: dict[tuple[Path, str], Path] = {}


def make_app(folder: Path, name: str, copy_of: Path | None = None) -> Flask:
    """An application on a fresh SQLite database ``<folder>/<name>.sqlite3``.

    :param copy_of: a database to start from (copied page by page), instead of an empty one
    """
    from surveyapp import create_app

    os.environ["SURVEYAPP_INSTANCE_PATH"] = str(folder / "instance")
    path = folder / f"{name}.sqlite3"
    if copy_of is None:
        remove_database(path)
    else:
        copy_database(copy_of, path)
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
            "SECRET_KEY": "bench-secret-key",
            "SURVEYAPP_BASE_URL": "http://127.0.0.1",
            "RATELIMIT_ENABLED": False,
        }
    )


def demo_app(folder: Path, name: str = "demo", iscms: int = 0, first: str = "") -> Flask:
    """The demo round (the Khartoum Process and 68 illustrative responses), submitted.

    :param iscms: keep only this many ISCMs, all answered (``first``, then the others by code)
        and leave the rest out of the round, registry included: what renders every ISCM (the
        compendium, ``report all``) then renders that many; 0 keeps every ISCM.

    The round is built once per folder and process (:func:`built_once`), then cut down.
    """
    from surveyapp.demo import build_demo

    app = built_once(folder, name, "demo", build_demo)
    if iscms:
        with app.app_context():
            keep_answered_iscms(iscms, first)
    return app


def built_once(folder: Path, name: str, what: str, build: Callable[[], object]) -> Flask:
    """An application on ``<folder>/<name>.sqlite3`` holding what ``build`` writes in an empty
    database, in the application's context.

    The first call of this process for ``what`` in ``folder`` builds it and keeps a copy as
    built; the later ones start from a copy of that copy instead (the demo round takes about
    2 s to build, the registry and questionnaires of an empty round 0.5 s; a copy, some
    milliseconds).
    """
    key = (folder.resolve(), what)
    built = _BUILT.get(key)
    if built is not None and built.exists():
        return make_app(folder, name, copy_of=built)
    app = make_app(folder, name)
    with app.app_context():
        build()
    built = folder / f"{what}-as-built.sqlite3"
    copy_database(folder / f"{name}.sqlite3", built)
    _BUILT[key] = built
    return app


def remove_database(path: Path) -> None:
    """Delete the SQLite database ``path`` and its write-ahead log, where they exist."""
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)


def copy_database(source: Path, target: Path) -> None:
    """Copy the SQLite database ``source`` (write-ahead log included) over ``target``."""
    remove_database(target)
    with closing(sqlite3.connect(source)) as reader, closing(sqlite3.connect(target)) as writer:
        reader.backup(writer)


def keep_answered_iscms(count: int, first: str = "") -> None:
    """Delete every ISCM but ``count`` answered ones, with their responses and invitations.

    The States' answers that name a deleted ISCM stay as they are: no summary of the ISCMs kept
    reads them.
    """
    from sqlalchemy import delete, select

    from surveyapp.extensions import db
    from surveyapp.models import Invitation, Organisation, Response

    answered = db.session.scalars(
        select(Organisation.code)
        .join(Response, Response.organisation_id == Organisation.id)
        .where(Organisation.kind == "iscm", Response.status == "submitted")
        .order_by(Organisation.code)
    ).all()
    kept = ([first] if first in answered else []) + [c for c in answered if c != first]
    left_out = select(Organisation.id).where(
        Organisation.kind == "iscm", Organisation.code.not_in(kept[:count])
    )
    # invitations first: they point at the responses without a cascade; the organisations'
    # memberships, contacts and summary edits follow them by cascade (foreign keys are on)
    db.session.execute(delete(Invitation).where(Invitation.organisation_id.in_(left_out)))
    db.session.execute(delete(Response).where(Response.organisation_id.in_(left_out)))
    db.session.execute(delete(Organisation).where(Organisation.id.in_(left_out)))
    db.session.commit()


def state_templates(seed: int = 2019) -> list[dict]:
    """The illustrative State answers: the templates every generated response copies.

    Drawn once per process and seed (the registry read and the drawing took 0.15 s at every
    round and respondent); each caller gets a copy of its own.
    """
    return copy.deepcopy(_drawn_state_templates(seed))


@functools.cache
def _drawn_state_templates(seed: int) -> list[dict]:
    from surveyapp.demo import illustrative_responses
    from surveyapp.registry import load_registry

    demo = illustrative_responses(load_registry(), seed=seed)
    return [d.answers for d in demo if d.respondent_type == "state"]


def bulk_app(folder: Path, name: str, count: int, seed: int = 8) -> Flask:
    """A round with ``count`` generated State responses (most submitted) and nothing else."""
    from surveyapp.bootstrap import initialise_database

    app = built_once(folder, name, "empty-round", lambda: initialise_database(2026, migrate=False))
    with app.app_context():
        add_state_responses(count, seed)
    return app


def add_state_responses(count: int, seed: int) -> None:
    """Insert ``count`` generated States and their responses in the open round (bulk SQL)."""
    from sqlalchemy import insert, select, update

    from surveyapp import operations
    from surveyapp.extensions import db
    from surveyapp.models import Answer, Organisation, Response
    from surveyapp.models.organisation import sort_names
    from surveyapp.questionnaire import visible_answers
    from surveyapp.questionnaire.types import AnswerShape, type_of

    rng = random.Random(seed)  # noqa: S311 - benchmark data, not secrets
    survey_round = operations.current_round()
    version = survey_round.questionnaire_for("state")
    questionnaire = version.questionnaire()
    templates = state_templates()
    #: questions stored one row per item (the per-ISCM blocks)
    by_item = {q.key for q in questionnaire.questions() if type_of(q).shape is AnswerShape.ITEMS}
    prefix = f"B{seed:02d}"
    db.session.execute(
        insert(Organisation),
        [
            {
                "code": f"{prefix}{i:05d}",
                "kind": "state",
                "names": {"en": f"Benchmark State {i:05d}"},
                **sort_names({"en": f"Benchmark State {i:05d}"}),
                "short_names": {},
                "in_sentence": {},
                "acronym": "",
                "region": rng.choice(["Africa", "Americas", "Asia", "Europe", "Oceania"]),
            }
            for i in range(count)
        ],
    )
    ids = dict(
        db.session.execute(
            select(Organisation.code, Organisation.id).where(Organisation.code.like(f"{prefix}%"))
        ).all()
    )
    rows = []
    for i in range(count):
        submitted = rng.random() < 0.8
        rows.append(
            {
                "round_id": survey_round.id,
                "organisation_id": ids[f"{prefix}{i:05d}"],
                "questionnaire_version_id": version.id,
                "status": "submitted" if submitted else "in_progress",
                "review_status": "unreviewed",
                "version": 1,
                "language": "en",
                "illustrative": True,
                "created_at": STAMP,
                "updated_at": STAMP,
                "submitted_at": STAMP if submitted else None,
            }
        )
    db.session.execute(insert(Response), rows)
    responses = db.session.execute(
        select(Response.id, Response.organisation_id).where(
            Response.organisation_id.in_(list(ids.values()))
        )
    ).all()
    answers = []
    # what each save stores besides the answers: the visible answers, as of the version
    visible = [visible_answers(questionnaire, template) for template in templates]
    stored_visible = []
    for response_id, _organisation in responses:
        chosen = rng.randrange(len(templates))
        template = templates[chosen]
        stored_visible.append({"id": response_id, "visible": visible[chosen], "visible_version": 1})
        for key, value in template.items():
            per_item = key in by_item and isinstance(value, dict)
            items = value.items() if per_item else [("", value)]
            for item_code, item_value in items:
                answers.append(
                    {
                        "response_id": response_id,
                        "question_key": key,
                        "item_code": item_code,
                        "value": item_value,
                        "updated_at": STAMP,
                    }
                )
    for start in range(0, len(answers), 20000):
        db.session.execute(insert(Answer), answers[start : start + 20000])
    db.session.execute(update(Response), stored_visible)
    db.session.commit()


def respondent(app: Flask, code: str = "KEN") -> tuple[str, dict]:
    """Invite the registry's State ``code`` and save realistic answers; (token, answers)."""
    from sqlalchemy import select

    from surveyapp import operations
    from surveyapp.extensions import db
    from surveyapp.models import Organisation

    answers = state_templates()[0]
    with app.app_context():
        organisation = db.session.scalar(select(Organisation).filter_by(code=code))
        invitation, token = operations.invite(
            operations.current_round(), organisation, None, actor="bench"
        )
        response = invitation.response
        operations.save_answers(response, response.version, answers, actor="bench", channel="bench")
        db.session.commit()
    return token, answers


def analyst(app: Flask) -> tuple[str, str]:
    """An analyst account; (e-mail, password)."""
    from surveyapp import operations
    from surveyapp.extensions import db

    email, password = "bench-analyst@example.org", "correct horse bench battery"
    with app.app_context():
        operations.create_user(email, password, "analyst", actor="bench")
        db.session.commit()
    return email, password
