"""``surveyapp export``: the answers of a round as a file, written beside and then moved."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from surveyapp.bootstrap import needs_database
from surveyapp.exports.query import round_for_export
from surveyapp.exports.sheets import SPLIT_LIMIT
from surveyapp.exports.writer import FORMATS, export_round
from surveyapp.questionnaire.model import LANGUAGES, RESPONDENT_TYPES


@click.command("export")
@click.option("--format", "file_format", type=click.Choice(FORMATS), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@click.option("--type", "kind", type=click.Choice(RESPONDENT_TYPES), help="One respondent type.")
@click.option(
    "--labels", is_flag=True, help="Choice answers and column headers as labels instead of codes."
)
@click.option(
    "--split-large/--no-split-large",
    default=False,
    help=f"Also a 0/1 column per choice for multiple choices with more than {SPLIT_LIMIT} "
    "choices (default: only their combined column of space-separated codes).",
)
@click.option("--lang", type=click.Choice(LANGUAGES), default="en")
@click.option("--round", "round_id", type=int, help="The round (default: the open round).")
@with_appcontext
@needs_database(writes=False)
def export_command(
    file_format: str,
    output: Path,
    kind: str | None,
    labels: bool,
    split_large: bool,
    lang: str,
    round_id: int | None,
) -> None:
    """Export the answers as XLSX, or as a ZIP of CSV files (one per sheet)."""
    survey_round = round_for_export(round_id)
    if round_id is not None and survey_round is None:
        raise click.ClickException(f"No round has the number {round_id}.")
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".part")
    with partial.open("wb") as handle:
        rows = export_round(
            survey_round,
            handle,
            file_format=file_format,
            kinds=(kind,) if kind else RESPONDENT_TYPES,
            labels=labels,
            language=lang,
            split_large=split_large,
        )
    partial.replace(output)
    click.echo(f"Wrote {output} ({rows} data rows)")
