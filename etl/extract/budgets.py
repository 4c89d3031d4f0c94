"""Budgets: money amounts in a sentence, with their kind (total/national/local/private) and year."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import cache

from etl import lexicon
from etl.extract import dates, holders, implied, money, payers, project_counts
from etl.extract.bracketed import carry_link
from etl.extract.list_leads import bullet_end, is_list_line, lead_kind
from etl.extract.no_money import no_money
from etl.extract.restated import dedupe, head_end
from etl.extract.roles import align_comparands, classify_role, is_comparand, new_envelope
from etl.models import Budget, Evidence, Sentence

# Kind markers are data (etl/resources/lexicon): `money_kind_before.tsv` stands shortly before the amount, followed
# by a particle and a few words ("국비로 626억원", "정부 출연금 중 300억원") but no comma or bracket;
# `money_kind_adjacent.tsv` stands right before it, with only a particle and a modifier between ("총사업비는 약
# 4,061억원", "정부가 800억원을"); `money_kind_after.tsv` follows it ("440억원은 국비로", "… in government
# funding"). Eight characters is one particle and one short word; an English cue after the amount may sit up to
# 30 characters away ("44 billion won of it in government funding"). The first kind that matches wins.
KIND_GAP_BEFORE = 8
# English words are longer: a verb of two words fits ("government budget sets aside 4 billion won").
KIND_GAP_BEFORE_EN = 16
KIND_GAP_AFTER_EN = 30
# How much text before an amount is read: the longest marker ("local government funding", 24) plus its gap.
KIND_TAIL = 48
_ADJACENT_TAIL = r",?\s*(?:은|는|이|가|으로|로|is|was|at)?\s*(?:약|최대|모두|about|some|nearly)?\s*$"
_AFTER_LEAD_KO = r"^\s*(?:은|는|을|를|의|이)?\s*(?:\(|\s)?(?:(?:내년도?|올해)\s+)?(?:전액\s*)?"
_KINDS = ("national", "local", "private", "total")


def _by_script(words: list[str]) -> list[tuple[list[str], int]]:
    """Korean and English terms apart, each with the room a before-marker may leave before the amount."""
    ko, en = [w for w in words if not w.isascii()], [w for w in words if w.isascii()]
    return [(ws, room) for ws, room in ((ko, KIND_GAP_BEFORE), (en, KIND_GAP_BEFORE_EN)) if ws]


@cache
def _kind_patterns() -> tuple[list[tuple[str, re.Pattern[str]]], list[tuple[str, re.Pattern[str]]]]:
    """(before, after) patterns in the order they are tried."""
    before: list[tuple[str, re.Pattern[str]]] = []
    for kind in _KINDS:
        for words, room in _by_script(lexicon.terms("money_kind_before", kind)):
            alt, gap = lexicon.alternation_except(words, "money_kind_not"), rf"[^,.()·]{{0,{room}}}$"
            before.append((kind, re.compile(rf"(?P<term>{alt}){gap}")))
    for kind in _KINDS:
        if words := lexicon.terms("money_kind_adjacent", kind):
            before.append((kind, re.compile(f"(?P<term>{lexicon.alternation(words)}){_ADJACENT_TAIL}", re.I)))
    after: list[tuple[str, re.Pattern[str]]] = []
    for kind in ("total", *_KINDS[:3]):
        words = lexicon.terms("money_kind_after", kind)
        ko, en = [w for w in words if not w.isascii()], [w for w in words if w.isascii()]
        if en:
            after.append(
                (kind, re.compile(rf"^[^,.;]{{0,{KIND_GAP_AFTER_EN}}}?(?:won\s+)?{lexicon.alternation(en)}"))
            )
        if ko:
            after.append((kind, re.compile(_AFTER_LEAD_KO + lexicon.alternation(ko))))
    return before, after


_PAREN = re.compile(r"^\s*[(（][^()（）]{0,40}[)）]")
# "주요 기업들은 … 65조원을 투자": when companies are the subject, their money is private.
_PRIVATE_SUBJECT = re.compile(
    r"^(?:[^,.]{0,12}\s)?(?:주요\s|국내\s|민간\s)*(?:기업|대기업|민간|업계|빅테크)들?(?:은|는|이|가)\s"
    r"|^(?:Private\s+(?:companies|firms|investors)|(?:Major\s+|Korean\s+)?(?:companies|firms|businesses))\b",
)
_CONVERSION = re.compile(r"^\s*[(（]\s*$")


@cache
def _received() -> re.Pattern[str]:
    """A verb of receiving right after the amount ("3억원까지 받을 수 있다", "will receive"): companies that get
    the money are recipients, not investors; so is "최대 2억원의 바우처를 받는다" (what is received in between)."""
    thing = r"(?:의\s*[^\s,.]{1,8}(?:을|를)\s*)?"
    # "최대 6억원의 사업화 자금과, 5억원의 R&D 자금 등 모두 11억원을 직접 지원받고": the figures a list gives before
    # its last share the verb after the last one (no clause ending between: 고, 며, 서); one adverb may stand
    # before the verb.
    listed = r"(?:(?:(?![고며서][\s,])[^.;])*?[0-9][0-9,.]*\s*[조억만천]*\s*원)?"
    verb = rf"\S{{0,4}}\s*(?:[가-힣]{{1,3}}\s+)?(?:지원\s*)?{lexicon.pattern('money_received')}"
    return re.compile(rf"^{listed}\s*{thing}{verb}", re.I)


# "SK·AWS, 울산에 7조원 규모 AI 데이터센터", "삼성전자는 …": the names a sentence opens with, up to a comma or a
# topic/subject particle; when they are companies (gazetteer type `industry`) and no public body, the money is
# theirs (private investment).
_OPENING_NAMES = re.compile(r"^\s*((?:[^\s,.]{1,30}?(?:과|와)\s+)*[^\s,.]{1,30}?)(?:,|(?:은|는|이|가)\s)")
_NAME_JOINS = re.compile(r"(?:과|와)\s+|·")
_PUBLIC_TYPES = frozenset(("government", "local_government", "public_agency", "research", "university"))


def _company_subject(text: str) -> bool:
    """True when the sentence opens with one or more companies as its subject, and no public body."""
    from etl.extract.institutions import lookup

    m = _OPENING_NAMES.match(text)
    if not m:
        return False
    types = {e.type for name in _NAME_JOINS.split(m.group(1)) if (e := lookup(name))}
    return "industry" in types and not types & _PUBLIC_TYPES


# Which program an amount belongs to, from (its sentence, where it starts, the text since the amount before
# it, its role); None when the text ties it to none. etl/extract/links.py builds it.
ProgramLink = Callable[[Sentence, int, str, str], "str | None"]


def extract_budgets(
    sentences: list[Sentence],
    published_on: date | None,
    link: ProgramLink | None = None,
) -> list[Budget]:
    """Every money amount with its role, kind and fiscal year; repeated statements of one figure merged.

    `link` says which program an amount belongs to (see ProgramLink); without it no amount is linked.
    """
    found: list[Budget] = []
    lead: str | None = None  # the payer kind the lead of the list being read names
    holder: str | None = None  # the local government whose own budget the sentences before spoke of
    home: str | None = None  # the last holder named, which a sentence on its budget with no actor resumes
    last_kind: str | None = None  # the kind of the last amount of the sentence before, if it had any
    for sent in sentences:
        item, here = is_list_line(sent.text), lead_kind(sent.text)
        if here or not item:  # a line of the list keeps its lead's kind; any other sentence replaces it
            lead = here
        body = sent.text[bullet_end(sent.text) :]
        carried = holder if holder and holders.carries_holder(body) else holders.own_bill(body)
        carried = carried or (home if home and holders.resumes(body) else None)
        holder = holders.budget_holder(body) or carried
        home = holder or home
        first = len(found)
        prev_end = 0
        prev: money.Amount | None = None
        kinds_at: dict[int, str] = {}  # each amount's end → its row's kind (payers.bracket_owner)
        units: list[Budget] = []  # the rows said per unit ("과제마다 7억원"), see holders.per_unit
        members: list[tuple[Budget, str]] = []  # each amount's row and the text before it
        mains: list[
            tuple[Budget, bool]
        ] = []  # each amount's own row, and whether it is a comparand (roles.py)
        for a in money.find_amounts(sent.text):
            if no_money(a):
                continue
            before = sent.text[prev_end : a.start]
            # "1 trillion won ($750 million)": the foreign figure restates the won amount.
            if prev and prev.currency == "KRW" and a.currency != "KRW" and _CONVERSION.match(before):
                prev_end, prev = a.end, a
                continue
            # "$500 million (약 6,500억원)": the won figure restates the foreign one.
            conversion = bool(prev and prev.currency != "KRW" and _CONVERSION.match(before))
            rows = _budgets_at(a, sent, before, prev_end, published_on, link, conversion)
            # "국비 37억 원(해마다 18.66억 원)": a yearly rate in brackets is a share of the same money.
            if rows and found and prev and payers.shares_kind(before, found[-1].kind, rows[0].kind):
                rows[0].kind = found[-1].kind
            if (
                rows
                and rows[0].kind == "unspecified"
                and (owner := payers.bracket_owner(sent.text, a.start, kinds_at))
            ):
                rows[0].kind = owner  # "지방비 50억 원(도 15억 원, 시 35억 원)": shares of the source's money
            if rows:
                kinds_at[a.end] = rows[0].kind
            if holders.per_unit(sent.text[max(0, a.start - 30) : a.start], sent.text[a.end : a.end + 4]):
                units += rows[:1]
            if rows and (role := new_envelope([b.role for b in found[first:]], rows[0].role)) != rows[0].role:
                rows[0].role, rows[0].program = role, None
            if carried and holders.holder_spends(before, sent.text[a.end : a.end + 120], rows):
                # the holder the sentences before name pays what this one spends with no subject of its own
                holders.lend(rows, carried, holders.HELD_ROLES)
            holders.pronoun_spends(sent.text[: a.start], rows, last_kind)  # "It will also invest …"
            carry_link(rows, found[first:], before)
            if rows:  # "A 10억 원과 B 7억 원 등 국비 30억 원": listed parts of one source's money
                payers.lend_to_listed(members, before, rows[0].kind)
                members.append((rows[0], before))
            mains += [(r, is_comparand(before, sent.text[a.end : a.end + 20])) for r in rows[:1]]
            found.extend(rows)
            prev_end, prev = a.end, a
        align_comparands(mains)
        if holders.carries_holder(body):  # "지난해의 2034억원보다 119% 늘어난 금액이다": like with like
            holders.compare_like(mains, last_kind)
        _fill_kinds(found[first:], lead if item else None)
        holders.parts_of_last(body, found[first:], last_kind)
        last_kind = found[-1].kind if len(found) > first else None
        holders.share_per_unit(units, found[first:])
    return dedupe(found, head_end(sentences))


def _fill_kinds(rows: list[Budget], lead: str | None) -> None:
    """The payer a list's lead names (`lead`: "국비 확보 내역은 다음과 같다." then "- A 사업: 70억원") for the
    list line's amounts that name none. (Taking the one payer a sentence's other amounts name instead lost
    more kinds on the gate than it gained: "공공 선도투자 1000억 원, 민간투자 마중물 3200억 원 …".)"""
    for b in rows:
        if b.kind == "unspecified" and lead:
            b.kind = lead


def _budgets_at(
    a: money.Amount,
    sent: Sentence,
    before: str,
    prev_end: int,
    published_on: date | None,
    link: ProgramLink | None,
    conversion: bool,
) -> list[Budget]:
    """The rows one amount gives: itself (N times when said of N things), the figure before an arrow that
    borrows its unit, and the shares in parentheses after it."""
    rows: list[Budget] = []
    if origin := implied.arrow_origin(sent.text, prev_end, a):
        rows.append(_budget(origin, sent, sent.text[prev_end : origin.start], published_on, link))
    b = _budget(a, sent, before, published_on, link, conversion)
    rows.extend(replace(b) for _ in range(implied.times_each(before, sent.text[a.end : a.end + 4])))
    for share, kind in implied.split_shares(sent.text, a):
        rows.append(
            replace(b, amount=share.value, unit_text=share.surface, amount_krw=share.krw, kind=kind,
                    low=None, high=None, approx=False, bound="exact")
        )  # fmt: skip
    return rows


def _budget(
    a: money.Amount,
    sent: Sentence,
    before: str,
    published_on: date | None,
    link: ProgramLink | None,
    conversion: bool = False,
) -> Budget:
    after = sent.text[a.end : a.end + 60]
    window = sent.text[max(0, a.start - 30) : a.end + 20]
    kind = classify_kind(before, after, follows_amount=a.start > len(before))
    role = "conversion" if conversion else classify_role(before, after, sent.text[: a.start], a.bound)
    kind, role = _payer(kind, role, a, sent, before, after)
    program = link(sent, a.start, before, role) if link else None
    if role == "budget" and program is None and project_counts.counted(before, after):
        role = "base"  # "AI 관련 31개 사업(총사업비 1조1930억원)": an envelope of assorted programs
    return Budget(
        amount=a.value,
        unit_text=a.surface,
        currency=a.currency,
        amount_krw=a.krw,
        kind=kind,
        fiscal_year=dates.fiscal_year(window, published_on),
        program=program,
        evidence=Evidence(sent.text, sent.start, sent.end),
        role=role,
        low=_won(a.low, a) if a.bound == "between" else None,
        high=_won(a.high, a) if a.bound == "between" else None,
        approx=a.approx,
        bound=a.bound,
    )


_LIST_SEP = re.compile(r"\s*(?:,|과|와|및)?\s*")


def _payer(kind: str, role: str, a: money.Amount, sent: Sentence, before: str, after: str) -> tuple[str, str]:
    """Kind and role once the payer the sentence names is read: a company spending (private investment), a
    local government or the government putting money in, a source of money the sentence is about."""
    # Read from the sentence's opening after a bullet ("- 광주시는 …", "▲ SK텔레콤은 …").
    body = bullet_end(sent.text)
    opening, head = sent.text[body:], sent.text[body : a.start]
    since = before[body:] if len(before) == a.start else before  # the first amount's: from after the bullet
    since = head if _LIST_SEP.fullmatch(since) else since  # "A시와 B시도 각각 5억원, 15억원을 들인다"
    # "△연구자와 기업이 모이는 'AX 센터' 구축: 550억원": a list item's text before its colon names the item, no payer.
    named_item = body > 0 and head.rstrip().endswith(":")
    private_subject = (
        (not named_item and (_PRIVATE_SUBJECT.match(opening) or _company_subject(opening)))
        or payers.company_spends(head, after)
        or payers.company_owns(after)
    )
    if kind == "unspecified" and (payers.company_shares(head, after) or payers.companies_share(head, after)):
        return "private", role
    if kind in ("unspecified", "total") and private_subject and not _received().match(after):
        return (kind if payers.attracted(head) else "private"), "investment" if role == "budget" else role
    if kind != "unspecified":
        return kind, role
    if payers.local_spends(since, after) or payers.local_spends_en(head):
        return "local", role
    if payers.national_spends(since, after):
        return "national", role
    return payers.topic_source(head, after) or kind, role


def _won(value: Decimal | None, a: money.Amount) -> int | None:
    """A range bound in exact won (None for a foreign currency)."""
    return int(value) if value is not None and a.currency == "KRW" else None


@cache
def _kind_in_parens() -> re.Pattern[str]:
    ko = [w for w in lexicon.terms("money_kind_after") if not w.isascii()]
    return re.compile(rf"^\s*[(（]\s*(?:전액\s*)?{lexicon.alternation(ko)}[^()（）0-9]*[)）]")


@cache
def _split_in_parens() -> re.Pattern[str]:
    """ "312억원(국비 87억원, 시비 176억원, 민간 49억원)": two or more shares by source, each with its figure, right
    after the amount make it the total they add up to."""
    share = rf"{lexicon.pattern('money_kind_split')}\s*[0-9]"
    return re.compile(rf"^\s*[(（][^()（）]*?{share}[^()（）]*?[,·/][^()（）]*?{share}[^()（）]*[)）]")


@cache
def _source_after() -> list[tuple[str, re.Pattern[str]]]:
    """A Korean source of money right after the amount through 의 ("1400억 원의 국비"), not one of several."""
    terms = {k: [t for t in lexicon.terms("money_kind_after", k) if not t.isascii()] for k in _KINDS[:3]}
    return [
        (k, re.compile(rf"^\s*의\s*{lexicon.alternation(ws)}(?!\s*(?:와|과|및|·|,))"))
        for k, ws in terms.items()
        if ws
    ]


def _source_of(after: str) -> str | None:
    """The one source whose money the amount is, named right after it: "모두 1400억 원의 국비를", "a total of 6
    billion won in national funding" (an English after-marker of a payer)."""
    if kind := next((kind for kind, pat in _source_after() if pat.match(after)), None):
        return kind
    _, kind_after = _kind_patterns()
    return next(
        (k for k, pat in kind_after if k != "total" and (m := pat.match(after)) and m.group(0).isascii()),
        None,
    )


