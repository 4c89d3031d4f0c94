"""The database side of reviews (etl/reviews.py): list facts with their ids and states, apply decisions.

This module owns the SQL of the review columns (`fact_id`, `state` on budgets, participations and sites,
`programs.parent_id`) and of `review_outcomes`. Applying is idempotent: every ingest re-applies the whole file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from etl import aggregates, deltas, events, hierarchy, program_merges
from etl.categories import EXCLUDED_STATES as _EXCLUDED
from etl.categories import FACT_TABLES
from etl.consolidate import stable_id
from etl.db import transaction
from etl.extract.institutions import lookup
from etl.normalize import program_key
from etl.reviews import Decision, fact_type

Con = duckdb.DuckDBPyConnection
# Where each fact type lives; a participation merged into another institution's row is not counted either.
_TABLE = {t.value: table for t, table in FACT_TABLES.items()}
_COLUMNS = {"amount_krw", "kind", "role", "fiscal_year", "address", "lat", "lon"}
EXCLUDED_STATES = tuple(s.value for s in _EXCLUDED)
_UPDATED = tuple(_TABLE.values())  # the fact tables a decision updates in place
_IN_REVIEWED = "document_id IN (SELECT document_id FROM _reviewed_docs)"

_LIST = {
    "budget": """SELECT fact_id, state, b.document_id, amount, unit_text, currency, amount_krw, kind, role,
                        fiscal_year, p.name AS program, evidence
                 FROM budgets b LEFT JOIN programs p USING (program_id)""",
    "institution": """SELECT fact_id, state, pa.document_id, i.name, pa.role, i.type, i.country, pa.evidence
                      FROM participations pa JOIN institutions i USING (institution_id)""",
    "site": """SELECT fact_id, state, document_id, name, address, lat, lon, status, evidence FROM sites""",
    # A program's state is its last applied decision's; a program merged into another is listed from
    # program_merges (state merged), and a twin the rule proposes shows as `merge` proposed (etl/program_merges.py).
    "program": """SELECT 'p-' || p.program_id AS fact_id, coalesce(o.state, 'machine') AS state, p.name, p.name_en,
                         q.name AS parent, t.name AS merge_into, m.state AS merge, m.source AS merge_source,
                         m.why AS merge_why
                  FROM programs p LEFT JOIN programs q ON q.program_id = p.parent_id
                  LEFT JOIN program_merges m ON m.program_id = p.program_id
                  LEFT JOIN programs t ON t.program_id = m.into_id
                  LEFT JOIN (SELECT fact_id, any_value(state) AS state FROM review_outcomes
                             WHERE outcome = 'applied' GROUP BY ALL) o ON o.fact_id = 'p-' || p.program_id
                  UNION ALL
                  SELECT 'p-' || m.program_id, 'merged', m.name, NULL, NULL, t.name, m.state, m.source, m.why
                  FROM program_merges m LEFT JOIN programs t ON t.program_id = m.into_id
                  WHERE m.state = 'merged' AND m.program_id NOT IN (SELECT program_id FROM programs)""",
}


@dataclass
class Outcome:
    fact_id: str
    state: str
    outcome: str  # applied | orphaned | error
    message: str = ""
    lines: str = ""


def list_facts(con: Con, kind: str | None = None, state: str | None = None) -> list[dict[str, Any]]:
    """Every fact of one type (or all) as dicts with `fact_id`, `type`, `state` and the fact's fields."""
    out: list[dict[str, Any]] = []
    for name, query in _LIST.items():
        if kind not in (None, name):
            continue
        cur = con.execute(
            f"SELECT * FROM ({query}) WHERE ? IS NULL OR state = ? ORDER BY fact_id", [state, state]
        )
        cols = [d[0] for d in cur.description]
        out.extend({"type": name, **dict(zip(cols, row, strict=True))} for row in cur.fetchall())
    return out


def problems(con: Con) -> list[dict[str, Any]]:
    """The decisions the last pass did not apply (orphaned or in error)."""
    cur = con.execute("SELECT * FROM review_outcomes WHERE outcome <> 'applied' ORDER BY fact_id")
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def applied_sha(con: Con) -> str | None:
    """The reviews file's hash as last applied (None when never)."""
    row = con.execute("SELECT any_value(file_sha256) FROM review_outcomes").fetchone()
    return row[0] if row else None


def apply(
    con: Con,
    decisions: dict[str, Decision],
    file_sha: str | None,
    stats: dict[str, int] | None = None,
    merge_twins: bool = False,
) -> list[Outcome]:
    """Apply every decision in one transaction; record and return what became of each.

    Program merges go first (etl/program_merges.py: the analyst's, then the twin rule's, merged only when
    `merge_twins` or confirmed), so the other decisions see the programs as merged. The derived tables
    follow in the same transaction, for the documents whose facts the pass changed only (a pass re-applied
    after an ingest changes nothing it had done before). `stats`, when given, gets `documents`: how many
    documents' derived rows were refreshed."""
    now = datetime.now()
    with transaction(con):
        merges = program_merges.apply_reviews(con, decisions)
        _follow_merges(con, merges.moved)
        with _before(con, decisions):
            outcomes = _apply_all(con, decisions, merges.outcomes)
            refreshed = _refresh_changed(con)
        if any(o.outcome == "applied" and fact_type(o.fact_id) == "program" for o in outcomes):
            hierarchy.refresh_ancestors(con)  # a parent may have changed
        _follow_merges(con, program_merges.apply_twins(con, decisions, merge_twins))
        _record(con, outcomes, file_sha, now)
    if stats is not None:
        stats["documents"] = refreshed
    return outcomes


