"""sources.toml: the default file loads; a bad file names its problem; keyword filters match as data says."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.watch.config import DEFAULT_CONFIG, ConfigError, KeywordFilter, load_sources


def test_default_sources_load_with_filters_and_polite_defaults() -> None:
    sources, base = load_sources(DEFAULT_CONFIG)
    assert len(sources) >= 5
    assert base.timeout >= 20
    names = {s.name for s in sources}
    assert len(names) == len(sources)
    assert any(s.url == "https://www.korea.kr/rss/dept_msit.xml" for s in sources)
    assert any(s.url == "https://www.korea.kr/rss/pressrelease.xml" for s in sources)
    for s in sources:
        assert s.url.startswith("https://") and s.kind in ("rss", "atom", "listing")
        assert s.filter is not None and s.filter.matches("정부, 인공지능 반도체에 3조원")
        assert s.politeness.timeout >= 20


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AI 기본법 시행", True),
        ("국가AI컴퓨팅센터", True),
        ("피지컬 ai 로봇", True),
        ("데이터 센터 유치", True),
        ("EMAIL 민원", False),
        ("SAID the minister", False),
        ("농촌 관광", False),
    ],
)
def test_keyword_filter(text: str, expected: bool) -> None:
    f = KeywordFilter.of("t", ["AI", "인공지능", "데이터센터", "데이터 센터"])
    assert f.matches(text) is expected


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[source]]\nname = "a"\nurl = "https://x"\nkind = "json"\n', "kind 'json' is not one of"),
        ('[[source]]\nname = "a"\nurl = "https://x"\nfilter = "nope"\n', "filter 'nope' is not defined"),
        ('[[source]]\nurl = "https://x"\n', "`name` is required"),
        (
            '[[source]]\nname = "a"\nurl = "https://x"\n[[source]]\nname = "a"\nurl = "https://y"\n',
            "unique: a",
        ),
        ("[politeness]\ntimeout = -1\n", "timeout must be a number >= 0"),
        ('[[source]]\nname = "a"\nurl = "https://x"\nkind = "listing"\nlink_pattern = "("\n', "link_pattern"),
        ("not = [toml", "not valid TOML"),
    ],
)
def test_bad_config_names_the_problem(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace("[", r"\[")):
        load_sources(path)


def test_per_source_politeness_overrides_the_default(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(
        '[politeness]\nmin_interval = 3\n[[source]]\nname = "a"\nurl = "https://x"\nretries = 5\n',
        encoding="utf-8",
    )
    [src], base = load_sources(path)
    assert (src.politeness.min_interval, src.politeness.retries, src.filter) == (3.0, 5, None)
    assert base.retries == 2
