"""The fresh-interpreter render (``python -m reports.render_child MEMORY_BYTES``), used where no
render server (:mod:`reports.render_server`) can be started.

It reads HTML on its standard input, caps its own address space, renders with
:func:`reports.pdf.render_pdf` and writes the PDF on its standard output; the parent
(:func:`reports.limits.render_pdf_limited`) turns its exit code into an error. Kept apart from
``reports.limits`` so that ``limits`` (used by ``pdf``) never imports ``pdf``.
"""

from __future__ import annotations

import resource
import sys

from reports.limits import EXIT_ERROR, EXIT_MEMORY
from reports.pdf import render_pdf


def main(arguments: list[str] | None = None) -> int:
    """The child: render the HTML on standard input within the address-space limit given."""
    memory_bytes = int((arguments or sys.argv[1:])[0])
    html = sys.stdin.buffer.read().decode("utf-8")
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        pdf = render_pdf(html)
    except MemoryError:
        return EXIT_MEMORY
    except Exception as error:  # noqa: BLE001 - reported to the parent, which raises
        sys.stderr.write(f"{type(error).__name__}: {error}\n")
        return EXIT_ERROR
    sys.stdout.buffer.write(pdf)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
