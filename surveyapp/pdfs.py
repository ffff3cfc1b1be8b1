"""Every PDF the application makes: the one door to ``reports``' renderers.

* the summary of one ISCM with the analysts' edits, and the compendium of every summary, both
  kept in the report cache (``RenderedPdf``) under the hash of everything they depend on;
* a respondent's receipt (never cached: it is quick and the respondent's alone);
* what :mod:`reports.check` finds in a summary as it prints (``report check``: laid out, never
  rendered to PDF nor cached);
* the summaries of every ISCM at once, spread over processes forked one per idle core
  (``report all``).

The commands (``surveyapp report``), the web views (the analysts' summaries, the API, the
respondent's receipt) and the background jobs (:mod:`surveyapp.jobs`) call this module; no other
module of the application calls a ``reports.render_*`` function (``tests/test_report_service.py``
checks). The dossiers come from :mod:`surveyapp.dossiers`; the cache entries are written by
:mod:`surveyapp.operations.reports`.

Nothing is held while a PDF renders. A render takes seconds and, on SQLite, a transaction that
read before another connection wrote cannot write afterwards ("database is locked"), so the
reading transaction ends first and the cache entry is written after the render. The compendium
job keeps its own, stricter, transaction rules (see :mod:`surveyapp.jobs`): hence
:func:`prepare_compendium`, which builds the dossier and its cache key and leaves the render to
the caller.
"""

from __future__ import annotations

import importlib
import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import TYPE_CHECKING

from flask import current_app
from sqlalchemy import select

import reports
from reports.dossier import IscmDossier
from reports.illustrative import compendium_without_illustrative, without_illustrative
from reports.limits import RenderLimits
from reports.receipt import Receipt
from surveyapp.dossiers import (
    build_compendium_dossier,
    build_iscm_dossier,
    report_round,
    summary_edits,
)
from surveyapp.extensions import db
from surveyapp.models import RenderedPdf, SurveyRound
from surveyapp.operations import reports as report_ops

if TYPE_CHECKING:
    from reports.check import Finding


@dataclass(frozen=True)
class PreparedPdf:
    """A PDF ready to render: its dossier is built and its cache key known.

    The render is left to the caller, who may end its transaction first.
    """

    #: the hash of everything the PDF depends on (``RenderedPdf.cache_key``)
    key: str
    #: ``iscm`` or ``compendium``
    kind: str
    #: renders the PDF (seconds of CPU; touches no database)
    render: Callable[[], bytes]


def render_limits() -> RenderLimits | None:
    """The limits of renders done for web requests and jobs (``SURVEYAPP_RENDER_*``).

    Answers and edits come from outside; a document crafted to make WeasyPrint run for ever
    or take all memory is stopped with a clear error instead. Commands run without limits.
    """
    timeout = current_app.config.get("SURVEYAPP_RENDER_TIMEOUT")
    memory = current_app.config.get("SURVEYAPP_RENDER_MEMORY_MB")
    if not timeout and not memory:
        return None
    return RenderLimits(
        timeout_seconds=float(timeout or 3600), memory_bytes=int(memory or 4096) * 1024 * 1024
    )


def prepare_summary(
    code: str,
    *,
    language: str = "en",
    survey_round: SurveyRound | None = None,
    limits: RenderLimits | None = None,
    illustrative: bool = True,
) -> PreparedPdf:
    """The summary of ISCM ``code`` with the analysts' edits, ready to render.

    :param illustrative: False leaves illustrative (demo) answers out instead of labelling them;
        the dossier then says so, and so does the cache key.
    """
    dossier, edits = summary_inputs(
        code, language=language, survey_round=survey_round, illustrative=illustrative
    )
    return PreparedPdf(
        reports.cache_key(dossier, edits, language),
        "iscm",
        lambda: reports.render_iscm_pdf(dossier, edits, limits),
    )


