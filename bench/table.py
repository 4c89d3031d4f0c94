"""The benchmark's one table (rows of figure, reference, ratio, target, verdict) and the machine it ran on."""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

PACKAGES = ("kiwipiepy", "kiwipiepy_model", "duckdb", "pyarrow", "pandas", "streamlit", "altair", "rapidfuzz")
COLUMNS = ("section", "item", "size", "figure", "reference", "ratio", "target", "result")


@dataclass
class Row:
    section: str
    item: str
    size: str
    figure: str
    reference: str = ""
    ratio: str = ""
    target: str = ""
    result: str = ""

    def cells(self) -> list[str]:
        """The row's cells in COLUMNS order."""
        return [getattr(self, c) for c in COLUMNS]


def render(rows: list[Row]) -> str:
    """Plain text, columns padded to their widest cell, a rule under the header and between sections."""
    table = [list(COLUMNS), *(r.cells() for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(COLUMNS))]

    def fmt(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    out = [fmt(table[0]), rule]
    for i, row in enumerate(rows):
        if i and row.section != rows[i - 1].section:
            out.append("")
        out.append(fmt(row.cells()))
    return "\n".join(out)


def verdict(ok: bool) -> str:
    """PASS or MISS."""
    return "PASS" if ok else "MISS"


def size_label(n: int) -> str:
    """1000 → 1k, 100000 → 100k, 1000000 → 1M."""
    for div, suffix in ((1_000_000, "M"), (1_000, "k")):
        if n >= div and n % div == 0:
            return f"{n // div}{suffix}"
    return f"{n:,}"


def parse_sizes(text: str) -> list[int]:
    """'1M,10M' -> [1000000, 10000000] (k and M suffixes, or plain numbers)."""
    out = []
    for part in text.split(","):
        part = part.strip()
        scale = {"k": 1_000, "K": 1_000, "M": 1_000_000}.get(part[-1:], 1)
        number = part[:-1] if scale > 1 else part
        if not number.isdigit() or int(number) == 0:
            raise argparse.ArgumentTypeError(f"not a size: {part!r} (e.g. 100k, 1M, 10M)")
        out.append(int(number) * scale)
    return sorted(set(out))


def p95(values: list[float]) -> float:
    """The 95th percentile (inclusive method; the maximum for fewer than 20 values)."""
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def mib(n_bytes: float) -> str:
    """Bytes as MB or GB text."""
    return f"{n_bytes / 2**30:.2f} GB" if n_bytes >= 2**30 else f"{n_bytes / 2**20:.0f} MB"


def machine() -> list[tuple[str, str]]:
    """(label, value) lines describing this machine and software."""
    mem = _meminfo_total()
    cpu = _cpu_model()
    versions = ", ".join(f"{p} {_version(p)}" for p in PACKAGES)
    return [
        ("cores", f"{os.cpu_count()} (usable: {len(os.sched_getaffinity(0))})"),
        ("RAM", mem),
        ("CPU", cpu),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("packages", versions),
        ("commit", _git_commit()),
    ]


def load_average() -> str:
    """1-minute load average: other tenants' work on a shared machine shows up here."""
    return f"{os.getloadavg()[0]:.2f}"


def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "absent"


def _meminfo_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.1f} GB"
    except OSError:
        pass
    return "unknown"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _git_commit() -> str:
    root = Path(__file__).resolve().parents[1]
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.stdout.strip() or "unknown"


def results_markdown(
    table: str, command: str, seconds: float, sections: dict[str, float], loads: tuple[str, str]
) -> str:
    """RESULTS.md: the command, the machine, the table."""
    sections = ", ".join(f"{k} {v:.0f} s" for k, v in sections.items())
    lines = ["# Benchmark results", "", f"Command: `{command}` ({seconds:.0f} s in all: {sections}).", ""]
    lines += ["Machine:", "", *(f"- {k}: {v}" for k, v in machine())]
    lines += [
        f"- load average (1 min) at start / end: {loads[0]} / {loads[1]} (the end value includes this run's"
        " own processes; other tenants of a shared machine slow every figure, so each ratio compares figures"
        " measured in the same run)",
        "",
        "Reading the table:",
        "",
        "- `per doc` / `per row`: cost per unit at this size over the smallest size's (1.00 = linear growth;"
        " below 1 = cheaper per unit, e.g. fixed start-up spread over more work). Cold ingest includes"
        " process start-up and one Kiwi build per worker, which dominates the smallest size.",
        "- Extraction: the same files for ours, Kiwi and the regex; all cores = one spawned process per core.",
        "- Queries: `ui.sql.open_prepared` connection, a cursor per call, no filters, default arguments (the"
        " fact and document lists: their first page of 100 rows); DBs from `bench.synth_db.make_db` (one"
        " document per 10 budget rows, derived tables built as the loader keeps them), cached under bench/out/."
        " Building them the first time adds minutes, and the budget check may then skip the largest ingest.",
        "- Pages: AppTest, run twice, the second (warm) run timed; synthetic = the 10M-budget DB above (1M documents).",
        "- Distributed: cold CLI ingests of one synthetic corpus at two sizes per engine; start-up and ms/doc"
        " come from the two (time = start-up + n x per doc). Ray runs a local cluster on this machine.",
        "",
        "```",
        table,
        "```",
        "",
    ]
    return "\n".join(lines)


NOTES = "\n## Notes"  # RESULTS.md from this heading on is written by hand and kept across runs


def kept_notes(path: Path) -> str:
    """The hand-written notes at the end of a results file (from NOTES on), to keep when rewriting it."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start = text.find(NOTES)
    return text[start:] if start >= 0 else ""
