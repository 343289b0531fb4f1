"""Language runs: split text by script, then name the language of each run.

Script decides at once (Arabic letters: ``ar``; Latin: ``en``). ``langdetect``, seeded so the
answer never changes between runs, only chooses among the languages that share a script (Arabic vs
Persian vs Urdu; English vs French vs Spanish), and only where a run is long enough to trust it
and shows a sign of being another language (letters Arabic does not use; few English function
words). URLs, @handles, #hashtags, numbers, emoji and punctuation never vote.

>>> [(r.text, r.lang) for r in detect("قال الوزير Trump said pic.twitter.com/abc")]
[('قال الوزير', 'ar'), ('Trump said', 'en'), ('pic.twitter.com/abc', 'und')]
>>> summarize(detect("— شبكة قدس (@qudsn) January 20, 2025"))[0]
'mixed'
"""
from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from . import resources
from .document import Run

__all__ = ["detect", "detect_runs", "summarize", "script_of", "Token", "tokens", "MIXED_MIN_WORDS", "MIXED_MIN_SHARE"]

_DATA = Path(__file__).resolve().parent / "data"

# Entities first (they never vote), then words, then single other characters.
_TOKEN = regex.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"“”«»]+|pic\.twitter\.com/\w+|\b(?:t\.co|bit\.ly)/\w+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|info|news|cu|uk|ps|il|ru|qa|sa|ae|eg|lb|jo|sy|iq|tr|fr|de|io)/[^\s<>\"“”«»]*)"
    r"|(?P<email>[\w.+-]+@[\w-]+\.[\w.-]+)"
    r"|(?P<handle>(?<![\w@])@\w{1,15})"
    r"|(?P<hashtag>(?<![\w#&])[#＃][\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*)"
    r"|(?P<word>[\p{L}\p{M}][\p{L}\p{M}\p{N}'’\-\u200c\u200d]*)"
    r"|(?P<number>[\p{N}][\p{N}.,:/٫٬\-]*)"
)


@dataclass(frozen=True)
class _ScriptInfo:
    name: str
    code: str
    default: str
    candidates: tuple[str, ...]


