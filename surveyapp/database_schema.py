"""The database schema: created and upgraded by the Alembic migrations shipped in the package.

Alembic and Flask-Migrate are imported inside the functions that migrate: every command imports
this module (for :data:`MIGRATIONS`), few of them migrate.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from surveyapp.extensions import db

#: the migrations folder (it travels with the package)
MIGRATIONS = Path(__file__).parent / "migrations"


class SchemaMismatch(RuntimeError):
    """An unversioned database whose tables differ from the models: it cannot be upgraded."""


def schema_differences() -> list:
    """What differs between the models and the database (empty when they agree)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        return compare_metadata(context, db.metadata)


def upgrade_schema() -> None:
    """Create the database or upgrade it in place to the newest migration.

    A database created before migrations existed (tables but no ``alembic_version``) is marked
    as current when its tables match the models, and refused with a clear error otherwise.
    """
    import flask_migrate

    tables = set(inspect(db.engine).get_table_names())
    if tables and "alembic_version" not in tables:
        differences = schema_differences()
        if differences:
            raise SchemaMismatch(
                "The database has tables but no migration history, and they differ from the "
                f"models ({len(differences)} differences): back it up and recreate it."
            )
        flask_migrate.stamp(directory=str(MIGRATIONS), revision="head")
        return
    flask_migrate.upgrade(directory=str(MIGRATIONS))
