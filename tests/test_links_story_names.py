"""Program links to the story's program: whole English names, first-named totals split by payers, names as topics, funds, defined names."""

from __future__ import annotations

import pytest

from etl import lexicon
from tests.test_links import links, names

# --- whole English names, first-named totals, names as topics, funds, defined names (the lnk1 round) ---


def test_english_names_run_across_joining_words_in_their_tail_and_before_a_lower_case_program_word() -> None:
    # "Master Plan for the Digital Transformation of X": the for-the tail and its "of" belong to the name;
    # "the Harbour-Ministry of Ports and Fisheries program": capitalised words joined by of/and are one name.
    text = (
        "The city unveiled its Action Plan for the Smart Conversion of Mokpo-si, a first for the region.\n\n"
        "The work forms part of the wider Harbour-Ministry of Ports and Fisheries program."
    )
    got = names(text, "en")
    assert "Action Plan for the Smart Conversion of Mokpo-si" in got, got
    assert "Harbour-Ministry of Ports and Fisheries program" in got, got
    # A tail naming a body stays out of the name: "the Data Plan of the Ministry of Interior".
    body = names("The city backed the Data Plan of the Ministry of Interior this year.", "en")
    assert "Data Plan" in body, body


def test_a_lower_case_name_opening_a_sentence_with_two_amounts_is_the_storys_one_program() -> None:
    # "The ocean drone project will draw …" names the program; the page's other budgets speak of its money,
    # a purpose in its own words ("into developing ocean drones") included.
    text = (
        "Korea to invest over W120b in ocean drone tech\n\n"
        "The ministry said it will put 125.5 billion won into developing ocean drones over five years.\n\n"
        "The ocean drone project will draw 100.5 billion won from state funds and 25 billion won from firms."
    )
    got = dict(links(text, "en"))
    assert set(got.values()) == {"ocean drone project"}, got
    assert len(got) == 4, got
    # A purpose of another thing keeps its own money: not the story's.
    other = text.replace("into developing ocean drones", "into a new port terminal")
    assert dict(links(other, "en"))[125_500_000_000] is None, links(other, "en")


def test_a_total_stated_after_the_first_program_and_before_any_other_is_the_first_ones() -> None:
    # The text names 'X 사업' after its lead, states its total with its split, and only then names its parts: the
    # total is X's; the title's and the lead's purpose ("R&D에 150억") describe X before it is named.
    text = (
        "항만 6개 분야 디지털전환 R&D에 150억 투입\n\n"
        "해수부, 선도 R&D 착수\n\n"
        "정부가 항만 물류의 디지털 전환을 위한 연구개발(R&D)에 3년간 150억원을 쓴다. 물류 혁신을 돕는다.\n\n"
        "해양수산부는 '스마트 해운 선도 R&D 사업'에 착수한다고 2일 밝혔다. 물류 기업의 공통 문제를 푼다.\n\n"
        "{money}"
        "첫 과제로 '스마트 크레인 데이터 구축 사업'과 '무인 야드 관제 플랫폼 사업'을 진행한다. 참여 기업은 12곳이다.\n\n"
        "{late}"
    )
    split = "2027년까지 국비 100억원과 민간 50억원 등 모두 150억원이 들어간다.\n\n"
    got = dict(links(text.format(money=split, late="")))
    name = "스마트 해운 선도 R&D 사업"
    assert got[15_000_000_000] == got[10_000_000_000] == got[5_000_000_000] == name, got
    # The same total stated only after other programs are named is no longer the first one's alone.
    late = dict(links(text.format(money="", late=split)))
    assert late[15_000_000_000] != name, late


def test_a_name_as_the_topic_speaks_for_the_clauses_after_it_up_to_a_comma() -> None:
    # "'A 사업'은 N원을 요구했지만 본예산에는 M원만": both figures are A's; after the comma "'B 사업'은 …" takes over.
    text = (
        "시의회 예산 심사\n\n"
        "'해안 관측 드론 운영 사업'은 애초 12억원을 요구했지만 본예산에는 4억원만 편성됐고, "
        "'스마트 항만 안전 플랫폼 사업'은 30억원을 신청했으나 8억원만 반영됐다."
    )
    assert links(text) == [
        (1_200_000_000, "해안 관측 드론 운영 사업"),
        (400_000_000, "해안 관측 드론 운영 사업"),
        (3_000_000_000, "스마트 항만 안전 플랫폼 사업"),
        (800_000_000, "스마트 항만 안전 플랫폼 사업"),
    ], links(text)


