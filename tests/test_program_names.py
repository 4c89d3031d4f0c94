"""Program names: catalogue spellings, a period beside a figure, the lead, where a listed or English name ends, and what is no program name (program finding and the first link rules are in tests/test_programs.py)."""

from __future__ import annotations

from datetime import date

import pytest

from etl import lexicon
from etl.extract.document import extract_document
from etl.extract.line_items import line_item
from etl.extract.programs_en import lower_names
from etl.models import Document
from etl.nlp import split_sentences
from tests.test_programs import _program_names, links, names

# ---- Program names: catalogue spellings, periods, leads, where a name ends, what is no name ----


def test_a_quoted_english_name_the_catalogue_lists_is_a_program() -> None:
    """'Strategy' is no Korean form word: the programs catalogue vouches for the name (its English twin meets the
    Korean announcement on one program); an English quote it does not list still needs a form word."""
    text = 'The "AI Semiconductor Industry Development Strategy" was adopted. A "one company, one chip" program starts.'
    assert (
        "AI Semiconductor Industry Development Strategy",
        "AI Semiconductor Industry Development Strategy",
    ) in names(text, "en")
    assert not any(
        n == "Semiconductor Growth Vision"
        for n, _ in names('The "Semiconductor Growth Vision" was out.', "en")
    )


def test_a_period_stated_beside_a_figure_is_the_programs() -> None:
    text = (
        "과기정통부는 'AI 연구거점' 수행기관으로 KAIST 컨소시엄을 선정했다. 주관기관은 KAIST이다. 공모와 평가를 거쳤다. "
        "사업 기간은 2024~2028년으로, 정부는 이 기간 국비 360억원을 지원한다. "
        "국제공동연구로는 '로봇 파운데이션 모델' 연구가 먼저 추진된다."
    )  # two programs: the period sentence is not next to the name, so only the figure ties it
    facts = extract_document(Document(source="x.txt", text=text, lang="ko", published_on=date(2024, 8, 18)))
    lab = next(p for p in facts.programs if p.name == "AI 연구거점")
    assert [(b.amount_krw, b.program) for b in facts.budgets] == [(36_000_000_000, "AI 연구거점")]
    assert (lab.start_year, lab.end_year) == (2024, 2028)


def test_the_lead_skips_breadcrumbs_and_datelines_and_may_hold_a_long_piece_of_the_name() -> None:
    text = (
        "전국 > 부산·경남\n부산시, 항공 부품 공정에 AI 자율제조 심는다\n입력 : 2024-10-29 10:31:00\n"
        "부산시는 기관들과 기술을 개발한다. 아홉 기관이 함께한다. 정부는 'AI 자율제조 선도프로젝트'를 공모했다. "
        "부산은 312억원을 투입한다."
    )
    assert links(text) == [(31_200_000_000, "AI 자율제조 선도프로젝트")]
    # A program named only further down, and in the lead by no long piece of its name, is not the story's
    # (the sentence right before the amount names none: that one would carry its program; nor is it the page's
    # one quoted program: that one is the story's, tests/test_links.py).
    other = text.replace("AI 자율제조 심는다", "로봇 공정 바꾼다").replace(
        "공모했다. ", "공모했다. 시도 나섰다. 'AI 물류 실증 사업'도 있다. 시는 준비한다. "
    )
    assert links(other) == [(31_200_000_000, None)]


def test_a_name_followed_by_a_body_word_is_a_body_not_a_program() -> None:
    text = "The ministry spoke at the AI Strategy High-Level Consultative Council on Thursday."
    assert names(text, "en") == []


def test_a_figure_before_a_bare_name_is_not_part_of_it_and_a_clause_is_no_name() -> None:
    got = [n for n, _ in names("389억 피지컬AI 실증사업 연내 마무리. 이 사업은 계속된다.")]
    assert got == ["피지컬AI 실증사업"], got
    # "전환이 핵심 사업": a word ending in a particle (Kiwi: 이/JKS) ends the name, leaving too little.
    assert names("△모바일 신분증 확대 △클라우드 네이티브 전환이 핵심 사업으로 꼽혔다.") == []


def test_a_comma_inside_a_number_does_not_end_a_listed_name() -> None:
    # A lead naming the lines as projects gives names (a bare prose enumeration would not: prose_lines.py).
    text = (
        "정부안의 세부 사업으로는 GPU 구매에 1조4,600억원, 민간 GPU 2,600장 임차에 1,723억원이 잡혀 있었다."
    )
    assert links(text) == [(1_460_000_000_000, "GPU 구매"), (172_300_000_000, "민간 GPU 2,600장 임차")]


