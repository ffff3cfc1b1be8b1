"""The compendium for the global gathering: every ISCM's summary behind a common front matter.

A cover, a table of contents with page numbers, the participation overview (by respondent type
and region, a chart by region), comparisons across ISCMs (thematic areas, structures side by side, a
network of partnerships) and then each ISCM's summary. Built from a plain
:class:`reports.dossier.CompendiumDossier`; nothing here reads a database.
"""

from __future__ import annotations

import math
import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import networkx as nx
from babel import Locale
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Bbox

from reports import feeds
from reports.charts import FILLS, WIDE_INCHES, Chart, _chart_style, _figure, _svg
from reports.dossier import CompendiumDossier, IscmDossier
from reports.html import environment, iscm_full_name, summary_context
from reports.illustrative import compendium_has_illustrative
from reports.narrative import collation_key, draft_sections
from reports.phrases import NounPhrase, Phrases
from reports.summaries import thematic_areas

RESPONDENT_TYPES: tuple[str, ...] = ("state", "iscm", "igo")
#: ISCM columns per table of the thematic matrix, so that a table fits across a landscape page
#: with its columns headed by short names (:func:`matrix_label`)
MATRIX_COLUMNS = 13


@dataclass(frozen=True)
class ContentsEntry:
    """A line of the table of contents: the anchor it points at, its title and its level."""

    anchor: str
    title: str
    level: int


@dataclass(frozen=True)
class ThematicTable:
    """One slice of the ISCM x thematic area matrix: a few ISCMs as columns, areas as rows.

    ``rows`` hold the area's label then, for each ISCM, ``current``, ``original`` or ``""``;
    ``illustrative`` says, for each ISCM, whether its answers are illustrative (demo data).
    """

    iscms: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    illustrative: tuple[bool, ...] = ()


def iscm_label(dossier: IscmDossier) -> str:
    """The short name of an ISCM for a column, a row or a node of the comparisons, short enough
    for a narrow column: its acronym, else its short name in the registry ("Rabat Process"),
    else its name. :func:`abbreviations` gives the full names."""
    own = dossier.organisations.get(dossier.iscm.code)
    return dossier.iscm.acronym or (own.short_name if own else "") or dossier.iscm.name


def abbreviations(compendium: CompendiumDossier) -> list[tuple[str, str]]:
    """(short name, full name) of each ISCM the comparisons name by a shorter name than its
    own, in the order of :func:`by_label`: the legend under the thematic matrix."""
    return [
        (iscm_label(dossier), iscm_full_name(dossier))
        for dossier in by_label(compendium)
        if iscm_label(dossier) != iscm_full_name(dossier)
    ]


def by_label(compendium: CompendiumDossier) -> list[IscmDossier]:
    """The ISCMs in the order the comparisons list them: by their short names."""
    return sorted(compendium.iscms, key=lambda dossier: collation_key(iscm_label(dossier)))


def marked(label: str, illustrative: bool, phrases: Phrases) -> str:
    """``label`` followed by the illustrative-data marker when ``illustrative``."""
    return f"{label} {phrases.format('illustrative_marker')}" if illustrative else label


def illustrative_by_type(compendium: CompendiumDossier) -> dict[str, int]:
    """How many of the respondents of each type that answered gave illustrative answers."""
    counts: Counter[str] = Counter()
    for count in compendium.participation:
        counts[count.respondent_type] += count.illustrative
    return {kind: counts[kind] for kind in RESPONDENT_TYPES}


# Participation


def participation_by_type(compendium: CompendiumDossier) -> list[tuple[str, int, int | None]]:
    """(respondent type, answered, invited or None) for each type, in a fixed order."""
    answered: Counter[str] = Counter()
    invited: dict[str, int | None] = {}
    for count in compendium.participation:
        answered[count.respondent_type] += count.answered
        if count.invited is None:
            invited[count.respondent_type] = None
        elif invited.get(count.respondent_type, 0) is not None:
            invited[count.respondent_type] = (
                invited.get(count.respondent_type) or 0
            ) + count.invited
    return [(kind, answered[kind], invited.get(kind)) for kind in RESPONDENT_TYPES]


