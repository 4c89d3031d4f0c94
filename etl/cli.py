"""Command line: a thin shell over the library (extract | ingest | review | stats | watch | sources | export)."""

from __future__ import annotations

import argparse
import contextlib
import json
from pathlib import Path

from etl.cli_common import db_option, err, existing_db, reviews_option, settings_of
from etl.cli_review import review_parsers


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python -m etl`; returns the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    return args.func(args)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m etl", description="policy-tracker ETL")
    sub = p.add_subparsers(required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="print the facts of each input (no database)")
    ex.add_argument("inputs", nargs="+", metavar="FILE")
    ex.add_argument("--format", choices=["jsonl", "json"], default="jsonl")
    ex.set_defaults(func=cmd_extract)

    ing = sub.add_parser("ingest", help="load files, folders, feeds and URLs into the database")
    ing.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    db_option(ing)
    ing.add_argument("--rebuild", action="store_true", help="recreate the database from scratch")
    ing.add_argument(
        "--workers", type=int, default=0,
        help="extraction processes (default: all cores); with --engine ray, Ray workers (default: its CPUs)",
    )  # fmt: skip
    ing.add_argument(
        "--engine", choices=["local", "ray"], default="local",
        help="where parse + extract run: this machine's process pool, or a Ray cluster (optional, see README)",
    )  # fmt: skip
    ing.add_argument(
        "--address", default=None, metavar="ADDR",
        help="with --engine ray: the cluster (auto, ray://HOST:10001); default: start a local one",
    )  # fmt: skip
    ing.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    ing.add_argument(
        "--wait", type=float, default=0.0, metavar="SECONDS",
        help="when another ingest holds this database, wait up to SECONDS for it (default: refuse at once)",
    )  # fmt: skip
    ing.add_argument(
        "--progress", choices=["auto", "bar", "lines", "none"], default="auto",
        help="progress on stderr: a bar on a terminal (auto), always a bar, one line a second, or none",
    )  # fmt: skip
    reviews_option(ing)
    ing.add_argument(
        "--merge-twins", action="store_true",
        help="merge the Korean and English programs the twin rule finds to be one (default: only propose)",
    )  # fmt: skip
    ing.set_defaults(func=cmd_ingest)

    review_parsers(sub)

    st = sub.add_parser("stats", help="what the database holds")
    db_option(st)
    st.set_defaults(func=cmd_stats)

    _watch_parsers(sub)

    exp = sub.add_parser("export", help="write every table as CSV or Parquet")
    db_option(exp)
    exp.add_argument("--format", choices=["csv", "parquet"], default="csv")
    exp.add_argument("--out", type=Path, required=True)
    exp.set_defaults(func=cmd_export)
    return p


def _watch_parsers(sub: argparse._SubParsersAction) -> None:
    """The `watch` and `sources` subcommands."""
    w = sub.add_parser("watch", help="check the configured feeds (and FEED_URLs) and ingest what is new")
    w.add_argument("feeds", nargs="*", metavar="FEED_URL", help="more feeds, watched with no keyword filter")
    w.add_argument("--once", action="store_true", help="one pass, then exit (1 when a source failed)")
    w.add_argument(
        "--interval", type=parse_interval, default="1h", help="between passes: 90s, 30m, 1h (default)"
    )
    w.add_argument("--config", type=Path, default=None, help="sources file (default: sources.toml)")
    w.add_argument("--no-config", action="store_true", help="watch only the FEED_URLs given")
    db_option(w)
    w.set_defaults(func=cmd_watch)

    so = sub.add_parser("sources", help="the watched sources and their health")
    so.add_argument("--config", type=Path, default=None, help="sources file (default: sources.toml)")
    db_option(so)
    so.set_defaults(func=cmd_sources)


def cmd_extract(args: argparse.Namespace) -> int:
    """One JSON object per input document, in input order; errors on stderr."""
    from etl.process import process_raw
    from etl.sources import InputError, iter_raw

    failed = 0
    records = []
    for item in iter_raw(args.inputs, settings_of(args)):
        if isinstance(item, InputError):
            err(f"error: {item.source}: {item.reason}")
            failed += 1
            continue
        res = process_raw(item)
        if res.failure:
            err(f"error: {res.failure.source}: {res.failure.message}")
            failed += 1
        for facts in res.facts:
            rec = facts.to_json()
            if args.format == "jsonl":
                print(json.dumps(rec, ensure_ascii=False), flush=True)
            else:
                records.append(rec)
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
    return 1 if failed else 0


_PROGRESS = {"auto": None, "bar": True, "lines": "lines", "none": False}


def cmd_ingest(args: argparse.Namespace) -> int:
    """Load inputs; exit 1 when any input failed, 2 when the run could not write at all, else 0."""
    from etl.db import DatabaseUnreadable
    from etl.dbfile import PublishRefused
    from etl.lock import IngestLocked
    from etl.pipeline import EngineError, ingest

    settings = settings_of(args)
    try:
        with _engine(args) as engine:
            report = ingest(
                args.inputs,
                settings,
                rebuild=args.rebuild,
                workers=args.workers or None,
                progress=False if args.quiet else _PROGRESS[args.progress],
                on_failure=lambda f: err(f"error: {f.source}: {f.stage}: {f.message}"),
                on_warning=lambda w: err(f"warning: {w.source}: {w.message}"),
                wait=args.wait,
                engine=engine,
            )
    except (IngestLocked, PublishRefused, DatabaseUnreadable, EngineError) as e:
        err(f"error: {e}")
        return 2
    if not args.quiet:
        err(report.summary())
        err(f"database: {settings.db_path}" + ("" if report.wrote else " (unchanged)"))
    return 1 if report.failed else 0


RAY_PIN = "ray[data]==2.60.0"  # as in requirements-dev.txt


def _engine(args: argparse.Namespace) -> contextlib.AbstractContextManager:
    """The engine for --engine (None = the local pool); Ray is imported only when asked for."""
    from etl.pipeline import EngineError

    if args.engine != "ray":
        if args.address:
            raise EngineError("--address needs --engine ray")
        return contextlib.nullcontext(None)
    try:
        from etl.distributed import RayEngine
    except ImportError as e:
        raise EngineError(
            f'--engine ray needs Ray, an optional dependency: pip install "{RAY_PIN}" ({e})'
        ) from e
    return RayEngine(args.address, args.workers or None)


def cmd_stats(args: argparse.Namespace) -> int:
    """Row counts, date range and money totals of the database."""
    from etl import db, db_stats

    path = existing_db(args)
    if path is None:
        return 1
    with db.connect(path, read_only=True) as con:
        for table, n in db_stats.table_counts(con).items():
            print(f"{table:20} {n:>10,}")
        (first, last), kinds = db_stats.stats_rows(con)
        print(f"{'published':20} {first} … {last}")
        n_docs, n_events = db_stats.event_counts(con)
        print(f"{'events':20} {n_events:>10,}  ({n_docs:,} documents, one event per announcement)")
        for kind, n, krw in kinds:
            print(f"budgets {kind:12} {n:>10,}  {int(krw):>22,} won")
        for label, named, total in db_stats.english_label_share(con):
            share = f"{named / total:.0%}" if total else "-"
            print(f"English names, {label:12} {named:>6,} of {total:>6,} ({share})")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Every table to OUT/<table>.<csv|parquet>."""
    from etl import db, db_stats

    path = existing_db(args)
    if path is None:
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with db.connect(path, read_only=True) as con:
        for table in db_stats.table_counts(con):
            target = args.out / f"{table}.{args.format}"
            db_stats.export_table(con, table, target, args.format)
            print(target)
    return 0


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """'90s', '30m', '1h', '1d' or plain seconds → seconds (argparse type)."""
    text = text.strip().lower()
    unit = _UNITS.get(text[-1:])
    number = text[:-1] if unit else text
    try:
        seconds = float(number) * (unit or 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an interval: {text!r} (use 90s, 30m, 1h)") from None
    if seconds <= 0:
        raise argparse.ArgumentTypeError("the interval must be positive")
    return seconds


def _watched(args: argparse.Namespace) -> list:
    from etl.watch.config import DEFAULT_CONFIG, Politeness, feed_source, load_sources

    sources, base = ([], Politeness()) if args.no_config else load_sources(args.config or DEFAULT_CONFIG)
    return sources + [feed_source(url, base) for url in args.feeds]


def cmd_watch(args: argparse.Namespace) -> int:
    """Watch passes: once (exit 1 if a source failed, 2 if the database could not be written) or forever."""
    import time

    from etl.db import DatabaseUnreadable
    from etl.dbfile import PublishRefused
    from etl.lock import IngestLocked
    from etl.watch.config import ConfigError
    from etl.watch.run import watch_once

    try:
        sources = _watched(args)
    except ConfigError as e:
        err(f"error: {e}")
        return 2
    if not sources:
        err("error: nothing to watch (no sources in the config and no FEED_URL)")
        return 2
    settings = settings_of(args)
    while True:
        try:
            report = watch_once(sources, settings)
        except (IngestLocked, PublishRefused, DatabaseUnreadable) as e:
            err(f"error: {e}")
            if args.once:
                return 2
        else:
            for line in report.lines():
                print(line, flush=True)
            if args.once:
                return 1 if report.failed else 0
        time.sleep(args.interval)


def cmd_sources(args: argparse.Namespace) -> int:
    """Each watched source's state: last check, last success, items seen, last error."""
    from etl.watch.config import DEFAULT_CONFIG, ConfigError, load_sources
    from etl.watch.store import watch_state

    state, _ = watch_state(settings_of(args).db_path)
    try:
        configured = [s.name for s in load_sources(args.config or DEFAULT_CONFIG)[0]]
    except ConfigError as e:
        err(f"warning: {e}")
        configured = []
    names = configured + sorted(n for n in state if n not in configured)
    print(f"{'status':12} {'last success':19} {'fails':>5} {'seen':>5} {'new':>4}  source / last error")
    for name in names:
        row = state.get(name)
        if row is None:
            print(f"{'never':12} {'-':19} {0:>5} {0:>5} {0:>4}  {name}")
            continue
        ok = row["last_success_at"].strftime("%Y-%m-%d %H:%M:%S") if row["last_success_at"] else "-"
        print(
            f"{row['last_status']:12} {ok:19} {row['n_failures']:>5} {row['n_items_seen']:>5} "
            f"{row['n_new_last']:>4}  {name}"
        )
        if row["last_error"]:
            when = row["last_error_at"].strftime("%Y-%m-%d %H:%M:%S")
            print(f"{'':12} {when:19} {'':>5} {'':>5} {'':>4}    last error: {row['last_error']}")
    return 0
