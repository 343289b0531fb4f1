"""Sentence boundaries and throughput: our rules beside sentencex and pysbd, same paragraphs, one run.

    python benchmarks/bench_segment.py            (pip install sentencex pysbd for the peers)

Boundary F1 on sentence end offsets (trailing space ignored), per data set of
../shared/data/segmentation/; then detection + segmentation throughput (MB/s, docs/s, peak memory)
of the whole pipeline's `sentences` and `detect` stages on ../shared/data/text/arabic_news.txt.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import median_seconds, peak_mib, shared, table  # noqa: E402

from toolkit.segment import split_sentences  # noqa: E402

SETS = {"UD English PUD": ("ud_en_pud_test_paras.jsonl", "en"), "UD Arabic PUD": ("ud_ar_pud_test_paras.jsonl", "ar"),
        "UD English EWT": ("ud_en_ewt_test_paras.jsonl", "en"), "PUD mixed en/ar": ("pud_mixed_en_ar_paras.jsonl", "en"),
        "probes ar/mixed": ("seg_probes_ar_mixed.jsonl", "ar")}


def spans_from_strings(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        i = text.find(piece, pos)
        if i < 0:
            continue
        out.append((i, i + len(piece)))
        pos = i + len(piece)
    return out


def peers():
    found = {}
    try:
        import sentencex
        found["sentencex"] = lambda text, lang: spans_from_strings(text, list(sentencex.segment(lang, text)))
    except ImportError:
        pass
    try:
        import pysbd
        seg = {lang: pysbd.Segmenter(language=lang, clean=False, char_span=False) for lang in ("en", "ar")}
        found["pysbd"] = lambda text, lang: spans_from_strings(text, seg[lang].segment(text))
    except ImportError:
        pass
    return found


def f1(name: str, lang: str, splitter) -> float:
    tp = n_pred = n_gold = 0
    for line in shared("data", "segmentation", name).read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        text = doc["text"]
        gold = {e for _, e in doc["sentences"]}
        pred = {e for _, e in splitter(text, lang)}
        tp += len(gold & pred)
        n_pred += len(pred)
        n_gold += len(gold)
    p, r = tp / n_pred, tp / n_gold
    return 2 * p * r / (p + r)


def main() -> None:
    systems = {"toolkit": lambda text, lang: split_sentences(text)}
    systems.update(peers())
    rows = []
    for label, (name, lang) in SETS.items():
        rows.append([label] + [round(100 * f1(name, lang, fn), 2) for fn in systems.values()])
    print("Sentence-boundary F1 (%), same paragraphs, same run")
    print(table(rows, ["data set"] + list(systems)))

    import toolkit
    text = shared("data", "text", "arabic_news.txt").read_text(encoding="utf-8")
    docs = ["\n\n".join(text.splitlines()[i:i + 20]) for i in range(0, len(text.splitlines()), 20)]
    size = sum(len(d.encode()) for d in docs)
    pipe = toolkit.Pipeline(["blocks", "tweets", "sentences", "detect"])

    def ours():
        for i, d in enumerate(docs):
            pipe.run(toolkit.Document(text=d, id=str(i)), toolkit.Config())

    seconds = median_seconds(ours, repeat=3)
    memory = peak_mib(lambda: pipe.run(toolkit.Document(text=docs[0] * 50, id="big"), toolkit.Config()))
    rows = [["toolkit blocks+tweets+sentences+detect", round(size / seconds / 1e6, 2), round(len(docs) / seconds, 1),
             round(memory, 1)]]
    if "sentencex" in systems:
        import sentencex
        sx = median_seconds(lambda: [list(sentencex.segment("ar", d)) for d in docs], repeat=3)
        rows.append(["sentencex segment only", round(size / sx / 1e6, 2), round(len(docs) / sx, 1), "-"])
    print()
    print(f"Throughput on arabic_news.txt ({size / 1e6:.1f} MB in {len(docs)} documents of 20 lines), median of 3")
    print(table(rows, ["system", "MB/s", "docs/s", "peak MiB (one 50x doc)"]))


if __name__ == "__main__":
    main()
