"""`Changes`: what one write transaction did to the facts, and the refresh of the derived tables it needs.

The derived tables and the SELECTs that compute them are etl/aggregates.py's; this keeps them in step inside
the transaction that writes the facts, at a cost that grows with what the batch touches (see that module).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import duckdb
import pyarrow as pa

from etl import aggregates, doubts

Con = duckdb.DuckDBPyConnection


class Changes:
    """What one write transaction did to the facts, and the refresh of the derived tables it needs.

    Call `merged` after a program merge rewrote ids (before anything else), `drop` before deleting
    documents' facts, `add` after inserting staged ones, and `refresh` last, all inside the transaction.
    Programs and facilities a drop or merge touched are recomputed; those only `add` touched are merged.
    """

    def __init__(self, con: Con) -> None:
        """Make the connection's work tables; a loader makes one Changes and reuses it for every batch."""
        self.con = con
        con.execute("CREATE TEMP TABLE IF NOT EXISTS _touched_docs (document_id VARCHAR)")
        self.forget()
        for table in aggregates.COUNTS:
            con.execute(f"CREATE TEMP TABLE IF NOT EXISTS _delta_{table} AS SELECT * FROM {table} LIMIT 0")
        for table in aggregates.DOC_TABLES:
            con.execute(f"CREATE TEMP TABLE IF NOT EXISTS _new_{table} AS SELECT * FROM {table} LIMIT 0")

    def forget(self) -> None:
        """Start over (after `refresh`, or after a rolled back transaction took the work tables' rows)."""
        self.programs: set[str] = set()  # to recompute
        self.norm_keys: set[str] = set()
        self.staged: dict[str, str] | None = None  # what `add` loaded, to merge
        self.counted = False  # count differences wait in _delta_<table>
        self.doubted = False  # documents in _touched_docs whose doubts must be redone
        self.con.execute("DELETE FROM _touched_docs")  # documents whose facts' doubts to recompute

    def drop(self, ids: str, old: dict[str, str] | None = None) -> None:
        """Take out the rows of the documents listed in relation `ids` (document_id), before their facts go
        (or, given `old`: fact table -> relation of its rows before an update in place, after they changed)."""
        docs = f"document_id IN (SELECT document_id FROM {ids})"
        rows = {t: f"(SELECT * FROM {(old or {}).get(t, t)} WHERE {docs})" for t in aggregates.FACT_TABLES}
        self.con.execute(f"INSERT INTO _touched_docs SELECT document_id FROM {ids}")
        self._note(f"SELECT program_id, NULL FROM doc_figures WHERE {docs} "
                   f"UNION ALL SELECT NULL, norm_key FROM {rows['sites']}")  # fmt: skip
        self._count(rows, -1)
        for table in aggregates.DOC_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE {docs}")

    def add(self, staged: dict[str, str]) -> None:
        """Add the rows of documents just loaded, from `staged` (fact table -> relation of this batch's rows).

        Call once per transaction."""
        for table in aggregates.DOC_SQL:
            self.con.execute(f"INSERT INTO _new_{table} {aggregates.doc_select(table, staged)}")
            self.con.execute(f"INSERT INTO {table} SELECT * FROM _new_{table}")
        self._count(staged, 1)
        self.con.execute(f"INSERT INTO _touched_docs SELECT document_id FROM {staged['documents']}")
        self.staged = staged

    def merged(self, programs: set[str]) -> None:
        """After facts of `programs` were moved between program ids: recompute their documents and pairs."""
        if not programs:
            return
        with _ids(self.con, "_merged", "program_id", programs) as rel:
            scope = f"program_id IN (SELECT program_id FROM {rel})"
            self.con.execute(
                "CREATE OR REPLACE TEMP TABLE _merged_docs AS "
                f"SELECT DISTINCT document_id FROM doc_figures WHERE {scope}"
            )
            for table, (fact, keys, counts) in aggregates.COUNTS.items():
                if "program_id" in keys:
                    self.con.execute(f"DELETE FROM {table} WHERE {scope}")
                    rows = f"(SELECT * FROM {fact} WHERE {scope})"
                    self.con.execute(f"INSERT INTO {table} {counts.format(rows=rows, n='count(*)')}")
        docs = "document_id IN (SELECT document_id FROM _merged_docs)"
        self._note(f"SELECT NULL, norm_key FROM sites WHERE {docs}")
        for table in aggregates.DOC_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE {docs}")
        aggregates.insert_documents(
            self.con, {t: f"(SELECT * FROM {t} WHERE {docs})" for t in aggregates.FACT_TABLES}
        )
        self.con.execute("INSERT INTO _touched_docs SELECT document_id FROM _merged_docs")
        self.con.execute("DROP TABLE _merged_docs")
        self.programs |= programs

    def touched(self, docs: set[str]) -> None:
        """Documents whose facts did not change but whose doubts may have (a mate left or joined their event)."""
        if docs:
            self.doubted = True
            with _ids(self.con, "_mates", "document_id", docs) as rel:
                self.con.execute(f"INSERT INTO _touched_docs SELECT document_id FROM {rel}")

    def regrouped(self, docs: set[str]) -> None:
        """After documents became, or stopped being, their event's primary: recompute their rows (call before
        `add`; documents of this batch's `add` are computed there)."""
        if not docs:
            return
        with _ids(self.con, "_regrouped", "document_id", docs) as rel:
            where = f"document_id IN (SELECT document_id FROM {rel})"
            self._note(f"SELECT program_id, NULL FROM doc_figures WHERE {where}")
            for table in aggregates.DOC_TABLES:
                self.con.execute(f"DELETE FROM {table} WHERE {where}")
            aggregates.insert_documents(
                self.con, {t: f"(SELECT * FROM {t} WHERE {where})" for t in aggregates.FACT_TABLES}
            )
            self._note(f"SELECT program_id, NULL FROM doc_figures WHERE {where}")

    def refresh(self) -> None:
        """Bring the count, per-program, per-institution and per-facility tables in step with the changes."""
        if self.counted:
            for table in aggregates.COUNTS:
                self._move_counts(table)
        added: set[str] = set()
        added_keys: set[str] = set()
        if self.staged:
            added = {
                r[0] for r in self.con.execute("SELECT DISTINCT program_id FROM _new_doc_figures").fetchall()
            }
            added_keys = {
                r[0]
                for r in self.con.execute(f"SELECT DISTINCT norm_key FROM {self.staged['sites']}").fetchall()
            }
        new = {"doc_figures": "_new_doc_figures", "fy_figures": "_new_fy_figures", **(self.staged or {})}
        for programs, rows in ((self.programs, None), (added - self.programs, new)):
            if programs:
                with _ids(self.con, "_touched", "program_id", programs) as rel:
                    aggregates.refresh_programs(
                        self.con, f"program_id IN (SELECT program_id FROM {rel})", rows
                    )
        if self.counted or self.programs or self.doubted:  # a drop, an add, a merge or a regroup
            aggregates.refresh_institutions(self.con)
            with _ids(self.con, "_touched", "program_id", self.programs | added) as rel:
                doubts.refresh(self.con, "_touched_docs", rel)
        for keys, rows in ((self.norm_keys, None), (added_keys - self.norm_keys, self.staged)):
            if keys:
                with _ids(self.con, "_facilities", "norm_key", keys) as rel:
                    aggregates.refresh_facilities(self.con, f"norm_key IN (SELECT norm_key FROM {rel})", rows)
        for table in aggregates.DOC_TABLES:
            self.con.execute(f"DELETE FROM _new_{table}")
        self.forget()

    def _note(self, query: str) -> None:
        for program_id, norm_key in self.con.execute(query).fetchall():
            if program_id is not None:
                self.programs.add(program_id)
            if norm_key is not None:
                self.norm_keys.add(norm_key)

    def _count(self, rows: dict[str, str], sign: int) -> None:
        """Note the counts of `rows` (fact table -> relation), added (sign 1) or taken away (-1)."""
        for table, (fact, _, counts) in aggregates.COUNTS.items():
            n = "count(*)" if sign > 0 else "-count(*)"
            self.con.execute(f"INSERT INTO _delta_{table} {counts.format(rows=rows[fact], n=n)}")
        self.counted = True

    def _move_counts(self, table: str) -> None:
        """Apply the summed differences to a count table; a key whose count reaches 0 goes."""
        keys = aggregates.COUNTS[table][1]
        same = " AND ".join(f"d.{k} IS NOT DISTINCT FROM t.{k}" for k in keys)
        touched = f"EXISTS (SELECT 1 FROM _delta_{table} d WHERE {same})"
        cols, n = ", ".join(keys), aggregates.COUNT_COLUMN.get(table, "n_documents")
        self.con.execute(f"""CREATE OR REPLACE TEMP TABLE _summed AS
            SELECT {cols}, sum({n})::BIGINT AS n FROM (
                SELECT * FROM {table} t WHERE {touched} UNION ALL SELECT * FROM _delta_{table}) GROUP BY ALL""")
        self.con.execute(f"DELETE FROM {table} t WHERE {touched}")
        self.con.execute(f"INSERT INTO {table} SELECT * FROM _summed WHERE n <> 0")
        self.con.execute(f"DELETE FROM _delta_{table}")


@contextlib.contextmanager
def _ids(con: Con, name: str, column: str, values: set[str]) -> Iterator[str]:
    """A set of ids as a one-column relation `name` for the duration of the block."""
    con.register(name, pa.table({column: pa.array(sorted(values), pa.string())}))
    try:
        yield name
    finally:
        con.unregister(name)
