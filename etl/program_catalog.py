"""The programs that recur, as data: `etl/resources/programs.tsv` (canonical name, English name, parent,
aliases, agency, source). Consolidation maps any listed name (Korean, English, short form) to its canonical
program, takes its English name from here, and links each program to its parent (a strategy and its projects),
so a total can add each money once. `source` is the public page (the body's own English release, Korea.net,
an English-language newspaper) where that English name is used; empty for rows written before the column. The analyst's reviews (etl/reviews.py) can still change a parent.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from etl.config import RESOURCES
from etl.normalize import program_key

PATH = RESOURCES / "programs.tsv"
COLUMNS = ("canonical", "name_en", "parent", "aliases", "agency", "source")


@dataclass(frozen=True)
class CatalogProgram:
    canonical: str
    name_en: str | None
    parent: str | None
    aliases: tuple[str, ...]
    agency: str | None
    source: str | None = None


@cache
def entries() -> tuple[CatalogProgram, ...]:
    """Every row; a parent that is not itself a row, or a header that is not COLUMNS, is an error."""
    with PATH.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{PATH.name}: the header must be {' / '.join(COLUMNS)}")
        rows = [
            CatalogProgram(r["canonical"].strip(), r["name_en"].strip() or None, r["parent"].strip() or None,
                           tuple(a.strip() for a in r["aliases"].split("|") if a.strip()), r["agency"].strip() or None,
                           r["source"].strip() or None)
            for r in reader
        ]  # fmt: skip
    names = {r.canonical for r in rows}
    for r in rows:
        if r.parent and r.parent not in names:
            raise ValueError(f"{PATH.name}: {r.canonical}'s parent {r.parent!r} is not a row")
    return tuple(rows)


@cache
def _by_key() -> dict[str, CatalogProgram]:
    out: dict[str, CatalogProgram] = {}
    for r in entries():
        for name in (r.canonical, r.name_en, *r.aliases):
            if name and (key := program_key(name)):
                if key in out and out[key] is not r:
                    raise ValueError(
                        f"{PATH.name}: {name!r} names both {out[key].canonical} and {r.canonical}"
                    )
                out[key] = r
    return out


def find(name: str | None) -> CatalogProgram | None:
    """The catalogue program a name (any listed spelling, spaces and case aside) names, else None."""
    return _by_key().get(program_key(name)) if name else None


def parent_links() -> list[tuple[str, str]]:
    """(child norm key, parent norm key) for every program with a parent."""
    return [(program_key(r.canonical), program_key(r.parent)) for r in entries() if r.parent]
