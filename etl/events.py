"""One event per announcement: documents that report the same announcement are grouped, and one is primary.

A ministry's release, the newspapers that rewrote it and its attached HWP/PDF are several documents but one
announcement. Two documents are linked when
- one is the other's attachment (`documents.parent_id`): `attachment`;
- they were published at most WINDOW_DAYS apart and state the same amount for the same program (a counted
  budget row each): `same_figure`;
- they were published at most WINDOW_DAYS apart and state MIN_SHARED or more of the same won amounts, whatever
  program or role each has (a release's table and an article's prose, an investment and a budget): `same_figures`;
- they were published at most WINDOW_DAYS apart and their texts are near-duplicates: the MinHash estimate of
  the Jaccard similarity of their character 5-grams is at least NEAR_DUPLICATE (datasketch): `near_duplicate`.
An event is a connected group of linked documents, joined strongest link first and never spanning more than
MAX_SPAN_DAYS from its first to its last dated document (the links, kept in `event_links`, make it independent
of the order documents were loaded in). Its primary document is the issuing body's own release when there is one
(an official host or a release cue, etl/resources/lexicon/official_sources.tsv, or a page with attachments),
then a page before its attachments, then the earliest, then the longest; the others follow in that order. A
program's money in an event counts once, from the best-ranked document that states it (etl/aggregates.py
COUNTED_DOCS): the primary's figures, and a program only an outlet gave a figure for from that outlet. Every
document stays listed as an outlet that covered the event.

Kept in step by the loader inside its transactions: `drop` before documents go; `link` after each batch of new
ones is in; `regroup_pending` once per ingest run, in its last transaction, groups every document linked since
(regrouping per batch re-read every event a batch reached: with templated look-alikes chained over the years, a
cold 100k-document ingest spent most of its writer time there). Until then a new document has no event row and
counts as its own event's primary (aggregates.COUNTED_DOCS, document_stats).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import duckdb
import numpy as np
import pyarrow as pa

from etl.categories import EXCLUDED_STATES, MoneyRole, sql_in
from etl.minhash import NUM_PERM, signature
from etl.official import is_official

Con = duckdb.DuckDBPyConnection
WINDOW_DAYS = 3  # "the same date ± a few days": a release, the next day's papers, a weekly's round-up
# Links chain (A ~ B ~ C …): an event never spans more than this from its first to its last dated document, so a
# run of look-alike stories (a weekly column, templated notices) cannot grow into one event over years. The
# strongest links join first (attachment, same figure, shared figures, then the most similar texts).
MAX_SPAN_DAYS = 7
NEAR_DUPLICATE = 0.5  # estimated Jaccard similarity of 5-gram sets: reprints and light rewrites, not topics
# Or the same MIN_SHARED amounts of at least MIN_SHARED_KRW, with any program and role (a release's table rows and
# an article's prose read differently): two announcements a few days apart rarely share two exact won figures.
MIN_SHARED = 2
MIN_SHARED_KRW = 100_000_000
PAIR_CHUNK = 200_000
# Candidate pairs come from locality-sensitive hashing, not from every pair in the window: the signature is cut
# into BANDS bands of BAND_ROWS values, and two documents are compared when any band is equal. With 21 × 3 a pair
# at J = 0.5 is a candidate with probability 1 - (1 - 0.5³)²¹ ≈ 0.94, at J = 0.7 ≈ 1.00, at J = 0.05 ≈ 0.003.
BANDS, BAND_ROWS = 21, 3
_BAND_KEYS = f"list_transform(range({BANDS}), lambda i: hash(i, minhash[i * {BAND_ROWS} + 1 : i * {BAND_ROWS} + {BAND_ROWS}]))"
LINK_CHUNK = 5000  # documents linked per query: bounds the memory of a full rebuild
TABLES = ("doc_signatures", "event_links", "event_documents")
# The documents a chunk of new ones ($1) can link to: published within WINDOW_DAYS of the chunk's dates (a
# rebuild links in date order, so each chunk's window is a few days; without it the figure joins read every
# document that ever stated the same amount: a 10M-row rebuild ran for over an hour at 17 GB).
_WINDOW = f"""SELECT document_id FROM doc_signatures WHERE published_on BETWEEN
    (SELECT min(published_on) FROM doc_signatures WHERE document_id IN (SELECT unnest($1::VARCHAR[]))) - {WINDOW_DAYS}
    AND (SELECT max(published_on) FROM doc_signatures WHERE document_id IN (SELECT unnest($1::VARCHAR[]))) + {WINDOW_DAYS}"""
# Counted budget rows (etl/aggregates.BUDGET_ROWS without the event condition: links are made from figures).
_FIGURES = f"""SELECT DISTINCT document_id, program_id, amount_krw FROM budgets
    WHERE amount_krw IS NOT NULL AND program_id IS NOT NULL AND role = '{MoneyRole.BUDGET}'
      AND state NOT IN {sql_in(EXCLUDED_STATES)}"""


@dataclass(frozen=True)
class _Doc:
    document_id: str
    official: bool
    attachment: bool
    published_on: object
    n_chars: int

    def rank(self) -> tuple:
        """Sort key: the primary first (official, a page before its attachment, earliest, longest, id)."""
        dated = self.published_on is not None
        return (
            not self.official,
            self.attachment,
            not dated,
            self.published_on or 0,
            -self.n_chars,
            self.document_id,
        )


def drop(con: Con, ids: str) -> set[str]:
    """Before the documents in relation `ids` go: forget their signatures, links and event rows; return the
    other members of their events, which `update` must group again."""
    docs = f"document_id IN (SELECT document_id FROM {ids})"
    mates = {
        r[0]
        for r in con.execute(
            f"""SELECT document_id FROM event_documents WHERE event_id IN
                (SELECT event_id FROM event_documents WHERE {docs}) AND NOT {docs}"""
        ).fetchall()
    }
    con.execute(f"DELETE FROM event_documents WHERE {docs}")
    con.execute(f"DELETE FROM doc_signatures WHERE {docs}")
    con.execute(
        f"""DELETE FROM event_links WHERE doc_a IN (SELECT document_id FROM {ids})
            OR doc_b IN (SELECT document_id FROM {ids})"""
    )
    return mates


class Regrouped(NamedTuple):
    """What a regroup changed: `moved`, the documents whose rank changed (their derived rows must move), and
    `changed`, those whose event row changed at all (their facts' doubts, and their mates', must be redone).
    A document that had no event row counts as rank 0 of an event of its own."""

    moved: set[str]
    changed: set[str]


def link(con: Con, new: Iterable[str]) -> None:
    """Sign and link the documents `new` (already in `documents`); their events wait for a regroup."""
    new_ids = list(dict.fromkeys(new))  # in the caller's order: by date, a chunk's window holds few documents
    for start in range(0, len(new_ids), LINK_CHUNK):
        _sign(con, new_ids[start : start + LINK_CHUNK])
    for start in range(0, len(new_ids), LINK_CHUNK):
        _link(con, new_ids[start : start + LINK_CHUNK])


def update(con: Con, new: Iterable[str], mates: Iterable[str] = ()) -> Regrouped:
    """Sign and link the documents `new`, then regroup every event they or `mates` reach."""
    new_ids = list(dict.fromkeys(new))
    link(con, new_ids)
    seeds = sorted(set(new_ids) | set(mates))
    return _regroup(con, seeds) if seeds else Regrouped(set(), set())


def regroup_pending(con: Con) -> Regrouped:
    """Group the documents that have no event row yet (linked by `link` since the last regroup, in this run or in
    a killed one whose work copy was resumed) with every event they reach."""
    seeds = [
        r[0]
        for r in con.execute(
            """SELECT document_id FROM documents ANTI JOIN event_documents USING (document_id)
               ORDER BY document_id"""
        ).fetchall()
    ]
    return _regroup(con, seeds) if seeds else Regrouped(set(), set())


def ranked_below(con: Con, rel: str) -> set[str]:
    """The documents ranked below a document of relation `rel` in its event (and not in `rel`): whether their
    money counts depends on the better-ranked members' figures, so a review that changed those must refresh them."""
    return {
        r[0]
        for r in con.execute(
            f"""SELECT DISTINCT m.document_id FROM event_documents c
                JOIN event_documents m ON m.event_id = c.event_id AND m.rank > c.rank
                WHERE c.document_id IN (SELECT document_id FROM {rel})
                  AND m.document_id NOT IN (SELECT document_id FROM {rel})"""
        ).fetchall()
    }


