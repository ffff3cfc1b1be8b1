"""Databases built once per test session and copied for each test.

Creating the schema and loading the registry and the questionnaires (a dozen YAML files, checked
against their JSON Schema) takes about a second; most tests need exactly that database and
nothing more. The session builds it once, as a *template*, and each test starts from a copy:

- SQLite: the template is a file in the session's temporary folder, copied to the test's own
  ``tmp_path`` (a plain file copy: the template is checkpointed, so it holds no write-ahead log);
- PostgreSQL (``SURVEYAPP_TEST_DATABASE_URL``): the template is a copy of every table in a
  schema of the test database, and before every test the tables are emptied and refilled from
  it (faster than ``CREATE DATABASE ... TEMPLATE ...``, which costs a second a test).

Either way a test gets a fresh database identical to the one ``initialise_database`` builds,
and what it writes is gone for the next test.

The demo round (``surveyapp.demo.build_demo``, one to three seconds) is built once per session
the same way, as a template *derived* from the first (:meth:`SqliteTemplate.derive`,
:meth:`PostgresTemplate.derive`): the test database with its round closed and the demo built
beside it. The demo alone, built in an empty SQLite file as ``surveyapp demo`` builds it, is a
template of its own (:func:`standalone_demo_template`), copied by the tests that read a demo
database of their own whatever the engine under test.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from surveyapp import create_app
from surveyapp.extensions import db

#: the year of the round every test database opens with
ROUND_YEAR = 2026

#: the settings of every test application (the database URL comes on top)
TEST_SETTINGS = {
    "TESTING": True,
    "SECRET_KEY": "test-secret-key",
    "SURVEYAPP_BASE_URL": "http://localhost",
}

#: ``build(url, instance_path)``: what a derived template adds to a fresh copy of its base
Build = Callable[[str, Path], None]


def _application(url: str, instance_path: Path) -> Flask:
    """A test application on ``url`` whose instance folder is ``instance_path``."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SURVEYAPP_INSTANCE_PATH", str(instance_path))
        return create_app({**TEST_SETTINGS, "SQLALCHEMY_DATABASE_URI": url})


def _let_go() -> None:
    """Let go of the current application's connections (the template is read or copied next)."""
    db.session.remove()
    db.engine.dispose()


def initialise(url: str, instance_path: Path) -> None:
    """Create the schema at ``url``, load registry and questionnaires and open the round."""
    from surveyapp.bootstrap import initialise_database

    application = _application(url, instance_path)
    with application.app_context():
        if not url.startswith("sqlite"):
            db.drop_all()
        initialise_database(year=ROUND_YEAR, migrate=False)
        _let_go()


def build_demo_beside_the_round(url: str, instance_path: Path) -> None:
    """Close the rounds of the test database at ``url`` and build the demo round beside them.

    The demo round (2019) is then the current one, and the database also holds the test round
    (2026) with its questionnaires, closed.
    """
    from surveyapp.demo import build_demo
    from surveyapp.models import SurveyRound

    application = _application(url, instance_path)
    with application.app_context():
        for survey_round in db.session.query(SurveyRound):
            survey_round.status = "closed"
        db.session.commit()
        build_demo()
        _let_go()


def build_demo_alone(url: str, instance_path: Path) -> None:
    """Build the demo round in the empty database at ``url``, as ``surveyapp demo`` does."""
    from surveyapp.demo import build_demo

    application = _application(url, instance_path)
    with application.app_context():
        build_demo()
        _let_go()


class SqliteTemplate:
    """A SQLite file built once, copied for each test under the name ``name``."""

    def __init__(self, path: Path, name: str) -> None:
        self.path = path
        self.name = name
        # Fold the write-ahead log into the file, so that the file alone is the database.
        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()

    @classmethod
    def initialised(cls, folder: Path) -> SqliteTemplate:
        """The test database (:func:`initialise`), built in ``folder``; copies ``test.sqlite3``."""
        path = folder / "template.sqlite3"
        initialise(f"sqlite:///{path}", folder / "instance")
        return cls(path, "test.sqlite3")

    def fresh(self, tmp_path: Path) -> str:
        """Copy the template into ``tmp_path``; returns the copy's URL."""
        database = tmp_path / self.name
        shutil.copyfile(self.path, database)
        return f"sqlite:///{database}"

    def derive(self, folder: Path, build: Build, name: str) -> SqliteTemplate:
        """A template made in ``folder`` by ``build`` on a copy of this one.

        Its copies are called ``<name>.sqlite3``.
        """
        url = self.fresh(folder)
        build(url, folder / "instance")
        return SqliteTemplate(folder / self.name, f"{name}.sqlite3")

    def drop(self) -> None:
        """Nothing to do: the template is a file in the session's temporary folder."""


def standalone_demo_template(folder: Path) -> SqliteTemplate:
    """The demo round alone in a SQLite file built in ``folder``; copies ``demo.sqlite3``."""
    path = folder / "demo.sqlite3"
    build_demo_alone(f"sqlite:///{path}", folder / "instance")
    return SqliteTemplate(path, "demo.sqlite3")


