"""RSS/Atom reader (feedparser): one Document per entry."""

from __future__ import annotations

import email.utils
from datetime import date, datetime
from typing import Any

import feedparser
import lxml.html
from lxml import etree

from etl.models import Document, RawDoc
from etl.parse import ParseError, make_document
from etl.parse.clean import clean_text
from etl.parse.html import element_text


def parse_feed(raw: RawDoc) -> list[Document]:
    """One Document per feed entry: text = title, blank line, content or summary as plain text."""
    # Bytes, not a URL: feedparser then never touches the network.
    parsed = feedparser.parse(raw.data)
    entries = parsed.get("entries") or []
    if not entries:
        if not parsed.get("version"):
            reason = str(parsed.get("bozo_exception") or "no <rss> or <feed> element").splitlines()[0]
            raise ParseError(raw.source, f"not an RSS/Atom feed ({reason})")
        raise ParseError(raw.source, "feed has no entries")
    docs = []
    for index, entry in enumerate(entries):
        doc = _entry_document(raw, entry, index)
        if doc is not None:
            docs.append(doc)
    if not docs:
        raise ParseError(raw.source, "feed entries have no text")
    return docs


def _entry_document(raw: RawDoc, entry: Any, index: int) -> Document | None:
    title = " ".join((entry.get("title") or "").split())
    body = html_to_text(_entry_body(entry))
    text = clean_text(f"{title}\n\n{body}" if title and not body.startswith(title) else body or title)
    if not text:
        return None
    link = entry.get("link") or None
    key = entry.get("id") or link or str(index)
    return make_document(
        f"{raw.source}#{key}",
        text,
        title=title or None,
        published_on=entry_date(entry),
        kind="feed",
        url=link or raw.url,
    )


def _entry_body(entry: Any) -> str:
    # Full content (content:encoded, Atom <content>) beats the summary when both are present.
    contents = [c.get("value", "") for c in entry.get("content") or [] if c.get("value")]
    if contents:
        return max(contents, key=len)
    return entry.get("summary") or entry.get("description") or ""


def html_to_text(fragment: str) -> str:
    """An HTML fragment as plain text, one line per paragraph; plain text passes through."""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    for node in list(root.iter("script", "style", "noscript", "iframe", "object", "embed")):
        if node.getparent() is not None:
            node.drop_tree()
    return element_text(root)


def entry_date(entry: Any) -> date | None:
    """Published (else updated) date as written in the feed, before any UTC conversion."""
    for key in ("published", "updated", "created"):
        value = (entry.get(key) or "").strip()
        if not value:
            continue
        found = _parse_feed_date(value)
        if found:
            return found
        struct = entry.get(f"{key}_parsed")
        if struct:
            return date(struct.tm_year, struct.tm_mon, struct.tm_mday)
    return None


def _parse_feed_date(value: str) -> date | None:
    # feedparser's *_parsed fields are UTC: '28 Oct 2024 08:00 +0900' would become 27 Oct.
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None