@pytest.mark.parametrize("entry", lexicon.entries("program_en_name_stops"), ids=lambda e: e.term)
def test_an_english_name_after_a_tie_cue_ends_before_a_stop_word(entry: lexicon.Entry) -> None:
    """A stop word ends the name ("the data voucher project this year"); a category word after it ("key
    technologies such as bio") makes it a field with examples, no program."""
    assert entry.term in entry.example
    [(_, program)] = links(entry.example, "en")
    if entry.meaning == "category":
        assert program is None
    else:
        assert program and entry.term not in program.split(), program


def test_an_english_tie_reads_past_the_figures_own_point_and_a_bracket() -> None:
    text = (
        "About 1.5 trillion won (US$1.3 billion) will be put into intelligent semiconductor R&D, which helps."
    )
    assert links(text, "en") == [(1_500_000_000_000, "intelligent semiconductor R&D")]
    assert links("Of it, 5 billion won will go to a separate project.", "en") == [(5_000_000_000, None)]


def test_an_unquoted_name_said_once_is_kept_when_its_sentence_carries_won() -> None:
    text = (
        "과기정통부는 '디지털 뉴딜'의 데이터 사업을 안내했다. "
        "데이터 가공바우처 지원사업은 과제당 7000만원씩 모두 587건을 지원한다. "
        "국방 ICT R&D 전용사업을 새로 만들어 4년간 모두 369억원을 투입한다."
    )
    got = [n for n, _ in names(text)]
    assert "데이터 가공바우처 지원사업" in got and "국방 ICT R&D 전용사업" in got, got
    assert links(text) == [
        (70_000_000, "데이터 가공바우처 지원사업"),
        (36_900_000_000, "국방 ICT R&D 전용사업"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name before another amount and a finished clause ("…깎이고 …더해졌으며,") is that amount's.
        (
            "심사에서 정책펀드와 AI 지원 사업 등이 4조3,000억원 깎이고 민생 예산에 4조2,000억원이 더해졌으며, "
            "정부안에서 10조1,000억원이던 AI 예산도 조정됐다.",
            [(4_300_000_000_000, None), (4_200_000_000_000, None), (10_100_000_000_000, None)],
        ),
        (
            "해킹바이러스 대응 플랫폼에는 90억원을 증액했고, AI 기반 침해대응체계 구축에 50억원을 새로 넣었다.",
            [(9_000_000_000, "해킹바이러스 대응 플랫폼"), (5_000_000_000, None)],
        ),
        # A split of one figure has no verb between: both parts keep the name.
        (
            "AI 바우처 사업에는 국비 100억원, 지방비 50억원이 들어간다.",
            [(10_000_000_000, "AI 바우처 사업"), (5_000_000_000, "AI 바우처 사업")],
        ),
    ],
)
def test_a_name_in_an_earlier_finished_clause_is_not_the_amounts(text: str, expected: list) -> None:
    assert links(text) == expected


def test_an_english_lead_holds_a_program_only_by_most_of_its_name() -> None:
    """'national' is in "national AI computing center" and in "National Growth Fund": one shared word does not
    make the fund the story's program."""
    text = (
        "Samsung SDS consortium confirmed to build national AI computing center in Haenam. "
        "The ministry signed the agreement on Tuesday. The plan was set out in March. "
        "The board of the National Growth Fund approved its share. "
        "The company will invest 2.5 trillion won in total by 2028."
    )
    assert [p for _, p in links(text, "en")] == [None]


def test_an_english_name_with_its_amount_in_brackets_is_its_program() -> None:
    text = (
        "Among the projects, the ministry will run a metaverse leading project (33 billion KRW) "
        "and a blockchain and twin globalization project (6.75 billion KRW)."
    )
    assert links(text, "en") == [
        (33_000_000_000, "metaverse leading project"),
        (6_750_000_000, "blockchain and twin globalization project"),
    ]
    assert links("The plan (1 trillion won) was set out by the ministry.", "en") == [
        (1_000_000_000_000, None)
    ]


@pytest.mark.parametrize("leader", ["..................", "……", "·····"])
def test_a_dot_leader_between_a_listed_name_and_its_figure_is_not_part_of_the_name(leader: str) -> None:
    """A PDF list ('○ 침해 대응체계 구축 ........ 50억원') pads the name to its figure with a dot leader."""
    assert line_item(f"○ 생성형 AI 기반 침해 대응체계 구축 {leader} ") == (
        "생성형 AI 기반 침해 대응체계 구축",
        False,
    )


def test_one_word_glued_to_a_fund_word_names_a_fund_a_generic_word_does_not() -> None:
    assert links("모태펀드 출자 예산은 올해 2천400억원에서 내년 8천억원으로 늘었다.") == [
        (240_000_000_000, "모태펀드"),
        (800_000_000_000, "모태펀드"),
    ]
    assert "신규펀드" not in _program_names("정부는 신규펀드에 8천억원을 넣는다.")


