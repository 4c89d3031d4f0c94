"""What a won amount is in its sentence: a program's budget, a change, the envelope it sits in, a cap, a market.

The words come from `etl/resources/lexicon/`: `money_role_before.tsv` (a cue shortly before the amount),
`money_role_after.tsv` (a cue right after it), `money_cue_stops.tsv` (words a cue before the amount does not
reach across: `추경으로 AI 사업에 500억원` is a line of the supplementary budget, not the budget itself).
"""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.categories import MoneyRole, values
from etl.extract.local_budgets import TIME as _TIME
from etl.extract.local_budgets import gazetteer_names, yearly_budget
from etl.models import Budget

ROLES = values(MoneyRole)

# How far before an amount a cue still speaks of it. Korean: a particle and one or two short words
# ("시장 규모는 오는 약 3조원"); 14 characters is what the market rule was measured with. English words are
# longer ("the market is expected to reach about"), so 40.
GAP_KO = 14
GAP_EN = 40
# After an amount: a parenthetical (a share, a conversion), then a particle. 으로/로 are left out on purpose:
# "1조원으로 늘었다" gives the new figure, "1조원 늘었다" the change.
_AFTER_LEAD = r"^\s*(?:[(（][^()（）]{0,24}[)）])?\s*(?:이|가|을|를|의|은|는)?\s*"
# A change may also be said of an amount in parentheses ("10.1%(460억원) 늘린"); other cues may not: in
# "전년(85억원)보다 크게 늘린" the amount is last year's budget of the programme, not an envelope.
_CLOSE = r"\s*[)）]"  # patterns are used with .match(), anchored at the start
CLOSE_ROLES = ("change",)
# "728조원 규모의 2026년 예산안": a size word and a year may stand between the amount and its cue. Not "규모로":
# "1조 100억원 규모로 커졌다" gives the new figure, as "1조원으로 늘었다" does.
_SIZE = r"규모(?:의|인)?\s*"  # "N원 규모의 …": the amount sizes what follows
_AFTER_FILL = (
    r"(?:in\s+(?:the\s+|its\s+)?(?:(?:first|second|third|fourth|fifth)\s+)?)?"  # "… won in third extra budget"
    rf"(?:{_SIZE})?(?:\d+\s*(?:MW|GW|㎿)급?\s*)?"  # "3조원 규모의 300MW급 AI 데이터센터"
    r"(?:(?:20\d\d|19\d\d)년\s*(?:도\s*)?|내년\s*(?:도\s*)?|올해\s*|새해\s*)?(?:제\d회\s*)?"
    r"(?:won\s+)?(?:figure\s+)?(?:(?:is|was)\s+)?(?:an?\s+|of\s+)?"  # "455 trillion won figure is a projected effect"
)
# "200억 원 안팎의 지역경제 파급효과", "50억원의 재산 피해": after 의, one noun may stand between the amount and
# a cue of these roles (not after other particles: in "200억원을 들여 피해 복구" the money is spent, not lost).
_OF_NOUN = r"(?:(?<=의)|(?<=의\s))[가-힣]{2,6}\s?"
NOUN_ROLES = ("other",)
# "정부 전체 R&D 예산은 정부안보다 2,015억원 많은 27조원으로": an envelope named as the sentence's topic covers
# every amount of the sentence that has no cue of its own, as does one named as the object ("총지출을 올해보다 8.1%
# 늘린 728조원"). 40 characters: a comparison and one amount.
TOPIC_GAP = 40


