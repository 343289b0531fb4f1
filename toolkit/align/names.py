"""Match a name written in Arabic script against a Latin spelling of it.

News spell the same name many ways (Qassam/Kassam, Hathem/Hatem, al-Nunu/el-Nunu/Nunu,
Jarrar/Jarar, Hamza/Hamzah). :func:`match_names` compares *consonant classes* instead of letters:
each Arabic letter and each Latin letter or digraph maps to a set of class labels, two symbols
match when their sets meet, and weak symbols (vowels, glides, hamza, ayn, final h) may be dropped
at a small cost. The classes are data: ``langs/ar/name_match.tsv``. When the names-and-words table
``langs/ar/names.tsv`` (Arabic<TAB>English) is present, a listed pair scores 1.0.

>>> match_names("خالدة جرار", "Khalida Jarrar") > 0.85
True
>>> match_names("خالدة جرار", "Benny Gantz") < 0.5
True
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from ..resources import has_resource, read_tsv

__all__ = ["match_names", "skeleton_similarity", "strong_classes", "plain_skeleton_similarity", "normalize_arabic",
           "arabic_symbols", "latin_symbols", "COSTS"]

#: Edit costs of the weighted comparison (chosen on names/google_ar2en_train.tsv and the first
#: half of wikidata_fullnames_public.tsv; measured on the rest, see benchmarks/bench_align.py).
COSTS = {"weak_drop": 0.25, "strong_drop": 1.0, "weak_weight": 0.25}

_MARKS = regex.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_AR_TOKEN = regex.compile(r"[\p{Arabic}]+")
_LATIN_TOKEN = regex.compile(r"[\p{Latin}'’ʿʾ]+")
_AR_ARTICLE = "ال"
_LATIN_ARTICLE = regex.compile(r"^(?:(?:al|el|ul|il)[-‘’' ]?|[ae](?:th|dh|sh|ss|[tdrzsnl])-)(?=\w{2})", regex.I)


def normalize_arabic(text: str) -> str:
    """Arabic text for matching: NFKC, no harakat, tatweel or direction marks.

    >>> normalize_arabic("المــقاومةُ")
    'المقاومة'
    """
    return _MARKS.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=1)
def _tables() -> tuple[dict, dict, int, int]:
    ar, latin = {}, {}
    for row in read_tsv("ar", "name_match.tsv", min_columns=3):
        script, symbol, classes = row[0].strip(), row[1].strip(), row[2].split()
        weak = "~" in classes
        entry = (frozenset(c for c in classes if c != "~"), weak)
        (ar if script == "ar" else latin)[symbol if script == "ar" else symbol.lower()] = entry
    return ar, latin, max(map(len, ar)), max(map(len, latin))


def _segment(word: str, table: dict, longest: int) -> tuple:
    out, i = [], 0
    while i < len(word):
        for size in range(min(longest, len(word) - i), 0, -1):
            entry = table.get(word[i:i + size])
            if entry is not None:
                out.append(entry)
                i += size
                break
        else:
            i += 1  # a letter the table does not know: skipped
    return tuple(out)


@lru_cache(maxsize=200_000)
def arabic_symbols(word: str) -> tuple:
    """The class symbols of one Arabic word: a tuple of ``(classes, weak)``.

    >>> [sorted(c) for c, weak in arabic_symbols("قدس")]
    [['G', 'K'], ['D'], ['S']]
    """
    ar, _, longest, _ = _tables()
    word = normalize_arabic(word)
    symbols = list(_segment(word, ar, longest))
    if word.endswith("ه") and symbols:          # pre-normalised ta marbuta: weak, like ة
        symbols[-1] = (frozenset({"H", "T"}), True)
    return tuple(symbols)


def _fold_latin(word: str) -> str:
    word = unicodedata.normalize("NFKD", word.casefold())
    word = "".join(ch for ch in word if not unicodedata.combining(ch))
    return regex.sub(r"([b-df-hj-np-tv-z])\1+", r"\1", word)   # doubled consonants: Jarrar = Jarar


@lru_cache(maxsize=200_000)
def latin_symbols(word: str) -> tuple:
    """The class symbols of one Latin word (doubled consonants collapsed, accents dropped).

    >>> [sorted(c) for c, weak in latin_symbols("Jarrar") if not weak]
    [['G', 'J'], ['R'], ['R']]
    """
    _, latin, _, longest = _tables()
    return _segment(_fold_latin(word), latin, longest)


def _weight(symbols: tuple) -> float:
    ww = COSTS["weak_weight"]
    return sum(ww if weak else 1.0 for _, weak in symbols)


@lru_cache(maxsize=500_000)
def skeleton_similarity(a: tuple, b: tuple) -> float:
    """1 - weighted edit distance / weight of the longer, over two symbol tuples (0..1).

    >>> skeleton_similarity(arabic_symbols("جرار"), latin_symbols("Jarrar")) > 0.9
    True
    """
    if not a or not b:
        return 0.0
    wd, sd = COSTS["weak_drop"], COSTS["strong_drop"]
    drop_a = [wd if weak else sd for _, weak in a]
    drop_b = [wd if weak else sd for _, weak in b]
    prev = [0.0]
    for j in range(len(b)):
        prev.append(prev[-1] + drop_b[j])
    for i in range(len(a)):
        ca, _ = a[i]
        cur = [prev[0] + drop_a[i]]
        for j in range(len(b)):
            cb, _ = b[j]
            sub = 0.0 if ca & cb else min(1.0, drop_a[i] + drop_b[j])
            cur.append(min(prev[j] + sub, prev[j + 1] + drop_a[i], cur[j] + drop_b[j]))
        prev = cur
    denom = max(_weight(a), _weight(b), 1.0)
    return max(0.0, 1.0 - prev[-1] / denom)


def _ar_variants(token: str) -> list[tuple]:
    out = [arabic_symbols(token)]
    if token.startswith(_AR_ARTICLE) and len(token) > 3:
        out.append(arabic_symbols(token[2:]))
    return out


def _latin_variants(token: str) -> list[tuple]:
    out = [latin_symbols(token)]
    stripped = _LATIN_ARTICLE.sub("", token)
    if stripped != token:
        out.append(latin_symbols(stripped))
    return out


@lru_cache(maxsize=1)
def _names_table() -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    if not has_resource("ar", "names.tsv"):
        return table
    for row in read_tsv("ar", "names.tsv", min_columns=2):
        ar = normalize_arabic(row[0]).strip()
        for latin in row[1:]:
            latin = latin.strip()
            if ar and latin:
                table.setdefault(_dict_key_ar(ar), set()).add(_dict_key_latin(latin))
    return table


@lru_cache(maxsize=200_000)
def _dict_key_ar(text: str) -> str:
    text = normalize_arabic(text)
    text = text.translate(str.maketrans("أإآٱىة", "اااايه"))
    return " ".join(text.split())


@lru_cache(maxsize=200_000)
def _dict_key_latin(text: str) -> str:
    return " ".join(regex.sub(r"[-‘’'`]", " ", _fold_latin(text)).split())


def _listed(arabic: str, latin: str) -> bool:
    table = _names_table()
    return bool(table) and _dict_key_latin(latin) in table.get(_dict_key_ar(arabic), ())


@lru_cache(maxsize=200_000)
def _token_sim(ar_tok: str, lat_tok: str) -> float:
    if _listed(ar_tok, lat_tok):
        return 1.0
    return max(skeleton_similarity(a, b) for a in _ar_variants(ar_tok) for b in _latin_variants(lat_tok))


@lru_cache(maxsize=200_000)
def strong_classes(symbols: tuple) -> frozenset:
    """The union of the class labels of the strong (non-weak) symbols.

    >>> sorted(strong_classes(latin_symbols("Gaza")))
    ['G', 'J', 'K', 'KH', 'S', 'Z']
    """
    out = set()
    for classes, weak in symbols:
        if not weak:
            out |= classes
    return frozenset(out)


@lru_cache(maxsize=200_000)
def match_names(arabic: str, latin: str) -> float:
    """How likely ``latin`` spells the Arabic-script name ``arabic``, 0..1.

    Articles (ال / al-, el-, at-...) are optional on both sides, doubled letters and long vowels
    do not count, and a pair listed in ``langs/ar/names.tsv`` scores 1.0.

    >>> match_names("القسام", "Qassam") > 0.9
    True
    >>> match_names("طاهر النونو", "Taher al-Nunu") > 0.9
    True
    """
    if not arabic or not latin:
        return 0.0
    if _listed(arabic, latin):
        return 1.0
    ar_tokens = _AR_TOKEN.findall(arabic)
    lat_tokens = [t for t in regex.split(r"[\s\-]+", latin) if _LATIN_TOKEN.search(t)]
    lat_tokens = _merge_articles(lat_tokens)
    if not ar_tokens or not lat_tokens:
        return 0.0
    # whole name, tokens joined (handles عبد الله / Abdullah and missing spaces)
    joined_ar = [sum((arabic_symbols(t) for t in ar_tokens), ()),
                 sum((_ar_variants(t)[-1] for t in ar_tokens), ())]
    joined_lat = [sum((latin_symbols(t) for t in lat_tokens), ()),
                  sum((_latin_variants(t)[-1] for t in lat_tokens), ())]
    best = max(skeleton_similarity(a, b) for a in joined_ar for b in joined_lat)
    if len(ar_tokens) == len(lat_tokens) and len(ar_tokens) > 1:
        weights = [max(len(t), 1) for t in ar_tokens]
        sims = [_token_sim(a, b) for a, b in zip(ar_tokens, lat_tokens)]
        best = max(best, sum(w * s for w, s in zip(weights, sims)) / sum(weights))
    if len(ar_tokens) > 1 or len(lat_tokens) > 1:
        # any order, extra tokens on either side cost (Faouzi Jamal / جمال فوزي, a middle name)
        grid = [[_token_sim(a, b) for b in lat_tokens] for a in ar_tokens]
        wa = [len(t) for t in ar_tokens]
        wl = [len(t) for t in lat_tokens]
        recall_ar = sum(w * max(row) for w, row in zip(wa, grid)) / sum(wa)
        recall_lat = sum(w * max(grid[i][j] for i in range(len(ar_tokens))) for j, w in enumerate(wl)) / sum(wl)
        best = max(best, 0.97 * (recall_ar + recall_lat) / 2)
    return round(best, 4)


def _merge_articles(tokens: list[str]) -> list[str]:
    """``["al", "Nunu"]`` -> ``["al-Nunu"]``: a bare article belongs to the next token."""
    out: list[str] = []
    for tok in tokens:
        if out and out[-1].casefold() in {"al", "el", "ul", "il", "a", "as", "ash", "at", "ad", "an", "ar", "az"}:
            out[-1] = out[-1] + "-" + tok
        else:
            out.append(tok)
    return out


# -- the baseline the benchmark compares against --------------------------------------------------
_PLAIN_AR = str.maketrans({"ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d",
                           "ر": "r", "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
                           "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
                           "ة": None, "و": None, "ي": None, "ى": None, "ا": None, "أ": None, "إ": None,
                           "آ": None, "ء": None, "ؤ": None, "ئ": None, "ع": None, " ": None})


def _plain_latin(text: str) -> str:
    text = _fold_latin(text)
    for a, b in (("kh", "k"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("ph", "f"), ("q", "k"),
                 ("c", "k"), ("p", "b"), ("v", "f")):
        text = text.replace(a, b)
    return regex.sub(r"[^bdfghjklmnrstz]", "", text)


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def plain_skeleton_similarity(arabic: str, latin: str) -> float:
    """Baseline: plain consonant skeletons (vowels and glides dropped) and Levenshtein, 0..1.

    >>> plain_skeleton_similarity("جرار", "Jarrar")
    1.0
    """
    a = normalize_arabic(arabic).translate(_PLAIN_AR)
    a = regex.sub(r"[^a-z]", "", a)
    b = regex.sub(r"(.)\1+", r"\1", _plain_latin(latin))
    a = regex.sub(r"(.)\1+", r"\1", a)
    if not a or not b:
        return 0.0
    return 1.0 - _levenshtein(a, b) / max(len(a), len(b))
