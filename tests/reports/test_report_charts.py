"""Charts are vector, greyscale-readable, carry their numbers, and are skipped without data."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from reports.charts import build_charts

ROOT = Path(__file__).resolve().parents[2]


def test_khartoum_dossier_has_all_three_charts_as_svg(dossier):
    charts = build_charts(dossier)

    assert list(charts) == ["thematic_areas", "membership_value", "meetings"]
    # a yes/no grid would repeat its table: the thematic areas are a table only
    assert charts["thematic_areas"].svg == ""
    for chart in (charts["membership_value"], charts["meetings"]):
        assert "<svg" in chart.svg
        assert chart.data_uri.startswith("data:image/svg+xml;base64,")


def test_thematic_chart_table_marks_original_and_current_areas(dossier):
    chart = build_charts(dossier)["thematic_areas"]

    assert chart.columns == ("Thematic area", "Originating mandate", "Addressed today")
    assert chart.rows[0] == ("Trafficking in persons", "Yes", "Yes")
    assert ("International protection and asylum", "No", "Yes") in chart.rows


def test_membership_value_chart_counts_the_states_citing_each_value(dossier):
    chart = build_charts(dossier)["membership_value"]

    assert chart.rows == (
        ("Capacity-building", "2"),
        ("Access to projects and funding", "1"),
        ("Developing partnerships", "1"),
        ("Exchange of good practices", "1"),
    )


def test_meetings_chart_counts_meetings_per_year_by_level(dossier):
    chart = build_charts(dossier)["meetings"]

    assert chart.columns == (
        "Year",
        "Ministerial conference",
        "Senior officials' meeting",
        "Steering committee meeting",
        "Thematic meeting",
        "Total",
    )
    assert chart.rows[0] == ("2014", "1", "0", "0", "0", "1")
    assert chart.rows[-1] == ("2018", "0", "1", "1", "2", "4")
    # only the years with a reported meeting: 2015-2017 are not zeros, they are not known
    assert [row[0] for row in chart.rows] == ["2014", "2018"]


def test_charts_without_data_are_skipped(make_dossier):
    dossier = make_dossier(answers={}, state_views=[], meetings=[])

    assert build_charts(dossier) == {}


def test_charts_use_only_shades_of_grey(dossier):
    for chart in build_charts(dossier).values():
        if not chart.svg:
            continue  # a table only
        colours = set(re.findall(r"#([0-9a-fA-F]{6})\b", chart.svg))
        assert colours
        assert all(c[0:2] == c[2:4] == c[4:6] for c in colours), (chart.key, colours)


def test_the_same_dossier_gives_the_same_svg(make_dossier):
    assert (
        build_charts(make_dossier())["meetings"].svg == build_charts(make_dossier())["meetings"].svg
    )


def test_reports_stays_pure_and_never_loads_pyplot_or_the_web_app():
    script = textwrap.dedent(
        f"""
        import sys
        sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / "tests" / "reports")!r}]
        from khartoum import khartoum_dossier
        from reports import render_iscm_html
        render_iscm_html(khartoum_dossier())
        loaded = [m for m in ("matplotlib.pyplot", "flask", "surveyapp") if m in sys.modules]
        assert not loaded, loaded
        """
    )

    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=ROOT
    )

    assert result.returncode == 0, result.stderr


def test_membership_value_chart_needs_at_least_three_values(make_dossier):
    dossier = make_dossier()
    first = dossier.state_views[0]
    dossier.state_views = [
        dataclasses.replace(
            first, value_areas=first.value_areas[:1], value_area_codes=first.value_area_codes[:1]
        )
    ]

    assert "membership_value" not in build_charts(dossier)
