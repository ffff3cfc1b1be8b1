"""The summary check (``reports.check``): repeats, English left in another language, and
layout faults read from WeasyPrint's boxes, each on its page."""

from __future__ import annotations

import dataclasses
import re

import pytest
from khartoum import khartoum_dossier
from rendered import khartoum_findings

import reports.check
import reports.html
from reports.check import (
    CHECKS,
    Finding,
    check_layout,
    read_layout,
    reads_as_english,
    sentences,
)
from reports.html import render_iscm_html
from reports.narrative import draft_sections
from reports.pdf import layout_document

#: a French page with one of each fault planted: a repeated sentence, an English sentence, an
#: English quotation, a table wider than the page, a heading that ends page 1 and a page that
#: holds one short paragraph
PLANTED = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Essai</title>
<style>@page { size: A4; margin: 20mm } body { font-size: 10pt }</style></head>
<body>
<h2>1. Programmation</h2>
<p>Le Processus de Khartoum a été lancé à Rome en 2014 par ses États membres. Ses priorités
comprennent la traite des personnes et le trafic illicite de migrants.</p>
<p>Les États membres se réunissent chaque année. Le Processus de Khartoum a été lancé à Rome
en 2014 par ses États membres.</p>
<p>Le secrétariat est géré conjointement par les deux commissions. The secretariat provides
support to the meetings of the process.</p>
<p>L'Égypte a indiqué : « the exchange of good practices with the other States of the
region ».</p>
<table style="width: 250mm"><tr><th scope="row">Une table</th><td>trop large</td></tr></table>
<div style="height: 150mm"></div>
<h2 style="break-after: auto">2. Titre resté seul</h2>
<div style="height: 60mm; break-inside: avoid">Le texte que ce titre annonce.</div>
<p style="break-before: page">Fin.</p>
</body></html>
"""


@pytest.fixture(scope="module")
def planted() -> list[Finding]:
    """What the check finds in the planted French page."""
    return check_layout(read_layout(layout_document(PLANTED), "fr"))


def test_the_check_finds_exactly_what_was_planted(planted):
    assert [(finding.page, finding.kind, finding.text) for finding in planted] == [
        (
            1,
            "repeated sentence",
            "Le Processus de Khartoum a été lancé à Rome en 2014 par ses États membres. "
            "(also on page 1)",
        ),
        (1, "English left", "The secretariat provides support to the meetings of the process."),
        (1, "English left", "the exchange of good practices with the other States of the region"),
        (1, "overflow", "<table> wider than the page: Une table trop large"),
        (1, "orphaned heading", "2. Titre resté seul"),
        (3, "near-empty page", "Fin."),
    ]


#: an Arabic table of contents with leaders (as the compendium's), the last entry's title one
#: word wider than the page
CONTENTS = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>المحتويات</title>
<style>@page { size: A4; margin: 20mm } body { font-size: 10pt }
a::after { content: leader(".") target-counter(attr(href url), page) }</style></head>
<body><ol>
<li><a href="#one">المشاركة في الاستقصاء</a></li>
<li><a href="#two">مقارنات بين آليات التشاور</a></li>
<li><a href="#three">{word}</a></li>
</ol>
<h2 id="one">المشاركة</h2><h2 id="two">المقارنات</h2><h2 id="three">الموجزات</h2>
</body></html>
"""


@pytest.mark.parametrize("too_wide", [False, True])
def test_leaders_right_to_left_are_no_overflow_but_a_word_wider_than_the_page_is(too_wide):
    word = "ا" * 400 if too_wide else "موجزات النتائج"
    layout = read_layout(layout_document(CONTENTS.replace("{word}", word)), "ar")

    overflows = [f for f in check_layout(layout) if f.kind == "overflow"]

    assert len(overflows) == too_wide
    if too_wide:
        assert overflows[0].text.startswith("<a> wider than the page: ااااا")


def test_a_finding_prints_as_one_line_with_code_language_page_and_kind():
    finding = Finding(3, "English left", "provides a platform")

    assert finding.line("khartoum-process", "fr") == (
        "khartoum-process fr page 3: English left: provides a platform"
    )