# How far before a total word (총, 모두) a source of money (국비, 지자체 예산) still names what is totalled: a
# particle and a word ("지자체 예산만 총").
KIND_SOURCE_GAP = 6


_NEXT_FIGURE = re.compile(r"\s*[0-9]")


@cache
def _joined_sources() -> list[tuple[str, re.Pattern[str]]]:
    """A source of money joined to the marker after it ("국비와 시비를", "national and local funds")."""
    return [
        (k, re.compile(rf"(?:{lexicon.alternation(ws)})\s*(?:와|과|및|·|,|and)\s*$"))
        for k in _KINDS[:3]
        if (ws := lexicon.terms("money_kind_before", k))
    ]


def classify_kind(before: str, after: str, *, follows_amount: bool = False) -> str:
    """total | national | local | private | unspecified from the words around an amount. `follows_amount`: `before`
    starts right after another amount, whose own after-marker ("16 billion won of national funds and 14.1 billion
    won …") is not this one's."""
    kind_before, kind_after = _kind_patterns()
    if follows_amount:
        for _, pat in kind_after:
            # English markers only: a Korean one after a particle ("39억원은 도비 6억원") may be the next amount's
            if (m := pat.match(before)) and m.group(0).isascii():
                before = before[m.end() :]
                break
    tail = before[-KIND_TAIL:]
    # The marker nearest the amount wins; at the same place the longer one ("local government funds" over
    # "government funds").
    found = [(m.end("term"), -m.start("term"), kind) for kind, pat in kind_before if (m := pat.search(tail))]
    if found:
        return _nearest_kind(found, tail, after)
    if _split_in_parens().match(after):
        return "total"
    after = (
        _PAREN.sub("", after, count=1)
        # "100억원(국비)" names the kind; "312억원(국비 87억원, 시비 176억원)" is a split of the total.
        if not _kind_in_parens().match(after)
        else after
    )
    for kind, pat in kind_after:
        # "39억원은 도비 6억원과 …": a marker with a figure right after it is the next amount's
        if (m := pat.search(after)) and not _NEXT_FIGURE.match(after, m.end()):
            return kind
    return "unspecified"


def _nearest_kind(found: list[tuple[int, int, str]], tail: str, after: str) -> str:
    """The kind of the marker nearest the amount (end, -start, kind), unless a total word is a source's."""
    _, neg_start, kind = max(found)
    if kind != "total":
        # "국비와 시비를 합쳐 약 35억 원": sources of different kinds joined before the amount pay it together.
        joined = any(k != kind and pat.search(tail, 0, -neg_start) for k, pat in _joined_sources())
        return "unspecified" if joined else kind
    # "지자체 예산만 총 500억원", "국비 총 300억원": a source of money just before 총/모두 is what is totalled.
    # A source followed by a subject particle ("정부는 모두 …") is who acts, not a label of the money.
    source = [
        f
        for f in found
        if f[2] != "total"
        and -neg_start - KIND_SOURCE_GAP <= f[0] <= -neg_start
        and tail[f[0] : f[0] + 1] not in ("은", "는", "이", "가")
    ]
    # "모두 1400억 원의 국비를": the total is itself one source's money.
    return max(source)[2] if source else _source_of(after) or kind
