"""Who pays an amount when the text names the payer instead of a kind word (fixtures README, kind rule).

A company that spends the amount makes it private investment ("The consortium will spend 2 trillion won",
"SK Telecom said it would spend 3.4 trillion won", "이 회사는 … 1조5000억원을 들여"); a province, city or county
that adds its own money makes it local ("경남도가 16억 원을 보태고", "경기도도 195억 원을 매칭해 보탠다"); the
government, a ministry or a state agency putting money in makes it national ("과기정통부는 … 50억원을 지원해"); a
sentence about one source of money gives it ("지방비는 …"). The words live in `etl/resources/lexicon/`
(`money_private_spenders`, `money_local_spenders`, `money_national_spenders`, `money_kind_before`); companies
and public bodies come from the institutions gazetteer.
"""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.models import Budget

# How far before an English spending verb its company subject may stand ("SK Telecom said it would spend"), and
# how many words may follow the verb before the amount ("will put a combined 2.1 trillion won").
SPENDER_GAP_EN = 40
SPENDER_WORDS_EN = 2
# An English company name as the gazetteer may hold it: one to four capitalised words ("SK Telecom", "SK E&S").
_EN_NAME = re.compile(r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}")
_PUBLIC_TYPES = frozenset(("government", "local_government", "public_agency", "research", "university"))
# A Korean subject: a word and its subject, topic or "also" particle ("경남도가", "경기도도", "광주시는").
KO_SUBJECT = re.compile(r"([^\s,.()·]{2,20}?)(?:이|가|은|는|도)\s")


@cache
def _spender_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(English subject then verb before the amount, English verb alone, Korean subject before with the verb
    after), from `money_private_spenders.tsv`."""
    subj = lexicon.alternation(t for t in lexicon.terms("money_private_spenders", "subject") if t.isascii())
    verb_en = lexicon.pattern("money_private_spenders", "verb_en")
    tail = rf"{verb_en}\s+(?:[A-Za-z]+\s+){{0,{SPENDER_WORDS_EN}}}$"
    subj_ko = lexicon.alternation(
        t for t in lexicon.terms("money_private_spenders", "subject") if not t.isascii()
    )
    return (
        re.compile(rf"{subj}[^.;]{{0,{SPENDER_GAP_EN}}}?{tail}"),
        re.compile(rf"(?P<verb>{tail})"),
        re.compile(rf"{subj_ko}(?:\s*[^\s,.]{{1,20}})?(?:은|는|이|가|도)\s"),
    )


@cache
def _abbreviations() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("money_private_spenders", "abbreviation"))


def company_spends(head: str, after: str) -> bool:
    """True when a company is who spends the amount: "The consortium will spend 2 trillion won", "SK Telecom said
    it would spend 3.4 trillion won" (a gazetteer company before the verb), "이 회사는 … 1조5000억원을 들여"."""
    subj_en, verb_en, subj_ko = _spender_patterns()
    if head.isascii():
        # "the consortium of SK E&S Co. and SK Broadband Co. will spend": a company's abbreviation ends no clause
        clause = _abbreviations().sub(lambda m: m.group().rstrip("."), head.rsplit(";", 1)[-1])
        if subj_en.search(clause):
            return True
        m = verb_en.search(clause)
        return bool(m) and _company_subject_en(clause[max(0, m.start() - SPENDER_GAP_EN) : m.start()])
    verb_ko = lexicon.pattern("money_private_spenders", "verb_ko")
    return bool(subj_ko.search(head)) and bool(re.match(rf"\s*(?:을|를)?\s*{verb_ko}", after))


def company_shares(head: str, after: str) -> bool:
    """True when a company named as the subject bears the amount as its share of a program's cost ("참여기업이
    과제마다 2억원을 부담한다", a verb of `share_ko`): its own money (private), but part of the program's budget,
    as 자부담 is."""
    subj_ko = _spender_patterns()[2]
    verb = lexicon.pattern("money_private_spenders", "share_ko")
    return (
        not head.isascii()
        and bool(subj_ko.search(head))
        and bool(re.match(rf"\s*(?:을|를)?\s*{verb}", after))
    )


def _subject_types_en(text: str) -> set[str]:
    """The gazetteer types of the English names in `text` ("the Seoul Metropolitan Government", "SK Telecom")."""
    from etl.extract.institutions import lookup

    return {e.type for m in _EN_NAME.finditer(text) if (e := lookup(m.group().removeprefix("The ")))}


