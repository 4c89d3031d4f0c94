"""The same figure said twice: one row per figure a page restates, and an attachment's rows its page already states."""

from __future__ import annotations

import re

from etl.extract.list_leads import list_line
from etl.extract.title_names import sketches
from etl.models import Budget


def dedupe(budgets: list[Budget]) -> list[Budget]:
    """One row per figure restated in another sentence (title and body, an unspecified repeat of a typed
    figure), keeping the typed kind and the more specific role (a change over a budget). The same value twice
    in one sentence, or on two list lines, is two things (`A(350억원)과 B(350억원)`, bullet lines)."""
    out: list[Budget] = []
    for b in budgets:
        twin = next((o for o in out if _restates(o, b)), None)
        if twin is None:
            out.append(b)
            continue
        if twin.kind == "unspecified" and b.kind != "unspecified":
            twin.kind, twin.fiscal_year = b.kind, twin.fiscal_year or b.fiscal_year
        if twin.role == "budget" and b.role != "budget":
            twin.role, twin.program = b.role, b.program
        elif twin.program is None and b.program and b.role == twin.role and _title_sketch(twin, b.program):
            # "AI 데이터 구축 예산 2,805억원" (title) and "AI 학습용 데이터 구축사업의 총예산은 2,805억원" (body):
            # the body names the program the title only sketches.
            twin.program = b.program
    return out


def _title_sketch(row: Budget, program: str) -> bool:
    """The row is a headline's (the title, or an English subtitle line with no full stop: "20 trillion won for a
    data highway") and the headline holds a long piece of `program`'s name. A Korean line with no full stop may be a
    page's table cell (a press release's title box), whose later restatement gave one more wrong link than right."""
    ev = row.evidence
    deck = ev is not None and ev.text.isascii() and not _FULL_STOP.search(ev.text)
    return bool(ev) and (ev.start == 0 or deck) and sketches(ev.text, program)


_FULL_STOP = re.compile(r"[.。]\s*$")


# Two bullet lines of one value are two things. Not yet the `arrow` lines (▲/△/▷) list_leads.LIST_LINE reads:
# with them one more amount of holdout_next5 matched with a wrong program link (link 41/82 -> 41/83), so that waits.
_ITEM_LINE = list_line("line", "inline")


def _restates(a: Budget, b: Budget) -> bool:
    same_value = (a.currency, a.amount_krw or a.amount, a.high) == (
        b.currency,
        b.amount_krw or b.amount,
        b.high,
    )
    if not same_value or not (a.kind == b.kind or "unspecified" in (a.kind, b.kind)):
        return False
    ea, eb = a.evidence, b.evidence
    if ea is None or eb is None:
        return True
    return ea.start != eb.start and not (_ITEM_LINE.match(ea.text) and _ITEM_LINE.match(eb.text))


def drop_restated(page: list[Budget], attachment: list[Budget]) -> list[Budget]:
    """An attachment's rows without those its page already states (same won, same or no kind and year).

    The page keeps its row, and takes the kind and fiscal year it lacked from the attachment's.
    """
    out: list[Budget] = []
    for b in attachment:
        twin = next((p for p in page if _same_referent(p, b)), None)
        if twin is None:
            out.append(b)
            continue
        twin.fiscal_year = twin.fiscal_year or b.fiscal_year
        if twin.kind == "unspecified":
            twin.kind = b.kind
    return out


def _same_referent(a: Budget, b: Budget) -> bool:
    return (
        a.amount_krw is not None
        and a.amount_krw == b.amount_krw
        and (a.kind == b.kind or "unspecified" in (a.kind, b.kind))
        and (a.fiscal_year == b.fiscal_year or None in (a.fiscal_year, b.fiscal_year))
    )


# A hedged figure ("more than 160 billion won", "some 265 billion won") rounds an exact one of the page when the
# exact one is at most this much larger and, cut to the hedged figure's precision, is that figure.
ROUNDED_SPAN = 0.05


def follow_exact(budgets: list[Budget]) -> None:
    """A hedged round figure ("more than 160 billion won in national funding") that rounds an exact figure the page
    states in another sentence ("comes to 163.8 billion won") is that figure said again, rounded (README: a rounded
    figure that differs in value is its own row, of the same thing): it takes the exact one's role and program when
    the exact one has a role more specific than a budget's, or is a program's budget."""
    exact = [b for b in budgets if b.amount_krw and not b.approx and b.bound == "exact" and b.evidence]
    for b in budgets:
        if not b.amount_krw or b.evidence is None or not (b.approx or b.bound == "above"):
            continue
        twin = next(
            (
                e
                for e in exact
                if e.evidence.start != b.evidence.start and _rounds(b.amount_krw, e.amount_krw)
            ),
            None,
        )
        # Only what the exact figure says more specifically: a role other than a plain budget, or a program.
        if twin is not None and (twin.role != "budget" or (twin.program and b.role == "budget")):
            b.role, b.program = twin.role, twin.program
    _follow_near(budgets, exact)


def _follow_near(budgets: list[Budget], exact: list[Budget]) -> None:
    """A figure rounded to the nearest ("390억원가량" for 389억 원) or a headline's round figure ("…41억 지원" for
    "모두 41억2500만원") left unlinked is the exact figure said again: it takes the exact one's program when that
    one is a program's budget of the same role (one program only: two such exact figures say nothing)."""
    for b in budgets:
        ev = b.evidence
        if b.program or not b.amount_krw or ev is None or not (b.approx or ev.start == 0):
            continue
        near = {
            e.program
            for e in exact
            if e.evidence.start != ev.start
            and e.amount_krw != b.amount_krw
            and _near(b.amount_krw, e.amount_krw)
        }
        twins = [e for e in exact if e.program in near and e.role == b.role]
        if len(near) == 1 and None not in near and twins:
            b.program = twins[0].program


def _near(rounded: int, exact: int) -> bool:
    """`exact` cut or rounded to the precision of `rounded` (its significant digits) is `rounded`, and they differ
    by at most ROUNDED_SPAN of it ("200 billion won" does not round 171.5 billion: one digit says too little)."""
    step = 10 ** (len(str(rounded)) - len(str(rounded).rstrip("0")))
    return (
        step > 1
        and abs(exact - rounded) < min(step, ROUNDED_SPAN * exact)
        and (exact // step * step == rounded or (exact + step // 2) // step * step == rounded)
    )


def _rounds(rounded: int, exact: int) -> bool:
    """`exact` cut to the precision of `rounded` (its significant digits) is `rounded`, and they differ."""
    if not rounded < exact <= rounded * (1 + ROUNDED_SPAN):
        return False
    step = 10 ** (len(str(rounded)) - len(str(rounded).rstrip("0")))
    return exact // step * step == rounded
