"""toolkit.twitter_text against the official twitter-text conformance suite (extract.yml),
plus news-text cases, a differential check of the linear URL matcher against a plain
backtracking transcription of twitter-text's URL pattern, and adversarial inputs that a
backtracking matcher would take quadratic (or worse) time on."""
from __future__ import annotations

import doctest
import random
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SUITE = SHARED / "data" / "twitter-text" / "extract.yml"
if not SUITE.is_file():
    pytest.skip(f"twitter-text conformance suite not found at {SUITE} (shared/ absent)", allow_module_level=True)

yaml = pytest.importorskip("yaml")
regex = pytest.importorskip("regex")

import toolkit.twitter_text as tt  # noqa: E402
from toolkit.twitter_text import (  # noqa: E402
    extract_cashtags,
    extract_entities,
    extract_hashtags,
    extract_mentions,
    extract_mentions_or_lists,
    extract_reply_screen_name,
    extract_urls,
)

TESTS = yaml.safe_load(SUITE.read_text(encoding="utf-8"))["tests"]


def _idx(e):
    return [e.start, e.end]


RUNNERS = {
    "mentions": lambda t: [e.value for e in extract_mentions(t)],
    "mentions_with_indices": lambda t: [{"screen_name": e.value, "indices": _idx(e)} for e in extract_mentions(t)],
    "mentions_or_lists_with_indices": lambda t: [
        {"screen_name": e.value, "list_slug": e.list_slug, "indices": _idx(e)} for e in extract_mentions_or_lists(t)
    ],
    "replies": extract_reply_screen_name,
    "urls": lambda t: [e.value for e in extract_urls(t)],
    "urls_with_indices": lambda t: [{"url": e.value, "indices": _idx(e)} for e in extract_urls(t)],
    "urls_with_directional_markers": lambda t: [{"url": e.value, "indices": _idx(e)} for e in extract_urls(t)],
    "tco_urls_with_params": lambda t: [e.value for e in extract_urls(t)],
    "hashtags": lambda t: [e.value for e in extract_hashtags(t)],
    "hashtags_from_astral": lambda t: [e.value for e in extract_hashtags(t)],
    "hashtags_with_indices": lambda t: [{"hashtag": e.value, "indices": _idx(e)} for e in extract_hashtags(t)],
    "cashtags": lambda t: [e.value for e in extract_cashtags(t)],
    "cashtags_with_indices": lambda t: [{"cashtag": e.value, "indices": _idx(e)} for e in extract_cashtags(t)],
}

CASES = [
    pytest.param(section, case, id=f"{section}-{i:03d}")
    for section, cases in TESTS.items()
    for i, case in enumerate(cases)
]


def test_every_section_is_covered():
    assert set(TESTS) == set(RUNNERS)
    assert len(CASES) == 238


@pytest.mark.parametrize("section,case", CASES)
def test_conformance(section, case):
    text = case["text"]
    assert RUNNERS[section](text) == case["expected"], case["description"]
    # Offsets are code points and always slice out the entity's text.
    for e in extract_entities(text):
        assert text[e.start:e.end] == e.text


# ------------------------------------------------------------------------------------------
# News text
# ------------------------------------------------------------------------------------------
def test_arabic_hashtags():
    text = "#القدس_ينتفض و#غزة_تحت_القصف، #فلسطين. #٢٠٢٣ #عاجل"
    tags = extract_hashtags(text)
    # "و#غزة": a hashtag glued to a preceding letter is not one (twitter-text rule).
    assert [t.value for t in tags] == ["القدس_ينتفض", "فلسطين", "عاجل"]
    assert (tags[0].start, tags[0].end) == (0, 12)
    assert all(text[t.start:t.end] == "#" + t.value for t in tags)


def test_hashtag_followed_by_emoji_flag():
    text = "#Gaza🇵🇸 and #فلسطين🇵🇸!"
    tags = extract_hashtags(text)
    assert [t.value for t in tags] == ["Gaza", "فلسطين"]
    assert text[tags[0].end:tags[0].end + 2] == "🇵🇸"
    assert [t.value for t in extract_hashtags("🇵🇸#Palestine")] == ["Palestine"]


