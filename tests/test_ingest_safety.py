"""Issue #10: two ingests on one database, kill -9, resume, withdrawn files, per-document budget."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from bench.synth import write_corpus
from etl import db, dbfile
from etl.config import ROOT, Settings
from etl.lock import IngestLocked, ingest_lock
from etl.pipeline import ingest


def _count(path: Path, sql: str) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()[0][0]


def test_second_ingest_is_refused_with_the_running_pid(tmp_path: Path) -> None:
    dbp = tmp_path / "p.duckdb"
    corpus = tmp_path / "c"
    write_corpus(corpus, 3, seed=1)
    locked = pytest.raises(IngestLocked, match=rf"another ingest \(pid {os.getpid()}\) is running")
    with ingest_lock(dbp), locked:
        ingest([str(corpus)], Settings(db_path=dbp, workers=1), progress=False)
    report = ingest([str(corpus)], Settings(db_path=dbp, workers=1), progress=False)
    assert report.new == 3


def test_concurrent_cli_ingest_keeps_the_first_runs_documents(tmp_path: Path) -> None:
    dbp, big, small = tmp_path / "p.duckdb", tmp_path / "big", tmp_path / "small"
    write_corpus(big, 60, seed=2)
    write_corpus(small, 2, seed=3)
    env = {**os.environ, "POLICY_BATCH_SIZE": "5"}
    cmd = [sys.executable, "-m", "etl", "ingest", "--db", str(dbp), "--workers", "1", "--quiet"]
    a = subprocess.Popen([*cmd, str(big)], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    lock_file = dbp.with_name(dbp.name + ".lock")
    deadline = time.monotonic() + 30
    while not (lock_file.exists() and lock_file.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    b = subprocess.run([*cmd, str(small)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert a.wait(timeout=120) == 0, a.stderr.read() if a.stderr else ""
    assert b.returncode == 2
    assert (
        b.stderr.strip() == f"error: another ingest (pid {a.pid}) is running on {dbp}; try again when it ends"
    )
    assert _count(dbp, "SELECT count(*) FROM documents") == 60


def test_kill_9_leaves_no_worker_behind(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    write_corpus(corpus, 80, seed=4)
    env = {**os.environ, "POLICY_INLINE_BELOW": "1"}
    cmd = [
        sys.executable,
        "-m",
        "etl",
        "ingest",
        str(corpus),
        "--db",
        str(tmp_path / "k.duckdb"),
        "--workers",
        "2",
    ]
    parent = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    family: set[int] = set()
    while time.monotonic() < deadline and len(family) < 3:  # 2 workers + the resource tracker
        family = _descendants(parent.pid)
        time.sleep(0.1)
    assert len(family) >= 2, "the ingest never started its workers"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    gone_by = time.monotonic() + 5
    while time.monotonic() < gone_by and any(_alive(p) for p in family):
        time.sleep(0.1)
    assert not [p for p in family if _alive(p)]


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = set(), [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.add(c)
            todo.append(c)
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_killed_run_is_resumed_and_marked_aborted(tmp_path: Path) -> None:
    dbp, corpus = tmp_path / "p.duckdb", tmp_path / "c"
    write_corpus(corpus, 6, seed=5)
    ingest([str(corpus)], Settings(db_path=dbp, workers=1), progress=False)
    work = dbfile.building_path(dbp)
    extra = tmp_path / "c" / "more"
    write_corpus(extra, 2, seed=6)
    # a killed run: its work copy holds a committed document and an unfinished `runs` row
    import shutil

    shutil.copy2(dbp, work)
    con = db.connect(work)
    with db.transaction(con):
        con.execute("INSERT INTO runs (run_id, started_at, status) VALUES (99, now(), 'running')")
    con.close()
    report = ingest([str(corpus)], Settings(db_path=dbp, workers=1), progress=False)
    assert report.resumed and report.new == 2 and report.unchanged == 6
    assert _count(dbp, "SELECT count(*) FROM runs WHERE run_id = 99 AND status = 'aborted'") == 1
    assert not work.exists()


def test_unreadable_work_copy_is_reported_then_replaced(tmp_path: Path) -> None:
    """A killed run's work copy that does not open is not resumed silently: a warning names it and why."""
    dbp, corpus = tmp_path / "p.duckdb", tmp_path / "c"
    write_corpus(corpus, 3, seed=8)
    settings = Settings(db_path=dbp, workers=1, reviews_path=tmp_path / "reviews.jsonl")  # no other warning
    ingest([str(corpus)], settings, progress=False)
    work = dbfile.building_path(dbp)
    work.write_bytes(b"torn write" * 1000)
    seen: list[str] = []
    report = ingest(
        [str(corpus)],
        settings,
        progress=False,
        on_warning=lambda w: seen.append(w.message),
    )
    assert not report.resumed and report.failed == 0 and report.unchanged == 3
    assert len(seen) == 1 and seen[0].startswith("work copy of a killed run discarded: ")
    assert [(w.source, w.stage) for w in report.warnings] == [(str(work), "resume")]
    assert not work.exists()
    assert (
        _count(dbp, "SELECT count(*) FROM ingest_errors WHERE stage = 'resume' AND severity = 'warning'") == 1
    )


