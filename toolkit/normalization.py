"""Normalise mixed Arabic/English text, keeping a map back to every original character.

Each operation is a switch; a *profile* gives their defaults and keyword switches override them:

==================  =======  ======  =====  ==================================================
switch              display  search  match  what it does
==================  =======  ======  =====  ==================================================
mojibake            no       no      no     repair mojibake with ftfy (only if installed)
nfc                 yes      yes     yes    Unicode NFC first (only where the text needs it)
presentation_forms  yes      yes     yes    U+FB50-U+FDFF, U+FE70-U+FEFE to letters
invisibles          yes      yes     yes    bidi controls, zero width characters removed;
                                            ZWNJ kept between Arabic letters, ZWJ between
                                            non-Arabic characters (emoji sequences)
whitespace          yes      yes     yes    all spaces to U+0020, line separators to newline
collapse_spaces     no       yes     yes    runs of spaces to one
tatweel             yes      yes     yes    tatweel removed
harakat             no       yes     yes    vowel marks removed
keep_shadda         --       no      no     with harakat: keep the shadda
alef                no       yes     yes    أ إ آ ٱ to ا
alef_maqsura        no       yes     yes    ى to ي
ta_marbuta          no       yes     yes    ة to ه
hamza_seats         no       no      yes    ؤ ئ to ء
digits              no       yes     yes    Arabic-Indic and Persian digits to ASCII
punctuation         no       yes     yes    ، ؛ ؟ ٪ ٫ ٬ to , ; ? % . ,
quotes_dashes       no       yes     yes    typographic quotes, dashes, … to ASCII
casefold            no       yes     yes    Latin letters case-folded (other scripts untouched)
==================  =======  ======  =====  ==================================================

The character tables are data: ``langs/ar/normalize/*.tsv`` and ``langs/en/normalize/*.tsv``,
one file per operation. For one profile they are composed into a single table, applied with
``str.replace`` for the few characters that are frequent in Arabic text and one ``re.split``
over a character class of the rest (the changed characters come back without a Python call per
match and are mapped with a dict). Only characters that change the length (deletions, expansions)
become edits, and the :class:`~toolkit.offsets.OffsetMap` breakpoints are written straight from
them; 1:1 changes cost no map at all.
Emoji, symbols and other scripts pass through untouched. Normalising twice changes nothing.

>>> n = normalize("أَهْلاً بِالعالَمِ ١٢", profile="search")
>>> n.text
'اهلا بالعالم 12'
>>> n.span_to_original(5, 12), n.original[slice(*n.span_to_original(5, 12))]
((8, 18), 'بِالعالَمِ')
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from itertools import accumulate
from functools import lru_cache

import regex

from .offsets import OffsetBuilder, OffsetMap, _Piecewise, from_edits, identity_map
from .resources import read_tsv

__all__ = ["normalize", "Normalized", "PROFILES", "SWITCHES"]

# switch -> (lang, table file); order is the order the operations apply in
_TABLES = (
    ("presentation_forms", "ar", "normalize/presentation_forms.tsv"),
    ("invisibles", "ar", "normalize/invisibles.tsv"),
    ("whitespace", "en", "normalize/whitespace.tsv"),
    ("tatweel", "ar", "normalize/tatweel.tsv"),
    ("harakat", "ar", "normalize/harakat.tsv"),
    ("_shadda", "ar", "normalize/shadda.tsv"),
    ("alef", "ar", "normalize/alef.tsv"),
    ("alef_maqsura", "ar", "normalize/alef_maqsura.tsv"),
    ("ta_marbuta", "ar", "normalize/ta_marbuta.tsv"),
    ("hamza_seats", "ar", "normalize/hamza_seats.tsv"),
    ("digits", "ar", "normalize/digits.tsv"),
    ("punctuation", "ar", "normalize/punctuation.tsv"),
    ("quotes_dashes", "en", "normalize/quotes_dashes.tsv"),
    ("casefold", "en", "normalize/casefold.tsv"),
)

_DISPLAY = dict(mojibake=False, nfc=True, presentation_forms=True, invisibles=True, whitespace=True,
                collapse_spaces=False, tatweel=True, harakat=False, keep_shadda=False, alef=False,
                alef_maqsura=False, ta_marbuta=False, hamza_seats=False, digits=False,
                punctuation=False, quotes_dashes=False, casefold=False)
_SEARCH = {**_DISPLAY, "collapse_spaces": True, "harakat": True, "alef": True, "alef_maqsura": True,
           "ta_marbuta": True, "digits": True, "punctuation": True, "quotes_dashes": True,
           "casefold": True}
_MATCH = {**_SEARCH, "hamza_seats": True}

#: Switch defaults of each profile.
PROFILES: dict[str, dict[str, bool]] = {"display": _DISPLAY, "search": _SEARCH, "match": _MATCH}
#: Every switch name.
SWITCHES = tuple(_DISPLAY)

# characters frequent enough in Arabic text to be worth one str.replace each
_FREQUENT = "ةأ،إى«»آ؟؛"

_ZWNJ, _ZWJ = "\u200c", "\u200d"
_ARABIC_LETTER = r"\u0620-\u063F\u0641-\u064A\u066E-\u066F\u0671-\u06D3\u06D5\u06EE-\u06EF\u06FA-\u06FC\u06FF" \
                 r"\u0750-\u077F\u08A0-\u08C9"
_ARABIC_MARK = r"\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u08CA-\u08FF"
_ARABIC_ANY = r"\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF"
# a run of joiners, with the characters on either side
_JOINERS = re.compile(r"[\u200c\u200d]+")
_KEEP_ZWNJ_BEFORE = re.compile(f"[{_ARABIC_LETTER}{_ARABIC_MARK}]")
_KEEP_ZWNJ_AFTER = re.compile(f"[{_ARABIC_LETTER}]")
_NOT_ARABIC_OR_SPACE = re.compile(f"[^\\s{_ARABIC_ANY}]")
_SPACES = re.compile(r"  +")
_NFC_CLUSTER = regex.compile(r"(?:\p{NFC_QC=No}|\P{M})?[\p{M}\p{NFC_QC=Maybe}]+|\p{NFC_QC=No}")


@dataclass(frozen=True)
class Normalized:
    """A normalised text, its original and the map between them.

    >>> n = normalize("ﻻ", profile="display")
    >>> n.text, n.span_to_original(1, 2)
    ('لا', (0, 1))
    """

    text: str
    original: str
    map: OffsetMap

    def to_original(self, i: int) -> int:
        """Original position of output position ``i`` (``len(text)`` maps to ``len(original)``)."""
        return self.map.to_original(i)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Span of the original behind output ``[start, end)``: the smallest covering span, plus the
        removed combining marks (harakat) of its last letter, so a word is never cut from its
        diacritics."""
        s, e = self.map.span_to_original(start, end)
        if end > start:
            limit = self.map.to_original(end) if end < len(self.text) else len(self.original)
            while e < limit and unicodedata.category(self.original[e]) == "Mn":
                e += 1
        return s, e

    def original_text(self, start: int, end: int) -> str:
        """The original characters behind output ``[start, end)``."""
        s, e = self.span_to_original(start, end)
        return self.original[s:e]

    def __str__(self) -> str:
        return self.text