def test_a_long_text_is_shortened_in_a_finding():
    html = PLANTED.replace("of the\nregion", "of the region " + "and of the other regions " * 20)

    findings = check_layout(read_layout(layout_document(html), "fr"))

    quotation = next(f for f in findings if f.text.startswith("the exchange of good practices"))
    assert len(quotation.text) <= 160
    assert quotation.text.endswith("…")


def test_a_repeat_shared_by_two_different_sentences_is_a_repeated_passage():
    values = (
        "l'échange de bonnes pratiques, l'instauration de la confiance, la constitution de "
        "réseaux et le renforcement des capacités"
    )
    html = (
        '<html lang="fr"><body>'
        f"<p>Les États membres apprécient leur appartenance pour {values}.</p>"
        f"<p>Aucun de ces États n'a toutefois cité {values}.</p></body></html>"
    )

    findings = check_layout(read_layout(layout_document(html), "fr"))

    assert [(f.kind, f.text) for f in findings] == [
        (
            "repeated passage",
            "l'échange de bonnes pratiques l'instauration de la confiance la constitution de "
            "réseaux et le renforcement des capacités (also on page 1)",
        )
    ]


def test_titles_labels_and_table_cells_are_not_repeated_sentences():
    title = "Évaluation des mécanismes de consultation inter-États sur la migration"
    html = (
        f'<html lang="fr"><body><p class="assessment">{title}</p>'
        f"<p>Cette synthèse fait partie de l'{title.lower()}.</p>"
        "<table><tr><td>Réunion ministérielle du processus tenue à Rome.</td></tr>"
        "<tr><td>Réunion ministérielle du processus tenue à Rome.</td></tr></table>"
        "</body></html>"
    )

    assert check_layout(read_layout(layout_document(html), "fr")) == []


def test_a_sentence_is_found_on_the_page_it_starts_on():
    sentence = "Le Processus de Khartoum a été lancé à Rome en 2014 par ses États membres."
    html = (
        '<html lang="fr"><head><style>@page { size: A6; margin: 10mm }</style></head><body>'
        f"<p>{sentence}</p><p>{' '.join(['Une phrase sans faute.'] * 40)} {sentence}</p>"
        "</body></html>"
    )

    findings = check_layout(read_layout(layout_document(html), "fr"))

    assert [(f.page, f.kind) for f in findings] == [(2, "repeated sentence")]


def test_a_sentence_split_across_two_pages_is_read_whole():
    sentence = "Le Processus de Khartoum a été lancé à Rome en 2014 par ses États membres."
    html = (
        '<html lang="fr"><head><style>@page { size: A6; margin: 10mm }</style></head><body>'
        f'<p style="margin-top: 100mm">{" ".join(["Une phrase sans faute."] * 6)} {sentence}</p>'
        f"<p>{sentence}</p></body></html>"
    )

    findings = check_layout(read_layout(layout_document(html), "fr"))

    assert [(f.kind, f.text) for f in findings] == [
        ("repeated sentence", f"{sentence} (also on page 1)")
    ]
    assert findings[0].page == 2


