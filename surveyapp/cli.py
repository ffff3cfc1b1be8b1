"""The ``surveyapp`` command: a Flask CLI group with the platform's own commands.

Starting a command costs little more than importing Flask (docs/benchmarks.md, "Command
start"): this module imports the application (models, questionnaire engine, the commands
defined in other modules) only when a command runs, and ``surveyapp --help`` lists the
commands without creating the application or importing those modules.
"""

from __future__ import annotations

import functools
import gc
import importlib
import json
import secrets
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext

from surveyapp.bootstrap import (
    initialise_database,
    needs_database,
    questionnaire_dir,
    questionnaire_files,
    safe_url,
)

#: the platform's commands defined in other modules, as ``surveyapp --help`` lists them without
#: importing those modules: name, where the command is defined, and the first paragraph of its
#: help (``tests/test_cli_start.py`` checks that they agree with the commands themselves)
COMMANDS_ELSEWHERE = (
    (
        "demo",
        "surveyapp.demo.command:demo_command",
        "Build a fresh demo database (SQLite) with a Khartoum Process round, then serve it.",
    ),
    ("responses", "surveyapp.interop.cli:responses", "Responses from other tools."),
    (
        "round",
        "surveyapp.interop.cli:round_group",
        "Move a whole round between installations as JSON.",
    ),
    ("mail", "surveyapp.mail:mail_commands", "E-mail: send what is waiting in the outbox."),
    (
        "export",
        "surveyapp.exports.command:export_command",
        "Export the answers as XLSX, or as a ZIP of CSV files (one per sheet).",
    ),
    ("answers", "surveyapp.stored_text:answers_commands", "Stored answers."),
    ("db", "surveyapp.extensions:migration_commands", "Perform database migrations."),
)


def _imported(where: str):
    """The object at ``where`` (``"package.module:name"``), importing its module."""
    module, _, name = where.partition(":")
    return getattr(importlib.import_module(module), name)


def _create_app() -> Flask:
    from surveyapp import create_app

    return create_app()


class PlatformGroup(FlaskGroup):
    """``surveyapp``: Flask's command group, listing its commands without starting anything.

    ``surveyapp --help`` lists the platform's commands without creating the application to
    ask it: the commands defined here as they are, those of other modules from
    :data:`COMMANDS_ELSEWHERE` (a command still runs in the application's context, found
    through ``app.cli`` as Flask does it). Extensions' commands (the ``flask.commands`` entry
    points, e.g. Flask-Limiter's ``limiter``, which imports rich) are imported when one is run,
    not to be listed.

    Starting allocates hundreds of thousands of objects that live as long as the process
    (modules, models, URL rules) and frees almost none of them, so the garbage collector is off
    until the command runs, and a command started from the command line then freezes what
    starting made (``gc.freeze``): the collector leaves those objects alone from then on, and
    at exit, where the interpreter would otherwise scan them all several times over (the
    figures are in docs/benchmarks.md, "Command start").
    """

    def main(self, args=None, **kwargs):
        collecting = gc.isenabled()
        gc.disable()
        # args is None: this process is the command (not a caller's CliRunner, whose objects
        # must stay collectable)
        self._started = (collecting, args is None)
        try:
            return super().main(args, **kwargs)
        finally:
            if collecting:
                gc.enable()

    def _load_plugin_commands(self) -> None:
        # Flask's own loader imports every entry point; a stand-in per entry point instead.
        if self._loaded_plugin_commands:
            return
        for entry_point in metadata.entry_points(group="flask.commands"):
            owner = entry_point.dist.name if entry_point.dist else entry_point.module
            self.add_command(
                DeferredCommand(entry_point.name, f"Commands of {owner}.", entry_point.load),
                entry_point.name,
            )
        self._loaded_plugin_commands = True

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name, command, rest = super().resolve_command(ctx, args)
        if isinstance(command, DeferredCommand):
            command = command.load()
        # Started (the application created if the command needs it): the command may run for
        # minutes and make garbage, so the collector works again from here.
        collecting, own_process = getattr(self, "_started", (False, False))
        self._started = (False, False)
        if own_process:
            gc.freeze()
        if collecting:
            gc.enable()
        return name, command, rest

    def _listed(self) -> dict[str, click.Command]:
        self._load_plugin_commands()
        elsewhere = {
            name: DeferredCommand(name, help_text, functools.partial(_imported, where))
            for name, where, help_text in COMMANDS_ELSEWHERE
        }
        return {**{c.name: c for c in OWN_COMMANDS}, **elsewhere, **self.commands}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self._listed())

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, c) for name, c in sorted(self._listed().items()) if not c.hidden]
        if rows:
            limit = formatter.width - 6 - max(len(name) for name, _command in rows)
            with formatter.section("Commands"):
                formatter.write_dl([(name, c.get_short_help_str(limit)) for name, c in rows])


