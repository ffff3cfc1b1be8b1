"""Text a PDF can carry: characters no HTML or PDF can hold become U+FFFD.

The web application refuses such characters when text comes in (``surveyapp.questionnaire.text``)
but a dossier may still carry text stored before that rule, and this library takes plain data
from anyone. ``UNPRINTABLE`` is the same set as the application's; a test keeps them equal
(this package never imports the application).
"""

from __future__ import annotations

import re
from typing import Any

#: C0 controls but tab, newline and carriage return; DEL and the C1 controls; lone
#: surrogates; the non-characters U+FFFE and U+FFFF
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"


def _held(match: re.Match[str]) -> str:
    return "\n" if match.group() in "\x0b\x0c\x85" else REPLACEMENT


def printable(text: str) -> str:
    """``text`` with word processors' line breaks as ``\\n`` and every other character that
    cannot be held as U+FFFD; unchanged when there is none."""
    if UNPRINTABLE.search(text) is None:
        return text
    return UNPRINTABLE.sub(_held, text)


def printable_output(value: Any) -> Any:
    """The Jinja ``finalize`` of the reports' environment: every string written is printable.

    Markup stays Markup (``type(value)``): U+FFFD and ``\\n`` never need escaping.
    """
    if isinstance(value, str) and UNPRINTABLE.search(value) is not None:
        return type(value)(printable(value))
    return value


def hashable_bytes(text: str) -> bytes:
    """``text`` as UTF-8 for a hash; a lone surrogate is encoded as is instead of failing.

    Valid text gives exactly its UTF-8 bytes, so checksums and cache keys do not change.
    """
    return text.encode("utf-8", "surrogatepass")
