"""`ingest --engine ray`: a local Ray cluster of 2 workers builds the database a local run builds.

The Ray tests skip when Ray (an optional dependency) is not installed; the default path and the
missing-Ray error are checked either way.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from etl import db
from etl.cli import RAY_PIN
from etl.cli import main as cli_main
from etl.config import ROOT, Settings
from etl.pipeline import RunReport, ingest

if TYPE_CHECKING:
    from etl.distributed import RayEngine

RAW = ROOT / "data" / "raw"
FIXTURE_DOCS = ROOT / "tests" / "fixtures" / "docs"
BOOKKEEPING_TABLES = {"runs", "schema_migrations"}  # when and by which process, not what was loaded
needs_ray = pytest.mark.skipif(
    importlib.util.find_spec("ray") is None,
    reason='Ray is not installed (optional: pip install "ray[data]==2.60.0")',
)


def contents(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without run ids and timestamps (`run_id`, `*_at`, `valid_from`/`valid_to`)."""
    out = {}
    with db.connect(path, read_only=True) as con:
        tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        for table in (t for t in tables if t not in BOOKKEEPING_TABLES):
            cols = [
                c
                for (c,) in con.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index",
                    [table],
                ).fetchall()
                if c not in ("run_id", "valid_from", "valid_to") and not c.endswith("_at")
            ]
            out[table] = con.execute(f'SELECT {", ".join(cols)} FROM "{table}" ORDER BY ALL').fetchall()
    return out


@pytest.fixture(scope="module")
def engine() -> Iterator[RayEngine]:
    """One local Ray cluster with 2 CPUs for the module (each ingest starts its own pool of 2 actors)."""
    from etl.distributed import RayEngine

    with RayEngine(workers=2) as eng:
        yield eng


def _bad_inputs(folder: Path) -> list[Path]:
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "truncated.pdf").write_bytes(
        (ROOT / "tests/fixtures/readers/announcement.pdf").read_bytes()[:700]
    )
    return sorted(folder.iterdir())


@needs_ray
def test_ray_run_builds_the_database_a_local_run_builds(engine: RayEngine, tmp_path: Path) -> None:
    import ray

    assert ray.cluster_resources()["CPU"] == 2 and engine.size == 2
    bad = _bad_inputs(tmp_path / "bad")
    inputs = [str(RAW), *map(str, bad)]
    local, remote = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    plain = ingest(inputs, Settings(db_path=local, workers=1), progress=False)
    on_ray = ingest(inputs, Settings(db_path=remote), progress=False, engine=engine)
    assert plain.new == on_ray.new > 70
    assert _failures(on_ray) == _failures(plain) and len(_failures(plain)) == len(bad)  # one line each
    a, b = contents(local), contents(remote)
    assert {"documents", "budgets", "institutions", "sites", "programs", "ingest_errors"} <= a.keys()
    for table in a:
        assert b[table] == a[table], table


def _failures(report: RunReport) -> list[tuple[str, str, str]]:
    return sorted((f.source, f.stage, f.message) for f in report.failures)


@needs_ray
def test_per_document_time_budget_holds_in_ray_workers(engine: RayEngine, tmp_path: Path) -> None:
    """The budget's SIGALRM reaches the code: Ray Data runs our class in the actor's main thread."""
    docs = sorted(FIXTURE_DOCS.glob("*.txt"))[:3]
    settings = replace(Settings(db_path=tmp_path / "b.duckdb"), doc_seconds=0.0001)
    report = ingest([str(p) for p in docs], settings, progress=False, engine=engine)
    assert len(docs) == 3 and report.new == 0
    assert [(f.stage, "took longer than" in f.message) for f in report.failures] == [("budget", True)] * 3


def test_default_path_never_imports_ray(tmp_path: Path) -> None:
    code = (
        "import sys, etl.pipeline, etl.cli\n"
        f"rc = etl.cli.main(['ingest', {str(FIXTURE_DOCS)!r}, '--db', {str(tmp_path / 'd.duckdb')!r}, '--quiet'])\n"
        "assert rc == 0, rc\n"
        "print(sorted(m for m in sys.modules if m == 'ray' or m.startswith(('ray.', 'etl.distributed'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]"


def test_engine_ray_without_ray_is_one_error_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now raises ImportError, installed or not
    monkeypatch.delitem(sys.modules, "etl.distributed", raising=False)
    dbp = tmp_path / "x.duckdb"
    assert cli_main(["ingest", str(FIXTURE_DOCS), "--db", str(dbp), "--engine", "ray"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(
        f'error: --engine ray needs Ray, an optional dependency: pip install "{RAY_PIN}"'
    )
    assert RAY_PIN in (ROOT / "requirements-dev.txt").read_text().splitlines()  # the pin it names is ours
    assert cli_main(["ingest", str(FIXTURE_DOCS), "--db", str(dbp), "--address", "auto"]) == 2
    assert capsys.readouterr().err.strip() == "error: --address needs --engine ray"
    assert not dbp.exists()
