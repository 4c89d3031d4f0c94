"""Program names: quoted names and noun phrases ending in a program word, with English names kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from etl import lexicon, program_catalog
from etl.extract.program_sorts import category_name, counted, counted_keys
from etl.extract.programs_en import english_names, lower_names, lower_words, proper_names
from etl.models import Evidence, Program, Sentence
from etl.nlp import inflected, word_tags
from etl.normalize import program_key

# Program words come from lexicon/program_forms.tsv: `quoted` words end a quoted program name (사업, 거점,
# Strategy, Hub …), `bare` words end an unquoted Korean one, `en_bare` an unquoted English one (facility words
# such as Hub or Center name sites there), `after` words may follow the closing quote ("the 'X' program").


@cache
def program_words(meaning: str) -> tuple[str, ...]:
    return tuple(lexicon.terms("program_forms", meaning))


_QUOTE = re.compile(r"['‘\"“「『《〈]([^'’\"”」』》〉\n]{2,90}?)['’\"”」』》〉]")
_PAREN_EN = re.compile(r"^\s*\(([A-Za-z][A-Za-z0-9 .,&'’\-]{2,80})\)")
# A one-word quoted name followed by a program word ("'스마트시티' 사업", "'라이즈' 사업") names a program when it is this long.
SINGLE_WORD_NAME = 3


# Words a bare name may have before the one holding its program word: five ("생활밀접형 AI 응용 제품 개발 사업");
# the words are trimmed back to the first particle or verb ending anyway (_trim_bare).
BARE_WORDS = 5


@cache
def _ko_bare() -> re.Pattern[str]:
    # A word may carry an English gloss ("초거대 인공지능(AI) 활용 지원 사업"): the key drops it again.
    word = r"[A-Za-z0-9가-힣·\-&]+(?:\([A-Za-z]{1,12}\))?"
    return re.compile(
        rf"((?:{word}\s){{0,{BARE_WORDS}}}[A-Za-z0-9가-힣·\-&]*"
        + lexicon.pattern("program_forms", "bare")
        + ")"
        + _PARTICLE_NEXT
    )


# After a program word: a particle, a space or punctuation ("사업에", "사업 "), never more of a word ("사업단").
_PARTICLE_NEXT = r"(?=[은는이가을를의에과와도로으,.\s(]|$)"

# A quote that ends a sentence, or holds a won figure as its subject or object ("…에 308억원을 투자할 계획"), is speech.
_SPEECH = re.compile(r"(?:다|요|죠|까|니다|습니다)[.!?]?$|\d\s*(?:조|억|만)?\s*원(?:을|를|이|가)\s")


@cache
def _form_after() -> re.Pattern[str]:
    """ "the 'AI-focused university' program", "'AI일상화 확산' 사업": the program word after the quote."""
    return re.compile(r"\s*" + lexicon.pattern("program_forms", "after") + _PARTICLE_NEXT)


# "2025년 지역 주도형 AI 대전환 공모사업": the year says which round, it is not part of the name.
_YEAR_LEAD = re.compile(r"^(?:19|20)\d\d년도?\s+")
_YEAR_WORD = re.compile(r"^(?:19|20)\d\d년도?$")
_URLISH = re.compile(r"https?:|www\.|\.(?:kr|com|org|net|go)\b", re.I)
# Also from program_forms.tsv: `en_weak` leading words that leave too little of an English name ('New Deal'
# alone names nothing), `en_body` words that make an English name a body, `noise` words that make a quote an
# event or a byline ('… 개소식', '… 운영계획').


@dataclass
class _Cand:
    name: str
    name_en: str | None
    sent: Sentence
    quoted: bool


def quoted_in(name: str, text: str) -> bool:
    """True when `text` gives `name` in quotes."""
    return bool(re.search(r"['‘\"“「『《〈]\s*" + re.escape(name) + r"\s*['’\"”」』》〉]", text))


def norm_key(name: str) -> str:
    """The program key of `name` (etl.normalize.program_key), kept under the name extraction code uses."""
    return program_key(name)


def extract_programs(sentences: list[Sentence], lang: str) -> list[Program]:
    """Programs named in a document, most mentioned first, with English names kept."""
    cands = [c for s in sentences for c in _candidates(s, lang)]
    merged: list[tuple[_Cand, int]] = []  # (representative, mentions)
    for c in cands:
        for i, (rep, n) in enumerate(merged):
            if _same(rep, c):
                better = rep if _rank(rep) >= _rank(c) else c
                if better.name_en is None and (c.name_en or rep.name_en):
                    better = _Cand(better.name, c.name_en or rep.name_en, better.sent, better.quoted)
                merged[i] = (better, n + 1)
                break
        else:
            merged.append((c, 1))
    # Keep bare (unquoted) phrases only if quoted ones are absent, they recur, or their sentence carries a won
    # figure ("데이터 가공바우처 지원사업은 과제당 7000만원씩"). An English name the programs catalogue lists is
    # kept too ('the Korean New Deal' beside a quoted "data dam").
    quoted_any, groups = any(r.quoted for r, _ in merged), counted_keys(s.text for s in sentences)
    kept = [
        (rep, n)
        for rep, n in merged
        if (rep.quoted or norm_key(rep.name) not in groups)  # "56개 X 사업" elsewhere: X is a group
        and (
            rep.quoted
            or not quoted_any
            or n > 1
            or _catalogued_en(rep.name)
            or _with_won(rep.sent.text)
            or _topic_before_won(rep, sentences)
        )
    ]
    kept.sort(key=lambda t: (-t[1], -t[0].quoted, cands.index(t[0]) if t[0] in cands else 0))
    out = [
        Program(
            name=rep.name, name_en=rep.name_en, evidence=Evidence(rep.sent.text, rep.sent.start, rep.sent.end)
        )
        for rep, _ in kept
    ]
    return out + _other_versions(out, sentences)


def _other_versions(programs: list[Program], sentences: list[Sentence]) -> list[Program]:
    """ "'닥터앤서 1.0' 사업 … '닥터앤서 2.0' 개발": a quoted name that differs from a program's only in its version
    or phase number is a program too, with no program word of its own."""
    shapes = {_NUMBER.sub("#", norm_key(p.name)) for p in programs if _NUMBER.search(norm_key(p.name))}
    seen = {norm_key(p.name) for p in programs}
    out = []
    for s in sentences:
        for m in _QUOTE.finditer(s.text):
            name, key = m.group(1).strip(), norm_key(m.group(1))
            if key not in seen and _NUMBER.sub("#", key) in shapes:
                seen.add(key)
                out.append(Program(name=name, evidence=Evidence(s.text, s.start, s.end)))
    return out


# A key this long (after 인공지능→ai and spaces dropped) inside another key means one program: 'AI 연구거점'
# (ai연구거점, 7) in '국가 AI 연구거점'. Shorter keys ('ai허브', 5) are too common to say so.
MIN_CONTAINED_KEY = 6


def _rank(c: _Cand) -> tuple[bool, bool, int]:
    """Which spelling names a merged program: a quoted one, with an English name, the fullest."""
    return (c.quoted, c.name_en is not None, len(norm_key(c.name)))


# A number in a name says which phase, version or round it is ('1단계 사업', '닥터앤서 2.0').
_NUMBER = re.compile(r"\d+")


def _same(a: _Cand, b: _Cand) -> bool:
    ka, kb = norm_key(a.name), norm_key(b.name)
    na, nb = _NUMBER.findall(ka), _NUMBER.findall(kb)
    if na and nb and na != nb:  # '제조 AI 1단계 사업' and '제조 AI 2단계 사업' are two programs
        return False
    if ka == kb or (a.name_en and b.name_en and norm_key(a.name_en) == norm_key(b.name_en)):
        return True
    if (a.name_en and norm_key(a.name_en) == kb) or (b.name_en and norm_key(b.name_en) == ka):
        return True
    # Within one document, a shortened spelling of the same name ('국가 AI거점') is the same program, and so is
    # a name said in full once and shortened elsewhere ('AI 연구거점' inside '국가 AI 연구거점').
    short, long_ = sorted((ka, kb), key=len)
    if len(short) >= MIN_CONTAINED_KEY and short in long_:
        return True
    return min(len(ka), len(kb)) >= 5 and fuzz.ratio(ka, kb) >= 85


def _candidates(sent: Sentence, lang: str) -> list[_Cand]:
    out: list[_Cand] = []
    text = sent.text
    for m in _QUOTE.finditer(text):
        name = m.group(1).strip().rstrip(".,")  # "… project.": a full stop inside the quotes
        en_m = _PAREN_EN.match(text[m.end() :]) or _PAREN_EN.match(name[len(name) :])
        inner_en = re.match(r"^(.+?)\s*\(([A-Za-z][^()]{2,80})\)$", name)
        name_en = en_m.group(1).strip() if en_m else None
        if inner_en:
            name, name_en = inner_en.group(1).strip(), inner_en.group(2).strip()
        name = _YEAR_LEAD.sub("", name)
        if name_en and _URLISH.search(name_en):
            name_en = None
        if names_event(name):
            continue
        long_enough = len(name.split()) >= 2 or len(name) >= SINGLE_WORD_NAME
        if _is_program_name(name, name_en) or (_form_after().match(text, m.end()) and long_enough):
            out.append(_Cand(name, name_en, sent, True))
    if lang == "en":
        out += [_Cand(n, n, sent, False) for n in english_names(text) if not names_event(n)]
        # "the AI content production support project": a name written without capitals.
        known = {norm_key(c.name) for c in out}
        out += [_Cand(n, n, sent, False) for n in lower_names(text) if norm_key(n) not in known]
        known = {norm_key(c.name) for c in out}
        out += [_Cand(n, n, sent, False) for n in proper_names(text) if norm_key(n) not in known]
    else:
        for m in _ko_bare().finditer(text):
            name = _trim_bare(_YEAR_LEAD.sub("", m.group(1)))
            if name and counted(text, m.start(1) + m.group(1).rfind(name), m.end(1)):
                continue  # "56개 지방 디지털 혁신 사업", "공동 연구개발 사업 7개": several projects, not one's name
            if name and not names_event(name) and not any(norm_key(name) == norm_key(c.name) for c in out):
                out.append(_Cand(name, None, sent, False))
    return out


def _with_won(text: str) -> bool:
    """True when the sentence states an amount of won."""
    from etl.extract.money import find_amounts

    return any(a.krw for a in find_amounts(text))


def _topic_before_won(c: _Cand, sentences: list[Sentence]) -> bool:
    """ "AI 바우처 지원 사업은 … 돕는다. 선정된 기업은 최대 3억원까지 받는다": a bare name that opens its sentence as
    its topic (은/는), with a won figure in the sentence right after, which goes on about it."""
    i = next((i for i, s in enumerate(sentences) if s.start == c.sent.start), len(sentences))
    opens = re.match(re.escape(c.name) + r"(?:은|는)\s", c.sent.text.lstrip())
    return bool(opens) and i + 1 < len(sentences) and _with_won(sentences[i + 1].text)


def _catalogued_en(name: str) -> bool:
    """An English name (no trailing punctuation) that etl/resources/programs.tsv lists."""
    return name.isascii() and name[-1:].isalnum() and program_catalog.find(name) is not None


# The longest quoted name: 40 characters in Korean; English spells the same name in about twice as many.
MAX_NAME = 40
MAX_NAME_EN = 90


def _is_program_name(name: str, name_en: str | None) -> bool:
    # An English name the programs catalogue lists is a program's, whatever word it ends in (the quoted forms
    # are Korean words): '"AI Semiconductor Industry Development Strategy" was adopted'.
    if _catalogued_en(name):
        return True
    if len(name) > (MAX_NAME_EN if name.isascii() else MAX_NAME) or _SPEECH.search(name) or _noisy(name):
        return False
    if names_event(name):
        return False
    # A quote that opens with a determiner and has a topic inside is a clause someone said ('이번 사업은 …
    # 지원사업'), not a name; '지역의 미래를 여는 … 프로젝트' (an adnominal 여는) stays a name.
    words = name.split()
    if generic_words().fullmatch(words[0]) and any(_topic().search(w) for w in words[1:-1]):
        return False
    core = name.rstrip()
    if core in program_words("quoted"):  # a bare '플랫폼' names nothing
        return False
    if any(core.endswith(f) for f in program_words("quoted")):
        return True
    # '"2026 AI-centered universities project"': a lower-case project word ends a quoted English name too (a
    # lower-case facility word does not: "the second semiconductor production hub" is a place).
    if core.isascii() and core.split()[-1] in lower_words("form"):
        return True
    # "'산·학·연 연계 기술개발'에 28억원": a purpose phrase the text gives as a name, in quotes, of two words or more;
    # not a quoted headline clause holding a figure ("…지역마다 63억원 지원").
    if core.endswith(program_words("quoted_purpose")) and len(core.split()) >= 2:
        return not _FIGURE_IN.search(core)
    # An English name in parentheses vouches for a multi-word name ('데이터 댐'(Data Dam)), not a single
    # word such as a principle ('인간성'(Humanity)).
    return bool(name_en) and len(core.split()) >= 2


_FIGURE_IN = re.compile(r"\d|…")


def _noisy(name: str) -> bool:
    """A word of the name ends in a noise word ('… 운영계획', '홍길동 기자'); inside a word it is no noise
    ('연구 기자재 공동활용 사업' holds 기자)."""
    return any(w.strip("'’\",.").endswith(program_words("noise")) for w in name.split())


@cache
def _event_head() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_event_heads") + r"[\s'’\"”.,)]*$")


def names_event(name: str) -> bool:
    """True when `name` names a meeting, ceremony or fair, not a program: it ends in an event head
    (lexicon/program_event_heads.tsv: '2025 지역 AI 혁신 보고대회', 'AI 서울 정상회의', 'AI Seoul Summit')."""
    return bool(_event_head().search(name))


@cache
def _topic() -> re.Pattern[str]:
    return re.compile(r"[가-힣]" + lexicon.pattern("program_name_breaks", "topic") + "$")


def _trim_bare(phrase: str) -> str | None:
    # The name is the run of words before the program word that carry no particle or verb ending: walking
    # back from the end, '가운데 3개는 이미 하던 사업' stops at 하던 and leaves too little to be a name.
    words = phrase.split()
    keep = [words.pop()]
    while words and not breaks_name(words[-1]):
        keep.insert(0, words.pop())
    return _named_enough(keep)


def _named_enough(words: list[str]) -> str | None:
    """The words as a name once leading generic words (이번, 주요, AI …) are dropped; None if too little is left:
    fewer than two words, or fewer than MIN_BARE_NAME characters."""
    generic = generic_words()
    while words and (
        generic.fullmatch(words[0])
        or _FIGURE_WORD.match(words[0])
        or _YEAR_WORD.match(words[0])  # "그러나 2023년 AI 학습용 데이터 구축사업": which year, not the name
        or PARTICLE_START.match(words[0])
        or _owner().fullmatch(words[0])  # "과기부 공모사업": whose call it is, not its name
    ):
        words = words[1:]
    name = " ".join(words)
    if words and category_name(name):
        return None  # "1조원대 AI 대전환 국책사업", "16개 신규사업": a sort of undertaking, not its name
    if len(words) == 1 and _glued_name(name):
        return name  # "모태펀드 출자 예산": a fund is named by one word glued to 펀드
    return name if len(words) >= 2 and len(name) >= MIN_BARE_NAME else None


# A word glued to a `glued` program word (program_forms.tsv) names a program when this long: 모태펀드 (4), not
# 새펀드 or 이펀드 (3), which a determiner or an adjective makes.
MIN_GLUED_NAME = 4
# A `glued_long` program word (사업) glued to a word names a program only with a front this long: a compound of
# three or more nouns ("산업혁신기반구축사업", front 8); shorter fronts are kinds of work ("연구개발사업",
# "기술개발사업", "인력양성사업", front 4) or calls ("공모사업", "시범사업").
MIN_GLUED_LONG_FRONT = 6


def _glued_name(word: str) -> bool:
    """One word glued to a program word that makes a name on its own (모태펀드, 국민안전산업펀드,
    산업혁신기반구축사업), its front no generic word (AI펀드, 신규펀드 name nothing)."""
    for meaning, least in (("glued", 2), ("glued_long", MIN_GLUED_LONG_FRONT)):
        for form in program_words(meaning):
            front = word.removesuffix(form)
            if front != word and len(word) >= MIN_GLUED_NAME and re.fullmatch(rf"[가-힣]{{{least},}}", front):
                return not generic_words().fullmatch(front)
    return False


@cache
def _owner() -> re.Pattern[str]:
    from etl.extract.roles import owners

    return re.compile(owners())


# A figure before a name in a title ("389억 피지컬AI 실증사업 마무리") is the program's money, not its name.
_FIGURE_WORD = re.compile(r"^\d[\d,.]*(?:조|억|만|천)*원?$")
# '산업 육성 사업' (8) names something; 'AI 사업' (5) or '신규 사업' do not.
MIN_BARE_NAME = 6


@cache
def generic_words() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_name_breaks", "generic"))


def breaks_name(word: str) -> bool:
    """True when `word` cannot stand inside a program name: a particle or verb ending, or a stop word. A word
    that only looks like it ends in one ('지역혁신엔진' in 진, '특성화고' in 고) but that Kiwi reads as nouns alone
    stands inside a name."""
    stops, endings = _break_patterns()
    if stops.fullmatch(word) or inflected(word):
        return True
    if _ending().search(word):
        return not _nouns_only(word)
    return bool(endings.search(word))


# Kiwi tags of a word that is nouns alone: common and proper nouns, foreign letters, numbers, noun affixes.
_NOUN_TAGS = ("NN", "SL", "SN", "SH", "XSN", "XPN")


def _nouns_only(word: str) -> bool:
    tags = word_tags(word)
    return bool(tags) and all(t.startswith(_NOUN_TAGS) for t in tags)


@cache
def _ending() -> re.Pattern[str]:
    return re.compile(r"\S" + lexicon.pattern("program_name_breaks", "ending") + "$")


@cache
def _break_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    stops = re.compile(lexicon.pattern("program_name_breaks", "stop"))
    # A closing bracket or quote with a particle after it ("(45억원)과") ends a name as well.
    endings = re.compile(
        r"\S" + lexicon.pattern("program_name_breaks", "ending") + r"$|[,…'‘’\"“”:]$|^\d+개$"
    )
    return stops, endings


# A name starts with a word, not with the particle of a word before it ("에 앞으로 4년간", "의 핵심인 …").
PARTICLE_START = re.compile(r"^(?:에|의|밖에|에서|으로|로|와|과|을|를|은|는|이|가)(?:\s|$)")
