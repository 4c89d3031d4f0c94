"""Render a UTF-8 text file as a PDF (used to make the bundled PDF announcements and fixtures).

Usage: python scripts/make_pdf.py IN.txt OUT.pdf [--title TITLE] [--date YYYY-MM-DD]
The first line of the text becomes the heading. Needs Debian's fonts-nanum (NanumGothic).
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from fpdf import FPDF

FONT = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")


def make_pdf(text: str, out: Path, title: str | None = None, date: str | None = None) -> None:
    """Write `text` to `out` as an A4 PDF with metadata title and creation date."""
    pdf = FPDF(format="A4")
    pdf.add_font("Nanum", fname=str(FONT))
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
