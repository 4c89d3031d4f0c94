"""PDF reader (pypdf): text of all pages, metadata title and creation date."""

from __future__ import annotations

import io
import logging
import re
from datetime import date

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from etl.models import Document, RawDoc
from etl.parse import ParseError, make_document
from etl.parse.clean import clean_text
from etl.parse.pdf_tables import read_pdf_tables
from etl.parse.table import Table
from etl.parse.text import first_line_title

# A line ending like this closes a paragraph; a long line without it was wrapped by the layout.
_PARA_END = re.compile(r"[.!?。:;\"'”’)\]》>]$|다$")
_WRAPPED_SHARE = 0.75  # a line at least this share of the page's longest line counts as full


def parse_pdf(raw: RawDoc) -> list[Document]:
    """One Document from a PDF; encrypted, truncated or image-only PDFs raise ParseError."""
    reader = _open(raw)
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            pages.append(unwrap_lines(page.extract_text() or ""))
        except Exception as exc:  # pypdf raises many types on damaged content streams
            raise ParseError(raw.source, f"damaged PDF, page {number} unreadable ({exc})") from exc
    text = clean_text("\n\n".join(p for p in pages if p.strip()))
    if not text:
        raise ParseError(raw.source, "no extractable text in PDF (image-only or scanned?)")
    title, created = _metadata(reader)
    tables, notes = _tables(raw)
    return [
        make_document(
            raw.source,
            text,
            title=title or first_line_title(text),
            published_on=created,
            kind="pdf",
            url=raw.url,
            tables=tables,
            notes=notes,
        )
    ]


def _tables(raw: RawDoc) -> tuple[tuple[Table, ...], tuple[str, ...]]:
    """Ruled tables via pdfplumber; a failure there costs the tables only, never the text."""
    try:
        return tuple(read_pdf_tables(raw.data)), ()
    except Exception as exc:  # pdfminer raises many types on odd content streams
        return (), (f"PDF tables not read ({type(exc).__name__}: {exc})",)


def _open(raw: RawDoc) -> PdfReader:
    data = raw.data
    if b"%PDF" not in data[:1024]:
        raise ParseError(raw.source, "not a PDF file (no %PDF header)")
    # pypdf quietly repairs a cut-off file and returns the pages it finds; refuse it instead.
    if b"%%EOF" not in data[-2048:]:
        raise ParseError(raw.source, "truncated PDF (no %%EOF at the end)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # repair warnings are not the user's business
    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
        if encrypted and not reader.decrypt(""):
            raise ParseError(raw.source, "encrypted PDF (password required)")
        _ = len(reader.pages)
    except ParseError:
        raise
    except (DependencyError, FileNotDecryptedError, NotImplementedError) as exc:
        raise ParseError(raw.source, f"encrypted PDF, cannot decrypt ({exc})") from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise ParseError(raw.source, f"damaged PDF ({exc})") from exc
    return reader


def _metadata(reader: PdfReader) -> tuple[str | None, date | None]:
    try:
        meta = reader.metadata
        if meta is None:
            return None, None
        title = (meta.title or "").strip() or None
        created = meta.creation_date
    except Exception:  # malformed metadata dates must not cost the whole document
        return None, None
    return title, created.date() if created else None


def unwrap_lines(page_text: str) -> str:
    """Join lines the PDF layout wrapped mid-paragraph, so a sentence is not cut by a newline."""
    lines = [line.strip() for line in page_text.split("\n")]
    longest = max((len(line) for line in lines), default=0)
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and line:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        current = out[-1]
        joining = bool(line) and len(line) >= _WRAPPED_SHARE * longest and not _PARA_END.search(current)
    return "\n".join(out)
