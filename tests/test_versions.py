"""History is never overwritten: a changed document is a new version; the old one and its facts are kept."""

from __future__ import annotations

import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import duckdb
import pytest

from etl.config import Settings
from etl.pipeline import ingest
from etl.watch import run
from etl.watch.config import Politeness, WatchSource
from tests.conftest import loopback_server
from ui import queries
from ui.filters import Filters

TEXT = (
    "과기정통부, AI 반도체 사업 추진\n\n과학기술정보통신부는 28일 「인공지능 반도체 고도화 사업」에 "
    "총사업비 {amount}억원을 투입한다고 밝혔다. 사업 기간은 2025년부터 2027년까지다.\n"
)


def rows(db: Path, query: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query).fetchall()


def write(path: Path, amount: int) -> None:
    path.write_text(TEXT.format(amount=amount), encoding="utf-8")


def test_changed_document_is_a_new_version_and_the_old_one_is_kept(tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "v.duckdb", workers=1)
    doc = tmp_path / "in" / "a.txt"
    doc.parent.mkdir()
    write(doc, 100)
    ingest([str(doc)], settings, progress=False)
    write(doc, 250)
    report = ingest([str(doc)], settings, progress=False)
    assert report.updated == 1
    db = settings.db_path
    [(version, valid_from, loaded_at)] = rows(db, "SELECT version, valid_from, loaded_at FROM documents")
    assert version == 2 and valid_from == loaded_at
    [(old_version, old_text, fetched_at, old_from, old_to)] = rows(
        db, "SELECT version, text, fetched_at, valid_from, valid_to FROM document_versions"
    )
    assert old_version == 1 and "100억원" in old_text
    assert old_from == fetched_at and fetched_at < old_to <= valid_from
    # the old version's facts are kept apart; the current tables hold only the new version's
    old = [json.loads(f) for (f,) in rows(db, "SELECT fact FROM fact_versions WHERE fact_table = 'budgets'")]
    assert [b["amount_krw"] for b in old] == [10_000_000_000]
    assert rows(db, "SELECT amount_krw FROM budgets") == [(25_000_000_000,)]
    assert {t for (t,) in rows(db, "SELECT DISTINCT fact_table FROM fact_versions")} >= {
        "budgets",
        "program_mentions",
    }


def test_dashboard_headline_counts_the_current_version_once(tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "v.duckdb", workers=1)
    doc = tmp_path / "a.txt"
    for amount in (100, 250, 400):
        write(doc, amount)
        ingest([str(doc)], settings, progress=False)
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        head = queries.overview_metrics(con, filters=Filters())
    assert int(head["total_krw"][0]) == 40_000_000_000
    assert int(head["n_documents"][0]) == 1
    assert rows(settings.db_path, "SELECT list(version ORDER BY version) FROM document_versions") == [
        ([1, 2],)
    ]


def test_withdrawn_then_returning_document_continues_its_version_count(tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "v.duckdb", workers=1)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "keep.txt").write_text("다른 문서.", encoding="utf-8")
    write(folder / "a.txt", 100)
    ingest([str(folder)], settings, progress=False)
    (folder / "a.txt").unlink()
    assert ingest([str(folder)], settings, progress=False).withdrawn == 1
    write(folder / "a.txt", 300)
    ingest([str(folder)], settings, progress=False)
    write(folder / "a.txt", 500)
    ingest([str(folder)], settings, progress=False)
    db = settings.db_path
    assert rows(db, "SELECT version FROM documents WHERE source LIKE '%a.txt'") == [(3,)]
    assert rows(db, "SELECT version FROM document_versions ORDER BY version") == [(1,), (2,)]


# --- through the watch: a revised feed entry is fetched again and its page becomes a new version -----

STATE = {"amount": 100, "date": "Mon, 28 Oct 2024 09:00:00 +0900"}


class Ministry(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        base = f"http://{self.headers['Host']}"
        if self.path == "/feed.xml":
            body = (
                '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
                f"<item><title>인공지능 반도체 사업</title><link>{base}/r/1.html</link><guid>r-1</guid>"
                f"<pubDate>{STATE['date']}</pubDate></item></channel></rss>"
            ).encode()
            ctype = "application/rss+xml"
        elif self.path == "/r/1.html":
            text = TEXT.format(amount=STATE["amount"])
            body = f"<html><body><article><p>{text}</p></article></body></html>".encode()
            ctype = "text/html; charset=utf-8"
        else:
            body, ctype = b"", "text/plain"
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def ministry() -> Iterator[str]:
    STATE.update(amount=100, date="Mon, 28 Oct 2024 09:00:00 +0900")
    with loopback_server(Ministry) as httpd:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"


def test_revised_feed_item_is_fetched_again_and_versioned(ministry: str, tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "w.duckdb", workers=1)
    src = WatchSource("m", ministry + "/feed.xml", politeness=Politeness(0, 2, 0, 0))
    run.watch_once([src], settings)
    STATE.update(amount=250)  # the page changes but the feed does not: nothing is fetched again
    assert [c.status for c in run.watch_once([src], settings).checks] == ["unchanged"]
    STATE.update(date="Tue, 29 Oct 2024 10:00:00 +0900")  # the entry is marked revised
    report = run.watch_once([src], settings)
    assert [len(c.items) for c in report.checks] == [1]
    assert report.ingest is not None and report.ingest.updated == 1
    db = settings.db_path
    assert rows(db, "SELECT version FROM documents") == [(2,)]
    assert rows(db, "SELECT version, text LIKE '%100억원%' FROM document_versions") == [(1, True)]
    assert rows(db, "SELECT amount_krw FROM budgets") == [(25_000_000_000,)]
    assert rows(db, "SELECT n_items_seen FROM watch_sources") == [(1,)]
