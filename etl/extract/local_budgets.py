"""A city's, province's or county's own money named right before an amount (split from etl/extract/roles.py):
its yearly budget ("서울시 내년 예산 51.5조원": an envelope, kind local) or its name as a share's label ("- 충북도
27억5000만 원"). The names come from the gazetteer (etl/resources/institutions.csv, type `local_government`).
Used by etl/extract/roles.py and etl/extract/payers.py."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from functools import cache

from etl import lexicon
from etl.config import RESOURCES

TIME = r"(?:(?:20\d\d|19\d\d)년도?|내년도?|올해|새해)"
# The label ends the share's clause: nothing, a comma or a bracket after the amount.
_CLAUSE_END = re.compile(r"\s*(?:[,;)）]|$)")


def gazetteer_names(kind: str, body: Callable[[str], bool], name: Callable[[str], bool]) -> str:
    """One alternation of the Korean names (canonical and aliases) of the gazetteer's bodies of type `kind` whose
    canonical name passes `body`, each name passing `name`."""
    names: set[str] = set()
    with (RESOURCES / "institutions.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("type") == kind and body(row["canonical"]):
                names.update(
                    n
                    for n in [row["canonical"], *(row.get("aliases") or "").split("|")]
                    if n and not n.isascii() and name(n)
                )
    return lexicon.alternation(names)


@cache
def local_owners() -> str:
    """The Korean names of cities, provinces, counties and their education offices (gazetteer type
    `local_government`, not their councils): an education office spends its own 교육비특별회계 (local, README)."""
    return gazetteer_names(
        "local_government",
        lambda body: not body.endswith("의회"),
        lambda n: n.endswith("교육청") or not n.endswith(("의회", "청")),
    )


@cache
def yearly_budget() -> re.Pattern[str]:
    """A city's or province's yearly budget right before the amount ("서울시 내년 예산 51.5조원")."""
    return re.compile(
        rf"{local_owners()}\s*(?:의|,)?\s*{TIME}\s*예산(?:안)?\s*(?:은|는|이|가)?\s*(?:총|모두|약)?\s*$"
    )


@cache
def _local_label() -> re.Pattern[str]:
    # "울산교육청 약 15억원", "서울시교육청(약 256억원)": an about-word or an opening bracket may come between.
    return re.compile(rf"(?:^|[\s,·(])(?:{local_owners()})\s*[:(（]?\s*(?:약\s*)?$")


def local_budget_before(before: str, after: str = "") -> bool:
    """True when a city's or province's own yearly budget is named right before the amount ("서울시 내년 예산
    51.5조원") or the government itself is, as the label of a share that ends its clause ("- 충북도 27억5000만 원",
    "충북도 27억원, 청주시 27억원"; not a headline's "강원특별자치도 5800억 '의료 AX 프로젝트'"): the money is that
    government's (kind local)."""
    tail = before[-60:]
    if "예산" in tail and yearly_budget().search(tail):
        return True
    return bool(_CLAUSE_END.match(after)) and bool(_local_label().search(tail))