@cache
def _before(meaning: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(Korean, English) patterns: a cue of `meaning`, a gap free of stops, then the end of the window."""
    stops = lexicon.pattern("money_cue_stops")
    ko = [t for t in lexicon.terms("money_role_before", meaning) if not t.isascii()]
    en = [t for t in lexicon.terms("money_role_before", meaning) if t.isascii()]
    free = rf"(?:(?!{stops})(?:[,.](?=\d)|[^,.;]))"  # a comma or point inside a number does not end a clause
    return (
        re.compile(rf"{lexicon.alternation(ko)}{free}{{0,{GAP_KO}}}$"),
        re.compile(rf"{lexicon.alternation(en)}{free}{{0,{GAP_EN}}}$"),
    )


@cache
def _after() -> list[tuple[str, re.Pattern[str]]]:
    by_meaning: dict[str, list[str]] = {}
    for e in lexicon.entries("money_role_after"):
        by_meaning.setdefault(e.meaning, []).append(e.term)
    return [
        (
            meaning,
            re.compile(
                (f"(?:{_CLOSE})?" + _AFTER_LEAD[1:] if meaning in CLOSE_ROLES else _AFTER_LEAD)
                + _AFTER_FILL
                + (f"(?:{_OF_NOUN})?" if meaning in NOUN_ROLES else "")
                + lexicon.alternation(words)
                + ("(?!안?에)" if meaning == "base" else "")  # "60억원을 본예산에 요구": a line put into it
            ),
        )
        for meaning, words in by_meaning.items()
    ]


# The after-cue meanings read before the cues before an amount.
AFTER_FIRST = ("change", "other", "investment")
# The order a role is looked for in: the most specific reading first.
_ORDER = ("cap", "change", "base", "market", "revenue", "investment", "other")


@cache
def owners() -> str:
    """The Korean names of ministries and agencies (gazetteer type `government`, not the Assembly): whose yearly
    budget is an envelope ("과기정통부 내년 예산", "과학기술정보통신부의 내년 예산이 모두 …")."""
    return gazetteer_names("government", lambda body: body[-1:] in ("부", "처", "청", "실"), lambda _: True)


@cache
def _owner_budget() -> re.Pattern[str]:
    """A ministry's own (yearly, R&D, programme-spending) budget named shortly before the amount ("행안부 내년
    사업비 예산은 모두 4조 6394억원")."""
    # "'22년도", "22년도": a two-digit year as headlines write it.
    time = r"(?:(?:20\d\d|19\d\d|'?\d\d)년도?|내년도?|올해|금년)"
    stops = lexicon.pattern("money_cue_stops")
    # "교육부가 짠 내년 예산은": the verb the owner drew the budget up with may stand between (money_owner_verbs.tsv).
    drew = lexicon.pattern("money_owner_verbs", "drew_up")
    # "산업부, 22년도 예산 …", "중기부, 2025년 예산 15조3천억": a headline sets the owner off with a comma.
    return re.compile(
        rf"{owners()}\s*(?:의|은|는|이|가|,)?\s*(?:{drew}\s+)?(?:{time}\s*)?(?:R&D\s*|연구개발\s*|사업비\s*)?(?:예산(?:안)?|사업비)"
        r"\s*(?:은|는|이|가)?"
        rf"(?:(?!{stops})(?:[,.](?=\d)|[^,.;])){{0,{GAP_KO}}}$"
    )


@cache
def _secured() -> tuple[re.Pattern[str], ...]:
    """(yearly national funds before, secured after, sum secured after, a local budget before): a region's or body's
    yearly sum of national money is the envelope of many programs (README ruling "Secured money": "내년 국비 3조원
    확보", "모두 9조644억원의 국비를 확보"), as is a city's or province's yearly budget ("서울시 내년 예산 51.5조원")."""
    return (
        # "내년 AI·우주산업 국비 1614억"; "관련된 사업들이 공모에 뽑혀 국비 155억원을 확보": many programs' sum
        re.compile(rf"(?:{_TIME}\s*(?:[^\s,.;]+\s+)?|사업들(?:이|은)\s[^,.;]{{0,40}})국비\s*$"),
        re.compile(r"^\s*(?:을|를)?\s*(?:확보|따냈|따내)"),
        re.compile(r"^\s*의\s*국비를\s*(?:확보|따냈|따내)"),
        yearly_budget(),
    )


_SUM_WORD = re.compile(r"(?:모두|총)\s*$")


def _secured_envelope(before: str, after: str) -> bool:
    """Whether the amount is a yearly sum secured or budgeted by a region (see _secured)."""
    funds, secured, sum_secured, local_budget = _secured()
    tail = before[-60:]
    if "국비" not in tail and "예산" not in tail and "국비" not in after[:8]:
        return False  # the cheap test first: most amounts have neither word near them
    return bool(
        (funds.search(tail) and secured.match(after))
        or (sum_secured.match(after) and _SUM_WORD.search(tail))
        or local_budget.search(tail)
    )


@cache
def _topic() -> re.Pattern[str]:
    stops = lexicon.pattern("money_cue_stops")
    cue = lexicon.alternation(t for t in lexicon.terms("money_role_before", "base") if not t.isascii())
    return re.compile(rf"{cue}\s*(?:은|는|이|가|을|를)\s(?:(?!{stops})(?:,(?=\d)|[^,;])){{0,{TOPIC_GAP}}}$")


# "Gwangju's AI budget for 2026, as passed in the plenary session on December 2, comes to 163.8 billion won": an
# English envelope named as the sentence's subject, then a verb that states its figure (lexicon/money_topic_verbs.tsv),
# asides and commas between; the span the subject, the asides and the verb may take.
TOPIC_SPAN_EN = 160
# "rose 16.1 per cent on the previous year to 9.7 trillion won": the span a rate may take between a verb and "to".
RISE_SPAN = 50
_EN_CLAUSE = r"(?:[^.;]|\.(?=\d))"  # a point inside a number ("16.1 per cent") does not end the clause


@cache
def _topic_en() -> re.Pattern[str]:
    cue = lexicon.alternation(t for t in lexicon.terms("money_role_before", "base") if t.isascii())
    verb = lexicon.pattern("money_topic_verbs", "states")
    # "rose 16.1 per cent on the previous year to": a verb of growth, its rate, then the figure it reaches.
    rise = lexicon.pattern("money_topic_verbs", "rises")
    return re.compile(
        rf"{cue}{_EN_CLAUSE}*?\s(?:{verb}|{rise}\s{_EN_CLAUSE}{{0,{RISE_SPAN}}}?\bto)\s+(?:about\s+|some\s+|nearly\s+)?$"
    )


@cache
def _named_envelope() -> re.Pattern[str]:
    """ "the government's 2.7 trillion won Digital New Deal package": a package named after a programme that the
    amount sizes is the envelope the programme's money sits in (lexicon/program_envelope_cues.tsv `en_named`); an
    unnamed one ("a 26 trillion won package for its chip industry") may be the programme itself."""
    words = lexicon.pattern("program_envelope_cues", "en_named")
    return re.compile(_AFTER_LEAD + r"(?:won\s+)?(?:[A-Z][\w\-]*\s+){1,4}" + words)


@cache
def _distributive() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("money_distributive"))


