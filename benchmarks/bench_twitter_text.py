"""Conformance and speed of toolkit.twitter_text beside the Python twitter-text packages on PyPI.

Peers are looked for, never required (they are not dependencies of the toolkit):

* ``ttp``                 -- twitter-text-python (installed in the venv)
* ``twitter-text``        -- .venv/peers/twitter-text        (module twitter_text, 3.0)
* ``twitter-text-py``     -- .venv/peers/twitter-text-py     (module twitter_text, 2.0.2)
* ``twitter-text-parser`` -- .venv/peers/twitter-text-parser (module twitter_text, URLs only)

The three last share one module name, so each lives in its own ``pip install --target``
folder under ``.venv/peers/<name>``; a peer that is missing is left out of the table.

Run: ``.venv/bin/python benchmarks/bench_twitter_text.py``
"""
from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
SUITE = SHARED / "data" / "twitter-text" / "extract.yml"
TWEETS = sorted((SHARED / "data" / "tweets").glob("*.txt"))
PEERS_DIR = ROOT / ".venv" / "peers"
TARGET_BYTES = 5_000_000

import toolkit.twitter_text as tt  # noqa: E402


def _idx(span):
    return [span[0], span[1]]


# --------------------------------------------------------------------------------------------
# Adapters: section name -> function(text) -> result shaped like extract.yml's "expected"
# --------------------------------------------------------------------------------------------
def ours():
    ix = lambda e: [e.start, e.end]  # noqa: E731
    ment = lambda t: tt.extract_mentions(t)  # noqa: E731
    return {
        "mentions": lambda t: [e.value for e in ment(t)],
        "mentions_with_indices": lambda t: [{"screen_name": e.value, "indices": ix(e)} for e in ment(t)],
        "mentions_or_lists_with_indices": lambda t: [
            {"screen_name": e.value, "list_slug": e.list_slug, "indices": ix(e)} for e in tt.extract_mentions_or_lists(t)
        ],
        "replies": tt.extract_reply_screen_name,
        "urls": lambda t: [e.value for e in tt.extract_urls(t)],
        "urls_with_indices": lambda t: [{"url": e.value, "indices": ix(e)} for e in tt.extract_urls(t)],
        "urls_with_directional_markers": lambda t: [{"url": e.value, "indices": ix(e)} for e in tt.extract_urls(t)],
        "tco_urls_with_params": lambda t: [e.value for e in tt.extract_urls(t)],
        "hashtags": lambda t: [e.value for e in tt.extract_hashtags(t)],
        "hashtags_from_astral": lambda t: [e.value for e in tt.extract_hashtags(t)],
        "hashtags_with_indices": lambda t: [{"hashtag": e.value, "indices": ix(e)} for e in tt.extract_hashtags(t)],
        "cashtags": lambda t: [e.value for e in tt.extract_cashtags(t)],
        "cashtags_with_indices": lambda t: [{"cashtag": e.value, "indices": ix(e)} for e in tt.extract_cashtags(t)],
        "_all": tt.extract_entities,
    }


def extractor_peer(module):
    """twitter-text / twitter-text-py: a port of the Ruby gem's Extractor class."""
    X = module.Extractor

    def keep(keys):
        return lambda items: [{k: d[k] for k in keys} for d in items]

    return {
        "mentions": lambda t: X(t).extract_mentioned_screen_names(),
        "mentions_with_indices": lambda t: keep(("screen_name", "indices"))(X(t).extract_mentioned_screen_names_with_indices()),
        "mentions_or_lists_with_indices": lambda t: keep(("screen_name", "list_slug", "indices"))(
            X(t).extract_mentions_or_lists_with_indices()
        ),
        "replies": lambda t: X(t).extract_reply_screen_name(),
        "urls": lambda t: X(t).extract_urls(),
        "urls_with_indices": lambda t: keep(("url", "indices"))(X(t).extract_urls_with_indices()),
        "urls_with_directional_markers": lambda t: keep(("url", "indices"))(X(t).extract_urls_with_indices()),
        "tco_urls_with_params": lambda t: X(t).extract_urls(),
        "hashtags": lambda t: X(t).extract_hashtags(),
        "hashtags_from_astral": lambda t: X(t).extract_hashtags(),
        "hashtags_with_indices": lambda t: keep(("hashtag", "indices"))(X(t).extract_hashtags_with_indices()),
        "cashtags": lambda t: X(t).extract_cashtags(),
        "cashtags_with_indices": lambda t: keep(("cashtag", "indices"))(X(t).extract_cashtags_with_indices()),
        "_all": lambda t: X(t).extract_entities_with_indices(),
    }


