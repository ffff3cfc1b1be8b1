"""``surveyapp demo``: a fresh SQLite database holding the demo round, served with Werkzeug."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from werkzeug.serving import run_simple

from surveyapp.demo.loader import build_demo
from surveyapp.serving import BannerlessRequestHandler


@click.command("demo")
@click.option("--port", default=5000, show_default=True, help="Port to serve on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option("--no-serve", is_flag=True, help="Only build the demo database.")
def demo_command(port: int, host: str, no_serve: bool) -> None:
    """Build a fresh demo database (SQLite) with a Khartoum Process round, then serve it."""
    # create_app registers this command (through surveyapp.cli): imported when the command runs
    from surveyapp import create_app

    instance = Path(current_app.instance_path)
    database = instance / "demo.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    base_url = f"http://{host}:{port}"
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}", "SURVEYAPP_BASE_URL": base_url}
    )
    with app.app_context():
        summary = build_demo(echo=click.echo)
    click.echo("")
    click.echo(f"Demo database: {database}")
    click.echo(f"Analyst login: {base_url}/login")
    click.echo(f"  e-mail:   {summary.analyst_email}")
    click.echo(f"  password: {summary.analyst_password}")
    click.echo("Respondent links:")
    for label, url in summary.links:
        click.echo(f"  {label}: {url}")
    click.echo(
        f"Khartoum Process summary: surveyapp report iscm khartoum-process -o kp.pdf "
        f"(with SURVEYAPP_DATABASE_URL=sqlite:///{database})"
    )
    if not no_serve:
        click.echo(f"Serving on {base_url} (Ctrl+C to stop)")
        # Flask ignores app.run() inside a CLI command, so serve with Werkzeug directly.
        run_simple(
            host,
            port,
            app,
            threaded=True,
            use_reloader=False,
            use_debugger=False,
            request_handler=BannerlessRequestHandler,
        )
