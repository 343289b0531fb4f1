"""Blocks: split a document into headings, paragraphs, tweets, captions, bylines, source links,
rules and page furniture (``meta``), and lift document metadata (date, author, URL, outlet, title)
out of them into ``doc.meta``.

Articles arrive with blank lines between paragraphs, with one paragraph a line, or hard-wrapped at
a fixed width; a hard-wrapped paragraph is one block. A flattened tweet's attribution line
(``— Name (@handle) Date``) joins the body line(s) above it into one ``tweet`` block.

>>> from toolkit.document import Document
>>> doc = Document(text="# Title\\n\\nFirst para.\\n\\n---\\n\\n<https://x.org/a>", id="d")
>>> split_blocks(doc, None)
>>> [(b.kind, b.text) for b in doc.blocks]
[('heading', '# Title'), ('paragraph', 'First para.'), ('rule', '---'), ('source_link', '<https://x.org/a>')]
>>> doc.meta["url"]
'https://x.org/a'
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .. import resources
from ..document import Document, trim_span
from ..pipeline import stage
from ..tweets import OLD_STYLE, find_attributions, match_date

__all__ = ["split_blocks", "classify_block", "paragraph_spans"]

#: Markdown blockquote marker at the start of a line ("> text"); a line of only ">" is a blank line.
_QUOTE_MARKER = regex.compile(r"^[ \t]*>[ \t]?")
_RULE = regex.compile(r"^\s*([-*_=#])(?:\s*\1){2,}\s*$")      # ---, * * *, ===, and a press release's ###
_HEADING = regex.compile(r"^(#{1,6})\s+")
_URL = regex.compile(r"^<?(https?://\S+?|www\.\S+?)>?$")
_BARE_URL = regex.compile(r"https?://[^\s<>]+")
_TIMESTAMP = regex.compile(r"^(?:\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?"
                           r"|\d{1,2}[:.]\d{2}(?:\s*(?:GMT|UTC|[AaPp]\.?[Mm]\.?))?)$")   # a live page's "14:05"
_FOOTNOTE = regex.compile(r"^\s*\[\^[\w-]+\]:\s*\S")
_LINKS_ONLY = regex.compile(r"^(?:\[[^\]\n]+\]\([^)\s]+\)[\s·|•/,\-–—]*)+$")
_HASHTAG_LINE = regex.compile(r"^(?:#[\p{L}\p{N}_]+\s*)+$")
_BYLINE_DATE = regex.compile(r"^date\s+(\d{4}-\d{2}-\d{2})\b\s*(?:By\s+(.+))?$", regex.I)
_PARENS = regex.compile(r"^\([^()\n]{1,80}\)$")
_LIST_ITEM = regex.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_TERMINAL = regex.compile(r"[.!?؟…:\"”’»)]\W*$")
_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*")

#: Lines longer than this are not hard-wrapped: each is a paragraph of its own.
WRAP_WIDTH = 110


@dataclass(frozen=True)
class _Cues:
    byline_prefixes: tuple
    caption_prefixes: tuple
    breadcrumb_roots: tuple
    boilerplate: object
    caption: object
    author_note: object = None       # "Karim Abdelnour writes about …": an author's note, a byline


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    byline, caption, roots, boiler, caption_patterns, notes = [], [], [], [], [], []
    for lang in resources.available_languages():
        if not resources.has_resource(lang, "blocks.json"):
            continue
        data = resources.read_json(lang, "blocks.json")
        byline += data.get("byline_prefixes", [])
        caption += data.get("caption_prefixes", [])
        roots += data.get("breadcrumb_roots", [])
        boiler += data.get("boilerplate", [])
        caption_patterns += data.get("caption_patterns", [])
        notes += data.get("byline_patterns", [])
    credit = regex.compile("|".join(f"(?:{c})" for c in caption_patterns), regex.I) if caption_patterns else None
    pattern = regex.compile(r"^(?:" + "|".join(f"(?:{b})" for b in boiler) + r")\W*$", regex.I) if boiler else None
    note = regex.compile(r"^(?:" + "|".join(f"(?:{n})" for n in notes) + r")") if notes else None
    return _Cues(tuple(p.casefold() for p in byline), tuple(p.casefold() for p in caption), tuple(roots), pattern, credit,
                 note)


# -- splitting ----------------------------------------------------------------------------------

def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each line in text[start:end], without the newline."""
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


