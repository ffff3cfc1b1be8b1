"""Text that can be stored and printed: one rule for every channel that brings text in.

A text from a respondent, an import or an administrator is *cleaned* on the way in:

* line breaks become ``\\n``: ``\\r\\n`` and ``\\r``, and also the line and page breaks that
  word processors put in plain text (vertical tab U+000B is Word's manual line break, form feed
  U+000C its page break; next line U+0085, line separator U+2028, paragraph separator U+2029);
* the byte order mark U+FEFF (a zero-width no-break space pasted from the head of a file) is
  dropped;
* the text is put in Unicode normalisation form NFC (``"e" + U+0301`` is stored as ``"é"``);
* what no database, spreadsheet or PDF can hold is *refused*: the other C0 and C1 control
  characters (tab and newline excepted), DEL, lone surrogates (half of a UTF-16 pair, which
  UTF-8 cannot encode) and the non-characters U+FFFE and U+FFFF (which XML cannot hold).

Everything else is kept as typed: smart quotes, dashes, the ellipsis, no-break and narrow
no-break spaces, soft hyphens, zero-width spaces and joiners, direction marks.

Readers and writers of text stored before this rule use :func:`printable_text`, which never
refuses: it turns each character that cannot be held into U+FFFD (the replacement character,
shown as "�"), and word processors' line breaks into ``\\n``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

#: characters no store or printer here can hold: C0 controls but tab, newline and carriage
#: return; DEL and the C1 controls; lone surrogates; the non-characters U+FFFE and U+FFFF
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
#: line and page breaks of word processors and other systems, stored as ``\n``
LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
#: a line break with the spaces around it, as :func:`one_line` joins lines
LINE_BREAK_AND_SPACES = re.compile(r"[^\S\n]*\n\s*")
#: what :func:`printable_text` puts in place of a character that cannot be held
REPLACEMENT = "\ufffd"
BYTE_ORDER_MARK = "\ufeff"


class UnprintableText(ValueError):
    """A text holds a character that cannot be stored or printed.

    :param character: the first such character.
    :param position: its position in the text, counting from 1.
    """

    def __init__(self, character: str, position: int) -> None:
        self.character = character
        self.position = position
        self.code = f"U+{ord(character):04X}"
        super().__init__(
            f"This text contains a character that cannot be saved ({self.code}, at character "
            f"{position}). Delete it or retype the text."
        )


def find_unprintable(text: str) -> UnprintableText | None:
    """The first character of ``text`` that cannot be held, described; None when there is none."""
    found = UNPRINTABLE.search(text)
    return UnprintableText(found.group(), found.start() + 1) if found else None


def clean_text(text: str) -> str:
    """``text`` as it is stored: line breaks as ``\\n``, no byte order mark, NFC.

    Leading and trailing spaces are kept (the caller decides whether to strip).

    :raises UnprintableText: for a character that cannot be stored or printed.
    """
    text = LINE_BREAKS.sub("\n", text).replace(BYTE_ORDER_MARK, "")
    found = find_unprintable(text)
    if found is not None:
        raise found
    return unicodedata.normalize("NFC", text)


def one_line(text: str) -> str:
    """``text`` cleaned by :func:`clean_text`, on one line and stripped.

    For names (organisations, rounds): they stand in sentences and e-mail subjects, so a line
    break and the spaces around it become one space.

    :raises UnprintableText: for a character that cannot be stored or printed.
    """
    return LINE_BREAK_AND_SPACES.sub(" ", clean_text(text)).strip()


#: the white space a line is cut or indented by (what ``str.isspace`` calls space, less the
#: no-break spaces U+00A0, U+2007 and U+202F: French puts one before ":"), collapsed into one
#: space by :func:`printable_line`
BREAKING_SPACE = re.compile(
    "[ \t\n\r\f\v\x1c-\x1f\x85\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+"
)


def printable_line(text: str) -> str:
    """``text`` printable and on one line, whatever it holds (for a header such as an e-mail
    subject, made of names stored before the text rule): line breaks, tabs and runs of spaces
    become one space; no-break spaces are kept, as typography wants them."""
    return BREAKING_SPACE.sub(" ", printable_text(text)).strip(" ")


def _held(match: re.Match[str]) -> str:
    return "\n" if match.group() in "\x0b\x0c\x85" else REPLACEMENT


def printable_text(text: str) -> str:
    """``text`` with every character that cannot be held replaced; never refuses.

    Word processors' line and page breaks become ``\\n``; any other character
    :func:`clean_text` refuses becomes U+FFFD. Text that :func:`clean_text` accepts comes back
    unchanged.
    """
    if UNPRINTABLE.search(text) is None:
        return text
    return UNPRINTABLE.sub(_held, text)


def printable_value(value: Any) -> Any:
    """A JSON value with :func:`printable_text` applied to every string in it, keys included."""
    if isinstance(value, str):
        return printable_text(value)
    if isinstance(value, list | tuple):
        return [printable_value(item) for item in value]
    if isinstance(value, dict):
        return {printable_value(key): printable_value(item) for key, item in value.items()}
    return value


def find_unprintable_in(value: Any) -> tuple[str, UnprintableText] | None:
    """The first string of a JSON value (keys included) that cannot be held, with its path
    (``responses[2].answers[0].value``); None when every string can be held."""
    pending: list[tuple[str, Any]] = [("", value)]
    while pending:
        path, node = pending.pop()
        if isinstance(node, str):
            problem = find_unprintable(node)
            if problem is not None:
                return path, problem
        elif isinstance(node, dict):
            for key, item in reversed(list(node.items())):
                child = f"{path}.{printable_text(str(key))}" if path else printable_text(str(key))
                pending.append((child, item))
                pending.append((child, key))
        elif isinstance(node, list):
            pending.extend(
                (f"{path}[{index}]", item) for index, item in reversed(list(enumerate(node)))
            )
    return None


def printable_output(value: Any) -> Any:
    """A Jinja ``finalize``: every string a template writes, printable.

    Markup stays Markup (``type(value)``): U+FFFD and ``\\n`` never need escaping.
    """
    if isinstance(value, str) and UNPRINTABLE.search(value) is not None:
        return type(value)(printable_text(value))
    return value


@functools.lru_cache(maxsize=8192)
def folded(text: str) -> str:
    """``text`` as searched and sorted: case and accents aside ("Égypte" finds "egypte")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
