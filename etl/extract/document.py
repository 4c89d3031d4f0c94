"""One Document in, its Facts out: every extractor in a fixed order. Pure: no I/O beyond cached gazetteers."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from etl.extract import dates
from etl.extract.budgets import extract_budgets
from etl.extract.catalogued import catalogued_programs
from etl.extract.countries import HOME, extract_countries, home_named, named_at_home
from etl.extract.defined_names import defined_programs
from etl.extract.institutions import extract_institutions
from etl.extract.link_areas import areas_of_programs
from etl.extract.link_makeup import makeup_lines
from etl.extract.link_story import parts_named_after, settle_totals, story_program
from etl.extract.link_sums import sums_of_parts
from etl.extract.listed_programs import listed_programs
from etl.extract.programs import extract_programs, norm_key
from etl.extract.restated import follow_exact
from etl.extract.sites import extract_sites
from etl.extract.tables import extract_tables, merge_table_budgets
from etl.extract.tied import TiedLinker
from etl.models import Budget, Document, Facts, Institution, Program, Sentence
from etl.nlp import split_sentences


def extract_document(doc: Document) -> Facts:
    """Run every extractor over one document, in a fixed order."""
    # 1. Segment: sentences with exact spans in doc.text.
    sentences = split_sentences(doc.text)
    # 2. Publication date: reader metadata first, else the byline.
    published = doc.published_on or dates.find_published_date(doc.text)
    doc = replace(doc, published_on=published)
    # 3. Programs, and which program each sentence speaks of.
    # "과기정통부는 6일 K-글로벌 프로젝트의 …": the dateline's day before a bare name is not part of it.
    programs = [_undated(p) for p in extract_programs(sentences, doc.lang)]
    if doc.lang == "ko":
        programs += defined_programs(sentences, programs)  # "X는 … 사업이다"
    program_at = _program_by_sentence(sentences, programs)
    _set_periods(programs, sentences, program_at, published)
    # 4. Money (each amount linked to the program the text ties it to), institutions, sites, countries.
    # A line item the linker adds (a line of a list: "- Building the AX Demonstration Valley (… 600 billion won)")
    # names what the money is for, not a program: a facility it names is still a site.
    # An English centre the text names as a program ("the AI Convergence District Knowledge Industry Center") is
    # also the facility it builds.
    named_programs = {p.name for p in programs if not _CENTRE.search(p.name)}
    linker = TiedLinker(sentences, programs, doc.lang)
    listed = listed_programs(sentences, programs)
    linker.also_tied(catalogued_programs(sentences, programs) + listed, frozenset(p.name for p in listed))
    budgets = extract_budgets(sentences, published, linker.link)
    if linker.subject is None:
        named = linker.named_programs()
        parts_named_after(budgets, sentences, linker.named)
        settle_totals(
            budgets, story_program(budgets, named, linker.found_programs()), sentences, linker.named, named
        )
    areas_of_programs(budgets, sentences, linker.named)
    makeup_lines(budgets, sentences, linker.named)
    sums_of_parts(budgets)
    follow_exact(budgets)
    # 5. Tables: one row per money cell; a prose figure the table states again is kept once.
    table_rows = extract_tables(doc.text, doc.tables)
    _link_table_programs(table_rows, programs)
    budgets = merge_table_budgets(budgets, table_rows)
    _periods_from_budgets(programs, budgets, published)
    institutions = extract_institutions(doc.text, sentences)
    sites = extract_sites(doc.text, sentences, published, named_programs)
    countries = extract_countries(sentences)
    partners = _with_foreign_actors(countries.partners, institutions)
    return Facts(
        document=doc,
        programs=programs,
        budgets=budgets,
        institutions=institutions,
        sites=sites,
        countries=partners,
        countries_mentioned=[c for c in countries.mentioned if c not in partners],
        country_evidence=countries.evidence,
    )


# Roles in which a foreign institution makes its country a participant (a body only mentioned does not).
_ACTING_ROLES = frozenset(("lead", "host", "participant", "funder", "partner"))


_CENTRE = re.compile(r"\bCent(?:er|re)$")
_DAY = re.compile(r"^(?:[1-9]|[12][0-9]|3[01])일\s+(?=\S)")
# What must be left of a name without its day: more than a program word ("20일 사업" stays as it was).
UNDATED_MIN = 4


def _undated(program: Program) -> Program:
    name = _DAY.sub("", program.name)
    return replace(program, name=name) if name != program.name and len(name) >= UNDATED_MIN else program


def _with_foreign_actors(partners: list[str], institutions: list[Institution]) -> list[str]:
    """Partner countries plus the country of every foreign institution that takes part."""
    out = list(partners)
    for inst in institutions:
        if inst.role not in _ACTING_ROLES or not inst.country or inst.country in (HOME, *out):
            continue
        if inst.evidence and named_at_home(inst.evidence.text, inst.country):
            continue  # "In China, … Alibaba will invest": a foreign body acting in its own country
        if inst.evidence and not _this_side_in(inst.evidence.text, institutions):
            continue  # "Nvidia will invest $5 billion in Intel": foreign bodies acting among themselves
        out.append(inst.country)
    return out


def _this_side_in(text: str, institutions: list[Institution]) -> bool:
    """The sentence names this side: a Korean institution of the document, Korea, or a home word (국내, 우리)."""
    ours = [i for i in institutions if i.country == HOME or (i.country is None and not i.name.isascii())]
    if any(any(a in text for a in i.aliases_seen) for i in ours):  # a Hangul name found by its form is ours
        return True
    return home_named(text)


def _link_table_programs(rows: list[Budget], programs: list[Program]) -> None:
    """A table's row header names the program briefly ('AI 집적단지'): link it to the document's program
    whose name holds it, or, when the table has one program and the document one, to that program."""
    keys = [(p.name, norm_key(p.name)) for p in programs]
    labels = {b.program for b in rows if b.program}
    for b in rows:
        if not b.program or any(b.program == name for name, _ in keys):
            continue
        label = norm_key(b.program)
        match = next((name for name, k in keys if label and (label in k or k in label)), None)
        if match is None and len(labels) == 1 and len(programs) == 1:
            match = programs[0].name
        b.program = match or b.program


def _program_by_sentence(sentences: list[Sentence], programs: list[Program]) -> dict[int, str | None]:
    """Sentence start → the program it is about, or None.

    A sentence is about the program it names, or the one the sentence just before named ("이곳에",
    "the project"); in a document with a single program, every sentence is. Further carry-forward
    would hand a budget overview's figures (the whole AI budget, the national budget) to whichever
    program happened to be named last.
    """
    keys = [(p.name, norm_key(p.name), norm_key(p.name_en) if p.name_en else None) for p in programs]
    only = programs[0].name if len(programs) == 1 else None
    current, since = None, 99
    out: dict[int, str | None] = {}
    for s in sentences:
        skey = norm_key(s.text)
        named = next((name for name, k, k_en in keys if (k and k in skey) or (k_en and k_en in skey)), None)
        current, since = (named, 0) if named else (current, since + 1)
        out[s.start] = current if since <= 1 else only
    return out


def _set_periods(
    programs: list[Program],
    sentences: list[Sentence],
    program_at: dict[int, str | None],
    published: date | None,
) -> None:
    """Each program's start/end years from the sentences about it."""
    for p in programs:
        start = end = None
        for s in sentences:
            if program_at.get(s.start) != p.name:
                continue
            s_start, s_end = dates.find_period(s.text, published)
            start, end = start or s_start, end or s_end
            if start and end:
                break
        # "2028년까지 투입" in a launch announcement runs from the announcement year.
        if end and not start and published and published.year <= end:
            start = published.year
        p.start_year, p.end_year = start, end


def _periods_from_budgets(programs: list[Program], budgets: list[Budget], published: date | None) -> None:
    """A program whose own sentences state no period takes the one stated beside a figure credited to it
    ("사업 기간은 2024~2028년으로, 정부는 이 기간 국비 360억원을 지원한다"): the revision series compare like
    periods, and a figure's period is the program's as that document states it."""
    for p in programs:
        if p.start_year or p.end_year:
            continue
        for b in budgets:
            if b.program != p.name or b.evidence is None or b.table_cell is not None:
                continue
            start, end = dates.find_period(b.evidence.text, published)
            if start and end:
                p.start_year, p.end_year = start, end
                break