def _table_rows(lang: str, name: str) -> list[tuple[str, str]]:
    rows = []
    for row in read_tsv(lang, name):
        cells = [c for c in row if not c.startswith("#")]
        if not cells:
            continue
        rows.append((cells[0], cells[1] if len(cells) > 1 else ""))
    return rows


class _Plan:
    """One compiled profile: the composed table and the ways to apply it."""

    def __init__(self, switches: dict[str, bool]):
        self.switches = switches
        active = dict(switches)
        active["_shadda"] = switches["harakat"] and not switches["keep_shadda"]
        steps = []
        for switch, lang, name in _TABLES:
            if active.get(switch):
                steps.append(dict(_table_rows(lang, name)))
        keys = set().union(*steps) if steps else set()

        def apply(s: str) -> str:
            for step in steps:
                s = "".join(step.get(ch, ch) for ch in s)
            return s

        table = {}
        for k in sorted(keys):
            v = k
            for _ in range(4):  # compose until stable, so one pass is final (idempotence)
                nv = apply(v)
                if nv == v:
                    break
                v = nv
            if v != k:
                table[k] = v
        self.table = table
        self.frequent = [(k, table[k]) for k in _FREQUENT if k in table and len(table[k]) == 1]
        rest = sorted(set(table) - {k for k, _ in self.frequent})
        self.rest = {k: table[k] for k in rest}
        self.resize = frozenset(k for k in rest if len(table[k]) != 1)
        # one capturing class, written as ranges, without "+": re's charset search loop stays in
        # C and split() hands back the changed characters without a Python call per match
        self.rest_rx = re.compile("(" + _char_class(rest) + ")") if rest else None

    def apply(self, text: str) -> tuple[str, OffsetMap | None, bool]:
        """The table pass: the new text, its map (None when only 1:1 changes happened) and
        whether a deletion or expansion put a combining character next to new neighbours."""
        for k, v in self.frequent:
            text = text.replace(k, v)
        rx = self.rest_rx
        if rx is None:
            return text, None, False
        parts = rx.split(text)
        if len(parts) == 1:
            return text, None, False
        found = parts[1::2]
        rest = self.rest
        parts[1::2] = [rest[c] for c in found]
        out = "".join(parts)
        resize = self.resize
        if len(out) == len(text) and resize.isdisjoint(found):
            return out, None, False
        # original position of each changed character: the lengths of the pieces before it
        starts = list(accumulate(len(p) + 1 for p in parts[0:-1:2]))
        edits = [(starts[k] - 1, 1, len(rest[c])) for k, c in enumerate(found) if c in resize]
        mapping = _edits_map(edits, len(text), len(out))
        renorm = not unicodedata.is_normalized("NFC", out)
        return out, mapping, renorm