def _write(con: Con, table: str, rows: pa.Table, replace: bool = True) -> None:
    """Insert `rows` into `table` (one of TABLES) through Arrow, first deleting the rows of the same documents
    when `replace`."""
    con.register("_rows", rows)
    try:
        if replace:
            con.execute(f"DELETE FROM {table} WHERE document_id IN (SELECT document_id FROM _rows)")
        con.execute(f"INSERT INTO {table} SELECT * FROM _rows")
    finally:
        con.unregister("_rows")


def _sign(con: Con, ids: list[str]) -> None:
    rows = con.execute(
        "SELECT document_id, published_on, url, source, title, text FROM documents "
        "WHERE document_id IN (SELECT unnest(?::VARCHAR[]))",
        [ids],
    ).fetchall()
    table = pa.table(
        {
            "document_id": [r[0] for r in rows],
            "published_on": pa.array([r[1] for r in rows], pa.date32()),
            "minhash": pa.array([signature(r[5]) for r in rows], pa.list_(pa.uint32())),
            "official": [is_official(r[2], r[3], r[4]) for r in rows],
        }
    )
    _write(con, "doc_signatures", table)


def _link(con: Con, ids: list[str]) -> None:
    """Links between each new document and the documents around it (both ways, stored once as a < b)."""
    con.execute(
        "DELETE FROM event_links WHERE doc_a IN (SELECT unnest(?::VARCHAR[])) OR doc_b IN (SELECT unnest(?::VARCHAR[]))",
        [ids, ids],
    )
    found = con.execute(
        f"""WITH win AS MATERIALIZED ({_WINDOW}),
             f AS MATERIALIZED ({_FIGURES} AND document_id IN (SELECT document_id FROM win)),
             nf AS MATERIALIZED (SELECT * FROM f WHERE document_id IN (SELECT unnest($1::VARCHAR[])))
        SELECT document_id, parent_id, 'attachment', 1.0 FROM documents
        WHERE parent_id IS NOT NULL AND parent_id <> document_id AND parent_id IN (SELECT document_id FROM documents)
          AND (document_id IN (SELECT unnest($1::VARCHAR[])) OR parent_id IN (SELECT unnest($1::VARCHAR[])))
        UNION ALL
        SELECT DISTINCT nf.document_id, o.document_id, 'same_figure', 1.0
        FROM nf JOIN f o ON o.program_id = nf.program_id AND o.amount_krw = nf.amount_krw
             AND o.document_id <> nf.document_id
        JOIN doc_signatures sn ON sn.document_id = nf.document_id JOIN doc_signatures so ON so.document_id = o.document_id
        WHERE abs(date_diff('day', sn.published_on, so.published_on)) <= {WINDOW_DAYS}
        UNION ALL
        SELECT nf.document_id, o.document_id, 'same_figures', 1.0
        FROM (SELECT DISTINCT document_id, amount_krw FROM budgets WHERE amount_krw >= {MIN_SHARED_KRW}
              AND state NOT IN {sql_in(EXCLUDED_STATES)} AND document_id IN (SELECT unnest($1::VARCHAR[]))) nf
        JOIN (SELECT DISTINCT document_id, amount_krw FROM budgets WHERE amount_krw >= {MIN_SHARED_KRW}
              AND state NOT IN {sql_in(EXCLUDED_STATES)} AND document_id IN (SELECT document_id FROM win)) o
          ON o.amount_krw = nf.amount_krw AND o.document_id <> nf.document_id
        JOIN doc_signatures sn ON sn.document_id = nf.document_id JOIN doc_signatures so ON so.document_id = o.document_id
        WHERE abs(date_diff('day', sn.published_on, so.published_on)) <= {WINDOW_DAYS}
        GROUP BY ALL HAVING count(*) >= {MIN_SHARED}""",
        [ids],
    ).fetchall()
    pairs = con.execute(
        f"""WITH n AS MATERIALIZED (SELECT * FROM doc_signatures WHERE document_id IN (SELECT unnest($1::VARCHAR[]))),
             o AS MATERIALIZED (SELECT * FROM doc_signatures WHERE published_on BETWEEN
                 (SELECT min(published_on) FROM n) - {WINDOW_DAYS} AND (SELECT max(published_on) FROM n) + {WINDOW_DAYS}),
             nk AS (SELECT document_id, published_on, unnest({_BAND_KEYS}) AS key FROM n),
             ok AS (SELECT document_id, published_on, unnest({_BAND_KEYS}) AS key FROM o)
        SELECT DISTINCT nk.document_id, ok.document_id FROM nk JOIN ok ON ok.key = nk.key
        WHERE ok.document_id <> nk.document_id
          AND ok.published_on BETWEEN nk.published_on - {WINDOW_DAYS} AND nk.published_on + {WINDOW_DAYS}""",
        [ids],
    ).fetchall()
    found += _near_duplicates(con, pairs)
    best: dict[tuple[str, str], tuple[str, float]] = {}
    for a, b, reason, score in found:
        key = (min(a, b), max(a, b))
        if key not in best or _LINK_ORDER[reason] < _LINK_ORDER[best[key][0]]:
            best[key] = (reason, float(score))
    if best:
        table = pa.table(
            {
                "doc_a": [k[0] for k in best],
                "doc_b": [k[1] for k in best],
                "reason": [v[0] for v in best.values()],
                "score": [v[1] for v in best.values()],
            }
        )
        _write(con, "event_links", table, replace=False)  # deleted above, by either end


