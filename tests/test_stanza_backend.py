"""The stanza backend: real models, exact offsets, offline, one pipeline per language.

English uses the real stanza models in ``../shared/stanza_resources/`` (tokenize + mwt); Arabic
uses the models shipped in ``langs/ar/stanza/``. Entity and parse logic is tested on stanza
Documents read from ``tests/data/speakers.conllu``. Everything skips, with the reason, when stanza
(or the shared folder) is absent.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

stanza = pytest.importorskip("stanza", reason="stanza is not installed (pip install torch==2.13.0 then .[stanza])")
torch = pytest.importorskip("torch", reason="torch is not installed")

from toolkit.backends import stanza_backend as sb  # noqa: E402
from toolkit.pipeline import Config  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EN_DIR = SHARED / "stanza_resources"
AR_DIR = ROOT / "langs" / "ar" / "stanza"
DATA = Path(__file__).resolve().parent / "data"

needs_en = pytest.mark.skipif(not (EN_DIR / "resources.json").exists(),
                              reason=f"shared stanza models not found at {EN_DIR}")
needs_ar = pytest.mark.skipif(not (AR_DIR / "resources.json").exists(),
                              reason=f"shipped Arabic stanza models not found at {AR_DIR}")

MIXED = ("Dr. Smith didn't go to Washington, D.C. on Monday. قال الرئيس إن \"it's fine\" ثم غادر. "
         "Mr. Lee's cat can't swim!  It's   2.5 m deep\u2026 really?")


@pytest.fixture(autouse=True)
def no_downloads(monkeypatch):
    """Any attempt to download fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("the stanza backend tried to download something")
    import stanza.resources.common as common
    monkeypatch.setattr(common, "download_models", refuse)
    monkeypatch.setattr(common, "download_resources_json", refuse)
    monkeypatch.setattr(stanza, "download", refuse)
    import stanza.pipeline.core as core
    monkeypatch.setattr(core, "download_models", refuse, raising=False)
    monkeypatch.setattr(core, "download_resources_json", refuse, raising=False)


def _check_offsets(text, sentences):
    assert sentences
    for s in sentences:
        assert text[s["start"]:s["end"]] == s["text"]
        for tok in s["tokens"]:
            assert text[tok["start"]:tok["end"]] == tok["text"], tok
            assert s["start"] <= tok["start"] < tok["end"] <= s["end"]
            for w in tok["words"]:
                if "start" in w:
                    assert text[w["start"]:w["end"]] == w["text"]


@needs_en
def test_english_offsets_exact_on_mixed_text():
    backend = sb.StanzaBackend(EN_DIR, threads=1)
    sentences = backend.segment(MIXED, "en")
    _check_offsets(MIXED, sentences)
    assert len(sentences) >= 3
    assert sentences[0]["text"].startswith("Dr. Smith")      # no split after the abbreviation
    mwts = {t["text"]: [w["text"] for w in t["words"]] for s in sentences for t in s["tokens"] if len(t["words"]) > 1}
    assert mwts.get("didn't") == ["did", "n't"]
    assert mwts.get("can't") == ["ca", "n't"]
    # offsets shifted into a document
    shifted = backend.segment(MIXED, "en", offset=100)
    assert [s["start"] - 100 for s in shifted] == [s["start"] for s in sentences]


@needs_en
def test_threads_set_explicitly():
    backend = sb.StanzaBackend(EN_DIR, threads=1)
    torch.set_num_threads(2)
    backend.segment("One sentence. Two.", "en")
    assert torch.get_num_threads() == 1


@needs_en
def test_features_report_what_is_on_and_why():
    feats = sb.StanzaBackend(EN_DIR).features("en")
    assert feats["available"] and feats["dir"] == str(EN_DIR)
    assert feats["tokenize"]["on"] and feats["mwt"]["on"]
    for proc in ("ner", "depparse", "pos"):
        assert not feats[proc]["on"]
        assert "missing" in feats[proc]["why"] and ".pt" in feats[proc]["why"]
    # depparse lists its pretrain/charlm dependencies among the files it needs
    assert any("pretrain" in f for f in feats["depparse"]["files"])


