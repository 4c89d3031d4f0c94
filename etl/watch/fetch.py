"""Polite HTTP for the watch: conditional GET, per-host spacing, retries with backoff, robots.txt.

One PoliteFetcher serves a whole watch pass, so the spacing between two requests to one host and the
robots.txt of each origin are shared by every source on that host.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

import httpx

from etl.config import Settings
from etl.netguard import Guard, RefusedURL
from etl.sources import USER_AGENT, InputError, _download, _open
from etl.watch.config import Politeness

ROBOTS_AGENT = "policy-tracker"  # the product token robots.txt rules are matched against
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A request that failed for good (after its retries); str() is the one line to show."""

    def __init__(self, url: str, reason: str, attempts: int = 1) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.attempts = url, reason, attempts


@dataclass(frozen=True)
class Fetched:
    """A response: 200 with its bytes, or 304 (not modified) with none."""

    status: int
    url: str
    data: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""


@dataclass
class PoliteFetcher:
    """GETs spaced per host, retried on 5xx/429/time-outs with doubling backoff, robots.txt obeyed."""

    settings: Settings
    guard: Guard | None = None
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    requests: int = 0  # every request sent, robots.txt included (for reports and tests)
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.guard is None and self.settings.public_only:
            self.guard = Guard()
        self.client = httpx.Client(follow_redirects=self.guard is None, headers={"User-Agent": USER_AGENT})

    def close(self) -> None:
        """Close the connection pool."""
        self.client.close()

    def get(
        self, url: str, p: Politeness, *, etag: str | None = None, last_modified: str | None = None
    ) -> Fetched:
        """GET url (conditional when validators are given); FetchError when it fails for good."""
        if not self.allowed(url, p):
            raise FetchError(url, "disallowed by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        reason = ""
        for attempt in range(p.retries + 1):
            if attempt:
                self.sleep(p.backoff * 2 ** (attempt - 1))
            try:
                return self._once(url, p, headers)
            except _Retry as e:
                reason = e.reason
        raise FetchError(url, f"{reason} (after {p.retries + 1} attempts)", p.retries + 1)

    def allowed(self, url: str, p: Politeness) -> bool:
        """What the origin's robots.txt says about url for our agent (fetched once per origin)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin, p)
        return self._robots[origin].can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, origin: str, p: Politeness) -> urllib.robotparser.RobotFileParser:
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            got = self._once(origin + "/robots.txt", replace(p, retries=0), {}, robots=True)
        except (_Retry, FetchError):
            parser.parse([])  # unreachable robots.txt: nothing forbidden (the page fetch will tell)
            return parser
        if got.status in (401, 403):
            parser.disallow_all = True
        elif got.status >= 400:
            parser.parse([])
        else:
            parser.parse(got.data.decode("utf-8", "replace").splitlines())
        return parser

    def _wait_turn(self, url: str, p: Politeness) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last.get(host)
        if last is not None and (pause := last + p.min_interval - self.clock()) > 0:
            self.sleep(pause)
        self._last[host] = self.clock()

    def _once(self, url: str, p: Politeness, headers: dict[str, str], *, robots: bool = False) -> Fetched:
        """One request; _Retry for what deserves another try, FetchError for what does not."""
        self._wait_turn(url, p)
        self.requests += 1
        limits = replace(self.settings, http_timeout=p.timeout)
        try:
            with _open(self.client, url, self.guard, headers=headers, timeout=p.timeout) as r:
                if r.status_code in RETRY_STATUS and not robots:
                    raise _Retry(f"HTTP {r.status_code} {r.reason_phrase}".rstrip())
                if r.status_code == 304 or (robots and r.status_code >= 400):
                    return Fetched(r.status_code, str(r.url))
                if r.status_code >= 400:
                    raise FetchError(url, f"HTTP {r.status_code} {r.reason_phrase}".rstrip())
                data = _download(r, url, limits)
                h = r.headers
                return Fetched(
                    200, str(r.url), data, h.get("etag"), h.get("last-modified"), h.get("content-type", "")
                )
        except RefusedURL as e:
            raise FetchError(url, e.reason) from e
        except InputError as e:
            if "timed out" in e.reason:
                raise _Retry(e.reason) from e
            raise FetchError(url, e.reason) from e
        except httpx.TimeoutException as e:
            raise _Retry(f"timed out (limit {p.timeout:g} s)") from e
        except httpx.TransportError as e:
            raise _Retry(f"cannot connect ({e})") from e
        except (httpx.HTTPError, httpx.InvalidURL) as e:
            raise FetchError(url, f"{type(e).__name__}: {e}") from e


class _Retry(Exception):
    """A failure worth another attempt: 5xx, 429, a time-out or a dropped connection."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