@cache
def _grant() -> re.Pattern[str]:
    """What a funder hands each recipient, right after an upper bound: "최대 2억원의 바우처를 받는다"."""
    return re.compile(rf"{_AFTER_LEAD}(?:\S{{0,6}}\s)?{lexicon.pattern('money_grant', 'cap')}")


@cache
def _grant_before() -> re.Pattern[str]:
    """An English verb of getting before an upper bound, a few words between: "Companies can receive up to 400
    million won" (`cap_before` of money_grant.tsv)."""
    return re.compile(rf"{lexicon.pattern('money_grant', 'cap_before')}\w*\s+(?:[a-z]+\s+){{0,3}}?$")


# "3조6313억원 규모의 그린데이터센터 투자양해각서": the size of an investment pact (lexicon money_pacts) names what
# the pact is about in up to PACT_WORDS words between the amount's size word and the pact word.
PACT_WORDS = 2


@cache
def _pact() -> re.Pattern[str]:
    return re.compile(
        rf"{_AFTER_LEAD}{_SIZE}(?:[^\s,.;()]+\s+){{0,{PACT_WORDS}}}{lexicon.pattern('money_pacts', 'investment')}"
    )


def classify_role(before: str, after: str, clause: str = "", bound: str = "exact") -> str:
    """The role of an amount from the text before it (since the previous amount), the text after it, the
    sentence up to it (`clause`, for an envelope named as the topic) and its bound: an upper bound said of
    each of several things ("과제마다 최대 1억원", "up to 24 billion won each") is a cap."""
    # A cue right after the amount says what it is before any cue further back: "시장 검증을 하고 30억 원 이상의
    # 민간투자를 끌어오며" is investment, not market.
    for meaning, pat in _after():
        if meaning in AFTER_FIRST and pat.match(after):
            return meaning
    if _pact().match(after):
        return "investment"
    if bound == "above" and _threshold(before, after, clause):
        return "other"
    if bound == "under" and (
        _distributive().search(clause or before)
        or _distributive().match(after.lstrip(), 0, 12)
        or _grant().match(after)
        or _grant_before().search(before[-40:])
    ):
        return "cap"
    if _owner_budget().search(before[-(GAP_KO + 40) :]) or _secured_envelope(before, after):
        return "base"
    for meaning in _ORDER:
        ko, en = _before(meaning)
        if ko.search(before[-(GAP_KO + 16) :]) or en.search(before[-(GAP_EN + 30) :]):
            return meaning
    for meaning, pat in _after():
        if pat.match(after):
            return meaning
    if _named_envelope().match(after):
        return "base"
    topic = clause and (
        _topic().search(clause[-(TOPIC_GAP + 24) :]) or _topic_en().search(clause[-TOPIC_SPAN_EN:])
    )
    return "base" if topic else "budget"


