"""Backups of the database: SQLite's online backup, or pg_dump / pg_restore for PostgreSQL."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from surveyapp.extensions import db


class BackupError(RuntimeError):
    """A backup or restore could not be made; the message says why."""


def _sqlite_path(url) -> Path:
    if not url.database or url.database == ":memory:":
        raise BackupError("An in-memory SQLite database cannot be backed up.")
    return Path(url.database)


def _libpq_url(url) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def backup(url_text: str, output: Path) -> None:
    """Write a consistent copy of the database at ``url_text`` to ``output``.

    SQLite uses the online backup API (safe while the server runs); PostgreSQL ``pg_dump`` in
    its custom format.
    """
    url = make_url(url_text)
    output.parent.mkdir(parents=True, exist_ok=True)
    if url.get_backend_name() == "sqlite":
        source = sqlite3.connect(_sqlite_path(url))
        target = sqlite3.connect(output)
        try:
            with target:
                source.backup(target)
        finally:
            source.close()
            target.close()
        return
    if url.get_backend_name() == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={output}", _libpq_url(url)])
        return
    raise BackupError(f"Backups of {url.get_backend_name()} databases are not supported.")


def restore(url_text: str, source: Path) -> None:
    """Replace the database at ``url_text`` with the backup ``source`` (stop the server first)."""
    if not source.is_file():
        raise BackupError(f"No backup file at {source}.")
    url = make_url(url_text)
    db.session.remove()
    db.engine.dispose()
    if url.get_backend_name() == "sqlite":
        try:
            backup_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            backup_db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{source} is not an SQLite backup: {error}") from error
        target = sqlite3.connect(_sqlite_path(url))
        try:
            with target:
                backup_db.backup(target)
        finally:
            backup_db.close()
            target.close()
        return
    if url.get_backend_name() == "postgresql":
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={_libpq_url(url)}",
                str(source),
            ]
        )
        return
    raise BackupError(f"Restoring {url.get_backend_name()} databases is not supported.")


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client).")
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