@needs_ar
def test_arabic_shipped_models_split_clitics():
    text = "وقال الرئيس للصحفيين إن الحكومة ستواصل دعمها للمقاومة. وأضاف أن الاجتماع سيعقد غدا."
    backend = sb.StanzaBackend(None, threads=1)          # no folder given: the shipped models
    feats = backend.features("ar")
    assert feats["available"] and Path(feats["dir"]) == AR_DIR
    assert feats["tokenize"]["on"] and feats["mwt"]["on"]
    sentences = backend.segment(text, "ar")
    _check_offsets(text, sentences)
    assert len(sentences) == 2
    mwts = [t for s in sentences for t in s["tokens"] if len(t["words"]) > 1]
    assert len(mwts) >= 3
    for tok in mwts:                                     # PUD's pieces spell the token
        assert "".join(w["text"] for w in tok["words"]) == tok["text"]
    first = {t["text"]: [w["text"] for w in t["words"]] for t in mwts}
    assert first.get("وقال") == ["و", "قال"]


@needs_en
def test_shipped_arabic_used_when_folder_has_only_english():
    backend = sb.StanzaBackend(EN_DIR)
    if not (AR_DIR / "resources.json").exists():
        assert "toolkit models download ar" in backend.unavailable_reason("ar")
    else:
        assert Path(backend.features("ar")["dir"]) == AR_DIR


def test_missing_models_message_and_fallback(tmp_path):
    (tmp_path / "resources.json").write_text(json.dumps({
        "en": {"lang_name": "English", "default_processors": {"tokenize": "combined", "mwt": "combined"},
               "tokenize": {"combined": {}}, "mwt": {"combined": {}}}}), encoding="utf-8")
    config = Config(backend="stanza", stanza_dir=str(tmp_path))
    sb.clear_cache()
    reason = sb.unavailable_reason("en", config)
    assert str(tmp_path / "en" / "tokenize" / "combined.pt") in reason
    assert "toolkit models download en" in reason
    assert sb.stanza_sentences("Hello there. Bye.", "en", config) is None
    with pytest.raises(sb.BackendUnavailable, match="combined.pt"):
        sb.StanzaBackend(tmp_path).segment("Hello.", "en")
    # no resources.json at all
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "resources.json" in sb.StanzaBackend(empty).unavailable_reason("en")


def test_whole_pipeline_falls_back_with_a_warning(tmp_path):
    toolkit = pytest.importorskip("toolkit")
    if not hasattr(toolkit, "process"):
        pytest.skip("toolkit.process not there yet")
    sb.clear_cache()
    try:
        from toolkit.pipeline import registered_stages
        registered_stages()
    except ImportError as exc:
        pytest.skip(f"the pipeline's stages do not import yet: {exc}")
    doc = toolkit.process("Hello there. This is fine.", id="d", backend="stanza", stanza_dir=str(tmp_path / "none"))
    assert [s.text for s in doc.sentences] == ["Hello there.", "This is fine."]
    warnings = [e for e in doc.errors if e.get("code") == "backend_unavailable"]
    assert warnings and warnings[0]["severity"] == "warning"


@needs_en
def test_tokenizer_without_its_mwt_still_runs(tmp_path):
    """resources.json pairs tokenize with mwt; with only the tokenizer file present, mwt is off."""
    (tmp_path / "en" / "tokenize").mkdir(parents=True)
    shutil.copy(EN_DIR / "en" / "tokenize" / "combined.pt", tmp_path / "en" / "tokenize" / "combined.pt")
    shutil.copy(EN_DIR / "resources.json", tmp_path / "resources.json")
    backend = sb.StanzaBackend(tmp_path)
    feats = backend.features("en")
    assert feats["tokenize"]["on"] and not feats["mwt"]["on"]
    assert "en/mwt/combined.pt" in feats["mwt"]["why"]
    text = "We can't stop. Done."
    sentences = backend.segment(text, "en")
    _check_offsets(text, sentences)
    assert all(len(t["words"]) == 1 for s in sentences for t in s["tokens"])


@needs_en
def test_one_pipeline_per_language_per_process():
    sb.clear_cache()
    config = Config(backend="stanza", stanza_dir=str(EN_DIR))
    for text in ("First doc. Two sentences.", "Second doc.", "Third."):
        assert sb.stanza_sentences(text, "en", config)
    sb.StanzaBackend(EN_DIR).segment("Another backend object, same pipeline.", "en")
    assert sb.LOAD_COUNT[("en", str(EN_DIR))] == 1
    if (AR_DIR / "resources.json").exists():
        sb.stanza_sentences("قال الرئيس إن الوضع جيد.", "ar", config)
        sb.stanza_sentences("وأضاف أنه سيعود.", "ar", config)
        assert sb.LOAD_COUNT[("ar", str(AR_DIR))] == 1
    assert sum(sb.LOAD_COUNT.values()) == len(sb.LOAD_COUNT)


