"""Tweet entity extraction (mentions, lists, replies, hashtags, cashtags, URLs) that follows
the rules of twitter-text, Twitter's reference implementation, as pinned down by its official
conformance suite (``conformance/extract.yml``).

This is an independent implementation. The character classes and the matching rules are the
ones twitter-text documents in its regular expressions (Apache-2.0, Copyright Twitter, Inc.);
the matching itself is written here so that it runs in linear time: hashtags, mentions and
cashtags use single-pass :mod:`regex` patterns without nested quantifiers, and URL domains are
resolved label by label (what twitter-text's backtracking domain pattern computes, without
re-scanning long runs of text from every start position).

Offsets are Python ``str`` indices, i.e. Unicode code points, which is also how the
conformance suite counts (the JavaScript and Java ports count UTF-16 units and convert);
:func:`utf16_span` converts for callers that talk to such APIs.

>>> [(e.kind, e.value) for e in extract_entities("RT @AJArabic: #القدس_ينتفض https://t.co/YhqjpRgVkr")]
[('mention', 'AJArabic'), ('hashtag', 'القدس_ينتفض'), ('url', 'https://t.co/YhqjpRgVkr')]
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

__all__ = [
    "Entity",
    "extract_mentions",
    "extract_mentions_or_lists",
    "extract_reply_screen_name",
    "extract_hashtags",
    "extract_cashtags",
    "extract_urls",
    "extract_entities",
    "utf16_span",
]

# --------------------------------------------------------------------------------------------
# Character classes (as defined by twitter-text; written as regex class bodies)
# --------------------------------------------------------------------------------------------
_SPACES = "\\x09-\\x0D\\x20\\x85\\xA0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000"
# What JavaScript's \s matches (twitter-text's cashtag rule uses it).
_JS_SPACE = "\\x09-\\x0D\\x20\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF"
_INVALID = "\\uFFFE\\uFEFF\\uFFFF"
_DIRECTIONAL = "\\u202A-\\u202E\\u061C\\u200E\\u200F\\u2066-\\u2069"
# ASCII punctuation as twitter-text lists it (note: no '"' and no '`').
_PUNCT = "!'#%&()*+,\\\\\\-./:;<=>?@\\[\\]^_{|}~$"
_LATIN_ACCENTS = (
    "\\xC0-\\xD6\\xD8-\\xF6\\xF8-\\xFF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257\\u0259\\u025B"
    "\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF"
)
_CYRILLIC = "\\u0400-\\u04FF"
_AT_SIGNS = "@\\uFF20"
_HASH_SIGNS = "#\\uFF03"
_HASHTAG_ALNUM = (
    "\\p{L}\\p{M}\\p{Nd}_\\u200C\\u200D\\uA67E\\u05BE\\u05F3\\u05F4\\uFF5E\\u301C\\u309B\\u309C"
    "\\u30A0\\u30FB\\u3003\\u0F0B\\u0F0C\\u00B7"
)


_BMP = "".join(map(chr, range(0x10000)))


def _expand_class(body: str) -> frozenset[str]:
    """All characters of a finite class body such as ``a-z\\u0100`` (BMP only)."""
    return frozenset(regex.findall("[" + body + "]", _BMP))


# --------------------------------------------------------------------------------------------
# Entities
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Entity:
    """One entity found in a tweet.

    ``kind`` is ``"mention"``, ``"list"``, ``"hashtag"``, ``"cashtag"`` or ``"url"``;
    ``text`` is always ``source[start:end]``; ``value`` is the screen name (mention), the
    owner's screen name (list), the tag without its sign (hashtag, cashtag) or the URL itself;
    ``list_slug`` is twitter-text's ``"/slug"`` for lists and ``""`` otherwise.

    >>> extract_mentions_or_lists("@aljazeera/staff")[0]
    Entity(kind='list', start=0, end=16, text='@aljazeera/staff', value='aljazeera', list_slug='/staff')
    """

    kind: str
    start: int
    end: int
    text: str
    value: str
    list_slug: str = ""


def utf16_span(text: str, entity: Entity) -> tuple[int, int]:
    """The entity's ``(start, end)`` counted in UTF-16 code units, as JavaScript and Java do.

    >>> s = "\U0001F600 #tag"
    >>> e = extract_hashtags(s)[0]
    >>> (e.start, e.end), utf16_span(s, e)
    ((2, 6), (3, 7))
    """
    def units(upto: int) -> int:
        return upto + sum(1 for ch in text[:upto] if ord(ch) > 0xFFFF)

    return units(entity.start), units(entity.end)


def _finditer(pattern: regex.Pattern, text: str, sigil: regex.Pattern, reach: int):
    """``pattern.finditer(text)`` for patterns whose matches start at most ``reach`` characters
    before a ``sigil`` match: only positions near a sigil are tried (same matches, same order)."""
    if len(sigil.findall(text)) * 16 > len(text):
        # Sigil-dense text: the regex's own scan is cheaper than a step per sigil.
        yield from pattern.finditer(text)
        return
    pos = 0
    while True:
        f = sigil.search(text, pos)
        if f is None:
            return
        p = f.start()
        for s in range(max(pos, p - reach), p + 1):
            m = pattern.match(text, s)
            if m is not None:
                yield m
                pos = m.end()
                break
        else:
            pos = p + 1


def _remove_overlaps(entities: list[Entity]) -> list[Entity]:
    """Sort by start (stable) and drop every entity that starts inside the one kept before it."""
    kept: list[Entity] = []
    for ent in sorted(entities, key=lambda e: e.start):
        if kept and kept[-1].end > ent.start:
            continue
        kept.append(ent)
    return kept


# --------------------------------------------------------------------------------------------
# Mentions, lists and replies
# --------------------------------------------------------------------------------------------
_MENTION_RE = regex.compile(
    "(?:^|[^a-zA-Z0-9_!#$%&*" + _AT_SIGNS + "]|(?:^|[^a-zA-Z0-9_+~.\\-])(?:rt|RT|rT|Rt):?)"
    "([" + _AT_SIGNS + "])([a-zA-Z0-9_]{1,20})(/[a-zA-Z][a-zA-Z0-9_\\-]{0,24})?"
)
_AT_SIGN_RE = regex.compile("[" + _AT_SIGNS + "]")
_END_MENTION_RE = regex.compile("[" + _AT_SIGNS + _LATIN_ACCENTS + "]|://")
_REPLY_RE = regex.compile("[" + _SPACES + "]*+[" + _AT_SIGNS + "]([a-zA-Z0-9_]{1,20})")


def extract_mentions_or_lists(text: str) -> list[Entity]:
    """Mentions (``@name``) and lists (``@name/slug``), in order.

    >>> [(e.kind, e.value, e.list_slug) for e in extract_mentions_or_lists("@a_b and @c/news-1")]
    [('mention', 'a_b', ''), ('list', 'c', '/news-1')]
    """
    if not text or ("@" not in text and "\uFF20" not in text):
        return []
    out = []
    for m in _finditer(_MENTION_RE, text, _AT_SIGN_RE, 4):
        if _END_MENTION_RE.match(text, m.end()):
            continue
        start = m.start(1)
        name = m.group(2)
        slug = m.group(3) or ""
        out.append(Entity("list" if slug else "mention", start, m.end(), text[start:m.end()], name, slug))
    return out


def extract_mentions(text: str) -> list[Entity]:
    """Mentioned screen names (``@name``); ``@name/list`` is a list, not a mention.

    >>> [(e.value, e.start, e.end) for e in extract_mentions("RT @Reuters: Talks resume")]
    [('Reuters', 3, 11)]
    """
    return [e for e in extract_mentions_or_lists(text) if e.kind == "mention"]


def extract_reply_screen_name(text: str) -> str | None:
    """The screen name a tweet replies to: a mention at the very start (spaces allowed), or None.

    >>> extract_reply_screen_name(" @BBCArabic thanks"), extract_reply_screen_name("hi @BBCArabic")
    ('BBCArabic', None)
    """
    if not text:
        return None
    m = _REPLY_RE.match(text)
    if not m or _END_MENTION_RE.match(text, m.end()):
        return None
    return m.group(1)


# --------------------------------------------------------------------------------------------
# Hashtags and cashtags
# --------------------------------------------------------------------------------------------
# Boundary (one consumed character, as twitter-text does), hash sign, then the maximal run of
# hashtag characters (possessive: no backtracking); the run must contain a letter or mark.
_HASHTAG_RE = regex.compile(
    "(?:^|[\\uFE0E\\uFE0F]|(?![" + _HASHTAG_ALNUM + "&]).)"
    "([" + _HASH_SIGNS + "])(?![\\uFE0F\\u20E3])([" + _HASHTAG_ALNUM + "]++)",
    regex.DOTALL,
)
_HASH_SIGN_RE = regex.compile("[" + _HASH_SIGNS + "]")
_DOLLAR_RE = regex.compile("\\$")
_HASHTAG_ALPHA_RE = regex.compile("[\\p{L}\\p{M}]")
_END_HASHTAG_RE = regex.compile("[" + _HASH_SIGNS + "]|://")
_CASHTAG_RE = regex.compile(
    "(?:^|[" + _SPACES + "])(\\$)([a-zA-Z]{1,6}(?:[._][a-zA-Z]{1,2})?)"
    "(?=\\Z|[" + _JS_SPACE + "]|[" + _PUNCT + "])"
)


def _hashtags(text: str) -> list[Entity]:
    if not text or ("#" not in text and "\uFF03" not in text):
        return []
    out = []
    for m in _finditer(_HASHTAG_RE, text, _HASH_SIGN_RE, 1):
        body = m.group(2)
        if not _HASHTAG_ALPHA_RE.search(body) or _END_HASHTAG_RE.match(text, m.end()):
            continue
        start = m.start(1)
        out.append(Entity("hashtag", start, m.end(), text[start:m.end()], body))
    return out


def extract_hashtags(text: str) -> list[Entity]:
    """Hashtags (any script; at least one letter), except those inside URLs.

    >>> [e.value for e in extract_hashtags("#القدس_ينتفض #2024 #Gaza🇵🇸 http://x.com/#frag")]
    ['القدس_ينتفض', 'Gaza']
    """
    tags = _hashtags(text)
    if not tags:
        return tags
    urls = extract_urls(text)
    if not urls:
        return tags
    return [e for e in _remove_overlaps(tags + urls) if e.kind == "hashtag"]


def extract_cashtags(text: str) -> list[Entity]:
    """Cashtags: ``$`` and 1-6 ASCII letters, optionally ``.`` or ``_`` and 1-2 more.

    >>> [e.value for e in extract_cashtags("$AAPL up, $BRK.A flat, $123 no")]
    ['AAPL', 'BRK.A']
    """
    if not text or "$" not in text:
        return []
    out = []
    for m in _finditer(_CASHTAG_RE, text, _DOLLAR_RE, 1):
        start = m.start(1)
        out.append(Entity("cashtag", start, m.end(), text[start:m.end()], m.group(2)))
    return out


# --------------------------------------------------------------------------------------------
# URLs
# --------------------------------------------------------------------------------------------
_TLD_FILE = Path(__file__).resolve().parent / "data" / "tlds.txt"


@lru_cache(maxsize=None)
def _tlds() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """(ASCII TLDs, IDN TLDs keyed by first character), loaded once from data/tlds.txt.

    IDN candidates are ordered as twitter-text tries them: generic before country-code,
    longer before shorter (so of two TLDs where one prefixes the other the longer wins).
    """
    sections: dict[str, list[str]] = {"generic": [], "country-code": []}
    current = "generic"
    for raw in _TLD_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#"):
            m = regex.match(r"#\s*section:\s*([\w-]+)", line)
            if m and m.group(1) in sections:
                current = m.group(1)
            continue
        if line:
            sections[current].append(line.lower())
    ascii_tlds = set()
    idn: dict[str, list[str]] = {}
    for name in ("generic", "country-code"):
        for tld in sorted(sections[name], key=len, reverse=True):
            if tld.isascii():
                ascii_tlds.add(tld)
            else:
                idn.setdefault(tld[0], []).append(tld)
    return frozenset(ascii_tlds), {k: tuple(v) for k, v in idn.items()}


# Characters that cannot be part of a domain label (everything else can: letters of any
# script, digits, symbols, emoji ...). '-' and '_' are allowed inside labels by the rules below.
_NON_DOMAIN = _expand_class(_PUNCT + _SPACES + _INVALID + _DIRECTIONAL)
# A URL must not follow these (twitter-text's validUrlPrecedingChars, negated).
_BAD_PRECEDING = _expand_class("A-Za-z0-9" + _AT_SIGNS + "$" + _HASH_SIGNS + _INVALID)
# Characters of an "ASCII" domain label (twitter-text's validAsciiDomain).
_ASCII_LABEL = _expand_class("\\-a-zA-Z0-9" + _LATIN_ACCENTS)
_TLD_STOP = frozenset("0123456789@+-")
_TOKEN_CLASS = (
    "[^" + _PUNCT.replace("\\-", "").replace(".", "").replace("_", "") + _SPACES + _INVALID
    + _DIRECTIONAL + "]"
)
# Runs of domain characters, dots, '-' and '_' are found from their dots: a dot followed by a
# letter (every TLD starts with one), then the run is extended both ways.
_DOT_LETTER_RE = regex.compile("\\.(?=\\p{L})")
_NON_TOKEN_BACKWARDS_RE = regex.compile("(?r)[" + _TOKEN_CLASS[2:])
_TOKEN_RUN_RE = regex.compile(_TOKEN_CLASS + "*+")
# A possible start of a protocol-less domain: a domain character after an allowed one.
_QSTART_RE = regex.compile(
    "(?<=[^A-Za-z0-9" + _AT_SIGNS + "$" + _HASH_SIGNS + _INVALID + "])[^" + _PUNCT + _SPACES
    + _INVALID + _DIRECTIONAL + "]"
)
_ASCII_LETTERS_RE = regex.compile("[A-Za-z]+")
_PUNYCODE_RE = regex.compile("[xX][nN]--[\\-0-9a-zA-Z]+")
_PROTOCOL_RE = regex.compile("[hH][tT][tT][pP][sS]?://")

_PATH_CHAR = "[a-zA-Z" + _CYRILLIC + "0-9!*';:=+,.$/%#\\[\\]\\-\\u2013_~@|&" + _LATIN_ACCENTS + "]"
_BALANCED = (
    "\\((?:" + _PATH_CHAR + "+|(?:" + _PATH_CHAR + "*\\(" + _PATH_CHAR + "+\\)" + _PATH_CHAR + "*))\\)"
)
_PATH_END = "(?:[+\\-a-zA-Z" + _CYRILLIC + "0-9=_#/" + _LATIN_ACCENTS + "]|" + _BALANCED + ")"
_PATH = (
    "(?:(?:" + _PATH_CHAR + "*(?:" + _BALANCED + _PATH_CHAR + "*)*" + _PATH_END + ")|(?:@"
    + _PATH_CHAR + "+/))"
)
_QUERY = "[a-zA-Z0-9!?*'@();:&=+$/%#\\[\\]\\-_.,~|]"
_QUERY_END = "[a-zA-Z0-9\\-_&=#/]"
# What may follow the domain: port, path, query (all optional).
_AFTER_DOMAIN_RE = regex.compile(
    "(?::[0-9]++)?(?P<path>/" + _PATH + "*)?(?:\\?" + _QUERY + "*" + _QUERY_END + ")?"
)
_TCO_RE = regex.compile(
    "[hH][tT][tT][pP][sS]?://[tT]\\.[cC][oO]/([a-zA-Z0-9]+)(?:\\?" + _QUERY + "*" + _QUERY_END + ")?"
)
_IDNA_SEPARATORS_RE = regex.compile("[\\u3002\\uFF0E\\uFF61]")

_MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG_LENGTH = 40
_MAX_LABEL_LENGTH = 63


def _tld_end(s: str, p: int, limit: int) -> int | None:
    """End of the top-level domain starting at ``s[p]`` (not reaching past ``limit``), or None.

    A TLD must not be followed by an ASCII letter or digit, '@', '+' or '-'; the
    ``xn--`` punycode form is accepted as is.
    """
    if p >= limit:
        return None
    ascii_tlds, idn = _tlds()
    ch = s[p]
    if ch.isascii():
        m = _ASCII_LETTERS_RE.match(s, p, limit)
        if m is None:
            return None
        end = m.end()
        if m.group().lower() in ascii_tlds and (end == limit or s[end] not in _TLD_STOP):
            return end
        m = _PUNYCODE_RE.match(s, p, limit)
        return m.end() if m else None
    for tld in idn.get(ch.lower(), ()):
        end = p + len(tld)
        if end <= limit and s[p:end].lower() == tld:
            if end == limit or not (s[end].isascii() and (s[end].isalnum() or s[end] in _TLD_STOP)):
                return end
    return None


def _ascii_domains(domain: str) -> list[tuple[int, int]]:
    """Spans of the ASCII-only domains inside ``domain`` (twitter-text's validAsciiDomain,
    scanned left to right), computed label by label in linear time."""
    n = len(domain)
    starts = [0]
    for i, ch in enumerate(domain):
        if ch == ".":
            starts.append(i + 1)
    nseg = len(starts)
    ends = [s - 1 for s in starts[1:]] + [n]
    full_ok = []
    suffix = []  # first index from which the rest of the segment is all label characters
    for j in range(nseg):
        a, b = starts[j], ends[j]
        k = b
        while k > a and domain[k - 1] in _ASCII_LABEL:
            k -= 1
        suffix.append(k)
        full_ok.append(b > a and k == a)
    tld_after = [_tld_end(domain, starts[j + 1], n) if j + 1 < nseg else None for j in range(nseg)]
    # deeper[k]: end of the match when label k is a full middle label (greedy: deepest TLD).
    deeper: list[int | None] = [None] * (nseg + 1)
    for k in range(nseg - 2, -1, -1):
        if full_ok[k]:
            deeper[k] = deeper[k + 1] if deeper[k + 1] is not None else tld_after[k]
    spans = []
    cur = 0
    j = 0
    while j < nseg - 1:
        if ends[j] <= cur:  # segment already passed (or ends where the last match ended)
            j += 1
            continue
        x = max(cur, suffix[j])
        if x < ends[j]:
            end = deeper[j + 1] if deeper[j + 1] is not None else tld_after[j]
            if end is not None:
                spans.append((x, end))
                cur = end
                continue
        j += 1
    return spans


def _punycode_label(label: str) -> str | None:
    """A label as punycode.toASCII writes it (parts split on ideographic full stops)."""
    parts = []
    for part in _IDNA_SEPARATORS_RE.split(label):
        if part.isascii() and "\x7f" not in part:
            parts.append(part)
        else:
            try:
                parts.append("xn--" + part.encode("punycode").decode("ascii"))
            except (UnicodeError, ValueError):
                return None
    return ".".join(parts)


def _is_valid_url(url: str, protocol: str, domain: str) -> bool:
    """twitter-text's isValidUrl: every label at most 63 characters once punycode-encoded,
    an ``xn--`` domain must be ASCII, and the encoded URL at most 4096 characters."""
    if len(protocol) + len(url) > _MAX_URL_LENGTH:
        return False  # (punycode never makes a label shorter)
    if domain.startswith("xn--") and not _ascii_domains(domain):
        return False
    encoded_len = 0
    for label in domain.split("."):
        if len(label) > _MAX_LABEL_LENGTH:
            return False
        enc = _punycode_label(label)
        if enc is None or not 1 <= len(enc) <= _MAX_LABEL_LENGTH:
            return False
        encoded_len += len(enc) + 1
    encoded_len -= 1
    return len(protocol) + len(url) + encoded_len - len(domain) <= _MAX_URL_LENGTH


class _Token:
    """Domain structure of one run of domain characters, dots, '-' and '_'.

    The run splits at its dots into segments. A domain is a chain of labels, each ending a
    segment right before a dot, then a TLD: twitter-text's pattern is
    ``subdomain* domain-name tld``, where labels start and end with a domain character,
    subdomains may hold '-' and '_', domain names only '-'. Its greedy backtracking picks the
    deepest label followed by a TLD; that choice is computed here right to left, once.
    """

    __slots__ = ("starts", "ends", "viable", "viable_end", "viable_low")

    def __init__(self, text: str, t0: int, t1: int):
        parts = text[t0:t1].split(".")
        nseg = len(parts)
        starts = [t0] * nseg
        for g in range(1, nseg):
            starts[g] = starts[g - 1] + len(parts[g - 1]) + 1
        ends = [st + len(part) for st, part in zip(starts, parts)]
        non_domain = _NON_DOMAIN
        n = len(text)
        full_next = None  # domain end when a domain starts at the beginning of segment g + 1
        viable: list[int] = []
        viable_end: list[int] = []
        viable_low: list[int] = []
        for g in range(nseg - 2, -1, -1):
            part = parts[g]
            if not part or part[-1] in non_domain:
                full_next = None
                continue
            # A label ending this segment: as a subdomain it continues the deepest chain that
            # follows; otherwise, as the domain name, it needs a TLD right after the dot (and
            # no '_': only the part after the last '_' can be the domain name).
            nxt = parts[g + 1]
            tld = _tld_end(text, starts[g + 1], n) if len(nxt) >= 2 else None
            underscore = part.rfind("_")
            if full_next is not None:
                end, low = full_next, starts[g]
            elif tld is not None:
                end, low = tld, starts[g] + underscore + 1
            else:
                end = None
            if end is not None:
                viable.append(g)
                viable_end.append(end)
                viable_low.append(low)
            if part[0] in non_domain:
                full_next = None
            elif full_next is None:
                full_next = tld if underscore < 0 else None
        viable.reverse()
        viable_end.reverse()
        viable_low.reverse()
        self.starts, self.ends = starts, ends
        self.viable, self.viable_end, self.viable_low = viable, viable_end, viable_low

    def domain_end(self, text: str, q: int) -> int | None:
        """End of the domain that starts at ``q``, or None."""
        if text[q] in _NON_DOMAIN:
            return None
        g = bisect_right(self.starts, q) - 1
        i = bisect_left(self.viable, g)
        if i < len(self.viable) and self.viable[i] == g and q >= self.viable_low[i]:
            return self.viable_end[i]
        return None

    def first_start(self, text: str, lo: int) -> tuple[int, int] | None:
        """Leftmost ``(q, domain_end)`` with ``q >= lo`` after an allowed preceding character."""
        g = bisect_right(self.starts, lo) - 1
        viable, ends = self.viable, self.ends
        for i in range(bisect_left(viable, max(g, 0)), len(viable)):
            g = viable[i]
            low = max(lo, self.viable_low[i])
            if low < ends[g]:
                m = _QSTART_RE.search(text, low, ends[g])
                if m is not None:
                    return m.start(), self.viable_end[i]
        return None


def _tokens(text: str):
    """Spans of the maximal runs of domain characters, dots, '-' and '_' that hold a dot
    followed by a letter, left to right; each character is looked at a bounded number of times."""
    pos = 0
    while True:
        m = _DOT_LETTER_RE.search(text, pos)
        if m is None:
            return
        d = m.start()
        r = _NON_TOKEN_BACKWARDS_RE.search(text, pos, d)
        t0 = r.end() if r is not None else pos
        t1 = _TOKEN_RUN_RE.match(text, d).end()
        yield t0, t1
        pos = t1


def _url_entities(text: str) -> list[Entity]:
    if not text or "." not in text:
        return []
    out: list[Entity] = []
    last = 0  # the regex's lastIndex: where the next match may start (its preceding character)

    def emit(b: int, q: int, dend: int, protocol: bool, before: str) -> int:
        post = _AFTER_DOMAIN_RE.match(text, dend)
        end = post.end()
        url = text[b:end]
        domain = text[q:dend]
        if not _is_valid_url(url, url[: q - b] if protocol else "https://", domain):
            return end
        if protocol:
            tco = _TCO_RE.match(url)
            if tco:
                if len(tco.group(1)) > _MAX_TCO_SLUG_LENGTH:
                    return end
                url = tco.group()
            out.append(Entity("url", b, b + len(url), url, url))
            return end
        if before and before in "-_./":
            return end
        spans = _ascii_domains(domain)
        if not spans:
            return end
        for i, (x0, x1) in enumerate(spans):
            s, e = q + x0, q + x1
            if i == len(spans) - 1 and post.group("path"):
                e = end
            out.append(Entity("url", s, e, text[s:e], text[s:e]))
        return end

    for t0, t1 in _tokens(text):
        if t1 <= last:
            continue
        tok = None
        # 1. "http(s)://" right before the run: the match starts at the protocol.
        b = None
        if t0 >= 8 and _PROTOCOL_RE.fullmatch(text, t0 - 8, t0):
            b = t0 - 8
        elif t0 >= 7 and _PROTOCOL_RE.fullmatch(text, t0 - 7, t0):
            b = t0 - 7
        if b is not None:
            s = b - 1 if b > 0 and text[b - 1] not in _BAD_PRECEDING else (0 if b == 0 else None)
            if s is not None and s >= last:
                tok = _Token(text, t0, t1)
                dend = tok.domain_end(text, t0)
                if dend is not None:
                    last = emit(b, t0, dend, True, "")
        # 2. Protocol-less domains starting inside the run.
        while last < t1:
            if tok is None:
                tok = _Token(text, t0, t1)
            lo = max(t0, last + 1)
            found = tok.first_start(text, lo)
            if last == 0 and t0 == 0 and (found is None or found[0] != 1):
                dend0 = tok.domain_end(text, 0)
                if dend0 is not None:  # only the start of the text may precede it
                    last = emit(0, 0, dend0, False, "")
                    continue
            if found is None:
                break
            q, dend = found
            last = emit(q, q, dend, False, text[q - 1])
    return out


def extract_urls(text: str) -> list[Entity]:
    """URLs, with or without protocol (``bbc.co.uk``, ``t.co/x``), as twitter-text finds them.

    >>> [e.value for e in extract_urls("pic.twitter.com/WFrKwWkndn via https://t.co/YhqjpRgVkr.")]
    ['pic.twitter.com/WFrKwWkndn', 'https://t.co/YhqjpRgVkr']
    """
    return _url_entities(text)


def extract_entities(text: str) -> list[Entity]:
    """All entities sorted by start; where two overlap the earlier wins (URLs beat the
    hashtags and mentions inside them).

    >>> [(e.kind, e.text) for e in extract_entities("@user http://x.com/#tag $XYZ")]
    [('mention', '@user'), ('url', 'http://x.com/#tag'), ('cashtag', '$XYZ')]
    """
    ents = _url_entities(text) + extract_mentions_or_lists(text) + _hashtags(text) + extract_cashtags(text)
    return _remove_overlaps(ents)
