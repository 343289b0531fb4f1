"""Writers: documents to JSON Lines, one JSON array, or flat CSV tables.

Output goes to a temporary file beside the target and is renamed into place when the run ends,
so an interrupted run never leaves a half-written line (the old file, if any, stays).

>>> import io
>>> from toolkit.document import Document
>>> buf = io.StringIO()
>>> w = JsonLinesWriter(buf); w.write(Document(text="x", id="d").to_dict()); w.close()
>>> buf.getvalue().startswith('{"id": "d"')
True
"""
from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

__all__ = ["JsonLinesWriter", "JsonArrayWriter", "CsvTableWriter", "TABLES", "table_rows", "atomic_output",
           "make_writer"]


def dumps(obj) -> str:
    """One line of JSON: UTF-8 text kept readable, key order as built (deterministic)."""
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


class JsonLinesWriter:
    """One JSON object a line."""

    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, doc: dict) -> None:
        self.stream.write(dumps(doc) + "\n")

    def close(self) -> None:
        self.stream.flush()


class JsonArrayWriter:
    """One JSON array holding every document (streams; never holds the corpus in memory)."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.count = 0
        self.stream.write("[")

    def write(self, doc: dict) -> None:
        self.stream.write(("\n" if not self.count else ",\n") + dumps(doc))
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n]\n" if self.count else "]\n")
        self.stream.flush()


def _join(items) -> str:
    return " ".join(str(i) for i in items or [])


def _quote_rows(doc: dict) -> Iterator[dict]:
    meta = doc.get("meta") or {}
    tweets = {t["id"]: t for t in doc.get("tweets") or []}
    for q in doc.get("quotes") or []:
        speaker = q.get("speaker") or {}
        source = q.get("source") or {}
        tweet = tweets.get(source.get("tweet") or "") or {}
        yield {"doc": doc.get("id"), "id": q["id"], "type": "quote", "text": q["text"], "lang": q.get("lang"),
               "kind": q.get("kind"), "speaker": speaker.get("name"), "mention": speaker.get("mention"),
               "cue": q.get("cue"), "channel": source.get("channel"), "outlet": source.get("outlet") or meta.get("outlet"),
               "tweet": source.get("tweet"), "handle": (tweet.get("author") or {}).get("handle"),
               "date": tweet.get("date") or meta.get("date"), "url": meta.get("url"),
               "start": q["start"], "end": q["end"]}
    for t in doc.get("tweets") or []:
        author = t.get("author") or {}
        yield {"doc": doc.get("id"), "id": t["id"], "type": "tweet", "text": t["text"], "lang": t.get("lang"),
               "kind": "tweet", "speaker": author.get("name"), "mention": None, "cue": None,
               "channel": "Twitter", "outlet": meta.get("outlet"), "tweet": t["id"],
               "handle": author.get("handle"), "date": t.get("date"),
               "url": _join(t.get("links")) or meta.get("url"), "start": t["start"], "end": t["end"]}


def _tweet_rows(doc: dict) -> Iterator[dict]:
    for t in doc.get("tweets") or []:
        author = t.get("author") or {}
        attribution = t.get("attribution") or {}
        yield {"doc": doc.get("id"), "id": t["id"], "author": author.get("name"), "handle": author.get("handle"),
               "date": t.get("date"), "lang": t.get("lang"), "text": t["text"], "links": _join(t.get("links")),
               "hashtags": _join(t.get("hashtags")), "mentions": _join(t.get("mentions")),
               "attribution": attribution.get("text"), "doc_url": (doc.get("meta") or {}).get("url"),
               "start": t["start"], "end": t["end"]}


def _sentence_rows(doc: dict) -> Iterator[dict]:
    for s in doc.get("sentences") or []:
        yield {"doc": doc.get("id"), "id": s["id"], "block": s.get("block"), "lang": s.get("lang"),
               "confidence": s.get("confidence"), "text": s["text"], "norm": s.get("norm"),
               "translit": s.get("translit"), "start": s["start"], "end": s["end"]}


def _alignment_rows(doc: dict) -> Iterator[dict]:
    texts = {o["id"]: o for key in ("tweets", "quotes", "sentences") for o in doc.get(key) or []}
    for a in doc.get("alignments") or []:
        source = texts.get(a.get("from")) or {}
        to = a.get("to") or {}
        evidence = "; ".join(
            f"{e.get('kind')}: {e['from']} = {e['to']}" if "from" in e else f"{e.get('kind')}: {e.get('value')}"
            for e in a.get("evidence") or [])
        yield {"doc": doc.get("id"), "id": a["id"], "from": a.get("from"), "from_lang": source.get("lang"),
               "from_text": source.get("text"), "to_sentence": to.get("sentence"), "to_text": to.get("text"),
               "relation": a.get("relation"), "score": a.get("score"), "evidence": evidence,
               "from_start": source.get("start"), "from_end": source.get("end"),
               "to_start": to.get("start"), "to_end": to.get("end")}


#: table name -> (columns, row function)
TABLES = {
    "quotes": (["doc", "id", "type", "text", "lang", "kind", "speaker", "mention", "cue", "channel", "outlet",
                "tweet", "handle", "date", "url", "start", "end"], _quote_rows),
    "tweets": (["doc", "id", "author", "handle", "date", "lang", "text", "links", "hashtags", "mentions",
                "attribution", "doc_url", "start", "end"], _tweet_rows),
    "sentences": (["doc", "id", "block", "lang", "confidence", "text", "norm", "translit", "start", "end"],
                  _sentence_rows),
    "alignments": (["doc", "id", "from", "from_lang", "from_text", "to_sentence", "to_text", "relation", "score",
                    "evidence", "from_start", "from_end", "to_start", "to_end"], _alignment_rows),
}


def table_rows(doc: dict, table: str) -> list[dict]:
    """The flat rows of one table for one document dict.

    >>> table_rows({"id": "d", "sentences": [{"id": "s0", "text": "Hi.", "start": 0, "end": 3}]}, "sentences")[0]["text"]
    'Hi.'
    """
    return list(TABLES[table][1](doc))


class CsvTableWriter:
    """One flat CSV row per item of ``table`` (quotes, tweets, sentences, alignments)."""

    def __init__(self, stream: IO[str], table: str):
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
        self.columns, self.rows = TABLES[table]
        self.writer = csv.DictWriter(stream, fieldnames=self.columns, extrasaction="ignore")
        self.writer.writeheader()
        self.stream = stream

    def write(self, doc: dict) -> None:
        for row in self.rows(doc):
            self.writer.writerow(row)

    def close(self) -> None:
        self.stream.flush()


def make_writer(stream: IO[str], fmt: str, table: str | None = None):
    """The writer for ``--format`` (and ``--table`` for CSV)."""
    if fmt == "jsonl":
        return JsonLinesWriter(stream)
    if fmt == "json":
        return JsonArrayWriter(stream)
    if fmt == "csv":
        return CsvTableWriter(stream, table or "quotes")
    raise ValueError(f"unknown format {fmt!r}; choose jsonl, json or csv")


@contextmanager
def atomic_output(path: str | None, newline: str | None = None) -> Iterator[IO[str]]:
    """A text stream that becomes ``path`` only when the block finishes without an exception.

    ``None`` or ``-`` writes to standard output.
    """
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
