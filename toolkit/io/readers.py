"""Readers: bytes on disk (or stdin) to :class:`Source` records, one per document.

* ``.txt`` / ``.md`` (and anything unknown that decodes as text): the text as decoded.
* ``.html`` / ``.htm``: main text only, see :mod:`toolkit.io.html`.
* ``.jsonl``: one record a line with ``id``, ``text`` and optional ``url``, ``outlet``,
  ``title``, ``date`` (those go to ``meta``).
* ``-``: standard input, read as one text document.

Encodings: UTF-8 with or without BOM; anything else is detected with charset-normalizer and the
encoding is recorded in ``meta["encoding"]``; bytes that are neither (binary files, undecodable
text) become a document with an ``errors`` entry naming the problem, never an exception that stops
a batch.

>>> src = decode_bytes(b"\\xef\\xbb\\xbfHello", "x.txt")
>>> (src.text, src.meta["encoding"])
('Hello', 'utf-8-sig')
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

__all__ = ["Source", "ReadError", "decode_bytes", "read_sources", "iter_input_paths", "SUFFIXES", "NOT_DOCUMENTS",
           "DEFAULT_MAX_BYTES"]

#: Suffixes a folder walk picks up (case-insensitive).
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
DEFAULT_MAX_BYTES = 200 * 1024 * 1024


class ReadError(ValueError):
    """A document could not be read; the message names it and says what to do."""


@dataclass
class Source:
    """One document as read: id, decoded text, metadata, reader hints and read problems."""

    id: str
    text: str
    meta: dict = field(default_factory=dict)
    layout: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    if b"\x00" in sample:
        # UTF-16/32 text has NULs too, but then it starts with a BOM
        return not sample.startswith((b"\xff\xfe", b"\xfe\xff"))
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes, name: str) -> Source:
    """Decode one document's bytes; problems are recorded in ``errors``, never raised.

    >>> decode_bytes(("قال الوزير إن المحادثات ستستمر في القاهرة. " * 3).encode("cp1256"), "old.txt").meta["encoding"]
    'cp1256'
    >>> decode_bytes(b"\\x00\\x01\\x02binary", "x.bin").errors[0]["code"]
    'binary'
    """
    stem = Path(name).stem if name != "-" else "stdin"
    meta = {"path": name}
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return Source(stem, data[3:].decode("utf-8"), {**meta, "encoding": "utf-8-sig"})
        except UnicodeDecodeError as exc:
            return Source(stem, "", meta, errors=[_err("invalid_utf8", name, f"starts with a UTF-8 BOM but "
                                                       f"byte {exc.start} is not UTF-8")])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Source(stem, data.decode("utf-16"), {**meta, "encoding": "utf-16"})
        except UnicodeDecodeError as exc:
            return Source(stem, "", meta, errors=[_err("invalid_utf16", name, str(exc))])
    if _looks_binary(data):
        return Source(stem, "", meta, errors=[_err(
            "binary", name, "looks like a binary file (NUL or control bytes), not text; "
                            "pass only text, Markdown, HTML or JSON Lines files")])
    try:
        return Source(stem, data.decode("utf-8"), {**meta, "encoding": "utf-8"})
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    mostly = _mostly_utf8(data)
    if mostly is not None:
        text, bad = mostly
        return Source(stem, text, {**meta, "encoding": "utf-8"}, errors=[_err(
            "invalid_utf8", name, f"{bad} invalid UTF-8 byte sequence(s) (first at byte {first_bad}, e.g. a "
                                  "file cut mid-character) replaced with U+FFFD", severity="warning")])
    guess = _detect_encoding(data)
    if guess is None:
        return Source(stem, "", meta, errors=[_err(
            "undecodable", name, f"is not UTF-8 (first bad byte at offset {first_bad}) and no other "
                                 "encoding fits; convert it to UTF-8 (e.g. iconv -f cp1256 -t utf-8)")])
    encoding, text = guess
    meta.update({"encoding": encoding})
    return Source(stem, text, meta, errors=[_err(
        "not_utf8", name, f"decoded as {encoding} (detected; not UTF-8)", severity="warning")])


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 text with a few broken sequences (a truncated file, a stray byte): decoded with
    U+FFFD for each bad sequence, when they are rare; None when the bytes are not UTF-8 at all."""
    bad = 0

    def count(exc: UnicodeDecodeError):
        nonlocal bad
        bad += 1
        return "\ufffd", exc.end

    import codecs
    codecs.register_error("toolkit-count", count)
    text = data.decode("utf-8", errors="toolkit-count")
    return (text, bad) if bad <= max(3, len(data) // 2000) else None


def _detect_encoding(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(data[: 4 * 1024 * 1024]).best()
    if best is None:
        return None
    encoding = best.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if text and sum(1 for c in text[:20000] if c == "\ufffd") > 0:
        return None
    return _canonical_encoding(encoding), text


def _canonical_encoding(name: str) -> str:
    import codecs
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _err(code: str, name: str, message: str, severity: str = "error") -> dict:
    return {"code": code, "severity": severity, "message": f"{name}: {message}", "stage": "read"}


def _read_jsonl(data: bytes, name: str) -> Iterator[Source]:
    whole = decode_bytes(data, name)
    if whole.errors and not whole.text:
        yield whole
        return
    seen: dict[str, int] = {}
    for number, line in enumerate(whole.text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Source(f"{Path(name).stem}:{number}", "", {"path": where},
                         errors=[_err("bad_json", where, f"line is not valid JSON ({exc.msg} at column "
                                                         f"{exc.colno}); each line must be one JSON object")])
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Source(f"{Path(name).stem}:{number}", "", {"path": where},
                         errors=[_err("bad_record", where, 'record needs a string "text" field '
                                                           '(and ideally an "id")')])
            continue
        doc_id = str(record.get("id") or f"{Path(name).stem}:{number}")
        if doc_id in seen:
            doc_id = f"{doc_id}#{number}"
        seen[doc_id] = number
        meta = {"path": where}
        for key in ("url", "outlet", "title", "date", "country"):
            if record.get(key) is not None:
                meta[key] = record[key]
        yield Source(doc_id, record["text"], meta)


def read_sources(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES,
                 stdin: Iterable[bytes] | None = None) -> Iterator[Source]:
    """Read one path (or ``-``) into one or more :class:`Source` records.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "a.txt")
    >>> _ = open(p, "w", encoding="utf-8").write("Hi")
    >>> [s.text for s in read_sources(p)]
    ['Hi']
    """
    name = str(path)
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read() if hasattr(stream, "read") else b"".join(stream)
        yield decode_bytes(data, "-")
        return
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            yield Source(p.stem, "", {"path": name}, errors=[_err(
                "too_large", name, f"is {size / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:.0f} MB; "
                                   "split it, or raise the limit with --max-bytes")])
            return
        data = p.read_bytes()
    except OSError as exc:
        yield Source(p.stem, "", {"path": name}, errors=[_err("unreadable", name, f"cannot be read: {exc.strerror}")])
        return
    suffix = p.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(data, name)
        return
    source = decode_bytes(data, name)
    if suffix in (".html", ".htm") and source.text:
        from .html import extract_html
        extracted = extract_html(source.text)
        source.text = extracted.text
        source.layout = extracted.layout
        source.meta.update({k: v for k, v in extracted.meta.items() if v})
        source.meta["format"] = "html"
        source.errors.extend(_err(code, name, msg, severity="warning") for code, msg in extracted.warnings)
    elif suffix in (".md", ".markdown"):
        source.meta["format"] = "markdown"
    return_source = source
    yield return_source


#: File names (before the first dot, any case) that a folder walk skips: a corpus folder's
#: documentation, not one of its articles.
NOT_DOCUMENTS = frozenset({"readme", "license", "licence", "copying", "changelog", "notice", "authors",
                           "contributing"})


def iter_input_paths(paths: Iterable[str | Path]) -> Iterator[str]:
    """Expand files, folders (recursively, sorted) and ``-`` into the files to read.

    Hidden files and folders are skipped; inside folders only known suffixes are read, and a
    folder's own paperwork (README, LICENSE, CHANGELOG... see :data:`NOT_DOCUMENTS`) is not taken
    for an article; a file named explicitly is always read.
    """
    for path in paths:
        name = str(path)
        if name == "-":
            yield name
            continue
        p = Path(path)
        if p.is_dir():
            found = [f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                     and not any(part.startswith(".") for part in f.relative_to(p).parts)
                     and f.name.split(".")[0].casefold() not in NOT_DOCUMENTS]
            for f in sorted(found, key=lambda f: f.as_posix()):
                yield str(f)
        elif p.exists():
            yield name
        else:
            raise ReadError(f"{name}: no such file or folder")
