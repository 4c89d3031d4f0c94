"""보도자료 pages with attachments: links found, format from bytes, fetched like pages, child documents, counted once."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import duckdb
import pytest

from etl import lexicon
from etl.attachments import attachment_kind, attachment_links, disposition_filename, is_attachment_link
from etl.config import ROOT, Settings
from etl.load import document_id
from etl.pipeline import ingest
from etl.sources import InputError, iter_raw
from tests.conftest import loopback_server

sys.path.insert(0, str(ROOT / "scripts"))
import make_release_fixtures as mrf

HAS_FONT = importlib.util.find_spec("koreanize_matplotlib") is not None
REL = {r.slug: r for r in mrf.RELEASES}
HUB, GWANGJU, BUDGET = (
    "ai_research_hub_2024-10-28",
    "gwangju_ai_cluster_2019-01-29",
    "budget_2026_proposal_2025-08-29",
)
OCTET = "application/octet-stream"


def _page(slug: str, links: list[str], with_tables: bool = True) -> bytes:
    rel = REL[slug] if with_tables else mrf.Release(**{**REL[slug].__dict__, "tables": ()})
    return mrf.write_html(rel, links).encode("utf-8")


def _routes() -> dict[str, tuple[int, dict[str, str], bytes]]:
    """path → (status, headers, body): three 보도자료 pages and what their file lists link."""
    hub_hwpx = mrf.write_hwpx(REL[HUB])
    gj_hwp = mrf.write_hwpx(REL[GWANGJU], "hwp")
    routes = {
        # 1. plain file links ending in .hwpx / .hwp; the page carries no table of its own
        "/press/1.html": (200, {"Content-Type": "text/html"}, _page(HUB, ["/files/hub.hwpx", "/files/hub.hwp"], False)),
        "/files/hub.hwpx": (200, {"Content-Type": OCTET}, hub_hwpx),
        "/files/hub.hwp": (200, {"Content-Type": OCTET}, mrf.write_hwpx(REL[HUB], "hwp")),
        # 2. download handlers, generic or wrong content types: the bytes and Content-Disposition decide
        "/press/2.html": (200, {"Content-Type": "text/html"},
                          _page(GWANGJU, ["/cmm/fms/download.do?fileId=21", "/cmm/fms/download.do?fileId=22"])),
        "/cmm/fms/download.do?fileId=21": (200, {"Content-Type": OCTET, "Content-Disposition":
                                                 "attachment; filename*=UTF-8''%EA%B4%91%EC%A3%BC.hwp"}, gj_hwp),
        "/cmm/fms/download.do?fileId=22": (200, {"Content-Type": "text/html", "Content-Disposition":
                                                 'attachment; filename="bad.hwpx"'}, b"PK\x03\x04 not a real zip"),
        # 3. a redirecting handler, a file over the size cap, a missing file
        "/press/3.html": (200, {"Content-Type": "text/html"}, _page(
            BUDGET, ["/FileDown.do?atchFileId=31", "/FileDown.do?atchFileId=32", "/files/gone.pdf"], False)),
        "/FileDown.do?atchFileId=31": (302, {"Location": "/store/31"}, b""),
        "/store/31": (200, {"Content-Type": OCTET, "Content-Disposition": 'attachment; filename="b.hwpx"'},
                      mrf.write_hwpx(REL[BUDGET])),
        "/FileDown.do?atchFileId=32": (200, {"Content-Type": OCTET}, b"%PDF-1.7 " + b"0" * 300_000),
    }  # fmt: skip
    return routes


class Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}

    def do_GET(self) -> None:
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.hits.append(self.path)  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[ThreadingHTTPServer]:
    Handler.routes = _routes()
    with loopback_server(Handler) as httpd:
        yield httpd


def _base(httpd: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}"


SMALL = 200_000  # bytes: the 300 kB "PDF" of page 3 is over this cap


@pytest.mark.parametrize("entry", lexicon.entries("attachment_links"), ids=lambda e: e.term)
def test_every_attachment_link_example_is_recognised(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower() and is_attachment_link(entry.example)


def test_links_that_are_not_attachments_are_left_alone() -> None:
    page = b"<a href='/press/list.do?page=2'>list</a><a href='/img/logo.png'>x</a><a href='a.pdf#p2'>p</a>"
    assert attachment_links(page, "https://www.msit.go.kr/bbs/view.do") == [
        "https://www.msit.go.kr/bbs/a.pdf#p2"
    ]


def test_format_comes_from_bytes_then_disposition_never_the_url() -> None:
    assert attachment_kind(b"%PDF-1.7 ...", "text/html") == "pdf"
    assert attachment_kind(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 8, OCTET) == "hwp"
    assert attachment_kind(b"PK\x03\x04...", OCTET, 'attachment; filename="보도자료.hwpx"') == "hwp"
    assert attachment_kind(b"<html>login</html>", "text/html") is None
    assert disposition_filename("attachment; filename*=UTF-8''%EA%B4%91%EC%A3%BC.hwp") == "광주.hwp"


def test_a_page_comes_with_its_attachments_fetched_under_the_page_rules(server: ThreadingHTTPServer) -> None:
    base = _base(server)
    settings = Settings(max_bytes=SMALL, workers=1)
    pages = {r.source: r for r in iter_raw([f"{base}/press/{n}.html" for n in (1, 2, 3)], settings)}
    assert not any(isinstance(p, InputError) for p in pages.values())
    kinds = {k.source.removeprefix(base): k.kind for p in pages.values() for k in p.meta["attachments"]}
    assert kinds == {
        "/files/hub.hwpx": "hwp", "/files/hub.hwp": "hwp",
        "/cmm/fms/download.do?fileId=21": "hwp", "/cmm/fms/download.do?fileId=22": "hwp",  # its name says so
        "/FileDown.do?atchFileId=31": "hwp",  # followed the redirect
    }  # fmt: skip
    errors = pages[f"{base}/press/3.html"].meta["attachment_errors"]
    assert len(errors) == 2 and any("too large" in e for e in errors) and any("404" in e for e in errors)


def test_ingest_stores_attachments_as_children_and_counts_each_figure_once(
    server: ThreadingHTTPServer, tmp_path: Path
) -> None:
    base = _base(server)
    warnings: list[str] = []
    settings = Settings(db_path=tmp_path / "p.duckdb", max_bytes=SMALL, workers=1)
    report = ingest([f"{base}/press/{n}.html" for n in (1, 2, 3)], settings, progress=False,
                    on_warning=lambda w: warnings.append(w.message))  # fmt: skip
    assert report.failed == 0 and report.new == 3 + 4  # 3 pages, 4 readable attachments
    assert any("damaged" in w and "fileId=22" in w for w in warnings)  # a bad file: one line, run goes on
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        parents = dict(con.execute("SELECT source, parent_id FROM documents").fetchall())
        counts = dict(con.execute("SELECT amount_krw, count(*) FROM budgets GROUP BY ALL").fetchall())
        tables = con.execute("SELECT count(*) FROM document_tables").fetchone()[0]
        cells = con.execute("SELECT count(*) FROM budgets WHERE table_seq IS NOT NULL").fetchone()[0]
    assert parents[f"{base}/press/1.html"] is None
    assert parents[f"{base}/files/hub.hwpx"] == document_id(f"{base}/press/1.html")
    assert parents[f"{base}/cmm/fms/download.do?fileId=21"] == document_id(f"{base}/press/2.html")
    # page 2 states its table; its HWP restates it: each figure once. Page 1's HWPX and HWP: once.
    for won in (2843 * 10**8, 812 * 10**8, 406 * 10**8, 4061 * 10**8, 440 * 10**8, 946 * 10**8, 728 * 10**12):
        assert counts.get(won) == 1, (won, counts.get(won))
    assert tables >= 4 and cells > 0


def test_a_folder_pairs_a_page_with_the_files_it_links_beside_it(tmp_path: Path) -> None:
    folder = tmp_path / "raw"
    rel = mrf.Release(**{**REL[GWANGJU].__dict__, "formats": ("hwpx", "hwp")})
    mrf.build_all(folder, (rel,))
    (folder / "other.hwpx").write_bytes(mrf.write_hwpx(REL[HUB]))  # linked by nobody: a document on its own
    settings = Settings(db_path=tmp_path / "p.duckdb", workers=1)
    report = ingest([str(folder)], settings, progress=False)
    assert report.failed == 0 and report.new == 4
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        rows = dict(
            con.execute("SELECT regexp_extract(source, '[^/]+$'), parent_id FROM documents").fetchall()
        )
        n = con.execute("SELECT count(*) FROM budgets WHERE amount_krw = 284300000000").fetchone()[0]
    page_id = document_id(str((folder / f"{GWANGJU}.html").resolve()))
    assert rows[f"{GWANGJU}.hwpx"] == rows[f"{GWANGJU}.hwp"] == page_id
    assert rows[f"{GWANGJU}.html"] is None and rows["other.hwpx"] is None
    assert n == 1
    again = ingest([str(folder)], settings, progress=False)
    assert (
        again.unchanged == 2 and again.new == again.updated == 0
    )  # the page (with its files) and other.hwpx