class PostgresTemplate:
    """The test database's tables, emptied and refilled from a copy before every test.

    Dropping and creating a PostgreSQL database (even ``CREATE DATABASE ... TEMPLATE``) costs
    about a second; emptying 18 small tables and refilling them from a template schema in the
    same database costs a few hundredths. The template schema is dropped at the end.

    The template's rows are kept in ``schema``, next to ``public``. A derived template
    (:meth:`derive`: ``base`` and ``build``) keeps its rows in a schema of its own; every
    template refills the same ``public`` schema, so a test uses one of them only.
    """

    def __init__(
        self,
        url: str,
        folder: Path,
        *,
        schema: str = "test_template",
        base: PostgresTemplate | None = None,
        build: Build | None = None,
    ) -> None:
        self.url = url
        self.schema = schema
        self.engine = create_engine(url, poolclass=NullPool)
        if base is None:
            with self.engine.begin() as connection:
                # this template's schema and those derived from it, left by a session that crashed
                for name in connection.scalars(
                    text(
                        "SELECT nspname FROM pg_namespace "
                        "WHERE nspname = :schema OR starts_with(nspname, :derived)"
                    ),
                    {"schema": schema, "derived": f"{schema}_"},
                ).all():
                    connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
                self._empty_public_schema(connection)
            initialise(url, folder / "instance")
        else:
            base.fresh(folder)
            build(url, folder / "instance")
        self._keep()

    def derive(self, folder: Path, build: Build, name: str) -> PostgresTemplate:
        """A template made by ``build`` on a fresh copy of this one, kept in a schema of its own."""
        return PostgresTemplate(
            self.url, folder, schema=f"{self.schema}_{name}", base=self, build=build
        )

    def _keep(self) -> None:
        """Copy the rows of every table of ``public`` into the template schema."""
        models = [table.name for table in db.metadata.sorted_tables]
        with self.engine.begin() as connection:
            # Tables the models do not know: ``alembic_version``, which build_demo's
            # migrations stamp. Copied with their constraints, to be made again from the copy.
            self.extras = sorted(self._public_tables(connection) - set(models))
            self.tables = models + self.extras
            connection.execute(text(f"CREATE SCHEMA {self.schema}"))
            for table in models:
                connection.execute(
                    text(f'CREATE TABLE {self.schema}."{table}" AS TABLE public."{table}"')
                )
            for table in self.extras:
                connection.execute(
                    text(
                        f'CREATE TABLE {self.schema}."{table}" '
                        f'(LIKE public."{table}" INCLUDING ALL)'
                    )
                )
                connection.execute(
                    text(f'INSERT INTO {self.schema}."{table}" SELECT * FROM public."{table}"')
                )
            self.filled = [
                table
                for table in self.tables
                if connection.scalar(text(f'SELECT EXISTS (SELECT FROM public."{table}")'))
            ]
            self.columns = {
                table: ", ".join(
                    f'"{column}"'
                    for column in connection.scalars(
                        text(
                            "SELECT column_name FROM information_schema.columns "
                            "WHERE table_schema = :schema AND table_name = :table "
                            "ORDER BY ordinal_position"
                        ),
                        {"schema": self.schema, "table": table},
                    )
                )
                for table in self.filled
            }
            self.sequences = connection.execute(
                text(
                    "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"
                )
            ).all()

    @staticmethod
    def _empty_public_schema(connection) -> None:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))

    def _public_tables(self, connection) -> set[str]:
        return set(
            connection.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
        )

    def fresh(self, _tmp_path: Path) -> str:
        """Refill the test database from the template; returns its URL."""
        with self.engine.begin() as connection:
            # Test data need not survive a crash of the server: do not wait for the disk.
            connection.execute(text("SET LOCAL synchronous_commit = off"))
            # Connections a test left open (a server thread, a worker) would hold locks.
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
            if self._public_tables(connection) != set(self.tables):
                # A test rebuilt the schema (the migration tests do), or another template's
                # tables are there: build it again. (A schema the migrations brought to their
                # head, alembic_version included, is the demo's and stays: the models and the
                # migrations agree, tests/migrations checks it.)
                self._empty_public_schema(connection)
                db.metadata.create_all(connection)
                for table in self.extras:
                    connection.execute(
                        text(
                            f'CREATE TABLE public."{table}" '
                            f'(LIKE {self.schema}."{table}" INCLUDING ALL)'
                        )
                    )
            # DELETE, children first: TRUNCATE costs ten times more on tables this small.
            for table in reversed(self.tables):
                connection.execute(text(f'DELETE FROM public."{table}"'))
            for table in self.filled:
                columns = self.columns[table]
                connection.execute(
                    text(
                        f'INSERT INTO public."{table}" ({columns}) '
                        f'SELECT {columns} FROM {self.schema}."{table}"'
                    )
                )
            for sequence, last_value in self.sequences:
                # A sequence never used starts again at 1, as in a new database.
                connection.execute(
                    text("SELECT setval(:sequence, :value, :used)"),
                    {
                        "sequence": f'public."{sequence}"',
                        "value": last_value or 1,
                        "used": last_value is not None,
                    },
                )
        return self.url

    def drop(self) -> None:
        """Drop the template schema (the test database stays, as it was before the session)."""
        with self.engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE"))
        self.engine.dispose()
