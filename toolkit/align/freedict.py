"""Arabic–English glosses from a FreeDict dictionary installed on the user's system.

FreeDict's Arabic–English dictionary (Arabeyes word list, about 53,000 headwords) is GPL, so it is
never bundled: it is read where the user installed it (Debian/Ubuntu: ``apt install
dict-freedict-ara-eng``, which writes ``/usr/share/dictd/freedict-ara-eng.index`` and ``.dict.dz``).
It is off unless asked for, so that the same input gives the same output on every machine:

* ``TOOLKIT_FREEDICT=auto``: look in the usual dictd folders (:data:`SEARCH_DIRS`);
* ``TOOLKIT_FREEDICT=/path/to/freedict-ara-eng.index`` (or the folder holding it): that file.

The dictd format is an index of ``headword<TAB>offset<TAB>length`` and
a data file (plain or dictzip, which gzip reads) whose entries are a headword line followed by
numbered English senses; the index only tells that the dictionary is there (see
:func:`load_freedict`).

>>> sorted(_senses("كتاب /kitaːb/\\n1. book\\n2. to write a letter\\n"))
['book', 'letter', 'write']
"""
from __future__ import annotations

import gzip
import os
from functools import lru_cache
from pathlib import Path

import regex

from ..resources import has_resource, word_set

__all__ = ["SEARCH_DIRS", "freedict_location", "load_freedict"]

#: Folders searched with ``TOOLKIT_FREEDICT=auto``.
SEARCH_DIRS = ("/usr/share/dictd", "/usr/local/share/dictd", "~/.local/share/dictd")
_NAME = "freedict-ara-eng"
_WORD = regex.compile(r"[A-Za-z][A-Za-z'-]+")
_MAX_SENSE_WORDS = 3        # longer senses are explanations, not glosses
_ARABIC = regex.compile(r"\p{Arabic}")
_HARAKAT = regex.compile(r"[\u064B-\u0652\u0670\u0640]")


def freedict_location(setting: str | None = None) -> Path | None:
    """The ``.index`` file to read, from ``setting`` (default: ``$TOOLKIT_FREEDICT``), or ``None``.

    >>> freedict_location("") is None, freedict_location("off") is None
    (True, True)
    """
    setting = os.environ.get("TOOLKIT_FREEDICT", "") if setting is None else setting
    setting = setting.strip()
    if not setting or setting.lower() in ("0", "no", "off", "none"):
        return None
    if setting.lower() in ("1", "yes", "auto"):
        places = [Path(d).expanduser() / f"{_NAME}.index" for d in SEARCH_DIRS]
    else:
        p = Path(setting).expanduser()
        places = [p / f"{_NAME}.index"] if p.is_dir() else [p]
    for index in places:
        if index.is_file() and _data_file(index) is not None:
            return index
    return None


def _data_file(index: Path) -> Path | None:
    stem = index.with_suffix("")
    for suffix in (".dict.dz", ".dict"):
        candidate = stem.with_name(stem.name + suffix)
        if candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    return word_set("en", "stopwords.txt", casefold=True) if has_resource("en", "stopwords.txt") else frozenset()


def _senses(entry: str) -> set[str]:
    """The content words of an entry's short senses (its first line is the headword)."""
    words: set[str] = set()
    for line in entry.splitlines()[1:]:
        sense = regex.sub(r"^\s*\d+\.\s*", "", line).strip()
        found = _WORD.findall(sense)
        if not found or len(found) > _MAX_SENSE_WORDS + 1:
            continue
        words.update(w.casefold() for w in found if w.casefold() not in _stop())
    return words


@lru_cache(maxsize=4)
def load_freedict(index: Path) -> dict[str, frozenset[str]]:
    """Arabic headword (single words, harakat dropped) -> English content words of its senses.

    The data file is read whole, entry by entry (a line with Arabic letters starts an entry; the
    English lines under it are its senses): this dictionary lists one Arabic word under several
    entries, and its index points at only one of them. A file that cannot be read gives an empty
    table (the aligner then uses the bundled list only).
    """
    data_path = _data_file(index)
    if data_path is None:
        return {}
    try:
        raw = data_path.read_bytes()
        if data_path.suffix == ".dz":
            raw = gzip.decompress(raw)
    except (OSError, EOFError, gzip.BadGzipFile):
        return {}
    table: dict[str, set[str]] = {}
    head, lines = None, []

    def flush():
        if head is not None and " " not in head:
            words = _senses("\n".join([head] + lines))
            if words:
                table.setdefault(head, set()).update(words)
                if head.startswith("ال") and len(head) > 4:     # الحافلة is listed, حافلة is not
                    table.setdefault(head[2:], set()).update(words)

    for line in raw.decode("utf-8", errors="replace").splitlines():
        if _ARABIC.search(line):
            flush()
            head, lines = _HARAKAT.sub("", line.split(" /", 1)[0].strip()), []
        elif head is not None:
            lines.append(line)
    flush()
    return {k: frozenset(v) for k, v in table.items()}
