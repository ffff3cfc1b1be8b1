"""The questionnaire-to-report contract: which question fills each place ("slot") of the reports.

``reports/feeds.yaml`` declares every answer the reports read, once: a slot name such as
``structures.secretariat_managed_by`` maps to a question (``iscm:secretariat_managed_by``) and
the shape of value the prose expects. Reporting code asks for slots (``dossier.slot(name)``,
:func:`key`), never for question keys, so a renamed question is one line in ``feeds.yaml``;
:func:`check_questionnaire` tells a questionnaire author, before any report is drafted, when a
questionnaire no longer gives the reports what they read.

Pure: the checker takes plain question shapes, not the web application's questionnaire objects.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

#: the contract shipped with the reports
FEEDS_PATH = Path(__file__).with_name("feeds.yaml")

#: the summary's sections whose slots the ISCM's own answers fill, in the summary's order
SECTION_PARTS: tuple[str, ...] = (
    "programming",
    "contribution",
    "structures",
    "partnerships",
    "membership_value",
)

#: the parts holding what each State and IGO said about the ISCM, which sections cite
VIEW_PARTS: tuple[str, ...] = ("state_view", "igo_view")


@dataclass(frozen=True)
class Slot:
    """One place in the reports that an answer fills.

    :param name: ``<part>.<name>``, e.g. ``structures.secretariat_managed_by``.
    :param respondent_type: whose questionnaire asks the question (``iscm``, ``state``, ``igo``).
    :param path: the question's key, or ``<parent key>.<child key>`` for a child of a
        ``repeat`` or ``per_item`` question.
    :param shape: the kind of value the reports expect (a name from ``shapes`` in the file).
    :param types: the question types that give that shape.
    :param codes: choice codes the prose has sentences for; the question must offer them.
    :param cited_in: for a ``state_view`` / ``igo_view`` slot, the summary sections that
        cross-reference the answer (their fingerprints include it).
    """

    name: str
    respondent_type: str
    path: str
    shape: str
    types: tuple[str, ...]
    codes: tuple[str, ...] = ()
    cited_in: tuple[str, ...] = ()

    @property
    def part(self) -> str:
        """The part of the reports the slot belongs to (``structures``, ``state_view``, ...)."""
        return self.name.split(".", 1)[0]

    @property
    def key(self) -> str:
        """The key the answer has where it is read: the question's key, or the child's key
        inside a row (``repeat``) or an item's object (``per_item``)."""
        return self.path.rsplit(".", 1)[-1]

    @property
    def parent(self) -> str | None:
        """The key of the ``repeat`` / ``per_item`` question holding this one, if any."""
        return self.path.rsplit(".", 1)[0] if "." in self.path else None


@dataclass(frozen=True)
class QuestionShape:
    """What the contract checks of one question: its type, its choice codes, its line."""

    type: str
    codes: tuple[str, ...] = ()
    #: the question's line in its file (None when unknown)
    line: int | None = None


@dataclass(frozen=True)
class ContractProblem:
    """One way a questionnaire fails the contract, located by line and question key."""

    line: int | None
    key: str
    message: str


