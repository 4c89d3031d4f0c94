"""Program names from quotes and forms, English names kept, spelling variants merged."""

from __future__ import annotations

import pytest

from etl.extract.line_items import line_item
from etl.extract.programs import extract_programs, norm_key
from etl.extract.programs_en import lower_names
from etl.nlp import split_sentences


def names(text: str, lang: str = "ko") -> list[tuple[str, str | None]]:
    return [(p.name, p.name_en) for p in extract_programs(split_sentences(text), lang)]


def test_quoted_name_with_english_in_parentheses() -> None:
    text = "과기정통부는 28일 '국가 AI 연구거점(National AI Research Lab)' 개소식을 가졌다."
    assert names(text) == [("국가 AI 연구거점", "National AI Research Lab")]


def test_english_after_closing_quote() -> None:
    text = "정부는 'K-클라우드 프로젝트'(K-Cloud Project)를 추진한다."
    assert names(text) == [("K-클라우드 프로젝트", "K-Cloud Project")]


def test_spelling_variants_in_one_document_are_one_program() -> None:
    text = (
        "대한민국 AI연구 주도할 '국가 AI연구거점' 출범\n"
        "'국가 AI 연구거점(National AI Research Lab)'이 문을 열었다.\n"
        "'국가 AI거점'이 서울에 들어섰다."
    )
    assert names(text) == [
        ("국가 AI 연구거점", "National AI Research Lab")
    ]  # the spelling with its English name


@pytest.mark.parametrize(
    "quote",
    [
        '"이곳에서 국내외 AI 연구자들이 교류하길 바란다"',  # speech
        "'인공지능:기술개발의 특이점'",  # a talk title: no program word
        "'국가 AI 연구거점 운영계획'",  # a plan presented at an event, not a new program
        "'플랫폼'",  # a bare program word
        "'인간성'(Humanity)",  # a principle: an English gloss alone does not make a program
        "'국가인공지능위원회'",  # a committee is an institution
    ],
)
def test_quotes_that_are_not_programs(quote: str) -> None:
    assert names(f"그는 {quote}을 발표했다.") == []


def test_bare_program_phrase_ending_in_saeop() -> None:
    text = "정부는 AI 학습용 데이터 구축 사업에 2925억원을 투입한다. AI 학습용 데이터 구축 사업은 계속된다."
    assert names(text) == [("AI 학습용 데이터 구축 사업", None)]


def test_english_program_names() -> None:
    text = (
        "The ministry opened the National AI Research Lab in Seoul. "
        "It is part of the National Strategy for Artificial Intelligence announced in 2019."
    )
    got = [n for n, _ in names(text, "en")]
    assert got == ["National AI Research Lab", "National Strategy for Artificial Intelligence"]


def test_url_in_parentheses_is_not_an_english_name() -> None:
    assert names("'AI 허브'(aihub.or.kr)에 데이터를 공개한다.") == [("AI 허브", None)]


def test_leading_conjunction_is_not_part_of_a_bare_name() -> None:
    text = "항만, 물류 등 디지털 산업 육성 사업에 쓴다. 디지털 산업 육성 사업은 계속된다."
    assert names(text) == [("디지털 산업 육성 사업", None)]


def test_a_ministry_before_a_bare_name_is_whose_call_it_is_not_the_name() -> None:
    assert names("과기부 공모사업 채택돼 5년간 480억원 투입") == []
    assert [n for n, _ in names("과기정통부 AI 바우처 지원 사업에 80억원이 들어간다.")] == [
        "AI 바우처 지원 사업"
    ]


def test_weak_english_name_is_dropped() -> None:
    assert names("It is part of the New Deal. The Korean New Deal runs to 2025.", "en") == [
        ("Korean New Deal", "Korean New Deal")
    ]


def test_english_body_is_not_a_program() -> None:
    assert names("The Presidential Committee on National AI Strategy met on Monday.", "en") == []


def test_norm_key_meets_spellings() -> None:
    assert norm_key("인공지능(AI) 국가전략") == norm_key("인공지능 국가전략")
    assert norm_key("인공지능 국가전략") == norm_key("AI 국가 전략") == "ai국가전략"
    assert norm_key("'AI 바우처 사업'") == norm_key("AI바우처")
    assert norm_key("National AI Research Lab") == "nationalairesearchlab"


# ---- Program links: an amount goes to the program the text ties it to (etl/extract/links.py) ----

from datetime import date  # noqa: E402

from etl import lexicon  # noqa: E402
from etl.extract.document import extract_document  # noqa: E402
from etl.models import Document  # noqa: E402


def links(text: str, lang: str = "ko") -> list[tuple[int | None, str | None]]:
    """(won, program) of every amount the real extractor finds in `text`."""
    facts = extract_document(Document(source="t", text=text, published_on=date(2025, 1, 1), lang=lang))
    return [(b.amount_krw, b.program) for b in facts.budgets]


