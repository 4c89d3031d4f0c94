"""Program names: quoted names and noun phrases ending in a program word, with English names kept."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from etl.models import Evidence, Program, Sentence

# Words that make a quoted or bare phrase a program (사업, 프로젝트, 거점 … / Project, Strategy …).
_KO_FORMS = (
    "사업",
    "프로젝트",
    "거점",
    "펀드",
    "센터",
    "전략",
    "방안",
    "계획",
    "대책",
    "뉴딜",
    "단지",
    "클러스터",
    "프로그램",
    "이니셔티브",
    "허브",
    "대학원",
    "바우처",
    "챌린지",
    "플랫폼",
    "고속도로",
    "모델",
    "특구",
    "밸리",
    "캠퍼스",
    "정상회의",
    "기본법",
    "로드맵",
)
_EN_FORMS = (
    "Project",
    "Program",
    "Programme",
    "Strategy",
    "Initiative",
    "Hub",
    "Center",
    "Centre",
    "Cluster",
    "Lab",
    "Laboratory",
    "Fund",
    "Plan",
    "Deal",
    "Highway",
    "Campus",
    "Valley",
    "Act",
    "Roadmap",
    "Voucher",
)
# Unquoted English names need a program word; facility words (Hub, Center …) name sites instead.
_EN_BARE_FORMS = frozenset(("Project", "Program", "Programme", "Strategy", "Initiative", "Lab", "Laboratory", "Fund",
                            "Plan", "Deal", "Act", "Roadmap", "Voucher"))  # fmt: skip
_QUOTE = re.compile(r"['‘\"“「『《〈]([^'’\"”」』》〉\n]{2,60}?)['’\"”」』》〉]")
_PAREN_EN = re.compile(r"^\s*\(([A-Za-z][A-Za-z0-9 .,&'’\-]{2,80})\)")
_EN_NAME = re.compile(
    r"\b((?:[A-Z][A-Za-z0-9\-’']*|AI|of|for|and|the|on|in|&)(?:\s+(?:[A-Z][A-Za-z0-9\-’']*|AI|of|for|and|the|on|in|&)){1,8})"
)
_KO_BARE = re.compile(
    r"((?:[A-Za-z0-9가-힣·\-]+\s){0,4}[A-Za-z0-9가-힣·\-]*(?:"
    + "|".join(("사업", "프로젝트", "펀드"))
    + r"))(?=[은는이가을를의에과와도로으,.\s(]|$)"
)
_SPEECH = re.compile(r"(?:다|요|죠|까|니다|습니다)[.!?]?$")
_GENERIC_HEAD = re.compile(
    r"^(?:이번|이|해당|관련|동|본|각|신규|기존|주요|전체|총|올해|내년|모든|이러한|그|정부|국가의|등|및|또는|통해)\s"
)
_URLISH = re.compile(r"https?:|www\.|\.(?:kr|com|org|net|go)\b", re.I)
# Leading words that leave too little of an English name: 'New Deal' alone names nothing.
_EN_WEAK = frozenset(("New", "This", "That", "Its", "Our", "Their", "Big", "Major", "First", "Second", "Key"))
_EN_BODIES = frozenset(
    ("Committee", "Council", "Commission", "Ministry", "Agency", "Institute", "University")
)
_NOISE_WORDS = ("개소식", "운영계획", "발표", "출범식", "기자", "보도")


@dataclass
class _Cand:
    name: str
    name_en: str | None
    sent: Sentence
    quoted: bool


def norm_key(name: str) -> str:
    """Key under which spellings of one program name meet: 인공지능→ai, no spaces or punctuation."""
    # '인공지능(AI) 국가전략' and '인공지능 국가전략' are one name: a parenthesised gloss is dropped.
    s = (
        re.sub(r"\([^)]*\)", "", name)
        .lower()
        .replace("인공지능", "ai")
        .replace("artificial intelligence", "ai")
    )
    s = re.sub(r"[\s'‘’\"“”「」『』《》〈〉()\[\]·.,:;!?\-_/&]", "", s)
    return re.sub(r"(?:사업|project|program|programme)$", "", s) or s


def extract_programs(sentences: list[Sentence], lang: str) -> list[Program]:
    """Programs named in a document, most mentioned first, with English names kept."""
    cands = [c for s in sentences for c in _candidates(s, lang)]
    merged: list[tuple[_Cand, int]] = []  # (representative, mentions)
    for c in cands:
        for i, (rep, n) in enumerate(merged):
            if _same(rep, c):
                better = (
                    rep if (rep.quoted, rep.name_en is not None) >= (c.quoted, c.name_en is not None) else c
                )
                if better.name_en is None and (c.name_en or rep.name_en):
                    better = _Cand(better.name, c.name_en or rep.name_en, better.sent, better.quoted)
                merged[i] = (better, n + 1)
                break
        else:
            merged.append((c, 1))
    # Keep bare (unquoted) phrases only if quoted ones are absent or they recur.
    quoted_any = any(rep.quoted for rep, _ in merged)
    kept = [(rep, n) for rep, n in merged if rep.quoted or not quoted_any or n > 1]
    kept.sort(key=lambda t: (-t[1], -t[0].quoted, cands.index(t[0]) if t[0] in cands else 0))
    return [
        Program(
            name=rep.name, name_en=rep.name_en, evidence=Evidence(rep.sent.text, rep.sent.start, rep.sent.end)
        )
        for rep, _ in kept
    ]


def _same(a: _Cand, b: _Cand) -> bool:
    ka, kb = norm_key(a.name), norm_key(b.name)
    if ka == kb or (a.name_en and b.name_en and norm_key(a.name_en) == norm_key(b.name_en)):
        return True
    if (a.name_en and norm_key(a.name_en) == kb) or (b.name_en and norm_key(b.name_en) == ka):
        return True
    # Within one document, a shortened spelling of the same name ('국가 AI거점') is the same program.
    return min(len(ka), len(kb)) >= 5 and fuzz.ratio(ka, kb) >= 85


def _candidates(sent: Sentence, lang: str) -> list[_Cand]:
    out: list[_Cand] = []
    text = sent.text
    for m in _QUOTE.finditer(text):
        name = m.group(1).strip()
        en_m = _PAREN_EN.match(text[m.end() :]) or _PAREN_EN.match(name[len(name) :])
        inner_en = re.match(r"^(.+?)\s*\(([A-Za-z][^()]{2,80})\)$", name)
        name_en = en_m.group(1).strip() if en_m else None
        if inner_en:
            name, name_en = inner_en.group(1).strip(), inner_en.group(2).strip()
        if name_en and _URLISH.search(name_en):
            name_en = None
        if _is_program_name(name, name_en):
            out.append(_Cand(name, name_en, sent, True))
    if lang == "en":
        out += [_Cand(n, n, sent, False) for n in _english_names(text)]
    else:
        for m in _KO_BARE.finditer(text):
            name = _trim_bare(m.group(1))
            if name and not any(norm_key(name) == norm_key(c.name) for c in out):
                out.append(_Cand(name, None, sent, False))
    return out


def _is_program_name(name: str, name_en: str | None) -> bool:
    if len(name) > 40 or _SPEECH.search(name) or any(w in name for w in _NOISE_WORDS):
        return False
    core = name.rstrip()
    if core in _KO_FORMS or core in _EN_FORMS:  # a bare '플랫폼' names nothing
        return False
    if any(core.endswith(f) for f in _KO_FORMS) or any(core.endswith(f) for f in _EN_FORMS):
        return True
    # An English name in parentheses vouches for a multi-word name ('데이터 댐'(Data Dam)), not a single
    # word such as a principle ('인간성'(Humanity)).
    return bool(name_en) and len(core.split()) >= 2


def _trim_bare(phrase: str) -> str | None:
    words = phrase.split()
    # Drop leading words that are verbs/particles-bearing, keep the noun phrase before 사업.
    while words and (
        re.search(r"(?:은|는|을|를|이|가|의|에|에서|와|과|로|으로|하는|한|할|된|되는|인)$", words[0])
    ):
        words.pop(0)
    name = " ".join(words)
    name = _GENERIC_HEAD.sub("", name + " ").strip()
    if len(name) < 6 or len(name.split()) < 2 or norm_key(name) in {"ai", "국가", "정부"}:
        return None
    return name


def _english_names(text: str) -> list[str]:
    names = []
    stop = {"the", "of", "for", "and", "on", "in", "&"}
    for m in _EN_NAME.finditer(text):
        words = m.group(1).split()
        while words and words[0].lower() in stop:
            words.pop(0)
        forms = [i for i, w in enumerate(words) if w in _EN_BARE_FORMS and i >= 1]
        if not forms:
            continue
        end = forms[0] + 1
        # "Strategy for Artificial Intelligence": a for/on/of tail belongs to the name.
        if end + 1 < len(words) and words[end] in {"for", "on", "of"} and words[end + 1][0].isupper():
            end += 2
            while end < len(words) and words[end][0].isupper() and words[end] not in {"In", "The"}:
                end += 1
        name = words[:end]
        if _EN_BODIES.intersection(name):  # 'Presidential Committee on National AI Strategy' is a body
            continue
        if len([w for w in name if w not in _EN_WEAK]) >= 2:
            names.append(" ".join(name))
    return names
