"""Checks of a summary as it prints: what an editor reading it page by page would find.

Pure: a summary (a dossier and the analysts' edits) in, findings out. The summary is laid out
with WeasyPrint exactly as its PDF is (:func:`reports.pdf.layout_document`), and the checks read
the layout's boxes, so each finding has the page it is on:

* ``repeated sentence``: a sentence printed twice (compared without case, punctuation or
  spacing); ``repeated passage``: a run of :data:`PASSAGE_WORDS` words or more that two different
  sentences share (a list of nine values written out twice);
* ``untranslated passage``: an answer the summary quotes in the language it was written in,
  for want of a translation in the translation memory (:mod:`reports.passages`);
* ``English left``: in a French, Spanish or Arabic summary, a passage that reads as English
  (see :func:`reads_as_english`), be it a sentence, a quotation or an answer marked as English,
  other than an untranslated passage (found as such);
* ``overflow``: a box wider than its page's content area (a table, an image, a word);
* ``orphaned heading`` and ``orphaned caption``: a heading, or a table's or figure's caption,
  printed as the last thing on a page, what it introduces left to the next;
* ``near-empty page``: a page after the first that holds only one short block;
* ``sentence without a source``: a drafted sentence (:func:`reports.narrative.draft_sections`,
  :func:`reports.narrative.draft_introduction`) that names no source answer, found on the page
  it is printed on; a section an analyst rewrote is the analyst's text, not checked;
* ``illustrative data unlabelled``: a summary drawing on illustrative (demo) answers that does
  not print the note saying so, a ◆ mark printed without its legend, participation figures that
  count illustrative responses without the note saying so (unless the introduction is edited),
  the ISCM's illustrative meetings under a heading without its ◆ mark, or a table row led by an
  illustrative organisation's name without its ◆ mark.

A check is a function of a :class:`SummaryLayout` that yields :class:`Finding` objects, listed
in :data:`CHECKS`. The last two read the dossier the summary was drafted from
(``SummaryLayout.dossier``) and find nothing in a layout without one.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from weasyprint.document import Document
from weasyprint.formatting_structure import boxes

from reports.compendium import render_compendium_html
from reports.dossier import CompendiumDossier, IscmDossier
from reports.edits import checked_edits
from reports.html import render_iscm_html
from reports.narrative import DraftSentence, draft_introduction, draft_sections
from reports.pdf import layout_document
from reports.phrases import Phrases

#: the boxes whose element is a block of text: a paragraph, a heading, a cell, a caption, a div
_BLOCK_BOXES = (boxes.BlockLevelBox, boxes.TableCellBox)
#: blocks of running prose, where a repeated sentence is a fault (a table repeats its labels)
PROSE_TAGS = frozenset({"p", "li", "dd", "blockquote"})
HEADING_TAGS = frozenset(f"h{level}" for level in range(1, 7))
CAPTION_TAGS = frozenset({"caption", "figcaption"})
#: the shortest sentence worth calling repeated, in words ("Yes." twice is no fault)
SENTENCE_WORDS = 6
#: the shortest run of words two sentences may not share
PASSAGE_WORDS = 10
#: how far a box may stick out of the content area before it overflows (CSS px, rounding)
OVERFLOW_TOLERANCE = 1.0
#: a page holding this share of its content area or less, in one block, is near-empty
NEAR_EMPTY_SHARE = 0.2
#: how much of a passage a finding quotes
QUOTED_CHARACTERS = 160


@dataclass(frozen=True)
class Finding:
    """Something a reader would trip over, on a page of the summary."""

    page: int
    #: what is wrong: ``repeated sentence``, ``English left``, ``overflow`` ...
    kind: str
    #: the text concerned (shortened), and what else the reader needs to find it
    text: str

    def line(self, code: str, language: str) -> str:
        """The finding as the check command prints it: ``CODE LANG page N: kind: text``."""
        return f"{code} {language} page {self.page}: {self.kind}: {self.text}"


@dataclass
class Passage:
    """A run of a block's text in one language (the block's, or a marked answer's), on one
    page."""

    text: str
    #: the language the HTML declares for it (``lang`` of the nearest element that has one)
    language: str
    page: int


@dataclass
class Block:
    """The whole text of a paragraph, heading, cell or caption, across the pages it spans."""

    tag: str
    passages: list[Passage] = field(default_factory=list)


@dataclass
class PageContent:
    """What one page holds: its blocks (a table row counts as one) and which one ends it."""

    number: int
    #: (tag, text on this page) of each block with content on the page, in order
    blocks: list[tuple[str, str]] = field(default_factory=list)
    #: the index in ``blocks`` of the block whose content is the last on the page
    last: int = -1
    #: the share of the content area's height above the lowest block on the page
    filled: float = 0.0

    @property
    def last_block(self) -> tuple[str, str] | None:
        """(tag, text) of the block the page ends with."""
        return self.blocks[self.last] if self.blocks else None


@dataclass(frozen=True)
class SummaryLayout:
    """A summary laid out: its blocks' text, each page's content, the boxes that overflow."""

    language: str
    blocks: tuple[Block, ...]
    pages: tuple[PageContent, ...]
    #: (page, tag, text) of each box wider than its page's content area
    overflows: tuple[tuple[int, str, str], ...]
    #: what the summary was drafted from, for the checks that compare it with the answers
    dossier: IscmDossier | None = None
    #: the keys of the parts an analyst rewrote (``introduction``, a section's key)
    edited: frozenset[str] = frozenset()
    #: passages of other dossiers printed untranslated (the compendium's summaries)
    untranslated: tuple[str, ...] = ()


Check = Callable[[SummaryLayout], Iterable[Finding]]


def check_summary(dossier: IscmDossier, edits: dict[str, str] | None = None) -> list[Finding]:
    """Every finding of :data:`CHECKS` in the summary of ``dossier`` with ``edits``, by page.

    :param edits: as for :func:`reports.html.render_iscm_html`.
    """
    document = layout_document(render_iscm_html(dossier, edits))
    return check_layout(
        read_layout(document, dossier.language, dossier, edited=checked_edits(edits))
    )


def check_compendium(compendium: CompendiumDossier) -> list[Finding]:
    """What a reader would trip over in the compendium as it prints, by page: the passages its
    summaries quote untranslated, English left, overflows, orphaned headings and captions, and
    near-empty pages (:data:`COMPENDIUM_CHECKS`).

    Sentences repeat from one ISCM's summary to the next by design ("No State answered ..."),
    and each summary's sources are checked with the summary itself, so those checks are left
    to :func:`check_summary`.
    """
    document = layout_document(render_compendium_html(compendium))
    layout = read_layout(document, compendium.language)
    layout = dataclasses.replace(
        layout,
        untranslated=tuple(
            passage.text
            for dossier in compendium.iscms
            for passage in dossier.untranslated_passages
        ),
    )
    findings = []
    seen: set[str] = set()
    for dossier in compendium.iscms:
        for finding in untranslated_passages(dataclasses.replace(layout, dossier=dossier)):
            if finding.text not in seen:  # a passage two summaries quote is one to translate
                seen.add(finding.text)
                findings.append(finding)
    findings.extend(finding for check in COMPENDIUM_CHECKS for finding in check(layout))
    return sorted(findings, key=lambda finding: finding.page)


def check_layout(layout: SummaryLayout) -> list[Finding]:
    """Every finding of :data:`CHECKS` in ``layout``, by page, then in the checks' order."""
    findings = [finding for check in CHECKS for finding in check(layout)]
    return sorted(findings, key=lambda finding: finding.page)


