"""`etl watch` against a local server the test starts: validators, 304s, retries, robots.txt, filters."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import duckdb
import pytest

from etl import cli
from etl.config import Settings
from etl.watch import run
from etl.watch.config import KeywordFilter, Politeness, WatchSource, feed_source
from etl.watch.fetch import PoliteFetcher
from tests.conftest import loopback_server

FAST = Politeness(min_interval=0.0, timeout=2.0, retries=1, backoff=0.01)
AI = KeywordFilter.of("ai", ["AI", "인공지능", "반도체", "데이터센터", "GPU"])

TITLES = [
    "인공지능 반도체 육성에 3000억원 투입",  # matches
    "농촌 관광 활성화 대책",
    "GPU 확보를 위한 국가 AI 컴퓨팅 센터 공모",  # matches
    "해양 쓰레기 수거 사업 확대",
    "EMAIL 민원 처리 개선",  # 'AI' inside a word: no match
]


def rss(titles: list[str], base: str) -> bytes:
    """An RSS 2.0 feed, one item per title, linking to /item/N.html."""
    items = "".join(
        f"<item><title>{t}</title><link>{base}/item/{i}.html</link><guid>item-{i}</guid>"
        f"<description>{t} 관련 보도자료</description><pubDate>Mon, 28 Oct 2024 09:00:00 +0900</pubDate></item>"
        for i, t in enumerate(titles)
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def page(i: int, title: str) -> bytes:
    """An announcement page for item i."""
    body = f"과학기술정보통신부는 {title}. 정부는 2025년까지 총 {100 + i}억원을 지원한다고 28일 밝혔다."
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>".encode()


class Site(BaseHTTPRequestHandler):
    """Fixture feeds and pages; every request is recorded as (path, headers) in server.hits."""

    titles: list[str] = TITLES
    slow_seconds = 1.0

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.hits.append((self.path, dict(self.headers)))  # type: ignore[attr-defined]
        base = f"http://{self.headers['Host']}"
        path = self.path
        if path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path in ("/feed.xml", "/private/feed.xml"):
            if self.headers.get("If-None-Match") == '"v1"':
                return self._send(304, b"")
            return self._send(200, rss(self.titles, base), "application/rss+xml", {"ETag": '"v1"'})
        if path == "/plain.xml":  # no validators: only its hash tells it did not change
            return self._send(200, rss(self.titles, base), "application/rss+xml")
        if path == "/broken.xml":
            return self._send(500, b"oops", "text/plain")
        if path == "/slow.xml":
            time.sleep(self.slow_seconds)
            return self._send(200, rss(self.titles, base), "application/rss+xml")
        if path.startswith("/item/"):
            i = int(path.removeprefix("/item/").removesuffix(".html"))
            return self._send(200, page(i, self.titles[i]), "text/html; charset=utf-8")
        return self._send(404, b"no", "text/plain")

    def _send(self, code: int, body: bytes, ctype: str = "", headers: dict | None = None) -> None:
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site() -> Iterator[tuple[str, list]]:
    with loopback_server(Site) as httpd:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", httpd.hits


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "w.duckdb", workers=1)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many feed bodies were parsed into items."""
    calls: list[int] = []
    real = run.feed_items

    def counting(data: bytes) -> list:
        calls.append(1)
        return real(data)

    monkeypatch.setattr(run, "feed_items", counting)
    return calls


def source(url: str, **kw: object) -> WatchSource:
    return WatchSource(name=kw.pop("name", url), url=url, filter=kw.pop("filter", AI), politeness=FAST, **kw)  # type: ignore[arg-type]


def paths(hits: list) -> list[str]:
    return [p for p, _ in hits]


def documents(settings: Settings) -> list[tuple]:
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        return con.execute("SELECT source, title FROM documents ORDER BY source").fetchall()


def state(settings: Settings) -> dict[str, tuple]:
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        rows = con.execute(
            "SELECT source_name, last_status, last_error, n_failures, n_items_seen, etag FROM watch_sources"
        ).fetchall()
    return {r[0]: r[1:] for r in rows}


def test_feed_of_five_with_two_matching_ingests_two(site: tuple[str, list], settings: Settings) -> None:
    base, hits = site
    report = run.watch_once([source(base + "/feed.xml")], settings)
    assert [c.status for c in report.checks] == ["changed"]
    assert report.ingest is not None and report.ingest.new == 2
    assert documents(settings) == [(f"{base}/item/0.html", TITLES[0]), (f"{base}/item/2.html", TITLES[2])]
    assert sorted(p for p in paths(hits) if p.startswith("/item/")) == ["/item/0.html", "/item/2.html"]
    assert all("policy-tracker" in h.get("User-Agent", "") for _, h in hits)
    assert state(settings)[base + "/feed.xml"] == ("changed", None, 0, 2, '"v1"')


def test_second_pass_sends_validators_gets_304_and_parses_nothing(
    site: tuple[str, list], settings: Settings, parses: list[int]
) -> None:
    base, hits = site
    src = source(base + "/feed.xml")
    run.watch_once([src], settings)
    assert len(parses) == 1
    hits.clear()
    report = run.watch_once([src], settings)
    assert [c.status for c in report.checks] == ["not-modified"]
    assert len(parses) == 1  # the 304 was not parsed
    assert paths(hits) == ["/robots.txt", "/feed.xml"]
    assert hits[1][1].get("If-None-Match") == '"v1"'
    assert report.ingest is None
    assert len(documents(settings)) == 2
    assert state(settings)[base + "/feed.xml"][:2] == ("not-modified", None)


