"""HTML to main text, with the layout the blocks stage needs.

Uses the standard library's tolerant ``html.parser`` (it never executes anything and copes with
broken markup). Scripts, styles, navigation, headers, footers, asides and forms are dropped.
When the page has an ``<article>`` or ``<main>``, only that is kept. Each block element becomes one
block; blocks are joined by a blank line; whitespace inside a block collapses to one space; ``<br>``
becomes a newline. A ``<blockquote class="twitter-tweet">`` becomes one block in the same flattened
form the text readers see: ``BODY — Name (@handle) Month D, YYYY``.

>>> r = extract_html('<h1>Title</h1><p>One <b>two</b></p><script>x()</script>')
>>> r.text
'Title\\n\\nOne two'
>>> r.layout
[(0, 5, 'heading'), (7, 14, 'paragraph')]
>>> extract_html('<p>wrapped\\nin the source<br>new line</p>').text
'wrapped in the source\\nnew line'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["extract_html", "Extracted"]

_DROP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg",
         "iframe", "button", "select", "textarea", "head", "menu", "dialog", "object", "canvas"}
_BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "div",
          "section", "article", "main", "dd", "dt", "td", "th", "tr", "table", "ul", "ol", "figure",
          "address", "body", "hr", "caption", "summary", "details", "center"}
_KIND = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
         "h6": "heading", "figcaption": "caption", "caption": "caption", "address": "byline",
         "hr": "rule"}
#: words in a class or id that mark page furniture inside an article ("share-bar", "related-articles",
#: "post-tags", "newsletter-signup"): dropped with everything inside
_FURNITURE_WORDS = {"share", "sharing", "social", "related", "tags", "tag-list", "breadcrumb", "breadcrumbs",
                    "newsletter", "subscribe", "subscription", "comments", "advert", "advertisement", "ad", "ads",
                    "promo", "sidebar", "cookie", "cookies", "paywall", "recommended", "more-stories", "read-more"}
def _is_furniture(attrs: dict) -> bool:
    """Whether an element's class or id names page furniture (``class="share-bar"``).

    >>> _is_furniture({"class": "share-bar"}), _is_furniture({"id": "related-articles"})
    (True, True)
    >>> _is_furniture({"class": "article-body"}), _is_furniture({"class": "twitter-tweet"})
    (False, False)
    """
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".casefold()
    words = set(re.split(r"[\s_\-]+", names)) | set(names.split())
    return bool(words & _FURNITURE_WORDS)


_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
_NEWLINES = re.compile(r"[\r\n]+")


@dataclass
class Extracted:
    text: str
    layout: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.drop_depth = 0
        self.blocks: list[tuple[str, str, str]] = []   # (scope, kind, text)
        self.buffer: list[str] = []
        self.kind_stack: list[str] = []
        self.tweet_depth = 0
        self.scope = "body"
        self.scope_depth: list[int] = []
        self.title_parts: list[str] = []
        self.in_title = False
        self.meta: dict = {}
        self.unclosed = 0

    # -- helpers ---------------------------------------------------------------------------------
    def flush(self):
        raw = "".join(self.buffer)
        self.buffer = []
        lines = [_SPACES.sub(" ", part).strip() for part in raw.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            kind = "tweet" if self.tweet_depth else (self.kind_stack[-1] if self.kind_stack else "paragraph")
            self.blocks.append((self.scope, kind, text))

    # -- parser events ---------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self.in_title = True
        if tag == "meta":
            self._meta_tag(attrs)
        if tag == "link" and (attrs.get("rel") or "").lower() == "canonical" and attrs.get("href"):
            self.meta.setdefault("url", attrs["href"])
        if tag in _VOID:
            if tag == "br" and not self.drop_depth:
                self.buffer.append("\n")
            if tag == "hr" and not self.drop_depth and not self.tweet_depth:
                self.flush()
            return
        self.stack.append(tag)
        if self.drop_depth or tag in _DROP or _is_furniture(attrs):
            self.drop_depth += 1
            return
        if tag in ("article", "main") and self.scope == "body":
            self.scope = "main"
            self.scope_depth.append(len(self.stack))
        classes = (attrs.get("class") or "").split()
        if tag == "blockquote" and ("twitter-tweet" in classes or "twitter-video" in classes):
            self.flush()
            self.tweet_depth += 1
            return
        if self.tweet_depth:
            if tag == "p":
                pass
            return
        if tag in _BLOCK:
            self.flush()
            self.kind_stack.append(_KIND.get(tag, "paragraph"))

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if tag == "title":
            self.in_title = False
        if tag not in self.stack:
            self.unclosed += 1
            return
        # close everything opened after the matching tag (broken HTML)
        while self.stack:
            open_tag = self.stack.pop()
            self._close(open_tag)
            if open_tag == tag:
                break

    def _close(self, tag):
        if self.drop_depth:
            self.drop_depth -= 1
            return
        if self.scope_depth and len(self.stack) + 1 == self.scope_depth[-1]:
            self.flush()
            self.scope_depth.pop()
            self.scope = "main-done"
        if self.tweet_depth:
            if tag == "blockquote":
                if self.tweet_depth == 1:
                    self.flush()
                self.tweet_depth -= 1
            elif tag == "p":
                self.buffer.append(" ")
            return
        if tag in _BLOCK:
            self.flush()
            if self.kind_stack:
                self.kind_stack.pop()

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.drop_depth:
            return
        # a line break in the source is only whitespace (a browser shows a space); <br> and <pre> keep theirs
        self.buffer.append(data if "pre" in self.stack else _NEWLINES.sub(" ", data))

    def _meta_tag(self, attrs):
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        value = attrs.get("content")
        if not value:
            return
        wanted = {"og:url": "url", "og:site_name": "outlet", "og:title": "title",
                  "article:published_time": "date", "date": "date", "pubdate": "date"}
        if key in wanted:
            self.meta.setdefault(wanted[key], value.strip())

    def close(self):
        super().close()
        while self.stack:
            self._close(self.stack.pop())
        self.flush()


def extract_html(html: str) -> Extracted:
    """Main text of an HTML page, its block layout, and the metadata the page declares.

    >>> extract_html('<blockquote class="twitter-tweet"><p>Hi</p>&mdash; A (@a) '
    ...              '<a href="#">May 1, 2024</a></blockquote>').text
    'Hi — A (@a) May 1, 2024'
    """
    collector = _Collector()
    collector.feed(html)
    collector.close()
    blocks = collector.blocks
    if any(scope == "main" for scope, _, _ in blocks):
        blocks = [b for b in blocks if b[0] == "main"]
    parts, layout, pos = [], [], 0
    for _, kind, text in blocks:
        if parts:
            parts.append("\n\n")
            pos += 2
        layout.append((pos, pos + len(text), kind))
        parts.append(text)
        pos += len(text)
    meta = dict(collector.meta)
    title = _SPACES.sub(" ", "".join(collector.title_parts)).strip()
    if title:
        meta.setdefault("title", title)
    if meta.get("date"):
        meta["date"] = meta["date"][:10] if re.match(r"\d{4}-\d{2}-\d{2}", meta["date"]) else meta["date"]
    warnings = []
    if collector.unclosed:
        warnings.append(("broken_html", f"{collector.unclosed} closing tag(s) without an opening tag; "
                                        "the page was read as well as it could be"))
    return Extracted("".join(parts), layout, meta, warnings)
