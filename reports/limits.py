"""Render a PDF in a child process that is stopped when it runs too long or takes too much memory.

WeasyPrint lays out whatever HTML it is given: a dossier with thousands of answers or a huge edit
could keep a worker busy for minutes or exhaust its memory. :func:`render_pdf_limited` renders in
a child process whose address space is capped with ``RLIMIT_AS`` and which is killed at the
deadline. The normal path (:func:`reports.render_pdf`) stays in-process; callers opt in by
passing :class:`RenderLimits` (the web views and jobs do).

The child is forked from a render server (:mod:`reports.render_server`) that imports WeasyPrint
once, when the first limited render of a process starts: each render then costs a fork instead
of a fresh interpreter importing everything (seconds). The server is a single-threaded process
of its own, so a child never inherits a web worker's threads or locks. Where no server can be
started (no Unix sockets), a fresh interpreter renders (``python -m reports.render_child``).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass

#: the render server's messages (:mod:`reports.render_server`), kept here so that this module
#: never imports the server (which imports WeasyPrint). The child answers: the PDF follows,
#: an error's message follows, or it ran out of memory
PDF = b"P"
ERROR = b"E"
MEMORY = b"M"
NUMBER = struct.Struct(">Q")
#: what the server prints on its standard output once it listens
READY = b"ready\n"


def read_exactly(connection, size: int) -> bytes:
    """``size`` bytes from ``connection``; fewer only if it closed."""
    chunks, left = [], size
    while left:
        chunk = connection.recv(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


#: the child's exit codes beyond 0
EXIT_MEMORY = 3
EXIT_ERROR = 4


class RenderError(RuntimeError):
    """A PDF could not be rendered within its limits."""


class RenderTimeout(RenderError):
    """The render ran longer than allowed and was stopped."""


class RenderMemoryExceeded(RenderError):
    """The render needed more memory than allowed and was stopped."""


@dataclass(frozen=True)
class RenderLimits:
    """How long a render may run and how much memory its process may map.

    :param timeout_seconds: wall-clock time from start to the finished PDF, process start
        included.
    :param memory_bytes: the child process's whole address space (``RLIMIT_AS``), the Python
        interpreter and the libraries included (about 300 MB before any rendering).
    """

    timeout_seconds: float = 120.0
    memory_bytes: int = 2 * 1024**3


def render_pdf_limited(html: str, limits: RenderLimits) -> bytes:
    """Render ``html`` as PDF in a child process held to ``limits``.

    :raises RenderTimeout: when the PDF is not ready within ``limits.timeout_seconds`` (the
        render server's start included, the first time).
    :raises RenderMemoryExceeded: when the render needs more than ``limits.memory_bytes``.
    :raises RenderError: when the render fails for another reason.
    """
    deadline = time.monotonic() + limits.timeout_seconds
    try:
        address = _render_server(deadline, limits)
    except OSError:
        address = None  # no Unix sockets or no process to spare: a fresh interpreter renders
    if address is None:
        return _render_in_fresh_interpreter(html, limits)
    return _render_forked(address, html, limits, deadline)


class _Server:
    """The render server this process started: its process and its socket's path."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="surveyapp-render-")  # private: mode 0700
        self.address = os.path.join(self.folder, "socket")
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "reports.render_server", self.address],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self.owner = os.getpid()
        self.ready = False
        self._starting = threading.Lock()

    def wait_until_ready(self, deadline: float) -> bool:
        """Whether the server listens, waiting for it at most until ``deadline`` (its start,
        WeasyPrint's import, is part of the first render's time)."""
        if not self._starting.acquire(timeout=max(0.0, deadline - time.monotonic())):
            return False  # another thread is waiting for the start, past this deadline
        try:
            if not self.ready:
                timeout = max(0.0, deadline - time.monotonic())
                if select.select([self.process.stdout], [], [], timeout)[0]:
                    if self.process.stdout.readline() != READY:
                        raise RenderError("The PDF renderer could not start.")
                    self.ready = True
            return self.ready
        finally:
            self._starting.release()

    def alive(self) -> bool:
        return self.owner == os.getpid() and self.process.poll() is None

    def stop(self) -> None:
        if self.owner == os.getpid():
            self.process.stdin.close()  # the server's signal to stop
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process.stdout.close()
            shutil.rmtree(self.folder, ignore_errors=True)


