"""Repairs of stored rows: text saved before the text rule is rewritten and audited.

Until every channel refused them (``surveyapp.questionnaire.text``), control characters and
lone surrogates could be saved. :func:`repair_stored_text` rewrites every stored text with
:func:`printable_value`: word processors' line breaks become ``\\n``, any other character that
cannot be held becomes U+FFFD ("�"), so the place where something was lost stays visible.
Everything else is left exactly as it is. ``surveyapp answers repair-text``
(:mod:`surveyapp.stored_text`) runs it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update

from surveyapp.extensions import db
from surveyapp.models import Answer, AuditEvent, Organisation, Response, SurveyRound
from surveyapp.models.summary import SummaryEdit
from surveyapp.operations import audit
from surveyapp.questionnaire.text import printable_value

#: rows read from the database at a time
BATCH_SIZE = 500
#: what is repaired: a label for the report, the model, and its columns holding text
REPAIRED: tuple[tuple[str, type, tuple[str, ...]], ...] = (
    ("answers", Answer, ("value",)),
    ("audit events", AuditEvent, ("old_value", "new_value")),
    ("responses (analysts' queries)", Response, ("query_message",)),
    ("summary edits", SummaryEdit, ("text",)),
    (
        "organisations",
        Organisation,
        ("names", "short_names", "in_sentence", "acronym", "region", "secretariat"),
    ),
    ("rounds", SurveyRound, ("name",)),
)


@dataclass
class RepairReport:
    """How many rows of each kind the repair changed (or would change, on a dry run)."""

    changed: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Rows changed in all."""
        return sum(self.changed.values())


def _rows(model: type) -> Iterator[Any]:
    """Every row of ``model`` in id order, read in batches so memory stays flat."""
    last_id = 0
    while True:
        batch = db.session.scalars(
            select(model).where(model.id > last_id).order_by(model.id).limit(BATCH_SIZE)
        ).all()
        if not batch:
            return
        yield from batch
        last_id = batch[-1].id
        db.session.flush()


def repair_stored_text(*, actor: str = "system") -> RepairReport:
    """Rewrite every stored text that holds a character that cannot be held; flushes.

    A changed answer is recorded in the audit trail (action ``repair_text``, channel ``cli``)
    and its response's version moves on, so a page opened before the repair cannot save over it
    unnoticed. The caller commits (or rolls back, for a dry run).
    """
    report = RepairReport()
    repaired_answers: dict[int, list[Answer]] = {}
    for label, model, columns in REPAIRED:
        count = 0
        for row in _rows(model):
            changed = False
            for column in columns:
                value = getattr(row, column)
                repaired = printable_value(value)
                if repaired != value:
                    setattr(row, column, repaired)
                    changed = True
            if changed:
                count += 1
                if isinstance(row, Answer):
                    repaired_answers.setdefault(row.response_id, []).append(row)
        report.changed[label] = count
    now = dt.datetime.now(dt.UTC)
    for response_id, answers in repaired_answers.items():
        db.session.execute(
            update(Response)
            .where(Response.id == response_id)
            .values(version=Response.version + 1, updated_at=now)
        )
        for answer in answers:
            event = audit.record(
                actor,
                "repair_text",
                "cli",
                response_id,
                answer.question_key,
                answer.item_code or None,
                None,
                answer.value,
            )
            # One instant for the whole repair: the events carry the responses' updated_at.
            event.created_at = now
    db.session.flush()
    return report
