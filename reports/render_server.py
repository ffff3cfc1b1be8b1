"""The render server: a process that has imported WeasyPrint and forks a child per limited
render (``python -m reports.render_server SOCKET_PATH``).

Started by :func:`reports.limits.render_pdf_limited` the first time a process renders within
limits, it listens on a Unix socket in a private folder and serves each connection in a child
forked for it: the child sends its process id, reads the memory limit, the time limit and the
HTML, caps its own address space (``RLIMIT_AS``) and its time (``SIGALRM``), renders and sends
the PDF back. A render then costs a fork of a process that is already warm, not a fresh
interpreter importing everything (seconds). The server is single-threaded, so a child never
inherits a web worker's threads or locks; it ends when the process that started it closes its
standard input (at exit, or when it dies).

The messages on the socket (all lengths and numbers 8-byte big-endian):

* child to client, on connect: its process id;
* client to child: memory limit (bytes), time limit (milliseconds), HTML length, HTML (UTF-8);
* child to client: one status byte (:data:`PDF`, :data:`ERROR` or :data:`MEMORY`), the
  payload's length, the payload (the PDF, or the error's message).
"""

from __future__ import annotations

import contextlib
import math
import os
import resource
import select
import signal
import socketserver
import sys

from reports.limits import ERROR, MEMORY, NUMBER, PDF, READY, read_exactly


class _Render(socketserver.BaseRequestHandler):
    """One limited render, in the child forked for its connection."""

    def handle(self) -> None:
        connection = self.request
        connection.sendall(NUMBER.pack(os.getpid()))
        memory_bytes, timeout_ms, length = (
            NUMBER.unpack(read_exactly(connection, NUMBER.size))[0] for _ in range(3)
        )
        # the client kills this child at its deadline; the alarm ends it if the client is gone
        signal.alarm(max(1, math.ceil(timeout_ms / 1000)))
        html = read_exactly(connection, length).decode("utf-8")
        try:
            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
            from reports.pdf import render_pdf

            status, payload = PDF, render_pdf(html)
        except MemoryError:
            status, payload = MEMORY, b""
        except Exception as error:  # noqa: BLE001 - reported to the client, which raises
            status, payload = ERROR, f"{type(error).__name__}: {error}".encode()
        connection.sendall(status + NUMBER.pack(len(payload)) + payload)


class _StartedByGone(Exception):
    """The process that started the server closed its end of the server's standard input."""


class RenderServer(socketserver.ForkingMixIn, socketserver.UnixStreamServer):
    """Forks a child per connection; stops when its standard input closes."""

    def service_actions(self) -> None:
        super().service_actions()  # reaps finished children
        readable, _, _ = select.select([sys.stdin.buffer], [], [], 0)
        if readable and not sys.stdin.buffer.read1(1):
            raise _StartedByGone


#: rendered once before serving: a few lines in the summary's stylesheet and fonts (Latin and
#: Arabic text, a table, a chart's kind of SVG), so that what WeasyPrint, Pango and fontconfig
#: load on a first render is in the server before it forks, not paid again by every child
WARM_UP_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>warm-up</title>
<link rel="stylesheet" href="styles/summary.css"></head>
<body><main><h1>Summary</h1><h2>Findings</h2>
<p>Member States <strong>reported</strong> <em>cooperation</em>.</p>
<p lang="ar" dir="rtl">أفادت الدول الأعضاء بالتعاون.</p>
<table><thead><tr><th scope="col">State</th><th scope="col">Value</th></tr></thead>
<tbody><tr><td>Egypt</td><td>1</td></tr></tbody></table>
<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" role="img">
<rect x="0" y="0" width="60" height="20" fill="#1f4e79"/>
<text x="2" y="35" font-size="9">2019</text></svg>
</main></body></html>"""


def main(arguments: list[str] | None = None) -> int:
    """Import WeasyPrint and render a first page, listen on the socket path given, serve until
    standard input closes."""
    from reports.pdf import render_pdf  # the point of the server: imported once, before any fork

    render_pdf(WARM_UP_HTML)

    path = (arguments or sys.argv[1:])[0]
    try:
        with RenderServer(path, _Render) as server:
            sys.stdout.buffer.write(READY)
            sys.stdout.buffer.flush()
            server.serve_forever(poll_interval=0.5)
    except _StartedByGone:
        pass
    finally:
        # the socket and its private folder go with the server, however its starter ended
        with contextlib.suppress(OSError):
            os.unlink(path)
        with contextlib.suppress(OSError):
            os.rmdir(os.path.dirname(path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
