"""An amount in brackets right after another amount is more of the same program's money: its base ("146억원
늘었다(본예산 264억원)"), its total ("100억원(총사업비 143.4억원)"), a payer's share. Such an amount that its own
words tie to no program takes the program of the amount before it (etl/extract/budgets.py)."""

from __future__ import annotations

import re

from etl.models import Budget

# Between the amount before and the bracket: its particle and predicate ("이 늘었다", "을 들여"), at most this
# many characters; a longer stretch is another clause.
BRACKET_LEAD = 12
# The label inside the bracket before the amount ("본예산", "총사업비", "국비"), at most this many characters: a
# longer text in the bracket is a clause of its own, not a label.
BRACKET_LABEL = 8
_OPEN = re.compile(rf"^[^()（）,.;]{{0,{BRACKET_LEAD}}}[(（]\s*[가-힣A-Za-z&]{{0,{BRACKET_LABEL}}}\s*$")
# Roles that are a program's money; a market size or a company's investment in brackets is not.
PROGRAM_MONEY = frozenset(("base", "budget", "cap", "change"))


def same_program(before: str, role: str) -> bool:
    """True when the text `before` an amount opens a bracket right after the amount before it."""
    return role in PROGRAM_MONEY and bool(_OPEN.match(before))


def carry_link(rows: list[Budget], earlier: list[Budget], before: str) -> None:
    """Give `rows` (one amount's) the program of the sentence's amount before them when `before` opens a
    bracket right after it and their own words tied them to none."""
    if rows and earlier and earlier[-1].program and same_program(before, rows[0].role):
        for r in rows:
            r.program = r.program or earlier[-1].program
