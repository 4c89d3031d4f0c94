"""A watch pass over N local feeds of which most answer 304: time, requests, peak memory.

`python -m bench.watch [--sources 50] [--not-modified 45]` starts a loopback server with N feeds. The
first pass (priming) fetches every feed and its one matching item; the measured pass then finds the
`--not-modified` feeds unchanged (they send an ETag and answer 304) while the others, which send no
validators, list one new matching item each, so that pass fetches and ingests those. Spacing between
requests to one host is set to 0 here: on one loopback host it would only measure the sleep.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench.procmem import PeakRSS
from etl.config import Settings
from etl.watch.config import KeywordFilter, Politeness, WatchSource
from etl.watch.run import WatchReport, watch_once

FILTER = KeywordFilter.of("ai", ["AI", "인공지능", "반도체"])


class Feeds(BaseHTTPRequestHandler):
    """/feed/I.xml (feeds below `with_etag` answer 304 to their ETag) and /item/I-G.html pages."""

    with_etag = 45
    generation = 0  # the changing feeds list one more item per generation
    requests: dict[str, int] = {}  # noqa: RUF012 (class-level counter shared by handler instances)

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        kind = "304" if "If-None-Match" in self.headers else self.path.split("/")[1]
        Feeds.requests[kind] = Feeds.requests.get(kind, 0) + 1
        if self.path.startswith("/feed/"):
            self._feed(int(self.path.removeprefix("/feed/").removesuffix(".xml")))
        elif self.path.startswith("/item/"):
            i, g = self.path.removeprefix("/item/").removesuffix(".html").split("-")
            text = (
                f"과학기술정보통신부는 인공지능 반도체 사업 {i}-{g}에 {int(i) + 10}억원을 투입한다고 밝혔다."
            )
            self._send(
                200, f"<html><body><article><p>{text}</p></article></body></html>".encode(), "text/html"
            )
        else:
            self._send(404, b"", "text/plain")

    def _feed(self, i: int) -> None:
        etag = f'"f{i}"' if i < self.with_etag else None
        if etag and self.headers.get("If-None-Match") == etag:
            return self._send(304, b"", "")
        gens = range(1) if etag else range(Feeds.generation + 1)
        base = f"http://{self.headers['Host']}"
        items = "".join(
            f"<item><title>인공지능 사업 {i}-{g}</title><link>{base}/item/{i}-{g}.html</link><guid>{i}-{g}</guid></item>"
            f"<item><title>농촌 관광 {i}-{g}</title><link>{base}/other/{i}-{g}.html</link><guid>o{i}-{g}</guid></item>"
            for g in gens
        )
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>f{i}</title>{items}</channel></rss>'
        self._send(200, body.encode(), "application/rss+xml", etag)

    def _send(self, code: int, body: bytes, ctype: str, etag: str | None = None) -> None:
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def measure(n_sources: int, n_not_modified: int, work: Path) -> tuple[WatchReport, WatchReport, dict, int]:
    """(priming pass, measured pass, requests the server saw in the measured pass, peak RSS bytes)."""
    Feeds.with_etag, Feeds.generation, Feeds.requests = n_not_modified, 0, {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Feeds)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        polite = Politeness(min_interval=0.0, timeout=20.0, retries=2, backoff=1.0)
        sources = [
            WatchSource(f"feed {i}", f"{base}/feed/{i}.xml", filter=FILTER, politeness=polite)
            for i in range(n_sources)
        ]
        settings = Settings(db_path=work / "watch.duckdb", workers=1)
        first = watch_once(sources, settings)
        Feeds.generation, Feeds.requests = 1, {}
        with PeakRSS() as mem:
            second = watch_once(sources, settings)
        return first, second, dict(Feeds.requests), mem.peak
    finally:
        httpd.shutdown()
        httpd.server_close()


def main(argv: list[str] | None = None) -> int:
    """Print the priming and the measured pass."""
    ap = argparse.ArgumentParser(prog="python -m bench.watch", description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=int, default=50)
    ap.add_argument("--not-modified", type=int, default=45)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        first, second, seen, peak = measure(args.sources, args.not_modified, Path(tmp))
    for label, rep in (("priming pass", first), ("measured pass", second)):
        statuses: dict[str, int] = {}
        for c in rep.checks:
            statuses[c.status] = statuses.get(c.status, 0) + 1
        ingested = rep.ingest.new + rep.ingest.updated if rep.ingest else 0
        print(
            f"{label}: {len(rep.checks)} sources {statuses}; documents ingested {ingested}; "
            f"requests {rep.requests}; {rep.seconds:.2f} s"
        )
    print(f"measured pass, server side: {seen}")
    print(f"measured pass, peak RSS of the process: {peak / 2**20:.0f} MiB")
    print(f"total wall time with priming: {time.perf_counter() - t0:.1f} s")
    return 1 if first.failed or second.failed else 0


if __name__ == "__main__":
    sys.exit(main())
