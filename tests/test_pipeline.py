"""Ingest behaviour users rely on: idempotent, replaces changed documents, survives bad input and kills."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from bench.synth import write_corpus
from etl import db, db_stats, dbfile
from etl.cli import main as cli_main
from etl.config import ROOT, Settings
from etl.pipeline import ingest

FIXTURE_DOCS = ROOT / "tests" / "fixtures" / "docs"
FACT_TABLES = (
    "documents",
    "budgets",
    "program_mentions",
    "participations",
    "sites",
    "program_countries",
    "programs",
)


def counts(path: Path) -> dict[str, int]:
    with db.connect(path, read_only=True) as con:
        return {t: n for t, n in db_stats.table_counts(con).items() if t in FACT_TABLES}


def snapshot(path: Path) -> list[tuple]:
    """Every fact as stored, for comparing two databases."""
    with db.connect(path, read_only=True) as con:
        return con.execute(
            "SELECT d.source, b.amount_krw, b.kind, b.fiscal_year, b.evidence FROM budgets b "
            "JOIN documents d USING (document_id) ORDER BY ALL"
        ).fetchall()


def test_ingest_twice_changes_nothing(settings: Settings, tmp_path: Path) -> None:
    first = ingest([str(FIXTURE_DOCS)], settings, progress=False)
    assert first.failed == 0 and first.new == len(list(FIXTURE_DOCS.iterdir()))
    before, facts = counts(settings.db_path), snapshot(settings.db_path)
    mtime = settings.db_path.stat().st_mtime_ns
    again = ingest([str(FIXTURE_DOCS)], settings, progress=False)
    assert (again.new, again.updated, again.unchanged, again.wrote) == (0, 0, first.new, False)
    assert counts(settings.db_path) == before and snapshot(settings.db_path) == facts
    assert settings.db_path.stat().st_mtime_ns == mtime  # the file was not even rewritten


def test_changed_document_replaces_its_own_facts(settings: Settings, tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(FIXTURE_DOCS, src)
    ingest([str(src)], settings, progress=False)
    before = counts(settings.db_path)
    doc = src / "ko_kcloud_2023-02-15.txt"
    doc.write_text(doc.read_text(encoding="utf-8").replace("총 8262억원", "총 9000억원"), encoding="utf-8")
    report = ingest([str(src)], settings, progress=False)
    assert (report.new, report.updated) == (0, 1)
    assert counts(settings.db_path) == before  # replaced, not added
    amounts = {r[1] for r in snapshot(settings.db_path) if r[0].endswith("ko_kcloud_2023-02-15.txt")}
    assert 900_000_000_000 in amounts and 826_200_000_000 not in amounts


def test_rebuild_starts_from_scratch(settings: Settings, tmp_path: Path) -> None:
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(FIXTURE_DOCS / "en_kcloud_2024-06-26.txt", one)
    ingest([str(FIXTURE_DOCS)], settings, progress=False)
    ingest([str(one)], settings, rebuild=True, progress=False)
    assert counts(settings.db_path)["documents"] == 1


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    bad = tmp_path / "bad"
    bad.mkdir()
    files = {
        "empty": bad / "empty.txt",
        "binary": bad / "binary.txt",
        "truncated_pdf": bad / "truncated.pdf",
        "wrong_encoding": bad / "latin.txt",
        "huge": bad / "huge.txt",
        "hostile": bad / "hostile.html",
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 64)
    files["truncated_pdf"].write_bytes((ROOT / "tests/fixtures/readers/announcement.pdf").read_bytes()[:700])
    files["wrong_encoding"].write_bytes(
        "Caf\xe9 na\xefve r\xe9sum\xe9 \x80\x81\x82\x83".encode("latin-1") * 3
    )
    files["huge"].write_bytes(b"a" * 4096)
    files["hostile"].write_bytes(b"<html><body onload='x()'><script>while(1){}</script>" + b"<div>" * 5000)
    return files


def test_bad_inputs_get_one_line_each_and_the_run_goes_on(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ingest([str(FIXTURE_DOCS)], settings, progress=False)
    stored = snapshot(settings.db_path)
    files = _bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(
        (FIXTURE_DOCS / "ko_kcloud_2023-02-15.txt").read_text(encoding="utf-8").replace("8262", "8263")
    )
    small = replace(settings, max_bytes=2048)
    inputs = [str(p) for p in files.values()] + [str(good), "http://127.0.0.1:9/unreachable"]
    code = cli_main(["ingest", *inputs, "--db", str(small.db_path), "--quiet"])
    err_lines = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("error:")]
    assert code == 1
    assert len(err_lines) >= len(files)  # every bad input named (a wrong encoding may still decode)
    for name in ("empty.txt", "binary.txt", "truncated.pdf", "hostile.html", "unreachable"):
        assert sum(name in ln for ln in err_lines) == 1, (name, err_lines)
    with db.connect(settings.db_path, read_only=True) as con:
        errors = con.execute("SELECT source, stage, message FROM ingest_errors").fetchall()
        sources = {r[0] for r in con.execute("SELECT source FROM documents").fetchall()}
    assert len(errors) == len(err_lines) and all("\n" not in m for _, _, m in errors)
    assert str(good) in sources  # the good input still loaded
    assert set(stored) <= set(snapshot(settings.db_path))  # nothing already stored was lost


def test_huge_file_is_refused_without_reading_it(settings: Settings, tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse 100 MB file: costs no disk
    report = ingest([str(huge)], settings, progress=False)
    assert report.failed == 1 and "too large" in report.failures[0].message


def _run_ingest(
    corpus: Path, dbp: Path, *extra: str, env_extra: dict[str, str] | None = None
) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env_extra or {})}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "etl",
            "ingest",
            str(corpus),
            "--db",
            str(dbp),
            "--quiet",
            "--workers",
            "1",
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_killed_mid_ingest_then_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 150, seed=3)
    dbp = tmp_path / "killed.duckdb"
    ingest([str(FIXTURE_DOCS)], Settings(db_path=dbp, workers=1), progress=False)
    before = snapshot(dbp)
    proc = _run_ingest(corpus, dbp, env_extra={"POLICY_BATCH_SIZE": "5"})
    wal = Path(str(dbfile.building_path(dbp)) + ".wal")
    deadline = time.monotonic() + 120
    while not wal.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)  # a few more batches commit
    assert proc.poll() is None, "ingest finished before it could be killed; make the corpus bigger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert snapshot(dbp) == before  # the published database is untouched by the killed run
    rerun = _run_ingest(corpus, dbp)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read().decode() if rerun.stderr else ""
    clean = tmp_path / "clean.duckdb"
    ingest([str(FIXTURE_DOCS)], Settings(db_path=clean, workers=1), progress=False)
    ingest([str(corpus)], Settings(db_path=clean, workers=1), progress=False)
    assert snapshot(dbp) == snapshot(clean) and counts(dbp) == counts(clean)


def test_dashboard_reads_while_ingest_writes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 120, seed=5)
    dbp = tmp_path / "live.duckdb"
    ingest([str(FIXTURE_DOCS)], Settings(db_path=dbp, workers=1), progress=False)
    proc = _run_ingest(corpus, dbp)
    reads, seen = 0, set()
    while proc.poll() is None or reads == 0:
        with duckdb.connect(str(dbp), read_only=True) as con:  # what the dashboard does on each rerun
            seen.add(con.execute("SELECT count(*) FROM documents").fetchone()[0])
        reads += 1
    assert proc.returncode == 0
    with duckdb.connect(str(dbp), read_only=True) as con:
        seen.add(con.execute("SELECT count(*) FROM documents").fetchone()[0])
    assert reads > 5 and max(seen) == len(list(FIXTURE_DOCS.iterdir())) + 120


def test_parallel_workers_give_the_same_facts(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 40, seed=7)
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    ingest([str(corpus)], Settings(db_path=one, workers=1), progress=False)
    ingest([str(corpus)], Settings(db_path=two, workers=2, inline_below=0), progress=False)  # real workers
    assert snapshot(one) == snapshot(two)
