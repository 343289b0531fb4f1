"""Quotes: spans in quotation marks, their kind, speaker, cue and source.

Language-neutral: every word list (speech cues, roles, pronouns, term markers, channel phrases)
is data under ``langs/<code>/`` (``speech_verbs.txt``, ``roles.txt``, ``quote_words.txt``).

>>> [(s.start, s.end) for s in find_spans('He said "yes" to it.')]
[(9, 12)]
>>> [s.start for s in find_spans("I'm at Israel's '80s party")]
[]
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from . import resources
from .normalization import normalize
from .document import Document, Speaker, trim_span

__all__ = ["QuoteSpan", "find_spans", "extract_quotes"]

_MARKS = regex.compile(r"[\"'“”„«»‘’]")
_HARAKAT = regex.compile(r"[\u064B-\u0652\u0640]")
_TOKEN = regex.compile(r"[\w\p{M}]+(?:['’.\-][\w\p{M}]+)*|[^\s\w]")
_SENT_END = ".!?؟…"


@dataclass
class QuoteSpan:
    """Content of one quotation (between the marks); ``open``/``close`` are the mark offsets."""

    start: int
    end: int
    open: int
    close: int | None        # None: never closed (ends at its paragraph)
    depth: int = 0
    mark: str = '"'
    parent: int | None = None
    paragraphs: int = 1
    continues: int | None = None   # a paragraph reopened with the same mark: the open mark of the part before
    goes_on: bool = False          # this part has no closing mark because the next paragraph goes on


def _alnum(ch: str) -> bool:
    return ch.isalnum()


def _classify(text: str, i: int, lo: int, hi: int, open_types: dict) -> tuple[str, str] | None:
    """('open'|'close'|'both', type) for the mark at ``i`` or None (apostrophe, separator)."""
    ch = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if ch in "“„":
        return ("open", "curly")
    if ch == "”":
        return ("close", "curly")
    if ch == "«":
        return ("open", "guill")
    if ch == "»":
        if open_types.get("guill"):
            return ("close", "guill")
        return None  # breadcrumb separator (Home » World) or stray mark
    if ch in "‘'":
        kind = "single" if ch == "‘" else "sq"
        if _alnum(prev) and _alnum(nxt):
            return None          # I'm, Israel's, Be'eri
        if nxt.isdigit():
            return None          # '80s
        if _alnum(prev) or prev in ".,!?؟;:":
            return ("close", kind) if open_types.get(kind) else None   # students' (plural possessive)
        if _alnum(nxt) or nxt in "\"“«":
            return ("open", kind)
        return None
    if ch == "’":
        if _alnum(prev) and _alnum(nxt):
            return None
        if open_types.get("single"):
            return ("close", "single") if not prev.isspace() else None
        return None
    if ch == '"':
        if open_types.get("straight"):
            return ("close", "straight")
        return ("open", "straight")
    return None


def _paragraphs(doc: Document) -> list[tuple[int, int]]:
    spans = sorted({b.content for b in doc.blocks if b.kind != "rule"})
    if spans:
        return spans
    out, pos = [], 0
    for m in regex.finditer(r"\n", doc.text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(doc.text):
        out.append((pos, len(doc.text)))
    return out


_OPENERS = {"curly": "“„", "guill": "«", "single": "‘", "sq": "'", "straight": '"'}


def find_spans(text: str, paragraphs: list[tuple[int, int]] | None = None,
               errors: list | None = None) -> list[QuoteSpan]:
    """Every quotation in ``text``, marks paired by type, in linear time.

    A quote still open at the end of a paragraph goes on when the next paragraph opens again with
    the same mark (the news convention for a long quote): each paragraph is a part of its own, the
    later part pointing at the earlier (``continues``); otherwise it ends at its paragraph and a note
    goes to ``errors``.

    >>> [text for text in [("“a ‘b’ c”")]] and [(q.start, q.end, q.depth) for q in find_spans("“a ‘b’ c”")]
    [(1, 8, 0), (4, 5, 1)]
    >>> [(q.start, q.end, q.continues) for q in find_spans("“One.\\n\\n“Two.”", [(0, 5), (7, 13)])]
    [(1, 5, None), (8, 12, 0)]
    """
    if paragraphs is None:
        paragraphs = [(0, len(text))]
    out: list[QuoteSpan] = []
    carry = None   # (type, open_pos, n_paragraphs, part before) still open from the previous paragraph
    reopened: dict[int, int] = {}   # open mark of a reopened paragraph -> open mark of the part before
    prev_end = None
    for lo, hi in paragraphs:
        stack: list[tuple[str, int, int]] = []      # (type, open pos, paragraphs spanned)
        counts: dict[str, int] = {}
        tops: dict[str, list[int]] = {}
        first = lo
        while first < hi and text[first].isspace():
            first += 1
        skip = None
        if carry is not None:
            if first < hi and text[first] in _OPENERS[carry[0]]:
                s, e = trim_span(text, carry[1] + 1, prev_end)
                out.append(QuoteSpan(s, e, carry[1], None, 0, text[carry[1]], None, carry[2],
                                     continues=carry[3], goes_on=True))
                stack.append((carry[0], first, carry[2] + 1))
                counts[carry[0]] = 1
                tops[carry[0]] = [0]
                skip = first
                reopened[first] = carry[1]
            else:
                s, e = trim_span(text, carry[1] + 1, prev_end)
                out.append(QuoteSpan(s, e, carry[1], None, 0, text[carry[1]], None, carry[2], continues=carry[3]))
                if errors is not None:
                    errors.append({"code": "quote_unclosed", "at": carry[1],
                                   "message": f"quotation mark at {carry[1]} is never closed; the quote ends at its paragraph"})
        carry = None
        for m in _MARKS.finditer(text, lo, hi):
            i = m.start()
            if i == skip:
                continue
            got = _classify(text, i, lo, hi, counts)
            if got is None:
                continue
            role, kind = got
            if role == "open":
                tops.setdefault(kind, []).append(len(stack))
                counts[kind] = counts.get(kind, 0) + 1
                stack.append((kind, i, 1))
                continue
            if not counts.get(kind):
                continue
            j = tops[kind][-1]
            while len(stack) > j + 1:        # inner marks left open: dropped (amortised O(1))
                k2, _, _ = stack.pop()
                tops[k2].pop()
                counts[k2] -= 1
            k, o, npar = stack.pop()
            tops[k].pop()
            counts[k] -= 1
            s, e = trim_span(text, o + 1, i)
            out.append(QuoteSpan(s, e, o, i, len(stack), text[o], None, npar, continues=reopened.get(o)))
        if stack:
            kind, o, npar = stack[0]
            carry = (kind, o, npar, reopened.get(o))
            prev_end = hi
            if len(stack) > 1 and errors is not None:
                errors.append({"code": "quote_unclosed", "at": stack[1][1],
                               "message": f"{len(stack) - 1} inner quotation mark(s) in paragraph at {lo} never closed"})
    if carry is not None:
        s, e = trim_span(text, carry[1] + 1, prev_end)
        out.append(QuoteSpan(s, e, carry[1], None, 0, text[carry[1]], None, carry[2], continues=carry[3]))
        if errors is not None:
            errors.append({"code": "quote_unclosed", "at": carry[1],
                           "message": f"quotation mark at {carry[1]} is never closed; the quote ends at its paragraph"})
    out = [q for q in out if q.end > q.start]
    out.sort(key=lambda q: (q.start, -q.end))
    # parents for nested quotes
    open_stack: list[int] = []
    for idx, q in enumerate(out):
        while open_stack and out[open_stack[-1]].end < q.end:
            open_stack.pop()
        if open_stack:
            q.parent = open_stack[-1]
            q.depth = max(q.depth, out[open_stack[-1]].depth + 1)
        open_stack.append(idx)
    return out


# -- language data --------------------------------------------------------------------------

def _norm(word: str) -> str:
    return _HARAKAT.sub("", word).casefold()


@dataclass
class _Lang:
    cues: dict = field(default_factory=dict)         # first word -> [tuple of words], longest first
    roles: frozenset = frozenset()
    pronouns: frozenset = frozenset()
    describe: frozenset = frozenset()
    terms: list = field(default_factory=list)
    links: frozenset = frozenset()
    aux: frozenset = frozenset()              # verbs/auxiliaries that end a subject ("has", "was")
    persons: frozenset = frozenset()          # pronouns that point back only at persons
    gender: dict = field(default_factory=dict)   # word -> "f" | "m" (verbs, pronouns, role words)
    generic: frozenset = frozenset()          # description heads compatible with any role ("official")
    possessive: frozenset = frozenset()       # "his", "their": a phrase they open is never a speaker
    conjunctions: frozenset = frozenset()     # "and", "but": a verb they open after a quote is coordinated
    participles: frozenset = frozenset()      # "مضيفًا": a cue whose subject is the clause's own speaker
    addressees: frozenset = frozenset()       # "للصحفيين": whom a speaker told; ends the speaker's name
    saying: frozenset = frozenset()           # "قوله", "saying": the cue of "X quoted Y as saying"
    quoting: frozenset = frozenset()          # "عن", "quoted": ... whose speaker follows this word
    copulas: frozenset = frozenset()          # "كانت": opens a sentence whose subject a later verb shares
    anaphors: frozenset = frozenset()         # "winger": "the Moroccan winger" is the player just written about
    times: frozenset = frozenset()            # "Monday": capitalised mid-sentence, yet never a speaker


#: ``quote_words.txt`` tags that list single words, and the :class:`_Lang` field each one fills
_WORD_TAGS = {"pronoun": "pronouns", "describe": "describe", "link": "links", "aux": "aux", "person": "persons",
              "generic": "generic", "possessive": "possessive", "conj": "conjunctions", "participle": "participles",
              "addressee": "addressees", "saying": "saying", "quoting": "quoting", "copula": "copulas",
              "anaphor": "anaphors", "time": "times"}


@lru_cache(maxsize=None)
def _lang_data() -> _Lang:
    data = _Lang()
    roles, terms, gender = set(), [], {}
    words_of = {field_name: set() for field_name in _WORD_TAGS.values()}
    for code in resources.available_languages():
        if resources.has_resource(code, "speech_verbs.txt"):
            for line in resources.read_lines(code, "speech_verbs.txt"):
                words = tuple(_norm(w) for w in line.split())
                if words:
                    data.cues.setdefault(words[0], []).append(words)
        if resources.has_resource(code, "roles.txt"):
            roles |= {_norm(w) for w in resources.read_lines(code, "roles.txt")}
        if resources.has_resource(code, "quote_words.txt"):
            for line in resources.read_lines(code, "quote_words.txt"):
                tag, _, word = line.partition(":")
                if tag in _WORD_TAGS:
                    words_of[_WORD_TAGS[tag]].add(_norm(word))
                elif tag == "term":
                    terms.append(tuple(_norm(w) for w in word.split()))
                elif tag in ("fem", "masc"):
                    gender[_norm(word)] = tag[0]
    for lst in data.cues.values():
        lst.sort(key=len, reverse=True)
    data.roles, data.terms, data.gender = frozenset(roles), terms, gender
    for field_name, words in words_of.items():
        setattr(data, field_name, frozenset(words))
    return data


def _stop() -> frozenset:
    words = set()
    for code in resources.available_languages():
        if resources.has_resource(code, "stopwords.txt"):
            words |= {_norm(w) for w in resources.read_lines(code, "stopwords.txt")}
    # Arabic prepositions and particles ("كما أضافت", "هذا ما صرحت به", "حسبما قال"): never a name
    return frozenset(words) | frozenset({"في", "من", "على", "إلى", "عن", "مع", "عقب", "خلال", "أما", "كما", "حسبما",
                                         "هذا", "هذه", "ما", "وفقا", "وفق", "بحسب", "حسب", "بينما", "حيث", "أمام",
                                         "بعد", "قبل", "لدى", "عند", "بصورة", "بشكل", "عبر", "دون", "أن", "إن",
                                         "إذا", "لا", "لم", "لن", "منذ"})


_STOP = None


def _stopwords() -> frozenset:
    global _STOP
    if _STOP is None:
        _STOP = _stop()
    return _STOP


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    norm: str


def _tokens(text: str, lo: int, hi: int) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group(), _norm(m.group().rstrip(".")) or m.group())
            for m in _TOKEN.finditer(text, lo, hi)]


#: "asked me last year", "expect us to": words inside a quotation, never a speaker ("my grandfather" is one)
_FIRST_SECOND_PRONOUNS = frozenset({"i", "me", "we", "us", "you"})
_REPORTED = frozenset({"reported", "reports"})
_WITHOUT = frozenset({"دون", "بدون", "without"})
_TWEET_HEADS = frozenset({"التغريدة", "tweet", "post"})
_PASSIVE_AUX = frozenset({"be", "been", "being", "is", "was", "were", "are"})


def _find_cues(toks: list[_Tok]) -> list[tuple[int, int]]:
    """(first token, end token) of each speech cue, longest match first, left to right."""
    data = _lang_data()
    cues = data.cues
    out, i = [], 0
    while i < len(toks):
        hit = None
        w = toks[i].norm
        cands = cues.get(w, [])
        if not cands and len(w) > 2 and w[0] in "وف":        # Arabic conjunction prefixes
            cands = cues.get(w[1:], [])
            if cands:
                cands = [c for c in cands if len(c) == 1]
        for phrase in cands:
            n = len(phrase)
            if len(phrase) == 1 or all(i + k < len(toks) and toks[i + k].norm == phrase[k] for k in range(1, n)):
                hit = (i, i + n)
                break
        if hit and w.isascii() and i > 0 and toks[i - 1].norm in _NOUN_OPENERS:
            hit = None          # "the five minutes of added time", "an added bonus": an adjective, not a verb
        if hit and w.isascii() and i > 0 and toks[i - 1].norm in {"to", "will", "would", "could", "can", "might"} \
                and i + 1 < len(toks) and toks[i + 1].norm in {"that", "this", "it", "so"}:
            hit = None          # "It's fair to say that", "one could say that": no one speaks
        if hit and w in {"read", "reads"} and not (i + 1 < len(toks) and toks[i + 1].text in {":", ".", ","}
                                                  or i + 1 == len(toks) or (i == 0 and not _is_cap(toks[i]))
                                                  or (i > 0 and toks[i - 1].text in {",", "،"})):
            hit = None          # "read" attributes only next to a quote ("the post reads:", "…,” read X"), never "read a book"
        if hit and w.isascii() and i > 0 and toks[i - 1].norm in _PASSIVE_AUX and w.endswith("ed"):
            hit = None          # "the perpetrators will be revealed", "it was reported": passive, no speaker
        if hit and w == "called" and i + 1 < len(toks) and toks[i + 1].norm in {"a", "an"}:
            hit = None          # "a short curved blade called a manqaf": a name, not speech
        if hit and w == "asked" and ((i == 0 and _is_cap(toks[i])) or (i + 1 < len(toks) and toks[i + 1].norm in _QUESTION_WORDS)):
            hit = None          # "Asked whether he would complain, he shook his head": a question put to him
        if hit and w in data.saying and w not in data.participles \
                and not any(toks[k].norm in data.quoting for k in range(max(0, i - 12), i)):
            hit = None          # "على حد قوله" (as he put it): قوله attributes only after "عن" (quoted … as saying)
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


# -- speakers --------------------------------------------------------------------------------

def _is_cap(tok: _Tok) -> bool:
    return tok.text[:1].isupper()


def _has_case(tok: _Tok) -> bool:
    return tok.text[:1].lower() != tok.text[:1].upper()


_MID_CAPS = regex.compile(r"(?<=[\p{Ll}\d,;:)]\s+)\p{Lu}[\w’'.-]*")


def mid_sentence_capitals(text: str) -> frozenset:
    """The capitalised words that ``text`` writes inside a sentence (after a lower-case word, a digit
    or a comma), folded: there the capital marks a name, not the start of a sentence.

    >>> sorted(mid_sentence_capitals("Indeed, the talks in Cairo went on. Voters met Amal Saleh."))
    ['amal', 'cairo', 'saleh']
    """
    return frozenset(_norm(m.group().rstrip(".")) for m in _MID_CAPS.finditer(text))


def _proper(tok: _Tok, mid_caps: frozenset) -> bool:
    """Whether a capitalised word is a name: the names tables know it, or the text capitalises it
    inside a sentence too (not a day or month: those are capitalised everywhere)."""
    if tok.norm in _lang_data().times or tok.norm in _month_words():
        return False
    return tok.norm in _known_latin_names() or tok.norm in mid_caps


@lru_cache(maxsize=1)
def _month_words() -> frozenset:
    out = set()
    for code in resources.available_languages():
        if resources.has_resource(code, "months.tsv"):
            out |= {_norm(row[0]) for row in resources.read_tsv(code, "months.tsv")}
    return frozenset(out)


def _without_affiliation(toks: list[_Tok]) -> list[_Tok]:
    """A person's name without the affiliation after it ("Hala Khasawneh of the meteorological
    department", "Robyn Christie of Melrose" with a known given name); an organisation's name stays
    whole ("Directorate General of Meteorology"). Returns ``toks`` itself when nothing is cut.

    >>> [t.text for t in _without_affiliation(_tokens("Hala Khasawneh of the weather office", 0, 36))]
    ['Hala', 'Khasawneh']
    """
    link = next((k for k, t in enumerate(toks) if t.norm in {"of", "from", "at"}), None)
    if link is None or not 2 <= link <= 4 or link + 1 >= len(toks) or toks[0].norm in _DETS \
            or not all(_is_cap(t) for t in toks[:link]) or any(t.norm in _lang_data().roles for t in toks[:link]):
        return toks
    after = toks[link + 1:]
    lower = not _is_cap(after[0]) and (after[0].norm not in _DETS or (len(after) > 1 and not _is_cap(after[1])))
    if lower or toks[0].norm in _latin_given_names():
        return toks[:link]
    return toks


def _name_of(toks: list[_Tok]) -> list[_Tok]:
    """Drop role words and determiners: ``Russian Foreign Ministry Spokeswoman Maria Zakharova``
    -> ``Maria Zakharova``; a description (``a senior White House official``) stays whole."""
    roles = _lang_data().roles
    toks = [t for t in toks if t.text not in "()[]."]      # a lone full stop is a title's ("Dr. X")
    if not toks:
        return toks
    if not _is_ar(toks[0].text) and any(_is_ar(t.text) for t in toks):
        toks = toks[:next(k for k, t in enumerate(toks) if _is_ar(t.text))]   # "Umm Ahmed (أم أحمد)": one script
    if toks[-1].norm in roles:                       # a description ending in its role word
        return toks
    last = -1
    for k, t in enumerate(toks):
        if t.norm in roles or (t.norm + "." in roles and k + 1 < len(toks)):    # "د." is a title too
            last = k
    rest = toks[last + 1:]
    if rest and last >= 0 and _is_ar(rest[0].text) and rest[0].norm.startswith("ال"):
        # the role's complement (مديرة الحملة: the campaign's director), unless a name follows it
        named = _name_after_role(rest) or _trailing_arabic_name(rest)
        return named if named else toks
    if rest and last >= 0 and rest[0].text[:1].islower() and rest[0].norm in _stopwords():
        # the role's complement: "Minister of Health Ahmad Nasser" -> the name starts at a given name
        # the names tables know; "the minister of health", "ambassador to Jordan" stay whole
        given = _known_latin_names()
        start = next((k for k in range(1, len(rest) - 1) if rest[k].norm in given and _is_cap(rest[k + 1])), None)
        describe = _lang_data().describe
        if start is None and len(rest) >= 4 and all(_is_cap(t) for t in rest[-3:]) \
                and not any(t.norm in _DETS for t in rest[1:]) \
                and not any(t.norm in describe or t.norm in roles for t in rest[-2:]):
            start = len(rest) - 2        # "Ambassador to Oman Dmitry Orlov", "Minister of Water and Irrigation
            #                              Nidal Al-Hiyari": a name of two words ends it
        return rest[start:] if start is not None else toks
    if rest and last >= 0:
        return _without_affiliation(rest)
    named = _without_affiliation(toks)
    if named is not toks:
        return named
    # a lower-case description before a full name ("veteran fisherman Ali Saeed"): the name
    first_cap = next((k for k, t in enumerate(toks) if _is_cap(t)), None)
    if first_cap and len(toks) - first_cap >= 2 and all(_is_cap(t) or regex.match(r"\p{Ll}{1,2}-\p{Lu}", t.text)
                                                         for t in toks[first_cap:]) \
            and all(_has_case(t) and not _is_cap(t) and t.norm not in _stopwords() for t in toks[:first_cap]):
        return toks[first_cap:]
    return toks


_DETS = {"the", "a", "an", "his", "her", "its", "their"}
_NAME_LINKS = {"of", "for"}      # inside a capitalised name: "Directorate General of Meteorology"


def _namelike(toks: list[_Tok]) -> bool:
    stop = _stopwords()
    rest = _name_of(toks)
    core = [t for t in rest if t.norm not in _DETS]
    if not core or len(core) > 6:
        return False
    if any(t.norm in stop for t in core if not _is_cap(t)):
        return False
    return True


def _split_chunks(toks: list[_Tok]) -> list[list[_Tok]]:
    chunks, cur = [[]], None
    for t in toks:
        if t.text in {",", "،", "–", "—", ";", "؛"} or (t.text == "-" and True):
            chunks.append([])
        else:
            chunks[-1].append(t)
    return chunks


_CLAUSE_WORDS = frozenset({"that", "and", "but", "which", "who", "what", "when", "while", "if", "because", "as",
                           "though", "although", "whereas", "أن", "إن"})


def _inside_title(toks: list[_Tok], k: int) -> bool:
    """``and`` between two capitalised words (``Minister of Water and Irrigation Nidal Al-Hiyari``)
    joins the parts of a title or a name; it opens no clause."""
    return toks[k].norm == "and" and 0 < k < len(toks) - 1 and _is_cap(toks[k - 1]) and _is_cap(toks[k + 1])


def _subject_before(toks: list[_Tok]) -> list[_Tok] | None:
    """The subject noun phrase right before a cue verb."""
    if not toks:
        return None
    if len(toks) > 2 and toks[-1].norm in {"by", "to"} and toks[-2].text.islower() \
            and toks[-2].norm not in {"us", "me", "him", "her", "them", "you", "it"}:
        toks = toks[:-2]                 # "The official concluded by saying", "X likes to say": the subject
    # an adverb before the verb is not part of the subject ("X, his successor, proudly called")
    while len(toks) > 1 and toks[-1].text.islower() and toks[-1].norm.endswith("ly") and len(toks[-1].norm) > 4 \
            and toks[-1].norm.isascii():
        toks = toks[:-1]
    if toks[-1].text in {"–", "—", "-"}:
        # "The vestry - the parish's governing body - wrote": the subject before the dashed aside
        k = max((i for i in range(len(toks) - 1) if toks[i].text == toks[-1].text), default=None)
        if k is not None:
            toks = toks[:k]
    stop = _stopwords()
    # an appositive relative clause closed by a comma ("Lamia Haddad, who heads the utility, told")
    if toks and toks[-1].text in {",", "،"}:
        for j in range(len(toks) - 2, 0, -1):
            if toks[j].text in {"!", "?", ":", ";"} or (toks[j].text == "." and not _abbreviation_dot(toks, j)):
                break
            if toks[j].norm in {"who", "which", "whose"}:
                # ", who heads ...," or an appositive noun phrase first (", a nurse who commutes ...,")
                comma = next((i for i in range(j - 1, max(0, j - 10) - 1, -1) if toks[i].text in {",", "،"}), None)
                if comma is not None and comma > 0 and all(t.text[:1].isalnum() for t in toks[comma + 1:j]):
                    toks = toks[:comma]
                    break
    # "Paul Newman, of analysts RSM said", "Ana Balarin, partner and ECD at Mother commented": a sentence
    # that opens with a name and its appositive (whose "and" is no clause)
    opening = max((i + 1 for i, t in enumerate(toks) if t.text in {".", "!", "?", ":", ";"}
                   and not _abbreviation_dot(toks, i)), default=0)
    chunks = [c for c in _split_chunks(toks[opening:]) if c]
    if len(chunks) == 2 and 2 <= len(chunks[0]) <= 4 and all(_is_cap(t) for t in chunks[0]) \
            and chunks[0][0].norm not in _stopwords() and not any(t.norm in _lang_data().roles for t in chunks[0]) \
            and (chunks[1][0].norm in {"of", "from", "at"} or any(t.norm in _lang_data().roles for t in chunks[1][:3])):
        return chunks[0]
    # cut at the last clause-opening word ("that", "and") and sentence punctuation
    k = len(toks)
    while k > 0 and (toks[k - 1].text not in {".", "!", "?", ":", "\"", "“", "”", "«", "»"}
                     or _abbreviation_dot(toks, k - 1)) and \
            (toks[k - 1].norm not in _CLAUSE_WORDS or _inside_title(toks, k - 1)):
        k -= 1
    comma_who = k > 2 and k == len(toks) and toks[k - 1].norm in {"who", "which"} and toks[k - 2].text == "," \
        and toks[k - 3].text[:1].isalnum()
    if comma_who:
        # "the president, who commented during the rally:": the antecedent before the comma
        j = k - 2                        # the noun phrase right before the comma ("… with the president")
        while j > 0 and toks[j - 1].text[:1].isalnum() and len(toks) - j < 8 \
                and (toks[j - 1].norm not in _stopwords() or toks[j - 1].norm in _DETS):
            j -= 1
            if toks[j].norm in _DETS:
                break
        antecedent = toks[j:k - 2]
        if antecedent and (antecedent[0].norm in _DETS or _is_cap(antecedent[0])) and len(antecedent) <= 6:
            return antecedent
    if k > 1 and toks[k - 1].norm in {"who", "which"} and toks[k - 2].text[:1].isalnum():
        # "The expert who played the carillon in July called": the relative clause's antecedent
        j = k - 1
        while j > 0 and toks[j - 1].text[:1].isalnum() and toks[j - 1].norm not in _CLAUSE_WORDS:
            j -= 1
        antecedent = _strip_lead(toks[j:k - 1])
        i = j
        while i > 0 and (toks[i - 1].text[:1].isalnum() or toks[i - 1].text in {",", "،"}) \
                and toks[i - 1].norm not in _CLAUSE_WORDS:
            i -= 1
        # "Lina Farouk, 54, a teacher who joined the march said": the name the appositive describes
        named = _name_before_appositive([c for c in _split_chunks(toks[i:k - 1]) if c])
        if named:
            return named
        if antecedent and len(antecedent) <= 6:
            return antecedent
    toks = toks[k:]
    ends_comma = bool(toks) and toks[-1].text in {",", "،", "–", "—"}
    chunks = [c for c in _split_chunks(toks)]
    # a chunk without letters is an appositive age or figure ("Abbas Mutlaq, 52,"), never the subject
    nonempty = [c for c in chunks if c and any(ch.isalpha() for t in c for ch in t.text)]
    if not nonempty:
        return None
    if ends_comma:
        for c in nonempty:    # "The statement, issued by the Palestinian Red Crescent, said": the issuer
            if len(c) >= 3 and c[0].norm in {"issued", "released", "published", "signed"} and c[1].norm == "by" \
                    and any(_is_cap(t) for t in c[2:]):
                return c[2:]
        good = [c for c in (_strip_lead(c) for c in nonempty) if c and _namelike(c) and not _only_time(c)]
        capped = [c for c in good if any(_is_cap(t) and t.norm not in _DETS for t in c)]
        # "the spokesman for the Ports Commission, Haider Al-Saadi, said": the name, not the description
        names = [c for c in capped if 2 <= len(c) <= 4 and all(_is_cap(t) for t in c)
                 and not any(t.norm in _lang_data().roles for t in c)]
        if names and capped[0] is not names[0] and (capped[0][0].norm in _DETS
                                                     or any(t.norm in _lang_data().roles for t in capped[0])):
            return names[0]              # "UNESCO's spokesperson, Claire Dufresnoy, wrote": the name
        if capped:
            return capped[0]
        return good[0] if good else None
    named = _name_before_appositive(nonempty)
    if named:
        return named
    last = _strip_lead(nonempty[-1])
    # "Haddad told the court she had asked": a clause without "that" starts at its pronoun
    pron = [k for k in range(1, len(last)) if last[k].norm in _lang_data().persons]
    if pron:
        last = last[pron[-1]:]
    # a relative clause without "that": "a project the panel described as" -> "the panel"
    inner = [k for k in range(1, len(last)) if last[k].norm in _DETS and last[k - 1].norm not in stop
             and last[k - 1].text[:1].isalpha()]
    if inner:
        last = last[inner[-1]:]
    # a subject is short; keep the trailing noun phrase, from the determiner of a description when
    # there is one ("a senior official at the Jordanian Ministry of Transport")
    if len(last) > 7:
        roles = _lang_data().roles
        start = next((k for k in range(max(0, len(last) - 11), len(last) - 2)
                      if last[k].norm in {"a", "an", "the"} and any(t.norm in roles for t in last[k + 1:k + 4])), None)
        last = last[start:] if start is not None else last[-7:]
    return last or None


_SIGNED_BELOW = regex.compile(r"[^\S\n]*\n[^\S\n]*(?:>[^\S\n]*)?[—–][^\S\n]*(\p{Lu}[\w'’.\-]*(?:[^\S\n]+\p{Lu}[\w'’.\-]*){0,4})")
def _signed_below(text: str, close: int) -> list[_Tok] | None:
    """The name on the line under a quotation, after a dash (``— Dr Layla Mansour, senior fellow``,
    also inside a Markdown ``>`` block), as tokens; None when there is none or it is a tweet's
    attribution (``— Name (@handle) date``).

    >>> [t.text for t in _signed_below('"Done."\\n— Rana Saleh, mayor', 6)]
    ['Rana', 'Saleh']
    """
    sign = _SIGNED_BELOW.match(text, close + 1)
    if sign is None or regex.match(r"\s*\(@", text[sign.end(1):]):
        return None
    return _tokens(text, sign.start(1), sign.end(1))


_ACRONYM_SAID = regex.compile(r"[\"”»']?\s*,?\s*((?:(?:the|The)\s+)?\p{Lu}[\w'’\-]*(?:\s+(?:(?:of|for|and|on)\s+)?\p{Lu}[\w'’\-]*){0,7})"
                              r"\s+\(\p{Lu}{2,}\)\s+(said|says|told|added|wrote|stated|noted)\b")
_MARK_TOKENS = frozenset("\"“”«»")


def _closing_attribution(toks: list[_Tok]):
    """A sentence that closes with ``, X said.`` or ``, said X.`` (X a name or a pronoun of one to
    three words): (subject tokens, cue span, cue tokens), else None.

    >>> t = _tokens("from Donggala, Nugroho said.", 0, 28)
    >>> got = _closing_attribution(t)
    >>> [x.text for x in got[0]], [x.text for x in got[2]]
    (['Nugroho'], ['said'])
    """
    end = len(toks)
    while end and toks[end - 1].text in {".", "!", "?", "\"", "”", "’", "»"}:
        end -= 1
    comma = max((k for k in range(end) if toks[k].text in {",", "،"}), default=None)
    if comma is None or not 2 <= end - comma - 1 <= 5 or end < len(toks) and toks[end].text not in {"."}:
        return None
    tail = [t for t in toks[comma + 1:end] if t.text not in _MARK_TOKENS]
    cues = _find_cues(tail)
    if not cues or _is_ar(tail[0].text):
        return None
    a, b = cues[0]
    subj = tail[:a] if a else tail[b:]
    if not subj or (a and b != len(tail)) or len(subj) > 3:
        return None
    pronoun = len(subj) == 1 and subj[0].norm in _lang_data().pronouns
    if not pronoun and not all(_is_cap(t) for t in subj):
        return None
    return subj, (comma + 1 + a, comma + 1 + b), tail[a:b]


def _sentence_subject(toks: list[_Tok]) -> list[_Tok] | None:
    """The name a sentence opens with, as the subject of its first verb (``Indonesia's President
    Joko Widodo arrived …``): capitalised words (titles and a possessive allowed), two or more, or one
    the names tables know; an opening time or place phrase before a comma is skipped.

    >>> [t.text for t in _sentence_subject(_tokens("On Sunday, Mayor Rana Odeh opened the market", 0, 44))]
    ['Mayor', 'Rana', 'Odeh']
    """
    chunks = [c for c in _split_chunks(toks) if c]
    if len(chunks) > 1 and chunks[0][0].norm in _stopwords():
        chunks = chunks[1:]
    if not chunks:
        return None
    lead = []
    for t in chunks[0]:
        if _is_cap(t) or t.text in {"'s", "’s", "'", "’"} or (lead and t.norm in _lang_data().roles):
            lead.append(t)
        else:
            break
    caps = [t for t in lead if _is_cap(t)]
    if not lead or lead[0].norm in _stopwords() or _only_time(lead) or len(lead) == len(chunks[0]):
        return None                      # no verb after it: not a clause subject
    if len(caps) >= 2 or (caps and caps[0].norm in _known_latin_names()):
        return lead
    return None


def _plain_name(name: str) -> bool:
    """A name and nothing else: Latin words all capitalised (particles like al-, de, bin allowed),
    Arabic words without the article except the last and with no role word.

    >>> _plain_name("Nidal Al-Hiyari"), _plain_name("سالم بن راشد الغافري"), _plain_name("the Russian Embassy")
    (True, True, False)
    """
    words = name.split()
    roles = _lang_data().roles
    if any(_norm(w) in roles or _norm(w) in _stopwords() and not _is_ar(w) for w in words):
        return False
    if all(_is_ar(w) for w in words):
        return not any(_definite(_norm(w)) for w in words[:-1])
    return all(w[:1].isupper() or w.casefold() in _SURNAME_PARTICLES or w.casefold() in {"de", "van", "von", "da"}
               for w in words)


def _plural_description(name: str) -> bool:
    """``the women``, ``the volunteers``: a group, never what "he" or "she" points at.

    >>> _plural_description("the women"), _plural_description("the spokeswoman"), _plural_description("Ali Haas")
    (True, False, False)
    """
    words = name.casefold().split()
    return len(words) >= 2 and words[0] in {"the", "some", "many", "several"} \
        and (words[-1].endswith(("men", "people", "children")) and not words[-1].endswith(("spokesmen", "chairmen"))
             or (words[-1].endswith("s") and not words[-1].endswith(("ss", "us", "is"))))


def _only_time(toks: list[_Tok]) -> bool:
    """A phrase whose capitalised words are all days or months ("On Saturday"): never a subject."""
    caps = [t for t in toks if _is_cap(t)]
    return bool(caps) and all(t.norm in _lang_data().times or t.norm in _month_words() for t in caps)


def _name_before_appositive(chunks: list[list[_Tok]]) -> list[_Tok] | None:
    """``Name, 68, an electrician at the protest said``, ``Name, the spokesman for the agency said``:
    the subject is the name the appositive describes, not the end of the appositive.

    >>> toks = _tokens("Narcis Termes, 68, an electrician at the protest", 0, 49)
    >>> [t.text for t in _name_before_appositive(_split_chunks(toks))]
    ['Narcis', 'Termes']
    """
    if len(chunks) >= 2 and chunks[-1] and chunks[-1][0].norm in {"of", "from", "at"} and len(chunks[0]) >= 2 \
            and all(_is_cap(t) for t in chunks[0]) and chunks[0][0].norm not in _stopwords():
        return chunks[0]                 # "Peter Martin, of business consultancy CGA, which …, said": the person
    if len(chunks) < 2 or len(chunks[-1]) < 2 or chunks[-1][0].norm not in {"a", "an", "the"} \
            or _is_cap(chunks[-1][1]) and chunks[-1][1].norm not in _lang_data().roles:
        return None                      # "Ras Al-Naqab, the Public Security Directorate said": a place, then the speaker
    first = chunks[0]
    if not 1 <= len(first) <= 4 or not all(_is_cap(t) or regex.match(r"\p{Ll}{1,2}-\p{Lu}", t.text) for t in first) \
            or first[0].norm in _stopwords() or first[0].norm in _DETS or _only_time(first):
        return None                      # "In Gaza, the ministry said", "On Friday, the official said"
    if len(first) == 1 and first[0].norm not in _known_latin_names() and first[0].norm not in _latin_given_names():
        return None                      # one word: a place or a sentence adverb as often as a person
    middle = chunks[1:-1]
    if not all(not any(ch.isalpha() for t in c for ch in t.text) or (c and c[0].norm in {"a", "an", "the"})
               for c in middle):
        return None
    return first


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset:
    """Words written with a final full stop that does not end a clause (``Dr``, ``U.N``), from every
    language's ``abbreviations.txt``, without the stop and folded."""
    out = set()
    for code in resources.available_languages():
        if resources.has_resource(code, "abbreviations.txt"):
            out |= {_norm(w.rstrip(".")) for w in resources.read_lines(code, "abbreviations.txt")}
    return frozenset(out)


