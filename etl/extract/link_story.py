"""The one program a story is about, for the total it states without naming it again.

"An amount in an article about one program, with nothing else tied to it, is that program's when the sentence speaks
of the program's money" (tests/fixtures/realworld/README.md, Rulings on program): "애초 과기부는 6년 동안 모두 2조
5천억원을 들여 …", "The government plans to invest a total of 22.5 billion won from 2026 to 2029." A story that
names no program in its lead has no subject (etl/extract/links.py), so such a total stays unlinked there; this pass,
run once every amount of the page is linked, gives it the page's one program: the one every linked amount went
to, or, when none is linked, the one program the text names as such. The text must have named that program
before it speaks of the total (a reference back), and no statement of the figure may give it a purpose of its
own or make it an envelope. The total's split in the same sentence ("모두 90억원(국비 45억원, 지방비 45억원)을
들여") goes with it. Used by etl/extract/document.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import pairwise

from etl import lexicon
from etl.extract import money
from etl.extract.envelopes import envelope
from etl.extract.link_lead import chrome_line
from etl.extract.link_names import category_before, normalised, shared_out
from etl.extract.programs_en import lower_name
from etl.extract.purposes import own_purpose
from etl.models import Budget, Sentence

# Amounts linked to one program, on a page that names others too, that make it the page's one program.
MIN_LINKED = 2
# The payer kinds a total's split names ("국비 45억원, 지방비 45억원", "16 billion won of national funds").
_SHARES = frozenset(("national", "local", "private"))
# Rounded shares ("약 228억원과 … 약 51억원 등 모두 279억원") add up to their total to within this share of it.
SPLIT_SLACK = 0.02
# The words a title must share with the end of the program's name ("IT Fund" of "Korea IT Fund").
TITLE_WORDS = 2
Named = Callable[[Sentence], list[tuple[int, str]]]


def story_program(
    budgets: list[Budget], named: list[str], found: list[str] | None = None
) -> tuple[str | None, bool]:
    """The page's one program: the one every linked amount is tied to, or, with none linked, the only one of
    `named` (the programs the text names as such); and whether amounts are linked to it (else a total is its
    only when the text named it before). A program the text names only in passing (`found`: "the smart farm
    project", a lower-case name) is the page's one when MIN_LINKED amounts are linked to it and to nothing else."""
    linked = [b.program for b in budgets if b.program]
    if len(set(linked)) > 1 or (linked and linked[0] not in named):
        if len(set(linked)) == 1 and len(linked) >= MIN_LINKED and linked[0] in (found or ()):
            return linked[0], True
        return None, False
    if len(linked) >= MIN_LINKED:
        return linked[0], True
    # One amount linked on a page that names several programs is too little to say what the page is about.
    return (named[0] if len(named) == 1 and (not linked or linked[0] == named[0]) else None), False


def settle_totals(
    budgets: list[Budget],
    story: tuple[str | None, bool],
    sentences: list[Sentence],
    named: Named,
    programs: list[str] | None = None,
) -> None:
    """Link to the `story` program every unlinked budget total (kind `total`, an exact figure) that the text
    states in no statement with a purpose of its own or as an envelope, and, unless amounts are linked to the
    program, after naming it; and the unlinked payer shares stated in the same sentence. With no story program
    and no amount linked, a total stated after the first of `programs` is named and before any other is, and
    split by payers in a sentence stating it, is the first's (the one program the text has named so far: "… '밸류체인 디지털화 선도 R&D 사업'에 착수한다. … 모두
    279억원이 들어간다", its parts named further down)."""
    program, linked = story
    until: int | None = None
    if program is None and programs and not any(b.program for b in budgets):
        program, until = _first_named(sentences, named, programs)
    if program is None:
        return
    titled = _in_title(program, sentences)
    stated: list[tuple[Sentence, list[money.Amount]]] | None = None  # each sentence's amounts, read once
    for b in budgets:
        # Any budget of a story whose title names the program (its last words): "…steer IT fund into AI" above
        # "the Korea IT Fund (KIF)"; else only a total, a figure a page about anything may state.
        if (
            b.program
            or b.role != "budget"
            or (b.kind != "total" and not titled)
            or b.bound not in ("exact", "between")
        ):
            continue
        if b.evidence is None or b.table_cell is not None:
            continue
        if stated is None:
            stated = [(s, money.find_amounts(s.text)) for s in sentences]
        if not _the_programs(b, program, stated, named, linked, until is not None):
            continue
        if until is not None and any(
            s.start >= until for s, amounts in stated for a in amounts if a.krw == b.amount_krw
        ):
            continue
        # The split stated beside the figure, in any sentence that states it ("국비 약 228억원과 민간 … 모두 279억원").
        starts = {s.start for s, amounts in stated if any(a.krw == b.amount_krw for a in amounts)}
        if until is not None and not _split_into_shares(b, budgets, starts):
            continue  # on a page naming several programs, only a program's budget split by payers is taken
        b.program = program
        for share in budgets:
            same = share.evidence is not None and share.evidence.start in starts | {b.evidence.start}
            # "민간 자체 투자 약 51억원 등 모두 279억원": a private share is the companies' own investment, still a
            # part of the program's total.
            role_ok = share.role == "budget" or (share.role == "investment" and share.kind == "private")
            if same and share.program is None and role_ok and share.kind in _SHARES:
                share.program = program


def _split_into_shares(total: Budget, budgets: list[Budget], starts: set[int]) -> bool:
    """Payer shares stated in a sentence stating `total` add up to it (to within SPLIT_SLACK)."""
    shares = [
        b.amount_krw
        for b in budgets
        if b.kind in _SHARES and b.evidence is not None and b.evidence.start in starts and b.amount_krw
    ]
    size = total.amount_krw or 0
    return len(shares) >= 2 and abs(sum(shares) - size) <= SPLIT_SLACK * size


def _first_named(
    sentences: list[Sentence], named: Named, programs: list[str]
) -> tuple[str | None, int | None]:
    """The first of `programs` the text names, and where the first sentence naming another one starts."""
    first: str | None = None
    for s in sentences:
        here = [n for _, n in named(s) if n in programs]
        if first is None and here:
            first = here[0]
        if first is not None and any(n != first for n in here):
            return first, s.start
    return first, None


def _in_title(program: str, sentences: list[Sentence]) -> bool:
    """The page's title (its first line that is no site chrome) holds the program name's last TITLE_WORDS words,
    or a lower-case name's own words ("smart farm" of "the smart farm project")."""
    title = normalised(next((s.text for s in sentences if not chrome_line(s.text)), ""))[0]
    words = program.split()
    if len(words) > TITLE_WORDS and normalised(" ".join(words[-TITLE_WORDS:]))[0] in title:
        return True
    return bool(own := _own_words(program)) and own in title


def _own_words(program: str) -> str:
    """A lower-case English name's words before its program word, normalised ("smartfarm" of "smart farm
    project"), when there are at least TITLE_WORDS of them; else ""."""
    words = program.split()
    if not lower_name(program) or len(words) <= TITLE_WORDS:
        return ""
    return normalised(" ".join(words[:-1]))[0]


def _the_programs(
    b: Budget,
    program: str,
    stated: list[tuple[Sentence, list[money.Amount]]],
    named: Named,
    linked: bool,
    first_mode: bool = False,
) -> bool:
    """Every sentence stating the figure gives it no purpose of its own and no envelope, and one of them comes
    after the program is named (in an earlier sentence, or before the figure in its own)."""
    seen, after_name, own = False, False, _own_words(program)
    for s, amounts in stated:
        names = [pos for pos, n in named(s) if n == program]
        for a in amounts:
            if a.krw != b.amount_krw:
                continue
            # "put 386.7 billion won into developing smart farms": a purpose in the program's own words is its; a
            # title or lead stating the figure before the text names the program describes it by what it is for.
            here = seen or any(pos < a.start for pos in names)
            purpose = own_purpose(s.text, a.start, a.end) and not (own and own in normalised(s.text)[0])
            purpose = purpose and (here or not first_mode)
            if purpose or envelope().search(s.text) or shared_out(s.text):
                return False
            if category_before(
                s.text[: a.start]
            ):  # "16개 신규사업(총 761억 원)": a group's, not the program's
                return False
            after_name = after_name or seen or any(pos < a.start for pos in names)
        seen = seen or bool(names)
    return after_name or linked


@cache
def _part_of() -> re.Pattern[str]:
    # "The arrangement forms part of the larger X program": a sentence opening with what the one before described.
    cue = lexicon.pattern("program_part_of", "en")
    return re.compile(rf"^\W*(?:The|This|That|It)\b[^.,;]{{0,40}}?\s{cue}\s")


def parts_named_after(budgets: list[Budget], sentences: list[Sentence], named: Named) -> None:
    """ "… a total of 6.15 billion won has been set aside … . The arrangement forms part of the larger X program.":
    the unlinked budgets of the sentence before go to the program named after the cue (README ruling 'Part and
    parent': an unnamed part's money is its parent program's)."""
    for before, s in pairwise(sentences):
        if (m := _part_of().match(s.text)) is None:
            continue
        parent = next((n for pos, n in named(s) if pos >= m.end()), None)
        if parent is None:
            continue
        for b in budgets:
            here = b.evidence is not None and b.evidence.start == before.start and b.table_cell is None
            if here and b.program is None and b.role in ("budget", "cap"):
                b.program = parent