def test_an_amount_whose_won_a_list_leaves_to_the_last_item_is_not_tied_to_the_next_name() -> None:
    # "124억," ends at its comma: the fund after it is the next amount's.
    lead = "행안부가 내년 예산안을 내놓았다. 재난 대응 예산이 늘었다. 안전 분야가 눈에 띈다. "  # no program in the lead
    got = links(lead + "감시 체계를 만드는 데 124억, 국민안전산업펀드 조성에 50억원이 들어갔다.")
    assert got == [(12_400_000_000, None), (5_000_000_000, "국민안전산업펀드")]


def test_the_lead_reaches_the_first_sentence_after_several_subtitle_lines() -> None:
    text = (
        "구미시, 공모 뽑혀 AI 기반 만든다\n"
        "지역 특화 AI 구축과 플랫폼 실증 지원\n"
        "3년 동안 총사업비 231억 원 들여\n"
        "구미시가 '지역특화형 AI 클라우드 팜 조성' 공모사업에 최종 선정됐다.\n"
        "재원은 국비 111억 원, 도비 36억 원이다."
    )
    assert set(links(text)) == {
        (23_100_000_000, "지역특화형 AI 클라우드 팜 조성"),
        (11_100_000_000, "지역특화형 AI 클라우드 팜 조성"),
        (3_600_000_000, "지역특화형 AI 클라우드 팜 조성"),
    }


