"""Repairing text stored before the text rule: ``surveyapp answers repair-text [--dry-run]``.

Until every channel refused them (``surveyapp.questionnaire.text``), control characters and
lone surrogates could be saved. Readers and writers now cope with them, but the rows still hold
them. The repair rewrites every stored text with :func:`printable_text`: word processors' line
breaks become ``\\n``, any other character that cannot be held becomes U+FFFD ("�"), so the place
where something was lost stays visible. Everything else is left exactly as it is.

What it reads: answers, the old and new values of the audit trail, analysts' queries and summary
edits, organisations' names and other texts, round names. A changed answer is recorded in the
audit trail (action ``repair_text``) and its response's version moves on, so a page opened
before the repair cannot save over it unnoticed.

The rewrite is an operation (:func:`surveyapp.operations.repairs.repair_stored_text`); the
command commits it, or rolls it back on a dry run.
"""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from surveyapp.bootstrap import needs_database
from surveyapp.extensions import db
from surveyapp.operations.repairs import RepairReport, repair_stored_text


@click.group("answers")
def answers_commands() -> None:
    """Stored answers."""


@answers_commands.command("repair-text")
@click.option("--dry-run", is_flag=True, help="Count the rows to repair; change nothing.")
@with_appcontext
def repair_text_command(dry_run: bool) -> None:
    """Replace control characters and lone surrogates in stored text (they cannot be printed)."""

    @needs_database(writes=not dry_run)
    def run() -> RepairReport:
        report = repair_stored_text()
        if dry_run:
            db.session.rollback()
        else:
            db.session.commit()
        return report

    report = run()
    verb = "would change" if dry_run else "changed"
    for label, count in report.changed.items():
        click.echo(f"{label}: {count} row(s) {verb}")
    click.echo(
        f"{report.total} row(s) {verb} in all." + (" Nothing was written." if dry_run else "")
    )
