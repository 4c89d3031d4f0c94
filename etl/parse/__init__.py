"""PARSE stage: RawDoc bytes → clean Document(s); one reader module per kind.

Readers are imported on first use so that reading text files never pays for trafilatura/pypdf.
"""

from __future__ import annotations

import hashlib
from datetime import date
from importlib import import_module

from etl.models import Document, RawDoc, SourceError
from etl.nlp import detect_lang
from etl.parse.table import Table

_READERS = {
    "text": ("etl.parse.text", "parse_text"),
    "html": ("etl.parse.html", "parse_html"),
    "pdf": ("etl.parse.pdf", "parse_pdf"),
    "feed": ("etl.parse.feed", "parse_feed"),
    "hwp": ("etl.parse.hwp", "parse_hwp"),
}


class ParseError(SourceError):
    """A document that cannot be turned into text."""


def parse(raw: RawDoc) -> list[Document]:
    """Dispatch on raw.kind; feeds give one Document per entry, other kinds exactly one."""
    reader = _READERS.get(raw.kind)
    if reader is None:
        raise ParseError(raw.source, f"unknown kind {raw.kind!r}")
    module, func = reader
    docs: list[Document] = getattr(import_module(module), func)(raw)
    if not docs:
        raise ParseError(raw.source, "no text")
    return docs


def make_document(
    source: str,
    text: str,
    *,
    title: str | None = None,
    published_on: date | None = None,
    kind: str = "text",
    url: str | None = None,
    notes: tuple[str, ...] = (),
    tables: tuple[Table, ...] = (),
) -> Document:
    """Build a Document with content_hash = sha256(text) and lang detected from the text."""
    title = " ".join(title.split()) if title else None
    return Document(
        source=source,
        text=text,
        title=title or None,
        published_on=published_on,
        lang=detect_lang(text),
        kind=kind,
        url=url,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        notes=notes,
        tables=tables,
    )
