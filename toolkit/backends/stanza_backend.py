"""stanza as a backend: sentences, tokens, multi-word tokens, entities and parses, all offline.

The backend looks before it loads. For each language it finds a stanza resources folder, reads its
``resources.json``, checks which processors' model files (and their ``pretrain``/charlm
dependencies) are on disk, and builds ONE ``stanza.Pipeline`` per language and folder per process
from what is there, with ``download_method=None``: nothing is ever downloaded.

Where the models are looked for, in order:

1. the folder given (``StanzaBackend(resources_dir=...)``, ``Config.stanza_dir``,
   ``toolkit run --stanza-dir``), else ``$STANZA_RESOURCES_DIR``;
2. the models shipped with the toolkit in ``langs/<lang>/stanza/`` (Arabic: a tokenizer and
   multi-word-token expander trained on UD Arabic-PUD, see its ``MODEL_CARD.md``).

The first folder holding a tokenizer for the language wins. Missing stanza or models raise
:class:`BackendUnavailable`, whose message names the missing package or file and how to get it.

>>> b = StanzaBackend(resources_dir="/nonexistent")
>>> b.features("xx")["tokenize"]["on"]
False
"""
from __future__ import annotations

import importlib.util
import json
import os
import tempfile
import threading
from collections import Counter
from pathlib import Path
from typing import Any

__all__ = [
    "BackendUnavailable",
    "StanzaBackend",
    "FEATURES",
    "LOAD_COUNT",
    "get_backend",
    "inspect_folder",
    "stanza_sentences",
    "unavailable_reason",
    "speaker_candidates",
    "entity_spans",
    "shipped_dir",
    "clear_cache",
]

#: The processors we report on, in stanza's order of dependence.
FEATURES = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
#: What each processor needs besides itself (stanza's REQUIRES_DEFAULT).
_NEEDS = {"mwt": ("tokenize",), "pos": ("tokenize",), "lemma": ("tokenize",),
          "depparse": ("tokenize", "pos", "lemma"), "ner": ("tokenize",)}

#: How many ``stanza.Pipeline`` objects were built, by ``(lang, folder)``: one each per process.
LOAD_COUNT: Counter = Counter()
#: Seconds each pipeline took to build, by ``(lang, folder)``.
LOAD_SECONDS: dict = {}

_PIPELINES: dict[tuple[str, str, tuple], Any] = {}
_LOCK = threading.RLock()

_HOW_TO_GET = ("get them with `toolkit models download {lang} --dir DIR` on a machine with a network "
               "(or copy a stanza resources folder here), then pass --stanza-dir DIR or set STANZA_RESOURCES_DIR")


class BackendUnavailable(RuntimeError):
    """stanza (or a model it needs) is missing; the message names what and how to get it.

    >>> str(BackendUnavailable("no stanza")).startswith("no stanza")
    True
    """


def shipped_dir(lang: str) -> Path | None:
    """The stanza folder shipped in ``langs/<lang>/stanza/``, or None when there is none.

    >>> shipped_dir("xx") is None
    True
    """
    try:
        from ..resources import langs_root
        path = langs_root() / lang / "stanza"
    except Exception:
        return None
    return path if (path / "resources.json").exists() else None


def _stanza_missing() -> str | None:
    for name in ("torch", "stanza"):
        if importlib.util.find_spec(name) is None:
            extra = (" (install the CPU build first: pip install torch==2.13.0 "
                     "; elsewhere use PyTorch's CPU wheel index)") if name == "torch" else ""
            return f"the Python package {name!r} is not installed; run `pip install .[stanza]`{extra}"
    return None


def _load_resources(folder: Path) -> dict | None:
    path = folder / "resources.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _lang_entry(resources: dict, lang: str) -> tuple[str, dict] | None:
    entry = resources.get(lang)
    if isinstance(entry, dict) and "alias" in entry:
        lang = entry["alias"]
        entry = resources.get(lang)
    return (lang, entry) if isinstance(entry, dict) else None


