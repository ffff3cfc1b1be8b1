"""Getting a database ready, and telling a command clearly when it is not.

The commands (``surveyapp.cli``, ``surveyapp.interop.cli``, exports, mail, the demo) and the
tests share these; keeping them here rather than in ``cli`` leaves no import circle between the
command modules.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path

import click
from flask import current_app
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError


def needs_database(command: Callable | None = None, *, writes: bool = True) -> Callable:
    """Turn "no such table" and connection failures into one clear line instead of a traceback.

    :param writes: the command writes; on SQLite its transactions then take the write lock at
        once rather than failing when a running server wrote in between. Report commands read,
        render with no transaction open and write their cache entry in a transaction of its
        own, so they hold no lock while they render.
    """
    if command is None:
        return functools.partial(needs_database, writes=writes)

    # What the wrapper uses is imported when the command runs: decorating a command happens
    # when ``surveyapp --help`` imports the command line, which imports no application module.
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from surveyapp import WRITE_INTENT
        from surveyapp.extensions import db
        from surveyapp.questionnaire.problems import QuestionnaireError

        # set for this command only: a later command (or test) in the same thread starts afresh
        token = WRITE_INTENT.set(writes)
        try:
            return command(*args, **kwargs)
        except (OperationalError, ProgrammingError) as error:
            db.session.rollback()
            url = safe_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
            raise click.ClickException(
                f"The database at {url} is not ready ({error.orig}). "
                "Check SURVEYAPP_DATABASE_URL and run `surveyapp init`."
            ) from error
        except DBAPIError as error:
            db.session.rollback()
            raise click.ClickException(f"The database refused the change: {error.orig}") from error
        except QuestionnaireError as error:
            db.session.rollback()
            raise click.ClickException(
                f"{error}\nFix the questionnaire file (`surveyapp questionnaires validate` "
                "checks it); nothing was changed."
            ) from error
        finally:
            WRITE_INTENT.reset(token)

    return wrapper


def questionnaire_dir() -> Path:
    """The folder of the questionnaire files that ship with the package."""
    from questionnaires import data_path

    return data_path()


def questionnaire_files() -> list[Path]:
    """The three questionnaire files, in respondent-type order."""
    from surveyapp.questionnaire.model import RESPONDENT_TYPES

    return [questionnaire_dir() / f"{kind}.yaml" for kind in RESPONDENT_TYPES]


def initialise_database(year: int | None = None, *, migrate: bool = True) -> None:
    """Create or upgrade the schema, load registry and questionnaires, open a round if none is.

    :raises QuestionnaireError: a questionnaire file is broken or no longer gives the reports
        what ``reports/feeds.yaml`` says they read; nothing has been written then.

    :param migrate: run the migrations (the default); False creates the tables straight from
        the models, which the tests use for speed (a test checks the two agree).
    """
    from surveyapp import operations
    from surveyapp.database_schema import upgrade_schema  # Alembic: loaded only when migrating
    from surveyapp.dossiers import contract_problems
    from surveyapp.extensions import db
    from surveyapp.questionnaire.problems import QuestionnaireError
    from surveyapp.registry import load_registry

    registry = load_registry()
    # Questionnaires the summaries cannot be written from are refused before anything is stored.
    problems = contract_problems(questionnaire_files(), registry)
    if problems:
        raise QuestionnaireError(problems)
    if migrate:
        upgrade_schema()
    else:
        db.create_all()
    operations.store_registry(registry)
    versions = [operations.store_questionnaire(p, registry) for p in questionnaire_files()]
    survey_round = operations.current_round()
    if survey_round is None:
        year = year or dt.date.today().year
        operations.open_round(f"ISCM assessment {year}", year, versions)
    else:
        operations.attach_questionnaires(survey_round, versions)
    db.session.commit()


def safe_url(url: str) -> str:
    """A database URL without its password, for printing."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        user = credentials.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url
