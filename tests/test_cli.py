"""`toolkit run` end to end: formats, tables, exit codes, atomic output, jobs."""
import csv
import io
import json
import subprocess
import sys

import pytest

from toolkit.cli import main
from toolkit.io.writers import TABLES

ARTICLE = ("Talks resumed on Monday, the minister said.\n\n"
           "بدأت المحادثات اليوم! pic.twitter.com/AbCd — وزارة الخارجية (@MoFA) March 3, 2024\n\n"
           "The foreign ministry wrote that talks had begun.")


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "docs"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "sub" / "b.md").write_text("# Title Here\n\nSome text here.", encoding="utf-8")
    return d


def test_run_jsonl(folder, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["run", str(folder), "-o", str(out)]) == 0
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in docs] == ["a", "b"]
    assert docs[0]["tweets"][0]["author"]["handle"] == "MoFA"
    assert "2 documents, 0 with errors" in capsys.readouterr().err


def test_news_region_from_option_or_record(tmp_path):
    src = tmp_path / "wire.jsonl"
    rows = [{"id": "ma", "text": "قال إدريس إن المحادثات مستمرة.", "country": "MA"},
            {"id": "plain", "text": "قال إدريس إن المحادثات مستمرة."},
            {"id": "odd", "text": "قال إدريس إن المحادثات مستمرة.", "country": "Atlantis"},
            {"id": "url", "text": "قال إدريس إن المحادثات مستمرة.", "url": "https://news.example.ma/2025/talks"}]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["run", str(src), "-o", str(out), "--transliterate", "news", "--encoder", "none", "-q"]) == 0
    docs = {d["id"]: d for d in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert "Driss" in docs["ma"]["sentences"][0]["translit"]
    assert "Idris" in docs["plain"]["sentences"][0]["translit"]
    assert docs["odd"]["errors"][0]["code"] == "unknown_region"
    assert "Idris" in docs["odd"]["sentences"][0]["translit"]
    assert "Driss" in docs["url"]["sentences"][0]["translit"]          # the outlet's .ma domain
    assert main(["run", str(src), "-o", str(out), "--transliterate", "news", "--region", "EG",
                 "--encoder", "none", "-q"]) == 0
    docs = {d["id"]: d for d in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert docs["ma"]["sentences"][0]["translit"] == docs["plain"]["sentences"][0]["translit"]


def test_run_json_and_jobs_give_same_documents(folder, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["run", str(folder), "-o", str(one), "-q"]) == 0
    assert main(["run", str(folder), "-o", str(two), "-q", "--jobs", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()
    arr = tmp_path / "all.json"
    assert main(["run", str(folder), "-o", str(arr), "--format", "json", "-q"]) == 0
    assert [d["id"] for d in json.loads(arr.read_text())] == ["a", "b"]


@pytest.mark.parametrize("table", sorted(TABLES))
def test_csv_tables_open_with_the_csv_module(folder, tmp_path, table):
    out = tmp_path / f"{table}.csv"
    assert main(["run", str(folder), "-o", str(out), "--format", "csv", "--table", table, "-q"]) == 0
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with out.open(newline="", encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == TABLES[table][0]
    if table == "tweets":
        assert rows[0]["handle"] == "MoFA" and rows[0]["date"] == "2024-03-03"
    if table == "sentences":
        assert len(rows) >= 5


def test_failed_document_gives_exit_1_and_others_are_written(folder, tmp_path):
    (folder / "bin.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out.jsonl"
    assert main(["run", str(folder), "-o", str(out), "-q"]) == 1
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [d["id"] for d in docs] == ["a", "bin", "b"]
    assert docs[1]["errors"][0]["code"] == "binary"


def test_usage_errors_exit_2(folder, tmp_path, capsys):
    assert main(["run", str(tmp_path / "missing")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["run"]) == 2
    assert main(["run", str(folder), "--skip", "nope"]) == 2
    assert "unknown stage(s) nope" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["run", str(tmp_path / "empty")]) == 2
    assert main(["run", str(folder), "--jobs", "0"]) == 2
    assert main([]) == 2


def test_interrupted_run_leaves_old_output(folder, tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")
    import toolkit.cli as cli

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_process_path", boom)
    assert main(["run", str(folder), "-o", str(out)]) == 130
    assert out.read_text() == "previous\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_stdin_and_module_entry_point(tmp_path):
    result = subprocess.run([sys.executable, "-m", "toolkit", "run", "-", "-q"], input=ARTICLE.encode(),
                            capture_output=True, check=True)
    doc = json.loads(result.stdout)
    assert doc["id"] == "stdin" and len(doc["tweets"]) == 1


def test_help_teaches():
    result = subprocess.run([sys.executable, "-m", "toolkit", "run", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "examples:" in result.stdout and "--table" in result.stdout


def test_alignments_across_documents_and_sentence_links(tmp_path):
    d = tmp_path / "story"
    d.mkdir()
    (d / "ar.txt").write_text("أفرجت السلطات عن 39 امرأة من سجن عوفر يوم 24 نوفمبر.\n\n"
                              "ووصلت الحافلات إلى رام الله مساء 24 نوفمبر وسط استقبال.", encoding="utf-8")
    (d / "en.txt").write_text("Authorities released 39 women from Ofer prison on November 24.\n\n"
                              "The buses reached Ramallah on the evening of November 24 to a large welcome.",
                              encoding="utf-8")
    links, more = tmp_path / "links.jsonl", tmp_path / "more.jsonl"
    assert main(["run", str(d), "-o", str(tmp_path / "o.jsonl"), "--encoder", "none", "--alignments", str(links),
                 "--no-progress", "--quiet"]) == 0
    assert links.read_text(encoding="utf-8") == ""        # no quote or tweet: nothing to link
    assert main(["run", str(d), "-o", str(tmp_path / "o2.jsonl"), "--encoder", "none", "--alignments", str(more),
                 "--sentence-links", "--no-progress", "--quiet"]) == 0
    rows = [json.loads(line) for line in more.read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["from"].startswith("s") and r["from_doc"] != r["to_doc"] for r in rows)
