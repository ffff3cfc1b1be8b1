"""Charts of a dossier as SVG, each with its numbers as a table for screen readers.

Figures are built with ``matplotlib.figure.Figure`` (never pyplot, which keeps global state
that a web process must not share). They read in greyscale: fills differ by shade and hatch,
never by colour alone.
"""

from __future__ import annotations

import base64
import io
import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from reports.dossier import IscmDossier
from reports.phrases import Phrases
from reports.summaries import meetings_per_year, membership_value_counts, thematic_areas
from reports.text import printable

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


@contextmanager
def _chart_style(language: str) -> Iterator[None]:
    families = ["DejaVu Sans", "Noto Sans", "Noto Naskh Arabic"]
    if Phrases(language).direction == "rtl":
        families.insert(0, families.pop())
    style = {
        "font.family": families,
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
    return Figure(figsize=(width, height), layout="constrained")


def _wrap(label: str, width: int = LABEL_WIDTH) -> str:
    # A label may be an answer's own text (an "other" area): no font draws a control character.
    label = printable(label)
    return "\n".join(textwrap.wrap(label, width)) or label


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
    with _chart_style(dossier.language):
        figure = membership_value_figure(
            list(frame["label"]), [int(n) for n in frame["states"]], phrases
        )
        svg = _svg(figure)

    return Chart(
        key="membership_value",
        title=phrases.format("chart_value_title"),
        alt=phrases.format("chart_value_alt"),
        svg=svg,
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


def membership_value_figure(labels: list[str], counts: list[int], phrases: Phrases) -> Figure:
    """Horizontal bars of ``counts``, one per label, each with its count at its end (to be drawn
    in :func:`_chart_style`)."""
    fill, hatch = FILLS[2]
    wrapped = [_wrap(label) for label in labels]
    # Each bar gets the height its label needs: a label of four lines beside a bar of one
    # overlapped the next label
    rows = [
        max(ROW_INCHES, (label.count("\n") + 1) * LINE_INCHES + 0.1) / ROW_INCHES
        for label in wrapped
    ]
    positions = [sum(rows[:index]) + rows[index] / 2 for index in range(len(rows))]
    figure = _figure(NARROW_INCHES, 0.7 + ROW_INCHES * sum(rows))
    axes = figure.add_subplot()
    bars = axes.barh(
        positions, counts, height=0.6, color=fill, hatch=hatch, edgecolor="black", linewidth=0.8
    )
    # the count at the end of each bar, as the table beside it gives it
    axes.bar_label(bars, padding=3)
    axes.set_yticks(positions, wrapped)
    axes.set_ylim(sum(rows), 0)
    axes.set_xlim(0, max(counts) * 1.15 + 0.6)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(phrases.format("chart_value_count"))
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def meetings_chart(dossier: IscmDossier) -> Chart | None:
    """The ISCM's meetings per year, stacked by level."""
    phrases = Phrases(dossier.language)
    table = meetings_per_year(dossier, phrases.format("chart_meetings_unspecified"))
    if table.empty:
        return None
    iscm = phrases.name(dossier.iscm.code, dossier.iscm.in_sentence or dossier.iscm.name)
    years = [int(year) for year in table.index]

    with _chart_style(dossier.language):
        figure = _figure(WIDE_INCHES, 2.6)
        axes = figure.add_subplot()
        bottom = [0] * len(years)
        # one place per reported year, side by side: a gap between years is not a zero
        positions = list(range(len(years)))
        for index, level in enumerate(table.columns):
            fill, hatch = FILLS[index % len(FILLS)]
            values = [int(value) for value in table[level]]
            axes.bar(
                positions,
                values,
                bottom=bottom,
                width=0.6,
                color=fill,
                hatch=hatch,
                edgecolor="black",
                linewidth=0.8,
                label=printable(str(level)),
            )
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        axes.set_xticks(positions, [str(year) for year in years])
        if len(years) > 10:
            axes.tick_params(axis="x", labelrotation=45)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_xlabel(phrases.format("chart_meetings_year"))
        axes.set_ylabel(phrases.format("chart_meetings_count"))
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
        svg = _svg(figure)

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
        svg=svg,
        illustrative=dossier.answers_illustrative,
        columns=(
            phrases.format("chart_meetings_year"),
            *(str(level) for level in table.columns),
            phrases.format("chart_meetings_total"),
        ),
        rows=rows,
    )