def _company_subject_en(text: str) -> bool:
    """A company of the gazetteer named in `text`, and no public body."""
    types = _subject_types_en(text)
    return "industry" in types and not types & _PUBLIC_TYPES


@cache
def _owned_after() -> re.Pattern[str]:
    # "5.8-trillion won (R64bn) of Hyundai Motor Group's money": a bracketed conversion may come first.
    money = lexicon.pattern("money_private_spenders", "owned_en")
    return re.compile(
        rf"^\s*(?:\([^()]{{0,30}}\)\s*)?of\s+(?:the\s+)?({_EN_NAME.pattern})'s\s+(?:own\s+)?{money}\b"
    )


@cache
def _shared_after() -> re.Pattern[str]:
    # "300 billion won (US$220 million) between them": a bracketed conversion may come first.
    return re.compile(
        rf"^\s*(?:\([^()]{{0,30}}\)\s*)?{lexicon.pattern('money_private_spenders', 'shared_en')}\b"
    )


def company_owns(after: str) -> bool:
    """True when the text right after the amount says it is a gazetteer company's own money ("5.8 trillion won of
    Hyundai Motor Group's money will go into …")."""
    m = _owned_after().match(after)
    return bool(m) and _company_subject_en(m.group(1))


def companies_share(head: str, after: str) -> bool:
    """True when the companies the clause names put the amount up together ("… that SK Telecom, KT and LG U+ set
    up with 300 billion won between them"): their own money, each a share (the role is kept)."""
    return (
        head.isascii() and bool(_shared_after().match(after)) and _company_subject_en(head.rsplit(";", 1)[-1])
    )


@cache
def _local_verb_en() -> re.Pattern[str]:
    # "Seoul to Put KRW 42.5 Billion into R&D": a headline capitalises its verb.
    verb = lexicon.pattern("money_local_spenders", "verb_en")
    return re.compile(rf"{verb}\s+(?:[A-Za-z]+\s+){{0,{SPENDER_WORDS_EN}}}$", re.I)


@cache
def _place_subject_en() -> re.Pattern[str]:
    """A province or city of the places gazetteer by its English name as a clause's subject ("Seoul plans to
    spend", "Busan will invest"): the name, a government word, then a word of `place_verb_en`; a name after a
    preposition ("a plant in Ulsan will …") is a place, not the subject."""
    from etl.extract.places import load_places, trie_regex

    names = {
        a
        for p in load_places()
        if p.level in ("sido", "sigungu")
        for a in p.aliases
        if a.isascii() and a[:1].isupper()
    }
    verb = lexicon.pattern("money_local_spenders", "place_verb_en")
    gov = r"(?:\s+(?:Metropolitan\s+)?(?:City|Province))?(?:\s+(?:Metropolitan\s+)?[Gg]overnment)?"
    return re.compile(
        rf"(?<![\w'-])(?<!\bin\s)(?<!\bat\s)(?<!\bof\s)(?:{trie_regex(sorted(names))}){gov}\s+{verb}"
    )


def local_spends_en(head: str) -> bool:
    """True when a province or city of the gazetteer, and no other body, is the subject of an English verb of
    putting money in right before the amount ("the Seoul Metropolitan Government has set aside KRW 18.8 billion")."""
    if not head.isascii():
        return False
    clause = head.rsplit(";", 1)[-1]
    m = _local_verb_en().search(clause)
    if not m:
        return False
    window = clause[max(0, m.start() - SPENDER_GAP_EN) : m.start()]
    types = _subject_types_en(window)
    # "the city will spend 70 billion won": a word for the city or province, and no named body
    if types == {"local_government"} or (not types and bool(_local_subject_en().search(window))):
        return True
    # "Seoul will open a centre this year and invest 100 billion won": the clause's subject is a city or
    # province by its English name, and the clause names no other body.
    return bool(_place_subject_en().search(clause[: m.start()])) and _subject_types_en(clause) <= {
        "local_government"
    }


@cache
def _local_subject_en() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("money_local_spenders", "subject_en"))


# "각각 5억여원, 15억원가량을 들인다": amounts listed after this one share its verb.
_LISTED_AFTER = re.compile(r"^(?:\s*,\s*[0-9][0-9,.]*\s*[조억만천]?[^\s,.]*)+(?=\s)")


@cache
def _local_verb() -> re.Pattern[str]:
    # "16억 원을 보태고", "195억 원을 매칭해 보탠다", "3조7000억원 집중 투자": a particle and one word may come first.
    verb = lexicon.pattern("money_local_spenders", "verb")
    return re.compile(rf"\s*(?:을|를)?\s*(?:[^\s,.]{{1,6}}\s+)?{verb}")


