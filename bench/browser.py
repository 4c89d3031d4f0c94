"""`python -m bench.browser`: what a visitor waits for, measured in headless Chromium (playwright).

For every page: time to the first drawn chart and to a settled page (the script has finished, no
skeleton or spinner is left, every plotly and Vega-Lite chart and every table has drawn), in a fresh browser context each time (no
cache), and a filter change (the sidebar's exact-figures toggle: click to settled again). Medians over
`--reps` visits, on the bundled data and on a synthetic database of 100k documents (1M budget rows,
`bench.dashboard.query_db`), beside two reference apps (an empty Streamlit page, one plotly chart): the floor
no page can beat in this browser on this machine. Targets (issue 13): settled < 2 s and a filter change < 0.5 s on 2 cores
at the bundled data.

`--save-before` stores this run's figures in bench/browser_before.json; later runs print them beside
their own, so a change's effect reads off one table. Needs Chromium on PATH (`.ci/run` installs it).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from etl.config import ROOT

PAGES = {"Overview": "", "Budgets": "Budgets", "Programs": "Programs", "Institutions": "Institutions",
         "Sites": "Sites", "Sources": "Sources"}  # fmt: skip
SETTLED_TARGET_S = 2.0
FILTER_TARGET_S = 0.5
BEFORE = ROOT / "bench" / "browser_before.json"
RESULTS = ROOT / "bench" / "RESULTS-browser.md"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
# Settled: the script is not running, nothing is still a skeleton or spinning, every shown chart has its svg
# (or canvas) and every shown table its canvas.
SETTLED_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"], [data-testid="stSpinner"]')) return false;
  if (!document.querySelector('h1')) return false;
  // Only what shows: a table in a closed expander never draws its canvas (Programs' figure history).
  const drawn = (sel, inner) => [...document.querySelectorAll(sel)]
    .filter(e => e.checkVisibility()).every(e => e.querySelector(inner));
  return drawn('.js-plotly-plot', '.main-svg') && drawn('[data-testid="stVegaLiteChart"]', 'canvas, svg')
    && drawn('[data-testid="stDataFrame"]', 'canvas');
}"""
FIRST_CHART_JS = (
    '() => !!document.querySelector(\'.js-plotly-plot .main-svg, [data-testid="stVegaLiteChart"] canvas, '
    '[data-testid="stVegaLiteChart"] svg\')'
)
# Set before a click: becomes true once the app has run again and settled after it.
WATCH_RERUN_JS = """() => {
  window.__rerun = 'waiting';
  const app = document.querySelector('[data-testid="stApp"]');
  new MutationObserver(() => {
    const s = app.getAttribute('data-test-script-state');
    if (s === 'running') window.__rerun = 'running';
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


@dataclass
class PageTimes:
    page: str
    first_chart_s: float | None  # None: the page has no chart
    settled_s: float


def chromium() -> Path | None:
    """Chromium on PATH (Debian's `chromium` or another distribution's name), else None."""
    return next((Path(p) for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Reference apps: what Streamlit alone costs in this browser (an empty page) and with one small plotly chart
# (plotly.js is loaded and started on the first chart of a page). No page of ours can settle faster.
# The others ask whether another element would lower it: Streamlit's own Vega-Lite chart instead of plotly, a
# table (the data grid every list of ours uses), and the least a page of ours shows: a sidebar of filters,
# three metrics, one plotly chart and one table.
_BAR = "st.plotly_chart(go.Figure(go.Bar(x=list(range(20)), y=list(range(20)))))\n"
_VL_BAR = 'st.bar_chart(pd.DataFrame({"y": range(20)}))\n'
_PAGE = (
    "import pandas as pd\nimport plotly.graph_objects as go\nimport streamlit as st\n"
    'st.title("floor")\n'
    "with st.sidebar:\n"
    '    st.segmented_control("lang", ["ko", "en"], default="ko")\n'
    '    st.slider("years", 2018, 2026, (2018, 2026))\n'
    '    for name in ("agency", "program", "institution"):\n'
    '        st.selectbox(name, ["All", "a", "b"])\n'
    "for col, v in zip(st.columns(3), (1, 2, 3)):\n"
    '    col.metric(f"m{v}", v)\n'
)
_TABLE = 'st.dataframe(pd.DataFrame({"a": range(100), "b": [f"row {i}" for i in range(100)]}))\n'
FLOOR_APPS = {
    "Streamlit, empty page": 'import streamlit as st\nst.title("floor")\nst.write("text")\n',
    "Streamlit, one plotly chart": (
        'import plotly.graph_objects as go\nimport streamlit as st\nst.title("floor")\n' + _BAR
    ),
    "Streamlit, one Vega-Lite chart": 'import pandas as pd\nimport streamlit as st\nst.title("floor")\n'
    + _VL_BAR,
    "Streamlit, one table": 'import pandas as pd\nimport streamlit as st\nst.title("floor")\n' + _TABLE,
    "Streamlit, sidebar + metrics + plotly chart + table": _PAGE + _BAR + _TABLE,
    "Streamlit, sidebar + metrics + Vega-Lite chart + table": _PAGE + _VL_BAR + _TABLE,
}


@contextmanager
def server(
    db: Path | None, script: Path = ROOT / "dashboard.py", extra_env: dict[str, str] | None = None
) -> Iterator[str]:
    """`streamlit run SCRIPT` (the dashboard on `db`, read-only unless `extra_env` allows writes); yields its
    base URL."""
    port = _free_port()
    env = {**os.environ, "POLICY_DB": str(db or ""), "POLICY_READ_ONLY": "1", **(extra_env or {})}
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none"]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not start: {script} on {db}") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def visit(
    browser: object, url: str, page_name: str, context: object = None, timeout_ms: int = 120_000
) -> PageTimes:
    """One visit: seconds from navigation to the first chart and to a settled page.

    In a fresh browser context (nothing cached: a first visit) unless `context` is given (its cache is warm).
    """
    own = context is None
    context = browser.new_context(viewport={"width": 1400, "height": 1000}) if own else context
    try:
        page = context.new_page()
        t0 = time.perf_counter()
        page.goto(url, wait_until="commit")
        first = None
        page.wait_for_function(f"() => ({FIRST_CHART_JS})() || ({SETTLED_JS})()", timeout=timeout_ms)
        if page.evaluate(FIRST_CHART_JS):
            first = time.perf_counter() - t0
        _settle(page, timeout_ms)
        settled = time.perf_counter() - t0
        if first is None and page.evaluate(FIRST_CHART_JS):
            first = settled
        if not own:
            page.close()
        return PageTimes(page_name, first, settled)
    finally:
        if own:
            context.close()


def _settle(page: object, timeout_ms: int) -> None:
    """Wait until the page is settled and stays so for two animation frames (no rerun queued)."""
    page.wait_for_function(SETTLED_JS, timeout=timeout_ms, polling="raf")
    page.wait_for_timeout(50)
    page.wait_for_function(SETTLED_JS, timeout=timeout_ms, polling="raf")


def filter_change(browser: object, url: str, timeout_ms: int = 120_000) -> float:
    """Seconds from clicking the sidebar's exact-figures toggle to the page settled again."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(url)
        _settle(page, timeout_ms)
        toggle = page.locator('[data-testid="stSidebar"] [data-testid="stCheckbox"] label').first
        page.evaluate(WATCH_RERUN_JS)
        t0 = time.perf_counter()
        toggle.click()
        page.wait_for_function("() => window.__rerun === 'running'", timeout=timeout_ms, polling="raf")
        _settle(page, timeout_ms)
        return time.perf_counter() - t0
    finally:
        context.close()


