"""Program links: head-noun pointers, shares of a sum, English cues, inline bullets, earmarks, mark-less lists and parts adding up to a whole."""

from __future__ import annotations

from datetime import date

import pytest

from etl import lexicon
from etl.extract.document import extract_document
from etl.models import Document
from etl.nlp import split_sentences
from tests.test_links import links

# --- head-noun pointers, shares, English cues, inline bullets, earmarks, mark-less lists, parts ---


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
