"""Transliterate Arabic to Latin script, with a map back to the original text.

Schemes (tables in ``langs/ar/translit/``):

* ``buckwalter``, ``buckwalter-safe``, ``buckwalter-xml``, ``hsb``: one character for one,
  reversible with :func:`detransliterate`.
* ``din31635``, ``iso233``: scholarly romanisation; uses the vowel marks where the text has them.
* ``news``: readable newsroom spelling of names (``langs/ar/names.tsv`` plus rules for the article,
  long vowels, ta marbuta and short vowels that the script does not write). Not reversible.

Non-Arabic text passes through. In the reversible schemes a stretch of non-Arabic, non-space
characters that holds a character of the scheme's alphabet (or ``[`` / ``]``) is written inside
``[`` ... ``]``, with a ``]`` inside doubled (``]]``); :func:`detransliterate` copies such a
stretch back verbatim. So ``قال Trump`` becomes ``qAl [Trump]`` and comes back unchanged.

>>> t = transliterate("قال Trump", "buckwalter")
>>> t.text, detransliterate(t.text, "buckwalter")
('qAl [Trump]', 'قال Trump')
>>> t.span_to_original(4, 11)
(4, 9)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .offsets import OffsetMap, from_edits, identity_map
from .resources import read_tsv

__all__ = ["transliterate", "detransliterate", "Transliterated", "SCHEMES", "REVERSIBLE"]

REVERSIBLE = ("buckwalter", "buckwalter-safe", "buckwalter-xml", "hsb")
SCHOLARLY = ("din31635", "iso233")
SCHEMES = REVERSIBLE + SCHOLARLY + ("news",)


@dataclass(frozen=True)
class Transliterated:
    """A transliterated text, its original and the map between them.

    >>> transliterate("سلام", "buckwalter").text
    'slAm'
    """

    text: str
    original: str
    map: OffsetMap
    scheme: str

    def to_original(self, i: int) -> int:
        """Original position of output position ``i``."""
        return self.map.to_original(i)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Smallest original span covering output ``[start, end)``."""
        return self.map.span_to_original(start, end)

    def __str__(self) -> str:
        return self.text


def _rows(name: str) -> list[tuple[str, str]]:
    out = []
    for row in read_tsv("ar", f"translit/{name}.tsv"):
        cells = [c for c in row if not c.startswith("#")]
        if cells:
            out.append((cells[0], cells[1] if len(cells) > 1 else ""))
    return out


class _OneToOne:
    def __init__(self, scheme: str):
        rows = _rows(scheme)
        self.forward = {ord(a): b for a, b in rows}
        self.backward = {ord(b): a for a, b in rows}
        if len(self.backward) != len(self.forward):
            raise ValueError(f"scheme {scheme} is not one to one")
        arabic = "".join(re.escape(a) for a, _ in rows)
        special = "".join(re.escape(b) for _, b in rows) + r"\[\]"
        # a stretch of non-Arabic, non-space characters holding at least one special character
        self.collide = re.compile(f"[^\\s{arabic}]*[{special}][^\\s{arabic}]*")
        self.verbatim = re.compile(r"\[((?:[^\]]|\]\])*)\]")

    def forward_text(self, text: str) -> tuple[str, OffsetMap]:
        edits = []
        pieces = []
        prev = 0
        for m in self.collide.finditer(text):
            s, e = m.span()
            run = m.group()
            pieces.append(text[prev:s])
            pieces.append("[" + run.replace("]", "]]") + "]")
            prev = e
            edits.append((s, 0, 1))
            if "]" in run:
                for i, ch in enumerate(run):
                    if ch == "]":
                        edits.append((s + i, 1, 2))
            edits.append((e, 0, 1))
        if not pieces:
            return text.translate(self.forward), identity_map(len(text))
        pieces.append(text[prev:])
        # verbatim stretches hold no Arabic, so translating the whole string is safe
        out = "".join(pieces).translate(self.forward)
        return out, from_edits(edits, len(text))

    def backward_text(self, text: str) -> str:
        pieces = []
        prev = 0
        for m in self.verbatim.finditer(text):
            pieces.append(text[prev:m.start()].translate(self.backward))
            pieces.append(m.group(1).replace("]]", "]"))
            prev = m.end()
        pieces.append(text[prev:].translate(self.backward))
        return "".join(pieces)