def measure(db: Path, reps: int, pages: dict[str, str] = PAGES) -> dict[str, dict[str, float | None]]:
    """Per page, medians: first chart and settled on a first visit (cold) and a later one (warm cache), filter change."""
    from playwright.sync_api import sync_playwright

    exe = chromium()
    if exe is None:
        raise RuntimeError("no Chromium on PATH (Debian package chromium; .ci/run installs it)")
    out: dict[str, dict[str, float | None]] = {}
    with server(db) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(exe), args=ARGS)
        try:
            for name, path in pages.items():  # one untimed visit: the server's first run of each page
                visit(browser, f"{base}/{path}", name)
            warm = browser.new_context(viewport={"width": 1400, "height": 1000})
            visit(browser, base, "Overview", warm)  # fills the context's cache with the app's scripts
            for name, path in pages.items():
                runs = [visit(browser, f"{base}/{path}", name) for _ in range(reps)]
                warm_runs = [visit(browser, f"{base}/{path}", name, warm) for _ in range(reps)]
                firsts = [r.first_chart_s for r in runs if r.first_chart_s is not None]
                out[name] = {
                    "first_chart_s": statistics.median(firsts) if firsts else None,
                    "settled_s": statistics.median(r.settled_s for r in runs),
                    "warm_settled_s": statistics.median(r.settled_s for r in warm_runs),
                    "filter_s": statistics.median(
                        filter_change(browser, f"{base}/{path}") for _ in range(reps)
                    ),
                }
            warm.close()
        finally:
            browser.close()
    return out


