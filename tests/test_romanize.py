"""Machine romanisation for English pages (etl/romanize.py): Revised Romanization letter by letter, marked."""

from __future__ import annotations

import pandas as pd
import pytest

from etl.romanize import MARK, english_label, romanize
from ui import tables
from ui.figures import local_names


@pytest.mark.parametrize(
    ("korean", "latin"),
    [
        ("양재", "Yangjae"),  # place names as the government romanises them
        ("부산", "Busan"),
        ("대구", "Daegu"),
        ("울산", "Ulsan"),
        ("광주", "Gwangju"),
        ("한국어", "Hangugeo"),  # a final carried over to the next vowel
        ("설립", "Seollip"),  # ㄹㄹ as ll
        ("국가 AI 연구거점", "Gukga AI Yeongugeojeom"),  # Latin kept, each Korean word capitalised
        ("R&D 2조원", "R&D 2Jowon"),
    ],
)
def test_revised_romanization_letter_by_letter(korean: str, latin: str) -> None:
    assert romanize(korean) == latin


def test_a_label_is_the_english_name_else_the_plain_name_else_a_marked_romanisation() -> None:
    assert english_label("Seoul AI Hub", "서울 AI 허브") == "Seoul AI Hub"
    assert (
        english_label(None, "KAIST") == "KAIST"
        and english_label(float("nan"), "Vector Institute") == "Vector Institute"
    )
    assert english_label("", "양재") == MARK + "Yangjae"
    assert english_label(None, None) == ""


def test_english_tables_and_charts_show_no_hangul_names() -> None:
    programs = pd.DataFrame({"program_id": ["a", "b"], "program": ["국가 AI 연구거점", "데이터 댐"],
                             "name_en": ["National AI Research Hub", None]})  # fmt: skip
    shown = tables.localize_names(programs, "en", {})
    assert list(shown["program"]) == ["National AI Research Hub", MARK + "Deiteo Daem"]
    assert list(local_names(programs, "program", "en")) == list(shown["program"])
    assert tables.display_names(programs, "program_id", "program", "en")["b"] == MARK + "Deiteo Daem"
    # a list with the program's name but not its id reads the English name by name
    docs = pd.DataFrame({"document_id": ["d"], "program": ["국가 AI 연구거점"]})
    named = tables.localize_names(docs, "en", {"program": {"국가 AI 연구거점": "National AI Research Hub"}})
    assert named["program"].tolist() == ["National AI Research Hub"]
    sites = pd.DataFrame({"norm_key": ["k"], "name": ["어느 혁신센터"], "address": ["서울 서초구"]})
    assert tables.localize_names(sites, "en", {})["name"].iloc[0] == MARK + "Eoneu Hyeoksinsenteo"
    assert tables.localize_names(programs, "ko", {})["program"].tolist() == ["국가 AI 연구거점", "데이터 댐"]


def test_english_pages_show_a_facility_by_its_gazetteer_english_name() -> None:
    """etl/extract/places.py facility_name_en, by the site's norm_key: the name, not a romanisation."""
    sites = pd.DataFrame(
        {
            "norm_key": ["서울ai허브", "국가ai연구거점", "옛sk케미칼", "k"],
            "name": ["서울 AI허브", "국가 AI 연구거점", "옛 SK케미칼", "어느 센터"],
        }
    )
    shown = tables.localize_names(sites, "en", {})["name"].tolist()
    assert shown[:2] == ["Seoul AI Hub", "National AI Research Lab"]
    assert shown[2:] == [MARK + "Yet SKkemikal", MARK + "Eoneu Senteo"]  # a location hint names nothing
    assert tables.localize_names(sites, "ko", {})["name"].tolist() == sites["name"].tolist()