def regional_types(compendium: CompendiumDossier) -> tuple[str, ...]:
    """The types of respondent counted by region: those of which at least one has a region.

    In the registry only States have a region; an ISCM or an IGO would otherwise all be counted
    under "Region not given", as if it were a region and the largest one.
    """
    return tuple(
        kind
        for kind in RESPONDENT_TYPES
        if any(count.region for count in compendium.participation if count.respondent_type == kind)
    )


def participation_by_region(
    compendium: CompendiumDossier, unspecified: str
) -> list[tuple[str, dict[str, int]]]:
    """(region, answered by respondent type) for each region, alphabetically, counting only the
    types of :func:`regional_types`; a respondent of those without a region counts under
    ``unspecified``, last."""
    kinds = regional_types(compendium)
    regions: dict[str, Counter[str]] = {}
    for count in compendium.participation:
        if count.respondent_type in kinds:
            region = count.region or unspecified
            regions.setdefault(region, Counter())[count.respondent_type] += count.answered
    return [
        (region, {kind: regions[region][kind] for kind in kinds})
        for region in sorted(regions, key=lambda name: (name == unspecified, collation_key(name)))
    ]


def not_by_region_line(compendium: CompendiumDossier) -> str | None:
    """The note under the chart by region naming the respondents it leaves out, having no
    region ("Not shown by region: 22 ISCMs and 3 inter-governmental organizations ..."); None
    when it leaves none out."""
    phrases = Phrases(compendium.language)
    kinds = regional_types(compendium)
    counted = {"state": "count_states", "iscm": "count_iscms", "igo": "count_igos"}
    left_out = [
        phrases.counted(counted[kind], answered)
        for kind, answered, _ in participation_by_type(compendium)
        if kind not in kinds and answered
    ]
    if not kinds or not left_out:
        return None
    return phrases.format("participation_by_region_left_out", respondents=phrases.join(left_out))


def participation_region_chart(compendium: CompendiumDossier) -> Chart | None:
    """Bars of the respondents of each region, stacked by type when more than one type has a
    region (the types without one are left out, see :func:`not_by_region_line`)."""
    phrases = Phrases(compendium.language)
    unspecified = phrases.format("region_unspecified")
    regions = participation_by_region(compendium, unspecified)
    if not regions:
        return None
    kinds = regional_types(compendium)
    states_only = kinds == ("state",)
    names = [region for region, _ in regions]
    with _chart_style(compendium.language):
        figure = _figure(WIDE_INCHES, 0.9 + 0.32 * len(regions))
        axes = figure.add_subplot()
        left = [0] * len(regions)
        for index, kind in enumerate(kinds):
            fill, hatch = FILLS[2] if len(kinds) == 1 else FILLS[index]
            values = [counts[kind] for _, counts in regions]
            bars = axes.barh(
                range(len(regions)),
                values,
                left=left,
                height=0.6,
                color=fill,
                hatch=hatch,
                edgecolor="black",
                linewidth=0.8,
                label=phrases.table("respondent_types")[kind],
            )
            left = [a + b for a, b in zip(left, values, strict=True)]
        # the count at the end of each bar: the whole bar's, types together
        axes.bar_label(bars, labels=[str(total) for total in left], padding=3)
        axes.set_yticks(range(len(regions)), names)
        axes.invert_yaxis()
        axes.set_xlim(0, max(left) * 1.1 + 0.5)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_xlabel(phrases.format("participation_answered"))
        axes.spines[["top", "right"]].set_visible(False)
        if len(kinds) > 1:
            axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
        svg = _svg(figure)
    illustrative: Counter[str] = Counter()
    for count in compendium.participation:
        if count.respondent_type in kinds:
            illustrative[count.region or unspecified] += count.illustrative
    shown = any(illustrative.values())
    return Chart(
        key="participation_by_region",
        title=phrases.format(
            "participation_states_by_region_title"
            if states_only
            else "participation_by_region_title"
        ),
        alt=phrases.format(
            "participation_states_by_region_alt" if states_only else "participation_by_region_alt"
        ),
        svg=svg,
        columns=(
            phrases.format("participation_region"),
            *(phrases.table("respondent_types")[kind] for kind in kinds),
            *([phrases.format("participation_total")] if len(kinds) > 1 else []),
            *([phrases.format("illustrative_column")] if shown else []),
        ),
        rows=tuple(
            (
                region,
                *(str(counts[kind]) for kind in kinds),
                *([str(sum(counts.values()))] if len(kinds) > 1 else []),
                *([str(illustrative[region])] if shown else []),
            )
            for region, counts in regions
        ),
        illustrative=shown,
    )


