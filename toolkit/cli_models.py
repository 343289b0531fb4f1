"""``toolkit models``: see, fetch and train the stanza models the ``stanza`` backend uses.

* ``toolkit models info [--dir DIR] [--lang LANG ...]``: which stanza features are on per language
  (tokenize, mwt, pos, lemma, depparse, ner) and why the others are off. Never loads a model.
* ``toolkit models download LANG [--dir DIR] [--processors tokenize,mwt]``: calls
  ``stanza.download`` (needs a network; the run path itself never downloads).
* ``toolkit models train-ar [--steps N]``: trains the shipped Arabic tokenizer and MWT expander
  (``scripts/train_stanza_ar.py``, from a source checkout).

>>> import argparse
>>> parser = argparse.ArgumentParser(); sub = parser.add_subparsers(dest="command")
>>> add_models_commands(sub)
>>> parser.parse_args(["models", "info", "--dir", "/x"]).dir
'/x'
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

__all__ = ["add_models_commands", "cmd_info", "cmd_download", "cmd_train_ar"]

_DEFAULT_LANGS = ("en", "ar")


def add_models_commands(subparsers) -> None:
    """Add ``models info|download|train-ar`` to the ``toolkit`` command's subparsers.

    >>> import argparse
    >>> p = argparse.ArgumentParser(); s = p.add_subparsers(dest="command"); add_models_commands(s)
    >>> p.parse_args(["models", "download", "ar"]).lang
    'ar'
    """
    models = subparsers.add_parser("models", help="stanza models: what is on, download, train Arabic",
                                   description="See which stanza features are on, download stanza models "
                                               "(needs a network), or train the shipped Arabic models.")
    msub = models.add_subparsers(dest="models_command", metavar="ACTION")
    models.set_defaults(handler=lambda args: (models.print_help(sys.stderr), 2)[1])

    info = msub.add_parser("info", help="which stanza features are on per language, and why")
    info.add_argument("--dir", help="stanza resources folder (default: $STANZA_RESOURCES_DIR)")
    info.add_argument("--lang", action="append", help="language code (repeatable; default: en, ar)")
    info.add_argument("--json", action="store_true", help="print JSON instead of a table")
    info.set_defaults(handler=cmd_info)

    down = msub.add_parser("download", help="download stanza models for LANG (needs a network)")
    down.add_argument("lang", help="language code, e.g. en or ar")
    down.add_argument("--dir", help="where to put them (default: $STANZA_RESOURCES_DIR or stanza's default)")
    down.add_argument("--processors", default="tokenize,mwt,pos,lemma,depparse,ner",
                      help="comma-separated processors (default: tokenize,mwt,pos,lemma,depparse,ner)")
    down.set_defaults(handler=cmd_download)

    train = msub.add_parser("train-ar", help="train the shipped Arabic tokenizer + MWT (source checkout)")
    train.add_argument("--steps", type=int, default=1000, help="tokenizer training steps (default 1000)")
    train.add_argument("--mwt-epochs", type=int, default=30, help="MWT expander epochs (default 30)")
    train.add_argument("--out", help="where the models go (default: langs/ar/stanza)")
    train.add_argument("--conllu", help="UD Arabic-PUD CoNLL-U file (default: ../shared/data/ud/...)")
    train.set_defaults(handler=cmd_train_ar)


def cmd_info(args) -> int:
    """Print, per language, each stanza feature on or off and why; exit 0.

    >>> import argparse
    >>> cmd_info(argparse.Namespace(dir="/nonexistent", lang=["xx"], json=False))  # doctest: +ELLIPSIS
    xx: unavailable: no stanza tokenizer for 'xx' ...
    0
    """
    from .backends.stanza_backend import FEATURES, StanzaBackend

    backend = StanzaBackend(args.dir, threads=1)
    langs = args.lang or list(_DEFAULT_LANGS)
    report = {lang: backend.features(lang) for lang in langs}
    if getattr(args, "json", False):
        print(json.dumps(report, indent=1, ensure_ascii=False))
        return 0
    for lang, feats in report.items():
        state = f"stanza models in {feats['dir']}" if feats["available"] else f"unavailable: {feats['reason']}"
        print(f"{lang}: {state}")
        if not feats["available"] and not feats.get("resources"):
            continue
        for proc in FEATURES:
            item = feats[proc]
            print(f"  {proc:<9} {'on ' if item['on'] else 'off'}  {item['why']}")
    return 0


def cmd_download(args) -> int:
    """Call ``stanza.download`` for one language (a network is needed; exit 1 when it fails).

    >>> import argparse  # doctest: +SKIP
    >>> cmd_download(argparse.Namespace(lang="ar", dir="/tmp/stanza", processors="tokenize,mwt"))  # doctest: +SKIP
    0
    """
    try:
        import stanza
    except ImportError:
        print("toolkit models download: stanza is not installed; run `pip install .[stanza]` "
              "(CPU torch first: pip install torch==2.13.0; elsewhere use PyTorch's CPU wheel index)",
              file=sys.stderr)
        return 1
    folder = args.dir or os.environ.get("STANZA_RESOURCES_DIR")
    kwargs = {"model_dir": folder} if folder else {}
    processors = ",".join(p.strip() for p in args.processors.split(",") if p.strip())
    try:
        stanza.download(args.lang, processors=processors, **kwargs)
    except Exception as exc:  # no network, unknown language...
        print(f"toolkit models download: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    where = folder or "stanza's default folder"
    print(f"downloaded stanza {args.lang} models ({processors}) into {where}; "
          f"use them with `toolkit run --backend stanza --stanza-dir {folder or 'DIR'}`")
    return 0


def cmd_train_ar(args) -> int:
    """Run ``scripts/train_stanza_ar.py`` (source checkout only); returns its exit status.

    >>> import argparse  # doctest: +SKIP
    >>> cmd_train_ar(argparse.Namespace(steps=1000, mwt_epochs=30, out=None, conllu=None))  # doctest: +SKIP
    0
    """
    script = Path(__file__).resolve().parents[1] / "scripts" / "train_stanza_ar.py"
    if not script.exists():
        print(f"toolkit models train-ar: {script} not found; training needs a source checkout", file=sys.stderr)
        return 1
    cmd = [sys.executable, str(script), "--steps", str(args.steps), "--mwt-epochs", str(args.mwt_epochs)]
    if args.out:
        cmd += ["--out", args.out]
    if args.conllu:
        cmd += ["--conllu", args.conllu]
    env = dict(os.environ)
    env.setdefault("OMP_NUM_THREADS", "1")
    return subprocess.call(cmd, env=env)