def _abbreviation_dot(toks: list[_Tok], j: int) -> bool:
    """Whether the full stop ``toks[j]`` closes an abbreviation glued to it (``U.N.``, ``Dr.``, an
    initial ``J.``) rather than a sentence: inside one speech sentence it never ends the subject.

    >>> t = _tokens("the U.N. agency", 0, 15)
    >>> _abbreviation_dot(t, 2)
    True
    """
    if toks[j].text != "." or j == 0 or toks[j - 1].end != toks[j].start:
        return False
    word = toks[j - 1].text
    return "." in word or (len(word) == 1 and word.isupper()) or toks[j - 1].norm in _abbreviations()


def _quoted_as(toks: list[_Tok], cue: int) -> list[_Tok] | None:
    """In "A quoted B as saying" / "نقلت A عن B قوله" the words between the last ``quoting`` word
    before the cue ``toks[cue]`` and the cue (without "as"): B.

    >>> t = _tokens("Reuters quoted the minister as saying", 0, 38)
    >>> [x.text for x in _quoted_as(t, 5)]
    ['the', 'minister']
    """
    data = _lang_data()
    at = max((k for k in range(max(0, cue - 12), cue) if toks[k].norm in data.quoting), default=None)
    if at is None:
        return None
    out = [t for t in toks[at + 1:cue] if t.text.isalnum() or t.text in {".", "-"} or _is_ar(t.text)]
    while out and out[-1].norm in {"as"}:
        out.pop()
    return out or None


