"""What a process keeps of what it built: bounded, least recently used dropped first."""

from __future__ import annotations

import pytest

from surveyapp.questionnaire.kept import Kept


def test_the_least_recently_used_is_dropped_and_a_failed_build_is_not_kept():
    kept: Kept[str] = Kept(2)
    built = []

    def build(key):
        def make():
            built.append(key)
            return key.upper()

        return make

    assert [kept.get(key, build(key)) for key in ("a", "b", "a", "c", "a", "b")] == [
        "A",
        "B",
        "A",
        "C",
        "A",
        "B",
    ]
    # "b" was the least recently used when "c" came, so it was built again; "a" never was
    assert built == ["a", "b", "c", "b"]

    def fail():
        raise ValueError("broken file")

    with pytest.raises(ValueError, match="broken file"):
        kept.get("d", fail)
    assert kept.get("d", build("d")) == "D"
