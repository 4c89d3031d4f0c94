"""Golden expectations: our own fixtures plus the seed announcement, run through the real readers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from golden import check_facts

from etl.config import ROOT, Settings
from etl.process import process_raw
from etl.sources import iter_raw

EXPECTED = sorted((ROOT / "tests" / "fixtures" / "expected").glob("*.json"))


def _extract(path: Path) -> dict:
    [raw] = list(iter_raw([str(path)], Settings()))
    res = process_raw(raw)
    assert res.failure is None, res.failure
    [facts] = res.facts
    return facts.to_json()


def _load(exp_path: Path) -> tuple[Path, dict]:
    exp = json.loads(exp_path.read_text(encoding="utf-8"))
    path = (ROOT / exp["path"]).resolve()
    if not path.exists():
        pytest.skip(f"{path} is not here (the seed lives in ../shared)")
    return path, exp


@pytest.mark.parametrize("exp_path", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_golden(exp_path: Path) -> None:
    path, exp = _load(exp_path)
    rec = _extract(path)
    failed = [desc for desc, ok in check_facts(rec, exp) if not ok]
    assert not failed, f"{path.name}: {len(failed)} expectations missed:\n" + "\n".join(failed)


def test_golden_score_floor(capsys: pytest.CaptureFixture[str]) -> None:
    """All fixture facts together; prints the score the closing note quotes."""
    results = []
    for exp_path in EXPECTED:
        path, exp = _load(exp_path)
        results += check_facts(_extract(path), exp)
    passed = sum(ok for _, ok in results)
    with capsys.disabled():
        print(f"\ngolden fixture facts: {passed}/{len(results)} pass")
    assert passed == len(results)