class DeferredCommand(click.Command):
    """Stands for a command whose module is imported only when the command runs."""

    def __init__(self, name: str, help_text: str, load: Callable[[], click.Command]) -> None:
        super().__init__(name, help=help_text)
        self._load = load

    def load(self) -> click.Command:
        """The command itself."""
        return self._load()


class NamesFrom(click.Choice):
    """A choice among the names a module defines (``"package.module:NAMES"``), imported when
    the option is first parsed or shown: listing the commands imports neither the models nor
    the questionnaire engine."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.case_sensitive = True

    @functools.cached_property
    def choices(self) -> tuple[str, ...]:
        """The names, read from their module the first time they are asked for."""
        return tuple(_imported(self.where))


#: the languages of questionnaires, summaries and the interface
LANGUAGE = NamesFrom("surveyapp.questionnaire.model:LANGUAGES")


@click.group(cls=PlatformGroup, create_app=_create_app, add_version_option=False)
def main() -> None:
    """The ISCM assessment platform."""


def platform_commands() -> tuple[click.Command, ...]:
    """The platform's commands, as ``app.cli`` holds them."""
    return OWN_COMMANDS + tuple(_imported(where) for _name, where, _help in COMMANDS_ELSEWHERE)


def register_commands(app: Flask) -> None:
    """Attach the platform's commands to ``app.cli`` (also reachable through ``flask``)."""
    from surveyapp.interop import cli as interop_cli

    for command in platform_commands():
        app.cli.add_command(command)
    interop_cli.register(app, questionnaires)


@click.command("init")
@with_appcontext
@needs_database
def init_command() -> None:
    """Create or upgrade the database, load registry and questionnaires, open a round."""
    from surveyapp import operations
    from surveyapp.database_schema import SchemaMismatch

    try:
        initialise_database()
    except SchemaMismatch as error:
        raise click.ClickException(str(error)) from error
    survey_round = operations.current_round()
    click.echo(f"Database ready: {safe_url(current_app.config['SQLALCHEMY_DATABASE_URI'])}")
    click.echo(f"Open round: {survey_round.name}")


@click.group("questionnaires")
def questionnaires() -> None:
    """Check and show questionnaire files."""


@questionnaires.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--no-contract",
    is_flag=True,
    help="Check the files alone, not whether they give the reports what they read.",
)
def validate_questionnaires(paths: tuple[Path, ...], no_contract: bool) -> None:
    """Check questionnaire files (default: the shipped ones); one line per problem.

    Each file must also satisfy the reports' contract (reports/feeds.yaml): every question a
    report slot reads is there, under its key, of the right type.
    """
    from surveyapp.dossiers import contract_problems
    from surveyapp.questionnaire import validate_paths
    from surveyapp.registry import load_registry

    targets = list(paths) or questionnaire_files()
    missing = [p for p in targets if not p.exists()]
    for path in missing:
        click.echo(f"{path}: no such file or folder", err=True)
    registry = load_registry()
    problems = validate_paths([p for p in targets if p.exists()], choice_source=registry)
    if not no_contract:
        problems += contract_problems([p for p in targets if p.exists()], registry)
    for problem in problems:
        click.echo(str(problem), err=True)
    for warning in translation_warnings([p for p in targets if p.exists()], registry):
        click.echo(f"warning: {warning}", err=True)
    if problems or missing:
        count = len(problems) + len(missing)
        click.echo(f"{count} problem{'s' if count != 1 else ''} found.", err=True)
        sys.exit(1)
    click.echo(f"{len(targets)} questionnaire path(s) valid.")


def translation_warnings(paths: list[Path], registry) -> list:
    """Labels that lack a language, per questionnaire file (English is shown instead)."""
    from surveyapp.questionnaire import (
        QuestionnaireError,
        describe_missing_translations,
        load_questionnaire,
    )

    files = [f for p in paths for f in ([p] if p.is_file() else sorted(p.glob("*.yaml")))]
    warnings = []
    for file in files:
        try:
            questionnaire = load_questionnaire(file, choice_source=registry)
        except QuestionnaireError:
            continue
        warnings.extend(describe_missing_translations(questionnaire))
    return warnings