_LINK_ORDER = {"attachment": 0, "same_figure": 1, "same_figures": 2, "near_duplicate": 3}


def _near_duplicates(con: Con, pairs: list[tuple[str, str]]) -> list[tuple[str, str, str, float]]:
    """The pairs whose estimated Jaccard similarity reaches NEAR_DUPLICATE, with it."""
    if not pairs:
        return []
    ids = sorted({x for p in pairs for x in p})
    got = con.sql(
        "SELECT document_id, minhash FROM doc_signatures WHERE document_id IN (SELECT unnest($1::VARCHAR[]))",
        params=[ids],
    ).to_arrow_table()  # through Arrow: turning the signature lists into Python lists cost more than the rest
    names = got.column("document_id").to_pylist()
    index = {name: i for i, name in enumerate(names)}
    sigs = got.column("minhash").combine_chunks().flatten().to_numpy().reshape(len(names), NUM_PERM)
    a = np.array([index[p[0]] for p in pairs])
    b = np.array([index[p[1]] for p in pairs])
    out: list[tuple[str, str, str, float]] = []
    for start in range(0, len(pairs), PAIR_CHUNK):
        sa, sb = a[start : start + PAIR_CHUNK], b[start : start + PAIR_CHUNK]
        sim = (sigs[sa] == sigs[sb]).mean(axis=1)
        for i in np.nonzero(sim >= NEAR_DUPLICATE)[0]:
            out.append((names[sa[i]], names[sb[i]], "near_duplicate", round(float(sim[i]), 3)))
    return out


