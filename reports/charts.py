"""Charts of a dossier as SVG, each with its numbers as a table for screen readers.

A summary's bar charts are written as SVG straight from their numbers (:class:`Drawing`): a
path per fill, small pattern tiles for the hatches, the text as glyph outlines that
matplotlib's font machinery lays out and shapes (Arabic joined, right to left). Drawn with a
matplotlib ``Figure`` they took about half of a summary's render: the figure's layout, and
WeasyPrint drawing its thousands of hatch dots and per-glyph elements (issue 16). The
compendium's charts are still ``matplotlib.figure.Figure`` (never pyplot, which keeps global
state that a web process must not share), drawn in :func:`_chart_style`. Every chart reads in
greyscale: fills differ by shade and hatch, never by colour alone.
"""

from __future__ import annotations

import base64
import io
import math
import textwrap
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import matplotlib
import numpy as np
from matplotlib.font_manager import FontProperties
from matplotlib.path import Path
from matplotlib.textpath import text_to_path

from reports.dossier import IscmDossier
from reports.phrases import Phrases
from reports.summaries import meetings_per_year, membership_value_counts, thematic_areas
from reports.text import printable

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: (fill, hatch) pairs that stay distinct when printed in black and white
FILLS: tuple[tuple[str, str], ...] = (
    ("#303030", ""),
    ("#ffffff", "///"),
    ("#a0a0a0", ""),
    ("#ffffff", "..."),
    ("#d8d8d8", "xx"),
    ("#686868", "\\\\\\"),
    ("#ffffff", ""),
)
FONT_SIZE = 8
#: a chart beside its table, and one across the page above its table
NARROW_INCHES = 3.6
WIDE_INCHES = 6.3
LABEL_WIDTH = 28
#: the height of a line of a label, and of a bar with a one-line label, in inches
LINE_INCHES = 0.14
ROW_INCHES = 0.3


@dataclass(frozen=True)
class Chart:
    """A chart as SVG, with a short description and the numbers it shows as rows of a table;
    without SVG (``svg`` empty) the table alone, where a picture would only repeat it."""

    key: str
    title: str
    alt: str
    svg: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: drawn (at least partly) from illustrative answers: the figure is marked and says so
    illustrative: bool = False
    #: the text alternative reads out the numbers; False for a chart with too many to read
    #: out (the network's names): it then says the table that follows has them
    data_in_alt: bool = True

    def text_alternative(self, phrases: Phrases) -> str:
        """What the chart shows, for a reader who cannot see it: its description, then its numbers.

        The numbers are the rows of the table beside the chart, each read as "label: value" or
        "label (column: value, column: value)", in the language of ``phrases``.
        """
        if not self.data_in_alt:
            return f"{self.alt} {phrases.format('chart_alt_table_follows')}"
        rows = [_row_text(self.columns, row, phrases) for row in self.rows]
        if not rows:
            return self.alt
        data = phrases.format("long_list_separator").join(rows)
        # Fluent refuses a placeable longer than 2,500 characters, which the numbers of a large
        # round's network exceed: the message gives the sentence, the numbers go in afterwards
        sentence = phrases.format("chart_alt_with_data", chart=self.alt, data=_DATA_PLACE)
        return sentence.replace(_DATA_PLACE, data)

    @property
    def data_uri(self) -> str:
        """The SVG as a ``data:`` URL, for an ``<img>``."""
        encoded = base64.b64encode(self.svg.encode("utf-8")).decode("ascii")
        return f"data:image/svg+xml;base64,{encoded}"


#: where a chart's numbers go in its text alternative (a character no message contains)
_DATA_PLACE = "\ufffc"


def _row_text(columns: tuple[str, ...], row: tuple[str, ...], phrases: Phrases) -> str:
    label, *cells = row
    values = [(column, cell) for column, cell in zip(columns[1:], cells, strict=False) if cell]
    if not values:
        return label
    # A zero among several values is a bar segment that is not drawn: the chart does not show it
    shown = [(column, cell) for column, cell in values if cell != "0"]
    if len(cells) == 1 or not shown:
        return phrases.format("chart_alt_row", label=label, value=values[0][1])
    parts = [phrases.format("chart_alt_value", column=column, value=cell) for column, cell in shown]
    return phrases.format(
        "chart_alt_row_values", label=label, values=phrases.format("list_separator").join(parts)
    )


