"""The Document model: one text and every span found in it, with exact offsets.

Offsets are Python ``str`` indices into ``Document.text`` (half-open). Every span object carries
``start``, ``end`` and ``text`` and the invariant ``doc.text[s.start:s.end] == s.text`` always
holds: spans are built through :meth:`Document.span_text`, never by slicing elsewhere.

``Document.to_dict()`` is exactly the object described in ``SCHEMA.md`` and
``Document.from_dict()`` reads it back; keys this version does not know are kept in ``extra``
so a round trip is lossless.

>>> doc = Document(text="Hello world.", id="d1")
>>> doc.add_block("paragraph", 0, 12, lang="en").text
'Hello world.'
>>> Document.from_dict(doc.to_dict()).to_dict() == doc.to_dict()
True
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Iterator

__all__ = [
    "Span",
    "Run",
    "Block",
    "Sentence",
    "Author",
    "Tweet",
    "Speaker",
    "Quote",
    "Alignment",
    "Document",
    "OffsetError",
    "BLOCK_KINDS",
    "trim_span",
    "trim_quote_markers",
]

BLOCK_KINDS = ("heading", "paragraph", "tweet", "caption", "byline", "source_link", "rule", "meta")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the white space at either end.

    >>> trim_span("  ab \\n", 0, 6)
    (2, 4)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def trim_quote_markers(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without Markdown blockquote markers (``> ``) at its start and empty ``>``
    lines at its end (embeds converted to Markdown arrive as blockquotes).

    >>> t = "> Quoted words.\\n> \\n>"
    >>> s, e = trim_quote_markers(t, 0, len(t)); t[s:e]
    'Quoted words.'
    """
    while start < end and text[start] == ">" and (start == 0 or text[start - 1] == "\n"):
        start = trim_span(text, start + 1, end)[0]
    while end > start and text[end - 1] == ">" and text[start:end - 1].rstrip(" \t").endswith("\n"):
        end = trim_span(text, start, end - 1)[1]
    return start, end


class OffsetError(ValueError):
    """A span does not point at the text it claims to hold."""


def _pop_known(data: dict, names: tuple[str, ...]) -> tuple[dict, dict]:
    known = {k: data[k] for k in names if k in data}
    extra = {k: v for k, v in data.items() if k not in names}
    return known, extra


@dataclass
class Span:
    """A bare ``[start, end)`` span with its text.

    >>> Span(0, 2, "ab").to_dict()
    {'start': 0, 'end': 2, 'text': 'ab'}
    """

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict | None) -> "Span | None":
        if data is None:
            return None
        return cls(data["start"], data["end"], data["text"])

    def __len__(self) -> int:
        return self.end - self.start


@dataclass
class Run:
    """A stretch of one script (and language) inside a sentence or block.

    >>> Run(0, 3, "قال", "ar", "Arab").to_dict()["script"]
    'Arab'
    """

    start: int
    end: int
    text: str
    lang: str
    script: str
    confidence: float | None = None
    #: number of words in the run (set by detection; not serialised)
    words: int | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict:
        out = {"start": self.start, "end": self.end, "text": self.text, "lang": self.lang, "script": self.script}
        if self.confidence is not None:
            out["confidence"] = self.confidence
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "Run":
        return cls(data["start"], data["end"], data["text"], data.get("lang", "und"),
                   data.get("script", "Zyyy"), data.get("confidence"))


@dataclass
class Block:
    """A paragraph-level unit: heading, paragraph, tweet, caption, byline, source_link, rule, meta.

    ``content_start``/``content_end`` mark the text inside Markdown markers (``# *Title*`` holds
    ``Title``); they equal ``start``/``end`` when there is no markup.
    """

    id: str
    kind: str
    start: int
    end: int
    text: str
    lang: str = "und"
    confidence: float | None = None
    content_start: int | None = None
    content_end: int | None = None
    runs: list[Run] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    _KEYS = ("id", "kind", "start", "end", "text", "lang", "confidence", "content", "runs")

    @property
    def content(self) -> tuple[int, int]:
        """The ``(start, end)`` of the block's text without Markdown markers."""
        return (self.start if self.content_start is None else self.content_start,
                self.end if self.content_end is None else self.content_end)

    def to_dict(self) -> dict:
        out = {"id": self.id, "kind": self.kind, "start": self.start, "end": self.end,
               "text": self.text, "lang": self.lang}
        if self.confidence is not None:
            out["confidence"] = self.confidence
        if self.content != (self.start, self.end):
            out["content"] = {"start": self.content[0], "end": self.content[1]}
        if self.runs:
            out["runs"] = [r.to_dict() for r in self.runs]
        out.update(self.extra)
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "Block":
        known, extra = _pop_known(data, cls._KEYS)
        content = known.get("content") or {}
        return cls(known["id"], known["kind"], known["start"], known["end"], known["text"],
                   known.get("lang", "und"), known.get("confidence"), content.get("start"),
                   content.get("end"), [Run.from_dict(r) for r in known.get("runs", [])], extra)


