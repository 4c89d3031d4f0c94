"""Smoke test of the benchmark: `bench.run --quick` on tiny sizes prints a table with every row (no timing checks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import run
from bench.dashboard import PAGES, public_queries
from bench.table import kept_notes, parse_sizes, size_label
from etl.config import ROOT


@pytest.fixture(scope="module")
def quick(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """(printed output, RESULTS file text) of one quick run."""
    import contextlib
    import io

    work = tmp_path_factory.mktemp("bench")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run.main(["--quick", "--work", str(work), "--results", str(work / "RESULTS.md")]) == 0
    return out.getvalue(), (work / "RESULTS.md").read_text(encoding="utf-8")


def table_rows(text: str) -> list[list[str]]:
    """The table's rows split into cells (two or more spaces separate cells)."""
    import re

    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("section"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.strip():
            continue
        if not line[0].isalpha():
            break
        rows.append(re.split(r"\s{2,}", line.strip()))
    return rows


def test_every_section_and_target_row_is_there(quick: tuple[str, str]) -> None:
    rows = table_rows(quick[0])
    sections = {r[0] for r in rows}
    assert sections == {
        "extraction",
        "ingest, cold",
        "re-ingest, unchanged",
        "query",
        "page, warm rerun",
        "reviews",
        "growth",
    }
    passes = [r for r in rows if r[0] == "reviews"]  # the second pass finds everything applied already
    refreshed = [int(r[3].split("derived rows of ")[1].split()[0].replace(",", "")) for r in passes]
    assert len(passes) == 2 and refreshed[0] > 0 and refreshed[1] == 0
    extraction = [r for r in rows if r[0] == "extraction"]
    assert any("1 core" in r[1] and "Kiwi tokenize" in r[4] for r in extraction)
    assert any("cores" in r[1] and "Kiwi tokenize" in r[4] and r[-1] in ("PASS", "MISS") for r in extraction)
    assert any("regex pass" in r[4] for r in extraction)
    for section in ("ingest, cold", "re-ingest, unchanged"):
        sizes = [r[2] for r in rows if r[0] == section]
        assert sizes == [f"{size_label(n)} docs" for n in run.QUICK.ingest_sizes]
    growth = [r[1] for r in rows if r[0] == "growth"]
    assert growth == ["ingest, cold: per document", "re-ingest: per document",
                      "queries: per budget row (median of the functions)"]  # fmt: skip


def test_every_query_at_every_size(quick: tuple[str, str]) -> None:
    rows = [r for r in table_rows(quick[0]) if r[0] == "query"]
    seen = {(r[1], r[2]) for r in rows}
    for name in public_queries():
        for n in run.QUICK.query_sizes:
            assert (name, f"{size_label(n)} budgets") in seen
    assert any(r[1].startswith("slowest of") for r in rows)


def test_every_page_on_both_databases(quick: tuple[str, str]) -> None:
    rows = [r for r in table_rows(quick[0]) if r[0] == "page, warm rerun"]
    for page in PAGES:
        name = page.relative_to(ROOT).as_posix()
        kinds = {r[2].split(",")[0] for r in rows if r[1] == name}
        assert kinds == {"bundled", "synthetic"}, name
    heaviest = [r for r in rows if r[1].startswith("heaviest")]
    assert len(heaviest) == 1 and heaviest[0][-1] in ("PASS", "MISS")


def test_results_file_holds_the_table_machine_and_command(quick: tuple[str, str]) -> None:
    printed, results = quick
    table = printed[printed.index("section") : printed.rindex("\n\n")].strip()
    assert table in results
    for label in ("- cores:", "- RAM:", "- CPU:", "- Python:", "- packages:", "Command: `"):
        assert label in results


def test_only_one_section_at_chosen_sizes(tmp_path: Path) -> None:
    """`--only queries --sizes …` times the queries alone, at those sizes, the target at the largest."""
    import contextlib
    import io

    out = io.StringIO()
    argv = ["--quick", "--only", "queries", "--sizes", "2k,3k", "--work", str(tmp_path), "--results", str(tmp_path / "R.md")]  # fmt: skip
    with contextlib.redirect_stdout(out):
        assert run.main(argv) == 0
    rows = table_rows(out.getvalue())
    assert {r[0] for r in rows} == {"query", "growth"}
    assert {r[2] for r in rows if r[0] == "query"} == {"2k budgets", "3k budgets"}
    assert all(r[-1].split()[0] in ("PASS", "MISS") for r in rows if r[0] == "query" and r[2] == "3k budgets")
    assert parse_sizes("100k, 1M,10M") == [100_000, 1_000_000, 10_000_000]


def test_hand_written_notes_survive_a_rerun(tmp_path: Path) -> None:
    path = tmp_path / "RESULTS.md"
    path.write_text("# Benchmark results\n\nold table\n\n## Notes\n\nwritten by hand\n", encoding="utf-8")
    assert kept_notes(path) == "\n## Notes\n\nwritten by hand\n"
    assert kept_notes(tmp_path / "missing.md") == ""
