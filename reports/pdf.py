"""Turn a summary's HTML into PDF with WeasyPrint, fetching nothing from outside the package.

Every PDF declares and meets PDF/UA-1 (ISO 14289-1): it is tagged, says its language and title,
claims the standard in its XMP metadata, gives each chart a text alternative and each table
header cell its scope.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pydyf
from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.urls import URLFetcher, URLFetcherResponse, path2url

from reports.dossier import CompendiumDossier, IscmDossier
from reports.html import render_iscm_html
from reports.limits import RenderLimits, render_pdf_limited

#: the ``reports`` package folder: stylesheets, templates and fonts live here
PACKAGE_FOLDER = Path(__file__).resolve().parent
BASE_URL = path2url(str(PACKAGE_FOLDER) + "/")
#: the accessibility standard every PDF claims (WeasyPrint's variant: tags, XMP ``pdfuaid:part``)
PDF_VARIANT = "pdf/ua-1"
#: a header cell's ``scope`` attribute as a PDF ``Scope``; a cell without one heads its column,
#: as WeasyPrint assumes when it links data cells to their headers
HEADER_SCOPES = {"row": "/Row", "rowgroup": "/Row", "col": "/Column", "colgroup": "/Column"}


class PackageURLFetcher(URLFetcher):
    """Fetch only ``data:`` URLs and files inside the ``reports`` package; refuse anything else.

    Answers end up in the HTML: a URL in them must never make the renderer read a local file
    or call out to the network.
    """

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        """Fetch ``url`` if it is allowed.

        :raises ValueError: "blocked URL" for any other scheme or a file outside the package.
        """
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file" and is_package_file(url):
            return super().fetch(url, headers)
        raise ValueError(f"blocked URL: {url[:200]}")


def is_package_file(url: str) -> bool:
    """Whether a ``file:`` URL names an existing file inside the ``reports`` package folder."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = Path(unquote(parts.path)).resolve()
    return path.is_file() and path.is_relative_to(PACKAGE_FOLDER)


def render_pdf(html: str, limits: RenderLimits | None = None) -> bytes:
    """Render an HTML document as PDF; relative URLs resolve inside the ``reports`` package.

    :param limits: render in a child process stopped when it runs too long or takes too much
        memory (see :mod:`reports.limits`); ``None`` renders in this process, the fast path.
    :raises reports.limits.RenderError: when ``limits`` are exceeded.
    """
    if limits is not None:
        return render_pdf_limited(html, limits)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=PackageURLFetcher())
    return document.write_pdf(pdf_variant=PDF_VARIANT, finisher=scope_header_cells)


def scope_header_cells(document: Document, pdf: pydyf.PDF) -> None:
    """Give the structure element of each ``<th>`` the ``Scope`` of its ``scope`` attribute.

    WeasyPrint links every data cell to its header cells (``Headers``) but writes no ``Scope``
    on the header cells themselves, which PDF/UA checkers look for. Its tagging leaves each
    cell's structure element on the cell's layout box (``mark``); the PDF is written after
    this finisher, so the attribute added here is in it.
    """
    for page in document.pages:
        for box in page._page_box.descendants():
            element = getattr(box, "mark", None)
            if box.element_tag == "th" and isinstance(element, pydyf.Dictionary):
                scope = HEADER_SCOPES.get(box.element.get("scope", "").lower(), "/Column")
                element["A"]["Scope"] = scope


def layout_document(html: str) -> Document:
    """``html`` laid out in pages as :func:`render_pdf` lays it out, for reading its boxes."""
    return HTML(string=html, base_url=BASE_URL, url_fetcher=PackageURLFetcher()).render(
        pdf_variant=PDF_VARIANT
    )


def render_iscm_pdf(
    dossier: IscmDossier,
    edits: dict[str, str] | None = None,
    limits: RenderLimits | None = None,
) -> bytes:
    """The per-ISCM summary as PDF (see :func:`reports.html.render_iscm_html` for ``edits``,
    :func:`render_pdf` for ``limits``)."""
    return render_pdf(render_iscm_html(dossier, edits), limits)


def render_compendium_pdf(
    compendium: CompendiumDossier, limits: RenderLimits | None = None
) -> bytes:
    """The compendium for the global gathering as PDF (see
    :func:`reports.compendium.render_compendium_html`, :func:`render_pdf` for ``limits``)."""
    # imported here: a summary's render (each `report all` worker, each command) does not need
    # the compendium's module and networkx, which it imports
    from reports.compendium import render_compendium_html

    return render_pdf(render_compendium_html(compendium), limits)
