#!/usr/bin/env python
"""Sentence-boundary F1, throughput and model load time of the stanza backend (and the rules).

Data: ``../shared/data/segmentation/`` paragraphs with gold sentence offsets. English runs use the
stanza models in ``../shared/stanza_resources/``; Arabic uses ours in ``langs/ar/stanza/``. Our
Arabic models were trained on UD Arabic-PUD, the very file ``ud_ar_pud_test_paras.jsonl`` comes
from, so Arabic is scored only on the documents held out of training (the test split listed in
``langs/ar/stanza/scores.json``); the table says so.

Boundary F1 is computed as ``../shared/eval/score.py`` does: on the set of sentence end offsets
(trailing white space ignored), micro-averaged over paragraphs. Each paragraph is one call, the
way the sentences stage calls the backend block by block.

Example::

    OMP_NUM_THREADS=1 python benchmarks/bench_stanza.py            # full sets
    OMP_NUM_THREADS=1 python benchmarks/bench_stanza.py --limit 100
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
SEG = SHARED / "data" / "segmentation"
EN_DIR = SHARED / "stanza_resources"
AR_DIR = ROOT / "langs" / "ar" / "stanza"


def load_paras(path: Path, keep_ids: set[str] | None = None, limit: int | None = None) -> list[dict]:
    """Paragraphs ``{"id", "text", "sentences": [[start, end], ...]}`` from a JSONL file.

    >>> load_paras(Path("/nonexistent.jsonl"))
    []
    """
    if not path.exists():
        return []
    paras = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if keep_ids is not None:
        paras = [p for p in paras if p["id"] in keep_ids]
    return paras[:limit] if limit else paras


def _ends(text: str, spans) -> set[int]:
    out = set()
    for start, end in spans:
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.add(end)
    return out


def boundary_f1(paras: list[dict], predict) -> tuple[float, float, int]:
    """(F1 in percent, seconds spent in ``predict``, bytes) of ``predict(text) -> [(start, end)]``.

    >>> boundary_f1([{"text": "A. B.", "sentences": [[0, 2], [3, 5]]}], lambda t: [(0, 2), (3, 5)])[0]
    100.0
    """
    tp = n_pred = n_gold = 0
    seconds, size = 0.0, 0
    for p in paras:
        text = p["text"]
        started = time.perf_counter()
        pred = predict(text)
        seconds += time.perf_counter() - started
        size += len(text.encode("utf-8"))
        gold, got = _ends(text, p["sentences"]), _ends(text, pred)
        tp += len(gold & got)
        n_pred += len(got)
        n_gold += len(gold)
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return round(100 * f1, 1), seconds, size


def main(argv: list[str] | None = None) -> int:
    """Print the table; exit 0 (rows whose data or models are missing say so).

    >>> main(["--help"])  # doctest: +SKIP
    """
    parser = argparse.ArgumentParser(description="stanza backend vs rules: boundary F1, MB/s, load time")
    parser.add_argument("--limit", type=int, default=None, help="first N paragraphs of each set")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (default 1)")
    args = parser.parse_args(argv)

    from toolkit.backends import stanza_backend as sb

    try:
        from toolkit.segment import split_sentences
        rules = lambda text: split_sentences(text)
    except Exception as exc:  # the rules path belongs to another module; leave the column out
        print(f"(rules column left out: {exc})")
        rules = None

    held_out = None
    scores_path = AR_DIR / "scores.json"
    if scores_path.exists():
        held_out = set(json.loads(scores_path.read_text(encoding="utf-8"))["test_documents"])

    rows = [
        ("UD EWT test (en)", "en", EN_DIR, load_paras(SEG / "ud_en_ewt_test_paras.jsonl", None, args.limit)),
        ("UD PUD test (en)", "en", EN_DIR, load_paras(SEG / "ud_en_pud_test_paras.jsonl", None, args.limit)),
        ("UD PUD (ar), held-out docs only", "ar", AR_DIR,
         load_paras(SEG / "ud_ar_pud_test_paras.jsonl", held_out, args.limit) if held_out else []),
    ]
    header = ["set", "paras", "stanza F1", "rules F1", "stanza MB/s", "rules MB/s", "stanza load s"]
    table = []
    for name, lang, folder, paras in rows:
        if not paras:
            table.append([name, "0", "-", "-", "-", "-", "-"])
            continue
        backend = sb.StanzaBackend(folder, threads=args.threads)
        reason = backend.unavailable_reason(lang)
        if reason:
            table.append([name, str(len(paras)), f"unavailable: {reason[:60]}", "-", "-", "-", "-"])
            continue
        backend.pipeline(lang)  # load outside the timed loop
        load = sb.LOAD_SECONDS.get((lang, backend.features(lang)["dir"]), 0.0)
        seg = lambda text: [(s["start"], s["end"]) for s in backend.segment(text, lang)]
        f1, secs, size = boundary_f1(paras, seg)
        row = [name, str(len(paras)), f"{f1:.1f}", "-", f"{size / secs / 1e6:.3f}", "-", f"{load:.2f}"]
        if rules is not None:
            rf1, rsecs, _ = boundary_f1(paras, rules)
            row[3], row[5] = f"{rf1:.1f}", f"{size / max(rsecs, 1e-9) / 1e6:.2f}"
        table.append(row)
    widths = [max(len(r[i]) for r in [header] + table) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in table:
        print(line(r))
    print(f"\ntorch threads {args.threads}, OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}; "
          "Arabic: only the PUD documents held out of training (langs/ar/stanza/scores.json).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
