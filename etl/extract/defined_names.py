"""Program names a Korean text defines: "스마트시티 국가 시범도시는 … 선도 모델을 만드는 사업이다" gives its topic as a
program's name, whatever its last word (README ruling 'Purpose words are not program words': the text calls it a
사업). Not a pointer back ("이 사업은 …"), a share ("이 가운데 3개는 …") or a clause ("늘어난 예산의 핵심은 …").
Used by etl/extract/document.py."""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.extract.programs import norm_key
from etl.models import Evidence, Program, Sentence

DEFINED = "program_defined"


@cache
def _defines() -> re.Pattern[str]:
    # The sentence ends by calling its topic a program ("…하는 사업이다", "…의 핵심사업이다", "… 시범사업이다"):
    # a `head` word of `program_defined.tsv`.
    return re.compile(rf"{lexicon.pattern(DEFINED, 'head')}이다[.。]?\s*$")


# The topic: one to MAX_WORDS words from the sentence's start, the last carrying 은 or 는.
MAX_WORDS = 5
_TOPIC = re.compile(
    rf"^\s*((?:[가-힣A-Za-z0-9·\-]+\s+){{0,{MAX_WORDS - 1}}}[가-힣A-Za-z0-9·\-]+?)(?:은|는)\s"
)


@cache
def _not_a_name() -> re.Pattern[str]:
    # A topic that opens with a pointer, a count or a modifier (`not_name` of `program_defined.tsv`) names nothing
    # of its own.
    return re.compile(rf"^{lexicon.pattern(DEFINED, 'not_name')}(?:\s|$)|\d")


# A word inside the topic that ends like a verb or carries a particle is a clause, not a name.
_CLAUSE_WORD = re.compile(r"(?:[한된난던운은을를]|에서|으로|하고|에는|에게)$")


def defined_programs(sentences: list[Sentence], programs: list[Program]) -> list[Program]:
    """Programs the text defines as such ("X는 … 사업이다") that `programs` does not hold yet."""
    known = {norm_key(p.name) for p in programs}
    out: list[Program] = []
    for s in sentences:
        if not _defines().search(s.text) or (m := _TOPIC.match(s.text)) is None:
            continue
        name = m.group(1).strip()
        words = name.split()
        if _not_a_name().search(name) or any(_CLAUSE_WORD.search(w) for w in words[:-1]) or len(name) < 4:
            continue
        key = norm_key(name)
        if not key or any(key in k or k in key for k in known):
            continue
        known.add(key)
        out.append(Program(name=name, evidence=Evidence(s.text, s.start, s.end)))
    return out
