"""The registry of ISCMs, States and IGOs, and the controlled vocabularies, read from YAML.

States are identified by ISO 3166-1 alpha-3 codes (checked, and mapped to the alpha-2 codes CLDR
uses, with pycountry); their names in each language are CLDR's, read through Babel.
``questionnaires/registry/states.yaml`` adds the region and, language by language, the names the
United Nations use where CLDR's differ ("Republic of Korea", not "South Korea"). Cities are named
in each language by :func:`city_name`, from CLDR's exemplar cities of time zones and
``questionnaires/registry/cities.yaml``. The registry is also the *choice source* of
the questionnaire engine: :meth:`Registry.choices` resolves ``registry:iscm``, ``registry:state``,
``registry:igo`` and ``vocabulary:NAME``.

This module is Flask-free: the CLI, the web application, the demo and the tests all use it.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import hashlib
import pathlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import babel
import pycountry
import yaml

from surveyapp.questionnaire.kept import Kept
from surveyapp.questionnaire.model import LANGUAGES, RESPONDENT_TYPES
from surveyapp.questionnaire.source import LineDict, LineList, parse_yaml
from surveyapp.safe_yaml import load_yaml

#: what an organisation is: the respondent type whose questionnaire it answers
ORGANISATION_KINDS = RESPONDENT_TYPES
#: ``rcp`` regional consultative process, ``irf`` interregional forum, ``global``
ISCM_KINDS = ("rcp", "irf", "global")
MEMBERSHIP_ROLES = ("member", "observer", "chair", "steering_committee")
#: the continents of the UN M49 standard, the regions of States
STATE_REGIONS = ("Africa", "Americas", "Asia", "Europe", "Oceania")
#: each region's UN M49 code, under which CLDR names it in every language
_REGION_CODES = {
    "Africa": "002",
    "Americas": "019",
    "Asia": "142",
    "Europe": "150",
    "Oceania": "009",
}

_ISCM_CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_IGO_CODE = re.compile(r"^[a-z][a-z0-9_]*$")
_STATE_CODE = re.compile(r"^[A-Z]{3}$")
_VOCABULARY_CODE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
#: the earliest founding year of an ISCM, as the ISCM questionnaire's ``founding_year`` allows
EARLIEST_FOUNDING_YEAR = 1945


class RegistryError(ValueError):
    """A registry or vocabulary file is missing or broken; the message names file and entry."""


@dataclass(frozen=True)
class Citation:
    """A public source a registry fact is taken from: its title and where to read it."""

    title: str
    url: str


@dataclass(frozen=True)
class RegistryEntry:
    """A State, an ISCM or an IGO, with its names by language.

    :param code: alpha-3 for States, a lower-case code for IGOs, a slug for ISCMs.
    :param kind: ``state``, ``iscm`` or ``igo``.
    :param name: the full name by language (``en`` always present).
    :param short_name: the name in lists and prose ("Khartoum Process", "Iran"), by language.
    :param acronym: the established acronym; empty when there is none.
    :param in_sentence: the name as it stands inside a sentence ("the Netherlands"), by language.
    :param region: for States a continent of :data:`STATE_REGIONS`; for ISCMs the area covered.
    :param iscm_kind: for ISCMs, one of :data:`ISCM_KINDS`.
    :param secretariat: for ISCMs, who provides the secretariat.
    :param founding_year: for ISCMs, the year the mechanism was launched (see ``iscms.yaml``).
    :param founding_event: for ISCMs, the meeting that launched it and its place, when known.
    :param founding_sources: the public sources the founding year and event are taken from.
    :param founding_note: why this year, where sources give another one.
    """

    code: str
    kind: str
    name: dict[str, str]
    short_name: dict[str, str]
    acronym: str
    in_sentence: dict[str, str]
    region: str
    iscm_kind: str | None = None
    secretariat: str | None = None
    founding_year: int | None = None
    founding_event: str = ""
    founding_sources: tuple[Citation, ...] = ()
    founding_note: str = ""

    def name_in(self, language: str = "en") -> str:
        """The full name in ``language``, English when not translated."""
        return self.name.get(language) or self.name["en"]

    def short_name_in(self, language: str = "en") -> str:
        """The short name in ``language``, falling back to English and then to the full name."""
        return self.short_name.get(language) or self.short_name.get("en") or self.name_in(language)

    def in_sentence_in(self, language: str = "en") -> str:
        """The name as it stands inside a sentence in ``language``."""
        return (
            self.in_sentence.get(language)
            or self.in_sentence.get("en")
            or self.short_name_in(language)
        )


@dataclass(frozen=True)
class Membership:
    """A State's or IGO's place in an ISCM.

    :param role: one of :data:`MEMBERSHIP_ROLES`; a chair has a ``member`` row besides.
    :param illustrative: True where the registry ships a sample rather than the real list.
    """

    iscm: str
    member: str
    role: str
    illustrative: bool


@dataclass(frozen=True, eq=False)
class Registry:
    """ISCMs, States, IGOs, memberships and vocabularies, loaded by :func:`load_registry`."""

    iscms: list[RegistryEntry]
    igos: list[RegistryEntry]
    states: list[RegistryEntry]
    memberships: list[Membership]
    #: the ``note`` of ``memberships.yaml``: which lists are illustrative
    membership_note: str = ""
    #: vocabulary name -> choices ``[{"code", "label": {lang: text}}]``
    vocabularies: dict[str, list[dict[str, Any]]] = field(default_factory=dict, repr=False)
    #: SHA-256 of the files the registry was read from (:func:`load_registry`); empty for a
    #: registry made otherwise. What a cache of anything built with the registry is keyed on.
    digest: str = field(default="", compare=False)
    _by_code: dict[str, RegistryEntry] = field(
        init=False, default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        by_code = {entry.code: entry for entry in [*self.iscms, *self.igos, *self.states]}
        object.__setattr__(self, "_by_code", by_code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def entry(self, code: str) -> RegistryEntry:
        """The State, ISCM or IGO with ``code``; KeyError when the registry has none."""
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"no State, ISCM or IGO with code {code!r} in the registry") from None

    def entries(self, kind: str | None = None) -> list[RegistryEntry]:
        """Every entry, or those of one ``kind`` (``state``, ``iscm``, ``igo``)."""
        groups = {"iscm": self.iscms, "igo": self.igos, "state": self.states}
        if kind is None:
            return [*self.iscms, *self.igos, *self.states]
        return list(groups[kind])

    def members_of(self, iscm: str, role: str | None = None) -> list[str]:
        """Codes of the States and IGOs in ISCM ``iscm`` (with ``role``, when given), in order."""
        codes = [
            m.member
            for m in self.memberships
            if m.iscm == iscm and (role is None or m.role == role)
        ]
        return list(dict.fromkeys(codes))

    def iscms_of(self, member: str) -> list[str]:
        """Codes of the ISCMs a State or IGO belongs to, in any role, in registry order."""
        codes = {m.iscm for m in self.memberships if m.member == member}
        return [entry.code for entry in self.iscms if entry.code in codes]

    def roles_of(self, member: str, iscm: str) -> list[str]:
        """The roles a State or IGO holds in ``iscm``."""
        return [m.role for m in self.memberships if m.member == member and m.iscm == iscm]

    def vocabulary(self, name: str) -> list[dict[str, Any]]:
        """The choices of vocabulary ``name``; KeyError when there is no such vocabulary."""
        try:
            return copy.deepcopy(self.vocabularies[name])
        except KeyError:
            raise KeyError(f"no vocabulary {name!r} in the registry") from None

    def choices(self, name: str) -> list[dict[str, Any]] | None:
        """Resolve a ``choices_from`` name to ``[{"code", "label": {lang: text}}]``.

        :param name: ``registry:iscm``, ``registry:state``, ``registry:igo`` or
            ``vocabulary:NAME``.
        :returns: the choices, or None when ``name`` names no list.
        """
        source, _, what = name.partition(":")
        if source == "vocabulary":
            choices = self.vocabularies.get(what)
            return None if choices is None else copy.deepcopy(choices)
        if source != "registry":
            return None
        if what == "iscm":
            return _sorted_choices(self.iscms, lambda e: e.short_name)
        if what == "igo":
            return _sorted_choices(self.igos, lambda e: e.name)
        if what == "state":
            return _sorted_choices(self.states, lambda e: e.name)
        return None


def _sorted_choices(entries: Iterable[RegistryEntry], label: Any) -> list[dict[str, Any]]:
    """Choices from registry entries, sorted by their English label."""
    choices = [{"code": e.code, "label": dict(label(e))} for e in entries]
    return sorted(choices, key=lambda c: _sort_key(c["label"]["en"]))


def _sort_key(text: str) -> str:
    """A sort key that files "Côte d'Ivoire" under C and "Türkiye" under T."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


