"""Warnings about texts that lack a translation (not errors: English is the fallback)."""

from __future__ import annotations

from .model import LANGUAGES, Question, Questionnaire, Text
from .problems import Problem


def _missing(text: Text | None) -> list[str]:
    if text is None:
        return []
    return [lang for lang in LANGUAGES if lang != "en" and not text.get(lang)]


def _question_texts(question: Question) -> list[tuple[str, Text | None]]:
    texts: list[tuple[str, Text | None]] = [("label", question.label), ("hint", question.hint)]
    if question.choices_from is None:
        # Lists kept elsewhere (registry, vocabularies) are checked where they are kept.
        texts += [(f"choice '{choice.code}'", choice.label) for choice in question.choices]
    return texts


def describe_missing_translations(questionnaire: Questionnaire) -> list[Problem]:
    """One warning per title, label, hint or choice label that lacks fr, es or ar."""
    file = questionnaire.source
    entries: list[tuple[int | None, str | None, str, Text | None]] = [
        (None, None, "title", questionnaire.title),
        (None, None, "intro", questionnaire.intro),
    ]
    for section in questionnaire.sections:
        entries.append((section.line or None, section.key, "title", section.title))
        entries.append((section.line or None, section.key, "intro", section.intro))
        for question in section.questions:
            for item in [question, *question.questions]:
                for what, text in _question_texts(item):
                    entries.append((item.line or None, item.key, what, text))
    warnings = []
    for line, key, what, text in entries:
        missing = _missing(text)
        if missing:
            message = f"{what} has no {', '.join(missing)} translation"
            warnings.append(Problem(file, line, key, message))
    return warnings
