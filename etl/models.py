"""Data records passed between the ETL stages (read → parse → segment → extract → load)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from etl.parse.table import Table


class SourceError(Exception):
    """One input that failed: str(e) is one line, '<source>: <why>'; picklable across worker processes."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[SourceError], tuple[str, str]]:
        return (type(self), (self.source, self.reason))


@dataclass(frozen=True)
class RawDoc:
    """Bytes as read from a file or URL, before any parsing."""

    source: str  # path or URL exactly as the user gave it (or path#entry-N for feed entries)
    kind: str  # "text" | "html" | "pdf" | "feed"
    data: bytes
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # e.g. feed entry title/date/link


@dataclass(frozen=True)
class Document:
    """One announcement as clean text plus metadata; readers all produce this."""

    source: str
    text: str
    title: str | None = None
    published_on: date | None = None
    lang: str = "ko"  # "ko" | "en"
    kind: str = "text"  # reader that produced it: text | html | pdf | feed
    url: str | None = None
    content_hash: str = ""  # sha256 hex of `text` (set by parse.make_document)
    notes: tuple[str, ...] = ()  # warnings from reading it (bytes replaced, …): reported, not fatal
    parent: str | None = None  # an attachment: the source of the page that links it
    tables: tuple[Table, ...] = ()  # tables as grids (HWP/HWPX, HTML, PDF); rows are found in `text`


@dataclass(frozen=True)
class Sentence:
    """A sentence with its span in Document.text: text == doc.text[start:end]."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Evidence:
    """Where a fact came from: the sentence and its span in the document text."""

    text: str
    start: int
    end: int


@dataclass
class Program:
    name: str
    name_en: str | None = None
    start_year: int | None = None
    end_year: int | None = None
    evidence: Evidence | None = None


@dataclass
class Budget:
    amount: float  # the figure as written, in the unit written (946.0 for 946억원)
    unit_text: str  # the amount as it stands in the text
    currency: str  # ISO code: KRW, USD, EUR, GBP, ...
    amount_krw: int | None  # exact won, None for foreign currencies
    kind: str = "unspecified"  # total | national | local | private | unspecified
    fiscal_year: int | None = None
    program: str | None = None
    evidence: Evidence | None = None
    role: str = "budget"  # budget | change | base | cap | investment | market | revenue | conversion | other
    low: int | None = None  # a range's bounds in exact won (`3조~4조원`); None when not a won range
    high: int | None = None
    approx: bool = False  # 약, 가량, about …
    bound: str = "exact"  # exact | between | above (at least) | under (at most)
    table_cell: tuple[int, int, int] | None = None  # a table fact: (table index in the document, row, col)


@dataclass
class Institution:
    name: str  # canonical name from the gazetteer, or the surface form
    aliases_seen: list[str] = field(default_factory=list)
    type: str = (
        "other"  # government|local_government|public_agency|university|research|industry|international|other
    )
    country: str | None = None  # ISO 3166-1 alpha-2
    role: str = "mentioned"  # lead | host | participant | funder | partner | mentioned
    in_gazetteer: bool = False
    evidence: Evidence | None = None


@dataclass
class Site:
    name: str
    address: str | None = None
    floors: str | None = None
    area_m2: float | None = None
    area_text: str | None = None
    status: str | None = None  # open | planned | None
    year: int | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # what lat/lon stand for: building | district | city | province
    evidence: Evidence | None = None


@dataclass
class Facts:
    """Everything extracted from one document."""

    document: Document
    programs: list[Program] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    institutions: list[Institution] = field(default_factory=list)
    sites: list[Site] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # partners and participants
    countries_mentioned: list[str] = field(default_factory=list)  # competitors, examples, comparisons
    country_evidence: dict[str, Evidence] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The `extract --format jsonl` record (stable keys; see README)."""
        doc = self.document

        def flat(obj: Any) -> dict[str, Any]:
            d = asdict(obj)
            ev = d.pop("evidence", None)
            d["evidence"] = ev["text"] if ev else None
            d["evidence_span"] = [ev["start"], ev["end"]] if ev else None
            return d

        return {
            "source": doc.source,
            "title": doc.title,
            "published_on": doc.published_on.isoformat() if doc.published_on else None,
            "lang": doc.lang,
            "parent": doc.parent,
            "programs": [flat(p) for p in self.programs],
            "budgets": [flat(b) for b in self.budgets],
            "institutions": [flat(i) for i in self.institutions],
            "sites": [flat(s) for s in self.sites],
            "countries": list(self.countries),
            "countries_mentioned": list(self.countries_mentioned),
        }
