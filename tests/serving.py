"""The application behind a real HTTP server on loopback, for tests that need one (a browser,
concurrent clients), stopped without leaving a request or a database connection behind."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from werkzeug.serving import make_server

from tests.pages import POLL_SECONDS


class _Answering:
    """``wsgi_app`` whose responses are closed even when the browser drops the connection, and
    which knows how many requests it is still answering.

    Werkzeug's development server closes a response after reading what is left on the socket;
    when Chromium cancels a request (a font still loading as a test closes its page) that read
    raises first, the response's file is never closed and its ResourceWarning fails a later
    test. A generator's ``finally`` runs whether it is exhausted or collected half-way.

    A request still being answered when a test ends holds a database connection: were the
    engine disposed under it, the connection would go back to the discarded pool and be
    collected unclosed later, failing whichever test runs then. ``wait_idle`` lets the
    server's teardown wait for those requests first.
    """

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app
        self.answering = 0
        self.idle = threading.Condition()

    def __call__(self, environ, start_response):
        with self.idle:
            self.answering += 1
        try:
            response = self.wsgi_app(environ, start_response)
            try:
                yield from response
            finally:
                if hasattr(response, "close"):
                    response.close()
        finally:
            with self.idle:
                self.answering -= 1
                self.idle.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        with self.idle:
            return self.idle.wait_for(lambda: self.answering == 0, timeout)


@contextmanager
def served(app, **options) -> Iterator[str]:
    """``app`` served by a threaded server on a free loopback port; yields its base URL.

    On leaving, the server stops accepting, then waits for the requests it is still answering
    (fails after 10 s), so the test's teardown may dispose the database engine safely.
    ``options`` go to werkzeug's ``make_server`` (e.g. ``request_handler``).
    """
    answering = _Answering(app)
    server = make_server("127.0.0.1", 0, answering, threaded=True, **options)
    thread = threading.Thread(target=server.serve_forever, args=(POLL_SECONDS,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)
        server.socket.close()
        assert answering.wait_idle(timeout=10), "a request was still answered 10 s after the test"
