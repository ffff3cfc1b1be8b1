"""Every message a respondent can see is translated: no English left in a French page."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

ROOT = Path(__file__).parents[2]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "N_": None}


def respondent_messages() -> set[str]:
    """The msgids of the respondent's templates and modules, as ``pybabel extract`` finds them."""
    found = set()
    sources = [
        *sorted((ROOT / "surveyapp/templates/respond").glob("*.html")),
        ROOT / "surveyapp/templates/base.html",
        *sorted((ROOT / "surveyapp/respond").glob("*.py")),
        # the invitations and reminders respondents receive
        *sorted((ROOT / "surveyapp/templates/mail").glob("*.txt")),
        ROOT / "surveyapp/mail.py",
    ]
    for path in sources:
        method = "python" if path.suffix == ".py" else "jinja2"
        options = {} if method == "python" else {"extensions": "jinja2.ext.i18n"}
        for _line, message, _comments, _context in extract_from_file(
            method, str(path), keywords=KEYWORDS, options=options
        ):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_every_respondent_message_has_a_translation(language):
    path = ROOT / f"surveyapp/translations/{language}/LC_MESSAGES/messages.po"
    with path.open("rb") as file:
        catalogue = read_po(file, locale=language)
    messages = respondent_messages()
    assert {"Save and go back to the list", "Not started", "Dear colleague,"} <= messages
    missing = []
    for msgid in sorted(messages):
        message = catalogue.get(msgid)
        strings = message.string if message else None
        if isinstance(strings, tuple):
            strings = all(strings) and strings
        if not message or not strings or message.fuzzy:
            missing.append(msgid)
    assert missing == []
