"""Tables (pandas) summarising a dossier's answers, for charts and their data tables."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from reports.dossier import IscmDossier

#: the order of meeting levels in the questionnaire, most senior first
MEETING_LEVELS: tuple[str, ...] = (
    "ministerial",
    "senior_officials",
    "steering_committee",
    "thematic",
    "technical",
    "other",
)


def _codes(dossier: IscmDossier, slot: str) -> list[str]:
    value = dossier.slot(slot)
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [str(code) for code in value if code not in (None, "")]
    return []


def thematic_areas(dossier: IscmDossier) -> pd.DataFrame:
    """The ISCM's thematic areas: one row per area, ``original`` and ``current`` as booleans.

    Current areas come first in the order answered, then areas only of the original mandate.
    """
    original = _codes(dossier, "programming.original_thematic_areas")
    current = _codes(dossier, "programming.current_thematic_areas")
    codes = current + [code for code in original if code not in current]
    return pd.DataFrame(
        {
            "code": codes,
            "label": [
                dossier.slot_label(
                    "programming.current_thematic_areas"
                    if code in current
                    else "programming.original_thematic_areas",
                    code,
                )
                for code in codes
            ],
            "original": [code in original for code in codes],
            "current": [code in current for code in codes],
        },
        columns=["code", "label", "original", "current"],
    )


def membership_value_counts(dossier: IscmDossier) -> pd.DataFrame:
    """How many of the States that answered cited each value of membership, most cited first."""
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for view in dossier.state_views:
        codes = view.value_area_codes or view.value_areas
        for code, label in zip(codes, view.value_areas or codes, strict=False):
            counts[code] += 1
            labels.setdefault(code, label)
    frame = pd.DataFrame(
        {
            "code": list(counts),
            "label": [labels[code] for code in counts],
            "states": [counts[code] for code in counts],
        },
        columns=["code", "label", "states"],
    )
    return frame.sort_values(["states", "label"], ascending=[False, True], kind="stable")


def meetings_per_year(dossier: IscmDossier, unspecified: str) -> pd.DataFrame:
    """Meetings per year (rows: the years with a reported meeting) by level (columns).

    A year between two reported years is left out, not counted as zero: the ISCM lists the
    meetings it chose to report, so a year without one says nothing about that year.

    :param unspecified: the column label for meetings whose level was not given.
    """
    if not dossier.meetings:
        return pd.DataFrame()
    records = []
    level_labels: dict[str, str] = {}
    for meeting in dossier.meetings:
        code = meeting.level_code or (meeting.level and f"label:{meeting.level}") or ""
        level_labels.setdefault(code, meeting.level or unspecified)
        records.append({"year": meeting.date.year, "level": code})
    frame = pd.DataFrame.from_records(records)
    table = pd.crosstab(frame["year"], frame["level"]).sort_index()

    def seniority(code: str) -> tuple[int, str]:
        rank = MEETING_LEVELS.index(code) if code in MEETING_LEVELS else len(MEETING_LEVELS)
        return (rank if code else len(MEETING_LEVELS) + 1, level_labels[code])

    ordered = sorted(table.columns, key=seniority)
    table = table[ordered]
    table.columns = [level_labels[code] for code in ordered]
    table.index.name = "year"
    return table