def _trailing_arabic_name(out: list[_Tok]) -> list[_Tok] | None:
    """The name that ends an Arabic description (``سائق الجرافة محمد الشوابكة``, ``عالمة الآثار
    البريطانية هيلين كارفيل``): from the end, words without the article (a family name with it
    only last), two or three of them, after a word with the article.

    >>> [t.text for t in _trailing_arabic_name(_tokens("سائق الجرافة محمد الشوابكة", 0, 26))]
    ['محمد', 'الشوابكة']
    >>> _trailing_arabic_name(_tokens("الأمم المتحدة", 0, 13)) is None
    True
    """
    if len(out) < 3 or not all(_is_ar(t.text) for t in out):
        return None
    k = len(out) - 1
    if _definite(out[k].norm) and _definite(out[k - 1].norm):
        return None
    k -= 1
    while k >= 0 and not _definite(out[k].norm) and len(out) - k <= 3:
        k -= 1
    name = out[k + 1:]
    if k < 0 or not _definite(out[k].norm) or not 2 <= len(name) <= 3:
        return None
    data = _lang_data()
    if any(t.norm in data.roles or t.norm in _stopwords() or t.norm in data.cues for t in name):
        return None
    return name


def _appositive_name(toks: list[_Tok]) -> list[_Tok] | None:
    """The name in an appositive that a comma closes right after a description (``، أبو رامي،``,
    ``, Umm Ahmad,``): one to three words opening with a given name of the tables, a kunya
    (أبو/أم, Abu/Umm) or, in Latin script, capitalised.

    >>> [t.text for t in _appositive_name(_tokens("أبو رامي، إن", 0, 12))]
    ['أبو', 'رامي']
    """
    name = []
    for t in toks[:9]:
        if t.text in {",", "،"}:
            break
        name.append(t)
    else:
        return None
    if len(name) == len(toks):
        return None
    # a Latin spelling in brackets after an Arabic name, "روي مونتيرو (Rui Monteiro)", is dropped
    if "(" in [t.text for t in name] and _is_ar(name[0].text):
        name = name[:[t.text for t in name].index("(")]
    while len(name) > 1 and (name[0].norm in _AR_TITLES or name[0].text == "."):
        name = name[1:]                  # a title first: "، الدكتور مازن العكور،"
    # a nationality before the name ("البرتغالي روي مونتيرو") says it is a person
    nisba = bool(name) and _is_ar(name[0].text) and _definite(name[0].norm) and name[0].norm.endswith("ي") \
        and len(name) >= 3 and name[0].norm not in _AR_RELATIVE and name[0].norm not in _stopwords()
    if nisba:
        name = name[1:]
    if not 1 <= len(name) <= 3:
        return None
    first = name[0]
    kunya = first.norm in _AR_COMPOUND_HEADS or first.norm in {"abu", "umm"}
    if _is_ar(first.text):
        ok = (kunya and len(name) >= 2) or (_fold_name(first.text) in _name_tables()[1] and len(name) >= 2) \
            or (nisba and len(name) >= 2 and not any(_definite(t.norm) or t.norm in _stopwords() for t in name))
    else:
        ok = all(_is_cap(t) or regex.match(r"\p{Ll}{1,2}-\p{Lu}", t.text) for t in name) and len(name) >= 2
    return name if ok else None


def _role_before(toks: list[_Tok], gender: str | None) -> list[_Tok] | None:
    """In an Arabic sentence whose speech verb has no subject of its own, a role noun earlier in the
    same sentence with no name after it is who speaks: "رسالة من مدير مدرسة في القرية، قال فيها" -> "مدير
    مدرسة في القرية" (the role's gender must fit the verb's)."""
    data = _lang_data()
    k = max((i for i, t in enumerate(toks) if _is_ar(t.text) and len(t.norm) > 2
             and (t.norm in data.roles or _bare(t.norm) in data.roles)), default=None)
    if k is None:
        return None
    role = toks[k]
    g = data.gender.get(role.norm) or data.gender.get("ال" + role.norm)
    if gender and g and g != gender:
        return None
    out = [role]
    for t in toks[k + 1:k + 5]:
        if not t.text[:1].isalpha() or not _is_ar(t.text) or t.norm in data.cues \
                or (t.norm[:1] in "وف" and t.norm[1:] in data.cues):
            break
        out.append(t)
    if any(_fold_name(t.text) in _known_names() for t in out[1:]):
        return None          # role + name: the resolver has it already
    return out if len(out) >= 2 else None


def _described_name(toks: list[_Tok]) -> bool:
    """Lower-case description words, then a capitalised name: "local news account Akhbar Al-Hamra"."""
    k = next((i for i, t in enumerate(toks) if _is_cap(t)), None)
    return k is not None and k >= 1 and len(toks) - k >= 2 and all(
        t.text.islower() and t.norm not in _stopwords() for t in toks[:k])


def _source_aside(toks: list[_Tok], a: int, b: int) -> bool:
    """``according to a transcript …,`` between commas: an aside about the record, not a speaker
    (a common noun after the article, and a comma closing the aside)."""
    if " ".join(t.norm for t in toks[a:b]) != "according to" or a == 0 or toks[a - 1].text not in {",", "،"}:
        return False
    rest = toks[b:b + 3]
    return len(rest) >= 2 and rest[0].norm in {"a", "an", "the"} and rest[1].text.islower() \
        and any(t.text in {",", "،"} for t in toks[b:b + 12])


def _coordinated_that(toks: list[_Tok], after: int) -> bool:
    """Whether ``and that`` / ``but that`` (a second reported clause) comes after ``toks[after]``.

    >>> t = _tokens("said that it had asked them, and that it would", 0, 45)
    >>> _coordinated_that(t, 5)
    True
    """
    return any(toks[k].norm in {"and", "but"} and toks[k + 1].norm == "that" for k in range(after, len(toks) - 1))


def _introduced_person(toks: list[_Tok]) -> list[_Tok] | None:
    """A sentence that opens by introducing someone with an appositive (``Maryam Jabbar, a
    21-year-old student, arrived ...``, ``Abbas Mutlaq, 52, ...``): the person a later "she" or "he"
    most likely means, even before they speak.

    A sentence that opens with a full name starting with a given name the tables know, then a verb
    (``Leila Mansouri runs a cooperative ...``), introduces that person too.

    >>> [t.text for t in _introduced_person(_tokens("Rana Odeh, a nurse, arrived.", 0, 28))]
    ['Rana', 'Odeh']
    >>> [t.text for t in _introduced_person(_tokens("Leila Haddad runs a bakery.", 0, 27))]
    ['Leila', 'Haddad']
    >>> [t.text for t in _introduced_person(_tokens("Omar, 67, is not against it.", 0, 28))]
    ['Omar']
    >>> _introduced_person(_tokens("On Saturday, a boy was found.", 0, 29)) is None
    True
    """
    chunks = _split_chunks(toks[:30])
    if len(chunks) >= 3 and any(t.norm in _lang_data().roles for t in chunks[0]) and 2 <= len(chunks[1]) <= 4 \
            and all(_is_cap(t) for t in chunks[1]) and not any(t.norm in _stopwords() for t in chunks[1]):
        return chunks[1]                 # "Trump's press secretary, Sarah Sanders, appeared on …"
    name = []
    for t in toks[:5]:
        if _is_cap(t) or (name and regex.match(r"\p{Ll}{1,2}-\p{Lu}", t.text)):
            name.append(t)
        else:
            break
    given_alone = len(name) == 1 and name[0].norm in _latin_given_names()     # "Abdullah, 67, is ..."
    if not (2 <= len(name) <= 4 or given_alone) or len(toks) < len(name) + 2:
        return None
    if name[0].norm in _stopwords() or _only_time(name):
        return None                      # "On Saturday, a boy was ...", "In Gaza, …"
    roles = _lang_data().roles
    nxt = toks[len(name)]
    if nxt.text.isalpha() and nxt.text.islower() and nxt.norm not in _stopwords() \
            and name[0].norm in _latin_given_names() and not any(t.norm in _lang_data().roles for t in name):
        return name
    if nxt.text != ",":
        return None
    nxt = toks[len(name) + 1]
    if nxt.norm in {"a", "an"} or nxt.text.isdigit():
        return name
    if nxt.norm in {"who", "whose"} and len(name) >= 2:
        return name                      # "Salim Al-Farsi, who runs a dive centre, welcomed …"
    if nxt.norm == "the" and len(name) >= 2 and any(t.norm in roles for t in toks[len(name) + 2:len(name) + 5]):
        return name                      # "Gendon Subandono, the coach of the team, had trained …"
    aside = []
    for t in toks[len(name) + 1:len(name) + 10]:
        if t.text in {",", "،"}:
            break
        aside.append(t)
    if len(name) >= 2 and aside and len(aside) < 9 and any(t.norm in roles for t in aside):
        return name                      # "Elisabeth Ferrell, Scottish officer for the Trust, has …"
    return None


