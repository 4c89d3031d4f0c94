"""Issue #10: no page assumes a field is present, and text that came from documents is shown as plain text.

The database here is written by hand: one document with every optional field missing, and titles, program,
institution and site names that carry Markdown, Streamlit directives, LaTeX and HTML. Every page must render in
both languages; no Markdown element may carry the markup unescaped; no chart may carry a live tag; no link may
lead to a `javascript:` address.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from etl import aggregates
from etl.config import ROOT
from etl.db import connect, transaction
from ui import plain

PAGES = ["dashboard.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))]
TIMEOUT = 60

IMAGE = "![x](http://tracker.invalid/pixel.png)"
LINK = "[click me](javascript:alert(1))"
TAG = '<a href="http://tracker.invalid/">tag</a><img src=x onerror=alert(1)>'
DIRECTIVE = ":red[loud] :material/warning: $x^2$"
HOSTILE = f"{IMAGE} {LINK} {TAG} {DIRECTIVE}"
# What may never reach a Markdown element or a chart unescaped.
LIVE_MARKUP = ("![x](", "](javascript:", ":red[", "$x^2$")
LIVE_TAGS = ("<a href", "<img")
UNESCAPED_TAG = re.compile(r"(?<!\\)<(a|img)\b")

SPARSE_SQL = """
INSERT INTO documents (document_id, source, text, content_hash) VALUES ('bare', 'bare-source', '본문만 있는 문서.', 'h0');
INSERT INTO documents (document_id, source, url, title, published_on, lang, kind, content_hash, text) VALUES
  ('evil', ?, 'javascript:alert(1)', ?, DATE '2024-10-28', 'ko', 'html', 'h1', ?);
INSERT INTO programs (program_id, name, name_en, norm_key) VALUES ('p-evil', ?, NULL, 'evil'), ('p-bare', '이름만 있는 사업', NULL, 'bare');
INSERT INTO program_aliases VALUES ('p-evil', ?, 'evil'), ('p-bare', '이름만 있는 사업', 'bare');
INSERT INTO program_mentions (program_id, document_id, name_seen) VALUES ('p-evil', 'evil', ?), ('p-bare', 'bare', 'x');
INSERT INTO budgets (budget_id, document_id, program_id, seq, currency, kind, evidence, ev_start, ev_end) VALUES
  ('bare:0', 'bare', NULL, 0, 'KRW', 'unspecified', '본문만 있는 문서.', 0, 9);
INSERT INTO budgets (budget_id, document_id, program_id, seq, amount, unit_text, currency, amount_krw, kind, fiscal_year, announced_on, evidence, ev_start, ev_end) VALUES
  ('evil:0', 'evil', 'p-evil', 0, 946, ?, 'KRW', 94600000000, 'total', 2024, DATE '2024-10-28', ?, 0, 5),
  ('evil:1', 'evil', 'p-bare', 1, 440, '440억원', 'KRW', 44000000000, 'national', NULL, NULL, 'x', 0, 1);
INSERT INTO institutions VALUES ('i-evil', ?, NULL, 'company', NULL, FALSE), ('i-bare', '무명기관', NULL, 'other', NULL, FALSE);
INSERT INTO participations (document_id, institution_id, role) VALUES ('evil', 'i-evil', 'lead'), ('bare', 'i-bare', 'mentioned');
INSERT INTO sites (site_id, document_id, seq, name, norm_key) VALUES ('bare:0', 'bare', 0, '이름만 있는 곳', 'bare');
INSERT INTO sites (site_id, document_id, program_id, seq, name, norm_key, address, lat, lon, evidence, ev_start, ev_end)
  VALUES ('evil:0', 'evil', 'p-evil', 0, ?, 'evil', ?, 37.47, 127.04, ?, 0, 5);
INSERT INTO program_countries (document_id, country) VALUES ('bare', 'CA');
"""


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database holding one bare document and one whose every name is hostile."""
    path = tmp_path_factory.mktemp("hostile") / "policy.duckdb"
    con = connect(path)
    params = [f"http://a.invalid/{LINK}", HOSTILE, f"{HOSTILE}\n국비 440억원.", HOSTILE, HOSTILE, HOSTILE,
              HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE]  # fmt: skip
    with transaction(con):
        for statement, n in _statements(SPARSE_SQL):
            con.execute(statement, [params.pop(0) for _ in range(n)])
        aggregates.rebuild(con)  # as the loader keeps them: the pages read the derived tables
    con.close()
    return path


def _statements(sql: str) -> Iterator[tuple[str, int]]:
    for statement in sql.split(";\n"):
        if statement.strip():
            yield statement, statement.count("?")