def _char_class(chars) -> str:
    """A regex character class for ``chars``, with consecutive code points as ranges."""
    cps = sorted(set(map(ord, chars)))
    out = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        out.append(re.escape(chr(cps[i])) if i == j else f"{re.escape(chr(cps[i]))}-{re.escape(chr(cps[j]))}")
        i = j + 1
    return "[" + "".join(out) + "]"


def _edits_map(edits, original_length: int, output_length: int) -> OffsetMap:
    """:func:`~toolkit.offsets.from_edits` for sorted one-character edits ``(pos, 1, n_out)``
    (deletions and expansions: harakat, tatweel, invisibles, ligatures, ``…``), writing the
    breakpoints of the two piecewise functions directly instead of replaying every kept stretch.

    >>> m = _edits_map([(1, 1, 0), (3, 1, 2)], 5, 5)
    >>> m == from_edits([(1, 1, 0), (3, 1, 2)], 5)
    True
    """
    hx, hs, lx, ls = [0], [0], [0], [0]

    def put(xs, ss, x, v):
        if ss[-1] == v:
            return
        if xs[-1] == x:
            ss[-1] = v
            if len(xs) > 1 and ss[-2] == v:
                xs.pop()
                ss.pop()
        else:
            xs.append(x)
            ss.append(v)

    s = 0  # original minus output position so far
    for pos, _, n in edits:
        j = pos - s  # output boundary where the edit happens
        if n == 0:
            s += 1
            if hx[-1] == j:
                put(hx, hs, j, s)
            else:
                hx.append(j)
                hs.append(s)
            if j < output_length:
                if lx[-1] == j + 1:
                    put(lx, ls, j + 1, s)
                else:
                    lx.append(j + 1)
                    ls.append(s)
        else:
            for t in range(1, n):
                put(hx, hs, j + t, s - t)
                put(lx, ls, j + t, s + 1 - t)
            s += 1 - n
            put(hx, hs, j + n, s)
            put(lx, ls, j + n, s)
    lo = _Piecewise(array("q", lx), array("q", ls))
    hi = _Piecewise(array("q", hx), array("q", hs))
    return OffsetMap(lo, hi, output_length, original_length)


@lru_cache(maxsize=64)
def _plan(key: tuple) -> _Plan:
    return _Plan(dict(key))


def _switches(profile: str | None, overrides: dict) -> tuple:
    if profile is None:
        profile = "display"
    try:
        base = PROFILES[profile]
    except KeyError:
        raise ValueError(f"unknown normalisation profile {profile!r}; known: {', '.join(PROFILES)}") from None
    unknown = set(overrides) - set(base)
    if unknown:
        raise TypeError(f"unknown normalisation switch(es) {sorted(unknown)}; known: {', '.join(SWITCHES)}")
    merged = {**base, **{k: bool(v) for k, v in overrides.items()}}
    return tuple(sorted(merged.items()))


def _chain(current: OffsetMap | None, new: OffsetMap | None) -> OffsetMap | None:
    if new is None:
        return current
    if current is None:
        return new
    return current.compose(new)


