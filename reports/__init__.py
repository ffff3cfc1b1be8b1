"""A pure reporting library: a plain dossier in, HTML and PDF summaries out.

Stages: :mod:`reports.dossier` (input) -> :mod:`reports.narrative` (prose) ->
:mod:`reports.summaries` (tables) -> :mod:`reports.charts` (figures) -> :mod:`reports.html`
-> :mod:`reports.pdf`. Nothing here imports Flask or the web application.

The names below are loaded when first used (:pep:`562`): the renderers (WeasyPrint,
matplotlib, networkx) take seconds to import, and a command or a web worker that only reads
dossiers or passages must not pay for them at start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: each public name, with the module that defines it
_PUBLIC: dict[str, str] = {
    "CompendiumDossier": "reports.dossier",
    "IgoView": "reports.dossier",
    "IscmDossier": "reports.dossier",
    "IscmInfo": "reports.dossier",
    "Meeting": "reports.dossier",
    "OrganisationName": "reports.dossier",
    "ParticipationCount": "reports.dossier",
    "RoundInfo": "reports.dossier",
    "Source": "reports.dossier",
    "StateView": "reports.dossier",
    "Finding": "reports.check",
    "check_compendium": "reports.check",
    "check_summary": "reports.check",
    "render_receipt_pdf": "reports.receipt",
    "cache_key": "reports.cache",
    "compendium_cache_key": "reports.cache",
    "render_compendium_html": "reports.compendium",
    "section_fingerprints": "reports.edits",
    "render_iscm_html": "reports.html",
    "DraftSection": "reports.narrative",
    "draft_sections": "reports.narrative",
    "introduction": "reports.narrative",
    "render_compendium_pdf": "reports.pdf",
    "render_iscm_pdf": "reports.pdf",
    "render_pdf": "reports.pdf",
}

__all__ = [
    "CompendiumDossier",
    "DraftSection",
    "Finding",
    "IgoView",
    "IscmDossier",
    "IscmInfo",
    "Meeting",
    "OrganisationName",
    "ParticipationCount",
    "RoundInfo",
    "Source",
    "StateView",
    "cache_key",
    "check_compendium",
    "check_summary",
    "compendium_cache_key",
    "draft_sections",
    "introduction",
    "render_compendium_html",
    "render_compendium_pdf",
    "render_iscm_html",
    "render_iscm_pdf",
    "render_pdf",
    "render_receipt_pdf",
    "section_fingerprints",
]


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use."""
    try:
        module = _PUBLIC[name]
    except KeyError:
        raise AttributeError(f"module 'reports' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_PUBLIC})


if TYPE_CHECKING:
    from reports.cache import cache_key, compendium_cache_key
    from reports.check import Finding, check_compendium, check_summary
    from reports.compendium import render_compendium_html
    from reports.dossier import (
        CompendiumDossier,
        IgoView,
        IscmDossier,
        IscmInfo,
        Meeting,
        OrganisationName,
        ParticipationCount,
        RoundInfo,
        Source,
        StateView,
    )
    from reports.edits import section_fingerprints
    from reports.html import render_iscm_html
    from reports.narrative import DraftSection, draft_sections, introduction
    from reports.pdf import render_compendium_pdf, render_iscm_pdf, render_pdf
    from reports.receipt import render_receipt_pdf