# -- loading --------------------------------------------------------------------------------


def load_registry(path: str | pathlib.Path | None = None) -> Registry:
    """Read the registry and the vocabularies.

    :param path: the questionnaires folder (holding ``registry/`` and ``vocabularies/``), or the
        ``registry`` folder itself; by default the folder shipped in the ``questionnaires``
        package.
    :raises RegistryError: when a file is missing or an entry is broken.

    A registry read once is kept, by the names and bytes of its files (not their folder or
    dates): reading the same files again costs the reading and a hash, not the parsing. The
    registry and its entries are not changed after loading (:meth:`Registry.vocabulary` and
    :meth:`Registry.choices` hand out copies).
    """
    registry_dir, vocabulary_dir = _folders(path)
    try:
        digest = _files_digest(registry_dir, vocabulary_dir)
    except OSError:
        return _load(registry_dir, vocabulary_dir, "")  # fails, naming the file it cannot read
    return _loaded.get(digest, lambda: _load(registry_dir, vocabulary_dir, digest))


#: the registries read, by their files' contents
_loaded: Kept[Registry] = Kept(8)


def _files_digest(*folders: pathlib.Path) -> str:
    """SHA-256 over the name and bytes of every YAML file in ``folders`` (a folder that is
    missing counts as empty: loading it then fails with its own message)."""
    digest = hashlib.sha256()
    for folder in folders:
        files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        digest.update(f"{folder.name}/{len(files)}\0".encode())
        for file in files:
            data = file.read_bytes()
            digest.update(f"{file.name}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


def _load(registry_dir: pathlib.Path, vocabulary_dir: pathlib.Path, digest: str) -> Registry:
    iscms = _load_iscms(registry_dir / "iscms.yaml")
    igos = _load_igos(registry_dir / "igos.yaml")
    states = _load_states(registry_dir / "states.yaml")
    _check_unique_codes([*iscms, *igos, *states], registry_dir)
    note, memberships = _load_memberships(
        registry_dir / "memberships.yaml",
        iscms={e.code for e in iscms},
        members={e.code for e in [*states, *igos]},
    )
    vocabularies = _load_vocabularies(vocabulary_dir)
    return Registry(
        iscms=iscms,
        igos=igos,
        states=states,
        memberships=memberships,
        membership_note=note,
        vocabularies=vocabularies,
        digest=digest,
    )


def _folders(path: str | pathlib.Path | None) -> tuple[pathlib.Path, pathlib.Path]:
    if path is None:
        from questionnaires import data_path

        base = data_path()
    else:
        base = pathlib.Path(path)
    if (base / "registry").is_dir():
        return base / "registry", base / "vocabularies"
    if (base / "iscms.yaml").is_file():
        return base, base.parent / "vocabularies"
    raise RegistryError(f"{base}: no registry/ folder (and no iscms.yaml) found here")


def _read_yaml(file: pathlib.Path) -> Any:
    try:
        with file.open(encoding="utf-8") as stream:
            return load_yaml(stream)
    except FileNotFoundError:
        raise RegistryError(f"{file}: file not found") from None
    except yaml.YAMLError as exc:
        raise RegistryError(f"{file}: not valid YAML: {exc}") from None


def _read_list(file: pathlib.Path, key: str) -> list[dict[str, Any]]:
    """The list under top-level ``key`` of ``file``, each item a mapping."""
    data = _read_yaml(file)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise RegistryError(f"{file}: expected a top-level list '{key}:'")
    items = data[key]
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise RegistryError(f"{file}: entry {index}: expected a mapping, got {item!r}")
    return items


def _where(file: pathlib.Path, index: int, item: Mapping[str, Any], *path: str | int) -> str:
    """``file:line: entry N (code)``: the line of ``path`` (keys and list indexes) in entry N.

    Entries are read without line numbers (quickly); the file is read again for the line only
    when something is wrong.
    """
    code = item.get("code")
    line = _line_of(file, index, path)
    located = f"{file}:{line}" if line else str(file)
    return f"{located}: entry {index}" + (f" ({code})" if code else "")


def _line_of(file: pathlib.Path, index: int, path: tuple[str | int, ...]) -> int | None:
    """The line of entry ``index`` (1-based) of the list in ``file``, or of ``path`` within it."""
    try:
        data, problems = parse_yaml(file.read_text(encoding="utf-8"), str(file))
    except (OSError, UnicodeDecodeError):
        return None
    lists = (
        [value for value in data.values() if isinstance(value, LineList)] if not problems else []
    )
    if not lists or not 0 < index <= len(lists[0]):
        return None
    node: Any = lists[0][index - 1]
    line = lists[0].line_of(index - 1)
    for step in path:
        in_mapping = isinstance(node, LineDict) and step in node
        in_list = isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node)
        if not (in_mapping or in_list):
            break
        line, node = node.line_of(step), node[step]
    return line


