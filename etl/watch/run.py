"""One watch pass: check every source politely, fetch its new matching items, ingest them, keep state.

Order per source: conditional GET of the feed (304 → done, nothing parsed); a body identical to the
last one (by SHA-256) → done; else list its items, drop those already fetched (by guid/link) and
those the keyword filter rejects, fetch the rest. Then one ingest of every fetched page through the
normal pipeline (under the ingest lock), and the sources' state written into the same published
copy. One failing source is reported and never stops the others.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from etl import dbfile
from etl.config import Settings
from etl.lock import ingest_lock
from etl.models import RawDoc
from etl.pipeline import RunReport, ingest
from etl.sources import _kind_for_download
from etl.watch import store
from etl.watch.config import WatchSource
from etl.watch.fetch import Fetched, FetchError, PoliteFetcher
from etl.watch.items import Item, ItemsError, feed_items, listing_items


@dataclass
class SourceCheck:
    """What one source gave in this pass."""

    source: WatchSource
    status: str = "error"  # changed | unchanged | not-modified | error
    error: str | None = None
    docs: list[RawDoc] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)  # fetched now: remembered as seen
    skipped: int = 0  # listed items the filter rejected
    fetched: Fetched | None = None


@dataclass
class WatchReport:
    """One pass: per-source checks, the ingest of what was new, requests sent, wall time."""

    checks: list[SourceCheck] = field(default_factory=list)
    ingest: RunReport | None = None
    requests: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        """Sources whose check failed."""
        return sum(c.status == "error" for c in self.checks)

    def lines(self) -> list[str]:
        """One line per source, then the totals."""
        out = []
        for c in self.checks:
            detail = c.error if c.error else f"{len(c.items)} new, {c.skipped} filtered out"
            out.append(f"{c.status:12} {c.source.name}: {detail}")
        new = sum(len(c.items) for c in self.checks)
        out.append(
            f"sources: {len(self.checks)} checked, {self.failed} failed; items: {new} new; "
            f"requests: {self.requests}; seconds: {self.seconds:.2f}"
        )
        return out


def watch_once(
    sources: list[WatchSource],
    settings: Settings,
    *,
    fetcher: PoliteFetcher | None = None,
    wait: float = 30.0,
) -> WatchReport:
    """Check every source once, ingest what is new and record each source's state."""
    t0 = time.perf_counter()
    state, seen = store.watch_state(settings.db_path)
    own = fetcher is None
    fetcher = fetcher or PoliteFetcher(settings)
    report = WatchReport()
    try:
        for src in sources:
            report.checks.append(check_source(src, state.get(src.name, {}), seen.get(src.name, {}), fetcher))
    finally:
        if own:
            fetcher.close()
    report.requests = fetcher.requests
    rows, items = _state_rows(report.checks, state)
    saved: list[bool] = []

    def save(con: duckdb.DuckDBPyConnection) -> None:
        store.save_watch_state(con, rows, items)
        saved.append(True)

    docs = [d for c in report.checks for d in c.docs]
    if docs:
        report.ingest = ingest([], settings, progress=False, wait=wait, prefetched=docs, after_load=save)
    if not saved:
        with ingest_lock(settings.db_path, wait=wait), dbfile.open_for_write(settings.db_path) as con:
            save(con)
    report.seconds = time.perf_counter() - t0
    return report


def check_source(src: WatchSource, state: dict, seen: dict[str, str], fetcher: PoliteFetcher) -> SourceCheck:
    """Check one source: conditional GET, hash compare, list, filter, fetch the new items."""
    check = SourceCheck(src)
    try:
        got = fetcher.get(
            src.url, src.politeness, etag=state.get("etag"), last_modified=state.get("last_modified")
        )
        check.fetched = got
        if got.status == 304:
            check.status = "not-modified"
            return check
        if _sha256(got.data) == state.get("content_sha256"):
            check.status = "unchanged"
            return check
        listed = _items(src, got)
    except (FetchError, ItemsError) as e:
        check.error = str(e) if isinstance(e, ItemsError) else e.reason
        return check
    failures = []
    for item in listed:
        if item.key in seen and (not item.stamp or seen[item.key] == item.stamp):
            continue  # already fetched, and not revised since
        if src.filter is not None and not src.filter.matches(item.text):
            check.skipped += 1
            continue
        try:
            check.docs.append(_item_doc(item, src, fetcher))
        except FetchError as e:
            failures.append(e)
            continue
        check.items.append(item)
    check.status = "changed"
    if failures:  # the body's hash and validators are not kept, so the next pass lists it again
        check.status, check.error = "error", f"{len(failures)} item(s) failed, first: {failures[0]}"
    return check


def _items(src: WatchSource, got: Fetched) -> list[Item]:
    if src.kind == "listing":
        return listing_items(got.data, got.url, src.link_pattern)
    return feed_items(got.data)


def _item_doc(item: Item, src: WatchSource, fetcher: PoliteFetcher) -> RawDoc:
    """The item's page (robots, spacing and retries as for its source); a link-less entry as its text."""
    if not item.link:
        text = f"{item.title}\n\n{item.summary}".strip()
        return RawDoc(source=f"{src.url}#{item.key}", kind="text", data=text.encode("utf-8"))
    page = fetcher.get(item.link, src.politeness)
    if not page.data.strip():
        raise FetchError(item.link, "empty response")
    kind = _kind_for_download(page.data, page.content_type, page.url)
    return RawDoc(source=item.link, kind=kind, data=page.data, url=page.url)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _state_rows(checks: list[SourceCheck], state: dict[str, dict]) -> tuple[list[dict], list[dict]]:
    """watch_sources rows (validators and hash kept only from a clean check) and watch_items rows."""
    now = datetime.now()
    rows, items = [], []
    for c in checks:
        old = state.get(c.source.name, {})
        row = {col: old.get(col) for col in store.WATCH_SOURCE_COLUMNS}
        row.update(source_name=c.source.name, url=c.source.url, kind=c.source.kind, last_checked_at=now)
        row.update(last_status=c.status, n_new_last=len(c.items))
        if c.status == "error":
            row.update(last_error=c.error, last_error_at=now, n_failures=(old.get("n_failures") or 0) + 1)
            if c.fetched is not None and c.fetched.status == 200:  # items failed: re-list next time
                row.update(etag=None, last_modified=None, content_sha256=None)
        else:
            row.update(last_success_at=now, n_failures=0)
        if c.status == "changed" and c.fetched is not None:
            got = c.fetched
            row.update(etag=got.etag, last_modified=got.last_modified, content_sha256=_sha256(got.data))
        rows.append(row)
        items += [
            {"source_name": c.source.name, "item_key": i.key, "link": i.link, "title": i.title, "stamp": i.stamp,
             "first_seen_at": now}
            for i in c.items
        ]  # fmt: skip
    return rows, items
