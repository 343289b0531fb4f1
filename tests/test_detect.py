"""Language runs: script decides Arabic vs English; langdetect only within a script; entities never vote."""
import json
from collections import defaultdict

import toolkit
from toolkit.detect import detect, summarize

from .conftest import shared_path


def test_runs_and_entities():
    runs = detect("قال الوزير Trump said pic.twitter.com/abc @user #وسم 150")
    assert [(r.lang, r.script) for r in runs][:3] == [("ar", "Arab"), ("en", "Latn"), ("und", "Zyyy")]
    doc = toolkit.process("بعد أن أمضت أكثر من 150 يومًا في العزل pic.twitter.com/WFrKwWkndn", strict=True)
    assert doc.sentences[0].lang == "ar"


def test_offsets_of_runs():
    text = "\u200fمرحبا\u200f Hello 😀 world"
    for r in detect(text):
        assert text[r.start:r.end] == r.text


def test_same_script_languages():
    assert summarize(detect("Le gouvernement a annoncé mardi une nouvelle série de mesures pour les familles."))[0] == "fr"
    assert summarize(detect("The government announced a new series of measures for families on Tuesday."))[0] == "en"
    assert summarize(detect("دولت ایران روز سه‌شنبه اعلام کرد که گفتگوها ادامه خواهد یافت و هیئت‌ها به تهران می‌روند."))[0] == "fa"
    assert summarize(detect("أعلنت الحكومة يوم الثلاثاء عن سلسلة جديدة من الإجراءات للأسر."))[0] == "ar"


def test_mixed_and_und():
    assert summarize(detect("The slogan “الأرض لنا ولن نرحل” was everywhere"))[0] == "mixed"
    assert summarize(detect("😀 👍 150"), fallback=False)[0] == "und"


def test_determinism_of_langdetect_path():
    text = "Der Minister sagte am Montag, dass die Gespräche in der nächsten Woche fortgesetzt werden."
    assert len({summarize(detect(text)) for _ in range(5)}) == 1


def test_langid_segments_en_ar():
    path = shared_path("data", "langid", "langid_segments.jsonl")
    by_bucket = defaultdict(lambda: [0, 0])
    for line in path.read_text(encoding="utf-8").splitlines():
        seg = json.loads(line)
        if seg["lang"] not in ("en", "ar"):
            continue
        got = summarize(detect(seg["text"]))[0]
        by_bucket[seg["bucket"]][0] += got == seg["lang"]
        by_bucket[seg["bucket"]][1] += 1
    for bucket, (ok, n) in by_bucket.items():
        assert ok / n >= 0.97, (bucket, ok, n)
