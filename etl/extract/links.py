"""Which program a won amount belongs to: only the one the text ties it to.

An amount is tied to a program by (in this order) the name it is listed under (`A 사업(58억원)`,
`AI팩토리: 44개 과제, 627억원`, `고성능 컴퓨팅 지원 부문은 240억원`), the nearest program its sentence names,
a pointer back to the program the sentence before named (`이 사업에는`, `the project`), then for a budget or a
ceiling whose sentence names no program the program the sentence right before names, and last the program
the document is about (named in its title or lead) when nothing in the amount's clause makes it an envelope
(a ministry's budget, a supplementary budget, a year's AI budget). Cues live in etl/resources/lexicon/
(program_tie_cues, program_name_breaks, program_anaphora, program_envelope_cues, money_role_* `base`).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache

from etl import lexicon
from etl.extract import link_names
from etl.extract.area_lists import LIST_ITEMS, area_list, part_lead
from etl.extract.envelopes import envelope, envelope_title
from etl.extract.items_en import demonstrated, english_item, opening_pointer
from etl.extract.line_items import line_item, listed_amounts
from etl.extract.link_clauses import (
    BREAK,
    COMMA,
    WON,
    amount_end,
    clause_between,
    grouped,
    in_clause,
    named_after,
    same_clause,
    tied_ahead,
)
from etl.extract.link_lead import FULL_STOP, LEAD_MAX, LEAD_PIECE, LEAD_SENTENCES, LEAD_SHARE_EN, chrome_line
from etl.extract.list_lines import list_lead, numbered_item
from etl.extract.paragraphs import paragraph_opening
from etl.extract.parents import PARENT_GAP, child_of
from etl.extract.programs import counted_keys, names_event, norm_key, quoted_in
from etl.extract.purposes import own_purpose, purpose_after_topic, purpose_phrase
from etl.extract.title_names import title_name, title_quoted
from etl.extract.tracks import declared_tracks, opening_track
from etl.models import Evidence, Program, Sentence

# Roles that can be a program's money: its budget, a per-project ceiling, a change to it, its won restatement.
LINKED_ROLES = frozenset(("budget", "cap", "change", "conversion"))
# A change or a restatement is a program's only beside its name; a budget or a ceiling also the story's.
FALLBACK_ROLES = frozenset(("budget", "cap"))


@cache
def _cue(name: str, meaning: str | None = None) -> re.Pattern[str]:
    return re.compile(lexicon.pattern(name, meaning))


@cache
def _group() -> re.Pattern[str]:
    # "A 사업 등이 4조원 깎이고": the cue may carry a particle.
    return re.compile(
        r"(?:^|\s)" + lexicon.pattern("program_group_cues") + r"(?:이|가|은|는|을|를|에)?(?=\s|$)"
    )


class ProgramLinker:
    """Links amounts to programs for one document; line items it finds are added to `programs`."""

    def __init__(self, sentences: list[Sentence], programs: list[Program], lang: str) -> None:
        self.sentences, self.programs, self.lang = sentences, programs, lang
        self._order = {s.start: i for i, s in enumerate(sentences)}
        self._named: dict[int, list[tuple[int, str]]] = {}
        self._linked: dict[int, str] = {}  # sentence start → the program its last budget was linked to
        self._key_cache: list[tuple[str, list[str]]] = []
        # The programs the text names as such; line items added while linking are lines of a list, not programs.
        self._found = {p.name for p in programs}
        self._acronyms = link_names.acronyms(sentences, programs) if lang == "en" else []
        lines = [s for s in sentences if not chrome_line(s.text)]
        # A story about a ministry's or a year's budget lists lines of it: no line carries the sentence before.
        self._budget_story = bool(lines) and bool(envelope_title().search(lines[0].text))
        self._groups = counted_keys(s.text for s in sentences)  # "56개 X 사업": X names no one program
        self.subject = self._subject()
        self._tracks = declared_tracks(sentences) if lang == "ko" else []

    def link(self, sent: Sentence, start: int, before: str, role: str) -> str | None:
        """The program the amount at `start` of `sent` belongs to, or None."""
        if role not in LINKED_ROLES:
            return None
        listed = len(listed_amounts().findall(sent.text)) >= LIST_ITEMS
        if area_list(self.sentences, self._order.get(sent.start, 0)):
            return None
        if (lead := part_lead(self.sentences, self._order.get(sent.start, 0))) is not None:
            return self._linked.get(lead)  # a wing of a building: the money of what its lead's amount is for
        if self.lang == "ko" and (line := numbered_item(self.sentences, self._order.get(sent.start, 0))):
            return self._known(line) or self._add(line, sent)  # "① A: … 총 51억원" under "다음과 같다"
        # "…X에, 500억원은 Y에 쓰인다": the amount's purpose follows it; it is Y's only if Y is a program.
        topic = self.lang == "ko" and purpose_after_topic(sent.text, amount_end(sent.text, start))
        # A line of a mark-less list ("다음 사업들이 선정됐다." / "A 조성(111억원)"): its words up to the amount name it.
        head = list_lead(self.sentences, self._order.get(sent.start, 0)) if self.lang == "ko" else None
        if self.lang == "ko":
            item = None if topic else line_item(before, len(before) < start, listed, head is not None)
        else:
            item = english_item(before) or link_names.en_bullet(before)
        # A declared track ("△A △B 두 트랙으로") is a line of a list the text gives: a name, whatever its last word.
        opening = (f"{head} " if head else "") + sent.text[: max(0, start - len(before))]
        if link_names.unnamed(
            before, item, lambda n: self._known(n) or (n if n in self._tracks else None), opening, sent.text
        ):
            # A purpose phrase is the program's it names ("AI 바우처 운영 지원에"), else no program's.
            return next(
                (n for pos, n in reversed(self.named(sent)) if start - len(before) <= pos < start), None
            )
        if link_names.category_after(sent.text, amount_end(sent.text, start)):
            return None
        tied = self._tied(sent, start, before, role, item)
        if topic:  # "…의 가장 큰 몫인 17조원은 …에 쓰인다": a program's share, whatever its own purpose
            return tied or link_names.share_of(sent.text[:start], [p.name for p in self.programs]) or None
        if role not in FALLBACK_ROLES:
            # "예산은 7억원에서 34억원으로 27억원 올랐다": a change with no name of its own is of the budget its
            # sentence linked before it (a won restatement is of its foreign figure, which links to nothing here).
            if tied is None and role == "change":
                return self._linked.get(sent.start)
            return tied or None
        if tied is None and (track := self._track(sent, start)):
            tied = self._known(track) or self._add(track, sent)
        if tied is None and not same_clause(sent.text, start, envelope()):
            shared = link_names.shared_out(sent.text) or purpose_phrase(sent.text, start)
            tied = None if shared else self._noun(sent, start) or self._before(sent, start) or self.subject
        elif tied == "" and not same_clause(sent.text, start, envelope()):
            # "A 사업, B 사업 등 20개 사업에 4323억원" in a story about a plan: the group is the plan's.
            tied = self._group_parent(sent)
        if tied:
            self._linked[sent.start] = tied
        return tied or None

    def _track(self, sent: Sentence, start: int) -> str | None:
        """The track the amount's sentence opens with, or else the one the sentence right before opens with
        ("AI 전문기업 육성은 … 사업이다. 올해는 총 26억원을 나눠 준다") when the amount has no purpose of its own."""
        i = self._order.get(sent.start, 0)
        if track := opening_track(sent.text, self._tracks):
            return track
        if i == 0 or own_purpose(sent.text, start, amount_end(sent.text, start)):
            return None
        return opening_track(self.sentences[i - 1].text, self._tracks)

    def _noun(self, sent: Sentence, start: int) -> str | None:
        """ "… invest 2.5 trillion won and equip the center": the program named so far whose name ends in the noun;
        "Each of the projects will receive …": the program the several items are of (link_names.each_program)."""
        found = [p.name for p in self.programs if p.name in self._found]
        if each := link_names.each_program(sent.text, found, self.sentences, self.subject):
            return each
        if not link_names.has_noun_pointer(sent.text):
            return None
        seen = [n for s in self.sentences[: self._order.get(sent.start, 0) + 1] for _, n in self.named(s)]
        by_name = {p.name: p for p in self.programs}
        latest_first = [by_name[n] for n in dict.fromkeys(reversed(seen)) if n in by_name]
        return link_names.noun_pointed(sent.text, start, latest_first)

    def _group_parent(self, sent: Sentence) -> str:
        """The story's program for a group of programs the sentence names as examples, when it is none of them."""
        return self.subject if self.subject and self.subject not in {n for _, n in self.named(sent)} else ""

    def _before(self, sent: Sentence, start: int) -> str | None:
        """The program the sentence right before names last ("시가 추진하는 'X 사업'은 … . 올해 국비 80억원이
        들어간다"): nearer than the story's program. Not when the amount has a purpose of its own ("보안 분야에는
        90억원"), and not a line item added while linking: a line of a list, not a program the text goes on about."""
        i = self._order.get(sent.start, 0)
        # "That 1.5 trillion won project … . A total of 2 billion won … for its planning study": "its" (or "of that")
        # is the program the sentence before linked its amount to, whatever part of it the money is for (README 'Part
        # and parent'); an envelope's figure before ("Of that, 127.2 billion won …") is linked to nothing.
        if i == 0 or self._budget_story:
            return None
        its = next(in_clause(sent.text, start, _cue("program_anaphora", "linked_before")), None)
        if its and (prior := self._linked.get(self.sentences[i - 1].start)):
            return prior
        if own_purpose(sent.text, start, amount_end(sent.text, start)):
            return None
        # "※ ▴(A 사업) 대학 안 부지를 …": a note line glosses what the text named; it is no topic for the next.
        note = self.sentences[i - 1].text.lstrip().startswith("※")
        named = [n for _, n in self.named(self.sentences[i - 1]) if n in self._found and not note]
        # "'X 사업'의 수행기관으로 뽑혔다. 이 사업은 … 시범사업이다. 세 기관은 61억원을 들여": a pointer back names X.
        if (
            not named
            and i > 1
            and self.lang == "ko"
            and _cue("program_anaphora", "carry").search(self.sentences[i - 1].text)
        ):
            named = [n for _, n in self.named(self.sentences[i - 2]) if n in self._found]
        opening = paragraph_opening(self.sentences, i)
        return (
            named[-1] if named else ((self._known(opening) or self._add(opening, sent)) if opening else None)
        )

    def _tied(
        self, sent: Sentence, start: int, before: str, role: str, item: tuple[str, bool] | None
    ) -> str | None:
        """The program the text itself ties the amount to: its line item, a name right after it, a name
        in its sentence, or a pointer back; "" when the text says it is no single program's (a group's), None
        when nothing ties it."""
        # A meeting or a fair the amount is listed under ("보고대회에 3억원") is no program: look further.
        if item and not names_event(item[0]):
            return self._known(item[0]) or self._add(item[0], sent)
        ahead = named_after(sent.text, start)
        if ahead and not names_event(ahead):
            return self._known(ahead) or self._add(ahead, sent)
        i = self._order.get(sent.start, 0)
        prior = self.sentences[i - 1].text if i and self.lang == "en" else ""
        if that := demonstrated(sent.text, start, amount_end(sent.text, start), prior):
            return self._known(that) or self._add(that, sent)
        named = self.named(sent)
        if respective := self._respective(sent, start):
            return respective
        if named:
            prior = [(pos, n) for pos, n in named if pos < start]
            # "'A 펀드' 조성 등 … 예산은 3656억 원": the amount is a group's that A is one example of.
            if prior and grouped(sent.text, _group(), max(prior[-1][0], start - len(before)), start):
                return ""
            near = (
                prior[-1]
                if prior and not clause_between(sent.text, prior[-1][0], start, _cue("program_anaphora"))
                else None
            )
            if near and purpose_after_topic(sent.text, amount_end(sent.text, start)):
                near = None  # "…프로젝트에, 7조5,000억원은 기반 조성에 쓰인다": the amount's own purpose follows it
            ahead = [(pos, n) for pos, n in named if pos > start]
            after = ahead[0] if ahead and tied_ahead(sent.text, start, ahead[0][0]) else None
            # Both in the amount's clause: the nearer name wins ("'A 사업'을 마친 시는 80억원을 들여 'B 사업'을 연다").
            if near and after:
                gap_before = start - near[0] - len(near[1])
                return near[1] if gap_before <= after[0] - amount_end(sent.text, start) else after[1]
            if near or after:
                return (near or after)[1]
        return self._carried(sent, start) if role in FALLBACK_ROLES else None

    def _respective(self, sent: Sentence, start: int) -> str | None:
        """ "A 사업과 B 사업에 각각 93억원과 17억원", "9.3 and 1.7 billion won for A and B, respectively": as many
        amounts as programs, paired in order (lexicon/program_respective_cues.tsv)."""
        cue = _cue("program_respective_cues").search(sent.text)
        if cue is None:
            return None
        names = list(dict.fromkeys(n for _, n in self.named(sent)))
        amounts = [m.end() for m in WON.finditer(sent.text)]
        if len(names) < 2 or len(amounts) != len(names):
            return None
        return names[sum(end <= start for end in amounts)]

    def named(self, sent: Sentence) -> list[tuple[int, str]]:
        """(offset, program) for every known program named in `sent`, in order."""
        if sent.start not in self._named:
            text, where = link_names.normalised(sent.text)
            spans = []
            for name, keys in self._keys():
                key = next((k for k in keys if k in text), None)
                if key is not None:
                    at = text.find(key)
                    spans.append((where[at], where[at + len(key) - 1], name))
            # "'지역주도형 AI 대전환' 사업 예산" holds "AI 대전환 사업": a name starting inside a longer one is its words.
            found = [
                (a, n)
                for a, z, n in spans
                if not any(a0 < a <= z0 or (a0 == a and z0 > z) for a0, z0, _ in spans)
            ]
            # "KIF will now put AI first": the short form the page gave a program in brackets (link_names.acronyms).
            have = {n for _, n in found}
            for pat, n in self._acronyms:
                if n not in have and (m := pat.search(sent.text)):
                    found.append((m.start(), n))
            self._named[sent.start] = sorted(found)
        return self._named[sent.start]

    def _keys(self) -> list[tuple[str, list[str]]]:
        """Each program with the keys its names are found under (built once per program list)."""
        if len(self._key_cache) != len(self.programs):
            self._key_cache = [(p.name, link_names.program_keys(p.name, p.name_en)) for p in self.programs]
        return self._key_cache

    def _carried(self, sent: Sentence, start: int) -> str | None:
        i = self._order.get(sent.start, 0)
        pointer = _cue("program_anaphora", "carry")  # "이 가운데" (a share) points into its own sentence only
        if i == 0:
            return None
        if not (same_clause(sent.text, start, pointer) or opening_pointer(sent.text, start, pointer, BREAK)):
            # "이 사업에는 올해 129억원이 배정됐는데 내년에는 282억원을": the pointer speaks for the later amounts of
            # its clause too (up to a comma: "…편성했고, 광주시는 200억원" is another's), as its earlier one was linked.
            m = pointer.search(sent.text, 0, start)
            return self._linked.get(sent.start) if m and not COMMA.search(sent.text, m.end(), start) else None
        # "이 사업", "the project": a program of the nearest sentence before this one that names any: the one whose
        # own word the text since takes up again, else the one the pointer's noun or the sentence's topic names.
        for j in range(i - 1, -1, -1):
            if named := [n for _, n in self.named(self.sentences[j])]:
                since = " ".join(s.text for s in self.sentences[j + 1 : i]) + sent.text[:start]
                return link_names.echoed(named, since) or link_names.pointed_at(
                    pointer.findall(sent.text), named
                )
        return None

    def _known(self, name: str) -> str | None:
        # A gloss spelled out in one mention and short in another ("정보통신기술(ICT) 기자재 …" / "ICT 기자재 …
        # 사업") is one name: both keys of each side are compared.
        keys = {norm_key(name), *link_names.gloss_keys(name)}
        exact = next(
            (p.name for p in self.programs if keys & {norm_key(p.name), *link_names.gloss_keys(p.name)}), None
        )
        return exact or link_names.shortened(name, [p.name for p in self.programs if p.name in self._found])

    def _add(self, name: str, sent: Sentence) -> str | None:
        if norm_key(name) in self._groups:
            return None
        self.programs.append(Program(name=name, evidence=Evidence(sent.text, sent.start, sent.end)))
        self._named.clear()
        return name

    def _subject(self) -> str | None:
        """The program the story is about: the first named in its lead (title, subtitle, first sentence), or
        else the one whose name the lead holds a long piece of ("AI 기술실증 테스트베드" for "인공지능(AI) 기술
        실증 테스트베드 조성 사업"); when the lead names none, only the page's one program if it is quoted (a
        program named only further down beside others may be a parent, a comparison or a law: on unseen pages
        falling back to any of them credited more amounts wrongly than rightly); none when the title is about a
        ministry's budget (an envelope)."""
        lines = [s for s in self.sentences if not chrome_line(s.text)]
        # Headline lines (a title, subtitles: no full stop) come first; the lead reaches the first sentence.
        first = next((i for i, s in enumerate(lines[:LEAD_MAX]) if FULL_STOP.search(s.text)), 0)
        lead = lines[: max(LEAD_SENTENCES, first + 1)]
        if not lead or envelope_title().search(lead[0].text):
            return None
        # The title's quoted name, quoted again in the lead, before a program the lead names; not in a title that
        # speaks of a budget ("내년 예산으로 '미래산업 지도' 그린다": a theme over the budget's lines).
        budget = _cue("program_envelope_cues").search(lead[0].text)
        if (
            not self.named(lead[0])
            and not budget
            and (quoted := self._title_quoted(lines, any_programs=True))
        ):
            return quoted
        for s in lead:
            named = [
                (pos, n)
                for pos, n in self.named(s)
                if not link_names.in_passing(n, self.sentences[:LEAD_MAX])
            ]
            # "X 사업의 하나로 'Y' 공모": the story is about Y; X is its parent.
            children = [
                n for pos, n in named if not _cue("program_parent_cues").search(s.text, pos, pos + PARENT_GAP)
            ]
            # A subtitle touching a parent ("융합집적단지 조성…") of the child the story goes on to announce.
            if pick := (children or [n for _, n in named] or [None])[0] or self._loosely_named(s):
                pick = child_of(pick, self.sentences, self.named, _cue("program_parent_cues")) or pick
                return self._builder(pick, lines[:LEAD_MAX]) or pick
        return self._only_quoted(lead[0].text) or self._title_named(lead[0]) or self._title_quoted(lines)

    def _builder(self, pick: str, lead: list[Sentence]) -> str | None:
        """ "…'데이터 혁신 캠퍼스'로" above "캠퍼스를 … 개발하기 위한 '송도캠퍼스 개발사업'": a facility the title names
        is what the program the lead names builds (a part, README ruling 'Part and parent'); the story is the program's."""
        words = (
            set(re.findall(r"[가-힣]{2,}|[A-Za-z]{2,}", pick)) - {"AI"}
            if link_names.facility(pick)
            else set()
        )
        programs = (n for s in lead for _, n in self.named(s) if n != pick and n.endswith("사업"))
        return next((n for n in programs if any(w in n for w in words)), None)

    def _title_named(self, title: Sentence) -> str | None:
        """A Korean title's unquoted name ending in a program word ("제조AI센터 들어설 곳"), added as a line item
        is: the story's program, not a program the extractor names everywhere (a facility stays a site)."""
        name = title_name(title.text) if self.lang == "ko" else None
        return (self._known(name) or self._add(name, title)) if name else None

    def _title_quoted(self, lines: list[Sentence], any_programs: bool = False) -> str | None:
        """The name the title quotes and the lead quotes again (title_names.title_quoted)."""
        if (self.programs and not any_programs) or self.lang != "ko" or not lines:
            return None
        name = title_quoted(lines[0].text, [s.text for s in lines[1:LEAD_MAX]])
        return (
            (self._known(name) or self._add(name, lines[0])) if name and not names_event(name) else None
        )  # a summit is no program

    def _only_quoted(self, title: str) -> str | None:
        """The one program a Korean story names, in quotes, when its lead names none and its title speaks of no
        budget ("…올해 예산 9386억원 확정" lists lines of a budget). English pages quote strategies and laws
        beside the story's subject, so they keep to the lead."""
        if len(self.programs) != 1 or self.lang != "ko" or _cue("program_envelope_cues").search(title):
            return None
        name, parent = self.programs[0].name, _cue("program_parent_cues")
        # "이노베이션 존은 'AI 대전환 15대 선도 프로젝트'의 하나로 꼽혔다": the one program is the story's parent.
        spans = [(s.text, pos) for s in self.sentences for pos, n in self.named(s) if n == name]
        quoted = any(quoted_in(name, s.text) for s in self.sentences)
        return name if quoted and not any(parent.search(t, p, p + PARENT_GAP) for t, p in spans) else None

    def _loosely_named(self, sent: Sentence) -> str | None:
        """The program whose name shares the longest run of at least LEAD_PIECE characters with `sent`."""
        text = link_names.normalised(sent.text)[0]
        best, size = None, 0
        for name, keys in self._keys():
            for key in keys if not link_names.in_passing(name, self.sentences[:LEAD_MAX]) else ():
                run = SequenceMatcher(None, key, text, autojunk=False).find_longest_match().size
                # An English key shares whole common words ("national") with any lead: most of it must be there.
                need = max(LEAD_PIECE, round(LEAD_SHARE_EN * len(key))) if key.isascii() else LEAD_PIECE
                if run >= need and run > size:
                    best, size = name, run
        return best