def _reach(con: Con, seeds: list[str]) -> list[str]:
    """Every document linked to a seed, directly or through others (the seeds included)."""
    return [
        r[0]
        for r in con.execute(
            # Both directions of each link as rows, so each step is an equality (hash) join: joining on
            # `doc_a OR doc_b` compared every reached document with every link, and a cold 100k-document
            # ingest spent most of its writer time here.
            """WITH RECURSIVE edges AS (SELECT doc_a AS a, doc_b AS b FROM event_links
                                       UNION ALL SELECT doc_b, doc_a FROM event_links),
                 reach(document_id) AS (
                SELECT unnest(?::VARCHAR[])
                UNION
                SELECT e.b FROM edges e JOIN reach r ON e.a = r.document_id)
            SELECT document_id FROM reach WHERE document_id IN (SELECT document_id FROM documents)""",
            [seeds],
        ).fetchall()
    ]


def _regroup(con: Con, seeds: list[str]) -> Regrouped:
    """Recompute the events of every document reachable from `seeds`; write the rows that changed."""
    everything = con.execute("SELECT count(*) FROM documents").fetchone()[0] <= len(seeds)
    docs = sorted(seeds) if everything else _reach(con, seeds)
    links = con.execute(
        """SELECT doc_a, doc_b, reason, score FROM event_links
           WHERE doc_a IN (SELECT unnest($1::VARCHAR[])) AND doc_b IN (SELECT unnest($1::VARCHAR[]))""",
        [docs],
    ).fetchall()
    info = _info(con, docs)
    groups = _components(info, links)
    rows = []
    for members in groups:
        ranked = sorted((info[m] for m in members), key=_Doc.rank)  # the primary first
        rows += [(d.document_id, ranked[0].document_id, i, len(members)) for i, d in enumerate(ranked)]
    before = {
        r[0]: r
        for r in con.execute(
            """SELECT document_id, event_id, rank, n_documents FROM event_documents
               WHERE document_id IN (SELECT unnest(?::VARCHAR[]))""",
            [docs],
        ).fetchall()
    }
    # Only the rows that differ are rewritten (most of a large reach keeps its events); a document without a row
    # was counted as an event of its own.
    changed = {r[0] for r in rows if before.get(r[0], (r[0], r[0], 0, 1)) != r}
    moved = {r[0] for r in rows if before.get(r[0], (r[0], r[0], 0, 1))[2] != r[2]}
    rows = [r for r in rows if r[0] in changed or r[0] not in before]
    table = pa.table(
        {
            "document_id": [r[0] for r in rows],
            "event_id": [r[1] for r in rows],
            "is_primary": [r[2] == 0 for r in rows],
            "rank": pa.array([r[2] for r in rows], pa.int32()),
            "n_documents": pa.array([r[3] for r in rows], pa.int32()),
        }
    )
    _write(con, "event_documents", table)
    return Regrouped(moved, changed)