def _nfc(text: str) -> tuple[str, OffsetMap | None]:
    """NFC, with a map: each changed cluster (a base and its marks) is one replacement."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    pieces = []
    edits = []
    prev = 0
    n = len(text)
    # only chunks (then lines) that need it pay for the cluster search
    start = 0
    while start < n:
        end = text.find("\n", start + 8192)
        end = n if end < 0 else end + 1
        if not unicodedata.is_normalized("NFC", text[start:end]):
            ls = start
            while ls < end:
                le = text.find("\n", ls, end)
                le = end if le < 0 else le + 1
                line = text[ls:le]
                if not unicodedata.is_normalized("NFC", line):
                    for m in _NFC_CLUSTER.finditer(line):
                        cluster = m.group()
                        fixed = unicodedata.normalize("NFC", cluster)
                        if fixed != cluster:
                            s = ls + m.start()
                            pieces.append(text[prev:s])
                            pieces.append(fixed)
                            prev = ls + m.end()
                            edits.append((s, len(cluster), len(fixed)))
                ls = le
        start = end
    pieces.append(text[prev:])
    return "".join(pieces), from_edits(edits, n)


def _joiners(text: str) -> tuple[str, OffsetMap | None]:
    """Remove ZWNJ/ZWJ except a lone ZWNJ between Arabic letters and a lone ZWJ between two
    non-Arabic, non-space characters."""
    if _ZWNJ not in text and _ZWJ not in text:
        return text, None
    pieces = []
    builder = OffsetBuilder()
    prev = 0
    for m in _JOINERS.finditer(text):
        s, e = m.span()
        run = m.group()
        before = text[s - 1] if s else ""
        after = text[e] if e < len(text) else ""
        if len(run) == 1 and before and after:
            if run == _ZWNJ and _KEEP_ZWNJ_BEFORE.match(before) and _KEEP_ZWNJ_AFTER.match(after):
                continue
            if run == _ZWJ and _NOT_ARABIC_OR_SPACE.match(before) and _NOT_ARABIC_OR_SPACE.match(after):
                continue
        pieces.append(text[prev:s])
        prev = e
        builder.skip_to(s)
        builder.delete(e - s)
    if prev == 0 and not pieces:
        return text, None
    pieces.append(text[prev:])
    return "".join(pieces), builder.finish(len(text))


def _collapse(text: str) -> tuple[str, OffsetMap | None]:
    i = text.find("  ")
    if i < 0:
        return text, None
    pieces = []
    edits = []
    prev = 0
    n = len(text)
    while i >= 0:
        j = i + 2
        while j < n and text[j] == " ":
            j += 1
        pieces.append(text[prev:i + 1])
        edits.extend((k, 1, 0) for k in range(i + 1, j))
        prev = j
        i = text.find("  ", j)
    pieces.append(text[prev:])
    out = "".join(pieces)
    return out, _edits_map(edits, n, len(out))


def _common_ends(a: str, b: str) -> tuple[int, int]:
    p = 0
    limit = min(len(a), len(b))
    while p < limit and a[p] == b[p]:
        p += 1
    q = 0
    while q < limit - p and a[len(a) - 1 - q] == b[len(b) - 1 - q]:
        q += 1
    return p, q


def _mojibake(text: str) -> tuple[str, OffsetMap | None]:
    try:
        import ftfy  # optional: never a hard dependency
    except ImportError:
        return text, None
    builder = OffsetBuilder()
    pieces = []
    changed = False
    pos = 0
    for line in text.splitlines(keepends=True):
        fixed = ftfy.fix_text(line, normalization=None) if hasattr(ftfy, "fix_text") else line
        if fixed != line:
            changed = True
            p, q = _common_ends(line, fixed)
            builder.skip_to(pos + p)
            builder.replace(len(line) - p - q, len(fixed) - p - q)
        pieces.append(fixed)
        pos += len(line)
    if not changed:
        return text, None
    return "".join(pieces), builder.finish(len(text))


def normalize(text: str, profile: str | None = "display", **switches: bool) -> Normalized:
    """Normalise ``text`` with a profile (``"display"``, ``"search"``, ``"match"``) and
    optional switch overrides (see the module table); returns a :class:`Normalized`.

    >>> normalize("Ｔhe  “Gaza” ـــ غزّة", profile="search").text
    'ｔhe "gaza" غزه'
    >>> normalize("غزّة", profile="search", keep_shadda=True).text
    'غزّه'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() needs a str, got {type(text).__name__}")
    key = _switches(profile, switches)
    plan = _plan(key)
    sw = plan.switches
    original = text
    mapping: OffsetMap | None = None
    if sw["mojibake"]:
        text, m = _mojibake(text)
        mapping = _chain(mapping, m)
    for _ in range(4):
        if sw["nfc"]:
            text, m = _nfc(text)
            mapping = _chain(mapping, m)
        text, m, renorm = plan.apply(text)
        mapping = _chain(mapping, m)
        if not sw["nfc"] or not renorm:
            break
    if sw["invisibles"]:
        text, m = _joiners(text)
        mapping = _chain(mapping, m)
    if sw["collapse_spaces"]:
        text, m = _collapse(text)
        mapping = _chain(mapping, m)
    if mapping is None:
        mapping = identity_map(len(text))
    return Normalized(text, original, mapping)
