"""Programs that are one: an analyst's `merge_into` review, and the rule that finds cross-language twins.

A merge folds one program into another the way the loader folds two names it learns are one
(etl/program_rows.merge_program: facts, mentions and aliases move, the row goes); the merged program's children
then point at the target. The derived tables follow in the caller's transaction through
`deltas.Changes.merged`, as after the loader's merges. `program_merges` remembers each merge (the
merged row is gone, so the next review pass knows it is done, and the lists show it), each twin the rule
proposes and each proposal an analyst turned down. Its 'merged' rows are kept from pass to pass; the
others are found again every pass.

The twin rule: a Korean-named program and an English-named one are the same program when a document of
each, published within TWIN_DAYS of each other and both naming the same agency, credit to them at least
TWIN_MIN_FIGURES distinct won amounts of TWIN_MIN_KRW or more; neither may be an ancestor of the other,
and the two must not both be rows of programs.tsv (the catalogue has already said what they are). It
proposes; it merges only when asked to (`ingest --merge-twins`, `$POLICY_MERGE_TWINS`) or when an analyst
confirms the proposal, and never when an English program pairs with more than one Korean one.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from etl import hierarchy, program_catalog, program_rows
from etl.categories import AGENCY_TYPES, EXCLUDED_STATES, FactState, sql_in
from etl.normalize import program_key
from etl.reviews import Decision, ReviewError

Con = duckdb.DuckDBPyConnection

# ±3 days: a ministry's release and the English wire or newspaper story about it come out within a day or
# two of each other (weekend included). On the bundled corpus a week let in figures one announcement
# credits to a strategy and a later one to its part.
TWIN_DAYS = 3
# Two distinct shared figures: a parent and its child share one (디지털 뉴딜 and 데이터 댐 are both credited
# with 18.1조원 in one release; a 1.0096조원 chip programme is also credited to the strategy it is part
# of). Two independent amounts coinciding between different programs is what a single figure cannot rule out.
TWIN_MIN_FIGURES = 2
# 1억원 and up: small round amounts (a 1천만원 prize, a 5천만원 cap per company) recur across unrelated programs.
TWIN_MIN_KRW = 100_000_000

_COUNTED = f"NOT IN {sql_in(EXCLUDED_STATES)}"
# (Korean program, English program, days apart, shared figures, Korean document, English document, agency)
# for every pair of documents that meets the rule; the ancestors and the catalogue are checked after.
TWINS_SQL = f"""
WITH fig AS (
    SELECT DISTINCT b.program_id, b.document_id, d.published_on AS day, b.amount_krw,
           regexp_matches(p.name, '[가-힣]') AS korean
    FROM budgets b JOIN documents d USING (document_id) JOIN programs p USING (program_id)
    WHERE b.amount_krw >= $min_krw AND b.state {_COUNTED} AND d.published_on IS NOT NULL),
agency AS (
    SELECT DISTINCT pa.document_id, pa.institution_id, i.name FROM participations pa
    JOIN institutions i USING (institution_id) WHERE i.type IN {sql_in(AGENCY_TYPES)} AND pa.state {_COUNTED}),
pairs AS (
    SELECT k.program_id AS ko_id, e.program_id AS en_id, k.document_id AS ko_doc, e.document_id AS en_doc,
           abs(date_diff('day', k.day, e.day)) AS days, list(DISTINCT k.amount_krw ORDER BY k.amount_krw) AS figures
    FROM fig k JOIN fig e ON e.amount_krw = k.amount_krw AND e.program_id <> k.program_id
    WHERE k.korean AND NOT e.korean AND abs(date_diff('day', k.day, e.day)) <= $days
    GROUP BY ALL HAVING count(DISTINCT k.amount_krw) >= $min_figures)
