"""Reading pages the way a browser does, for tests that drive the app with the test client:
a form's CSRF token and version, logging in through the login form, and the English left on a
page in another language."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

import polib

TRANSLATIONS = Path(__file__).parents[1] / "surveyapp" / "translations"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")

#: the hidden CSRF field of a form, whatever the order of its attributes before ``value``
_CSRF_FIELD = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def folded(text: str) -> str:
    """``text`` with case and accents aside, as the lists sort and search names: the tests'
    own oracle, written apart from the application's."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


#: the bidi embedding and isolate controls (U+202A-U+202E, U+2066-U+2069)
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def pdf_page_texts(pdf: bytes) -> list[str]:
    """The text of each page of a PDF in reading order (a page's running header first),
    whitespace collapsed, as poppler's ``pdftotext`` reads it: a twentieth of the time pypdf
    takes (0.06 s against 1 s for a summary), and right-to-left text in logical order."""
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext is needed to read PDFs (Debian's poppler-utils)"
    text = subprocess.run(
        [pdftotext, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    # pdftotext marks right-to-left runs with bidi embedding controls, which the PDF does not hold
    text = _BIDI_CONTROLS.sub("", text)
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF, its pages joined and its whitespace collapsed."""
    return " ".join(pdf_page_texts(pdf))


def page_csrf(html: str) -> str:
    """The CSRF token of the first form on a page; fails the test when there is none."""
    match = _CSRF_FIELD.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def csrf_token(client, path: str = "/login") -> str:
    """The CSRF token of the form on ``path`` ("" when the page has none)."""
    found = _CSRF_FIELD.search(client.get(path).get_data(as_text=True))
    return found.group(1) if found else ""


def page_version(html: str) -> str:
    """The version a section form was rendered with."""
    match = re.search(r'name="version"[^>]*value="(\d+)"', html) or re.search(
        r'value="(\d+)"[^>]*name="version"', html
    )
    assert match, "the page has no version field"
    return match.group(1)


def log_in(client, email: str, password: str):
    """Log ``client`` in through the login form; returns the form's reply."""
    token = csrf_token(client)
    return client.post("/login", data={"csrf_token": token, "email": email, "password": password})


class _VisibleText(HTMLParser):
    """The text a person reads (or hears) on a page: text nodes and the labels of controls."""

    HIDDEN = {"script", "style", "title"}

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self._hidden += 1
        for name, value in attrs:
            if name in ("aria-label", "title", "placeholder", "alt") and value:
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.texts.append(data)


def visible_texts(html: str) -> list[str]:
    """Each visible text of ``html``, whitespace collapsed."""
    parser = _VisibleText()
    parser.feed(html)
    return [" ".join(text.split()) for text in parser.texts]


def english_catalogue(language: str = "fr") -> tuple[set[str], list[str]]:
    """What the English catalogue says that ``language`` says otherwise: whole texts (a
    button, a heading), and fragments of at least three words between placeholders."""
    french = polib.pofile(str(TRANSLATIONS / language / "LC_MESSAGES" / "messages.po"))
    whole: set[str] = set()
    fragments: list[str] = []
    for entry in french:
        if entry.obsolete or entry.msgstr == entry.msgid:
            continue
        text = " ".join(entry.msgid.split())
        if not PLACEHOLDER.search(text) and "<" not in text:
            whole.add(text)
        for piece in PLACEHOLDER.split(text):
            piece = piece.strip(" .,:;()")
            if len(piece.split()) >= 3 and "<" not in piece and "{{" not in piece:
                fragments.append(piece)
    return whole, fragments


def english_on(html: str, english: tuple[set[str], list[str]]) -> list[str]:
    """The English sentences of the catalogue that ``html`` shows."""
    whole, fragments = english
    texts = visible_texts(html)
    found = [text for text in texts if text in whole]
    page = " ".join(texts)
    found += [fragment for fragment in fragments if fragment in page]
    return found


#: how often a test's HTTP server thread checks whether it should stop: werkzeug's default
#: (half a second) is waited out at every test's end
POLL_SECONDS = 0.05


@contextmanager
def counted_statements(engine) -> Iterator[list[str]]:
    """A list that receives every SQL statement ``engine`` runs inside the block."""
    from sqlalchemy import event

    statements: list[str] = []

    def count(_connection, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def statements_for_get(app, client, path: str) -> int:
    """The SQL statements one GET of ``path`` runs (its reply must be 200)."""
    from surveyapp.extensions import db

    with app.app_context():
        engine = db.engine
    with counted_statements(engine) as statements:
        assert client.get(path).status_code == 200
    return len(statements)