def _lang(text: str) -> str:
    return "en" if text.isascii() else "ko"


@pytest.mark.parametrize("entry", lexicon.entries("program_tie_cues"), ids=lambda e: e.term)
def test_a_tie_cue_links_the_amount_to_the_name_before_it(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    got = links(entry.example, _lang(entry.example))
    if entry.term in lexicon.terms("program_area_cues", "tie"):
        # "X 분야에는": the cue ties the amount to a spending area, which is no program (README ruling).
        assert got and all(p is None for _, p in got), got
        return
    assert got and all(p and p in entry.example for _, p in got), got


@pytest.mark.parametrize("entry", lexicon.entries("program_anaphora"), ids=lambda e: e.term)
def test_a_pointer_back_carries_the_program_of_the_sentence_before(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower()
    got = links(entry.example, _lang(entry.example))
    assert got and all(p for _, p in got), got


@pytest.mark.parametrize("entry", lexicon.entries("program_envelope_cues"), ids=lambda e: e.term)
def test_an_envelope_cue_keeps_the_storys_program_off_the_amount(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower()
    got = links(entry.example, _lang(entry.example))
    assert got and all(p is None for _, p in got), got


@pytest.mark.parametrize(
    "entry", lexicon.entries("program_name_breaks"), ids=lambda e: f"{e.meaning}:{e.term}"
)
def test_a_break_word_never_ends_up_inside_a_program_name(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    doc = extract_document(Document(source="t", text=entry.example, published_on=date(2025, 1, 1)))
    names = [p.name for p in doc.programs] + [b.program for b in doc.budgets if b.program]
    words = [w for w in entry.example.split() if w == entry.term or w.endswith(entry.term)]
    if entry.meaning == "generic":  # a leading generic word is dropped from the name
        assert not any(n.startswith(entry.term + " ") for n in names), names
    elif entry.meaning == "tail":  # a status word after a listed name is dropped from it
        assert names and not any(n.endswith(" " + entry.term) for n in names), names
    elif entry.meaning == "topic":  # a quoted clause with a topic in it is speech, not a name
        assert not any(f"{entry.term} " in n for n in names), names
    else:
        assert not any(w in n for w in words for n in names), (words, names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two quoted programs in one sentence, each with its own bracketed amount.
        (
            "'혁신도전 프로젝트 사업(58억원)'과 '과학난제도전 융합연구개발사업(25억원)'도 새로 만든다.",
            [(5_800_000_000, "혁신도전 프로젝트 사업"), (2_500_000_000, "과학난제도전 융합연구개발사업")],
        ),
        # Bullet line items.
        (
            "- AI팩토리: 44개 과제, 627억원\n- 지능형 로봇: 31개 과제, 296억원",
            [(62_700_000_000, "AI팩토리"), (29_600_000_000, "지능형 로봇")],
        ),
        # A footnote with the year inside the bracket.
        ("* 예: AI혁신펀드('25년, 450억 원) 등", [(45_000_000_000, "AI혁신펀드")]),
        # A list of items, each name filling its clause.
        (
            "한계도전 R&D 117억원, 디지털 혁신도전 선도기술 개발 116억원 등이 대표적이다.",
            [(11_700_000_000, "한계도전 R&D"), (11_600_000_000, "디지털 혁신도전 선도기술 개발")],
        ),
        # A place with a tie cue is not a program.
        ("장성군에는 2조2000억원 규모의 데이터센터가 들어선다.", [(2_200_000_000_000, None)]),
    ],
)
def test_line_items(text: str, expected: list[tuple[int, str | None]]) -> None:
    assert links(text) == expected


def test_no_carry_over_into_the_next_sentence_without_a_pointer() -> None:
    text = (
        "과기정통부가 내년 예산을 발표했다.\n인재 양성에 힘을 쏟는다.\n데이터 분야도 늘린다.\n"
        "'데이터 바우처 사업'과 'AI 바우처 사업'을 함께 편다. '데이터 바우처 사업'에는 300억원을 쓴다.\n"
        "보안 분야에는 국비 90억원을 더 넣는다."
    )
    assert links(text) == [(30_000_000_000, "데이터 바우처 사업"), (9_000_000_000, None)]


def test_one_program_under_a_short_and_a_full_name_is_one_program() -> None:
    text = "'국가 AI 연구거점'이 문을 열었다. 'AI 연구거점'에는 국비 440억원이 들어간다."
    assert names(text) == [("국가 AI 연구거점", None)]
    assert links(text) == [(44_000_000_000, "국가 AI 연구거점")]


def test_clause_fragments_are_not_program_names() -> None:
    text = "정부가 AI 투자에 나서면서 AI 사업이 늘었다. 이 가운데 3개는 이미 하던 사업이다. 저마다 처지에 맞는 사업을 고른다."
    assert names(text) == []


def test_quoted_lower_case_english_program() -> None:
    text = "Seven universities were chosen for the 'AI-focused university' program. Each can get up to 24 billion won."
    assert names(text, "en")[0][0] == "AI-focused university"
    assert links(text, "en") == [(24_000_000_000, "AI-focused university")]


def _program_names(example: str) -> list[str]:
    return [n for n, _ in names(example, _lang(example))]


@pytest.mark.parametrize("entry", lexicon.entries("program_forms"), ids=lambda e: f"{e.meaning}:{e.term}")
def test_a_program_form_does_what_its_meaning_says(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower()
    got = _program_names(entry.example)
    if entry.meaning in ("quoted", "bare", "en_bare", "glued", "glued_long", "quoted_purpose"):  # ends a name
        assert any(n.endswith(entry.term) for n in got), got
    elif entry.meaning == "after":  # the quoted name before the word is the program
        assert any(n.lower() in entry.example.lower() and entry.term not in n for n in got), got
    elif entry.meaning == "en_weak":  # too little is left of the name
        assert not any(n.startswith(entry.term) for n in got), got
    else:  # en_body, noise: a body or an event, not a program
        assert not any(entry.term in n for n in got), got


@pytest.mark.parametrize("entry", lexicon.entries("program_parent_cues"), ids=lambda e: e.term)
def test_the_story_is_about_the_child_not_its_parent(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower()
    got = links(entry.example, _lang(entry.example))
    child = entry.example.lower().split(entry.term.lower())[1]
    assert got and all(p and p.lower() in child for _, p in got), got


@pytest.mark.parametrize("entry", lexicon.entries("program_group_cues"), ids=lambda e: e.term)
def test_an_amount_of_a_group_a_program_is_one_example_of_stays_unlinked(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower()
    got = links(entry.example, _lang(entry.example))
    assert got and all(p is None for _, p in got), got


@pytest.mark.parametrize("entry", lexicon.entries("program_area_cues"), ids=lambda e: e.term)
def test_a_list_of_spending_areas_links_no_amount_to_a_program(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower()
    got = links(entry.example)
    assert len(got) >= 2 and all(p is None for _, p in got), got


def test_a_later_clause_that_speaks_of_the_program_again_is_linked() -> None:
    text = (
        "'사이버 보안 펀드' 조성 등 보안산업 육성 예산은 3656억 원이며, 이 가운데 펀드 몫이 약 200억 원이다."
    )
    assert links(text) == [(365_600_000_000, None), (20_000_000_000, "사이버 보안 펀드")]


def test_a_name_after_the_amount_in_another_clause_or_after_another_amount_is_not_its_program() -> None:
    lead = "AI 소식을 전한다. 회의가 열렸다. 관계자가 참석했다. 정부는 'AI 바우처 사업'도 이어 간다. "
    text = lead + "정부는 주요 산업에 5년간 6조원을 투입하고, 'AX 실증밸리' 조성에 6,000억원을 반영했다."
    assert links(text)[-2:] == [(6_000_000_000_000, None), (600_000_000_000, "AX 실증밸리")]
    assert links(lead + "정부는 데이터 산업에 58조원…'데이터 댐 사업'이 핵심이다.")[-1] == (
        58_000_000_000_000,
        None,
    )


def test_a_pointer_back_speaks_of_the_amount_only_in_its_own_clause() -> None:
    lead = (
        "Korea unveiled a plan. Officials met in Seoul. Reporters asked questions. "
        "The ministry runs the Smart Farm Program and then the Data Dam Project. "
    )
    # "the project": the name ending in the pointer's own noun (etl/extract/link_names.pointed_at).
    assert links(lead + "The project gets 80 billion won a year.", "en") == [
        (80_000_000_000, "Data Dam Project")
    ]
    # (A sentence between: the sentence right before an amount would carry its program, tests/test_links.py.)
    other = (
        lead
        + "Officials left. "
        + "Of the total, 44.8 trillion won comes from the state budget, and the program should create jobs."
    )
    assert links(other, "en") == [(44_800_000_000_000, None)]


def test_a_title_about_a_ministry_budget_gives_the_story_no_program() -> None:
    text = "과기정통부 내년 예산 18조원 확정. 'AI 바우처 사업'이 새로 생긴다. 데이터 경제를 만드는 데 7200억원을 쓴다."
    assert links(text)[-1] == (720_000_000_000, None)
    assert links(text.replace("과기정통부 내년 예산 18조원 확정", "AI 소식"))[-1] == (
        720_000_000_000,
        "AI 바우처 사업",
    )
    # The owner set off by a comma or a topic particle ("중기부, 2025년 예산 15조3천억"): still the envelope.
    for title in ("중기부, 2025년 예산 15조원 편성", "과기정통부는 내년 예산 18조원 확정"):
        assert links(text.replace("과기정통부 내년 예산 18조원 확정", title))[-1] == (720_000_000_000, None)


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
    text = "정부안에서는 GPU 구매에 1조4,600억원, 민간 GPU 2,600장 임차에 1,723억원이 잡혀 있었다."
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
