"""Rendering several summaries in parallel gives the same PDFs' text as one at a time."""

from __future__ import annotations

import io

from pypdf import PdfReader

from surveyapp.rendering import render_many
from surveyapp.reporting import build_iscm_dossier


def pdf_text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_parallel_rendering_yields_every_summary(app):
    codes = ["khartoum-process", "rabat-process", "bali-process"]
    with app.app_context():
        jobs = [(code, build_iscm_dossier(code), None) for code in codes]
    parallel = dict(render_many(jobs, processes=2))
    assert sorted(parallel) == sorted(codes)
    single = dict(render_many(jobs[:1], processes=1))
    assert pdf_text(parallel["khartoum-process"]) == pdf_text(single["khartoum-process"])
    assert "Rabat Process" in pdf_text(parallel["rabat-process"])