def test_pic_twitter_and_tco_links():
    text = "…protesters' rights.\npic.twitter.com/kvv1uAqcZ9 — Donald J. Trump (@realDonaldTrump)"
    urls = extract_urls("Look pic.twitter.com/WFrKwWkndn and https://t.co/YhqjpRgVkr.")
    assert [(u.value, u.start, u.end) for u in urls] == [
        ("pic.twitter.com/WFrKwWkndn", 5, 31),
        ("https://t.co/YhqjpRgVkr", 36, 59),
    ]
    assert [u.value for u in extract_urls(text)] == ["pic.twitter.com/kvv1uAqcZ9"]
    assert [m.value for m in extract_mentions(text)] == ["realDonaldTrump"]
    assert [u.value for u in extract_urls("https://t.co/YhqjpRgVkr’s")] == ["https://t.co/YhqjpRgVkr"]


def test_entities_resolve_overlaps_like_twitter_text():
    text = "@user see http://x.com/#tag/@who $XYZ #tag2 @other/list-1"
    assert [(e.kind, e.text) for e in extract_entities(text)] == [
        ("mention", "@user"),
        ("url", "http://x.com/#tag/@who"),
        ("cashtag", "$XYZ"),
        ("hashtag", "#tag2"),
        ("list", "@other/list-1"),
    ]
    # extract_mentions alone does not look at URLs (as in twitter-text); extract_hashtags does.
    assert [m.value for m in extract_mentions(text)] == ["user", "who"]
    assert [h.value for h in extract_hashtags(text)] == ["tag2"]


def test_reply_and_empty_inputs():
    assert extract_reply_screen_name("\u3000@AJEnglish breaking") == "AJEnglish"
    assert extract_reply_screen_name("") is None
    for fn in (extract_mentions, extract_mentions_or_lists, extract_hashtags, extract_cashtags, extract_urls, extract_entities):
        assert fn("") == []


def test_utf16_span_counts_astral_characters_twice():
    text = "😀😀 #وسم @user"
    tag = extract_hashtags(text)[0]
    assert (tag.start, tag.end) == (3, 7)
    assert tt.utf16_span(text, tag) == (5, 9)


def test_tld_list_loads_once():
    ascii_tlds, idn = tt._tlds()
    assert {"com", "org", "co", "uk", "jp", "tv", "ly"} <= ascii_tlds
    assert "پاکستان" in idn["پ"] and "みんな" in idn["み"]
    assert tt._tlds() is tt._tlds()


def test_doctests():
    failures, tried = doctest.testmod(tt)
    assert tried > 10 and failures == 0


# ------------------------------------------------------------------------------------------
# The linear URL matcher equals a straight transcription of twitter-text's backtracking one
# ------------------------------------------------------------------------------------------
def _reference_url_extractor():
    sections = {"generic": [], "country-code": []}
    current = "generic"
    for line in tt._TLD_FILE.read_text(encoding="utf-8").splitlines():
        m = regex.match(r"#\s*section:\s*([\w-]+)", line)
        if m:
            current = m.group(1)
        elif line and not line.startswith("#"):
            sections[current].append(line)
    stop = "(?=[^0-9a-zA-Z@+\\-]|\\Z)"
    tld = "|".join(
        f"(?:(?i:{'|'.join(sorted(sections[name], reverse=True))}){stop})" for name in ("generic", "country-code")
    ) + "|(?:(?i:xn--[\\-0-9a-z]+))"
    d = "[^" + tt._PUNCT + tt._SPACES + tt._INVALID + tt._DIRECTIONAL + "]"
    sub = f"(?:(?:{d}(?:[_\\-]|{d})*)?{d}\\.)"
    name = f"(?:(?:{d}(?:-|{d})*)?{d}\\.)"
    pre = f"(?:[^A-Za-z0-9{tt._AT_SIGNS}${tt._HASH_SIGNS}{tt._INVALID}]|[{tt._DIRECTIONAL}]|^)"
    url_re = regex.compile(
        f"({pre})((?i:https?://)?)({sub}*{name}(?:{tld}))(?::([0-9]+))?(/{tt._PATH}*)?"
        f"(\\?{tt._QUERY}*{tt._QUERY_END})?"
    )
    ascii_re = regex.compile(f"(?:[\\-a-zA-Z0-9{tt._LATIN_ACCENTS}]+\\.)+(?:{tld})")

    def extract(text):
        if "." not in text:
            return []
        out = []
        for m in url_re.finditer(text):
            before, protocol, domain, path = m.group(1), m.group(2), m.group(3), m.group(5)
            start, end = m.start(2), m.end()
            url = text[start:end]
            if not tt._is_valid_url(url, protocol or "https://", domain):
                continue
            if protocol:
                tco = tt._TCO_RE.match(url)
                if tco:
                    if len(tco.group(1)) > 40:
                        continue
                    url = tco.group()
                out.append((url, start, start + len(url)))
                continue
            if before and before in "-_./":
                continue
            found = [[a.group(), start + a.start(), start + a.end()] for a in ascii_re.finditer(domain)]
            if found and path:
                found[-1][0] = url.replace(domain, found[-1][0], 1)
                found[-1][2] = end
            out.extend(tuple(f) for f in found)
        return out

    return extract


