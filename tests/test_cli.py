"""The command line: extract's stable JSON keys and order, ingest exit codes, stats and export."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest

from etl.cli import main
from etl.config import ROOT

DOCS = ROOT / "tests" / "fixtures" / "docs"
REQUIRED = {
    "top": {
        "source",
        "title",
        "published_on",
        "lang",
        "programs",
        "budgets",
        "institutions",
        "sites",
        "countries",
    },
    "programs": {"name", "start_year", "end_year"},
    "budgets": {
        "amount",
        "unit_text",
        "currency",
        "amount_krw",
        "kind",
        "fiscal_year",
        "program",
        "evidence",
    },
    "institutions": {"name", "aliases_seen", "type", "country", "role", "evidence"},
    "sites": {"name", "address", "area_m2", "status", "evidence"},
}


def test_extract_jsonl_keys_and_input_order(capsys: pytest.CaptureFixture[str]) -> None:
    files = [DOCS / "en_kcloud_2024-06-26.txt", DOCS / "ko_kcloud_2023-02-15.txt"]
    assert main(["extract", *map(str, files), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["source"] for r in records] == [str(f) for f in files]  # the path as given, in order
    for rec in records:
        assert REQUIRED["top"] <= rec.keys()
        for key in ("programs", "budgets", "institutions", "sites"):
            for item in rec[key]:
                assert REQUIRED[key] <= item.keys(), (key, item)
    assert records[1]["budgets"][0]["amount_krw"] == 826_200_000_000
    assert isinstance(records[1]["budgets"][0]["amount_krw"], int)


def test_extract_bad_file_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code = main(["extract", str(empty), str(DOCS / "en_kcloud_2024-06-26.txt")])
    out, err = capsys.readouterr()
    assert code == 1
    assert len(out.splitlines()) == 1  # the good file still printed
    assert err.count("\n") == 1 and err.startswith("error:") and "empty.txt" in err


def test_ingest_stats_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "p.duckdb"
    assert main(["ingest", str(DOCS), "--db", str(db), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "documents: 4 new, 0 updated, 0 unchanged, 0 failed" in err
    assert main(["stats", "--db", str(db)]) == 0
    stats = capsys.readouterr().out
    assert "documents" in stats and "budgets total" in stats
    shares = dict(re.findall(r"English names, (\w+) +([\d,]+ of +[\d,]+)", stats))
    assert set(shares) == {"programs", "institutions", "sites"}
    with duckdb.connect(str(db), read_only=True) as con:
        n_inst = con.execute("SELECT count(DISTINCT institution_id) FROM participations").fetchone()[0]
    assert shares["institutions"].split(" of ")[1].strip() == f"{n_inst:,}"
    assert main(["export", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "csv")]) == 0
    assert main(["export", "--db", str(db), "--format", "parquet", "--out", str(tmp_path / "pq")]) == 0
    assert (tmp_path / "csv" / "budgets.csv").read_text(encoding="utf-8").count("\n") > 5
    assert (tmp_path / "pq" / "documents.parquet").stat().st_size > 0


def test_stats_counts_a_site_english_when_the_gazetteer_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Korean-named facility the gazetteer gives an English name counts as English; so does a name with no
    Hangul; a Korean name the gazetteer does not know does not (etl/db_stats.py english_label_share)."""
    from etl import db
    from etl.normalize import program_key

    path = tmp_path / "s.duckdb"
    with db.connect(path) as con:
        db.migrate(con)
        names = ["서울 AI허브", "서울 AI 허브", "국가 AI 컴퓨팅 센터", "Vector Institute", "어느 혁신센터"]
        with db.transaction(con):
            for seq, name in enumerate(names):
                con.execute(
                    "INSERT INTO sites (site_id, document_id, seq, name, norm_key) VALUES (?, 'd', ?, ?, ?)",
                    [f"d:{seq}", seq, name, program_key(name)],
                )
    assert main(["stats", "--db", str(path)]) == 0
    shares = dict(re.findall(r"English names, (\w+) +([\d,]+ of +[\d,]+)", capsys.readouterr().out))
    assert re.sub(r"\s+", " ", shares["sites"]) == "3 of 4"  # the two hub spellings are one facility


def test_stats_without_database_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "python -m etl ingest" in capsys.readouterr().err
