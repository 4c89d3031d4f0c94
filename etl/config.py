"""Settings passed down through the pipeline as one object."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = Path(__file__).resolve().parent / "resources"


@dataclass(frozen=True)
class Settings:
    root: Path = ROOT
    raw_dir: Path = ROOT / "data" / "raw"
    db_path: Path = ROOT / "data" / "policy.duckdb"
    # An analyst's decisions about facts (etl/reviews.py), applied after every ingest; meant for git.
    reviews_path: Path = ROOT / "data" / "reviews" / "reviews.jsonl"
    max_bytes: int = 20 * 1024 * 1024  # inputs larger than this are refused with a clear error
    http_timeout: float = 15.0
    workers: int = 0  # 0 = all cores
    # Documents per load transaction. Each also brings the derived tables in step (about 0.1 s whatever its
    # size, etl/aggregates.py), so fewer, larger ones keep that small; a crash costs at most one re-extracted batch.
    batch_size: int = 1000
    # Runs with fewer pending inputs extract in-process: each worker pays ~2 s to import and build Kiwi,
    # which only pays off once there are a few hundred documents to share (bench/bundled.py).
    inline_below: int = 200
    # Per-document budget (bench/ingest.py: ~80 kB of text per second per worker): a 19 MB text once took
    # 4 minutes and 1 GB in one worker. Longer texts or slower documents fail with one line instead.
    max_text_chars: int = 2_000_000  # about 700 pages; every bundled document is under 20,000
    doc_seconds: float = 120.0  # parse + extract of one input, wall clock
    # URLs only to public addresses, redirects checked hop by hop (etl/netguard.py): set for dashboard ingests.
    public_only: bool = False
    # The cross-language twin rule (etl/program_merges.py) merges what it finds instead of only proposing it.
    merge_twins: bool = False

    @classmethod
    def from_env(cls) -> Settings:
        """Defaults overridden by POLICY_DB / POLICY_RAW / POLICY_REVIEWS / POLICY_BATCH_SIZE / POLICY_INLINE_BELOW /
        POLICY_MAX_TEXT_CHARS / POLICY_DOC_SECONDS (and POLICY_PUBLIC_ONLY=1 for dashboard ingests, POLICY_MERGE_TWINS=1)."""
        db = os.environ.get("POLICY_DB")
        raw = os.environ.get("POLICY_RAW")
        reviews = os.environ.get("POLICY_REVIEWS")
        return cls(
            reviews_path=Path(reviews) if reviews else cls.reviews_path,
            db_path=Path(db) if db else cls.db_path,
            raw_dir=Path(raw) if raw else cls.raw_dir,
            batch_size=int(os.environ.get("POLICY_BATCH_SIZE", cls.batch_size)),
            inline_below=int(os.environ.get("POLICY_INLINE_BELOW", cls.inline_below)),
            max_text_chars=int(os.environ.get("POLICY_MAX_TEXT_CHARS", cls.max_text_chars)),
            doc_seconds=float(os.environ.get("POLICY_DOC_SECONDS", cls.doc_seconds)),
            public_only=os.environ.get("POLICY_PUBLIC_ONLY", "") == "1",
            merge_twins=os.environ.get("POLICY_MERGE_TWINS", "") == "1",
        )
