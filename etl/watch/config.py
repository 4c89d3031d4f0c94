"""Watched sources as configuration: `sources.toml` (the repo's default, or a user's own file)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from etl.config import ROOT

DEFAULT_CONFIG = ROOT / "sources.toml"
KINDS = ("rss", "atom", "listing")


class ConfigError(ValueError):
    """A sources file that cannot be used; str() is the one line to show."""


@dataclass(frozen=True)
class Politeness:
    """How hard one source may be asked: per-host spacing, time-out, retries with doubling backoff."""

    min_interval: float = 2.0
    timeout: float = 30.0
    retries: int = 2
    backoff: float = 2.0


@dataclass(frozen=True)
class KeywordFilter:
    """Terms matched in an item's title and summary; Latin terms as whole words, case-insensitive."""

    name: str
    terms: tuple[str, ...]
    pattern: re.Pattern[str] = field(compare=False, repr=False)

    @classmethod
    def of(cls, name: str, terms: list[str]) -> KeywordFilter:
        """Build the matcher: escaped terms, longest first, ASCII-letter boundaries around Latin ones."""
        parts = []
        for term in sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True):
            body = re.escape(term).replace(r"\ ", r"\s+")
            parts.append(rf"(?<![A-Za-z]){body}(?![A-Za-z])" if term[:1].isascii() else body)
        if not parts:
            raise ConfigError(f"filter {name!r} has no terms")
        return cls(name, tuple(terms), re.compile("|".join(parts), re.IGNORECASE))

    def matches(self, text: str) -> bool:
        """True when any term occurs in text."""
        return self.pattern.search(text) is not None


@dataclass(frozen=True)
class WatchSource:
    """One feed or listing page to watch."""

    name: str
    url: str
    kind: str = "rss"
    filter: KeywordFilter | None = None
    politeness: Politeness = Politeness()
    link_pattern: str | None = None  # listing pages: which anchors are items


def feed_source(url: str, politeness: Politeness = Politeness()) -> WatchSource:
    """A feed given on the command line: watched with no keyword filter, named by its URL."""
    return WatchSource(name=url, url=url, kind="rss", politeness=politeness)


def load_sources(path: Path = DEFAULT_CONFIG) -> tuple[list[WatchSource], Politeness]:
    """The sources of a TOML file and its default politeness; ConfigError names what is wrong."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read ({e.strerror or e})") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML ({e})") from e
    base = _politeness(Politeness(), data.get("politeness", {}), f"{path}: [politeness]")
    filters = {name: KeywordFilter.of(name, terms) for name, terms in data.get("filters", {}).items()}
    sources: list[WatchSource] = []
    for i, entry in enumerate(data.get("source", [])):
        sources.append(_source(entry, base, filters, f"{path}: source {i + 1}"))
    names = [s.name for s in sources]
    if dupes := sorted({n for n in names if names.count(n) > 1}):
        raise ConfigError(f"{path}: source names must be unique: {', '.join(dupes)}")
    return sources, base


def _source(entry: dict, base: Politeness, filters: dict[str, KeywordFilter], where: str) -> WatchSource:
    for key in ("name", "url"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ConfigError(f"{where}: `{key}` is required")
    kind = entry.get("kind", "rss")
    if kind not in KINDS:
        raise ConfigError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    name = entry.get("filter") or ""
    if name and name not in filters:
        raise ConfigError(f"{where}: filter {name!r} is not defined under [filters]")
    pattern = entry.get("link_pattern")
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as e:
            raise ConfigError(f"{where}: link_pattern is not a valid regular expression ({e})") from e
    return WatchSource(
        name=entry["name"].strip(),
        url=entry["url"].strip(),
        kind=kind,
        filter=filters.get(name) if name else None,
        politeness=_politeness(base, entry, where),
        link_pattern=pattern,
    )


def _politeness(base: Politeness, table: dict, where: str) -> Politeness:
    values = {}
    for key in ("min_interval", "timeout", "retries", "backoff"):
        if key in table:
            value = table[key]
            if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
                raise ConfigError(f"{where}: {key} must be a number >= 0")
            values[key] = int(value) if key == "retries" else float(value)
    return replace(base, **values)