@cache
def _thresholds() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # "500억원 이상이 드는 사업", "300억원 이상인 사업": a few words may stand between the verb and the project word.
    verb = lexicon.pattern("money_thresholds", "ko_after")
    ko = re.compile(rf"^\s*(?:이|가|의)?\s*{verb}\s*(?:\S+\s+){{0,2}}?\S*(?:사업|과제|프로젝트|기업|업체)")
    en = re.compile(lexicon.pattern("money_thresholds", "en_before") + r"\b[^.;]{0,120}$")
    return ko, en


def _threshold(before: str, after: str, clause: str) -> bool:
    """A lower bound that sorts projects ("300억 원 이상이 드는 사업이라", "projects with a total cost of at least 50
    billion won"): a rule's threshold, not money any program gets (lexicon/money_thresholds.tsv)."""
    ko, en = _thresholds()
    return bool(ko.match(after) or en.search((clause or before)[-160:]))


def new_envelope(earlier: list[str], role: str) -> str:
    """The role of an amount given the roles of the amounts before it in its sentence: the figure an envelope
    reaches after a change ("본예산 14조9497억원보다 3423억원 많은 15조2920억원") is an envelope too."""
    return "base" if role == "budget" and earlier[-2:] == ["base", "change"] else role


# The roles a comparand takes from the figure it is compared with.
ALIGNED_ROLES = ("budget", "base", "cap")


