"""A ProgramLinker that also knows programs an amount's own sentence may name but the story is not about.

Programs the catalogue lists (catalogued.py) and items a sentence lists as programs (listed_programs.py) tie an
amount named beside them; they never become the story's program nor the sentence before's (a strategy named in
a lead would take every amount of the page). A listed item is also found in other words ("클라우드 네이티브로
전환하는 데" for the item "클라우드 네이티브 전환", listed_programs.loosely_at). A budget no name ties that is a
part of a program's amount the sentences before state (the parts add up to it) is that program's (breakdowns.py).
"""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.extract.breakdowns import Breakdowns
from etl.extract.link_clauses import same_clause
from etl.extract.link_names import in_passing, pointed_at
from etl.extract.links import LEAD_MAX, ProgramLinker
from etl.extract.list_lines import line_head
from etl.extract.listed_programs import loosely_at
from etl.extract.prose_lines import prose_line
from etl.models import Program, Sentence

# Roles whose amount is no money of a program's own (a company's own investment, an economic effect, a market) and
# yet may be about one (README ruling 'The link of any role'): linked only to a program the text named as such,
# named before the amount in its clause or pointed back to there ("도는 이 사업으로 … 560억 원 규모의 생산 유발 효과").
ABOUT_ROLES = frozenset(("investment", "other", "market"))
# Another topic between the name and the amount: the amount is that topic's ("이 기업들은 매출 …").
_TOPIC = re.compile(r"[가-힣A-Za-z)'’\"”](?:은|는)\s")
# A phrase the text calls a 사업 (a program) somewhere is one wherever else it stands; a short one ("AI 지원") is
# a sort, not a name.
CALLED_MIN = 8
_CALLED = re.compile(r"\s*사업(?:을|를|은|는|이|가|에|의|으로|도)?\s")
_WON = re.compile(r"[0-9]\s*(?:조|억|만|천)?\s*(?:원|won\b)")


@cache
def _pointer() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_anaphora", "carry"))


class TiedLinker(ProgramLinker):
    def __init__(self, sentences: list[Sentence], programs: list[Program], lang: str) -> None:
        self._loose: frozenset[str] = frozenset()
        self._loose_done: set[int] = set()
        self._uncalled: set[str] = set()  # phrases the text never calls a 사업
        self._parts = Breakdowns(sentences)
        super().__init__(sentences, programs, lang)

    def link(self, sent: Sentence, start: int, before: str, role: str) -> str | None:
        if role in ABOUT_ROLES:
            return self._about(sent, start)
        got = super().link(sent, start, before, role)
        # A marked line's head ("① A: … 288억원") is nearer than the story's program.
        if (
            got
            and got == self.subject
            and (head := line_head(self.sentences, self._order.get(sent.start, 0)))
        ):
            got = self._known(head) or self._add(head, sent) or got
        # "A 플랜트에 7억 원, B 팩토리에 5억 원": a line of a prose enumeration, not a name the text gives (prose_lines).
        if got and self.lang == "ko" and got not in self._found and prose_line(sent.text, before, got):
            got = None
        if got is None and role == "budget":
            got = self._parts.parent(sent)
        if got:
            self._parts.note(sent, start, got)
        return got

    def _known(self, name: str) -> str | None:
        """A known program, or a phrase the text calls a 사업 elsewhere ("… 상용화 지원에 200억원" and "… 상용화 지원
        사업을 제대로 수행하기 위해"): README ruling 'Purpose words are not program words' (a name the text gives)."""
        got = super()._known(name)
        if got or self.lang != "ko" or len(name.replace(" ", "")) < CALLED_MIN or name in self._uncalled:
            return got
        for s in self.sentences:
            at = s.text.find(name)
            if at >= 0 and _CALLED.match(s.text, at + len(name)):
                return self._add(name, s)
        self._uncalled.add(name)
        return None

    def _about(self, sent: Sentence, start: int) -> str | None:
        """The program an amount of ABOUT_ROLES is about: the nearest named before it with no other amount
        and no other topic ("서울 AI 허브는 … 이 기업들은 매출 4042억원") between, else the one a pointer back ("이 사업",
        "the project") refers to, in the amount's clause or before it with no other amount between; never a line item."""
        named = [(pos, n) for pos, n in self.named(sent) if pos < start and n in self._found]
        pointer = _pointer()
        if named:
            pos, name = named[-1]
            if not _WON.search(sent.text, pos, start) and not _TOPIC.search(
                sent.text, pos + len(name), start
            ):
                return name
        m = next(pointer.finditer(sent.text, 0, start), None)
        if not (same_clause(sent.text, start, pointer) or (m and not _WON.search(sent.text, m.end(), start))):
            return None
        i = self._order.get(sent.start, 0)
        for prior in reversed(self.sentences[:i]):
            if named := [n for _, n in self.named(prior) if n in self._found]:
                return pointed_at(pointer.findall(sent.text), named)
        return None

    def also_tied(self, programs: list[Program], loose: frozenset[str] = frozenset()) -> None:
        """Add `programs` after the story's program is chosen; those in `loose` are also found in other words."""
        self.programs.extend(programs)
        self._loose, self._loose_done = loose, set()
        self._named.clear()

    def named_programs(self) -> list[str]:
        """The programs the text names as such (not line items added while linking, nor programs named in passing)."""
        lead = self.sentences[:LEAD_MAX]
        return [p.name for p in self.programs if p.name in self._found and not in_passing(p.name, lead)]

    def found_programs(self) -> list[str]:
        """Every program the text names, those named in passing ("the smart farm project") included."""
        return [p.name for p in self.programs if p.name in self._found]

    def named(self, sent: Sentence) -> list[tuple[int, str]]:
        found = super().named(sent)
        if self._loose and sent.start not in self._loose_done:
            self._loose_done.add(sent.start)
            have = {n for _, n in found}
            for name in self._loose - have:
                if (pos := loosely_at(name, sent.text)) is not None:
                    found.append((pos, name))
            found.sort()
        return found
