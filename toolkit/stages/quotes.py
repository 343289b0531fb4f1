"""Quotes: every span in quotation marks with kind, speaker, cue and source (:mod:`toolkit.quotes`).

With ``backend="stanza"`` and an NER or dependency model for a quote's language, a quote whose
speaker the rules left empty (or named only by a pronoun or description) takes stanza's speaker
candidate instead (:func:`stanza_speakers`; ``quote.extra["speaker_source"] == "stanza"``).
Without those models nothing changes and nothing is loaded.

>>> import toolkit, toolkit.stages.quotes
>>> doc = toolkit.process('"We will win," she said.', stages=["blocks", "sentences", "quotes"])
>>> doc.quotes[0].text, doc.quotes[0].kind, doc.quotes[0].cue
('We will win,', 'direct', 'said')
"""
from __future__ import annotations

import regex

from ..detect import detect_runs, summarize
from ..document import Document, Quote, Speaker
from ..pipeline import stage
from ..quotes import extract_quotes

__all__ = ["quotes_stage", "needs_speaker", "pick_speaker", "stanza_speakers"]

#: Words that never make a speaker on their own (pronouns, determiners).
_PRONOUNS = frozenset("""i you he she it we they him her them his its our their this that these those
the a an هو هي هم هن أنا نحن أنت""".split())
_WORD = regex.compile(r"[\w\p{M}]+")


def _is_name(text: str) -> bool:
    """True when ``text`` holds a name: a capitalised word that is no pronoun or determiner, or
    (for scripts without case, such as Arabic) any word that is no pronoun.

    >>> _is_name("the minister"), _is_name("She"), _is_name("Theresa May"), _is_name("الرئيس")
    (False, False, True, True)
    """
    words = [w for w in _WORD.findall(text or "") if w.casefold() not in _PRONOUNS]
    for w in words:
        if w[:1].isupper() or not any(ch.isupper() or ch.islower() for ch in w):
            return True
    return False


def needs_speaker(quote: Quote) -> bool:
    """Whether stanza may name this quote's speaker: none found, or only a pronoun/description.

    >>> q = Quote("q0", 0, 1, "x")
    >>> needs_speaker(q), needs_speaker(Quote("q1", 0, 1, "x", speaker=Speaker("the minister")))
    (True, True)
    >>> needs_speaker(Quote("q2", 0, 1, "x", speaker=Speaker("Theresa May")))
    False
    """
    return quote.speaker is None or not _is_name(quote.speaker.name)


def pick_speaker(stanza_doc, quote_start: int, quote_end: int, offset: int = 0,
                 need_name: bool = False) -> dict | None:
    """The speaker stanza gives for the quote ``[quote_start, quote_end)`` in a stanza Document.

    ``stanza_doc`` (a stanza ``Document``, or a list of its ``Sentence``s) was parsed from the
    document's text starting at ``offset``; the quote's offsets are the document's. First the
    subject of a speech verb (:func:`~toolkit.backends.stanza_backend.speaker_candidates`),
    nearest the quote, then the nearest PERSON/ORG entity before the quote; neither may lie inside
    the quote. Pronoun subjects are skipped; with ``need_name`` a candidate must hold a name.
    Returns the candidate with ``start``/``end`` in document offsets, or None.

    >>> pick_speaker([], 0, 5) is None
    True
    """
    from ..backends.stanza_backend import speaker_candidates

    sentences = getattr(stanza_doc, "sentences", stanza_doc) or []
    subjects, entities = [], []
    for sent in sentences:
        for cand in speaker_candidates(sent):
            if cand.get("start") is None or cand.get("end") is None:
                continue
            cand = {**cand, "start": cand["start"] + offset, "end": cand["end"] + offset}
            if cand["start"] < quote_end and quote_start < cand["end"]:
                continue                                  # inside the quote: not its speaker
            if cand["source"] == "nsubj":
                vs = cand.get("verb_start")
                if vs is not None and quote_start <= vs + offset < quote_end:
                    continue                              # a speech verb quoted, not a cue
                if cand.get("type") is None and not _is_name(cand["text"]) \
                        and (need_name or all(w.casefold() in _PRONOUNS for w in _WORD.findall(cand["text"]))):
                    continue
                subjects.append(cand)
            elif cand["end"] <= quote_start and (not need_name or _is_name(cand["text"])):
                entities.append(cand)
    if subjects:
        return min(subjects, key=lambda c: max(quote_start - c["end"], c["start"] - quote_end, 0))
    if entities:
        return max(entities, key=lambda c: c["end"])
    return None


