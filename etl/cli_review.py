"""`python -m etl review list|confirm|reject|set|apply`: the analyst's decisions about facts, from the shell."""

from __future__ import annotations

import argparse
import json

from etl.categories import FactState, FactType, values
from etl.cli_common import db_option, err, existing_db, reviews_option, settings_of


def review_parsers(sub: argparse._SubParsersAction) -> None:
    """The `review` subcommands: list, confirm, reject, set, apply."""
    rev = sub.add_parser("review", help="list facts with their ids; confirm, reject or correct one")
    rsub = rev.add_subparsers(required=True, metavar="ACTION")
    ls = rsub.add_parser("list", help="facts as JSON lines (fact_id, type, state and the fact's fields)")
    ls.add_argument("--type", choices=values(FactType))
    ls.add_argument("--state", choices=values(FactState))
    ls.add_argument("--format", choices=["jsonl"], default="jsonl")
    ls.add_argument("--problems", action="store_true", help="decisions not applied (orphaned or in error)")
    ls.set_defaults(func=cmd_review_list)
    for action, text in (("confirm", "mark a fact right"), ("reject", "mark a fact wrong (not counted)")):
        r = rsub.add_parser(action, help=text)
        r.add_argument("fact_id")
        r.add_argument("--why", default="", required=action == "reject")
        r.set_defaults(func=cmd_review_write, action=action, assignments=[])
    st = rsub.add_parser("set", help="correct fields: amount_krw= kind= role= fiscal_year= program= name= …")
    st.add_argument("fact_id")
    st.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    st.add_argument("--why", required=True)
    st.set_defaults(func=cmd_review_write, action="set")
    ap = rsub.add_parser("apply", help="apply the reviews file to the database now")
    ap.set_defaults(func=cmd_review_apply)
    for p in (ls, ap, *(rsub.choices[a] for a in ("confirm", "reject", "set"))):
        db_option(p)
        reviews_option(p)
        if p is not ls:
            p.add_argument("--who", default="", help="who decided (default: $POLICY_REVIEWER or $USER)")
            p.add_argument(
                "--wait", type=float, default=10.0, metavar="SECONDS", help="wait for a running ingest"
            )


def cmd_review_list(args: argparse.Namespace) -> int:
    """Print facts (or the decisions not applied) as JSON lines."""
    from etl import db, review_store

    path = existing_db(args)
    if path is None:
        return 1
    with db.connect(path, read_only=True) as con:
        rows = (
            review_store.problems(con)
            if args.problems
            else review_store.list_facts(con, args.type, args.state)
        )
    for row in rows:
        print(json.dumps(row, ensure_ascii=False, default=str))
    return 0


def cmd_review_write(args: argparse.Namespace) -> int:
    """Record a decision in the reviews file, then apply the file to the database."""
    from etl import review_run
    from etl.reviews import ReviewError, fact_type, make, parse_value

    settings = settings_of(args)
    try:
        fields = {}
        for item in args.assignments:
            name, sep, value = item.partition("=")
            if not sep:
                raise ReviewError(f"{item!r}: want FIELD=VALUE")
            fields[name] = parse_value(fact_type(args.fact_id), name, value)
        review_run.record(settings, make(args.fact_id, args.action, fields, args.why, args.who))
    except ReviewError as e:
        err(f"error: {e}")
        return 2
    print(f"recorded in {settings.reviews_path}")
    return cmd_review_apply(args)


def cmd_review_apply(args: argparse.Namespace) -> int:
    """Apply the reviews file now; exit 1 when a decision was orphaned or in error, 2 when the database is busy."""
    from etl import review_run
    from etl.dbfile import PublishRefused
    from etl.lock import IngestLocked

    settings = settings_of(args)
    try:
        outcomes = review_run.apply_now(settings, wait=args.wait)
    except (IngestLocked, PublishRefused) as e:
        err(
            f"error: {e} (the decision is recorded: `python -m etl review apply` or the next ingest applies it)"
        )
        return 2
    problems = review_run.problem_lines(outcomes)
    for line in problems:
        err(f"warning: {line}")
    print(f"applied {len(outcomes) - len(problems)} of {len(outcomes)} decisions to {settings.db_path}")
    return 1 if problems else 0