# Comparisons


def thematic_tables(compendium: CompendiumDossier) -> list[ThematicTable]:
    """The ISCM x thematic area matrix, cut into tables of a few ISCMs each.

    Areas covered by most ISCMs come first; an area no ISCM covers is left out.
    """
    coverage: dict[str, dict[str, str]] = {}
    labels: dict[str, str] = {}
    columns = by_label(compendium)
    names = [iscm_label(dossier) for dossier in columns]
    for name, dossier in zip(names, columns, strict=True):
        frame = thematic_areas(dossier)
        for code, label, current in zip(
            frame["code"], frame["label"], frame["current"], strict=True
        ):
            labels.setdefault(code, label)
            coverage.setdefault(code, {})[name] = "current" if current else "original"
    if not coverage:
        return []
    order = sorted(
        coverage,
        key=lambda code: (
            -sum(1 for value in coverage[code].values() if value == "current"),
            -len(coverage[code]),
            collation_key(labels[code]),
        ),
    )
    illustrative = [dossier.answers_illustrative for dossier in columns]
    tables = []
    for start in range(0, len(names), MATRIX_COLUMNS):
        chunk = names[start : start + MATRIX_COLUMNS]
        rows = tuple(
            (labels[code], *(coverage[code].get(name, "") for name in chunk)) for code in order
        )
        flags = tuple(illustrative[start : start + MATRIX_COLUMNS])
        tables.append(ThematicTable(iscms=tuple(chunk), rows=rows, illustrative=flags))
    return tables


def structure_rows(compendium: CompendiumDossier) -> list[tuple[str, ...]]:
    """One row per ISCM: kind, founding year, structures, secretariat, strategy, plan, funding."""
    phrases = Phrases(compendium.language)
    rows = []
    for dossier in by_label(compendium):
        kind = phrases.table("iscm_kinds").get(dossier.iscm.kind, dossier.iscm.kind)
        if not dossier.has_own_answers:
            rows.append(
                (
                    iscm_label(dossier),
                    kind,
                    *([phrases.format("comparison_not_answered")] + [""] * 5),
                )
            )
            continue
        founded = str(
            dossier.slot("programming.founding_year")
            or str(dossier.slot("programming.founding_date") or "")[:4]
        )

        def labels(slot: str, dossier: IscmDossier = dossier) -> str:
            value = dossier.slot(slot) or []
            key = feeds.key(slot)
            codes = [value] if isinstance(value, str) else list(value)
            return phrases.format("list_separator").join(
                dossier.organisations[code].short_name
                if code in dossier.organisations and code not in dossier.labels.get(key, {})
                else dossier.label(key, code)
                for code in codes
                if code
            )

        def yes_no(slot: str, dossier: IscmDossier = dossier) -> str:
            value = dossier.slot(slot)
            return phrases.table("yes_no").get(value, "") if isinstance(value, str) else ""

        stability = dossier.slot("structures.funding_stability")
        rows.append(
            (
                marked(iscm_label(dossier), dossier.answers_illustrative, phrases),
                kind,
                founded,
                labels("structures.structure_elements"),
                labels("structures.secretariat_managed_by"),
                yes_no("programming.has_strategy"),
                yes_no("programming.has_work_plan"),
                phrases.table("funding_views").get(stability, "")
                if isinstance(stability, str)
                else "",
            )
        )
    return rows


