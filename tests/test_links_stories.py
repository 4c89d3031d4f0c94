"""Program links: spending areas, story totals, pointers back, purpose phrases and lists naming projects (the first rules are in tests/test_links.py)."""

from __future__ import annotations

from datetime import date

import pytest

from etl import lexicon
from etl.extract.document import extract_document
from etl.models import Document
from etl.nlp import split_sentences
from tests.test_links import links

# --- spending areas, story totals, pointers back, purpose phrases, lists naming projects ---


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
