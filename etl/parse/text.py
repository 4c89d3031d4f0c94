"""Plain-text reader (.txt/.md): decode UTF-8 / CP949 / UTF-16, refuse binary content."""

from __future__ import annotations

import codecs
import unicodedata

from etl.models import Document, RawDoc
from etl.parse import ParseError, make_document
from etl.parse.clean import clean_text

TITLE_MAX_CHARS = 150
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_BINARY = "not a text file (binary content)"


def parse_text(raw: RawDoc) -> list[Document]:
    """One Document from a text file; the first short line is the title and stays in the text."""
    text = clean_text(decode_text(raw.data, raw.source))
    if not text:
        raise ParseError(raw.source, "no text (file is blank)")
    return [make_document(raw.source, text, title=first_line_title(text), kind="text", url=raw.url)]


def decode_text(data: bytes, source: str) -> str:
    """Decode UTF-8 (BOM or not), else CP949/EUC-KR, else UTF-16 with a BOM; else ParseError."""
    if data.startswith(codecs.BOM_UTF8):
        text = _try_decode(data[len(codecs.BOM_UTF8) :], "utf-8")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _try_decode(data, "utf-16")
    elif b"\x00" in data:
        text = None
    else:
        text = _try_decode(data, "utf-8") or _try_decode(data, "cp949")
    if text is None or looks_binary(text):
        raise ParseError(source, _BINARY)
    return text


def looks_binary(text: str) -> bool:
    """True when the decoded text holds NULs or more than a few control characters."""
    if "\x00" in text:
        return True
    controls = sum(1 for c in text if c not in _ALLOWED_CONTROLS and unicodedata.category(c) == "Cc")
    return controls > max(2, len(text) // 200)


def first_line_title(text: str) -> str | None:
    """The first non-empty line when it is short enough to be a heading (Markdown '#' removed)."""
    for line in text.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= TITLE_MAX_CHARS else None
    return None


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None