@lru_cache(maxsize=None)
def _one_to_one(scheme: str) -> _OneToOne:
    return _OneToOne(scheme)


# -- scholarly ---------------------------------------------------------------------------------
_FATHA, _DAMMA, _KASRA, _SHADDA, _SUKUN = "\u064e", "\u064f", "\u0650", "\u0651", "\u0652"
_ARABIC_RUN = re.compile(r"[\u0621-\u065f\u0670\u0671\u067e\u0686\u06a4\u06af]+")


@lru_cache(maxsize=None)
def _scholarly_table(scheme: str) -> dict[str, str]:
    return dict(_rows(scheme))


def _scholarly_word(word: str, table: dict[str, str]) -> str:
    out = []
    prev_vowel = ""
    n = len(word)
    i = 0
    # the article: al- (written before a word of at least two more letters)
    if word.startswith(("ال", "ٱل")) and n > 3:
        out.append("al-")
        i = 2
    while i < n:
        ch = word[i]
        if ch == _SHADDA:
            if out and out[-1] and out[-1] not in ("al-",):
                out.append(out[-1][-1] if out[-1][-1].isalpha() or out[-1][-1] in "ʾʿ" else "")
            i += 1
            continue
        if ch in (_FATHA, _DAMMA, _KASRA):
            prev_vowel = ch
            out.append(table.get(ch, ""))
            i += 1
            continue
        latin = table.get(ch, ch)
        if ch == "ا":
            if i == 0 or (out and out[-1] == "al-"):
                latin = "a" if not (i + 1 < n and word[i + 1] in "\u064e\u064f\u0650") else ""
            elif prev_vowel == _FATHA and out and out[-1] == "a":
                out.pop()
                latin = "ā"
            elif i + 1 < n and word[i + 1] == "\u064b":  # -an: the alef carries the tanwin
                latin = ""
        elif ch in "أإآ" and (i == 0 or (out and out[-1] == "al-")):
            latin = {"أ": "", "إ": "", "آ": "ā"}[ch]
        elif ch == "و":
            if prev_vowel == _DAMMA and out and out[-1] == "u":
                out.pop()
                latin = "ū"
            elif i > 0 and word[i - 1] not in "\u064e\u064f\u0650\u0651" and i + 1 < n and \
                    word[i + 1] not in "\u064e\u064f\u0650\u0651\u0627" and out and out[-1] != "al-" \
                    and not prev_vowel:
                latin = "ū"
        elif ch == "ي":
            if prev_vowel == _KASRA and out and out[-1] == "i":
                out.pop()
                latin = "ī"
            elif i > 0 and word[i - 1] not in "\u064e\u064f\u0650\u0651" and not prev_vowel and \
                    (i + 1 == n or word[i + 1] not in "\u064e\u064f\u0650\u0651\u0627"):
                latin = "ī"
        if ch not in (_FATHA, _DAMMA, _KASRA):
            prev_vowel = ""
        out.append(latin)
        i += 1
    return "".join(out)


def _scholarly(text: str, scheme: str) -> tuple[str, OffsetMap]:
    table = _scholarly_table(scheme)
    pieces, edits, prev = [], [], 0
    for m in _ARABIC_RUN.finditer(text):
        s, e = m.span()
        latin = _scholarly_word(m.group(), table)
        pieces.append(text[prev:s])
        pieces.append(latin)
        edits.append((s, e - s, len(latin)))
        prev = e
    pieces.append(text[prev:])
    return "".join(pieces), from_edits(edits, len(text))


# -- news --------------------------------------------------------------------------------------
_NEWS_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "پ": "p", "چ": "ch", "ڤ": "v",
    "گ": "g", "ع": "", "ء": "", "ئ": "", "ؤ": "",
}
_NEWS_KEY = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None,
                           **{chr(c): None for c in range(0x064B, 0x0653)}, "\u0670": None})


@lru_cache(maxsize=None)
def _names() -> dict[str, str]:
    return {a.translate(_NEWS_KEY): b for a, b in read_tsv("ar", "names.tsv", min_columns=2)}


