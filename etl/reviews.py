"""Reviewed facts: an analyst's decisions about extracted facts, kept in a plain JSONL file and applied after
every ingest, so a corrected fact stays corrected through re-ingest and `--rebuild`.

One line per decision, appended, never rewritten (meant to be committed and diffed):

    {"fact_id": "b-1f0c…", "action": "set", "fields": {"kind": "national"}, "why": "…", "who": "…", "at": "…"}

`action` is `confirm`, `reject` or `set`. A fact's id comes from its document's identity, its type and its
normalised value (etl/load.py `fact_id`), so it survives re-ingest; a decision whose fact no longer exists is
reported as orphaned, never dropped silently. Later lines about one fact override earlier ones field by field.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from etl.categories import FactType, MoneyKind, MoneyRole, values

ACTIONS = ("confirm", "reject", "set")
FACT_TYPES = {t.value[0]: t.value for t in FactType}  # a fact id's prefix: b-…, i-…, s-…, p-…
KINDS = values(MoneyKind)
ROLES = values(MoneyRole)
# The fields a `set` may change, per fact type, and how a value given on the command line is read.
FIELDS: dict[str, dict[str, str]] = {
    "budget": {"amount_krw": "int", "kind": "kind", "role": "role", "fiscal_year": "int?", "program": "str?"},
    "institution": {"name": "str", "role": "str"},
    "site": {"name": "str", "address": "str?", "lat": "float?", "lon": "float?"},
    # merge_into: the program (id, p- id or name) this one is the same as; null keeps them apart.
    "program": {"parent": "str?", "name_en": "str?", "merge_into": "str?"},
}


class ReviewError(ValueError):
    """A decision that cannot be recorded: unknown fact type, field or action, or a value of the wrong form."""


@dataclass
class Review:
    fact_id: str
    action: str
    fields: dict[str, Any] = field(default_factory=dict)
    why: str = ""
    who: str = ""
    at: str = ""
    line: int = 0

    @property
    def fact_type(self) -> str:
        return fact_type(self.fact_id)

    def to_json(self) -> str:
        body = {"fact_id": self.fact_id, "action": self.action, "fields": self.fields, "why": self.why,
                "who": self.who, "at": self.at}  # fmt: skip
        return json.dumps(body, ensure_ascii=False, sort_keys=False)


def fact_type(fact_id: str | None) -> str:
    """`budget` for `b-…`, and so on; ReviewError for an id of no known type, or none."""
    if not fact_id:
        raise ReviewError("this fact has no id (loaded before fact ids existed?): re-ingest to review it")
    prefix = fact_id.split("-", 1)[0]
    if prefix not in FACT_TYPES or "-" not in fact_id:
        raise ReviewError(f"not a fact id: {fact_id!r} (ids start with b-, i-, s- or p-)")
    return FACT_TYPES[prefix]


def parse_value(fact: str, name: str, text: str) -> Any:
    """A `FIELD=VALUE` value read as its field wants it (`null` clears an optional field)."""
    form = FIELDS[fact].get(name)
    if form is None:
        raise ReviewError(f"a {fact} has no field {name!r} (fields: {', '.join(FIELDS[fact])})")
    if form.endswith("?") and text.lower() in ("null", "none", ""):
        return None
    base = form.rstrip("?")
    try:
        if base == "int":
            return int(text.replace(",", ""))
        if base == "float":
            return float(text)
    except ValueError as exc:
        raise ReviewError(f"{name}: {text!r} is not a number") from exc
    choices = {"kind": KINDS, "role": ROLES}.get(base)
    if choices and text not in choices:
        raise ReviewError(f"{name}: {text!r} is not one of {', '.join(choices)}")
    return text


def make(fact_id: str, action: str, fields: dict[str, Any], why: str, who: str = "") -> Review:
    """A checked decision, stamped with who and when."""
    kind = fact_type(fact_id)
    if action not in ACTIONS:
        raise ReviewError(f"action must be one of {', '.join(ACTIONS)}")
    if action == "set" and not fields:
        raise ReviewError("set needs at least one FIELD=VALUE")
    if action == "reject" and not why.strip():
        raise ReviewError("reject needs --why")
    for name in fields:
        if name not in FIELDS[kind]:
            raise ReviewError(f"a {kind} has no field {name!r} (fields: {', '.join(FIELDS[kind])})")
    who = who or os.environ.get("POLICY_REVIEWER") or os.environ.get("USER") or "unknown"
    return Review(fact_id, action, fields, why, who, datetime.now().isoformat(timespec="seconds"))


def append(path: Path, review: Review) -> None:
    """Add one decision as the file's last line (the file and its folder are made when missing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(review.to_json() + "\n")


def read(path: Path) -> Iterator[Review]:
    """Every decision in file order; a line that is not a decision raises ReviewError naming the line."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as f:
        for n, text in enumerate(f, start=1):
            if not text.strip():
                continue
            try:
                raw = json.loads(text)
                review = Review(raw["fact_id"], raw["action"], dict(raw.get("fields") or {}),
                                raw.get("why", ""), raw.get("who", ""), raw.get("at", ""), n)  # fmt: skip
                fact_type(review.fact_id)
            except (ValueError, KeyError, TypeError) as exc:
                raise ReviewError(f"{path}:{n}: not a review line ({exc})") from exc
            yield review


@dataclass
class Decision:
    """What the file says about one fact after every line is read: its state and the fields set."""

    fact_id: str
    state: str = "machine"  # machine | confirmed | edited | rejected
    fields: dict[str, Any] = field(default_factory=dict)
    lines: list[int] = field(default_factory=list)
    why: str = ""


def fold(reviews: Iterator[Review] | list[Review]) -> dict[str, Decision]:
    """One Decision per fact: later lines override earlier ones field by field; a reject wins until a later
    confirm or set; a confirm after edits keeps the edits."""
    out: dict[str, Decision] = {}
    for r in reviews:
        d = out.setdefault(r.fact_id, Decision(r.fact_id))
        d.lines.append(r.line)
        d.why = r.why or d.why
        if r.action == "reject":
            d.state = "rejected"
        elif r.action == "set":
            d.fields.update(r.fields)
            d.state = "edited"
        else:
            d.state = "edited" if d.fields else "confirmed"
    return out
