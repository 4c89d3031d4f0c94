"""Every entry of the institution vocabularies (etl/resources/lexicon/inst_*.tsv) runs through the real extractor."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from etl import lexicon
from etl.extract import inst_rules
from etl.extract.institutions import extract_institutions
from etl.models import Institution
from etl.nlp import split_sentences


def extract(text: str) -> dict[str, Institution]:
    return {i.name: i for i in extract_institutions(text, split_sentences(text))}


def _ids(e: lexicon.Entry) -> str:
    return f"{e.meaning}:{e.term}"


def _has_term(e: lexicon.Entry) -> None:
    assert e.term.casefold() in e.example.casefold(), "the example must contain its term"


ROLES = {"lead", "participant", "host", "funder", "partner"}


@pytest.mark.parametrize("entry", lexicon.entries("inst_role_cues"), ids=_ids)
def test_a_role_cue_gives_its_role_in_its_example(entry: lexicon.Entry) -> None:
    _has_term(entry)
    roles = {i.role for i in extract(entry.example).values()}
    if entry.meaning == "none":
        assert roles == {"mentioned"}, (entry.example, roles)  # the phrase holds a cue, and is none
    else:
        want = "funder" if entry.meaning == "spend" else entry.meaning
        assert want in ROLES and want in roles, (entry.example, roles)


@pytest.mark.parametrize("entry", lexicon.entries("inst_forms"), ids=_ids)
def test_a_name_form_makes_an_institution_of_its_type(entry: lexicon.Entry) -> None:
    _has_term(entry)
    found = [i for i in extract(entry.example).values() if i.name.endswith(entry.term)]
    assert found and found[0].type == entry.meaning and not found[0].in_gazetteer, entry.example


@pytest.mark.parametrize("entry", lexicon.entries("inst_generic"), ids=_ids)
def test_a_generic_ending_names_no_institution(entry: lexicon.Entry) -> None:
    _has_term(entry)
    assert not [n for n in extract(entry.example) if n.endswith(entry.term)], entry.example


@pytest.mark.parametrize("entry", lexicon.entries("inst_not_actor"), ids=_ids)
def test_forums_groupings_and_legislatures(entry: lexicon.Entry) -> None:
    found = extract(entry.example)
    if entry.meaning == "legislature":
        assert found[entry.term].role == "mentioned", entry.example  # passes budgets, funds nothing
    else:
        assert entry.term not in found, entry.example  # a forum, or a grouping that is not the subject


@pytest.mark.parametrize("entry", lexicon.entries("inst_context"), ids=_ids)
def test_context_that_makes_a_name_no_actor(entry: lexicon.Entry) -> None:
    _has_term(entry)
    found = extract(entry.example)
    if entry.meaning == "old_name":
        assert len(found) == 1, (entry.example, list(found))  # the old name is no second institution
    elif entry.meaning == "sub_unit":  # the part named after its body is that body
        assert len(found) == 1 and " " in next(iter(found.values())).aliases_seen[0], (entry.example, found)
    else:
        assert not found, (entry.example, list(found))  # a caption's titled person, a bilateral prefix


@pytest.mark.parametrize("entry", lexicon.entries("inst_local_en"), ids=_ids)
def test_an_english_unit_word_names_the_local_government(entry: lexicon.Entry) -> None:
    _has_term(entry)
    found = [i for i in extract(entry.example).values() if i.type == "local_government"]
    assert [i.name[-1] for i in found] == [entry.meaning], (
        entry.example,
        found,
    )  # 여수시, 단양군, 강원특별자치도


@pytest.mark.parametrize("entry", lexicon.entries("inst_list_cues"), ids=_ids)
def test_list_cues_bring_in_every_member(entry: lexicon.Entry) -> None:
    _has_term(entry)
    found = extract(entry.example)
    if entry.meaning == "member_tail":
        name = re.search(r"[–-]\s*(\S+)\s", entry.example).group(1)
        assert name in found, (entry.example, list(found))
    elif entry.meaning == "list_head":
        members = re.search(r"\(([^)]+)\)", entry.example).group(1).split("·")
        assert len(found) == len(members), (entry.example, list(found))
    elif entry.meaning == "joint":
        # one known body and a name listed with it, acting together: both are bodies
        members = re.match(r"(\S+?)(?:이|가)?\s", entry.example).group(1).split("·")
        assert all(any(m in name for name in found) for m in members), (entry.example, list(found))
    else:
        assert len(found) == int(re.search(r"(\d+)개", entry.example).group(1)), (entry.example, list(found))


def test_a_new_role_cue_works_by_adding_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "한국전자통신연구원은 엔비디아와 기술 공동개발에 나선다."
    assert extract(text)["한국전자통신연구원"].role == "mentioned"
    for path in lexicon.LEXICON_DIR.glob("*.tsv"):
        shutil.copy(path, tmp_path / path.name)
    with (tmp_path / "inst_role_cues.tsv").open("a", encoding="utf-8") as fh:
        fh.write(f"공동개발\tpartner\t{text}\n")
    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
    caches = [lexicon.entries, lexicon.pattern, inst_rules.role_cues]
    for c in caches:
        c.cache_clear()
    try:
        assert extract(text)["한국전자통신연구원"].role == "partner"
    finally:
        monkeypatch.undo()
        for c in caches:
            c.cache_clear()


@pytest.mark.parametrize("entry", lexicon.entries("inst_company_marks"), ids=_ids)
def test_a_company_mark_makes_the_name_beside_it_a_company(entry: lexicon.Entry) -> None:
    _has_term(entry)
    found = [i for i in extract(entry.example).values() if i.type == "industry" and not i.in_gazetteer]
    if entry.meaning == "class_none":  # 시장조사업체 스태티스타: a class that names no actor
        assert not found, (entry.example, found)
        return
    assert len(found) == 1 and found[0].name in entry.example, (entry.example, found)
    assert entry.term not in found[0].name, found  # the mark is no part of the name


@pytest.mark.parametrize("entry", lexicon.entries("inst_en_endings"), ids=_ids)
def test_an_english_ending_written_the_other_way_names_the_same_body(entry: lexicon.Entry) -> None:
    _has_term(entry)
    found = list(extract(entry.example).values())
    assert len(found) == 1 and found[0].in_gazetteer, (entry.example, found)


@pytest.mark.parametrize("entry", lexicon.entries("inst_committee_topics"), ids=_ids)
def test_a_committee_named_by_its_topic_is_that_standing_committee(entry: lexicon.Entry) -> None:
    _has_term(entry)
    assert entry.meaning in extract(entry.example), (entry.example, list(extract(entry.example)))
