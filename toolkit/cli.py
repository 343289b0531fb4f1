"""The ``toolkit`` command.

    toolkit run corpus/ -o out.jsonl                 every document, one JSON object a line
    toolkit run a.txt b.html -o quotes.csv --format csv --table quotes
    cat article.txt | toolkit run - --normalize search --transliterate buckwalter
    toolkit normalize / transliterate / models ...   see `toolkit COMMAND --help`

Exit status: 0 all documents processed, 1 some documents failed (all others written), 2 usage error.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Iterator, Sequence

from . import __version__
from .io.readers import DEFAULT_MAX_BYTES, ReadError, iter_input_paths, read_sources
from .io.writers import TABLES, atomic_output, dumps, make_writer
from .pipeline import DEFAULT_STAGES, Config, registered_stages

__all__ = ["main", "build_parser"]

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

RUN_EPILOG = """\
examples:
  toolkit run corpus/ -o out.jsonl
      every .txt .md .html .jsonl file under corpus/ (sorted), one JSON object per document
  toolkit run seeds/ -o quotes.csv --format csv --table quotes
      one spreadsheet row per quote and per tweet: speaker, cue, channel, outlet, handle, date, URL
  toolkit run news/ -o out.jsonl --alignments links.jsonl
      also link quotes and tweets to their translations in the other documents
  cat article.txt | toolkit run - --normalize search --transliterate buckwalter

The output of one document is the object described in SCHEMA.md. A document that cannot be read
(binary, undecodable, too large) is still written, with the problem in its "errors", and the exit
status is 1; the other documents are unaffected.
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``toolkit`` command."""
    parser = argparse.ArgumentParser(
        prog="toolkit", description="Mixed Arabic and English news text: detect, segment, normalise, "
                                    "transliterate, attribute quotes and align translations, with exact offsets.",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--version", action="version", version=f"toolkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="process documents into JSON Lines, JSON or CSV",
                         description="Process documents (files, folders, or - for stdin) through the pipeline.",
                         formatter_class=argparse.RawDescriptionHelpFormatter, epilog=RUN_EPILOG)
    run.add_argument("paths", nargs="+", metavar="PATH",
                     help="file, folder (read recursively; hidden files and README/LICENSE-like files "
                          "skipped) or - for stdin")
    run.add_argument("-o", "--output", default="-", help="output file (default: standard output); written "
                                                         "to a temporary file and renamed at the end")
    run.add_argument("--format", choices=["jsonl", "json", "csv"], default="jsonl", help="output format (default jsonl)")
    run.add_argument("--table", choices=sorted(TABLES), default="quotes",
                     help="with --format csv: which items become rows (default quotes)")
    run.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (default 1)")
    run.add_argument("--normalize", metavar="PROFILE", help="add each sentence's normalised text (e.g. search)")
    run.add_argument("--transliterate", metavar="SCHEME", help="add each sentence's transliteration "
                                                               "(buckwalter, hsb, iso233, news ...)")
    run.add_argument("--region", metavar="COUNTRY",
                     help="with --transliterate news: spell names as the press of this country does "
                          "(MA, EG, LB ...; default: each JSON Lines record's \"country\", else general)")
    run.add_argument("--backend", choices=["rules", "stanza"], default="rules",
                     help="sentence splitting: built-in rules (default) or stanza models when present")
    run.add_argument("--stanza-dir", help="folder with stanza models and resources.json "
                                          "(default: $STANZA_RESOURCES_DIR)")
    run.add_argument("--skip", action="append", default=[], metavar="STAGE",
                     help="leave out a stage (repeatable); stages: " + ", ".join(DEFAULT_STAGES))
    run.add_argument("--alignments", metavar="FILE", help="also write links between documents (JSON Lines): "
                                                          "each quote or tweet to its rendering in another document")
    run.add_argument("--sentence-links", action="store_true",
                     help="with --alignments: also link every prose sentence to its translation in another "
                          "document (a sentence-by-sentence map of two versions of one story)")
    run.add_argument("--encoder", choices=["auto", "none"], default="auto",
                     help="sentence encoder for alignment: the multilingual encoder when installed "
                          "(pip install '.[align]'; default) or none (evidence only)")
    run.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                     help=f"refuse files larger than this (default {DEFAULT_MAX_BYTES // 2**20} MiB)")
    run.add_argument("--no-progress", action="store_true", help="no progress bar (it only shows on a terminal)")
    run.add_argument("--quiet", "-q", action="store_true", help="no summary line")
    score = sub.add_parser("score", help="score an output file against gold annotations",
                           description="Score toolkit output (JSON Lines) against *.gold.json files, e.g. "
                                       "toolkit score out.jsonl --gold corpus/gold")
    score.add_argument("output", help="JSON Lines written by toolkit run")
    score.add_argument("--gold", required=True, help="folder of NAME.gold.json (+ NAME.sentences.json)")
    score.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    score.set_defaults(handler=cmd_score)
    _add_optional_commands(sub)
    return parser


def cmd_score(args) -> int:
    """``toolkit score``: the README's quality numbers for an output file."""
    import json
    from .evaluate import evaluate_documents, format_metrics
    with open(args.output, encoding="utf-8") as handle:
        docs = (json.loads(line) for line in handle if line.strip())
        metrics = evaluate_documents(docs, args.gold)
    print(json.dumps(metrics, ensure_ascii=False) if args.json else format_metrics(metrics))
    return EXIT_OK


