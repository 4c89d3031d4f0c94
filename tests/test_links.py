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


def test_figures_after_a_sentence_announcing_spending_areas_are_no_programs() -> None:
    text = (
        "위원회, 올해 예산 확정\n위원회는 올해 예산을 확정했다. 위원회는 올해 예산을 3대 분야에 집중한다. "
        "'하나의 행정'에 1천억원, '똑똑한 행정'에 800억원, '함께 하는 성장 플랫폼'에 500억원이 배정됐다."
    )
    assert [p for _, p in links(text)] == [None, None, None]


@pytest.mark.parametrize("entry", lexicon.entries("program_build_cues"), ids=lambda e: e.term)
def test_a_quoted_name_the_money_builds_is_the_amounts_program(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    text = "정부, 'AI 일상화 사업' 예산 확정\n정부는 'AI 일상화 사업' 예산을 확정했다. " + entry.example
    quoted = entry.example.split("'")[1]
    assert [p for _, p in links(text)] == [quoted], links(text)


def test_another_version_of_a_program_is_a_program_too() -> None:
    text = (
        "부처, '의료 AI 비서 2.0' 개발 돌입\n부처는 국비 200억원을 들여 '의료 AI 비서 2.0' 개발에 나선다. "
        "부처는 '의료 AI 비서 1.0' 사업 성과보고회를 열었다."
    )
    assert links(text) == [(20_000_000_000, "의료 AI 비서 2.0")]


def test_a_pointer_in_the_sentence_before_passes_on_the_program_it_points_at() -> None:
    text = (
        "군, 'AI 집적단지 사업' 옛 학교에\n군은 'AI 집적단지 사업'을 연다. 군 컨소시엄이 'AI 융합 실증 프로젝트 사업'의 수행기관으로 뽑혔다. "
        "이 사업은 부처의 시범사업이다. 세 기관은 2025년까지 61억원을 들여 옛 학교를 고친다."
    )
    assert links(text) == [(6_100_000_000, "AI 융합 실증 프로젝트 사업")]


def test_a_paragraph_opening_with_a_quoted_name_goes_on_about_it() -> None:
    text = (
        "부처, 'AI 허브 사업' 계획 발표\n부처는 'AI 허브 사업' 계획을 내놓았다.\n\n"
        "'AI 두뇌연구실'도 만든다. 지역 거점대학을 중심으로 연구센터를 지정한다. 기업이 꼭 참여해야 한다. "
        "한 해 15억원 규모로 지원한다."
    )
    assert links(text) == [(1_500_000_000, "AI 두뇌연구실")]


# A page about one program whose lead names none: its total, stated without the name, is the program's
# (etl/extract/link_story.py).
ONE_PROGRAM_EN = (
    "Coastal towns to get sensors for flood warnings\n\nPublished 2025.03.02\n\n"
    "The ministry of oceans will place smart sensors along the southern coast this spring. "
    "Storms flooded three ports last summer. Fishing crews lost weeks of work. "
    'Officials held a launch meeting on Monday for the "Coastal Flood Data Initiative." '
    "It will link local weather stations to one platform. "
    "The government plans to invest a total of 12 billion won from 2025 to 2028."
)


def test_a_total_on_a_one_program_page_is_the_programs() -> None:
    assert links(ONE_PROGRAM_EN, "en") == [(12_000_000_000, "Coastal Flood Data Initiative")]


ONE_PROGRAM_KO = (
    "해수부 내년 예산 300억원→120억원\n의원실이 해양수산부에서 받은 자료를 분석했다. 연안 자료가 문제다. "
    "'연안 데이터 구축사업' 예산은 올해 300억원에서 내년 120억원으로 줄었다. "
    "애초 부처는 5년 동안 모두 900억원(국비 500억원, 지방비 400억원)을 들여 해안 자료를 모을 계획이었다."
)


def test_a_total_and_its_split_go_to_the_program_every_amount_went_to() -> None:
    assert links(ONE_PROGRAM_KO)[-3:] == [
        (90_000_000_000, "연안 데이터 구축사업"),
        (50_000_000_000, "연안 데이터 구축사업"),
        (40_000_000_000, "연안 데이터 구축사업"),
    ]


@pytest.mark.parametrize(
    "change",
    [
        ("모두 900억원", "모두 900억원 이상"),  # a bound: a sum or a threshold, not the program's total
        ("5년 동안 모두", "해안 관측 인프라에 모두"),  # a purpose of its own
        ("부처는 5년", "부처 예산은 5년"),  # an envelope
    ],
)
def test_no_story_total_when_the_amount_is_not_the_programs(change: tuple[str, str]) -> None:
    assert links(ONE_PROGRAM_KO.replace(*change))[-3] == (90_000_000_000, None)


def test_no_story_total_on_a_page_that_names_two_programs_and_links_nothing() -> None:
    two = ONE_PROGRAM_EN + ' The city ran the "Harbour Sensor Project" last year.'
    assert links(two, "en") == [(12_000_000_000, None)]


def test_no_story_total_before_the_one_program_is_named() -> None:
    # An agency's total budget, said before the page names its one program further down, is not that program's.
    text = (
        "Agency sets out its year with 900 billion won\n\nPublished 2026.01.21\n\n"
        "The agency will press on with AI infrastructure this year. Its head set out the plan on Monday. "
        "With a total budget of 900 billion won, the agency will back everything from chips to regional AI. "
        'It will also help build the "Coastal Flood Data Initiative" next year.'
    )
    assert links(text, "en") == [(900_000_000_000, None)]


def test_a_name_inside_a_longer_quoted_name_is_not_a_mention_of_its_own() -> None:
    """'지역주도형 AI 물류 전환' 사업 holds the words of another program (AI 물류 전환 사업): the sentence names the
    longer one only, so the amount after it is not the shorter one's."""
    from etl.extract.links import ProgramLinker
    from etl.models import Program

    sent = split_sentences("▲중기부 '지역주도형 인공지능(AI) 물류 전환' 사업 예산 90억원 국회 증액")[0]
    programs = [Program(name="AI 물류 전환 사업"), Program(name="지역주도형 인공지능(AI) 물류 전환")]
    linker = ProgramLinker([sent], programs, "ko")
    assert [n for _, n in linker.named(sent)] == ["지역주도형 인공지능(AI) 물류 전환"]


def test_a_loan_or_an_in_kind_share_is_no_program_of_its_own() -> None:
    """A kind of money listed beside a program's grants is that program's money, not a program."""
    text = (
        "'AI 로봇 실증 지원사업'이 올해 시작된다. "
        "정부는 출연금 300억원과 정책금융 융자 120억원을 합쳐 모두 420억원을 지원한다."
    )
    got = dict(links(text))
    assert got[12_000_000_000] == "AI 로봇 실증 지원사업"
    assert got[42_000_000_000] == "AI 로봇 실증 지원사업"


def test_a_bodys_yearly_programme_budget_is_an_envelope_not_its_programs() -> None:
    # README 'Budget amounts': an agency's yearly total is a base figure; the programs below sit in it.
    text = (
        "진흥원, 'AI 실증 지원사업' 넓힌다…올해 사업 예산 30억 원\n진흥원은 올해 'AI 실증 지원사업'을 넓힌다."
    )
    assert links(text) == [(3_000_000_000, None)], links(text)
    text = "부처가 올해 AI 관련 사업에 책정한 예산은 모두 900억원이다. 'AI 바우처 사업'이 가장 크다."
    assert links(text) == [(90_000_000_000, None)], links(text)


def test_an_amount_whose_own_purpose_follows_it_is_that_purposes() -> None:
    # README ruling 'Own purpose after the amount': "N원은 X에 쓰인다" is X's, a program's only if X is one.
    text = "정부는 올해 예산을 정했다. 이 가운데 300억원은 지역 AI 바우처 사업에, 500억원은 인재 양성과 인프라 구축에 쓰인다."
    assert links(text) == [(30_000_000_000, "지역 AI 바우처 사업"), (50_000_000_000, None)], links(text)
    text = "정부는 올해 예산을 정했다. 이 가운데 300억원은 'AI 바우처 사업'에, 500억원은 'AI 인재 사업'에 쓰인다."
    assert links(text) == [(30_000_000_000, "AI 바우처 사업"), (50_000_000_000, "AI 인재 사업")], links(text)


def test_a_pointer_back_refers_to_the_topic_of_the_sentence_before() -> None:
    text = (
        "대구시, 기업 지원 강화\n시는 산업 지원 계획을 내놓았다. 올해는 제조 기업을 돕는다. 예산도 늘렸다. "
        "'제조 데이터 고도화 사업'은 올해 '로봇 실증 센터'를 짓는다. 이 사업에는 국비 50억원이 들어간다."
    )
    assert links(text)[-1] == (5_000_000_000, "제조 데이터 고도화 사업")


def test_a_pointer_back_refers_to_the_name_ending_in_its_own_noun() -> None:
    text = (
        "Ports get new sensors\n\nPublished 2025.03.02\n\nThe ministry met port operators. Storms hit three ports. "
        "Crews lost weeks of work. Under the Coastal Data Strategy, the ministry launched the Harbour Sensor Project "
        "with the Port Data Fund. "
        "The project gets 8 billion won a year."
    )
    assert links(text, "en")[-1] == (8_000_000_000, "Harbour Sensor Project")


POINTER_CLAUSE = (
    "대구시, 기업 지원 강화\n시는 산업 지원 계획을 내놓았다. 올해는 제조 기업을 돕는다. 예산도 늘렸다. "
    "시는 '제조 데이터 고도화 사업'을 새로 연다. 기업 30곳이 함께한다. 이 사업에는 올해 30억원이 배정됐는데 내년에는 20억원을 더해 50억원을 "
    "편성했다."
)


def test_a_pointer_back_speaks_for_the_later_amounts_of_its_clause() -> None:
    # A second program further down: the page has no one program to fall back on.
    text = POINTER_CLAUSE + " 시는 'AI 물류 실증 사업'도 검토한다."
    assert links(text)[-1] == (5_000_000_000, "제조 데이터 고도화 사업")


def test_a_pointer_back_does_not_reach_past_a_comma_to_another_payer() -> None:
    text = POINTER_CLAUSE.replace(
        "내년에는 20억원을 더해 50억원을 편성했다", "내년에도 이어 가고, 경북도는 50억원을 쏟는다"
    )
    # A second program further down: the page has no one program to fall back on.
    assert links(text + " 시는 'AI 물류 실증 사업'도 검토한다.")[-1] == (5_000_000_000, None)


def test_a_name_whose_bracket_gives_its_project_cost_is_a_program() -> None:
    text = (
        "City asks for harbour money\n\nPublished 2025.03.02\n\nThe mayor met the minister. He asked for support. "
        "The city also wants money to build the Harbour Ferry Terminal (total project cost 12 billion won) and to "
        "open the 2·28 Memorial Garden (total project cost 3 billion won)."
    )
    assert links(text, "en") == [
        (12_000_000_000, "Harbour Ferry Terminal"),
        (3_000_000_000, "2·28 Memorial Garden"),
    ]


def test_a_note_line_glossing_other_programs_does_not_carry_them_to_the_next_line() -> None:
    """A ※ line explains programs the text compared with; the figure on the next line is the story's program's."""
    from etl.extract.links import ProgramLinker
    from etl.models import Program

    text = (
        "한빛대, 'AI 바이오 융합연구센터'로 뽑혀\n"
        "ㅇ 센터는 캠퍼스 혁신파크 조성 사업 같은 여러 정부지원사업과 맞물려 창업을 돕는다.\n"
        "※ ▴(캠퍼스 혁신파크 조성 사업) 대학 안 부지를 산업단지로 지정해 기업을 모음\n"
        "※ (재원) 총사업비 52억원을 들여 석·박사 100명을 키운다."
    )
    sents = split_sentences(text)
    programs = [Program(name="AI 바이오 융합연구센터"), Program(name="캠퍼스 혁신파크 조성 사업")]
    linker = ProgramLinker(sents, programs, "ko")
    last = sents[-1]
    at = last.text.index("52억원")
    assert linker.link(last, at, last.text[:at], "budget") == "AI 바이오 융합연구센터"


def test_a_pointer_back_takes_the_listed_program_the_text_took_up_again() -> None:
    """After a list of programs, sentences about one of them ("여권도 스마트폰에 담는다") make it the one 이 사업 means."""
    from etl.extract.link_names import echoed

    names = ["모바일 전자여권 확대", "공공 클라우드 네이티브 전환", "민원 통합플랫폼 구축"]
    assert echoed(names, "해외에서 쓰는 전자여권도 스마트폰에 담는다. 이 사업에는 ") == "모바일 전자여권 확대"
    assert echoed(names, "이 사업에는 ") is None  # nothing taken up: the caller keeps the last named
    assert echoed(names, "전자여권과 통합플랫폼을 함께 손본다. 이 사업에는 ") is None  # two taken up: unclear
    assert echoed(["인공지능 물류 허브", "인공지능 의료 허브"], "인공지능 사업단은 ") is None  # a shared word


def test_a_purpose_phrase_is_the_program_it_names() -> None:
    # README ruling 'Purpose words are not program words': the amount is the named program's the phrase holds.
    text = "시는 'AI 바우처' 사업을 편다. 시는 도로 정비에 20억원, AI 바우처 운영 지원에 30억원을 쓴다."
    assert links(text) == [(2_000_000_000, None), (3_000_000_000, "AI 바우처")], links(text)


# A sentence that names its bracketed items as projects gives names, whatever their last word (README ruling
# 'Purpose words are not program words'); a spending enumeration after the same lead does not.
NAMED_AS_PROJECTS = (
    "해양수산부 내년 예산 1조원\n해수부가 내년 예산안을 내놓았다. 어촌 지원을 늘린다. "
    "새로 생기는 사업으로는 연안 관측망 구축(30억원), 어선 데이터 확산지원(20억원) 등이 있다."
)


def test_bracketed_items_of_a_sentence_naming_projects_are_programs() -> None:
    assert links(NAMED_AS_PROJECTS)[-2:] == [
        (3_000_000_000, "연안 관측망 구축"),
        (2_000_000_000, "어선 데이터 확산지원"),
    ]


def test_items_after_a_lead_naming_them_as_projects_are_programs_with_their_money_after_them_too() -> None:
    # "세부 사업으로는 A에 N원, B에 M원": the lead names A and B as projects, however the money follows them.
    text = NAMED_AS_PROJECTS.replace("구축(30억원)", "구축에 30억원").replace(
        "확산지원(20억원)", "확산지원에 20억원"
    )
    assert [p for _, p in links(text)[-2:]] == ["연안 관측망 구축", "어선 데이터 확산지원"]


def test_a_spending_enumeration_with_no_naming_lead_names_no_program() -> None:
    text = NAMED_AS_PROJECTS.replace("새로 생기는 사업으로는 ", "부처는 ").replace(
        "구축(30억원), 어선 데이터 확산지원(20억원) 등이 있다",
        "구축에 30억원, 어선 데이터 확산지원에 20억원을 쓴다",
    )
    assert [p for _, p in links(text)[-2:]] == [None, None]


def test_a_phrase_the_text_calls_a_project_elsewhere_is_that_program_under_either_spelling_of_its_gloss() -> (
    None
):
    text = (
        "농식품부 내년 예산\n농식품부가 예산안을 냈다. 스마트팜을 넓힌다. "
        "시설 예산 가운데 스마트팜 정보통신기술(ICT) 장비 표준 확산지원(45억원)이 눈에 띈다. "
        "스마트팜 ICT 장비 표준 확산지원 사업은 농가 장비를 하나의 규격으로 묶는다."
    )
    assert links(text)[-1][1] in {
        "스마트팜 ICT 장비 표준 확산지원 사업",
        "스마트팜 정보통신기술(ICT) 장비 표준 확산지원",
    }


@pytest.mark.parametrize(
    "entry", [e for e in lexicon.entries("program_list_heads") if e.meaning == "lead"], ids=lambda e: e.term
)
def test_every_bracketed_item_after_a_naming_lead_is_its_own_program(entry: lexicon.Entry) -> None:
    text = "해양 예산 발표\n부처가 예산안을 냈다. 어촌을 돕는다. " + entry.example
    got = links(text)
    assert len(got) == 2 and all(p and p in entry.example for _, p in got), got


def test_an_english_centre_named_as_such_is_a_program_and_still_a_site() -> None:
    text = (
        "City to build a harbour data centre\n\nPublished 2025.03.02\n\nThe city is drawing up the design. "
        "Work starts next year. The city is building the Harbour District Data Center near the port. "
        "The project will cost 9 billion won in total."
    )
    assert links(text, "en") == [(9_000_000_000, "Harbour District Data Center")]
    facts = extract_document(Document(source="t", text=text, published_on=date(2025, 1, 1), lang="en"))
    assert "Harbour District Data Center" in [s.name for s in facts.sites]


def test_list_lines_under_a_spending_area_lead_are_no_programs() -> None:
    # README ruling: a spending area is not a program even in a list; the lead says the lines are areas.
    text = "'AI 바우처 사업'이 새로 생긴다.\n분야별로 보면 제조와 의료에 돈이 나뉜다.\n- 스마트 제조: 12개 과제, 90억원\n- 의료 영상: 5개 과제, 40억원"
    assert links(text) == [(9_000_000_000, None), (4_000_000_000, None)], links(text)
    # The same lines under a lead that introduces projects keep their names.
    text = "'AI 바우처 사업'이 새로 생긴다.\n올해 새로 뽑는 사업은 다음과 같다.\n- 스마트 제조 실증랩: 90억원\n- 의료 영상 플랫폼: 40억원"
    assert links(text) == [(9_000_000_000, "스마트 제조 실증랩"), (4_000_000_000, "의료 영상 플랫폼")], links(
        text
    )


def test_an_amount_sizing_a_sort_of_undertaking_is_no_programs() -> None:
    # "1조원 규모 정부 본사업", "1조원대 국책사업": an unnamed undertaking's money, not the story's program's.
    text = "도는 'AI 실증사업'을 마쳤다. 실증을 마치면 1조원 규모 정부 본사업에 도전한다."
    assert links(text) == [(1_000_000_000_000, None)], links(text)
    text = "도는 'AI 실증사업'을 마쳤다. 충남은 5000억원대 AI 대전환 국책사업에서 빠졌다."
    assert links(text) == [(500_000_000_000, None)], links(text)
    text = "도는 'AI 실증사업'을 마쳤다. 도는 30억원 규모의 'AI 실증사업'을 편다."
    assert links(text) == [(3_000_000_000, "AI 실증사업")], links(text)


@pytest.mark.parametrize("entry", lexicon.entries("program_part_leads"), ids=lambda e: e.term)
def test_the_lines_under_a_lead_listing_buildings_are_the_leads_program(entry: lexicon.Entry) -> None:
    """'다음 시설을 짓는다' lists a building's wings: their money is the program's the lead's amount went to."""
    text = entry.example.replace("\\n", "\n")
    assert entry.term.split()[-1] in text
    got = links(text)
    assert len(got) == 3 and {p for _, p in got} == {"AI 캠퍼스 조성사업"}, got


def test_lines_under_another_lead_keep_their_own_names() -> None:
    text = "한빛대는 1200억원을 들여 다음 사업을 펼친다.\n△AI 연구 지원사업(800억원)\n△AI 기숙사 건립사업(400억원)"
    assert dict(links(text))[80_000_000_000] == "AI 연구 지원사업"


def test_a_line_that_is_all_name_keeps_two_tasks_joined_by_gwa_as_one_item() -> None:
    from etl.extract.line_items import line_item

    assert line_item("스마트 항만 데이터 수집과 AI 물류 예측 모델 구축(") == (
        "스마트 항만 데이터 수집과 AI 물류 예측 모델 구축",
        True,
    )
    # In running prose the clause holds more than the name: the item is the last task only, as before.
    assert line_item("시는 항만 데이터 수집과 AI 물류 예측 모델 구축(") == ("AI 물류 예측 모델 구축", True)


@pytest.mark.parametrize("entry", lexicon.entries("program_noun_pointers"), ids=lambda e: e.term)
def test_a_pointer_by_a_head_noun_names_the_program_ending_in_it(entry: lexicon.Entry) -> None:
    # The sentence right before names a fund; the pointer's noun says the money is the facility's.
    lang = "en" if entry.term.isascii() else "ko"
    title = "Builder chosen\n\nPublished 2026.05.12\n\n" if lang == "en" else "사업자 선정\n"
    got = links(title + entry.example, lang)
    noun = entry.term.split()[-1].lower()
    assert got and got[-1][1] and got[-1][1].lower().endswith(noun), got


def test_a_head_noun_no_program_ends_in_leaves_the_amount_to_the_other_rules() -> None:
    text = (
        "Builder chosen\n\nPublished 2026.05.12\n\nThe ministry launched the Coastal Data Project. "
        "The Public Growth Fund approved its share. The builder will invest 300 billion won to equip the center."
    )
    assert links(text, "en")[-1] == (300_000_000_000, "Public Growth Fund")


def test_a_share_of_a_sum_in_its_own_sentence_is_the_program_the_sum_is_for() -> None:
    """'이 가운데' points at the sum just named in its own sentence; it carries nothing from a sentence before."""
    text = (
        "과기정통부 예산이 늘었다. 'AI 반도체 협력 프로젝트'에는 100억 원이 새로 잡혔다. "
        "'AI 보안 펀드' 조성 등 보안산업 육성 예산은 900억 원이며, 이 가운데 펀드 몫이 약 150억 원이다."
    )
    assert dict(links(text))[15_000_000_000] == "AI 보안 펀드"
    text = (
        "'AI 보안 펀드'가 새로 생긴다.\n"
        "과기정통부의 내년 예산은 18조원으로 확정됐다.\n"
        "이 가운데 1조원은 인재 양성에 쓰인다."
    )
    assert dict(links(text))[1_000_000_000_000] is None


def test_a_facility_in_the_title_gives_the_story_to_the_program_the_lead_says_builds_it() -> None:
    """The title names a campus; the lead names the 사업 that builds it: the story's money is the 사업's."""
    text = (
        "한빛대 창원캠퍼스 다시 추진…'AI 융합 혁신 캠퍼스'로\n"
        "건설사와 손잡아…강의동·기숙사 건립에 500억\n"
        "한빛대의 오랜 숙원인 창원캠퍼스 조성이 다시 추진된다.\n"
        "한빛대는 창원캠퍼스를 AI 혁신 캠퍼스로 개발하기 위한 '창원캠퍼스 개발사업' 협약을 맺는다고 밝혔다."
    )
    assert links(text) == [(50_000_000_000, "창원캠퍼스 개발사업")]
    # A centre the lead does not tie to any 사업 of its words stays the story's program.
    text = (
        "'의료 AI 창업 센터' 문 연다\n"
        "도는 친환경 청정사업과 함께 '의료 AI 창업 센터'를 연다.\n"
        "센터에는 400억원이 들어간다."
    )
    assert links(text) == [(40_000_000_000, "의료 AI 창업 센터")]


def test_a_year_mark_bracket_lists_a_purpose_phrase_unless_its_siblings_are_projects() -> None:
    # README ruling 'Purpose words are not program words': "X 개발 ('23 신규) 76억원" in prose is a purpose phrase;
    # beside items the sentence names as projects ("…사업('23 신규) 64억원") it is a line of a list of projects.
    text = "부처는 예산을 늘렸다. 양자 센서 개발 ('23 신규) 76억원, 양자 통신 기반조성 ('22) 30 → ('23) 40억원 등이다."
    assert links(text) == [(7_600_000_000, None), (3_000_000_000, None), (4_000_000_000, None)], links(text)
    text = "부처는 예산을 늘렸다. 양자 센서 개발('23 신규) 76억원, 양자 통신 실증사업('23 신규) 40억원이 편성됐다."
    assert links(text) == [(7_600_000_000, "양자 센서 개발"), (4_000_000_000, "양자 통신 실증사업")], links(
        text
    )


@pytest.mark.parametrize("entry", lexicon.entries("program_share_words"), ids=lambda e: e.term)
def test_a_share_of_a_program_stays_its_own_whatever_purpose_follows(entry: lexicon.Entry) -> None:
    got = links("해양 예산 발표\n부처가 방안을 내놓았다. 어촌을 돕는다. " + entry.example)
    assert got[-1][1] == "해양 데이터 추진방안", got
    # Without the share word the purpose after the amount decides: no program's.
    plain = entry.example.replace("추진방안의 가장 큰 몫인 ", "").replace("추진방안 예산의 일부인 ", "")
    assert links("해양 예산 발표\n부처가 방안을 내놓았다. 어촌을 돕는다. " + plain)[-1][1] is None


def test_a_quoted_name_the_cue_after_an_english_amount_gives_its_project() -> None:
    """ "a N-won project to build a "X"": the quoted words name the project the amount sizes
    (lexicon/program_tie_cues.tsv `en_quoted`); without the cue the quote ties nothing."""
    text = 'Port plan cleared\n\nIn May, Ulsan\'s 700 billion-won project to build a "smart port logistics belt" was approved.'
    assert links(text, "en") == [(700_000_000_000, "smart port logistics belt")]


def test_an_english_package_named_after_its_amount_is_an_envelope_not_the_program() -> None:
    """ "the government's 1.2 trillion won Data Harbour Deal package": the package the programme's money sits in
    (money_role_after.tsv `package`, base), no programme's, even though its name follows the amount."""
    text = (
        "Harbour money\n\nPublished 2026.05.12\n\nThe Data Harbour Deal takes 300 billion won of the extra budget. "
        "That is a quarter of the government's 1.2 trillion won Data Harbour Deal package, the minister said."
    )
    assert links(text, "en") == [(300_000_000_000, "Data Harbour Deal"), (1_200_000_000_000, None)]


def test_a_lower_case_name_worth_the_amount_gets_it() -> None:
    """ "for regional port data projects worth 90 billion won": the lower-case name before "worth" (ending in a
    program word of program_en_lower.tsv) is what the amount is the worth of; a count ("12 projects worth") is none."""
    text = (
        "Port studies planned\n\nPublished 2026.05.12\n\n"
        "Feasibility studies are planned for regional port data projects worth 90 billion won. "
        "The ministry also funds 12 projects worth 30 billion won."
    )
    assert links(text, "en") == [(90_000_000_000, "regional port data projects"), (30_000_000_000, None)]


def test_a_name_introduced_by_known_as_gets_the_money_of_what_it_names() -> None:
    """ "…, known as the Incheon Code Academy": the text names what the amount's clause described (program_tie_cues
    `en_intro`), across the commas; a body so introduced is no program."""
    text = (
        "City budget set\n\nPublished 2026.05.12\n\n"
        "About 80 billion won will go to schools that teach coding to adults, known as the Incheon Code Academy. "
        "The plan was drawn up by a panel known as the Incheon Data Committee."
    )
    assert links(text, "en") == [(80_000_000_000, "Incheon Code Academy")]
    doc = extract_document(Document(source="t", text=text, published_on=date(2025, 1, 1), lang="en"))
    assert [p.name for p in doc.programs] == ["Incheon Code Academy"]


def test_each_of_several_selected_items_gets_the_money_of_the_program_they_are_of() -> None:
    """ "Each of the pilot projects … will receive N won": one value said of several selected items is the
    program's they are of: the one the text writes in the plural (the class), not the item named last."""
    text = (
        "Dr Kim's Harbour Sensor Project Picked as a Coastal Data Mega Project\n\nPublished 2026.05.12\n\n"
        'The ministry chose a harbour sensor project as one of its "Coastal Data Mega Projects". '
        "The Busan project is led by Dr Kim. "
        "Each of the pilot projects selected will receive 4 billion won over three years."
    )
    assert links(text, "en")[-1] == (4_000_000_000, "Coastal Data Mega Project")


def test_an_english_amount_put_into_a_named_centre_or_project_is_its_and_so_is_its_share() -> None:
    """ "put N won into the X centers, of which M won …": X (ending in a facility head or a program word,
    program_tie_cues `en_into`) gets both; money put into a purpose ("into the development of chips") gets none."""
    text = (
        "Centres picked\n\nPublished 2026.05.12\n\n"
        "Korea will put 120 billion won into the regional marine data centers, of which 20 billion won will go "
        "to launching new projects. It will also put 50 billion won into the development of sensor chips."
    )
    name = "regional marine data centers"
    assert links(text, "en") == [(120_000_000_000, name), (20_000_000_000, name), (50_000_000_000, None)]


def test_that_n_won_project_points_at_the_name_quoted_before_and_its_carries_it() -> None:
    """'the "Harbour Data Town," … . That 300 billion won project …': the demonstrative, the amount and a program
    word point at the name the sentence before quotes; "its planning study" in the next sentence is that project's."""
    text = (
        'Port plan backed\n\nPublished 2026.05.12\n\nThe ministry runs the "Smart Port" project. '
        'Lee said the "Harbour Data Town," part of the Smart Port vision, has momentum. '
        "That 300 billion won project would build homes. "
        "A total of 2 billion won was set aside for its planning study."
    )
    name = "Harbour Data Town"
    assert links(text, "en") == [(300_000_000_000, name), (2_000_000_000, name)]


@pytest.mark.parametrize("entry", lexicon.entries("money_topic_verbs"), ids=lambda e: e.term)
def test_an_english_envelope_subject_gives_its_figure_the_base_role_across_asides(
    entry: lexicon.Entry,
) -> None:
    """ "The city's AI budget for 2027, as approved …, comes to 80 billion won": the envelope is the sentence's
    subject, the verb (money_topic_verbs.tsv) states its figure: base, no program's, though a program was named."""
    from etl.extract.budgets import extract_budgets

    assert entry.term in entry.example
    text = (
        'Budget passed\n\nPublished 2026.05.12\n\nThe city wrote the "Harbour AI Project" plan. '
        + entry.example
    )
    facts = extract_document(Document(source="t", text=text, published_on=date(2025, 1, 1), lang="en"))
    assert [(b.role, b.program) for b in facts.budgets] == [("base", None)]
    assert [b.role for b in extract_budgets(split_sentences(entry.example), date(2025, 1, 1))] == ["base"]


def test_a_hedged_round_figure_of_an_exact_one_takes_its_role_and_program() -> None:
    """ "more than 80 billion won" beside "comes to 81.2 billion won": the same figure said again, rounded; it
    takes the exact one's role (here an envelope's, so no program); a round figure of nothing stays as it was."""
    text = (
        'Money secured\n\nPublished 2026.05.12\n\nKim shaped the "Harbour AI Project" and brought Ulsan more than '
        "80 billion won in national funding. The city's AI budget for 2027, as passed on May 2, comes to 81.2 billion "
        "won. The Harbour AI Project also gets some 30 billion won."
    )
    facts = extract_document(Document(source="t", text=text, published_on=date(2025, 1, 1), lang="en"))
    got = [(b.amount_krw, b.role, b.program) for b in facts.budgets]
    assert got == [
        (80_000_000_000, "base", None),
        (81_200_000_000, "base", None),
        (30_000_000_000, "budget", "Harbour AI Project"),
    ]


def test_an_unnamed_english_package_may_be_the_program_itself() -> None:
    """ "a 9 trillion won package for its port industry" with no programme's name between amount and "package": the
    package can be the programme the story announces (only a named package is an envelope, program_envelope_cues
    `en_named`)."""
    text = (
        "Korea sets out 9 trillion won package for its port industry\n\nPublished 2026.05.12\n\n"
        "The ministry announced the Smart Port Support Program, a package for port operators worth 9 trillion won."
    )
    assert {p for _, p in links(text, "en")} == {"Smart Port Support Program"}


def test_an_inline_bullet_item_is_named_by_all_its_words() -> None:
    # "△A를 위한 B 조성 80억원": the words between the mark and the amount are one item, even 'A를 위한'.
    text = (
        "위원회는 정부안에 없던 사업을 더했다. 새로 담긴 사업은 △해양 관측 고도화 90억원 "
        "△연안 재난 대응을 위한 지역 데이터 공유 체계 마련 80억원 △소형 위성 기반 해양 감시(R&D) 40억원 등이다."
    )
    assert links(text) == [
        (9_000_000_000, "해양 관측 고도화"),
        (8_000_000_000, "연안 재난 대응을 위한 지역 데이터 공유 체계 마련"),
        (4_000_000_000, "소형 위성 기반 해양 감시"),
    ], links(text)


def test_an_earmark_line_links_the_project_named_before_its_budget() -> None:
    # "X 건립 예산 N원": the project noun before 예산 makes X the program; a field's budget stays no program's.
    text = (
        "국회가 내년 예산안을 고쳤다. 한 의원의 지역구에는 시립 과학관 건립 예산 4억원이 증액됐다. "
        "다른 지역구에서는 하천 유역 오수처리시설 확충 예산이 20억원 늘었다. 인재 양성 예산은 30억원 줄었다."
    )
    assert links(text) == [
        (400_000_000, "시립 과학관 건립"),
        (2_000_000_000, "하천 유역 오수처리시설 확충"),
        (3_000_000_000, None),
    ], links(text)


def test_a_line_of_a_markless_list_under_a_lead_naming_projects_is_named_whole() -> None:
    # Lines with no mark under "다음 사업들이 선정됐다.": each line's words up to its amount are a project's name,
    # a purpose phrase included (README ruling 'Purpose words are not program words': a list introduced as projects).
    text = (
        "해양 분야 공모 결과\n\n도는 올해 공모에서 국비를 따냈다.\n\n해양 분야에서는 다음 사업들이 선정됐다.\n\n"
        "연안 관측 데이터 공유 사업(40억원)\n\n어장 감시를 위한 위성 영상 분석 체계 구축 30억원(총사업비 50억원)\n\n"
        "도는 내년에도 공모에 나선다."
    )
    assert links(text) == [
        (4_000_000_000, "연안 관측 데이터 공유 사업"),
        (3_000_000_000, "어장 감시를 위한 위성 영상 분석 체계 구축"),
        (5_000_000_000, "어장 감시를 위한 위성 영상 분석 체계 구축"),
    ], links(text)
    # The same lines under no lead (a title and a subtitle) stay as they were: a purpose phrase names nothing.
    bare = "어장 감시를 위한 위성 영상 분석 체계 구축 30억원\n\n도는 올해 공모에서 국비를 따냈다."
    assert links(bare)[0][1] != "어장 감시를 위한 위성 영상 분석 체계 구축", links(bare)


def test_a_quote_holding_a_won_figure_as_its_object_is_speech_not_a_program() -> None:
    # "…에 50억원을 투자할 계획"이라고 밝혔다: what someone said, though it ends in the program word 계획.
    text = '해양 데이터 발표\n\n장관은 "2030년까지 연안 관측 모델 개발에 50억원을 투자할 계획"이라고 밝혔다.'
    doc = extract_document(Document(source="t", text=text, published_on=date(2025, 1, 1), lang="ko"))
    assert not any("50억원" in p.name for p in doc.programs), [p.name for p in doc.programs]
    assert all(b.program is None or "50억원" not in b.program for b in doc.budgets)


def test_words_the_page_counts_as_several_projects_name_no_one_program() -> None:
    # "12개 연안 데이터 사업" in the body: the title's "연안 데이터 사업에 300억원" is the group's money, not a program's.
    text = (
        "연안 데이터 사업에 300억원…12개 사업 추진\n\n"
        "부처는 12개 연안 데이터 사업을 펼친다고 밝혔다. "
        "올해 연안 데이터 사업 예산은 지난해보다 20억원 늘었다."
    )
    assert links(text) == [(30_000_000_000, None), (2_000_000_000, None)], links(text)


def test_the_total_of_a_count_of_new_projects_is_not_the_story_programs() -> None:
    # "5개 신규사업(총 40억 원)": a group's total, not the one program the page links its other amounts to.
    text = (
        "해양 데이터 확대\n\n부처는 해양 데이터 사업을 넓힌다.\n\n"
        "올해 실증을 위한 5개 신규사업(총 40억 원)을 새로 벌여 어업 혁신을 이끈다.\n\n"
        "해양관측 사업은 지난해보다 10억원 늘어난 60억원 규모로 추진해 어촌 과제 9개를 지원한다."
    )
    assert links(text) == [
        (4_000_000_000, None),
        (1_000_000_000, "해양관측 사업"),
        (6_000_000_000, "해양관측 사업"),
    ], links(text)


def test_amounts_that_add_up_to_a_programs_amount_are_its_parts() -> None:
    # README ruling 'Part and parent': "먼저 X 분야에 500억원" then parts summing to it (up to rounding) are X's,
    # unless a part is a program of its own; parts that do not add up stay no program's.
    text = (
        "해양수산부 내년 예산안 1조원\n\n부처는 예산안을 짰다. 먼저 해양 디지털 뉴딜에 500억원을 넣는다.\n\n"
        "관측망에는 201억원, 어업 자동화 부문에는 150억원이 들어간다. 항만데이터에는 149억원을 반영했다.\n\n"
        "기초연구에는 2000억원을 투입한다. 극지 연구에 300억원, 해양 생물 연구에 200억원이 쓰인다."
    )
    assert links(text) == [
        (1_000_000_000_000, None),
        (50_000_000_000, "해양 디지털 뉴딜"),
        (20_100_000_000, "해양 디지털 뉴딜"),
        (15_000_000_000, "해양 디지털 뉴딜"),
        (14_900_000_000, "해양 디지털 뉴딜"),
        (200_000_000_000, None),
        (30_000_000_000, None),
        (20_000_000_000, None),
    ], links(text)


def test_english_funds_an_amount_is_supplied_in_are_its_program_but_a_payers_funds_are_not() -> None:
    """ "N won in regional growth support funds" (program_tie_cues `en_in_funds`) names the funds; "in state funds"
    is the payer (money_kind_after.tsv), no program; the funds named as the topic carry the split after them."""
    text = (
        "Agency to supply 900 billion won in regional growth support funds\n\nPublished 2026.05.12\n\n"
        "Next year's regional growth support funds will total 912.5 billion won: 800 billion won in loans and "
        "112.5 billion won in interest subsidies. Each region also gets 3 billion won in state funds."
    )
    name = "regional growth support funds"
    assert links(text, "en") == [
        (900_000_000_000, name),
        (912_500_000_000, name),
        (800_000_000_000, name),
        (112_500_000_000, name),
        (3_000_000_000, None),
    ], links(text, "en")


def test_a_capitalised_quoted_name_right_after_an_english_amount_and_a_year_inside_a_name() -> None:
    """'A 90 billion won "Harbour AI Fast Track"' names what the amount sizes; "the 150 billion won Busan Vision 2030
    Fund" keeps its year inside the name; another English amount between ends the first amount's clause."""
    text = (
        "Port aid\n\nPublished 2026.05.12\n\nBusan will widen help for port firms next year. "
        'A 90 billion won "Harbour AI Fast Track" will be set up for port firms. '
        "Firms that use AI will get priority.\n\n"
        "The city will spend 70 billion won on R&D and run the 150 billion won Busan Vision 2030 Fund."
    )
    assert links(text, "en") == [
        (90_000_000_000, "Harbour AI Fast Track"),
        (70_000_000_000, None),
        (150_000_000_000, "Busan Vision 2030 Fund"),
    ], links(text, "en")


@pytest.mark.parametrize(
    "entry",
    [e for e in lexicon.entries("program_list_heads") if e.meaning == "en_including"],
    ids=lambda e: e.term,
)
def test_an_amount_listed_after_projects_including_is_the_project_it_is_for(entry: lexicon.Entry) -> None:
    """ "… for five projects, including 30 billion won for the harbour data hub": the lead names the items as
    projects, so the item after "for" is a name (README ruling: a sentence that names its items as projects)."""
    got = links("Requests\n\nPublished 2026.05.12\n\n" + entry.example, "en")
    assert got[-1] == (30_000_000_000, "harbour data hub"), got


def test_a_hedged_english_amount_still_reaches_the_name_its_cue_gives_and_its_deck_line_takes_it() -> None:
    """ "more than 9 trillion won would be spent on a "port data highway"": the hedge is part of the amount's text,
    so its cue is still read; the subtitle line stating the same figure ("9 trillion won for a port data highway")
    is the same row and takes the program."""
    text = (
        "Pledge of 50 trillion won for AI\n\n9 trillion won for a port data highway; 4 trillion won for power\n\n"
        "Published 2026.05.12\n\nThe candidate set out a pledge. It is large. It came on Monday.\n\n"
        'More than 9 trillion won would be spent on a "port data highway."'
    )
    assert dict(links(text, "en"))[9_000_000_000_000] == "port data highway"


def test_the_short_form_an_english_page_gives_a_program_in_brackets_names_it_again() -> None:
    """ "the Harbour Data Fund (HDF)" … "HDF will now put AI first. This year the fund will put in 50 billion won":
    the bracketed short form, as a whole word, names the program; the same letters inside a word do not."""
    text = (
        "Port fund turns to AI\n\nPublished 2026.05.12\n\nOfficials met in Busan. Talks went well. They met again.\n\n"
        "The heads of the Harbour Data Fund (HDF) attended. Having long backed shipping, HDF will now put AI first. "
        "This year the master fund will put in 50 billion won. Separately, SHDFX pledged 9 billion won."
    )
    got = links(text, "en")
    assert got[0] == (50_000_000_000, "Harbour Data Fund"), got


def test_of_that_takes_the_program_of_the_figure_the_sentence_before_linked() -> None:
    """ "Over 20 billion won of that": the share of the figure the sentence before linked (program_anaphora
    `linked_before`)."""
    text = (
        "Port money\n\nPublished 2026.05.12\n\nPort firms met the minister. They asked for help. It was cold.\n\n"
        "Having long backed shipping, the Harbour Data Fund will now put AI first. "
        "This year it will put in 50 billion won. Over 20 billion won of that will go to AI chips."
    )
    assert links(text, "en")[-1] == (20_000_000_000, "Harbour Data Fund")


def test_the_money_of_doing_something_takes_no_program_from_the_sentence_before() -> None:
    # "…를 실증하고 확산하는 데는 N원": the amount's own purpose; the fund the sentence before named is not its program.
    text = (
        "정부, 해양 산업 육성에 1000억 쏟는다\n\n정부가 해양 기술 경쟁력을 끌어올리기 위해 내년 관련 예산을 "
        "1000억원으로 잡았다.\n\n정부는 29일 국무회의에서 이 방안을 확정했다.\n\n'어촌 뉴딜 사업'에는 300억원이 "
        "배정됐다. '해양 데이터 펀드' 조성 등 해양산업 육성 예산은 올해보다 17% 증가한 500억 원이며, 이 가운데 펀드 "
        "몫이 약 100억 원이다. 새로운 관측 체계인 '연안 디지털 트윈'을 실증하고 확산하는 데는 90억 원을 쓴다."
    )
    got = links(text)
    assert got[3] == (10_000_000_000, "해양 데이터 펀드") and got[-1] == (9_000_000_000, None), got


def test_counts_kinds_of_money_and_purpose_phrases_name_no_program() -> None:
    # "하천 횡단구조물 개선(115억원)", "정수장 위생관리에는 26억원": purpose phrases in prose; "기관 2곳에는": a count;
    # "민간 자체 투자 약 5억원": a payer's own money; "정부 공모사업으로 따낸": a sort of undertaking, not a name.
    text = (
        "환경부 내년 예산안 확정\n\n부처는 예산안을 짰다. 수질 개선을 위해서는 하천 횡단구조물 개선(115억원), "
        "유량 측정망 고도화(60억원) 등을 추진한다. 지방정수장 위생관리에는 26억원이 새로 들어간다. "
        "과제를 낸 기관 2곳에는 5억원을 준다. 국비 약 20억원과 민간 자체 투자 약 5억원이 들어간다. "
        "정부 공모사업으로 따낸 대형 과제들과 맞물려 예산 23억원을 넣는다."
    )
    assert all(p is None for _, p in links(text)), links(text)


def test_the_first_item_after_a_lead_naming_projects_is_named_too() -> None:
    # "주요 사업으로는 A 500억원, B 300억원": the lead names its items as projects (README ruling), the first included.
    text = (
        "해양수산부 내년 예산안\n\n부처는 예산안을 짰다. 주요 사업으로는 연안 관측 위성개발 500억원, "
        "어장 감시 혁신개발 300억원 등이 있다."
    )
    assert links(text) == [(50_000_000_000, "연안 관측 위성개발"), (30_000_000_000, "어장 감시 혁신개발")], (
        links(text)
    )


def test_a_quoted_leading_school_designation_is_the_storys_program() -> None:
    # "'X 선도학교'": a quoted designation programme (program_forms 선도학교), the story's program over a bare
    # "X 지원 사업" the lead mentions.
    text = (
        "교육청, '해양 교육 선도학교' 30교로 늘린다…5억원 투입\n\n교육청은 올해 '해양 교육 선도학교'를 30교 "
        "선정한다고 밝혔다. 사업예산 5억원을 들여 해양 교육 지원 사업을 넓힌다.\n\n"
        "모두 30교를 뽑아 한 학교에 1000만 원씩 지원한다."
    )
    got = dict(links(text))
    assert got[10_000_000] == "해양 교육 선도학교", got


def test_a_marked_lines_head_speaks_for_the_later_sentences_of_its_line() -> None:
    # "① A: … . … 2단계에 30억원": the line's head names the item the amount is for, nearer than the story's program;
    # an amount in the head's own sentence keeps what that sentence says.
    text = (
        "해양 데이터 과제 공고…부처, 모두 100억원 투입\n"
        "부처는 「해양 데이터 전략」에 따라 신규과제를 모집한다고 밝혔다.\n"
        "모집하는 과제는 다음과 같다.\n"
        " ① 연안 관측 플랫폼: 관측 자료를 모으는 플랫폼을 만든다. 올해 3개 과제에서 기반을 갖추고 2단계에 30억원을 넣는다.\n"
        " ② 어장 감시 솔루션: 위성 자료로 어장을 살핀다. 신규 2개 과제에 총 20억원을 준다.\n"
    )
    got = dict(links(text))
    assert got[3_000_000_000] == "연안 관측 플랫폼" and got[2_000_000_000] == "어장 감시 솔루션", got


def test_one_compound_figure_is_not_a_list_of_spending_areas() -> None:
    # "이 사업에는 모두 12억5000만원이 … 분야별로는 …": one figure (not two), so the sentence lists no areas and the
    # pointer back gives the amount to the program the sentence before named.
    text = (
        "시, 해양 데이터 행정 추진\n\n시는 2024년부터 '해양 데이터 행정 추진사업'을 해 오고 있다. "
        "2024년부터 4년 동안 이어지는 이 사업에는 모두 12억5000만원이 들어갈 예정이며, 분야별로는 행정업무 "
        "자동화가 30%로 가장 큰 몫을 차지한다."
    )
    assert links(text) == [(1_250_000_000, "해양 데이터 행정 추진사업")], links(text)


def test_a_story_whose_title_names_its_one_program_takes_its_unlinked_budgets() -> None:
    # The title holds the end of the one program's name ("data fund" of "Busan Maritime Data Fund"): once the text
    # has named the program, the page's unlinked budgets are its, not only its totals; before the name, open.
    text = (
        "Port city and shipping firms team up to steer data fund into robotics\n\n"
        "Three shipping firms pledged 90 billion won for robotics on Monday.\n\n"
        "The city said the plans were unveiled at a joint event.\n\nOfficials of two ministries also attended.\n\n"
        "The heads of the Busan Maritime Data Fund spoke after them.\n\nMore partners may join later.\n\n"
        "This year limited partners will put in 60 billion won so that new sub-funds can be formed."
    )
    got = links(text, "en")
    assert got == [(90_000_000_000, None), (60_000_000_000, "Busan Maritime Data Fund")], got
    # A title that does not name it: the figure that is no total stays no program's.
    other = text.replace("steer data fund into robotics", "back robotics startups")
    got = links(other, "en")
    assert got == [(90_000_000_000, None), (60_000_000_000, None)], got


def test_a_verb_ending_standing_alone_before_a_name_is_not_part_of_it() -> None:
    # "…을 대상으로 한 X 시범사업": 한 is the verb of the clause before (lexicon/program_name_breaks `stop`).
    text = "부처는 전국 시군을 대상으로 한 제2차 스마트항만 시범사업 공모 결과를 발표했다. 모두 30억 원이 들어간다."
    assert "제2차 스마트항만 시범사업" in names(text), names(text)
    assert not any(n.startswith("한 ") for n in names(text)), names(text)


def test_a_name_the_title_quotes_and_the_lead_quotes_again_is_the_storys_program() -> None:
    # A page naming no program by its words: the title's quoted name, quoted again in the lead, is what it is about.
    text = (
        "서해권 해양 거점 '군산 해양데이터 허브' 문 열어…2027년까지 60억원 투입\n\n"
        "서해권 해양 데이터 생태계의 거점이 될 '군산 해양데이터 허브'가 문을 열었다.\n\n"
        "개소식에는 시장과 관계자들이 참석했다.\n\n"
        "시는 이 사업에 2027년까지 국비 40억원을 포함해 모두 60억원을 들일 계획이다."
    )
    got = links(text)
    assert got and all(p == "군산 해양데이터 허브" for _, p in got), got
    # A short quoted goal ("'AI 3강' 겨냥") is no name.
    goal = text.replace("'군산 해양데이터 허브'", "'해양 3강'")
    assert all(p is None for _, p in links(goal)), links(goal)


def test_a_count_at_the_end_of_a_listed_phrase_is_no_name() -> None:
    # "지자체 3곳에는 4억원", "계속사업 120건 900억원": how many, not which (line_items._NOT_A_NAME).
    text = "해양 데이터 활용 촉진사업 공모\n\n부처는 올해 공모를 시작했다. 실증 과제를 낸 지자체 3곳에는 4억원을 준다."
    assert not any((p or "").endswith("3곳") for _, p in links(text)), links(text)
    text = "시는 신규사업 12건 150억 원, 계속사업 120건 900억 원을 확보했다."
    assert not any((p or "").endswith("건") for _, p in links(text)), links(text)


def test_a_call_whose_word_before_is_a_sort_is_no_name() -> None:
    # "이 사업은 국가 공모사업으로": whose call it is, not which one; the pointer keeps the amount with the program.
    text = (
        "'해안형 스마트항만 조성사업' 예산 깎여\n\n시가 추진하는 '해안형 스마트항만 조성사업'이 차질을 빚고 있다.\n\n"
        "이 사업은 국가 공모사업으로, 국비 150억원은 모두 확보했다."
    )
    assert links(text) == [(15_000_000_000, "해안형 스마트항만 조성사업")], links(text)
    # A call with a name before it stays a name.
    assert "스마트항만 공모사업" in names("시는 스마트항만 공모사업에 50억원을 쓴다.")


def test_the_funds_an_english_amount_comes_as_name_it() -> None:
    # "N won in X funds": the money comes as the named funds; a payer's funds ("in state funds") name none.
    text = (
        "Fisheries ministry to lend more next year\n\n"
        "Young fishers will get 90 billion won in coastal startup support funds, while others get less."
    )
    assert links(text, "en") == [(90_000_000_000, "coastal startup support funds")], links(text, "en")
    text = "Port city to widen its harbour data hub\n\nThe city will add 3 billion won in state funds over three years."
    assert links(text, "en") == [(3_000_000_000, None)], links(text, "en")


def test_a_numbered_line_under_a_list_lead_names_its_amount() -> None:
    # "① A: … 총 N원" under "…과제는 다음과 같다.": the line's own name, not the strategy the lead named.
    text = (
        "해수부, 해양 AI 과제 모집\n\n부처는 지난달 「해양 AI 확산 전략」을 내놓았다.\n\n"
        "이번에 모집하는 과제는 다음과 같다.\n"
        " ① 어선 안전 AI 실증: 어선에 AI 관제 장비를 단다. 신규 4개 과제에 총 32억원\n"
        " ② 항만 물류 데이터 연계: 항만 데이터를 모은다. 2단계 기술개발에 총 50억원\n\n"
        "□ 신청은 다음 달까지 받는다."
    )
    assert links(text) == [(3_200_000_000, "어선 안전 AI 실증"), (5_000_000_000, "항만 물류 데이터 연계")], (
        links(text)
    )


def test_the_titles_quoted_name_quoted_again_comes_before_a_program_the_lead_names() -> None:
    # The title quotes what the story is about; the lead's generic "X 지원 사업" is the same undertaking's work.
    text = (
        "시교육청, '해양 교육 거점학교' 30교로 늘린다…8억여원 투입\n\n"
        "시교육청은 올해 '해양 교육 거점학교'를 30교 선정한다고 밝혔다.\n\n"
        "사업예산 8억 2000여만 원을 들여 해양 교육 지원 사업을 넓힌다.\n\n"
        "모두 10교를 뽑아 한 학교에 1500만 원씩 지원한다."
    )
    got = dict(links(text))
    assert got[800_000_000] == got[15_000_000] == "해양 교육 거점학교", got
    # A title speaking of a budget ("내년 예산으로 'X' 그린다") keeps the lead's program.
    budget = text.replace("'해양 교육 거점학교' 30교로 늘린다", "내년 예산으로 '해양 교육 거점학교' 늘린다")
    assert all(p != "해양 교육 거점학교" for _, p in links(budget)), links(budget)


def test_a_name_right_after_an_english_amount_is_what_it_sizes() -> None:
    # 'A 90 billion won "X"', 'the 60 billion won Busan Ocean 2030 Fund': the name the amount sizes.
    text = (
        "Port city widens marine startup support\n\n"
        'A 90 billion won "Blue Harbour Fast Track" will be set up for marine startups.\n\n'
        "The city will also run the 60 billion won Busan Ocean 2030 Fund to grow young companies."
    )
    got = links(text, "en")
    assert got == [(90_000_000_000, "Blue Harbour Fast Track"), (60_000_000_000, "Busan Ocean 2030 Fund")], (
        got
    )


def test_the_first_item_after_a_projects_lead_is_named_as_the_others() -> None:
    # "주요 사업으로는 A 500억원, B 300억원 등이 있다": A follows the lead as B follows the comma (README ruling).
    text = (
        "해수부 내년 예산안\n\n부처는 내년 예산안을 짰다. "
        "주요 사업으로는 연안 관측 위성개발 500억원, 항만 물류 혁신기술개발 300억원 등이 있다."
    )
    assert links(text) == [
        (50_000_000_000, "연안 관측 위성개발"),
        (30_000_000_000, "항만 물류 혁신기술개발"),
    ], links(text)
