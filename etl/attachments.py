"""Attachments of a 보도자료 page: its file list links HWP/HWPX/PDF files or download handlers.

Which links are attachments is data (`etl/resources/lexicon/attachment_links.tsv`: a path suffix, or a
download-handler marker such as `download.do` / `atchFileId=`). What a downloaded file *is* comes from its
first bytes, then its Content-Disposition file name, then its content type: never from the URL, since a
handler URL has no extension and the same URL could serve anything.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

from etl import lexicon
from etl.models import RawDoc

LEXICON = "attachment_links"
MAX_ATTACHMENTS = 10  # a page linking more is a listing, not one release
ATTACHMENT_KINDS = {".hwp": "hwp", ".hwpx": "hwp", ".pdf": "pdf"}
_MIME_KINDS = {
    "application/pdf": "pdf",
    "application/x-hwp": "hwp",
    "application/haansofthwp": "hwp",
    "application/vnd.hancom.hwp": "hwp",
    "application/hwp+zip": "hwp",
    "application/vnd.hancom.hwpx": "hwp",
}
_FILENAME_STAR = re.compile(r"filename\*\s*=\s*(?:[\w-]+)'[^']*'([^;]+)", re.I)
_FILENAME = re.compile(r"filename\s*=\s*\"?([^\";]+)\"?", re.I)


def is_attachment_link(href: str) -> bool:
    """True for a link to a HWP/HWPX/PDF file or to a download handler (lexicon attachment_links)."""
    parts = urlsplit(href)
    path = unquote(parts.path).lower()
    if any(path.endswith(t.lower()) for t in lexicon.terms(LEXICON, "suffix")):
        return True
    target = f"{parts.path}?{parts.query}".lower()
    return any(t.lower() in target for t in lexicon.terms(LEXICON, "handler"))


def attachment_links(html: bytes | str, base: str) -> list[str]:
    """Attachment links of a page, resolved against `base`, in page order, once each, at most MAX_ATTACHMENTS."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    found: list[str] = []
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")) or not is_attachment_link(href):
            continue
        url = urljoin(base, href)
        if url not in found:
            found.append(url)
    return found[:MAX_ATTACHMENTS]


def disposition_filename(header: str) -> str | None:
    """The file name a Content-Disposition header gives (RFC 5987 `filename*` first), or None."""
    m = _FILENAME_STAR.search(header) or _FILENAME.search(header)
    return Path(unquote(m.group(1).strip())).name if m else None


def attachment_kind(data: bytes, content_type: str = "", disposition: str = "") -> str | None:
    """hwp | pdf from the first bytes, else the Content-Disposition name, else the content type; None if unknown."""
    from etl.sources import sniff_kind

    sniffed = sniff_kind(data)
    if sniffed in ("pdf", "hwp"):
        return sniffed
    name = disposition_filename(disposition) or ""
    by_name = ATTACHMENT_KINDS.get(Path(name).suffix.lower())
    if by_name:
        return by_name
    return _MIME_KINDS.get(content_type.split(";")[0].strip().lower())


def sibling_links(page: Path, html: bytes) -> list[Path]:
    """Files a local page links that sit beside it (a folder ingest pairs `name.html` with them)."""
    out = []
    for url in attachment_links(html, page.resolve().as_uri()):
        parts = urlsplit(url)
        if parts.scheme != "file":
            continue
        path = Path(unquote(parts.path))
        if path.parent == page.resolve().parent and path.is_file() and path not in out:
            out.append(path)
    return out


def raw_digest(raw: RawDoc) -> str:
    """sha256 of an input's bytes and of its attachments' bytes: a changed attachment changes the page."""
    kids = raw.meta.get("attachments", ())
    if not kids:
        return hashlib.sha256(raw.data).hexdigest()
    h = hashlib.sha256(raw.data)
    for kid in kids:
        h.update(kid.source.encode("utf-8") + b"\0" + kid.data)
    return h.hexdigest()