@dataclass
class Sentence:
    """A sentence (or a unit such as a tweet's attribution line) inside one block."""

    id: str
    block: str
    start: int
    end: int
    text: str
    lang: str = "und"
    confidence: float | None = None
    runs: list[Run] = field(default_factory=list)
    norm: str | None = None
    translit: str | None = None
    tokens: list[dict] | None = None
    extra: dict = field(default_factory=dict)

    _KEYS = ("id", "block", "start", "end", "text", "lang", "confidence", "runs", "norm", "translit", "tokens")

    def to_dict(self) -> dict:
        out = {"id": self.id, "block": self.block, "start": self.start, "end": self.end,
               "text": self.text, "lang": self.lang, "confidence": self.confidence,
               "runs": [r.to_dict() for r in self.runs]}
        if self.norm is not None:
            out["norm"] = self.norm
        if self.translit is not None:
            out["translit"] = self.translit
        if self.tokens is not None:
            out["tokens"] = self.tokens
        out.update(self.extra)
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "Sentence":
        known, extra = _pop_known(data, cls._KEYS)
        return cls(known["id"], known.get("block", ""), known["start"], known["end"], known["text"],
                   known.get("lang", "und"), known.get("confidence"),
                   [Run.from_dict(r) for r in known.get("runs") or []], known.get("norm"),
                   known.get("translit"), known.get("tokens"), extra)


@dataclass
class Author:
    """Who posted a tweet: display name exactly as written, and handle without ``@``."""

    name: str | None
    handle: str | None

    def to_dict(self) -> dict:
        return {"name": self.name, "handle": self.handle}


@dataclass
class Tweet:
    """An embedded tweet: its body span, author, date, entities and the attribution span."""

    id: str
    block: str
    start: int
    end: int
    text: str
    lang: str = "und"
    author: Author = field(default_factory=lambda: Author(None, None))
    date: str | None = None
    links: list[str] = field(default_factory=list)
    hashtags: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    attribution: Span | None = None
    extra: dict = field(default_factory=dict)

    _KEYS = ("id", "block", "start", "end", "text", "lang", "author", "date", "links", "hashtags",
             "mentions", "attribution")

    def to_dict(self) -> dict:
        out = {"id": self.id, "block": self.block, "start": self.start, "end": self.end,
               "text": self.text, "lang": self.lang, "author": self.author.to_dict(),
               "date": self.date, "links": list(self.links), "hashtags": list(self.hashtags),
               "mentions": list(self.mentions),
               "attribution": self.attribution.to_dict() if self.attribution else None}
        out.update(self.extra)
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "Tweet":
        known, extra = _pop_known(data, cls._KEYS)
        author = known.get("author") or {}
        return cls(known["id"], known.get("block", ""), known["start"], known["end"], known["text"],
                   known.get("lang", "und"), Author(author.get("name"), author.get("handle")),
                   known.get("date"), list(known.get("links") or []), list(known.get("hashtags") or []),
                   list(known.get("mentions") or []), Span.from_dict(known.get("attribution")), extra)


@dataclass
class Speaker:
    """Who said a quote: ``name`` is the fullest form found, ``mention`` what the text says there."""

    name: str
    mention: str | None = None
    start: int | None = None
    end: int | None = None
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        out = {"name": self.name, "mention": self.mention, "start": self.start, "end": self.end}
        if self.start is not None and self.mention is not None:
            out["text"] = self.mention
        out.update(self.extra)
        return out

    @classmethod
    def from_dict(cls, data: dict | None) -> "Speaker | None":
        if data is None:
            return None
        known, extra = _pop_known(data, ("name", "mention", "start", "end", "text"))
        return cls(known.get("name"), known.get("mention"), known.get("start"), known.get("end"), extra)


