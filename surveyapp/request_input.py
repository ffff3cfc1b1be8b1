"""What a request may send: whole numbers the database can hold, JSON nested no deeper than needed.

Every integer a URL carries (a route's ``<int:...>`` or a query parameter such as ``?round=``)
ends up compared with an ``INTEGER`` column; a number beyond the column's range makes the
database driver fail (SQLite raises ``OverflowError``), so such numbers are refused at the door.
JSON bodies are parsed by Python's recursive decoder; a document nested thousands of levels deep
would exhaust the stack, so it is refused as malformed JSON before any view sees it.
"""

from __future__ import annotations

import re
from typing import Any

from flask.json.provider import DefaultJSONProvider
from werkzeug.routing import IntegerConverter

#: the largest number an ``INTEGER`` column holds (PostgreSQL's, the narrower of the two engines)
MAX_DATABASE_INTEGER = 2**31 - 1
#: how deeply a JSON body may nest; the deepest save (codes chosen in a per-ISCM block) nests 5
MAX_JSON_DEPTH = 32

_ASCII_DIGITS = re.compile(r"[0-9]{1,20}")


def whole_number(raw: str | None, low: int = 1, high: int = MAX_DATABASE_INTEGER) -> int | None:
    """``raw`` as an integer from ``low`` to ``high``, or None for anything else.

    Only ASCII digits count: ``str.isdigit`` also accepts characters such as "²" that ``int``
    cannot read, and a sign, spaces or a decimal point are not part of a whole number here.
    """
    if raw is None or not _ASCII_DIGITS.fullmatch(raw):
        return None
    number = int(raw)
    return number if low <= number <= high else None


class DatabaseIntegerConverter(IntegerConverter):
    """``<int:...>`` in URL rules: a number from 0 to ``MAX_DATABASE_INTEGER``; larger ones 404."""

    def __init__(self, map, fixed_digits: int = 0, min: int | None = None, max: int | None = None):
        # The argument names are werkzeug's: a rule may still say <int(max=99):n>.
        super().__init__(
            map,
            fixed_digits=fixed_digits,
            min=min,
            max=MAX_DATABASE_INTEGER if max is None else max,
        )


def json_depth(value: Any) -> int:
    """How many levels of arrays and objects ``value`` nests (0 for a scalar); no recursion."""
    deepest = 0
    pending = [(value, 1)] if isinstance(value, dict | list) else []
    while pending:
        node, depth = pending.pop()
        deepest = max(deepest, depth)
        children = node.values() if isinstance(node, dict) else node
        pending.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return deepest


class DepthLimitedJSONProvider(DefaultJSONProvider):
    """Flask's JSON, reading a document nested deeper than ``MAX_JSON_DEPTH`` as malformed.

    ``ValueError`` is what Flask turns into "400 Bad Request" (or ``None`` for
    ``get_json(silent=True)``); a ``RecursionError`` would become a 500.
    """

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        """Parse ``s``; raise ``ValueError`` when it nests too deeply."""
        try:
            value = super().loads(s, **kwargs)
        except RecursionError:
            raise ValueError("The JSON document is nested too deeply.") from None
        if json_depth(value) > MAX_JSON_DEPTH:
            raise ValueError(f"The JSON document is nested deeper than {MAX_JSON_DEPTH} levels.")
        return value