@questionnaires.command("show")
@click.argument("respondent_type", type=NamesFrom("surveyapp.questionnaire.model:RESPONDENT_TYPES"))
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the API's form).")
def show_questionnaire(respondent_type: str, as_json: bool) -> None:
    """Print a questionnaire as the API serves it."""
    from surveyapp.questionnaire import QuestionnaireError, load_questionnaire
    from surveyapp.registry import load_registry

    path = questionnaire_dir() / f"{respondent_type}.yaml"
    try:
        questionnaire = load_questionnaire(path, choice_source=load_registry())
    except QuestionnaireError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(questionnaire.to_json(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{questionnaire.title.get_text('en')} (version {questionnaire.version})")
    for number, section in enumerate(questionnaire.sections, start=1):
        click.echo(f"{number}. {section.title.get_text('en')}")
        for question in section.questions:
            click.echo(f"   - {question.key} [{question.type}] {question.label.get_text('en')}")


@click.group("users")
def users() -> None:
    """Manage accounts."""


@users.command("create")
@click.argument("email")
@click.option("--role", type=NamesFrom("surveyapp.models.user:ROLES"), required=True)
@with_appcontext
@needs_database
def create_user_command(email: str, role: str) -> None:
    """Create an account; the password is read from stdin or asked for."""
    from surveyapp import operations
    from surveyapp.extensions import db

    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\n")
    db.create_all()
    try:
        operations.create_user(email, password, role, actor="cli")
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Created {role} {email.strip().lower()}.")


@click.command("invite")
@click.argument("org_code")
@click.option("--email", help="The respondent's e-mail address.")
@click.option("--json", "as_json", is_flag=True, help='Print {"url": ..., "token": ...}.')
@with_appcontext
@needs_database
def invite_command(org_code: str, email: str | None, as_json: bool) -> None:
    """Invite an organisation to the open round and print its personal link."""
    from sqlalchemy import select

    from surveyapp import operations
    from surveyapp.extensions import db
    from surveyapp.models import Organisation

    survey_round = operations.current_round()
    if survey_round is None:
        raise click.ClickException("No round is open: run `surveyapp init` first.")
    organisation = db.session.scalar(select(Organisation).filter_by(code=org_code))
    if organisation is None:
        raise click.ClickException(f"No organisation has the code {org_code!r}.")
    _invitation, token = operations.invite(survey_round, organisation, email, actor="cli")
    db.session.commit()
    url = f"{current_app.config['SURVEYAPP_BASE_URL'].rstrip('/')}/r/{token}"
    if as_json:
        click.echo(json.dumps({"url": url, "token": token}))
    else:
        click.echo(url)


@click.group("report")
def report() -> None:
    """Render summaries as PDF, and check them."""


#: ``--no-illustrative``: the report commands leave illustrative (demo) answers out
no_illustrative_option = click.option(
    "--no-illustrative",
    is_flag=True,
    help="Leave illustrative (demo) answers out instead of labelling them.",
)


@report.command("iscm")
@click.argument("code")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@click.option("--lang", type=LANGUAGE, default="en")
@no_illustrative_option
@with_appcontext
@needs_database(writes=False)
def report_iscm(code: str, output: Path, lang: str, no_illustrative: bool) -> None:
    """Render the summary of findings of one ISCM (with the analysts' edits)."""
    from surveyapp.dossiers import UnknownIscm
    from surveyapp.extensions import db
    from surveyapp.pdfs import summary_pdf

    try:
        pdf, _key = summary_pdf(code, language=lang, illustrative=not no_illustrative)
    except UnknownIscm as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(pdf)
    click.echo(f"Wrote {output}")


@report.command("compendium")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@click.option("--lang", type=LANGUAGE, default="en")
@no_illustrative_option
@with_appcontext
@needs_database(writes=False)
def report_compendium(output: Path, lang: str, no_illustrative: bool) -> None:
    """Render the compendium of every ISCM's summary for the global gathering."""
    from surveyapp.dossiers import UnknownIscm
    from surveyapp.extensions import db
    from surveyapp.pdfs import compendium_pdf

    with click.progressbar(length=100, label="Building the compendium") as bar:
        done = [0]

        def progress(index: int, total: int) -> None:
            step = int(90 * index / total)
            bar.update(step - done[0])
            done[0] = step

        try:
            pdf, _key = compendium_pdf(
                language=lang, progress=progress, illustrative=not no_illustrative
            )
        except UnknownIscm as error:
            raise click.ClickException(str(error)) from error
        bar.update(100 - done[0])
    db.session.commit()
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(pdf)
    click.echo(f"Wrote {output}")


@report.command("all")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@click.option("--lang", type=LANGUAGE, default="en")
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    help="Parallel renderers (default: one per idle core, from the load average).",
)
@no_illustrative_option
@with_appcontext
@needs_database(writes=False)
def report_all(output: Path, lang: str, processes: int | None, no_illustrative: bool) -> None:
    """Render the summary of every ISCM into a folder, in parallel across the cores."""
    from sqlalchemy import select

    from reports.illustrative import without_illustrative
    from surveyapp.dossiers import build_iscm_dossier
    from surveyapp.extensions import db
    from surveyapp.models import Organisation
    from surveyapp.pdfs import render_many

    codes = db.session.scalars(
        select(Organisation.code).filter_by(kind="iscm").order_by(Organisation.code)
    ).all()
    dossiers = [build_iscm_dossier(code, language=lang) for code in codes]
    if no_illustrative:
        dossiers = [without_illustrative(dossier) for dossier in dossiers]
    jobs = [(dossier.iscm.code, dossier, None) for dossier in dossiers]
    db.session.rollback()
    output.mkdir(parents=True, exist_ok=True)
    with click.progressbar(length=len(jobs), label="Rendering summaries") as bar:
        for code, pdf in render_many(jobs, processes):
            (output / f"{code}.pdf").write_bytes(pdf)
            bar.update(1)
    click.echo(f"Wrote {len(jobs)} summaries to {output}")


@report.command("check")
@click.argument("code", required=False)
@click.option("--all", "every_iscm", is_flag=True, help="Check the summary of every ISCM.")
@click.option("--compendium", is_flag=True, help="Check the compendium for the global gathering.")
@click.option("--lang", type=LANGUAGE, help="Check the summary in this language only.")
@no_illustrative_option
@with_appcontext
@needs_database(writes=False)
def report_check(
    code: str | None, every_iscm: bool, compendium: bool, lang: str | None, no_illustrative: bool
) -> None:
    """List what a reader would trip over in a summary as it prints (default: in every language).

    One line per finding, ``CODE LANG page N: kind: text``: passages quoted untranslated,
    sentences without a source, repeated sentences, English left in another language, boxes
    wider than the page, headings and captions ending a page, near-empty pages, illustrative
    data unlabelled. With --compendium, the compendium (``compendium LANG page N: ...``).
    Exits with 1 when anything is found.
    """
    from sqlalchemy import select

    from surveyapp.dossiers import UnknownIscm
    from surveyapp.extensions import db
    from surveyapp.models import Organisation
    from surveyapp.pdfs import compendium_findings, summary_findings
    from surveyapp.questionnaire.model import LANGUAGES

    if compendium:
        if code or every_iscm:
            raise click.UsageError("Give --compendium alone, or an ISCM's code, or --all.")
        found = 0
        for language in [lang] if lang else list(LANGUAGES):
            findings = compendium_findings(language=language, illustrative=not no_illustrative)
            for finding in findings:
                click.echo(finding.line("compendium", language))
            found += len(findings)
        click.echo(f"{found} finding{'s' if found != 1 else ''} in the compendium.", err=True)
        sys.exit(1 if found else 0)
    if every_iscm == bool(code):
        raise click.UsageError("Give the code of an ISCM, --all or --compendium.")
    codes = (
        db.session.scalars(
            select(Organisation.code).filter_by(kind="iscm").order_by(Organisation.code)
        ).all()
        if every_iscm
        else [code]
    )
    languages = [lang] if lang else list(LANGUAGES)
    found = 0
    for iscm in codes:
        for language in languages:
            try:
                findings = summary_findings(
                    iscm, language=language, illustrative=not no_illustrative
                )
            except UnknownIscm as error:
                raise click.ClickException(str(error)) from error
            for finding in findings:
                click.echo(finding.line(iscm, language))
            found += len(findings)
    summaries = len(codes) * len(languages)
    click.echo(
        f"{found} finding{'s' if found != 1 else ''} in {summaries} "
        f"summar{'ies' if summaries != 1 else 'y'}.",
        err=True,
    )
    if found:
        sys.exit(1)


@click.command("backup")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@with_appcontext
def backup_command(output: Path) -> None:
    """Write a consistent copy of the database to a file (safe while serving)."""
    from surveyapp.backup import BackupError, backup

    try:
        backup(current_app.config["SQLALCHEMY_DATABASE_URI"], output)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Wrote {output}")


@click.command("restore")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def restore_command(source: Path, yes: bool) -> None:
    """Replace the database with a backup (stop the server first)."""
    from surveyapp.backup import BackupError, restore

    url = current_app.config["SQLALCHEMY_DATABASE_URI"]
    if not yes:
        click.confirm(f"Replace everything in {safe_url(url)} with {source}?", abort=True)
    try:
        restore(url, source)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Restored {source}")


#: the commands defined in this module (:data:`COMMANDS_ELSEWHERE` lists the others)
OWN_COMMANDS: tuple[click.Command, ...] = (
    init_command,
    questionnaires,
    users,
    invite_command,
    report,
    backup_command,
    restore_command,
)


def generate_password() -> str:
    """A random password for generated accounts."""
    return secrets.token_urlsafe(15)
