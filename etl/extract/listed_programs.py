"""Items a sentence lists and then calls programs: "A, B, C 등 3개 사업에 쓰인다", "△A △B가 핵심 사업으로 꼽혔다".

The words after the list (lexicon/program_list_heads.tsv: `count` after a number of items, `head` after the
last item) say what the items are: each is a program the text names, though it ends in no program word
("혜택알리미 서비스 구축", "디지털 전환 지원"). The linker ties an amount to such a name only in the amount's own
sentence (ProgramLinker.also_tied).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from etl import lexicon
from etl.extract.list_leads import LIST_MARKS
from etl.models import Evidence, Program, Sentence
from etl.normalize import program_key

# A listed item is a name of at most this many words ("ICT 창업기업 멘토링 지원" has 4); a longer run is a clause.
MAX_ITEM_WORDS = 6
# A list has at least two items: one item before "등 1개 사업" is no list.
MIN_ITEMS = 2
# A particle closing the last item before the head ("…전환이 핵심 사업으로") or the item before 등.
_PARTICLE = re.compile(r"\s*(?:이|가|을|를|과|와|등)\s*$")
# A word ending in a topic, object or place particle opens the clause a comma list starts in ("이번 추경은 A, B
# 등"): the first item begins after it.
_OPENER = re.compile(r"(?:은|는|을|를|에서|에는|으로는)$")
_MONEY = re.compile(r"\d\s*(?:조|억|만|천)?\s*원")


@cache
def _head() -> re.Pattern[str]:
    count = lexicon.pattern("program_list_heads", "count")
    head = lexicon.pattern("program_list_heads", "head")
    # "A, B 등 2개 사업"; "△A △B가 핵심 사업으로" (the particle closes the list: "혁신신약 같은 혁신성장 핵심 사업은"
    # calls one area, not a list, a key business).
    return re.compile(rf"\s*등\s*\d+\s*{count}|(?:이|가|을|를)\s+{head}")


@cache
def _marks() -> re.Pattern[str]:
    return re.compile(f"[{lexicon.char_class(LIST_MARKS, 'inline', 'arrow')}]")


def _items(before: str) -> list[str]:
    """The items of the list that ends where `before` ends."""
    marks = list(_marks().finditer(before))
    if len(marks) >= MIN_ITEMS:
        items = [before[m.end() : n.start()] for m, n in pairwise(marks)]
        items.append(before[marks[-1].end() :])
    else:
        # The clause the list is in: after a sentence break or a line's label ("▷연구개발: A, B 등 20개 사업").
        clause = re.split(r"[.!?]\s|…|:", _marks().sub(" ", before))[-1]
        items = clause.split(",")
        words = items[0].split()
        opener = max((i + 1 for i, w in enumerate(words) if _OPENER.search(w)), default=0)
        items[0] = " ".join(words[opener:])
    items = [_PARTICLE.sub("", i).strip() for i in items]
    ok = all(0 < len(i.split()) <= MAX_ITEM_WORDS and not _MONEY.search(i) for i in items)
    return items if ok and len(items) >= MIN_ITEMS else []


def listed_programs(sentences: list[Sentence], programs: list[Program]) -> list[Program]:
    """Programs the sentences list as such that `programs` does not already name."""
    known = {program_key(p.name) for p in programs}
    out: list[Program] = []
    for sent in sentences:
        for m in _head().finditer(sent.text):
            for item in _items(sent.text[: m.start()]):
                if (key := program_key(item)) and key not in known:
                    known.add(key)
                    out.append(Program(name=item, evidence=Evidence(sent.text, sent.start, sent.end)))
    return out


# A later sentence names a listed item in other words ("클라우드 네이티브로 전환하는 데" for "클라우드 네이티브 전환",
# "ICT 창업기업에 대한 멘토링을" for "ICT 창업기업 멘토링 지원"): each word of the item, in order, opens a word of the
# sentence (a particle or an ending may follow), with at most this many other words between two of them.
LOOSE_GAP = 2
# An item needs this many words to be found loosely: one word ("데이터") is in too many sentences.
LOOSE_MIN_WORDS = 2
_GLOSS = re.compile(r"\([^()]*\)")


@cache
def _loose(name: str) -> re.Pattern[str] | None:
    words = _GLOSS.sub("", name).split()
    # "디지털 전환 지원": a last word the list's items share (lexicon/program_list_heads.tsv `tail`) may be left out.
    if len(words) > LOOSE_MIN_WORDS and re.fullmatch(
        lexicon.pattern("program_list_heads", "tail"), words[-1]
    ):
        words = words[:-1]
    if len(words) < LOOSE_MIN_WORDS:
        return None
    gap = rf"\S*(?:\s+\S+){{0,{LOOSE_GAP}}}?\s+"
    return re.compile(r"(?<!\S)" + gap.join(re.escape(w) for w in words))


def loosely_at(name: str, text: str) -> int | None:
    """Where `text` names the listed item `name` in other words, or None."""
    pattern = _loose(name)
    m = pattern.search(text) if pattern else None
    return m.start() if m else None
