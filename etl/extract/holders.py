"""Whose money a run of sentences speaks of, when a sentence names no payer of its own (fixtures README, kind
rule: a local government's own budget is `local`).

"서울시는 내년 예산으로 …을 편성했다. AI 인재 양성에 120억원을 쓴다.": a local government that is a sentence's subject
and spends its own budget there (a cue of `money_local_spenders.tsv`, meaning `holder`) is the payer of the amounts
in the sentences after it that leave the subject out; the carry stops at a sentence with another actor (a known body,
a company, a payer word, any noun subject but a `holder_topic` word) or another source of money (국비, 민간 …). Also
here: a figure said per unit shares its sentence's one payer (`money_per_unit.tsv`), and a comparand with no subject
compares like with like. Used by etl/extract/budgets.py.
"""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon, nlp
from etl.categories import SHARE_KINDS
from etl.extract import payers
from etl.models import Budget

# The payer kind of a body of the gazetteer as a subject.
_ACTOR_KINDS = {
    "local_government": "local",
    "government": "national",
    "public_agency": "national",
    "industry": "private",
}
# The roles a payer lent from elsewhere may give: a market, a company's investment or a threshold is no one's budget.
HELD_ROLES = frozenset(("budget", "change", "base"))


def lend(rows: list[Budget], kind: str, roles: frozenset[str] | None = None) -> None:
    """Give `kind` to each row of no kind (`unspecified`) whose role is one of `roles` (any role: None)."""
    for b in rows:
        if b.kind == "unspecified" and (roles is None or b.role in roles):
            b.kind = kind


@cache
def _holder_cue() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("money_local_spenders", "holder"))


@cache
def _other_sources() -> re.Pattern[str]:
    """A source of money that is not the local government's own ("국비", "민간 투자", "기업 부담")."""
    words = [
        t
        for name in ("money_kind_before", "money_kind_after", "money_kind_split")
        for kind in ("national", "private")
        for t in lexicon.terms(name, kind)
        if not t.isascii()
    ]
    return re.compile(lexicon.alternation(words))


def _actor(word: str) -> str | None:
    """The payer kind of a subject word: a body of the gazetteer or a word for local governments, the government
    or companies; None for a word that names no actor (a topic of `holder_topic`: "예산은", "사업은", "올해는");
    'other' for any other subject (an unknown company, a person, a university)."""
    from etl.extract.institutions import lookup

    if (e := lookup(word)) is not None:
        return _ACTOR_KINDS.get(e.type, "other")
    if payers.local_subject().search(word) or _local_head(word):
        return "local"
    if payers.national_subject().search(word):
        return "national"
    if _private_word().search(word):
        return "private"
    return None if _no_actor().search(word) else "other"


@cache
def _head() -> re.Pattern[str]:
    # "서울시장", "전남지사", "홍천군수": the head of a city, province or county (`local_heads.tsv`: the title and
    # the unit it heads) speaks for its government.
    return re.compile(rf"^([가-힣]{{2,4}}?)({lexicon.pattern('local_heads')})$")


def _local_head(word: str) -> bool:
    from etl.extract.institutions import lookup

    m = _head().match(word)
    return bool(m) and any(
        (e := lookup(name)) is not None and e.type == "local_government"
        for name in (m.group(1) + lexicon.meanings("local_heads")[m.group(2)], m.group(1))
    )


@cache
def _private_word() -> re.Pattern[str]:
    # A word for companies as a subject ("기업들은", "업계가"): `money_holder_actors.tsv`, meaning private.
    return re.compile(rf"{lexicon.pattern('money_holder_actors', 'private')}들?$")


@cache
def _no_actor() -> re.Pattern[str]:
    return re.compile(rf"{lexicon.pattern('money_local_spenders', 'holder_topic')}$")


# "성남시, 내년 예산으로 '미래산업 지도' 그린다": a headline opens on its subject's name and a comma.
_HEADING_NAME = re.compile(r"^\s*([^\s,.'‘\"“]{2,20}),\s")


