"""A database built once per test session and copied for each test.

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
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
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


def initialise(url: str, instance_path: Path) -> None:
    """Create the schema at ``url``, load registry and questionnaires and open the round."""
    from surveyapp.bootstrap import initialise_database

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SURVEYAPP_INSTANCE_PATH", str(instance_path))
        application = create_app({**TEST_SETTINGS, "SQLALCHEMY_DATABASE_URI": url})
    with application.app_context():
        if not url.startswith("sqlite"):
            db.drop_all()
        initialise_database(year=ROUND_YEAR, migrate=False)
        db.session.remove()
        db.engine.dispose()


def sqlite_template(folder: Path) -> Callable[[Path], str]:
    """Build the SQLite template in ``folder``; returns ``fresh(tmp_path) -> url``."""
    template = folder / "template.sqlite3"
    initialise(f"sqlite:///{template}", folder / "instance")
    # Fold the write-ahead log into the file, so that the file alone is the database.
    with sqlite3.connect(template) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()

    def fresh(tmp_path: Path) -> str:
        database = tmp_path / "test.sqlite3"
        shutil.copyfile(template, database)
        return f"sqlite:///{database}"

    return fresh


class PostgresTemplate:
    """The test database's tables, emptied and refilled from a copy before every test.

    Dropping and creating a PostgreSQL database (even ``CREATE DATABASE ... TEMPLATE``) costs
    about a second; emptying 18 small tables and refilling them from a template schema in the
    same database costs a few hundredths. The template schema is dropped at the end.
    """

    #: the schema holding the template's rows, next to ``public``
    schema = "test_template"

    def __init__(self, url: str, folder: Path) -> None:
        self.url = url
        self.engine = create_engine(url, poolclass=NullPool)
        with self.engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE"))
            self._empty_public_schema(connection)
        initialise(url, folder / "instance")
        self.tables = [table.name for table in db.metadata.sorted_tables]
        with self.engine.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {self.schema}"))
            for table in self.tables:
                connection.execute(
                    text(f'CREATE TABLE {self.schema}."{table}" AS TABLE public."{table}"')
                )
            self.filled = [
                table
                for table in self.tables
                if connection.scalar(text(f'SELECT EXISTS (SELECT FROM public."{table}")'))
            ]
            self.columns = {
                table: ", ".join(f'"{column.name}"' for column in db.metadata.tables[table].columns)
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
                # A test rebuilt the schema (the migration tests do): build it again.
                self._empty_public_schema(connection)
                db.metadata.create_all(connection)
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