def _follow_merges(con: Con, moved: set[str]) -> None:
    """The derived tables after program merges, as after the loader's own (etl/load.py)."""
    if moved:
        changes = deltas.Changes(con)
        changes.merged(moved)
        changes.refresh()


def _record(con: Con, outcomes: list[Outcome], file_sha: str, now: datetime) -> None:
    """Replace review_outcomes with this pass's outcomes (one insert of them all: executemany took seconds)."""
    con.execute("DELETE FROM review_outcomes")
    cols = {"fact_id": [o.fact_id for o in outcomes], "fact_type": [fact_type(o.fact_id) for o in outcomes],
            "state": [o.state for o in outcomes], "outcome": [o.outcome for o in outcomes],
            "message": [o.message for o in outcomes], "lines": [o.lines for o in outcomes]}  # fmt: skip
    con.execute("SELECT 1").fetchall()  # DuckDB refuses register() while a write's result is left unread
    con.register("_outcomes", pa.table({k: pa.array(v, pa.string()) for k, v in cols.items()}))
    try:
        con.execute(
            "INSERT INTO review_outcomes SELECT fact_id, fact_type, state, outcome, message, lines, ?, ? "
            "FROM _outcomes",
            [file_sha, now],
        )
    finally:
        con.unregister("_outcomes")


@contextlib.contextmanager
def _before(con: Con, decisions: dict[str, Decision]) -> Iterator[None]:
    """Inside the block, `_before_<table>` holds the rows the decisions' documents had in each table a
    decision updates in place, as they were on entry (`_reviewed_docs`: those documents)."""
    ids = [fid for fid in decisions if fact_type(fid) != "program"]
    con.execute("SELECT 1").fetchall()  # DuckDB refuses register() while a write's result is left unread
    con.register("_decided", pa.table({"fact_id": pa.array(ids, pa.string())}))
    try:
        found = " UNION ".join(
            f"SELECT document_id FROM {t} WHERE fact_id IN (SELECT fact_id FROM _decided)" for t in _UPDATED
        )
        con.execute(f"CREATE OR REPLACE TEMP TABLE _reviewed_docs AS {found}")
        for t in _UPDATED:
            con.execute(f"CREATE OR REPLACE TEMP TABLE _before_{t} AS SELECT * FROM {t} WHERE {_IN_REVIEWED}")
        yield
    finally:
        con.unregister("_decided")
        for t in ("_reviewed_docs", *(f"_before_{t}" for t in _UPDATED)):
            con.execute(f"DROP TABLE IF EXISTS {t}")


def _refresh_changed(con: Con) -> int:
    """Refresh the derived rows of the documents whose rows differ from `_before_<table>`; return how many."""
    diff = " UNION ".join(
        f"""SELECT document_id FROM ((SELECT * FROM {t} WHERE {_IN_REVIEWED} EXCEPT ALL SELECT * FROM _before_{t})
            UNION ALL (SELECT * FROM _before_{t} EXCEPT ALL SELECT * FROM {t} WHERE {_IN_REVIEWED}))"""
        for t in _UPDATED
    )
    con.execute(f"CREATE OR REPLACE TEMP TABLE _changed_docs AS {diff}")
    [(n,)] = con.execute("SELECT count(*) FROM _changed_docs").fetchall()
    if n:
        changed = "document_id IN (SELECT document_id FROM _changed_docs)"
        changes = deltas.Changes(con)
        changes.drop("_changed_docs", {t: f"_before_{t}" for t in _UPDATED})
        mates = events.ranked_below(
            con, "_changed_docs"
        )  # their money counts or not by these documents' figures
        changes.regrouped(mates)
        n += len(mates)
        changes.add({t: f"(SELECT * FROM {t} WHERE {changed})" for t in aggregates.FACT_TABLES})
        changes.refresh()
    con.execute("DROP TABLE _changed_docs")
    return int(n)