class Contract:
    """The slots of ``feeds.yaml``, by name, in the order the file lists them."""

    def __init__(self, slots: Mapping[str, Slot]) -> None:
        self.slots: dict[str, Slot] = dict(slots)

    def slot(self, name: str) -> Slot:
        """The slot ``name``; a ``KeyError`` naming the file when the contract has none."""
        try:
            return self.slots[name]
        except KeyError:
            raise KeyError(f"reports/feeds.yaml declares no slot {name!r}") from None

    def cited_in(self, section: str, part: str) -> tuple[Slot, ...]:
        """The slots of ``part`` (``state_view``, ``igo_view``) that ``section`` cites, in the
        file's order."""
        return tuple(
            slot for slot in self.slots.values() if slot.part == part and section in slot.cited_in
        )

    def section_keys(self, part: str) -> tuple[str, ...]:
        """The keys of the ISCM's own top-level questions that fill the slots of ``part``."""
        return tuple(
            slot.key
            for slot in self.slots.values()
            if slot.part == part and slot.respondent_type == "iscm" and slot.parent is None
        )

    def check(
        self, respondent_type: str, questions: Mapping[str, QuestionShape]
    ) -> list[ContractProblem]:
        """Every slot of ``respondent_type`` that ``questions`` (by key path) fail to fill.

        A slot's question may be missing (perhaps renamed: a close key is named), of a type
        that does not give the slot's shape, or lack a choice code the prose relies on. The
        children of a missing question are not reported again.
        """
        problems: list[ContractProblem] = []
        missing: set[str] = set()
        # a renamed question is one no slot names any more
        claimed = {s.path for s in self.slots.values() if s.respondent_type == respondent_type}
        unclaimed = {path: shape for path, shape in questions.items() if path not in claimed}
        for slot in self.slots.values():
            if slot.respondent_type != respondent_type or slot.parent in missing:
                continue
            question = questions.get(slot.path)
            if question is None:
                missing.add(slot.path)
                problems.append(_missing(slot, unclaimed))
                continue
            if question.type not in slot.types:
                expected = " or ".join(slot.types)
                problems.append(
                    ContractProblem(
                        question.line,
                        slot.path,
                        f"is a {question.type} question, but report slot {slot.name} reads "
                        f"a {expected} question ({slot.shape})",
                    )
                )
                continue
            for code in slot.codes:
                if code not in question.codes:
                    problems.append(
                        ContractProblem(
                            question.line,
                            slot.path,
                            f"has no choice '{code}', which report slot {slot.name} has "
                            "a sentence for",
                        )
                    )
        return problems


def _missing(slot: Slot, unclaimed: Mapping[str, QuestionShape]) -> ContractProblem:
    """The problem of a slot whose question is not in the questionnaire; a question no slot
    reads, of a fitting type and a close key, is named as the likely new name."""
    siblings = [
        path
        for path, question in unclaimed.items()
        if (path.rsplit(".", 1)[0] if "." in path else None) == slot.parent
        and question.type in slot.types
    ]
    close = difflib.get_close_matches(slot.path, siblings, n=1, cutoff=0.6)
    message = (
        f"no such question, but report slot {slot.name} reads it "
        f"(a {' or '.join(slot.types)} question)"
    )
    if close:
        message += f"; renamed '{close[0]}'? Then rename it in reports/feeds.yaml too"
        return ContractProblem(unclaimed[close[0]].line, slot.path, message)
    return ContractProblem(None, slot.path, message)


def load_contract(path: Path = FEEDS_PATH) -> Contract:
    """The contract in ``path``; ``ValueError`` naming the slot when an entry is malformed.

    The file is the package's own (like its templates), never user input.
    """
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    shapes = {name: tuple(types) for name, types in data["shapes"].items()}
    slots: dict[str, Slot] = {}
    for name, entry in data["slots"].items():
        question = str(entry.get("question", ""))
        respondent_type, _, key_path = question.partition(":")
        shape = entry.get("shape")
        codes = entry.get("codes", [])
        cited_in = entry.get("cited_in", [])
        if "." not in name or not key_path or shape not in shapes:
            raise ValueError(f"{path}: slot {name}: needs question TYPE:KEY and a known shape")
        if not all(isinstance(code, str) for code in codes):
            raise ValueError(f"{path}: slot {name}: quote every code (yes/no are booleans)")
        unknown = [section for section in cited_in if section not in SECTION_PARTS]
        if unknown or (cited_in and name.split(".", 1)[0] not in VIEW_PARTS):
            raise ValueError(
                f"{path}: slot {name}: cited_in lists sections ({', '.join(SECTION_PARTS)}), "
                f"and only for {' and '.join(VIEW_PARTS)} slots"
            )
        slots[name] = Slot(
            name,
            respondent_type,
            key_path,
            shape,
            shapes[shape],
            tuple(codes),
            tuple(cited_in),
        )
    return Contract(slots)


@cache
def contract() -> Contract:
    """The shipped contract, read once."""
    return load_contract()


def slot(name: str) -> Slot:
    """The shipped contract's slot ``name``."""
    return contract().slot(name)


def key(name: str) -> str:
    """The key under which slot ``name``'s answer is stored (see :attr:`Slot.key`)."""
    return contract().slot(name).key


def check_questionnaire(
    respondent_type: str, questions: Mapping[str, QuestionShape]
) -> list[ContractProblem]:
    """Where a questionnaire of ``respondent_type`` fails the shipped contract.

    :param questions: every question by key path (``key``, or ``parent.child`` for the
        children of ``repeat`` and ``per_item`` questions).
    """
    return contract().check(respondent_type, questions)
