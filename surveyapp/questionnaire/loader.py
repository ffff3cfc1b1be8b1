"""Loading questionnaire files: YAML, then the JSON Schema, then the rules no schema can say."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

from .file_schema import schema_problems
from .kept import Kept
from .model import (
    DEFAULT_MAX_LENGTH,
    OTHER_CODE,
    OTHER_LABEL,
    Choice,
    Question,
    Questionnaire,
    Section,
    Text,
)
from .problems import Problem, QuestionnaireError
from .source import MAX_FILE_BYTES, LineDict, duplicate_key_problems, read_yaml
from .types import REGISTRY, AnswerShape, type_of


class ChoiceSource(Protocol):
    """Where ``choices_from`` lists come from (the registry and the vocabularies)."""

    def choices(self, name: str) -> list[dict] | None:
        """The choices named ``name`` (``registry:iscm``, ``vocabulary:NAME``) or None.

        Each choice is ``{"code": ..., "label": {"en": ..., ...}}``.
        """


def _plain(value: Any) -> Any:
    """A copy without line information, for data kept in the model."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _text(value: Mapping[str, str] | None) -> Text | None:
    return None if value is None else Text(_plain(value))


def _conditions(condition: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    """The ``{question: ...}`` leaves of a condition."""
    if "question" in condition:
        yield condition
    for part in condition.get("all", []) + condition.get("any", []):
        yield from _conditions(part)
    if "not" in condition:
        yield from _conditions(condition["not"])


class _Builder:
    """Builds the model from schema-valid data and checks the rules between questions."""

    def __init__(self, data: LineDict, file: str, choice_source: ChoiceSource | None) -> None:
        self.data = data
        self.file = file
        self.choice_source = choice_source
        self.problems: list[Problem] = []
        #: top-level questions built so far, in order
        self.earlier: dict[str, Question] = {}

    def problem(self, line: int | None, key: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, line, key, message))

    def build(self) -> Questionnaire:
        data = self.data
        self.check_unique_keys()
        sections = []
        seen_sections: dict[str, int] = {}
        for raw_section in data["sections"]:
            key = raw_section["key"]
            if key in seen_sections:
                self.problem(
                    raw_section.line_of("key"),
                    key,
                    f"section key '{key}' is already used on line {seen_sections[key]}",
                )
            seen_sections.setdefault(key, raw_section.line_of("key"))
            questions = []
            for raw in raw_section["questions"]:
                question = self.question(raw, siblings=None)
                questions.append(question)
                self.earlier.setdefault(question.key, question)
            sections.append(
                Section(
                    key=key,
                    title=Text(_plain(raw_section["title"])),
                    intro=_text(raw_section.get("intro")),
                    questions=questions,
                    line=raw_section.line,
                )
            )
        return Questionnaire(
            id=data["id"],
            version=data["version"],
            respondent_type=data["respondent_type"],
            title=Text(_plain(data["title"])),
            intro=_text(data.get("intro")),
            sections=sections,
            source=self.file,
        )

    def check_unique_keys(self) -> None:
        """Question keys are unique in the file and clash with no companion key."""
        seen: dict[str, int] = {}
        companions: dict[str, str] = {}
        raws = []
        for raw_section in self.data["sections"]:
            for raw in raw_section["questions"]:
                raws.append(raw)
                raws.extend(raw.get("questions", []))
        for raw in raws:
            key, line = raw["key"], raw.line_of("key")
            if key in seen:
                self.problem(line, key, f"key '{key}' is already used on line {seen[key]}")
            seen.setdefault(key, line)
            if raw.get("other"):
                companions[f"{key}_other"] = f"the 'other, please specify' answer of '{key}'"
            if raw.get("attribution"):
                companions[f"{key}_no_attribution"] = f"the 'not for attribution' mark of '{key}'"
        for raw in raws:
            if raw["key"] in companions:
                self.problem(
                    raw.line_of("key"),
                    raw["key"],
                    f"key '{raw['key']}' clashes with {companions[raw['key']]}",
                )

    def question(self, raw: LineDict, siblings: dict[str, Question] | None) -> Question:
        key = raw["key"]
        question = Question(
            key=key,
            type=raw["type"],
            label=Text(_plain(raw["label"])),
            hint=_text(raw.get("hint")),
            required=raw.get("required", False),
            show_if=_plain(raw.get("show_if")),
            choices=self.choices(raw),
            choices_from=raw.get("choices_from"),
            other=raw.get("other", False),
            min=raw.get("min"),
            max=raw.get("max"),
            max_length=raw.get("max_length"),
            format=raw.get("format"),
            attribution=raw.get("attribution", False),
            items_from=raw.get("items_from"),
            line=raw.line,
        )
        kind = type_of(question)
        # Defaults are written out so that the served JSON tells clients the real bounds.
        if kind.is_text and question.max_length is None:
            question.max_length = DEFAULT_MAX_LENGTH
        low, high = kind.default_bounds
        question.min = low if question.min is None else question.min
        question.max = high if question.max is None else question.max
        self.check_bounds(raw, question)
        if "show_if" in raw:
            self.check_condition(raw["show_if"], key, siblings)
        if kind.shape is AnswerShape.ITEMS:
            self.check_items_from(raw, key)
        children: dict[str, Question] = {}
        for raw_child in raw.get("questions", []):
            child = self.question(raw_child, siblings=children)
            question.questions.append(child)
            children.setdefault(child.key, child)
        return question

    def choices(self, raw: LineDict) -> list[Choice]:
        key = raw["key"]
        choices: list[Choice] = []
        if "choices" in raw:
            seen: set[str] = set()
            for raw_choice in raw["choices"]:
                code = str(raw_choice["code"])
                if code in seen:
                    self.problem(
                        raw_choice.line_of("code"), key, f"choice code '{code}' is used twice"
                    )
                elif code == OTHER_CODE and raw.get("other"):
                    self.problem(
                        raw_choice.line_of("code"),
                        key,
                        "choice code 'other' is added by 'other: true'; remove this choice",
                    )
                seen.add(code)
                choices.append(Choice(code, Text(_plain(raw_choice["label"]))))
        elif "choices_from" in raw:
            resolved = self.resolve(raw["choices_from"], raw.line_of("choices_from"), key)
            if resolved is None:
                return []
            choices = resolved
        if raw.get("other") and type_of(raw["type"]).has_choices:
            choices.append(Choice(OTHER_CODE, Text(OTHER_LABEL)))
        return choices

    def resolve(self, name: str, line: int, key: str) -> list[Choice] | None:
        """The choices of a ``choices_from`` list; None when there is no choice source."""
        if self.choice_source is None:
            return None
        listed = self.choice_source.choices(name)
        if listed is None:
            self.problem(line, key, f"choices_from '{name}' is not known")
            return []
        try:
            return [
                Choice(
                    str(item["code"]),
                    Text(item["label"])
                    if isinstance(item["label"], Mapping)
                    else Text(en=item["label"]),
                )
                for item in listed
            ]
        except (KeyError, TypeError):
            self.problem(line, key, f"choices_from '{name}' gives choices without code or label")
            return []

    def check_bounds(self, raw: LineDict, question: Question) -> None:
        key = question.key
        low, high = question.min, question.max
        for name in ("min", "max"):
            if name in raw:
                problem = type_of(question).bound_problem(raw[name])
                if problem:
                    self.problem(raw.line_of(name), key, f"'{name}' {problem}")
                    return
        if low is not None and high is not None and low > high:
            line = raw.line_of("min" if "min" in raw else "max")
            self.problem(line, key, f"'min' ({low}) is greater than 'max' ({high})")

    def check_condition(
        self, condition: LineDict, key: str, siblings: dict[str, Question] | None
    ) -> None:
        """A condition refers only to earlier questions, with operators that fit them."""
        for leaf in _conditions(condition):
            ref = leaf["question"]
            line = leaf.line_of("question")
            target = (siblings or {}).get(ref) or self.earlier.get(ref)
            if target is None:
                self.problem(
                    line, key, f"show_if refers to '{ref}', which is not an earlier question"
                )
                continue
            target_type = type_of(target)
            if not target_type.takes_answer:
                self.problem(
                    line, key, f"show_if refers to '{ref}', which is a note and has no answer"
                )
                continue
            if "includes" in leaf and not target_type.is_multiple:
                self.problem(
                    line,
                    key,
                    f"show_if uses 'includes' on '{ref}', which is not a {_multiple()} question",
                )
                continue
            if "equals" in leaf and target_type.is_multiple:
                self.problem(
                    line, key, f"show_if should use 'includes' to test '{ref}' (a {target.type})"
                )
                continue
            expected = leaf.get("equals", leaf.get("includes"))
            if (
                expected is not None
                and target_type.has_choices
                and target.choices
                and str(expected) not in target.choice_codes
            ):
                self.problem(
                    line,
                    key,
                    f"show_if compares '{ref}' with {expected!r}, which is not one of its choices",
                )

    def check_items_from(self, raw: LineDict, key: str) -> None:
        name = raw["items_from"]
        source = self.earlier.get(name)
        if source is None or not type_of(source).is_multiple:
            self.problem(
                raw.line_of("items_from"),
                key,
                f"items_from refers to '{name}', which is not an earlier {_multiple()} question",
            )