@cache
def _comparand() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(after, before): the amount is the earlier figure something is measured against ("올해 744억원에서",
    "지난해 20억원과 비교하면", "from 3.3 trillion won this year")."""
    after = lexicon.pattern("money_comparand", "after")
    before = lexicon.pattern("money_comparand", "before")
    lead = r"^\s*(?:[(（][^()（）]{0,24}[)）])?\s*"  # "올해 본예산 14조원(추경 포함)보다"
    return re.compile(lead + after), re.compile(rf"{before}\s*(?:about\s+)?$")


def is_comparand(before: str, after: str) -> bool:
    after_pat, before_pat = _comparand()
    return bool(after_pat.match(after) or before_pat.search(before[-20:]))


def align_comparands(rows: list[tuple[Budget, bool]]) -> None:
    """A comparand read as a budget is the same kind of money as the figure of its sentence it is compared with
    (the nearest amount that is no comparand and no change), when that is an envelope or a cap: "AI budget to
    10.1 trillion won next year from 3.3 trillion won", "과제마다 5000만원에서 최대 1억5000만원까지". `rows`: each
    amount of one sentence, in order, with whether it is a comparand. Only lifted: a comparand's own base or cap
    cue stays (aligning those too lost one more on the gate than it gained)."""
    for i, (row, comp) in enumerate(rows):
        if not comp or row.role != "budget":
            continue
        partners = sorted(
            (j for j, (other, c) in enumerate(rows) if j != i and not c and other.role in ALIGNED_ROLES),
            key=lambda j: abs(j - i),
        )
        if partners and (role := rows[partners[0]][0].role) != "budget":
            row.role = role
            if role == "base":  # an envelope is no program's money
                row.program = None
    _carry_comparand(rows)
    _share_listed_change([r for r, _ in rows])


# "A에 10억 원, B에 2억 원 등 50억 원이 증액됐다", "A에 6억 원, B에 2억 원, C에 1억 원이 더해졌다": a list item is "X에 N원"
# followed by a comma or 등; the items before a change that closes the list are changes too.
_ITEM_BEFORE = re.compile(r"에\s*$")
_ITEM_AFTER = re.compile(r"\s*(?:,|등\s)")  # used with .match(text, pos)
_LIST_CLOSE = re.compile(r"(?:에|등)\s*$")


def _share_listed_change(rows: list[Budget]) -> None:
    """The items of a list the last of which is a change ("… 정비에 2억2500만 원 등 50억 원이 증액됐다") are changes.
    `rows`: each amount of one sentence, in order; where each stands is read from its evidence."""
    if len(rows) < 2 or rows[-1].evidence is None:
        return
    text, spans, at = rows[-1].evidence.text, [], 0
    for row in rows:
        start = text.find(row.unit_text, at)
        if start < 0:
            return
        spans.append((start, start + len(row.unit_text)))
        at = start + len(row.unit_text)
    for i in range(len(rows) - 1, 0, -1):
        if rows[i].role != "change" or not _LIST_CLOSE.search(text[: spans[i][0]]):
            continue
        j = i - 1
        while (
            j >= 0
            and rows[j].role == "budget"
            and _ITEM_AFTER.match(text, spans[j][1])
            and _ITEM_BEFORE.search(text[max(0, spans[j][0] - 3) : spans[j][0]])
        ):
            rows[j].role = "change"
            j -= 1


# Roles of money that changes hands in a market: the figure a market grows to is market money too.
MARKET_ROLES = ("market", "revenue")
# The roles a figure takes from the comparand right before it: a market's, an envelope's, a ceiling's.
CARRIED_ROLES = (*MARKET_ROLES, "base", "cap")


def _carry_comparand(rows: list[tuple[Budget, bool]]) -> None:
    """ "세계 AX 시장이 355조원에서 970조원으로 커질", "sales grow from 1 trillion won to 3 trillion won", "AI 관련 예산은
    올해 3조3000억원에서 10조1000억원으로", "지원 한도를 1억 5000만원에서 2~4억원으로": a figure read as a budget whose
    comparand right before it is a market's, an envelope's or a ceiling's figure is where that figure goes. A ceiling
    keeps the program it was linked to; market money and an envelope are no program's."""
    for i, (row, comp) in enumerate(rows):
        if i and not comp and row.role == "budget":
            prev, prev_comp = rows[i - 1]
            if prev_comp and prev.role in CARRIED_ROLES:
                row.role = prev.role
                if row.role != "cap":
                    row.program = None
