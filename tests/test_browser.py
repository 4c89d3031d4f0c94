"""The real app in headless Chromium: every page renders, no exception box, Hangul glyphs present.

Starts `streamlit run dashboard.py` on a synthetic database, visits each page with playwright, and saves a
full-page screenshot per page to tests/artifacts/<page>.png.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bench.browser import ARGS, chromium
from etl.config import ROOT

CHROMIUM = chromium()  # Debian's `chromium` (what .ci/run installs), or another distribution's name for it

ARTIFACTS = ROOT / "tests" / "artifacts"
TREEMAP = '[data-testid="stVegaLiteChart"] g.treemap_tiles_marks path'  # Vega names marks by their view
CHART = '[data-testid="stVegaLiteChart"] svg .mark-rect, [data-testid="stVegaLiteChart"] svg .mark-symbol'

PAGES = {"Overview": "", "Budgets": "Budgets", "Programs": "Programs", "Institutions": "Institutions",
         "Sites": "Sites", "Sources": "Sources", "Review": "Review"}  # fmt: skip
# Two different Hangul syllables draw different pixels; two missing glyphs draw the same box ("tofu").
GLYPH_CHECK = """() => {
  const draw = (ch) => {
    const c = document.createElement('canvas'); c.width = 64; c.height = 64;
    const g = c.getContext('2d'); g.font = '48px "Noto Sans CJK KR", NanumGothic, sans-serif';
    g.fillText(ch, 4, 52); return [g.measureText(ch).width, g.getImageData(0, 0, 64, 64).data.join(',')];
  };
  const [wGa, ga] = draw('가'), [wHih, hih] = draw('힣'), [wTofu, tofu] = draw('\\u{10FFFD}');
  return {hangulDiffers: ga !== hih, hangulIsNotTofu: ga !== tofu, wGa, wTofu};
}"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None, reason="no Chromium on PATH (Debian package chromium; .ci/run installs it)"
    ),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(synth_db: Path) -> Iterator[str]:
    """`streamlit run dashboard.py` on the synthetic database, read-only (as bench.browser runs it); its base URL."""
    from bench.browser import server as dashboard_server

    with dashboard_server(synth_db) as base:
        yield base


@pytest.fixture(scope="module")
def browser_page(server: str) -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        yield page
        browser.close()


def _wait_for_run(page: object) -> None:
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)
    page.wait_for_selector("h1", timeout=10_000)
    page.wait_for_timeout(400)  # charts draw after the script finishes


def _open_list(page: object, box: object, tries: int = 4) -> None:
    """Click a select box until its option list shows: a click that lands while the page still reruns (CI, under
    load or not) opens nothing."""
    for _ in range(tries):
        box.click()  # type: ignore[attr-defined]
        try:
            page.wait_for_selector("[role=option]", timeout=10_000)  # type: ignore[attr-defined]
            return
        except Exception:  # playwright's TimeoutError: click again
            page.keyboard.press("Escape")  # type: ignore[attr-defined]
    raise AssertionError(f"the select box's list never opened after {tries} clicks")


