"""Program links against purpose phrases: quoted one-word names, purposes in prose and headlines, spending areas, secured envelopes."""

from __future__ import annotations

from datetime import date

from etl.extract.document import extract_document
from etl.models import Document
from tests.test_links import links

# --- quoted one-word names, purpose phrases in prose, spending areas, secured envelopes (the lnk2 round) ---


def test_a_one_word_quoted_name_before_a_program_word_is_the_storys_program() -> None:
    # "'스마트항만' 사업": one quoted word followed by 사업 names a program; the amounts are its, not those of the one
    # other quoted program the page names further down ("15개 사업" in the title counts its projects).
    text = (
        "군산시, 올해 120억원 들여 스마트항만 15개 사업 추진\n\n"
        "군산시는 항만 물류를 빠르게 하려고 AI 같은 기술을 쓰는 '스마트항만' 사업을 펼치고 있다.\n\n"
        '항만과장은 "올해 스마트항만 사업은 신규사업 5개를 포함해 모두 15개를 추진하며, 예산은 120억원으로 '
        '국비 70억원, 시비 50억원을 투입할 계획"이라고 설명했다.\n\n'
        "그는 '스마트수산항만 사업'을 통해 어획물 유통을 실시간으로 관리했다고 덧붙였다."
    )
    assert [p for _, p in links(text)] == ["스마트항만"] * 3, links(text)


def test_a_phrase_ending_in_introduction_or_response_is_a_purpose_in_prose() -> None:
    # README ruling 'Purpose words are not program words': "X 대응에 N원", "Y 도입에 N원" in a prose sentence are
    # what the money does, not named programs (lexicon/program_purpose_tails.tsv).
    text = (
        "시 예산 2조원 확정\n\n시는 내년 예산을 확정했다. "
        "전산망 정전 대응에 40억원, 드론 순찰 체계 도입에 8억원을 마련했다."
    )
    assert links(text) == [(2_000_000_000_000, None), (4_000_000_000, None), (800_000_000, None)], links(text)


def test_a_body_amount_for_a_purpose_phrase_is_not_the_story_programs() -> None:
    # README ruling 'Purpose words are not program words': "모델 개발에 120억원을 투자" says what the money does; in
    # a body sentence that names no program it is no program's, not the story's by default.
    text = (
        "'해양 관측 시범단지' 문 연다\n\n부처는 12일 '해양 관측 시범단지'를 열었다. 단지는 부표 50기를 갖춘다.\n\n"
        '장관은 "2028년까지 연안 예보 모델 개발에 120억원을 투자할 계획"이라고 밝혔다.'
    )
    assert links(text) == [(12_000_000_000, None)], links(text)


def test_a_headline_amount_for_a_purpose_phrase_stays_the_storys() -> None:
    # A headline speaks of the story's program as a whole: "연안 예보 기술개발에 120억원" stays its.
    text = (
        "부처, 연안 예보 기술개발에 120억원 투입\n\n"
        "부처는 '연안 예보 기술개발 사업'을 시작한다고 12일 밝혔다. 사업은 3년 동안 이어진다."
    )
    assert links(text) == [(12_000_000_000, "연안 예보 기술개발 사업")], links(text)


def test_a_sentence_opening_with_a_spending_area_takes_no_program_from_before() -> None:
    # README 'Purpose words are not program words': "바이오 분야에서는 …" is about a spending area; its amounts are
    # not the program the sentence before named, nor the story's.
    text = (
        "시, 내년 예산 편성\n\n시는 산업부 공모에 뽑힌 '해양 데이터 센터'를 짓는 데 60억원을 쓴다.\n\n"
        "바이오 분야에서는 정부 공모로 따낸 대형 과제들과 맞물려 내년 예산 12억원을 넣는다."
    )
    assert links(text)[-1] == (1_200_000_000, None), links(text)


