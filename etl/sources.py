"""READ stage: turn the user's inputs (files, folders, URLs) into RawDoc bytes. I/O only, no parsing.

Errors for one input are yielded as InputError values, not raised, so one bad file never stops a run.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from etl.attachments import attachment_kind, attachment_links, disposition_filename, sibling_links
from etl.config import Settings
from etl.models import RawDoc, SourceError
from etl.netguard import MAX_REDIRECTS, Guard, RefusedURL

KIND_BY_EXTENSION = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".hwp": "hwp",
    ".hwpx": "hwp",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
SKIPPED_NAMES = frozenset({"MANIFEST.csv"})  # the corpus manifest lives beside the documents
USER_AGENT = "policy-tracker/0.1 (+https://github.com/; research use)"
# httpx's timeout is per network operation; a server trickling bytes could go on forever,
# so a whole download also gets this many times settings.http_timeout.
TOTAL_TIMEOUT_FACTOR = 4
_URL = re.compile(r"^https?://", re.I)
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.I)
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.I)


class InputError(SourceError):
    """A file or URL that cannot be read."""


def iter_raw(inputs: list[str], settings: Settings) -> Iterator[RawDoc | InputError]:
    """Yield a RawDoc per file or URL (folders expanded, sorted); an InputError for each failure."""
    for item in inputs:
        if _URL.match(item):
            page = _or_error(lambda item=item: read_url(item, settings))
            yield page if isinstance(page, InputError) else with_attachments(page, settings)
            continue
        path = Path(item)
        if settings.public_only and not _is_upload(path, settings):
            yield InputError(item, "refused: only uploads and http(s) URLs can be added from the dashboard")
            continue
        if path.is_dir():
            files = list_folder(path)
            if not files:
                yield InputError(item, f"folder holds no supported files ({', '.join(KIND_BY_EXTENSION)})")
            yield from _read_folder(files, settings)
        else:
            yield _or_error(lambda path=path, item=item: read_file(path, settings, source=item))


def _read_folder(files: list[Path], settings: Settings) -> Iterator[RawDoc | InputError]:
    """Each file once; a page's attachments beside it come inside the page's RawDoc, not on their own."""
    pages: dict[Path, RawDoc | InputError] = {}
    children: dict[Path, list[Path]] = {}
    listed: set[Path] | None = None  # resolved once, and only for a folder with pages
    for file in files:
        if file.suffix.lower() in (".html", ".htm"):
            page = pages[file] = _or_error(lambda file=file: read_file(file, settings, explicit=False))
            if isinstance(page, RawDoc):
                listed = {f.resolve() for f in files} if listed is None else listed
                children[file] = [p for p in sibling_links(file, page.data) if p in listed]
    owned = {child.resolve() for kids in children.values() for child in kids}
    for file in files:
        if owned and file.resolve() in owned:
            continue
        raw = pages.get(file) or _or_error(lambda file=file: read_file(file, settings, explicit=False))
        if isinstance(raw, RawDoc) and children.get(file):
            raw = _attach(
                raw, [_or_error(lambda p=p: read_file(p, settings, explicit=False)) for p in children[file]]
            )
        yield raw


def with_attachments(page: RawDoc, settings: Settings) -> RawDoc:
    """A fetched HTML page with its linked attachments fetched under the same rules as pages."""
    if page.kind != "html":
        return page
    links = attachment_links(page.data, page.url or page.source)
    return (
        _attach(page, [_or_error(lambda u=u: read_attachment(u, settings)) for u in links]) if links else page
    )


def _attach(page: RawDoc, got: list[RawDoc | InputError]) -> RawDoc:
    """The page with meta `attachments` (RawDocs) and `attachment_errors` (one line each)."""
    kids = tuple(g for g in got if isinstance(g, RawDoc))
    errors = tuple(str(g) for g in got if isinstance(g, InputError))
    return replace(page, meta={**page.meta, "attachments": kids, "attachment_errors": errors})


def read_attachment(url: str, settings: Settings) -> RawDoc:
    """Fetch one attachment like a page (timeout, size cap, redirects, address guard); its kind from its bytes."""
    raw = read_url(url, settings)
    ctype, disp = raw.meta.get("content_type", ""), raw.meta.get("content_disposition", "")
    kind = attachment_kind(raw.data, ctype, disp)
    if kind is None:
        raise InputError(url, f"attachment is not HWP/HWPX/PDF (content type {ctype or 'none'!r})")
    return replace(raw, kind=kind, meta={**raw.meta, "filename": disposition_filename(disp)})


def _is_upload(path: Path, settings: Settings) -> bool:
    """True for a file the dashboard itself saved under raw_dir/uploads (never any other server path)."""
    uploads = (settings.raw_dir / "uploads").resolve()
    return path.resolve().parent == uploads


def _or_error(read: Callable[[], RawDoc]) -> RawDoc | InputError:
    try:
        return read()
    except InputError as exc:
        return exc


def list_folder(folder: Path) -> list[Path]:
    """Supported files under a folder, recursively, sorted; hidden files/folders and MANIFEST.csv skipped."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(".") or name in SKIPPED_NAMES:
                continue
            if Path(name).suffix.lower() in KIND_BY_EXTENSION:
                found.append(Path(dirpath) / name)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def read_file(path: Path, settings: Settings, *, source: str | None = None, explicit: bool = True) -> RawDoc:
    """Read one file; the size is checked before reading. Unknown extensions are sniffed."""
    source = source or str(path)
    try:
        if not path.exists():
            raise InputError(source, "no such file or folder")
        if not path.is_file():
            raise InputError(source, "not a regular file")
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise InputError(source, f"file too large ({size:,} bytes; limit {settings.max_bytes:,})")
        with path.open("rb") as fh:
            data = fh.read(settings.max_bytes + 1)
    except OSError as exc:
        raise InputError(source, f"cannot read ({exc.strerror or exc})") from exc
    if len(data) > settings.max_bytes:  # the file grew after the size check
        raise InputError(source, f"file too large (over the {settings.max_bytes:,}-byte limit)")
    if not data.strip():
        raise InputError(source, "empty file")
    kind = KIND_BY_EXTENSION.get(path.suffix.lower())
    if kind is None:
        if not explicit:
            raise InputError(source, f"unsupported file type {path.suffix or '(none)'}")
        kind = sniff_kind(data)
    return RawDoc(source=source, kind=kind, data=data)


