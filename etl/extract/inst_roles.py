"""Who does what: the role each institution takes from the role words of a sentence.

Coordinated mentions (과기정통부와 IITP는) share a role; a funder is the sentence's subject (or, for 정부, the ministry
announcing the document); a role word speaks of the nearest mention within a window. The role words live in
`etl/resources/lexicon/inst_role_cues.tsv`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from etl.categories import AGENCY_TYPES, InstitutionType, ParticipationRole
from etl.extract import inst_context, inst_rules
from etl.models import Sentence

if TYPE_CHECKING:
    from etl.extract.institutions import _Mention

ROLE_RANK = {
    r.value: len(ParticipationRole) - 1 - i for i, r in enumerate(ParticipationRole)
}  # lead 5 … mentioned 0
_HANGUL = re.compile(r"[가-힣]")
_SUBJECT = re.compile(r"[)\]'\"’”]*(?:\s*\([^()]{0,60}\))?(은|는|이|가|도|에서는|께서)(?![가-힣])")
_LOCATIVE = re.compile(r"[)\]'\"’”]*(?:\s*\([^()]{0,60}\))?(?:에|에서|내에?)(?![가-힣])")
_COORD = re.compile(
    r"[\s(]*|(?:\s*\([^()]{0,60}\))?[)\s]*(?:와|과|및|,|·|ㆍ|、|and|&)\s*(?:,?\s*and\s+)?(?:the\s+)?"
)
_GOVERNMENT_SUBJECT = re.compile(
    r"(?<![가-힣])정부(?:는|가|도|에서는)(?![가-힣])|\b[Tt]he (?:South )?(?:Korean )?government\b"
)
_ANNOUNCER_TYPES = (*AGENCY_TYPES, InstitutionType.LOCAL_GOVERNMENT)
# 참여하는 X, 주관기관인 X: an adnominal role word speaks of what follows it.
_ADNOMINAL = re.compile(r"[가-힣]{0,3}?(?:하는|한|할|된|되는|인)(?=\s)")
_WINDOW = 60  # a role word applies to the nearest mention at most this many characters away
_Group = list["_Mention"]  # coordinated mentions: 과기정통부와 IITP는


def groups(text: str, found: list[_Mention]) -> list[_Group]:
    """Coordinated mentions (과기정통부와 IITP는; Korea University, Yonsei University and …) share a role."""
    out: list[_Group] = []
    for m in found:
        if m.credit:
            continue
        prev = out[-1][-1] if out else None
        if prev and prev.end <= m.start and _COORD.fullmatch(text[prev.end : m.start]):
            out[-1].append(m)
        else:
            out.append([m])
    return out


def is_subject(text: str, group: _Group) -> bool:
    """Korean: the group carries a subject particle; English: it opens the sentence."""
    if not _HANGUL.search(text):
        return group[0].start <= 20  # English: the group that opens the sentence ("SEOUL -- The Ministry…")
    return bool(_SUBJECT.match(text, group[-1].end))


def announcers(sentences: list[Sentence], per_sentence: list[list[_Mention]]) -> dict[str, _Mention]:
    """Ministries and agencies that announce the document: subject of the first sentence naming one."""
    fallback: dict[str, _Mention] = {}
    for s, found in zip(sentences, per_sentence, strict=True):
        for g in groups(s.text, found):
            gov = {m.name: m for m in g if m.type in _ANNOUNCER_TYPES}
            if gov and is_subject(s.text, g):
                return gov
            if gov and not fallback:
                fallback = gov
    return fallback


def sentence_roles(s: Sentence, found: list[_Mention], announcers: dict[str, _Mention]) -> dict[str, str]:
    """Canonical name → the strongest role the role words of this sentence give it."""
    gs = groups(s.text, found)
    if not gs and not announcers:
        return {}
    spans = [(m.start, m.end) for m in found]
    subjects = [m for g in gs if is_subject(s.text, g) for m in g]
    out: dict[str, str] = {}
    for w in inst_rules.role_cues()[0].finditer(s.text):
        if any(a < w.end() and w.start() < b for a, b in spans):
            continue  # a role word inside a name (기획예산처) is no role word
        meaning = inst_rules.cue_meaning(w.group())
        if meaning == "none":
            continue  # a phrase holding a cue that is none (투자를 유치, 정부출연)
        role = "funder" if meaning == "spend" else meaning
        noted = _noted(s.text, w, found)
        for name in [noted.name] if noted else _targets(s.text, role, w, gs, subjects, announcers):
            if inst_context.not_actor().get(name) == "legislature":
                continue  # 국회 passes budgets and laws: a mention, not a funder
            if ROLE_RANK[role] > ROLE_RANK[out.get(name, "mentioned")]:
                out[name] = role
    return out


def _targets(
    text: str, role: str, w: re.Match[str], groups: list[_Group], subjects: _Group, ann: dict[str, _Mention]
) -> list[str]:
    """Who a role word speaks of: the funder is the subject (or, for 정부, the announcer); others the nearest."""
    after = _ADNOMINAL.match(text, w.end()) is not None
    nearest = _nearest([g for g in groups if g[0].start >= w.end()] if after else groups, w.start(), w.end())
    if role == "funder":
        if subjects and _HANGUL.search(text):  # an English opener may only report: "X said Y will invest"
            return [m.name for m in subjects]
        spends = inst_rules.cue_meaning(w.group()) == "spend"
        if _GOVERNMENT_SUBJECT.search(text) or (not groups and spends):
            return list(ann)  # 정부는 … 투입: the ministry or agency announcing it
    if role == "host":
        places = [g for g in groups if _LOCATIVE.match(text, g[-1].end)]
        nearest = _nearest(places, w.start(), w.end()) or [m for m in subjects] or nearest
    if role == "partner":
        nearest = nearest + subjects
    return [m.name for m in nearest]


# `충남대(주관), 공주대`: a role word alone in a short parenthesis right after a name is that name's role only.
_NOTE_OPEN = re.compile(r"\s*\(\s*$")
_NOTE_CLOSE = re.compile(r"\s*(?:기관)?\s*\)")


def _noted(text: str, w: re.Match[str], found: list[_Mention]) -> _Mention | None:
    before = text[: w.start()]
    m = _NOTE_OPEN.search(before)
    if not m or not _NOTE_CLOSE.match(text, w.end()):
        return None
    return next((x for x in found if x.end == m.start()), None)


def _nearest(groups: list[_Group], a: int, b: int) -> _Group:
    best, dist = [], _WINDOW + 1
    for g in groups:
        d = min(max(m.start - b, a - m.end, 0) for m in g)
        if d < dist:
            best, dist = g, d
    return best