def _multiple() -> str:
    """The names of the types answered with several choices, for messages."""
    return " or ".join(name for name, kind in REGISTRY.items() if kind.is_multiple)


def load_questionnaire(
    path: str | os.PathLike[str], choice_source: ChoiceSource | None = None
) -> Questionnaire:
    """Load and check a questionnaire file.

    :param choice_source: resolves ``choices_from``; without one, ``registry:*`` and
        ``vocabulary:*`` lists are accepted but left unresolved (``choices == []``).
    :raises QuestionnaireError: listing every problem found, each with file, line and key.

    A questionnaire loaded once is kept, by the file's path and contents, the registry's
    contents (:attr:`surveyapp.registry.Registry.digest`) and the question types known: loading
    the same file again costs reading it and a hash. The model is not changed after loading.
    """
    file = str(path)
    key = _loaded_key(file, choice_source)
    if key is None:
        return _load_questionnaire(file, choice_source)
    return _loaded.get(key, lambda: _load_questionnaire(file, choice_source))


#: the questionnaires loaded from files
_loaded: Kept[Questionnaire] = Kept(32)


def _loaded_key(file: str, choice_source: ChoiceSource | None) -> tuple[str, ...] | None:
    """What a loaded questionnaire is kept under; None when it cannot be kept (an unreadable
    file, a choice source that is not a registry read from files)."""
    source = "" if choice_source is None else getattr(choice_source, "digest", "")
    if choice_source is not None and not (isinstance(source, str) and source):
        return None  # a choice source whose contents no digest names
    try:
        if os.stat(file).st_size > MAX_FILE_BYTES:
            return None  # refused by the loading, unread
        with open(file, "rb") as handle:
            contents = hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None
    return (file, contents, source, *sorted(REGISTRY))


