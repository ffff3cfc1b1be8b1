"""Render a per-ISCM summary as HTML with the library's own Jinja environment."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, pass_context, select_autoescape
from markupsafe import Markup, escape

from reports.charts import Chart, build_charts
from reports.dossier import IscmDossier
from reports.edits import checked_edits, render_markdown
from reports.narrative import (
    DraftSection,
    collation_key,
    draft_sections,
    introduction,
)
from reports.phrases import Phrases, text_direction, upper_first
from reports.text import printable_output

#: the section after which each chart stands
CHART_PLACES: dict[str, str] = {
    "thematic_areas": "programming",
    "membership_value": "membership_value",
}


environment = Environment(
    loader=PackageLoader("reports", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    # a dossier may carry text stored before the application refused control characters
    finalize=printable_output,
)


#: a word character of any script but Arabic's (``\w`` less the Arabic block)
_LATIN_WORD = r"[^\W\u0600-\u06ff]"
#: an answer quoted in another language, as :func:`foreign_span` marks it
_FOREIGN_MARK = re.compile(r'<bdi class="answer-text"[^>]*>.*?</bdi>', re.DOTALL)


def dir_attribute(text: str, document_direction: str) -> Markup:
    """A ``dir`` attribute for a block whose text runs against the document's direction.

    Untranslated templates fall back to English: in an Arabic summary such a paragraph must
    still read left to right, and an Arabic answer in an English summary right to left.
    """
    if isinstance(text, Markup):
        # a quoted answer marked with its language is isolated: it does not turn its paragraph
        text = Markup(_FOREIGN_MARK.sub("", str(text))).striptags()  # noqa: S704 - markup in, tags out
    direction = text_direction(text, document_direction)
    if direction == document_direction:
        return Markup("")
    return Markup(' dir="rtl"') if direction == "rtl" else Markup(' dir="ltr"')


environment.globals["dir_attribute"] = dir_attribute


def foreign_span(text: str, language: str) -> Markup:
    """``text`` (escaped) marked as written in ``language``: a ``lang`` span that isolates its
    direction, so that English inside Arabic keeps its punctuation and quotation marks in place
    and Arabic inside English does not turn the paragraph around."""
    direction = "rtl" if Phrases(language).direction == "rtl" else "ltr"
    return Markup(  # noqa: S704 - the text is escaped, the language a known code
        f'<bdi class="answer-text" lang="{escape(language)}" dir="{direction}">{escape(text)}</bdi>'
    )


@pass_context
def answer_text(context: Any, text: str | None) -> Markup:
    """A free-text answer of the ISCM (a meeting's title, its chair) as the summary shows it:
    marked with its language when the ISCM wrote it in another one and no translation
    replaces it."""
    if not text:
        return Markup("")
    dossier: IscmDossier = context["dossier"]
    language = dossier.answer_language
    if not language or language == dossier.language or " ".join(text.split()) in dossier.translated:
        return escape(text)
    return foreign_span(text, language)


environment.globals["answer_text"] = answer_text


def format_marked(phrases: Phrases, key: str, **fields: object) -> Markup:
    """Message ``key`` filled with ``fields``, escaped, keeping the markup of fields that are
    :class:`~markupsafe.Markup` (an answer marked with its language)."""
    placeholders: dict[str, Markup] = {}
    plain: dict[str, object] = {}
    for name, value in fields.items():
        if isinstance(value, Markup):
            # private-use characters: no message and no escaped text contains them
            token = f"\ue000{len(placeholders)}\ue001"
            placeholders[token] = value
            plain[name] = token
        else:
            plain[name] = value
    html = str(escape(phrases.format(key, **plain)))
    for token, markup in placeholders.items():
        html = html.replace(token, str(markup))
    return Markup(html)  # noqa: S704 - escaped above, the fields' markup already safe


environment.globals["format_marked"] = format_marked


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
    """``paragraph`` escaped, each answer quoted in another language marked as such
    (:func:`foreign_span`)."""
    html = str(escape(paragraph))
    if not foreign:
        return Markup(html)  # noqa: S704 - escaped just above
    # a quoted answer may open its sentence, capitalised ("Provides technical advice ...")
    languages = {
        str(escape(variant)): language
        for text, language in foreign
        for variant in (upper_first(text), text)
    }
    # whole words only: a short answer ("no", "stable") must not be marked inside a word
    # ("nov.", "stables")
    alternatives = "|".join(re.escape(text) for text in sorted(languages, key=len)[::-1])
    # A change of script is a boundary too: Arabic joins و and ل to the word they precede,
    # English included ("و[Illustrative] Rules of Procedure")
    pattern = re.compile(rf"(?<!{_LATIN_WORD})(?:{alternatives})(?!{_LATIN_WORD})")

    def span(match: re.Match[str]) -> str:
        # the match is already escaped: mark it up around its markup-safe text
        return str(foreign_span(Markup(match.group()), languages[match.group()]))  # noqa: S704

    return Markup(pattern.sub(span, html))  # noqa: S704 - built from escaped parts


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