def _cut_verbs(c: list[_Tok]) -> list[_Tok]:
    """A name or description ends before its first verb or auxiliary ("The authority has asked")."""
    aux = _lang_data().aux
    for k, t in enumerate(c):
        if k and _is_cap(t) and k + 1 < len(c) and _is_cap(c[k + 1]):
            continue                     # "coach Will Wade", "Ms May Chen": a given name, not the verb
        if t.norm in aux and not _is_cap(t) or (k and t.norm in aux):
            return c[:k]
    return c


def _strip_lead(c: list[_Tok]) -> list[_Tok]:
    stop = _stopwords()
    c = _cut_verbs(c)
    while c and (c[0].norm in {"أما", "و", "ف", "also", "then"} or (c[0].norm in stop and c[0].norm not in _DETS
                                                                    and c[0].norm not in _lang_data().pronouns)):
        c = c[1:]
    # drop trailing adverbs ("also")
    while c and c[-1].norm in {"also", "then", "later", "earlier", "once", "again", "recently", "previously",
                               "further", "still", "too", "however", "meanwhile", "instead", "nevertheless"}:
        c = c[:-1]
    return c


_NOT_PERSON_SECTIONS = ("places", "organisations", "organizations")


@dataclass(frozen=True)
class _Names:
    """What the quote rules know from every language's ``names.tsv``, read once through its
    sections: single-word person names (Arabic side, folded like :func:`_fold_name`), the given
    names among them, the Latin spellings of all single-word entries and of the given names, and
    given name -> gender (Arabic and Latin, from headings saying "(male)" or "female")."""

    people: frozenset
    given: frozenset
    latin: frozenset
    latin_given: frozenset
    genders: dict


@lru_cache(maxsize=1)
def _names() -> _Names:
    people, given, latin, latin_given, genders = set(), set(), set(), set(), {}
    for code in resources.available_languages():
        if not resources.has_resource(code, "names.tsv"):
            continue
        for section, row in resources.read_tsv_sections(code, "names.tsv", min_columns=2):
            heading = section.casefold()
            single = " " not in row[0].strip()
            spellings = {w.casefold() for w in row[1:] if w and " " not in w.strip()}
            is_given = "given" in heading or "female" in heading
            if single:
                latin |= spellings
            if is_given or "compound" in heading:
                latin_given |= spellings    # عبد الله counts where its Latin spelling is one word (Abdullah)
            if not single or heading.startswith(_NOT_PERSON_SECTIONS):
                continue                    # نابلس is the town, not the mayor
            people.add(_fold_name(row[0]))
            if is_given:
                given.add(_fold_name(row[0]))
            gender = "f" if "female" in heading else "m" if "(male)" in heading else None
            for key in ([_fold_name(row[0])] + sorted(spellings)) if gender else ():
                genders[key] = gender if genders.get(key, gender) == gender else ""   # listed under both: none
    return _Names(frozenset(people), frozenset(given), frozenset(latin), frozenset(latin_given),
                  {k: v for k, v in genders.items() if v})


def _name_tables() -> tuple[frozenset, frozenset]:
    """(single-word given and family names, given names alone), Arabic side folded."""
    return _names().people, _names().given


def _known_names() -> frozenset:
    """Single-word given and family names of the names tables."""
    return _names().people


def _known_latin_names() -> frozenset:
    """Latin spellings (lower case) of the single-word entries of every ``names.tsv``."""
    return _names().latin


def _latin_given_names() -> frozenset:
    """Latin spellings (folded) of the given names of every ``names.tsv``."""
    return _names().latin_given


def _given_name_genders() -> dict:
    """Given name (Arabic folded, or a Latin spelling folded) -> "f" or "m"."""
    return _names().genders


def _opens_with_given_name(name: str) -> bool:
    """Whether ``name`` starts with a given name the names tables know (``Majed al-Ansari``,
    ``سلمى الشاذلي``): a person, not an organisation.

    >>> _opens_with_given_name("Majed al-Ansari"), _opens_with_given_name("The Red Cross")
    (True, False)
    """
    words = name.split()
    if not words:
        return False
    first = words[0]
    return first.casefold() in _latin_given_names() or (_is_ar(first) and _fold_name(first) in _names().given)


@lru_cache(maxsize=20_000)
def _fold_name(word: str) -> str:
    """A word as the names tables are looked up: search normalisation (no harakat, one alef,
    ى → ي, ة → ه), lower case."""
    return normalize(word, "search").text.casefold()


def _name_after_role(after: list[_Tok]) -> list[_Tok] | None:
    """In ``role + complement + name`` (``الباحثة في علم الآثار رنا قسيس``, ``مدير عام التنقيب
    في الوزارة د. سامي الأعرج``) the name starts at the first word the names tables know; it runs
    for up to three words and ends after a word with the article (a family name: الأعرج)."""
    (known, given), roles, cues = _name_tables(), _lang_data().roles, _lang_data().cues
    for k, t in enumerate(after):
        if _is_ar(t.text) and _fold_name(t.text) in known and not t.norm.startswith("ال") \
                and t.norm not in _AR_PATRONYMIC and t.norm not in _stopwords():   # على is not علي
            folded = _fold_name(t.text)
            if k + 1 < len(after) and _fold_name(after[k + 1].text) in given \
                    and after[k + 1].norm not in _AR_PATRONYMIC \
                    and (folded not in given or "ال" + folded in known):
                continue       # a nisba before the given name ("من أصل جزائري كريم بلقاسم")
            name = [t]
            # "سالم بن راشد الغافري": a patronymic makes the name longer
            longest = 4 if any(u.norm in _AR_PATRONYMIC for u in after[k + 1:k + 3]) else 2
            for u in after[k + 1:k + 1 + longest]:
                if not _is_ar(u.text) or u.norm in roles or u.norm in cues or name[-1].norm.startswith("ال") \
                        or (len(u.norm) < 3 and u.norm not in _AR_PATRONYMIC) or _indefinite(u.text) \
                        or u.norm in _stopwords() \
                        or (len(name) >= 2 and u.text.endswith("ة") and _fold_name(u.text) not in known):
                    break          # (a third word in ة the tables lack is a noun: "رنا حداد خطة")
                name.append(u)
            return name
    return None


def _subject_after(toks: list[_Tok]) -> list[_Tok] | None:
    """Subject after a cue (``said X``, Arabic ``قال فلان``)."""
    out = []
    roles0 = _lang_data().roles
    for i, t in enumerate(toks):
        if t.text == "." and out and (out[-1].norm in roles0 or out[-1].norm + "." in roles0):
            continue
        if t.text in {",", "،", ".", ":", ";", "؛", "!", "?", "\"", "“", "”", "«", "»", "(", "["} \
                or t.norm in {"that", "أن", "إن", "قد", "لقد"} or _AR_THAT.match(t.norm) \
                or (_AR_PREP_PRONOUN.match(t.norm) and not (out and _fold_name(t.text) in _known_names())) \
                or t.norm in _lang_data().addressees or t.norm in _AR_RELATIVE \
                or (_is_ar(t.text) and (t.text.startswith("لـ") or (_indefinite(t.text) and not (
                    not out and (t.norm in roles0 or "ال" + t.norm in roles0))))) \
                or (not out and _AR_CIRCUMSTANTIAL.match(t.norm)) \
                or (_is_ar(t.text) and t.norm in _lang_data().times) \
                or (_is_ar(t.text) and t.norm in _lang_data().participles):
            # (علي inside a name is the name, not على + "me"; "الذي دخل …" and "وهو سائق" end a name;
            # a circumstantial participle right after the verb, "ويوضّح مدافعًا عن …", is no subject)
            if t.text in {",", "،"} and out:
                named = _appositive_name(toks[i + 1:])
                # (also after a role and its complement: "قال مدرب نجم المتوسط، البرتغالي روي مونتيرو")
                if named and (out[0].norm in roles0 or _bare(out[0].norm) in roles0
                              or not any(_fold_name(u.text) in _known_names() or _is_cap(u) for u in out)):
                    return named     # "وقال أحد سكان الحي، أبو رامي، إن": the description's name
            break        # an age "(22 عامًا)", an addressee "للصحفيين", "إنها …" end the subject
        out.append(t)
    if not out:
        return None
    roles = _lang_data().roles
    stop = _stopwords()
    # "According to a statement from the World Health Organization": the issuer speaks
    for k in range(1, len(out) - 1):
        if out[k].norm in {"from", "by"} and out[k - 1].norm in _lang_data().describe:
            issuer = out[k + 1:]
            if any(_is_cap(t) for t in issuer):
                return issuer
    last_role = max((k for k, t in enumerate(out) if t.norm in roles or t.norm + "." in roles), default=-1)
    first_role = min((k for k, t in enumerate(out) if t.norm in roles or t.norm + "." in roles), default=-1)
    if 2 <= first_role <= 3 and all(_is_ar(t.text) and not _definite(t.norm) and t.norm not in stop
                                    for t in out[:first_role]):
        return out[:first_role]          # "قال روبن كريستي مدرب فريق ميلروز": the name, then its role
    after = out[last_role + 1:]
    if last_role >= 0 and after and _is_ar(after[0].text) and after[0].norm.startswith("ال"):
        name = _name_after_role(after)   # a complement first (رئيسة البلدية سعاد يونس)
        if name and name[0] is not after[0]:
            return out[:last_role + 1] + name
    if last_role >= 0 and 0 < len(after) <= 3 and not any(t.norm in stop and not _is_cap(t) for t in after):
        return out
    if last_role >= 0 and len(after) > 3 and _is_ar(after[0].text):
        name = _name_after_role(after)
        if name:
            return out[:last_role + 1] + name
    if last_role < 0 and len(out) > 3 and _is_ar(out[0].text) and out[1].norm not in _AR_PATRONYMIC:
        # a description the role list lacks (الخطاط الفرنسي من أصل جزائري كريم بلقاسم): the name
        # starts at the first word the names tables know (not "سعيد بن علي الشحي": that is one name)
        name = _name_after_role(out[1:])
        if name and len(name) >= 2:   # one known word is too weak without a role ("في بيان": Bayan)
            return name
    if out[0].norm in stop and not _is_cap(out[0]) and out[0].norm not in _DETS \
            and out[0].norm not in _lang_data().pronouns:
        return None              # "ولفتت إلى أن", "said in a statement": a preposition, no subject
    cut = next((k for k, t in enumerate(out) if k > 0 and t.norm in stop and not _is_cap(t)), len(out))
    out = out[:cut]
    trailing = _trailing_arabic_name(out)
    if trailing:
        return trailing      # "عالمة الآثار البريطانية هيلين كارفيل" -> the name after the description
    lead = 0
    while lead < min(2, len(out)) and _is_ar(out[lead].text) and out[lead].norm.startswith("ال"):
        lead += 1
    rest = out[lead:]
    if lead and 2 <= len(rest) <= 3 and all(_is_ar(t.text) and not t.norm.startswith("ال") for t in rest[:1]) \
            and not any(t.norm in stop or t.norm in roles or t.norm in _lang_data().cues for t in rest):
        return rest    # a description before a name: "وأكد الإسباني خافيير مورينو" -> the name
    return out or None