def test_a_purpose_phrase_with_a_bare_amount_in_a_prose_enumeration_is_no_program() -> None:
    # README ruling 'Purpose words are not program words': "A 지원 20억원, B 활성화 8억원 등이 담겼다" is a spending
    # enumeration inside a prose sentence; its purpose phrases are not names. One ending in 기금 still is.
    text = (
        "도 추경 1200억원 확정\n\n도의회는 추경안을 통과시켰다. "
        "추경에는 전통시장 배송 지원 20억원, 청년 창업 공간 활성화 8억원, 농어촌 상생기금 30억원 등이 담겼다."
    )
    assert links(text)[1:] == [
        (2_000_000_000, None),
        (800_000_000, None),
        (3_000_000_000, "농어촌 상생기금"),
    ], links(text)


def test_a_line_of_its_own_with_a_purpose_phrase_keeps_its_name() -> None:
    # A line holding one item and its amount ("연안 수질 데이터 구축 38억원") is no prose enumeration.
    text = (
        "도, 데이터 사업 3건 선정\n\n연안 수질 데이터 구축 38억원\n\n"
        "도는 과기정통부 공모에 3개 사업이 뽑혔다고 밝혔다. 연안 수질 데이터 구축 사업에는 국비 35억원이 들어간다."
    )
    assert links(text)[0] == (3_800_000_000, "연안 수질 데이터 구축 사업"), links(text)


def test_issuing_producing_and_planning_are_purposes_in_prose() -> None:
    # README ruling 'Purpose words are not program words': "X 발행", "Y 제작", "Z 기획" say what the money does.
    text = (
        "시 추경 900억원 확정\n\n시의회는 추경안을 통과시켰다. "
        "추경에는 지역 화폐 발행 300억원, 홍보 영상 제작 2억원, 해양 관광 단지 기획 3억원 등이 담겼다."
    )
    assert links(text)[1:] == [(30_000_000_000, None), (200_000_000, None), (300_000_000, None)], links(text)


def test_a_date_with_hyeonjae_is_not_part_of_a_program_name() -> None:
    # "1일 현재 X 사업은": "현재" (as of) ends the date before the name (lexicon/program_name_breaks `stop`).
    text = (
        "도 AI 사업 점검\n\n도에 따르면 1일 현재 해양 AI 전환 사업은 모두 5개로, 전체 규모는 총 900억 원이다."
    )
    assert links(text) == [(90_000_000_000, "해양 AI 전환 사업")], links(text)


def test_national_money_secured_by_several_programs_is_an_envelope() -> None:
    # README ruling 'Secured money': "…과 관련된 사업들이 공모에 뽑혀 국비 N원을 확보" is the sum of many programs
    # (role base), linked to none of them.
    text = (
        "군산 '해양 AI 도시' 순항\n\n"
        "군산시는 '해양 AI 인재 양성 및 도시 기반 조성'과 관련된 사업들이 정부 공모에 뽑혀 국비 90억원을 확보했다고 "
        "밝혔다.\n\n선정된 사업은 '해양 AI 대학원 사업'과 '연안 데이터 교육 사업' 두 가지다."
    )
    rows = extract_document(Document(source="t", text=text, published_on=date(2025, 1, 1))).budgets
    assert [(b.amount_krw, b.role, b.program) for b in rows] == [(9_000_000_000, "base", None)], rows


def test_a_kind_named_after_examples_with_gateun_is_no_program() -> None:
    # "A와 B 같은 X에 N원": X is the kind the examples are of, a spending area, not a named program.
    text = (
        "부처 예산 2000억원 확정\n\n부처는 예산을 확정했다. "
        "관측 부표와 수중 드론 같은 해양 관측 서비스에 121억원, 연안 데이터 허브 사업에 90억원이 편성됐다."
    )
    assert links(text)[1:] == [(12_100_000_000, None), (9_000_000_000, "연안 데이터 허브 사업")], links(text)
