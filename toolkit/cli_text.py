"""``toolkit normalize`` and ``toolkit transliterate`` subcommands.

>>> import argparse
>>> p = argparse.ArgumentParser(); add_text_commands(p.add_subparsers(dest="cmd"))
>>> p.parse_args(["normalize", "--profile", "search", "-"]).profile
'search'
"""
from __future__ import annotations

import json
import sys

from .normalization import PROFILES, SWITCHES, normalize
from .transliteration import SCHEMES, detransliterate, transliterate


def _read(paths):
    for path in paths or ["-"]:
        if path == "-":
            yield sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                yield handle.read()


def _emit(result, offsets: bool) -> None:
    if offsets:
        json.dump({"text": result.text, "map": result.map.to_dict()}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(result.text)


def _run_normalize(args) -> int:
    switches = {}
    for name in SWITCHES:
        value = getattr(args, name, None)
        if value is not None:
            switches[name] = value
    for text in _read(args.files):
        _emit(normalize(text, args.profile, **switches), args.offsets)
    return 0


def _run_transliterate(args) -> int:
    for text in _read(args.files):
        if args.reverse:
            sys.stdout.write(detransliterate(text, args.scheme))
        else:
            _emit(transliterate(text, args.scheme, region=args.region), args.offsets)
    return 0


def add_text_commands(subparsers) -> None:
    """Add ``normalize`` and ``transliterate`` to an argparse subparsers object."""
    p = subparsers.add_parser("normalize", help="normalise Arabic/English text")
    p.add_argument("files", nargs="*", help="input files, '-' for stdin (default)")
    p.add_argument("--profile", default="display", choices=sorted(PROFILES))
    for name in SWITCHES:
        flag = name.replace("_", "-")
        p.add_argument(f"--{flag}", dest=name, action="store_true", default=None)
        p.add_argument(f"--no-{flag}", dest=name, action="store_false")
    p.add_argument("--offsets", action="store_true", help="print JSON with the offset map")
    p.set_defaults(handler=_run_normalize)

    t = subparsers.add_parser("transliterate", help="transliterate Arabic text")
    t.add_argument("files", nargs="*", help="input files, '-' for stdin (default)")
    t.add_argument("--scheme", default="buckwalter", choices=SCHEMES)
    t.add_argument("--reverse", action="store_true", help="detransliterate (reversible schemes)")
    t.add_argument("--region", help="news scheme: spell names as the press of this country does (MA, EG, LB ...)")
    t.add_argument("--offsets", action="store_true", help="print JSON with the offset map")
    t.set_defaults(handler=_run_transliterate)