class _Resolver:
    """Entities mentioned as speakers, to resolve pronouns and descriptions to."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.entities: list[tuple] = []     # (pos, name, words, gender, is_org)
        self.people: set = set()            # names mentioned with a person's role or title
        self.with_roles: list = []          # (pos, name, role words of the mention), in order
        self._role_mentions = None
        self.quoted: list[tuple[int, int]] = []     # quotation contents: words said, not the text's mentions

    def add(self, pos: int, name: str, gender: str | None = None, person: bool = False, mention=()):
        """Record ``name`` mentioned at ``pos``; ``person``: the mention had a person's title or role;
        ``mention``: its tokens, whose role words (الوزيرة، مدير) let a later bare role point back."""
        if person:
            self.people.add(name)
        roles = frozenset(_bare(t.norm) for t in mention if t.norm in _lang_data().roles or _bare(t.norm) in _lang_data().roles)
        if roles and name and not any(_bare(_norm(w)) in roles for w in name.split()):
            self.with_roles.append((pos, name, roles))
        words = [_norm(w) for w in regex.findall(r"[\w\p{M}]+", name)]
        org = bool(words) and words[-1] in _lang_data().describe
        if gender is None:
            gender = _gender_of_words(words)
        if gender is None and name.split():
            gender = _given_name_genders().get(_fold_name(name.split()[0]))
        self.entities.append((pos, name, frozenset(words), gender, org))

    def role_mentions(self) -> list[tuple[int, str, str | None]]:
        """Arabic ``role + name`` mentions (``المهندسة ريم ناصر``): (pos, name, gender), in order.
        They are persons that were subjects even where no speech verb came with them."""
        if self._role_mentions is None:
            data, out = _lang_data(), []
            toks = [t for t in _tokens(self.text, 0, len(self.text))]
            cues = data.cues
            for k, t in enumerate(toks):
                bare = t.norm[2:] if t.norm.startswith("ال") else t.norm      # المدير -> مدير
                if not _is_ar(t.text) or (t.norm not in data.roles and bare not in data.roles) \
                        or _within(self.quoted, t.start):
                    continue               # ("«المعلم أعز من …»": the teacher is spoken of, not named)
                name = []
                comma = next((i for i in range(k + 1, min(k + 9, len(toks))) if toks[i].text in {"،", ","}), None)
                appositive = _appositive_name(toks[comma + 1:comma + 10]) if comma is not None else None
                if appositive:
                    # "مدير صون البيئة البحرية في هيئة البيئة، ناصر البلوشي،": the name after the comma
                    out.append((t.start, " ".join(u.text for u in appositive),
                                data.gender.get(t.norm) or data.gender.get(bare)))
                    continue
                known = _name_after_role(toks[k + 1:k + 6])
                if known and known[0] is not toks[k + 1]:
                    # role + complement + name (رئيسة البلدية سعاد يونس): the name the tables know
                    out.append((t.start, " ".join(u.text for u in known),
                                data.gender.get(t.norm) or data.gender.get(bare)))
                    continue
                for u in toks[k + 1:k + 5]:
                    n = u.norm
                    if u.text == "." and not name:
                        continue
                    if not name and n.startswith("ال"):
                        break              # the role's complement (مدير المعرض), not a name
                    if (not name or len(name) >= 2) and u.text.endswith("ة") and _fold_name(u.text) not in _known_names():
                        break              # "مدير مدرسة", "الوزيرة رنا حداد خطة": a noun, not a name the tables know
                    if not _is_ar(u.text) or n in data.roles or n in cues or n in _stopwords() \
                            or n in _AR_NOT_NAME or n in data.describe or _indefinite(u.text) \
                            or n in data.addressees or u.text.startswith("لـ") \
                            or (n[:1] in "وف" and n[1:] in cues) or n.startswith(("بال", "لل", "وال", "فال", "كال")) \
                            or len(name) >= 3 or (len(name) >= 2 and n.startswith("ال")
                                                  and name[-1].norm not in _AR_COMPOUND_HEADS):
                        break
                    name.append(u)
                if name:
                    out.append((t.start, " ".join(u.text for u in name),
                                data.gender.get(t.norm) or data.gender.get(bare)))
            self._role_mentions = out
        return self._role_mentions

    def person(self, pos: int, gender: str | None, arabic: bool = False) -> str | None:
        """The nearest earlier person (never an organisation, outlet or addressee) whose gender
        is ``gender`` or unknown; for Arabic also ``role + name`` subjects."""
        best = (-1, None)
        for p, name, words, g, org in reversed(self.entities):
            if p < pos and not org and (gender is None or g in (None, gender)) and not _plural_description(name):
                best = (p, name)
                break
        if arabic:
            for p, name, g in reversed(self.role_mentions()):
                if p < pos and (gender is None or g in (None, gender)):
                    if p > best[0]:
                        words = {_norm(w) for w in name.split()}
                        same = [e[1] for e in reversed(self.entities) if e[0] < pos and words <= e[2]]
                        best = (p, same[0] if same else self.fullest(name, pos))
                    break
        if best[1] is None and arabic:      # an organisation of that gender ("قالت الوزارة")
            for p, name, words, g, org in reversed(self.entities):
                if p < pos and (gender is None or g in (None, gender)):
                    return name
        return best[1]

    def fullest(self, name: str, pos: int | None = None) -> str:
        words = name.split()
        if len(words) == 1:
            # a family name alone: the fullest name a speaker already had that ends with it
            # ("سالم بن راشد الغافري … وأوضح الغافري", "Nidal Al-Hiyari … Al-Hiyari said")
            key = _fold_name(words[0])
            known = [e[1] for e in self.entities if (pos is None or e[0] < pos) and 1 < len(e[1].split()) <= 4
                     and _fold_name(e[1].split()[-1]) == key and not e[4] and _plain_name(e[1])]
            if known:
                return max(known, key=lambda n: len(n.split()))
        if len(words) == 1 and words[0][:1].lower() == words[0][:1].upper():
            roles, stop = _lang_data().roles, _stopwords()
            cues = _lang_data().cues
            lo, hi = self._window(pos)
            pairs = regex.compile(r"([\w\p{M}]+)\s+" + regex.escape(words[0]) + r"(?![\w\p{M}])")
            matches = list(pairs.finditer(self.text, lo, hi))
            found = [m.group(1) for m in matches]
            for m, before in zip(matches, found):
                w = _norm(before)
                if w in roles or w in stop or w in cues or (w[:1] in "وف" and w[1:] in cues):
                    continue
                # a given name the tables know, or the same two words again: not a verb before the
                # name ("يعتقد كيت": Kit thinks)
                if _fold_name(before) in _known_names() or found.count(before) >= 2:
                    ahead = regex.match(r"[\s\S]*?([\w\p{M}]+)\s+([\w\p{M}]+)\s+$", self.text[max(0, m.start() - 40):m.start()])
                    if ahead and _norm(ahead.group(2)) in _AR_PATRONYMIC and _is_ar(ahead.group(1)) \
                            and _norm(ahead.group(1)) not in stop and _norm(ahead.group(1)) not in roles:
                        # "نايف بن سعد الحارثي": the patronymic and the given name before it
                        return f"{ahead.group(1)} {ahead.group(2)} {before} {words[0]}"
                    return before + " " + words[0]
            return name
        if len(words) == 2 and _norm(words[0]) in _AR_PATRONYMIC:
            # "بنت أحمدو" -> "مريم بنت أحمدو": the given name before the patronymic
            lo, hi = self._window(pos)
            for m in regex.compile(r"([\w\p{M}]+)\s+" + regex.escape(name) + r"(?![\w\p{M}])").finditer(self.text, lo, hi):
                w = _norm(m.group(1))
                if _is_ar(w) and w not in _lang_data().roles and w not in _stopwords() and not _definite(w) \
                        and w not in _lang_data().cues and not (w[:1] in "وف" and w[1:] in _lang_data().cues):
                    return m.group(1) + " " + name
            return name
        if len(words) == 2 and words[0].casefold() in _SURNAME_PARTICLES and words[1][:1].isupper():
            # a compound family name ("Abu Ghosh" -> "Khaled Abu Ghosh"): the given name before it
            lo, hi = self._window(pos)
            for m in regex.compile(r"(?<![\w'’\-])(\p{Lu}[\p{Ll}'’\-]+)\s+" + regex.escape(name)
                                   + r"(?![\w'’\-])").finditer(self.text, lo, hi):
                w = _norm(m.group(1))
                if w not in _lang_data().roles and w not in _stopwords() and w not in _NOT_NAMES \
                        and w not in _SURNAME_PARTICLES:
                    return m.group(1) + " " + name
            return name
        if len(words) != 1 or not words[0][:1].isupper():
            return name
        if words[0].casefold() in _latin_given_names():
            # a given name alone ("Ali said") is the person introduced with it ("Ali Mirza, 15")
            full = self.given_name_full(words[0], pos)
            if full:
                return full
        best = name
        article = regex.match(r"(?i)(al|el|ad|ar|as|at|az|an)-(.+)", words[0])
        key = ("(?i:" + article.group(1) + ")-" + regex.escape(article.group(2))) if article else regex.escape(words[0])
        introduced = self._first_mention(key, pos)
        if introduced:
            return introduced
        # one line (a name never spans two); a title's "of" and "and" may sit inside ("Minister of Water and
        # Irrigation Nidal Al-Hiyari": the role is dropped below and the name is what is left)
        pat = regex.compile(r"((?:[\p{Lu}][\w'’\-]*[^\S\n]+|(?:of|and|for)[^\S\n]+(?=\p{Lu})){1,9})" + key + r"\b")
        roles = _lang_data().roles
        for m in pat.finditer(self.text, *self._window(pos)):
            toks = _tokens(self.text, m.start(), m.end())
            nm = _name_of(toks)
            nm = [t for t in nm if t.norm not in _DETS]
            while len(nm) > 1 and (nm[0].norm in _stopwords() or _only_time(nm[:1])):
                nm = nm[1:]              # "From November Kit will star …": not part of the name
            cand = " ".join(t.text for t in nm)
            if len(nm) > len(best.split()) and nm[-1].norm not in roles:
                best = cand
        return best

    def _first_mention(self, key: str, pos: int | None) -> str | None:
        """The full name a word opens at its first mention (news introduces a person in full, then
        uses one word: "Kit Harington … Kit said", "Ri Yong Ho … Ri said"), else None."""
        lo, hi = self._window(pos)
        m = regex.compile(r"(?<![\w'’\-])" + key + r"(?![\w'’\-])").search(self.text, lo, hi)
        if m is None:
            return None
        data, stop = _lang_data(), _stopwords()
        toks = _tokens(self.text, m.end(), min(len(self.text), m.end() + 60))
        more = []
        for t in toks[:3]:
            if not _is_cap(t) or t.norm in stop or t.norm in data.roles or t.norm in data.cues \
                    or t.norm in _NOT_NAMES or t.norm in data.times or t.norm in _DETS:
                break                    # (a month abbreviation is a name here: "Pak Min Jun")
            more.append(t)
        if not more or (len(toks) > len(more) and toks[len(more)].text in {"'", "’"}):
            return None                  # "Trump Tower's", or no name after the word
        return m.group() + " " + " ".join(t.text for t in more)

    def _window(self, pos: int | None) -> tuple[int, int]:
        """The stretch of text the name lookups for a mention at ``pos`` read (``_REACH`` each side)."""
        if pos is None:
            return 0, len(self.text)
        return max(0, pos - _REACH), min(len(self.text), pos + _REACH)

    def given_name_full(self, given: str, pos: int | None = None) -> str | None:
        """The ``given`` + family name in the text (``Maryam Al Sayed``, ``Ali Mirza``) nearest before
        ``pos`` (else the first)."""
        data, stop = _lang_data(), _stopwords()
        pat = regex.compile(r"(?<![\w'’\-])" + regex.escape(given) + r"\s+((?:(?i:al|el|abu|abou|bin|ben|ibn)[\s\-])?"
                            r"\p{Lu}[\p{Ll}'’\-]+)(?![\w'’])")
        found = None
        for m in pat.finditer(self.text, *self._window(pos)):
            family = m.group(1)
            last = _norm(regex.split(r"[\s\-]", family)[-1])
            if last in stop or last in data.roles or last in _NOT_NAMES or last in data.cues:
                continue
            if pos is not None and m.start() >= pos and found:
                break
            found = given + " " + family
        return found

    def resolve(self, toks: list[_Tok], pos: int) -> str | None:
        """Resolve a mention: a name stays (fullest form); a pronoun/description points back."""
        data = _lang_data()
        core = [t for t in toks if t.norm not in _DETS]
        if not core:
            return None
        if len(core) == 1 and core[0].norm in data.pronouns:
            if core[0].norm in data.persons:
                found = self.person(pos, data.gender.get(core[0].norm), _is_ar(core[0].text))
                if found or _is_ar(core[0].text):
                    return found
                return self.last_person_mentioned(pos, data.gender.get(core[0].norm)) or self.named_before(pos)
            return self.nearest(pos, None)
        head = core[-1].norm
        if head in _TWEET_HEADS and len(core) == 1:
            # "وجاء في التغريدة: «…»", "the tweet said": the author of the tweet just before
            tweet = max((t for t in self.doc.tweets if t.end <= pos), key=lambda t: t.end, default=None)
            if tweet is not None and tweet.author and (tweet.author.name or tweet.author.handle):
                return tweet.author.name or tweet.author.handle
        anaphoric = toks[0].norm == "the" and 2 <= len(toks) <= 5 and (
            any(_AGE.match(t.text) for t in toks[1:3]) or head in data.anaphors
            or (head in data.roles and any(_DEMONYM.match(t.text) for t in toks[1:-1]))
            or (head in data.roles and toks[1].norm == "former" and any(_is_cap(t) for t in toks[2:-1]))
            or (head in data.roles and len(toks) == 3 and _is_cap(toks[1]) and toks[1].norm not in data.roles
                and toks[1].norm not in _known_latin_names()))
        # ("The Wellingborough MP": a role at a place, the person just written about)
        # ("The former Alloa Athletic boss": the person just written about, by a past role)
        if anaphoric and not self.nearest(pos, head):
            # "The 54-year-old marine biologist", "the Moroccan winger", "said the midfielder": the
            # person the text has just written about
            found = self.last_person_mentioned(pos) or self.named_before(pos)
            if found:
                return self.fullest(found, pos)
        is_desc = toks[0].norm in {"the"} and (head in data.roles or head in data.describe)
        if len(core) == 1 and (head in data.describe or head in data.roles) and _has_case(core[0]):
            is_desc = True
        if len(core) == 1 and _is_ar(core[0].text) and head in data.describe and head.startswith("ال"):
            # "وكتبت الوزارة": the ministry the article names in full ("وزارة الكهرباء"), nearest before,
            # else first after
            named = self.organisation_named(head, pos)
            if named:
                return named
        if is_desc:
            found = self.search_text(head, pos, head not in data.roles)
            if found:
                return found
            if head in data.roles:       # a person: never an organisation or outlet
                # the last speaker with that role word, else the person the article names for the role
                # later, else the description itself (any nearest person was wrong as often as right:
                # "As the mayor put it" after a source spoke is the mayor)
                return self.nearest(pos, head) or self.named_later(head, pos) or " ".join(t.text for t in toks)
            if len(core) >= 2:         # "the water ministry": specific enough to name itself
                return self.nearest(pos, head) or " ".join(t.text for t in toks)
            # "The group said", "The statement also said" (generic heads): the last organisation that
            # spoke, never a person; a specific head ("the ministry") names itself when no entity has it
            last_org = self.nearest(pos, None, people=False) if head in data.generic else None
            return self.nearest(pos, head) or last_org or " ".join(t.text for t in toks)
        name = _name_of(toks)
        text = " ".join(t.text for t in name)
        roles_in = [t.norm for t in name if t.norm in data.roles and t.norm.isalpha()]
        if roles_in and name[-1].norm not in data.roles and not _is_ar(name[0].text):
            # a role with its complement ("Russia's ambassador to Jordan said"): news often names the
            # person only further down ("Ambassador Gleb Sorokin wrote")
            later = self.named_later(roles_in[-1], pos)
            if later:
                return later
        if name and _is_ar(name[0].text) and any(_bare(t.norm) in data.roles or t.norm in data.roles for t in name):
            holder = self.role_holder([t.norm for t in name], pos)
            if holder:
                return holder
        return self.fullest(text, pos)

    def organisation_named(self, head: str, pos: int) -> str | None:
        """The full name an Arabic text gives an organisation a bare definite head points at
        (``الوزارة`` -> ``وزارة الكهرباء``, ``الهيئة`` -> ``الهيئة العامة للأنواء الجوية``): the head with
        or without the article and the words with the article (ال، لل، وال) after it.

        >>> r = _Resolver(Document(text="قالت وزارة الكهرباء إن … وكتبت الوزارة: «…»", id="d"))
        >>> r.organisation_named("الوزارة", 30)
        'وزارة الكهرباء'
        """
        bare = head[2:]
        pat = regex.compile(r"(?<![\w\p{M}])(?:ال)?" + regex.escape(bare)
                            + r"((?:\s+(?:ال|لل|وال)[\w\p{M}]+){1,5})")
        best_before, first_after = None, None
        lo, hi = self._window(pos)
        for m in pat.finditer(self.text, lo, hi):
            name = m.group(0)
            if m.start() < pos:
                best_before = name
            elif first_after is None:
                first_after = name
        return best_before or first_after

    def role_holder(self, desc: list[str], pos: int) -> str | None:
        """The person an Arabic article gives the role ``desc`` (``مديرة الحملة``, or ``المديرة``
        alone) in an appositive, ``الدكتورة مريم الحارثية، مديرة الحملة``: the nearest before
        ``pos``, else the first after it (news often names her only further down)."""
        data = _lang_data()
        role_at = next((k for k, w in enumerate(desc) if _bare(w) in data.roles or w in data.roles), None)
        if role_at is None:
            return None
        role, complement = _bare(desc[role_at]), [_bare(w) for w in desc[role_at + 1:role_at + 2]]
        if len(desc) == 1:
            # a bare role (الوزيرة، المسؤول): the last person named with it (a generic role: with any role)
            generic = role in data.generic or desc[0] in data.generic
            for p, name, roles in reversed(self.with_roles):
                if p < pos and (role in roles or (generic and roles)):
                    return name
        toks, starts = self._all_tokens(), self._starts
        first, last = bisect.bisect_left(starts, pos - _REACH), bisect.bisect_right(starts, pos + _REACH)
        found = []
        for k in range(max(first, 0), min(last, len(toks) - 1)):
            t = toks[k]
            if t.text not in {"،", ","} or _bare(toks[k + 1].norm) != role:
                continue
            if complement and [_bare(u.norm) for u in toks[k + 2:k + 2 + len(complement)]] != complement:
                continue
            name = []
            for u in reversed(toks[max(0, k - 5):k]):
                # (up to three words, four with a patronymic: "حمد بن ناصر الرواحي، وزير النقل")
                longest = 4 if any(v.norm in _AR_PATRONYMIC for v in name) or u.norm in _AR_PATRONYMIC else 3
                if not _is_ar(u.text) or u.norm in data.roles or u.norm in _stopwords() or u.norm in data.cues \
                        or (u.norm[:1] in "وف" and u.norm[1:] in data.cues) or len(name) >= longest:
                    break
                name.insert(0, u)
            while name and name[0].norm in _AR_PATRONYMIC:
                name = name[1:]
            if len(name) >= 2:
                found.append((t.start, " ".join(u.text for u in name)))
        before = [f for f in found if f[0] < pos]
        if before:
            return before[-1][1]
        return found[0][1] if found else None

    def _all_tokens(self) -> list:
        if not hasattr(self, "_toks"):
            self._toks = _tokens(self.text, 0, len(self.text))
            self._starts = [t.start for t in self._toks]
        return self._toks

    def named_later(self, head: str, pos: int) -> str | None:
        """The first full name given to the role ``head`` after ``pos``: ``Ambassador Gleb Sorokin``
        or ``Gleb Sorokin, the ambassador``; for a description the article names only later."""
        data = _lang_data()
        part = r"(?:\p{Lu}[\w'’\-]+|\p{Ll}{1,2}-\p{Lu}[\w'’\-]+)"
        titled = regex.compile(r"(?<![\w'’\-])(?i:" + regex.escape(head) + r")\s+(\p{Lu}[\w'’\-]+(?:\s+" + part
                               + r"){1,2})(?![\w'’\-])")
        found = []
        m = titled.search(self.text, pos, min(len(self.text), pos + _REACH))
        if m:
            found.append((m.start(), m.group(1)))
        for m in _appositive_pattern().finditer(self.text, pos, min(len(self.text), pos + _REACH)):
            if _norm(m.group(2)) == head:
                found.append((m.start(), m.group(1)))
                break
        for _at, cand in sorted(found):
            toks = [t for t in _name_of(_tokens(cand, 0, len(cand))) if t.norm not in _DETS]
            if len(toks) >= 2 and not any(t.norm in data.roles or t.norm in _stopwords() or t.norm in _NOT_NAMES
                                          for t in toks):
                return " ".join(t.text for t in toks)
        return None

    def last_person_mentioned(self, pos: int, gender: str | None = None) -> str | None:
        """The person whose full name (opening with a given name of the tables) or family name alone
        comes last before ``pos`` ("Hadjadj's two goals ... 'Two goals mean nothing,' the Algerian
        striker said"), as that full name."""
        data, stop = _lang_data(), _stopwords()
        lo = max(0, pos - _REACH)
        tweets = [(b.start, b.end) for b in self.doc.blocks if b.kind == "tweet"]
        people = {}
        for m in _PERSON_NAME.finditer(self.text, lo, pos):
            words = m.group().split()
            owner = next((k for k, w in enumerate(words) if regex.search(r"['’]s$", w)), None)
            if owner is not None:        # "Sam Shepard's True West": the possessor is the person
                words = words[:owner + 1]
                words[-1] = regex.sub(r"['’]s$", "", words[-1])
            while len(words) > 2 and words[0].casefold() not in _latin_given_names() \
                    and words[1].casefold() in _latin_given_names():
                words = words[1:]           # "Later Youssef Amrani": the name starts at the given name
            full = " ".join(words)
            if any(_norm(w) in stop or _norm(w) in data.roles or _norm(w) in _NOT_NAMES for w in words) \
                    or _NATIONALITY.match(words[-1]) or _norm(words[0]) in _NUMBER_WORDS \
                    or any(a <= m.start() < b for a, b in tweets):
                continue                 # "Seventeen Russian sailors": a count and a nationality
            people.setdefault(full, words[-1])
        best = (-1, None)
        for full, family in people.items():
            alone = regex.compile(r"(?<![\w'’\-]|\p{Lu}\p{Ll}+ )" + regex.escape(family) + r"(?![\w\-])")
            known = full.split()[0].casefold() in _latin_given_names() or full in self.people
            given = full.split()[0]
            if not known and len(full.split()) >= 2 and given[:1].isupper():
                # the given name used alone again ("Kit Harington … Kit said"): a person too
                again = regex.compile(r"(?<![\w'’\-])" + regex.escape(given) + r"(?![\w'’\-]|\s+\p{Lu})")
                known = len(again.findall(self.text, lo, pos)) >= 2
            if not known and len(alone.findall(self.text, lo, pos)) < 1:
                continue       # a person: a given name the tables know, or the family name used alone again
            if gender and _given_name_genders().get(full.split()[0].casefold(), gender) != gender:
                continue
            pat = regex.compile(r"(?<![\w'’\-])(?:" + regex.escape(full) + "|" + regex.escape(family) + r")(?![\w\-])")
            for m in pat.finditer(self.text, lo, pos):
                if m.start() > best[0] and not any(a <= m.start() < b for a, b in tweets):
                    best = (m.start(), full)
        return best[1]

    def named_before(self, pos: int, window: int = 400) -> str | None:
        """The nearest full name (two to four capitalised words) in the text shortly before ``pos``,
        for a pronoun when no speaker has been named yet ("Ziad Nasrallah welcomed the ship. He
        wrote: ..."). Words from the stopword, role and month lists do not make a name."""
        data, stop = _lang_data(), _stopwords()
        lo = max(0, pos - window)
        best = None
        for m in _FULL_NAME.finditer(self.text, lo, pos):
            words = m.group().split()
            while words and _norm(words[0]) in data.roles:
                words = words[1:]           # "Coach Hani Saleh": the name after the title
            if len(words) < 2 or any(_norm(w) in stop or _norm(w) in data.roles or _norm(w) in _NOT_NAMES
                                     or _norm(w) in data.describe for w in words):
                continue
            best = " ".join(words)
        return best

    def gender_of(self, name: str) -> str | None:
        """The gender last recorded for ``name`` (None when unknown)."""
        return next((g for _p, n, _w, g, _o in reversed(self.entities) if n == name and g), None)

    def nearest(self, pos: int, head: str | None, people: bool = True) -> str | None:
        """The last entity before ``pos`` (whose words include ``head``); ``people=False`` skips
        persons (a gender is known, or the name opens with a given name of the names tables)."""
        for p, name, words, g, _org in reversed(self.entities):
            if p < pos and (head is None or head in words):
                if not people and (g is not None or name in self.people or _opens_with_given_name(name)):
                    continue
                return name
        return None

    def search_text(self, head: str, pos: int, need_cap: bool = False) -> str | None:
        """The nearest earlier ``a senior White House official`` / ``the Palestinian Farmers'
        Union`` / ``Spokeswoman Maria Zakharova`` for a description ending in ``head``."""
        # one line: a description and the name after it never span a paragraph break
        pat = regex.compile(r"\b((?i:a|an|the)[^\S\n]+)?((?:[\w'’\-]+[^\S\n]+){0,4}?)(?i:" + regex.escape(head)
                            + r")\b((?:[^\S\n]+\p{Lu}[\w'’\-]*){1,3})?")
        best = None
        best_pos = -1
        for m in pat.finditer(self.text, max(0, pos - _REACH), pos):
            det = (m.group(1) or "").strip().lower()
            mid = m.group(2) or ""
            after = (m.group(3) or "").strip()
            if after and not regex.match(r"(?:The|A|An|In|On|At|He|She|It)\b", after):
                best = " ".join(after.split()[:3])
                best_pos = m.start()
                continue
            best_pos = m.start() if det in ("a", "an") or regex.search(r"\p{Lu}", mid) else best_pos
            if need_cap and not (regex.search(r"\p{Lu}", mid) and m.group(0).split()[-1][:1].isupper()):
                continue
            if det in ("a", "an") or regex.search(r"\p{Lu}", mid):
                mid_words = mid.split()
                if det == "the" and not regex.search(r"\p{Lu}", mid):
                    continue
                # keep only the noun phrase right before the head
                keep = []
                for w in reversed(mid_words):
                    if w.lower() in _stopwords() and not w[:1].isupper():
                        break
                    keep.insert(0, w)
                if det == "the" and not keep:
                    continue
                phrase = " ".join(([(m.group(1) or "").strip()] if det and len(keep) == len(mid_words) else []) + keep
                                  + [m.group(0).split()[-1] if not after else head])
                more = _COMPLEMENT.match(self.text, m.end()) if det in ("a", "an") and not after else None
                if more:                 # "a senior official at the Jordanian Ministry of Transport"
                    phrase += " " + " ".join(more.group().split())
                best = phrase.strip()
        data = _lang_data()
        if head in data.roles:
            # an appositive names the person: "Hani Saleh, a spokesman for the water authority"
            heads = data.roles if head in data.generic else {head}
            ap = _appositive_pattern()
            for m in ap.finditer(self.text, max(0, pos - _REACH), pos):
                if _norm(m.group(2)) in heads and m.end() >= best_pos:
                    toks = _name_of(_tokens(self.text, m.start(1), m.end(1)))
                    toks = [t for t in toks if t.text != "."]
                    if toks and toks[-1].norm not in data.roles and len(toks) >= 2 \
                            and not any(t.norm in _stopwords() or t.norm in _NOT_NAMES for t in toks):
                        best, best_pos = self.fullest(" ".join(t.text for t in toks), pos), m.start()
        return best


#: the place a description names after its head: " at the Jordanian Ministry of Transport"
_COMPLEMENT = regex.compile(r"[^\S\n]+(?:at|in|from|of|for|with)[^\S\n]+(?:the[^\S\n]+)?\p{Lu}[\w'’\-]*"
                            r"(?:[^\S\n]+(?:of[^\S\n]+|and[^\S\n]+)?\p{Lu}[\w'’\-]*){0,5}")
#: how far (characters) the name lookups of one quote reach before and after it: an article's length,
#: so a book-sized document stays linear
_REACH = 20_000
#: first words of compound Arabic family names in Latin script ("Abu Ghosh", "Bin Salem", "El Sayed")
_SURNAME_PARTICLES = frozenset({"abu", "abou", "bin", "ibn", "bint", "bou", "ben", "al", "el", "umm", "ould", "mint"})
#: words after which an English cue word is an adjective in a noun phrase ("of added time")
_NOUN_OPENERS = frozenset({"of", "the", "a", "an", "with", "for", "in", "its", "his", "her", "their", "our", "this",
                           "these", "those", "some", "any", "no"})
_QUESTION_WORDS = frozenset({"whether", "if", "about", "why", "how", "what", "when", "where", "who"})
_DEMONYM = regex.compile(r"^\p{Lu}\p{Ll}+(?:an|ian|i|ese|ish)$")      # Moroccan, Algerian, Emirati, Lebanese
#: a full name, possessive allowed ("Wael Ghariani's corner")
_PERSON_NAME = regex.compile(r"(?<![\w'’\-])\p{Lu}[\p{Ll}'’\-]+(?:\s(?:\p{Lu}[\p{Ll}'’\-]+|\p{Ll}{1,2}-\p{Lu}\p{Ll}+)){1,3}"
                             r"(?=['’]s\b|(?![\w'’]))")
_NATIONALITY = regex.compile(r"^\p{Lu}\p{Ll}+(?:ian|ese|ish)$")    # Russian, Lebanese (not -i: Ouahbi is a name)
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                          "sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred hundreds "
                          "thousand thousands dozens".split())
