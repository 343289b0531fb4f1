"""Quotes: every span in quotation marks with kind, speaker, cue and source (:mod:`toolkit.quotes`).

>>> import toolkit, toolkit.stages.quotes
>>> doc = toolkit.process('"We will win," she said.', stages=["blocks", "sentences", "quotes"])
>>> doc.quotes[0].text, doc.quotes[0].kind, doc.quotes[0].cue
('We will win,', 'direct', 'said')
"""
from __future__ import annotations

from ..detect import detect_runs, summarize
from ..document import Document
from ..pipeline import stage
from ..quotes import extract_quotes

__all__ = ["quotes_stage"]


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