# Reading the layout


def read_layout(
    document: Document,
    language: str,
    dossier: IscmDossier | None = None,
    edited: Iterable[str] = (),
) -> SummaryLayout:
    """The text, pages and overflowing boxes of a laid-out document in ``language``.

    :param dossier: what the summary was drafted from, for the checks that read it.
    :param edited: the keys of the parts an analyst rewrote.
    """
    reader = _LayoutReader(language)
    for number, page in enumerate(document.pages, start=1):
        reader.read_page(number, page._page_box)
    return SummaryLayout(
        language=language,
        blocks=tuple(reader.blocks.values()),
        pages=tuple(reader.pages),
        overflows=tuple(reader.overflows),
        dossier=dossier,
        edited=frozenset(edited),
    )


class _LayoutReader:
    """Walks each page's boxes in order, gathering blocks, page content and overflows."""

    def __init__(self, language: str) -> None:
        self.language = language
        #: by the identity of the block's element: a block split over two pages is one
        self.blocks: dict[int, Block] = {}
        self.pages: list[PageContent] = []
        self.overflows: list[tuple[int, str, str]] = []
        #: the line each block's text last came from, by the block's element
        self._last_line: dict[int, int] = {}
        # the page being read: its content, the left and right of its content area, the index
        # of each block in its content (by element), the bottom of each of its blocks
        self._page = PageContent(0)
        self._area = (0.0, 0.0)
        self._units: dict[int, int] = {}
        self._extent: list[float] = []

    def read_page(self, number: int, page_box: boxes.PageBox) -> None:
        left = page_box.content_box_x()
        top = page_box.content_box_y()
        self._page = PageContent(number)
        self._area = (left, left + page_box.width)
        self._units: dict[int, int] = {}
        self._extent: list[float] = []
        for child in page_box.children:
            # Running headers and page numbers repeat on every page: not the summary's text
            if not isinstance(child, boxes.MarginBox):
                self._walk(child, None, None, self.language, None)
        if self._extent and page_box.height:
            self._page.filled = (max(self._extent) - top) / page_box.height
        self.pages.append(self._page)

    def _walk(
        self,
        box: boxes.Box,
        block: boxes.Box | None,
        unit: boxes.Box | None,
        language: str,
        line: boxes.Box | None,
    ) -> None:
        element = box.element
        if element is not None:
            language = element.get("lang") or language
            # the innermost block holds the text; on a page, a table row counts as one block
            if isinstance(box, _BLOCK_BOXES) and (block is None or block.element is not element):
                block = box
                if unit is None or unit.element_tag != "tr":
                    unit = box
            elif box.element_tag == "tr":
                unit = box
            if isinstance(box, boxes.BlockLevelBox) and box.element_tag not in ("html", "body"):
                self._extent.append(box.border_box_y() + box.border_height())
        if isinstance(box, boxes.LineBox):
            line = box
        if self._overflows(box):
            self.overflows.append((self._page.number, box.element_tag or "", _box_text(box)))
            return
        if isinstance(box, boxes.TextBox):
            self._add_text(box, block, language, line)
            self._add_content(box, unit)
        elif isinstance(box, boxes.ReplacedBox):
            self._add_content(box, unit or box)
        for child in getattr(box, "children", ()):
            self._walk(child, block, unit, language, line)

    def _overflows(self, box: boxes.Box) -> bool:
        if box.element is None or isinstance(box, (boxes.LineBox, boxes.PageBox)):
            return False
        if isinstance(box, boxes.InlineBox) and _holds_leader(box):
            # WeasyPrint widens the boxes around a leader (a contents line's dots) to the line
            # and, right to left, leaves them where the line started: their text, checked box
            # by box, is where the dots and the page number print
            return False
        left, right = self._area
        box_left = box.border_box_x()
        box_right = box_left + box.border_width()
        return box_right > right + OVERFLOW_TOLERANCE or box_left < left - OVERFLOW_TOLERANCE

    def _add_text(
        self, box: boxes.TextBox, block: boxes.Box | None, language: str, line: boxes.Box | None
    ) -> None:
        if block is None:
            return
        key = id(block.element)
        found = self.blocks.get(key)
        if found is None:
            found = self.blocks[key] = Block(block.element_tag)
        last = found.passages[-1] if found.passages else None
        # A new line is a space the layout took out, unless the line broke after a hyphen
        # ("co-" / "implementers"); within one line the text runs on
        new_line = self._last_line.get(key) not in (None, id(line))
        hyphen = last is not None and last.text.endswith(("-", "\u2010"))
        separator = " " if new_line and not hyphen else ""
        self._last_line[key] = id(line)
        if last is not None and (last.language, last.page) == (language, self._page.number):
            last.text += separator + box.text
        else:
            if last is not None:
                last.text += separator
            found.passages.append(Passage(box.text, language, self._page.number))

    def _add_content(self, box: boxes.Box, unit: boxes.Box | None) -> None:
        if unit is None:
            return
        key = id(unit.element)
        if key not in self._units:
            self._units[key] = len(self._page.blocks)
            self._page.blocks.append((unit.element_tag, ""))
        index = self._units[key]
        tag, text = self._page.blocks[index]
        self._page.blocks[index] = (tag, text + getattr(box, "text", "") + " ")
        self._page.last = index