def _news_rules(word: str) -> str:
    """Romanise one unknown word: long vowels from the letters, short ones guessed."""
    w = word
    out = []
    n = len(w)
    for i, ch in enumerate(w):
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < n else ""
        if ch == "ا":
            out.append("a")
        elif ch == "و":
            if i == 0 or prev == "ا":
                out.append("w")
            elif nxt and nxt not in "اوي":
                out.append("ou")
            elif not nxt:
                out.append("o" if n > 2 else "w")
            else:
                out.append("w")
        elif ch == "ي":
            if i == 0 or prev in "او" or (nxt == "ا"):
                out.append("y")
            else:
                out.append("i")
        elif ch == "ه" and i == n - 1 and n > 2:
            out.append("a" if prev not in "اوي" else "h")
        elif ch == "ع":
            if i == 0:
                out.append("a" if nxt not in "اوي" else "")
            elif nxt and nxt not in "اوي" and prev not in "اوي":
                out.append("a")
            else:
                out.append("")
        else:
            out.append(_NEWS_CONSONANTS.get(ch, ch))
        # guess a short vowel between two consonants
        if i + 1 < n and ch not in "اويع" and nxt not in "اويهع" and ch in _NEWS_CONSONANTS:
            if i == 0:
                out.append("a")
            elif i == n - 2 and prev == "ا":
                out.append("i")
    latin = "".join(out)
    return latin[:1].upper() + latin[1:]


def _news_word(word: str, names: dict[str, str]) -> str:
    key = word.translate(_NEWS_KEY)
    if key in names:
        return names[key]
    for prefix, latin in (("ال", "Al-"), ("وال", "wal-"), ("بال", "bil-")):
        if key.startswith(prefix) and len(key) > len(prefix) + 1:
            rest = key[len(prefix):]
            body = names.get(rest) or _news_rules(rest)
            return latin + body[:1].upper() + body[1:]
    if key.startswith("عبد") and len(key) > 4:
        rest = key[3:]
        if rest.startswith("ال"):
            rest = rest[2:]
        body = names.get(rest) or _news_rules(rest)
        return "Abdel" + body.lower()
    return _news_rules(key)


_NEWS_WORD = re.compile(r"[\u0621-\u065f\u0670\u0671\u067e\u0686\u06a4\u06af\u0640]+")


def _news(text: str) -> tuple[str, OffsetMap]:
    names = _names()
    pieces, edits, prev = [], [], 0
    matches = list(_NEWS_WORD.finditer(text))
    i = 0
    while i < len(matches):
        m = matches[i]
        s, e = m.span()
        latin = None
        if i + 1 < len(matches) and text[e:matches[i + 1].start()] == " ":
            pair = (m.group() + " " + matches[i + 1].group()).translate(_NEWS_KEY)
            if pair in names:
                latin = names[pair]
                e = matches[i + 1].end()
                i += 1
        if latin is None:
            latin = _news_word(m.group(), names)
        pieces.append(text[prev:s])
        pieces.append(latin)
        edits.append((s, e - s, len(latin)))
        prev = e
        i += 1
    pieces.append(text[prev:])
    return "".join(pieces), from_edits(edits, len(text))


def transliterate(text: str, scheme: str = "buckwalter") -> Transliterated:
    """Transliterate ``text`` with ``scheme`` (see :data:`SCHEMES`); returns a
    :class:`Transliterated` with the offset map.

    >>> transliterate("خالدة جرار", "news").text
    'Khalida Jarrar'
    >>> transliterate("كَتَبَ", "din31635").text
    'kataba'
    """
    if scheme in REVERSIBLE:
        out, mapping = _one_to_one(scheme).forward_text(text)
    elif scheme in SCHOLARLY:
        out, mapping = _scholarly(text, scheme)
    elif scheme == "news":
        out, mapping = _news(text)
    else:
        raise ValueError(f"unknown transliteration scheme {scheme!r}; known: {', '.join(SCHEMES)}")
    return Transliterated(out, text, mapping, scheme)


def detransliterate(text: str, scheme: str = "buckwalter") -> str:
    """Back to Arabic script from a reversible scheme; ``[...]`` stretches are copied verbatim.

    >>> detransliterate("qAl [Trump] 2024", "buckwalter")
    'قال Trump 2024'
    """
    if scheme not in REVERSIBLE:
        raise ValueError(f"scheme {scheme!r} is not reversible; reversible: {', '.join(REVERSIBLE)}")
    return _one_to_one(scheme).backward_text(text)