def partnership_graph(compendium: CompendiumDossier) -> nx.Graph:
    """ISCMs and IGOs as nodes (``kind`` ``iscm`` or ``igo``, ``label``), an edge per partner
    an ISCM named in its answers.

    An ISCM node is ``illustrative`` when its answers are; an edge is ``illustrative`` when only
    illustrative answers name it.
    """
    graph = nx.Graph()
    for dossier in compendium.iscms:
        own = dossier.organisations.get(dossier.iscm.code)
        short = dossier.iscm.acronym or (own.short_name if own else "") or iscm_label(dossier)
        graph.add_node(
            dossier.iscm.code,
            kind="iscm",
            label=iscm_label(dossier),
            short=short,
            illustrative=dossier.answers_illustrative,
        )
    for dossier in compendium.iscms:
        for slot, kind in (
            ("partnerships.partner_iscms", "iscm"),
            ("partnerships.partner_igos", "igo"),
        ):
            value = dossier.slot(slot)
            for code in value if isinstance(value, list) else []:
                if code == dossier.iscm.code:
                    continue
                if code == "other":
                    # a partner the list did not have, named in the answer's own words
                    name = other_partner_name(dossier.answers.get(f"{feeds.key(slot)}_other"))
                    if not name:
                        continue
                    code = f"other:{name.casefold()}"
                    if code not in graph:
                        graph.add_node(code, kind=kind, label=name, short=name)
                if code not in graph:
                    organisation = dossier.organisations.get(code)
                    name = organisation.short_name if organisation else code
                    graph.add_node(code, kind=kind, label=name, short=name)
                named_only_illustratively = (
                    graph.edges[dossier.iscm.code, code]["illustrative"]
                    if graph.has_edge(dossier.iscm.code, code)
                    else True
                )
                graph.add_edge(
                    dossier.iscm.code,
                    code,
                    illustrative=named_only_illustratively and dossier.answers_illustrative,
                )
    return graph


def other_partner_name(text: object) -> str:
    """The name of a partner an ISCM gave as "other" ("the AU-Horn of Africa Initiative"), as a
    node's label: its whitespace collapsed, an English article before it left out."""
    if not isinstance(text, str):
        return ""
    name = " ".join(text.split()).strip(" .;")
    return name[4:] if name[:4].casefold() == "the " and len(name) > 4 else name


def partners_rows(compendium: CompendiumDossier) -> list[tuple[str, str, str]]:
    """For each ISCM: the partner ISCMs and IGOs it named, as text (the network's data)."""
    graph = partnership_graph(compendium)
    phrases = Phrases(compendium.language)
    rows = []
    for dossier in by_label(compendium):
        neighbours = sorted(graph.neighbors(dossier.iscm.code), key=collation_key)
        iscms = [graph.nodes[n]["label"] for n in neighbours if graph.nodes[n]["kind"] == "iscm"]
        igos = [graph.nodes[n]["label"] for n in neighbours if graph.nodes[n]["kind"] == "igo"]
        label = marked(iscm_label(dossier), dossier.answers_illustrative, phrases)
        separator = phrases.format("list_separator")
        rows.append((label, separator.join(iscms), separator.join(igos)))
    return rows


#: the partnership network has a landscape page to itself: its size there, in inches
NETWORK_INCHES = (10.0, 4.9)
#: where a node's name may go, tried in this order: (dx, dy) in points from the node, alignment
LABEL_PLACES: tuple[tuple[float, float, str, str], ...] = (
    (0, 6, "center", "bottom"),
    (0, -6, "center", "top"),
    (6, 0, "left", "center"),
    (-6, 0, "right", "center"),
    (5, 5, "left", "bottom"),
    (-5, 5, "right", "bottom"),
    (5, -5, "left", "top"),
    (-5, -5, "right", "top"),
    (0, 14, "center", "bottom"),
    (0, -14, "center", "top"),
)


def partnership_chart(compendium: CompendiumDossier) -> Chart | None:
    """The partnership network: ISCMs as squares, IGOs as circles, a line per named partner,
    large enough for a page of its own, each name placed where it overlaps no other."""
    graph = partnership_graph(compendium)
    if graph.number_of_edges() == 0:
        return None
    phrases = Phrases(compendium.language)
    # An ISCM that named no partner says nothing in a picture of links (the table lists it)
    graph = graph.subgraph([node for node in graph if graph.degree(node) > 0]).copy()
    with _chart_style(compendium.language):
        svg = _svg(network_figure(graph, phrases))
    illustrative = any(flag for _, _, flag in graph.edges(data="illustrative"))
    return Chart(
        illustrative=illustrative,
        key="partnerships",
        title=phrases.format("comparison_partners"),
        alt=phrases.format("comparison_partners_alt"),
        svg=svg,
        columns=(
            phrases.format("comparison_iscm"),
            phrases.format("comparison_partner_iscms"),
            phrases.format("comparison_partner_igos"),
        ),
        rows=tuple(partners_rows(compendium)),
        # a name per node and per link: too many to read out; the table that follows has them
        data_in_alt=False,
    )


