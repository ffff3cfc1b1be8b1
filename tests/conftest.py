"""Fixtures shared by every test: an application on a fresh database, clients, factories, and
the browser."""

from __future__ import annotations

import gc
import os
import shutil

import flask
import jinja2
import pytest
from argon2 import PasswordHasher
from werkzeug.routing import Rule

from surveyapp import create_app
from surveyapp.extensions import db
from surveyapp.models import user as user_model
from tests.database_template import (
    TEST_SETTINGS,
    PostgresTemplate,
    SqliteTemplate,
    build_demo_beside_the_round,
    standalone_demo_template,
)
from tests.serving import served


def pytest_configure(config):
    """Under pytest-xdist, give each worker a PostgreSQL database of its own.

    The workers (``-n 2``) would otherwise empty and refill the same tables under each other.
    Worker ``gw1`` of ``.../surveyapp_ci`` runs on ``.../surveyapp_ci_gw1``, created here when
    missing; every test reading ``SURVEYAPP_TEST_DATABASE_URL`` then sees the worker's database.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    url = os.environ.get("SURVEYAPP_TEST_DATABASE_URL")
    if worker and url and not url.startswith("sqlite"):
        os.environ["SURVEYAPP_TEST_DATABASE_URL"] = _worker_database(url, worker)


def pytest_collection_modifyitems(config, items):
    """Tests marked ``heavy`` first; on another engine than SQLite, only the tests that use the
    database under test.

    The heavy tests (several seconds each: the demo's summaries checked in each language, the
    bench's command cases, axe-core over every page of a language) go first so that the two
    workers do not end with one of them still running one, the other idle.

    A test without the ``fresh_database`` fixture (through ``app``) or the ``database_engine``
    marker reads no database, or one of its own in SQLite: in the PostgreSQL pass of CI it
    would repeat exactly what the SQLite pass ran. Nor does a test marked ``page_markup``
    (axe-core over every page, reflow at 320 CSS pixels): it reads the database, but what it
    checks, the markup and layout the browser gets, no engine changes; the flows that read and
    write the same pages' data run in both passes. Such tests are deselected there, and pytest
    says how many.
    """
    items.sort(key=lambda item: item.get_closest_marker("heavy") is None)
    url = os.environ.get("SURVEYAPP_TEST_DATABASE_URL", "")
    if not url or url.startswith("sqlite"):
        return
    kept, left = [], []
    for item in items:
        uses_engine = "fresh_database" in getattr(item, "fixturenames", ())
        uses_engine = uses_engine or item.get_closest_marker("database_engine") is not None
        uses_engine = uses_engine and item.get_closest_marker("page_markup") is None
        (kept if uses_engine else left).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


def pytest_collection_finish(session):
    """Keep the garbage collector off what lives for the whole session, and run it less often.

    A test process holds a large heap that never becomes garbage (the libraries, the collected
    tests, the session's templates), and a summary's layout makes hundreds of thousands of
    objects: with Python's default thresholds, each full collection walked that whole heap,
    19 of them in laying out the demo's 25 summaries once (2.4 s of the test's 12 s of CPU).
    What exists once the tests are collected is frozen (never scanned again), and the young
    generation is collected every 10,000 allocations instead of 700. Only when garbage is
    found changes: a connection left open is still found by ``_let_go`` at the test's end.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def _worker_database(url: str, worker: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{base.database}_{worker}"
    engine = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        exists = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        )
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def database_template(tmp_path_factory):
    """The session's template of the database under test (``tests/database_template.py``)."""
    folder = tmp_path_factory.mktemp("database-template")
    url = os.environ.get("SURVEYAPP_TEST_DATABASE_URL")
    template = PostgresTemplate(url, folder) if url else SqliteTemplate.initialised(folder)
    yield template
    template.drop()


@pytest.fixture(scope="session")
def fresh_database(database_template):
    """Factory: a fresh database for one test, copied from a template built once per session.

    ``fresh_database(tmp_path)`` returns the URL of a database with the schema, the registry,
    the questionnaires and the open round, identical for every test (see
    ``tests/database_template.py``).
    """
    return database_template.fresh


@pytest.fixture(scope="session")
def fresh_demo_database(database_template, fresh_database, tmp_path_factory):
    """Factory: the demo round in a fresh database for one test, built once per session.

    ``fresh_demo_database(tmp_path)`` returns the URL of a copy of ``fresh_database``'s
    database where the open round was closed and ``surveyapp.demo.build_demo`` built the demo
    round beside it (on the engine under test: a file copy on SQLite, refilled from a template
    schema of its own on PostgreSQL).
    """
    folder = tmp_path_factory.mktemp("demo-template")
    with pytest.MonkeyPatch.context() as patch:
        # built as in a test: the demo's analyst account gets a cheap hash
        patch.setattr(user_model, "_hasher", CHEAP_HASHER)
        template = database_template.derive(folder, build_demo_beside_the_round, "demo")
    yield template.fresh
    template.drop()


