"""The questionnaire as Python objects: sections, questions, choices and their JSON form."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .problems import Problem, QuestionnaireError

#: the languages of questionnaire texts and of the interface, in the order they are offered
LANGUAGES = ("en", "fr", "es", "ar")
QUESTION_TYPES = (
    "note",
    "text",
    "long_text",
    "integer",
    "decimal",
    "date",
    "year",
    "select_one",
    "select_multiple",
    "rating",
    "repeat",
    "per_item",
)
#: who answers a questionnaire: a member State, an ISCM's secretariat, an IGO
RESPONDENT_TYPES = ("state", "iscm", "igo")

#: the choice code that ``other: true`` adds
OTHER_CODE = "other"
#: suffix of the "other, please specify" companion answer
OTHER_SUFFIX = "_other"
#: suffix of the "not for attribution" companion mark
NO_ATTRIBUTION_SUFFIX = "_no_attribution"
#: the longest text answer when the question sets no ``max_length``
DEFAULT_MAX_LENGTH = 10_000
#: the bounds of a ``year`` answer when the question sets none
DEFAULT_YEAR_MIN = 1900
DEFAULT_YEAR_MAX = 2100


class Text(dict[str, str]):
    """A text in several languages, keyed by language code; English is the fallback."""

    def get_text(self, lang: str) -> str:
        """The text in ``lang``, or in English when that language is missing or empty."""
        return self.get(lang) or self.get("en") or ""

    def to_json(self) -> dict[str, str]:
        """The texts as a plain dict, languages in the order of ``LANGUAGES``."""
        known = {lang: self[lang] for lang in LANGUAGES if lang in self}
        extra = {lang: self[lang] for lang in sorted(self) if lang not in known}
        return known | extra


#: the label of the choice that ``other: true`` adds
OTHER_LABEL = Text(en="Other", fr="Autre", es="Otro", ar="أخرى")
#: the label of the companion text asked when "other" is chosen
OTHER_SPECIFY_LABEL = Text(
    en="Other, please specify",
    fr="Autre, veuillez préciser",
    es="Otro, especifique",
    ar="أخرى، يرجى التحديد",
)
#: the label of the "not for attribution" mark
NO_ATTRIBUTION_LABEL = Text(
    en="Not for attribution",
    fr="Ne pas citer nommément",
    es="No atribuible",
    ar="غير قابل للإسناد",
)


def _text_or_none(value: Mapping[str, str] | None) -> Text | None:
    return None if value is None else Text(value)


@dataclass(frozen=True)
class Choice:
    """One option of a select or rating question."""

    code: str
    label: Text

    def to_json(self) -> dict[str, Any]:
        """The choice as ``{code, label}``."""
        return {"code": self.code, "label": self.label.to_json()}


@dataclass
class Question:
    """One question; ``repeat`` and ``per_item`` questions hold child questions."""

    key: str
    type: str
    label: Text
    hint: Text | None = None
    required: bool = False
    show_if: dict[str, Any] | None = None
    #: resolved choices, including the "other" choice when ``other`` is true
    choices: list[Choice] = field(default_factory=list)
    #: where the choices came from (``registry:iscm``, ``vocabulary:NAME``), for information
    choices_from: str | None = None
    other: bool = False
    min: int | float | str | None = None
    max: int | float | str | None = None
    max_length: int | None = None
    #: the form of a text answer: ``email`` or None (any text)
    format: str | None = None
    attribution: bool = False
    items_from: str | None = None
    questions: list[Question] = field(default_factory=list)
    #: line of the question in its YAML file (0 when unknown)
    line: int = 0

    @property
    def is_container(self) -> bool:
        """Whether the answer is made of child questions (``repeat`` or ``per_item``: the
        format gives child questions to these types only)."""
        return bool(self.questions)

    @property
    def choice_codes(self) -> list[str]:
        """The codes of the choices, in order."""
        return [choice.code for choice in self.choices]

    @property
    def other_key(self) -> str:
        """The key of the "other, please specify" companion answer."""
        return self.key + OTHER_SUFFIX

    @property
    def no_attribution_key(self) -> str:
        """The key of the "not for attribution" companion mark."""
        return self.key + NO_ATTRIBUTION_SUFFIX

    def label_for(self, code: str, lang: str = "en") -> str:
        """The label of choice ``code`` in ``lang``; the code itself when it is unknown."""
        for choice in self.choices:
            if choice.code == code:
                return choice.label.get_text(lang)
        if code == OTHER_CODE:
            return OTHER_LABEL.get_text(lang)
        return str(code)

    def child(self, key: str) -> Question:
        """The child question ``key``; KeyError when there is none."""
        for question in self.questions:
            if question.key == key:
                return question
        raise KeyError(key)

    def to_json(self) -> dict[str, Any]:
        """The question with every key, as the API serves it."""
        return {
            "key": self.key,
            "type": self.type,
            "label": self.label.to_json(),
            "hint": None if self.hint is None else self.hint.to_json(),
            "required": self.required,
            "show_if": self.show_if,
            "choices": [choice.to_json() for choice in self.choices],
            "choices_from": self.choices_from,
            "other": self.other,
            "min": self.min,
            "max": self.max,
            "max_length": self.max_length,
            "format": self.format,
            "attribution": self.attribution,
            "items_from": self.items_from,
            "questions": [question.to_json() for question in self.questions],
        }


@dataclass
class Section:
    """A titled group of questions, answered and reviewed as one page."""

    key: str
    title: Text
    intro: Text | None = None
    questions: list[Question] = field(default_factory=list)
    #: line of the section in its YAML file (0 when unknown)
    line: int = 0

    def to_json(self) -> dict[str, Any]:
        """The section as the API serves it."""
        return {
            "key": self.key,
            "title": self.title.to_json(),
            "intro": None if self.intro is None else self.intro.to_json(),
            "questions": [question.to_json() for question in self.questions],
        }


@dataclass
class _Index:
    questions: dict[str, Question]
    parents: dict[str, Question]
    sections: dict[str, Section]
    section_of: dict[str, Section]


@dataclass
class Questionnaire:
    """One version of a questionnaire for one respondent type."""

    id: str
    version: str
    respondent_type: str
    title: Text
    intro: Text | None = None
    sections: list[Section] = field(default_factory=list)
    #: the file it was loaded from, or ``"<json>"``
    source: str = "<json>"

    def questions(self) -> Iterator[Question]:
        """The top-level questions, in order."""
        for section in self.sections:
            yield from section.questions

    def all_questions(self) -> Iterator[Question]:
        """Every question in order, each container followed by its children."""
        for question in self.questions():
            yield question
            yield from question.questions

    def question(self, key: str) -> Question:
        """The top-level or child question ``key``; KeyError when there is none."""
        return self._index.questions[key]

    def parent_of(self, key: str) -> Question | None:
        """The container holding child question ``key``; None for a top-level question."""
        self.question(key)
        return self._index.parents.get(key)

    def section(self, key: str) -> Section:
        """The section ``key``; KeyError when there is none."""
        return self._index.sections[key]

    def section_of(self, question_key: str) -> Section:
        """The section holding question ``question_key`` (or its container)."""
        return self._index.section_of[question_key]

    def to_json(self) -> dict[str, Any]:
        """The questionnaire as the API serves it; JSON-serialisable with a stable key order."""
        return {
            "id": self.id,
            "version": self.version,
            "respondent_type": self.respondent_type,
            "title": self.title.to_json(),
            "intro": None if self.intro is None else self.intro.to_json(),
            "sections": [section.to_json() for section in self.sections],
        }

    @property
    def content_hash(self) -> str:
        """SHA-256 (hex) of the canonical JSON of ``to_json()``."""
        canonical = json.dumps(
            self.to_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @functools.cached_property
    def _index(self) -> _Index:
        """Lookups by key, built on first use (the model is not changed after loading)."""
        index = _Index({}, {}, {}, {})
        for section in self.sections:
            index.sections[section.key] = section
            for question in section.questions:
                index.questions[question.key] = question
                index.section_of[question.key] = section
                for child in question.questions:
                    index.questions[child.key] = child
                    index.parents[child.key] = question
                    index.section_of[child.key] = section
        return index


def _question_from_json(data: Mapping[str, Any]) -> Question:
    return Question(
        key=data["key"],
        type=data["type"],
        label=Text(data["label"]),
        hint=_text_or_none(data.get("hint")),
        required=bool(data.get("required", False)),
        show_if=data.get("show_if"),
        choices=[
            Choice(code=str(choice["code"]), label=Text(choice["label"]))
            for choice in data.get("choices") or []
        ],
        choices_from=data.get("choices_from"),
        other=bool(data.get("other", False)),
        min=data.get("min"),
        max=data.get("max"),
        max_length=data.get("max_length"),
        format=data.get("format"),
        attribution=bool(data.get("attribution", False)),
        items_from=data.get("items_from"),
        questions=[_question_from_json(child) for child in data.get("questions") or []],
    )


def questionnaire_from_json(data: Mapping[str, Any]) -> Questionnaire:
    """Rebuild a questionnaire from its ``to_json()`` form (choices already resolved)."""
    try:
        return Questionnaire(
            id=data["id"],
            version=str(data["version"]),
            respondent_type=data["respondent_type"],
            title=Text(data["title"]),
            intro=_text_or_none(data.get("intro")),
            sections=[
                Section(
                    key=section["key"],
                    title=Text(section["title"]),
                    intro=_text_or_none(section.get("intro")),
                    questions=[_question_from_json(q) for q in section["questions"]],
                )
                for section in data["sections"]
            ],
            source="<json>",
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        message = f"not a questionnaire in JSON form ({type(exc).__name__}: {exc})"
        raise QuestionnaireError([Problem("<json>", None, None, message)]) from exc
