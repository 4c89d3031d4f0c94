"""Parts that add up to a whole: "먼저 디지털 뉴딜 분야에 2조8300억원을 넣는다. … 데이터댐에는 1조4642억원, 인공지능·5G
융합 부문에는 9012억원이 들어간다. 디지털콘텐츠에는 2342억원, K-사이버방역에는 2343억원을 반영했다." The amounts of
the sentences right after a program's amount that sum to it (up to rounding) are its breakdown: a part no program
of its own claims is the program's (README ruling 'Part and parent'). Used by etl/extract/tied.py.
"""

from __future__ import annotations

from etl.extract import money
from etl.models import Sentence

# A whole is written rounded ("2조8300억원" for parts that sum to 2조8339억원): the parts may differ by this share.
TOLERANCE = 0.01
# How many sentences after the whole its parts may run over, and how few parts make a breakdown.
MAX_RUN = 4
MIN_PARTS = 2


class Breakdowns:
    """The programs' amounts seen so far on one page, and the sentences whose amounts add up to one of them."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self._order = {s.start: i for i, s in enumerate(sentences)}
        self._amounts: dict[int, list[money.Amount]] = {}  # each sentence's amounts, read once
        self._wholes: list[tuple[int, int, str]] = []  # (sentence index, won, program)

    def _found(self, i: int) -> list[money.Amount]:
        if i not in self._amounts:
            self._amounts[i] = [a for a in money.find_amounts(self.sentences[i].text) if a.krw]
        return self._amounts[i]

    def _won(self, i: int) -> list[int]:
        return [a.krw for a in self._found(i) if a.krw]

    def note(self, sent: Sentence, start: int, program: str) -> None:
        """The amount at `start` of `sent` is linked to `program`."""
        i = self._order.get(sent.start)
        won = (
            next((a.krw for a in self._found(i) if a.start <= start < a.end), None) if i is not None else None
        )
        if i is not None and won:
            self._wholes.append((i, won, program))

    def parent(self, sent: Sentence) -> str | None:
        """The program whose amount the amounts of `sent` and its neighbours break down, or None."""
        i = self._order.get(sent.start)
        if i is None:
            return None
        for j, whole, program in reversed(self._wholes):  # in page order: the nearest wholes first
            if i - j > MAX_RUN:
                break
            if j >= i:
                continue
            total, parts = 0, 0
            for k in range(j + 1, min(len(self.sentences), j + 1 + MAX_RUN)):
                total, parts = total + sum(self._won(k)), parts + len(self._won(k))
                if k >= i and parts >= MIN_PARTS and abs(total - whole) <= TOLERANCE * whole:
                    return program
                if total > whole * (1 + TOLERANCE):
                    break
        return None