def ttp_peer(module):
    """twitter-text-python: Parser(include_spans=True).parse(text, html=False)."""
    P = module.Parser(include_spans=True)

    def parse(t):
        return P.parse(t, html=False)

    def mentions_or_lists(t):
        r = parse(t)
        items = [(span, {"screen_name": name, "list_slug": "", "indices": _idx(span)}) for name, span in r.users]
        items += [(span, {"screen_name": u, "list_slug": "/" + slug, "indices": _idx(span)}) for u, slug, span in r.lists]
        return [d for _, d in sorted(items, key=lambda x: x[0][0])]

    return {
        "mentions": lambda t: [n for n, _ in parse(t).users],
        "mentions_with_indices": lambda t: [{"screen_name": n, "indices": _idx(s)} for n, s in parse(t).users],
        "mentions_or_lists_with_indices": mentions_or_lists,
        "replies": lambda t: parse(t).reply,
        "urls": lambda t: [u for u, _ in parse(t).urls],
        "urls_with_indices": lambda t: [{"url": u, "indices": _idx(s)} for u, s in parse(t).urls],
        "urls_with_directional_markers": lambda t: [{"url": u, "indices": _idx(s)} for u, s in parse(t).urls],
        "tco_urls_with_params": lambda t: [u for u, _ in parse(t).urls],
        "hashtags": lambda t: [h for h, _ in parse(t).tags],
        "hashtags_from_astral": lambda t: [h for h, _ in parse(t).tags],
        "hashtags_with_indices": lambda t: [{"hashtag": h, "indices": _idx(s)} for h, s in parse(t).tags],
        "_all": parse,
    }


def parser_peer(module):
    """twitter-text-parser: only URL extraction (and tweet length) is ported."""
    return {
        "urls": module.extract_urls,
        "urls_with_indices": module.extract_urls_with_indices,
        "urls_with_directional_markers": module.extract_urls_with_indices,
        "tco_urls_with_params": module.extract_urls,
        "_all": module.extract_urls_with_indices,
    }


def load_peer(name):
    """(label, adapters) for a peer, or None when it cannot be imported."""
    for mod in [m for m in sys.modules if m == "twitter_text" or m.startswith("twitter_text.")]:
        del sys.modules[mod]
    try:
        if name == "twitter-text-python":
            import ttp.ttp as module

            return "twitter-text-python 1.1.1 (ttp)", ttp_peer(module)
        folder = PEERS_DIR / name
        if not folder.is_dir():
            return None
        sys.path.insert(0, str(folder))
        try:
            module = importlib.import_module("twitter_text")
        finally:
            sys.path.remove(str(folder))
        version = next((p.name[: -len(".dist-info")].rsplit("-", 1)[1] for p in folder.glob("*.dist-info")), "?")
        label = f"{name} {version}"
        return label, (parser_peer(module) if name == "twitter-text-parser" else extractor_peer(module))
    except Exception as exc:  # a broken peer is reported, not fatal
        print(f"# {name}: not usable ({type(exc).__name__}: {exc})", file=sys.stderr)
        return None


# --------------------------------------------------------------------------------------------
def conformance(adapters, tests):
    counts = {}
    for section, cases in tests.items():
        fn = adapters.get(section)
        if fn is None:
            counts[section] = None
            continue
        ok = 0
        for case in cases:
            try:
                ok += fn(case["text"]) == case["expected"]
            except Exception:
                pass
        counts[section] = ok
    return counts


def corpus_lines():
    text = "\n".join(p.read_text(encoding="utf-8") for p in TWEETS)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    out, size = [], 0
    while size < TARGET_BYTES:
        for ln in lines:
            out.append(ln)
            size += len(ln.encode("utf-8")) + 1
            if size >= TARGET_BYTES:
                break
    return out, size


def throughput(fn, lines, size, budget_s=60.0):
    """MB/s extracting every line (a tweet or a paragraph) in turn; stops after budget_s."""
    t0 = time.perf_counter()
    done = 0
    for ln in lines:
        try:
            fn(ln)
        except Exception:
            pass
        done += len(ln.encode("utf-8")) + 1
        if time.perf_counter() - t0 > budget_s:
            break
    return done / 1e6 / (time.perf_counter() - t0)


def main():
    if not SUITE.is_file():
        sys.exit(f"conformance suite not found: {SUITE}")
    tests = yaml.safe_load(SUITE.read_text(encoding="utf-8"))["tests"]
    lines, size = corpus_lines()

    columns = [("ours (toolkit.twitter_text)", ours())]
    for name in ("twitter-text-python", "twitter-text", "twitter-text-py", "twitter-text-parser"):
        peer = load_peer(name)
        if peer:
            columns.append(peer)

    results = [(label, conformance(ad, tests), ad) for label, ad in columns]
    width = max(len(s) for s in tests) + 2
    colw = max(12, *(len(label) + 2 for label, _, _ in results))
    print("Conformance: cases passed per section of twitter-text extract.yml")
    print("section".ljust(width) + "cases".rjust(6) + "".join(label.rjust(colw) for label, _, _ in results))
    for section, cases in tests.items():
        row = section.ljust(width) + str(len(cases)).rjust(6)
        for _, counts, _ in results:
            row += ("-" if counts[section] is None else str(counts[section])).rjust(colw)
        print(row)
    total = sum(len(c) for c in tests.values())
    print("TOTAL".ljust(width) + str(total).rjust(6) + "".join(
        str(sum(v for v in counts.values() if v)).rjust(colw) for _, counts, _ in results))

    whole = "\n".join(lines)
    print(f"\nThroughput: {len(TWEETS)} file(s) of /work/shared/data/tweets repeated to {size / 1e6:.1f} MB "
          f"({len(lines)} lines), all entities, line by line")
    for label, _, adapters in results:
        print(f"  {label:<{colw}} {throughput(adapters['_all'], lines, size):8.2f} MB/s")
    t0 = time.perf_counter()
    n = len(tt.extract_entities(whole))
    dt = time.perf_counter() - t0
    print(f"  {'ours, whole 5 MB as one string':<{colw}} {size / 1e6 / dt:8.2f} MB/s ({n} entities)")


if __name__ == "__main__":
    main()