def test_a_lower_case_fund_name_takes_its_batches_and_the_titles_figure() -> None:
    # "the regional data growth fund" is a lower-case name (program_en_lower `fund`); its first batch is its money.
    text = (
        "Korea to raise 300 bln won for data growth fund\n\n"
        "The government plans to raise 300 billion won by 2026 for a fund that backs data firms, it said Monday.\n\n"
        "The first batch of the regional data growth fund, worth 90 billion won, will be rolled out this year. "
        "That is more than the 70 billion won first planned."
    )
    got = dict(links(text, "en"))
    assert got[90_000_000_000] == got[70_000_000_000] == "regional data growth fund", got
    assert got[300_000_000_000] == "regional data growth fund", got


def test_lower_case_words_ending_in_a_program_word_right_after_an_amount_name_what_it_sizes() -> None:
    # "a 50 billion won ($40 million) regional growth fund": the fund the amount sizes; "won in the project" is not.
    text = (
        "Bank sets up growth fund\n\n"
        "The bank said it has set up a 50 billion won ($40 million) regional growth fund to back small firms."
    )
    assert links(text, "en") == [(50_000_000_000, "regional growth fund")], links(text, "en")
    other = text.replace("regional growth fund", "in the loan program")
    assert links(other, "en") == [(50_000_000_000, None)], links(other, "en")


def test_a_topic_the_text_defines_as_a_project_is_a_program_name() -> None:
    # "X는 … 사업이다" gives X as a program's name, whatever its last word; a pointer back ("이 사업은") gives none.
    from etl.extract.defined_names import defined_programs
    from etl.nlp import split_sentences

    text = (
        "해양 데이터 시범항만은 빈 부두의 장점을 살려 미래 항만의 선도 모델을 만드는 사업이다. "
        "이 사업은 해수부가 맡는 국책사업이다. 늘어난 예산의 핵심은 새로 시작하는 사업이다."
    )
    got = [p.name for p in defined_programs(split_sentences(text), [])]
    assert got == ["해양 데이터 시범항만"], got


def test_an_unnamed_arrangement_that_forms_part_of_a_program_gives_it_the_money_before() -> None:
    # "… 3 billion won has been set aside … . The work forms part of the wider X program.": the money is X's.
    text = (
        "Port city backs harbour sensors\n\n"
        "The city said a total of 3 billion won has been set aside this year for harbour sensors. "
        "The work forms part of the wider Harbour-Ministry of Ports and Fisheries program."
    )
    assert links(text, "en") == [(3_000_000_000, "Harbour-Ministry of Ports and Fisheries program")], links(
        text, "en"
    )
    # Without the cue the money stays unlinked.
    plain = text.replace("forms part of", "is unlike")
    assert links(plain, "en") == [(3_000_000_000, None)], links(plain, "en")


@pytest.mark.parametrize("entry", lexicon.entries("program_part_of"), ids=lambda e: e.term)
def test_each_part_of_cue_gives_the_sentence_befores_money_to_the_program_after_it(
    entry: lexicon.Entry,
) -> None:
    got = links("Port city news\n\n" + entry.example, "en")
    assert got == [(3_000_000_000, "Coastal Data Program")], got


@pytest.mark.parametrize("entry", lexicon.entries("program_defined"), ids=lambda e: f"{e.meaning}:{e.term}")
def test_a_defined_topic_is_a_program_unless_a_pointer_or_modifier_opens_it(entry: lexicon.Entry) -> None:
    # `head`: "X는 … 사업이다" names X; `not_name`: "이 X는 …", "특히 X는 …" name nothing
    from etl.extract.defined_names import defined_programs
    from etl.nlp import split_sentences

    assert entry.term in entry.example
    got = [p.name for p in defined_programs(split_sentences(entry.example), [])]
    want = [entry.example.split("은 ")[0].split("는 ")[0]] if entry.meaning == "head" else []
    assert got == want, (entry.example, got)
