"""Quote attribution on real news text, against speakers the team annotated (names and offsets
only, in tests/data): the English side of NTREX-128 (BBC, Reuters, CNN, NYT and other outlets,
rebuilt into documents) and Arabic SaudiNewsNet paragraphs, both in ../shared/data.

The invented corpus cannot show how real wire copy names people ("Mr. Adams said", "On Saturday,
Oriol Junqueras, one of …, announced", "Kit Harington … Kit said", "ماكينتوش الذي دخل …"); this test
does. It skips when ../shared is absent. `python benchmarks/bench_quotes.py --real` prints the numbers.
"""
from __future__ import annotations

from pathlib import Path

from toolkit.evaluate import real_speaker_accuracy

from .conftest import shared_path

DATA = Path(__file__).parent / "data"


def test_speakers_on_real_news():
    got = real_speaker_accuracy(shared_path("data").parent, DATA)
    english, arabic = got["ntrex_en"], got["arabic_news"]
    assert english["found"] >= 0.95 * english["gold"], "the rebuilt documents or the quote finder moved: offsets no longer match"
    # measured 2026-12-06 on 316 English quotes: 0.91 after that day's fixes. Before them, 0.62 on the first
    # 116 (read while fixing). Two later slices were annotated only after the fixes to the quotes before
    # them (the honest estimates): 0.84 on 49 quotes, then 0.92 on the last 52. Arabic, 37 quotes: 0.62
    # before, 0.81 after; 16 more, annotated after those fixes: 0.81.
    assert english["acc"] >= 0.85, english["wrong"]
    assert arabic["acc"] >= 0.75, arabic["wrong"]
    # the Arabic translation of the same NTREX news, checked across scripts against the English speakers
    # (a floor: descriptions cannot match across scripts): 0.34 before the 2026-12-06 fixes, 0.48 after
    assert got["ntrex_ar"]["found"] >= 200 and got["ntrex_ar"]["acc"] >= 0.38, got["ntrex_ar"]["wrong"]
    # UD English PUD (news and wiki sentences grouped by document), 36 quotes whose group names the speaker:
    # 0.75 when first read (after the other fixes of 2026-12-06), 0.97 after
    assert got["pud_en"]["acc"] >= 0.85, got["pud_en"]["wrong"]
