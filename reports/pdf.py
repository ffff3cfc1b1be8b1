"""Turn a summary's HTML into PDF with WeasyPrint, fetching nothing from outside the package."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse, path2url

from reports.compendium import render_compendium_html
from reports.dossier import CompendiumDossier, IscmDossier
from reports.html import render_iscm_html
from reports.limits import RenderLimits, render_pdf_limited

#: the ``reports`` package folder: stylesheets, templates and fonts live here
PACKAGE_FOLDER = Path(__file__).resolve().parent
BASE_URL = path2url(str(PACKAGE_FOLDER) + "/")


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
    return document.write_pdf(pdf_tags=True)


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
    return render_pdf(render_compendium_html(compendium), limits)
