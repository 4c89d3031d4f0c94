"""One raw input → its documents' facts: parse, extract and the attachments, within the per-document budget.

This is what a worker runs (etl/pipeline.py's process pool, etl/distributed.py's Ray actors, `etl extract`);
it touches no database.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from etl.attachments import raw_digest
from etl.config import Settings
from etl.models import Facts, RawDoc, SourceError


@dataclass
class InputFailure:
    source: str
    stage: str  # read | parse | extract | load
    message: str


@dataclass
class Extracted:
    """What a worker returns for one raw input."""

    input: str
    raw_sha256: str
    n_bytes: int
    facts: list[Facts] = field(default_factory=list)
    failure: InputFailure | None = None
    notes: list[str] = field(default_factory=list)  # warnings: the input was stored all the same


@dataclass(frozen=True)
class Limits:
    """The per-document budget, passed to workers with each chunk (see Settings)."""

    max_text_chars: int = Settings.max_text_chars
    doc_seconds: float = Settings.doc_seconds

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(settings.max_text_chars, settings.doc_seconds)


class BudgetExceeded(SourceError):
    """One document took more time or text than the per-document budget allows."""


def process_raw(raw: RawDoc, limits: Limits = Limits()) -> Extracted:
    """Parse and extract one raw input (runs in a worker process), within the per-document budget."""
    out = Extracted(raw.source, raw_digest(raw), len(raw.data))
    try:
        with _time_budget(raw.source, limits.doc_seconds):
            _parse_and_extract(raw, limits, out)
    except BudgetExceeded as e:
        out.facts = []
        out.failure = InputFailure(raw.source, "budget", e.reason)
    return out


def _parse_and_extract(raw: RawDoc, limits: Limits, out: Extracted) -> None:
    from etl.extract.document import extract_document
    from etl.parse import ParseError, parse

    try:
        docs = parse(raw)
    except ParseError as e:
        out.failure = InputFailure(raw.source, "parse", e.reason)
        return
    except BudgetExceeded:
        raise
    except Exception as e:  # a reader bug must not end the run
        out.failure = InputFailure(raw.source, "parse", f"{type(e).__name__}: {e}")
        return
    for doc in docs:
        if len(doc.text) > limits.max_text_chars:
            raise BudgetExceeded(
                raw.source,
                f"text too long to extract: {len(doc.text):,} characters (budget {limits.max_text_chars:,}; "
                "POLICY_MAX_TEXT_CHARS raises it)",
            )
        out.notes.extend(doc.notes)
        try:
            out.facts.append(extract_document(doc))
        except BudgetExceeded:
            raise
        except Exception as e:
            out.failure = InputFailure(doc.source, "extract", f"{type(e).__name__}: {e}")
    if out.facts and not out.failure:
        _attachments(raw, limits, out)


def _attachments(raw: RawDoc, limits: Limits, out: Extracted) -> None:
    """Each attachment as a child document of the page; a figure the page or an earlier attachment states is
    kept once (the same release as HWP, HWPX and PDF counts once).

    A bad attachment (damaged, protected, unreachable) is one warning line; the page is stored all the same.
    """
    from etl.extract.restated import drop_restated

    out.notes.extend(raw.meta.get("attachment_errors", ()))
    page = out.facts[0]
    stated = list(page.budgets)
    for kid in raw.meta.get("attachments", ()):
        sub = Extracted(kid.source, "", len(kid.data))
        _parse_and_extract(kid, limits, sub)
        out.notes.extend(sub.notes)
        if sub.failure:
            out.notes.append(f"attachment {sub.failure.source}: {sub.failure.message}")
            continue
        for facts in sub.facts:
            facts.document = replace(facts.document, parent=page.document.source)
            facts.budgets = drop_restated(stated, facts.budgets)
            stated.extend(facts.budgets)
            out.facts.append(facts)


@contextlib.contextmanager
def _time_budget(source: str, seconds: float) -> Iterator[None]:
    """Raise BudgetExceeded in the block after `seconds` (SIGALRM: main thread only, else no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise BudgetExceeded(
            source, f"took longer than {seconds:g} s to read and extract (POLICY_DOC_SECONDS raises it)"
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_chunk(chunk: list[RawDoc], limits: Limits) -> list[Extracted]:
    """Process a worker's chunk of raw inputs, in order."""
    return [process_raw(r, limits) for r in chunk]
