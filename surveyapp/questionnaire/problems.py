"""Problems found in a questionnaire file, and the error that carries them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a questionnaire file, located by file, line and question key."""

    file: str
    line: int | None
    key: str | None
    message: str

    def __str__(self) -> str:
        """Render as one line: ``file:line: key: message`` (line and key when known)."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        who = f"{self.key}: " if self.key else ""
        text = " ".join(self.message.split())
        return f"{where}: {who}{text}"


class QuestionnaireError(Exception):
    """A questionnaire could not be loaded; ``problems`` says why."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def __str__(self) -> str:
        """List the problems, one per line."""
        return "\n".join(str(problem) for problem in self.problems)