def sniff_kind(data: bytes) -> str:
    """Guess the kind from the first bytes: %PDF → pdf, <rss/<feed → feed, <html → html, else text."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or (data[:2] == b"PK" and b"hwp+zip" in data[:200]):
        return "hwp"  # HWP 5 compound file, or a HWPX zip (its mimetype entry comes first)
    if _FEED_START.search(head):
        return "feed"
    if _HTML_START.search(head):
        return "html"
    return "text"


def read_url(url: str, settings: Settings, *, guard: Guard | None = None) -> RawDoc:
    """Fetch a URL (timeout and size cap from settings); InputError on failure.

    With settings.public_only (the dashboard) or a guard, redirects are followed here one hop at a time
    and every hop must pass the guard (public http(s) addresses only) before it is requested.
    """
    if guard is None and settings.public_only:
        guard = Guard()
    try:
        with (
            httpx.Client(
                follow_redirects=guard is None,
                timeout=settings.http_timeout,
                headers={"User-Agent": USER_AGENT},
            ) as client,
            _open(client, url, guard) as response,
        ):
            if response.status_code >= 400:
                raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
            data = _download(response, url, settings)
            content_type = response.headers.get("content-type", "")
            charset = response.charset_encoding
            disposition = response.headers.get("content-disposition", "")
            final_url = str(response.url)
    except RefusedURL as exc:
        raise InputError(url, exc.reason) from exc
    except httpx.TimeoutException as exc:
        raise InputError(url, f"timed out (limit {settings.http_timeout:g} s)") from exc
    except httpx.ConnectError as exc:
        raise InputError(url, f"cannot connect ({exc}); offline or wrong host?") from exc
    except httpx.TooManyRedirects as exc:
        raise InputError(url, "too many redirects") from exc
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise InputError(url, f"download failed ({type(exc).__name__}: {exc})") from exc
    if not data.strip():
        raise InputError(url, "empty response")
    kind = _kind_for_download(data, content_type, final_url)
    meta = {"content_type": content_type, "charset": charset, "content_disposition": disposition}
    return RawDoc(source=url, kind=kind, data=data, url=final_url, meta=meta)


@contextmanager
def _open(
    client: httpx.Client,
    url: str,
    guard: Guard | None,
    *,
    headers: dict[str, str] | None = None,
    timeout: float | None = None,
) -> Iterator[httpx.Response]:
    """The streamed response; with a guard, each redirect target is checked before it is requested.

    `headers` are sent with every hop (the watch's conditional-GET validators); `timeout` overrides
    the client's.
    """
    extra: dict = {"headers": headers} if headers else {}
    if timeout is not None:
        extra["timeout"] = timeout
    if guard is None:
        with client.stream("GET", url, **extra) as response:
            yield response
        return
    for _ in range(MAX_REDIRECTS + 1):
        guard.check(url)
        with client.stream("GET", url, **extra) as response:
            if not response.is_redirect:
                yield response
                return
            url = str(response.url.join(response.headers["location"]))
    raise httpx.TooManyRedirects("too many redirects", request=None)


def _download(response: httpx.Response, url: str, settings: Settings) -> bytes:
    limit = settings.max_bytes
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputError(url, f"response too large ({int(declared):,} bytes; limit {limit:,})")
    deadline = time.monotonic() + TOTAL_TIMEOUT_FACTOR * settings.http_timeout
    chunks: list[bytes] = []
    received = 0
    for chunk in response.iter_bytes():
        received += len(chunk)
        if received > limit:  # stop streaming: never hold more than the cap in memory
            raise InputError(url, f"response too large (over the {limit:,}-byte limit)")
        if time.monotonic() > deadline:
            total = TOTAL_TIMEOUT_FACTOR * settings.http_timeout
            raise InputError(url, f"timed out (download took over {total:g} s)")
        chunks.append(chunk)
    return b"".join(chunks)


def _kind_for_download(data: bytes, content_type: str, url: str) -> str:
    sniffed = sniff_kind(data)
    if sniffed in ("pdf", "feed"):  # unmistakable magic beats a careless content-type
        return sniffed
    mime = content_type.split(";")[0].strip().lower()
    if mime in ("text/html", "application/xhtml+xml"):
        return "html"
    if mime == "application/pdf":
        return "pdf"
    if mime.endswith(("rss+xml", "atom+xml")):
        return "feed"
    if mime in ("text/plain", "text/markdown"):
        return "text"
    suffix = Path(urlsplit(url).path).suffix.lower()
    return KIND_BY_EXTENSION.get(suffix, sniffed)
