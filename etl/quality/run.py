"""Run the extractor on every fixture (the `python -m etl extract` code path) and pair it with its gold."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from etl.config import ROOT, Settings
from etl.quality.score import Record

FIXTURES = ROOT / "tests" / "fixtures" / "realworld"
GOLD_SUFFIX = ".gold.json"
DOC_SUFFIXES = (".txt", ".html", ".hwpx", ".hwp", ".pdf")


@dataclass
class Fixture:
    name: str
    doc: Path
    gold: Record


@dataclass
class Run:
    """Gold and predicted record per fixture, plus one error line per fixture the extractor failed on."""

    fixtures: list[Fixture]
    preds: list[Record]
    errors: list[str]


def load_fixtures(folder: Path = FIXTURES) -> list[Fixture]:
    """Every NAME.gold.json with its NAME.txt, .html, .hwpx, .hwp or .pdf, sorted by name; subfolders too
    (`holdout/`: pages written apart from the rules, which `--fixtures …/holdout` scores alone)."""
    out = []
    for gold_path in sorted(folder.rglob(f"*{GOLD_SUFFIX}"), key=lambda p: p.name):
        name, here = gold_path.name[: -len(GOLD_SUFFIX)], gold_path.parent
        docs = [here / f"{name}{s}" for s in DOC_SUFFIXES if (here / f"{name}{s}").exists()]
        if len(docs) != 1:
            raise ValueError(f"{gold_path}: expected one {name}{{{','.join(DOC_SUFFIXES)}}} beside it")
        out.append(Fixture(name, docs[0], json.loads(gold_path.read_text(encoding="utf-8"))))
    return out


def digest(fixtures: list[Fixture]) -> str:
    """A fingerprint of the fixture set (documents and gold), so a baseline knows what it measured."""
    h = hashlib.sha256()
    for f in fixtures:
        h.update(f.name.encode())
        h.update(f.doc.read_bytes())
        h.update(json.dumps(f.gold, sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()[:16]


def extract(fixture: Fixture, settings: Settings) -> tuple[Record, str | None]:
    """The jsonl record `etl extract` prints for this fixture, or an empty one and an error line."""
    from etl.process import process_raw
    from etl.sources import InputError, iter_raw

    empty: Record = {"budgets": [], "institutions": [], "sites": [], "countries": [], "published_on": None}
    for item in iter_raw([str(fixture.doc)], settings):
        if isinstance(item, InputError):
            return empty, f"error: {fixture.name}: {item.reason}"
        res = process_raw(item)
        if res.failure:
            return empty, f"error: {fixture.name}: {res.failure.stage}: {res.failure.message}"
        if res.facts:
            return res.facts[0].to_json(), None
    return empty, f"error: {fixture.name}: no document extracted"


def run_fixtures(folder: Path = FIXTURES) -> Run:
    """Extract every fixture in one process (Kiwi is built once and reused)."""
    settings = Settings.from_env()
    fixtures = load_fixtures(folder)
    preds, errors = [], []
    for f in fixtures:
        pred, err = extract(f, settings)
        preds.append(pred)
        if err:
            errors.append(err)
    return Run(fixtures, preds, errors)
