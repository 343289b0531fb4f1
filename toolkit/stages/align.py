"""Align: tie each tweet and non-term quote to the sentence that translates, paraphrases or
reports it (see :mod:`toolkit.align.aligner`). Uses the multilingual sentence encoder when
``Config.encoder`` is ``"auto"`` and the ``align`` extra is installed; otherwise evidence alone.
``doc.extra["encoder"]`` records which (``None``: evidence only).

>>> from toolkit.document import Document
>>> from toolkit.pipeline import Config
>>> doc = Document(text="", id="d")
>>> align_stage(doc, Config(encoder=None))
>>> doc.extra["encoder"] is None
True
"""
from __future__ import annotations

from ..document import Document
from ..pipeline import stage

__all__ = ["align_stage"]


@stage("align")
def align_stage(doc: Document, config) -> None:
    """Add ``doc.alignments``; options: ``Config.encoder`` and ``config.options["align"]`` (a dict
    overriding :data:`toolkit.align.aligner.ALIGN_CONFIG`)."""
    from ..align.aligner import Aligner
    from ..align.encoder import load_encoder

    name = getattr(config, "encoder", "auto") if config is not None else "auto"
    overrides = (getattr(config, "options", None) or {}).get("align") if config is not None else None
    encoder = load_encoder(name)
    Aligner(encoder, overrides).align(doc)
