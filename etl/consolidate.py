"""Resolve program mentions across documents to one `programs` row each.

Names meet on a normalised key (etl.normalize.program_key: 인공지능→ai, no spaces or punctuation),
on any alias seen before (a Korean announcement's English name in parentheses links the two
languages), and otherwise by fuzzy match. FUZZY_THRESHOLD is justified in tests/test_consolidate.py:
at 88, one-character spelling variants of names of 9+ characters merge ('데이터 댐'/'데이타댐': 88.9),
while sibling programs that differ by a word ('발전전략'/'성장전략': 81.8, '방안'/'전략': 83.3) stay
apart. Numbers never fuzzy-match: '1단계'/'2단계' and '2024년'/'2025년' are different programs.
"""

from __future__ import annotations

import hashlib
import re

import duckdb
from rapidfuzz import fuzz, process

from etl import db, program_catalog, program_rows
from etl.normalize import program_key

FUZZY_THRESHOLD = 88
FUZZY_MIN_LEN = 8
_DIGITS = re.compile(r"\d+")


def stable_id(text: str) -> str:
    """A short deterministic id for a natural key."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def same_numbers(a: str, b: str) -> bool:
    """Stages and years distinguish programs: fuzzy matches must agree on every number."""
    return _DIGITS.findall(a) == _DIGITS.findall(b)


class ProgramIndex:
    """In-memory alias index over the `programs` tables of one writable connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        # norm_key → program_id of every alias; ids with an English name; program_id → name
        self.by_key, self.has_en, self.names = program_rows.program_index_rows(con)
        self.renames: dict[str, tuple[str, str]] = {}  # program_id → (Korean name, English name it replaces)
        # New rows wait here and go in with one Arrow insert per batch (see flush).
        self.new_programs: dict[str, dict] = {}
        self.new_aliases: list[dict] = []
        self.new_en: dict[str, str] = {}
        # Program ids whose facts a merge moved (the loader refreshes their aggregates).
        self.merged: set[str] = set()

    def resolve(self, name: str, name_en: str | None = None) -> str:
        """The program id for a name (creating the program when it is new). A name the catalogue lists
        (etl/resources/programs.tsv) resolves to its canonical program, with the catalogue's English name."""
        seen = name
        if entry := program_catalog.find(name) or program_catalog.find(name_en):
            name, name_en = entry.canonical, entry.name_en or name_en
        spelled = [(program_key(x), x) for x in dict.fromkeys((name, name_en, seen)) if x and program_key(x)]
        keys = [k for k, _ in spelled]
        hits = [self.by_key[k] for k in keys if k in self.by_key]
        if not hits:
            fuzzy = self._fuzzy(keys[0])
            hits = [fuzzy] if fuzzy else []
        if not hits:
            pid = self._create(name, name_en, keys[0])
        else:
            pid = hits[0]
            for other in hits[1:]:
                if other != pid:
                    self.merge(other, into=pid)
        for k, alias in spelled:
            self._alias(pid, alias, k)
        self._prefer_korean(pid, name)
        if name_en and pid not in self.has_en:
            self.has_en.add(pid)
            if pid in self.new_programs:
                self.new_programs[pid]["name_en"] = name_en
            else:
                self.new_en[pid] = name_en
        return pid

    def _prefer_korean(self, pid: str, name: str) -> None:
        """A program first met in English takes its Korean name once one appears (the English stays as name_en)."""
        old = self.names.get(pid, name)
        if old.isascii() and not name.isascii():
            self.names[pid] = name
            if pid in self.new_programs:
                row = self.new_programs[pid]
                row["name"], row["name_en"] = name, row["name_en"] or old
            else:
                self.renames[pid] = (name, old)
            self.has_en.add(pid)

    def flush(self) -> None:
        """Write the programs and aliases resolved since the last flush (inside the caller's transaction)."""
        db.insert_rows(self.con, "programs", list(self.new_programs.values()), ignore_conflicts=True)
        db.insert_rows(self.con, "program_aliases", self.new_aliases, ignore_conflicts=True)
        program_rows.update_program_names(self.con, self.new_en, self.renames)
        self.new_programs, self.new_aliases, self.new_en, self.renames = {}, [], {}, {}

    def _fuzzy(self, key: str) -> str | None:
        if len(key) < FUZZY_MIN_LEN or not self.by_key:
            return None
        best = process.extractOne(key, self.by_key.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        if not best or not same_numbers(key, best[0]):
            return None
        return self.by_key[best[0]]

    def _create(self, name: str, name_en: str | None, key: str) -> str:
        pid = stable_id(key)
        self.new_programs[pid] = {"program_id": pid, "name": name, "name_en": name_en, "norm_key": key}
        self.names[pid] = name
        if name_en:
            self.has_en.add(pid)
        return pid

    def _alias(self, pid: str, alias: str, key: str) -> None:
        if self.by_key.get(key) == pid:
            return
        self.by_key[key] = pid
        self.new_aliases.append({"program_id": pid, "alias": alias, "norm_key": key})

    def merge(self, victim: str, *, into: str) -> None:
        """Fold one program into another: its facts and aliases move, its row goes."""
        self.flush()
        self.merged |= {victim, into}
        program_rows.merge_program(self.con, victim, into)
        self.by_key = {k: (into if v == victim else v) for k, v in self.by_key.items()}

    def drop_orphans(self) -> int:
        """Delete programs no document mentions any more (after a changed document was replaced)."""
        self.flush()
        orphans = program_rows.orphan_programs(self.con)
        program_rows.delete_programs(self.con, orphans)
        self.by_key = {k: v for k, v in self.by_key.items() if v not in set(orphans)}
        return len(orphans)
