"""Sentence splitting: exact spans, Kiwi's quote+particle cut undone, missed 다. boundaries split."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.nlp import detect_lang, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_quoted_name_with_particle_stays_in_its_sentence() -> None:
    text = "국내외 연구자가 모였다. '국가 AI 연구거점'은 서울 AI허브 본관 5~7층에 마련됐다. 이를 합치면 약 2132평 규모다."
    assert texts(text) == [
        "국내외 연구자가 모였다.",
        "'국가 AI 연구거점'은 서울 AI허브 본관 5~7층에 마련됐다.",
        "이를 합치면 약 2132평 규모다.",
    ]


def test_line_breaks_end_sentences_and_english_splits_on_punctuation() -> None:
    text = "제목 한 줄\nThe ministry said on Monday it will invest KRW 94.6 billion. Dr. Kim leads it!\n\n끝."
    assert texts(text) == [
        "제목 한 줄",
        "The ministry said on Monday it will invest KRW 94.6 billion.",
        "Dr. Kim leads it!",
        "끝.",
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "정부는 총 946억원을 투입한다.",
                "'AI 허브'는 문을 열었다.",
                "It opened.",
                "\n",
                "  ",
                "U.S. 1.2조원",
            ]
        ),
        max_size=12,
    )
)
def test_spans_slice_the_text_exactly(parts: list[str]) -> None:
    text = " ".join(parts)
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text and s.text


def test_detect_lang() -> None:
    assert detect_lang("과학기술정보통신부는 28일 개소식을 가졌다.") == "ko"
    assert detect_lang("The Ministry of Science and ICT opened the lab (국가 AI 연구거점).") == "en"


def test_korean_sentences_end_at_punctuation_and_space_only() -> None:
    text = (
        "과기정통부는 2024. 10. 28. 서울에서 개소식을 열었다. 총 946억원이 든다! "
        "미국(U.S. 기관)과 협력한다고 밝혔다.” 이어 3.5% 늘었다고 했다…. 끝으로 '국가 AI 연구거점'은 문을 열었다."
    )
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "과기정통부는 2024. 10. 28. 서울에서 개소식을 열었다.",
        "총 946억원이 든다!",
        "미국(U.S. 기관)과 협력한다고 밝혔다.”",
        "이어 3.5% 늘었다고 했다….",
        "끝으로 '국가 AI 연구거점'은 문을 열었다.",
    ]


def test_a_table_leader_line_keeps_its_amount() -> None:
    line = "○ 공공AX 프로젝트(신규) ............................ 150억원"
    assert [s.text for s in split_sentences(line)] == [line]


def test_a_noun_with_a_subject_or_topic_particle_is_a_subject_an_adnominal_verb_is_not() -> None:
    from etl.nlp import noun_subject

    assert all(noun_subject(w) for w in ("대전시는", "예산은", "기업이", "한빛전자는", "세종시도"))
    assert not any(noun_subject(w) for w in ("키우는", "세우는", "서비스에는", "예산", "하는"))
