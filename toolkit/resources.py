"""The one loader for language data kept under ``langs/<code>/``.

Every piece of language knowledge (abbreviations, month names, speech verbs, transliteration
tables, name lists, small models) is a file in ``langs/<code>/``. Code never opens those files
itself: it asks this module, which finds the folder (source checkout or installed package),
parses the common formats once and caches the result.

File conventions, shared by every table:

* UTF-8, one entry a line; blank lines and lines starting with ``#`` are ignored
  (write ``\\#`` to start an entry with a literal ``#``).
* ``.tsv`` files are tab-separated; a cell written as ``U+0640`` or ``U+0627 U+0644`` stands
  for those code points, so invisible characters stay readable in the file.

>>> "en" in available_languages()
True
>>> "said" in word_set("en", "speech_verbs.txt")
True
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import regex

__all__ = [
    "ResourceError",
    "langs_root",
    "available_languages",
    "resource_path",
    "has_resource",
    "read_lines",
    "word_set",
    "read_tsv",
    "read_tsv_sections",
    "read_mapping",
    "read_json",
    "decode_cell",
]

_CODEPOINTS = regex.compile(r"^U\+[0-9A-Fa-f]{4,6}(?:\s+U\+[0-9A-Fa-f]{4,6})*$")


class ResourceError(LookupError):
    """A language resource is missing or malformed; the message names the file."""


def langs_root() -> Path:
    """The folder holding one sub-folder per language.

    ``TOOLKIT_LANGS`` overrides it (to try a new language without reinstalling).

    >>> (langs_root() / "ar").is_dir()
    True
    """
    return _langs_root(os.environ.get("TOOLKIT_LANGS"))


@lru_cache(maxsize=8)
def _langs_root(env: str | None) -> Path:
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here / "langs", here.parent / "langs"):
        if candidate.is_dir():
            return candidate
    raise ResourceError(f"no langs/ folder next to {here}; reinstall the package or set TOOLKIT_LANGS")


def available_languages() -> list[str]:
    """Language codes that have a data folder, sorted.

    >>> available_languages()[:2]
    ['ar', 'en']
    """
    root = langs_root()
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def resource_path(lang: str, name: str) -> Path:
    """Path of ``langs/<lang>/<name>``; raises :class:`ResourceError` when it does not exist.

    >>> resource_path("en", "speech_verbs.txt").name
    'speech_verbs.txt'
    """
    path = langs_root() / lang / name
    if not path.exists():
        raise ResourceError(f"language resource not found: {path} (lang={lang!r}, file={name!r})")
    return path


def has_resource(lang: str, name: str) -> bool:
    """True when ``langs/<lang>/<name>`` exists.

    >>> has_resource("xx", "nothing.txt")
    False
    """
    return _exists(langs_root(), lang, name)


@lru_cache(maxsize=None)
def _exists(root: Path, lang: str, name: str) -> bool:
    return (root / lang / name).exists()


def decode_cell(cell: str) -> str:
    """Turn ``U+XXXX`` notation into the characters; other cells are returned unchanged.

    >>> decode_cell("U+0627 U+0644")
    'ال'
    >>> decode_cell("Ramallah")
    'Ramallah'
    """
    cell = cell.strip("\r")
    if _CODEPOINTS.match(cell.strip()):
        return "".join(chr(int(part[2:], 16)) for part in cell.split())
    return cell


def _content_lines(path: Path):
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("\\#"):
                line = line[1:]
            yield line


@lru_cache(maxsize=None)
def read_lines(lang: str, name: str) -> tuple[str, ...]:
    """Entries of a one-entry-a-line file, stripped, comments and blanks skipped.

    >>> "Dr." in read_lines("en", "abbreviations.txt")
    True
    """
    return tuple(line.strip() for line in _content_lines(resource_path(lang, name)))


@lru_cache(maxsize=None)
def word_set(lang: str, name: str, casefold: bool = False) -> frozenset[str]:
    """The entries of a list file as a frozen set (optionally case-folded).

    >>> "قال" in word_set("ar", "speech_verbs.txt")
    True
    """
    items = read_lines(lang, name)
    return frozenset(i.casefold() for i in items) if casefold else frozenset(items)


@lru_cache(maxsize=None)
def read_tsv(lang: str, name: str, min_columns: int = 1) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated table, each cell decoded with :func:`decode_cell`.

    >>> row = read_tsv("en", "months.tsv")[0]
    >>> row[:2]
    ('january', '1')
    """
    path = resource_path(lang, name)
    rows = []
    for number, line in enumerate(_content_lines(path), 1):
        cells = tuple(decode_cell(c) for c in line.split("\t"))
        if len(cells) < min_columns:
            raise ResourceError(f"{path}: row {number} has {len(cells)} columns, expected {min_columns}")
        rows.append(cells)
    return tuple(rows)


@lru_cache(maxsize=None)
def read_tsv_sections(lang: str, name: str, min_columns: int = 1) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Rows of a tab-separated table with the heading of the section each is in: the last ``#``
    comment line above the row (``""`` before any), so a table can group its rows by kind
    (``names.tsv``: given names, family names, places, organisations).

    >>> section, row = read_tsv_sections("ar", "names.tsv")[0]
    >>> section.startswith("Given names"), len(row) >= 2
    (True, True)
    """
    path = resource_path(lang, name)
    out, section = [], ""
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if line.startswith("#"):
                section = line.lstrip("#").strip()
                continue
            if not line.strip():
                continue
            if line.startswith("\\#"):
                line = line[1:]
            cells = tuple(decode_cell(c) for c in line.split("\t"))
            if len(cells) < min_columns:
                raise ResourceError(f"{path}: line {number} has {len(cells)} columns, expected {min_columns}")
            out.append((section, cells))
    return tuple(out)


@lru_cache(maxsize=None)
def read_mapping(lang: str, name: str) -> dict[str, str]:
    """A two-column table as a dict (first column to second); later rows win.

    >>> read_mapping("en", "months.tsv")["jan"]
    '1'
    """
    return {row[0]: row[1] for row in read_tsv(lang, name, min_columns=2)}


@lru_cache(maxsize=None)
def read_json(lang: str, name: str):
    """A JSON resource, parsed once.

    >>> isinstance(read_json("en", "sentences.json"), dict)
    True
    """
    path = resource_path(lang, name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ResourceError(f"{path}: invalid JSON: {exc}") from exc
