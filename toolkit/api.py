"""The library entry points: :func:`process` one text, :func:`process_files` many.

>>> doc = process("Hello. مرحبا بكم.", id="greeting")
>>> [(s.text, s.lang) for s in doc.sentences]
[('Hello.', 'en'), ('مرحبا بكم.', 'ar')]
"""
from __future__ import annotations

import os
from typing import Iterable, Iterator, Sequence

from .document import Document
from .io.readers import DEFAULT_MAX_BYTES, Source, iter_input_paths, read_sources
from .pipeline import Config, Pipeline

__all__ = ["process", "process_source", "process_files", "build_pipeline"]


def build_pipeline(stages: Sequence[str] | Pipeline | None = None, skip: Sequence[str] = ()) -> Pipeline:
    """A pipeline from stage names (default: all built-in stages), minus ``skip``.

    >>> build_pipeline(skip=["detect"]).names[:2]
    ['blocks', 'tweets']
    """
    pipeline = stages if isinstance(stages, Pipeline) else Pipeline(stages)
    return pipeline.without(*skip) if skip else pipeline


def process(text: str, id: str | None = None, meta: dict | None = None, *,
            stages: Sequence[str] | Pipeline | None = None, skip: Sequence[str] = (),
            **options) -> Document:
    """Run the pipeline on one text and return the :class:`~toolkit.document.Document`.

    ``options`` are :class:`~toolkit.pipeline.Config` fields (``normalize="search"``,
    ``transliterate="buckwalter"``, ``backend="stanza"``...).

    >>> process("Dr. Smith spoke. He left.").sentences[0].text
    'Dr. Smith spoke.'
    """
    if not isinstance(text, str):
        raise TypeError(f"process() needs str text, got {type(text).__name__}; decode bytes first "
                        "(or use process_files, which detects the encoding)")
    config = Config.from_options(**options)
    doc = Document(text=text, id=id, meta=dict(meta or {}))
    return build_pipeline(stages, skip).run(doc, config)


def process_source(source: Source, pipeline: Pipeline, config: Config) -> Document:
    """Run ``pipeline`` on a :class:`~toolkit.io.readers.Source` record (errors carried over)."""
    doc = Document(text=source.text, id=source.id, meta=dict(source.meta), layout=list(source.layout))
    doc.errors.extend(source.errors)
    if source.errors and not source.text and any(e.get("severity") == "error" for e in source.errors):
        return doc        # nothing to process: the read error says why
    _warn_bidi_overrides(doc)
    return pipeline.run(doc, config)


_OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _warn_bidi_overrides(doc: Document) -> None:
    count = sum(1 for c in doc.text if c in _OVERRIDES) if any(c in doc.text for c in _OVERRIDES) else 0
    if count:
        doc.add_error("bidi_controls", f"{doc.id}: {count} bidi embedding/override/isolate characters; they can "
                                       "make displayed text differ from its logical order (kept as they are)",
                      severity="warning")


def process_files(paths: Iterable[str | os.PathLike], *, stages: Sequence[str] | Pipeline | None = None,
                  skip: Sequence[str] = (), max_bytes: int = DEFAULT_MAX_BYTES, **options) -> Iterator[Document]:
    """Process files, folders (recursively, sorted) and ``-`` one document at a time (a generator).

    A document that cannot be read comes back with its problem in ``errors``; the others go on.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("Hi.")
    >>> [doc.id for doc in process_files([d])]
    ['a']
    """
    config = Config.from_options(**options)
    pipeline = build_pipeline(stages, skip)
    for path in iter_input_paths(paths):
        for source in read_sources(path, max_bytes=max_bytes):
            yield process_source(source, pipeline, config)
