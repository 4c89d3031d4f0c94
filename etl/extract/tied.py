"""A ProgramLinker that also knows programs an amount's own sentence may name but the story is not about.

Programs the catalogue lists (catalogued.py) and items a sentence lists as programs (listed_programs.py) tie an
amount named beside them; they never become the story's program nor the sentence before's (a strategy named in
a lead would take every amount of the page). A listed item is also found in other words ("클라우드 네이티브로
전환하는 데" for the item "클라우드 네이티브 전환", listed_programs.loosely_at). A budget no name ties that is a
part of a program's amount the sentences before state (the parts add up to it) is that program's (breakdowns.py).
"""

from __future__ import annotations

from etl.extract.breakdowns import Breakdowns
from etl.extract.link_names import in_passing
from etl.extract.links import LEAD_MAX, ProgramLinker
from etl.extract.list_lines import line_head
from etl.extract.listed_programs import loosely_at
from etl.extract.prose_lines import prose_line
from etl.models import Program, Sentence


class TiedLinker(ProgramLinker):
    def __init__(self, sentences: list[Sentence], programs: list[Program], lang: str) -> None:
        self._loose: frozenset[str] = frozenset()
        self._loose_done: set[int] = set()
        self._parts = Breakdowns(sentences)
        super().__init__(sentences, programs, lang)

    def link(self, sent: Sentence, start: int, before: str, role: str) -> str | None:
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
