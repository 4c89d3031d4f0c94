"""A name an amount is listed under that is a shortened or lengthened spelling of a program the page names
("AI 학습용 데이터 3000억원" for 'AI 학습용 데이터 구축 사업'): the amount is that program's, as
etl/extract/programs.py merges such spellings into one program. Used by etl/extract/links.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from etl import lexicon
from etl.extract.built_names import built_facility
from etl.extract.link_clauses import in_clause
from etl.extract.program_sorts import category_name, counted_group
from etl.extract.programs import MIN_CONTAINED_KEY, norm_key
from etl.extract.programs_en import lower_name
from etl.extract.purposes import purpose_before
from etl.models import Program, Sentence

# A number in a key says which phase, version or round it is ('닥터앤서 1.0' is not '닥터앤서 2.0').
_NUMBER = re.compile(r"\d+")


def shortened(name: str, programs: list[str]) -> str | None:
    """The first of `programs` whose key holds the key of `name`, both at least
    MIN_CONTAINED_KEY long and with the same numbers; None when there is none. Only a shortening: a longer
    listed name ("지금 초거대 제조AI 선도사업") may be a line of the program, not the program."""
    key = norm_key(name)
    if len(key) < MIN_CONTAINED_KEY:
        return None
    for program in programs:
        other = norm_key(program)
        if len(other) < MIN_CONTAINED_KEY or _NUMBER.findall(other) != _NUMBER.findall(key):
            continue
        if key in other:
            return program
    return None


# The words of an English list line's name: capitalised words and the small words between them.
_EN_TITLE_WORDS = r"[A-Z][\w\-’']*(?:\s+(?:[A-Z][\w\-’']*|of|for|and|the|an?|in|on|to|&))*"


@cache
def _en_bullet() -> re.Pattern[str]:
    return re.compile(rf"^\s*[▲△■□•◦▪*\-]\s*({_EN_TITLE_WORDS})\s*\(\s*(?:about\s+|KRW\s*)?$")


def en_bullet(before: str) -> tuple[str, bool] | None:
    """ "▲ Expansion of the Livestock Manure Public Treatment Facility (KRW 9.4 billion)": a bullet line whose
    capitalised name is followed by its amount in brackets lists that name's money (etl/extract/items_en.py
    reads the lines with other marks and any words)."""
    m = _en_bullet().match(before)
    return (m.group(1).strip(), True) if m else None


def shared_out(text: str) -> bool:
    """True when the sentence shares money out among purposes it names ("관제체계 구축과 서버 이중화에는 각각
    30억원", a tie cue right before 각각): its amounts are those purposes', not the story's program's. A payer
    before 각각 ("KIAT는 과제마다 7억원을, 혁신청은 … 각각 댄다") shares out nothing."""
    cue = _respective().search(text)
    return bool(cue) and purpose_before(text, cue.start())


@cache
def _respective() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_respective_cues", "respective"))


# A Korean word with its English short form in brackets: "소프트웨어(SW)", "도심항공교통(UAM)".
_GLOSSED_WORD = re.compile(r"[가-힣]+\s*\(([A-Z][A-Za-z0-9&\-]{1,9})\)")


def program_keys(name: str, name_en: str | None) -> list[str]:
    """The keys a program is found under in a sentence: its name's, its English name's, its glossed forms'."""
    kept = norm_key(_KO_BRACKET.sub(r"\1", name))  # "AI (시)제품 제작 지원" is found as "AI 시제품 제작 지원"
    built = norm_key(built_facility(name) or "")  # "X 특화단지 조성사업" is found as "X 특화단지" too
    keys = (norm_key(name), norm_key(name_en or ""), *gloss_keys(name), kept, built)
    return [k for k in dict.fromkeys(keys) if k]


# A short Korean piece in brackets glued to the word after it is part of that word ("(시)제품": a prototype or a product), not a gloss that
# the key drops: the sentence is searched with the brackets dropped and the piece kept.
_KO_BRACKET = re.compile(r"(?<![가-힣])\(([가-힣]{1,2})\)(?=[가-힣])")


def gloss_keys(name: str) -> list[str]:
    """Keys of `name` spelled with its bracketed short forms in place of the words they gloss ("SW 미래채움
    사업" for '소프트웨어(SW) 미래채움 사업'): a page that gave the gloss once goes on with the short form."""
    short = _GLOSSED_WORD.sub(lambda m: m.group(1), name)
    return [norm_key(short)] if short != name else []


@cache
def _purpose_tail() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_purpose_tails", "purpose") + "$")


def purpose_name(name: str) -> bool:
    """True when `name` ends in a purpose word, glued or not ("핵심기술개발", "원천기술 개발"), not right after a
    `built` word (lexicon/program_purpose_tails.tsv): "센터 구축" is a program word of the README rule ("혁신센터 구축"); "백신허브 구축", "플랫폼 구축" in
    running prose are purpose phrases as the rulings read them."""
    tail = _purpose_tail().search(name)
    return bool(tail) and not name[: tail.start()].rstrip().endswith(_built_words())


@cache
def _built_words() -> tuple[str, ...]:
    return tuple(lexicon.terms("program_purpose_tails", "built"))


@cache
def _tie_after() -> re.Pattern[str]:
    cues = [*lexicon.terms("program_tie_cues", "after"), *lexicon.terms("program_tie_cues", "list")]
    # A bracket holding the amount ("재해위험지역 정비(116억원)") lists the phrase in running prose as well.
    # So does a year mark in brackets before the figures ("양자시뮬레이터 개발 ('23 신규) 76억원").
    return re.compile(
        r"\s*(?:"
        + lexicon.alternation(c for c in cues if c != ":")
        + r"|\(\s*[^()]{0,12}$|"
        + _YEAR_MARK
        + ")"
    )


_YEAR_MARK = r"\(\s*'\d\d[^()]{0,10}\)"
_YEAR_AFTER = re.compile(r"\s*" + _YEAR_MARK)  # a year mark right after a phrase
# A bracketed item of the sentence named as a project ("실증지원사업('22) 41 → ('23) 125억원"): its siblings are lines
# of a list of projects too.
_PROJECT_SIBLING = re.compile(lexicon.pattern("program_forms", "bare") + rf"\s*(?:{_YEAR_MARK}|\(\s*[0-9])")


@cache
def _area_tie() -> re.Pattern[str]:
    return re.compile(r"['’\"”」』]?\s*" + lexicon.pattern("program_area_cues", "tie"))


# A quote or a list mark right before the phrase: the text gives it as a name or as a line of a list.
_GIVEN = re.compile(rf"[{lexicon.char_class('list_marks', 'line', 'inline', 'arrow')}'‘\"“「『]\s*$")


@cache
def _naming_lead() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_list_heads", "lead"))


_SUCH_AS = re.compile(r"\S\s+같은\s+$")
# The amount in a bracket right after the phrase: "A 구축(47억원)".
_BRACKETED = re.compile(r"\s*\(\s*[^()]{0,12}$")


def purpose_item(before: str, name: str, opening: str = "", sentence: str = "") -> bool:
    """True when the name an amount is listed under is a spending area ("X 분야에는", lexicon/program_area_cues.tsv
    `tie`) or, in running prose, by a tie cue or a bracket around the
    amount, ends in a word that says what the money does ("정보통신 기반보호 강화에 67억원", "재해위험지역
    정비(116억원)": lexicon/program_purpose_tails.tsv): a purpose phrase, not a program. Quoted, or a line of a
    list ("▲클라우드 기반 솔루션 개발(32억원)"), it is given as a name; so is a bracketed item of a sentence that
    names its items as projects ("새로 생기는 사업으로는 A 구축(47억원), B 지원(45억원) 등이 있다", "세부 사업으로는 A에 65억원":
    program_list_heads `lead`, looked for in `opening`, the sentence before `before`), not one of a spending
    enumeration with no such lead ("부처는 A 구축에 47억원, B에 …을 쓴다")."""
    at = before.rfind(name)
    # "X 분야에는", "'X' 부문은": a spending area, even quoted (README ruling 'Purpose words are not program words').
    if at >= 0 and _area_tie().match(before, at + len(name)):
        return True
    # "테스트베드와 데이터 레이크 같은 DPG 혁신서비스에": a kind the examples before it are of, not a name.
    if at > 0 and _SUCH_AS.search(before, 0, at):
        return True
    if at < 0 or _GIVEN.search(before, 0, at) or not purpose_name(name):
        return False
    bracketed = _BRACKETED.match(before, at + len(name)) or _YEAR_AFTER.match(before, at + len(name))
    if _naming_lead().search(opening + before[:at]) or (bracketed and _PROJECT_SIBLING.search(sentence)):
        return False
    # "지역사랑상품권 발행 556억원, 청년월세 특별지원 39억원 등": a bare amount after the phrase in a prose enumeration
    # (a Korean purpose word: "한계도전 R&D 117억원" names a line of R&D).
    bare = name[-1:] >= "가" and not before[at + len(name) :].strip() and bool(_ENUMERATED.search(sentence))
    return bare or bool(_tie_after().match(before, at + len(name)))


# A figure of won followed by a comma (its bracket may come between): the sentence enumerates amounts.
_ENUMERATED = re.compile(r"\d\s*(?:조|억|만|천)\s*원?\s*(?:\([^()]{0,20}\))?\s*,")


@cache
def _category_before() -> re.Pattern[str]:
    head = lexicon.pattern("program_category_heads", "category")
    word = lexicon.pattern("program_forms", "bare")
    cue = lexicon.pattern("program_tie_cues", "after")
    return re.compile(rf"(?:^|\s|\d개){head}\s*{word}\s*(?:\(\s*(?:총|약)?\s*|{cue}\s*)$")


def category_before(before: str) -> bool:
    """True when the amount is listed right under a sort of undertaking ("예비타당성조사 사업(3000억원 정도)",
    "신규사업에는 761억원"): the money of an unnamed undertaking, not of the story's program."""
    return bool(_category_before().search(before))


@cache
def _sized() -> re.Pattern[str]:
    bare = lexicon.pattern("program_forms", "bare")
    # Words of the clause only (no bracket, comma or stop); "…국가사업으로 커질" says what the program grows into.
    word = r"[^\s,.;()]"
    return re.compile(rf"\s*(?:대|규모(?:의|인)?)?\s*((?:{word}+\s+){{0,3}}?{word}*?{bare})(?!\s*으?로)")


def category_after(text: str, end: int) -> bool:
    """True when the amount ending at `end` sizes a sort of undertaking right after it ("1조 원대 본사업의 공모",
    "5000억~1조원대 AI 대전환 국책사업에서": lexicon/program_category_heads.tsv): an unnamed one's money."""
    m = _sized().match(text, end)
    return bool(m) and (category_name(m.group(1)) or counted_group(m.group(1), text[:end]))


@cache
def _area_before() -> re.Pattern[str]:
    kind = lexicon.pattern("money_kind_before")
    time = r"(?:(?:19|20)\d\d년도?|내년|올해|\d+\s*년간)"
    return re.compile(_area_tie().pattern + rf"\s*(?:{time}\s*)?(?:{kind}\s*)?(?:총|약|모두)?\s*$")


def area_before(before: str) -> bool:
    """True when the amount is listed right under a spending area ("반도체 분야에 200억원", "보안 부문에는 내년
    120억원": lexicon/program_area_cues.tsv `tie`), whatever the words before the cue."""
    return bool(_area_before().search(before))


def unnamed(
    before: str,
    item: tuple[str, bool] | None,
    known: Callable[[str], str | None],
    opening: str = "",
    sentence: str = "",
) -> bool:
    """The amount is listed under a sort of undertaking ("예비타당성조사 사업(3000억원)"), a spending area ("데이터
    산업 분야에 200억원") or a purpose phrase ("정보통신 기반보호 강화에 67억원") that `known` finds no program of the page
    by: no program's money."""
    # A one-word area ("AI 분야에 5.7조") may be a part of the story's program: not ruled out here.
    if item is None:
        return category_before(before)
    return known(item[0]) is None and (
        purpose_item(before, item[0], opening, sentence) or area_before(before)
    )


def in_passing(name: str, lead: list[Sentence]) -> bool:
    """A lower-case English name the lead does not quote ('the data voucher project'): mentioned in passing, not
    the story's subject; a quoted one ('the "2026 AI-centered universities project."') is named on purpose."""
    opened = re.compile(r"['‘\"“]\s*" + re.escape(name))
    return lower_name(name) and not any(opened.search(s.text) for s in lead)


def pointed_at(pointers: list[str], names: list[str]) -> str:
    """Which of `names` (one sentence's programs, in order) a pointer back refers to: the first whose name ends
    in the pointer's own noun ("the project" → "… Project", "이 사업" → "… 사업"), else the first, the sentence's
    topic ("'A 사업'은 'B 센터'를 짓는다. 이 사업에는 …": A; after a list, "△A △B이 꼽혔다": A)."""
    nouns = [p.split()[-1].lower() for p in pointers if " " in p]
    for noun in nouns:
        if match := next((n for n in names if re.search(re.escape(noun) + r"\w{0,2}$", n.lower())), None):
            return match
    return names[0]


# A word that tells one listed program from the others: a Hangul or Latin run of at least this many letters.
ECHO_MIN = 4
_ECHO_WORD = re.compile(rf"[가-힣]{{{ECHO_MIN},}}|[A-Za-z][A-Za-z\-]{{{ECHO_MIN - 1},}}")


def echoed(names: list[str], since: str) -> str | None:
    """Of several programs one sentence named, the one whose own word the text since then takes up again
    ("△모바일 주민등록증 확대 △클라우드 네이티브 전환이 꼽혔다. 주민등록증도 스마트폰에 담는다. 이 사업에는
    129억원"): what the pointer back speaks of. None when no word, or words of more than one, come back."""
    since = since.replace("인공지능", "AI")  # a word every AI program shares tells none apart
    words = {
        n: set(_ECHO_WORD.findall(_GLOSS_EN.sub("", n).replace("인공지능", "AI")))
        for n in dict.fromkeys(names)
    }
    shared = {w for n, ws in words.items() for w in ws if sum(w in o for o in words.values()) > 1}
    hits = [n for n, ws in words.items() if any(w in since for w in ws - shared)]
    return hits[0] if len(hits) == 1 else None


_GLOSS_EN = re.compile(r"\([^()]*\)")


@cache
def _noun_pointer() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_noun_pointers", "noun"), re.IGNORECASE)


def has_noun_pointer(text: str) -> bool:
    """True when `text` holds a pointer back by a name's head noun ("the center", "이 센터")."""
    return bool(_noun_pointer().search(text))


def noun_pointed(text: str, start: int, programs: list[Program]) -> str | None:
    """The program a pointer by a name's head noun in the amount's clause refers to ("… invest 2.5 trillion won
    and equip the center": lexicon/program_noun_pointers.tsv): the first of `programs` (those named before, the
    most recently named first) whose Korean or English name ends in that noun; None when none does."""
    for m in in_clause(text, start, _noun_pointer(), _CLAUSE_BREAK):
        noun = m.group().split()[-1].lower()
        for p in programs:
            if any(n and n.lower().rstrip(" .").endswith(noun) for n in (p.name, p.name_en)):
                return p.name
    return None


# A clause break between a pointer and the amount: a stop, a semicolon or a comma outside a number.
_CLAUSE_BREAK = re.compile(r"[.;。]|,(?![0-9])")


@cache
def _facility() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("site_heads") + r"$")