_server_lock = threading.Lock()
_server: _Server | None = None


def _render_server(deadline: float, limits: RenderLimits) -> str | None:
    """The address of this process's render server, started if needed; None without Unix
    sockets."""
    global _server
    if not hasattr(socket, "AF_UNIX"):
        return None
    with _server_lock:
        if _server is None or not _server.alive():
            # a forked copy of the process that started one (an RQ work horse) starts its own
            _server = _Server()
            atexit.register(_server.stop)
        server = _server
    if not server.wait_until_ready(deadline):
        raise RenderTimeout(_timeout_message(limits))
    return server.address


def _render_forked(address: str, html: str, limits: RenderLimits, deadline: float) -> bytes:
    number = NUMBER
    encoded = html.encode("utf-8")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        child = None
        try:
            connection.settimeout(max(0.001, deadline - time.monotonic()))
            connection.connect(address)
            child = number.unpack(read_exactly(connection, number.size))[0]
            request = (limits.memory_bytes, int(limits.timeout_seconds * 1000), len(encoded))
            connection.sendall(b"".join(number.pack(value) for value in request) + encoded)
            connection.settimeout(max(0.001, deadline - time.monotonic()))
            status = read_exactly(connection, 1)
            length = read_exactly(connection, number.size)
            payload = (
                read_exactly(connection, number.unpack(length)[0])
                if (len(length) == number.size)
                else b""
            )
        except (TimeoutError, struct.error) as error:
            if child:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(child, signal.SIGKILL)
            if isinstance(error, TimeoutError) or time.monotonic() >= deadline:
                raise RenderTimeout(_timeout_message(limits)) from None
            raise RenderError("The PDF renderer did not answer.") from None
    if status == PDF:
        return payload
    if status == ERROR:
        raise RenderError("The PDF could not be rendered: " + payload.decode("utf-8", "replace"))
    if time.monotonic() >= deadline:
        raise RenderTimeout(_timeout_message(limits))
    # out of memory inside Python (MEMORY) or outside it: the child died of a signal
    raise _memory_error(limits)


def _timeout_message(limits: RenderLimits) -> str:
    return f"The PDF took longer than {limits.timeout_seconds:g} seconds to render and was stopped."


def _render_in_fresh_interpreter(html: str, limits: RenderLimits) -> bytes:
    """The render in ``python -m reports.render_child``: HTML on its standard input, the PDF on
    its standard output."""
    try:
        completed = subprocess.run(  # noqa: S603 - our own interpreter and module, no shell
            [sys.executable, "-m", "reports.render_child", str(limits.memory_bytes)],
            input=html.encode("utf-8"),
            capture_output=True,
            timeout=limits.timeout_seconds,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderTimeout(_timeout_message(limits)) from None
    if completed.returncode == 0:
        return completed.stdout
    # A process that runs out of its address space outside Python's allocator dies of a signal
    if completed.returncode == EXIT_MEMORY or completed.returncode < 0:
        raise _memory_error(limits)
    message = completed.stderr.decode("utf-8", "replace").strip().splitlines()
    raise RenderError(
        "The PDF could not be rendered: " + (message[-1] if message else "no message")
    )


def _memory_error(limits: RenderLimits) -> RenderMemoryExceeded:
    megabytes = limits.memory_bytes / 1024**2
    return RenderMemoryExceeded(
        f"The PDF needed more than {megabytes:g} MB of memory to render and was stopped."
    )
