"""Render a PDF in a child process that is stopped when it runs too long or takes too much memory.

WeasyPrint lays out whatever HTML it is given: a dossier with thousands of answers or a huge edit
could keep a worker busy for minutes or exhaust its memory. :func:`render_pdf_limited` renders in
a separate interpreter whose address space is capped with
``RLIMIT_AS`` and which is killed at the deadline. The normal path (:func:`reports.render_pdf`)
stays in-process and fast; callers opt in by passing :class:`RenderLimits`.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass

#: the child's exit codes beyond 0 (the PDF is on its standard output)
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

    The child is a fresh interpreter (``python -m reports.render_child``): it shares nothing
    with the caller's threads or its ``__main__``, reads the HTML on its standard input and
    writes the PDF on its standard output.

    :raises RenderTimeout: when the PDF is not ready within ``limits.timeout_seconds``.
    :raises RenderMemoryExceeded: when the render needs more than ``limits.memory_bytes``.
    :raises RenderError: when the render fails for another reason.
    """
    try:
        completed = subprocess.run(  # noqa: S603 - our own interpreter and module, no shell
            [sys.executable, "-m", "reports.render_child", str(limits.memory_bytes)],
            input=html.encode("utf-8"),
            capture_output=True,
            timeout=limits.timeout_seconds,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderTimeout(
            f"The PDF took longer than {limits.timeout_seconds:g} seconds to render and was "
            "stopped."
        ) from None
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
