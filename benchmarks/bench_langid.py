"""Language ID by segment length, ours beside langdetect alone, same segments, one run.

    python benchmarks/bench_langid.py

On ../shared/data/langid/langid_segments.jsonl: accuracy per bucket (1, 2, 3, 5 words, sentence)
for English and Arabic segments; for the mixed segments, how often the split point between the two
languages is found exactly (our run boundary vs the gold offset) and how often the span is called
``mixed``. langdetect alone is given the same text, seeded, unrestricted (as a user would call it).
"""
from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import shared, table  # noqa: E402

from toolkit.detect import detect, summarize  # noqa: E402


def langdetect_alone(text: str) -> str:
    from langdetect import DetectorFactory, detect as ld_detect
    DetectorFactory.seed = 0
    try:
        return ld_detect(text).split("-")[0]
    except Exception:
        return "und"


def main() -> None:
    segments = [json.loads(line) for line in
                shared("data", "langid", "langid_segments.jsonl").read_text(encoding="utf-8").splitlines()]
    acc = defaultdict(lambda: [0, 0, 0])        # bucket -> ours ok, langdetect ok, n
    mixed = [0, 0, 0, 0]                         # split exact, called mixed, langdetect any, n
    started = time.perf_counter()
    for seg in segments:
        text = seg["text"]
        if seg["lang"] == "mixed":
            runs = [r for r in detect(text) if r.lang != "und"]
            boundaries = {r.start for r in runs[1:]}
            mixed[0] += seg["split"] in boundaries
            mixed[1] += summarize(detect(text))[0] == "mixed"
            mixed[3] += 1
            continue
        key = f"{seg['lang']} {seg['bucket']}"
        acc[key][0] += summarize(detect(text))[0] == seg["lang"]
        acc[key][1] += langdetect_alone(text) == seg["lang"]
        acc[key][2] += 1
    elapsed = time.perf_counter() - started
    rows = [[k, n, round(100 * a / n, 1), round(100 * b / n, 1)] for k, (a, b, n) in sorted(acc.items())]
    print("Accuracy (%) by language and segment length: toolkit vs langdetect alone (seeded)")
    print(table(rows, ["bucket", "n", "toolkit", "langdetect"]))
    print()
    print(f"Mixed segments (n={mixed[3]}): split point found exactly {100 * mixed[0] / mixed[3]:.1f}%, "
          f"labelled 'mixed' {100 * mixed[1] / mixed[3]:.1f}%")
    print(f"({len(segments)} segments in {elapsed:.1f} s, both systems)")


if __name__ == "__main__":
    main()
