"""LOAD stage: write documents' facts in batches; each batch is one transaction.

A document's child rows are deleted and re-inserted together with its `documents` row, so a
changed document replaces its own facts and a re-run never duplicates. Rows go in through Arrow
tables (executemany manages ~1,500 rows/s; Arrow loads a million rows in a fraction of a second).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import pyarrow as pa

from etl import deltas, events, staging
from etl.consolidate import ProgramIndex, stable_id
from etl.db import insert_rows, transaction
from etl.extract.institutions import lookup
from etl.models import Document, Evidence, Facts
from etl.normalize import program_key

_KEPT = pa.schema([("input", pa.string()), ("source", pa.string())])
_CHILDREN = ("budgets", "program_mentions", "participations", "sites", "program_countries")
_SHOWN = ("document_tables",)  # kept with each document for display; not counted as facts


@dataclass
class LoadCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    facts: dict[str, int] = field(default_factory=dict)


def document_id(source: str) -> str:
    """Documents are identified by where they came from; their content hash says if they changed."""
    return stable_id(source)


class Loader:
    """One writer over one connection: resolves programs and institutions, loads batches."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.programs = ProgramIndex(con)
        self.hashes: dict[str, str] = dict(
            con.execute("SELECT document_id, content_hash FROM documents").fetchall()
        )
        # The last version number of every document ever loaded (current or superseded): a changed or
        # returning document continues the count, so no version number is used twice.
        self.versions: dict[str, int] = dict(
            con.execute(
                "SELECT document_id, max(version) FROM (SELECT document_id, version FROM documents "
                "UNION ALL SELECT document_id, version FROM document_versions) GROUP BY document_id"
            ).fetchall()
        )
        self.known_institutions: set[str] = {
            r[0] for r in con.execute("SELECT institution_id FROM institutions").fetchall()
        }
        # Inputs with rows from before the current batch: only they can have documents to drop or an
        # `inputs` row to replace (see record_inputs).
        self.known_inputs: set[str] = {
            r[0] for r in con.execute("SELECT input FROM inputs UNION SELECT input FROM documents").fetchall()
        }
        self.batch_inputs: set[str] = set()
        self.batch_at = datetime.now()
        self.changes = deltas.Changes(con)
        self.schemas = {t: staging.arrow_schema(con, t) for t in ("documents", *_CHILDREN)}

    def load_batch(self, batch: list[tuple[str, Facts]], run_id: int, counts: LoadCounts) -> None:
        """Load (input, facts) pairs in one transaction."""
        rows: dict[str, list[dict]] = {t: [] for t in ("documents", "institutions", *_CHILDREN, *_SHOWN)}
        replaced: list[str] = []  # documents already in the file; new ones have no rows to delete
        self.known_inputs |= self.batch_inputs
        self.batch_inputs = {input_ for input_, _ in batch}
        self.batch_at = datetime.now()  # one instant per batch: new versions begin when old ones end
        self.changes.forget()  # a batch that failed before may have left notes
        with transaction(self.con):
            for input_, facts in batch:
                doc_id = document_id(facts.document.source)
                old = self.hashes.get(doc_id)
                if old == facts.document.content_hash:
                    counts.unchanged += 1
                    continue
                counts.updated += old is not None
                counts.new += old is None
                if old is not None:
                    replaced.append(doc_id)
                self._rows(doc_id, input_, facts, run_id, rows)
            self._replace(replaced, rows)
            self.programs.flush()
        for r in rows["documents"]:
            self.hashes[r["document_id"]] = r["content_hash"]
            self.versions[r["document_id"]] = r["version"]
        for table in _CHILDREN:
            counts.facts[table] = counts.facts.get(table, 0) + len(rows[table])

    def record_inputs(self, inputs: list[dict], kept: list[dict]) -> None:
        """Mark inputs done in one transaction; documents an input no longer gives go with their facts.

        `inputs` rows: input, raw_sha256, n_bytes, n_documents, run_id; `kept` rows: input, source.
        """
        gone: list[str] = []
        self.con.register("_inputs", pa.Table.from_pylist(inputs))
        self.con.register("_kept", pa.Table.from_pylist(kept, schema=_KEPT))
        try:
            with transaction(self.con):
                # An input seen for the first time has no old row, and its only documents are those just
                # loaded, all kept: the two scans below (whole tables, every batch) would find nothing.
                if any(r["input"] in self.known_inputs for r in inputs):
                    gone = [
                        r[0]
                        for r in self.con.execute(
                            "SELECT d.document_id FROM documents d JOIN _inputs i USING (input) WHERE NOT EXISTS "
                            "(SELECT 1 FROM _kept k WHERE k.input = d.input AND k.source = d.source)"
                        ).fetchall()
                    ]
                    self._delete(gone)
                    self.con.execute("DELETE FROM inputs WHERE input IN (SELECT input FROM _inputs)")
                self.con.execute(
                    "INSERT INTO inputs SELECT input, raw_sha256, n_bytes, n_documents, run_id FROM _inputs"
                )
        finally:
            self.con.unregister("_inputs")
            self.con.unregister("_kept")
        self.known_inputs.update(r["input"] for r in inputs)
        for doc_id in gone:
            self.hashes.pop(doc_id, None)

    def group_events(self) -> None:
        """Group the documents loaded since the last grouping into events and move the derived rows that
        depend on their ranks; call once per run, inside its last transaction (etl/events.py)."""
        self.changes.forget()
        regrouped = events.regroup_pending(self.con)
        self.changes.regrouped(regrouped.moved)
        self.changes.touched(regrouped.changed)  # a figure another outlet credits elsewhere (etl/doubts.py)
        self.changes.refresh()

    def _delete(self, doc_ids: list[str], at: datetime | None = None) -> None:
        self.changes.forget()
        _delete_documents(self.con, doc_ids, self.changes, at)
        self.changes.refresh()

    def _replace(self, replaced: list[str], rows: dict[str, list[dict]]) -> None:
        if not rows["documents"]:
            return
        self.changes.merged(self.programs.merged)
        self.programs.merged = set()
        # the old version ends exactly when the new one begins
        _delete_documents(self.con, replaced, self.changes, rows["documents"][0]["valid_from"])
        insert_rows(self.con, "institutions", rows["institutions"], ignore_conflicts=True)
        for table in _SHOWN:
            insert_rows(self.con, table, rows[table])
        with staging.staged(self.con, rows, self.schemas) as staged:
            events.link(self.con, [r["document_id"] for r in rows["documents"]])  # grouped by group_events
            self.changes.add(staged)
            self.changes.refresh()
        back = [r["document_id"] for r in rows["documents"]]
        self.con.register("_back", pa.table({"document_id": back}))
        try:  # a file that returns after being withdrawn is a document again, not both
            self.con.execute(
                "DELETE FROM withdrawn_documents WHERE document_id IN (SELECT document_id FROM _back)"
            )
        finally:
            self.con.unregister("_back")

    def _rows(self, doc_id: str, input_: str, facts: Facts, run_id: int, rows: dict[str, list[dict]]) -> None:
        doc = facts.document
        rows["documents"].append(
            {
                "document_id": doc_id, "source": doc.source, "input": input_, "url": doc.url,
                "title": doc.title, "published_on": doc.published_on, "lang": doc.lang, "kind": doc.kind,
                "content_hash": doc.content_hash, "text": doc.text, "n_chars": len(doc.text),
                "run_id": run_id, "loaded_at": self.batch_at, "version": self.versions.get(doc_id, 0) + 1,
                "valid_from": self.batch_at, "parent_id": document_id(doc.parent) if doc.parent else None,
            }
        )  # fmt: skip
        rows["document_tables"].extend(_table_rows(doc_id, doc))
        pids = self._program_rows(doc_id, facts, rows)
        main = next(iter(pids.values()), None)
        seen: dict[tuple, int] = {}
        for seq, b in enumerate(facts.budgets):
            rows["budgets"].append(
                {
                    "budget_id": f"{doc_id}:{seq}", "document_id": doc_id,
                    "fact_id": _nth_fact_id("b", seen, doc_id, b.currency, b.amount_krw or b.amount, b.unit_text),
                    "program_id": pids.get(b.program) if b.program else None, "seq": seq,
                    "amount": b.amount, "unit_text": b.unit_text, "currency": b.currency,
                    "amount_krw": b.amount_krw, "kind": b.kind, "fiscal_year": b.fiscal_year,
                    "announced_on": doc.published_on, **_ev(b.evidence), "role": b.role,
                    "low_krw": b.low, "high_krw": b.high, "approx": b.approx, "bound": b.bound,
                    **_cell(b.table_cell),
                }
            )  # fmt: skip
        self._institution_rows(doc_id, main, facts, rows)
        for seq, s in enumerate(facts.sites):
            rows["sites"].append(
                {
                    "site_id": f"{doc_id}:{seq}", "document_id": doc_id, "program_id": main, "seq": seq,
                    "fact_id": _nth_fact_id("s", seen, doc_id, program_key(s.name)),
                    "name": s.name, "norm_key": program_key(s.name), "address": s.address, "floors": s.floors,
                    "area_m2": s.area_m2, "area_text": s.area_text, "status": s.status, "year": s.year,
                    "lat": s.lat, "lon": s.lon, "precision": s.precision, **_ev(s.evidence),
                }
            )  # fmt: skip
        for iso in dict.fromkeys(facts.countries):
            ev = facts.country_evidence.get(iso)
            rows["program_countries"].append(
                {"document_id": doc_id, "program_id": main, "country": iso, **_ev(ev)}
            )

    def _program_rows(self, doc_id: str, facts: Facts, rows: dict[str, list[dict]]) -> dict[str, str]:
        pids: dict[str, str] = {}
        for i, p in enumerate(facts.programs):
            pid = self.programs.resolve(p.name, p.name_en)
            if pid not in pids.values():
                rows["program_mentions"].append(
                    {
                        "program_id": pid, "document_id": doc_id, "name_seen": p.name,
                        "start_year": p.start_year, "end_year": p.end_year, "is_main": i == 0, **_ev(p.evidence),
                    }
                )  # fmt: skip
            pids[p.name] = pid
        return pids

    def _institution_rows(
        self, doc_id: str, main: str | None, facts: Facts, rows: dict[str, list[dict]]
    ) -> None:
        seen: set[str] = set()
        for inst in facts.institutions:
            entry = lookup(inst.name)
            name = entry.canonical if entry else inst.name
            iid = stable_id(name)
            if iid in seen:
                continue
            seen.add(iid)
            if iid not in self.known_institutions:
                self.known_institutions.add(iid)
                rows["institutions"].append(
                    {
                        "institution_id": iid, "name": name, "name_en": entry.name_en if entry else None,
                        "type": entry.type if entry else inst.type,
                        "country": entry.country if entry else inst.country, "in_gazetteer": entry is not None,
                    }
                )  # fmt: skip
            rows["participations"].append(
                {
                    "document_id": doc_id, "institution_id": iid, "program_id": main, "role": inst.role,
                    "fact_id": fact_id("i", doc_id, name),
                    "aliases_seen": "|".join(inst.aliases_seen), **_ev(inst.evidence),
                }
            )  # fmt: skip