def network_figure(graph: nx.Graph, phrases: Phrases) -> Figure:
    """The partnership network of :func:`partnership_graph` (nodes with a link only) drawn, each
    node's name where it overlaps no other (to be drawn in :func:`reports.charts._chart_style`)."""
    positions = _network_positions(graph)
    figure = _figure(*NETWORK_INCHES)
    axes = figure.add_subplot()
    # A link only illustrative answers name is dashed: it is not known to exist
    for first, second, illustrative in graph.edges(data="illustrative"):
        (x1, y1), (x2, y2) = positions[first], positions[second]
        style = "--" if illustrative else "-"
        axes.add_line(
            Line2D([x1, x2], [y1, y2], color="#9a9a9a", linewidth=0.6, linestyle=style, zorder=1)
        )
    for kind, marker, fill, size in (("iscm", "s", "#303030", 60), ("igo", "o", "white", 50)):
        nodes = [n for n, data in graph.nodes(data=True) if data["kind"] == kind]
        if not nodes:
            continue
        axes.scatter(
            [positions[n][0] for n in nodes],
            [positions[n][1] for n in nodes],
            s=size,
            marker=marker,
            c=fill,
            edgecolors="black",
            linewidths=0.8,
            zorder=2,
            label=phrases.table("respondent_types")[kind],
        )
    axes.set_axis_off()
    axes.set_aspect("auto")
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    axes.set_xlim(min(xs) - 0.08, max(xs) + 0.08)
    axes.set_ylim(min(ys) - 0.1, max(ys) + 0.1)
    illustrative = any(flag for _, _, flag in graph.edges(data="illustrative"))
    if illustrative:
        axes.add_line(
            Line2D(
                [],
                [],
                color="#9a9a9a",
                linewidth=0.6,
                linestyle="--",
                label=f"{phrases.format('illustrative_marker')} "
                + phrases.format("illustrative_legend"),
            )
        )
    axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(0.0, -0.01), fontsize=7, ncols=3)
    _place_labels(figure, axes, graph, positions, phrases)
    return figure


