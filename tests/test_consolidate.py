"""Program consolidation across documents, and why FUZZY_THRESHOLD is 90."""

from __future__ import annotations

from pathlib import Path

import pytest
from rapidfuzz import fuzz

from etl import db, program_rows
from etl.consolidate import FUZZY_THRESHOLD, ProgramIndex, same_numbers
from etl.extract.programs import norm_key

# Pairs written differently in real announcements that are the same program…
SAME = [
    ("광주 인공지능 중심 산업융합 집적단지 조성사업", "광주 인공지능중심 산업융합집적단지 조성 사업"),
    ("AI 반도체 산업 발전 전략", "AI반도체 산업발전전략"),
    ("차세대 지능형 반도체 기술개발사업", "차세대지능형반도체 기술 개발 사업"),
    ("인공지능 학습용 데이터 구축사업", "인공지능 학습용데이터 구축 사업"),
    ("초거대 AI 경쟁력 강화 방안", "초거대AI 경쟁력강화방안"),
    ("디지털 뉴딜 데이터 댐", "디지털뉴딜 데이타댐"),  # one-letter variant: 88.9
    ("AI 학습용 데이터 구축", "AI 학습데이터 구축"),  # 94.7
]
# …and sibling programs that must stay apart.
DIFFERENT = [
    ("K-클라우드 프로젝트 1단계", "K-클라우드 프로젝트 2단계"),
    ("AI 반도체 산업 발전전략", "AI 반도체 산업 성장 지원대책"),
    ("광주 AI 집적단지 1단계", "광주 AI 집적단지 2단계"),
    ("AI 바우처", "데이터 바우처"),
    ("국가 AI 컴퓨팅 센터", "국가 AI 연구거점"),
    ("2024년 AI 예산", "2025년 AI 예산"),
    ("AI 반도체 산업 발전전략", "AI 반도체 산업 성장전략"),  # 81.8
    ("초거대 AI 경쟁력 강화 방안", "초거대 AI 경쟁력 강화 전략"),  # 83.3
    ("국가 AI 컴퓨팅 센터", "국가 AI 컴퓨팅 허브"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_program_scores_at_or_above_threshold(a: str, b: str) -> None:
    ka, kb = norm_key(a), norm_key(b)
    assert ka == kb or (fuzz.ratio(ka, kb) >= FUZZY_THRESHOLD and same_numbers(ka, kb))


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_sibling_programs_score_below_threshold(a: str, b: str) -> None:
    ka, kb = norm_key(a), norm_key(b)
    assert ka != kb and (fuzz.ratio(ka, kb) < FUZZY_THRESHOLD or not same_numbers(ka, kb))


@pytest.fixture
def index(tmp_path: Path) -> ProgramIndex:
    return ProgramIndex(db.connect(tmp_path / "t.duckdb"))


def test_resolve_reuses_one_row(index: ProgramIndex) -> None:
    a = index.resolve("광주 인공지능 중심 산업융합 집적단지 조성사업")
    b = index.resolve("광주 인공지능중심 산업융합집적단지 조성 사업")
    c = index.resolve("K-클라우드 프로젝트")
    assert a == b != c
    index.flush()
    assert index.con.execute("SELECT count(*) FROM programs").fetchone()[0] == 2


def test_stages_never_fuzzy_merge(index: ProgramIndex) -> None:
    assert index.resolve("K-클라우드 프로젝트 1단계") != index.resolve("K-클라우드 프로젝트 2단계")


def test_english_alias_links_languages_in_either_order(index: ProgramIndex) -> None:
    # A program the catalogue (etl/resources/programs.tsv) does not list: only the texts can link it.
    en = index.resolve("AI Chip Design Innovation Center", "AI Chip Design Innovation Center")
    ko = index.resolve("AI 반도체 혁신설계센터")
    assert en != ko  # nothing links them yet
    both = index.resolve(
        "AI 반도체 혁신설계센터", "AI Chip Design Innovation Center"
    )  # a release naming both
    assert both in (en, ko)
    index.flush()
    assert index.con.execute("SELECT count(*) FROM programs").fetchone()[0] == 1
    assert (
        index.resolve("AI Chip Design Innovation Center") == index.resolve("AI 반도체 혁신설계센터") == both
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("National AI Research Lab", "국가 AI 연구거점"),
        ("국가 AI 연구거점", "AI 연구거점"),  # the short name in the same year's coverage (issue #11)
        ("Korean New Deal", "한국판 뉴딜"),
        ("2021년 AI 바우처 지원사업", "AI 바우처"),
    ],
)
def test_the_catalogue_links_names_at_once(index: ProgramIndex, first: str, second: str) -> None:
    assert index.resolve(first) == index.resolve(second)
    index.flush()
    name, name_en = index.con.execute("SELECT name, name_en FROM programs").fetchone()
    assert not name.isascii() and name_en  # the catalogue's Korean canonical name and its English name


def test_korean_name_replaces_an_english_first_name(index: ProgramIndex) -> None:
    pid = index.resolve("K-Cloud Project", "K-Cloud Project")
    index.flush()
    assert index.resolve("K-클라우드 프로젝트", "K-Cloud Project") == pid
    index.flush()
    row = index.con.execute("SELECT name, name_en FROM programs WHERE program_id = ?", [pid]).fetchall()
    assert row == [("K-클라우드 프로젝트", "K-Cloud Project")]


def test_catalogue_parents_link_programs_that_exist(index: ProgramIndex) -> None:
    from etl import program_catalog

    child, parent = index.resolve("데이터 댐"), index.resolve("Digital New Deal")
    lonely = index.resolve("K-클라우드 프로젝트")  # its parent (the 추진방안) was never announced here
    index.flush()
    program_rows.link_parents(index.con, program_catalog.parent_links())
    parents = dict(index.con.execute("SELECT program_id, parent_id FROM programs").fetchall())
    assert parents[child] == parent and parents[parent] is None and parents[lonely] is None


def test_the_catalogue_is_consistent() -> None:
    from etl import program_catalog

    rows = program_catalog.entries()
    assert len({r.canonical for r in rows}) == len(rows)
    assert all(r.name_en for r in rows)  # an English name for every catalogued program
    for child, parent in program_catalog.parent_links():  # no cycles
        seen, key = {child}, parent
        while key:
            assert key not in seen
            seen.add(key)
            key = dict(program_catalog.parent_links()).get(key)


def test_catalogue_sources_are_public_pages() -> None:
    """`source` names where the body (or an English-language paper) uses the English name; it may be empty."""
    from etl import program_catalog

    assert program_catalog.COLUMNS[-1] == "source"
    rows = program_catalog.entries()
    assert all(r.source is None or r.source.startswith(("https://", "http://")) for r in rows)
    assert all(" " not in (r.source or "") for r in rows)
    by_name = {r.canonical: r for r in rows}  # a row added with its source keeps it
    assert (
        by_name["AI 양재허브"].source
        == "https://english.seoul.go.kr/seoul-to-set-up-a-global-ai-hub-in-yangjae/"
    )
    assert program_catalog.find("World Best LLM(WBL) 프로젝트") is by_name["독자 AI 파운데이션 모델"]
