"""The renders several test modules read, made once per test process.

The Khartoum Process fixture's summary in each language and the four-ISCM compendium are read by
the tests of PDF/UA tagging, print layout, languages, checks and illustrative labels. Laying one
out costs about half a second (the compendium over a second), and each module rendered its own:
here each is rendered the first time a test asks for it. What is shared is immutable (bytes and
tuples of frozen findings), so no test can change what another reads.
"""

from __future__ import annotations

import functools

from compendium_fixture import compendium_dossier
from khartoum_translated import translated_khartoum_dossier

from reports import render_compendium_pdf, render_iscm_pdf
from reports.check import Finding, check_summary


@functools.cache
def khartoum_pdf(language: str) -> bytes:
    """The Khartoum Process fixture's summary in ``language``, as PDF."""
    return render_iscm_pdf(translated_khartoum_dossier(language))


@functools.cache
def khartoum_findings(language: str) -> tuple[Finding, ...]:
    """What ``surveyapp report check`` finds in the Khartoum Process fixture's summary in
    ``language``."""
    return tuple(check_summary(translated_khartoum_dossier(language)))


@functools.cache
def compendium_pdf() -> bytes:
    """The compendium of the fixture's four ISCMs, in English, as PDF."""
    return render_compendium_pdf(compendium_dossier())
