"""End to end on the team corpus (and on the shared seeds when present): every span's offsets hold,
and quality stays at the bars our issues set."""
import json

import pytest

import toolkit
from toolkit.evaluate import evaluate_documents

from .conftest import CORPUS, shared_path


@pytest.fixture(scope="module")
def corpus_docs():
    return list(toolkit.process_files([CORPUS], strict=True))


@pytest.fixture(scope="module")
def seed_docs():
    return list(toolkit.process_files([shared_path("seeds")], strict=True))


def test_corpus_has_every_input_kind(corpus_docs):
    formats = {doc.meta["path"].rsplit(".", 1)[-1].split(":")[0] for doc in corpus_docs}
    assert {"txt", "md", "html", "jsonl"} <= formats
    assert len(corpus_docs) >= 8


def test_offset_invariant_on_every_corpus_span(corpus_docs):
    for doc in corpus_docs:
        doc.check_offsets()
        again = toolkit.Document.from_dict(json.loads(json.dumps(doc.to_dict())))
        assert again.to_dict() == doc.to_dict()


def test_corpus_quality(corpus_docs):
    m = evaluate_documents((d.to_dict() for d in corpus_docs), CORPUS / "gold")
    assert m["documents"] >= 12
    assert m["blocks.found"]["acc"] >= 0.98
    assert m["blocks.kind"]["acc"] >= 0.95
    assert m["blocks.lang"]["acc"] >= 0.95
    assert m["sentences.boundary"]["f1"] >= 0.97
    assert m["sentences.lang"]["acc"] >= 0.97
    assert m["tweets.detect"]["f1"] >= 0.95
    for field in ("handle", "author_name", "date", "links", "hashtags", "mentions", "lang"):
        assert m[f"tweets.{field}"]["acc"] >= 0.9, field


def test_seed_quality(seed_docs):
    m = evaluate_documents((d.to_dict() for d in seed_docs), shared_path("gold"))
    assert m["documents"] == 5
    assert m["blocks.found"]["acc"] >= 0.98 and m["blocks.kind"]["acc"] >= 0.95
    assert m["blocks.lang"]["acc"] >= 0.97
    assert m["sentences.boundary"]["f1"] >= 0.97 and m["sentences.lang"]["acc"] >= 0.98
    assert m["tweets.detect"]["f1"] == 1.0
    for field in ("handle", "author_name", "date", "links", "hashtags", "mentions", "lang"):
        assert m[f"tweets.{field}"]["acc"] >= 0.95, field
    for doc in seed_docs:
        doc.check_offsets()


def test_heldout_quality(corpus_docs):
    """corpus/heldout was written blind to the code; these bars sit a little under today's numbers."""
    heldout = [d.to_dict() for d in corpus_docs if "heldout" in d.meta["path"]]
    m = evaluate_documents(heldout, CORPUS / "heldout" / "gold")
    assert m["documents"] == 4
    assert m["blocks.found"]["acc"] >= 0.98 and m["blocks.kind"]["acc"] >= 0.95
    assert m["sentences.boundary"]["f1"] >= 0.97 and m["sentences.lang"]["acc"] >= 0.97
    assert m["tweets.detect"]["f1"] == 1.0
    assert m["quotes.detect"]["f1"] >= 0.95 and m["quotes.kind"]["acc"] >= 0.9
    assert m["quotes.speaker"]["acc"] >= 0.75 and m["quotes.cue"]["acc"] >= 0.85


def test_second_heldout_quality(corpus_docs):
    """corpus/heldout2 was written blind to the code (first run: speaker 0.727, tweets 0.889); the
    bars sit a little under today's numbers."""
    docs = [d.to_dict() for d in corpus_docs if "heldout2" in d.meta["path"]]
    m = evaluate_documents(docs, CORPUS / "heldout2" / "gold")
    assert m["documents"] == 5
    assert m["blocks.found"]["acc"] >= 0.98 and m["blocks.kind"]["acc"] >= 0.95
    assert m["sentences.boundary"]["f1"] >= 0.98 and m["sentences.lang"]["acc"] >= 0.97
    assert m["tweets.detect"]["f1"] == 1.0
    assert m["quotes.detect"]["f1"] >= 0.95 and m["quotes.kind"]["acc"] >= 0.88
    assert m["quotes.speaker"]["acc"] >= 0.85 and m["quotes.cue"]["acc"] >= 0.8


@pytest.mark.parametrize("folder,documents", [("heldout3", 6), ("heldout4", 7), ("heldout5", 6), ("heldout6", 6),
                                              ("heldout7", 7), ("heldout8", 7), ("heldout9", 7),
                                              ("heldout10", 7), ("heldout11", 4)])
def test_later_heldout_quality(corpus_docs, folder, documents):
    """corpus/heldout3 ... heldout10 were written blind to the code (first runs: speaker 0.774, 0.698,
    0.698, 0.534, 0.735, 0.721, 0.673 and 0.575); the bars sit a little under today's numbers (lower
    for the last five: speaker 0.862, 0.898, 0.837, 0.796 and 0.830 today)."""
    docs = [d.to_dict() for d in corpus_docs if f"/{folder}/" in d.meta["path"]]
    m = evaluate_documents(docs, CORPUS / folder / "gold")
    assert m["documents"] == documents
    assert m["blocks.found"]["acc"] >= 0.98 and m["blocks.kind"]["acc"] >= 0.95
    assert m["sentences.boundary"]["f1"] >= 0.98 and m["sentences.lang"]["acc"] >= 0.97
    assert m["tweets.detect"]["f1"] == 1.0
    # (speaker, cue, kind) bars; the later sets' are lower (the ninth's kind: scare quotes after "calls" and
    # inline Arabic quotes are annotated partial/direct, our rules say term)
    bars = {"heldout6": (0.8, 0.85, 0.93), "heldout7": (0.8, 0.85, 0.93), "heldout8": (0.8, 0.85, 0.93),
            "heldout9": (0.75, 0.85, 0.87), "heldout10": (0.78, 0.85, 0.87), "heldout11": (0.85, 0.9, 0.93)}.get(folder, (0.9, 0.88, 0.93))
    assert m["quotes.detect"]["f1"] >= 0.95 and m["quotes.kind"]["acc"] >= bars[2]
    assert m["quotes.speaker"]["acc"] >= bars[0] and m["quotes.cue"]["acc"] >= bars[1]
