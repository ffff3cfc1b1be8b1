"""The question types: one class per ``type`` of the questionnaire format, and their registry.

Every module that treats answers differently by type asks :func:`type_of` for the question's
class and calls it; none compares type names. ``docs/questionnaire-format.md`` ("Adding a
question type") says how to add one.

Besides its class, a built-in type's name is written in ``schema.json`` (the format's JSON
Schema, with the rule of each type) and in ``model.py``'s ``QUESTION_TYPES``, the order in which
the format lists them, which a test holds against the schema (``model.py`` cannot ask the
registry: the registry's classes are built on the model). ``interop/xlsform.py`` writes
XLSForm's own type words (``note``, ``integer``, ``select_one``), which are not ours.
"""

from . import choices, containers, simple
from .base import (
    REGISTRY,
    AnswerError,
    AnswerProblem,
    AnswerShape,
    ExcelCell,
    ExportColumn,
    QuestionType,
    XLSFormType,
    coerce_value,
    register,
    type_of,
    unregister,
)

__all__ = [
    "REGISTRY",
    "AnswerError",
    "AnswerProblem",
    "AnswerShape",
    "ExcelCell",
    "ExportColumn",
    "QuestionType",
    "choices",
    "coerce_value",
    "containers",
    "register",
    "simple",
    "type_of",
    "unregister",
    "XLSFormType",
]