def facility(name: str) -> bool:
    """A name ending in a facility head (lexicon/site_heads.tsv: 캠퍼스, 허브, 센터, Campus …)."""
    return bool(_facility().search(name))


# A run of the characters kept when a name is looked for in a sentence (as in programs.norm_key).
_KEPT_RUN = re.compile(r"[^\s'‘’\"“”「」『』《》〈〉()\[\]·.,:;!?\-_/&]+")
_GLOSS = re.compile(r"\([A-Za-z][^()]{0,30}\)")  # "(i-SMR)", "(AI)": an English gloss inside a name


def normalised(text: str) -> tuple[str, list[int]]:
    """`text` lowered, 인공지능→ai, glosses and punctuation dropped, with each kept piece's offset.

    Run by run: a gloss's brackets are dropped characters, so a kept run is inside a gloss or outside it."""
    glosses = [(m.start(), m.end()) for m in _GLOSS.finditer(text)] if "(" in text else []
    pieces: list[str] = []
    where: list[int] = []
    for m in _KEPT_RUN.finditer(text):
        start, run = m.start(), m.group()
        if glosses and any(a < start < z for a, z in glosses):
            continue
        low = run.lower()
        if len(low) == len(run) and "인공지능" not in run:
            pieces.append(low)
            where += range(start, start + len(run))
            continue
        i = 0
        while i < len(run):  # the rare run: 인공지능 in it, or a letter whose lower case is longer
            if run.startswith("인공지능", i):
                piece, size = "ai", 4
            else:
                piece, size = run[i].lower(), 1
            pieces.append(piece)
            where += [start + i] * len(piece)
            i += size
    return "".join(pieces), where