def _local_heading(text: str) -> bool:
    from etl.extract.institutions import lookup

    m = _HEADING_NAME.match(text)
    return bool(m) and (e := lookup(m.group(1))) is not None and e.type == "local_government"


def _actors(text: str) -> list[str]:
    """The payer kinds of a Korean sentence's subjects, in order ("시는" opening it counts as its city); a
    subject is a noun with a subject or topic particle as Kiwi reads it (nlp.noun_subject), not a figure
    ("120억원이 쓰인다")."""
    found = ["local"] if payers.local_short().match(text) or _local_heading(text) else []
    return (
        found
        + [
            k
            for m in payers.KO_SUBJECT.finditer(text)
            if not m.group(1)[0].isdigit()
            and nlp.noun_subject(m.group(0).strip())
            and (k := _actor(m.group(1)))
            # "디지털 안전망도 튼튼히 한다": a noun with 도 ('also') is as often the object as the subject; it
            # names an actor only when it is a known one ("정부도", "삼성전자도").
            and not (k == "other" and (m.group(0).rstrip().endswith("도") or _embedded(text[m.end() :])))
        ]
    )


def _embedded(after: str) -> bool:
    """True when the clause a subject opens ends within three words in a modifier ("서비스가 멈추지 않도록 하는
    설비", "기업이 만든 모델"): the subject of a clause inside a noun phrase, not the sentence's."""
    for word in after.split()[:3]:
        tags = nlp.word_tags(word)
        if word.endswith("도록") or (tags and tags[-1] == "ETM"):
            return True
        if tags and tags[-1].startswith(("EF", "EC", "J")) and not word.endswith("지"):
            return False
    return False


# "시 제2회 추경안", "광주시의 추가경정예산안", "도 본예산": a city's, province's or county's own budget bill
# (not "2026년도 예산안").
_LOCAL_BILL = re.compile(
    r"(?:(?<!\S)(?:시|도|군)|[가-힣]{1,4}(?<!년)(?:시|도|군)의)\s+(?:[^\s,.]{1,6}\s+){0,2}"
    r"(?:추경안|추가경정예산안|예산안|본예산)"
)


def own_bill(text: str) -> str | None:
    """'local' when the sentence names a local government's own budget bill and no other source of money: its
    figures that size or change the bill are that government's ("예결위는 기정예산 8조891억원보다 5670억원 늘어난
    8조6561억원 규모의 시 제2회 추경안을 통과시켰다")."""
    return "local" if _LOCAL_BILL.search(text) and not _other_sources().search(text) else None


def budget_holder(text: str) -> str | None:
    """'local' when the sentence's subject is a local government spending its own budget, with no other actor
    or source of money beside it ("서울시는 내년 예산으로 … 편성했다"); else None."""
    if text.isascii() or not _holder_cue().search(text):
        return None
    # "시의회 예결위는 … 시 제2회 추경안을 통과시켰다": a local government's own budget bill named as such is its
    # budget, whoever passes it.
    if own_bill(text):
        return "local"
    actors = _actors(text)
    if not actors or set(actors) != {"local"} or _other_sources().search(text):
        return None
    # A headline ("대구시, … 200억 투입") restates a figure the body gives with its own kind (총사업비): it holds a
    # budget only when it names one ("성남시, 내년 예산으로 …").
    if _local_heading(text) and not payers.local_short().match(text) and "예산" not in text:
        return None
    return "local"


def carries_holder(text: str) -> bool:
    """True when the budget holder before a sentence still speaks for it: it names no actor as a subject but a
    local government ("시는 …": the same payer) and no other source of money."""
    return not text.isascii() and set(_actors(text)) <= {"local"} and not _other_sources().search(text)


