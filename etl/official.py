"""Whether a document is the issuing body's own release (lexicon official_sources): etl/events.py ranks it first."""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from etl import lexicon


@cache
def _official() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(host suffixes, title cues) of an issuing body's own release, from the lexicon."""
    rows = lexicon.entries("official_sources")
    hosts = tuple(e.term.lower() for e in rows if e.meaning == "host")
    cues = tuple(e.term.lower() for e in rows if e.meaning == "title")
    return hosts, cues


def is_official(url: str | None, source: str | None, title: str | None) -> bool:
    """True for a release by the body itself: its address is on an official host, or its title says release."""
    hosts, cues = _official()
    for address in (url, source):
        host = (urlsplit(address).hostname or "").lower() if address and "://" in address else ""
        if host and any(host == h or host.endswith("." + h) for h in hosts):
            return True
    low = (title or "").lower()
    return any(cue in low for cue in cues)