def _holds_leader(box: boxes.Box) -> bool:
    """Whether ``box`` is or holds the box of a ``leader()``."""
    return box.is_leader or any(_holds_leader(child) for child in getattr(box, "children", ()))


def _box_text(box: boxes.Box) -> str:
    text = " ".join(child.text for child in box.descendants() if isinstance(child, boxes.TextBox))
    return _shortened(_spaced(text)) if text.strip() else f"<{box.element_tag}>"


# Text


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _shortened(text: str, limit: int = QUOTED_CHARACTERS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


#: a sentence ends at ., !, ? or the Arabic ؟, closing quotes and brackets included, before a
#: capital, an Arabic letter or an opening quote ("28 nov. 2014" goes on)
_SENTENCE_END = re.compile(r"[.!?؟]+(?:\s*[»”\"’)\]])*\s+")
_OPENING = '«“"(['
#: how a sentence ends, where a title or a label has no such end
_FULL_STOP = re.compile(r"[.!?؟](?:\s*[»”\"’)\]])*$")


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences."""
    found = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        following = text[match.end() : match.end() + 1]
        if following.isupper() or (following and following in _OPENING) or _is_arabic(following):
            found.append(text[start : match.end()].strip())
            start = match.end()
    if text[start:].strip():
        found.append(text[start:].strip())
    return found


def _is_arabic(character: str) -> bool:
    return bool(character) and "\u0600" <= character <= "\u06ff"


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, without numbers, punctuation or Arabic vowel marks.

    Composed letters stay whole ("été"); the marks that stay apart once composed (Arabic
    short vowels and shadda) are dropped, so "تُقدِّر" is one word, as "تقدر" is.
    """
    composed = unicodedata.normalize("NFC", text)
    bare = "".join(c for c in composed if unicodedata.category(c) != "Mn")
    return [word.casefold() for word in _WORD.findall(bare)]


def normalised(text: str) -> str:
    """``text`` as compared for repeats: its words, case, marks and spacing aside."""
    return " ".join(words(text))


# Repeats


def repeated_sentences(layout: SummaryLayout) -> Iterator[Finding]:
    """Prose sentences printed twice, and long runs of words two sentences share."""
    seen: dict[str, int] = {}
    passages: dict[tuple[str, ...], tuple[str, int]] = {}
    for block in layout.blocks:
        if block.tag not in PROSE_TAGS:
            continue
        for sentence, page in _sentences_with_pages(block):
            key = normalised(sentence)
            sentence_words = key.split()
            # A line without a full stop is a title or a label, not a sentence
            if len(sentence_words) < SENTENCE_WORDS or not _FULL_STOP.search(sentence):
                continue
            if key in seen:
                yield Finding(
                    page,
                    "repeated sentence",
                    f"{_shortened(sentence)} (also on page {seen[key]})",
                )
                continue
            seen[key] = page
            shared = _shared_run(sentence_words, key, passages)
            if shared is not None:
                run, first_page = shared
                yield Finding(
                    page,
                    "repeated passage",
                    f"{_shortened(' '.join(run))} (also on page {first_page})",
                )
            for start in range(len(sentence_words) - PASSAGE_WORDS + 1):
                gram = tuple(sentence_words[start : start + PASSAGE_WORDS])
                passages.setdefault(gram, (key, page))


def _shared_run(
    sentence_words: list[str], key: str, passages: dict[tuple[str, ...], tuple[str, int]]
) -> tuple[list[str], int] | None:
    """The longest run of words this sentence shares with an earlier, different one."""
    best: tuple[list[str], int] | None = None
    start = 0
    while start <= len(sentence_words) - PASSAGE_WORDS:
        gram = tuple(sentence_words[start : start + PASSAGE_WORDS])
        earlier = passages.get(gram)
        if earlier is None or earlier[0] == key:
            start += 1
            continue
        end = start + PASSAGE_WORDS
        while end < len(sentence_words) and _contains(earlier[0], sentence_words[start : end + 1]):
            end += 1
        if best is None or end - start > len(best[0]):
            best = (sentence_words[start:end], earlier[1])
        start = end
    return best


def _contains(text: str, run: list[str]) -> bool:
    return f" {' '.join(run)} " in f" {text} "


def _sentences_with_pages(block: Block) -> Iterator[tuple[str, int]]:
    """The block's sentences, each with the page it starts on."""
    offsets = []
    position = 0
    for passage in block.passages:
        offsets.append((position, passage.page))
        position += len(passage.text)
    text = "".join(passage.text for passage in block.passages)
    start = 0
    for sentence in sentences(text):
        start = text.find(sentence, start)
        page = next(page for offset, page in reversed(offsets) if offset <= max(start, 0))
        yield _spaced(sentence), page
        start += len(sentence)


# English left in another language


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: frequent English words that are not words of French or Spanish (so no "a", "on", "as", "or",
#: "but", "no", "me", "he" ...)
ENGLISH_WORDS = _word_set(
    """the of and to in is are was were be been being for with by from at that this these those
    it its their they them which who whom whose has have had will would can could should may
    also such into between through about other than more most both each all any our we not
    when where how what there here within upon during after before over under
    provides provided including"""
)
#: the most frequent words of each language a summary may be in, against which English weighs
OWN_WORDS: dict[str, frozenset[str]] = {
    "fr": _word_set(
        """de la le les des du et en un une est sont pour par dans sur avec qui que au aux ce
        cette ses leur leurs ont été il elle ils elles se sa son pas ne plus ou mais"""
    ),
    "es": _word_set(
        """de la el los las del y en un una es son para por con que al su sus se lo como más
        ha han fue no este esta estos"""
    ),
    "ar": frozenset(),
}
#: the fewest words a passage needs before it can be told English (a name is not a passage)
MIN_WORDS = 4
#: the share of English words from which a passage reads as English
ENGLISH_SHARE = 0.2


def reads_as_english(text: str, language: str) -> bool:
    """Whether ``text``, found in a summary in ``language``, reads as English.

    It does when it has at least :data:`MIN_WORDS` Latin-script words, two or more of them
    frequent English words that French and Spanish lack (:data:`ENGLISH_WORDS`), making up at
    least :data:`ENGLISH_SHARE` of its words, and more than twice as many as the frequent words
    of ``language`` itself. Names ("Rome Declaration", "the Khartoum Process") are too short or
    have too few such words; a French sentence quoting an English title has more French words.
    """
    latin = [word for word in words(text) if word.isascii() or not _is_arabic(word[0])]
    if len(latin) < MIN_WORDS:
        return False
    english = sum(word in ENGLISH_WORDS for word in latin)
    own = sum(word in OWN_WORDS.get(language, frozenset()) for word in latin)
    return english >= 2 and english >= ENGLISH_SHARE * len(latin) and english > 2 * own


#: a passage between quotation marks, French, English or plain
_QUOTATION = re.compile(r"«\s*(.+?)\s*»|“(.+?)”|\"(.+?)\"")


def english_left(layout: SummaryLayout) -> Iterator[Finding]:
    """Passages that read as English in a summary in another language.

    Each answer marked as English, each quotation and each remaining sentence is read on its
    own, so a French sentence that quotes English is found as its quotation.
    """
    if layout.language == "en":
        return
    untranslated = _untranslated_texts(layout)
    for block in layout.blocks:
        for text, page in _reading_units(block, layout.language):
            if reads_as_english(text, layout.language) and not _quotes_one_of(text, untranslated):
                yield Finding(page, "English left", _shortened(_spaced(text)))


def _untranslated_texts(layout: SummaryLayout) -> list[str]:
    """The untranslated passages of the layout's dossier, as compared (:func:`normalised`)."""
    texts = list(layout.untranslated)
    if layout.dossier is not None:
        texts.extend(passage.text for passage in layout.dossier.untranslated_passages)
    return [normalised(text) for text in texts]


def _quotes_one_of(text: str, passages: list[str]) -> bool:
    """Whether ``text`` is (part of) one of ``passages``, or mostly one of them."""
    read = normalised(text)
    if not read:
        return False
    return any(
        read in passage or (passage in read and len(passage) * 5 >= len(read) * 3)
        for passage in passages
    )


def untranslated_passages(layout: SummaryLayout) -> Iterator[Finding]:
    """Answers printed in the language they were written in, for want of a translation."""
    dossier = layout.dossier
    if dossier is None:
        return
    printed = [
        (block, normalised("".join(passage.text for passage in block.passages)))
        for block in layout.blocks
    ]
    seen = set()
    for passage in dossier.untranslated_passages:
        wanted = normalised(passage.text)
        if not wanted or wanted in seen:
            continue
        seen.add(wanted)
        block = next((block for block, text in printed if wanted in text), None)
        if block is not None:  # a passage an analyst's edit replaced is not printed
            yield Finding(
                block.passages[0].page, "untranslated passage", _shortened(_spaced(passage.text))
            )


def _reading_units(block: Block, language: str) -> Iterator[tuple[str, int]]:
    """Each run of the block in one language, across pages; in the summary's language, each
    quotation, then each sentence of the rest; with the page each starts on."""
    runs: list[Passage] = []
    for passage in block.passages:
        if runs and runs[-1].language == passage.language:
            runs[-1] = Passage(runs[-1].text + passage.text, passage.language, runs[-1].page)
        else:
            runs.append(passage)
    for run in runs:
        if run.language != language:
            yield run.text, run.page
            continue
        rest = run.text
        for match in _QUOTATION.finditer(run.text):
            quoted = next(group for group in match.groups() if group is not None)
            yield quoted, run.page
            rest = rest.replace(match.group(), " ")
        for sentence in sentences(rest):
            yield sentence, run.page


# Layout


def overflowing_boxes(layout: SummaryLayout) -> Iterator[Finding]:
    """Boxes wider than their page's content area."""
    for page, tag, text in layout.overflows:
        yield Finding(page, "overflow", f"<{tag}> wider than the page: {text}")


def orphaned_headings(layout: SummaryLayout) -> Iterator[Finding]:
    """Headings and captions that end a page, what they introduce on the next one."""
    for page in layout.pages[:-1]:
        if page.last_block is None:
            continue
        tag, text = page.last_block
        if tag in HEADING_TAGS:
            yield Finding(page.number, "orphaned heading", _shortened(_spaced(text)))
        elif tag in CAPTION_TAGS:
            yield Finding(page.number, "orphaned caption", _shortened(_spaced(text)))


def near_empty_pages(layout: SummaryLayout) -> Iterator[Finding]:
    """Pages after the first that hold only one short block."""
    for page in layout.pages[1:]:
        if len(page.blocks) == 1 and page.filled <= NEAR_EMPTY_SHARE:
            tag, text = page.blocks[0]
            yield Finding(page.number, "near-empty page", _shortened(_spaced(text)))


# What the dossier says


def sentences_without_a_source(layout: SummaryLayout) -> Iterator[Finding]:
    """Drafted sentences that name no source answer, in the parts an analyst did not rewrite."""
    dossier = layout.dossier
    if dossier is None:
        return
    parts: list[tuple[str, list[tuple[DraftSentence, ...]]]] = [
        ("introduction", draft_introduction(dossier))
    ]
    parts.extend((section.key, section.sentences) for section in draft_sections(dossier))
    for key, paragraphs in parts:
        if key in layout.edited:
            continue
        for paragraph in paragraphs:
            for said in paragraph:
                if said.text.strip() and not said.sources:
                    yield Finding(
                        _page_of(said.text, layout),
                        "sentence without a source",
                        _shortened(_spaced(said.text)),
                    )


def _page_of(text: str, layout: SummaryLayout) -> int:
    """The page a passage of prose starts on (the first page when it is not found)."""
    wanted = normalised(text)
    for block in layout.blocks:
        if block.tag not in PROSE_TAGS:
            continue
        found = normalised("".join(passage.text for passage in block.passages)).find(wanted)
        if not wanted or found < 0:
            continue
        read = ""
        for passage in block.passages:
            read += passage.text
            if len(normalised(read)) > found:
                return passage.page
    return 1


def unlabelled_illustrative_data(layout: SummaryLayout) -> Iterator[Finding]:
    """Illustrative (demo) data printed without the note, legend or mark that says so."""
    dossier = layout.dossier
    if dossier is None:
        return
    phrases = Phrases(layout.language)
    marker = str(phrases["illustrative_marker"])
    printed = normalised(
        " ".join(passage.text for block in layout.blocks for passage in block.passages)
    )
    kind = "illustrative data unlabelled"
    if dossier.has_illustrative and not _shows(printed, str(phrases["illustrative_summary_note"])):
        yield Finding(1, kind, "no note that the summary draws on illustrative answers")
    counted = dossier.round.illustrative_answered
    participation = phrases.counted("illustrative_participation_note", counted)
    # the participation note's mark stands beside the words that explain it: no legend needed
    marked = [
        page
        for page in layout.pages
        if any(
            marker in text and not (counted and _shows(normalised(text), participation))
            for _, text in page.blocks
        )
    ]
    legend = str(phrases["illustrative_legend"])
    if (dossier.has_illustrative or marked) and not _shows(printed, legend):
        page = marked[0].number if marked else 1
        yield Finding(page, kind, f"{marker} printed without its legend “{legend}”")
    if counted and "introduction" not in layout.edited and not _shows(printed, participation):
        yield Finding(1, kind, f"participation figures without the note “{participation}”")
    if dossier.answers_illustrative:
        meetings = normalised(str(phrases["annex_meetings"]))
        for block in layout.blocks:
            heading = "".join(passage.text for passage in block.passages)
            unmarked = marker not in heading and normalised(heading) == meetings
            if block.tag in HEADING_TAGS and unmarked:
                yield Finding(
                    block.passages[0].page,
                    kind,
                    f"the ISCM's illustrative meetings under a heading without {marker}: "
                    f"{_spaced(heading)}",
                )
    names = _illustrative_names(dossier)
    for page in layout.pages:
        for tag, text in page.blocks:
            row = _spaced(text)
            if tag == "tr" and marker not in row and names.get(_leading_name(row, names)):
                yield Finding(page.number, kind, f"a row without {marker}: {_shortened(row)}")


def _shows(printed: str, message: str) -> bool:
    """Whether the printed text (normalised) holds ``message``, its words in order."""
    return normalised(message) in printed


def _illustrative_names(dossier: IscmDossier) -> dict[str, bool]:
    """Each organisation's name as the summary's tables print it, and whether everything the
    summary shows of it is illustrative."""
    names: dict[str, bool] = {}
    printed = [(view.state.name, view.illustrative) for view in dossier.state_views]
    printed += [(view.igo.name, view.illustrative) for view in dossier.igo_views]
    printed += [(source.organisation.name, source.illustrative) for source in dossier.sources]
    for name, illustrative in printed:
        names[name] = names.get(name, True) and illustrative
    return names


def _leading_name(row: str, names: dict[str, bool]) -> str | None:
    """The longest of ``names`` the row starts with, as a whole word ("Niger" does not lead
    "Nigeria State Member", "Guinea-Bissau" is found before "Guinea")."""
    for name in sorted(names, key=len, reverse=True):
        following = row[len(name) : len(name) + 1]
        if row.startswith(name) and not (following.isalnum() or following in ("-", "‐", "'", "’")):
            return name
    return None


#: every check run on a summary
CHECKS: tuple[Check, ...] = (
    repeated_sentences,
    untranslated_passages,
    english_left,
    overflowing_boxes,
    orphaned_headings,
    near_empty_pages,
    sentences_without_a_source,
    unlabelled_illustrative_data,
)

#: the checks run on the compendium's layout (see :func:`check_compendium`)
COMPENDIUM_CHECKS: tuple[Check, ...] = (
    english_left,
    overflowing_boxes,
    orphaned_headings,
    near_empty_pages,
)