def test_a_word_broken_after_its_hyphen_is_read_whole():
    html = (
        '<html lang="fr"><body><p style="width: 21mm">L\'ONUDC est l\'un des co-organisateurs.'
        "</p></body></html>"
    )

    layout = read_layout(layout_document(html), "fr")

    assert len(layout.pages[0].blocks) == 1
    assert layout.blocks[0].passages[0].text.endswith("l'un des co-organisateurs.")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("provides a platform to advance the agreement of the participating states", "fr"),
        ("The Netherlands replaced Malta in the steering committee.", "es"),
        ("Guidelines for Chairs of the thematic meetings", "ar"),
        ("the timespan of the respective Chairmanships of the Process", "fr"),
        ("Présidence : Italy (2018 Chair of the Process)", "fr"),
    ],
)
def test_english_passages_read_as_english(text, language):
    assert reads_as_english(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Rome Declaration", "fr"),
        ("the Khartoum Process", "ar"),
        ("Assessment of ISCMs 2019", "es"),
        ("Le Processus de Khartoum travaille avec le Processus de Rabat et l'ICMPD.", "fr"),
        ("Los Países Bajos indicaron que el proceso es útil para la región.", "es"),
        ("Le document « Terms of Reference » a été adopté par le comité directeur.", "fr"),
        ("يتعاون مكتب الأمم المتحدة المعني بالمخدرات والجريمة مع عملية الخرطوم.", "ar"),
        ("The Netherlands replaced Malta in the steering committee.", "en"),
    ],
)
def test_names_and_sentences_of_the_summary_language_do_not_read_as_english(text, language):
    if language == "en":
        assert check_layout(read_layout(layout_document(f"<p>{text}</p>"), "en")) == []
    else:
        assert not reads_as_english(text, language)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le 28 nov. 2014. Les travaux.", ["Le 28 nov. 2014.", "Les travaux."]),
        (
            "L'OIM a indiqué : « Rien. » L'ONUDC aussi.",
            ["L'OIM a indiqué : « Rien. »", "L'ONUDC aussi."],
        ),
        ("أفادت مصر بذلك. وأفادت إثيوبيا أيضًا.", ["أفادت مصر بذلك.", "وأفادت إثيوبيا أيضًا."]),
        ("Sans point final", ["Sans point final"]),
    ],
)
def test_text_is_cut_into_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_the_khartoum_fixture_summary_is_checked_in_each_language(language):
    findings = khartoum_findings(language)

    kinds = {finding.kind for finding in findings}
    assert kinds <= {"repeated sentence", "repeated passage", "English left", "near-empty page"}
    # its answers are given in English: every other language quotes them
    assert ("English left" in kinds) == (language != "en")


def test_every_check_listed_runs():
    layout = read_layout(layout_document("<p>Un texte.</p>"), "fr")

    assert all(list(check(layout)) == [] for check in CHECKS)


# What the dossier says: drafted sentences' sources, illustrative data

DOSSIER_KINDS = ("sentence without a source", "illustrative data unlabelled")
MARKER = '<span class="illustrative-marker">◆</span>'


def dossier_findings(html: str, dossier, edited=()) -> list[tuple[int, str, str]]:
    """(page, kind, text) of what the checks that read ``dossier`` find in ``html`` laid out."""
    layout = read_layout(layout_document(html), dossier.language, dossier, edited=edited)
    return [(f.page, f.kind, f.text) for f in check_layout(layout) if f.kind in DOSSIER_KINDS]


@pytest.fixture(scope="module")
def illustrative_dossier():
    """The Khartoum Process dossier with Egypt's answers illustrative (demo data)."""
    dossier = khartoum_dossier()
    return dataclasses.replace(
        dossier,
        round=dataclasses.replace(dossier.round, illustrative_states=1),
        state_views=[
            dataclasses.replace(view, illustrative=view.state.code == "EGY")
            for view in dossier.state_views
        ],
        sources=[
            dataclasses.replace(source, illustrative=source.organisation.code == "EGY")
            for source in dossier.sources
        ],
    )


@pytest.fixture(scope="module")
def illustrative_html(illustrative_dossier) -> str:
    """The summary of ``illustrative_dossier``, labelled as the templates label it."""
    return render_iscm_html(illustrative_dossier)


def without_sources_of(planted):
    """``draft_sections`` drafting ``planted`` without the sources it names."""

    def drafted(dossier):
        sections = draft_sections(dossier)
        for section in sections:
            section.sentences = [
                tuple(dataclasses.replace(s, sources=()) if s == planted else s for s in p)
                for p in section.sentences
            ]
        return sections

    return drafted


@pytest.fixture(scope="module")
def sourceless_summary():
    """A Khartoum Process sentence planted without its sources, and the summary laid out."""
    dossier = khartoum_dossier()
    planted = draft_sections(dossier)[3].sentences[0][0]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reports.html, "draft_sections", without_sources_of(planted))
        document = layout_document(render_iscm_html(dossier))
    return planted, document, dossier


@pytest.fixture
def sourceless(sourceless_summary, monkeypatch):
    """``sourceless_summary``, with the check drafting the sentence as the summary did."""
    planted = sourceless_summary[0]
    monkeypatch.setattr(reports.check, "draft_sections", without_sources_of(planted))
    return sourceless_summary