def build_charts(dossier: IscmDossier) -> dict[str, Chart]:
    """Every chart the dossier has data for, by key (``thematic_areas``, ``meetings``, ...)."""
    charts = (
        thematic_areas_chart(dossier),
        membership_value_chart(dossier),
        meetings_chart(dossier),
    )
    return {chart.key: chart for chart in charts if chart is not None}


#: matplotlib's settings are process-wide: charts drawn in parallel threads take turns
_STYLE_LOCK = threading.Lock()
#: the fonts of a chart's text, in the order each character is looked for
FAMILIES = ("DejaVu Sans", "Noto Sans", "Noto Naskh Arabic")


def _families(language: str) -> list[str]:
    families = list(FAMILIES)
    if Phrases(language).direction == "rtl":
        families.insert(0, families.pop())
    return families


@contextmanager
def _chart_style(language: str) -> Iterator[None]:
    style = {
        "font.family": _families(language),
        "font.size": FONT_SIZE,
        "hatch.linewidth": 0.6,
        "svg.fonttype": "path",
        # Stable element ids, so the same dossier gives the same SVG
        "svg.hashsalt": "iscm-summary",
    }
    with _STYLE_LOCK, matplotlib.rc_context(style):
        yield


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    return buffer.getvalue()


def _figure(width: float, height: float) -> Figure:
    # imported here: only the compendium draws figures; a summary's render (each command, each
    # render server) is spared matplotlib's figure machinery, a sixth of a second to import
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _wrap(label: str, width: int = LABEL_WIDTH) -> str:
    # A label may be an answer's own text (an "other" area): no font draws a control character.
    label = printable(label)
    return "\n".join(textwrap.wrap(label, width)) or label


# -- Bar charts written as SVG -----------------------------------------------------------------

#: where a line of text sits, in font sizes: its capitals' height (a line centred on a point
#: centres its capitals), the top of its tallest letters above the baseline, the bottom of its
#: descenders below, and the distance between the baselines of two lines
CAP_HEIGHT = 0.73
ASCENT = 0.76
DESCENT = 0.24
LINE_SPACING = 1.2
#: distances in points, as matplotlib draws them: the margin around a chart, a tick's length,
#: the gap between a tick and its label and between the tick labels and the axis's label
PAD = 3.0
TICK = 3.5
TICK_PAD = 3.5
LABEL_PAD = 4.0
#: the width of the axes' lines and of the bars' outlines, and of a hatch's lines
LINE_WIDTH = 0.8
HATCH_WIDTH = 0.6
#: a legend's sample of a fill (width, height), the gap after it and between two entries
SAMPLE = (2.0 * FONT_SIZE, 0.7 * FONT_SIZE)
SAMPLE_PAD = 0.8 * FONT_SIZE
ENTRY_PAD = 0.5 * FONT_SIZE


def _hatch_lines(data: str) -> str:
    return f'<path d="{data}" stroke="#000000" stroke-width="{HATCH_WIDTH}"/>'


#: each hatch of :data:`FILLS` as a pattern tile: its width and height in points and the marks
#: drawn in black over the fill, at matplotlib's spacing (a triple hatch: lines 4 points apart).
#: A tile holds a few marks: matplotlib's tile of an inch held hundreds of dots, which
#: WeasyPrint read again for every bar
HATCH_TILES: dict[str, tuple[int, int, str]] = {
    "///": (4, 4, _hatch_lines("M -1 1 L 1 -1 M 0 4 L 4 0 M 3 5 L 5 3")),
    "\\\\\\": (4, 4, _hatch_lines("M -1 3 L 1 5 M 0 0 L 4 4 M 3 -1 L 5 1")),
    "xx": (
        6,
        6,
        _hatch_lines("M -1 1 L 1 -1 M 0 6 L 6 0 M 5 7 L 7 5 M -1 5 L 1 7 M 0 0 L 6 6 M 5 -1 L 7 1"),
    ),
    # dots in rows 4 points apart, every other row shifted by half a step
    "...": (
        4,
        8,
        "".join(f'<circle cx="{x}" cy="{y}" r="0.7" fill="#000000"/>' for x, y in ((1, 2), (3, 6))),
    ),
}


@dataclass(frozen=True)
class TextBox:
    """Where a line of a chart's text stands, in points from the picture's top left corner."""

    text: str
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: TextBox) -> bool:
        """Whether the two boxes share more than an edge."""
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )


@dataclass(frozen=True)
class _Outline:
    """A line of text as glyph outlines (matplotlib's path codes), and where its ink starts and
    ends."""

    points: np.ndarray
    codes: list[int]

    @property
    def left(self) -> float:
        return float(self.points[:, 0].min()) if len(self.points) else 0.0

    @property
    def right(self) -> float:
        return float(self.points[:, 0].max()) if len(self.points) else 0.0

    @property
    def width(self) -> float:
        return self.right - self.left


@lru_cache(maxsize=8)
def _font(families: tuple[str, ...]) -> FontProperties:
    return FontProperties(family=list(families), size=FONT_SIZE)


@dataclass
class Drawing:
    """An SVG picture drawn shape by shape, in points with y downwards.

    WeasyPrint's time goes by SVG element and by number it reads, so the picture holds few of
    both: one path per fill (every bar and legend sample of that fill), one for the lines, one
    for all the text, and a small tile per hatch. The text is drawn as the outlines of its
    glyphs, laid out and shaped by matplotlib (WeasyPrint draws SVG text letter by letter,
    which would break Arabic's joined letters).
    """

    width: float
    height: float
    language: str
    #: every line of text drawn, in order
    texts: list[TextBox] = field(default_factory=list)
    _fills: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    _lines: list[str] = field(default_factory=list)
    _glyphs: list[str] = field(default_factory=list)
    #: each text's outline, laid out once for measuring and drawing
    _outlines: dict[str, _Outline] = field(default_factory=dict)

    def outline(self, text: str) -> _Outline:
        """``text`` on one line as glyph outlines, in points from its baseline's start."""
        if text not in self._outlines:
            font = _font(tuple(_families(self.language)))
            vertices, codes = text_to_path.get_text_path(font, text, language=self.language)
            # the outlines come at matplotlib's font size of 100, y upwards
            points = np.asarray(vertices, dtype=float).reshape(-1, 2)
            points = points * (FONT_SIZE / text_to_path.FONT_SCALE) * (1, -1)
            self._outlines[text] = _Outline(points, list(codes))
        return self._outlines[text]

    def text_width(self, text: str) -> float:
        """How wide ``text``'s ink is on one line, in points."""
        return self.outline(text).width

    def text(
        self,
        text: str,
        x: float,
        y: float,
        *,
        anchor: str = "start",
        align: str = "middle",
        rotation: float = 0.0,
    ) -> TextBox:
        """Draw a line of text at (``x``, ``y``).

        :param anchor: the end of the line at ``x``: ``start`` (left), ``middle`` or ``end``.
        :param align: what of the line is at ``y``: its ``middle`` (of its capitals), its ``top``
            or its ``baseline``.
        :param rotation: degrees anticlockwise, about (``x``, ``y``).
        """
        outline = self.outline(text)
        width = outline.width
        # the ink, not the advance, starts, centres on or ends at x
        dx = {"start": 0.0, "middle": -width / 2, "end": -width}[anchor] - outline.left
        dy = {"middle": CAP_HEIGHT / 2, "top": ASCENT, "baseline": 0.0}[align] * FONT_SIZE
        angle = math.radians(rotation)
        # anticlockwise on the page, where y grows downwards
        turn = np.array([[math.cos(angle), math.sin(angle)], [-math.sin(angle), math.cos(angle)]])
        corners = np.array(
            [
                (dx + outline.left, dy - ASCENT * FONT_SIZE),
                (dx + outline.right, dy - ASCENT * FONT_SIZE),
                (dx + outline.left, dy + DESCENT * FONT_SIZE),
                (dx + outline.right, dy + DESCENT * FONT_SIZE),
            ]
        ) @ turn.T + (x, y)
        box = TextBox(text, *corners.min(axis=0), *corners.max(axis=0))
        self.texts.append(box)
        if outline.codes:
            self._glyphs.append(
                _path_data((outline.points + (dx, dy)) @ turn.T + (x, y), outline.codes)
            )
        return box

    def text_lines(self, lines: Sequence[str], x: float, y: float, *, anchor: str) -> None:
        """Draw ``lines`` one under the other, the block centred on ``y``."""
        pitch = LINE_SPACING * FONT_SIZE
        first = y - (len(lines) - 1) * pitch / 2
        for index, line in enumerate(lines):
            self.text(line, x, first + index * pitch, anchor=anchor)

    def rectangle(
        self, left: float, top: float, right: float, bottom: float, fill: tuple[str, str]
    ) -> None:
        """Draw a rectangle outlined in black and filled with ``fill`` (one of :data:`FILLS`)."""
        self._fills.setdefault(fill, []).append(
            f"M {left:.2f} {top:.2f} H {right:.2f} V {bottom:.2f} H {left:.2f} Z"
        )

    def line(self, *points: tuple[float, float]) -> None:
        """Draw a black line through ``points``."""
        self._lines.append("M " + " L ".join(f"{x:.2f} {y:.2f}" for x, y in points))

    def svg(self) -> str:
        """The picture as an SVG document (its size in points)."""
        width, height = f"{self.width:.2f}", f"{self.height:.2f}"
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}pt" height="{height}pt" '
            f'viewBox="0 0 {width} {height}">'
        ]
        hatched = [(fill, hatch) for fill, hatch in self._fills if hatch]
        if hatched:
            parts.append("<defs>")
            parts.extend(_pattern(f"fill-{index}", fill) for index, fill in enumerate(hatched))
            parts.append("</defs>")
        for fill, shapes in self._fills.items():
            paint = f"url(#fill-{hatched.index(fill)})" if fill[1] else fill[0]
            parts.append(
                f'<path d="{" ".join(shapes)}" fill="{paint}" stroke="#000000" '
                f'stroke-width="{LINE_WIDTH}"/>'
            )
        if self._lines:
            parts.append(
                f'<path d="{" ".join(self._lines)}" fill="none" stroke="#000000" '
                f'stroke-width="{LINE_WIDTH}" stroke-linecap="square"/>'
            )
        if self._glyphs:
            parts.append(f'<path d="{"".join(self._glyphs)}" fill="#000000"/>')
        parts.append("</svg>")
        return "\n".join(parts)


