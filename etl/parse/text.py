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
    decoded = decode_text(raw.data, raw.source)
    text = clean_text(decoded)
    if not text:
        raise ParseError(raw.source, "no text (file is blank)")
    note = replaced_note(decoded, raw.data)
    return [
        make_document(
            raw.source,
            text,
            title=first_line_title(text),
            kind="text",
            url=raw.url,
            notes=(note,) if note else (),
        )
    ]


def decode_text(data: bytes, source: str) -> str:
    """Decode UTF-8 (BOM or not), else CP949/EUC-KR, else UTF-16 with a BOM; else ParseError."""
    if data.startswith(codecs.BOM_UTF8):
        text = _try_decode(data[len(codecs.BOM_UTF8) :], "utf-8")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _try_decode(data, "utf-16")
    elif b"\x00" in data:
        text = None
    else:
        text = _try_decode(data, "utf-8") or _try_decode(data, "cp949") or _utf8_replacing(data)
    if text is None or looks_binary(text):
        raise ParseError(source, _BINARY)
    return text


# UTF-8 text with a few stray bytes (a truncated copy, one bad byte from a CMS) is still the article:
# when neither strict UTF-8 nor CP949 reads it, it is decoded with U+FFFD in their place if the bad
# sequences are at most this share of the bytes. Text in another legacy encoding (Latin-1 accents,
# say) fails on every non-ASCII letter, far above it, and stays refused.
MAX_REPLACED_SHARE = 0.001
# whatever the length: a stray byte inside a Hangul syllable breaks it into up to 4 bad sequences; but
# never more than this share of a short text (a Latin-1 phrase fails on every accented letter)
MIN_REPLACED_ALLOWED = 4
SHORT_TEXT_MAX_SHARE = 0.02
REPLACEMENT = "\ufffd"


def _utf8_replacing(data: bytes) -> str | None:
    """UTF-8 with invalid bytes replaced, when they are few; the count goes to replaced_bytes()."""
    limit = max(MIN_REPLACED_ALLOWED, int(len(data) * MAX_REPLACED_SHARE))
    parts: list[str] = []
    bad = pos = 0
    decoder = codecs.getincrementaldecoder("utf-8")()
    while pos < len(data):
        try:
            parts.append(decoder.decode(data[pos:], final=True))
            break
        except UnicodeDecodeError as e:
            parts.append(data[pos : pos + e.start].decode("utf-8"))
            bad += e.end - e.start
            if bad > limit or bad > len(data) * SHORT_TEXT_MAX_SHARE:
                return None
            parts.append(REPLACEMENT)
            pos += e.end
            decoder.reset()
    text = "".join(parts)
    return text if bad else None


def replaced_note(text: str, data: bytes) -> str | None:
    """The warning for a text decoded with replacements ('N invalid bytes replaced'), else None."""
    n = text.count(REPLACEMENT) - data.count(REPLACEMENT.encode("utf-8"))
    if n <= 0:
        return None
    return f"{n} invalid byte sequence{'s' if n != 1 else ''} replaced with U+FFFD (the rest is valid UTF-8)"


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
