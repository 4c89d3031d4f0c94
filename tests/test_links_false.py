"""False and wrong program links (README rulings 'Purpose words are not program words', 'Part and parent'): a
cost line or a purpose of a prose enumeration is no program, and a name followed by its own amount is not the
name of the next line of the enumeration. Sample sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from etl import lexicon
from etl.extract.document import extract_document
from etl.extract.link_clauses import clause_between
from etl.models import Document

_POINTER = __import__("re").compile("이 사업")


def links(text: str, lang: str = "ko") -> dict[int | None, str | None]:
    """won → program of every amount the real extractor finds in `text`."""
    facts = extract_document(Document(source="t", text=text, published_on=date(2025, 1, 1), lang=lang))
    return {b.amount_krw: b.program for b in facts.budgets}


def test_a_name_with_its_own_amount_is_not_the_next_lines() -> None:
    text = (
        "해수부 내년 예산안 6조원 편성\n"
        "이 밖에 해양 드론 시범사업을 늘리는 데 70억원, 오래된 어항을 고치는 스마트 어항에 130억원이 잡혔다."
    )
    got = links(text)
    assert got[7_000_000_000] == "해양 드론 시범사업"
    assert got[13_000_000_000] != "해양 드론 시범사업"


def test_a_bare_enumeration_line_is_its_own() -> None:
    sentence = "데이터 단지 조성 120억원, 청년 창업기업 보조금 8억원 등이다."
    at = sentence.index("8억원")
    assert clause_between(sentence, 0, at, _POINTER)


def test_a_split_or_a_next_year_keeps_the_name() -> None:
    for sentence in (
        "해양 드론 시범사업에 국비 100억원, 지방비 50억원이 들어간다.",
        "해양 드론 시범사업에 올해 100억원, 내년에는 150억원이 들어간다.",
        "해양 드론 시범사업 예산은 300억원(국비 200억원, 시비 100억원)이다.",
    ):
        at = sentence.rindex("0억원") - 2
        assert not clause_between(sentence, 0, at, _POINTER), sentence


def test_cost_lines_of_an_enumeration_go_to_the_parent() -> None:
    text = (
        "국방부는 추경에서 '스마트 훈련체계 구축 사업'에 60억원을 반영했다. "
        "훈련용 가상현실 장비에 40억원, 사격장 장비 교체에 18억원, 교육용 콘텐츠 개발에 2억원이 들어간다."
    )
    got = links(text)
    assert got[4_000_000_000] == "스마트 훈련체계 구축 사업"
    assert got[1_800_000_000] == "스마트 훈련체계 구축 사업"


def test_a_deposit_is_a_cost_line_of_the_quoted_program() -> None:
    text = "'데이터 허브 이전 지원' 사업은 공사를 입찰로 발주하고, 사무실 보증금 2000만 원을 쓰지 않으면 반납하도록 했다."
    assert links(text)[20_000_000] == "데이터 허브 이전 지원"


def test_a_glued_centre_name_is_a_line_of_a_bare_enumeration() -> None:
    text = (
        "시 예산 1조원 편성\n"
        "드론부품인증센터 구축 40억원, 해양로봇실증지원센터 35억원, 수소충전소 구축 20억원 등이다."
    )
    assert links(text)[3_500_000_000] == "해양로봇실증지원센터"


def test_a_facility_names_the_program_that_builds_it() -> None:
    from etl.extract.built_names import built_facility

    assert built_facility("해양 데이터 특화단지 조성사업") == "해양 데이터 특화단지"
    assert built_facility("AI 인재 양성 사업") is None
    text = (
        "국토부, '스마트항만 확산' 공모\n"
        "올해는 '거점형 스마트항만 조성사업', '해양 데이터 특화단지 조성사업' 등 두 유형으로 공모한다. "
        "해양 데이터 특화단지는 1개소를 뽑는다. 선정된 지자체에는 3년 동안 국비를 최대 60억원까지 지원한다."
    )
    assert links(text)[6_000_000_000] == "해양 데이터 특화단지 조성사업"


def test_an_eligibility_threshold_links_to_no_program() -> None:
    text = (
        "'해양 딥테크 팁스' 공모\n"
        "중기부는 '해양 딥테크 팁스' 참여기업을 모집한다. "
        "기존 운영사에서 2억원 이상 투자를 받은 기업이 대상이다."
    )
    facts = extract_document(Document(source="t", text=text, published_on=date(2025, 1, 1), lang="ko"))
    row = next(b for b in facts.budgets if b.amount_krw == 200_000_000)
    assert (row.role, row.program) == ("other", None)


def test_a_sum_of_counted_projects_is_no_programs() -> None:
    from etl.extract.link_names import category_after

    own = "해수부는 '해양 뉴딜'의 중심축인 데이터 분야에서 모두 900억원 규모인 5개 추경 사업을 안내한다."
    assert category_after(own, own.index("900억원") + len("900억원"))
    share = "이 가운데 90억원 규모의 4개 과제는 새로 공모한다."
    assert not category_after(share, share.index("90억원") + len("90억원"))
    text = "해양 데이터 설명회 개최\n" + own
    assert links(text)[90_000_000_000] is None


def test_a_line_of_a_prose_enumeration_is_no_program() -> None:
    from etl.extract.prose_lines import prose_line

    sentence = "충남의 해양 소재 플랜트에 7억 원, 완도의 해조류 스마트 팩토리에 5억 원이 새로 들어간다."
    assert prose_line(sentence, "충남의 해양 소재 플랜트에 ", "해양 소재 플랜트")
    bracketed = "농업환경연구(145억), 미세먼지 저감기술 개발(76억) 등이 반영됐다."
    assert prose_line(bracketed, "농업환경연구(", "농업환경연구")
    # A program word, a structured list or a lead naming projects gives names.
    assert not prose_line(
        "해양 실증사업에 7억 원, 스마트 팩토리에 5억 원이 들어간다.", "해양 실증사업에 ", "해양 실증사업"
    )
    assert not prose_line(
        "△해양 소재 플랜트(7억 원) △스마트 팩토리(5억 원)", "△해양 소재 플랜트(", "해양 소재 플랜트"
    )
    lead = "새로 생기는 사업으로는 해양 소재 플랜트(7억 원), 스마트 팩토리(5억 원) 등이 있다."
    assert not prose_line(lead, "새로 생기는 사업으로는 해양 소재 플랜트(", "해양 소재 플랜트")
    text = "해수부 내년 예산안 6조원\n충남의 해양 소재 플랜트에 7억 원, 완도의 해조류 스마트 팩토리에 5억 원이 새로 들어간다."
    got = links(text)
    assert got[700_000_000] is None and got[500_000_000] is None


@pytest.mark.parametrize("entry", lexicon.entries("program_works"), ids=lambda e: e.term)
def test_a_public_work_in_a_prose_enumeration_is_a_named_undertaking(entry: lexicon.Entry) -> None:
    got = [p for p in links("시 예산안 1조원\n" + entry.example).values() if p]
    assert any(entry.term in p for p in got), got


def test_each_after_a_listed_name_is_not_part_of_it() -> None:
    text = "해양 실증 공모 결과\n두 과제를 뽑아 2년 동안 각각 40억원과 20억원을 준다.\n▷부산·울산 각 4억원"
    got = links(text)
    assert not any(p and ("각" in p.split() or "동안" in p) for p in got.values()), got