def _required_str(file: pathlib.Path, index: int, item: Mapping[str, Any], key: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RegistryError(f"{_where(file, index, item, key)}: '{key}' must be a non-empty text")
    return value.strip()


def _optional_str(file: pathlib.Path, index: int, item: Mapping[str, Any], key: str) -> str:
    value = item.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RegistryError(f"{_where(file, index, item, key)}: '{key}' must be a text")
    return value.strip()


def _texts(
    file: pathlib.Path, index: int, item: Mapping[str, Any], key: str, *, required: bool
) -> dict[str, str]:
    """A text by language: ``{en: ..., fr: ...}``, or a plain string taken as English."""
    value = item.get(key)
    if value is None and not required:
        return {}
    if isinstance(value, str) and value.strip():
        return {"en": value.strip()}
    if not isinstance(value, dict) or not isinstance(value.get("en"), str) or not value["en"]:
        raise RegistryError(
            f"{_where(file, index, item, key)}: '{key}' must be a text or a mapping by language "
            "with at least 'en'"
        )
    unknown = sorted(set(value) - set(LANGUAGES))
    if unknown:
        raise RegistryError(
            f"{_where(file, index, item, key)}: '{key}' has unknown language(s) "
            + ", ".join(unknown)
        )
    return {lang: str(text).strip() for lang, text in value.items() if text}


def _choice(
    file: pathlib.Path, index: int, item: Mapping[str, Any], allowed: Iterable[str], key: str
) -> str:
    value = item.get(key)
    allowed = tuple(allowed)
    if value not in allowed:
        raise RegistryError(
            f"{_where(file, index, item, key)}: '{key}' is {value!r}; expected one of "
            + ", ".join(allowed)
        )
    return str(value)


def _code(
    file: pathlib.Path, index: int, item: Mapping[str, Any], pattern: re.Pattern[str], expected: str
) -> str:
    code = item.get("code")
    if not isinstance(code, str) or not pattern.match(code):
        raise RegistryError(f"{file}: entry {index}: code {code!r} is not {expected}")
    return code


def _load_iscms(file: pathlib.Path) -> list[RegistryEntry]:
    entries = []
    for index, item in enumerate(_read_list(file, "iscms"), start=1):
        code = _code(file, index, item, _ISCM_CODE, "a lower-case slug (khartoum-process)")
        name = _texts(file, index, item, "name", required=True)
        short_name = _texts(file, index, item, "short_name", required=False) or dict(name)
        entries.append(
            RegistryEntry(
                code=code,
                kind="iscm",
                name=name,
                short_name=short_name,
                acronym=_optional_str(file, index, item, "acronym"),
                in_sentence=_texts(file, index, item, "in_sentence", required=False)
                or dict(short_name),
                region=_required_str(file, index, item, "region"),
                iscm_kind=_choice(file, index, item, ISCM_KINDS, "kind"),
                secretariat=_required_str(file, index, item, "secretariat"),
                **_founding(file, index, item),
            )
        )
    return entries


def _founding(file: pathlib.Path, index: int, item: Mapping[str, Any]) -> dict[str, Any]:
    """An ISCM's founding year, event, sources and note; a year must cite a source."""
    year = item.get("founding_year")
    sources = item.get("founding_sources")
    if year is None and sources is None:
        return {}
    latest = dt.date.today().year
    if isinstance(year, bool) or not isinstance(year, int):
        raise RegistryError(
            f"{_where(file, index, item, 'founding_year')}: 'founding_year' must be a year "
            f"(a number such as 2014), not {year!r}"
        )
    if not EARLIEST_FOUNDING_YEAR <= year <= latest:
        raise RegistryError(
            f"{_where(file, index, item, 'founding_year')}: 'founding_year' {year} is not "
            f"between {EARLIEST_FOUNDING_YEAR} and {latest}"
        )
    if not isinstance(sources, list) or not sources:
        # the line of the list when it is there but empty, else of the year it should source
        key = "founding_sources" if "founding_sources" in item else "founding_year"
        raise RegistryError(
            f"{_where(file, index, item, key)}: 'founding_sources' must list at least one "
            "public source (title and url) of the founding year"
        )
    return {
        "founding_year": year,
        "founding_event": _optional_str(file, index, item, "founding_event"),
        "founding_sources": tuple(
            _citation(file, index, item, position) for position in range(len(sources))
        ),
        "founding_note": " ".join(_optional_str(file, index, item, "founding_note").split()),
    }


def _citation(file: pathlib.Path, index: int, item: Mapping[str, Any], position: int) -> Citation:
    """Item ``position`` of an ISCM's ``founding_sources``: a title and an http(s) address."""
    source = item["founding_sources"][position]
    what = f"'founding_sources' item {position + 1}"
    if not isinstance(source, dict):
        where = _where(file, index, item, "founding_sources", position)
        raise RegistryError(f"{where}: {what} must be a mapping with 'title' and 'url'")
    title, url = source.get("title"), source.get("url")
    if not isinstance(title, str) or not title.strip():
        where = _where(file, index, item, "founding_sources", position, "title")
        raise RegistryError(f"{where}: {what}: 'title' must be a non-empty text")
    if not isinstance(url, str) or not _URL.match(url.strip()):
        where = _where(file, index, item, "founding_sources", position, "url")
        raise RegistryError(f"{where}: {what}: 'url' must be an http(s) address, not {url!r}")
    return Citation(" ".join(title.split()), url.strip())


def _load_igos(file: pathlib.Path) -> list[RegistryEntry]:
    entries = []
    for index, item in enumerate(_read_list(file, "igos"), start=1):
        code = _code(file, index, item, _IGO_CODE, "a lower-case code (iom, unhcr)")
        name = _texts(file, index, item, "name", required=True)
        acronym = _optional_str(file, index, item, "acronym")
        short_name = _texts(file, index, item, "short_name", required=False) or (
            {"en": acronym} if acronym else dict(name)
        )
        entries.append(
            RegistryEntry(
                code=code,
                kind="igo",
                name=name,
                short_name=short_name,
                acronym=acronym,
                in_sentence=_texts(file, index, item, "in_sentence", required=False)
                or dict(short_name),
                region=_optional_str(file, index, item, "region"),
            )
        )
    return entries


def _load_states(file: pathlib.Path) -> list[RegistryEntry]:
    entries = []
    for index, item in enumerate(_read_list(file, "states"), start=1):
        code = _code(file, index, item, _STATE_CODE, "an ISO 3166-1 alpha-3 code (NLD)")
        country = pycountry.countries.get(alpha_3=code)
        if country is None:
            raise RegistryError(f"{file}: entry {index} ({code}): not an ISO 3166-1 alpha-3 code")
        region = _choice(file, index, item, STATE_REGIONS, "region")
        own_name = _by_language(file, index, item, "name")
        own_short = _by_language(file, index, item, "short_name")
        own_sentence = _by_language(file, index, item, "in_sentence")
        name, short_name, in_sentence = {}, {}, {}
        for lang in LANGUAGES:
            short = own_short.get(lang) or country_name(country.alpha_2, lang)
            if not short:
                raise RegistryError(
                    f"{_where(file, index, item)}: CLDR has no {lang} name for "
                    f"{country.alpha_2}: give 'short_name' in {lang}"
                )
            short_name[lang] = short
            name[lang] = own_name.get(lang) or short
            in_sentence[lang] = own_sentence.get(lang) or short
        entries.append(
            RegistryEntry(
                code=code,
                kind="state",
                name=name,
                short_name=short_name,
                acronym="",
                in_sentence=in_sentence,
                region=region,
            )
        )
    return entries


def _by_language(
    file: pathlib.Path, index: int, item: Mapping[str, Any], key: str
) -> dict[str, str]:
    """A State's own names: a text (English) or a mapping by language of any of LANGUAGES."""
    value = item.get(key)
    if value is None:
        return {}
    if isinstance(value, str) and value.strip():
        return {"en": value.strip()}
    texts_ok = isinstance(value, dict) and all(
        isinstance(text, str) and text.strip() for text in value.values()
    )
    if not texts_ok or not value:
        raise RegistryError(
            f"{_where(file, index, item, key)}: '{key}' must be a text (English) or a mapping "
            "of languages to texts"
        )
    unknown = sorted(set(value) - set(LANGUAGES))
    if unknown:
        raise RegistryError(
            f"{_where(file, index, item, key)}: '{key}' has unknown language(s) "
            + ", ".join(unknown)
        )
    return {lang: text.strip() for lang, text in value.items()}


@functools.cache
def _locale(language: str) -> babel.Locale:
    return babel.Locale.parse(language)


def country_name(alpha_2: str, language: str) -> str:
    """CLDR's name of the country ``alpha_2`` (ISO 3166-1) in ``language``; "" when it has none.

    Apostrophes are written straight, as in every other text of the project ("Côte d'Ivoire").
    This is the name before ``states.yaml`` overrides it: use :attr:`RegistryEntry.short_name`.
    """
    return _locale(language).territories.get(alpha_2.upper(), "").replace("’", "'")


# -- cities ---------------------------------------------------------------------------------


@functools.cache
def _time_zone_cities() -> dict[str, str]:
    """CLDR's time zones by the name of their exemplar city, folded (``rome``, ``roma``).

    English names come first; a name in another of :data:`LANGUAGES` that is not an English
    one also leads to its zone, so that "Genève" or "Roma" typed in an answer is found too.
    """
    zones = sorted(z for z in babel.core.get_global("zone_territories") if not z.startswith("Etc/"))
    index: dict[str, str] = {}
    for language in LANGUAGES:
        locale = _locale(language)
        for zone in zones:
            index.setdefault(_city_key(_zone_city(zone, locale)), zone)
    return index


def _zone_city(zone: str, locale: babel.Locale) -> str:
    """The exemplar city of ``zone`` in ``locale``: CLDR's own (of the zone, of the zone it is
    an alias of, of its metazone), else the id's last part.

    What Babel's ``get_timezone_location(zone, locale, return_city=True)`` answers (the same for
    every zone in every language: ``tests/test_registry.py``), without building a pytz time
    zone for each: the index of cities asked for 814 of them, 60 ms of every process that
    writes a summary.
    """
    city = locale.time_zones.get(zone, {}).get("city")
    if city:
        return city
    zone = babel.core.get_global("zone_aliases").get(zone, zone)
    city = locale.time_zones.get(zone, {}).get("city") or locale.meta_zones.get(
        babel.core.get_global("meta_zones").get(zone), {}
    ).get("city")
    return city or zone.rpartition("/")[2].replace("_", " ")


def _city_key(name: str) -> str:
    """``name`` folded for looking a city up: case, accents, apostrophes and spacing aside."""
    decomposed = unicodedata.normalize("NFKD", name.replace("_", " ").replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


@functools.cache
def _city_overrides(file: pathlib.Path | None = None) -> dict[str, dict[str, str]]:
    """``cities.yaml``: the names of cities no time zone is named after, by each of their
    names, folded."""
    if file is None:
        from questionnaires import data_path

        file = data_path() / "registry" / "cities.yaml"
    cities: dict[str, dict[str, str]] = {}
    for index, item in enumerate(_read_list(file, "cities"), start=1):
        names = _texts(file, index, item, "name", required=True)
        for language in LANGUAGES:
            if language in names:
                cities.setdefault(_city_key(names[language]), names)
    return cities


def city_name(name: str, language: str) -> str:
    """The city ``name`` ("Rome") as ``language`` writes it ("Roma" in Spanish, "روما" in
    Arabic).

    The name comes from ``questionnaires/registry/cities.yaml`` when it lists the city, else
    from CLDR's exemplar city of the time zone named after it. ``name`` may be written in any of
    :data:`LANGUAGES` ("Genève"); a city neither knows, or a language CLDR does not have, keeps
    ``name`` as it is.
    """
    key = _city_key(name)
    if not key:
        return name
    override = _city_overrides().get(key)
    if override is not None:
        return override.get(language) or override["en"]
    zone = _time_zone_cities().get(key)
    if zone is None:
        return name
    try:
        locale = _locale(language)
    except (ValueError, babel.UnknownLocaleError):
        return name
    return _zone_city(zone, locale) or name


def _check_unique_codes(entries: list[RegistryEntry], folder: pathlib.Path) -> None:
    seen: dict[str, str] = {}
    for entry in entries:
        if entry.code in seen:
            raise RegistryError(
                f"{folder}: code {entry.code!r} is used twice ({seen[entry.code]} and {entry.kind})"
            )
        seen[entry.code] = entry.kind


def _load_memberships(
    file: pathlib.Path, *, iscms: set[str], members: set[str]
) -> tuple[str, list[Membership]]:
    data = _read_yaml(file)
    note = data.get("note", "") if isinstance(data, dict) else ""
    if not isinstance(note, str):
        raise RegistryError(f"{file}: 'note' must be a text")
    memberships = []
    seen: set[tuple[str, str, str]] = set()
    for index, item in enumerate(_read_list(file, "memberships"), start=1):
        where = f"{file}: membership {index} ({item.get('iscm')} / {item.get('member')})"
        if item.get("iscm") not in iscms:
            raise RegistryError(f"{where}: unknown ISCM {item.get('iscm')!r}")
        if item.get("member") not in members:
            raise RegistryError(f"{where}: unknown State or IGO {item.get('member')!r}")
        if item.get("role") not in MEMBERSHIP_ROLES:
            raise RegistryError(
                f"{where}: role {item.get('role')!r}; expected one of "
                + ", ".join(MEMBERSHIP_ROLES)
            )
        illustrative = item.get("illustrative", False)
        if not isinstance(illustrative, bool):
            raise RegistryError(f"{where}: 'illustrative' must be true or false")
        membership = Membership(item["iscm"], item["member"], item["role"], illustrative)
        key = (membership.iscm, membership.member, membership.role)
        if key in seen:
            raise RegistryError(f"{where}: listed twice with role {membership.role}")
        seen.add(key)
        memberships.append(membership)
    return note.strip(), memberships


def _load_vocabularies(folder: pathlib.Path) -> dict[str, list[dict[str, Any]]]:
    if not folder.is_dir():
        raise RegistryError(f"{folder}: vocabularies folder not found")
    vocabularies = {}
    for file in sorted(folder.glob("*.yaml")):
        items = _read_list(file, "choices")
        choices = []
        codes: set[str] = set()
        for index, item in enumerate(items, start=1):
            code = item.get("code")
            if not isinstance(code, str) or not _VOCABULARY_CODE.match(code):
                raise RegistryError(f"{file}: choice {index}: code {code!r} is not snake_case")
            if code in codes:
                raise RegistryError(f"{file}: choice {index} ({code}): code listed twice")
            codes.add(code)
            label = _texts(file, index, item, "label", required=True)
            choices.append({"code": code, "label": label})
        vocabularies[file.stem] = choices
    return vocabularies


def region_name(region: str, language: str) -> str:
    """A State's region (one of :data:`STATE_REGIONS`) as ``language`` names it, from CLDR
    ("Afrique", "أفريقيا"); any other text unchanged."""
    code = _REGION_CODES.get(region)
    if code is None:
        return region
    try:
        return babel.Locale.parse(language).territories.get(code, region)
    except (ValueError, babel.UnknownLocaleError):
        return region
