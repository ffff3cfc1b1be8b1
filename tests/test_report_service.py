"""The report service (``surveyapp.pdfs``): the one module of the application that renders PDFs,
and its parallel rendering of several summaries."""

from __future__ import annotations

import ast
import dataclasses
import io
from pathlib import Path

from pypdf import PdfReader

from reports.passages import TranslatedText
from surveyapp.dossiers import build_iscm_dossier
from surveyapp.pdfs import render_many

APPLICATION = Path(__file__).resolve().parents[1] / "surveyapp"
SERVICE = APPLICATION / "pdfs.py"


def pdf_text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def renderers_used(tree: ast.Module) -> list[str]:
    """The ``reports`` renderers (``render_*``) a module imports or reaches through a module
    it imported from ``reports``."""
    from_reports: set[str] = set()
    used = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "reports":
            for alias in node.names:
                if alias.name.startswith("render_"):
                    used.append(f"{node.module}.{alias.name}")
                from_reports.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "reports":
                    from_reports.add(alias.asname or alias.name.split(".")[0])
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("render_"):
            root = node.value
            while isinstance(root, ast.Attribute):
                root = root.value
            if isinstance(root, ast.Name) and root.id in from_reports:
                used.append(ast.unparse(node))
    return used


def test_only_the_report_service_calls_the_reports_renderers():
    offenders = {
        str(path.relative_to(APPLICATION.parent)): used
        for path in sorted(APPLICATION.rglob("*.py"))
        if path != SERVICE
        and (used := renderers_used(ast.parse(path.read_text("utf-8"), str(path))))
    }
    assert offenders == {}


def test_the_check_finds_a_renderer_however_it_is_imported():
    source = (
        "from reports import render_iscm_pdf\n"
        "from reports.receipt import render_receipt_pdf as receipt\n"
        "import reports.pdf\n"
        "from reports import pdf\n"
        "reports.pdf.render_pdf\n"
        "pdf.render_compendium_pdf\n"
    )
    assert renderers_used(ast.parse(source)) == [
        "reports.render_iscm_pdf",
        "reports.receipt.render_receipt_pdf",
        "reports.pdf.render_pdf",
        "pdf.render_compendium_pdf",
    ]


def test_the_service_itself_renders_through_reports():
    assert "reports.render_iscm_pdf" in renderers_used(ast.parse(SERVICE.read_text("utf-8")))


def test_parallel_rendering_yields_every_summary(app):
    codes = ["khartoum-process", "rabat-process", "bali-process"]
    with app.app_context():
        jobs = [(code, build_iscm_dossier(code), None) for code in codes]
    parallel = dict(render_many(jobs, processes=2))
    assert sorted(parallel) == sorted(codes)
    single = dict(render_many(jobs[:1], processes=1))
    assert pdf_text(parallel["khartoum-process"]) == pdf_text(single["khartoum-process"])
    assert "Rabat Process" in pdf_text(parallel["rabat-process"])


def test_parallel_rendering_takes_the_dossiers_as_they_are(app):
    # A translated passage does not survive pickling; the forked workers find the dossiers in
    # the memory they share with the command instead of receiving them
    with app.app_context():
        khartoum, rabat = (
            build_iscm_dossier(code) for code in ("khartoum-process", "rabat-process")
        )
    name = TranslatedText("Processus de Khartoum", source=khartoum.iscm.name)
    khartoum = dataclasses.replace(khartoum, iscm=dataclasses.replace(khartoum.iscm, name=name))

    pdfs = dict(render_many([("khartoum", khartoum, None), ("rabat", rabat, None)], processes=2))

    assert "Processus de Khartoum" in pdf_text(pdfs["khartoum"])
    assert "Rabat Process" in pdf_text(pdfs["rabat"])


def test_report_all_renders_with_one_process_per_idle_core(monkeypatch):
    from surveyapp import pdfs

    monkeypatch.setattr(pdfs.os, "cpu_count", lambda: 2)
    for load, expected in ((0.1, 2), (1.2, 1), (7.5, 1)):
        monkeypatch.setattr(pdfs.os, "getloadavg", lambda load=load: (load, load, load))
        assert pdfs.idle_cores() == expected, load