@pytest.mark.parametrize("entry", lexicon.entries("kiwi_nouns"), ids=lambda e: e.term)
def test_a_registered_noun_stays_inside_a_listed_name(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    got = links(entry.example)
    assert got and entry.term in (got[0][1] or ""), got


def test_a_regions_yearly_national_funds_title_is_an_envelope() -> None:
    text = "울산, 2026년 국비 2조원 확보…AI 신규사업에 힘\n시는 내년 국비 2조원을 따냈다. AI 분야에만 231억원이 새로 들어간다."
    assert all(p is None for _, p in links(text)), links(text)


@pytest.mark.parametrize("entry", lexicon.entries("program_category_heads"), ids=lambda e: e.term)
def test_a_sort_of_undertaking_is_no_program_name(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    found = names(entry.example)
    assert not any(entry.term in n for n, _ in found), found


@pytest.mark.parametrize("entry", lexicon.entries("program_purpose_tails"), ids=lambda e: e.term)
def test_a_purpose_phrase_listed_by_a_tie_cue_is_no_program(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    got = links(entry.example)
    if entry.meaning == "built":  # "혁신센터 구축에 45억원": the README's program word "센터 구축"
        assert got and all(p and entry.term in p for _, p in got), got
        return
    assert got and all(p is None for _, p in got), got


def test_a_purpose_word_in_a_list_line_keeps_the_line() -> None:
    # README ruling 'Purpose words are not program words': a line of a list is given as a name.
    got = links("주요 사업은 ▲반도체설계검증 인프라 활성화(120억원) ▲AI 바우처(50억원)이다.")
    assert got[0] == (12_000_000_000, "반도체설계검증 인프라 활성화"), got


def test_a_purpose_phrase_in_running_prose_with_its_amount_in_brackets_is_no_program() -> None:
    got = links("시 예산에는 노후 상수관로 정비(75억원)와 공원 조성(20억원)이 들어갔다.")
    assert got == [(7_500_000_000, None), (2_000_000_000, None)], got


def test_a_purpose_word_after_a_program_word_names_the_thing_built() -> None:
    # "센터 구축", "허브 조성": the ruling's program words; a quoted or 사업-ending name is a name too.
    got = links("시는 지역 AI 혁신센터 구축에 45억원, '데이터 분석 체계 구축'에 30억원을 쓴다.")
    assert got == [(4_500_000_000, "지역 AI 혁신센터 구축"), (3_000_000_000, "데이터 분석 체계 구축")], got


def test_a_counted_phrase_names_several_projects_not_a_program() -> None:
    found = [
        n
        for n, _ in names(
            "두 나라는 AI 분야 공동 연구개발 사업 7개에 80억원을 들인다. 시는 56개 지방 디지털 혁신 사업을 편다."
        )
    ]
    assert found == [], found


def test_a_short_front_glued_to_saeop_names_no_program() -> None:
    # "연구개발사업", "공모사업": a kind of work or a call, not a name (programs.MIN_GLUED_LONG_FRONT).
    text = "정부는 연구개발사업에 300억원을 쓰고 공모사업도 연다."
    assert names(text) == []


@pytest.mark.parametrize("entry", lexicon.entries("program_en_lower"), ids=lambda e: f"{e.meaning}:{e.term}")
def test_a_lower_case_english_name_word_does_what_its_meaning_says(entry: lexicon.Entry) -> None:
    """program_en_lower.tsv: `form` ends a lower-case name ("the AI content production support project"), a
    `lead` word is dropped from its front ("the so-called data dam project"), an `inside` word breaks it."""
    assert entry.term in entry.example.split()
    got = lower_names(entry.example)
    if entry.meaning == "form":
        assert any(n.split()[-1] == entry.term for n in got), got
    elif entry.meaning == "lead":
        assert got and not any(entry.term in n.split() for n in got), got
    else:
        assert not any(entry.term in n.split() for n in got), got


def test_a_lower_case_english_name_links_its_amounts_but_is_no_storys_subject() -> None:
    text = (
        "The culture ministry's extra budget was set at 48.6 billion won. "
        "The ministry will raise the AI content production support project, whose original budget was "
        "8 billion won, by an extra 16.5 billion won."
    )
    name = "AI content production support project"
    assert [p for _, p in links(text, "en")] == [None, name, name]


def test_catalogued_programs_found_under_any_spelling() -> None:
    from etl.extract.catalogued import catalogued_programs
    from etl.models import Program, Sentence

    text = "데이터댐에는 1조4642억원이 들어간다. The government will hand out data vouchers worth 57.5 billion won."
    first, second = text.split(". ", 1)
    sents = [Sentence(first + ".", 0, len(first) + 1), Sentence(second, len(first) + 2, len(text))]
    names = [p.name for p in catalogued_programs(sents, [])]
    # the catalogue's alias as the page writes it; a plural common noun is not the Data Voucher programme
    assert names == ["데이터댐"]
    # a program the page already names (or one whose name holds it) is not added again
    assert catalogued_programs(sents, [Program(name="데이터 댐 구축 사업")]) == []


@pytest.mark.parametrize(
    "entry",
    [e for e in lexicon.entries("program_list_heads") if e.meaning in ("count", "head")],
    ids=lambda e: e.term,
)
def test_items_a_sentence_calls_programs_are_programs(entry: lexicon.Entry) -> None:
    from etl.extract.listed_programs import listed_programs

    assert entry.term.replace(" ", "") in entry.example.replace(" ", "")
    names = [p.name for p in listed_programs(split_sentences(entry.example), [])]
    assert len(names) >= 2 and all(n in entry.example and n[-1] not in "이가을를등" for n in names), names


def test_a_list_with_money_or_one_item_names_no_programs() -> None:
    from etl.extract.listed_programs import listed_programs

    for text in (
        "A 사업 등 1개 사업에 쓰인다.",
        "데이터에 30억원, 인재에 20억원 등 2개 사업에 쓰인다.",
        # no particle closes a list before the head: one area called a key business
        "데이터·AI와 인재양성, 혁신신약 같은 혁신성장 핵심 사업은 그대로 반영됐다.",
    ):
        assert listed_programs(split_sentences(text), []) == []
    # a line's label and mark are not part of its first item
    line = "▷연구개발: 로보캠퍼스, AI 팩토리 등 20개 사업에 4323억원"
    assert [p.name for p in listed_programs(split_sentences(line), [])] == ["로보캠퍼스", "AI 팩토리"]


@pytest.mark.parametrize(
    "entry", [e for e in lexicon.entries("program_list_heads") if e.meaning == "tail"], ids=lambda e: e.term
)
def test_a_listed_item_said_in_other_words_without_its_last_word_ties_the_amount(
    entry: lexicon.Entry,
) -> None:
    from etl.extract.listed_programs import listed_programs

    items = [p.name for p in listed_programs(split_sentences(entry.example), [])]
    got = links(entry.example)
    assert got and all(p in items and p.endswith(entry.term) for _, p in got), (got, items)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Seoul signs on to Abu Dhabi's Stargate AI project", ["Stargate AI project"]),
        ("The city joined the UAE's Lighthouse project and the harbour plan.", ["Lighthouse project"]),
        ("The Saemangeum project is big.", ["Saemangeum project"]),
        ("Harbour project leaders met.", []),  # the sentence's first word is capitalised anyway
        ("It runs the AI project and a New project.", []),  # generic words only
        ("It will start R&D projects worth 5 billion won and an SOC project.", []),  # several; an acronym
    ],
)
def test_a_proper_name_before_a_lower_case_program_word(text: str, found: list[str]) -> None:
    from etl.extract.programs_en import proper_names

    assert proper_names(text) == found


def test_a_quoted_purpose_phrase_is_a_program_but_a_quoted_headline_clause_is_not() -> None:
    assert _program_names("시는 '산·학 연계 기술개발'에 모두 20억원을 들인다.") == ["산·학 연계 기술개발"]
    assert _program_names('부처 "지역 공장 살릴 곳…3년 동안 지역마다 63억원 지원" 발표') == []
    assert _program_names("시는 '기술개발'에 모두 20억원을 들인다.") == []  # one word names no program