def summary_inputs(
    code: str,
    *,
    language: str = "en",
    survey_round: SurveyRound | None = None,
    illustrative: bool = True,
) -> tuple[IscmDossier, dict[str, str]]:
    """What the summary of ISCM ``code`` in ``language`` is made of: its dossier, and the
    analysts' edits in that language by section (see :func:`prepare_summary`)."""
    survey_round = survey_round or report_round()
    dossier = build_iscm_dossier(code, language=language, survey_round=survey_round)
    if not illustrative:
        dossier = without_illustrative(dossier)
    edits = {k: e.text for k, e in summary_edits(survey_round, code, language).items()}
    return dossier, edits


def summary_findings(
    code: str,
    *,
    language: str = "en",
    survey_round: SurveyRound | None = None,
    illustrative: bool = True,
) -> list[Finding]:
    """What :func:`reports.check.check_summary` finds in the summary of ISCM ``code`` as it
    prints, the analysts' edits included, by page.

    The reading transaction ends before the summary is laid out (seconds of CPU), as before a
    render (see :func:`cached_or_rendered`).
    """
    dossier, edits = summary_inputs(
        code, language=language, survey_round=survey_round, illustrative=illustrative
    )
    end_reading()
    return reports.check_summary(dossier, edits)


def compendium_findings(
    *,
    language: str = "en",
    survey_round: SurveyRound | None = None,
    illustrative: bool = True,
) -> list[Finding]:
    """What :func:`reports.check.check_compendium` finds in the compendium in ``language`` as it
    prints, by page (the reading transaction ends before the layout, as before a render)."""
    compendium = build_compendium_dossier(language=language, survey_round=survey_round)
    if not illustrative:
        compendium = compendium_without_illustrative(compendium)
    end_reading()
    return reports.check_compendium(compendium)


def prepare_compendium(
    *,
    language: str = "en",
    survey_round: SurveyRound | None = None,
    progress: Callable[[int, int], None] | None = None,
    limits: RenderLimits | None = None,
    illustrative: bool = True,
) -> PreparedPdf:
    """The compendium of every ISCM's summary, ready to render.

    :param progress: called with (ISCMs read, ISCMs in all) as the dossiers are built.
    :param illustrative: False leaves illustrative (demo) answers out (see
        :func:`prepare_summary`).
    """
    compendium = build_compendium_dossier(
        language=language, survey_round=survey_round, progress=progress
    )
    if not illustrative:
        compendium = compendium_without_illustrative(compendium)
    return PreparedPdf(
        reports.compendium_cache_key(compendium),
        "compendium",
        lambda: reports.render_compendium_pdf(compendium, limits),
    )


def cached_pdf(key: str) -> bytes | None:
    """The PDF kept in the report cache under ``key``, if any."""
    return db.session.scalar(select(RenderedPdf.pdf).filter_by(cache_key=key))


def is_cached(key: str) -> bool:
    """Whether the report cache holds a PDF under ``key`` (without reading the PDF)."""
    return db.session.scalar(select(RenderedPdf.id).filter_by(cache_key=key)) is not None


def end_reading() -> None:
    """End the session's transaction before seconds of rendering, unless the caller has changes
    of its own pending (they are the caller's to commit)."""
    if not (db.session.new or db.session.dirty or db.session.deleted):
        db.session.commit()


def cached_or_rendered(prepared: PreparedPdf) -> bytes:
    """The PDF kept under ``prepared.key``, rendered (and kept) only when it is not there yet.

    The reading transaction ends before the render (unless the caller has changes of its own
    pending), so on SQLite respondents' saves go on meanwhile; the cache entry is added after
    the render, and written when the caller commits.
    """
    cached = cached_pdf(prepared.key)
    if cached is not None:
        return cached
    end_reading()
    pdf = prepared.render()
    report_ops.store_pdf(prepared.key, prepared.kind, pdf)
    return pdf