def test_a_drafted_sentence_without_a_source_is_found_on_its_page(sourceless):
    planted, document, dossier = sourceless

    findings = check_layout(read_layout(document, "en", dossier))

    assert [(f.kind, f.text) for f in findings if f.kind in DOSSIER_KINDS] == [
        ("sentence without a source", planted.text)
    ]
    found = next(f for f in findings if f.kind == "sentence without a source")
    page = next(
        passage.page
        for block in read_layout(document, "en").blocks
        for passage in block.passages
        if planted.text[:40] in passage.text
    )
    assert found.page == page


def test_a_section_an_analyst_rewrote_is_not_checked_for_sources(sourceless):
    _planted, document, dossier = sourceless

    layout = read_layout(document, "en", dossier, edited={"partnerships"})

    assert [f for f in check_layout(layout) if f.kind == "sentence without a source"] == []


def test_every_drafted_sentence_of_the_khartoum_fixture_has_a_source():
    dossier = khartoum_dossier()

    assert dossier_findings(render_iscm_html(dossier), dossier) == []


def test_a_labelled_illustrative_summary_has_no_finding(illustrative_dossier, illustrative_html):
    assert illustrative_html.count(MARKER) >= 3

    assert dossier_findings(illustrative_html, illustrative_dossier) == []


def test_an_illustrative_row_without_its_mark_is_found(illustrative_dossier, illustrative_html):
    row = illustrative_html.index(MARKER, illustrative_html.index('class="respondents"'))
    html = illustrative_html[:row] + illustrative_html[row + len(MARKER) :]

    assert dossier_findings(html, illustrative_dossier) == [
        (5, "illustrative data unlabelled", "a row without ◆: Egypt State Member")
    ]


def test_illustrative_meetings_under_a_heading_without_its_mark_are_found():
    dossier = khartoum_dossier(answers_illustrative=True)
    labelled = render_iscm_html(dossier)
    heading = labelled.index(MARKER, labelled.index("Meetings held"))
    html = labelled[:heading] + labelled[heading + len(MARKER) :]

    assert dossier_findings(html, dossier) == [
        (
            4,
            "illustrative data unlabelled",
            "the ISCM's illustrative meetings under a heading without ◆: Meetings held",
        )
    ]


def test_an_illustrative_summary_without_its_notes_is_found(
    illustrative_dossier, illustrative_html
):
    html = re.sub(r'<p class="illustrative-note".*?</p>', "", illustrative_html, flags=re.S)
    html = re.sub(r'<p class="illustrative-legend".*?</p>', "", html, flags=re.S)

    # by page: missing notes are reported on page 1; the first ◆ (a chart's caption) is on
    # page 4, after the cover
    assert dossier_findings(html, illustrative_dossier) == [
        (
            1,
            "illustrative data unlabelled",
            "no note that the summary draws on illustrative answers",
        ),
        (
            1,
            "illustrative data unlabelled",
            "participation figures without the note "
            "“The participation figures above count one illustrative response.”",
        ),
        (
            4,
            "illustrative data unlabelled",
            "◆ printed without its legend “Illustrative data (demo): not from a real response”",
        ),
    ]


def test_the_mark_of_the_participation_note_needs_no_legend(illustrative_dossier):
    dossier = dataclasses.replace(khartoum_dossier(), round=illustrative_dossier.round)
    html = (
        '<html><body><p><span class="illustrative-marker">◆</span> The participation figures '
        "above count one illustrative response.</p></body></html>"
    )

    assert dossier_findings(html, dossier) == []


def test_a_name_that_only_begins_like_an_illustrative_one_is_not_its_row(illustrative_dossier):
    html = (
        "<html><body><table><tr><th>Egypt ◆</th><td>State</td></tr>"
        "<tr><th>Egypt-Sudan Forum</th><td>Other</td></tr>"
        "<tr><td>Host: Egypt</td></tr></table>"
        "<p>◆ Illustrative data (demo): not from a real response. "
        "This summary draws on illustrative answers, made up to demonstrate the platform; what "
        "comes from them is marked ◆ in its tables and charts. "
        "The participation figures above count one illustrative response.</p></body></html>"
    )

    assert dossier_findings(html, illustrative_dossier) == []