def _add_optional_commands(sub) -> None:
    """Subcommands that live in their own modules (text tools, model management)."""
    from .cli_models import add_models_commands
    from .cli_text import add_text_commands
    add_text_commands(sub)
    add_models_commands(sub)


# -- run -----------------------------------------------------------------------------------------

def _config_from(args) -> tuple[Config, list[str]]:
    options = {"normalize": args.normalize, "transliterate": args.transliterate, "backend": args.backend,
               "stanza_dir": args.stanza_dir, "encoder": None if args.encoder == "none" else args.encoder}
    if args.region:
        options["region"] = args.region
    return Config.from_options(**options), list(args.skip)


def _pipeline_names(skip: list[str]) -> list[str]:
    names = [n for n in DEFAULT_STAGES if n not in skip]
    return names


def _process_path(task) -> list[tuple[str, bool, int]]:
    """Worker: read one path and process every document in it; returns JSON lines."""
    path, config, names, max_bytes = task
    from .api import build_pipeline, process_source
    pipeline = build_pipeline(names)
    out = []
    for source in read_sources(path, max_bytes=max_bytes):
        doc = process_source(source, pipeline, config)
        out.append((dumps(doc.to_dict()), doc.failed, len(doc.text.encode("utf-8"))))
    return out


def _results(paths: list[str], config: Config, names: list[str], args) -> Iterator[list]:
    tasks = [(p, config, names, args.max_bytes) for p in paths]
    if args.jobs > 1 and len(tasks) > 1 and "-" not in paths:
        import multiprocessing
        with multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn").Pool(args.jobs) as pool:
            yield from pool.imap(_process_path, tasks, chunksize=1)
    else:
        for task in tasks:
            yield _process_path(task)


def _progress(total: int, args):
    if args.no_progress or not sys.stderr.isatty() or total <= 1:
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    return tqdm(total=total, unit="file", desc="toolkit run", file=sys.stderr)


def cmd_run(args) -> int:
    """``toolkit run``: process the paths and write the output atomically."""
    import json
    try:
        paths = list(iter_input_paths(args.paths))
    except ReadError as exc:
        print(f"toolkit run: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not paths:
        print(f"toolkit run: no .txt, .md, .html or .jsonl files under {' '.join(args.paths)}", file=sys.stderr)
        return EXIT_USAGE
    if args.jobs < 1:
        print("toolkit run: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    config, skip = _config_from(args)
    known = registered_stages()
    unknown = [s for s in skip if s not in known]
    if unknown:
        print(f"toolkit run: unknown stage(s) {', '.join(unknown)}; stages: {', '.join(DEFAULT_STAGES)}",
              file=sys.stderr)
        return EXIT_USAGE
    names = _pipeline_names(skip)
    linker = None
    if args.alignments:
        from .align.corpus import CorpusLinker
        linker = CorpusLinker(encoder=config.encoder, config={"emit_sentence_links": args.sentence_links})
    started = time.perf_counter()
    n_docs = n_failed = n_bytes = 0
    bar = _progress(len(paths), args)
    newline = "" if args.format == "csv" else None
    with atomic_output(args.output, newline=newline) as stream:
        writer = make_writer(stream, args.format, args.table)
        for results in _results(paths, config, names, args):
            for line, failed, size in results:
                obj = json.loads(line) if args.format != "jsonl" or linker is not None else None
                if args.format == "jsonl":
                    stream.write(line + "\n")
                else:
                    writer.write(obj)
                if linker is not None:
                    from .document import Document
                    linker.add(Document.from_dict(obj))
                n_docs += 1
                n_failed += failed
                n_bytes += size
            if bar is not None:
                bar.update(1)
        writer.close()
    if bar is not None:
        bar.close()
    if linker is not None:
        with atomic_output(args.alignments) as stream:
            for link in linker.links():
                stream.write(dumps(link) + "\n")
    elapsed = time.perf_counter() - started
    if not args.quiet:
        print(f"toolkit run: {n_docs} documents, {n_failed} with errors, {n_bytes / 1e6:.2f} MB, {elapsed:.2f} s"
              + (f" -> {args.output}" if args.output not in (None, "-") else ""), file=sys.stderr)
    return EXIT_SOME_FAILED if n_failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``toolkit`` console command; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:       # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.command == "run":
        try:
            return cmd_run(args)
        except KeyboardInterrupt:
            print("toolkit run: interrupted; no output was written", file=sys.stderr)
            return 130
    return int(args.handler(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