def fact_id(prefix: str, doc_id: str, *key: object) -> str:
    """A fact's stable id: its type, its document's identity and its normalised value (reviews refer to it)."""
    return f"{prefix}-" + stable_id("|".join([doc_id, *map(str, key)]))


def _nth_fact_id(prefix: str, seen: dict[tuple, int], doc_id: str, *key: object) -> str:
    """The id of the n-th fact with this value in the document (the same figure twice is two facts)."""
    n = seen[(prefix, *key)] = seen.get((prefix, *key), -1) + 1
    return fact_id(prefix, doc_id, *key, n)


def _table_rows(doc_id: str, doc: Document) -> list[dict]:
    """A document's tables as stored grids (JSON rows of cell text)."""
    return [
        {
            "document_id": doc_id, "table_seq": i, "caption": t.caption, "unit": t.unit,
            "n_rows": t.n_rows, "n_cols": t.n_cols, "grid_json": json.dumps(t.grid, ensure_ascii=False),
        }
        for i, t in enumerate(doc.tables)
    ]  # fmt: skip


def _cell(cell: tuple[int, int, int] | None) -> dict[str, int | None]:
    """A table fact's table, row and column (all None for a fact from prose)."""
    seq, row, col = cell or (None, None, None)
    return {"table_seq": seq, "cell_row": row, "cell_col": col}


