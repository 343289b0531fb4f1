#!/usr/bin/env python
"""Train the Arabic stanza tokenizer and MWT expander shipped in ``langs/ar/stanza/``.

Data: UD Arabic-PUD (``../shared/data/ud/ar_pud-ud-test.conllu``, CC BY-SA 3.0). PUD writes
clitics as separate words glued with ``SpaceAfter=No`` (``ل`` + ``أوباما``) and has no
multi-word-token lines, so this script first turns each glued run of Arabic-letter words into a
UD multi-word token (``لأوباما`` = ``ل`` + ``أوباما``); the MWT expander then learns to split
clitics. Documents (``# newdoc id``) are shuffled with a fixed seed and split 80/10/10 into
train/dev/test, so no document is in two splits.

Training uses stanza's own code, unchanged:

1. ``python -m stanza.utils.datasets.prepare_tokenizer_treebank UD_Arabic-PUD``
2. ``python -m stanza.utils.datasets.prepare_mwt_treebank UD_Arabic-PUD``
3. ``python -m stanza.utils.training.run_tokenizer UD_Arabic-PUD --no_charlm --steps N ...``
4. ``python -m stanza.utils.training.run_mwt UD_Arabic-PUD --num_epoch E ...``

then copies the two ``.pt`` files into ``langs/ar/stanza/ar/{tokenize,mwt}/pud.pt``, writes the
``resources.json`` stanza reads with ``dir=``, and scores the shipped pipeline end to end on
the held-out test documents (token, sentence and multi-word-token F1 from stanza's copy of the
CoNLL 2018 evaluation script) into ``scores.json``.

Example (about 15 minutes on 2 CPU cores)::

    OMP_NUM_THREADS=1 nice -n 10 python scripts/train_stanza_ar.py --steps 1000

Never run in CI.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CONLLU = ROOT.parent / "shared" / "data" / "ud" / "ar_pud-ud-test.conllu"
DEFAULT_OUT = ROOT / "langs" / "ar" / "stanza"
TREEBANK = "UD_Arabic-PUD"
SHORT = "ar_pud"
PACKAGE = "pud"

_ARABIC_WORD = re.compile(r"^[\u0620-\u064A\u064B-\u065F\u0670-\u06D3\u06FA-\u06FF]+$")


def read_conllu_sentences(path: Path) -> list[list[str]]:
    """The sentences of a CoNLL-U file, each a list of lines (comments included).

    >>> import tempfile, os
    >>> p = Path(tempfile.mkdtemp()) / "x.conllu"
    >>> _ = p.write_text("# sent_id = 1\\n1\\ta\\t_\\t_\\t_\\t_\\t0\\troot\\t_\\t_\\n\\n", encoding="utf-8")
    >>> len(read_conllu_sentences(p))
    1
    """
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
        else:
            current.append(line)
    if current:
        sentences.append(current)
    return sentences


def doc_id(sentence: list[str]) -> str:
    """The document id of a PUD sentence (``# newdoc id``, else the sent_id's first 6 characters).

    >>> doc_id(["# newdoc id = n01001", "# sent_id = n01001011"])
    'n01001'
    """
    for line in sentence:
        if line.startswith("# newdoc id ="):
            return line.split("=", 1)[1].strip()
    for line in sentence:
        if line.startswith("# sent_id ="):
            return line.split("=", 1)[1].strip()[:6]
    return "?"


def _is_clitic_piece(cols: list[str]) -> bool:
    return cols[3] != "PUNCT" and bool(_ARABIC_WORD.match(cols[1]))


def add_clitic_mwts(sentence: list[str]) -> tuple[list[str], int]:
    """Turn runs of Arabic words glued by ``SpaceAfter=No`` into UD multi-word tokens.

    Returns the new lines and the number of multi-word tokens made. The token's form is the
    concatenation of its words (PUD's words always concatenate to the surface text), and the
    run's last ``SpaceAfter`` moves to the token line.

    >>> lines = ["1\\tل\\tل\\tADP\\tIN\\t_\\t2\\tcase\\t_\\tSpaceAfter=No",
    ...          "2\\tأوباما\\tا\\tPROPN\\tNNP\\t_\\t0\\troot\\t_\\t_"]
    >>> new, n = add_clitic_mwts(lines)
    >>> n, new[0].split("\\t")[:2]
    (1, ['1-2', 'لأوباما'])
    """
    comments = [l for l in sentence if l.startswith("#")]
    words = [l.split("\t") for l in sentence if not l.startswith("#")]
    if any("-" in w[0] or "." in w[0] for w in words):
        return sentence, 0  # already has MWTs or empty nodes: leave as is
    out, made, i = list(comments), 0, 0
    while i < len(words):
        j = i
        while (j + 1 < len(words) and "SpaceAfter=No" in words[j][9].split("|")
               and _is_clitic_piece(words[j]) and _is_clitic_piece(words[j + 1])):
            j += 1
        if j > i:
            run = words[i:j + 1]
            form = "".join(w[1] for w in run)
            last_misc = [m for m in run[-1][9].split("|") if m == "SpaceAfter=No"]
            misc = "|".join(last_misc) or "_"
            out.append("\t".join([f"{run[0][0]}-{run[-1][0]}", form] + ["_"] * 7 + [misc]))
            for w in run:
                misc_w = "|".join(m for m in w[9].split("|") if m not in ("SpaceAfter=No", "_")) or "_"
                out.append("\t".join(w[:9] + [misc_w]))
            made += 1
        else:
            out.append("\t".join(words[i]))
        i = j + 1
    return out, made


def split_by_document(sentences: list[list[str]], seed: int, ratios=(0.8, 0.1, 0.1)) -> dict[str, list[list[str]]]:
    """Shuffle document ids with ``seed`` and give each split whole documents, in file order.

    >>> s = [["# newdoc id = d%d" % i] for i in range(10)]
    >>> parts = split_by_document(s, 7)
    >>> [len(parts[k]) for k in ("train", "dev", "test")]
    [8, 1, 1]
    """
    docs = sorted({doc_id(s) for s in sentences})
    random.Random(seed).shuffle(docs)
    n_train = round(len(docs) * ratios[0])
    n_dev = round(len(docs) * ratios[1])
    where = {d: "train" for d in docs[:n_train]}
    where.update({d: "dev" for d in docs[n_train:n_train + n_dev]})
    where.update({d: "test" for d in docs[n_train + n_dev:]})
    parts = {"train": [], "dev": [], "test": []}
    for s in sentences:
        parts[where[doc_id(s)]].append(s)
    return parts


def one_paragraph_per_document(sentences: list[list[str]]) -> list[list[str]]:
    """Keep ``# newdoc id`` only on the first sentence of each run of one document.

    PUD repeats ``# newdoc id`` on every sentence, and stanza's data preparation starts a new
    paragraph at each one, so the tokenizer would never see two sentences in one paragraph (and
    never learn to split them). With one paragraph per document it learns sentence boundaries.

    >>> s = [["# newdoc id = a", "# sent_id = 1"], ["# newdoc id = a", "# sent_id = 2"]]
    >>> [len(x) for x in one_paragraph_per_document(s)]
    [2, 1]
    """
    out, last = [], None
    for s in sentences:
        d = doc_id(s)
        out.append(s if d != last else [l for l in s if not l.startswith("# newdoc")])
        last = d
    return out


def _run(cmd: list[str], env: dict, log) -> None:
    print("+", " ".join(cmd), flush=True)
    log.write("+ " + " ".join(cmd) + "\n")
    log.flush()
    subprocess.run(cmd, env=env, check=True, stdout=log, stderr=subprocess.STDOUT)


def _md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def write_resources_json(out_dir: Path) -> dict:
    """Write ``resources.json`` for ``stanza.Pipeline("ar", dir=out_dir, download_method=None)``.

    Returns the written object (``{"ar": {"tokenize": {"pud": ...}, "mwt": {...}, ...}}``).
    """
    entry = {"lang_name": "Arabic",
             "default_processors": {"tokenize": PACKAGE, "mwt": PACKAGE},
             "packages": {"default": {"tokenize": PACKAGE, "mwt": PACKAGE}},
             "default_dependencies": {}}
    for proc in ("tokenize", "mwt"):
        model = out_dir / "ar" / proc / f"{PACKAGE}.pt"
        entry[proc] = {PACKAGE: {"md5": _md5(model)}}
    resources = {"ar": entry, "arabic": {"alias": "ar"}}
    (out_dir / "resources.json").write_text(json.dumps(resources, indent=2) + "\n", encoding="utf-8")
    return resources


def score_pipeline(out_dir: Path, gold_conllu: Path, threads: int = 1) -> dict:
    """Token, sentence, word and multi-word-token F1 (percent) of the shipped pipeline on ``gold_conllu``.

    The raw text of each gold document is run through ``stanza.Pipeline("ar", dir=out_dir)``
    and compared with stanza's CoNLL 2018 evaluation code.
    """
    import io

    import stanza
    import torch
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL

    torch.set_num_threads(threads)
    nlp = stanza.Pipeline("ar", dir=str(out_dir), processors="tokenize,mwt", download_method=None,
                          logging_level="WARN")
    sentences = read_conllu_sentences(gold_conllu)
    # one paragraph per document, sentences joined by a space (the layout of the paras JSONL);
    # documents separated by a blank line
    paragraphs: list[list[list[str]]] = []
    last = None
    for s in sentences:
        if doc_id(s) != last:
            paragraphs.append([])
            last = doc_id(s)
        paragraphs[-1].append(s)
    text_of = lambda s: next(l.split("=", 1)[1].strip() for l in s if l.startswith("# text ="))
    text = "\n\n".join(" ".join(text_of(s) for s in para) for para in paragraphs)
    # gold multi-word tokens as (start, end, words): walk the token forms through the text
    gold_mwts, pos = set(), 0
    for para in paragraphs:
        for s in para:
            skip_to = 0
            for line in s:
                if line.startswith("#"):
                    continue
                cols = line.split("\t")
                if "-" in cols[0]:
                    a, b = (int(x) for x in cols[0].split("-"))
                    pos = text.index(cols[1], pos)
                    words = tuple(l.split("\t")[1] for l in s if not l.startswith("#")
                                  and l.split("\t")[0].isdigit() and a <= int(l.split("\t")[0]) <= b)
                    gold_mwts.add((pos, pos + len(cols[1]), words))
                    pos += len(cols[1])
                    skip_to = b
                elif cols[0].isdigit() and int(cols[0]) > skip_to:
                    pos = text.index(cols[1], pos) + len(cols[1])
    started = time.perf_counter()
    pred = nlp(text)
    seconds = time.perf_counter() - started
    pred_mwts = {(t.start_char, t.end_char, tuple(w.text for w in t.words))
                 for s in pred.sentences for t in s.tokens if len(t.words) > 1}
    hit = len(gold_mwts & pred_mwts)
    p = hit / len(pred_mwts) if pred_mwts else 0.0
    r = hit / len(gold_mwts) if gold_mwts else 0.0
    try:
        result = ud_scores(str(gold_conllu), io.StringIO("{:C}\n\n".format(pred)))
        ud = {k: round(100 * result[k].f1, 2) for k in ("Tokens", "Sentences", "Words")}
    except Exception as exc:  # the scorer refuses output whose characters differ from the gold
        ud = {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}
    return {"tokens_f1": ud.get("Tokens"), "sentences_f1": ud.get("Sentences"),
            "words_f1": ud.get("Words"), **({"eval_error": ud["error"]} if "error" in ud else {}),
            "mwt_f1": round(100 * (2 * p * r / (p + r) if p + r else 0.0), 2),
            "gold_mwts": len(gold_mwts), "chars": len(text), "seconds": round(seconds, 2)}


def main(argv: list[str] | None = None) -> int:
    """Prepare the data, train both models with stanza's scripts, ship them and score them.

    >>> main(["--help"])  # doctest: +SKIP
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conllu", type=Path, default=DEFAULT_CONLLU)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the shipped models go")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "stanza_ar",
                        help="scratch folder for stanza's data and checkpoints")
    parser.add_argument("--seed", type=int, default=1234, help="document split and training seed")
    parser.add_argument("--steps", type=int, default=1000, help="tokenizer training steps")
    parser.add_argument("--mwt-epochs", type=int, default=30, help="MWT expander epochs")
    parser.add_argument("--threads", type=int, default=1, help="torch threads")
    args = parser.parse_args(argv)

    if not args.conllu.exists():
        print(f"error: {args.conllu} not found (UD Arabic-PUD test file)", file=sys.stderr)
        return 2
    work = args.work.resolve()
    if work.exists():
        shutil.rmtree(work)
    udbase = work / "ud"
    tb_dir = udbase / TREEBANK
    tb_dir.mkdir(parents=True)

    sentences = read_conllu_sentences(args.conllu)
    converted, n_mwt = [], 0
    for s in sentences:
        new, made = add_clitic_mwts(s)
        converted.append(new)
        n_mwt += made
    parts = split_by_document(converted, args.seed)
    for name in parts:
        parts[name] = one_paragraph_per_document(parts[name])
    split_info = {}
    for name, sents in parts.items():
        path = tb_dir / f"{SHORT}-ud-{name}.conllu"
        path.write_text("".join("\n".join(s) + "\n\n" for s in sents), encoding="utf-8")
        split_info[name] = {"documents": len({doc_id(s) for s in sents}), "sentences": len(sents),
                            "mwt": sum(1 for s in sents for l in s if re.match(r"^\d+-\d+\t", l))}
    print(f"{len(sentences)} sentences, {n_mwt} clitic MWTs; split {split_info}", flush=True)

    env = dict(os.environ)
    env.update({"DATA_ROOT": str(work / "data"), "UDBASE": str(udbase),
                "OMP_NUM_THREADS": str(args.threads), "MKL_NUM_THREADS": str(args.threads),
                "STANZA_RESOURCES_DIR": str(work / "no_resources")})
    py = sys.executable
    save_tok, save_mwt = work / "saved" / "tokenize", work / "saved" / "mwt"
    log_path = work / "train.log"
    started = time.perf_counter()
    with log_path.open("w", encoding="utf-8") as log:
        _run([py, "-m", "stanza.utils.datasets.prepare_tokenizer_treebank", TREEBANK], env, log)
        _run([py, "-m", "stanza.utils.datasets.prepare_mwt_treebank", TREEBANK], env, log)
        _run([py, "-m", "stanza.utils.training.run_tokenizer", TREEBANK, "--no_charlm", "--force",
              "--save_dir", str(save_tok), "--save_name", f"{SHORT}_tokenizer.pt",
              "--steps", str(args.steps), "--eval_steps", str(max(100, args.steps // 5)),
              "--seed", str(args.seed)], env, log)
        _run([py, "-m", "stanza.utils.training.run_mwt", TREEBANK, "--force",
              "--save_dir", str(save_mwt), "--save_name", f"{SHORT}_mwt_expander.pt",
              "--num_epoch", str(args.mwt_epochs), "--seed", str(args.seed)], env, log)
    train_seconds = time.perf_counter() - started

    out = args.out
    for proc, src in (("tokenize", save_tok / f"{SHORT}_tokenizer.pt"),
                      ("mwt", save_mwt / f"{SHORT}_mwt_expander.pt")):
        dest = out / "ar" / proc / f"{PACKAGE}.pt"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
    write_resources_json(out)

    test_gold = tb_dir / f"{SHORT}-ud-test.conllu"
    scores = {"test": score_pipeline(out, test_gold, args.threads),
              "dev": score_pipeline(out, tb_dir / f"{SHORT}-ud-dev.conllu", args.threads)}
    test_docs = sorted({doc_id(s) for s in parts["test"]})
    dev_docs = sorted({doc_id(s) for s in parts["dev"]})
    report = {"source": str(args.conllu.name), "seed": args.seed, "steps": args.steps,
              "mwt_epochs": args.mwt_epochs, "threads": args.threads, "split": split_info,
              "clitic_mwts": n_mwt, "train_seconds": round(train_seconds, 1),
              "sizes_bytes": {p: (out / "ar" / p / f"{PACKAGE}.pt").stat().st_size for p in ("tokenize", "mwt")},
              "scores": scores, "test_documents": test_docs, "dev_documents": dev_docs,
              "stanza": __import__("stanza").__version__, "torch": __import__("torch").__version__}
    (out / "scores.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if not k.endswith("_documents")}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
