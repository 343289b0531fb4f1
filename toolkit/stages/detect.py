"""Detect: the language of every block, sentence and tweet, with the runs inside each sentence.

A sentence is ``mixed`` when it holds prose words of two languages
(:data:`toolkit.detect.MIXED_MIN_WORDS`); a block is ``mixed`` when its prose sentences disagree
(tweet attributions and bare links aside). A short block of
capitalised names only (``Radio Example``, ``(AB, CD)``) says nothing about language: ``und``.
In a tweet's attribution line the display name votes even when it is a hashtag.

>>> import toolkit
>>> doc = toolkit.process("Hello there, friends.\\n\\nمرحبا بكم جميعا", stages=["blocks", "tweets", "sentences", "detect"])
>>> [b.lang for b in doc.blocks], doc.lang
(['en', 'ar'], 'en')
"""
from __future__ import annotations

from collections import Counter

from .. import resources
from ..detect import detect_runs, summarize, tokens
from ..document import Document, Run
from ..pipeline import stage

__all__ = ["detect_languages"]

#: Block kinds whose words count towards the document's dominant language.
PROSE_KINDS = ("paragraph", "heading", "caption")


def _names_only(doc: Document, runs: list[Run], lang: str) -> bool:
    """True for a few capitalised words with none of the language's function words."""
    if sum(r.words or 0 for r in runs) > 4 or not resources.has_resource(lang, "stopwords.txt"):
        return False
    stop = resources.word_set(lang, "stopwords.txt", casefold=True)
    words = [doc.text[t.start:t.end] for r in runs for t in tokens(doc.text, r.start, r.end) if t.kind == "word"]
    if not words:
        return False
    return all(w[0].isupper() for w in words) and not any(w.casefold() in stop for w in words)


def _attribution_lang(doc: Document, start: int, end: int, name: tuple[int, int]) -> tuple[str, float]:
    """The display name votes as words, whatever it is made of (a hashtag, emoji and all)."""
    runs = detect_runs(doc.text, start, end)
    name_runs = [r for r in runs if r.start >= name[0] and r.end <= name[1]]
    adjusted = []
    for r in runs:
        if r in name_runs and r.lang == "und" and r.script != "Zyyy":
            r = Run(r.start, r.end, r.text, {"Arab": "ar", "Latn": "en"}.get(r.script, "und"), r.script, 0.9)
        adjusted.append(r)
    return summarize(adjusted)


@stage("detect")
def detect_languages(doc: Document, config) -> None:
    """Stage ``detect``: ``lang``/``confidence`` on blocks, sentences and tweets; runs on sentences."""
    seed = getattr(config, "seed", 0) if config is not None else 0
    text = doc.text
    attributions = {t.attribution.start: t for t in doc.tweets if t.attribution is not None}
    runs_by_block: dict[str, list[Run]] = {}
    prose_langs: dict[str, set] = {}
    for sent in doc.sentences:
        sent.runs = detect_runs(text, sent.start, sent.end, seed)
        runs_by_block.setdefault(sent.block, []).extend(sent.runs)
        tweet = attributions.get(sent.start)
        is_attribution = tweet is not None and sent.end == tweet.attribution.end
        if is_attribution and tweet.author.name:
            name_start = text.find(tweet.author.name, sent.start, sent.end)
            name = (name_start, name_start + len(tweet.author.name)) if name_start >= 0 else (0, 0)
            sent.lang, sent.confidence = _attribution_lang(doc, sent.start, sent.end, name)
        else:
            sent.lang, sent.confidence = summarize(sent.runs)
        if not is_attribution and summarize(sent.runs, fallback=False)[0] != "und":
            prose_langs.setdefault(sent.block, set()).add(sent.lang)
    words_by_lang: Counter = Counter()
    for block in doc.blocks:
        runs = runs_by_block.get(block.id, [])
        lang, conf = summarize(runs, fallback=False)
        if lang == "und":   # nothing but hashtags, numbers or links: let hashtags vote
            voting = [r for r in runs if r.script != "Zyyy"]
            lang, conf = summarize(voting, fallback=True) if voting else ("und", None)
        elif lang != "mixed" and block.kind not in ("tweet", "heading") and _names_only(doc, runs, lang):
            lang, conf = "und", None
        langs = prose_langs.get(block.id)
        if langs and lang != "und":
            # a block is mixed when its prose sentences disagree (attributions and bare links aside)
            lang = next(iter(langs)) if len(langs) == 1 else "mixed"
        block.lang, block.confidence = lang, conf
        if block.kind in PROSE_KINDS:
            for r in runs:
                if r.lang != "und":
                    words_by_lang[r.lang] += r.words or 0
    for sent in doc.sentences:
        if sent.lang == "und":   # nothing votes (a timestamp, a number): the block's language
            block = doc.block_by_id(sent.block)
            if block is not None and block.lang not in ("und", "mixed"):
                sent.lang, sent.confidence = block.lang, 0.5
    for tweet in doc.tweets:
        tweet.lang = summarize(detect_runs(text, tweet.start, tweet.end, seed))[0] if tweet.end > tweet.start else "und"
    if words_by_lang:
        doc.lang = words_by_lang.most_common(1)[0][0]
    else:
        langs = Counter(b.lang for b in doc.blocks if b.lang not in ("und", "mixed"))
        doc.lang = langs.most_common(1)[0][0] if langs else "und"
    for sent in doc.sentences:
        if sent.lang == "und" and doc.lang != "und":
            # a letterless unit in a furniture block (a live page's "14:05"): the article's language,
            # as the labelled sets give the units of und blocks
            sent.lang, sent.confidence = doc.lang, 0.3