def _default_package(entry: dict, proc: str) -> str | None:
    package = (entry.get("default_processors") or {}).get(proc)
    if package is None:
        package = ((entry.get("packages") or {}).get("default") or {}).get(proc)
    return package


def inspect_folder(folder: str | Path | None, lang: str) -> dict:
    """Look (without loading anything) at which processors ``folder`` can run for ``lang``.

    Returns ``{"lang", "dir", "resources": bool, "tokenize": {"on", "package", "files", "why"}, ...}``
    with one entry per name in :data:`FEATURES`.

    >>> inspect_folder(None, "en")["tokenize"]["why"]
    'no stanza folder given'
    """
    out: dict[str, Any] = {"lang": lang, "dir": str(folder) if folder else None, "resources": False}
    off = lambda why: {"on": False, "package": None, "files": [], "why": why}
    if not folder:
        out.update({p: off("no stanza folder given") for p in FEATURES})
        return out
    folder = Path(folder)
    resources = _load_resources(folder)
    if resources is None:
        why = f"missing {folder / 'resources.json'}" if not (folder / "resources.json").exists() \
            else f"unreadable {folder / 'resources.json'}"
        out.update({p: off(why) for p in FEATURES})
        return out
    out["resources"] = True
    found = _lang_entry(resources, lang)
    if found is None:
        out.update({p: off(f"{lang!r} is not in {folder / 'resources.json'}") for p in FEATURES})
        return out
    code, entry = found
    for proc in FEATURES:
        package = _default_package(entry, proc)
        if package is None:
            out[proc] = off(f"no default {proc} model for {code!r} in resources.json")
            continue
        if package == "identity" and proc == "lemma":
            out[proc] = {"on": True, "package": package, "files": [], "why": "identity lemmatizer (no file)"}
            continue
        files = [folder / code / proc / f"{package}.pt"]
        for dep in ((entry.get(proc) or {}).get(package) or {}).get("dependencies") or []:
            files.append(folder / code / dep["model"] / f"{dep['package']}.pt")
        missing = [str(f) for f in files if not f.exists()]
        if missing:
            out[proc] = {"on": False, "package": package, "files": [str(f) for f in files],
                         "why": "missing " + ", ".join(missing)}
        else:
            out[proc] = {"on": True, "package": package, "files": [str(f) for f in files],
                         "why": f"{package} ({', '.join(f.name for f in files)})"}
    for proc, needs in _NEEDS.items():   # a processor without what it needs cannot run
        if out[proc]["on"]:
            lacking = [n for n in needs if not out[n]["on"]]
            if lacking:
                out[proc] = {**out[proc], "on": False, "why": f"needs {', '.join(lacking)}, which is off"}
    return out