def test_source_without_validators_is_compared_by_hash(
    site: tuple[str, list], settings: Settings, parses: list[int]
) -> None:
    base, hits = site
    src = source(base + "/plain.xml")
    run.watch_once([src], settings)
    hits.clear()
    report = run.watch_once([src], settings)
    assert [c.status for c in report.checks] == ["unchanged"]
    assert len(parses) == 1
    assert "If-None-Match" not in hits[-1][1]


def test_seen_items_are_not_fetched_again(
    site: tuple[str, list], settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, hits = site
    src = source(base + "/plain.xml")
    run.watch_once([src], settings)
    monkeypatch.setattr(Site, "titles", [*TITLES, "데이터센터 전력 공급 방안"])
    hits.clear()
    report = run.watch_once([src], settings)
    assert [p for p in paths(hits) if p.startswith("/item/")] == ["/item/5.html"]
    assert [len(c.items) for c in report.checks] == [1]
    assert len(documents(settings)) == 3
    assert state(settings)[src.name][3] == 3  # items seen


def test_failing_and_slow_sources_are_retried_then_reported_and_others_go_on(
    site: tuple[str, list], settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, hits = site
    monkeypatch.setattr(Site, "slow_seconds", 1.0)
    slow = replace(source(base + "/slow.xml"), politeness=replace(FAST, timeout=0.3))
    sources = [source(base + "/broken.xml"), slow, source(base + "/feed.xml")]
    report = run.watch_once(sources, settings)
    assert [c.status for c in report.checks] == ["error", "error", "changed"]
    assert paths(hits).count("/broken.xml") == 2  # one try + one retry
    assert paths(hits).count("/slow.xml") == 2
    assert "HTTP 500" in report.checks[0].error and "after 2 attempts" in report.checks[0].error
    assert "timed out" in report.checks[1].error
    assert report.failed == 2 and len(documents(settings)) == 2
    saved = state(settings)
    assert saved[base + "/broken.xml"][0:1] == ("error",) and "HTTP 500" in saved[base + "/broken.xml"][1]
    assert saved[base + "/broken.xml"][2] == 1  # failures in a row
    run.watch_once(sources[:1], settings)
    assert state(settings)[base + "/broken.xml"][2] == 2


def test_robots_disallow_is_respected(site: tuple[str, list], settings: Settings) -> None:
    base, hits = site
    report = run.watch_once([source(base + "/private/feed.xml")], settings)
    assert report.checks[0].status == "error"
    assert report.checks[0].error == "disallowed by robots.txt"
    assert paths(hits) == ["/robots.txt"]


def test_requests_to_one_host_are_spaced() -> None:
    """Two sources on one host: the second request waits for the host's min_interval."""
    now = [100.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        now[0] += s

    with loopback_server(Site) as httpd:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        fetcher = PoliteFetcher(Settings(), sleep=sleep, clock=lambda: now[0])
        p = replace(FAST, min_interval=5.0)
        fetcher.get(base + "/plain.xml", p)  # robots.txt, then the feed: 5 s apart
        fetcher.get(base + "/feed.xml", p)
        fetcher.close()
    assert slept == [5.0, 5.0]
    assert fetcher.requests == 3


def test_cli_watch_once_and_sources(
    site: tuple[str, list], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """Command-line feeds are watched with no keyword filter; `sources` prints their health."""
    base, _ = site
    db_path = tmp_path / "c.duckdb"
    config = tmp_path / "fast.toml"  # no [[source]]: only the command line's feeds, with this politeness
    config.write_text("[politeness]\nmin_interval = 0\nretries = 1\nbackoff = 0.01\ntimeout = 2\n")
    watch = ["watch", "--once", "--config", str(config), "--db", str(db_path)]
    assert cli.main([*watch, base + "/feed.xml"]) == 0
    out = capsys.readouterr().out
    assert "changed" in out and "5 new, 0 filtered out" in out
    assert cli.main([*watch, base + "/broken.xml"]) == 1
    cli.main(["sources", "--db", str(db_path), "--config", str(tmp_path / "none.toml")])
    out = capsys.readouterr().out
    assert "not-modified" not in out
    assert f"{base}/feed.xml" in out and "HTTP 500" in out


def test_feed_source_has_no_filter() -> None:
    assert feed_source("https://example.org/f.xml").filter is None


def test_source_health_lists_failing_sources_first(site: tuple[str, list], settings: Settings) -> None:
    """The Sources page's dataset: what `watch` recorded, failures first."""
    from ui import queries
    from ui.filters import Filters

    base, _ = site
    run.watch_once([source(base + "/feed.xml"), source(base + "/broken.xml")], settings)
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        health = queries.source_health(con, filters=Filters())
    assert list(health["source_name"]) == [base + "/broken.xml", base + "/feed.xml"]
    assert list(health["n_failures"]) == [1, 0] and list(health["n_items_seen"]) == [0, 2]
    assert "HTTP 500" in health["last_error"][0]


def test_bench_watch_pass_counts(tmp_path: Path) -> None:
    """bench/watch.py on 4 feeds, 3 answering 304: the measured pass sends exactly the requests it should."""
    from bench import watch as bench_watch

    first, second, seen, _ = bench_watch.measure(4, 3, tmp_path)
    assert [c.status for c in first.checks] == ["changed"] * 4
    assert [c.status for c in second.checks] == ["not-modified"] * 3 + ["changed"]
    assert seen == {"robots.txt": 1, "304": 3, "feed": 1, "item": 1}
    assert second.ingest is not None and second.ingest.new == 1
