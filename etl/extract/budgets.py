"""Budgets: money amounts in a sentence, with their kind (total/national/local/private) and year."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from etl.extract import dates, money
from etl.extract.roles import classify_role
from etl.models import Budget, Evidence, Sentence

# Markers looked for just before an amount; the first kind that matches wins. A marker may be
# followed by a particle and a few words ("국비로 626억원", "총사업비는 약 4,061억원") but not a comma.
_KO_GAP = r"[^,.()·]{0,8}$"
_MARKERS_BEFORE = {
    "national": r"국비|국고|정부\s?출연금?|정부\s?예산|정부\s?지원금|국가\s?예산|정부\s?재정|국가\s?재정|정부\s?투자|"
    r"government\s+(?:funding|funds|budget|money|investment|spending)|state\s+(?:funds|funding|budget)|"
    r"national\s+(?:funds|treasury|budget)",
    "local": r"지방비|시비|도비|구비|군비|지자체\s?(?:예산|부담)|local\s+(?:government\s+)?(?:funds|funding|budget)|"
    r"(?:city|provincial)\s+(?:funds|funding|budget)",
    "private": r"민간\s?(?:투자|자본|부담|자금)?|민자|기업\s?부담|자부담|private\s+(?:sector\s+)?(?:funds|funding|investment|money|capital)",
}
_KIND_BEFORE = [(kind, re.compile(f"(?:{pat}){_KO_GAP}", re.I)) for kind, pat in _MARKERS_BEFORE.items()] + [
    # "정부가 800억원을 출자": the government as the immediate payer.
    ("national", re.compile(r"정부가\s*$")),
    (
        "total",
        re.compile(
            r"(?:총\s?사업\s?(?:비|규모|예산)?|민관\s?(?:합동|공동)?|총\s?예산|총액|총|전체|모두|합계|all\s+told|a\s+total\s+of|total\s+of|"
            r"a\s+combined|combined|total\s+(?:budget|investment|cost)\s+(?:of\s+)?)"
            r"\s*(?:은|는|이|가|으로|로)?\s*(?:약|최대|모두|about|some|nearly)?\s*$",
            re.I,
        ),
    ),
]
# Markers right after an amount (a parenthetical conversion like "($750 million)" is skipped first).
_KIND_AFTER = [
    ("total", re.compile(r"^\s*(?:won\s+)?(?:in\s+total|altogether|in\s+all|overall|combined)\b", re.I)),
    ("national", re.compile(r"^\s*(?:은|는|을|를|의|이)?\s*(?:\(|\s)?(?:전액\s*)?(?:국비|국고|정부\s?출연)")),
    ("local", re.compile(r"^\s*(?:은|는|을|를|의|이)?\s*(?:\(|\s)?(?:전액\s*)?(?:지방비|시비|도비)")),
    ("private", re.compile(r"^\s*(?:은|는|을|를|의|이)?\s*(?:\(|\s)?(?:전액\s*)?(?:민자|민간\s?투자)")),
    (
        "national",
        re.compile(
            r"^[^,.;]{0,30}\b(?:(?:in|of)\s+(?:government|state|national)\s+(?:funding|funds|money|budget)|"
            r"from\s+(?:the\s+)?(?:state|government|national|public)\s+(?:budget|coffers|funds|sector|treasury))",
            re.I,
        ),
    ),
    (
        "private",
        re.compile(
            r"^[^,.;]{0,30}\b(?:(?:in|of)\s+private\s+(?:funding|funds|money|investment)|"
            r"from\s+(?:the\s+)?private\s+(?:sector|companies|firms|investors|funds))",
            re.I,
        ),
    ),
    (
        "local",
        re.compile(
            r"^[^,.;]{0,30}\b(?:(?:in|of)\s+local\s+(?:government\s+)?(?:funding|funds|money)|"
            r"from\s+(?:the\s+)?(?:city|provincial|local)\s+(?:government|budget|funds))",
            re.I,
        ),
    ),
]
_PAREN = re.compile(r"^\s*[(（][^()（）]{0,40}[)）]")
# "주요 기업들은 … 65조원을 투자": when companies are the subject, their money is private.
_PRIVATE_SUBJECT = re.compile(
    r"^(?:[^,.]{0,12}\s)?(?:주요\s|국내\s|민간\s)*(?:기업|대기업|민간|업계|빅테크)들?(?:은|는|이|가)\s"
    r"|^(?:Private\s+(?:companies|firms|investors)|(?:Major\s+|Korean\s+)?(?:companies|firms|businesses))\b",
)
_CONVERSION = re.compile(r"^\s*[(（]\s*$")


def extract_budgets(
    sentences: list[Sentence],
    published_on: date | None,
    program_at: dict[int, str | None] | None = None,
) -> list[Budget]:
    """Every money amount with its role, kind and fiscal year; repeated statements of one figure merged.

    `program_at` maps a sentence start offset to the program that sentence is about (or None). Only a
    `budget` row is linked to that program: a change, a cap or a market size is not the program's money.
    """
    found: list[Budget] = []
    for sent in sentences:
        prev_end = 0
        prev: money.Amount | None = None
        for a in money.find_amounts(sent.text):
            before = sent.text[prev_end : a.start]
            # "1 trillion won ($750 million)": the foreign figure restates the won amount.
            if prev and prev.currency == "KRW" and a.currency != "KRW" and _CONVERSION.match(before):
                prev_end, prev = a.end, a
                continue
            # "$500 million (약 6,500억원)": the won figure restates the foreign one.
            conversion = bool(prev and prev.currency != "KRW" and _CONVERSION.match(before))
            found.append(_budget(a, sent, before, published_on, program_at, conversion))
            prev_end, prev = a.end, a
    return _dedupe(found)


def _budget(
    a: money.Amount,
    sent: Sentence,
    before: str,
    published_on: date | None,
    program_at: dict[int, str | None] | None,
    conversion: bool = False,
) -> Budget:
    after = sent.text[a.end : a.end + 60]
    window = sent.text[max(0, a.start - 30) : a.end + 20]
    kind = classify_kind(before, after)
    role = "conversion" if conversion else classify_role(before, after, sent.text[: a.start])
    if kind in ("unspecified", "total") and _PRIVATE_SUBJECT.match(sent.text):
        kind = "private"
        role = "investment" if role == "budget" else role
    return Budget(
        amount=a.value,
        unit_text=a.surface,
        currency=a.currency,
        amount_krw=a.krw,
        kind=kind,
        fiscal_year=dates.fiscal_year(window, published_on),
        program=(program_at or {}).get(sent.start) if role == "budget" else None,
        evidence=Evidence(sent.text, sent.start, sent.end),
        role=role,
        low=_won(a.low, a) if a.bound == "between" else None,
        high=_won(a.high, a) if a.bound == "between" else None,
        approx=a.approx,
        bound=a.bound,
    )


def _won(value: Decimal | None, a: money.Amount) -> int | None:
    """A range bound in exact won (None for a foreign currency)."""
    return int(value) if value is not None and a.currency == "KRW" else None


def classify_kind(before: str, after: str) -> str:
    """total | national | local | private | unspecified from the words around an amount."""
    tail = before[-24:]
    for kind, pat in _KIND_BEFORE:
        if pat.search(tail):
            return kind
    after = (
        _PAREN.sub("", after, count=1)
        if not re.match(r"^\s*[(（]\s*(?:전액\s*)?(?:국비|지방비|시비|도비|민자)", after)
        else after
    )
    for kind, pat in _KIND_AFTER:
        if pat.search(after):
            return kind
    return "unspecified"


def _dedupe(budgets: list[Budget]) -> list[Budget]:
    """One row per figure and kind: a restatement (title and body, an unspecified repeat of a typed figure)
    merges into one row, which keeps the typed kind and the more specific role (a change over a budget)."""
    out: list[Budget] = []
    for b in budgets:
        twin = next((o for o in out if _same_figure(o, b)), None)
        if twin is None:
            out.append(b)
            continue
        if twin.kind == "unspecified" and b.kind != "unspecified":
            twin.kind, twin.fiscal_year = b.kind, twin.fiscal_year or b.fiscal_year
        if twin.role == "budget" and b.role != "budget":
            twin.role, twin.program = b.role, None
    return out


def _same_figure(a: Budget, b: Budget) -> bool:
    same_value = (a.currency, a.amount_krw or a.amount, a.high) == (
        b.currency,
        b.amount_krw or b.amount,
        b.high,
    )
    return same_value and (a.kind == b.kind or "unspecified" in (a.kind, b.kind))


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