class StanzaBackend:
    """Offline stanza for ``segment(text, lang)``; one pipeline per language and folder per process.

    >>> b = StanzaBackend(resources_dir="/nonexistent", threads=1)
    >>> b.unavailable_reason("en").startswith("no stanza tokenizer for 'en'")
    True
    """

    def __init__(self, resources_dir: str | os.PathLike | None = None, threads: int = 1):
        given = resources_dir if resources_dir else os.environ.get("STANZA_RESOURCES_DIR")
        self.resources_dir: Path | None = Path(given) if given else None
        self.threads = max(1, int(threads or 1))
        self._features: dict[str, dict] = {}

    # -- looking ---------------------------------------------------------------------------------
    def candidates(self, lang: str) -> list[Path]:
        """Folders looked in for ``lang``, in order: the given one, then ``langs/<lang>/stanza``.

        >>> StanzaBackend("/tmp/none").candidates("xx")
        [PosixPath('/tmp/none')]
        """
        out = [self.resources_dir] if self.resources_dir else []
        shipped = shipped_dir(lang)
        if shipped is not None and shipped not in out:
            out.append(shipped)
        return out

    def features(self, lang: str) -> dict:
        """What stanza can do for ``lang`` here: each of :data:`FEATURES` on or off, and why.

        Also ``"dir"`` (the folder used, or None), ``"available"`` and ``"reason"``.

        >>> f = StanzaBackend("/nonexistent").features("en")
        >>> f["available"], f["mwt"]["on"]
        (False, False)
        """
        if lang in self._features:
            return self._features[lang]
        looked = [inspect_folder(folder, lang) for folder in self.candidates(lang)] or [inspect_folder(None, lang)]
        chosen = next((f for f in looked if f["tokenize"]["on"]), looked[0])
        result = dict(chosen)
        missing_pkg = _stanza_missing()
        if missing_pkg:
            result["available"], result["reason"] = False, missing_pkg
        elif chosen["tokenize"]["on"]:
            result["available"], result["reason"] = True, None
        else:
            whys = "; ".join(f"{f['dir'] or 'no folder'}: {f['tokenize']['why']}" for f in looked)
            result["available"] = False
            result["reason"] = f"no stanza tokenizer for {lang!r} ({whys}); " + _HOW_TO_GET.format(lang=lang)
        result["looked_in"] = [f["dir"] for f in looked]
        self._features[lang] = result
        return result

    def unavailable_reason(self, lang: str) -> str | None:
        """None when stanza can segment ``lang`` here, else the message saying what is missing.

        >>> "toolkit models download" in StanzaBackend("/nonexistent").unavailable_reason("en")
        True
        """
        return self.features(lang)["reason"]

    # -- loading ---------------------------------------------------------------------------------
    def pipeline(self, lang: str):
        """The ``stanza.Pipeline`` for ``lang`` (built once per process, then reused).

        Raises :class:`BackendUnavailable` when stanza or the tokenizer is missing.

        >>> StanzaBackend("/nonexistent").pipeline("en")  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        BackendUnavailable: no stanza tokenizer for 'en' ...
        """
        feats = self.features(lang)
        if not feats["available"]:
            raise BackendUnavailable(feats["reason"])
        processors = {p: feats[p]["package"] for p in FEATURES if feats[p]["on"]}
        folder = feats["dir"]
        key = (lang, folder, tuple(sorted(processors.items())))
        with _LOCK:
            nlp = _PIPELINES.get(key)
            if nlp is None:
                nlp = self._build(lang, Path(folder), processors)
                _PIPELINES[key] = nlp
        return nlp

    def _build(self, lang: str, folder: Path, processors: dict):
        import time

        import stanza
        import torch

        torch.set_num_threads(self.threads)
        kwargs: dict[str, Any] = {}
        resources = _load_resources(folder) or {}
        found = _lang_entry(resources, lang)
        if found and "mwt" not in processors:
            # stanza adds the mwt paired with a tokenizer on its own; its file is missing here, so
            # hand stanza a copy of resources.json without that language's mwt entry
            code, entry = found
            trimmed = dict(resources)
            trimmed[code] = {k: v for k, v in entry.items() if k != "mwt"}
            trimmed[code]["packages"] = {name: {k: v for k, v in pkg.items() if k != "mwt"}
                                         for name, pkg in (entry.get("packages") or {}).items()}
            handle = tempfile.NamedTemporaryFile("w", suffix="-resources.json", delete=False, encoding="utf-8")
            with handle:
                json.dump(trimmed, handle)
            kwargs["resources_filepath"] = handle.name
        started = time.perf_counter()
        try:
            nlp = stanza.Pipeline(lang, dir=str(folder), processors=dict(processors), package=None,
                                  download_method=None, logging_level="WARN", use_gpu=False, **kwargs)
        except Exception as exc:
            raise BackendUnavailable(f"stanza could not load its {lang!r} models from {folder}: "
                                     f"{type(exc).__name__}: {exc}") from exc
        finally:
            if "resources_filepath" in kwargs:
                os.unlink(kwargs["resources_filepath"])
        LOAD_COUNT[(lang, str(folder))] += 1
        LOAD_SECONDS[(lang, str(folder))] = time.perf_counter() - started
        return nlp

    # -- running ---------------------------------------------------------------------------------
    def annotate(self, text: str, lang: str):
        """The stanza ``Document`` for ``text`` (torch threads set to ``self.threads`` first).

        >>> StanzaBackend("/nonexistent").annotate("Hi.", "en")  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        BackendUnavailable: ...
        """
        nlp = self.pipeline(lang)
        import torch

        if torch.get_num_threads() != self.threads:
            torch.set_num_threads(self.threads)
        return nlp(text)

    def segment(self, text: str, lang: str, offset: int = 0) -> list[dict]:
        """Sentences of ``text`` with tokens, multi-word tokens' words and entities.

        Each sentence is ``{"start", "end", "text", "tokens": [...], "entities": [...]}``
        (``entities`` only when NER is on). A token is ``{"text", "start", "end", "words"}``;
        ``words`` lists the syntactic words (two or more for a multi-word token such as
        ``وبالمقاومة`` = و + ب + المقاومة), each ``{"text"}`` plus ``start``/``end`` when the pieces
        spell the token, and ``upos``/``lemma``/``head``/``deprel`` when those models ran.
        Offsets are indices into ``text`` plus ``offset``; ``text[start:end]`` is the token.

        >>> StanzaBackend("/nonexistent").segment("Hi.", "en")  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        BackendUnavailable: ...
        """
        if not text.strip():
            return []
        doc = self.annotate(text, lang)
        ner_on = self.features(lang)["ner"]["on"]
        out = []
        for sent in doc.sentences:
            tokens = [_token_dict(tok, text, offset) for tok in sent.tokens]
            tokens = [t for t in tokens if t is not None]
            if not tokens:
                continue
            start, end = tokens[0]["start"] - offset, tokens[-1]["end"] - offset
            item = {"start": start + offset, "end": end + offset, "text": text[start:end], "tokens": tokens}
            if ner_on:
                item["entities"] = entity_spans(sent, text, offset)
            out.append(item)
        return out