_AGE = regex.compile(r"^\d{1,3}-years?-old$", regex.I)
_FULL_NAME = regex.compile(r"(?<![\w'’-])\p{Lu}[\p{Ll}'’\-]+(?:\s\p{Lu}[\p{Ll}'’\-]+){1,3}(?![\w'’])")
_NOT_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march "
                       "april may june july august september october november december".split())
#: أن/إن with a pronoun suffix ("قالت فتحي إنها …"): the reported clause starts there
_AR_THAT = regex.compile(r"^(?:[أإ]ن(?:ه|ها|هم|هن|هما|نا|ني|ك|كم)|ب[أا]ن(?:ه|ها|هم|هن|هما|نا|ني|ك|كم)?)$")
#: a preposition with a pronoun suffix ("كتبت فيه أنها …": in it): never a subject
_AR_PREP_PRONOUN = regex.compile(r"^(?:في|ل|ب|عن|من|على|عل|إلى|إل|مع|عند|لدى|لدي)(?:ه|ها|هم|هن|هما|ي|نا|ك|كم)$")
#: titles before an Arabic name (not roles: "، مدرب الشاذلي منذ عامين،" describes, it does not name)
_AR_TITLES = frozenset({"الدكتور", "الدكتورة", "د", "المهندس", "المهندسة", "الأستاذ", "الأستاذة", "الشيخ", "السيد",
                        "السيدة", "العقيد", "اللواء", "العميد", "المستشار", "القاضي", "المحامي"})
#: Arabic relative pronouns and "and he/she is": a name ends before them ("ماكينتوش الذي دخل …")
_AR_RELATIVE = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي", "اللاتي", "وهو", "وهي"})
#: an accusative active participle (مدافعًا، متحدثًا): how the subject spoke, never the subject
_AR_CIRCUMSTANTIAL = regex.compile(r"^م\p{L}{3,}(?:ًا|اً|ا)$")
#: "son/daughter of" inside an Arabic name (سالم بن راشد الغافري، مريم بنت أحمدو): never its first word
_AR_PATRONYMIC = frozenset({"بن", "بنت", "ابن", "ابنة"})
#: first words of compound Arabic names (عبد الهادي، أبو رامي): the ال- word after them is part of the name
_AR_COMPOUND_HEADS = frozenset({"عبد", "أبو", "ابو", "أم", "ام", "بن", "ابن"})
_AR_NOT_NAME = frozenset({"قد", "التي", "الذي", "إن", "أن", "كان", "كانت", "لقد", "هو", "هي"})


def _indefinite(word: str) -> bool:
    """An Arabic word with tanween (``مقطعًا``, ``طويلةٍ``): an indefinite noun or adjective, never
    part of a person's name."""
    return any(mark in word for mark in "\u064b\u064c\u064d")


def _definite(word: str) -> bool:
    """An Arabic word with the article, alone or after و/ف/ب/ك/ل (السياحة، والآثار، للأمم)."""
    return word.startswith(("ال", "وال", "فال", "بال", "كال", "لل"))


def _bare(word: str) -> str:
    """An Arabic word without its article (المديرة -> مديرة), to compare role words."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _is_ar(word: str) -> bool:
    return bool(regex.match(r"\p{Arabic}", word))


def _gender_of_words(words) -> str | None:
    gender = _lang_data().gender
    for w in words:
        if w in gender:
            return gender[w]
    return None


@lru_cache(maxsize=None)
def _appositive_pattern():
    """``Name, a spokesman``: group 1 the capitalised name, group 2 the role head noun."""
    roles = [r for r in _lang_data().roles if r.isascii() and r.isalpha() and len(r) > 3]
    return regex.compile(r"((?:\p{Lu}[\w'’\-]*\.?\s+){0,3}\p{Lu}[\w'’\-]*)\s*,\s+(?:(?i:a|an|the)\s+)?"
                         r"(?:[\w'’\-]+\s+){0,3}?(?i:(" + _alternation(roles) + r"))\b")


# -- the whole pass --------------------------------------------------------------------------

def _sentence_bounds(doc: Document, blocks: list[tuple[int, int]]):
    sents = sorted((s.start, s.end) for s in doc.sentences) or blocks
    starts = [s for s, _ in sents]

    def around(pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(starts, pos) - 1
        if k >= 0 and sents[k][0] <= pos <= sents[k][1]:
            return sents[k]
        kb = bisect.bisect_right([b[0] for b in blocks], pos) - 1
        return blocks[kb] if kb >= 0 else (0, len(doc.text))
    return around


_OUTLET_CUES = {"told", "tells", "telling"}
_TERM_ADVERBS = {"also", "often", "now", "still", "sometimes", "affectionately", "here", "there"}


def _alternation(words) -> str:
    """``a|b|c`` of escaped phrases, longest first (so ``Telegram channel`` beats ``channel``)."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _channel_patterns() -> tuple:
    """One pattern per language from the ``channel*`` entries of its ``quote_words.txt``; group 1
    is the channel phrase. With prepositions listed, a channel counts only after one of them (and
    an optional determiner, up to two modifier words): ``on her Telegram channel``. A language that
    lists no prepositions (Arabic, where they cling to the word) matches the phrase wherever it is."""
    out = []
    for code in resources.available_languages():
        if not resources.has_resource(code, "quote_words.txt"):
            continue
        tagged: dict[str, list[str]] = {}
        for line in resources.read_lines(code, "quote_words.txt"):
            tag, _, word = line.partition(":")
            if tag in ("channel", "channel_prep", "channel_det") and word.strip():
                tagged.setdefault(tag, []).append(word.strip())
        if not tagged.get("channel"):
            continue
        channels = _alternation(tagged["channel"])
        if tagged.get("channel_prep"):
            dets = tagged.get("channel_det")
            det = rf"(?:(?:{_alternation(dets)})\s+)?" if dets else ""
            pat = rf"\b(?:{_alternation(tagged['channel_prep'])})\s+{det}((?:[\w\-]+\s+){{0,2}}?(?:{channels}))\b"
        else:
            pat = rf"({channels})"
        out.append(regex.compile(pat, regex.I))
    return tuple(out)


