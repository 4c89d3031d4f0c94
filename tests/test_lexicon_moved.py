"""Vocabularies that were regex literals in code and are now TSVs: each file's examples are matched by its rule."""

from __future__ import annotations

import pytest

from etl import lexicon
from etl.extract import inst_actors, link_clauses
from etl.extract.built_names import built_facility


@pytest.mark.parametrize("entry", lexicon.entries("program_build_nouns"), ids=lambda e: e.term)
def test_a_build_noun_before_saeop_names_the_facility_it_builds(entry: lexicon.Entry) -> None:
    name = entry.example.split("'")[1]
    assert entry.term in name
    facility = built_facility(name)
    assert facility and entry.term not in facility and name.startswith(facility)


@pytest.mark.parametrize("entry", lexicon.entries("inst_guest_cues"), ids=lambda e: e.term)
def test_an_event_and_a_verb_of_attending_make_a_guest_list(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    assert inst_actors._guests().search(entry.example)


@pytest.mark.parametrize("entry", lexicon.entries("program_line_not_own"), ids=lambda e: e.term)
def test_a_time_or_share_word_after_a_comma_is_no_line_of_its_own(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    assert not link_clauses._own_line(f"A 사업에 국비 100억원, {entry.term} ")
    assert link_clauses._own_line(f"A 사업에 국비 100억원, 축산단지 조성에 {entry.term} ")