@dataclass
class Quote:
    """A span inside quotation marks (the content between the marks), with speaker and source."""

    id: str
    start: int
    end: int
    text: str
    lang: str = "und"
    kind: str = "direct"
    speaker: Speaker | None = None
    cue: str | None = None
    source: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)

    _KEYS = ("id", "start", "end", "text", "lang", "kind", "speaker", "cue", "source")

    def to_dict(self) -> dict:
        out = {"id": self.id, "start": self.start, "end": self.end, "text": self.text,
               "lang": self.lang, "kind": self.kind,
               "speaker": self.speaker.to_dict() if self.speaker else None,
               "cue": self.cue, "source": dict(self.source)}
        out.update(self.extra)
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "Quote":
        known, extra = _pop_known(data, cls._KEYS)
        return cls(known["id"], known["start"], known["end"], known["text"], known.get("lang", "und"),
                   known.get("kind", "direct"), Speaker.from_dict(known.get("speaker")),
                   known.get("cue"), dict(known.get("source") or {}), extra)


@dataclass
class Alignment:
    """A link from a tweet or quote (by id) to the span of text that renders or reports it."""

    id: str
    source_id: str
    to: dict
    relation: str
    score: float
    evidence: list[dict] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    _KEYS = ("id", "from", "to", "relation", "score", "evidence")

    def to_dict(self) -> dict:
        out = {"id": self.id, "from": self.source_id, "to": dict(self.to), "relation": self.relation,
               "score": self.score, "evidence": [dict(e) for e in self.evidence]}
        out.update(self.extra)
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "Alignment":
        known, extra = _pop_known(data, cls._KEYS)
        return cls(known["id"], known["from"], dict(known.get("to") or {}), known.get("relation", "report"),
                   known.get("score", 0.0), [dict(e) for e in known.get("evidence") or []], extra)