def _speaker_doc():
    from stanza.utils.conll import CoNLL
    return CoNLL.conll2doc(str(DATA / "speakers.conllu"), reconstruct_text=True)


def test_speaker_candidates_from_parse_and_entities():
    doc = _speaker_doc()
    first, second, arabic = (sb.speaker_candidates(s) for s in doc.sentences)

    subj = [c for c in first if c["source"] == "nsubj"]
    assert [c["text"] for c in subj] == ["Prime Minister Theresa May"]
    assert subj[0]["verb"] == "said" and subj[0]["type"] == "PERSON"
    assert doc.text[subj[0]["start"]:subj[0]["end"]] == "Prime Minister Theresa May"
    assert [c["text"] for c in first if c["source"] == "ner"] == ["Theresa May"]

    assert [(c["source"], c["text"]) for c in second] == [("nsubj", "A spokesman"), ("ner", "Reuters")]
    assert second[1]["type"] == "ORG" and second[0]["verb"] == "told"

    subj = [c for c in arabic if c["source"] == "nsubj"][0]
    assert subj["text"] == "الرئيس محمود عباس" and subj["verb"] == "قال"
    assert doc.text[subj["start"]:subj["end"]] == subj["text"]
    assert doc.text[subj["verb_start"]:subj["verb_end"]] == "قال"     # the verb inside وقال
    assert subj["type"] == "PER"


def test_entity_spans_and_no_parse():
    doc = _speaker_doc()
    ents = sb.entity_spans(doc.sentences[1], doc.text)
    assert ents == [{"text": "Reuters", "type": "ORG", "start": ents[0]["start"], "end": ents[0]["end"]}]
    assert doc.text[ents[0]["start"]:ents[0]["end"]] == "Reuters"
    # a sentence without heads or entities gives no candidates, and no error
    from stanza.utils.conll import CoNLL
    bare = CoNLL.conll2doc(input_str="1\tsaid\t_\t_\t_\t_\t_\t_\t_\t_\n\n")
    assert sb.speaker_candidates(bare.sentences[0]) == []


def test_dependencies_are_checked_before_loading(tmp_path):
    """NER/depparse are on only when their own file and every pretrain/charlm file they name exist."""
    deps = [{"model": "pretrain", "package": "conll17"}, {"model": "forward_charlm", "package": "1billion"}]
    (tmp_path / "resources.json").write_text(json.dumps({"en": {
        "default_processors": {"tokenize": "t", "ner": "n_charlm", "pos": "p", "lemma": "l", "depparse": "d"},
        "tokenize": {"t": {}}, "ner": {"n_charlm": {"dependencies": deps}}, "pos": {"p": {}},
        "lemma": {"l": {}}, "depparse": {"d": {"dependencies": deps[:1]}}}}), encoding="utf-8")
    for rel in ("tokenize/t.pt", "ner/n_charlm.pt", "pretrain/conll17.pt", "pos/p.pt", "depparse/d.pt"):
        (tmp_path / "en" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "en" / rel).write_bytes(b"")
    feats = sb.inspect_folder(tmp_path, "en")
    assert feats["tokenize"]["on"] and feats["pos"]["on"]
    assert not feats["ner"]["on"] and "forward_charlm/1billion.pt" in feats["ner"]["why"]
    assert not feats["lemma"]["on"] and "lemma/l.pt" in feats["lemma"]["why"]
    assert not feats["depparse"]["on"] and "needs lemma" in feats["depparse"]["why"]
    (tmp_path / "en" / "forward_charlm").mkdir()
    (tmp_path / "en" / "forward_charlm" / "1billion.pt").write_bytes(b"")
    (tmp_path / "en" / "lemma").mkdir()
    (tmp_path / "en" / "lemma" / "l.pt").write_bytes(b"")
    feats = sb.inspect_folder(tmp_path, "en")
    assert feats["ner"]["on"] and feats["depparse"]["on"] and feats["lemma"]["on"]


# -- quote attribution with stanza's NER and parse (toolkit.stages.quotes) ------------------------

