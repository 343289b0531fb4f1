"""Rule-based sentence splitting for English and Arabic (and any language with a
``langs/<code>/sentences.json``).

A sentence ends at a terminator (``. ! ? ؟ …``) followed by optional closing quotes and
brackets and then white space or the end of the span, unless the word before the full stop is an
abbreviation (``Dr.``, ``U.S.``, ``د.``) or an initial, or the next word starts in lower case.
``،`` ``؛`` and ``:`` never end a sentence; decimal numbers and URLs never split because a
terminator must be followed by white space. The rules are data, one file per language.

>>> text = "قال د. محمد: «سنبدأ غداً.» ثم غادر. Dr. Smith met U.S. officials. They left."
>>> [text[s:e] for s, e in split_sentences(text)]
['قال د. محمد: «سنبدأ غداً.»', 'ثم غادر.', 'Dr. Smith met U.S. officials.', 'They left.']
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from . import resources

__all__ = ["split_sentences", "SentenceRules", "rules"]


@dataclass(frozen=True)
class SentenceRules:
    terminators: str
    closers: str
    abbreviations: frozenset
    lowercase_continues: bool
    initials: bool
    starters: frozenset          # words that start sentences (capitalised stop words)
    boundary: object             # compiled regex


@lru_cache(maxsize=1)
def rules() -> SentenceRules:
    """The union of every language's sentence rules (scripts do not collide, so one pass serves
    mixed text).

    >>> "؟" in rules().terminators
    True
    """
    terms, closers, abbrevs, starters = set(), set(), set(), set()
    lowercase = initials = False
    for lang in resources.available_languages():
        if not resources.has_resource(lang, "sentences.json"):
            continue
        data = resources.read_json(lang, "sentences.json")
        terms.update(data.get("terminators", []))
        closers.update(data.get("closers", []))
        if data.get("abbreviations") and resources.has_resource(lang, data["abbreviations"]):
            abbrevs.update(resources.read_lines(lang, data["abbreviations"]))
        lowercase = lowercase or data.get("lowercase_continues", False)
        initials = initials or data.get("initials", False)
        if resources.has_resource(lang, "stopwords.txt"):
            starters.update(w.capitalize() for w in resources.read_lines(lang, "stopwords.txt"))
    term_class = "".join(regex.escape(t) for t in sorted(terms))
    close_class = "".join(regex.escape(c) for c in sorted(closers))
    # a terminator followed by space (or the end); between two Arabic letters no space is needed
    # ("انتهى الاجتماع.بدأ المؤتمر"), since Arabic has no decimals or domains written that way
    boundary = regex.compile(rf"[{term_class}]+[{close_class}]*(?=\s|$)|(?<=\p{{Arabic}}{{2}})[{term_class}](?=\p{{Arabic}}{{2}})")
    return SentenceRules("".join(sorted(terms)), "".join(sorted(closers)), frozenset(abbrevs), lowercase,
                         initials, frozenset(starters), boundary)


_LINK = regex.compile(r"(?:https?://|www\.|pic\.twitter\.com/)")
_INITIALS = regex.compile(r"^(?:\p{Lu}\.)+$")
#: Abbreviations that also end sentences often ("... in the U.S. The talks ...").
_ENDERS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "etc.", "Inc.", "Ltd.", "Co.", "Corp.", "Jr.", "Sr.",
                     "a.m.", "p.m.", "D.C.", "U.S.A.", "al.", "م."})


def _word_before(text: str, dot: int, floor: int) -> str:
    i = dot
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return text[i:dot + 1].lstrip("(\"“'‘«[")


def _next_word(text: str, pos: int, end: int) -> str:
    m = regex.match(r"[\"“'‘«(\[]*(\S+?)(?=[\s,.;:!?]|$)", text[pos:min(end, pos + 40)])
    return m.group(1) if m else ""


@lru_cache(maxsize=1)
def _speech_words() -> frozenset:
    """Single-word speech cues of every language (``speech_verbs.txt``), folded."""
    words = set()
    for lang in resources.available_languages():
        if resources.has_resource(lang, "speech_verbs.txt"):
            words.update(w.casefold() for w in resources.read_lines(lang, "speech_verbs.txt") if " " not in w.strip())
    return frozenset(words)


def _attributes(text: str, pos: int, end: int) -> bool:
    """Whether the words at ``pos`` attribute the quotation just closed: a speech verb first
    (``asked Martin``, ``تساءلت هدى``) or second after a name (``Haddad asked.``).

    >>> _attributes("Haddad asked. Then", 0, 18), _attributes("Prices rose.", 0, 12)
    (True, False)
    """
    words = regex.findall(r"[\p{L}\p{M}'’\-]+", text[pos:min(end, pos + 60)])[:3]
    cues = _speech_words()
    folded = [regex.sub(r"\p{M}", "", w).casefold() for w in words]
    if folded and folded[0] in cues:
        return True
    return len(folded) >= 2 and words[0][:1].isupper() and folded[1] in cues


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text[start:end]``, white space trimmed.

    >>> split_sentences("It rose 1.7 percent. See https://x.org/a.b now! Done")
    [(0, 20), (21, 47), (48, 52)]
    """
    end = len(text) if end is None else end
    r = rules()
    cuts = []
    for m in r.boundary.finditer(text, start, end):
        b = m.end()
        if b >= end:
            continue
        if not text[b].isspace():      # the no-space Arabic case
            cuts.append(b)
            continue
        nxt = b
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            continue
        first = text[nxt]
        term = m.group()
        stripped_term = term.rstrip(r.closers)
        if _LINK.match(text, nxt, end):
            cuts.append(b)          # a link after a full stop is a unit of its own
            continue
        before = text[m.start() - 1] if m.start() > start else " "
        if r.lowercase_continues and first.islower() and (before.isupper() or before.islower()
                                                         or not before.isalpha()):
            continue
        if first in ",;:،؛)]}":
            continue
        if stripped_term != term and stripped_term[-1:] in "?!؟" and _attributes(text, nxt, end):
            continue                   # «…؟» تساءلت هدى / “…?” Haddad asked: the attribution goes on
        if stripped_term.startswith("..") and b < end:
            continue                   # an ellipsis: the sentence goes on
        if stripped_term == "." and regex.match(r"^[(«\"]?\p{Arabic}\.$", _word_before(text, m.start(), start)):
            continue                   # an Arabic initial ("المتهم (ع. ن.)"): not the end of a sentence
        if stripped_term == ".":
            word = _word_before(text, m.start(), start)
            following = _next_word(text, nxt, end)
            if word in r.abbreviations or (r.initials and _INITIALS.match(word) and len(word) <= 4):
                if not (word in _ENDERS or _INITIALS.match(word) and len(word) > 2) \
                        or following not in r.starters:
                    continue
        cuts.append(b)
    spans = []
    pos = start
    for cut in cuts + [end]:
        s, e = pos, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        pos = cut
    return spans