def _pattern(identifier: str, fill: tuple[str, str]) -> str:
    colour, hatch = fill
    width, height, marks = HATCH_TILES[hatch]
    return (
        f'<pattern id="{identifier}" patternUnits="userSpaceOnUse" width="{width}" '
        f'height="{height}"><rect width="{width}" height="{height}" fill="{colour}"/>'
        f"{marks}</pattern>"
    )


#: an outline's commands by matplotlib's path codes, with the points each takes
_COMMANDS = {Path.MOVETO: ("M", 1), Path.LINETO: ("L", 1), Path.CURVE3: ("Q", 2)}
_COMMANDS |= {Path.CURVE4: ("C", 3), Path.CLOSEPOLY: ("Z", 1)}


def _path_data(points: np.ndarray, codes: Sequence[int]) -> str:
    coordinates = [f"{x:.2f} {y:.2f}" for x, y in points.tolist()]
    parts = []
    index = 0
    while index < len(codes):
        letter, taken = _COMMANDS.get(codes[index], ("", 1))
        if letter == "Z":
            parts.append("Z")
        elif letter:
            parts.append(letter + " ".join(coordinates[index : index + taken]))
        index += taken
    return "".join(parts)


def integer_ticks(upper: float, length: float, spacing: float) -> list[int]:
    """Whole numbers from 0 to at most ``upper``, 1, 2 or 5 times a power of ten apart, at
    least ``spacing`` points apart on an axis ``length`` points long (and at most ten)."""
    most = max(1, min(9, int(length / spacing)))
    power = 1
    while True:
        for step in (power, 2 * power, 5 * power):
            if upper / step <= most:
                return list(range(0, int(upper // step) * step + 1, step))
        power *= 10


def _label_lines(label: str) -> list[str]:
    return _wrap(label).split("\n")


def _line_height() -> float:
    return (ASCENT + DESCENT) * FONT_SIZE


def thematic_areas_chart(dossier: IscmDossier) -> Chart | None:
    """Which thematic areas the ISCM covered at its founding and which it addresses today: a
    table only (``svg`` empty), as a picture of yes and no would repeat it."""
    frame = thematic_areas(dossier)
    if frame.empty:
        return None
    phrases = Phrases(dossier.language)
    iscm = phrases.name(dossier.iscm.code, dossier.iscm.in_sentence or dossier.iscm.name)
    columns = (phrases.format("chart_thematic_original"), phrases.format("chart_thematic_current"))
    # Drawn as a yes/no grid it only repeated its own table: the table stands alone (no SVG).

    yes, no = phrases.format("chart_yes"), phrases.format("chart_no")
    rows = tuple(
        (label, yes if original else no, yes if current else no)
        for label, original, current in zip(
            frame["label"], frame["original"], frame["current"], strict=True
        )
    )
    return Chart(
        key="thematic_areas",
        title=phrases.format("chart_thematic_title"),
        alt=phrases.format("chart_thematic_alt", iscm=iscm),
        svg="",
        columns=(phrases.format("chart_thematic_area"), *columns),
        rows=rows,
        illustrative=dossier.answers_illustrative,
    )


#: fewest categories worth a bar chart
MIN_BARS = 3


def membership_value_chart(dossier: IscmDossier) -> Chart | None:
    """How many of the ISCM's States cited each value of membership."""
    frame = membership_value_counts(dossier)
    # One or two bars say nothing the sentence beside them does not say already.
    if len(frame) < MIN_BARS:
        return None
    phrases = Phrases(dossier.language)
    drawing = membership_value_drawing(
        list(frame["label"]), [int(n) for n in frame["states"]], phrases
    )
    return Chart(
        key="membership_value",
        title=phrases.format("chart_value_title"),
        alt=phrases.format("chart_value_alt"),
        svg=drawing.svg(),
        columns=(phrases.format("chart_value_area"), phrases.format("chart_value_count")),
        rows=tuple(
            (label, str(states))
            for label, states in zip(frame["label"], frame["states"], strict=True)
        ),
        illustrative=any(
            view.illustrative and (view.value_area_codes or view.value_areas)
            for view in dossier.state_views
        ),
    )


def membership_value_drawing(labels: list[str], counts: list[int], phrases: Phrases) -> Drawing:
    """Horizontal bars of ``counts``, one per label, each with its count at its end."""
    wrapped = [_label_lines(label) for label in labels]
    # Each bar gets the height its label needs: a label of four lines beside a bar of one
    # overlapped the next label
    rows = [max(ROW_INCHES, len(lines) * LINE_INCHES + 0.1) / ROW_INCHES for lines in wrapped]
    drawing = Drawing(NARROW_INCHES * 72, (0.7 + ROW_INCHES * sum(rows)) * 72, phrases.language)
    label_width = max(drawing.text_width(line) for lines in wrapped for line in lines)
    upper = max(counts) * 1.15 + 0.6
    left = PAD + label_width + TICK_PAD + TICK
    right = drawing.width - PAD - drawing.text_width(str(int(upper))) / 2
    top = PAD + CAP_HEIGHT * FONT_SIZE / 2
    bottom = drawing.height - PAD - 2 * _line_height() - LABEL_PAD - TICK_PAD - TICK
    row_height = (bottom - top) / sum(rows)

    def across(value: float) -> float:
        return left + value / upper * (right - left)

    middle = top
    for lines, count, row in zip(wrapped, counts, rows, strict=True):
        middle += row * row_height / 2
        drawing.rectangle(
            left, middle - 0.3 * row_height, across(count), middle + 0.3 * row_height, FILLS[2]
        )
        # the count at the end of each bar, as the table beside it gives it
        drawing.text(str(count), across(count) + 3, middle)
        drawing.line((left - TICK, middle), (left, middle))
        drawing.text_lines(lines, left - TICK - TICK_PAD, middle, anchor="end")
        middle += row * row_height / 2
    for tick in integer_ticks(upper, right - left, 3 * FONT_SIZE):
        drawing.line((across(tick), bottom), (across(tick), bottom + TICK))
        drawing.text(
            str(tick), across(tick), bottom + TICK + TICK_PAD, anchor="middle", align="top"
        )
    drawing.text(
        phrases.format("chart_value_count"),
        (left + right) / 2,
        bottom + TICK + TICK_PAD + _line_height() + LABEL_PAD,
        anchor="middle",
        align="top",
    )
    drawing.line((left, top), (left, bottom), (right, bottom))
    return drawing


def meetings_chart(dossier: IscmDossier) -> Chart | None:
    """The ISCM's meetings per year, stacked by level."""
    phrases = Phrases(dossier.language)
    table = meetings_per_year(dossier, phrases.format("chart_meetings_unspecified"))
    if table.empty:
        return None
    iscm = phrases.name(dossier.iscm.code, dossier.iscm.in_sentence or dossier.iscm.name)
    drawing = meetings_drawing(
        [int(year) for year in table.index],
        {printable(str(level)): [int(value) for value in table[level]] for level in table.columns},
        phrases,
    )
    rows = tuple(
        (
            str(year),
            *(str(int(value)) for value in table.loc[year]),
            str(int(table.loc[year].sum())),
        )
        for year in table.index
    )
    return Chart(
        key="meetings",
        title=phrases.format("chart_meetings_title"),
        alt=phrases.format("chart_meetings_alt", iscm=iscm),
        svg=drawing.svg(),
        illustrative=dossier.answers_illustrative,
        columns=(
            phrases.format("chart_meetings_year"),
            *(str(level) for level in table.columns),
            phrases.format("chart_meetings_total"),
        ),
        rows=rows,
    )


def meetings_drawing(years: list[int], levels: dict[str, list[int]], phrases: Phrases) -> Drawing:
    """Bars of meetings per year, stacked by level (``levels``: each level's meetings, year by
    year), with a legend of the levels on the right."""
    fills = {level: FILLS[index % len(FILLS)] for index, level in enumerate(levels)}
    legend = {level: _label_lines(level) for level in levels}
    pitch = LINE_SPACING * FONT_SIZE
    legend_height = sum(len(lines) * pitch + ENTRY_PAD for lines in legend.values())
    drawing = Drawing(WIDE_INCHES * 72, max(2.6 * 72, legend_height + 2 * PAD), phrases.language)
    legend_width = (
        SAMPLE[0]
        + SAMPLE_PAD
        + max(drawing.text_width(line) for lines in legend.values() for line in lines)
    )
    totals = [sum(values) for values in zip(*levels.values(), strict=True)]
    upper = max(totals) * 1.05
    # years side by side: a gap between years is not a zero. Many are turned to fit
    turned = 45.0 if len(years) > 10 else 0.0
    year_height = max(
        drawing.text_width(str(year)) * math.sin(math.radians(turned))
        + _line_height() * math.cos(math.radians(turned))
        for year in years
    )
    top = PAD + CAP_HEIGHT * FONT_SIZE / 2
    bottom = drawing.height - PAD - _line_height() - LABEL_PAD - year_height - TICK_PAD - TICK
    ticks = integer_ticks(upper, bottom - top, 2 * FONT_SIZE)
    left = PAD + _line_height() + LABEL_PAD + TICK_PAD + TICK
    left += max(drawing.text_width(str(tick)) for tick in ticks)
    right = drawing.width - PAD - legend_width - 2 * SAMPLE_PAD
    margin = 0.05 * (len(years) - 1 + 0.6)
    start, end = -0.3 - margin, len(years) - 1 + 0.3 + margin

    def across(position: float) -> float:
        return left + (position - start) / (end - start) * (right - left)

    def up(value: float) -> float:
        return bottom - value / upper * (bottom - top)

    below = [0] * len(years)
    for level, values in levels.items():
        for position, value in enumerate(values):
            if value:
                drawing.rectangle(
                    across(position - 0.3),
                    up(below[position] + value),
                    across(position + 0.3),
                    up(below[position]),
                    fills[level],
                )
                below[position] += value
    for position, year in enumerate(years):
        x = across(position)
        drawing.line((x, bottom), (x, bottom + TICK))
        if turned:
            drawing.text(str(year), x, bottom + TICK + TICK_PAD, anchor="end", rotation=turned)
        else:
            drawing.text(str(year), x, bottom + TICK + TICK_PAD, anchor="middle", align="top")
    for tick in ticks:
        drawing.line((left - TICK, up(tick)), (left, up(tick)))
        drawing.text(str(tick), left - TICK - TICK_PAD, up(tick), anchor="end")
    drawing.text(
        phrases.format("chart_meetings_year"),
        (left + right) / 2,
        drawing.height - PAD - _line_height(),
        anchor="middle",
        align="top",
    )
    drawing.text(
        phrases.format("chart_meetings_count"),
        PAD + ASCENT * FONT_SIZE,
        (top + bottom) / 2,
        anchor="middle",
        align="baseline",
        rotation=90.0,
    )
    drawing.line((left, top), (left, bottom), (right, bottom))
    entry_top = top - CAP_HEIGHT * FONT_SIZE / 2
    sample_left = right + 2 * SAMPLE_PAD
    for level, lines in legend.items():
        middle = entry_top + len(lines) * pitch / 2
        drawing.rectangle(
            sample_left,
            middle - SAMPLE[1] / 2,
            sample_left + SAMPLE[0],
            middle + SAMPLE[1] / 2,
            fills[level],
        )
        drawing.text_lines(lines, sample_left + SAMPLE[0] + SAMPLE_PAD, middle, anchor="start")
        entry_top += len(lines) * pitch + ENTRY_PAD
    return drawing
