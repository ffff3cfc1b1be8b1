"""Every language-dependent phrase of a summary, read from Project Fluent catalogues.

``locales/<language>.ftl`` holds the messages of one language: sentence templates, what a choice
code reads like inside a sentence, and the little grammar a list, a number or a date needs. The
message ids are the keys the rest of ``reports`` asks for (``phrases.format("founding_document",
...)``); a table of entries (section titles, the phrases of one choice question) is one message
whose attributes are the entries (``titles.programming``, ``choices_work_plan_monitors.chair``).
English is complete; any other language may leave messages or attributes out and falls back to
English one by one, so a translator can fill a catalogue one message at a time.

Names agree with the sentences that cite them. A field passed as a :class:`NounPhrase` (a State,
an organisation, a list of them, "One Member State") carries its grammatical gender and number,
and a message may ask for them beside the text: ``{ $State-number -> [plural] ont *[other] a }``.
Every field may also be asked for after the language's prepositions that contract with an
article: ``{ $iscm-of }`` is the language's ``of`` message applied to the field ("du Processus de
Khartoum", "des Pays-Bas"), ``{ $iscm-to }`` its ``to`` message ("au Soudan", "al Proceso"). The
gender, number and article of each State and organisation come from
``locales/names.<language>.ftl`` (see :func:`name_grammar`).

Bundles are built without Unicode isolation marks (``use_isolating=False``): the HTML marks
every run of text whose direction differs from the summary's (an answer quoted in another
language gets a ``<span lang dir>``, a block that falls back to English a ``dir`` attribute), and
FSI/PDI characters would otherwise end up in the PDF's text layer, where copying and searching
find them. Names in an Arabic summary are Arabic, so no variable needs isolating within a line.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from fluent.runtime import FluentBundle
from fluent.runtime.resolver import Pattern
from fluent.syntax import FluentParser
from fluent.syntax import ast as ftl
from fluent.syntax.visitor import Visitor

#: the folder of the catalogues (``<language>.ftl``) and name grammars (``names.<language>.ftl``)
LOCALES_FOLDER = Path(__file__).resolve().parent / "locales"
#: the language every other one falls back to, message by message
FALLBACK_LANGUAGE = "en"
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})
#: what a variable's suffix asks of the field it names: ``$state-gender``, ``$iscm-of`` ...
GRAMMAR_SUFFIXES = ("gender", "number", "of", "to")
#: messages each language writes for its own grammar, never falling back to English's: the
#: articles it has, its prepositions that contract with them, and the conjunction it repeats
#: before every item of a list (``join_each``: Arabic "أ، وب، وج")
OWN_GRAMMAR = frozenset({"articles", "joined_articles", "of", "to", "join_each"})
#: the term id prefixes of a name grammar file, one per kind of organisation
NAME_KINDS = ("state", "igo", "iscm")
#: the values a name's ``.gender`` and ``.number`` attributes take; "other" is "not known"
GENDERS = ("masculine", "feminine", "other")
NUMBERS = ("singular", "plural", "other")


class CatalogueError(ValueError):
    """A catalogue does not parse, or one of its messages cannot be formatted."""


@dataclass(frozen=True)
class NounPhrase:
    """A name or noun phrase as it stands in a sentence, with the grammar a sentence agrees with.

    :param text: the phrase, its article included ("les Pays-Bas", "One Member State").
    :param gender: ``masculine``, ``feminine`` or ``other`` (not known).
    :param number: ``singular``, ``plural`` or ``other`` (not known).
    """

    text: str
    gender: str = "other"
    number: str = "other"

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)

    def capitalised(self) -> NounPhrase:
        """The phrase opening a sentence ("Les Pays-Bas")."""
        return replace(self, text=upper_first(self.text))


@dataclass(frozen=True)
class NameGrammar:
    """The grammar of one State or organisation in one language.

    :param forms: each written form of the name the grammar is for, with its article as the
        catalogue's ``articles`` message names it ("" for none), keyed by the form without its
        article, folded (see :func:`folded`).
    """

    gender: str
    number: str
    forms: Mapping[str, str]


@dataclass(frozen=True)
class Catalogue:
    """The parsed messages of one language.

    :param variables: the variables each message (``id``) and attribute (``id.attribute``)
        refers to.
    """

    language: str
    path: Path
    bundle: FluentBundle
    variables: Mapping[str, frozenset[str]]

    def pattern(self, key: str) -> Pattern | None:
        """The pattern of message ``id`` or attribute ``id.attribute``; None when missing."""
        message_id, _, attribute = key.partition(".")
        if not self.bundle.has_message(message_id):
            return None
        message = self.bundle.get_message(message_id)
        if attribute:
            return message.attributes.get(attribute)
        return message.value

    def attributes(self, message_id: str) -> tuple[str, ...]:
        """The attribute names of message ``message_id`` (none when it is missing)."""
        if not self.bundle.has_message(message_id):
            return ()
        return tuple(self.bundle.get_message(message_id).attributes)


def parse_file(path: Path) -> ftl.Resource:
    """The Fluent resource in ``path``.

    :raises CatalogueError: naming the file and line of the first entry that does not parse.
    """
    source = path.read_text(encoding="utf-8")
    resource = FluentParser().parse(source)
    for entry in resource.body:
        if isinstance(entry, ftl.Junk):
            line = source.count("\n", 0, entry.span.start) + 1 if entry.span else 0
            problems = "; ".join(annotation.message for annotation in entry.annotations)
            raise CatalogueError(f"{path}:{line}: {problems}")
    return resource


@functools.cache
def catalogue(language: str) -> Catalogue | None:
    """The catalogue of ``language``, parsed once; None when there is none."""
    path = LOCALES_FOLDER / f"{language}.ftl"
    if not path.is_file():
        return None
    resource = parse_file(path)
    bundle = FluentBundle([language], use_isolating=False)
    bundle.add_resource(resource)
    messages = {entry.id.name: entry for entry in resource.body if isinstance(entry, ftl.Message)}
    variables: dict[str, frozenset[str]] = {}
    for message_id, message in messages.items():
        if message.value is not None:
            variables[message_id] = _variables(message.value, messages)
        for attribute in message.attributes:
            variables[f"{message_id}.{attribute.id.name}"] = _variables(attribute.value, messages)
    return Catalogue(language, path, bundle, variables)


def missing_messages(language: str) -> list[str]:
    """The messages (``id``) and attributes (``id.attribute``) English has and ``language``'s
    catalogue lacks: those that fall back to English (the language's own grammar aside)."""
    english = catalogue(FALLBACK_LANGUAGE)
    own = catalogue(language)
    if english is None:
        return []
    missing = set(english.variables) - set(own.variables if own else ())
    return sorted(key for key in missing if key.partition(".")[0] not in OWN_GRAMMAR)


class _VariableCollector(Visitor):
    """Gathers the variables a pattern refers to, those of the messages it refers to included."""

    def __init__(self, messages: Mapping[str, ftl.Message], seen: frozenset[str]) -> None:
        self.messages = messages
        self.seen = seen
        self.found: set[str] = set()

    def visit_VariableReference(self, node: ftl.VariableReference) -> None:  # noqa: N802
        self.found.add(node.id.name)

    def visit_MessageReference(self, node: ftl.MessageReference) -> None:  # noqa: N802
        referred = self.messages.get(node.id.name)
        if referred is not None and referred.value is not None and node.id.name not in self.seen:
            self.found.update(_variables(referred.value, self.messages, self.seen | {node.id.name}))


def _variables(
    pattern: ftl.Pattern, messages: Mapping[str, ftl.Message], seen: frozenset[str] = frozenset()
) -> frozenset[str]:
    """The variables ``pattern`` refers to (a term sees only its literal arguments, so the
    variables of the terms it calls never come from the message)."""
    collector = _VariableCollector(messages, seen)
    collector.visit(pattern)
    return frozenset(collector.found)


@functools.cache
def name_grammar(language: str) -> dict[str, NameGrammar]:
    """The gender, number and article of each State and organisation, by code.

    ``locales/names.<language>.ftl`` holds one term per organisation, its id the kind and the
    code (``-state-NLD``, ``-igo-iom``, ``-iscm-khartoum-process``), its value the name as it
    stands in a sentence with its article, and the attributes ``.gender`` and ``.number`` (and
    ``.short``, the short name with its article, where prose uses one the value does not show).
    A name that none of its forms matches gets no grammar: the sentences then take their
    neutral wording.
    """
    path = LOCALES_FOLDER / f"names.{language}.ftl"
    if not path.is_file():
        return {}
    phrases = Phrases(language)
    grammar = {}
    for entry in parse_file(path).body:
        if not isinstance(entry, ftl.Term):
            continue
        _kind, _, code = entry.id.name.partition("-")
        attributes = {attribute.id.name: _text(attribute.value) for attribute in entry.attributes}
        forms = {}
        for form in (_text(entry.value), attributes.get("short")):
            if form:
                article, bare = phrases.split_article(form)
                forms[folded(bare)] = article
        grammar[code] = NameGrammar(
            gender=attributes.get("gender", "other"),
            number=attributes.get("number", "other"),
            forms=forms,
        )
    return grammar


def _text(pattern: ftl.Pattern) -> str:
    """The plain text of a pattern made of text and string literals only."""
    parts = []
    for element in pattern.elements:
        if isinstance(element, ftl.TextElement):
            parts.append(element.value)
        elif isinstance(element, ftl.Placeable) and isinstance(
            element.expression, ftl.StringLiteral
        ):
            parts.append(element.expression.parse()["value"])
    return "".join(parts)


def folded(name: str) -> str:
    """``name`` folded for comparing written forms: case, apostrophes and spacing aside."""
    return " ".join(name.replace("’", "'").casefold().split())


def text_direction(text: str, default: str) -> str:
    """``rtl`` or ``ltr`` after the first strongly directional character of ``text``."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return default


def upper_first(text: str) -> str:
    """``text`` with its first letter capitalised (for a name that opens a sentence)."""
    return text[:1].upper() + text[1:]


class Phrases:
    """The messages of one language, with English as the fallback of every message."""

    def __init__(self, language: str) -> None:
        self.language = language
        languages = [language] if language == FALLBACK_LANGUAGE else [language, FALLBACK_LANGUAGE]
        self._catalogues = [found for found in map(catalogue, languages) if found is not None]

    @property
    def direction(self) -> str:
        """``rtl`` for right-to-left languages, else ``ltr``."""
        return "rtl" if self.language in RTL_LANGUAGES else "ltr"

    # Looking messages up

    def _find(self, key: str) -> tuple[Catalogue, Pattern]:
        for found in self._catalogues:
            pattern = found.pattern(key)
            if pattern is not None:
                return found, pattern
        raise KeyError(key)

    def has(self, key: str) -> bool:
        """Whether message ``id`` or attribute ``id.attribute`` exists, in English at least."""
        return any(found.pattern(key) is not None for found in self._catalogues)

    def __getitem__(self, key: str) -> str | dict[str, str]:
        """Message ``key`` without variables; a message made of attributes only (a table) as a
        dict of its attributes, each falling back to English on its own."""
        found = next((c for c in self._catalogues if c.bundle.has_message(key)), None)
        if found is None:
            raise KeyError(key)
        pattern = found.pattern(key)
        if pattern is None:
            return self.table(key)
        # A template also reads a message that takes variables, to learn its direction: the
        # variables then stand as their names
        text, _errors = found.bundle.format_pattern(pattern, {})
        return str(text)

    def table(self, message_id: str) -> dict[str, str]:
        """The attributes of message ``message_id``, formatted, English filling the gaps."""
        names = dict.fromkeys(
            name for found in reversed(self._catalogues) for name in found.attributes(message_id)
        )
        return {name: self.format(f"{message_id}.{name}") for name in names}

    def format(self, key: str, **fields: object) -> str:
        """Message ``id`` (or attribute ``id.attribute``) filled with ``fields``.

        A field may be a :class:`NounPhrase`, whose gender and number the message may ask for;
        any other value stands as its text.

        :raises KeyError: when no catalogue has the message.
        :raises CatalogueError: when the message asks for a field that is not given.
        """
        found, pattern = self._find(key)
        arguments: dict[str, object] = {}
        for variable in found.variables.get(key, ()):
            if variable in fields:
                arguments[variable] = str(fields[variable])
                continue
            base, _, suffix = variable.rpartition("-")
            if base in fields and suffix in GRAMMAR_SUFFIXES:
                arguments[variable] = self._grammar(found, fields[base], suffix)
        return self._resolve(found, key, pattern, arguments)

    def _resolve(
        self, found: Catalogue, key: str, pattern: Pattern, arguments: dict[str, object]
    ) -> str:
        text, errors = found.bundle.format_pattern(pattern, arguments)
        if errors:
            raise CatalogueError(f"{found.path.name}: {key}: {'; '.join(map(str, errors))}")
        return str(text)

    def _grammar(self, found: Catalogue, value: object, suffix: str) -> str:
        """What variable ``<field>-<suffix>`` stands for."""
        if suffix == "gender":
            return value.gender if isinstance(value, NounPhrase) else "other"
        if suffix == "number":
            return value.number if isinstance(value, NounPhrase) else "other"
        # A contracting preposition: the language's own message, whichever catalogue asks
        pattern = found.pattern(suffix)
        if pattern is None:
            raise CatalogueError(f"{found.path.name}: no message {suffix!r} for ${suffix} forms")
        text = str(value)
        article, name = self.split_article(text)
        return self._resolve(
            found, suffix, pattern, {"text": text, "article": article or "none", "name": name}
        )

    def _message(self, key: str, **arguments: object) -> str:
        """Message ``key`` with ``arguments`` passed as they are (numbers stay numbers)."""
        found, pattern = self._find(key)
        return self._resolve(found, key, pattern, arguments)

    # Grammar

    def _written(self, message_id: str) -> list[tuple[str, str]]:
        """(name, written form) of each attribute of grammar message ``message_id``, longest
        first: the language's own (see :data:`OWN_GRAMMAR`), none when it has no such message."""
        found = self._catalogues[0] if self._catalogues else None
        if found is None or not found.bundle.has_message(message_id):
            return []
        attributes = found.bundle.get_message(message_id).attributes
        written = [
            (name, self._resolve(found, f"{message_id}.{name}", attributes[name], {}))
            for name in attributes
        ]
        return sorted(written, key=lambda pair: -len(pair[1]))

    @functools.cached_property
    def _articles(self) -> list[tuple[str, str]]:
        """The articles written as words of their own ("le", "l'"), by their names."""
        return self._written("articles")

    @functools.cached_property
    def _joined_articles(self) -> list[tuple[str, str]]:
        """The articles written joined to the word they define (Arabic ال), by their names."""
        return self._written("joined_articles")

    def split_article(self, text: str) -> tuple[str, str]:
        """The article ``text`` opens with (its name in the ``articles`` or ``joined_articles``
        message, "" for none) and the rest of ``text``.

        Case counts: "El Salvador" is a name, "el Senegal" an article and a name.
        """
        plain = text.replace("’", "'")
        for name, written in self._articles:
            if written.endswith("'") and plain.startswith(written):
                return name, text[len(written) :]
            if plain.startswith(written + " "):
                return name, text[len(written) + 1 :]
        for name, written in self._joined_articles:
            if plain.startswith(written) and len(plain) > len(written):
                return name, text[len(written) :]
        return "", text

    def _with_article(self, article: str, name: str) -> str:
        """``name`` preceded by the article called ``article``."""
        joined = dict(self._joined_articles)
        if article in joined:
            return joined[article] + name
        written = dict(self._articles)[article]
        return f"{written}{name}" if written.endswith("'") else f"{written} {name}"

    def with_article(self, text: str) -> str:
        """``text`` as a title in a sentence: as it is when it opens with an article, else as
        the ``with_article`` message has it (English adds "the"; languages whose article depends
        on the noun's gender quote the title instead)."""
        if self.split_article(text.casefold())[0]:
            return text
        return self.format("with_article", title=text)

    def without_article(self, text: str) -> str:
        """``text`` without the article it opens with (case aside)."""
        article, rest = self.split_article(text.casefold())
        return text[len(text) - len(rest) :] if article else text

    @functools.cached_property
    def clause_openers(self) -> frozenset[str]:
        """Words that let an answer open a clause in lower case ("the", "its")."""
        return frozenset(self.format("clause_openers").split())

    @functools.cached_property
    def gerund_suffixes(self) -> tuple[str, ...]:
        """Endings of a gerund that opens a clause ("Providing access ...")."""
        return tuple(self.format("gerund_suffixes").split())

    def name(self, code: str, text: str) -> NounPhrase:
        """The State or organisation ``code`` named ``text``, with its gender, number and
        article in this language when ``locales/names.<language>.ftl`` knows that name."""
        article, bare = self.split_article(text)
        grammar = name_grammar(self.language).get(code)
        known_article = grammar.forms.get(folded(bare)) if grammar else None
        if grammar is None or known_article is None:
            return NounPhrase(text)
        if not article and known_article:
            text = self._with_article(known_article, bare)
        return NounPhrase(text, grammar.gender, grammar.number)

    def noun(self, key: str) -> NounPhrase:
        """Message ``key`` as a noun phrase, its ``.gender`` and ``.number`` attributes (when
        the language gives them) its grammar."""
        found, _ = self._find(key)
        attributes = found.bundle.get_message(key).attributes
        grammar = {
            name: str(found.bundle.format_pattern(attributes[name])[0])
            for name in ("gender", "number")
            if name in attributes
        }
        return NounPhrase(
            self.format(key), grammar.get("gender", "other"), grammar.get("number", "other")
        )

    def choice(self, group: str, code: str, **fields: object) -> str | None:
        """How choice ``code`` of ``group`` reads inside a sentence, or None when not known."""
        key = f"choices_{group}.{code}"
        return self.format(key, **fields) if self.has(key) else None

    # Lists, numbers and dates

    def join(self, items: Sequence[str | NounPhrase]) -> str:
        """Join ``items`` as a sentence lists them: "a, b and c".

        Two items are joined by the ``join_last`` message ("a and b"). A longer list puts the
        separator between its items and ``join_last`` before the last one, unless the language
        repeats its conjunction before every item after the first: its own ``join_each``
        message then adds each item to the list before it (Arabic "أ، وب، وج").
        """
        texts = [str(item) for item in items if str(item)]
        if not texts:
            return ""
        if len(texts) == 1:
            return texts[0]
        separator = self.format("list_separator")
        # A comma inside the last item does not confuse the reader; one inside the others does
        if any(separator.strip() in text for text in texts[:-1]):
            separator = self.format("long_list_separator")
        own = self._catalogues[0] if self._catalogues else None
        each = own.pattern("join_each") if own and own.language == self.language else None
        if own is None or each is None or len(texts) == 2:
            return self.format("join_last", head=separator.join(texts[:-1]), last=texts[-1])
        joined = texts[0]
        for text in texts[1:]:
            arguments = {"head": joined, "separator": separator, "next": text}
            joined = self._resolve(own, "join_each", each, arguments)
        return joined

    def join_names(self, names: Sequence[NounPhrase]) -> NounPhrase:
        """``names`` joined as a list that a sentence agrees with: plural when more than one,
        feminine when all are, masculine when any is."""
        names = [name for name in names if name.text]
        if len(names) == 1:
            return names[0]
        genders = {name.gender for name in names}
        gender = (
            "masculine"
            if "masculine" in genders
            else "feminine"
            if genders == {"feminine"}
            else "other"
        )
        return NounPhrase(self.join(names), gender, "plural" if names else "other")

    def number(self, n: int) -> str:
        """``n`` in words where the language has a word for it, else in digits."""
        return self._message("number_in_words", n=n, count=str(n))

    def counted(self, key: str, n: int, words: bool = False) -> str:
        """``n`` with the noun of message ``key`` in the form ``n`` asks for ("46 States").

        :param words: write ``n`` in words where the language has a word for it ("three States").
        """
        return self._message(key, n=n, count=self.number(n) if words else str(n))

    def date(self, day: dt.date) -> str:
        """A date as the summary writes it ("28 Nov. 2014")."""
        month = self._message("month", month=day.month)
        return self.format("date", day=day.day, month=month, year=day.year)

    def date_range(self, start: dt.date, end: dt.date | None) -> str:
        """A date or a span of dates ("18-19 Sept. 2018")."""
        if end is None or end == start:
            return self.date(start)
        if (start.year, start.month) == (end.year, end.month):
            return self.format(
                "date_range_same_month",
                day=start.day,
                end_day=end.day,
                month=self._message("month", month=start.month),
                year=start.year,
            )
        return self.format("date_range", start=self.date(start), end=self.date(end))

    def quote(self, text: str) -> str:
        """``text`` between quotation marks."""
        return self.format("quote", text=text)
