"""Flask extensions, created unbound and bound to an application in ``create_app``."""

from typing import Any

import click
from flask import Flask
from flask_babel import Babel
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Declarative base of every model."""


class DeferredMigrate:
    """Flask-Migrate, imported the first time a migration needs it.

    Importing Flask-Migrate imports Alembic, a third of the time every command, worker and
    renderer would otherwise spend starting. ``init_app`` leaves a stand-in in
    ``app.extensions["migrate"]`` that binds the real extension (with the same options) the
    first time Flask-Migrate reads it, and a ``db`` command group that loads Flask-Migrate's
    commands when one is run.
    """

    def init_app(self, app: Flask, db: SQLAlchemy, **options: Any) -> None:
        """Register the stand-in and the ``db`` commands on ``app``.

        :param options: Flask-Migrate's own (``directory``, ``render_as_batch``, ...).
        """
        app.extensions["migrate"] = _UnboundMigrateConfig(app, db, options)
        app.cli.add_command(migration_commands)


class _UnboundMigrateConfig:
    """Stands in ``app.extensions["migrate"]`` until Flask-Migrate first reads it."""

    def __init__(self, app: Flask, db: SQLAlchemy, options: dict[str, Any]) -> None:
        self._app, self._db, self._options = app, db, options

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        from flask_migrate import Migrate

        # Migrate(app, db) puts its own config in app.extensions["migrate"], replacing this.
        Migrate(self._app, self._db, **self._options)
        return getattr(self._app.extensions["migrate"], name)


class _MigrationCommands(click.Group):
    """Flask-Migrate's ``db`` group, imported when one of its commands is asked for.

    Listed by its name and help alone; running it (``make_context``) hands the arguments to
    Flask-Migrate's own group, with its options and callback.
    """

    @staticmethod
    def _commands() -> click.Group:
        from flask_migrate.cli import db as commands

        return commands

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        return self._commands().make_context(info_name, args, parent=parent, **extra)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return self._commands().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._commands().get_command(ctx, cmd_name)


#: ``surveyapp db ...``: Flask-Migrate's commands
migration_commands = _MigrationCommands("db", help="Perform database migrations.")
db = SQLAlchemy(model_class=Base)
csrf = CSRFProtect()
login_manager = LoginManager()
babel = Babel()
migrate = DeferredMigrate()