@cache
def local_short() -> re.Pattern[str]:
    # "도, 2031년까지 … 3조7000억원 집중 투자": a headline names the province by its short form alone.
    return re.compile(rf"^\s*{lexicon.pattern('money_local_spenders', 'short')}\s*(?:,|은|는|가)\s")


# "도는", "시는", "도가" as a word of its own: the province, city or county the story is about ("시가" may be a
# market price, "시도" an attempt).
_SHORT_LOCAL = re.compile(r"(?<!\S)(?:(?:도|시|군)(?:는|은)|도가)\s")


def local_spends(before: str, after: str) -> bool:
    """True when a province, city or county is who adds the amount from its own budget: its name as the subject
    in the text since the amount before ("경남도가 16억 원을 보태고"), then a verb of putting money in."""
    from etl.extract.institutions import lookup

    if not _local_verb().match(_LISTED_AFTER.sub("", after)):
        return False
    if local_short().match(before):
        return True
    # The nearest subject the gazetteer knows, or a word for local governments in general ("17개 광역지자체는")
    # or the short form mid-sentence ("도의회에 따르면 도는 … 9780만원을 책정해"); an adnominal verb before the
    # amount ("세우는 데") is no subject.
    subjects = sorted([*KO_SUBJECT.finditer(before), *_SHORT_LOCAL.finditer(before)], key=lambda m: m.start())
    for m in reversed(subjects):
        if m.re is _SHORT_LOCAL or local_subject().search(m.group(1)):
            return True
        if (e := lookup(m.group(1))) is not None:
            return e.type == "local_government"
    return False


@cache
def local_subject() -> re.Pattern[str]:
    return re.compile(rf"{lexicon.pattern('money_local_spenders', 'subject')}$")


@cache
def _national_verb() -> re.Pattern[str]:
    # "50억원을 지원해", "7억원을 각각 댄다": a particle and one word may come first.
    verb = lexicon.pattern("money_national_spenders", "verb")
    return re.compile(rf"\s*(?:을|를)?\s*(?:[^\s,.]{{1,6}}\s+)?{verb}")


_NATIONAL_TYPES = frozenset(("government", "public_agency"))
_FROM_BODY = re.compile(
    r"\s*(?:을|를)?\s*([^\s,.]{2,20}?)(?:으로부터|로부터)\s*(?:[^\s,.]{1,6}\s+)?(?:지원\s*)?받"
)


@cache
def national_subject() -> re.Pattern[str]:
    return re.compile(rf"{lexicon.pattern('money_national_spenders', 'subject')}$")


def national_spends(before: str, after: str) -> bool:
    """True when the government, a ministry or a state agency is who puts the amount in: its name as the subject
    in the text since the amount before ("과기정통부는 … 50억원을 지원해", "KIAT는 과제마다 7억원을 댄다")."""
    from etl.extract.institutions import lookup

    # "연구용역비 5억원을 문화체육관광부로부터 지원받는다": the body the amount comes from is its payer.
    if (m := _FROM_BODY.match(after)) and (e := lookup(m.group(1))) is not None:
        return e.type in _NATIONAL_TYPES
    if not _national_verb().match(_LISTED_AFTER.sub("", after)):
        return False
    for m in reversed(list(KO_SUBJECT.finditer(before))):
        if national_subject().search(m.group(1)):
            return True
        if (e := lookup(m.group(1))) is not None:
            return e.type in _NATIONAL_TYPES
    return False


@cache
def _topic_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """A sentence that opens on a source of money as its topic ("지방비는 …", "지역개발기금은 …")."""
    terms = {
        k: [t for t in lexicon.terms("money_kind_before", k) if not t.isascii()]
        for k in ("national", "local", "private")
    }
    return [(k, re.compile(rf"^\s*{lexicon.alternation(ws)}(?:은|는)\s")) for k, ws in terms.items() if ws]


def topic_source(head: str, after: str = "") -> str | None:
    """The kind of the source a sentence is about, for its amounts that name none themselves; a city's own yearly
    budget named right before the amount is the city's ("서울시 내년 예산 51.5조원")."""
    from etl.extract.local_budgets import local_budget_before

    found = next((kind for kind, pat in _topic_patterns() if pat.match(head)), None)
    return found or ("local" if local_budget_before(head, after) else None)


@cache
def _rate_in_parens() -> re.Pattern[str]:
    return re.compile(rf"^\s*[(（]\s*{lexicon.pattern('money_rate_in_parens')}\s*$")


