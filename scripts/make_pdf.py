"""Render a UTF-8 text file as a PDF (used to make the bundled PDF announcements and fixtures).

Usage: python scripts/make_pdf.py IN.txt OUT.pdf [--title TITLE] [--date YYYY-MM-DD]
The first line of the text becomes the heading. The font is NanumGothic (SIL OFL 1.1) as the PyPI
package koreanize-matplotlib ships it (pinned in requirements-dev.txt), never a system font.
"""

from __future__ import annotations

import argparse
import importlib.util
from datetime import datetime
from pathlib import Path

from fpdf import FPDF

# fpdf2 writes Hangul that pypdf reads back cleanly from a TrueType (glyf) font; from the CFF outlines
# of an OpenType Noto Sans KR it reads back NUL-interleaved text. This package's NanumGothic.ttf is
# byte for byte the file Debian's fonts-nanum installs.
FONT_PACKAGE = "koreanize_matplotlib"
FONT_FILE = "fonts/NanumGothic.ttf"


def korean_font() -> Path:
    """NanumGothic.ttf inside the font package (found without importing it: it would load matplotlib)."""
    spec = importlib.util.find_spec(FONT_PACKAGE)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / FONT_FILE
        if path.is_file():
            return path
    raise FileNotFoundError(
        f"{FONT_FILE} of the {FONT_PACKAGE} package not found: pip install -r requirements-dev.txt"
    )


def make_pdf(text: str, out: Path, title: str | None = None, date: str | None = None) -> None:
    """Write `text` to `out` as an A4 PDF with metadata title and creation date."""
    pdf = FPDF(format="A4")
    pdf.add_font("Nanum", fname=str(korean_font()))
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    lines = text.strip().splitlines()
    heading = title or (lines[0] if lines else "")
    if title is None:
        lines = lines[1:]
    pdf.set_title(heading)
    if date:
        pdf.set_creation_date(datetime.fromisoformat(date))
    pdf.set_font("Nanum", size=15)
    pdf.multi_cell(0, 9, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Nanum", size=10.5)
    for line in lines:
        if line.strip():
            pdf.multi_cell(0, 6.5, line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(3)
    pdf.output(str(out))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("src", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--title")
    p.add_argument("--date")
    a = p.parse_args()
    make_pdf(a.src.read_text(encoding="utf-8"), a.out, a.title, a.date)


if __name__ == "__main__":
    main()
