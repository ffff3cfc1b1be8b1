"""JSON files handed to a command (submissions from other tools, round archives), read safely.

Whatever the file holds, the reader either returns the document or raises ``JSONFileError``
with one line that says what is wrong: not UTF-8, not JSON (with the line), a number too long
to read, or nested deeper than any file of ours (Python's decoder is recursive: a document
nested thousands of levels deep would otherwise exhaust the stack).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from surveyapp.request_input import json_depth

#: how deeply a file may nest; a round archive needs about 12 (a questionnaire inside it)
MAX_FILE_DEPTH = 64


class JSONFileError(ValueError):
    """The file cannot be read as a JSON document; the message (one line) says why."""


def parse_json(text: str, name: str) -> Any:
    """The JSON document in ``text`` (from the file ``name``, for messages).

    :raises JSONFileError: malformed, a number too long, or nested too deeply.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise JSONFileError(
            f"{name} is not valid JSON (line {error.lineno}: {error.msg})"
        ) from None
    except RecursionError:
        raise JSONFileError(f"{name} is nested more than {MAX_FILE_DEPTH} levels deep") from None
    except ValueError as error:
        # Python refuses integers of more than 4,300 digits.
        raise JSONFileError(f"{name} is not valid JSON ({error})") from None
    if json_depth(data) > MAX_FILE_DEPTH:
        raise JSONFileError(f"{name} is nested more than {MAX_FILE_DEPTH} levels deep")
    return data


def read_json(path: Path) -> Any:
    """The JSON document in the file ``path`` (UTF-8, a byte order mark allowed).

    :raises JSONFileError: unreadable, not UTF-8, or not a JSON document we can read.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise JSONFileError(f"cannot read {path}: {error.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise JSONFileError(f"{path.name} is not UTF-8 text") from None
    return parse_json(text, path.name)
