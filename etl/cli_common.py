"""What every `python -m etl` subcommand shares: the --db and --reviews options, settings, error lines."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl.config import Settings


def reviews_option(p: argparse.ArgumentParser) -> None:
    """The --reviews option."""
    p.add_argument(
        "--reviews", type=Path, default=None,
        help="the reviews file (default: data/reviews/reviews.jsonl or $POLICY_REVIEWS)",
    )  # fmt: skip


def db_option(p: argparse.ArgumentParser) -> None:
    """The --db option."""
    p.add_argument(
        "--db", type=Path, default=None, help="database file (default: data/policy.duckdb or $POLICY_DB)"
    )


def settings_of(args: argparse.Namespace) -> Settings:
    """Settings from the environment, with the command line's --db, --workers and --reviews over them."""
    s = Settings.from_env()
    overrides = {}
    if getattr(args, "db", None):
        overrides["db_path"] = args.db
    if getattr(args, "workers", 0):
        overrides["workers"] = args.workers
    if getattr(args, "reviews", None):
        overrides["reviews_path"] = args.reviews
    if getattr(args, "merge_twins", False):
        overrides["merge_twins"] = True
    return Settings(**{**s.__dict__, **overrides})


def err(line: str) -> None:
    """One line on stderr."""
    print(line, file=sys.stderr, flush=True)


def existing_db(args: argparse.Namespace) -> Path | None:
    """The database the command reads, or None after one error line when there is none yet."""
    path = settings_of(args).db_path
    if path.exists():
        return path
    err(f"error: no database at {path}; run `python -m etl ingest data/raw` first")
    return None