QUOTE_CONLLU = """# text = "Prices will fall," Finance Minister Sami Nasser said on Monday.
1\t"\t"\tPUNCT\t``\t_\t4\tpunct\t_\tSpaceAfter=No|ner=O
2\tPrices\tprice\tNOUN\tNNS\t_\t4\tnsubj\t_\tner=O
3\twill\twill\tAUX\tMD\t_\t4\taux\t_\tner=O
4\tfall\tfall\tVERB\tVB\t_\t11\tccomp\t_\tSpaceAfter=No|ner=O
5\t,\t,\tPUNCT\t,\t_\t4\tpunct\t_\tSpaceAfter=No|ner=O
6\t"\t"\tPUNCT\t''\t_\t4\tpunct\t_\tner=O
7\tFinance\tfinance\tPROPN\tNNP\t_\t8\tcompound\t_\tner=O
8\tMinister\tminister\tPROPN\tNNP\t_\t10\tcompound\t_\tner=O
9\tSami\tSami\tPROPN\tNNP\t_\t10\tcompound\t_\tner=B-PERSON
10\tNasser\tNasser\tPROPN\tNNP\t_\t11\tnsubj\t_\tner=E-PERSON
11\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\tner=O
12\ton\ton\tADP\tIN\t_\t13\tcase\t_\tner=O
13\tMonday\tMonday\tPROPN\tNNP\t_\t11\tobl\t_\tSpaceAfter=No|ner=S-DATE
14\t.\t.\tPUNCT\t.\t_\t11\tpunct\t_\tner=O

"""

# NER only (no parse): the entity before the quote speaks; the one inside the quote does not
NER_ONLY_CONLLU = """# text = According to Reuters, "Ankara will reply."
1\tAccording\t_\t_\t_\t_\t_\t_\t_\tner=O
2\tto\t_\t_\t_\t_\t_\t_\t_\tner=O
3\tReuters\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|ner=S-ORG
4\t,\t_\t_\t_\t_\t_\t_\t_\tner=O
5\t"\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|ner=O
6\tAnkara\t_\t_\t_\t_\t_\t_\t_\tner=S-GPE
7\twill\t_\t_\t_\t_\t_\t_\t_\tner=O
8\treply\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|ner=O
9\t.\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|ner=O
10\t"\t_\t_\t_\t_\t_\t_\t_\tner=O

"""

PRONOUN_CONLLU = """# text = "We will win," she said.
1\t"\t"\tPUNCT\t``\t_\t4\tpunct\t_\tSpaceAfter=No|ner=O
2\tWe\twe\tPRON\tPRP\t_\t4\tnsubj\t_\tner=O
3\twill\twill\tAUX\tMD\t_\t4\taux\t_\tner=O
4\twin\twin\tVERB\tVB\t_\t8\tccomp\t_\tSpaceAfter=No|ner=O
5\t,\t,\tPUNCT\t,\t_\t4\tpunct\t_\tSpaceAfter=No|ner=O
6\t"\t"\tPUNCT\t''\t_\t4\tpunct\t_\tner=O
7\tshe\tshe\tPRON\tPRP\t_\t8\tnsubj\t_\tner=O
8\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No|ner=O
9\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\tner=O

"""


def _conll(text):
    from stanza.utils.conll import CoNLL
    return CoNLL.conll2doc(input_str=text, reconstruct_text=True)


class _FakeBackend:
    """Stands in for StanzaBackend: reports models on/off and returns hand-built stanza Documents."""

    def __init__(self, docs, ner=True, depparse=True):
        self.docs, self.calls, self.looked = docs, [], []
        self.on = {"ner": ner, "depparse": depparse}

    def features(self, lang):
        self.looked.append(lang)
        return {"available": True, "ner": {"on": self.on["ner"]}, "depparse": {"on": self.on["depparse"]}}

    def annotate(self, text, lang):
        self.calls.append((text, lang))
        return self.docs[text]


def _make(prefix, sdoc, quote_text, speaker=None, lang="en"):
    from toolkit.document import Document
    doc = Document(text=prefix + sdoc.text, id="d")
    block = doc.add_block("paragraph", 0, len(doc.text))
    if prefix:
        doc.add_sentence(block, 0, len(prefix.rstrip()))
    doc.add_sentence(block, len(prefix), len(doc.text))
    start = doc.text.index(quote_text)
    q = doc.add_quote(start, start + len(quote_text), lang=lang, speaker=speaker)
    return doc, q


