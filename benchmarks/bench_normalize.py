"""Normalise/transliterate speed and `news` name quality, side by side with peers.

Run: .venv/bin/python benchmarks/bench_normalize.py [--runs 5]
Peers (camel-tools, pyarabic, uroman) are optional benchmark-only installs.
"""
from __future__ import annotations

import argparse
import difflib
import random
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


def speed_pair(ours, peer, text, runs):
    """Both functions, runs interleaved (ours, peer, ours, ...) so that load from other processes
    hits both alike; medians in MB/s."""
    a, b = [], []
    for _ in range(runs):
        for fn, times in ((ours, a), (peer, b)):
            t0 = time.perf_counter()
            fn(text)
            times.append(time.perf_counter() - t0)
    size = len(text.encode("utf-8")) / 1e6
    return size / statistics.median(a), size / statistics.median(b)


def name_quality(pairs, fn):
    exact = total = 0
    sims = []
    for ar, en, region in pairs:
        got = fn(ar, region).split()
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
    ap.add_argument("--limit", type=int, default=0, help="name pairs per file (0: all rows)")
    ap.add_argument("--sample", type=int, default=0,
                    help="a seeded random sample of this many pairs per file instead of the first rows")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--no-names", action="store_true")
    ap.add_argument("--split", action="store_true",
                    help="also report the even-numbered rows (dev) and odd-numbered rows (test) apart")
    args = ap.parse_args()
    news = DATA / "text" / "arabic_news.txt"
    if not news.exists():
        print(f"shared data not found at {DATA}")
        return 1
    text = news.read_text(encoding="utf-8")
    if not args.no_speed:
        speeds(text, args.runs)
    if not args.no_names:
        names(args)
    return 0


def speeds(text: str, runs: int) -> None:
    search = lambda t: normalize(t, "search")  # noqa: E731
    rows = []
    camel = None
    try:
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                                 normalize_teh_marbuta_ar)
        camel = lambda t: dediac_ar(normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(t))))  # noqa: E731
    except ImportError as exc:
        rows.append((f"CAMeL normaliser: not installed ({exc})", float("nan")))
    if camel is not None:
        ours, peer = speed_pair(search, camel, text, runs)
        rows.append(("toolkit normalize(search) + offset map", ours))
        rows.append(("CAMeL alef+maqsura+ta marbuta+dediac (no offsets)", peer))
        rows.append(("  ratio toolkit / CAMeL (target >= 0.5)", ours / peer))
    else:
        rows.append(("toolkit normalize(search) + offset map", speed(search, text, runs)))
    rows.append(("toolkit normalize(display) + offset map", speed(lambda t: normalize(t, "display"), text, runs)))
    try:
        import pyarabic.araby as araby
        rows.append(("PyArabic strip_tashkeel+normalize_hamza+ligatures", speed(
            lambda t: araby.normalize_ligature(araby.normalize_hamza(araby.strip_tashkeel(t))), text, runs)))
    except ImportError:
        rows.append(("PyArabic: not installed", float("nan")))
    rows.append(("toolkit buckwalter + offset map", speed(lambda t: transliterate(t, "buckwalter"), text, runs)))
    try:
        from camel_tools.utils.charmap import CharMapper
        ar2bw = CharMapper.builtin_mapper("ar2bw")
        rows.append(("CAMeL ar2bw", speed(ar2bw.map_string, text, runs)))
    except Exception as exc:  # noqa: BLE001
        rows.append((f"CAMeL ar2bw: unavailable ({type(exc).__name__})", float("nan")))
    print(f"{'speed on arabic_news.txt (median of %d runs)' % runs:60s} MB/s")
    for name, mbs in rows:
        print(f"{name:60s} {mbs:8.2f}")
    print()


def names(args) -> None:
    print(f"{'news scheme on names':60s} exact-token  similarity")
    uroman = None
    try:
        import uroman as ur
        uroman = ur.Uroman()
    except Exception:  # noqa: BLE001
        pass
    for fname, cols in (("wikidata_fullnames_public.tsv", (0, 1, 2)), ("google_ar2en_test.tsv", (0, 1))):
        path = DATA / "names" / fname
        if not path.exists():
            continue
        pairs = []
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if len(cells) > max(cols):
                pairs.append((cells[cols[0]], cells[cols[1]], cells[cols[2]] if len(cols) > 2 else None))
        if args.sample and args.sample < len(pairs):
            pairs = random.Random(args.seed).sample(pairs, args.sample)
        elif args.limit:
            pairs = pairs[: args.limit]
        parts = [("", pairs)]
        if args.split:
            parts += [(" dev", pairs[0::2]), (" test", pairs[1::2])]
        for part, rows in parts:
            label = f"{fname}{part} ({len(rows)} rows)"
            ex, sim = name_quality(rows, lambda s, region: transliterate(s, "news").text)
            print(f"{'toolkit news: ' + label:60s} {ex:10.1%}  {sim:8.2f}")
            if any(region for _, _, region in rows):
                ex, sim = name_quality(rows, lambda s, region: transliterate(s, "news", region=region).text)
                print(f"{'toolkit news, region = the row country: ' + label:60s} {ex:10.1%}  {sim:8.2f}")
            if uroman is not None:
                ex, sim = name_quality(rows, lambda s, region: uroman.romanize_string(s))
                print(f"{'uroman: ' + label:60s} {ex:10.1%}  {sim:8.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
