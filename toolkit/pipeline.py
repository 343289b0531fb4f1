"""The pipeline: an ordered list of small named stages, each ``stage(doc, config)``.

A stage reads the :class:`~toolkit.document.Document` and adds to it. Stages register
themselves by name with :func:`stage`; :class:`Pipeline` runs them in order. A user can drop a
stage (``Pipeline().without("quotes")``) or add their own (``Pipeline().with_stage("mine", fn,
after="sentences")``).

>>> from toolkit.document import Document
>>> seen = []
>>> p = Pipeline(["blocks"]).with_stage("count", lambda doc, cfg: seen.append(len(doc.blocks)))
>>> _ = p.run(Document(text="One.\\n\\nTwo.", id="d"), Config())
>>> seen
[2]
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field, fields, replace
from typing import Callable, Iterable

from .document import Document

__all__ = ["Config", "Pipeline", "stage", "registered_stages", "DEFAULT_STAGES", "StageFn"]

StageFn = Callable[[Document, "Config"], None]

_REGISTRY: dict[str, StageFn] = {}

#: The default order. A name here must be registered by a module imported in toolkit.stages.
DEFAULT_STAGES: list[str] = ["blocks", "tweets", "sentences", "detect", "normalize", "transliterate", "quotes",
                             "align"]


@dataclass(frozen=True)
class Config:
    """Options every stage may read. Unknown keyword options go to ``options``.

    >>> Config.from_options(normalize="search", colour="red").options
    {'colour': 'red'}
    """

    normalize: str | None = None            # profile for Sentence.norm, e.g. "search"; None: off
    transliterate: str | None = None        # scheme for Sentence.translit, e.g. "buckwalter"
    backend: str = "rules"                  # "rules" or "stanza"
    stanza_dir: str | None = None           # folder with stanza resources.json (or $STANZA_RESOURCES_DIR)
    torch_threads: int = 1
    encoder: str | None = "auto"            # "auto": the sentence encoder when installed; None: off
    seed: int = 0                           # langdetect seed: results never change between runs
    strict: bool = False                    # re-raise a failing stage instead of recording it
    options: dict = field(default_factory=dict)

    @classmethod
    def from_options(cls, **options) -> "Config":
        names = {f.name for f in fields(cls)} - {"options"}
        known = {k: v for k, v in options.items() if k in names}
        extra = {k: v for k, v in options.items() if k not in names}
        return cls(**known, options=extra)

    def with_options(self, **options) -> "Config":
        """A copy with some options changed."""
        names = {f.name for f in fields(self)} - {"options"}
        known = {k: v for k, v in options.items() if k in names}
        extra = {**self.options, **{k: v for k, v in options.items() if k not in names}}
        return replace(self, **known, options=extra)


def stage(name: str) -> Callable[[StageFn], StageFn]:
    """Register a function as the stage called ``name``.

    >>> @stage("noop-example")
    ... def noop(doc, config):
    ...     '''Does nothing.'''
    >>> "noop-example" in registered_stages()
    True
    """

    def register(fn: StageFn) -> StageFn:
        _REGISTRY[name] = fn
        fn.stage_name = name
        return fn

    return register


def _load_builtin_stages() -> None:
    from . import stages  # noqa: F401  (importing registers them)


def registered_stages() -> dict[str, StageFn]:
    """All known stages by name.

    >>> "blocks" in registered_stages()
    True
    """
    _load_builtin_stages()
    return dict(_REGISTRY)


class Pipeline:
    """An ordered list of named stages.

    >>> Pipeline(["blocks", "tweets", "sentences"]).without("tweets").names
    ['blocks', 'sentences']
    """

    def __init__(self, stages: Iterable[str | tuple[str, StageFn]] | None = None):
        known = registered_stages()
        self._stages: list[tuple[str, StageFn]] = []
        for item in DEFAULT_STAGES if stages is None else stages:
            if isinstance(item, tuple):
                self._stages.append(item)
            elif item in known:
                self._stages.append((item, known[item]))
            else:
                raise KeyError(f"unknown stage {item!r}; known stages: {', '.join(sorted(known))}")

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self._stages]

    def without(self, *names: str) -> "Pipeline":
        """A copy without the named stages."""
        for name in names:
            if name not in self.names:
                raise KeyError(f"stage {name!r} is not in this pipeline ({', '.join(self.names)})")
        return Pipeline([s for s in self._stages if s[0] not in names])

    def with_stage(self, name: str, fn: StageFn, after: str | None = None,
                   before: str | None = None) -> "Pipeline":
        """A copy with ``fn`` added as ``name`` (at the end, or after/before a named stage)."""
        items = list(self._stages)
        if after is not None:
            items.insert(self.names.index(after) + 1, (name, fn))
        elif before is not None:
            items.insert(self.names.index(before), (name, fn))
        else:
            items.append((name, fn))
        return Pipeline(items)

    def run(self, doc: Document, config: Config) -> Document:
        """Run every stage on ``doc``; a failing stage is recorded in ``doc.errors`` (or raised
        when ``config.strict``) and the later stages still run."""
        timings = {}
        for name, fn in self._stages:
            started = time.perf_counter()
            try:
                fn(doc, config)
            except Exception as exc:  # one bad stage must not lose the document
                if config.strict:
                    raise
                doc.add_error("stage_failed", f"{doc.id}: stage {name!r} failed: {type(exc).__name__}: {exc}",
                              stage=name)
            timings[name] = time.perf_counter() - started
        doc.__dict__["_timings"] = timings
        return doc
