"""Program links (etl/extract/links.py, programs.py): events are no programs, quoted 과제 names are, and a
phase or version number keeps two programs apart. Sample sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from etl import lexicon
from etl.extract.document import extract_document
from etl.extract.programs import extract_programs, names_event
from etl.models import Document
from etl.nlp import split_sentences


def links(text: str, lang: str = "ko") -> list[tuple[int | None, str | None]]:
    """(won, program) of every amount the real extractor finds in `text`."""
    facts = extract_document(Document(source="t", text=text, published_on=date(2025, 1, 1), lang=lang))
    return [(b.amount_krw, b.program) for b in facts.budgets]


def names(text: str, lang: str = "ko") -> list[str]:
    return [p.name for p in extract_programs(split_sentences(text), lang)]


@pytest.mark.parametrize("entry", lexicon.entries("program_event_heads"), ids=lambda e: e.term)
def test_a_name_ending_in_an_event_head_is_no_program(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower()
    lang = "en" if entry.example.isascii() else "ko"
    assert not any(entry.term.lower() in n.lower() for n in names(entry.example, lang))


def test_names_event_looks_at_the_end_of_the_name_only() -> None:
    assert names_event("2025 지역 AI 혁신 보고대회")
    assert names_event("AI Seoul Summit")
    assert not names_event("그린수소 글로벌 포럼 개최사업")  # a program that pays for a forum


def test_a_summit_is_not_the_storys_program() -> None:
    text = "'AI 서울 정상회의' 개막\n정부는 21일 'AI 서울 정상회의'를 열었다. 정부는 AI 안전 연구에 내년 300억원을 쓴다."
    assert links(text) == [(30_000_000_000, None)]


def test_an_event_listed_before_an_amount_is_not_added_as_a_program() -> None:
    text = "시는 올해 행사 예산을 정했다. '2025 부산 AI 혁신 포럼'에는 3억원이 들어간다."
    assert links(text) == [(300_000_000, None)]


def test_a_quoted_task_name_is_a_program() -> None:
    text = "대구시, 기업 지원 강화\n시는 산업 지원 계획을 내놓았다. 시는 '제조 AI 전환 과제'에 모두 30억원을 배정했다."
    assert links(text) == [(3_000_000_000, "제조 AI 전환 과제")]


def test_a_word_holding_a_noise_word_does_not_make_the_quote_noise() -> None:
    assert names("시는 '연구 기자재 공동활용 사업'을 연다.") == ["연구 기자재 공동활용 사업"]
    assert names("시는 '국가 AI 연구거점 운영계획'을 내놓았다.") == []


def test_a_phase_number_keeps_two_programs_apart() -> None:
    text = (
        "대구시, 기업 지원 강화\n시는 산업 지원 계획을 내놓았다. 시는 '제조 AI 혁신 1단계 사업'을 마무리했다. "
        "이어 '제조 AI 혁신 2단계 사업'에 120억원을 넣는다."
    )
    assert links(text) == [(12_000_000_000, "제조 AI 혁신 2단계 사업")]


def test_an_amount_in_the_sentence_after_a_quoted_program_is_that_programs() -> None:
    text = (
        "광주시, 기업 지원 강화\n시는 산업 지원 계획을 내놓았다. 시는 올해 AI 기업 지원에 힘을 쏟는다. "
        "시가 추진하는 '광주 AI 실증 고도화 사업'은 2027년까지 이어진다. 올해 국비 80억원이 들어간다."
    )
    assert links(text) == [(8_000_000_000, "광주 AI 실증 고도화 사업")]


def test_the_sentence_before_wins_over_the_storys_program() -> None:
    text = (
        "'AI 바우처 사업' 올해도 계속\n과기정통부는 'AI 바우처 사업'을 올해도 이어 간다. 기업마다 최대 3억원을 받는다. "
        "부처는 이와 별도로 '지역 데이터 허브 사업'을 새로 연다. 첫해 예산은 모두 40억원이다."
    )
    assert links(text) == [(300_000_000, "AI 바우처 사업"), (4_000_000_000, "지역 데이터 허브 사업")]


def test_a_line_item_of_the_sentence_before_is_not_carried() -> None:
    text = (
        "정부, 보안 예산 늘려\n정부는 보안 예산을 늘렸다. 보안 분야에서는 통신망 보호 강화에 40억원을 더했고 "
        "인터넷 경로 감시 고도화에 20억원을 새로 편성했다. 악성코드 대응체계 고도화에는 60억원을 증액했고, "
        "AI 기반 탐지체계 구축에 30억원을 새로 넣었다."
    )
    assert links(text)[-1] == (3_000_000_000, None)


@pytest.mark.parametrize(
    "text",
    [
        "보안 분야에는 국비 90억원을 더 넣는다.",
        "정부는 주요 산업에 5년간 6조원을 투입한다.",
        "On top of that, 773.7 billion KRW will go into AI everyday-life projects.",
    ],
)
def test_an_amount_with_a_purpose_of_its_own(text: str) -> None:
    from etl.extract.link_clauses import amount_end as _amount_end
    from etl.extract.purposes import own_purpose

    start = next(i for i, c in enumerate(text) if c.isdigit())
    assert own_purpose(text, start, _amount_end(text, start))
    assert not own_purpose("올해 국비 80억원이 들어간다.", 6, 10)


def test_the_nearer_of_two_names_in_the_amounts_clause_wins() -> None:
    text = (
        "대구시, 기업 지원 강화\n시는 산업 지원 계획을 내놓았다. 그리고 시는 지난해 '제조 데이터 고도화 사업'을 마친 뒤 "
        "올해 80억원을 들여 '로봇 공정 실증 사업'을 새로 연다."
    )
    assert links(text) == [(8_000_000_000, "로봇 공정 실증 사업")]
    near = "시는 '제조 데이터 고도화 사업'에 올해 80억원을 넣고, 이어서 '로봇 공정 실증 사업'을 연다."
    assert links(near) == [(8_000_000_000, "제조 데이터 고도화 사업")]


ONE_QUOTED = (
    "부산시, 항공 부품 공정 바꾼다\n부산시는 기관들과 기술을 개발한다. 아홉 기관이 함께한다. 시장이 회견을 열었다. "
    "정부는 'AI 자율제조 선도프로젝트'를 공모했다. 시도 나섰다. 부산은 312억원을 투입한다."
)


def test_the_one_quoted_program_of_a_korean_page_is_the_storys() -> None:
    assert links(ONE_QUOTED) == [(31_200_000_000, "AI 자율제조 선도프로젝트")]


@pytest.mark.parametrize(
    "change",
    [
        ("시장이 회견을 열었다.", "'AI 물류 실증 사업'도 있다."),  # two programs: which one is open
        ("항공 부품 공정 바꾼다", "올해 예산 2000억원 확정"),  # a budget story lists lines of a budget
    ],
)
def test_no_story_program_from_further_down_when_it_is_open(change: tuple[str, str]) -> None:
    assert links(ONE_QUOTED.replace(*change))[-1] == (31_200_000_000, None)


def test_an_english_page_keeps_to_its_lead() -> None:
    text = (
        "Busan changes its parts lines\nBusan develops technology with partners. Nine bodies join. "
        "The mayor spoke. The government opened the 'AI Manufacturing Lead Project' call. The city joined. "
        "Busan will put in 31.2 billion won."
    )
    assert links(text, "en") == [(31_200_000_000, None)]


def test_a_change_takes_the_program_its_sentence_linked_the_budget_to() -> None:
    text = "'AI 바우처 사업' 커진다\n시는 계획을 내놓았다. 시는 올해 34억원을 써, 지난해보다 27억원 늘렸다."
    assert links(text) == [(3_400_000_000, "AI 바우처 사업"), (2_700_000_000, "AI 바우처 사업")]
    alone = "정부, 데이터 분야 손본다\n정부는 계획을 내놓았다. 전체 예산은 지난해보다 27억원 올랐다."
    assert links(alone) == [(2_700_000_000, None)]


@pytest.mark.parametrize("entry", lexicon.entries("program_comparison_cues"), ids=lambda e: e.term)
def test_a_comparison_does_not_make_the_sentence_an_envelope(entry: lexicon.Entry) -> None:
    assert entry.term.replace(" ", "") in entry.example.replace(" ", "")
    got = links(entry.example.replace(". ", ".\n", 1))
    assert got and got[0][1] == "AI 바우처 사업", got


@pytest.mark.parametrize(
    ("line", "won", "program"),
    [
        (
            "전략기술 지역혁신엔진 사업 91.7억원(총사업비 183.3억원)",
            9_170_000_000,
            "전략기술 지역혁신엔진 사업",
        ),
        ("협약형 특성화고 45억원(총사업비 75.5억원)", 4_500_000_000, "협약형 특성화고"),  # 특성화고, not 고
    ],
)
def test_a_noun_that_ends_like_a_verb_ending_stays_in_the_name(line: str, won: int, program: str) -> None:
    text = f"도, 정부 공모에 27개 사업 선정\n주요 선정 사업은 다음과 같다.\n{line}"
    assert links(text)[0] == (won, program)
    from etl.extract.programs import breaks_name

    assert breaks_name("없어진") and breaks_name("원천기술을") and not breaks_name("지역혁신엔진")


def test_a_bare_name_may_carry_an_english_gloss() -> None:
    text = (
        "과기정통부, 초거대AI 활용 지원 사업 공모\n과기정통부는 초거대 인공지능(AI) 활용 지원 사업 공모를 연다. "
        "'AI 바우처 사업'도 이어 간다."
    )
    # Beside a quoted program a bare one is kept when it recurs: the two spellings are one program.
    assert "초거대AI 활용 지원 사업" in names(text)


@pytest.mark.parametrize("entry", lexicon.entries("program_respective_cues"), ids=lambda e: e.term)
def test_respective_amounts_pair_with_the_programs_in_order(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    got = links(entry.example, "en" if entry.example.isascii() else "ko")
    assert len(got) == 2 and got[0][1] and got[1][1] and got[0][1] != got[1][1], got
    assert entry.example.index(got[0][1]) < entry.example.index(got[1][1]), got


def test_one_run_of_capitalised_words_may_hold_two_english_names() -> None:
    text = "The city runs the Smart Shop Project and the Data Dam Project this year."
    assert names(text, "en") == ["Smart Shop Project", "Data Dam Project"]


def test_the_one_quoted_program_is_not_the_storys_when_it_is_a_parent() -> None:
    text = ONE_QUOTED.replace(
        "공모했다.", "공모했다. 부산 사업은 'AI 자율제조 선도프로젝트'의 하나로 꼽혔다."
    )
    assert links(text)[-1] == (31_200_000_000, None)


def test_a_listed_shortening_of_a_named_program_is_that_program() -> None:
    text = "과기정통부, 추경 사업 공고\n정부는 'AI 학습용 데이터 구축 사업'을 편다. AI 학습용 데이터(3000억원)가 가장 크다."
    assert links(text) == [(300_000_000_000, "AI 학습용 데이터 구축 사업")]


def test_an_english_bullet_line_lists_its_name_with_the_amount_in_brackets() -> None:
    text = (
        "County secures national funds for the Smart Farm Project\n"
        "The county said the following were funded.\n"
        "▲ Expansion of the Livestock Manure Public Treatment Facility (KRW 9.4 billion)\n"
    )
    got = links(text, "en")
    assert (9_400_000_000, "Expansion of the Livestock Manure Public Treatment Facility") in got, got


def test_money_shared_out_among_purposes_is_not_the_storys_program() -> None:
    text = (
        "시, 'AI 행정 혁신 사업' 추진\n시는 'AI 행정 혁신 사업'을 편다고 밝혔다. "
        "관제체계 구축과 서버 이중화에는 각각 30억원이 새로 잡혔다."
    )
    assert links(text) == [(3_000_000_000, None)], links(text)


def test_a_program_is_found_again_under_the_short_form_its_gloss_gave() -> None:
    text = (
        "시, 교육 사업 선정\n시는 '소프트웨어(SW) 미래채움 사업'과 'AI 대학원 사업'에 뽑혔다. "
        "AI 대학원 사업은 90억원을 받는다. SW 미래채움 사업은 국비 35억원을 들인다."
    )
    assert (3_500_000_000, "소프트웨어(SW) 미래채움 사업") in links(text), links(text)


def test_an_amount_listed_under_a_sort_of_undertaking_is_no_programs() -> None:
    text = (
        "'지역 AI 허브 사업' 순항\n도는 '지역 AI 허브 사업'을 펴고 있다. "
        "도는 후속 단계와 예비타당성조사 사업(3000억원 정도)까지 따낼 구상이다. 16개 신규사업(총 761억 원)도 벌인다."
    )
    assert links(text) == [(300_000_000_000, None), (76_100_000_000, None)], links(text)


def test_an_english_gerund_after_the_amount_is_a_purpose_not_a_program() -> None:
    text = "Ministry starts data projects\nThe ministry said 2.8 billion won will go to developing medical equipment based on AI."
    assert links(text, "en") == [(2_800_000_000, None)], links(text, "en")


def test_a_route_between_two_places_stays_in_a_listed_name() -> None:
    text = "시, 도로 예산 확보\n울산 도시철도 1호선 건설에 360억원, 농소~외동 국도 건설에 225억원이 반영됐다."
    assert (22_500_000_000, "농소~외동 국도 건설") in links(text), links(text)


def test_an_envelope_cue_in_another_clause_leaves_the_storys_program() -> None:
    # "…본예산 반영까지": the envelope cue is said after a break, of another figure; the 480억 is the program's.
    text = (
        "'AI 신뢰성 허브센터 구축' 사업에 전주가 뽑혔다.\n"
        '이 도시는 5년간 총사업비 480억원을 투입한다…"본예산 반영까지 전력"\n'
        "올해 본예산 20억원도 들어간다."
    )
    got = links(text)
    assert got[0] == (48_000_000_000, "AI 신뢰성 허브센터 구축")
    assert got[1] == (2_000_000_000, None)


def test_an_english_bullet_line_names_the_item_its_bracketed_amount_is_for() -> None:
    text = (
        "The city asked the ministry for money for three projects.\n"
        "- Building the Harbour Data Valley (total project cost 600 billion won)\n"
        "- A design study for the river tram line (total project cost 2 billion won)"
    )
    assert links(text, "en") == [
        (600_000_000_000, "Building the Harbour Data Valley"),
        (2_000_000_000, "A design study for the river tram line"),
    ]


def test_a_group_of_example_programs_belongs_to_the_plan_the_story_is_about() -> None:
    text = (
        "시는 '항만 AI 비전'을 발표했다.\n"
        "4대 전략 아래 93개 사업에 1조원을 투입한다.\n"
        "▷연구개발: 항만 AI 연구지원사업, 물류 로봇 실증 사업 등 20개 사업에 4323억원"
    )
    assert links(text) == [(1_000_000_000_000, "항만 AI 비전"), (432_300_000_000, "항만 AI 비전")]


def test_a_pointer_back_opening_the_sentence_speaks_for_the_clause_after_its_comma() -> None:
    text = (
        "The city proclaimed its Harbour AI City Strategy on Monday. "
        "It will also launch the Harbour Data Complex Project this year. "
        "The complex will sit on a site of 46,200 square meters. "
        "Under the project, about 400 billion won will go over the next five years into core AI infrastructure."
    )
    assert links(text, "en") == [(400_000_000_000, "Harbour Data Complex Project")]


def test_an_unquoted_title_name_ending_in_a_program_word_is_the_storys_program() -> None:
    text = "물류AI센터 들어설 곳, 부산·인천으로 확정\n뽑힌 2개 센터는 한 곳마다 120억원을 지원받는다."
    assert links(text) == [(12_000_000_000, "물류AI센터")]


def test_a_title_naming_a_kind_of_facility_names_no_program() -> None:
    # "AI데이터센터": generic words (site_generic.tsv) before the program word say what kind, not which.
    text = "충남도, 당진에 2조 규모 AI데이터센터 또 유치\n사업비 2조원은 민간이 모두 댄다."
    assert [p for _, p in links(text)] == [None]


def test_a_title_figure_takes_the_program_the_body_names_when_the_title_sketches_it() -> None:
    title = "AI 데이터 구축 예산 2,805억원으로 줄어\n"
    body = "정부는 올해 AI 학습용 데이터 구축사업의 총예산은 2,805억원이라고 밝혔다."
    assert links(title + body) == [(280_500_000_000, "AI 학습용 데이터 구축사업")]
    # a title about a whole field does not sketch the program one body sentence lists
    field = "정부, 데이터ㆍ반도체 등에 내년 4조7100억원 투자\n정부는 'Big 3' 분야에 4조7100억원을 쏟는다."
    assert links(field) == [(4_710_000_000_000, None)]


def test_an_amount_in_brackets_after_a_linked_one_is_the_same_programs_money() -> None:
    text = "정부는 '바이오 데이터 엔지니어 양성' 사업 예산이 146억원 늘었다(본예산 264억원)고 밝혔다."
    assert [p for _, p in links(text)] == ["바이오 데이터 엔지니어 양성"] * 2
    # a market size in brackets is no program's money
    market = "정부는 'AI 반도체 실증' 사업에 100억원을 들인다(시장 규모 3조원)."
    assert links(market)[-1] == (3_000_000_000_000, None)


@pytest.mark.parametrize("entry", lexicon.entries("program_track_cues"), ids=lambda e: e.term)
def test_an_amount_in_a_sentence_opening_with_a_track_is_the_tracks(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    text = (
        "부처, 인공지능 선도 사업 설명회 연다\n부처는 '인공지능 융합 선도 사업' 설명회를 연다. "
        + entry.example
    )
    got = links(text)
    # The track is one of the marked items, and the one the last sentence opens with.
    assert len(got) == 1 and got[0][1] and f"△{got[0][1]} " in entry.example, got
    assert entry.example.rsplit(". ", 1)[-1].startswith(got[0][1].split()[0]), got


def test_the_sentence_after_one_opening_with_a_track_keeps_the_track() -> None:
    text = (
        "부처, 인공지능 선도 사업 설명회 연다\n부처는 '인공지능 융합 선도 사업' 설명회를 연다. "
        "이 사업은 △AI 연구거점 지정 △AI 창업기업 육성 두 갈래로 추진된다. "
        "AI 창업기업 육성은 AI 제품을 만드는 기업에 개발비를 주는 사업이다. 올해는 모두 26억원을 나눠 준다."
    )
    assert links(text) == [(2_600_000_000, "AI 창업기업 육성")]


def test_a_lead_touching_a_parent_gives_the_story_to_the_child_it_announces() -> None:
    text = (
        "광주, AI 창업기업 키운다\n지역 산업 집적단지 조성…시제품 제작 지원도 연다\n"
        "사업단은 올해 '지역 산업 집적단지 조성' 사업의 하나로 'AI (시)제품 제작 지원' 공모를 진행한다. "
        "누구나 신청할 수 있다. 과제마다 최대 1억원까지 시제품 제작에 쓸 수 있다."
    )
    assert links(text) == [(100_000_000, "AI (시)제품 제작 지원")]


def test_a_field_label_in_brackets_is_no_line_item() -> None:
    text = (
        "부처, 'AI 연구센터' 문 열어\n부처는 'AI 연구센터' 개소식을 열었다.\n"
        "※ ▴(사업기간) 3년 ▴(예산) 연 15억원(1차년도 11억원), 최대 41억원"
    )
    assert all(p is None or ")" not in p for _, p in links(text)), links(text)


def test_a_bare_name_opening_its_sentence_keeps_the_amount_of_the_next_one() -> None:
    text = (
        "부처, 데이터 사업 설명회\n부처는 '디지털 뉴딜' 데이터 사업 설명회를 연다. "
        "데이터 구축 사업은 과제당 20억원씩 지원한다. 기업 솔루션 지원 사업은 중소기업을 돕는다. "
        "선정된 기업은 최대 3억원까지 받는다."
    )
    assert links(text)[-1] == (300_000_000, "기업 솔루션 지원 사업")
