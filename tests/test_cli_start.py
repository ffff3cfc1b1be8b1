"""What a command pays before it runs: the libraries it imports and the commands it lists."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from surveyapp.cli import main, platform_commands

#: libraries that take seconds or tens of megabytes to import: only the code that uses them
#: imports them (exports, PDFs, charts, migrations)
HEAVY = ("openpyxl", "pandas", "matplotlib", "weasyprint", "networkx", "alembic", "flask_migrate")


def _imported_by(code: str) -> list[str]:
    """The heavy libraries in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    modules = json.loads(output.strip().splitlines()[-1])
    return [name for name in HEAVY if name in modules]


def test_importing_the_command_line_imports_no_heavy_library():
    assert _imported_by("import surveyapp.cli") == []


def test_creating_the_application_imports_no_heavy_library(tmp_path):
    code = (
        "from surveyapp import create_app\n"
        f"create_app({{'SQLALCHEMY_DATABASE_URI': 'sqlite:///{tmp_path}/start.sqlite3'}})"
    )
    assert _imported_by(code) == []


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
