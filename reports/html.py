"""Render a per-ISCM summary as HTML with the library's own Jinja environment."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from reports.charts import Chart, build_charts
from reports.dossier import IscmDossier
from reports.edits import render_markdown
from reports.narrative import (
    SECTION_KEYS,
    DraftSection,
    collation_key,
    draft_sections,
    introduction,
)
from reports.phrases import Phrases, text_direction
from reports.text import printable_output

#: the section after which each chart stands
CHART_PLACES: dict[str, str] = {
    "thematic_areas": "programming",
    "membership_value": "membership_value",
}
#: what an analyst may rewrite: the introduction and each numbered section
EDITABLE_KEYS: frozenset[str] = frozenset({"introduction", *SECTION_KEYS})


environment = Environment(
    loader=PackageLoader("reports", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    # a dossier may carry text stored before the application refused control characters
    finalize=printable_output,
)


def dir_attribute(text: str, document_direction: str) -> Markup:
    """A ``dir`` attribute for a block whose text runs against the document's direction.

    Untranslated templates fall back to English: in an Arabic summary such a paragraph must
    still read left to right, and an Arabic answer in an English summary right to left.
    """
    if isinstance(text, Markup):
        text = text.striptags()
    direction = text_direction(text, document_direction)
    if direction == document_direction:
        return Markup("")
    return Markup(' dir="rtl"') if direction == "rtl" else Markup(' dir="ltr"')


environment.globals["dir_attribute"] = dir_attribute


@dataclass(frozen=True)
class RenderedSection:
    """A numbered section as shown: drafted or edited paragraphs, and its charts."""

    number: int
    key: str
    title: str
    #: the drafted paragraphs (empty when edited)
    paragraphs: list[Markup]
    edited: bool
    charts: list[Chart]
    #: the analyst's text as sanitised HTML blocks, when edited
    body: Markup | None = None


def mark_foreign(paragraph: str, foreign: list[tuple[str, str]]) -> Markup:
    """``paragraph`` escaped, each answer quoted in another language wrapped in a ``lang`` span.

    The span also sets the answer's own direction, so English inside Arabic stays readable.
    """
    html = str(escape(paragraph))
    if not foreign:
        return Markup(html)  # noqa: S704 - escaped just above
    languages = {str(escape(text)): language for text, language in foreign}
    # whole words only: a short answer ("no", "stable") must not be marked inside a word
    # ("nov.", "stables")
    alternatives = "|".join(re.escape(text) for text in sorted(languages, key=len)[::-1])
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def span(match: re.Match[str]) -> str:
        language = languages[match.group()]
        direction = "rtl" if Phrases(language).direction == "rtl" else "ltr"
        return (
            f'<span class="answer-text" lang="{escape(language)}" dir="{direction}">'
            f"{match.group()}</span>"
        )

    return Markup(pattern.sub(span, html))  # noqa: S704 - built from escaped parts


def checked_edits(edits: dict[str, str] | None) -> dict[str, str]:
    """The edits that replace a draft: blank ones dropped.

    :raises ValueError: for an edit whose key is not a section of the summary.
    """
    edits = {key: text for key, text in (edits or {}).items() if text and text.strip()}
    unknown = sorted(set(edits) - EDITABLE_KEYS)
    if unknown:
        raise ValueError(f"no such section to edit: {', '.join(unknown)}")
    return edits


def iscm_full_name(dossier: IscmDossier) -> str:
    """The ISCM's name with its acronym, unless the name already carries it."""
    iscm = dossier.iscm
    if (
        iscm.acronym
        and iscm.acronym.casefold() not in iscm.name.casefold()
        and "(" not in iscm.name
    ):
        return f"{iscm.name} ({iscm.acronym})"
    return iscm.name


def summary_context(dossier: IscmDossier, edits: dict[str, str] | None = None) -> dict[str, Any]:
    """What the summary template (``_summary.html``) shows for ``dossier`` and ``edits``."""
    edits = checked_edits(edits)
    phrases = Phrases(dossier.language)
    charts = build_charts(dossier)
    drafted = draft_sections(dossier)
    sections = [_rendered(section, edits, charts, phrases.direction) for section in drafted]
    quoted_languages = sorted(
        {
            language
            for section in drafted
            if section.key not in edits
            for _, language in section.foreign
        }
    )
    answer_language_note = (
        phrases.format(
            "answer_language_note",
            languages=phrases.join(
                [phrases.table("language_names").get(code, code) for code in quoted_languages]
            ),
        )
        if quoted_languages
        else None
    )
    return {
        "t": phrases,
        "dir": phrases.direction,
        "dossier": dossier,
        "iscm_full_name": iscm_full_name(dossier),
        "introduction": [escape(paragraph) for paragraph in introduction(dossier)],
        "introduction_body": (
            render_markdown(edits["introduction"], phrases.direction)
            if "introduction" in edits
            else None
        ),
        "answer_language_note": answer_language_note,
        "sections": sections,
        "meetings_chart": charts.get("meetings"),
        "state_views": sorted(dossier.state_views, key=lambda view: collation_key(view.state.name)),
        "igo_views": sorted(dossier.igo_views, key=lambda view: view.igo.short_name.casefold()),
        "id_prefix": "",
    }


def render_iscm_html(dossier: IscmDossier, edits: dict[str, str] | None = None) -> str:
    """The per-ISCM summary as a complete HTML document.

    :param edits: analyst text by section key (or ``introduction``) replacing the drafted
        paragraphs: Markdown (plain text with paragraphs separated by blank lines is Markdown
        too), sanitised. Blank text keeps the draft. An edited section is marked as such.
    :raises ValueError: for an edit whose key is not a section of the summary.
    """
    context = summary_context(dossier, edits)
    template = environment.get_template("iscm.html")
    return template.render(lang=dossier.language, standalone=True, **context)


def _rendered(
    section: DraftSection, edits: dict[str, str], charts: dict[str, Chart], direction: str
) -> RenderedSection:
    edited = section.key in edits
    return RenderedSection(
        number=section.number,
        key=section.key,
        title=section.title,
        paragraphs=(
            [] if edited else [mark_foreign(p, section.foreign) for p in section.paragraphs]
        ),
        edited=edited,
        charts=[chart for key, chart in charts.items() if CHART_PLACES.get(key) == section.key],
        body=render_markdown(edits[section.key], direction) if edited else None,
    )
