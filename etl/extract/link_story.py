"""The one program a story is about, for the total it states without naming it again.

"An amount in an article about one program, with nothing else tied to it, is that program's when the sentence speaks
of the program's money" (tests/fixtures/realworld/README.md, Rulings on program): "애초 과기부는 6년 동안 모두 2조
5천억원을 들여 …", "The government plans to invest a total of 22.5 billion won from 2026 to 2029." A story that
names no program in its lead has no subject (etl/extract/links.py), so such a total stays unlinked there; this pass,
run once every amount of the page is linked, gives it the page's one program: the one every linked amount went
to, or, when none is linked, the one program the text names as such. The total's split in the same sentence
("모두 90억원(국비 45억원, 지방비 45억원)을 들여") goes with it. Used by etl/extract/document.py.
"""

from __future__ import annotations

from etl.extract.envelopes import envelope
from etl.extract.link_names import shared_out
from etl.extract.purposes import own_purpose
from etl.models import Budget

# Amounts linked to one program, on a page that names others too, that make it the page's one program.
MIN_LINKED = 2
# The payer kinds a total's split names ("국비 45억원, 지방비 45억원", "16 billion won of national funds").
_SHARES = frozenset(("national", "local", "private"))


def story_program(budgets: list[Budget], named: list[str]) -> str | None:
    """The page's one program: the one every linked amount is tied to, or, with none linked, the only one of
    `named` (the programs the text names as such)."""
    linked = [b.program for b in budgets if b.program]
    if len(set(linked)) > 1 or (linked and linked[0] not in named):
        return None
    # One amount linked on a page that names several programs is too little to say what the page is about.
    if len(named) == 1 and (not linked or linked[0] == named[0]):
        return named[0]
    return linked[0] if len(linked) >= MIN_LINKED else None


def settle_totals(budgets: list[Budget], program: str | None) -> None:
    """Link to `program` every unlinked budget total (kind `total`) whose sentence gives the money no purpose
    of its own and no envelope, and the unlinked payer shares stated beside it."""
    if program is None:
        return
    by_sentence: dict[int, list[Budget]] = {}
    for b in budgets:
        if b.evidence is not None and b.table_cell is None:
            by_sentence.setdefault(b.evidence.start, []).append(b)
    for rows in by_sentence.values():
        text = rows[0].evidence.text if rows[0].evidence else ""
        if envelope().search(text) or shared_out(text):
            continue
        if not any(_open_total(b, text) for b in rows):
            continue
        for b in rows:
            open_row = b.program is None and b.role == "budget" and b.kind in _SHARES | {"total"}
            if open_row and not _own_purpose(b, text):
                b.program = program


def _open_total(b: Budget, text: str) -> bool:
    # "총 534억원 이상": a bound says the figure sums or limits money, not one program's total.
    exact = b.bound in ("exact", "between")
    return (
        b.program is None and b.role == "budget" and b.kind == "total" and exact and not _own_purpose(b, text)
    )


def _own_purpose(b: Budget, text: str) -> bool:
    at = text.find(b.unit_text)
    return at < 0 or own_purpose(text, at, at + len(b.unit_text))