@pytest.fixture
def hostile_env(monkeypatch: pytest.MonkeyPatch, hostile_db: Path, clear_streamlit_caches: None) -> Path:
    monkeypatch.setenv("POLICY_DB", str(hostile_db))
    monkeypatch.delenv("POLICY_READ_ONLY", raising=False)
    monkeypatch.delenv("POLICY_ALLOW_WRITE", raising=False)
    return hostile_db


def run(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run(timeout=TIMEOUT)


def markdown_values(at: AppTest) -> list[str]:
    """Every string Streamlit renders as Markdown: headings, captions, messages, link and button labels."""
    kinds = ("title", "header", "subheader", "caption", "markdown", "info", "warning", "error", "success")
    out = [str(e.value) for kind in kinds for e in at.get(kind)]
    out += [e.proto.label for kind in ("page_link", "link_button") for e in at.get(kind)]
    return out


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_page_renders_sparse_and_hostile_documents_as_plain_text(
    hostile_env: Path, page: str, lang: str
) -> None:
    params = {"lang": lang} | ({"doc": "evil"} if "Sources" in page else {}) | (
        {"id": "p-evil"} if "Programs" in page else {}
    )  # fmt: skip
    at = run(page, **params)
    assert not at.exception, [e.value for e in at.exception]
    for value in markdown_values(at):
        assert not any(m in value for m in LIVE_MARKUP), value
        assert not UNESCAPED_TAG.search(value), value
    assert not at.get("plotly_chart")
    for chart in at.get("vega_lite_chart"):
        # Vega-Lite draws text as text; only the tooltip is HTML, and it escapes unless a spec turns that off.
        spec = json.loads(chart.proto.spec)
        assert "tooltip" not in json.dumps(spec.get("usermeta", {})), spec["usermeta"]
    for button in at.get("link_button"):
        assert not button.proto.url.lower().startswith("javascript:")


def test_the_hostile_title_is_shown_whole_on_the_sources_page(hostile_env: Path) -> None:
    at = run("pages/5_Sources.py", doc="evil")
    assert not at.exception
    assert at.header[0].value == plain.md(HOSTILE)
    assert not at.get("link_button")  # its url is javascript:, so no button leads there


def test_the_bare_document_is_listed_and_opens(hostile_env: Path) -> None:
    at = run("pages/5_Sources.py", doc="bare")
    assert not at.exception, [e.value for e in at.exception]
    assert at.header[0].value == plain.md("bare-source")  # no title: its source names it


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_md_renders_exactly_the_characters(value: str) -> None:
    """Every Markdown-special character comes out escaped, so none can start markup."""
    out = plain.md(value)
    unescaped = out.replace("\\\\", "")
    for i, ch in enumerate(unescaped):
        if ch in "![]()<>*_`#:$|~&":
            assert i > 0 and unescaped[i - 1] == "\\", (value, out)


def test_web_url_offers_only_http_addresses() -> None:
    assert plain.web_url("https://www.msit.go.kr/a?b=1") == "https://www.msit.go.kr/a?b=1"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", " ", None, "http://a b"):
        assert plain.web_url(bad) is None


HOSTILE_PAGE = f"""<html><head><title>{HOSTILE}</title>
<meta property="article:published_time" content="2024-10-28T09:00:00+09:00"></head><body><article>
<h1>{HOSTILE}</h1>
<p>과학기술정보통신부는 28일 '{IMAGE} 사업'에 총 946억원을 투입한다고 밝혔다. 국비는 440억원이다.</p>
<p>한국과학기술원(KAIST)이 주관하고 '{LINK}' 센터에서 연구가 진행된다.</p>
</article></body></html>"""


def test_a_hostile_page_ingested_among_bad_files_is_stored_and_shown_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clear_streamlit_caches: None,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """The whole path: the real ingest takes the page, refuses each bad file with one line, and every page shows
    the page's title and names as plain text."""
    from etl.cli import main as cli_main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hostile.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "nested.html").write_bytes(b"<html><body>" + b"<div>" * 30_000 + b"x" + b"</div>" * 30_000)
    db = tmp_path / "policy.duckdb"
    assert cli_main(["ingest", str(folder), "--db", str(db), "--quiet"]) == 1
    errors = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("error:")]
    for name in ("empty.txt", "binary.txt", "nested.html"):
        assert sum(name in ln for ln in errors) == 1, (name, errors)
    monkeypatch.setenv("POLICY_DB", str(db))
    monkeypatch.delenv("POLICY_ALLOW_WRITE", raising=False)
    for page in PAGES:
        at = run(page)
        assert not at.exception, (page, [e.value for e in at.exception])
        for value in markdown_values(at):
            assert not any(m in value for m in LIVE_MARKUP) and not UNESCAPED_TAG.search(value), value
    at = run("pages/5_Sources.py")
    assert plain.md(HOSTILE) in [h.value for h in at.header]
