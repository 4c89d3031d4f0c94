"""A figure that is the sum of one program's parts is that program's whole.

"Gov't to put 14.2 billion won into …" above "… 12 billion won … 2.2 billion won …" of the one program the page
names: on a page whose linked amounts all go to one program, an unlinked amount equal to their sum (at least
MIN_PARTS of them, none stated in its sentence) is that program's money, stated as a whole (README ruling 'Part
and parent': a part's money is its parent's, and so is the money of all its parts together). The figure must sum
every budget linked to the program, not a chosen few, so a coincidence needs the whole split to add up. Used by
etl/extract/document.py, once every amount of the page is linked.
"""

from __future__ import annotations

from collections import defaultdict

from etl.models import Budget

# Two parts at least: one part "summing" to a figure is the same figure stated twice (etl/extract/restated.py).
MIN_PARTS = 2
# The roles of a program's own money: its parts and its whole.
_OWN = frozenset(("budget",))


def sums_of_parts(budgets: list[Budget]) -> None:
    """Link each unlinked prose budget whose won figure equals the sum of the budgets linked to one program
    (MIN_PARTS or more, none stated in its sentence) to that program."""
    parts: dict[str, list[Budget]] = defaultdict(list)
    for b in budgets:
        if b.program and b.role in _OWN and b.amount_krw and b.table_cell is None:
            parts[b.program].append(b)
    # On a page whose amounts go to several programs a figure may sum parts of different programs (a call's
    # total over its programs' lines: an envelope, no program's), and one mislinked part makes it look whole.
    if len(parts) != 1:
        return
    for b in budgets:
        if (
            b.program
            or b.role not in _OWN
            or not b.amount_krw
            or b.table_cell is not None
            or b.bound != "exact"
        ):
            continue
        whole = [
            program
            for program, linked in parts.items()
            if len(linked) >= MIN_PARTS
            and sum(p.amount_krw or 0 for p in linked) == b.amount_krw
            and all(
                p.evidence is None or b.evidence is None or p.evidence.start != b.evidence.start
                for p in linked
            )
        ]
        if len(whole) == 1:
            b.program = whole[0]