def _load_questionnaire(file: str, choice_source: ChoiceSource | None) -> Questionnaire:
    data, problems = read_yaml(file, file)
    if problems:
        raise QuestionnaireError(problems)
    if data is None:
        raise QuestionnaireError([Problem(file, None, None, "the file is empty")])
    if not isinstance(data, LineDict):
        message = "the file must hold a mapping with id, version, respondent_type, title, sections"
        raise QuestionnaireError([Problem(file, getattr(data, "line", 1), None, message)])
    problems = duplicate_key_problems(data, file) + schema_problems(data, file)
    if problems:
        raise QuestionnaireError(sorted(problems, key=lambda problem: problem.line or 0))
    builder = _Builder(data, file, choice_source)
    questionnaire = builder.build()
    if builder.problems:
        raise QuestionnaireError(sorted(builder.problems, key=lambda problem: problem.line or 0))
    return questionnaire


def _is_questionnaire_file(path: Path) -> bool:
    """Whether a YAML file is a questionnaire (has ``sections``); unreadable files count."""
    data, problems = read_yaml(str(path), str(path))
    return bool(problems) or (isinstance(data, Mapping) and "sections" in data)


def _files(path: Path) -> tuple[list[Path], list[Problem]]:
    if path.is_dir():
        files = [file for file in sorted(path.glob("*.yaml")) if _is_questionnaire_file(file)]
        if not files:
            return [], [Problem(str(path), None, None, "no questionnaire (*.yaml with sections)")]
        return files, []
    if path.exists():
        return [path], []
    return [], [Problem(str(path), None, None, "no such file or directory")]


def validate_paths(
    paths: Iterable[str | os.PathLike[str]], choice_source: ChoiceSource | None = None
) -> list[Problem]:
    """Every problem in the questionnaire files at ``paths`` (files or directories).

    A directory means its ``*.yaml`` files that have ``sections`` at the top level. Bad
    content never raises: it is reported. Two files with the same ``id`` are a problem too.
    """
    problems: list[Problem] = []
    ids: dict[str, str] = {}
    for path in paths:
        files, missing = _files(Path(path))
        problems.extend(missing)
        for file in files:
            try:
                questionnaire = load_questionnaire(file, choice_source)
            except QuestionnaireError as error:
                problems.extend(error.problems)
                continue
            if questionnaire.id in ids and ids[questionnaire.id] != str(file):
                message = f"id '{questionnaire.id}' is also the id of {ids[questionnaire.id]}"
                problems.append(Problem(str(file), None, None, message))
            ids.setdefault(questionnaire.id, str(file))
    return problems