@lru_cache(maxsize=1)
def _scripts() -> dict[str, _ScriptInfo]:
    table = {}
    with open(_DATA / "scripts.tsv", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            name, code, default, cands = line.rstrip("\n").split("\t")
            table[name] = _ScriptInfo(name, code, default, tuple(cands.split(",")))
    return table


@lru_cache(maxsize=1)
def _script_regex():
    names = list(_scripts())
    return names, regex.compile("|".join(f"(\\p{{Script={n}}})" for n in names))


@lru_cache(maxsize=4096)
def script_of(char: str) -> str:
    """ISO 15924 code of a letter's script (``Zyyy`` when not a known letter script).

    >>> script_of("ق"), script_of("a"), script_of("7")
    ('Arab', 'Latn', 'Zyyy')
    """
    names, pattern = _script_regex()
    m = pattern.match(char)
    if not m:
        return "Zyyy"
    return _scripts()[names[m.lastindex - 1]].code


@lru_cache(maxsize=1)
def _by_code() -> dict[str, _ScriptInfo]:
    return {info.code: info for info in _scripts().values()}


@dataclass
class Token:
    start: int
    end: int
    kind: str      # word, url, email, handle, hashtag, number
    script: str


_CHUNK = regex.compile(r"\S+")
# a chunk holding one of these may be (or contain) an entity: give it to the full tokenizer
_ENTITY_HINT = regex.compile(r"[./@#＃:]")
_PLAIN = regex.compile(r"(?P<word>[\p{L}\p{M}][\p{L}\p{M}\p{N}'’\-\u200c\u200d]*)|(?P<number>[\p{N}][\p{N}.,:/٫٬\-]*)")


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and entities of ``text[start:end]`` with their kind and script.

    Most white-space chunks are plain words, so only chunks with ``. / @ # :`` go through the
    full entity grammar (the speed of this function is the speed of detection).

    >>> [(t.kind, t.script) for t in tokens("Hi @x ١٥٠")]
    [('word', 'Latn'), ('handle', 'Zyyy'), ('number', 'Zyyy')]
    """
    end = len(text) if end is None else end
    out = []
    append = out.append
    for chunk in _CHUNK.finditer(text, start, end):
        cs, ce = chunk.span()
        pattern = _TOKEN if _ENTITY_HINT.search(text, cs, ce) else _PLAIN
        for m in pattern.finditer(text, cs, ce):
            kind = m.lastgroup
            if kind == "word":
                script = script_of(text[m.start()])
            elif kind == "hashtag":
                script = script_of(text[m.start() + 1]) if m.end() > m.start() + 1 else "Zyyy"
            else:
                script = "Zyyy"
            append(Token(m.start(), m.end(), kind, script))
    return out


# -- langdetect, seeded and restricted -----------------------------------------------------------

_LD_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _langdetect_factory():
    try:
        from langdetect import detector_factory
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    detector_factory.init_factory()
    return detector_factory._factory


def _langdetect(text: str, candidates: tuple[str, ...], seed: int) -> tuple[str, float] | None:
    """langdetect's best language among ``candidates``, seeded so the answer is reproducible."""
    factory = _langdetect_factory()
    if factory is None:
        return None
    with _LD_LOCK:
        factory.set_seed(seed)
        try:
            detector = factory.create()
            detector.append(text)
            probs = detector.get_probabilities()
        except Exception:  # langdetect raises on text without features
            return None
    allowed = [(p.lang, p.prob) for p in probs if p.lang in candidates]
    if not allowed:
        return None
    lang, prob = max(allowed, key=lambda x: x[1])
    return (lang if lang.startswith("zh") else lang.split("-")[0]), prob


@lru_cache(maxsize=None)
def _letters(lang: str):
    """A compiled class of the letters listed in ``langs/<lang>/letters.txt`` (None when absent)."""
    if not resources.has_resource(lang, "letters.txt"):
        return None
    letters = "".join(sorted(resources.word_set(lang, "letters.txt")))
    return regex.compile("[" + regex.escape(letters) + "]") if letters else None


@lru_cache(maxsize=None)
def _stopwords(lang: str) -> frozenset[str]:
    return resources.word_set(lang, "stopwords.txt", casefold=True) if resources.has_resource(lang, "stopwords.txt") \
        else frozenset()


#: A run needs this many words before langdetect is asked about it.
MIN_WORDS_FOR_LANGDETECT = 5
#: ... and langdetect must be at least this sure to overrule the script's default language.
MIN_LANGDETECT_PROB = 0.9


def _run_language(text: str, words: list[str], info: _ScriptInfo, seed: int) -> tuple[str, float]:
    default = info.default
    if len(info.candidates) <= 1 or len(words) < MIN_WORDS_FOR_LANGDETECT and not _foreign_letters(text, default):
        return default, 0.99
    foreign = _foreign_letters(text, default)
    stop = _stopwords(default)
    if stop and not foreign:
        share = sum(1 for w in words if w.casefold() in stop) / len(words)
        if share >= 0.15:   # plenty of the default language's function words
            return default, 0.99
    if not foreign and not stop:
        return default, 0.95
    if len(words) < 3:
        return default, 0.8
    guess = _langdetect(text, info.candidates, seed)
    if guess is None:
        return default, 0.8
    lang, prob = guess
    if lang != default and prob >= MIN_LANGDETECT_PROB:
        return lang, round(prob, 3)
    return default, round(max(prob, 0.8), 3) if lang == default else 0.8


def _foreign_letters(text: str, lang: str) -> bool:
    letters = _letters(lang)
    return letters is not None and letters.search(text) is not None


# spans without these hold no URL, handle, hashtag or e-mail: runs come from one regex pass
_ENTITY_CLUES = regex.compile(r"[#＃@/]|www\.|\.(?:com|org|net|gov|edu|co|io|ly|me)\b", regex.I)
_WORDS = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}\p{N}'’\-\u200c\u200d]*")


@lru_cache(maxsize=1)
def _script_runs():
    """One regex whose named groups are maximal stretches of one script's letters (anything that
    is not a letter may sit between them)."""
    parts = []
    for info in _scripts().values():
        letter = f"\\p{{Script={info.name}}}"
        parts.append(f"(?P<{info.code}>{letter}\\p{{M}}*(?:[^\\p{{L}}]*?{letter}\\p{{M}}*)*)")
    return regex.compile("|".join(parts))


def _fast_runs(text: str, start: int, end: int, seed: int) -> list[Run]:
    runs = []
    by_code = _by_code()
    for m in _script_runs().finditer(text, start, end):
        code = m.lastgroup
        s, e = m.span()
        chunk = text[s:e]
        words = _WORDS.findall(chunk)
        lang, conf = _run_language(chunk, words, by_code[code], seed) if words else ("und", None)
        run = Run(s, e, chunk, lang, code, conf)
        run.words = len(words)
        runs.append(run)
    return runs