def _ev(ev: Evidence | None) -> dict[str, object]:
    if ev is None:
        return {"evidence": None, "ev_start": None, "ev_end": None}
    return {"evidence": ev.text, "ev_start": ev.start, "ev_end": ev.end}


def withdraw_inputs(con: duckdb.DuckDBPyConnection, inputs: list[str], run_id: int) -> int:
    """Move the documents of inputs that are gone to withdrawn_documents; return how many.

    Call inside a transaction. Their facts are deleted (they would be counted otherwise); the
    document and its text are kept, and a returning file is ingested again like a new one.
    """
    if not inputs:
        return 0
    con.register("_gone_inputs", pa.table({"input": inputs}))
    try:
        gone = [
            r[0]
            for r in con.execute(
                "SELECT document_id FROM documents WHERE input IN (SELECT input FROM _gone_inputs)"
            ).fetchall()
        ]
        con.execute(
            "INSERT OR REPLACE INTO withdrawn_documents "
            "SELECT document_id, source, input, url, title, published_on, text, ?, ? FROM documents "
            "WHERE input IN (SELECT input FROM _gone_inputs)",
            [datetime.now(), run_id],
        )
        changes = deltas.Changes(con)
        _delete_documents(con, gone, changes)
        changes.refresh()
        con.execute("DELETE FROM inputs WHERE input IN (SELECT input FROM _gone_inputs)")
    finally:
        con.unregister("_gone_inputs")
    return len(gone)


