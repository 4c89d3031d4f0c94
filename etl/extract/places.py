"""Korean places gazetteer: find addresses in text and geocode place names.

`resources/places.csv` lists the 17 시·도, the 시·군·구, the 일반구 of the large cities (level `gu`)
and named areas that AI-policy news mentions (level `area`). `parent` is the canonical path of the
parent place ("서울특별시 서초구"); a 시·도's first alias is its short name (서울, 경기 …).
Coordinates are representative points (office or area centre), good to a few kilometres; `precision`
says what a point stands for (building, district, city, province). Named facilities (level `facility`:
a hub, a campus, a data centre, a 국가산단) carry their own point and the `source` (URL) that states
where they are; they are matched against a site's name and address, never used to find addresses.
A facility's aliases are its other names (spellings, short forms, English forms); an alias written `@…`
is a hint of where it is (its street address, the building or complex it sits in), which locates a site
but does not name it. `name_en` is the facility's English name as the body or the English-language press
uses it (the `source` URLs, `|`-separated, say where); English pages show it (`facility_name_en`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from etl.config import RESOURCES
from etl.normalize import program_key

_RANK = {"sido": 1, "sigungu": 2, "gu": 3, "area": 4}
PRECISIONS = ("building", "district", "city", "province")  # finest first
_HANGUL_TAIL = "은는이가을를의에와과도로으까부만서엔지권내청역쪽측등형"
# A Korean name may carry a particle or a short suffix (서울에서, 서초구청); it must not be the start of
# another word (상주하며, 서울대). Latin may follow Hangul directly (서울AI허브).
_RIGHT = rf"(?=[^가-힣A-Za-z0-9]|$|[{_HANGUL_TAIL}]|(?<=[가-힣])[A-Za-z0-9])"
_LEFT = r"(?<![가-힣A-Za-z0-9])"
_TAIL = re.compile(
    rf"\s+((?:[가-힣]{{1,5}}\d{{0,2}}(?:동|읍|면))|(?:[가-힣\d]{{1,10}}(?:로|길)\s?\d{{1,4}}(?:-\d{{1,4}})?))"
    rf"(?=[^가-힣]|$|[{_HANGUL_TAIL}])"
)


@dataclass(frozen=True)
class Place:
    """One gazetteer entry; `path` is its canonical full name ("서울특별시 서초구")."""

    name: str
    level: str  # sido | sigungu | gu | area | facility
    parent: str  # canonical path of the parent place, "" for a 시·도
    lat: float
    lon: float
    aliases: tuple[str, ...]
    precision: str = "district"  # building | district | city | province
    source: str = ""  # URL(s) stating where a facility is and its English name, "|"-separated
    name_en: str = ""  # a facility's English name as its body uses it, "" if none on record
    hints: tuple[str, ...] = ()  # where a facility is (an address, its building): locate, never name it

    @property
    def path(self) -> str:
        """Canonical full path, e.g. "경기도 성남시 분당구"."""
        return f"{self.parent} {self.name}".strip()


@dataclass(frozen=True)
class _Chain:
    start: int
    end: int
    place: Place  # the most specific place named
    tail: str | None  # a 동/읍/면 or road address after a 시·군·구, not in the gazetteer


def trie_regex(words: list[str]) -> str:
    """A regex alternation of `words` built as a trie: fast, and tries longer words first."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=1)
def load_places() -> list[Place]:
    """All gazetteer places from resources/places.csv (read once per process)."""
    with (RESOURCES / "places.csv").open(encoding="utf-8", newline="") as fh:
        return [
            Place(
                name=row["name"],
                level=row["level"],
                parent=row["parent"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                aliases=tuple(a for a in row["aliases"].split("|") if a and not a.startswith("@")),
                precision=row["precision"],
                source=row["source"],
                name_en=row["name_en"],
                hints=tuple(a[1:] for a in row["aliases"].split("|") if a.startswith("@")),
            )
            for row in csv.DictReader(fh)
        ]


def _admin_places() -> list[Place]:
    """The places addresses are made of (facilities are looked up by name only)."""
    return [p for p in load_places() if p.level in _RANK]


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Place], dict[str, list[Place]], re.Pattern[str], frozenset[str]]:
    by_path = {p.path: p for p in _admin_places()}
    by_alias: dict[str, list[Place]] = {}
    for p in _admin_places():
        for alias in dict.fromkeys((p.name, p.path, *p.aliases)):
            by_alias.setdefault(alias, []).append(p)
    pattern = re.compile(_LEFT + "(" + trie_regex(sorted(by_alias)) + ")" + _RIGHT)
    # 시·도 with no 시·군·구 (세종): a 동 may follow the 시·도 directly.
    with_children = {p.parent for p in _admin_places() if p.level == "sigungu"}
    flat = frozenset(p.path for p in _admin_places() if p.level == "sido" and p.path not in with_children)
    return by_path, by_alias, pattern, flat