@cache
def _share_of() -> re.Pattern[str]:
    # "추진방안의 가장 큰 몫인", "추진방안 예산의 일부인": a word of a program's name, then a share word, right
    # before the amount (lexicon/program_share_words.tsv).
    share = lexicon.pattern("program_share_words", "share")
    return re.compile(
        rf"([가-힣A-Za-z0-9]{{2,}})(?:\s+예산)?의\s+(?:[^\s,.]+\s+){{0,3}}{share}(?:인|으로)?\s*$"
    )


def share_of(before: str, names: list[str]) -> str | None:
    """The program of `names` whose name has the word a share before the amount is of ("추진방안의 가장 큰 몫인
    17조원은 …에 쓰인다" in a story about '반도체 생태계 종합지원 추진방안'); None when there is no such share."""
    m = _share_of().search(before)
    if m is None:
        return None
    return next((n for n in names if m.group(1) in n.split()), None)


@cache
def _each() -> re.Pattern[str]:
    return re.compile(r"^\W*" + lexicon.pattern("program_anaphora", "each") + r"\b")


def each_program(text: str, names: list[str], page: list[Sentence], subject: str | None) -> str | None:
    """ "Each of the pilot projects selected that day will receive 5.5 billion won", "Each will get 3 billion won a
    year": one value said of the several items a program selected (a sentence opening with program_anaphora.tsv
    `each`) is that program's (README: one value said of several, the subject's program): of `names` (the page's
    programs) the one the text also writes in the plural, the class the items are of ("one of its 'Regional
    Innovation Mega Projects'"), else the story's `subject`, else the page's one program; None when the sentence
    does not open so."""
    if not _each().match(text):
        return None
    page_text = " ".join(s.text for s in page)
    plural = [n for n in names if n[-1:].isalpha() and re.search(re.escape(n) + r"s\b", page_text)]
    if plural or subject:
        return plural[0] if plural else subject
    return names[0] if len(names) == 1 else None


def acronyms(sentences: list[Sentence], programs: list[Program]) -> list[tuple[re.Pattern[str], str]]:
    """ "the Korea IT Fund (KIF)": the short form an English page gives a program in brackets right after its name,
    as a whole-word pattern, with the program: "KIF will now put AI first" names it again."""
    text = "\n".join(s.text for s in sentences)
    out = []
    for p in programs:
        for m in re.finditer(re.escape(p.name) + r"\s*\(([A-Z][A-Z0-9&\-]{1,9})\)", text):
            out.append((re.compile(rf"(?<![\w\-]){re.escape(m.group(1))}(?![\w\-])"), p.name))
    return list({pat.pattern: (pat, n) for pat, n in out}.values())
