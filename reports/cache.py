"""Cache keys: a hash of everything a summary's or the compendium's PDF depends on.

The web layer stores a rendered PDF under :func:`cache_key` and serves it again while the key
is unchanged. The key covers the dossier's content (answers, names, labels, views, meetings,
sources, the generation date printed in the annex), the analyst's edits, the language, and the
library itself: its Python code, templates, stylesheets and Fluent catalogues (``locales/*.ftl``)
byte for byte, and the versions of the renderers (WeasyPrint, matplotlib, networkx) whose output
can change the PDF.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import stat
from importlib import metadata
from pathlib import Path
from typing import Any

from reports.dossier import CompendiumDossier, IscmDossier
from reports.edits import checked_edits
from reports.text import hashable_bytes

#: the ``reports`` package folder, whose files make the PDF what it is
PACKAGE_FOLDER = Path(__file__).resolve().parent
#: bump when the cache format itself changes
CACHE_FORMAT = 1
_LIBRARY_SUFFIXES = (".py", ".html", ".css", ".yaml", ".ftl", ".ttf", ".otf", ".woff", ".woff2")


#: the last fingerprint of each folder, with what it was computed from (its files' sizes, times and
#: inodes, and the renderers' versions)
_fingerprints: dict[Path, tuple[tuple, str]] = {}


def library_fingerprint(folder: Path | None = None) -> str:
    """A SHA-256 of the library's own files (code, the feeds contract, templates, stylesheets,
    catalogues, fonts) and of the versions of the renderers it drives.

    Every summary's cache key includes it, so it is asked for at every download: the files are
    read and hashed again only when one was added, removed, replaced, resized or touched since
    the last time (otherwise a megabyte of fonts and code, 5 ms of a 36 ms cached download).
    """
    folder = folder or PACKAGE_FOLDER
    files = []
    for path in sorted(folder.rglob("*")):
        if path.suffix in _LIBRARY_SUFFIXES and "__pycache__" not in path.parts:
            status = path.stat()
            if stat.S_ISREG(status.st_mode):
                files.append(
                    (path, status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
                )
    versions = sorted(_versions().items())
    signature = (tuple((path.as_posix(), *rest) for path, *rest in files), tuple(versions))
    known = _fingerprints.get(folder)
    if known is not None and known[0] == signature:
        return known[1]
    digest = hashlib.sha256()
    for path, *_status in files:
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name, version in versions:
        digest.update(f"{name}={version}\0".encode())
    fingerprint = digest.hexdigest()
    _fingerprints[folder] = (signature, fingerprint)
    return fingerprint


def cache_key(
    dossier: IscmDossier, edits: dict[str, str] | None = None, language: str | None = None
) -> str:
    """The key of the per-ISCM summary's PDF: it changes when and only when an input does.

    Blank edits are left out, as the summary ignores them.

    :param language: the summary's language; it must be the dossier's (which is written in it).
    :raises ValueError: for a language other than the dossier's, or an edit of an unknown
        section.
    """
    _check_language(dossier.language, language)
    return _digest(
        {
            "kind": "iscm",
            "language": dossier.language,
            "dossier": _plain(dossier),
            "edits": checked_edits(edits),
            "library": library_fingerprint(),
            "format": CACHE_FORMAT,
        }
    )


def compendium_cache_key(compendium: CompendiumDossier) -> str:
    """The key of the compendium's PDF (see :func:`cache_key`)."""
    return _digest(
        {
            "kind": "compendium",
            "language": compendium.language,
            "compendium": _plain(
                dataclasses.replace(
                    compendium,
                    edits={code: checked_edits(edits) for code, edits in compendium.edits.items()},
                )
            ),
            "library": library_fingerprint(),
            "format": CACHE_FORMAT,
        }
    )


def _check_language(dossier_language: str, language: str | None) -> None:
    if language is not None and language != dossier_language:
        raise ValueError(
            f"the dossier is in {dossier_language!r}: build a dossier in {language!r} for a "
            f"summary in that language"
        )


@functools.cache
def _versions() -> dict[str, str]:
    # read from the installed distributions: importing the renderers costs seconds at start-up;
    # once per process, as the renderers a process imported do not change under it
    versions = {}
    for distribution in ("weasyprint", "matplotlib", "networkx", "pydyf", "markdown-it-py", "nh3"):
        try:
            versions[distribution] = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            versions[distribution] = "absent"
    return versions


def _plain(value: Any) -> Any:
    """``value`` as JSON-ready data, dictionaries with sorted keys, types kept apart."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            "__type__": type(value).__name__,
            **{f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)},
        }
    if isinstance(value, dict):
        return {"__dict__": sorted([str(k), _plain(v)] for k, v in value.items())}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return {"__date__": value.isoformat()}
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    return {"__repr__": repr(value)}


def _digest(value: Any) -> str:
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(hashable_bytes(canonical)).hexdigest()