# "has set aside KRW 18.8 billion for AI technologies and KRW 12 billion for …": an English amount joined to the
# one before by "and" after its purpose.
_JOINED_EN = re.compile(r"^\s*(?:\([^()]{0,30}\)\s*)?(?:for|in|on|into|to)\s[^,.;()]{1,60}?\sand\s+$")


# A share's label inside the brackets: a few words and no figure ("도 ", "시 ", "과기정통부 ", "해마다 ").
_SHARE_LABEL = re.compile(r"[^()（）0-9]{0,12}")


def bracket_owner(text: str, start: int, kinds_at: dict[int, str]) -> str | None:
    """The payer kind of the amount whose brackets hold the amount at `start`, when that amount is one source's
    money (`kinds_at`: each amount's end → its kind): "지방비 약 50억 원(도 15억 원, 시 35억 원)" are shares of
    the local money, "민간 투자 1조원(A사 6000억원, B사 4000억원)" of the private. A total names no payer."""
    opened = max(text.rfind("(", 0, start), text.rfind("（", 0, start))
    if opened < 0 or max(text.rfind(")", 0, start), text.rfind("）", 0, start)) > opened:
        return None
    if not _SHARE_LABEL.fullmatch(re.split(r"[,·/]", text[opened + 1 : start])[-1]):
        return None
    kind = kinds_at.get(len(text[:opened].rstrip()))
    return kind if kind in ("national", "local", "private") else None


def shares_kind(before: str, prev_kind: str, kind: str) -> bool:
    """True when an amount of no kind (`kind` unspecified) takes the kind of the one before (`before`: the text
    between them): a yearly rate in brackets ("국비 37억 원(해마다 18.66억 원)") is a share of the same money; a
    joined English amount shares its payer (national, local or private; a total word names no payer), and so
    does a part of it ("국비 13억원 가운데 올해 6억원")."""
    if kind != "unspecified":
        return False
    if _rate_in_parens().match(before):
        return True
    return prev_kind in ("national", "local", "private") and bool(
        _JOINED_EN.match(before) or _PART_OF.match(before)
    )


# "국비 13억원 가운데 올해 6억원이 들어간다": a part of the amount right before, a few words (a year) between.
_PART_OF = re.compile(r"^\s*(?:가운데|중)\s[^,.;()0-9]{0,10}$")


@cache
def _sum_of_listed() -> re.Pattern[str]:
    """The text between the last listed figure and the source's money they are part of: "… 7억 원 등 내년도 국비
    3조원": 등, up to two short words (a year), then a source word of `money_kind_before`."""
    words = [t for k in ("national", "local", "private") for t in lexicon.terms("money_kind_before", k)]
    ko = lexicon.alternation(t for t in words if not t.isascii())
    return re.compile(rf"^\s*[)）]?\s*등\s*(?:[^\s,.()0-9]{{1,8}}\s+){{0,2}}{ko}\s*$")


# "A 10억 원과 B 7억 원 등": how one listed figure is joined to the one before it (a particle or comma, then the
# next item's name: a few words; the text between two amounts holds no figure of money).
_LISTED_JOIN = re.compile(r"^\s*[)）]?\s*(?:과|와|,|및)\s*[^,.;()]{1,30}$")


def lend_to_listed(members: list[tuple[Budget, str]], before: str, kind: str) -> None:
    """ "광주시는 A 용역 10억 원과 B 용역 7억 원 등 내년도 국비 3조3081억 원을 확보했다": figures listed right before
    `등` and one source's money (`before`: the text between them and it; `kind`: that money's kind) are parts of
    it and take its payer. `members`: the sentence's rows so far, each with the text before its amount."""
    if kind not in ("national", "local", "private") or not _sum_of_listed().match(before):
        return
    for row, joined in reversed(members):
        if row.kind == "unspecified" and row.role == "budget":
            row.kind = kind
        if not _LISTED_JOIN.match(joined):
            return


# "이들 기업이 유치한 투자금은 모두 3449억원", "the startups attracted 50 billion won": companies that attract the
# money receive it from investors the clause does not name (README second set: attracted investment is private only
# when the investors are named as companies).
_ATTRACTED = re.compile(r"유치(?:한|했|해|된|액|금)|\battract(?:ed|s)?\b")


def attracted(head: str) -> bool:
    """True when the clause before the amount says its subject attracted the money (a recipient, no payer)."""
    return bool(_ATTRACTED.search(head.rsplit(",", 1)[-1] if head.isascii() else head[-60:]))