def detect_runs(text: str, start: int = 0, end: int | None = None, seed: int = 0) -> list[Run]:
    """Language runs of ``text[start:end]`` with offsets into ``text``.

    Words of one script (with the numbers and punctuation between them) form a run; URLs,
    handles and e-mail addresses form ``und`` runs of script ``Zyyy``; hashtags join the run of
    their script but never decide its language.

    >>> [(r.text, r.script) for r in detect_runs("Hello مرحبا")]
    [('Hello', 'Latn'), ('مرحبا', 'Arab')]
    """
    end = len(text) if end is None else end
    if not _ENTITY_CLUES.search(text, start, end):
        return _fast_runs(text, start, end, seed)
    toks = tokens(text, start, end)
    groups: list[list[Token]] = []
    for tok in toks:
        script = tok.script if tok.kind in ("word", "hashtag") else ("Zyyy" if tok.kind in ("url", "email", "handle") else None)
        if script is None:          # numbers join whatever run they are in
            if groups:
                groups[-1].append(tok)
            else:
                groups.append([tok])
            continue
        current = groups[-1] if groups else None
        current_script = _group_script(current) if current else None
        if current is not None and (current_script == script or current_script is None):
            current.append(tok)
        else:
            groups.append([tok])
    runs = []
    by_code = _by_code()
    for group in groups:
        script = _group_script(group) or "Zyyy"
        s, e = group[0].start, group[-1].end
        words = [text[t.start:t.end] for t in group if t.kind == "word"]
        if script == "Zyyy" or not words:
            lang, conf = "und", None
            if script != "Zyyy" and any(t.kind == "hashtag" for t in group):
                lang, conf = by_code[script].default if script in by_code else "und", 0.5
        elif script in by_code:
            lang, conf = _run_language(text[s:e], words, by_code[script], seed)
        else:
            lang, conf = "und", None
        run = Run(s, e, text[s:e], lang, script, conf)
        run.words = len(words)
        runs.append(run)
    return runs


def _group_script(group: list[Token] | None) -> str | None:
    if not group:
        return None
    for tok in group:
        if tok.kind in ("word", "hashtag"):
            return tok.script
        if tok.kind in ("url", "email", "handle"):
            return "Zyyy"
    return None


def detect(text: str, seed: int = 0) -> list[Run]:
    """Language runs of a whole text (see :func:`detect_runs`).

    >>> [r.lang for r in detect("Bonjour tout le monde, comment allez-vous aujourd'hui ?")]
    ['fr']
    """
    return detect_runs(text, 0, len(text), seed)


def _word_count(text: str) -> int:
    return sum(1 for t in tokens(text) if t.kind == "word")


#: A sentence is ``mixed`` when its second language has at least this many prose words (names and
#: quoted phrases count; links, handles, hashtags and numbers never do). Blocks take their
#: language from their sentences (see toolkit.stages.detect).
MIXED_MIN_WORDS = 1
#: ... or at least this share of the voting words.
MIXED_MIN_SHARE = 0.2


def summarize(runs: list[Run], text: str | None = None, fallback: bool = True) -> tuple[str, float | None]:
    """The language of a span from its runs: one language, ``mixed`` or ``und``, with a confidence.

    ``fallback``: when no word votes, let hashtags, then the letters of URLs and handles, decide
    (a line that is only a link is still Latin-script text).

    >>> summarize(detect("Hello world"))
    ('en', 0.99)
    """
    source = text
    if source is None:
        source = ""
    votes = Counter()
    for run in runs:
        if run.lang != "und":
            votes[run.lang] += max(1, run.words if run.words is not None else _word_count(run.text))
    if not votes and fallback:
        for run in runs:
            if run.script != "Zyyy":
                votes[_by_code()[run.script].default] += 1
        if not votes:
            for run in runs:
                letters = [c for c in run.text if c.isalpha()]
                if letters:
                    code = script_of(letters[0])
                    if code in _by_code():
                        votes[_by_code()[code].default] += 1
    if not votes:
        return "und", None
    ranked = votes.most_common()
    total = sum(votes.values())
    top, n1 = ranked[0]
    if len(ranked) > 1:
        n2 = ranked[1][1]
        if n2 >= MIXED_MIN_WORDS or n2 / total >= MIXED_MIN_SHARE:
            return "mixed", round(1 - (n2 / total), 3)
    confs = [r.confidence for r in runs if r.lang == top and r.confidence is not None]
    conf = min(confs) if confs else 0.5
    return top, round(conf * n1 / total, 3)
