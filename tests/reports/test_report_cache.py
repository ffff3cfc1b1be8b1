"""The cache key changes when, and only when, something the PDF depends on changes."""

from __future__ import annotations

import dataclasses
import shutil

import pytest
from compendium_fixture import compendium_dossier
from khartoum_translated import translated_khartoum_dossier

import reports.cache
from reports.cache import cache_key, compendium_cache_key, library_fingerprint


def test_the_same_inputs_give_the_same_key(make_dossier):
    edits = {"structures": "Rewritten."}

    assert cache_key(make_dossier(), edits, "en") == cache_key(make_dossier(), dict(edits), "en")


def test_the_order_of_answers_does_not_matter(make_dossier):
    dossier = make_dossier()
    shuffled = make_dossier(answers=dict(reversed(list(dossier.answers.items()))))

    assert cache_key(dossier) == cache_key(shuffled)


def test_a_blank_edit_is_no_edit(dossier):
    assert cache_key(dossier, {"structures": "  \n"}) == cache_key(dossier)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.answers.update(funding_stability="unstable"),
        lambda d: d.answers.update(founding_year="2014"),
        lambda d: d.labels["funding_stability"].update(stable="Steady"),
        lambda d: d.state_views.__setitem__(
            0, dataclasses.replace(d.state_views[0], benefits_attributable=False)
        ),
        lambda d: d.igo_views.pop(),
        lambda d: d.meetings.pop(),
        lambda d: d.sources.pop(),
        lambda d: setattr(d, "generated_on", d.generated_on.replace(day=2)),
        lambda d: setattr(d, "round", dataclasses.replace(d.round, states_answered=47)),
        lambda d: setattr(d, "answer_language", "fr"),
    ],
    ids=[
        "answer",
        "answer-type",
        "label",
        "state-view",
        "igo-view",
        "meeting",
        "source",
        "generated-on",
        "round",
        "answer-language",
    ],
)
def test_any_change_to_the_dossier_changes_the_key(make_dossier, change):
    dossier = make_dossier()
    before = cache_key(dossier)

    change(dossier)

    assert cache_key(dossier) != before


def test_an_edit_changes_the_key(dossier):
    assert cache_key(dossier, {"structures": "Rewritten."}) != cache_key(dossier)
    assert cache_key(dossier, {"structures": "Rewritten."}) != cache_key(
        dossier, {"structures": "Rewritten!"}
    )


def test_the_language_changes_the_key(dossier):
    assert cache_key(translated_khartoum_dossier("fr")) != cache_key(dossier)


def test_a_language_other_than_the_dossiers_is_refused(dossier):
    with pytest.raises(ValueError, match="build a dossier in 'fr'"):
        cache_key(dossier, None, "fr")


def test_a_changed_stylesheet_or_template_changes_the_key(dossier, tmp_path, monkeypatch):
    copy = tmp_path / "reports"
    shutil.copytree(
        reports.cache.PACKAGE_FOLDER, copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    monkeypatch.setattr(reports.cache, "PACKAGE_FOLDER", copy)
    before = cache_key(dossier)

    stylesheet = copy / "styles" / "summary.css"
    stylesheet.write_bytes(stylesheet.read_bytes().replace(b"9.5pt", b"9.6pt", 1))
    after_css = cache_key(dossier)
    template = copy / "templates" / "_summary.html"
    template.write_text(template.read_text() + "\n")

    assert len({before, after_css, cache_key(dossier)}) == 3


def test_a_file_outside_the_library_does_not_change_the_key(tmp_path):
    copy = tmp_path / "reports"
    shutil.copytree(
        reports.cache.PACKAGE_FOLDER, copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    before = library_fingerprint(copy)

    (copy / "notes.txt").write_text("not part of the PDF")

    assert library_fingerprint(copy) == before


def test_a_file_rewritten_to_the_same_size_changes_the_fingerprint_in_the_same_process(tmp_path):
    """The fingerprint is remembered between calls; an edit that keeps a file's size still
    shows (a server keeps running while a template is edited)."""
    copy = tmp_path / "reports"
    shutil.copytree(
        reports.cache.PACKAGE_FOLDER, copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    before = library_fingerprint(copy)
    assert library_fingerprint(copy) == before
    stylesheet = next(copy.rglob("*.css"))
    text = stylesheet.read_text(encoding="utf-8")
    stylesheet.write_text(text.replace("0", "1", 1), encoding="utf-8")
    assert len(stylesheet.read_text(encoding="utf-8")) == len(text)

    assert library_fingerprint(copy) != before


def test_a_renderer_version_changes_the_key(dossier, monkeypatch):
    before = cache_key(dossier)

    versions = reports.cache._versions()
    monkeypatch.setattr(reports.cache, "_versions", lambda: {**versions, "weasyprint": "0.0"})

    assert cache_key(dossier) != before


def test_compendium_key_follows_its_iscms_and_edits():
    compendium = compendium_dossier()
    before = compendium_cache_key(compendium)

    assert compendium_cache_key(compendium_dossier()) == before
    compendium.edits["rabat-process"]["partnerships"] = "Another text."
    assert compendium_cache_key(compendium) != before
    changed = compendium_dossier()
    changed.iscms[1].answers["has_strategy"] = "yes"
    assert compendium_cache_key(changed) != before
