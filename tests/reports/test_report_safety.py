"""Rendering fetches nothing outside the package and is stopped when it runs away."""

from __future__ import annotations

import base64
import http.server
import threading
from collections.abc import Iterator

import pytest

from reports import render_iscm_html, render_pdf
from reports.limits import (
    RenderLimits,
    RenderMemoryExceeded,
    RenderTimeout,
    render_pdf_limited,
)
from reports.pdf import PackageURLFetcher
from tests.pages import POLL_SECONDS


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        type(self).requests.append(self.path)
        # Were it ever asked, it would try to send the renderer to a local file
        self.send_response(302)
        self.send_header("Location", "file:///etc/passwd")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def loopback_server() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that records every request it receives."""
    _CountingHandler.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, args=(POLL_SECONDS,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _CountingHandler.requests
    finally:
        server.shutdown()
        server.server_close()


def test_the_loopback_server_records_requests(loopback_server):
    import urllib.request

    url, requests = loopback_server
    with pytest.raises(Exception):  # noqa: B017, PT011 - the redirect to file: is refused
        urllib.request.urlopen(f"{url}/probe.png", timeout=5)  # noqa: S310

    assert requests == ["/probe.png"]


def test_images_stylesheets_and_fonts_on_a_loopback_server_are_not_fetched(loopback_server, caplog):
    url, requests = loopback_server
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="10" height="10"><image xlink:href="{url}/in-svg.png" width="10" height="10"/>'
        "</svg>"
    )
    html = (
        f'<html><head><link rel="stylesheet" href="{url}/style.css">'
        f"<style>@import url({url}/imported.css); "
        f"@font-face {{ font-family: X; src: url({url}/font.woff); }} "
        f"body {{ background: url({url}/background.png); font-family: X; }}</style></head>"
        f'<body><img src="{url}/image.png">'
        f'<img src="http://localhost:{url.rsplit(":", 1)[1]}/b.png">'
        f'<img src="data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode()}">'
        "<p>Hello</p></body></html>"
    )

    pdf = render_pdf(html)

    assert pdf.startswith(b"%PDF")
    assert requests == []
    assert "blocked URL" in caplog.text


def test_an_image_pointing_at_a_local_file_is_not_read(tmp_path, monkeypatch):
    secret = tmp_path / "secret.svg"
    secret.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" '
        'height="10"/></svg>'
    )
    opened: list[str] = []
    original = PackageURLFetcher.fetch

    def spy(self, url, headers=None):
        response = original(self, url, headers)
        opened.append(url)
        return response

    monkeypatch.setattr(PackageURLFetcher, "fetch", spy)

    render_pdf(f'<img src="{secret.as_uri()}"><img src="file:///etc/passwd"><p>x</p>')

    assert opened == []


def test_a_url_in_an_answer_is_printed_not_fetched(make_dossier, loopback_server):
    url, requests = loopback_server
    dossier = make_dossier()
    dossier.answers["partnership_notes"] = f'<img src="{url}/answer.png"> See {url}/page.'

    html = render_iscm_html(dossier, edits={"structures": f"![logo]({url}/edit.png)"})
    render_pdf(html)

    assert '<img src="http://127' not in html
    assert requests == []


def test_a_render_that_runs_too_long_is_stopped():
    html = "<table>" + "<tr><td>cell</td><td>cell</td></tr>" * 20000 + "</table>"

    with pytest.raises(RenderTimeout, match="longer than 1 seconds to render and was stopped"):
        render_pdf_limited(html, RenderLimits(timeout_seconds=1, memory_bytes=4 * 1024**3))


def test_a_render_that_takes_too_much_memory_is_stopped():
    html = "<p>" + "word " * 12_000_000 + "</p>"

    # The limit covers the child's whole address space (interpreter, libraries, fonts): a
    # normal summary needs a few hundred megabytes of it, this page far more than a gigabyte.
    with pytest.raises(RenderMemoryExceeded, match="more than 1024 MB of memory"):
        render_pdf_limited(html, RenderLimits(timeout_seconds=300, memory_bytes=1024 * 1024**2))


def test_a_normal_render_within_the_same_limits_succeeds(dossier):
    pdf = render_pdf(
        render_iscm_html(dossier), RenderLimits(timeout_seconds=300, memory_bytes=1024 * 1024**2)
    )

    assert pdf.startswith(b"%PDF")


def test_limited_renders_are_forked_from_a_render_server_started_once(dossier, monkeypatch):
    import subprocess

    import reports.limits

    html = render_iscm_html(dossier)
    limits = RenderLimits(timeout_seconds=300, memory_bytes=1024 * 1024**2)
    first = render_pdf_limited(html, limits)
    server = reports.limits._server
    started = []
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: started.append(a))
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: started.append(a))

    second = render_pdf_limited(html, limits)

    assert first.startswith(b"%PDF") and second.startswith(b"%PDF")
    assert started == [] and reports.limits._server is server and server.alive()


def test_without_a_render_server_a_fresh_interpreter_renders_within_the_limits(
    dossier, monkeypatch
):
    import reports.limits

    monkeypatch.setattr(reports.limits, "_render_server", lambda deadline, limits: None)

    pdf = render_pdf_limited(
        render_iscm_html(dossier), RenderLimits(timeout_seconds=300, memory_bytes=1024 * 1024**2)
    )
    assert pdf.startswith(b"%PDF")
    with pytest.raises(RenderTimeout):
        render_pdf_limited(
            "<table>" + "<tr><td>cell</td></tr>" * 20000 + "</table>",
            RenderLimits(timeout_seconds=1, memory_bytes=4 * 1024**3),
        )
