"""A pure reporting library: a plain dossier in, HTML and PDF summaries out.

Stages: :mod:`reports.dossier` (input) -> :mod:`reports.narrative` (prose) ->
:mod:`reports.summaries` (tables) -> :mod:`reports.charts` (figures) -> :mod:`reports.html`
-> :mod:`reports.pdf`. Nothing here imports Flask or the web application.
"""

from reports.cache import cache_key, compendium_cache_key
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

__all__ = [
    "CompendiumDossier",
    "DraftSection",
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
    "compendium_cache_key",
    "draft_sections",
    "introduction",
    "render_compendium_html",
    "render_compendium_pdf",
    "render_iscm_html",
    "render_iscm_pdf",
    "render_pdf",
    "section_fingerprints",
]
