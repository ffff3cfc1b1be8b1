"""Analyst edits: Markdown rendered to sanitised HTML, and fingerprints of what each section says.

An analyst rewrites a section in Markdown. It is rendered with markdown-it (raw HTML off, so a
tag typed in the text shows as text) and then cleaned by nh3 against an allow-list, so nothing
but plain formatting reaches the summary. :func:`section_fingerprints` hashes the answers a
section is drafted from (the ISCM's own answers that fill the section's slots in
``reports/feeds.yaml``, and what States and IGOs said that it cites): the web layer stores the
fingerprint with an edit and tells the analyst when the answers under an edited section have
changed since.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

from reports import feeds
from reports.dossier import VIEW_SLOT_FIELDS, IscmDossier
from reports.narrative import SECTION_KEYS
from reports.passages import source_of
from reports.phrases import text_direction
from reports.text import hashable_bytes, printable

#: what an edit may contain: paragraphs, emphasis, lists, quotes, small headings, links
ALLOWED_TAGS: frozenset[str] = frozenset(
    {"p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "h3", "h4", "a", "code"}
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href"},
    "p": {"dir"},
    "li": {"dir"},
    "h3": {"dir"},
    "h4": {"dir"},
    "blockquote": {"dir"},
}
ALLOWED_URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
# Markdown headings become the summary's sub-headings, below the section's own heading
_HEADING_LEVELS = {"h1": "h3", "h2": "h3", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
_BLOCKS = ("paragraph_open", "heading_open", "list_item_open", "blockquote_open")


#: what an analyst may rewrite: the introduction and each numbered section
EDITABLE_KEYS: frozenset[str] = frozenset({"introduction", *SECTION_KEYS})


def checked_edits(edits: dict[str, str] | None) -> dict[str, str]:
    """The edits that replace a draft: blank ones dropped.

    :raises ValueError: for an edit whose key is not a section of the summary.
    """
    edits = {key: text for key, text in (edits or {}).items() if text and text.strip()}
    unknown = sorted(set(edits) - EDITABLE_KEYS)
    if unknown:
        raise ValueError(f"no such section to edit: {', '.join(unknown)}")
    return edits


def render_markdown(text: str, direction: str = "ltr") -> Markup:
    """An analyst's Markdown as sanitised HTML.

    :param direction: the document's direction; a block whose text runs the other way (an
        Arabic paragraph in an English summary) gets its own ``dir``.
    """
    tokens = _markdown.parse(printable(text))
    for index, token in enumerate(tokens):
        if token.type in ("heading_open", "heading_close"):
            token.tag = _HEADING_LEVELS.get(token.tag, "h4")
        if token.type in _BLOCKS and index + 1 < len(tokens):
            following = next(
                (t for t in tokens[index + 1 :] if t.type == "inline"),
                None,
            )
            if following is not None:
                own = text_direction(following.content, direction)
                if own != direction:
                    token.attrSet("dir", own)
        elif token.type == "inline" and token.children:
            token.children = _without_unsafe_links(token.children)
            for child in token.children:
                if child.type == "softbreak":
                    # A line break inside a paragraph is a space, as in plain text
                    child.type = "text"
                    child.content = " "
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer",
    )
    return Markup(cleaned.strip())  # noqa: S704 - sanitised by nh3 just above


def is_safe_link(href: str) -> bool:
    """Whether a link may stay a link in a summary: ``http(s)://host...`` or ``mailto:``.

    A relative link (``notes.pdf``, ``/etc/x``, ``#top``) would be resolved against the
    package's own folder when the PDF is made, and leak the server's paths as a ``file:`` link.
    """
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return bool(parts.hostname)
    return scheme == "mailto" and bool(parts.path)


def _without_unsafe_links(children: list[Token]) -> list[Token]:
    """Inline tokens with every link :func:`is_safe_link` refuses turned into its plain text."""
    kept: list[Token] = []
    dropping = False
    for child in children:
        if child.type == "link_open" and not is_safe_link(str(child.attrGet("href") or "")):
            dropping = True
            continue
        if child.type == "link_close" and dropping:
            # CommonMark links never nest, so this closes the dropped link
            dropping = False
            continue
        kept.append(child)
    return kept


def section_view_fields(section: str) -> dict[str, tuple[str, ...]]:
    """The fields of each State's and IGO's view that ``section`` cross-references, in the
    order they are hashed: those holding the slots ``reports/feeds.yaml`` says the section
    cites (``cited_in``), in the file's order, and the language of the texts among them."""
    fields: dict[str, tuple[str, ...]] = {}
    for who, part in (("state", "state_view"), ("igo", "igo_view")):
        slots = feeds.contract().cited_in(section, part)
        names = [name for slot in slots for name in VIEW_SLOT_FIELDS[slot.name]]
        if any(slot.shape == "text" for slot in slots):
            # what counts is the language the text is in
            names.append("language")
        if names:
            fields[who] = tuple(names)
    return fields


def section_fingerprints(dossier: IscmDossier) -> dict[str, str]:
    """A SHA-256 of the answers each section (and the introduction) is drafted from.

    The same answers give the same fingerprint in every language: labels and names are left
    out, codes and texts go in. A changed fingerprint means the draft under an edit may have
    changed.
    """
    answers = dossier.answers
    states = sorted(dossier.state_views, key=lambda view: view.state.code)
    igos = sorted(dossier.igo_views, key=lambda view: view.igo.code)
    survey_round = dossier.round
    fingerprints = {
        "introduction": _digest(
            {
                "year": survey_round.year,
                "states": survey_round.states_answered,
                "iscms": survey_round.iscms_answered,
                "igos": survey_round.igos_answered,
            }
        )
    }
    for section in feeds.SECTION_PARTS:
        keys = feeds.contract().section_keys(section)
        own = {
            key: source_of(answers[key])
            for base in keys
            for key in (base, f"{base}_other")
            if answers.get(key) not in (None, "", [], {})
        }
        fields = section_view_fields(section)
        views: dict[str, Any] = {"answered": bool(answers)}
        if "state" in fields:
            views["states"] = [
                [view.state.code, *(_field(view, name, dossier) for name in fields["state"])]
                for view in states
            ]
        if "igo" in fields:
            views["igos"] = [
                [view.igo.code, *(_field(view, name, dossier) for name in fields["igo"])]
                for view in igos
            ]
        # "All three of the States (IGOs) surveyed" depends on how many answered the round
        if section == "membership_value":
            views["states_answered"] = survey_round.states_answered
        if section == "partnerships":
            views["igos_answered"] = survey_round.igos_answered
        fingerprints[section] = _digest({"answers": own, "views": views})
    return fingerprints


def _field(view: Any, name: str, dossier: IscmDossier) -> Any:
    value = getattr(view, name)
    if name == "language":
        # No language means the summary's: what counts is the language the text is in
        return value or dossier.language
    return _plain(value)


def _plain(value: Any) -> Any:
    # a translated answer counts as what the respondent wrote: the same in every language
    value = source_of(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _digest(value: Any) -> str:
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(hashable_bytes(canonical)).hexdigest()
