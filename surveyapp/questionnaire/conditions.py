"""Evaluation of ``show_if`` conditions against answers (structured data, never ``eval``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .model import Question


def is_answered(value: Any) -> bool:
    """Whether ``value`` counts as an answer (not None, not blank, not an empty list or mapping)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | tuple | set | frozenset | Mapping):
        return bool(value)
    return True


def _same(value: Any, expected: Any) -> bool:
    if isinstance(value, bool) or isinstance(expected, bool):
        return isinstance(value, bool) and isinstance(expected, bool) and value == expected
    if value == expected:
        return True
    # A rating written ``equals: 5`` in YAML matches the stored choice code "5".
    scalars = str | int | float
    return (
        isinstance(value, scalars)
        and isinstance(expected, scalars)
        and isinstance(value, str) != isinstance(expected, str)
        and str(value) == str(expected)
    )


def _includes(value: Any, expected: Any) -> bool:
    if isinstance(value, list | tuple | set | frozenset | Mapping):
        return any(_same(item, expected) for item in value)
    return False


def _lookup(key: str, answers: Mapping[str, Any], scope: Mapping[str, Any] | None) -> Any:
    if scope is not None and key in scope:
        return scope[key]
    return answers.get(key)


def evaluate(
    condition: Mapping[str, Any] | None,
    answers: Mapping[str, Any],
    scope: Mapping[str, Any] | None = None,
) -> bool:
    """Whether ``condition`` holds for ``answers``; a missing condition always holds.

    :param scope: the sibling values inside a repeat row or per_item item, looked up first.
    """
    if condition is None:
        return True
    if "all" in condition:
        return all(evaluate(part, answers, scope) for part in condition["all"])
    if "any" in condition:
        return any(evaluate(part, answers, scope) for part in condition["any"])
    if "not" in condition:
        return not evaluate(condition["not"], answers, scope)
    if "question" in condition:
        value = _lookup(condition["question"], answers, scope)
        if "equals" in condition:
            return _same(value, condition["equals"])
        if "includes" in condition:
            return _includes(value, condition["includes"])
        if "answered" in condition:
            return is_answered(value) == bool(condition["answered"])
    raise ValueError(f"not a condition: {condition!r}")


def is_visible(
    question: Question, answers: Mapping[str, Any], scope: Mapping[str, Any] | None = None
) -> bool:
    """Whether ``question`` is shown, given ``answers`` (and ``scope`` inside a row or item).

    This looks at the condition alone; ``visible_answers`` also hides questions whose
    condition depends on a hidden question.
    """
    return evaluate(question.show_if, answers, scope)
