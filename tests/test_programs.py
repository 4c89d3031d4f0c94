"""Program names from quotes and forms, English names kept, spelling variants merged."""

from __future__ import annotations

import pytest

from etl.extract.programs import extract_programs, norm_key
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
        # A list of items, each name filling its clause; a Korean purpose phrase in such a prose enumeration is
        # no name (README ruling 'Purpose words are not program words').
        (
            "한계도전 R&D 117억원, 디지털 혁신도전 선도기술 개발 116억원 등이 대표적이다.",
            [(11_700_000_000, "한계도전 R&D"), (11_600_000_000, None)],
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
    elif entry.meaning == "listed":  # a prose list's line, not a program the extractor names
        assert any(p and p.endswith(entry.term) for _, p in links(entry.example)), links(entry.example)
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
    # (a neutral verb: "데이터 경제를 만드는 데 7200억원" is a purpose of its own since lnk2, README "Own purpose")
    text = "과기정통부 내년 예산 18조원 확정. 'AI 바우처 사업'이 새로 생긴다. 정부는 7200억원을 쓴다."
    assert links(text)[-1] == (720_000_000_000, None)
    assert links(text.replace("과기정통부 내년 예산 18조원 확정", "AI 소식"))[-1] == (
        720_000_000_000,
        "AI 바우처 사업",
    )
    # The owner set off by a comma or a topic particle ("중기부, 2025년 예산 15조3천억"): still the envelope.
    for title in ("중기부, 2025년 예산 15조원 편성", "과기정통부는 내년 예산 18조원 확정"):
        assert links(text.replace("과기정통부 내년 예산 18조원 확정", title))[-1] == (720_000_000_000, None)
