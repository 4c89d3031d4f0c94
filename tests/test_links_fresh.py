"""Program links found on the fresh development pages: funds, a title's program, counted phrases, numbered lines."""

from __future__ import annotations

import pytest

from etl import lexicon
from tests.test_links import links, names

# --- funds, title programs, counted phrases, numbered lines (the fresh-page round) ---


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
