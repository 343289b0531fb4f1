"""Evidence a person can check that two texts say the same thing: names across scripts, numbers,
dates and month names, and words from a small bilingual list (``langs/ar/en_words.tsv``), plus
FreeDict's Arabic–English dictionary when the user has it installed and asks for it
(``TOOLKIT_FREEDICT``, see :mod:`.freedict`).

:func:`compare` returns the evidence items (the dicts that go into an alignment's ``evidence``)
and a few numbers the aligner turns into a score.

>>> ev = compare(analyze("أمضت أكثر من 150 يومًا في العزل", "ar"), analyze("She spent 150 days in isolation", "en"))
>>> [e["kind"] for e in ev.items]
['number', 'word', 'word']
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..resources import has_resource, read_tsv, word_set
from .freedict import freedict_location, load_freedict
from .names import (_ar_variants, _latin_variants, _token_sim, arabic_symbols, latin_symbols, match_names,
                    normalize_arabic, strong_classes)

__all__ = ["TextInfo", "Evidence", "analyze", "compare", "numbers_in", "months_in", "arabic_stems",
           "english_stem", "translations", "NAME_MIN"]

#: A name pair counts as evidence from this similarity up (benchmarks: the right name ranks first
#: among 100 for 98-99% of names; 0.8 keeps chance matches between unrelated names rare).
NAME_MIN = 0.8

#: A phrase both texts share (same language): at least this many words in the same order, two of
#: them content words that are not names; it weighs like one shared name.
PHRASE_MIN = 4
PHRASE_WEIGHT = 0.8

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NUMBER = regex.compile(r"(?<![\p{Latin}\d.,٫٬/@#_])(\d{1,3}(?:[,٬]\d{3})+|\d+)(?:[.٫](\d+))?(?![\d\p{Latin}_/])")
_AR_TOKEN = regex.compile(r"\p{Arabic}+")
_LATIN_TOKEN = regex.compile(r"\p{Latin}[\p{Latin}'’\-]*")
_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "س")
_SUFFIXES = ("هما", "كما", "ها", "هم", "هن", "كم", "نا", "ات", "ون", "ين", "ان", "يه", "ه", "ي", "ا", "ت")


@lru_cache(maxsize=None)
def _stopwords(lang: str) -> frozenset:
    return word_set(lang, "stopwords.txt", casefold=True) if has_resource(lang, "stopwords.txt") else frozenset()


def _fold_ar(token: str) -> str:
    return normalize_arabic(token).translate(_AR_FOLD)


def numbers_in(text: str) -> list[tuple[str, int, int]]:
    """Numbers as ``(value, start, end)``: Arabic-Indic digits read, thousands separators dropped.

    >>> [v for v, s, e in numbers_in("أكثر من ١٥٠ يومًا، و10,400 أسير")]
    ['150', '10400']
    """
    folded = text.translate(_DIGITS)
    out = []
    for m in _NUMBER.finditer(folded):
        value = regex.sub(r"[,٬]", "", m.group(1)).lstrip("0") or "0"
        if m.group(2) and m.group(2).strip("0"):
            value += "." + m.group(2).rstrip("0")
        out.append((value, m.start(), m.end()))
    return out


@lru_cache(maxsize=1)
def _month_tables() -> tuple[dict, dict]:
    tables = []
    for lang in ("en", "ar"):
        table = {}
        if has_resource(lang, "months.tsv"):
            for row in read_tsv(lang, "months.tsv", min_columns=2):
                key = row[0].casefold() if lang == "en" else _fold_ar(row[0])
                table[key] = int(row[1])
        tables.append(table)
    return tables[0], tables[1]


def months_in(text: str, lang: str) -> list[tuple[int, str]]:
    """Month names as ``(month number, surface)``. Short or ambiguous names (May, آب) count only
    next to a number.

    >>> months_in("released on January 20, 2025", "en")
    [(1, 'January')]
    >>> months_in("في 20 كانون الثاني", "ar")
    [(1, 'كانون الثاني')]
    """
    en, ar = _month_tables()
    out = []
    if lang == "ar":
        tokens = [(m.group(), m.start(), m.end()) for m in _AR_TOKEN.finditer(text)]
        folded = [_fold_ar(t) for t, _, _ in tokens]
        i = 0
        while i < len(tokens):
            hit = None
            for size in (2, 1):
                key = " ".join(folded[i:i + size])
                if i + size <= len(tokens) and key in ar:
                    hit = (size, ar[key])
                    break
            if hit:
                size, month = hit
                start, end = tokens[i][1], tokens[i + size - 1][2]
                if len(folded[i]) >= 4 or size > 1 or _near_digit(text, start, end):
                    out.append((month, text[start:end]))
                i += size
            else:
                i += 1
    else:
        for m in _LATIN_TOKEN.finditer(text):
            word = m.group().rstrip(".")
            key = word.casefold()
            if key in en and word[:1].isupper() and (len(key) >= 4 and key != "march" or _near_digit(text, m.start(), m.end())):
                out.append((en[key], word))
    return out


def _near_digit(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 4):start] + text[end:end + 4]
    return bool(regex.search(r"[\d٠-٩]", window))


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    table: dict[str, set[str]] = {}
    if has_resource("ar", "en_words.tsv"):
        for row in read_tsv("ar", "en_words.tsv", min_columns=2):
            ar = " ".join(_fold_ar(w) for w in row[0].split())
            for en in row[1:]:
                for word in en.split():
                    if word.strip():
                        table.setdefault(ar, set()).add(english_stem(word))
    # "common" (English words that are not names) stays the bundled list's, so that turning the
    # optional dictionary on changes the word evidence only, not which tokens count as names
    common = frozenset(s for v in table.values() for s in v)
    index = freedict_location()
    if index is not None:
        for ar, words in load_freedict(index).items():
            table.setdefault(" ".join(_fold_ar(w) for w in ar.split()), set()).update(english_stem(w) for w in words)
    return {k: frozenset(v) for k, v in table.items()}, common


def english_stem(word: str) -> str:
    """A light English stem for matching: lower case, common endings off.

    >>> [english_stem(w) for w in ("Prisoners", "released", "families", "talks")]
    ['prisoner', 'releas', 'famil', 'talk']
    """
    w = word.casefold().replace("’", "'")
    w = regex.sub(r"'s?$", "", w)
    for suffix in ("ies", "ied", "ing", "es", "ed", "ly", "s", "e", "y"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return w


@lru_cache(maxsize=100_000)
def arabic_stems(token: str) -> tuple[str, ...]:
    """Candidate dictionary forms of one Arabic token: as written, clitics off, then suffixes off.

    >>> "اسير" in arabic_stems("والأسيرات") or "اسيرات" in arabic_stems("والأسيرات")
    True
    """
    t = _fold_ar(token)
    bases = [t] + [t[len(p):] for p in _PREFIXES if t.startswith(p) and len(t) - len(p) >= 2]
    forms = list(bases)
    for f in bases:
        for s in _SUFFIXES:
            if f.endswith(s) and len(f) - len(s) >= (3 if s == "ت" else 2):
                forms.append(f[: -len(s)])
                forms.append(f[: -len(s)] + "ه")
    return tuple(dict.fromkeys(forms))


def translations(token: str) -> frozenset[str]:
    """English stems the bilingual word list gives for an Arabic token (any of its forms).

    >>> "prisoner" in translations("الأسرى")
    True
    """
    table, _ = _dictionary()
    for form in arabic_stems(token):
        if form in table:
            return table[form]
    return frozenset()


@dataclass
class TextInfo:
    """What :func:`compare` needs to know about one text, computed once per text."""

    text: str
    lang: str
    numbers: dict = field(default_factory=dict)       # value -> surface
    months: dict = field(default_factory=dict)        # month number -> surface
    tokens: list = field(default_factory=list)        # (surface, start, end)
    stems: dict = field(default_factory=dict)         # en: stem -> surface; ar: folded form -> surface
    glosses: list = field(default_factory=list)       # ar: (surface, frozenset of English stems)
    name_tokens: list = field(default_factory=list)   # candidates for name evidence


@lru_cache(maxsize=50_000)
def analyze(text: str, lang: str) -> TextInfo:
    """Numbers, months, tokens, glosses and name candidates of one text (cached).

    >>> info = analyze("Hamas released 13 women on Friday, November 24.", "en")
    >>> sorted(info.numbers), info.months, info.name_tokens
    (['13', '24'], {11: 'November'}, ['Hamas'])
    """
    info = TextInfo(text, lang)
    info.numbers = {v: text[s:e] for v, s, e in numbers_in(text)}
    info.months = {m: surface for m, surface in months_in(text, lang)}
    _, common = _dictionary()
    month_names = _month_tables()[0]
    if _is_arabic(text, lang):
        info.lang = "ar"
        info.tokens = [(m.group(), m.start(), m.end()) for m in _AR_TOKEN.finditer(text)]
        for tok, _, _ in info.tokens:
            gloss = translations(tok)
            info.stems.setdefault(_fold_ar(tok), tok)
            if gloss:
                info.glosses.append((tok, gloss))
            elif sum(1 for _, weak in arabic_symbols(tok) if not weak) >= 2 and len(tok) > 2:
                info.name_tokens.append(tok)
    else:
        info.tokens = [(m.group(), m.start(), m.end()) for m in _LATIN_TOKEN.finditer(text)]
        for i, (tok, s, _) in enumerate(info.tokens):
            stem = english_stem(tok)
            info.stems.setdefault(stem, tok)
            if tok.casefold() in month_names:
                continue
            if tok[:1].isupper() and stem not in common and len(tok) > 2 and not tok.isupper() or (
                    tok.isupper() and 2 < len(tok) <= 5 and stem not in common):
                info.name_tokens.append(tok)
    return info


def _is_arabic(text: str, lang: str) -> bool:
    if lang == "ar":
        return True
    if lang == "en":
        return False
    arabic = len(regex.findall(r"\p{Arabic}", text))
    latin = len(regex.findall(r"\p{Latin}", text))
    return arabic > latin


@dataclass
class Evidence:
    """Evidence items plus the numbers the aligner scores.

    ``strength`` is a 0..1 summary: matched numbers, dates, names and words, weighed by how much of
    the shorter text they explain; ``conflict`` counts numbers present on both sides that disagree.
    """

    items: list = field(default_factory=list)
    numbers: int = 0
    number_conflict: float = 0.0
    dates: int = 0
    names: int = 0
    words: int = 0
    word_cover: float = 0.0
    phrases: int = 0
    strength: float = 0.0


_VOWEL_CLASSES = frozenset({"A", "W", "Y"})


def _first_strong(symbols: tuple) -> frozenset:
    return next((c for c, weak in symbols if c and not c <= _VOWEL_CLASSES), frozenset())


@lru_cache(maxsize=400_000)
def _name_sim(ar: str, latin: str) -> float:
    ar_tokens, lat_tokens = ar.split(), latin.split()
    a = sum((arabic_symbols(t) for t in ar_tokens), ())
    b = sum((latin_symbols(t) for t in lat_tokens), ())
    sa = [c for c, weak in a if not weak]
    sb = [c for c, weak in b if not weak]
    if not sa or not sb or max(len(sa), len(sb)) > 2 * min(len(sa), len(sb)) + 1:
        return 0.0
    # cheap filters: the first consonant (articles aside) and most strong consonants must agree
    first_a = {_first_strong(v) for v in _ar_variants(ar_tokens[0])}
    first_b = {_first_strong(v) for v in _latin_variants(lat_tokens[0])}
    if not any(x & y for x in first_a for y in first_b):
        return 0.0
    ca, cb = strong_classes(a), strong_classes(b)
    short, other = (sa, cb) if len(sa) <= len(sb) else (sb, ca)
    if sum(1 for c in short if c & other) < 0.7 * len(short):
        return 0.0
    if len(ar_tokens) == 1 and len(lat_tokens) == 1:
        return _token_sim(ar, latin)
    return match_names(ar, latin)


def compare(a: TextInfo, b: TextInfo) -> Evidence:
    """Evidence that texts ``a`` and ``b`` say the same thing (either language on either side).

    >>> ev = compare(analyze("خالدة جرار في رام الله", "ar"), analyze("Khalida Jarrar in Ramallah", "en"))
    >>> [(e["from"], e["to"]) for e in ev.items if e["kind"] == "name"]
    [('خالدة جرار', 'Khalida Jarrar'), ('رام الله', 'Ramallah')]
    """
    ev = Evidence()
    # numbers (any script)
    shared = sorted(set(a.numbers) & set(b.numbers), key=lambda v: (len(v), v), reverse=True)
    for value in shared:
        ev.items.append({"kind": "number", "value": value, "from": a.numbers[value], "to": b.numbers[value]})
    ev.numbers = len(shared)
    only_a = [v for v in a.numbers if v not in b.numbers and len(v) <= 6]
    only_b = [v for v in b.numbers if v not in a.numbers and len(v) <= 6]
    if a.numbers and b.numbers:
        ev.number_conflict = min(len(only_a), len(only_b)) / max(len(a.numbers), len(b.numbers))
    # dates
    for month in sorted(set(a.months) & set(b.months)):
        ev.items.append({"kind": "date", "value": f"--{month:02d}", "from": a.months[month], "to": b.months[month]})
        ev.dates += 1
    if a.lang == b.lang:
        _same_language(a, b, ev)
    else:
        ar, en = (a, b) if a.lang == "ar" else (b, a)
        _cross_language(ar, en, ev, flip=ar is b)
    # strength: saturating sum, numbers and names weigh most
    raw = 0.9 * ev.numbers + 0.6 * ev.dates + 0.8 * ev.names + 2.5 * ev.word_cover + PHRASE_WEIGHT * ev.phrases \
        - 1.5 * ev.number_conflict
    ev.strength = round(max(0.0, 1.0 - math.exp(-max(raw, 0.0))), 4)
    return ev


def _cross_language(ar: TextInfo, en: TextInfo, ev: Evidence, flip: bool) -> None:
    def item(kind, ar_text, en_text):
        src, dst = (en_text, ar_text) if flip else (ar_text, en_text)
        ev.items.append({"kind": kind, "from": src, "to": dst})

    # names: Arabic name candidates (and adjacent pairs) against Latin capitalised tokens (and pairs)
    ar_names, en_names = ar.name_tokens, en.name_tokens
    used_en: set[str] = set()
    if ar_names and en_names:
        ar_seq = _adjacent_runs(ar, ar_names)
        en_seq = _adjacent_runs(en, en_names)
        for run in ar_seq:
            best = None
            for ar_phrase in _ngrams(run):
                for en_run in en_seq:
                    for en_phrase in _ngrams(en_run):
                        if en_phrase in used_en:
                            continue
                        sim = _name_sim(ar_phrase, en_phrase)
                        if sim >= NAME_MIN:
                            cand = (len(ar_phrase) + len(en_phrase), sim, ar_phrase, en_phrase)
                            if best is None or cand > best:
                                best = cand
            if best:
                item("name", best[2], best[3])
                used_en.add(best[3])
                ev.names += 1
    # words from the bilingual list
    seen = set()
    matched = 0
    for tok, gloss in ar.glosses:
        hit = next((en.stems[s] for s in gloss if s in en.stems), None)
        if hit:
            matched += 1
            if (tok, hit) not in seen:
                seen.add((tok, hit))
                item("word", tok, hit)
    ev.words = matched
    content = max(len(ar.tokens), 1)
    ev.word_cover = matched / content


def _same_language(a: TextInfo, b: TextInfo, ev: Evidence) -> None:
    _, common = _dictionary()
    shared = [s for s in a.stems if s in b.stems and len(s) >= 4]
    names = [s for s in shared if a.stems[s] in a.name_tokens]
    for s in names:
        ev.items.append({"kind": "name", "from": a.stems[s], "to": b.stems[s]})
    words = [s for s in shared if s not in names]
    for s in words[:12]:
        ev.items.append({"kind": "word", "from": a.stems[s], "to": b.stems[s]})
    ev.names = len(names)
    ev.words = len(words)
    ev.word_cover = len(shared) / max(1, min(len(a.tokens), len(b.tokens)))
    phrase = _shared_phrase(a, b)
    if phrase:
        ev.items.insert(0, {"kind": "phrase", "from": phrase[0], "to": phrase[1]})
        ev.phrases = 1


def _shared_phrase(a: TextInfo, b: TextInfo) -> tuple[str, str] | None:
    """The longest run of words that both texts share in the same order, when it holds at least
    ``PHRASE_MIN`` words and two content words that are not names (nor capitalised): prose that copies a phrase of a
    post or a quote ("eight months ahead of schedule") renders it. Returns both surfaces."""
    A, B = [t[0].casefold() for t in a.tokens], [t[0].casefold() for t in b.tokens]
    names, stop = set(a.name_tokens), _stopwords(a.lang)
    if len(A) < PHRASE_MIN or len(B) < PHRASE_MIN:
        return None
    where = {}
    for j in range(len(B) - PHRASE_MIN + 1):
        where.setdefault(tuple(B[j:j + PHRASE_MIN]), []).append(j)
    best = None
    for i in range(len(A) - PHRASE_MIN + 1):
        for j in where.get(tuple(A[i:i + PHRASE_MIN]), ()):
            n = PHRASE_MIN
            while i + n < len(A) and j + n < len(B) and A[i + n] == B[j + n]:
                n += 1
            content = [w for w, t in zip(A[i:i + n], a.tokens[i:i + n])
                       if len(w) >= 4 and t[0] not in names and not t[0][:1].isupper() and w not in stop]
            if len(content) >= 2 and (best is None or n > best[2]):
                best = (i, j, n)
    if best is None:
        return None
    i, j, n = best
    return (a.text[a.tokens[i][1]:a.tokens[i + n - 1][2]], b.text[b.tokens[j][1]:b.tokens[j + n - 1][2]])


def _adjacent_runs(info: TextInfo, names: list[str]) -> list[list[str]]:
    wanted = set(names)
    runs, cur, last_end = [], [], None
    for tok, s, e in info.tokens:
        if tok in wanted and (cur and last_end is not None and info.text[last_end:s].strip(" -") == "" or not cur):
            cur.append(tok)
        elif tok in wanted:
            runs.append(cur)
            cur = [tok]
        else:
            if cur:
                runs.append(cur)
            cur = []
        last_end = e
    if cur:
        runs.append(cur)
    return runs


def _ngrams(run: list[str]) -> list[str]:
    out = []
    for size in (2, 1):
        for i in range(len(run) - size + 1):
            out.append(" ".join(run[i:i + size]))
    return out