def _info(con: Con, docs: list[str]) -> dict[str, _Doc]:
    """What ranks each of `docs` in its event."""
    return {
        r[0]: _Doc(r[0], bool(r[1]), bool(r[2]), r[3], int(r[4] or 0))
        for r in con.execute(
            """SELECT d.document_id, coalesce(s.official, FALSE)
                        OR EXISTS (SELECT 1 FROM documents c WHERE c.parent_id = d.document_id),
                      d.parent_id IS NOT NULL, d.published_on, d.n_chars
               FROM documents d LEFT JOIN doc_signatures s USING (document_id)
               WHERE d.document_id IN (SELECT unnest(?::VARCHAR[]))""",
            [docs],
        ).fetchall()
    }


def _components(info: dict[str, _Doc], links: list[tuple[str, str, str, float]]) -> list[list[str]]:
    """Groups of documents under `links` (union-find), strongest link first, never joining two groups whose
    dated documents would then span more than MAX_SPAN_DAYS (but for an attachment); each group sorted."""
    parent = {n: n for n in info}
    span = {n: (info[n].published_on, info[n].published_on) for n in info}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, reason, _ in sorted(links, key=lambda k: (_LINK_ORDER[k[2]], -k[3], k[0], k[1])):
        if a not in parent or b not in parent:
            continue
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        days = [d for d in (*span[ra], *span[rb]) if d is not None]
        if reason != "attachment" and days and (max(days) - min(days)).days > MAX_SPAN_DAYS:
            continue  # an attachment is its page's, whatever dates the two carry
        root, child = min(ra, rb), max(ra, rb)
        parent[child] = root
        span[root] = (min(days), max(days)) if days else (None, None)
    groups: dict[str, list[str]] = {}
    for n in sorted(info):
        groups.setdefault(find(n), []).append(n)
    return [sorted(g) for g in groups.values()]


def rebuild(con: Con) -> None:
    """Group every current document from scratch (a migration, or after the rules changed)."""
    for table in TABLES:
        con.execute(f"DELETE FROM {table}")  # names from the fixed list above
    ids = [
        r[0]
        for r in con.execute(
            "SELECT document_id FROM documents ORDER BY published_on, document_id"
        ).fetchall()
    ]
    update(con, ids)
