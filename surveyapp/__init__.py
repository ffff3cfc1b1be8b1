"""The ISCM assessment platform: questionnaires, answers and per-ISCM summaries."""

from __future__ import annotations

import contextvars
import os
import re
import uuid
from typing import Any

from flask import (
    Flask,
    g,
    has_request_context,
    jsonify,
    make_response,
    render_template,
    request,
)
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, ServiceUnavailable


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create the application.

    :param test_config: settings that replace those read from the environment (tests).
    """
    # Imported here rather than with the package: a command that only lists or parses (e.g.
    # ``surveyapp --help``) imports ``surveyapp`` without creating an application.
    from flask_babel import get_locale
    from werkzeug.middleware.proxy_fix import ProxyFix

    from surveyapp import config
    from surveyapp.database_schema import MIGRATIONS
    from surveyapp.extensions import babel, csrf, db, login_manager, migrate
    from surveyapp.i18n import (
        LANGUAGE_NAMES,
        iscm_kind_name,
        language_switch_url,
        membership_role_name,
        message_kind_name,
        page_language,
        page_region_name,
        respondent_type_name,
        role_name,
        round_name,
        select_locale,
        status_name,
        text_direction,
    )
    from surveyapp.questionnaire.text import printable_output
    from surveyapp.request_input import DatabaseIntegerConverter, DepthLimitedJSONProvider
    from surveyapp.security import init_security

    app = Flask(__name__, instance_path=os.environ.get("SURVEYAPP_INSTANCE_PATH"))
    # Bad input answers 4xx: JSON nested too deeply is malformed, a URL's id must fit a column.
    app.json = DepthLimitedJSONProvider(app)
    app.url_map.converters["int"] = DatabaseIntegerConverter
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(config.from_environment(app.instance_path))
    if test_config:
        app.config.from_mapping(test_config)

    hops = app.config.get("SURVEYAPP_PROXY_HOPS", 0)
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS), render_as_batch=True)
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    babel.init_app(
        app, locale_selector=select_locale, default_translation_directories="translations"
    )
    init_security(app)
    app.jinja_env.globals["text_direction"] = text_direction
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.filters["respondent_type"] = respondent_type_name
    app.jinja_env.filters["iscm_kind"] = iscm_kind_name
    app.jinja_env.filters["round_name"] = round_name
    app.jinja_env.filters["status_name"] = status_name
    app.jinja_env.filters["membership_role"] = membership_role_name
    app.jinja_env.filters["role_name"] = role_name
    app.jinja_env.filters["message_kind"] = message_kind_name
    app.jinja_env.filters["region_name"] = page_region_name
    app.jinja_env.globals["page_language"] = page_language
    app.jinja_env.globals["language_switch_url"] = language_switch_url
    app.jinja_env.globals["interface_languages"] = LANGUAGE_NAMES
    # Text stored before the text rule may hold characters a page cannot carry: never a 500.
    app.jinja_env.finalize = printable_output
    with app.app_context():
        _configure_engine(db.engine, app.config["SURVEYAPP_SQLITE_BUSY_MS"])

    from surveyapp.admin.routes import blueprint as admin_blueprint
    from surveyapp.analyst.routes import blueprint as analyst_blueprint
    from surveyapp.api import blueprint as api_blueprint
    from surveyapp.auth.routes import blueprint as auth_blueprint
    from surveyapp.respond.routes import blueprint as respond_blueprint

    app.register_blueprint(respond_blueprint)
    app.register_blueprint(auth_blueprint)
    app.register_blueprint(analyst_blueprint)
    app.register_blueprint(admin_blueprint)
    app.register_blueprint(api_blueprint)
    csrf.exempt(api_blueprint)

    from surveyapp.cli import register_commands

    register_commands(app)
    # browsers ask for /favicon.ico whatever the page says (a PDF, an error page)
    app.add_url_rule(
        "/favicon.ico",
        "favicon",
        lambda: app.send_static_file("favicon.svg"),
    )
    _register_error_pages(app)
    _register_security_headers(app)
    return app


#: set by commands that write, so that on SQLite their transactions take the write lock at once
WRITE_INTENT: contextvars.ContextVar[bool] = contextvars.ContextVar("write_intent", default=False)


def _configure_engine(engine, busy_ms: int) -> None:
    """SQLite: WAL, a busy timeout (``busy_ms``), foreign keys, and ``BEGIN IMMEDIATE`` for
    writing requests.

    A deferred transaction that reads and then writes fails at once with "database is locked"
    when another connection wrote in between (the busy timeout does not apply to it). Requests
    that may write therefore take the write lock when their transaction begins, and wait for it
    up to the busy timeout (so do commands that declare ``WRITE_INTENT``); reading requests stay
    deferred and never block each other.
    """
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event below emit BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _sqlite_begin(connection):
        if has_request_context():
            writing = request.method not in ("GET", "HEAD", "OPTIONS")
        else:
            writing = WRITE_INTENT.get()
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def _register_error_pages(app: Flask) -> None:
    """Plain pages (or JSON under /api) for every error; never a traceback.

    Every request gets an id (``X-Request-Id``); errors are logged with it and the error page
    shows it, so a respondent's report can be matched with the log.
    """

    def wants_json() -> bool:
        return request.path.startswith("/api/")

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code in (401, 403):
            app.logger.warning(
                "Access refused (%s) on %s %s from %s [request %s]",
                error.code,
                request.method,
                request.path,
                request.remote_addr,
                request_id(),
            )
        if wants_json():
            response = jsonify(error=error.name, message=error.description)
        else:
            response = make_response(render_template("error.html", error=error))
        # The headers HTTP requires with the error: Allow on 405, WWW-Authenticate, Retry-After.
        for name, value in error.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response, error.code

    from flask_babel import lazy_gettext as _l

    from surveyapp.extensions import db

    @app.errorhandler(OperationalError)
    def database_error(error: OperationalError):
        # SQLite's write lock still held by others after the busy timeout: the request changed
        # nothing and may simply be sent again (autosave does), so it is told so, not a 500.
        if "database is locked" not in str(error.orig):
            return unexpected_error(error)
        app.logger.warning(
            "Database busy on %s %s [request %s]", request.method, request.path, request_id()
        )
        db.session.rollback()
        busy = ServiceUnavailable(
            _l(
                "The server is busy saving other answers: nothing was saved from this "
                "request. Please try again in a few seconds."
            ),
            retry_after=BUSY_RETRY_SECONDS,
        )
        # the error page's heading (another 503, a render over its limits, says otherwise)
        busy.heading = _l("The server is busy")
        return http_error(busy)

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        app.logger.exception("Unhandled error on %s [request %s]", request.path, request_id())
        db.session.rollback()
        if wants_json():
            return jsonify(
                error="Internal Server Error",
                message="Something went wrong.",
                request_id=request_id(),
            ), 500
        return render_template("error.html", error=None), 500


#: seconds a request refused because the database was busy is told to wait before trying again
BUSY_RETRY_SECONDS = 5

#: an incoming request id is kept only when it looks like one
_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{8,64}")


def request_id() -> str:
    """This request's id: the proxy's ``X-Request-Id`` when sane, else a new random one."""
    if "request_id" not in g:
        incoming = request.headers.get("X-Request-Id", "")
        g.request_id = incoming if _REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
    return g.request_id


def _register_security_headers(app: Flask) -> None:
    """Headers that keep pages from being framed or from loading anything foreign."""

    @app.after_request
    def security_headers(response):
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "font-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; "
            "base-uri 'none'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if request.is_secure:
            response.headers.setdefault(
                "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
            )
        if request_id():
            response.headers["X-Request-Id"] = g.request_id
        if not _is_static_file(request.endpoint):
            # Pages, answers, exports, PDFs, new tokens and links: nothing dynamic is kept by
            # the browser or a proxy, where the next person at the machine could find it.
            response.headers["Cache-Control"] = "no-store"
        return response


def _is_static_file(endpoint: str | None) -> bool:
    """Whether ``endpoint`` serves the application's own static files (stylesheets, scripts)."""
    return endpoint is not None and (endpoint == "static" or endpoint.endswith(".static"))