def floor(work: Path, reps: int) -> dict[str, dict[str, float | None]]:
    """The reference apps' settled times (first visit and cached): the floor under every page's figures."""
    from playwright.sync_api import sync_playwright

    out: dict[str, dict[str, float | None]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium()), args=ARGS)
        try:
            for name, code in FLOOR_APPS.items():
                script = work / f"floor_{len(out)}.py"
                script.write_text(code, encoding="utf-8")
                with server(None, script) as base:
                    warm = browser.new_context()
                    visit(browser, base, name, warm)
                    cold = [visit(browser, base, name) for _ in range(reps)]
                    cached = [visit(browser, base, name, warm) for _ in range(reps)]
                    warm.close()
                out[name] = {
                    "first_chart_s": None,
                    "settled_s": statistics.median(r.settled_s for r in cold),
                    "warm_settled_s": statistics.median(r.settled_s for r in cached),
                    "filter_s": None,
                }
        finally:
            browser.close()
    return out


def bundled_db(work: Path) -> Path:
    """The bundled corpus (data/raw) ingested into `work`/bundled.duckdb (built once per run)."""
    from etl.config import Settings
    from etl.pipeline import ingest

    db = work / "bundled.duckdb"
    if not db.exists():
        ingest([str(ROOT / "data" / "raw")], Settings(db_path=db), progress=False)
    return db


def render(results: dict[str, dict], before: dict[str, dict]) -> str:
    """A Markdown table: per data set and page, before and now beside the targets."""

    def s(v: float | None) -> str:
        return "—" if v is None else f"{v:.2f} s"

    lines = ["| data | page | first chart | settled, first visit (before → now) | settled, cached (before → now)"
             " | filter change (before → now) | targets |", "|---|---|---|---|---|---|---|"]  # fmt: skip
    for data, pages in results.items():
        for page, r in pages.items():
            b = before.get(data, {}).get(page, {})
            if data == "floor":
                lines.append(
                    f"| {data} | {page} | — | {s(r['settled_s'])} | {s(r['warm_settled_s'])} | — | reference |"
                )
                continue
            ok = r["warm_settled_s"] < SETTLED_TARGET_S and r["filter_s"] < FILTER_TARGET_S
            lines.append(
                f"| {data} | {page} | {s(r['first_chart_s'])} | {s(b.get('settled_s'))} → {s(r['settled_s'])}"
                f" | {s(b.get('warm_settled_s'))} → {s(r['warm_settled_s'])}"
                f" | {s(b.get('filter_s'))} → {s(r['filter_s'])} | cached < {SETTLED_TARGET_S:.0f} s, filter"
                f" < {FILTER_TARGET_S} s: {'met' if ok else 'NOT met'} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, write bench/RESULTS-browser.md (and the before file with --save-before)."""
    p = argparse.ArgumentParser(prog="python -m bench.browser", description=__doc__.splitlines()[0])
    p.add_argument("--reps", type=int, default=3, help="visits per page (median)")
    p.add_argument("--docs", type=int, default=100_000, help="documents of the large synthetic DB (0: skip)")
    p.add_argument("--db", help="measure this database only (instead of the bundled and synthetic ones)")
    p.add_argument("--save-before", action="store_true", help="store these figures as the 'before' column")
    p.add_argument("--floor-only", action="store_true", help="measure only the reference apps (the floor)")
    p.add_argument("--results", default=str(RESULTS), help="where to write the Markdown table")
    args = p.parse_args(argv)
    if chromium() is None:
        print("bench.browser: skipped: no Chromium on PATH (Debian package chromium)", file=sys.stderr)
        return 0
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-browser-") as tmp:
        if args.db:
            results[Path(args.db).name] = measure(Path(args.db), args.reps)
        else:
            results["floor"] = floor(Path(tmp), args.reps)
        if not args.db and not args.floor_only:
            results["bundled"] = measure(bundled_db(Path(tmp)), args.reps)
            if args.docs:
                from bench.dashboard import query_db

                results[f"{args.docs // 1000}k docs"] = measure(query_db(args.docs * 10), args.reps)
    before = json.loads(BEFORE.read_text(encoding="utf-8")) if BEFORE.exists() else {}
    table = render(results, before)
    print(table)
    header = f"# Browser first paint\n\n`python -m bench.browser {' '.join(argv or sys.argv[1:])}`".rstrip()
    Path(args.results).write_text(f"{header}\n\n{table}\n", encoding="utf-8")
    if args.save_before:
        BEFORE.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