def _apply_all(con: Con, decisions: dict[str, Decision], merged: dict[str, tuple[str, str]]) -> list[Outcome]:
    """Each decision's outcome (`merged`: those of the program merges, done already); the fact rows' new values
    are written at the end, one UPDATE per table and set of columns (one UPDATE per decision read the whole
    table each time: minutes for 10k decisions)."""
    known = _existing(con)
    updates: dict[tuple[str, tuple[str, ...]], list[list[Any]]] = {}
    outcomes = []
    for d in decisions.values():
        kind = fact_type(d.fact_id)
        lines = ",".join(map(str, d.lines))
        if d.fact_id in merged:
            outcomes.append(Outcome(d.fact_id, d.state, *merged[d.fact_id], lines))
            continue
        try:
            if kind == "program":
                found = _program(con, d)
            elif found := d.fact_id in known:
                sets = _fact_sets(con, kind, d)
                updates.setdefault((_TABLE[kind], tuple(sets)), []).append([d.fact_id, *sets.values()])
        except LookupError as exc:
            outcomes.append(Outcome(d.fact_id, d.state, "error", str(exc), lines))
            continue
        if not found:
            outcomes.append(
                Outcome(d.fact_id, d.state, "orphaned", "the fact is no longer in the database", lines)
            )
        else:
            outcomes.append(Outcome(d.fact_id, d.state, "applied", "", lines))
    for (table, columns), rows in updates.items():
        _update(con, table, columns, rows)
    return outcomes


def _existing(con: Con) -> set[str]:
    """The ids of `_decided` (registered by `_before`) that name a fact row."""
    found = " UNION ALL ".join(
        f"SELECT fact_id FROM {t} WHERE fact_id IN (SELECT fact_id FROM _decided)" for t in _UPDATED
    )
    return {r[0] for r in con.execute(found).fetchall()}


def _fact_sets(con: Con, kind: str, d: Decision) -> dict[str, Any]:
    """The columns a decision sets on its fact row (state last); an institution rename moves the row now."""
    sets: dict[str, Any] = {k: v for k, v in d.fields.items() if k in _COLUMNS}
    if "program" in d.fields:
        sets["program_id"] = _program_id(con, d.fields["program"])
    if kind == "site" and "name" in d.fields:
        sets |= {"name": d.fields["name"], "norm_key": program_key(d.fields["name"])}
    if kind == "institution" and "role" in d.fields:
        sets["role"] = d.fields["role"]
    state = d.state
    if kind == "institution" and "name" in d.fields:
        state = _move_participation(con, d.fact_id, d.fields["name"]) or state
    return {**sets, "state": state}


def _update(con: Con, table: str, columns: tuple[str, ...], rows: list[list[Any]]) -> None:
    """Set `columns` of the rows of `table` whose fact_id is each row's first value to its other values."""
    names = ["fact_id", *columns]  # column names come from _COLUMNS and _fact_sets, not from input
    con.execute("SELECT 1").fetchall()  # DuckDB refuses register() while a write's result is left unread
    con.register("_updates", pa.Table.from_pylist([dict(zip(names, r, strict=True)) for r in rows]))
    try:
        assignments = ", ".join(f"{c} = u.{c}" for c in columns)
        con.execute(f"UPDATE {table} SET {assignments} FROM _updates u WHERE {table}.fact_id = u.fact_id")
    finally:
        con.unregister("_updates")


def _program_id(con: Con, name: str | None) -> str | None:
    """The id of the program a name or alias names; LookupError when there is none."""
    if name is None:
        return None
    row = con.execute(
        "SELECT program_id FROM program_aliases WHERE norm_key = ? UNION SELECT program_id FROM programs "
        "WHERE program_id = ? LIMIT 1",
        [program_key(name), name],
    ).fetchone()
    if row is None:
        raise LookupError(f"no program named {name!r}")
    return row[0]


def _move_participation(con: Con, fid: str, name: str) -> str | None:
    """Point the participation at the institution `name` names (made when new); 'merged' when the document
    already has a row for it, so the institution is counted once."""
    entry = lookup(name)
    canonical = entry.canonical if entry else name
    target = stable_id(canonical)
    con.execute(
        "INSERT INTO institutions VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [target, canonical, entry.name_en if entry else None, entry.type if entry else "other",
         entry.country if entry else None, entry is not None],
    )  # fmt: skip
    doc, current = con.execute(
        "SELECT document_id, institution_id FROM participations WHERE fact_id = ?", [fid]
    ).fetchone()
    if current == target:
        return None
    taken = con.execute(
        "SELECT count(*) FROM participations WHERE document_id = ? AND institution_id = ?", [doc, target]
    ).fetchone()[0]
    if taken:
        return "merged"
    con.execute("UPDATE participations SET institution_id = ? WHERE fact_id = ?", [target, fid])
    return None


def _program(con: Con, d: Decision) -> bool:
    pid = d.fact_id.split("-", 1)[1]
    if not con.execute("SELECT count(*) FROM programs WHERE program_id = ?", [pid]).fetchone()[0]:
        return False
    if "parent" in d.fields:
        parent = _program_id(con, d.fields["parent"])
        if parent == pid:
            raise LookupError("a program cannot be its own parent")
        con.execute("UPDATE programs SET parent_id = ? WHERE program_id = ?", [parent, pid])
    if "name_en" in d.fields:
        con.execute("UPDATE programs SET name_en = ? WHERE program_id = ?", [d.fields["name_en"], pid])
    return True