SELECT p.ko_id, p.en_id, p.days, p.figures, p.ko_doc, p.en_doc, min(a.name)
FROM pairs p JOIN agency a ON a.document_id = p.ko_doc
JOIN agency b ON b.document_id = p.en_doc AND b.institution_id = a.institution_id
WHERE NOT EXISTS (SELECT 1 FROM program_ancestors x WHERE (x.program_id = p.ko_id AND x.ancestor_id = p.en_id)
                                                       OR (x.program_id = p.en_id AND x.ancestor_id = p.ko_id))
GROUP BY ALL ORDER BY p.en_id, p.days, p.ko_id"""


@dataclass(frozen=True)
class Twin:
    """A Korean-named and an English-named program the rule finds to be one, and why."""

    ko_id: str
    en_id: str
    why: str


@dataclass
class Pass:
    """What one pass did: outcome (outcome, message) per program decision it handled, programs it moved."""

    outcomes: dict[str, tuple[str, str]]
    moved: set[str]


def resolve(con: Con, name: str) -> str | None:
    """The program a name, an alias, an id or a `p-` id names, following merges; None when there is none."""
    pid = name[2:] if name.startswith("p-") else name
    while (row := con.execute(
        "SELECT into_id FROM program_merges WHERE program_id = ? AND state = 'merged'", [pid]
    ).fetchone()) is not None:  # fmt: skip
        pid = row[0]
    row = con.execute(
        "SELECT program_id FROM programs WHERE program_id = ? UNION ALL "
        "(SELECT program_id FROM program_aliases WHERE norm_key = ? ORDER BY program_id LIMIT 1) LIMIT 1",
        [pid, program_key(name)],
    ).fetchone()
    return row[0] if row else None


def refusal(con: Con, pid: str, target: str | None) -> str | None:
    """Why `pid` cannot be merged into `target` (a program id), or None when it can."""
    if target is None:
        return "no such program to merge into"
    if target == pid:
        return "a program cannot be merged into itself"
    below = con.execute(
        "SELECT count(*) FROM program_ancestors WHERE program_id = ? AND ancestor_id = ?", [target, pid]
    ).fetchone()[0]
    return "a program cannot be merged into its own descendant" if below else None


def check(con: Con, fact_id: str, into: str) -> None:
    """ReviewError (one line) when the decision `fact_id merge_into=into` could not be applied now."""
    why = refusal(con, fact_id.split("-", 1)[1], resolve(con, into))
    if why:
        raise ReviewError(f"{fact_id} merge_into={into}: {why}")


def apply_reviews(con: Con, decisions: dict[str, Decision]) -> Pass:
    """Apply the `merge_into` decisions (inside the caller's transaction), first in a review pass."""
    done = dict(
        con.execute("SELECT program_id, into_id FROM program_merges WHERE state = 'merged'").fetchall()
    )
    con.execute("DELETE FROM program_merges WHERE state <> 'merged'")
    result = Pass({}, set())
    for d in decisions.values():
        if d.fact_id.startswith("p-") and ("merge_into" in d.fields or d.fact_id[2:] in done):
            result.outcomes[d.fact_id] = _decide(con, d, done, result.moved)
    if result.moved:
        hierarchy.refresh_ancestors(con)
    return result


def apply_twins(con: Con, decisions: dict[str, Decision], merge_twins: bool) -> set[str]:
    """Propose the twins the rule finds, or merge them when asked to or confirmed (last in a review pass, after
    the analyst's parents); return the programs whose facts moved."""
    moved: set[str] = set()
    found = twins(con)
    for twin in found:
        d = decisions.get(f"p-{twin.en_id}")
        if d is not None and (d.state == FactState.REJECTED or "merge_into" in d.fields):
            if d.state == FactState.REJECTED or d.fields["merge_into"] is None:
                _remember(con, twin.en_id, twin.ko_id, "twins", "rejected", f"{twin.why}; {d.why}")
            continue  # the analyst has decided: rejected, or merged where the decision says
        if twin.en_id in {t.en_id for t in found if t.ko_id != twin.ko_id}:
            _remember(con, twin.en_id, twin.ko_id, "twins", "proposed", f"{twin.why}; ambiguous")
        elif merge_twins or (d is not None and d.state == FactState.CONFIRMED):
            _merge(con, twin.en_id, twin.ko_id, "twins", twin.why, moved)
        else:
            _remember(con, twin.en_id, twin.ko_id, "twins", "proposed", twin.why)
    if moved:
        hierarchy.refresh_ancestors(con)
    return moved


def _decide(con: Con, d: Decision, done: dict[str, str], moved: set[str]) -> tuple[str, str]:
    """(outcome, message) of one program decision that merges, or that is about a program merged before."""
    pid, into = d.fact_id[2:], d.fields.get("merge_into")
    if d.state == FactState.REJECTED:
        into = None
    exists = con.execute("SELECT count(*) FROM programs WHERE program_id = ?", [pid]).fetchone()[0]
    if not exists and pid in done and resolve(con, pid) is None:
        return "orphaned", "the program it was merged into is no longer in the database"
    if not exists and pid in done:  # merged by an earlier pass: the same merge again is done already
        if "merge_into" not in d.fields and d.state != FactState.REJECTED:
            return "applied", ""  # a confirmed twin
        if into is not None and resolve(con, into) == resolve(con, pid):
            return "applied", ""
        return "error", "merged earlier: `ingest --rebuild` reads its documents again and applies this"
    if not exists:
        return "orphaned", "the program is no longer in the database"
    if into is None:
        return "applied", ""
    target = resolve(con, into)
    if target is None:
        return "orphaned", f"the program it merges into ({into}) is no longer in the database"
    if why := refusal(con, pid, target):
        return "error", why
    _merge(con, pid, target, "review", d.why, moved)
    return "applied", ""


def _merge(con: Con, victim: str, into: str, source: str, why: str, moved: set[str]) -> None:
    """Fold `victim` into `into`: facts, mentions, aliases and children move; an English name is kept."""
    name, name_en = con.execute(
        "SELECT name, name_en FROM programs WHERE program_id = ?", [victim]
    ).fetchone()
    program_rows.merge_program(con, victim, into)
    con.execute("UPDATE programs SET parent_id = ? WHERE parent_id = ?", [into, victim])
    english = name_en or (name if name.isascii() else None)
    con.execute("UPDATE programs SET name_en = coalesce(name_en, ?) WHERE program_id = ?", [english, into])
    con.execute("UPDATE program_merges SET into_id = ? WHERE into_id = ?", [into, victim])
    _remember(con, victim, into, source, "merged", why, name)
    moved |= {victim, into}


def _remember(
    con: Con, pid: str, into: str, source: str, state: str, why: str, name: str | None = None
) -> None:
    """Keep one row of program_merges (the program's name read now unless given: a merged row is gone)."""
    if name is None:
        name = con.execute("SELECT name FROM programs WHERE program_id = ?", [pid]).fetchone()[0]
    con.execute(
        "INSERT OR REPLACE INTO program_merges VALUES (?, ?, ?, ?, ?, ?)",
        [pid, name, into, source, state, why],
    )


def twins(con: Con) -> list[Twin]:
    """Every pair the twin rule finds among the programs now in the database (one line of why each)."""
    rows = con.execute(
        TWINS_SQL,
        {"min_krw": TWIN_MIN_KRW, "days": TWIN_DAYS, "min_figures": TWIN_MIN_FIGURES},
    ).fetchall()
    names = dict(con.execute("SELECT program_id, name FROM programs").fetchall())
    out: dict[tuple[str, str], Twin] = {}
    for ko, en, days, figures, _, _, agency in rows:
        if (ko, en) in out or (program_catalog.find(names[ko]) and program_catalog.find(names[en])):
            continue
        shown = ", ".join(f"{f:,}" for f in figures)
        out[ko, en] = Twin(ko, en, f"twins: {days} days apart, {agency}, shared KRW {shown}")
    return list(out.values())