def _delete_documents(
    con: duckdb.DuckDBPyConnection,
    doc_ids: list[str],
    changes: deltas.Changes,
    at: datetime | None = None,
) -> None:
    """Take documents and their fact rows out of the current record (their version is kept first) with their
    derived rows (the caller then calls changes.refresh(), once what replaces them is loaded)."""
    if not doc_ids:
        return
    con.register("_changed", pa.table({"document_id": doc_ids}))
    try:
        _archive_versions(con, at or datetime.now())
        changes.drop("_changed")
        mates = events.drop(con, "_changed")
        for table in (*_CHILDREN, *_SHOWN, "documents"):
            con.execute(f"DELETE FROM {table} WHERE document_id IN (SELECT document_id FROM _changed)")
    finally:
        con.unregister("_changed")
    regrouped = events.update(con, [], mates)  # the events they were in, without them
    changes.regrouped(regrouped.moved)
    # and whether their figures conflict with a mate's (etl/doubts.py)
    changes.touched(mates | regrouped.changed)


def _archive_versions(con: duckdb.DuckDBPyConnection, valid_to: datetime) -> None:
    """Copy the documents listed in `_changed` and their facts to document_versions / fact_versions."""
    con.execute(
        "INSERT INTO document_versions SELECT document_id, version, source, input, url, title, published_on, "
        "content_hash, text, loaded_at, valid_from, ?, run_id FROM documents "
        "WHERE document_id IN (SELECT document_id FROM _changed)",
        [valid_to],
    )
    for table in _CHILDREN:
        # Table names are our own constants; the name stored in the row travels as a parameter.
        con.execute(
            f"INSERT INTO fact_versions SELECT t.document_id, d.version, ?, to_json(t) FROM {table} t "
            "JOIN documents d USING (document_id) WHERE t.document_id IN (SELECT document_id FROM _changed)",
            [table],
        )