def resumes(text: str) -> bool:
    """True when a sentence after another actor's or source's speaks of the budget again with no actor of its own:
    its subject is a word that names no actor (`holder_topic`: "일자리 창출 예산은 … 1조1546억원을 반영했다") and it
    names no other source of money; the holder named before (a city's budget bill) is its payer again."""
    if text.isascii() or _other_sources().search(text) or _actors(text):
        return False
    return any(
        _no_actor().search(m.group(1)) and nlp.noun_subject(m.group(0).strip())
        for m in payers.KO_SUBJECT.finditer(text)
    )


# "AI 인재 양성에 120억원, 허브 운영에 80억원을 배정했다": purposes and figures listed after the amount share its
# verb; a purpose runs to a few words (60 characters: "취약지역의 AI CCTV 확충을 포함한 AI 기반 시스템 고도화에") and holds no clause break.
_ENUMERATED_AFTER = re.compile(
    r"^(?:\s*,\s*(?:[^,.;()0-9]{1,60}?\s)?[0-9][0-9,.]*\s*[조억만천]?[^\s,.]*)+(?=\s)"
    # "△A 사업(13억원) △B(3억원) 등이 담겼다": items marked △ or ▲ with their figures in brackets.
    # An item's name may hold a bracket without a figure ("AX(AI 전환) 실증 인프라 구축(7억원)").
    r"|^(?:\s*[)）]\s*[△▲](?:[^,.;()（）△▲]|[(（][^()（）0-9]{0,12}[)）]){1,50}?[(（][0-9][0-9,.]*\s*[조억만천]?[^\s,.)）]*)+"
)


@cache
def _held_verb() -> re.Pattern[str]:
    # "120억원 규모의 예산을 투입한다": up to two short words (what is spent) may stand before the verb.
    # A held verb ("… 등을 신규 사업으로 추진한다") speaks of money only where a budget holder is carried.
    verb = lexicon.alternation(
        lexicon.terms("money_local_spenders", "verb") + lexicon.terms("money_local_spenders", "held_verb")
    )
    # "…(2억원) 등이 담겼다": the close of a bracketed figure and 등 may come first.
    return re.compile(rf"\s*(?:[)）]\s*등)?\s*(?:을|를|이|가|의)?\s*(?:[^\s,.]{{1,8}}\s+){{0,2}}{verb}")


@cache
def _holder_stop() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("money_local_spenders", "holder_stop"))


def holder_spends(before: str, after: str, rows: list[Budget]) -> bool:
    """True when a verb of putting money in follows the amount ("120억원을 쓴다", "120억원 규모의 예산을
    투입한다"), or the figures listed after it ("120억원, 허브 운영에 80억원을 배정했다"), whose agent the
    sentence leaves out; a list line without a verb ("▷기반 조성: … 사업에 4084억원") says no one's money, nor
    does an amount that comes through another body's call (`holder_stop` in the text since the amount before:
    "국토교통부 공모사업을 통해 22억원을 들여"). A change or envelope figure (`rows`, the amount's rows) needs no
    verb: "올해 본예산(12조5436억원)보다 1587억원 많은 규모다" sizes the holder's own budget."""
    if _holder_stop().search(before):
        return False
    return (bool(rows) and all(b.role in ("change", "base") for b in rows)) or bool(
        _held_verb().match(_ENUMERATED_AFTER.sub("", after))
    )


# "한 곳에 140억 원씩, 모두 1400억 원의 국비를", "국비 140억원이 들어가며, 지역마다 평균 70억원": a figure said per
# unit (`money_per_unit.tsv`: before or after it) is a share of the money its sentence names, when that money is
# one payer's. How far before the amount a per-unit word may stand: a word and a particle ("지역마다 평균 ").
PER_UNIT_GAP = 10


@cache
def _per_unit() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (
        re.compile(rf"{lexicon.pattern('money_per_unit', 'before')}[^,.;]{{0,{PER_UNIT_GAP}}}$"),
        re.compile(rf"^\s*{lexicon.pattern('money_per_unit', 'after')}"),
    )


