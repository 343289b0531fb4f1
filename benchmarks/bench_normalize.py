"""Normalise/transliterate speed and `news` name quality, side by side with peers.

Run: .venv/bin/python benchmarks/bench_normalize.py [--runs 5]
Peers (camel-tools, pyarabic, uroman) are optional benchmark-only installs.
"""
from __future__ import annotations

import argparse
import difflib
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from toolkit.normalization import normalize  # noqa: E402
from toolkit.transliteration import transliterate  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def speed(fn, text, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - t0)
    return len(text.encode("utf-8")) / statistics.median(times) / 1e6


def name_quality(pairs, fn):
    exact = total = 0
    sims = []
    for ar, en in pairs:
        got = fn(ar).split()
        want = en.split()
        if len(got) == len(want):
            exact += sum(g.casefold() == w.casefold() for g, w in zip(got, want))
        else:
            pool = [w.casefold() for w in want]
            for g in got:
                if g.casefold() in pool:
                    pool.remove(g.casefold())
                    exact += 1
        total += len(want)
        sims.append(difflib.SequenceMatcher(None, " ".join(got).casefold(), en.casefold()).ratio())
    return exact / max(total, 1), statistics.mean(sims)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--limit", type=int, default=5000, help="name pairs per file")
    args = ap.parse_args()
    news = DATA / "text" / "arabic_news.txt"
    if not news.exists():
        print(f"shared data not found at {DATA}")
        return 1
    text = news.read_text(encoding="utf-8")
    rows = [("toolkit normalize(search) + offset map", speed(lambda t: normalize(t, "search"), text, args.runs))]
    rows.append(("toolkit normalize(display) + offset map", speed(lambda t: normalize(t, "display"), text, args.runs)))
    try:
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                                 normalize_teh_marbuta_ar)
        rows.append(("CAMeL alef+maqsura+ta marbuta+dediac (no offsets)", speed(
            lambda t: dediac_ar(normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(t)))),
            text, args.runs)))
    except ImportError as exc:
        rows.append((f"CAMeL normaliser: not installed ({exc})", float("nan")))
    try:
        import pyarabic.araby as araby
        rows.append(("PyArabic strip_tashkeel+normalize_hamza+ligatures", speed(
            lambda t: araby.normalize_ligature(araby.normalize_hamza(araby.strip_tashkeel(t))), text, args.runs)))
    except ImportError:
        rows.append(("PyArabic: not installed", float("nan")))
    rows.append(("toolkit buckwalter + offset map", speed(lambda t: transliterate(t, "buckwalter"), text, args.runs)))
    try:
        from camel_tools.utils.charmap import CharMapper
        ar2bw = CharMapper.builtin_mapper("ar2bw")
        rows.append(("CAMeL ar2bw", speed(ar2bw.map_string, text, args.runs)))
    except Exception as exc:  # noqa: BLE001
        rows.append((f"CAMeL ar2bw: unavailable ({type(exc).__name__})", float("nan")))
    print(f"{'speed on arabic_news.txt (median of %d runs)' % args.runs:60s} MB/s")
    for name, mbs in rows:
        print(f"{name:60s} {mbs:8.1f}")

    print()
    print(f"{'news scheme on names':60s} exact-token  similarity")
    uroman = None
    try:
        import uroman as ur
        uroman = ur.Uroman()
    except Exception:  # noqa: BLE001
        pass
    for fname, cols in (("wikidata_fullnames_public.tsv", (0, 1)), ("google_ar2en_test.tsv", (0, 1))):
        path = DATA / "names" / fname
        if not path.exists():
            continue
        pairs = []
        for line in path.read_text(encoding="utf-8").splitlines()[: args.limit]:
            cells = line.split("\t")
            if len(cells) > max(cols):
                pairs.append((cells[cols[0]], cells[cols[1]]))
        ex, sim = name_quality(pairs, lambda s: transliterate(s, "news").text)
        print(f"{'toolkit news: ' + fname:60s} {ex:10.1%}  {sim:8.2f}")
        if uroman is not None:
            ex, sim = name_quality(pairs, lambda s: uroman.romanize_string(s))
            print(f"{'uroman: ' + fname:60s} {ex:10.1%}  {sim:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