@pytest.fixture(scope="session")
def fresh_standalone_demo(tmp_path_factory):
    """Factory: the demo round alone in a SQLite file of its own, built once per session.

    ``fresh_standalone_demo(folder)`` copies into ``folder/demo.sqlite3`` the database
    ``surveyapp demo`` builds (``build_demo`` in an empty database, migrations included) and
    returns its URL. Whatever the engine under test: the tests that use it are left to the
    SQLite pass on PostgreSQL (``pytest_collection_modifyitems``).
    """
    return standalone_demo_template(tmp_path_factory.mktemp("standalone-demo")).fresh


#: Argon2 at its cheapest: one hash costs about 0.3 s with the production parameters, and most
#: tests create an account and log in. Tests of hashing itself keep the production parameters
#: (marker ``production_password_hashing``); so does the application outside the tests.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(autouse=True)
def cheap_password_hashing(request, monkeypatch):
    """Hash passwords with cheap Argon2 parameters unless the test is marked otherwise."""
    if request.node.get_closest_marker("production_password_hashing") is None:
        monkeypatch.setattr(user_model, "_hasher", CHEAP_HASHER)
    # The stand-in hash of unknown accounts is made once, with whichever hasher is in place.
    user_model._dummy_hash.cache_clear()
    yield
    user_model._dummy_hash.cache_clear()


class SharedBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept for the whole test process.

    Every test builds an application, and each application's Jinja environment would compile
    again every template the test renders (most of a page's time in a test). Jinja checks each
    entry against its template's source, so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = SharedBytecodeCache()


class SharedBuilderRule(Rule):
    """A URL rule whose URL builders are compiled once for the whole test process.

    Werkzeug compiles two small Python functions for each of an application's URL rules (about
    nine tenths of ``create_app``'s 20 ms, paid by every test). A builder depends only on the
    rule's text, its parsed parts and its defaults, and takes the rule as its first argument,
    so applications with the same rules can share them.
    """

    _builders: dict[tuple, object] = {}

    def _compile_builder(self, append_unknown: bool = True):
        key = (
            self.rule,
            self.subdomain,
            self.host,
            self.merge_slashes,
            self.map.host_matching,
            tuple(self._trace),
            repr(sorted((self.defaults or {}).items())),
            append_unknown,
        )
        builder = self._builders.get(key)
        if builder is None:
            builder = self._builders[key] = super()._compile_builder(append_unknown)
        return builder


flask.Flask.url_rule_class = SharedBuilderRule


def _test_application(tmp_path, monkeypatch, url: str) -> flask.Flask:
    monkeypatch.setenv("SURVEYAPP_INSTANCE_PATH", str(tmp_path / "instance"))
    application = create_app({**TEST_SETTINGS, "SQLALCHEMY_DATABASE_URI": url})
    application.jinja_env.bytecode_cache = COMPILED_TEMPLATES
    return application


def _let_go(application: flask.Flask) -> None:
    """Close the test's session and its engine's connections.

    A connection still checked out here (a request answered after the test, a session left
    open in a thread) would go back to the discarded pool and be collected unclosed during
    some later test, whose ResourceWarning would then fail it: the test that held it fails
    here instead.
    """
    with application.app_context():
        db.session.remove()
        held = getattr(db.engine.pool, "checkedout", lambda: 0)()
        db.engine.dispose()
    assert held == 0, f"{held} database connection(s) still held when the test ended"


@pytest.fixture
def app(tmp_path, monkeypatch, fresh_database):
    """An application on a fresh database, registry and questionnaires loaded, a round open.

    SQLite in a temporary folder by default; ``SURVEYAPP_TEST_DATABASE_URL`` (e.g. PostgreSQL)
    runs the same tests against another engine, created afresh before each test.
    """
    application = _test_application(tmp_path, monkeypatch, fresh_database(tmp_path))
    yield application
    _let_go(application)


@pytest.fixture
def demo_app(request, tmp_path, monkeypatch, fresh_demo_database):
    """An application on a fresh copy of the demo round: ``app``'s database with its round
    closed and the demo round (2019) built beside it (``fresh_demo_database``).

    Not together with ``app`` or the fixtures built on it (``client``, ``runner``...): on
    PostgreSQL both would refill the one database under test.
    """
    if "app" in request.fixturenames:
        pytest.fail("demo_app and app are two applications on one database: use one of them")
    application = _test_application(tmp_path, monkeypatch, fresh_demo_database(tmp_path))
    yield application
    _let_go(application)


@pytest.fixture
def client(app):
    """A test client of ``app``."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner of ``app``."""
    return app.test_cli_runner()


@pytest.fixture
def create_invitation(app):
    """Factory: invite the organisation ``code`` to the open round; returns (token, response id)."""
    from sqlalchemy import select

    from surveyapp import operations
    from surveyapp.models import Organisation

    def create(code: str, email: str | None = None) -> tuple[str, int]:
        with app.app_context():
            organisation = db.session.scalar(select(Organisation).filter_by(code=code))
            invitation, token = operations.invite(
                operations.current_round(), organisation, email, actor="test"
            )
            db.session.commit()
            return token, invitation.response_id

    return create


@pytest.fixture
def create_user(app):
    """Factory: create an account with ``role``; returns (email, password)."""
    from surveyapp import operations

    def create(role: str = "analyst", email: str | None = None) -> tuple[str, str]:
        email = email or f"{role}@example.org"
        password = f"correct horse {role} battery"
        with app.app_context():
            operations.create_user(email, password, role)
            db.session.commit()
        return email, password

    return create


@pytest.fixture
def khartoum_round(app):
    """The demo's Khartoum Process round: the ISCM's secretariat and those who referred to it,
    their answers saved and submitted."""
    from sqlalchemy import select

    from surveyapp import operations
    from surveyapp.demo import khartoum_responses
    from surveyapp.models import Organisation

    with app.app_context():
        survey_round = operations.current_round()
        for demo in khartoum_responses():
            organisation = db.session.scalar(select(Organisation).filter_by(code=demo.organisation))
            invitation, _token = operations.invite(survey_round, organisation, None, "test")
            response = invitation.response
            operations.save_answers(response, 0, demo.answers, actor="test", channel="test")
            operations.submit_response(response, actor="test", channel="test")
        db.session.commit()
    return app


@pytest.fixture
def analyst_client(client, create_user, khartoum_round):
    """A test client logged in as an analyst, over the Khartoum Process round."""
    from tests.pages import log_in

    email, password = create_user("analyst")
    assert log_in(client, email, password).status_code == 302
    return client


# -- the browser ---------------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: Chromium features the tests turn off besides those Playwright turns off: the spare renderer
#: process Chromium keeps ready for the next site, and the address bar's two pop-ups, which it
#: builds as web pages in a renderer process of their own for every new window. A test's browser
#: context opens a window, so each context of the full browser started three renderer processes,
#: two of them never used (about 0.2 CPU s a context; the browser tests took 13 % less CPU
#: without them). The headless shell starts only the page's, with or without these.
CHROMIUM_DISABLED_FEATURES = (
    "SpareRendererForSitePerProcess",
    "WebUIOmniboxPopup",
    "WebUIOmniboxAimPopup",
)

#: Debian's Chromium, by the names its packages install, the headless shell first: the same
#: Chromium (same version and Blink) without the desktop browser around it, which Playwright
#: itself runs for headless tests; the browser tests took about a quarter less CPU in it.
CHROMIUM_NAMES = ("chromium-headless-shell", "chromium", "chromium-browser")


def _playwright_disabled_features(playwright, executable: str) -> str:
    """The ``--disable-features=...`` switch Playwright gives Chromium, as Chromium received it
    (the DevTools protocol's ``Browser.getBrowserCommandLine``, which answers only a browser
    started with ``--enable-automation``).

    Chromium keeps only the last of two ``--disable-features`` switches, so the tests' features
    are added to Playwright's list (whatever its version puts there), not passed beside it.
    """
    from playwright.sync_api import Error as PlaywrightError

    browser = playwright.chromium.launch(
        executable_path=executable, headless=True, args=[*CHROMIUM_ARGS, "--enable-automation"]
    )
    try:
        session = browser.new_browser_cdp_session()
        arguments = session.send("Browser.getBrowserCommandLine")["arguments"]
    except PlaywrightError:  # a Chromium that does not tell its command line
        arguments = []
    finally:
        browser.close()
    return next((a for a in arguments if a.startswith("--disable-features=")), "")


def _chromium_path() -> str | None:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture
def live_server(app):
    """``app`` served by a real HTTP server on a free loopback port; yields its base URL."""
    with served(app) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    """Headless Debian Chromium (:data:`CHROMIUM_NAMES`), started once per session; skipped
    without it unless required.

    Starting Chromium costs seconds; each test still gets a context of its own (``browser_page``),
    with its own cookies, storage and pages, so tests stay isolated. Chromium is started twice:
    once to read the features Playwright turns off, then with :data:`CHROMIUM_DISABLED_FEATURES`
    added to them.
    """
    executable = _chromium_path()
    if executable is None:
        if os.environ.get("SURVEYAPP_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required (SURVEYAPP_REQUIRE_BROWSER=1) but was not found.")
        pytest.skip("Chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        playwrights = _playwright_disabled_features(playwright, executable)
        # Without Playwright's list (a Chromium that did not tell its command line), Playwright's
        # defaults are left as they are rather than replaced by the tests' list.
        extra, ignored = [], None
        if playwrights:
            extra = [",".join([playwrights, *CHROMIUM_DISABLED_FEATURES])]
            ignored = [playwrights]
        browser = playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            args=[*CHROMIUM_ARGS, *extra],
            ignore_default_args=ignored,
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    """A page in a fresh browser context (no cookies, no storage) of the session's Chromium."""
    context = chromium.new_context()
    yield context.new_page()
    # Close every context, including those a test opened for a second person.
    for opened in chromium.contexts:
        opened.close()
