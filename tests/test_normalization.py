"""normalize(): operations, offsets, idempotence, decomposed input, the shared news text."""
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from toolkit.normalization import PROFILES, normalize

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NEWS = SHARED / "data" / "text" / "arabic_news.txt"

ALPHABET = st.sampled_from(list("قال ترامب أإآٱىةؤئ ـ،؛؟٠١٢٣۴۵ abcXYZ 123 ﻻﺃ“”«»–…😀👍🏽\u200c\u200d\u200e\u200f\u202b"
                                "\u064e\u064f\u0650\u0651\u0652\u064b\u00a0\t\n") + ["\u0627\u0653", "e\u0301"])
TEXT = st.lists(ALPHABET, max_size=40).map("".join)


@pytest.mark.parametrize("src,profile,want", [
    ("أحمد إلى آخر", "search", "احمد الي اخر"),
    ("مدرسةٌ", "search", "مدرسه"),
    ("مُدَرِّس", "search", "مدرس"),
    ("ﻻ", "display", "لا"),
    ("a\u200fb\u200bc", "display", "abc"),
    ("می\u200cخواهم", "display", "می\u200cخواهم"),
    ("👨\u200d👩", "search", "👨\u200d👩"),
    ("كتـــاب", "display", "كتاب"),
    ("١٢٣ ۴۵", "search", "123 45"),
    ("نعم، لا؛ لماذا؟", "search", "نعم, لا; لماذا?"),
    ("“Hi” — Sir…", "search", '"hi" - sir...'),
    ("a\u00a0\u2003b", "display", "a  b"),
    ("a\u00a0\u2003b", "search", "a b"),
    ("مسؤول قائم", "match", "مسءول قاءم"),
    ("😀 ✓ Ωmega", "search", "😀 ✓ Ωmega"),
])
def test_operations(src, profile, want):
    assert normalize(src, profile).text == want


def test_switches():
    assert normalize("غزّة", "search", keep_shadda=True).text == "غزّه"
    assert normalize("غزّة", "search", ta_marbuta=False).text == "غزة"
    with pytest.raises(TypeError):
        normalize("x", "search", nonsense=True)
    with pytest.raises(ValueError):
        normalize("x", "nope")


def test_decomposed_input():
    # alef + madda above, alef + hamza above, decomposed e-acute
    assert normalize("\u0627\u0653\u0627\u0654", "search").text == "اا"
    assert normalize("e\u0301", "display").text == "é"


def check_map(n, profile):
    text, orig = n.text, n.original
    assert n.to_original(len(text)) == len(orig)
    prev = 0
    for i in range(len(text)):
        s, e = n.span_to_original(i, i + 1)
        assert prev <= s <= e <= len(orig)
        prev = s
        # the original piece, normalised with a little context, holds the output char (two
        # characters each side: a ZWNJ/ZWJ kept between letters needs them even when a deleted
        # mark such as U+200E stands between)
        window = normalize(orig[max(0, s - 2):e + 2], profile).text
        assert text[i] in window
    for s in range(0, len(text) + 1, 3):
        for e in range(s, len(text) + 1, 4):
            a, b = n.span_to_original(s, e)
            assert 0 <= a <= b <= len(orig)


@settings(max_examples=150, deadline=None)
@given(TEXT, st.sampled_from(sorted(PROFILES)))
def test_random_text(text, profile):
    n = normalize(text, profile)
    assert normalize(n.text, profile).text == n.text          # idempotent
    assert unicodedata.is_normalized("NFC", n.text)
    for ch in "😀👍🏽":                                          # emoji pass untouched
        assert text.count(ch) == n.text.count(ch)
    check_map(n, profile)


@pytest.mark.skipif(not NEWS.exists(), reason=f"shared data not found at {NEWS}")
def test_news_text_idempotent_and_mapped():
    lines = NEWS.read_text(encoding="utf-8").splitlines()[:3000]
    for line in lines:
        n = normalize(line, "search")
        assert normalize(n.text, "search").text == n.text
    whole = "\n".join(lines)
    n = normalize(whole, "search")
    pieces = [normalize(line, "search").text for line in lines]
    assert n.text == "\n".join(pieces)
    # every output line maps back to exactly its original line
    pos = 0
    opos = 0
    for line, piece in zip(lines, pieces):
        if piece:
            a, b = n.span_to_original(opos, opos + len(piece))
            assert pos <= a and b <= pos + len(line)
        pos += len(line) + 1
        opos += len(piece) + 1


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.sampled_from([0, 0, 0, 2, 3])), max_size=25))
def test_fast_edits_map_matches_from_edits(steps):
    from toolkit.normalization import _edits_map
    from toolkit.offsets import from_edits
    edits, pos = [], 0
    for gap, n_out in steps:
        pos += gap
        edits.append((pos, 1, n_out))
        pos += 1
    length = pos + 2
    out_len = length + sum(n - 1 for _, _, n in edits)
    assert _edits_map(edits, length, out_len) == from_edits(edits, length)


def test_long_text_map():
    # long enough for the whole-text paths; deletions (harakat, tatweel), expansions (…) and
    # 1:1 changes (ة, Latin case) all in one pass
    unit = "مُدَرِّسـةٌ… ABC  غزّة\u200f "
    text = unit * 700
    n = normalize(text, "search")
    assert n.text == normalize(unit, "search").text * 700
    assert normalize(n.text, "search").text == n.text
    for i in range(0, len(n.text), 97):
        s, e = n.span_to_original(i, i + 1)
        assert n.text[i] in normalize(text[max(0, s - 1):e + 1], "search").text
    assert n.to_original(len(n.text)) == len(text)
