"""Score processed documents against gold annotations (the ``*.gold.json`` / ``*.sentences.json``
format of our corpus and of the shared seeds).

The measures are the ones our users read in the README: blocks found with kind and language,
sentence-boundary F1 and language, tweet detection and fields, quote detection, kind, speaker and
cue, and alignment precision/recall. Spans are matched by character offsets in each document's own
``text`` (for HTML and JSON Lines input that is the extracted text), so a prediction is judged on
where it is, not on how it is spelled.

>>> metrics = evaluate_documents([], "corpus/gold")
>>> metrics["documents"]
0
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable

__all__ = ["evaluate_documents", "find_gold", "format_metrics", "ntrex_documents", "real_speaker_accuracy"]

SPAN_IOU = 0.8
TO_COVER = 0.5
_STOP = {"a", "an", "the", "of", "for", "and", "al", "el", "to", "in", "on", "s"}


def _overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _iou(a, b):
    union = max(a[1], b[1]) - min(a[0], b[0])
    return _overlap(a, b) / union if union else 0.0


def _cover(a, b):
    shorter = min(a[1] - a[0], b[1] - b[0])
    return _overlap(a, b) / shorter if shorter > 0 else 0.0


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    spans, i = [], text.find(needle) if needle else -1
    while i >= 0:
        spans.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return spans


def _first_unused(text: str, needle: str, used: set) -> tuple[int, int] | None:
    spans = _find_all(text, needle)
    fresh = [s for s in spans if s not in used]
    pick = (fresh or spans or [None])[0]
    if pick is not None:
        used.add(pick)
    return pick


def _words(s: str | None) -> list[str]:
    return [w for w in re.findall(r"\w+", (s or "").lower()) if w not in _STOP]


def _same_speaker(gold: str | None, pred: str | None) -> bool:
    if not gold or not pred:
        return gold == pred
    g, p = _words(gold), set(_words(pred))
    if not g or not p:
        return False
    return g[-1] in p or len(set(g) & p) / len(set(g) | p) >= 0.5


def _match(gold: list, pred: list, threshold: float) -> dict[int, int]:
    pairs = sorted(((_iou(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)), reverse=True)
    taken_g, taken_p, out = set(), set(), {}
    for score, gi, pi in pairs:
        if score < threshold:
            break
        if gi not in taken_g and pi not in taken_p:
            taken_g.add(gi)
            taken_p.add(pi)
            out[gi] = pi
    return out


class _Tally:
    def __init__(self):
        self.acc: dict[str, list[int]] = {}
        self.prf: dict[str, list[int]] = {}

    def hit(self, key: str, ok: bool) -> None:
        a = self.acc.setdefault(key, [0, 0])
        a[0] += bool(ok)
        a[1] += 1

    def count(self, key: str, tp: int, n_pred: int, n_gold: int) -> None:
        a = self.prf.setdefault(key, [0, 0, 0])
        a[0] += tp
        a[1] += n_pred
        a[2] += n_gold


def _score_one(doc: dict, gold: dict, sentence_gold: list | None, t: _Tally) -> None:
    text = doc.get("text") or ""
    # blocks: each gold paragraph prefix found at a predicted block start
    starts = {}
    for b in doc.get("blocks") or []:
        s = b["start"]
        while s < b["end"] and text[s].isspace():
            s += 1
        starts[s] = b
    used: set = set()
    for para in gold.get("paragraphs", []):
        spans = _find_all(text, para["prefix"])
        spans = [s for s in spans if s not in used]
        at_line = [s for s in spans if s[0] == 0 or text[s[0] - 1] == "\n"]
        spans = at_line or spans
        if not spans:
            continue
        used.add(spans[0])
        block = starts.get(spans[0][0])
        t.hit("blocks.found", block is not None)
        if block is not None:
            t.hit("blocks.kind", block.get("kind") == para["kind"])
            t.hit("blocks.lang", block.get("lang") == para["lang"])
    # sentences: end offsets (trailing space ignored) and language
    if sentence_gold is not None:
        gold_ends, pos = {}, 0
        for s in sentence_gold:
            i = text.find(s["text"], pos)
            if i >= 0:
                pos = i + len(s["text"])
                gold_ends[pos] = s.get("lang")
        pred_ends = {}
        for s in doc.get("sentences") or []:
            e = s["end"]
            while e > s["start"] and text[e - 1].isspace():
                e -= 1
            pred_ends[e] = s.get("lang")
        common = set(gold_ends) & set(pred_ends)
        t.count("sentences.boundary", len(common), len(pred_ends), len(gold_ends))
        for e in common:
            t.hit("sentences.lang", pred_ends[e] == gold_ends[e])
    # tweets
    used = set()
    gold_tweets = [(sp, g) for g in gold.get("tweets", []) if (sp := _first_unused(text, g["text"], used))]
    pred_tweets = [((p["start"], p["end"]), p) for p in doc.get("tweets") or []]
    matched = _match([sp for sp, _ in gold_tweets], [sp for sp, _ in pred_tweets], SPAN_IOU)
    t.count("tweets.detect", len(matched), len(pred_tweets), len(gold_tweets))
    for gi, pi in matched.items():
        g, p = gold_tweets[gi][1], pred_tweets[pi][1]
        author = p.get("author") or {}
        t.hit("tweets.handle", (author.get("handle") or "").lstrip("@").lower() == (g.get("handle") or "").lower())
        t.hit("tweets.author_name", (author.get("name") or "").strip() == (g.get("author_name") or "").strip())
        t.hit("tweets.date", p.get("date") == g.get("date"))
        for key in ("links", "hashtags", "mentions"):
            t.hit(f"tweets.{key}", set(p.get(key) or []) == set(g.get(key) or []))
        t.hit("tweets.lang", p.get("lang") == g.get("lang"))
    # quotes
    used = set()
    gold_quotes = [(sp, g) for g in gold.get("quotes", []) if (sp := _first_unused(text, g["text"], used))]
    pred_quotes = [((p["start"], p["end"]), p) for p in doc.get("quotes") or []]
    matched = _match([sp for sp, _ in gold_quotes], [sp for sp, _ in pred_quotes], SPAN_IOU)
    t.count("quotes.detect", len(matched), len(pred_quotes), len(gold_quotes))
    for gi, pi in matched.items():
        g, p = gold_quotes[gi][1], pred_quotes[pi][1]
        t.hit("quotes.kind", p.get("kind") == g.get("kind"))
        if g.get("kind") == "term":
            continue
        speaker = p.get("speaker") or {}
        t.hit("quotes.speaker", _same_speaker(g.get("speaker"), speaker.get("name")))
        cue = set(_words(g.get("cue")))
        t.hit("quotes.cue", bool(cue & set(_words(p.get("cue")))) if cue else not p.get("cue"))
    # alignments
    def from_span(prefix):
        for sp, g in gold_tweets + gold_quotes:
            if g["text"].startswith(prefix) or prefix.startswith(g["text"][:40]):
                return sp
        spans = _find_all(text, prefix)
        return spans[0] if spans else None

    gold_links = []
    for a in gold.get("alignments", []):
        f, to = from_span(a["from"]), _find_all(text, a["to"])
        if f and to:
            gold_links.append((f, to[0]))
    ids = {o["id"]: (o["start"], o["end"]) for key in ("tweets", "quotes", "sentences") for o in doc.get(key) or []}
    pred_links = [(ids[a["from"]], (a["to"]["start"], a["to"]["end"])) for a in doc.get("alignments") or []
                  if a.get("from") in ids and "start" in (a.get("to") or {})]
    tp, taken = 0, set()
    for gf, gt in gold_links:
        for j, (pf, pt) in enumerate(pred_links):
            if j not in taken and _cover(gf, pf) >= TO_COVER and _cover(gt, pt) >= TO_COVER:
                taken.add(j)
                tp += 1
                break
    t.count("alignments", tp, len(pred_links), len(gold_links))


def find_gold(gold_dir: str | Path, doc_id: str) -> tuple[dict, list | None] | None:
    """The gold annotation (and sentence gold) for a document id: ``<name>.gold.json`` whose name's
    stem is the id (``a.txt.gold.json`` for ``a``) or is the id itself (JSON Lines records)."""
    gold_dir = Path(gold_dir)
    for path in sorted(gold_dir.glob("*.gold.json")):
        name = path.name[: -len(".gold.json")]
        if name == doc_id or Path(name).stem == doc_id:
            spath = gold_dir / f"{name}.sentences.json"
            sentences = json.loads(spath.read_text(encoding="utf-8")) if spath.exists() else None
            return json.loads(path.read_text(encoding="utf-8")), sentences
    return None


def evaluate_documents(docs: Iterable[dict], gold_dir: str | Path) -> dict:
    """Metrics over every document that has gold in ``gold_dir`` (documents without gold are skipped).

    Returns ``{"documents": n, "blocks.kind": {"acc": ..., "n": ...}, "quotes.detect": {"p", "r", "f1", ...}}``.
    """
    tally, n = _Tally(), 0
    for doc in docs:
        found = find_gold(gold_dir, str(doc.get("id")))
        if found is None:
            continue
        _score_one(doc, found[0], found[1], tally)
        n += 1
    out: dict = {"documents": n}
    for key, (ok, total) in sorted(tally.acc.items()):
        out[key] = {"acc": round(ok / total, 4) if total else None, "n": total}
    for key, (tp, n_pred, n_gold) in sorted(tally.prf.items()):
        p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
        r = tp / n_gold if n_gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[key] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}
    return out


def format_metrics(metrics: dict) -> str:
    """A small aligned table of :func:`evaluate_documents` output."""
    lines = []
    for key, val in metrics.items():
        if not isinstance(val, dict):
            continue
        if "f1" in val:
            lines.append(f"{key:22s} P {val['p']:.3f}  R {val['r']:.3f}  F1 {val['f1']:.3f}  "
                         f"(tp {val['tp']}, pred {val['pred']}, gold {val['gold']})")
        else:
            acc = "n/a" if val["acc"] is None else f"{val['acc']:.3f}"
            lines.append(f"{key:22s} acc {acc}  (n {val['n']})")
    return "\n".join(lines)


# -- real news text: speakers the team annotated on shared reference data --------------------------

_QUOTE_MARK = re.compile(r'["“”]')


def ntrex_documents(parallel_dir: str | Path, side: int = 1) -> dict:
    """The NTREX-128 news documents of ``../shared/data/parallel`` rebuilt as text (``side`` 1:
    English, 0: Arabic): a sentence a paragraph, except that a sentence leaving a quotation open
    (an odd number of double quotation marks) runs on into the next with a space.

    >>> docs = ntrex_documents("../shared/data/parallel")   # doctest: +SKIP
    >>> len(docs), docs["bbc.381790"][:40]                     # doctest: +SKIP
    (123, 'Welsh AMs worried about ...')
    """
    parallel = Path(parallel_dir)
    pairs = [line.split("\t") for line in
             (parallel / "ntrex128_newstest2019_ar_en.tsv").read_text(encoding="utf-8").splitlines()]
    ids = (parallel / "ntrex128_newstest2019_ar_en.docids.txt").read_text(encoding="utf-8").split()
    sentences: dict = {}
    for pair, doc_id in zip(pairs, ids):
        sentences.setdefault(doc_id, []).append(pair[side])
    docs = {}
    for doc_id, sents in sentences.items():
        text, open_quote = "", False
        for sent in sents:
            if text:
                text += " " if open_quote else "\n\n"
            text += sent
            if len(_QUOTE_MARK.findall(sent)) % 2:
                open_quote = not open_quote
        docs[doc_id] = text
    return docs


def real_speaker_accuracy(shared_dir: str | Path, gold_dir: str | Path) -> dict:
    """Speaker accuracy on real news, against the team's annotations in ``gold_dir``
    (``ntrex_speakers.tsv``: document id, quote offset, speaker; ``arabic_news_speakers.tsv``: line
    number, quote index, speaker; ``pud_speakers.tsv``: UD English PUD group id, quote offset, speaker;
    names only). Returns, per set, ``right``, ``found``, ``gold`` and
    ``acc``, and ``wrong`` (what was expected and what came out).

    >>> got = real_speaker_accuracy("../shared", "tests/data")               # doctest: +SKIP
    >>> round(got["ntrex_en"]["acc"], 2), round(got["arabic_news"]["acc"], 2)  # doctest: +SKIP
    (0.9, 0.81)
    """
    import toolkit

    shared, gold_dir = Path(shared_dir), Path(gold_dir)

    def rows(name):
        path = gold_dir / name
        return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#")]

    out = {}
    docs = ntrex_documents(shared / "data" / "parallel")
    done: dict = {}
    right = found = 0
    wrong = []
    gold = rows("ntrex_speakers.tsv")
    for doc_id, start, speaker in gold:
        if doc_id not in done:
            done[doc_id] = toolkit.process(docs[doc_id], id=doc_id, skip=["align"], strict=True)
        quote = next((q for q in done[doc_id].quotes if q.start == int(start)), None)
        if quote is None:
            continue
        found += 1
        got = quote.speaker.name if quote.speaker else None
        if _same_speaker(speaker or None, got):
            right += 1
        else:
            wrong.append((doc_id, int(start), speaker or None, got))
    out["ntrex_en"] = {"right": right, "found": found, "gold": len(gold), "acc": right / found if found else 0.0,
                       "wrong": wrong}
    lines = (shared / "data" / "text" / "arabic_news.txt").read_text(encoding="utf-8").split("\n")
    right, wrong = 0, []
    gold = rows("arabic_news_speakers.tsv")
    for number, index, speaker in gold:
        doc = toolkit.process(lines[int(number) - 1], id=f"line{number}", skip=["align"], strict=True)
        quote = doc.quotes[int(index)] if int(index) < len(doc.quotes) else None
        got = quote.speaker.name if quote is not None and quote.speaker else None
        if _same_speaker(speaker or None, got):
            right += 1
        else:
            wrong.append((int(number), int(index), speaker or None, got))
    out["arabic_news"] = {"right": right, "found": len(gold), "gold": len(gold),
                          "acc": right / len(gold) if gold else 0.0, "wrong": wrong}
    out["ntrex_ar"] = _translated_speakers(shared / "data" / "parallel", rows("ntrex_speakers.tsv"), docs)
    if (gold_dir / "pud_speakers.tsv").exists():
        groups = {}
        for line in (shared / "data" / "segmentation" / "ud_en_pud_test_paras.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            groups[record["id"]] = record["text"]
        right, wrong, done = 0, [], {}
        gold = rows("pud_speakers.tsv")
        for group, start, speaker in gold:
            if group not in done:
                done[group] = toolkit.process(groups[group], id=group, skip=["align"], strict=True)
            quote = next((q for q in done[group].quotes if q.start == int(start)), None)
            got = quote.speaker.name if quote is not None and quote.speaker else None
            if _same_speaker(speaker or None, got):
                right += 1
            else:
                wrong.append((group, int(start), speaker or None, got))
        out["pud_en"] = {"right": right, "found": len(gold), "gold": len(gold),
                         "acc": right / len(gold) if gold else 0.0, "wrong": wrong}
    return out


def _translated_speakers(parallel: Path, gold: list, english: dict) -> dict:
    """The Arabic side of NTREX checked against the English gold: for each annotated English quote,
    the first quote of the aligned Arabic sentence should have a speaker whose name matches the
    English one across scripts (``match_names`` >= 0.6 with the full name or its last word). A
    description ("the show's creator" / "مؤلف البرنامج") cannot match this way, so the measure is a
    floor, useful to see regressions on translated Arabic news."""
    import toolkit
    from .align import match_names

    arabic = ntrex_documents(parallel, side=0)
    pairs = [line.split("\t") for line in
             (parallel / "ntrex128_newstest2019_ar_en.tsv").read_text(encoding="utf-8").splitlines()]
    ids = (parallel / "ntrex128_newstest2019_ar_en.docids.txt").read_text(encoding="utf-8").split()
    sentences: dict = {}
    for pair, doc_id in zip(pairs, ids):
        sentences.setdefault(doc_id, []).append(pair)
    done: dict = {}
    right = found = 0
    wrong = []
    for doc_id, start, speaker in gold:
        if not speaker:
            continue
        text, offset, index = english[doc_id], 0, None
        for k, (_, sentence) in enumerate(sentences[doc_id]):
            at = text.find(sentence, offset)
            if at < 0:
                continue
            if at <= int(start) < at + len(sentence):
                index = k
                break
            offset = at
        if index is None:
            continue
        if doc_id not in done:
            done[doc_id] = toolkit.process(arabic[doc_id], id=doc_id, skip=["align"], strict=True)
        doc = done[doc_id]
        sentence = sentences[doc_id][index][0]
        at = doc.text.find(sentence)
        quotes = [q for q in doc.quotes if at >= 0 and at <= q.start < at + len(sentence) and q.kind != "term"]
        if not quotes:
            continue
        found += 1
        got = quotes[0].speaker.name if quotes[0].speaker else None
        score = max(match_names(got, speaker), match_names(got, speaker.split()[-1])) if got else 0.0
        if score >= 0.6:
            right += 1
        else:
            wrong.append((doc_id, int(start), speaker, got))
    return {"right": right, "found": found, "gold": len(gold), "acc": right / found if found else 0.0, "wrong": wrong}