@dataclass
class Document:
    """One input document and everything the pipeline found in it.

    >>> doc = Document(text="قال Trump", id="x")
    >>> doc.span_text(0, 3)
    'قال'
    """

    text: str
    id: str | None = None
    meta: dict = field(default_factory=dict)
    lang: str = "und"
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tweets: list[Tweet] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    alignments: list[Alignment] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    #: reader hints (``[(start, end, kind), ...]``: blocks an HTML reader already knows); not serialised
    layout: list = field(default_factory=list, repr=False, compare=False)

    _KEYS = ("id", "meta", "lang", "text", "blocks", "sentences", "tweets", "quotes", "alignments", "errors")

    # -- building spans -------------------------------------------------------------------------
    def span_text(self, start: int, end: int) -> str:
        """The text of ``[start, end)``; raises :class:`OffsetError` when out of range."""
        if not (0 <= start <= end <= len(self.text)):
            raise OffsetError(f"span [{start}, {end}) outside document {self.id!r} of length {len(self.text)}")
        return self.text[start:end]

    def add_block(self, kind: str, start: int, end: int, lang: str = "und", **kw: Any) -> Block:
        """Append a block with the next id (``b0``, ``b1``...)."""
        if kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {kind!r}; expected one of {BLOCK_KINDS}")
        block = Block(f"b{len(self.blocks)}", kind, start, end, self.span_text(start, end), lang, **kw)
        self.blocks.append(block)
        return block

    def add_sentence(self, block: Block, start: int, end: int, **kw: Any) -> Sentence:
        """Append a sentence of ``block`` with the next id (``s0``...)."""
        if start < block.start or end > block.end:
            raise OffsetError(f"sentence [{start}, {end}) crosses block {block.id} [{block.start}, {block.end})")
        sent = Sentence(f"s{len(self.sentences)}", block.id, start, end, self.span_text(start, end), **kw)
        self.sentences.append(sent)
        return sent

    def add_tweet(self, block: Block, start: int, end: int, **kw: Any) -> Tweet:
        """Append a tweet with the next id (``t0``...)."""
        tweet = Tweet(f"t{len(self.tweets)}", block.id, start, end, self.span_text(start, end), **kw)
        self.tweets.append(tweet)
        return tweet

    def add_quote(self, start: int, end: int, **kw: Any) -> Quote:
        """Append a quote with the next id (``q0``...)."""
        quote = Quote(f"q{len(self.quotes)}", start, end, self.span_text(start, end), **kw)
        self.quotes.append(quote)
        return quote

    def add_alignment(self, source_id: str, start: int, end: int, relation: str, score: float,
                      evidence: list[dict] | None = None, sentence: str | None = None, **kw: Any) -> Alignment:
        """Append an alignment from a tweet/quote id to ``[start, end)`` (``a0``...)."""
        to = {"start": start, "end": end, "text": self.span_text(start, end), "sentence": sentence}
        align = Alignment(f"a{len(self.alignments)}", source_id, to, relation, score, evidence or [], **kw)
        self.alignments.append(align)
        return align

    def add_error(self, code: str, message: str, stage: str | None = None, severity: str = "error",
                  **kw: Any) -> dict:
        """Record a per-document problem; processing goes on.

        ``severity`` is ``"error"`` (the document counts as failed in a batch) or ``"warning"``.
        """
        err = {"code": code, "severity": severity, "message": message}
        if stage:
            err["stage"] = stage
        err.update(kw)
        self.errors.append(err)
        return err

    # -- lookups --------------------------------------------------------------------------------
    def block_by_id(self, block_id: str) -> Block | None:
        """The block with this id, or None."""
        index = self.__dict__.setdefault("_block_index", {})
        if len(index) != len(self.blocks):
            index.clear()
            index.update({b.id: b for b in self.blocks})
        return index.get(block_id)

    @property
    def failed(self) -> bool:
        """True when an error (not a warning) was recorded."""
        return any(e.get("severity", "error") == "error" for e in self.errors)

    def sentences_of(self, block: Block) -> list[Sentence]:
        """The sentences inside ``block``, in order."""
        return [s for s in self.sentences if s.block == block.id]

    def iter_spans(self) -> Iterator[tuple[str, int, int, str]]:
        """Every ``(where, start, end, text)`` the document holds, for checking offsets."""
        for b in self.blocks:
            yield (b.id, b.start, b.end, b.text)
            for r in b.runs:
                yield (f"{b.id}.run", r.start, r.end, r.text)
        for s in self.sentences:
            yield (s.id, s.start, s.end, s.text)
            for r in s.runs:
                yield (f"{s.id}.run", r.start, r.end, r.text)
        for t in self.tweets:
            yield (t.id, t.start, t.end, t.text)
            if t.attribution:
                yield (f"{t.id}.attribution", t.attribution.start, t.attribution.end, t.attribution.text)
        for q in self.quotes:
            yield (q.id, q.start, q.end, q.text)
            if q.speaker and q.speaker.start is not None:
                yield (f"{q.id}.speaker", q.speaker.start, q.speaker.end, q.speaker.mention)
        for a in self.alignments:
            if "start" in a.to:
                yield (a.id, a.to["start"], a.to["end"], a.to["text"])

    def check_offsets(self) -> None:
        """Raise :class:`OffsetError` for the first span whose text is not ``text[start:end]``.

        >>> Document(text="abc", id="d").check_offsets()
        """
        for where, start, end, text in self.iter_spans():
            if not (0 <= start <= end <= len(self.text)) or self.text[start:end] != text:
                raise OffsetError(f"{self.id}: {where} [{start}, {end}) does not hold {text!r}")

    # -- serialisation --------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """The SCHEMA.md object for this document."""
        out = {"id": self.id, "meta": dict(self.meta), "lang": self.lang, "text": self.text,
               "blocks": [b.to_dict() for b in self.blocks],
               "sentences": [s.to_dict() for s in self.sentences],
               "tweets": [t.to_dict() for t in self.tweets],
               "quotes": [q.to_dict() for q in self.quotes],
               "alignments": [a.to_dict() for a in self.alignments],
               "errors": [dict(e) for e in self.errors]}
        out.update(self.extra)
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "Document":
        """Read back what :meth:`to_dict` wrote (unknown keys are kept in ``extra``)."""
        known, extra = _pop_known(data, cls._KEYS)
        return cls(text=known.get("text", ""), id=known.get("id"), meta=dict(known.get("meta") or {}),
                   lang=known.get("lang", "und"),
                   blocks=[Block.from_dict(b) for b in known.get("blocks") or []],
                   sentences=[Sentence.from_dict(s) for s in known.get("sentences") or []],
                   tweets=[Tweet.from_dict(t) for t in known.get("tweets") or []],
                   quotes=[Quote.from_dict(q) for q in known.get("quotes") or []],
                   alignments=[Alignment.from_dict(a) for a in known.get("alignments") or []],
                   errors=[dict(e) for e in known.get("errors") or []], extra=extra)


# dataclass fields named _KEYS would become fields; make sure they are class constants only.
for _cls in (Block, Sentence, Tweet, Quote, Alignment, Document):
    assert "_KEYS" not in {f.name for f in fields(_cls)}
