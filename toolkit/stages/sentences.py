"""Sentences: split every block's text (inside its Markdown markers) into sentences.

A sentence never crosses a block. In a tweet block the body is split by the rules and the
attribution ``— Name (@handle) Date`` is a unit of its own. With ``backend="stanza"`` and models
present, stanza's tokenizer splits instead (see :mod:`toolkit.backends.stanza_backend`); without
them the rules run and ``doc.errors`` says why.

>>> from toolkit.document import Document
>>> from toolkit.stages.blocks import split_blocks
>>> doc = Document(text="# *A title*\\n\\nOne. Two.", id="d")
>>> split_blocks(doc, None); split_into_sentences(doc, None)
>>> [s.text for s in doc.sentences]
['A title', 'One.', 'Two.']
"""
from __future__ import annotations

from ..document import Block, Document, trim_quote_markers, trim_span
from ..pipeline import stage
from ..segment import split_sentences

__all__ = ["split_into_sentences"]

#: Block kinds that hold no sentences.
NO_SENTENCES = ("rule",)
#: Block kinds whose lines are separate units (tag lines and timestamps, breadcrumbs).
LINE_UNITS = ("meta",)


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        spans.append((pos, stop))
        pos = stop + 1
    return spans


def _model_splitter(doc: Document, config):
    """stanza's sentence splitter when asked for and available, else None (and a warning)."""
    if config is None or getattr(config, "backend", "rules") != "stanza":
        return None
    try:
        from ..backends import stanza_backend
    except ImportError as exc:  # the module itself is optional
        doc.add_error("backend_unavailable", f"{doc.id}: stanza backend unavailable ({exc}); used the rules",
                      stage="sentences", severity="warning")
        return None

    def split(text: str, start: int, end: int, lang: str):
        result = stanza_backend.stanza_sentences(text[start:end], lang, config, offset=start)
        if result is None:
            reason = stanza_backend.unavailable_reason(lang, config) or "no model"
            key = f"stanza-{lang}"
            if key not in doc.__dict__.setdefault("_warned", set()):
                doc.__dict__["_warned"].add(key)
                doc.add_error("backend_unavailable", f"{doc.id}: stanza has no {lang} model ({reason}); "
                                                     "used the rules", stage="sentences", severity="warning")
            return None
        return [(s["start"], s["end"], s.get("tokens")) for s in result]

    return split


def _split(doc: Document, block: Block, start: int, end: int, model) -> None:
    pieces = None
    if model is not None:
        from ..detect import detect_runs, summarize
        lang, _ = summarize(detect_runs(doc.text, start, end))
        if lang in ("ar", "en"):
            pieces = model(doc.text, start, end, lang)
    if pieces is None:
        pieces = [(s, e, None) for s, e in split_sentences(doc.text, start, end)]
    for s, e, toks in pieces:
        s, e = trim_quote_markers(doc.text, *trim_span(doc.text, s, e))
        if e > s and doc.text[s:e].strip("> \n\t"):
            doc.add_sentence(block, s, e, tokens=toks)


@stage("sentences")
def split_into_sentences(doc: Document, config) -> None:
    """Stage ``sentences``: fill ``doc.sentences`` block by block, in order."""
    model = _model_splitter(doc, config)
    tweets_by_block: dict[str, list] = {}
    for tweet in doc.tweets:
        tweets_by_block.setdefault(tweet.block, []).append(tweet)
    for block in doc.blocks:
        if block.kind in NO_SENTENCES:
            continue
        start, end = block.content
        tweets = tweets_by_block.get(block.id)
        if block.kind in LINE_UNITS:      # page furniture: each line is a unit
            for line_start, line_end in _line_spans(doc.text, start, end):
                _split(doc, block, line_start, line_end, model)
            continue
        if not tweets:
            _split(doc, block, start, end, model)
            continue
        pos = start
        for tweet in tweets:
            att = tweet.attribution
            # the older "@handle: text" form has its attribution at the block start: no unit of its own
            if att is None or att.start < pos or att.start == block.start:
                continue
            _split(doc, block, pos, att.start, model)
            doc.add_sentence(block, att.start, att.end)
            pos = att.end
        _split(doc, block, pos, end, model)