def per_unit(before: str, after: str) -> bool:
    """True when the amount between `before` and `after` is said per unit ("과제마다 7억원", "140억 원씩")."""
    pat_before, pat_after = _per_unit()
    return bool(pat_before.search(before) or pat_after.match(after))


def share_per_unit(units: list[Budget], rows: list[Budget]) -> None:
    """Give each per-unit row of no kind (`units`, role budget) the one payer kind the sentence's rows name."""
    kinds = {b.kind for b in rows if b.kind in SHARE_KINDS}
    if len(kinds) == 1:
        lend(units, next(iter(kinds)), frozenset(("budget",)))


@cache
def _money_back() -> re.Pattern[str]:
    # "이 돈은 A 제작(8000만원)과 B(960만원) 등에 쓴다": the money just named as a sentence's topic (a pointer and a
    # word for money of `money_anaphora.tsv`).
    pointer = lexicon.pattern("money_anaphora", "pointer")
    return re.compile(rf"(?<!\S){pointer}\s*{lexicon.pattern('money_anaphora', 'noun')}(?:은|는|으로)\s")


@cache
def _breakdown() -> re.Pattern[str]:
    # "A 조성 200억원, B 구축 51억원 … 등이다": a sentence that only lists parts (`breakdown` of money_anaphora.tsv).
    return re.compile(rf"{lexicon.pattern('money_anaphora', 'breakdown')}[.。]?\s*$")


def parts_of_last(text: str, rows: list[Budget], last_kind: str | None) -> None:
    """The figures of a sentence that takes the money the sentence before named as its topic ("이 돈은 …", "첫
    시도로, 이 예산으로 …") or only lists its parts ("A 200억원, B 51억원 등이다") are parts of it: they take its
    payer (`last_kind`, the kind of the last amount before)."""
    if last_kind not in SHARE_KINDS:
        return
    if _money_back().search(text) or (_breakdown().search(text) and not _actors(text)):
        lend(rows, last_kind, HELD_ROLES)


def compare_like(mains: list[tuple[Budget, bool]], last_kind: str | None) -> None:
    """A sentence whose every amount is a comparand and that names no actor of its own compares the figure the
    sentence before ended on with a like one: "국비 4445억원을 확보했다. 지난해의 2034억원보다 119% 늘어난
    금액이다." (`mains`: each amount's row and whether it is a comparand; `last_kind`: the kind of the last
    amount of the sentence before). A payer kind is lent; a total is not (it names no payer). So is a change of
    that figure ("전년보다 926억 원 늘어난 규모다": README, a change's payer)."""
    if last_kind in SHARE_KINDS and mains and all(c or r.role == "change" for r, c in mains):
        lend([row for row, _ in mains], last_kind)


@cache
def _pronoun_spender() -> re.Pattern[str]:
    # "It will also invest …", "They put …": a pronoun opens the sentence and spends the amount (a verb of
    # `money_private_spenders.tsv`, verb_en), with a few words between; the amounts the clause lists after the
    # first share it ("… and a further 1.3 trillion won"), up to a clause of another subject ("while", "but").
    verb = lexicon.pattern("money_private_spenders", "verb_en")
    return re.compile(
        rf"^[\s\-–•*]*(?:It|They)\s+(?:[a-z]+\s+){{0,3}}{verb}\w*\s+(?:(?!\b(?:while|but|whereas)\b)[^;])*$"
    )


def pronoun_spends(head: str, rows: list[Budget], last_kind: str | None) -> None:
    """An English sentence whose subject is a pronoun spending the amount ("It will also invest 1 trillion won")
    speaks of the company the sentence before had spend its money ("The group will put 400 billion won …"): the
    amount takes that payer (`last_kind`, the kind of the last amount before: private only)."""
    if last_kind == "private" and head.isascii() and _pronoun_spender().match(head):
        lend(rows, last_kind, frozenset(("budget", "investment")))
