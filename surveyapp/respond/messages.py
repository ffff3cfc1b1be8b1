"""The engine's messages in the respondent's language.

The questionnaire engine is Flask-free and speaks English; its messages are a fixed set. Each
pattern below matches one of them (with its numbers) and gives the translatable text.
"""

from __future__ import annotations

import re

from flask_babel import gettext


def N_(message: str) -> str:  # noqa: N802 - the usual name of a gettext no-op marker
    """Mark ``message`` for extraction (``pybabel extract -k N_``); translated when shown."""
    return message


#: engine message (as a regular expression) -> translatable text with the same placeholders
ENGINE_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(pattern), text)
    for pattern, text in [
        (r"^Answer this question\.$", N_("Answer this question.")),
        (r"^Unknown question\.$", N_("This question is not part of the questionnaire.")),
        (r"^Unknown item\.$", N_("This item is not one of the choices.")),
        (r"^Enter text\.$", N_("Enter text.")),
        (
            r"^Enter an e-mail address such as name@example\.org\.$",
            N_("Enter an e-mail address such as name@example.org."),
        ),
        (
            r"^This text contains a character that cannot be saved \((?P<code>U\+[0-9A-F]{4,6}), "
            r"at character (?P<position>\d+)\)\. Delete it or retype the text\.$",
            N_(
                "This text contains a character that cannot be saved (%(code)s, at character "
                "%(position)s). Delete it or retype the text."
            ),
        ),
        (r"^Enter at most (?P<limit>\d+) characters\.$", N_("Enter at most %(limit)s characters.")),
        (r"^Tick the box or leave it empty\.$", N_("Tick the box or leave it empty.")),
        (r"^This question takes no answer\.$", N_("This question takes no answer.")),
        (r"^Enter a whole number\.$", N_("Enter a whole number.")),
        (r"^Enter a number\.$", N_("Enter a number.")),
        (
            r"^Enter a number between (?P<low>\S+) and (?P<high>\S+)\.$",
            N_("Enter a number between %(low)s and %(high)s."),
        ),
        (r"^Enter a number of at least (?P<low>\S+)\.$", N_("Enter a number of at least %(low)s.")),
        (r"^Enter a number of at most (?P<high>\S+)\.$", N_("Enter a number of at most %(high)s.")),
        (r"^Enter a date as YYYY-MM-DD\.$", N_("Enter a date as YYYY-MM-DD.")),
        (
            r"^Enter a date between (?P<low>\S+) and (?P<high>\S+)\.$",
            N_("Enter a date between %(low)s and %(high)s."),
        ),
        (r"^Enter a date on or after (?P<low>\S+)\.$", N_("Enter a date on or after %(low)s.")),
        (r"^Enter a date on or before (?P<high>\S+)\.$", N_("Enter a date on or before %(high)s.")),
        (
            r"^Enter a year as a whole number, for example 2014\.$",
            N_("Enter a year as a whole number, for example 2014."),
        ),
        (
            r"^Enter a year between (?P<low>\S+) and (?P<high>\S+)\.$",
            N_("Enter a year between %(low)s and %(high)s."),
        ),
        (r"^Enter a year of (?P<low>\S+) or later\.$", N_("Enter a year of %(low)s or later.")),
        (
            r"^Enter a year of (?P<high>\S+) or earlier\.$",
            N_("Enter a year of %(high)s or earlier."),
        ),
        (r"^Choose one of the listed options\.$", N_("Choose one of the listed options.")),
        (r"^Choose from the listed options\.$", N_("Choose from the listed options.")),
        (r"^Choose only from the listed options\.$", N_("Choose only from the listed options.")),
        (
            r"^Choose between (?P<low>\d+) and (?P<high>\d+) options\.$",
            N_("Choose between %(low)s and %(high)s options."),
        ),
        (r"^Choose at least (?P<low>\d+) options?\.$", N_("Choose at least %(low)s option(s).")),
        (r"^Choose at most (?P<high>\d+) options?\.$", N_("Choose at most %(high)s option(s).")),
        (
            r"^Add between (?P<low>\d+) and (?P<high>\d+) rows\.$",
            N_("Add between %(low)s and %(high)s rows."),
        ),
        (r"^Add at least (?P<low>\d+) rows?\.$", N_("Add at least %(low)s row(s).")),
        (r"^Add at most (?P<high>\d+) rows?\.$", N_("Add at most %(high)s row(s).")),
        (
            r"^Some answers in this list are not valid\.$",
            N_("Some answers in this list are not valid."),
        ),
        (r"^Give a list of rows\.$", N_("Some answers in this list are not valid.")),
        (r"^Give the answers .*as a mapping\.$", N_("Some answers in this list are not valid.")),
    ]
]


def translate_engine_message(message: str) -> str:
    """``message`` from the engine in the current language (unchanged when not recognised)."""
    for pattern, text in ENGINE_MESSAGES:
        match = pattern.match(message)
        if match:
            return gettext(text, **match.groupdict())
    return message


def translate_errors(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    """Every message of an engine error mapping, translated."""
    return {
        path: [translate_engine_message(m) for m in messages] for path, messages in errors.items()
    }
