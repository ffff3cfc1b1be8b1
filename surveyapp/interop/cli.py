"""Commands: XLSForm export and import, submissions from other tools, round archives.

A file handed to these commands may hold anything: whatever it is, the command ends with one
clear line and exit code 1, never a traceback. Text from a file is echoed with the characters a
terminal must not receive (control characters, which can drive it, and lone surrogates, which it
cannot encode) shown as U+FFFD.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from pathlib import Path

import click
from flask import Flask
from flask.cli import with_appcontext
from sqlalchemy import select

from surveyapp.bootstrap import needs_database, questionnaire_dir
from surveyapp.extensions import db
from surveyapp.questionnaire.model import RESPONDENT_TYPES
from surveyapp.questionnaire.text import printable_text

#: lone surrogates, written in an archive as JSON escapes (UTF-8 cannot encode them)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _say(text: str, *, err: bool = False) -> None:
    """Echo ``text``, which may quote a file, with what a terminal must not receive replaced."""
    click.echo(printable_text(text), err=err)


def _refuse(text: str) -> click.ClickException:
    return click.ClickException(printable_text(text))


def register(app: Flask, questionnaires: click.Group) -> None:
    """Add the XLSForm commands to ``questionnaires``, and the ``responses``/``round`` groups."""
    questionnaires.add_command(export_xlsform)
    questionnaires.add_command(import_xlsform_command)
    app.cli.add_command(responses)
    app.cli.add_command(round_group)


def _organisation_choices(registry, respondent_type: str):
    from surveyapp.questionnaire import Choice, Text

    return [
        Choice(str(item["code"]), Text(item["label"]))
        for item in registry.choices(f"registry:{respondent_type}") or []
    ]


@click.command("export-xlsform")
@click.argument("questionnaire", metavar="TYPE|PATH")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
def export_xlsform(questionnaire: str, output: Path) -> None:
    """Write a questionnaire (a respondent type or a questionnaire file) as an XLSForm."""
    from surveyapp.interop.xlsform import build_xlsform
    from surveyapp.questionnaire import QuestionnaireError, load_questionnaire
    from surveyapp.registry import load_registry

    registry = load_registry()
    if questionnaire in RESPONDENT_TYPES:
        path = questionnaire_dir() / f"{questionnaire}.yaml"
    else:
        path = Path(questionnaire)
        if not path.is_file():
            raise _refuse(
                f"'{questionnaire}' is neither a respondent type "
                f"({', '.join(RESPONDENT_TYPES)}) nor a questionnaire file"
            )
    try:
        loaded = load_questionnaire(path, choice_source=registry)
    except QuestionnaireError as error:
        raise _refuse(str(error)) from error
    form = build_xlsform(loaded, _organisation_choices(registry, loaded.respondent_type))
    output.parent.mkdir(parents=True, exist_ok=True)
    form.write(output)
    languages = ", ".join(form.languages)
    click.echo(f"Wrote {output} ({len(form.survey)} survey rows; languages: {languages})")


@click.command("import-xlsform")
@click.argument("source", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@click.option(
    "--type",
    "respondent_type",
    type=click.Choice(RESPONDENT_TYPES),
    help="The respondent type, when the settings sheet does not name one.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def import_xlsform_command(
    source: Path, output: Path, respondent_type: str | None, as_json: bool
) -> None:
    """Turn an XLSForm (.xlsx, .xls, .csv, .md) into a questionnaire file.

    What the form has and our format cannot carry is listed once per kind, with the names it
    concerns.
    """
    from surveyapp.interop.xlsform_import import (
        XLSFormError,
        import_xlsform,
        questionnaire_yaml,
    )
    from surveyapp.registry import load_registry

    try:
        result = import_xlsform(source, respondent_type, choice_source=load_registry())
    except XLSFormError as error:
        if as_json:
            _say(json.dumps({"output": None, "valid": False, "error": str(error)}, indent=1))
            sys.exit(1)
        raise _refuse(str(error)) from error
    output.parent.mkdir(parents=True, exist_ok=True)
    # The checks ran on this very text: their line numbers are the file's.
    output.write_text(questionnaire_yaml(result.data), encoding="utf-8")
    problems = [str(dataclasses.replace(p, file=str(output))) for p in result.problems]
    questions = result.question_count()
    if as_json:
        report = {
            "output": str(output),
            "valid": not problems,
            "questions": questions,
            "problems": problems,
            "notes": [note.to_json() for note in result.notes],
        }
        _say(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        for note in result.notes:
            _say(f"Note: {note}", err=True)
        for problem in problems:
            _say(problem, err=True)
    if problems:
        if not as_json:
            _say(f"Wrote {output}, but it needs the corrections above.", err=True)
        sys.exit(1)
    if not as_json:
        count = sum(note.count for note in result.notes)
        suffix = f"; {count} note(s) of {len(result.notes)} kind(s) above" if count else ""
        _say(f"Wrote {output}: {questions} questions{suffix}")


@click.group("responses")
def responses() -> None:
    """Responses from other tools."""


@responses.command("import")
@click.argument(
    "sources",
    metavar="SOURCE...",
    nargs=-1,
    required=True,
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
)
@with_appcontext
def import_responses(sources: tuple[Path, ...]) -> None:
    """Import KoboToolbox / ODK submissions of a form exported from here.

    SOURCE is a JSON or CSV export, or ODK Central's CSV (.zip); several files are ODK
    Central's OData feed: Submissions and its repeats' entity sets.
    """
    from surveyapp.interop.kobo import (
        SubmissionFileError,
        import_submissions,
        read_submission_files,
    )

    # A file name that is not UTF-8 reaches Python with surrogates: it is stored as the source.
    name = printable_text(sources[0].name)
    if len(sources) > 1:
        name += f" and {len(sources) - 1} more"

    @needs_database
    def run():
        try:
            submissions = read_submission_files(sources)
        except SubmissionFileError as error:
            raise _refuse(str(error)) from None
        report = import_submissions(submissions, source=name, actor=f"import:{name}")
        db.session.commit()
        return report

    report = run()
    for row, code, response_id, submitted in report.imported:
        state = "submitted" if submitted else "saved, not complete yet"
        _say(f"row {row}: {code} -> response {response_id} ({state})")
    for row, identifier in report.skipped:
        _say(f"row {row}: submission {identifier} was imported before; skipped")
    for problem in report.refused:
        _say(f"Refused {problem}", err=True)
    click.echo(
        f"{len(report.imported)} imported, {len(report.skipped)} already there, "
        f"{len({p.row for p in report.refused})} refused."
    )
    if report.refused:
        sys.exit(1)


@click.group("round")
def round_group() -> None:
    """Move a whole round between installations as JSON."""


@round_group.command("export")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@click.option("--round", "round_id", type=int, help="The round's id (default: the open round).")
@with_appcontext
def export_round_command(output: Path, round_id: int | None) -> None:
    """Write a round (questionnaires, registry, invitations, responses, audit) as JSON."""
    from surveyapp import operations
    from surveyapp.interop.round_archive import export_round
    from surveyapp.models import SurveyRound

    @needs_database
    def run():
        if round_id is not None:
            survey_round = db.session.get(SurveyRound, round_id)
        else:
            survey_round = operations.current_round() or db.session.scalar(
                select(SurveyRound).order_by(SurveyRound.id.desc()).limit(1)
            )
        if survey_round is None:
            raise click.ClickException("There is no such round.")
        return survey_round.name, export_round(survey_round)

    name, archive = run()
    output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(archive, ensure_ascii=False, indent=1)
    # Text stored before the text rule may hold a lone surrogate, which only a JSON escape can
    # carry (it is only ever inside a string): the archive keeps it exactly.
    text = _SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
    output.write_text(text, encoding="utf-8")
    _say(f"Wrote {output}: {name}, {len(archive['responses'])} responses")


@round_group.command("import")
@click.argument("source", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@with_appcontext
def import_round_command(source: Path) -> None:
    """Add a round from a JSON archive (invitations need new links: invite again)."""
    from surveyapp.interop.json_files import JSONFileError, read_json
    from surveyapp.interop.round_archive import ArchiveError, import_round

    try:
        data = read_json(source)
    except JSONFileError as error:
        raise _refuse(str(error)) from None

    @needs_database
    def run():
        from surveyapp.database_schema import upgrade_schema

        upgrade_schema()
        try:
            survey_round = import_round(data)
        except ArchiveError as error:
            db.session.rollback()
            raise _refuse(str(error)) from None
        db.session.commit()
        return survey_round.name, len(data["responses"])

    name, count = run()
    _say(f"Imported {name}: {count} responses.")
