"""Reading questionnaire YAML so that every mapping, key and list item knows its line.

Scalars follow YAML 1.2 where YAML 1.1 surprises authors: only ``true``/``false`` are
booleans (``yes``, ``no``, ``on``, ``off`` stay strings, so a choice code ``no`` is the string
"no"), and dates stay strings (``min: 2000-01-01`` is the string "2000-01-01").
"""

from __future__ import annotations

import os
import re
from collections.abc import Hashable, Iterator
from typing import Any

import yaml

from surveyapp.safe_yaml import GuardedComposer

from .problems import Problem

_BOOL_TAG = "tag:yaml.org,2002:bool"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class LineDict(dict[Any, Any]):
    """A YAML mapping with the line (1-based) of the mapping and of each key."""

    line: int = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines: dict[Any, int] = {}
        #: keys given twice in this mapping, with the line of the repeat
        self.duplicates: list[tuple[Any, int]] = []

    def line_of(self, key: Any) -> int:
        """The line of ``key``, or of the mapping when the key is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A YAML sequence with the line (1-based) of the sequence and of each item."""

    line: int = 0

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        """The line of item ``index``, or of the sequence when there is no such item."""
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


#: the largest questionnaire file read; a real one is a few hundred kilobytes
MAX_FILE_BYTES = 5 * 1024 * 1024


class _LineLoader(GuardedComposer, yaml.SafeLoader):
    """A safe loader that builds ``LineDict`` and ``LineList`` with YAML 1.2 booleans.

    The guarded composer refuses aliases (``*name``: a few nested aliases make a "billion
    laughs" file that would take all memory) and nesting too deep to compose.
    """


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_BOOL_TAG, _TIMESTAMP_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> Iterator[LineDict]:
    data = LineDict()
    data.line = node.start_mark.line + 1
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=False)
        if not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping",
                node.start_mark,
                "found a key that is a list or mapping",
                key_node.start_mark,
            )
        line = key_node.start_mark.line + 1
        if key in data:
            data.duplicates.append((key, line))
        data[key] = loader.construct_object(value_node, deep=False)
        data.key_lines[key] = line


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> Iterator[LineList]:
    data = LineList()
    data.line = node.start_mark.line + 1
    data.item_lines = [item.start_mark.line + 1 for item in node.value]
    yield data
    data.extend(loader.construct_object(item, deep=False) for item in node.value)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def parse_yaml(text: str, file: str) -> tuple[Any, list[Problem]]:
    """Parse ``text`` into ``LineDict``/``LineList`` data; a syntax error becomes a Problem."""
    if len(text) > MAX_FILE_BYTES:
        megabytes = len(text) / 1024 / 1024
        return None, [
            Problem(file, None, None, f"the file has {megabytes:.0f} MB of text; at most 5 MB")
        ]
    loader = _LineLoader(text)
    try:
        return loader.get_single_data(), []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = None if mark is None else mark.line + 1
        message = error.problem or error.context or "unreadable"
        return None, [Problem(file, line, None, f"invalid YAML: {message}")]
    except yaml.YAMLError as error:
        return None, [Problem(file, None, None, f"invalid YAML: {error}")]
    finally:
        loader.dispose()


def read_yaml(path: str, file: str) -> tuple[Any, list[Problem]]:
    """Read and parse the YAML file at ``path``; unreadable files become a Problem."""
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            megabytes = size / 1024 / 1024
            return None, [
                Problem(file, None, None, f"the file is {megabytes:.0f} MB; at most 5 MB")
            ]
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except UnicodeDecodeError:
        return None, [Problem(file, None, None, "the file is not UTF-8 text")]
    except OSError as error:
        return None, [Problem(file, None, None, f"cannot read the file: {error.strerror}")]
    return parse_yaml(text, file)


def duplicate_key_problems(data: Any, file: str, key: str | None = None) -> list[Problem]:
    """Problems for keys written twice in one mapping (YAML would keep only the last)."""
    problems = []
    if isinstance(data, LineDict):
        if isinstance(data.get("key"), str):
            key = data["key"]
        for name, line in data.duplicates:
            problems.append(Problem(file, line, key, f"'{name}' is given twice in this mapping"))
        for value in data.values():
            problems.extend(duplicate_key_problems(value, file, key))
    elif isinstance(data, list):
        for value in data:
            problems.extend(duplicate_key_problems(value, file, key))
    return problems