# The command: surveyapp report check


# demo_app (tests/conftest.py): the test database with its round closed and the demo built


LINE = re.compile(
    r"khartoum-process (en|fr|es|ar) page \d+: "
    r"(repeated sentence|repeated passage|untranslated passage|English left|overflow|"
    r"orphaned heading|orphaned caption|near-empty page): .+"
)
#: per language: a sentence planted twice, and an English sentence planted among the rest
PLANTED_EDITS = {
    "en": ("The Khartoum Process meets in another capital of its Member States each year.", ""),
    "fr": (
        "Le Processus de Khartoum se réunit chaque année dans une autre capitale de ses États "
        "membres.",
        "The steering committee meets twice a year in the capital of the chair.",
    ),
    "es": (
        "El Proceso de Jartum se reúne cada año en otra capital de sus Estados miembros.",
        "The steering committee meets twice a year in the capital of the chair.",
    ),
    "ar": (
        "تجتمع عملية الخرطوم كل عام في عاصمة أخرى من عواصم الدول الأعضاء فيها.",
        "The steering committee meets twice a year in the capital of the chair.",
    ),
}
TEXT_KINDS = ("repeated sentence", "repeated passage", "English left")


def check_lines(app, *arguments: str) -> tuple[int, list[str]]:
    """The exit code and the lines ``surveyapp report check ...`` prints on its output."""
    result = app.test_cli_runner().invoke(args=["report", "check", *arguments])
    return result.exit_code, result.stdout.splitlines()


def text_findings(lines: list[str]) -> set[tuple[str, str]]:
    """(kind, text) of the text findings among ``lines``, pages left out (an edit moves them)."""
    found = set()
    for line in lines:
        kind, text = line.split(": ", 1)[1].split(": ", 1)
        if kind in TEXT_KINDS:
            found.add((kind, re.sub(r" \(also on page \d+\)$", "", text)))
    return found


def test_check_prints_one_line_per_finding_in_every_language(demo_app):
    exit_code, lines = check_lines(demo_app, "khartoum-process")

    assert all(LINE.fullmatch(line) for line in lines), lines
    assert exit_code == (1 if lines else 0)
    # answers quoted in English: the other languages have some left until they are translated
    assert {line.split()[1] for line in lines if ": English left: " in line} <= {"fr", "es", "ar"}
    # every drafted sentence names its sources; its answers are real, the round's count is noted
    assert not [line for line in lines if any(f": {kind}: " in line for kind in DOSSIER_KINDS)]


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_check_finds_exactly_what_an_edit_plants(demo_app, language):
    from surveyapp import operations
    from surveyapp.dossiers import report_round
    from surveyapp.extensions import db
    from surveyapp.models import Organisation

    _exit_code, before = check_lines(demo_app, "khartoum-process", "--lang", language)
    repeated, english = PLANTED_EDITS[language]
    with demo_app.app_context():
        iscm = db.session.query(Organisation).filter_by(code="khartoum-process").one()
        text = "\n\n".join(part for part in (repeated, english, repeated) if part)
        operations.save_summary_edit(
            report_round(), iscm, "partnerships", text, "planted", language=language, actor="test"
        )
        db.session.commit()

    exit_code, after = check_lines(demo_app, "khartoum-process", "--lang", language)

    planted = {("repeated sentence", repeated)}
    if english:
        planted.add(("English left", english))
    assert text_findings(after) - text_findings(before) == planted
    assert exit_code == 1


def test_check_names_an_unknown_iscm(demo_app):
    result = demo_app.test_cli_runner().invoke(args=["report", "check", "nowhere"])

    assert result.exit_code == 1
    assert "nowhere" in result.output


@pytest.mark.parametrize("arguments", [[], ["khartoum-process", "--all"]])
def test_check_needs_either_a_code_or_all(runner, arguments):
    result = runner.invoke(args=["report", "check", *arguments])

    assert result.exit_code == 2
    assert "Give the code of an ISCM, --all or --compendium." in result.output
