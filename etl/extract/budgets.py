"""Budgets: money amounts in a sentence, with their kind (total/national/local/private) and year."""

from __future__ import annotations

import re
from datetime import date

from etl.extract import dates, money
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
# Figures that are money but not a budget: market sizes, sales, exports, damages, prices.
_NOT_BUDGET = re.compile(
    r"(?:(?:시장\s?규모|시장|매출|수출|부가가치|경제\s?효과|생산\s?유발|기업\s?가치|시가\s?총액|손실|피해|절감|아낄)[^,.]{0,14}"
    r"|\b(?:market|sales|revenue|exports?|valuation|GDP|economic\s+effects?|savings?)\b[^,.;]{0,40}"
    # The whole government's money is context for an AI figure, not an AI budget.
    r"|(?:총지출|나라\s?살림|정부\s?전체[^.]{0,40}|전체\s?(?:연구개발|R&D)[^.]{0,30})\s*"
    r"|\b(?:total\s+(?:government\s+)?(?:spending|expenditure)|overall\s+budget)\b[^,.;]{0,20})$",
    re.I,
)
# …or named after the amount: "128조원 아낄 수", "1조원의 손실".
_NOT_BUDGET_AFTER = re.compile(
    r"^\s*(?:[을를의이가]\s*)?(?:아낄|아끼|절감|손실|피해|적자|시장|매출|in\s+(?:sales|revenue|exports|savings))"
    r"|^\s*(?:won\s+)?(?:figure\s+)?(?:is\s+|was\s+)?(?:an?\s+)?(?:projected\s+|expected\s+|economic\s+)*(?:effect|impact)"
    # "728조원 규모의 2026년 예산안", "13조8,000억원 규모의 … 추가경정예산안": a whole budget bill.
    r"|^\s*규모(?:의|로)?\s*(?:(?:20\d\d년|내년|올해)\s*)?(?:도\s*)?(?:제\d회\s*)?(?:추가경정)?예산안"
    # "16조원보다 1조원(7.4%) 늘어난": a comparison base and a change are not budgets either.
    r"|^\s*보다|^\s*(?:\([^)]{0,12}\)\s*)?(?:이|가)?\s*(?:늘어|늘었|증가|감소|줄어|줄었|깎였|깎이|많은|적은|more\s+than\s+(?:last|the\s+previous))"
)
# "주요 기업들은 … 65조원을 투자": when companies are the subject, their money is private.
_PRIVATE_SUBJECT = re.compile(
    r"^(?:[^,.]{0,12}\s)?(?:주요\s|국내\s|민간\s)*(?:기업|대기업|민간|업계|빅테크)들?(?:은|는|이|가)\s"
    r"|^(?:Private\s+(?:companies|firms|investors)|(?:Major\s+|Korean\s+)?(?:companies|firms|businesses))\b",
)
_RD_BUDGET = re.compile(r"(?:연구개발|R&D)\)?\s?예산(?:은|는|이|가)?\s*(?:약\s*)?$")
_CONVERSION = re.compile(r"^\s*[(（]\s*$")


def extract_budgets(
    sentences: list[Sentence],
    published_on: date | None,
    program_at: dict[int, str | None] | None = None,
) -> list[Budget]:
    """Every budget amount with its kind and fiscal year; repeated statements of one figure merged.

    `program_at` maps a sentence start offset to the program that sentence is about (or None).
    """
    found: list[Budget] = []
    for sent in sentences:
        amounts = money.find_amounts(sent.text)
        prev_end = 0
        prev: money.Amount | None = None
        for a in amounts:
            before = sent.text[prev_end : a.start]
            # "1 trillion won ($750 million)": the foreign figure restates the won amount.
            if prev and prev.currency == "KRW" and a.currency != "KRW" and _CONVERSION.match(before):
                prev_end, prev = a.end, a
                continue
            if _is_budget(sent.text, a):
                found.append(_budget(a, sent, before, published_on, program_at))
            prev_end, prev = a.end, a
    return _dedupe(found)


def _is_budget(text: str, a: money.Amount) -> bool:
    """Money that is spent or granted, not a market size, sales figure, saving or the whole R&D budget."""
    before = text[max(0, a.start - 50) : a.start]
    if _NOT_BUDGET.search(before) or _NOT_BUDGET_AFTER.match(text[a.end : a.end + 30]):
        return False
    # "연구개발(R&D) 예산은 35조원": the government's whole R&D budget, unless it is AI's own.
    rd = _RD_BUDGET.search(before)
    return not (rd and "AI" not in before[max(0, rd.start() - 12) : rd.start()] and "인공지능" not in before)


def _budget(
    a: money.Amount,
    sent: Sentence,
    before: str,
    published_on: date | None,
    program_at: dict[int, str | None] | None,
) -> Budget:
    after = sent.text[a.end : a.end + 60]
    window = sent.text[max(0, a.start - 30) : a.end + 20]
    kind = classify_kind(before, after)
    if kind in ("unspecified", "total") and _PRIVATE_SUBJECT.match(sent.text):
        kind = "private"
    return Budget(
        amount=a.value,
        unit_text=a.surface,
        currency=a.currency,
        amount_krw=a.krw,
        kind=kind,
        fiscal_year=dates.fiscal_year(window, published_on),
        program=(program_at or {}).get(sent.start),
        evidence=Evidence(sent.text, sent.start, sent.end),
    )


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
    """One row per (currency, amount, kind); an unspecified restatement of a typed figure is dropped."""
    typed = {(b.currency, b.amount_krw or b.amount) for b in budgets if b.kind != "unspecified"}
    seen: set[tuple[str, float | int, str]] = set()
    out: list[Budget] = []
    for b in budgets:
        key = (b.currency, b.amount_krw or b.amount, b.kind)
        if key in seen or (b.kind == "unspecified" and key[:2] in typed):
            continue
        seen.add(key)
        out.append(b)
    return out