def _poll(page: object, ready: Callable[[], bool], timeout_ms: int = 20_000) -> None:
    """Wait until `ready()` holds or the time is up (the caller's assertions then say what was wrong)."""
    for _ in range(timeout_ms // 250):
        if ready():
            return
        page.wait_for_timeout(250)  # type: ignore[attr-defined]


def _pick_one(page: object, box: object, query: str, tries: int = 3) -> None:
    """Type `query` into an open select box and press Enter once exactly one option is left. A rerun that lands
    between the click and the typing closes the list and drops the text (seen on a loaded CI machine), so the
    whole open-type-wait step is tried again rather than waited on longer."""
    one_left = "() => document.querySelectorAll('[role=option]').length === 1"
    for _ in range(tries):
        _open_list(page, box)  # type only once the list is open: a fill before it opens is lost
        box.fill(query)  # type: ignore[attr-defined]
        try:
            page.wait_for_function(one_left, timeout=10_000)  # type: ignore[attr-defined]
        except Exception:  # playwright's TimeoutError: the text was lost, start over
            page.keyboard.press("Escape")  # type: ignore[attr-defined]
            continue
        page.keyboard.press("Enter")  # type: ignore[attr-defined]
        return
    raise AssertionError(f"the select box never narrowed to one option for {query!r} in {tries} tries")


def _full_page_screenshot(page: object, path: Path) -> None:
    # Streamlit scrolls inside its own container: grow the viewport to the content so the shot shows all of it.
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], section')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": 1400, "height": min(max(int(height), 1000), 8000)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": 1400, "height": 1000})


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_in_a_real_browser(browser_page: object, server: str, name: str, lang: str) -> None:
    """Every page in both languages: drawn without an exception box, with Hangul glyphs; a screenshot of each
    (tests/artifacts/<page>.png in Korean, <page>-en.png in English)."""
    page = browser_page
    page.goto(f"{server}/{PAGES[name]}" + ("?lang=en" if lang == "en" else ""))
    _wait_for_run(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    _full_page_screenshot(page, ARTIFACTS / (f"{name}.png" if lang == "ko" else f"{name}-en.png"))
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator("h1").first.inner_text().strip()
    glyphs = page.evaluate(GLYPH_CHECK)
    assert glyphs["hangulDiffers"] and glyphs["hangulIsNotTofu"], glyphs
    if name in ("Overview", "Budgets", "Institutions"):
        # The first page of a fresh server can still be drawing (a rerun after the URL is written): wait for
        # the chart instead of counting at once (CI flake: skeletons on the Overview, a chart a moment later).
        page.wait_for_selector(CHART, timeout=30_000)
        assert page.locator(CHART).count() >= 1
    if name == "Programs":  # the program hierarchy is drawn as a treemap (issue 12): rectangles, one per tile
        page.wait_for_selector(TREEMAP, timeout=30_000)
        assert page.locator(TREEMAP).count() >= 1


def test_shared_url_opens_the_same_view(browser_page: object, server: str) -> None:
    """A copied URL (page + filters + language) reopens the same view in a fresh page."""
    page = browser_page
    page.goto(f"{server}/Budgets?kind=national&lang=en")
    _wait_for_run(page)
    assert page.locator("h1").first.inner_text().strip() == "Budgets"
    assert "kind=national" in page.url and page.locator('[data-testid="stException"]').count() == 0


def test_menu_is_translated_and_the_file_name_menu_hidden(browser_page: object, server: str) -> None:
    """Only our menu shows: Korean labels by default, English ones with lang=en, never 'dashboard'."""
    page = browser_page
    for query, label in (("", "예산"), ("?lang=en", "Budgets")):
        page.goto(f"{server}/{query}")
        _wait_for_run(page)
        assert (
            page.locator('[data-testid="stSidebarNav"]').count() == 0
            or not page.locator('[data-testid="stSidebarNav"]').first.is_visible()
        )
        menu = page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"]')
        # The menu is filled after the sidebar widgets: on a slow machine it can land after the first settle.
        page.wait_for_function(
            """([sel, label]) => { const m = [...document.querySelectorAll(sel)];
                 return m.length === 7 && m.some(e => e.innerText.includes(label)); }""",
            arg=['[data-testid="stSidebar"] [data-testid="stPageLink"]', label],
            timeout=20_000,
        )
        assert menu.count() == 7 and label in menu.all_inner_texts()
        assert "dashboard" not in page.locator('[data-testid="stSidebar"]').inner_text()


def _cards_after(page: object, action: object) -> str:
    """Do `action`, wait for the rerun it starts and for the evidence cards; return their text."""
    action()
    page.wait_for_selector(".ev-card mark", timeout=30_000)
    return page.locator(".ev-card").first.inner_text()


def test_a_clicked_chart_point_opens_its_evidence_sentence(browser_page: object, server: str) -> None:
    """Issue 13: a point of the budget timeline opens the facts behind it, the figure marked in its sentence."""
    page = browser_page
    page.goto(f"{server}/Budgets")
    _wait_for_run(page)
    point = page.locator('[data-testid="stVegaLiteChart"] g.mark-symbol path').first  # the timeline's points
    point.wait_for(timeout=30_000)
    box = point.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

    def click() -> None:
        page.mouse.move(x, y)
        page.wait_for_timeout(300)
        page.mouse.click(x, y)  # Vega-Lite's point selection takes the click; Streamlit reruns with its key

    card = _cards_after(page, click)
    assert "이 값으로 집계됨" in card and page.locator(".ev-card mark").count() >= 1
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize(
    ("path", "mark"),
    [
        ("Programs", TREEMAP),
        ("Budgets?budget_chart=by_kind", '[data-testid="stVegaLiteChart"] g.mark-arc path'),
    ],
)
def test_a_clicked_tile_or_slice_opens_its_evidence_sentence(
    browser_page: object, server: str, path: str, mark: str
) -> None:
    """Issue 13: a treemap tile (its program's headline figure) and a donut slice (its kind's figures) open
    the facts behind them, the figure marked in its sentence, like every other chart."""
    page = browser_page
    page.goto(f"{server}/{path}")
    _wait_for_run(page)
    page.locator(mark).first.wait_for(timeout=30_000)
    # A point the shape itself takes the click at (a slice's box is mostly other slices and the hole).
    x, y = page.evaluate(
        """(sel) => { const e = document.querySelector(sel); e.scrollIntoView({block: 'center'});
             const b = e.getBoundingClientRect();
             for (let i = 1; i < 10; i++) for (let j = 1; j < 10; j++) {
               const x = b.left + b.width * i / 10, y = b.top + b.height * j / 10;
               if (document.elementFromPoint(x, y) === e) return [x, y]; }
             return [b.left + b.width / 2, b.top + b.height / 2]; }""",
        mark,
    )

    def click() -> None:
        page.mouse.move(x, y)
        page.wait_for_timeout(300)
        page.mouse.click(x, y)

    card = _cards_after(page, click)
    assert "이 값으로 집계됨" in card and page.locator(".ev-card mark").count() >= 1
    assert page.locator('[data-testid="stException"]').count() == 0


def test_a_table_downloads_its_csv_when_the_button_is_clicked(browser_page: object, server: str) -> None:
    """The CSV is handed over on click (ui/widgets._download passes a callable), not sent with the page."""
    page = browser_page
    page.goto(f"{server}/Institutions")
    _wait_for_run(page)
    button = page.locator('[data-testid="stDownloadButton"] button').first
    for attempt in range(
        3
    ):  # a click that lands while the page still reruns (a loaded CI machine) starts nothing
        try:
            with page.expect_download(timeout=15_000) as download:
                button.click()
            break
        except Exception:  # playwright's TimeoutError: let the rerun finish, then click again
            if attempt == 2:
                raise
            _wait_for_run(page)
    body = Path(download.value.path()).read_bytes()
    assert download.value.suggested_filename == "institution_ranking.csv"
    assert body.startswith(b"\xef\xbb\xbf") and body.count(b"\n") > 1  # BOM for Excel, a header and rows


def test_a_headline_metric_opens_its_evidence_sentences(browser_page: object, server: str) -> None:
    """Issue 13: the Overview's total opens the figures it adds, each with its sentence and document."""
    page = browser_page
    page.goto(f"{server}/?lang=en")
    _wait_for_run(page)
    card = _cards_after(page, lambda: page.get_by_role("button", name="Show the facts").first.click())
    assert "the figure counted" in card and page.locator(".ev-card a").count() >= 1
    assert page.locator('[data-testid="stExpander"]', has_text="How this is counted").count() == 1


def test_a_share_link_in_a_fresh_browser_context_reproduces_the_view(
    browser_page: object, server: str
) -> None:
    """Issue 13: a copied link opened by someone else (a new context: no cookies, no session) shows the same
    language, filter and chosen section."""
    context = browser_page.context.browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(f"{server}/Budgets?lang=en&kind=national&budget_chart=by_kind")
        _wait_for_run(page)
        assert page.locator("h1").first.inner_text().strip() == "Budgets"
        chosen = page.locator('[data-testid="stButtonGroup"] button[aria-checked="true"], '
                              '[data-testid="stButtonGroup"] button[kind*="Active"]')  # fmt: skip

        # The chosen buttons: the language (English) and the section the link names. The sidebar's group can
        # draw a moment after the main column's (a loaded CI machine), so wait for both, then judge.
        def both_chosen() -> bool:
            texts = chosen.all_inner_texts()
            return "English" in texts and any(t.startswith("Funding mix") for t in texts)

        _poll(page, both_chosen)
        assert any(t.startswith("Funding mix") for t in chosen.all_inner_texts()), chosen.all_inner_texts()
        assert "English" in chosen.all_inner_texts(), chosen.all_inner_texts()
        assert "kind=national" in page.url and "budget_chart=by_kind" in page.url
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()


def test_a_read_only_run_has_no_write_control(browser_page: object, server: str) -> None:
    """Issue 13: the default (hosted, shared link) has no way to write: no add-an-announcement box, no review
    form, no Deploy button; the Review page says how to decide from the command line."""
    page = browser_page
    for path in ("?lang=en", "Review?lang=en"):
        page.goto(f"{server}/{path}")
        _wait_for_run(page)
        assert page.get_by_text("Add an announcement").count() == 0
        assert page.get_by_role("button", name="Record and apply").count() == 0
        assert page.locator('[data-testid="stAppDeployButton"]').count() == 0
    assert page.get_by_text("This view is read-only").count() >= 1


@contextmanager
def _writable_app(tmp_path: Path, browser_page: object) -> Iterator[tuple[object, str, Path, Path]]:
    """The dashboard with writing allowed on the fixture documents (real facts, with stable ids): a page in a
    fresh browser context, the app's base URL, the database and the reviews file."""
    import shutil

    from bench.browser import server as dashboard_server
    from etl.config import Settings
    from etl.pipeline import ingest

    db, reviews = tmp_path / "policy.duckdb", tmp_path / "reviews.jsonl"
    shutil.copytree(ROOT / "tests" / "fixtures" / "docs", tmp_path / "in")
    ingest([str(tmp_path / "in")], Settings(db_path=db), progress=False)
    env = {"POLICY_READ_ONLY": "", "POLICY_ALLOW_WRITE": "1", "POLICY_REVIEWS": str(reviews)}
    with dashboard_server(db, extra_env=env) as base:
        context = browser_page.context.browser.new_context(viewport={"width": 1400, "height": 1000})
        try:
            yield context.new_page(), base, db, reviews
        finally:
            context.close()


def _recorded(page: object, reviews: Path) -> None:
    """Wait until the decision is written and applied by the server and the rerun has settled; no error box."""
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stApp]')"
        ".getAttribute('data-test-script-state') === 'notRunning'",
        timeout=60_000,
    )
    for _ in range(120):
        if reviews.exists() and reviews.read_text(encoding="utf-8").strip():
            break
        page.wait_for_timeout(500)
    errors = page.locator('[data-testid="stException"]')
    assert errors.count() == 0, errors.first.inner_text()[:2000]


