"""ui/fmt.py (won for Korean and English readers) and ui/highlight.py (document text as safe marked-up text)."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ui import fmt
from ui.highlight import Span, highlight_html, locate

EOK, JO = 10**8, 10**12


@pytest.mark.parametrize(
    ("krw", "ko", "en"),
    [
        (946 * EOK, "946억원", "94.6 billion won"),
        (1.2 * JO, "1.2조원", "1.2 trillion won"),
        (1_234_500_000_000, "1.2조원", "1.2 trillion won"),
        (10 * JO, "10조원", "10 trillion won"),
        (802_363_000_000, "8,023억 6,300만원", "802.4 billion won"),
        (44_000_000_000, "440억원", "44 billion won"),
        (63_000_000, "6,300만원", "63 million won"),
        (999_960_000, "9억 9,996만원", "1 billion won"),
        (5_000, "5,000원", "5,000 won"),
        (0, "0원", "0 won"),
        (-946 * EOK, "-946억원", "-94.6 billion won"),
    ],
)
def test_won_readable(krw: float, ko: str, en: str) -> None:
    assert fmt.won(krw, lang="ko") == ko
    assert fmt.won(krw, lang="en") == en


def test_won_exact_and_missing() -> None:
    assert fmt.won(802_363_000_000, exact=True) == "802,363,000,000원"
    assert fmt.won(802_363_000_000, lang="en", exact=True) == "802,363,000,000 won"
    assert fmt.won(-5, exact=True) == "-5원"
    for missing in (None, float("nan"), pd.NA):
        assert fmt.won(missing) == fmt.MISSING
    assert list(fmt.won_column(pd.Series([946 * EOK, None]))) == ["946억원", fmt.MISSING]


@given(st.integers(min_value=EOK, max_value=JO - 1))
def test_won_eok_range_reads_back_to_the_man(n: int) -> None:
    """Between 1억 and 1조 the text keeps every 만: parsing it back loses only the last 4 digits."""
    text = fmt.won(n)
    eok, _, rest = text.removesuffix("원").partition("억")
    man = int(rest.strip().removesuffix("만").replace(",", "") or 0)
    assert int(eok.replace(",", "")) * EOK + man * 10**4 == n - n % 10**4


def test_scales_and_small_helpers() -> None:
    assert fmt.money_scale("ko") == (EOK, "억원")
    assert fmt.money_scale("ko", 3 * JO) == (JO, "조원")
    assert fmt.money_scale("en", 5 * 10**9) == (10**9, "billion won")
    assert fmt.percent(1, 3) == "33%" and fmt.percent(1, 0) == fmt.MISSING
    assert fmt.number(1234567) == "1,234,567" and fmt.number(None) == fmt.MISSING
    assert fmt.area(7048, lang="ko") == "7,048㎡ (2,132평)"
    assert fmt.day("2024-10-28") == "2024년 10월 28일" and fmt.day("2024-10-28", lang="en") == "28 Oct 2024"
    assert math.isclose(fmt.JO / fmt.EOK, 10**4)


def test_highlight_escapes_everything_from_the_document() -> None:
    text = '<script>alert("x")</script> 총 946억원을 & 투입한다.'
    start = text.index("총")
    out = highlight_html(text, [Span(start, len(text), "budget", 'total <b>"946억원"</b>')])
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp;" in out
    assert "<b>" not in out and "&lt;b&gt;" in out  # labels are escaped too
    assert out.count("<mark") == 1 and "총 946억원을" in out


def test_highlight_merges_overlapping_spans() -> None:
    text = "가나다라마바사"
    out = highlight_html(
        text, [Span(0, 4, "budget", "a"), Span(2, 6, "site", "b"), Span(5, 99, "site", "bad")]
    )
    assert out.count("<mark") == 3  # 가나 | 다라 (both) | 마바
    assert 'title="a · b"' in out and out.endswith("사</div>")


def test_locate_falls_back_to_the_evidence_sentence() -> None:
    text = "첫 문장. 둘째 문장."
    assert locate(text, 0, 5, "첫 문장.") == (0, 5)
    assert locate(text, 0, 3, "둘째 문장.") == (6, 12)  # stale offsets: find the sentence
    assert locate(text, None, None, "없는 문장") is None
    assert locate(text, float("nan"), 2, None) is None


def test_missing_cells_from_pandas() -> None:
    assert not any(fmt.present(v) for v in (None, pd.NA, float("nan"), ""))
    assert fmt.present(0) and fmt.present("x")
    assert fmt.period(2024, 2028) == "2024–2028" and fmt.period(2024, pd.NA) == "2024"
    assert fmt.period(pd.NA, 2028) == fmt.MISSING
