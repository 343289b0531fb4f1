"""Stages ``normalize`` and ``transliterate``: fill ``Sentence.norm`` / ``Sentence.translit``.

>>> from toolkit.document import Document
>>> from toolkit.pipeline import Config
>>> doc = Document(text="قالَ", id="d"); b = doc.add_block("paragraph", 0, 4); s = doc.add_sentence(b, 0, 4)
>>> normalize_stage(doc, Config(normalize="search")); transliterate_stage(doc, Config(transliterate="buckwalter"))
>>> s.norm, s.translit
('قال', 'qAla')
"""
from __future__ import annotations

from ..normalization import normalize
from ..pipeline import stage
from ..transliteration import transliterate


@stage("normalize")
def normalize_stage(doc, config) -> None:
    """Set ``norm`` on every sentence when ``config.normalize`` names a profile."""
    profile = config.normalize
    if not profile:
        return
    switches = dict(config.options.get("normalize_switches") or {})
    for sent in doc.sentences:
        sent.norm = normalize(sent.text, profile, **switches).text


@stage("transliterate")
def transliterate_stage(doc, config) -> None:
    """Set ``translit`` on every sentence when ``config.transliterate`` names a scheme."""
    scheme = config.transliterate
    if not scheme:
        return
    for sent in doc.sentences:
        sent.translit = transliterate(sent.text, scheme).text
