"""Serving the application with Werkzeug's own server (``surveyapp demo``)."""

from __future__ import annotations

from werkzeug.serving import WSGIRequestHandler

#: what the ``Server`` header says: the product, never the versions of Werkzeug or Python
SERVER_NAME = "surveyapp"


class BannerlessRequestHandler(WSGIRequestHandler):
    """Werkzeug's request handler without its ``Server: Werkzeug/x Python/y`` banner.

    Versions in a banner tell a visitor which known flaws to try; the handler writes the
    header itself, before the application's headers, so the application cannot replace it.
    """

    def version_string(self) -> str:
        """The ``Server`` header's value."""
        return SERVER_NAME
