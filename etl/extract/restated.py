"""The same figure said twice: one row per figure a page restates, and an attachment's rows its page already states."""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.categories import SHARE_KINDS
from etl.extract.list_leads import list_line
from etl.extract.title_names import sketches
from etl.models import Budget, Sentence


def dedupe(budgets: list[Budget], head_end: int | None = None) -> list[Budget]:
    """One row per figure restated in another sentence (title and body, an unspecified repeat of a typed
    figure), keeping the typed kind and the more specific role (a change over a budget). The same value twice
    in one sentence, or on two list lines, is two things (`A(350억원)과 B(350억원)`, bullet lines), and so is the
    same value in two sentences past the page's head (`head_end`) when different words stand just before it."""
    out: list[Budget] = []
    for b in budgets:
        twin = next((o for o in out if _restates(o, b, head_end)), None)
        if twin is None:
            out.append(b)
            continue
        if (twin.kind == "unspecified" and b.kind != "unspecified") or _payer_over_total(twin.kind, b.kind):
            twin.kind, twin.fiscal_year = b.kind, twin.fiscal_year or b.fiscal_year
        if twin.role == "budget" and b.role != "budget":
            twin.role, twin.program = b.role, b.program
        elif twin.program is None and b.program and b.role == twin.role and _title_sketch(twin, b.program):
            # "AI 데이터 구축 예산 2,805억원" (title) and "AI 학습용 데이터 구축사업의 총예산은 2,805억원" (body):
            # the body names the program the title only sketches.
            twin.program = b.program
    return out


def _payer_over_total(total: str, payer: str) -> bool:
    """A figure called a total (모두, 총) and the same figure with one payer's kind are one figure of that payer:
    a payer bound to the amount wins over 총 or 모두 (README, second set of rulings)."""
    return total == "total" and payer in SHARE_KINDS


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


# A page's head (its title, subtitle and first LEAD_SENTENCES full sentences) sums up what the body says, so a head
# figure said again in the body is one figure, and so is a table row's. Past the head, a value two sentences both
# state is one thing only when the words just before one figure recur before the other or in its sentence:
# "청년농업인 육성 230억 원" and "방제사업(230억 원)" are two lines of a budget, "대구 취수원 이전: 25억원" and "취수원
# 이전방안 … 용역비(25억원)" one. On the 354 gate pages this, with the count rules of implied.py, finds
# 28 more figures the gold has as two things and no false one (9 extra rows before and after; R 0.951 -> 0.968).
LEAD_SENTENCES = 2
# Shorter lines ending in a full stop are captions, bylines or list lines, not the lead.
FULL_SENTENCE_CHARS = 40
# The words this far before an amount say what it is for; further back they name the sentence's topic.
LABEL_CHARS = 10
_FULL_SENTENCE = re.compile(r"(?:다|요|음|함)\s*[.。]?\W*$|[.]\W*$")
_TABLE_ROW = re.compile(r"\s*\|")  # a table sums up what the text says: its row restates a body figure
_WORD = re.compile(r"[가-힣A-Za-z]{2,}")


def head_end(sentences: list[Sentence]) -> int | None:
    """Where the page's head ends: after its LEAD_SENTENCES-th full sentence (None: the page is all head)."""
    seen = 0
    for sent in sentences:
        text = sent.text.strip()
        if len(text) >= FULL_SENTENCE_CHARS and _FULL_SENTENCE.search(text):
            seen += 1
            if seen == LEAD_SENTENCES:
                return sent.end
    return None


def _stems(text: str) -> set[str]:
    """A Korean word's first two syllables (its stem before any particle), an English word in lower case that is not
    a function word (money_label_stops.tsv: "will", "and" say nothing of what a figure is for)."""
    stems = {w.lower() if w.isascii() else w[:2] for w in _WORD.findall(text)}
    return stems - _label_stops()


@cache
def _label_stops() -> frozenset[str]:
    return frozenset(t for t, m in lexicon.meanings("money_label_stops").items() if not m.startswith("back"))


@cache
def _back() -> re.Pattern[str]:
    back = [t for t, m in lexicon.meanings("money_label_stops").items() if m.startswith("back")]
    return re.compile(rf"(?:{lexicon.alternation(back)})\s*$")


def _just_before(b: Budget) -> str:
    """The LABEL_CHARS of the evidence sentence before the amount ("" when the amount is not found in it)."""
    ev = b.evidence
    at = ev.text.find(b.unit_text) if ev else -1
    return ev.text[max(0, at - LABEL_CHARS) : at] if ev and at >= 0 else ""


def _points_back(b: Budget) -> bool:
    """ "이 가운데 1조8000억원이": a figure said before, picked out again."""
    return bool(_back().search(_just_before(b)))


def _restates(a: Budget, b: Budget, head_end: int | None = None) -> bool:
    same_value = (a.currency, a.amount_krw or a.amount, a.high) == (
        b.currency,
        b.amount_krw or b.amount,
        b.high,
    )
    agree = a.kind == b.kind or "unspecified" in (a.kind, b.kind)
    if not same_value or not (
        agree or _payer_over_total(a.kind, b.kind) or _payer_over_total(b.kind, a.kind)
    ):
        return False
    ea, eb = a.evidence, b.evidence
    if ea is None or eb is None:
        return True
    if ea.start == eb.start or (_ITEM_LINE.match(ea.text) and _ITEM_LINE.match(eb.text)):
        return False
    if (
        head_end is not None
        and min(ea.start, eb.start) >= head_end
        and not (_TABLE_ROW.match(ea.text) or _TABLE_ROW.match(eb.text))
    ):
        if _points_back(a) or _points_back(b):
            return True
        # One thing when the words before one figure recur before the other or anywhere in its sentence (a list
        # line "X 취수원 이전: 25억원" and a body sentence on "취수원 이전 … 용역비(25억원)").
        la, lb = _stems(_just_before(a)), _stems(_just_before(b))
        return not (la and lb) or bool(la & lb or la & _stems(eb.text) or lb & _stems(ea.text))
    return True


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
    step = _step(rounded)
    return (
        step > 1
        and abs(exact - rounded) < min(step, ROUNDED_SPAN * exact)
        and (exact // step * step == rounded or (exact + step // 2) // step * step == rounded)
    )


def _rounds(rounded: int, exact: int) -> bool:
    """`exact` cut to the precision of `rounded` (its significant digits) is `rounded`, and they differ."""
    if not rounded < exact <= rounded * (1 + ROUNDED_SPAN):
        return False
    step = _step(rounded)
    return exact // step * step == rounded


def _step(rounded: int) -> int:
    """The precision a round figure is written to: 10**(its trailing zeros), 1000 for 41000."""
    return 10 ** (len(str(rounded)) - len(str(rounded).rstrip("0")))