def test_stanza_names_the_subject_of_said():
    from toolkit.stages.quotes import pick_speaker, stanza_speakers
    sdoc = _conll(QUOTE_CONLLU)
    # the function on a stanza Document alone (offsets of the stanza text)
    qs = sdoc.text.index("Prices")
    cand = pick_speaker(sdoc, qs, sdoc.text.index('"', qs))
    assert cand["text"] == "Finance Minister Sami Nasser" and cand["verb"] == "said"

    prefix = "Markets were calm. "
    doc, q = _make(prefix, sdoc, "Prices will fall,")
    backend = _FakeBackend({sdoc.text: sdoc})
    assert stanza_speakers(doc, Config(backend="stanza"), backend=backend) == 1
    assert backend.calls == [(sdoc.text, "en")]          # only the quote's own sentence is parsed
    sp = q.speaker
    assert sp.name == "Finance Minister Sami Nasser" and sp.mention == sp.name
    assert doc.text[sp.start:sp.end] == sp.mention and sp.start >= len(prefix)
    assert q.extra["speaker_source"] == "stanza"
    doc.check_offsets()


def test_stanza_ner_fallback_skips_entities_inside_the_quote():
    from toolkit.stages.quotes import stanza_speakers
    sdoc = _conll(NER_ONLY_CONLLU)
    doc, q = _make("", sdoc, "Ankara will reply.")
    backend = _FakeBackend({sdoc.text: sdoc}, depparse=False)
    stanza_speakers(doc, Config(backend="stanza"), backend=backend)
    assert q.speaker.name == "Reuters" and doc.text[q.speaker.start:q.speaker.end] == "Reuters"


def test_stanza_replaces_a_description_keeps_names_and_mentions():
    from toolkit.document import Speaker
    from toolkit.stages.quotes import stanza_speakers
    sdoc = _conll(QUOTE_CONLLU)
    at = sdoc.text.index("Minister")
    doc, q = _make("", sdoc, "Prices will fall,", speaker=Speaker("the minister", "Minister", at, at + 8))
    stanza_speakers(doc, Config(backend="stanza"), backend=_FakeBackend({sdoc.text: sdoc}))
    assert q.speaker.name == "Finance Minister Sami Nasser"
    assert q.speaker.mention == "Minister" and doc.text[q.speaker.start:q.speaker.end] == "Minister"
    # a quote that already has a name is left alone, and nothing is parsed
    doc, q = _make("", sdoc, "Prices will fall,", speaker=Speaker("Sami Nasser"))
    backend = _FakeBackend({sdoc.text: sdoc})
    assert stanza_speakers(doc, Config(backend="stanza"), backend=backend) == 0
    assert backend.calls == [] and q.speaker.name == "Sami Nasser" and "speaker_source" not in q.extra


def test_stanza_pronoun_subject_is_no_speaker():
    from toolkit.stages.quotes import stanza_speakers
    sdoc = _conll(PRONOUN_CONLLU)
    doc, q = _make("", sdoc, "We will win,")
    stanza_speakers(doc, Config(backend="stanza"), backend=_FakeBackend({sdoc.text: sdoc}))
    assert q.speaker is None and "speaker_source" not in q.extra


def test_stanza_speakers_off_without_models_or_backend():
    from toolkit.stages.quotes import stanza_speakers
    sdoc = _conll(QUOTE_CONLLU)
    doc, q = _make("", sdoc, "Prices will fall,")
    backend = _FakeBackend({sdoc.text: sdoc}, ner=False, depparse=False)
    assert stanza_speakers(doc, Config(backend="stanza"), backend=backend) == 0
    assert backend.calls == [] and q.speaker is None
    backend = _FakeBackend({sdoc.text: sdoc})
    assert stanza_speakers(doc, Config(backend="rules"), backend=backend) == 0
    assert backend.calls == [] and backend.looked == []


@needs_en
def test_shared_english_folder_loads_no_ner_for_quotes():
    """The shared folder has tokenize+mwt only: quotes come out as with the rules, nothing more loads."""
    toolkit = pytest.importorskip("toolkit")
    import toolkit.stages.quotes  # noqa: F401
    sb.clear_cache()
    text = '"We will win," the minister said. Later "it is over," a spokesman added.'
    stages = ["blocks", "sentences", "detect", "quotes"]
    rules = toolkit.process(text, id="d", stages=stages)
    doc = toolkit.process(text, id="d", stages=stages, backend="stanza", stanza_dir=str(EN_DIR))
    assert [(q.text, q.speaker and q.speaker.name) for q in doc.quotes] == \
        [(q.text, q.speaker and q.speaker.name) for q in rules.quotes]
    assert all("speaker_source" not in q.extra for q in doc.quotes)
    assert set(sb.LOAD_COUNT) <= {("en", str(EN_DIR))} and sum(sb.LOAD_COUNT.values()) <= 1
