"""What a command pays before it runs: the libraries it imports and the commands it lists."""

from __future__ import annotations

import gc
import importlib
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from surveyapp.cli import (
    COMMANDS_ELSEWHERE,
    OWN_COMMANDS,
    DeferredCommand,
    main,
    platform_commands,
)

#: libraries that take seconds or tens of megabytes to import: only the code that uses them
#: imports them (exports, PDFs, charts, migrations)
HEAVY = ("openpyxl", "pandas", "matplotlib", "weasyprint", "networkx", "alembic", "flask_migrate")
#: what a command needs only once it runs: listing the commands imports none of it
APPLICATION = (
    "surveyapp.models",
    "surveyapp.questionnaire",
    "surveyapp.extensions",
    "flask_babel",
    "flask_wtf",
    "flask_login",
    "flask_limiter",
    "yaml",
)
#: what only some pages and commands use (drafting with Fluent, the edits' Markdown, the
#: PostgreSQL dialect, the rate limiter, questionnaire schemas and XLSForms): creating the
#: application on SQLite imports none of it
ON_USE = (
    "reports.narrative",
    "reports.edits",
    "fluent.runtime",
    "markdown_it",
    "sqlalchemy.dialects.postgresql",
    "flask_limiter",
    "limits",
    "jsonschema",
    "pyxform",
)


def _imported_by(code: str, names: tuple[str, ...] = HEAVY) -> list[str]:
    """Those of ``names`` in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    modules = json.loads(output.strip().splitlines()[-1])
    return [name for name in names if name in modules]


def _creating_the_application(tmp_path) -> str:
    return (
        "from surveyapp import create_app\n"
        f"create_app({{'SQLALCHEMY_DATABASE_URI': 'sqlite:///{tmp_path}/start.sqlite3'}})"
    )


def test_importing_the_command_line_imports_no_heavy_library():
    assert _imported_by("import surveyapp.cli") == []


def test_importing_the_command_line_imports_no_application_module():
    assert _imported_by("import surveyapp.cli", APPLICATION) == []


def test_creating_the_application_imports_no_heavy_library(tmp_path):
    assert _imported_by(_creating_the_application(tmp_path)) == []


def test_creating_the_application_imports_what_pages_use_only_when_they_run(tmp_path):
    assert _imported_by(_creating_the_application(tmp_path), ON_USE) == []


def test_the_summarys_renderer_leaves_the_compendiums_figures_unimported():
    """A summary's charts are drawn as SVG from their numbers; only the compendium draws
    matplotlib figures, whose machinery (a sixth of a second) a render need not import."""
    assert (
        _imported_by("import reports.pdf", ("matplotlib.figure", "matplotlib.backend_bases")) == []
    )


def test_logins_are_limited_from_the_first_request_of_an_application_created_without_the_limiter(
    tmp_path,
):
    # In a fresh interpreter: Flask-Limiter is loaded and bound as the first request comes in.
    code = f"""
import json, sys
from surveyapp import create_app
from surveyapp.extensions import db
app = create_app({{
    "SQLALCHEMY_DATABASE_URI": "sqlite:///{tmp_path}/limits.sqlite3",
    "TESTING": True,
    "WTF_CSRF_ENABLED": False,
    "SECRET_KEY": "test",
    "SURVEYAPP_LOGIN_LIMIT_ADDRESS": "2 per 15 minutes",
}})
with app.app_context():
    db.create_all()
loaded_before = "flask_limiter" in sys.modules
client = app.test_client()
form = {{"email": "nobody@example.org", "password": "not the password"}}
print(json.dumps([loaded_before, [client.post("/login", data=form).status_code for _ in range(3)]]))
"""
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(output.strip().splitlines()[-1]) == [False, [401, 401, 429]]


def test_help_lists_the_applications_commands_without_creating_it(app, monkeypatch):
    def refuse():
        raise AssertionError("--help created the application")

    monkeypatch.setattr("surveyapp.cli._create_app", refuse)
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0, result.output
    listed = {line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line}
    assert set(app.cli.list_commands(None)) <= listed
    assert {"run", "shell", "routes", "limiter"} <= listed


def test_every_command_the_application_holds_is_a_platform_command(app):
    names = {command.name for command in platform_commands()}
    assert set(app.cli.list_commands(None)) == names


@pytest.mark.parametrize("args", [["db", "--help"], ["limiter", "--help"]])
def test_commands_loaded_on_use_still_run(args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Commands:" in result.output


def test_migration_commands_run_with_their_own_options(runner):
    # The stand-in hands its arguments to Flask-Migrate's group, whose callback sets the
    # directory its commands read.
    result = runner.invoke(args=["db", "current"])
    assert result.exit_code == 0, result.output
    assert "Error" not in result.output


def test_commands_of_other_modules_are_listed_as_they_describe_themselves():
    listed = {
        name: DeferredCommand(name, text, lambda: None) for name, _w, text in COMMANDS_ELSEWHERE
    }
    commands = {command.name: command for command in platform_commands()}
    assert set(commands) == {c.name for c in OWN_COMMANDS} | set(listed)
    for name, stand_in in listed.items():
        for width in (30, 60, 200):
            assert stand_in.get_short_help_str(width) == commands[name].get_short_help_str(width)


def test_a_listed_command_is_the_one_its_entry_names():
    for name, where, _text in COMMANDS_ELSEWHERE:
        module, _, attribute = where.partition(":")
        assert getattr(importlib.import_module(module), attribute).name == name


def test_choices_read_from_a_module_are_offered_and_checked():
    result = CliRunner().invoke(main, ["users", "create", "someone@example.org", "--role", "boss"])
    assert result.exit_code == 2
    assert "'boss' is not one of 'admin', 'analyst', 'organiser'" in result.output


def test_a_command_run_by_a_caller_leaves_the_garbage_collector_as_it_found_it():
    frozen = gc.get_freeze_count()
    result = CliRunner().invoke(main, ["db", "--help"])
    assert result.exit_code == 0, result.output
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
