"""The Document model: offsets always hold, and to_dict/from_dict round-trips losslessly."""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.document import Document, OffsetError

MIXED_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةًٌٍَُِّْـ"
    "0123456789٠١٢٣٤٥٦٧٨٩"
    " \n\n\t.,!?؟،؛:;\"'“”«»‘’()[]—–-#@/*_<>&"
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200c\u200d\ufeff"
    "😀🇵🇸👍🏽"
)
WORDS = ["pic.twitter.com/AbCd123", "https://t.co/xYz", "@handle", "#القدس_ينتفض", "— Name (@nm) May 5, 2024",
         "Dr.", "U.S.", "د.", "“quote”", "«اقتباس»", "# Title", "---", "**bold**", "<https://x.org/a>",
         "قال", "said", "\n\n", "\n"]

mixed_text = st.lists(st.one_of(st.text(alphabet=MIXED_ALPHABET, min_size=1, max_size=12), st.sampled_from(WORDS)),
                      max_size=40).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_text)
def test_every_span_holds_its_text_on_random_mixed_text(text):
    doc = toolkit.process(text, id="h", strict=True)
    doc.check_offsets()
    for s in doc.sentences:
        block = doc.block_by_id(s.block)
        assert block.start <= s.start <= s.end <= block.end, "a sentence never crosses a block"
    ends = [s.end for s in doc.sentences]
    assert ends == sorted(ends)
    assert all(a.end <= b.start for a, b in zip(doc.sentences, doc.sentences[1:])), "sentences never overlap"


@settings(max_examples=60, deadline=None)
@given(mixed_text)
def test_round_trip_is_lossless(text):
    doc = toolkit.process(text, id="r", meta={"url": "https://x.org"}, strict=True)
    data = doc.to_dict()
    again = Document.from_dict(json.loads(json.dumps(data)))
    assert again.to_dict() == data


def test_unknown_keys_survive_round_trip():
    data = toolkit.process("Hello there.", id="d").to_dict()
    data["sentences"][0]["future_field"] = [1, 2]
    data["custom"] = {"a": 1}
    assert Document.from_dict(data).to_dict() == data


def test_schema_keys_present():
    data = toolkit.process("Hi.", id="d").to_dict()
    assert list(data)[:10] == ["id", "meta", "lang", "text", "blocks", "sentences", "tweets", "quotes",
                               "alignments", "errors"]
    assert set(data["sentences"][0]) >= {"id", "block", "start", "end", "text", "lang", "confidence", "runs"}


def test_bad_span_is_refused():
    doc = Document(text="abc", id="d")
    with pytest.raises(OffsetError):
        doc.span_text(2, 9)
    block = doc.add_block("paragraph", 0, 2)
    with pytest.raises(OffsetError):
        doc.add_sentence(block, 0, 3)
    with pytest.raises(ValueError):
        doc.add_block("banner", 0, 1)


def test_check_offsets_catches_tampering():
    doc = toolkit.process("One. Two.", id="d")
    doc.sentences[0].text = "Uno."
    with pytest.raises(OffsetError):
        doc.check_offsets()


def test_deterministic_output():
    text = "Bonjour tout le monde, comment allez-vous ? قال الوزير. Hello there."
    first = json.dumps(toolkit.process(text, id="x").to_dict(), ensure_ascii=False)
    for _ in range(3):
        assert json.dumps(toolkit.process(text, id="x").to_dict(), ensure_ascii=False) == first