def _find_channel(text: str, lo: int, hi: int):
    """The leftmost channel phrase in ``text[lo:hi]`` over every language's pattern, or None.

    >>> _find_channel("she wrote on her Telegram channel.", 0, 34).group(1)
    'Telegram channel'
    >>> _find_channel("وقال الوزير في مؤتمر صحفي", 0, 25).group(1)
    'مؤتمر صحفي'
    >>> _find_channel("a statement of fact", 0, 19) is None
    True
    """
    best = None
    for pat in _channel_patterns():
        m = pat.search(text, lo, hi)
        if m and (best is None or m.start() < best.start()):
            best = m
    return best


def extract_quotes(doc: Document, lang_of=None) -> list[dict]:
    """Find every quote in ``doc`` and add it with kind, speaker, cue and source.

    ``lang_of(start, end)`` names a span's language (the stage passes toolkit.detect's).
    """
    text = doc.text
    paragraphs = _paragraphs(doc)
    errs: list = []
    spans = find_spans(text, paragraphs, errs)
    for e in errs[:50]:
        doc.add_error(e["code"], f"{doc.id}: {e['message']}", stage="quotes", severity="warning", at=e["at"])
    around = _sentence_bounds(doc, paragraphs)
    data = _lang_data()
    resolver = _Resolver(doc)
    stop = _stopwords()

    # pre-pass: subjects of speech cues anywhere ("Hamas asked", "The Red Cross said")
    quote_marks = {(q.open) for q in spans}
    cue_subjects: list[tuple[int, list[_Tok]]] = []
    inside = sorted((q.start, q.end) for q in spans)
    resolver.quoted = inside
    if len(spans) < 2000:
        for s in (doc.sentences or []):
            toks = _tokens(text, s.start, s.end)
            for a, b in _find_cues(toks):
                if _within(inside, toks[a].start):
                    continue               # a verb inside someone's quoted words names no speaker here
                if b == a + 1 and toks[a].norm in data.participles:
                    continue               # a participle has no subject of its own
                ar = _is_ar(toks[a].text)
                g = data.gender.get(toks[a].norm) if ar and b == a + 1 else None
                # Arabic is verb-initial: the words before a cue verb are never its subject
                subj = None if ar else _subject_before(toks[:a])
                if subj:
                    cue_subjects.append((toks[a].start, subj, None))
                elif (ar or a == 0 or (a == 1 and toks[0].norm in {"و", "ف"})) \
                        and toks[a].norm not in _OUTLET_CUES:      # told Y: Y is the outlet
                    subj = _subject_after(toks[b:])
                    if subj:
                        cue_subjects.append((toks[a].start, subj, g))
            intro = _introduced_person(toks)
            if intro:
                cue_subjects.append((intro[0].start, intro, None))
    cue_subjects.sort(key=lambda x: x[0])
    ci = 0

    tweets = [(t.start, t.end, t.id, t.text) for t in doc.tweets]
    mid_caps = mid_sentence_capitals(text)
    prev_speaker: tuple | None = None        # (name, end of that quote's sentence, quote end)
    heavy = len(spans) > 2000
    window = 400 if len(spans) < 300 else 100
    idmap = {}
    by_open: dict = {}           # open mark offset -> quote (for the parts of a multi-paragraph quote)
    for idx, q in enumerate(spans):
        # tweets: a tweet body is not a quote
        source: dict = {}
        dup = False
        for ts, te, tid, ttext in tweets:
            inter = max(0, min(te, q.end) - max(ts, q.start))
            if inter and inter >= 0.8 * max(te - ts, 1) and inter >= 0.8 * (q.end - q.start):
                dup = True
                break
            if ts <= q.start and q.end <= te:
                source["tweet"] = tid
        if dup:
            continue
        if "tweet" not in source and tweets and not heavy:
            qw = set(_norm(w) for w in regex.findall(r"[\w\p{M}]+", text[q.start:q.end]))
            if len(qw) >= 4:
                for ts, te, tid, ttext in tweets:
                    tw = set(_norm(w) for w in regex.findall(r"[\w\p{M}]+", ttext))
                    if len(qw & tw) >= 0.8 * len(qw):
                        source["tweet"] = tid
                        break
        while ci < len(cue_subjects) and cue_subjects[ci][0] < q.open:
            pos, subj, g = cue_subjects[ci]
            name = resolver.resolve(subj, pos)
            if name:
                resolver.add(pos, name, _gender_of_words(t.norm for t in subj) or g,
                             person=any(t.norm in data.roles for t in subj), mention=subj)
            ci += 1
        close = q.close if q.close is not None else q.end
        s_lo, _ = around(q.open)
        _, s_hi = around(close)
        s_lo, s_hi = max(s_lo, q.open - window), min(s_hi, close + window)   # linear time
        content = text[q.start:q.end]
        left_toks = _tokens(text, s_lo, q.open)
        # the left context stops at an earlier quote in the same sentence
        gloss = _gloss_after(text, spans, idx)
        right_toks = _tokens(text, gloss + 1 if gloss is not None else close + 1, s_hi)
        # cut contexts at other quotation marks
        for k in range(len(right_toks)):
            if right_toks[k].text in "\"“”«»":
                right_toks = right_toks[:k]
                break
        cut = 0
        for k in range(len(left_toks) - 1, -1, -1):
            if left_toks[k].text in "\"“”«»":
                cut = k + 1
                break
        left_own = left_toks[cut:]
        cue = None
        subj_toks = None
        subj_pos = None
        inherit = False
        own_subject = False               # the sentence's own subject speaks, not the previous speaker
        right_cues = _find_cues(right_toks[:14])
        left_cues = _find_cues(left_toks)
        first_right = right_toks[0].text if right_toks else ""
        rc_ok = False
        ar_gender: str | None = None      # an Arabic cue verb with no subject: its gender
        ar_pron = False
        adjacent = bool(left_cues) and left_cues[-1][1] == len(left_toks)
        # "“…,” the head of the utility, Lamia Haddad, told Reuters": a longer subject with commas
        long_subj = bool(right_cues) and 4 < right_cues[0][0] <= 12 and content.rstrip()[-1:] in ",،" \
            and first_right[:1].isalnum() and any(t.text in {",", "،"} for t in right_toks[:right_cues[0][0]]) \
            and all(t.text[:1].isalnum() or t.text in {",", "،", "."} for t in right_toks[:right_cues[0][0]])
        # "“…,” civil defence spokesman Hamad al-Rawahi told reporters": a role phrase ending in a name
        role_subj = bool(right_cues) and 4 < right_cues[0][0] <= 8 and content.rstrip()[-1:] in ",،?!" \
            and all(t.text[:1].isalnum() or _abbreviation_dot(right_toks, k)
                    for k, t in enumerate(right_toks[:right_cues[0][0]])) \
            and all(_is_cap(t) or regex.match(r"\p{Ll}{1,2}-\p{Lu}", t.text)
                    for t in [u for k, u in enumerate(right_toks[:right_cues[0][0]])
                              if not _abbreviation_dot(right_toks, k)][-2:]) \
            and (any(t.norm in data.roles for t in right_toks[:right_cues[0][0]])
                 or _described_name(right_toks[:right_cues[0][0]]))
        long_subj = long_subj or role_subj
        # the quote opens its sentence and a short "X said" closes it: the attribution, even when the
        # writer left out the comma ("“… the service door” Kavadarkov said.", "“…” nowadays, he said.")
        opens_sentence = not text[s_lo:q.open].strip()
        if right_cues and any(t.norm in _WITHOUT for t in right_toks[:right_cues[0][0]]):
            right_cues = []                # "«…»، من دون أن يؤكد …", "without saying": not an attribution
        if right_cues and (right_cues[0][0] <= 4 or long_subj) and not adjacent:
            a, b = right_cues[0]
            # (an Arabic particle before the verb is no subject: "«…»، كما قالت باز زاراتي")
            before = [t for k, t in enumerate(right_toks[:a])
                      if t.text not in {",", "،"} and not _abbreviation_dot(right_toks, k)
                      and not (_is_ar(t.text) and t.norm in stop)]
            if any(not t.text[:1].isalnum() for t in before) and not long_subj:
                rc_ok = False
            elif before and left_cues and before[0].norm in data.conjunctions:
                # "said ... “…,” and urged", "According to X, the plan “…,” and the authority has
                # asked": a coordinated verb or clause is not the attribution
                rc_ok = False
            elif left_cues and right_toks[a].norm in data.participles:
                rc_ok = False              # "«…»، لافتًا إلى أن …": a new clause, not the attribution
            elif left_cues and right_toks[a].norm in _REPORTED:
                rc_ok = False              # "X told the troops: “…” CNN reported.": CNN is the source, X speaks
            elif before:
                rc_ok = content.rstrip()[-1:] in ",،?!؟" or first_right in {",", "،"} \
                    or (opens_sentence and not left_cues and not any(t.norm in data.conjunctions for t in before))
            else:
                nxt = _subject_after(right_toks[b:])
                rc_ok = bool(nxt) or not left_cues
        if rc_ok:
            a, b = right_cues[0]
            cue_toks = right_toks[a:b]
            before = [t for k, t in enumerate(right_toks[:a])
                      if t.text not in {",", "،"} and not _abbreviation_dot(right_toks, k)
                      and not (_is_ar(t.text) and t.norm in stop)]
            commas = [k for k, t in enumerate(right_toks[:a]) if t.text in {",", "،"}]
            if commas and not long_subj and commas[-1] + 1 < a:
                before = [t for t in right_toks[commas[-1] + 1:a]   # "“…” nowadays, he said": after the aside
                          if not (_is_ar(t.text) and t.norm in stop)]
            if long_subj:
                subj_toks = _subject_before(right_toks[:a])
            elif before:
                subj_toks = _strip_lead(before)
            elif right_toks[a].norm in _OUTLET_CUES:
                subj_toks = None           # "told Reuters": the outlet is never the speaker
            else:
                subj_toks = _subject_after(right_toks[b:])
            if not subj_toks and _is_ar(right_toks[a].text) and b == a + 1:
                ar_pron, ar_gender = True, data.gender.get(right_toks[a].norm)
            cue_end = b
        elif left_cues:
            a, b = left_cues[-1]
            if len(left_cues) >= 2 and _coordinated_that(left_toks, b) \
                    and any(t.norm == "that" for t in left_toks[left_cues[-2][1]:a]):
                # "The ministry said that it had asked X to …, and that the channel would be “…”": the
                # quote is the second thing the outer verb reports, not what the inner one asked
                a, b = left_cues[-2]
            elif len(left_cues) >= 2 and _source_aside(left_toks, a, b):
                # "X said in an interview, according to a transcript published by the station, that …
                # “…”": the aside names where the words were published, X said them
                a, b = left_cues[-2]
            cue_toks = left_toks[a:b]
            quoted_as = _quoted_as(left_toks, a) if left_toks[a].norm in data.saying else None
            linked = a > 0 and left_toks[a - 1].norm in {"and", "but", "و"}
            ar_cue = _is_ar(left_toks[a].text)
            outlet_cue = left_toks[a].norm in _OUTLET_CUES
            # Arabic is verb-initial: words before the verb are not its subject, except a topic
            # fronted with أما … ف ("أما ممثلة الاتحاد، السفيرة إيلينا مارتينيز، فقالت")
            topic = ar_cue and left_toks[a].norm[:1] == "ف" and any(t.norm == "أما" for t in left_toks[:a])
            subj_toks = None if linked or (ar_cue and not topic) else _subject_before(left_toks[:a])
            if b < len(left_toks) and left_toks[b].norm in _lang_data().roles and not outlet_cue:
                subj_toks, linked = _subject_after(left_toks[b:]), False
            if subj_toks is not None and a > 0 and left_toks[a - 1].norm in {",", "،"} and not _namelike(subj_toks):
                subj_toks, linked = None, True
            if linked and not ar_cue and len(left_cues) < 2 and not subj_toks:
                # "Indonesia's President Joko Widodo arrived in Palu and told the military: “…”": the
                # sentence's own subject, a name, did both
                opener = _sentence_subject(left_own[:a - len(left_toks) + len(left_own)] if left_own else [])
                if opener:
                    subj_toks, linked = opener, False
            if linked and not ar_cue and len(left_cues) >= 2 and not subj_toks:
                # "Al Hammadi told Haddad that …, but said the award was meant to recognise “…”": the
                # subject of the sentence's earlier speech verb
                earlier = _subject_before(left_toks[:left_cues[-2][0]])
                if earlier and _namelike(earlier):
                    subj_toks, linked = earlier, False
            if linked:
                inherit = True
            if (not subj_toks or all(t.norm in {"و", "ف"} for t in subj_toks)) and not outlet_cue:
                subj_toks = _subject_after(left_toks[b:])
                if subj_toks and subj_toks[0].norm in data.possessive:
                    subj_toks, own_subject = None, True  # "X … but said his side had “…”": X speaks
                elif linked and not ar_cue:
                    subj_toks = None     # "… and called the robot “…”": the verb's object, not a subject
            if subj_toks and len(subj_toks) == 1 and subj_toks[0].norm in data.pronouns and len(left_cues) >= 2 \
                    and not ar_cue:
                # "The ministry said in a statement that it had asked ... and that ... “…”": the
                # pronoun inside the reported clause is the outer speaker (the cue stays the nearest)
                a2, b2 = left_cues[-2]
                outer = _subject_before(left_toks[:a2])
                if outer and not (len(outer) == 1 and outer[0].norm in data.pronouns) and _namelike(outer) \
                        and any(t.norm == "that" for t in left_toks[b2:a]):
                    subj_toks = outer
            if quoted_as:
                # "ونقلت الوكالة عن المتحدث باسم الحكومة قوله إن «…»", "quoted the minister as saying":
                # the speaker is the one quoted, between the preposition and the cue
                subj_toks, linked, inherit, own_subject = _subject_after(quoted_as) or quoted_as, False, False, False
            if b == a + 1 and left_toks[a].norm in data.participles and ar_cue:
                # "وأوضح الأعرج أن … مرجّحًا أنها «…»": a participle never has a subject of its own;
                # it speaks for the nearest earlier person of its gender
                subj_toks, ar_pron, ar_gender, inherit = None, True, data.gender.get(left_toks[a].norm), False
                clause = left_toks[max([0] + [i + 1 for i in range(a) if left_toks[i].text in {"،", ",", ".", ":"}]):a]
                if 2 <= len(clause) <= 6 and _is_ar(clause[0].text) and clause[0].norm not in stop:
                    # "سخر أوباما قائلًا:": the subject of the verb just before the participle
                    named = _subject_after(clause[1:])
                    if named and len(named) <= 4:
                        subj_toks, ar_pron = named, False
            elif b == a + 1 and left_toks[a].norm in data.participles and not quoted_as:
                # "X said, describing the deal as “…”": the subject of the clause's earlier speech verb,
                # else (no such verb: "The mayor opened the market, calling it “…”") the sentence subject
                subj_toks, inherit = None, False
                if len(left_cues) >= 2:
                    a2, b2 = left_cues[-2]
                    subj_toks = _subject_before(left_toks[:a2]) or _subject_after(left_toks[b2:a])
            if ar_cue and b == a + 1 and not subj_toks:
                # "وعن سبب اختيار الشعار قالت: «…»": the verb's own (hidden) pronoun subject
                rest = left_toks[b:]
                while rest and (_AR_PREP_PRONOUN.match(rest[0].norm)
                                or (rest[0].norm in {"إلى", "الى", "على"} and len(rest) > 1 and rest[1].norm in {"أن", "إن"})):
                    rest = rest[1:]               # "كتبت فيه أنها «…»", "ولفتت إلى أن …": she wrote / pointed out that
                if not rest or rest[0].text in {":", "«", "“", '"', "،", ","} or rest[0].norm in {"إن", "أن"} \
                        or _AR_THAT.match(rest[0].norm):
                    ar_pron, ar_gender = True, data.gender.get(left_toks[a].norm)
                    inherit = False
                opener = left_own[0].norm if left_own else ""
                if a >= 3 and (opener in data.copulas or (opener[:1] in "وف" and opener[1:] in data.copulas)):
                    # "وكانت عالمة الآثار هيلين كارفيل … قد نشرت … وكتبت أن «…»", "وكان البنك المركزي قد
                    # أفاد، في بيان …، بأنه قرر «…»": the subject of the sentence's opening كان
                    first = _subject_after(left_toks[left_toks.index(left_own[0]) + 1:a])
                    if first and (len(first) >= 2 or _fold_name(first[0].text) in _known_names()):
                        subj_toks, ar_pron, inherit = first, False, False
                elif ar_pron and left_toks[a].norm[:1] == "و" and left_own:
                    # "من جهتها، نشرت وزارة الصحة … إرشادات، وأعلنت أن «…»": the second verb shares the
                    # subject of the sentence's first
                    i = left_toks.index(left_own[0])
                    if left_toks[i].norm in stop:        # an opening "من جهتها،": the clause after it
                        i = next((j + 1 for j in range(i, a) if left_toks[j].text in {"،", ","}), a)
                    if i + 1 < a and left_toks[i].norm not in stop and _is_ar(left_toks[i].text):
                        first = _subject_after(left_toks[i + 1:a])
                        gc, gw = data.gender.get(left_toks[a].norm[1:]), _gender_of_words(t.norm for t in first or [])
                        if first and (len(first) >= 2 or _fold_name(first[0].text) in _known_names()) \
                                and (gc is None or gw is None or gc == gw):
                            subj_toks, ar_pron, inherit = first, False, False
            if not subj_toks and adjacent and right_toks and not ar_pron:
                rt = [t for t in right_toks if t.text not in {",", "،"}]
                lead = []
                for t in rt[:5]:
                    if t.text[:1].isalnum() and (not lead or t.norm not in _stopwords() or t.norm in _DETS):
                        lead.append(t)
                    else:
                        break
                subj_toks = _strip_lead(lead[:3]) or None
            cue_end = b
        else:
            cue_toks = None
            acronym = _ACRONYM_SAID.match(text, close + 1, s_hi)
            if acronym and content.rstrip()[-1:] in ",،?!":
                # "“…,” the International Council of Museums (ICOM) said": the organisation and its acronym
                subj_toks = _tokens(text, acronym.start(1), acronym.end(1))
                cue_toks = _tokens(text, acronym.start(2), acronym.end(2))
            tail = _closing_attribution(_tokens(text, close + 1, s_hi)) if not cue_toks else None
            if tail is not None:
                # "Communications “were crippled” from Donggala, Nugroho said.", "… “…” and a chance
                # to “…,” he said.": a closing ", X said" speaks for every quote of its sentence
                subj_toks, (a, b), cue_end = tail[0], tail[1], tail[1][1]
                cue_toks = tail[2]
        if cue_toks:
            cue = text[cue_toks[0].start:cue_toks[-1].end]
        # kind
        words = [w for w in regex.findall(r"[\w\p{M}]+", content)]
        before_txt = text[s_lo:q.open].rstrip()
        last_left = left_own[-1] if left_own else None
        inside_end = content.rstrip()[-1:] if content.strip() else ""
        after_txt = text[close + 1:s_hi].lstrip()
        in_parens = before_txt.endswith("(") and after_txt.startswith(")")
        term_marker = False
        # "known locally as", "also called": adverbs between the marker words do not count
        ltail = [t.norm for t in left_toks[-6:]
                 if not (t.norm in _TERM_ADVERBS or (t.norm.isascii() and t.norm.endswith("ly") and len(t.norm) > 4))][-3:]
        if ltail and ltail[-1] in {",", "،"}:
            ltail = ltail[:-1]                                           # "An old saying, «…»"
        bare = ltail[:-1] if ltail and ltail[-1] in _DETS else ltail     # "call a “snow holiday”"
        # an Arabic noun with a clitic: "بشعار «…»", "وشركة «…»"
        clitic = ltail[:-1] + [ltail[-1][1:]] if ltail and ltail[-1][:1] in "وفبل" and len(ltail[-1]) > 3 else ltail
        for phrase in data.terms:
            n = len(phrase)
            if any(n <= len(tail) and tuple(tail[-n:]) == phrase for tail in (ltail, bare, clitic)):
                term_marker = True
        if before_txt.endswith("ـ") or (last_left is not None and last_left.text.endswith("ـ")):
            term_marker = True
        next_word = right_toks[0] if right_toks else None
        det_modifier = (last_left is not None and last_left.norm in {"a", "an", "the"} and next_word is not None
                        and next_word.text[:1].isalpha() and next_word.norm not in stop and next_word.norm not in data.links
                        and inside_end not in _SENT_END + ",")
        has_cue = bool(cue)
        if in_parens or term_marker or det_modifier or (len(words) <= 1 and inside_end not in _SENT_END) \
                or (not has_cue and len(words) <= 4 and inside_end not in _SENT_END + ","):
            kind = "term"
        else:
            # after a comma, a quote opens a statement only when a speech verb came before it in the
            # sentence ("He said, “…”"); else it is a fragment of the writer's sentence ("… 14 dinars a
            # litre, “a level that covers costs,” according to …")
            comma_opens = bool(before_txt) and before_txt[-1] in ",،" and any(a >= cut for a, _ in left_cues)
            at_start = not before_txt or before_txt[-1] == ":" or comma_opens or not left_own \
                or before_txt[-1] in _SENT_END
            after_cue = bool(left_cues) and left_cues[-1][1] == len(left_toks) and not content[:1].islower()
            kind = "direct" if (at_start or after_cue) else "partial"
        speaker = None
        if kind != "term":
            if ar_pron:
                # a role noun earlier in the sentence speaks, unless an earlier speech verb has a subject
                described = _role_before(left_own, ar_gender) if left_own and len(left_cues) < 2 else None
                name = " ".join(t.text for t in described) if described else \
                    resolver.person(q.open, ar_gender, arabic=True)
                if name is None and prev_speaker and q.open - prev_speaker[2] < 600 \
                        and resolver.gender_of(prev_speaker[0]) in (None, ar_gender):
                    name = prev_speaker[0]
                if name:
                    speaker = Speaker(name)
                    resolver.add(q.open, name, ar_gender, person=True)
            elif subj_toks and (any(t.norm in _FIRST_SECOND_PRONOUNS for t in subj_toks)
                                or any(regex.search(r"\p{L}['’](?:t|re|ve|ll|m|d)$", t.text) for t in subj_toks)):
                pass                         # "asked me last year", "I couldn't say": words inside a quote
            elif subj_toks:
                name = resolver.resolve(subj_toks, subj_toks[0].start)
                if name:
                    mention_s, mention_e = subj_toks[0].start, subj_toks[-1].end
                    speaker = Speaker(name, text[mention_s:mention_e], mention_s, mention_e)
                    g = _gender_of_words(t.norm for t in subj_toks)
                    if g is None and cue_toks and _is_ar(cue_toks[0].text) and len(cue_toks) == 1:
                        g = data.gender.get(cue_toks[0].norm)
                    resolver.add(mention_s, name, g, person=any(t.norm in data.roles for t in subj_toks),
                                 mention=subj_toks)
            elif not cue and _signed_below(text, close) is not None:
                # a pull quote signed on the next line: "“…”\n— Colonel Amer Zoubi, spokesman for …"
                toks = _name_of(_signed_below(text, close))
                name = resolver.resolve(toks, toks[0].start) if toks else None
                if name:
                    speaker = Speaker(name, text[toks[0].start:toks[-1].end], toks[0].start, toks[-1].end)
                    resolver.add(toks[0].start, name, person=True, mention=toks)
            elif prev_speaker and not cue and kind == "direct" and q.open - prev_speaker[1] < 200:
                speaker = Speaker(prev_speaker[0])
            elif prev_speaker and (inherit or cue) and q.open - prev_speaker[2] < 600 and not own_subject:
                speaker = Speaker(prev_speaker[0])
            if speaker is None and not ar_pron and (not cue or inherit or not subj_toks):
                # the sentence subject ("Israel is launching ... “…”")
                st = _tokens(text, s_lo, min(q.open, s_lo + 400))
                chunks = [c for c in _split_chunks(st) if c]
                # the last chunk ("In Gaza, Israel is launching"), else the sentence's first
                # ("The directorate said ..., and warned that “…”")
                order = [chunks[-1], chunks[0]] if len(chunks) > 1 else chunks
                if len(chunks) > 2 and any(t.norm in data.roles for t in chunks[0]) \
                        and 2 <= len(chunks[1]) <= 4 and all(_is_cap(t) for t in chunks[1]):
                    order = [chunks[-1], chunks[1], chunks[0]]   # "Her teacher, Huda Saleh, said …": the name
                first_words = [t for t in chunks[0] if t.text != "."] if chunks else []
                if len(chunks) > 1 and 2 <= len(first_words) <= 4 and all(_is_cap(t) for t in first_words) \
                        and first_words[0].norm not in stop and any(t.norm in data.roles for t in chunks[1][:4]):
                    order = [chunks[0]] + [c for c in order if c is not chunks[0]]
                    # ("Adnan Z. Amin, General Director of IRENA, is certain: “…”": the name, then its role)
                for c in order:
                    lead = []
                    for k, t in enumerate(c):
                        if _is_cap(t) or (lead and t.norm in data.roles) or (not lead and t.norm in _DETS) \
                                or (lead and _abbreviation_dot(c, k)) \
                                or (lead and lead[-1].norm in _DETS and len(lead) < 4) \
                                or (lead and t.norm in _NAME_LINKS and k + 1 < len(c) and _is_cap(c[k + 1])):
                            lead.append(t)
                        else:
                            break
                    while lead and lead[-1].norm in _DETS:
                        lead.pop()
                    if lead and not cue and not _is_ar(lead[0].text) \
                            and (lead[0].norm in _DETS or not _proper(lead[0], mid_caps)):
                        # with no speech verb, only a name the text treats as one ("Israel is launching
                        # … “…”"), never a sentence-initial word ("Indeed", "Voters") or a description
                        continue
                    if lead and (lead[0].norm not in stop or lead[0].norm in _DETS or lead[0].norm in data.pronouns):
                        name = resolver.resolve(lead, lead[0].start)
                        if name:
                            speaker = Speaker(name, text[lead[0].start:lead[-1].end], lead[0].start, lead[-1].end)
                            break
            if speaker is not None and q.parent is None:
                prev_speaker = (speaker.name, s_hi, q.end, s_lo)   # a nested quote never sets who speaks next
            # source
            ctx_lo, ctx_hi = s_lo, s_hi
            m = _find_channel(text, ctx_lo, ctx_hi)
            if m and not (q.start <= m.start() < q.end):
                source["channel"] = m.group(1)
            if cue_toks and cue_toks[0].norm in _OUTLET_CUES:
                seq = right_toks[cue_end:] if right_cues and cue_toks[0] in right_toks else left_toks[cue_end:]
                caps = []
                for t in seq[:6]:
                    if _is_cap(t) and t.norm not in _DETS:
                        caps.append(t.text)
                    elif caps:
                        break
                if caps:
                    source["outlet"] = " ".join(caps)
        else:
            cue = None
        # «…» ("…"): the bracketed quotation translates the one before it (kept a term, as the
        # labelled sets annotate it, and linked to it)
        glossed = by_open.get(spans[idx - 1].open) if idx and _gloss_after(text, spans, idx - 1) is not None else None
        lang = lang_of(q.start, q.end) if lang_of else "und"
        extra = {}
        if q.close is None and not q.goes_on:
            extra["unclosed"] = True
        if q.parent is not None and q.parent in idmap:
            extra["parent"] = idmap[q.parent]
        if glossed is not None:
            extra["gloss_of"] = glossed.id
        if q.continues is not None and q.continues in by_open:
            extra["continues"] = by_open[q.continues].id
        quote = doc.add_quote(q.start, q.end, lang=lang, kind=kind, speaker=speaker, cue=cue,
                              source=source, extra=extra)
        idmap[idx] = quote.id
        by_open[q.open] = quote
    _share_speakers(doc)
    return [q.to_dict() for q in doc.quotes]


