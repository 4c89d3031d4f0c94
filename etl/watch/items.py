"""The items a watched source lists: feed entries (feedparser) or the links of a listing page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin

import feedparser
import lxml.html
from lxml import etree

from etl.parse.feed import html_to_text


class ItemsError(ValueError):
    """A source body that lists nothing readable; str() is the reason."""


@dataclass(frozen=True)
class Item:
    """One announcement a source lists: key = guid, else link (what 'seen' is remembered by).

    stamp = the entry's updated (else published) date as written: when a seen item comes back with
    another stamp, it was revised and is fetched again (a changed text becomes a new document version).
    """

    key: str
    link: str | None
    title: str
    summary: str = ""
    stamp: str = ""

    @property
    def text(self) -> str:
        """What a keyword filter reads: title and summary."""
        return f"{self.title}\n{self.summary}"


def feed_items(data: bytes) -> list[Item]:
    """Every entry of an RSS/Atom feed, in feed order (bytes: feedparser never touches the network)."""
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.get("entries"):
        reason = str(parsed.get("bozo_exception") or "no <rss> or <feed> element").splitlines()[0]
        raise ItemsError(f"not an RSS/Atom feed ({reason})")
    items = []
    for entry in parsed.get("entries") or []:
        link = (entry.get("link") or "").strip() or None
        key = (entry.get("id") or "").strip() or link
        title = " ".join((entry.get("title") or "").split())
        if not key:
            continue  # nothing to remember it by: it would be ingested again on every pass
        summary = html_to_text(entry.get("summary") or entry.get("description") or "")
        # dict.get: feedparser's own get("updated") falls back to published with a DeprecationWarning
        stamp = (dict.get(entry, "updated") or dict.get(entry, "published") or "").strip()
        items.append(Item(key=key, link=link, title=title, summary=summary, stamp=stamp))
    return items


def listing_items(data: bytes, base_url: str, link_pattern: str | None) -> list[Item]:
    """The anchors of a listing page whose absolute link matches link_pattern (all links without one)."""
    try:
        root = lxml.html.fromstring(data, base_url=base_url)
    except (etree.ParserError, ValueError) as e:
        raise ItemsError(f"not an HTML page ({e})") from e
    wanted = re.compile(link_pattern) if link_pattern else None
    items: dict[str, Item] = {}
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        link = urldefrag(urljoin(base_url, href))[0]
        if wanted is not None and not wanted.search(link):
            continue
        title = " ".join(anchor.text_content().split())
        if link not in items or (title and not items[link].title):
            items[link] = Item(key=link, link=link, title=title)
    return list(items.values())