def _resolve(alias: str, context: Place | None) -> Place | None:
    """The place an alias names after `context` (the place before it in the same address)."""
    candidates = _index()[1].get(alias, [])
    if context is not None:
        inside = [p for p in candidates if (p.parent + " ").startswith(context.path + " ")]
        return min(inside, key=lambda p: _RANK[p.level]) if inside else None
    if len(candidates) == 1:
        return candidates[0]
    # 광주시 alone is the metropolitan city; 경기 광주시 needs 경기 before it.
    sidos = [p for p in candidates if p.level == "sido"]
    return sidos[0] if len(sidos) == 1 else None


def _chains(text: str) -> list[_Chain]:
    """Runs of gazetteer names separated only by spaces, each resolved to its deepest place."""
    _, _, pattern, flat = _index()
    chains: list[_Chain] = []
    current: _Chain | None = None
    for m in pattern.finditer(text):
        alias = m.group(1)
        joined = (
            current is not None and m.start() - current.end <= 2 and not text[current.end : m.start()].strip()
        )
        place = _resolve(alias, current.place) if joined and current else None
        if place is not None and current is not None:
            current = _Chain(current.start, m.end(), place, None)
            continue
        if current is not None:
            chains.append(current)
        place = _resolve(alias, None)
        current = _Chain(m.start(), m.end(), place, None) if place is not None else None
    if current is not None:
        chains.append(current)
    return [_with_tail(text, c, flat) for c in chains]


def _with_tail(text: str, chain: _Chain, flat: frozenset[str]) -> _Chain:
    if chain.place.level not in ("sigungu", "gu") and chain.place.path not in flat:
        return chain
    m = _TAIL.match(text, chain.end)
    if not m:
        return chain
    return _Chain(chain.start, m.end(), chain.place, re.sub(r"\s+", " ", m.group(1)))


def _lineage(place: Place) -> list[Place]:
    by_path = _index()[0]
    out = [place]
    while out[-1].parent:
        parent = by_path.get(out[-1].parent)
        if parent is None:
            break
        out.append(parent)
    return out[::-1]


def normalize_place(place: Place) -> str:
    """Short address of a place with its parents filled in: "서울 서초구 양재동"."""
    parts = [p.aliases[0] if p.level == "sido" and p.aliases else p.name for p in _lineage(place)]
    return " ".join(parts)


def find_addresses(text: str) -> list[tuple[str, int, int]]:
    """Every address in `text` as (normalised address, start, end), in order."""
    out = []
    for c in _chains(text):
        addr = normalize_place(c.place)
        out.append((f"{addr} {c.tail}" if c.tail else addr, c.start, c.end))
    return out


def find_address(text: str) -> tuple[str, int, int] | None:
    """The first address in `text`, normalised ("서울 서초구 양재동"), with its span."""
    found = find_addresses(text)
    return found[0] if found else None


def specificity(address_or_name: str) -> int:
    """How specific the best place named is: 4 area, 3 일반구, 2 시·군·구, 1 시·도, 0 none."""
    chains = _chains(address_or_name)
    return max((_RANK[c.place.level] for c in chains), default=0)


def geocode(address_or_name: str) -> tuple[float, float] | None:
    """(lat, lon) of the most specific place named (area > 구 > 시·군·구 > 시·도), else None."""
    chains = _chains(address_or_name)
    if not chains:
        return None
    best = max(chains, key=lambda c: _RANK[c.place.level])  # max keeps the first of equals
    return best.place.lat, best.place.lon


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@lru_cache(maxsize=1)
def _facilities() -> list[tuple[str, Place]]:
    """(alias without spaces, facility), longest alias first, so the most specific name wins."""
    pairs = [
        (_squash(a), p)
        for p in load_places()
        if p.level == "facility"
        for a in (p.name, *p.aliases, *p.hints)
    ]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def find_facility(*texts: str | None) -> Place | None:
    """The gazetteer facility a site's name or address names (spaces ignored), else None."""
    squashed = [_squash(t) for t in texts if t]
    return next((p for alias, p in _facilities() if any(alias in t for t in squashed)), None)


@lru_cache(maxsize=1)
def _english_by_key() -> dict[str, str]:
    """program_key of each facility name and alias (never a hint) → the facility's English name; the first
    facility in the gazetteer keeps a key two would share (tests/test_places.py checks none do)."""
    out: dict[str, str] = {}
    for p in load_places():
        for alias in (p.name, *p.aliases) if p.level == "facility" and p.name_en else ():
            out.setdefault(program_key(alias), p.name_en)
    return out


def facility_name_en(norm_key: str | None) -> str | None:
    """The English name of the gazetteer facility a site's `norm_key` (program_key of its name) names
    exactly, else None: a site is named by the whole of its name, so "서울 AI 허브 입주기업" is not the hub."""
    return _english_by_key().get(norm_key) if norm_key else None


def locate(name: str, address: str | None) -> tuple[float, float, str] | None:
    """(lat, lon, precision) of a site: its facility's point, else the most specific place of its address."""
    facility = find_facility(name, address)
    if facility is not None:
        return facility.lat, facility.lon, facility.precision
    chains = _chains(address) if address else []
    if not chains:
        return None
    best = max(chains, key=lambda c: _RANK[c.place.level]).place
    return best.lat, best.lon, best.precision
