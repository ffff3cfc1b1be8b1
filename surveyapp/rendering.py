"""Rendering summaries in bulk: the dossiers come from the database, the PDFs from a pool.

Building a dossier needs the database and is quick; turning it into a PDF is CPU-bound work in
WeasyPrint, so ``render_many`` spreads it over one process per core. Dossiers are plain data,
so they cross the process boundary as they are.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed

from reports import IscmDossier, render_iscm_pdf


def _render(job: tuple[str, IscmDossier, dict[str, str] | None]) -> tuple[str, bytes]:
    code, dossier, edits = job
    return code, render_iscm_pdf(dossier, edits)


def render_many(
    jobs: Iterable[tuple[str, IscmDossier, dict[str, str] | None]],
    processes: int | None = None,
) -> Iterator[tuple[str, bytes]]:
    """Render ``(code, dossier, edits)`` jobs in parallel; yields ``(code, pdf)`` as they finish.

    :param processes: worker processes (default: one per core); 1 renders in this process.
    """
    jobs = list(jobs)
    processes = processes or os.cpu_count() or 1
    if processes == 1 or len(jobs) < 2:
        for job in jobs:
            yield _render(job)
        return
    # "spawn": workers start clean, without this process's database connections or threads.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(processes, len(jobs)), mp_context=context) as pool:
        futures = [pool.submit(_render, job) for job in jobs]
        for future in as_completed(futures):
            yield future.result()