def _is_structural(line: str) -> bool:
    return bool(_HEADING.match(line) or _RULE.match(line) or _LIST_ITEM.match(line) or _URL.match(line.strip()))


def _is_attribution_line(line: str) -> bool:
    stripped = _QUOTE_MARKER.sub("", line).strip()
    if not stripped:
        return False
    found = find_attributions(stripped)
    return bool(found) and found[0].start == 0 and found[0].has_dash


def _group_lines(lines: list[tuple[int, int]], text: str) -> list[list[tuple[int, int]]]:
    """Split a run of non-blank lines into paragraphs (one a line, or hard-wrapped)."""
    if len(lines) == 1:
        return [lines]
    width = max(e - s for s, e in lines)
    groups: list[list[tuple[int, int]]] = [[lines[0]]]
    for prev, cur in zip(lines, lines[1:]):
        prev_text, cur_text = text[prev[0]:prev[1]], text[cur[0]:cur[1]]
        wrapped = (
            width <= WRAP_WIDTH
            and (prev[1] - prev[0]) >= 0.55 * width
            and not _is_structural(prev_text) and not _is_structural(cur_text)
            and not _is_attribution_line(cur_text) and not _is_attribution_line(prev_text)
            and not (_TERMINAL.search(prev_text) and (prev[1] - prev[0]) < 0.8 * width)
        )
        if wrapped:
            groups[-1].append(cur)
        else:
            groups.append([cur])
    return groups


def _without_links(text: str) -> str:
    return _BARE_URL.sub(" ", regex.sub(r"pic\.twitter\.com/\w+", " ", text)).strip()


def _link_free_words(text: str) -> int:
    return len(_WORD.findall(_without_links(text)))


def _is_lead_in(line: str) -> bool:
    """A line that only introduces links ("FOLLOW OUR LIVE BLOG: https://...") is not a tweet body
    on its own."""
    rest = _without_links(line)
    return rest.endswith((":", "：")) or len(_WORD.findall(rest)) < 3


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph-level block of a plain or Markdown-ish text.

    >>> paragraph_spans("One\\nline.\\n\\nTwo.")
    [(0, 9), (11, 15)]
    """
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for s, e in _lines(text, 0, len(text)) + [(len(text), len(text))]:
        if text[s:e].strip() and text[s:e].strip() != ">":
            run.append((s, e))
            continue
        if run:
            spans.extend((g[0][0], g[-1][1]) for g in _group_lines(run, text))
            run = []
    # trim surrounding whitespace of each span
    trimmed = [span for span in (trim_span(text, s, e) for s, e in spans) if span[1] > span[0]]
    return _split_after_glued_dates(text, _merge_tweet_attributions(text, trimmed))


def _split_after_glued_dates(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``... (@handle) May 6, 2024The association said ...``: the tweet ends at its date and the
    prose glued to it starts a block of its own."""
    out = []
    for s, e in spans:
        pos = s
        for a in find_attributions(text[s:e]):
            if a.date is None:
                continue
            cut = s + a.end
            rest = text[cut:e]
            line_rest = rest.split("\n", 1)[0]
            if len(_WORD.findall(line_rest)) >= 4 and not line_rest[:1].isspace() and line_rest[:1].isupper():
                out.append((pos, cut))
                pos = cut
        out.append((pos, e))
    return out


