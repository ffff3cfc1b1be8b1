"""A respondent's receipt: every answer, the round, the organisation and a checksum, as PDF.

Plain data in, HTML or PDF out. The caller passes every fixed text already translated
(``ReceiptLabels``), so the receipt reads in the respondent's language without this package
knowing anything of the web application's catalogues.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from reports.text import hashable_bytes


def answers_checksum(answers: dict[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of ``answers``.

    Canonical: keys sorted, no spaces (``","`` and ``":"`` separators), non-ASCII kept as
    UTF-8. Anyone holding the answers as JSON can recompute it.
    """
    canonical = json.dumps(answers, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(hashable_bytes(canonical)).hexdigest()


@dataclass
class ReceiptEntry:
    """One answer: a question's label and its answer as text, or its parts (rows, items)."""

    label: str
    text: str = ""
    children: list[ReceiptEntry] = field(default_factory=list)


@dataclass
class ReceiptSection:
    """A section of the questionnaire and its answers."""

    title: str
    entries: list[ReceiptEntry] = field(default_factory=list)


@dataclass
class ReceiptLabels:
    """The fixed texts of the receipt, in the respondent's language."""

    heading: str
    organisation: str
    round: str
    submitted_at: str
    reference: str
    checksum: str
    checksum_note: str
    no_answer: str
    #: the labels of the round's deadline and of the address respondents write to
    deadline: str = ""
    contact: str = ""


@dataclass
class Receipt:
    """Everything a receipt shows."""

    language: str
    direction: str
    title: str
    organisation: str
    round_name: str
    submitted_at: str
    reference: str
    checksum: str
    labels: ReceiptLabels
    sections: list[ReceiptSection] = field(default_factory=list)
    #: the round's deadline as the respondent reads dates ("" when it has none)
    deadline: str = ""
    #: the address respondents write to with questions ("" when the round has none)
    contact_email: str = ""


def render_receipt_html(receipt: Receipt) -> str:
    """The receipt as an HTML document (autoescaped)."""
    # the renderers take seconds to import: a respondent's page that never prints a receipt
    # must not pay for them
    from reports.html import environment

    return environment.get_template("receipt.html").render(receipt=receipt)


def render_receipt_pdf(receipt: Receipt) -> bytes:
    """The receipt as PDF."""
    from reports.pdf import render_pdf

    return render_pdf(render_receipt_html(receipt))