PIECES = [
    "a", "Z", "1", "é", "こ", "ب", "Ж", ".", ".", ".", "-", "_", "/", ":", " ", "\n", "@", "#", "$",
    "(", ")", "?", "=", "'", "&", "%", "+", "!", ",", "~", "✪", "ー", "。", "\u202a", "\u2066",
    "http://", "https://", "HTTP://", "com", "co", "jp", "uk", "tv", "bz2", "xn--", "t.co/", "みんな", "پاکستان",
]


def test_linear_url_matcher_matches_backtracking_reference():
    reference = _reference_url_extractor()
    rng = random.Random(20240611)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 24)))
        ours = [(e.value, e.start, e.end) for e in extract_urls(text)]
        assert ours == reference(text), ascii(text)


def test_sigil_driven_scan_matches_plain_finditer():
    pieces = ["a", "Z", "1", "_", "é", "こ", "\uFE0F", "\u20E3", "#", "＃", "@", "＠", "$", ".", "/", ":", " ",
              "&", "RT", "rt", "!", "+", "٤", "\u3000", "A.B"]
    rng = random.Random(7)
    scans = [(tt._MENTION_RE, tt._AT_SIGN_RE, 4), (tt._HASHTAG_RE, tt._HASH_SIGN_RE, 1), (tt._CASHTAG_RE, tt._DOLLAR_RE, 1)]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        for pattern, sigil, reach in scans:
            plain = [m.span() + m.groups() for m in pattern.finditer(text)]
            assert [m.span() + m.groups() for m in tt._finditer(pattern, text, sigil, reach)] == plain


# ------------------------------------------------------------------------------------------
# Adversarial inputs: must complete (linear time), with the right counts
# ------------------------------------------------------------------------------------------
MB = 1_000_000


def test_one_megabyte_single_line_of_news_text():
    sample = "RT @AJArabic: #القدس_ينتفض المسجد الأقصى aljazeera.net/news $AAPL https://t.co/YhqjpRgVkr #Gaza🇵🇸 "
    reps = MB // len(sample) + 1
    text = sample * reps
    ents = extract_entities(text)
    kinds = [e.kind for e in ents]
    assert kinds.count("mention") == reps
    assert kinds.count("hashtag") == 2 * reps
    assert kinds.count("url") == 2 * reps
    assert kinds.count("cashtag") == reps


def test_ten_thousand_hashtags_in_one_line():
    text = " ".join(f"#وسم{i} #tag{i}" for i in range(5000))
    assert len(extract_hashtags(text)) == 10_000
    assert len(extract_entities(text)) == 10_000
    glued = "#a" * 10_000  # each followed by '#': none count
    assert extract_hashtags(glued) == []


@pytest.mark.parametrize(
    "text,kind,count",
    [
        ("a." * (MB // 2), "url", 0),  # dotted chain without a TLD
        ("a." * (MB // 2) + "com", "url", 0),  # one domain, far too long
        ("こ" * MB + ".com", "url", 0),  # 1M-character label
        ("é." * (MB // 2), "url", 0),
        ("a-" * (MB // 2) + "a.com", "url", 0),  # one 1M-character label
        ("http://a.com/" + "!" * MB, "url", 1),
        ("http://a.com/" + "(a)" * (MB // 3) + "!", "url", 0),  # too long (> 4096) once matched
        ("http://" * (MB // 7), "url", 0),
        ("#" * MB, "hashtag", 0),
        ("#" + "1" * MB, "hashtag", 0),
        ("@" * MB, "mention", 0),
        ("RT@" * (MB // 3), "mention", 0),
        ("$" * MB, "cashtag", 0),
        (" $AB" * (MB // 40), "cashtag", MB // 40),
        ("word. " * (MB // 6), "url", 0),
    ],
    ids=["dots", "dots-com", "cjk-label", "accent-dots", "hyphens", "bangs", "parens", "protocols",
         "hashes", "hash-digits", "ats", "rt", "dollars", "cashtags", "sentences"],
)
def test_adversarial_inputs_complete(text, kind, count):
    assert sum(1 for e in extract_entities(text) if e.kind == kind) == count
