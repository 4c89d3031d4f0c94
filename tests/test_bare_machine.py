"""`make test` on a machine with only Python and make: no test, tool or module reads a system font path.

The Korean font the PDF tests write with comes from a PyPI package pinned in requirements-dev.txt;
only the real-browser test needs Debian packages (Chromium, Noto CJK), and it skips without them.
"""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

from fontTools.ttLib import TTFont

from etl.config import ROOT
from scripts.make_pdf import FONT_PACKAGE, korean_font

# Font folders of Linux, macOS and Windows. The scan skips this file only: it names them as examples.
SYSTEM_FONT_PATH = re.compile(r"/usr(/local)?/share/fonts|~/\.fonts|/Library/Fonts|Windows[\\/]+Fonts", re.I)
SCANNED = ("tests", "etl", "ui", "bench", "scripts", "pages")
SUFFIXES = {".py", ".sql", ".toml", ".cfg", ".ini", ".sh", ".txt", ".csv"}


def _sources() -> list[Path]:
    files = [ROOT / "dashboard.py", ROOT / "Makefile", ROOT / ".ci" / "run"]
    for top in SCANNED:
        # artifacts and bench/out are written by runs (not in git); bench/out can hold 100k-document corpora
        files += [
            p
            for p in (ROOT / top).rglob("*")
            if p.suffix in SUFFIXES and not {"artifacts", "out"} & set(p.relative_to(ROOT).parts)
        ]
    return [p for p in files if p.is_file() and p.resolve() != Path(__file__).resolve()]


def test_no_file_names_a_system_font_path() -> None:
    sources = _sources()
    assert len(sources) > 50  # the scan reaches the code it is meant to check
    hits = [
        f"{p.relative_to(ROOT)}:{n}: {line.strip()}"
        for p in sources
        for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if SYSTEM_FONT_PATH.search(line)
    ]
    assert hits == []


def test_system_font_pattern_matches_what_it_must() -> None:
    for path in ("/usr/share" "/fonts/truetype/nanum/NanumGothic.ttf", "/usr/local/share/fonts/x.ttf",
                 "C:\\Windows\\Fonts\\malgun.ttf", "/Library/Fonts/AppleGothic.ttf"):  # fmt: skip
        assert SYSTEM_FONT_PATH.search(path), path
    assert not SYSTEM_FONT_PATH.search(str(korean_font()))


def test_korean_font_is_the_pinned_package_truetype_with_every_hangul_syllable() -> None:
    dist = FONT_PACKAGE.replace("_", "-")
    pins = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8").split()
    assert f"{dist}=={importlib.metadata.version(dist)}" in pins
    font = TTFont(korean_font())
    assert "glyf" in font  # TrueType outlines: what fpdf2 embeds so that pypdf reads the text back
    cmap = font.getBestCmap()
    assert all(cp in cmap for cp in range(0xAC00, 0xD7A4))  # 가 … 힣, all 11,172 syllables
