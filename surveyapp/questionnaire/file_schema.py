"""Checking questionnaire data against ``schema.json``, with one clear Problem per error."""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from .problems import Problem
from .source import LineDict, LineList
from .types import REGISTRY

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

_TYPE_WORDS = {
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "a mapping",
    "array": "a list",
    "null": "empty",
}
_CONDITION_SHAPES = (
    "{question: K, equals: V}, {question: K, includes: V}, {question: K, answered: true}, "
    "{all: [...]}, {any: [...]} or {not: {...}}"
)


@functools.cache
def _file_schema() -> str:
    return resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8")


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the questionnaire format, with every registered
    question type (``schema.json`` holds the built-in ones; a type registered beyond them
    adds its name and its own rule, :attr:`.types.QuestionType.schema_rule`)."""
    return _schema_for(tuple(REGISTRY))


@functools.cache
def _schema_for(type_names: tuple[str, ...]) -> dict[str, Any]:
    schema = json.loads(_file_schema())
    question = schema["$defs"]["question"]
    known = question["properties"]["type"]["enum"]
    for name in type_names:
        if name not in known:
            known.append(name)
            rule = {"properties": {"type": {"const": name}}, "required": ["type"]}
            question["allOf"].append({"if": rule, "then": REGISTRY[name].schema_rule})
    return schema


@functools.cache
def _validator_for(type_names: tuple[str, ...]) -> Draft202012Validator:
    # Imported here: jsonschema is a tenth of every command's start, few commands validate.
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_schema_for(type_names))


def _validator() -> Draft202012Validator:
    return _validator_for(tuple(REGISTRY))


def _title(error: ValidationError) -> str | None:
    return error.schema.get("title") if isinstance(error.schema, dict) else None


class _Location:
    """Where an error sits: its line, the nearest question or section key, the relative path."""

    def __init__(self, root: Any, path: Sequence[Any]) -> None:
        self.line: int = getattr(root, "line", 1) or 1
        self.key: str | None = None
        self.node: Any = root
        #: the node that owns ``key`` (a question or a section) and the path below it
        self.owner: Any = None
        self.relative: list[Any] = list(path)
        node = root
        for depth, part in enumerate(path):
            self._own(node, path[depth:])
            in_mapping = isinstance(node, LineDict) and part in node
            in_list = isinstance(node, LineList) and isinstance(part, int) and part < len(node)
            if not (in_mapping or in_list):
                break
            self.line = node.line_of(part)
            node = node[part]
        else:
            self._own(node, [])
        self.node = node

    def _own(self, node: Any, rest: Sequence[Any]) -> None:
        if isinstance(node, dict) and isinstance(node.get("key"), str):
            self.key = node["key"]
            self.owner = node
            self.relative = list(rest)

    def name(self, *more: Any) -> str:
        """The dotted path below the owning question or section, e.g. ``choices.2.code``."""
        return ".".join(str(part) for part in [*self.relative, *more])


def _deepest_condition(error: ValidationError) -> ValidationError:
    """The innermost failing condition, so that ``{all: [ok, bad]}`` points at ``bad``."""
    for suberror in error.context or ():
        if (
            suberror.validator == "oneOf"
            and _title(suberror) == "condition"
            and len(suberror.absolute_path) > len(error.absolute_path)
        ):
            return _deepest_condition(suberror)
    return error


def _problems_for(error: ValidationError, root: Any, file: str) -> list[Problem]:
    title = _title(error)
    if error.validator == "oneOf" and title == "condition":
        error = _deepest_condition(error)
    where = _Location(root, list(error.absolute_path))
    name = where.name()
    validator = error.validator
    value = error.validator_value

    def problem(message: str, line: int | None = None) -> Problem:
        return Problem(file, line or where.line, where.key, message)

    if validator == "required":
        missing = [prop for prop in value if prop not in error.instance]
        if title == "translated text":
            return [problem(f"'{name}' needs an English text (en)")]
        return [problem(f"'{where.name(prop)}' is required") for prop in missing]
    if validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        problems = []
        for extra in error.instance:
            if extra in allowed:
                continue
            line = error.instance.line_of(extra) if isinstance(error.instance, LineDict) else None
            if title == "translated text":
                message = f"'{name}' has an unknown language '{extra}' (use en, fr, es or ar)"
            else:
                message = f"unknown key '{where.name(extra)}'"
                guess = difflib.get_close_matches(str(extra), allowed, n=1)
                if guess:
                    message += f" (did you mean '{guess[0]}'?)"
            problems.append(problem(message, line))
        return problems
    if validator == "not" and title == "not applicable":
        kind = where.owner.get("type") if isinstance(where.owner, dict) else None
        article = "an" if str(kind)[:1] in "aeiou" else "a"
        return [problem(f"'{name}' does not apply to {article} {kind} question")]
    if validator == "not" and title == "child type":
        return [problem(f"a repeat or per_item cannot contain a {error.instance} question")]
    if validator == "oneOf" and title == "condition":
        return [problem(f"'{name}' is not a condition; use {_CONDITION_SHAPES}")]
    if validator == "oneOf" and title == "select question":
        if "choices" in error.instance and "choices_from" in error.instance:
            return [problem("give either 'choices' or 'choices_from', not both")]
        return [
            problem(f"a {error.instance.get('type')} question needs 'choices' or 'choices_from'")
        ]
    if validator == "type" and where.relative == ["version"]:
        return [problem("'version' must be a string: quote it, as in version: \"2026.1\"")]
    if validator == "type":
        kinds = [value] if isinstance(value, str) else value
        words = " or ".join(_TYPE_WORDS.get(kind, kind) for kind in kinds)
        return [problem(f"'{name}' must be {words}")]
    if validator == "enum" and where.relative[-1:] == ["type"]:
        return [
            problem(f"unknown question type {error.instance!r}; use one of: {', '.join(value)}")
        ]
    if validator == "enum":
        return [problem(f"'{name}' must be one of: {', '.join(map(str, value))}")]
    if validator == "pattern":
        shown = error.instance
        messages = {
            "key": f"'{name}' must be snake_case (a-z, 0-9 and _, starting with a letter), "
            f"not {shown!r}",
            "code": f"'{name}' may only contain letters, digits, _ and -, not {shown!r}",
            "choices_from": f"'{name}' must be registry:iscm, registry:state, registry:igo or "
            f"vocabulary:NAME, not {shown!r}",
            "date": f"'{name}' must be a date as YYYY-MM-DD, not {shown!r}",
        }
        return [problem(messages.get(title or "", f"'{name}' does not match {value}"))]
    if validator in ("minItems", "minLength"):
        return [problem(f"'{name}' must not be empty")]
    if validator == "minimum":
        return [problem(f"'{name}' must be at least {value}")]
    return [problem(f"'{name}': {error.message}" if name else error.message)]


def schema_problems(data: Any, file: str) -> list[Problem]:
    """Every way ``data`` breaks the JSON Schema, as Problems sorted by line."""
    problems = []
    for error in _validator().iter_errors(data):
        problems.extend(_problems_for(error, data, file))
    return sorted(problems, key=lambda problem: (problem.line or 0, problem.message))