def _apply(doc: Document, quote: Quote, cand: dict) -> None:
    name = doc.text[cand["start"]:cand["end"]]
    if quote.speaker is None:
        quote.speaker = Speaker(name, name, cand["start"], cand["end"])
    else:                                                 # keep the text's own words as the mention
        quote.speaker.name = name
    quote.extra["speaker_source"] = "stanza"


def stanza_speakers(doc: Document, config, backend=None) -> int:
    """Name speakers with stanza's NER/parse where the rules found none; how many were named.

    Runs only with ``config.backend == "stanza"`` and for quote languages whose ``ner`` or
    ``depparse`` model is on (``backend.features(lang)``); each sentence (or run of sentences)
    around such a quote is parsed once. ``backend`` defaults to the shared one for ``config``.

    >>> from toolkit.pipeline import Config
    >>> stanza_speakers(Document(text="x", id="d"), Config())
    0
    """
    if getattr(config, "backend", "rules") != "stanza" or not doc.quotes:
        return 0
    todo = [q for q in doc.quotes if needs_speaker(q)]
    if not todo:
        return 0
    if backend is None:
        try:
            from ..backends.stanza_backend import get_backend
        except Exception:
            return 0
        backend = get_backend(config)
    sents = sorted((s.start, s.end) for s in doc.sentences)
    parsed: dict[tuple, object] = {}
    usable: dict[str, bool] = {}
    named = 0
    for quote in todo:
        lang = quote.lang
        if lang not in usable:
            try:
                f = backend.features(lang)
                usable[lang] = bool(f.get("available")) and (f["ner"]["on"] or f["depparse"]["on"])
            except Exception:
                usable[lang] = False
        if not usable[lang]:
            continue
        lo, hi = max(0, quote.start - 1), min(len(doc.text), quote.end + 1)     # with the marks
        around = [(s, e) for s, e in sents if s < hi and lo < e] or [(0, len(doc.text))]
        span = (around[0][0], around[-1][1], lang)
        if span not in parsed:
            try:
                parsed[span] = backend.annotate(doc.text[span[0]:span[1]], lang)
            except Exception as exc:   # a model that would not load: say so once, keep the rules
                parsed[span] = None
                usable[lang] = False
                doc.add_error("backend_unavailable", f"{doc.id}: stanza speakers off for {lang} ({exc})",
                              stage="quotes", severity="warning")
        if parsed[span] is None:
            continue
        cand = pick_speaker(parsed[span], quote.start, quote.end, offset=span[0],
                            need_name=quote.speaker is not None)
        if cand is not None:
            _apply(doc, quote, cand)
            named += 1
    return named


@stage("quotes")
def quotes_stage(doc: Document, config) -> None:
    """Add ``doc.quotes`` (replacing any earlier run's)."""
    doc.quotes = []
    seed = getattr(config, "seed", 0)

    def lang_of(start: int, end: int) -> str:
        try:
            return summarize(detect_runs(doc.text, start, end, seed=seed))[0]
        except Exception:  # language naming must never lose a quote
            return "und"

    extract_quotes(doc, lang_of)
    stanza_speakers(doc, config)
    _add_publication(doc)


def _add_publication(doc: Document) -> None:
    """Where the quote was published: the document's own outlet, URL and date (from ``meta``), in
    ``source["document"]`` beside the channel and outlet the sentence names."""
    published = {key: doc.meta[key] for key in ("outlet", "url", "date") if doc.meta.get(key)}
    if published:
        for quote in doc.quotes:
            quote.source.setdefault("document", dict(published))