def summary_pdf(
    code: str,
    *,
    language: str = "en",
    survey_round: SurveyRound | None = None,
    limits: RenderLimits | None = None,
    illustrative: bool = True,
) -> tuple[bytes, str]:
    """The summary of ISCM ``code`` with the analysts' edits, from the cache when unchanged.

    :param illustrative: False leaves illustrative (demo) answers out instead of labelling them.
    :returns: the PDF and its cache key. The caller commits (the cache entry is written then).
    """
    prepared = prepare_summary(
        code,
        language=language,
        survey_round=survey_round,
        limits=limits,
        illustrative=illustrative,
    )
    return cached_or_rendered(prepared), prepared.key


def compendium_pdf(
    *,
    language: str = "en",
    survey_round: SurveyRound | None = None,
    progress: Callable[[int, int], None] | None = None,
    limits: RenderLimits | None = None,
    illustrative: bool = True,
) -> tuple[bytes, str]:
    """The compendium PDF, from the cache when nothing under it changed; and its cache key.

    :param illustrative: False leaves illustrative (demo) answers out instead of labelling them.
    """
    prepared = prepare_compendium(
        language=language,
        survey_round=survey_round,
        progress=progress,
        limits=limits,
        illustrative=illustrative,
    )
    return cached_or_rendered(prepared), prepared.key


def receipt_pdf(receipt: Receipt) -> bytes:
    """A respondent's receipt as PDF (rendered each time: it is never cached)."""
    return reports.render_receipt_pdf(receipt)


def idle_cores() -> int:
    """The cores not busy with other work, this process's own counted as free: at least one.

    Read from the one-minute load average. Workers on cores that other processes keep busy only
    take turns with them: on a busy machine one process rendering the summaries one after
    another is as fast as two, and two were slower when each paid its start-up
    (``python -m bench``, ``report all``).
    """
    cores = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except OSError:  # no load average on this system
        return cores
    return max(1, min(cores, int(cores - load + 1)))


#: the jobs of each :func:`render_many` in progress, by call: its forked workers find them here
#: (inherited with the fork, never pickled)
_FORKED_JOBS: dict[int, list[tuple[str, IscmDossier, dict[str, str] | None]]] = {}
_calls = itertools.count()


def render_many(
    jobs: Iterable[tuple[str, IscmDossier, dict[str, str] | None]],
    processes: int | None = None,
) -> Iterator[tuple[str, bytes]]:
    """Render ``(code, dossier, edits)`` jobs in parallel; yields ``(code, pdf)`` as they finish.

    Building a dossier needs the database and is quick; turning it into a PDF is CPU-bound work
    in WeasyPrint, so it is spread over worker processes forked from this one once WeasyPrint is
    imported: a worker starts in milliseconds with everything imported (a worker started afresh
    spent about 3 s importing and warming up WeasyPrint, on every ``report all``), and finds its
    jobs in the memory it shares with this process instead of receiving them pickled. The
    workers render and return PDFs; they never touch the database and leave without running
    this process's exit handlers. Nothing is cached: this is for commands.

    :param processes: worker processes (default: one per idle core, see
        :func:`idle_cores`); 1 renders in this process, as does a system that cannot fork.
    """
    jobs = list(jobs)
    processes = min(processes or idle_cores(), len(jobs))
    if processes <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for code, dossier, edits in jobs:
            yield code, reports.render_iscm_pdf(dossier, edits)
        return
    # WeasyPrint imported once, before the fork, rather than by each worker
    importlib.import_module("reports.pdf")

    call = next(_calls)
    _FORKED_JOBS[call] = jobs
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
            # The workers run reports' own function on the dossiers: no Flask, no database.
            futures = {
                pool.submit(_render_forked_job, call, index): code
                for index, (code, _dossier, _edits) in enumerate(jobs)
            }
            for future in as_completed(futures):
                yield futures[future], future.result()
    finally:
        del _FORKED_JOBS[call]


def _render_forked_job(call: int, index: int) -> bytes:
    _code, dossier, edits = _FORKED_JOBS[call][index]
    return reports.render_iscm_pdf(dossier, edits)