def _token_dict(tok, text: str, offset: int) -> dict | None:
    start, end = tok.start_char, tok.end_char
    if start is None or end is None:
        return None
    surface = text[start:end]
    item: dict[str, Any] = {"text": surface, "start": start + offset, "end": end + offset}
    if surface != tok.text:  # stanza normalised something: keep both, offsets stay exact
        item["stanza_text"] = tok.text
    words, pos = [], 0
    spelled = "".join(w.text for w in tok.words) == surface
    for w in tok.words:
        word: dict[str, Any] = {"text": w.text}
        if spelled:
            word["start"], word["end"] = start + pos + offset, start + pos + len(w.text) + offset
            pos += len(w.text)
        for attr in ("upos", "lemma", "deprel"):
            value = getattr(w, attr, None)
            if value is not None:
                word[attr] = value
        if getattr(w, "head", None) is not None:
            word["head"] = w.head
        if getattr(w, "id", None) is not None:
            word["id"] = w.id
        words.append(word)
    item["words"] = words
    return item


def entity_spans(stanza_sentence, text: str | None = None, offset: int = 0) -> list[dict]:
    """The named entities of a stanza sentence: ``{"text", "type", "start", "end"}`` each.

    >>> entity_spans(type("S", (), {"ents": []})())
    []
    """
    out = []
    for ent in getattr(stanza_sentence, "ents", None) or []:
        start, end = ent.start_char, ent.end_char
        surface = text[start:end] if text is not None and start is not None else ent.text
        out.append({"text": surface, "type": ent.type,
                    "start": None if start is None else start + offset,
                    "end": None if end is None else end + offset})
    return out