def test_removed_file_is_withdrawn_not_counted(tmp_path: Path) -> None:
    dbp, corpus = tmp_path / "p.duckdb", tmp_path / "c"
    write_corpus(corpus, 4, seed=7)
    ingest([str(corpus)], Settings(db_path=dbp, workers=1), progress=False)
    victim = sorted(corpus.rglob("*.*"))[0]
    data = victim.read_bytes()
    victim.unlink()
    report = ingest([str(corpus)], Settings(db_path=dbp, workers=1), progress=False)
    assert report.withdrawn == 1
    assert _count(dbp, "SELECT count(*) FROM documents") == 3
    assert _count(dbp, "SELECT count(*) FROM withdrawn_documents") == 1
    victim.write_bytes(data)  # it comes back: a document again, not both
    ingest([str(corpus)], Settings(db_path=dbp, workers=1), progress=False)
    assert _count(dbp, "SELECT count(*) FROM documents") == 4
    assert _count(dbp, "SELECT count(*) FROM withdrawn_documents") == 0


def test_document_over_the_text_budget_fails_alone(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    write_corpus(corpus, 2, seed=8)
    (corpus / "huge.txt").write_text("국가 AI 연구거점. " * 5000, encoding="utf-8")
    dbp = tmp_path / "p.duckdb"
    report = ingest([str(corpus)], Settings(db_path=dbp, workers=1, max_text_chars=20_000), progress=False)
    assert report.new == 2 and report.failed == 1
    [fail] = report.failures
    assert fail.stage == "budget" and "text too long to extract" in fail.message


def test_document_over_the_time_budget_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import etl.extract.document as document

    real = document.extract_document

    def slow(doc):  # type: ignore[no-untyped-def]
        if Path(doc.source).name == "slow.txt":
            time.sleep(60)
        return real(doc)

    monkeypatch.setattr(document, "extract_document", slow)
    corpus = tmp_path / "c"
    write_corpus(corpus, 2, seed=9)
    (corpus / "slow.txt").write_text("과기정통부는 946억원을 투입한다.", encoding="utf-8")
    report = ingest(
        [str(corpus)], Settings(db_path=tmp_path / "p.duckdb", workers=1, doc_seconds=3), progress=False
    )
    assert [f.stage for f in report.failures] == ["budget"], report.failures
    assert report.new == 2
    assert "took longer than 3 s" in report.failures[0].message


def test_a_forked_kiwi_is_shared_and_pss_counts_it_once() -> None:
    """A process forked from a warm Kiwi (as the forkserver's workers are) shares its pages: its PSS, the
    figure the ingest bench sums, is well under its RSS."""
    import multiprocessing

    from bench.procmem import pss, rss
    from etl import workers

    workers.warm()
    ctx = multiprocessing.get_context("fork")  # Kiwi is single-threaded (etl/nlp.py): safe to fork
    reader, writer = ctx.Pipe()
    child = ctx.Process(target=_report_memory, args=(writer,))
    child.start()
    child_pss, child_rss = reader.recv()
    child.join()
    assert child_rss > 300 * 2**20  # it holds Kiwi
    assert child_pss < child_rss * 0.75  # ... most of it shared with this process
    assert pss(os.getpid()) <= rss(os.getpid())


def _report_memory(conn: object) -> None:
    from bench.procmem import pss, rss

    conn.send((pss(os.getpid()), rss(os.getpid())))  # type: ignore[attr-defined]


def test_the_worker_watch_sees_a_zombie_as_gone() -> None:
    from etl.workers import _alive

    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _alive(proc.pid):
        time.sleep(0.05)  # exited but not reaped: a zombie
    assert not _alive(proc.pid)
    proc.wait()
    assert not _alive(proc.pid)
    assert _alive(os.getpid())


def test_no_kiwi_is_held_once_extraction_is_done(tmp_path: Path) -> None:
    """The forkserver (a whole Kiwi) is stopped when its pool is done, before the load's last transaction."""
    corpus = tmp_path / "c"
    write_corpus(corpus, 40, seed=5)
    settings = Settings(db_path=tmp_path / "f.duckdb", workers=2, inline_below=1)
    report = ingest([str(corpus)], settings, progress=False)
    assert report.failed == 0
    left = [p for p in _descendants(os.getpid()) if "forkserver" in _cmdline(p)]
    assert not left, "the forkserver outlived its pool"


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""