def test_a_review_decision_made_in_the_browser_is_recorded_and_applied(
    tmp_path: Path, browser_page: object
) -> None:
    """Issue 12: with writing allowed, confirming a fact on the Review page appends one decision to the reviews
    file (who, when, action) without an error on the page."""
    import json

    with _writable_app(tmp_path, browser_page) as (page, base, _, reviews):
        page.goto(f"{base}/Review?lang=en")
        _wait_for_run(page)
        # the decision form comes first; the program-merge form below it has the same button
        page.get_by_role("button", name="Record and apply").first.click()
        _recorded(page, reviews)
    [line] = reviews.read_text(encoding="utf-8").splitlines()
    decision = json.loads(line)
    assert decision["action"] == "confirm" and decision["fact_id"]


def test_a_program_is_merged_from_its_own_page_in_the_browser(tmp_path: Path, browser_page: object) -> None:
    """Issue 12: the program page's own form merges it into the program it is (the English K-Cloud project
    into the Korean one), and the merged program is gone from the database."""
    import json

    import duckdb

    with _writable_app(tmp_path, browser_page) as (page, base, db, reviews):
        with duckdb.connect(str(db), read_only=True) as con:
            ids = dict(con.execute("SELECT name, program_id FROM programs").fetchall())
        victim, target = ids["K-Cloud Technology Development Project"], ids["K-클라우드 프로젝트"]
        page.goto(f"{base}/Programs?lang=en&id={victim}")
        _wait_for_run(page)
        page.get_by_text("Correct this program").click()
        box = page.get_by_role("combobox", name="Merge into")
        _pick_one(page, box, f"p-{target}")  # every program's label ends with its id
        page.get_by_role("button", name="Record and apply").click()
        page.get_by_text("Recorded and applied").wait_for(timeout=90_000)  # written, then applied
        _recorded(page, reviews)
    [line] = reviews.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["fields"] == {"merge_into": target}
    with duckdb.connect(str(db), read_only=True) as con:
        assert not con.execute("SELECT count(*) FROM programs WHERE program_id = ?", [victim]).fetchone()[0]