def _network_positions(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Where each node goes, spread over a landscape rectangle: the Kamada-Kawai layout (the
    same answers give the same picture), each connected part side by side, stretched wide."""
    positions: dict[str, tuple[float, float]] = {}
    parts = sorted(nx.connected_components(graph), key=lambda part: (-len(part), sorted(part)))
    widths = [math.sqrt(len(part)) for part in parts]
    total = sum(widths)
    left = 0.0
    for part, width in zip(parts, widths, strict=True):
        share = width / total
        sub = graph.subgraph(part)
        layout = nx.kamada_kawai_layout(sub) if len(part) > 2 else nx.circular_layout(sub)
        xs = [x for x, _ in layout.values()]
        ys = [y for _, y in layout.values()]
        span_x = (max(xs) - min(xs)) or 1.0
        span_y = (max(ys) - min(ys)) or 1.0
        height = min(1.0, 0.4 + len(part) / 20)
        for node, (x, y) in layout.items():
            positions[node] = (
                left + share * (0.1 + 0.8 * (x - min(xs)) / span_x),
                0.5 + height * ((y - min(ys)) / span_y - 0.5),
            )
        left += share
    return positions


def _place_labels(
    figure: Figure,
    axes: Axes,
    graph: nx.Graph,
    positions: dict[str, tuple[float, float]],
    phrases: Phrases,
) -> None:
    """Write each node's short name beside it, at the first of :data:`LABEL_PLACES` where it
    overlaps no name already written and no node (else where it overlaps least); nodes with
    the most links first, as their surroundings are the most crowded."""
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw_without_rendering()
    to_display = axes.transData.transform
    points = 72.0 / figure.dpi
    nodes = [to_display(positions[node]) for node in graph]
    taken: list[Bbox] = [
        Bbox.from_bounds(x - 4 / points, y - 4 / points, 8 / points, 8 / points) for x, y in nodes
    ]
    order = sorted(graph.nodes(data=True), key=lambda item: (-graph.degree(item[0]), item[0]))
    for node, data in order:
        name = marked(data.get("short") or data["label"], data.get("illustrative"), phrases)
        best = None
        for dx, dy, ha, va in LABEL_PLACES:
            text = axes.annotate(
                textwrap.fill(name, 22),
                positions[node],
                xytext=(dx, dy),
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=6.5,
                fontweight="bold" if data["kind"] == "iscm" else "normal",
                zorder=3,
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
            )
            # placed against the axes as they are: the layout must not move them afterwards
            text.set_in_layout(False)
            box = text.get_window_extent(renderer)
            overlap = sum(_overlap(box, other) for other in taken if other is not None)
            if best is None or overlap < best[0]:
                if best is not None:
                    best[1].remove()
                best = (overlap, text, box)
            else:
                text.remove()
            if overlap == 0:
                break
        if best is not None:
            taken.append(best[2])


def _overlap(first: Bbox, second: Bbox) -> float:
    width = min(first.x1, second.x1) - max(first.x0, second.x0)
    height = min(first.y1, second.y1) - max(first.y0, second.y0)
    return width * height if width > 0 and height > 0 else 0.0


# The document


def summaries_in_order(compendium: CompendiumDossier) -> list[IscmDossier]:
    """The ISCM dossiers in the order their summaries are printed: by the name each summary is
    headed with, in the compendium's language ("Dialogue ..." before "Processus ...")."""
    return sorted(compendium.iscms, key=lambda dossier: collation_key(iscm_full_name(dossier)))


def sections_with_information(dossier: IscmDossier) -> set[str]:
    """The keys of the sections of ``dossier``'s summary that say something a respondent
    answered, rather than only that nothing was given (a count of the round's respondents, as
    in "No Member State surveyed referred to ...", is no such thing)."""
    return {
        section.key
        for section in draft_sections(dossier)
        if any(
            source.answered and source.respondent_type != "round"
            for paragraph in section.sentences
            for said in paragraph
            for source in said.sources
        )
    }


def says_only_not_answered(dossier: IscmDossier, edits: dict[str, str] | None = None) -> bool:
    """Whether the ISCM did not answer and nobody said anything of it, so that its summary would
    say only that in each section: the compendium gives it one line instead."""
    return not (
        dossier.has_own_answers
        or dossier.state_views
        or dossier.igo_views
        or dossier.meetings
        or sections_with_information(dossier)
        or any(text and text.strip() for text in (edits or {}).values())
    )


def did_not_answer_line(dossier: IscmDossier) -> str:
    """The one line of the compendium on an ISCM that did not answer."""
    phrases = Phrases(dossier.language)
    name = phrases.name(dossier.iscm.code, dossier.iscm.in_sentence or dossier.iscm.name)
    return phrases.format("iscm_did_not_answer", iscm=name, Iscm=name.capitalised())


def iscms_answered_line(compendium: CompendiumDossier) -> str:
    """How many ISCMs answered, and of how many invited when that is known (the cover's line)."""
    phrases = Phrases(compendium.language)
    _, answered, invited = next(
        row for row in participation_by_type(compendium) if row[0] == "iscm"
    )
    if not compendium.participation:
        answered = compendium.round.iscms_answered
    # The verb agrees with the number that answered, by the language's plural rules
    number = (
        "singular" if Locale.parse(compendium.language).plural_form(answered) == "one" else "plural"
    )
    if invited:
        return phrases.format(
            "compendium_iscms_answered_of_invited",
            answered=NounPhrase(str(answered), number=number),
            invited=str(invited),
        )
    return phrases.format(
        "compendium_iscms_answered",
        iscms=NounPhrase(phrases.counted("count_iscms", answered), number=number),
    )


def contents(compendium: CompendiumDossier) -> list[ContentsEntry]:
    """The table of contents: the front parts, then one entry per ISCM summary, in the order
    they are printed."""
    phrases = Phrases(compendium.language)
    entries = [
        ContentsEntry("participation", phrases.format("participation"), 1),
        ContentsEntry("comparisons", phrases.format("comparisons"), 1),
        ContentsEntry("comparison-thematic", phrases.format("comparison_thematic"), 2),
        ContentsEntry("comparison-structures", phrases.format("comparison_structures"), 2),
        ContentsEntry("comparison-partners", phrases.format("comparison_partners"), 2),
        ContentsEntry("summaries", phrases.format("summaries"), 1),
    ]
    entries.extend(
        ContentsEntry(f"iscm-{dossier.iscm.code}", iscm_full_name(dossier), 2)
        for dossier in summaries_in_order(compendium)
    )
    return entries


def _check_languages(compendium: CompendiumDossier) -> None:
    mixed = sorted({d.language for d in compendium.iscms} - {compendium.language})
    if mixed:
        raise ValueError(
            f"every ISCM dossier must be in the compendium's language "
            f"({compendium.language}), not {', '.join(mixed)}"
        )


def render_compendium_html(compendium: CompendiumDossier) -> str:
    """The compendium as one HTML document (see :func:`render_compendium_pdf`).

    :raises ValueError: for an ISCM dossier in another language than the compendium's, or an
        edit of an unknown section.
    """
    _check_languages(compendium)
    phrases = Phrases(compendium.language)
    by_type = participation_by_type(compendium)
    answered = {kind: count for kind, count, _ in by_type}
    summaries = []
    for dossier in summaries_in_order(compendium):
        edits = compendium.edits.get(dossier.iscm.code)
        context = summary_context(dossier, edits)
        not_answered = None if dossier.has_own_answers else did_not_answer_line(dossier)
        if not_answered:
            # Said once under the ISCM's name; of its sections only those with what States
            # and IGOs said of it, or an analyst's text, follow
            informative = sections_with_information(dossier)
            context["sections"] = [
                replace(
                    section,
                    paragraphs=[p for p in section.paragraphs if p.striptags() != not_answered],
                )
                for section in context["sections"]
                if section.edited or section.key in informative
            ]
        context.update(
            standalone=False,
            id_prefix=f"{dossier.iscm.code}-",
            anchor=f"iscm-{dossier.iscm.code}",
            not_answered=not_answered,
            only_not_answered=bool(not_answered) and says_only_not_answered(dossier, edits),
        )
        summaries.append(context)
    illustrative = illustrative_by_type(compendium)
    template = environment.get_template("compendium.html")
    return template.render(
        t=phrases,
        lang=compendium.language,
        dir=phrases.direction,
        compendium=compendium,
        contents=contents(compendium),
        introduction=_introduction(compendium, phrases, answered),
        by_type=[
            (
                phrases.table("respondent_types")[kind],
                count,
                invited,
                f"{round(100 * count / invited)} %" if invited else "",
                illustrative[kind],
            )
            for kind, count, invited in by_type
        ],
        any_invited=any(invited for _, _, invited in by_type),
        participation_illustrative=any(illustrative.values()),
        iscms_illustrative=any(dossier.answers_illustrative for dossier in compendium.iscms),
        illustrative_note=_illustrative_note(compendium, phrases),
        illustrative_left_out=bool(compendium.round.illustrative_left_out),
        region_chart=participation_region_chart(compendium),
        not_by_region=not_by_region_line(compendium),
        thematic_tables=thematic_tables(compendium),
        abbreviations=abbreviations(compendium),
        structure_rows=structure_rows(compendium),
        partners_chart=partnership_chart(compendium),
        summaries=summaries,
        iscms_answered=iscms_answered_line(compendium),
    )


def _illustrative_note(compendium: CompendiumDossier, phrases: Phrases) -> str | None:
    """The cover's word on illustrative data: how many of the responses are illustrative, or
    how many were left out; None when there were none."""
    left_out = compendium.round.illustrative_left_out
    if left_out:
        return phrases.counted("illustrative_left_out_note", left_out)
    if not compendium_has_illustrative(compendium):
        return None
    total = sum(count.answered for count in compendium.participation)
    illustrative = sum(count.illustrative for count in compendium.participation)
    if not illustrative:
        # no participation counts: count the responses the summaries cite
        sources = {s.organisation.code: s.illustrative for d in compendium.iscms for s in d.sources}
        total, illustrative = len(sources), sum(sources.values())
    return phrases.format(
        "illustrative_compendium_note", n=illustrative, count=str(illustrative), total=str(total)
    )


def _introduction(
    compendium: CompendiumDossier, phrases: Phrases, answered: dict[str, int]
) -> Sequence[str]:
    survey_round = compendium.round
    first = phrases.format("intro", year=survey_round.year)
    counts = phrases.format(
        "participation_intro",
        states=phrases.counted("count_states", answered["state"] or survey_round.states_answered),
        iscms=phrases.counted("count_iscms", answered["iscm"] or survey_round.iscms_answered),
        igos=phrases.counted("count_igos", answered["igo"] or survey_round.igos_answered),
        round=survey_round.name,
    )
    return [first, counts]