def _within(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls inside one of the sorted ``(start, end)`` spans (nested spans allowed).

    >>> _within([(0, 5), (10, 20)], 12), _within([(0, 5), (10, 20)], 7)
    (True, False)
    """
    import bisect
    k = bisect.bisect_right(spans, (pos, float("inf")))
    return any(a <= pos < b for a, b in spans[max(0, k - 3):k])


def _gloss_after(text: str, spans: list, idx: int) -> int | None:
    """When quote ``spans[idx]`` is followed by a bracketed quotation (its translation or gloss:
    ``"والله ما شفنا مثلها" ("Honestly, we haven't seen one like this")``), the offset of the
    closing bracket; else None.

    >>> t = '«شكرًا» ("Thank you"), she said.'
    >>> _gloss_after(t, find_spans(t), 0)
    20
    """
    q = spans[idx]
    if q.close is None or idx + 1 >= len(spans):
        return None
    nxt = spans[idx + 1]
    if nxt.close is None or nxt.depth != q.depth or not regex.fullmatch(r"\s*\(\s*", text[q.close + 1:nxt.open]):
        return None
    m = regex.match(r"\s*\)", text[nxt.close + 1:nxt.close + 4])
    return nxt.close + m.end() if m else None


def _share_speakers(doc: Document) -> None:
    """The parts of a quote that runs over several paragraphs have one speaker: the attribution
    of any part ("“…\n\n“…,” the minister said") names it for the parts without one."""
    by_id = {q.id: q for q in doc.quotes}
    chains: dict[str, list] = {}
    for q in doc.quotes:
        head = q
        while head.extra.get("continues") in by_id:
            head = by_id[head.extra["continues"]]
        chains.setdefault(head.id, []).append(q)
    for parts in chains.values():
        named = next((p.speaker for p in parts if p.speaker is not None), None)
        if named is None or len(parts) < 2:
            continue
        for p in parts:
            if p.speaker is None:
                p.speaker = Speaker(named.name)