def _merge_tweet_attributions(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An attribution line standing alone joins the body above it into one tweet block; when that
    body line is only a short lead-in to links ("FOLLOW OUR LIVE BLOG: https://..."), the line
    above it belongs to the tweet too."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        chunk = text[s:e]
        if out and _is_attribution_line(chunk.split("\n", 1)[0]) and "\n" not in chunk.strip():
            body_start, _ = out[-1]
            out[-1] = (body_start, e)
            body_first_line = text[body_start:text.find("\n", body_start, e) if "\n" in text[body_start:e] else e]
            if len(out) >= 2 and _is_lead_in(body_first_line) and \
                    not find_attributions(text[out[-2][0]:out[-2][1]]) and \
                    _link_free_words(text[out[-2][0]:out[-2][1]]) < 80:
                prev_start, _ = out[-2]
                out[-2:] = [(prev_start, e)]
            continue
        out.append((s, e))
    return out


# -- classifying --------------------------------------------------------------------------------

def _content_span(text: str, s: int, e: int) -> tuple[int, int]:
    """The block's text without Markdown markers: ``# *Title*`` -> ``Title``."""
    m = _HEADING.match(text[s:e]) or _QUOTE_MARKER.match(text[s:e])
    if m:
        s += m.end()
    changed = True
    while changed and e - s >= 2:
        changed = False
        for mark in ("**", "__", "*", "_"):
            n = len(mark)
            if text.startswith(mark, s) and text[e - n:e] == mark and e - s > 2 * n \
                    and not text[s + n].isspace():
                s, e = s + n, e - n
                changed = True
                break
    if e - s >= 2 and text[s] == "<" and text[e - 1] == ">" and _URL.match(text[s:e]):
        s, e = s + 1, e - 1
    return s, e


def _is_emphasised(raw: str) -> bool:
    return (raw.startswith("**") and raw.endswith("**")) or (raw.startswith("*") and raw.endswith("*")) \
        or (raw.startswith("__") and raw.endswith("__"))


def _title_like(content: str) -> bool:
    words = _WORD.findall(content)
    if not (3 <= len(words) <= 25) or "\n" in content or regex.search(r"[.!?؟]\W*$", content):
        return False
    cased = [w for w in words if len(w) > 3 and w[0].isalpha() and (w[0].isupper() or w[0].islower())]
    if not cased:
        return False
    return sum(1 for w in cased if w[0].isupper()) / len(cased) >= 0.75


def classify_block(text: str, s: int, e: int, index: int, count: int, hint: str | None = None,
                   first_prose: bool = False) -> str:
    """The kind of the block ``text[s:e]`` (``index`` of ``count`` blocks; ``hint`` from a reader;
    ``first_prose``: no heading or paragraph came before it, only page furniture).

    >>> classify_block("Home » World » Talks", 0, 20, 0, 5)
    'meta'
    """
    raw = text[s:e]
    cs, ce = _content_span(text, s, e)
    content = text[cs:ce].strip()
    cues = _cues()
    folded = content.casefold()
    if hint == "tweet" or find_attributions(raw) or OLD_STYLE.match(raw):
        return "tweet"
    if hint in ("heading", "caption", "rule", "byline"):
        return hint
    if _RULE.match(raw):
        return "rule"
    if _HEADING.match(raw):
        return "heading"
    if _URL.match(content):
        return "source_link"
    if cues.boilerplate is not None and cues.boilerplate.match(content):
        return "meta"
    if _LINKS_ONLY.match(content):
        return "meta"                    # "[More analysis](…) · [Subscribe](…)": a row of links
    if content.strip() and all(_FOOTNOTE.match(line) for line in content.split("\n") if line.strip()):
        return "source_link"             # "[^1]: Author, column in Al-Rawabi, 3 May 2026": the sources
    if "»" in content and any(content.startswith(root) for root in cues.breadcrumb_roots) or content.count(" » ") >= 2:
        return "meta"
    lines = [line.strip() for line in content.split("\n") if line.strip()]
    if lines and all(_HASHTAG_LINE.match(line) or _TIMESTAMP.match(line) for line in lines):
        return "meta"
    if _BYLINE_DATE.match(content) or _byline_prefixed(content, folded, cues.byline_prefixes):
        return "byline"
    if cues.author_note is not None and len(content) <= 200 and cues.author_note.match(content.strip("*_ ")):
        return "byline"                  # "جدة – فريق التحرير", "Rana Odeh writes about energy …"
    if any(folded.startswith(p) for p in cues.caption_prefixes) or (cues.caption and cues.caption.search(content)):
        return "caption"
    words = _WORD.findall(content)
    if _PARENS.match(content) and len(words) <= 6:
        return "byline"
    if _is_emphasised(raw.lstrip("# ")) and not _HEADING.match(raw):
        return "caption" if len(words) >= 6 else "byline"
    if hint == "paragraph":
        return "paragraph"
    if count > 1 and (index <= 2 and _title_like(content) or first_prose and _headline_like(content)):
        return "heading"
    if index == count - 1 and count > 2 and _signature_like(content):
        return "byline"
    return "paragraph"


def _byline_prefixed(content: str, folded: str, prefixes) -> bool:
    """``By Staff Writer``, ``Source: Reuters``, ``بقلم هيئة التحرير``: a byline cue, a name after it
    (never a lower-case word: "By eight in the morning, stalls had spread ..." is prose), and short.

    >>> _byline_prefixed("By Rana Haddad", "by rana haddad", ["by "])
    True
    >>> _byline_prefixed("By noon the square was full.", "by noon the square was full.", ["by "])
    False
    >>> _byline_prefixed("(Reporting by Rana Haddad; Editing by Tom Ash)", "(reporting by rana haddad; editing by tom ash)",
    ...                  ["reporting by"])
    True
    """
    if content.startswith("(") and content.endswith(")"):      # a wire credit: "(Reporting by …; Editing by …)"
        content, folded = content[1:-1].strip(), folded[1:-1].strip()
    for prefix in prefixes:
        if folded.startswith(prefix):
            rest = content[len(prefix):].lstrip(" :")
            first = rest[:1]
            if first and first.islower() and not regex.match(r"[\w.]+\s*(?:[-–|]\s|$)", rest):
                return False             # prose, not "By admin - April 18, 2026" (a site's user name)
            return len(_WORD.findall(content)) <= 20
    return False


def _headline_like(content: str) -> bool:
    """The first block of an article, one short line with no sentence-final stop: its headline."""
    words = _WORD.findall(content)
    return "\n" not in content and 2 <= len(words) <= 20 and not regex.search(r"[.!?؟…:]\W*$", content)


def _signature_like(content: str) -> bool:
    """A last line of a few capitalised words: the outlet's or author's signature."""
    words = _WORD.findall(content)
    return "\n" not in content and 1 <= len(words) <= 4 and all(w[0].isupper() for w in words) \
        and not regex.search(r"[.!?؟]\W*$", content)


_FURNITURE = ("meta", "byline", "source_link", "rule")


def _signatures_before_furniture(doc: Document) -> None:
    """A signature line (a few capitalised words, ``Palestine Daily Digest``) that only page
    furniture follows (tags, a timestamp, "Leave a Comment", a source line) is a byline, as a
    signature on the very last line is: the prose is over (and a "heading" with nothing under it heads
    nothing)."""
    blocks = doc.blocks
    for k, block in enumerate(blocks):
        if block.kind not in ("paragraph", "heading") or k == 0 or k == len(blocks) - 1:   # nothing follows a heading
            continue
        if not all(b.kind in _FURNITURE for b in blocks[k + 1:]) or blocks[k - 1].kind not in _FURNITURE:
            continue
        cs, ce = block.content
        if _signature_like(doc.text[cs:ce].strip()):
            block.kind = "byline"


def _emphasised_prose(doc: Document) -> None:
    """An emphasised block is a photo caption where captions stand: under an image placeholder or a
    rule, or with a photo credit. Elsewhere it is prose set in bold or italics: a standfirst under the
    headline (``*Marine biologist X on why ...*``), an interviewer's question (``**Q: ...?**``)."""
    cues = _cues()
    for k, block in enumerate(doc.blocks):
        if block.kind not in ("caption", "byline") or not _is_emphasised(block.text.lstrip("# ")):
            continue
        cs, ce = block.content
        content = doc.text[cs:ce].strip()
        question = content.rstrip("*_ ").endswith(("?", "؟")) or regex.match(r"(?:Q|س)\s*[:.]", content)
        if cues.author_note is not None and cues.author_note.match(content.strip("*_ ")):
            block.kind = "byline"            # "*Karim Abdelnour writes about energy … *": the author's note
            continue
        if block.kind == "byline":
            if question:
                block.kind = "paragraph"     # a short question in bold is the interviewer's, not a signature
            elif block.text.startswith(("**", "__")) and 0 < k < len(doc.blocks) - 1 \
                    and doc.blocks[k - 1].kind in ("paragraph", "heading", "caption") \
                    and doc.blocks[k + 1].kind == "paragraph" and not regex.search(r"[.!:;]\W*$", content):
                block.kind = "heading"       # "**The energy problem**" between paragraphs: a subheading
            continue
        credited = bool(cues.caption and cues.caption.search(content)) or \
            any(content.casefold().startswith(p) for p in cues.caption_prefixes)
        after_image = k > 0 and doc.blocks[k - 1].kind in ("meta", "rule")
        if question or not (credited or after_image):
            block.kind = "paragraph"


def _section_headings(doc: Document) -> None:
    """A short title-like line between paragraphs, over a longer paragraph, heads a section
    (``About Qalam Heritage Foundation`` in a press release)."""
    blocks = doc.blocks
    for k in range(1, len(blocks) - 1):
        block, before, after = blocks[k], blocks[k - 1], blocks[k + 1]
        if block.kind != "paragraph" or before.kind not in ("paragraph", "tweet") or after.kind != "paragraph":
            continue
        cs, ce = block.content
        content = doc.text[cs:ce].strip()
        words = _WORD.findall(content)
        # a short line in capitals ("Egypt", "Arab League", "What happens next") heads the section below it
        short = 1 <= len(words) <= 4 and words[0][:1].isupper() and "\n" not in content \
            and not regex.search(r"[.!?؟:;,]\W*$", content)
        if len(words) <= 8 and (_title_like(content) or short) \
                and len(_WORD.findall(doc.text[after.start:after.end])) >= 20:
            block.kind = "heading"


def _lift_meta(doc: Document, kind: str, content: str) -> None:
    meta = doc.meta
    if kind == "byline":
        m = _BYLINE_DATE.match(content)
        if m:
            meta.setdefault("date", m.group(1))
            if m.group(2):
                meta.setdefault("author", m.group(2).strip())
        elif content[:3].casefold() == "by ":
            meta.setdefault("author", content[3:].strip())
    elif kind == "source_link":
        meta.setdefault("url", content.strip("<> "))
    elif kind == "heading":
        meta.setdefault("title", content)
    elif kind == "meta":
        for line in content.split("\n"):
            if _TIMESTAMP.match(line.strip()):
                meta.setdefault("date", line.strip()[:10])


@stage("blocks")
def split_blocks(doc: Document, config) -> None:
    """Stage ``blocks``: fill ``doc.blocks`` and lift metadata into ``doc.meta``."""
    if doc.blocks:
        return
    text = doc.text
    if doc.layout:
        spans = [(s, e, kind) for s, e, kind in doc.layout]
    else:
        spans = [(s, e, None) for s, e in paragraph_spans(text)]
    count = len(spans)
    first_prose = True
    for index, (s, e, hint) in enumerate(spans):
        kind = classify_block(text, s, e, index, count, hint, first_prose)
        if kind in ("heading", "paragraph", "tweet", "caption"):
            first_prose = False
        cs, ce = _content_span(text, s, e) if kind != "tweet" else (s, e)
        block = doc.add_block(kind, s, e, content_start=cs, content_end=ce)
        _lift_meta(doc, kind, text[cs:ce].strip())
    _signatures_before_furniture(doc)
    _emphasised_prose(doc)
    _section_headings(doc)
    # a short emphasised signature at the very end names the outlet (**Radio Example**)
    if doc.blocks and doc.blocks[-1].kind == "byline" and _is_emphasised(doc.blocks[-1].text):
        cs, ce = doc.blocks[-1].content
        doc.meta.setdefault("outlet", text[cs:ce].strip())
    if not text.strip():
        doc.add_error("empty", f"{doc.id}: the document is empty (no text to process)", stage="blocks",
                      severity="warning")