# -- speakers ------------------------------------------------------------------------------------

_PERSON_TYPES = {"PERSON", "PER", "B-PER", "ORG", "ORGANIZATION", "NORP"}
_ORG = {"ORG", "ORGANIZATION"}
_BUILTIN_SPEECH = {"say", "said", "says", "tell", "told", "tells", "state", "stated", "add", "added",
                   "announce", "announced", "write", "wrote", "claim", "claimed", "insist", "insisted",
                   "قال", "قالت", "يقول", "تقول", "وقال", "وقالت", "أضاف", "أضافت", "أكد", "أكدت"}
#: Words kept with the subject when spanning a speaker (the name, not its relative clause).
_NAME_DEPRELS = {"flat", "flat:name", "flat:foreign", "compound", "amod", "det", "nmod:poss", "nummod",
                 "fixed", "goeswith", "name", "appos"}


def _speech_verbs() -> frozenset[str]:
    words = set(_BUILTIN_SPEECH)
    try:
        from ..resources import word_set
        for lang in ("en", "ar"):
            words |= {w.casefold() for w in word_set(lang, "speech_verbs.txt") if " " not in w}
    except Exception:
        pass
    return frozenset(words)


def _strip_clitics(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def _word_span(word) -> tuple[int | None, int | None]:
    start, end = getattr(word, "start_char", None), getattr(word, "end_char", None)
    if start is None or end is None:
        parent = getattr(word, "parent", None)
        if parent is not None:
            start, end = parent.start_char, parent.end_char
    return start, end


def speaker_candidates(stanza_sentence) -> list[dict]:
    """Who may be speaking in a stanza sentence: subjects of speech verbs, then PERSON/ORG entities.

    A subject candidate is ``{"source": "nsubj", "text", "start", "end", "verb", "verb_start",
    "verb_end", "type"}`` (``type`` the entity type it overlaps, or None); an entity candidate is
    ``{"source": "ner", "text", "type", "start", "end"}``. Offsets are stanza's ``start_char`` /
    ``end_char`` (None when the stanza document has none). Needs the dependency parse for
    subjects and NER for entities; gives what the sentence has.

    >>> from stanza.utils.conll import CoNLL  # doctest: +SKIP
    >>> doc = CoNLL.conll2doc(input_str=CONLLU_OF("May said it."))  # doctest: +SKIP
    >>> speaker_candidates(doc.sentences[0])[0]["text"]  # doctest: +SKIP
    'May'
    """
    verbs = _speech_verbs()
    words = list(getattr(stanza_sentence, "words", []) or [])
    by_id = {w.id: w for w in words}
    children: dict[int, list] = {}
    for w in words:
        if getattr(w, "head", None) is not None:
            children.setdefault(w.head, []).append(w)
    ents = [e for e in getattr(stanza_sentence, "ents", None) or [] if e.type in _PERSON_TYPES]

    def overlap_type(start, end):
        if start is None:
            return None
        for e in ents:
            if e.start_char is not None and e.start_char < end and start < e.end_char:
                return e.type
        return None

    out: list[dict] = []
    for verb in words:
        forms = {(verb.text or "").casefold(), (getattr(verb, "lemma", None) or "").casefold()}
        forms |= {_strip_clitics(f) for f in forms}
        if not forms & verbs or (getattr(verb, "upos", None) not in (None, "VERB", "AUX")):
            continue
        for subj in children.get(verb.id, []):
            deprel = getattr(subj, "deprel", None) or ""
            if deprel not in ("nsubj", "nsubj:outer") and not deprel.startswith("nsubj:") or deprel == "nsubj:pass":
                continue
            keep = {subj.id}
            stack = [subj.id]
            while stack:
                for child in children.get(stack.pop(), []):
                    if child.deprel in _NAME_DEPRELS and child.upos != "PUNCT":
                        keep.add(child.id)
                        stack.append(child.id)
            # keep the contiguous stretch around the head word only
            ids = sorted(keep)
            lo = hi = ids.index(subj.id)
            while lo > 0 and ids[lo - 1] == ids[lo] - 1:
                lo -= 1
            while hi + 1 < len(ids) and ids[hi + 1] == ids[hi] + 1:
                hi += 1
            span_words = [by_id[i] for i in ids[lo:hi + 1]]
            starts = [_word_span(w)[0] for w in span_words]
            ends = [_word_span(w)[1] for w in span_words]
            start = None if None in starts else min(starts)
            end = None if None in ends else max(ends)
            text = _join_words(span_words)
            vs, ve = _word_span(verb)
            out.append({"source": "nsubj", "text": text, "start": start, "end": end,
                        "verb": verb.text, "verb_start": vs, "verb_end": ve,
                        "type": overlap_type(start, end) if start is not None else None})
    for e in ents:
        out.append({"source": "ner", "text": e.text, "type": "ORG" if e.type in _ORG else e.type,
                    "start": e.start_char, "end": e.end_char})
    return out


def _join_words(words) -> str:
    parts = []
    for i, w in enumerate(words):
        parts.append(w.text)
        if i + 1 < len(words):
            parent = getattr(w, "parent", None)
            nxt_parent = getattr(words[i + 1], "parent", None)
            same_token = parent is not None and parent is nxt_parent and len(parent.words) > 1
            no_space = parent is not None and (getattr(parent, "spaces_after", " ") == "")
            parts.append("" if same_token or no_space else " ")
    return "".join(parts)


# -- the hook for the sentences stage ------------------------------------------------------------

_BACKENDS: dict[tuple[str | None, int], StanzaBackend] = {}


def get_backend(config=None) -> StanzaBackend:
    """The shared :class:`StanzaBackend` for a :class:`~toolkit.pipeline.Config` (or None: defaults).

    >>> get_backend(None) is get_backend(None)
    True
    """
    folder = getattr(config, "stanza_dir", None) or os.environ.get("STANZA_RESOURCES_DIR") or None
    threads = int(getattr(config, "torch_threads", 1) or 1)
    key = (str(folder) if folder else None, threads)
    with _LOCK:
        backend = _BACKENDS.get(key)
        if backend is None:
            backend = _BACKENDS[key] = StanzaBackend(folder, threads)
    return backend


def unavailable_reason(lang: str, config=None) -> str | None:
    """None when stanza can segment ``lang`` with this config, else why not (and how to fix it).

    >>> from toolkit.pipeline import Config
    >>> unavailable_reason("xx", Config(stanza_dir="/nonexistent")).startswith("no stanza tokenizer")
    True
    """
    return get_backend(config).unavailable_reason(lang)


def stanza_sentences(text: str, lang: str, config=None, offset: int = 0) -> list[dict] | None:
    """:meth:`StanzaBackend.segment` of a block's text, or None when stanza cannot do ``lang``.

    Offsets are relative to ``text`` plus ``offset`` (pass the block's start to get document
    offsets). Never downloads; on None the caller falls back to the rules and warns with
    :func:`unavailable_reason`.

    >>> from toolkit.pipeline import Config
    >>> stanza_sentences("Hi there.", "xx", Config(stanza_dir="/nonexistent")) is None
    True
    """
    backend = get_backend(config)
    if backend.unavailable_reason(lang) is not None:
        return None
    try:
        return backend.segment(text, lang, offset=offset)
    except BackendUnavailable as exc:   # found on disk but would not load: remember why
        backend.features(lang).update({"available": False, "reason": str(exc)})
        return None


def clear_cache() -> None:
    """Forget every built pipeline, backend and load count (for tests).

    >>> clear_cache()
    """
    with _LOCK:
        _PIPELINES.clear()
        _BACKENDS.clear()
        LOAD_COUNT.clear()
        LOAD_SECONDS.clear()
