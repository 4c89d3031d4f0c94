"""Dates reach the browser as calendar dates (text), so no time zone shows 2024-10-28 as 10-27 (issue 13)."""

from __future__ import annotations

import datetime

import pandas as pd

from ui import tables


def test_dates_are_shown_as_their_calendar_day_whatever_their_type() -> None:
    df = pd.DataFrame(
        {
            "published_on": [datetime.date(2024, 10, 28), None],
            "announced_on": pd.to_datetime(["2024-10-28", None]),
            "title": ["국가 AI 연구거점 개소", "x"],
        }
    )
    shown = tables.display_frame(df, lang="en")
    assert list(shown["published_on"]) == ["2024-10-28", None]
    assert list(shown["announced_on"]) == ["2024-10-28", None]
    assert shown["title"].iloc[0] == "국가 AI 연구거점 개소"  # text is not taken for a date
