"""Pure scoring of predicted facts (an `extract --format jsonl` record) against a gold record.

No I/O here, so tiny hand-made gold/pred pairs can test the scorer itself.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from etl.normalize import compare_key, program_key

Record = dict[str, Any]


@dataclass
class Counts:
    """Hits, predicted and gold totals for one P/R/F1 metric, or right/total for an accuracy."""

    hit: int = 0
    pred: int = 0
    gold: int = 0
    measured: bool = True  # False when the extractor emits no such field (reported n/a)

    def add(self, other: Counts) -> None:
        """Sum another document's counts into this one."""
        self.hit += other.hit
        self.pred += other.pred
        self.gold += other.gold
        self.measured = self.measured and other.measured

    @property
    def precision(self) -> float | None:
        return self.hit / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float | None:
        return self.hit / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if (p + r) else 0.0

    @property
    def accuracy(self) -> float | None:
        """For accuracies, `gold` holds the number of items judged and `hit` the right ones."""
        return self.hit / self.gold if self.gold else None


@dataclass
class Scores:
    """Every metric for one document or summed over many; `misses` lists what differed."""

    amounts: Counts = field(default_factory=Counts)
    kind: Counts = field(default_factory=Counts)
    role: Counts = field(default_factory=Counts)
    link: Counts = field(default_factory=Counts)
    institutions: Counts = field(default_factory=Counts)
    sites: Counts = field(default_factory=Counts)
    countries: Counts = field(default_factory=Counts)
    countries_mentioned: Counts = field(default_factory=Counts)
    date: Counts = field(default_factory=Counts)
    table_amounts: Counts = field(default_factory=Counts)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def add(self, other: Scores) -> None:
        """Sum another document's scores into this one (misses are per document, not summed)."""
        for name in METRICS:
            getattr(self, name).add(getattr(other, name))


METRICS = (
    "amounts",
    "kind",
    "role",
    "link",
    "institutions",
    "sites",
    "countries",
    "countries_mentioned",
    "date",
    "table_amounts",
)


def norm(text: str | None) -> str:
    """The key two names are compared on (etl.normalize.compare_key)."""
    return compare_key(text)


def _won_values(rows: list[Record]) -> Counter[int]:
    """Multiset of exact won values: each row's amount plus the high bound of a range."""
    out: Counter[int] = Counter()
    for r in rows:
        if r.get("currency", "KRW") != "KRW" or r.get("amount_krw") is None:
            continue
        out[int(r["amount_krw"])] += 1
        high = r.get("high")
        if high is not None and int(high) != int(r["amount_krw"]):
            out[int(high)] += 1
    return out


def pair_amounts(gold: list[Record], pred: list[Record]) -> list[tuple[Record, Record]]:
    """Pair gold and predicted rows of equal won, preferring pairs that also agree on kind and program."""
    pool = [p for p in pred if p.get("amount_krw") is not None]
    pairs: list[tuple[Record, Record]] = []
    for strict in (True, False):
        for g in [g for g in gold if all(g is not pg for pg, _ in pairs)]:
            for p in pool:
                same = int(p["amount_krw"]) == int(g["amount_krw"])
                agree = p.get("kind") == g.get("kind") and link_ok(g, p)
                if same and (agree or not strict):
                    pairs.append((g, p))
                    pool.remove(p)
                    break
    return pairs


def _program_norm(name: str | None) -> str:
    """The key the loader merges program names under (etl.normalize.program_key): two spellings that become
    one program in the database (`인공지능(AI) 기술 실증 …` / `AI 기술실증 …`) are one link."""
    return program_key(compare_key(name)) if name else ""


def link_ok(gold: Record, pred: Record) -> bool:
    wanted = [gold.get("program"), *gold.get("program_aliases", [])]
    got = _program_norm(pred.get("program"))
    return any(_program_norm(w) == got for w in wanted)


def score_amounts(gold: list[Record], pred: list[Record], s: Scores) -> None:
    """Won multiset P/R, then kind, role and program-link accuracy over matched rows."""
    g, p = _won_values(gold), _won_values(pred)
    s.amounts = Counts(hit=sum((g & p).values()), pred=sum(p.values()), gold=sum(g.values()))
    s.misses["amounts missed"] = [f"{v:,}" for v in (g - p).elements()]
    s.misses["amounts extra"] = [f"{v:,}" for v in (p - g).elements()]
    pairs = pair_amounts(gold, [r for r in pred if r.get("currency", "KRW") == "KRW"])
    has_role = any("role" in r for r in pred) or not pred
    s.kind = Counts(hit=sum(a.get("kind") == b.get("kind") for a, b in pairs), gold=len(pairs))
    s.role = Counts(
        hit=sum(a.get("role") == b.get("role") for a, b in pairs), gold=len(pairs), measured=has_role
    )
    s.link = Counts(hit=sum(link_ok(a, b) for a, b in pairs), gold=len(pairs))
    s.misses["kind wrong"] = [
        f"{a['amount_krw']:,}: {b.get('kind')}≠{a.get('kind')}"
        for a, b in pairs
        if a.get("kind") != b.get("kind")
    ]
    s.misses["role wrong"] = [
        f"{a['amount_krw']:,}: {b.get('role')}≠{a.get('role')}"
        for a, b in pairs
        if has_role and a.get("role") != b.get("role")
    ]
    s.misses["link wrong"] = [
        f"{a['amount_krw']:,}: {b.get('program')!r}≠{a.get('program')!r}"
        for a, b in pairs
        if not link_ok(a, b)
    ]


def _table_keys(rows: list[Record]) -> Counter[tuple]:
    """A table cell's fact as judged: exact won, kind, role and fiscal year."""
    return Counter((int(r["amount_krw"]), r.get("kind"), r.get("role"), r.get("fiscal_year")) for r in rows)


def score_tables(gold: list[Record], pred: list[Record], s: Scores) -> None:
    """P/R of the budget rows read from table cells (`table_cell` set), each judged whole."""
    g = _table_keys(gold)
    p = _table_keys([r for r in pred if r.get("table_cell") is not None and r.get("amount_krw") is not None])
    s.table_amounts = Counts(hit=sum((g & p).values()), pred=sum(p.values()), gold=sum(g.values()))
    s.misses["table cells missed"] = [f"{k[0]:,} {k[1]} {k[2]} {k[3]}" for k in (g - p).elements()]
    s.misses["table cells extra"] = [f"{k[0]:,} {k[1]} {k[2]} {k[3]}" for k in (p - g).elements()]


def _match_sets(gold_keys: list[set[str]], pred_keys: list[set[str]], loose: bool) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of gold and predicted items, each a set of acceptable keys."""
    used: set[int] = set()
    pairs = []
    for gi, gk in enumerate(gold_keys):
        for pi, pk in enumerate(pred_keys):
            if pi in used:
                continue
            if gk & pk or (loose and any(a in b or b in a for a in gk for b in pk if a and b)):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def _named(rows: list[Record], extra: str) -> list[set[str]]:
    return [{norm(x) for x in [r.get("name"), *(r.get(extra) or [])] if norm(x)} for r in rows]


def score_named(gold: list[Record], pred: list[Record], loose: bool) -> tuple[Counts, list[str], list[str]]:
    """P/R over named items (institutions exact, sites loose containment); returns missed and extra names."""
    gk, pk = _named(gold, "aliases"), _named(pred, "aliases_seen")
    pairs = _match_sets(gk, pk, loose)
    hit_g, hit_p = {g for g, _ in pairs}, {p for _, p in pairs}
    missed = [gold[i].get("name", "") for i in range(len(gold)) if i not in hit_g]
    extra = [pred[i].get("name", "") for i in range(len(pred)) if i not in hit_p]
    return Counts(hit=len(pairs), pred=len(pred), gold=len(gold)), missed, extra


def _set_counts(gold: list[str], pred: list[str] | None) -> Counts:
    if pred is None:
        return Counts(gold=len(gold), measured=False)
    g, p = set(gold), set(pred)
    return Counts(hit=len(g & p), pred=len(p), gold=len(g))


def score_document(gold: Record, pred: Record) -> Scores:
    """Every metric for one document."""
    s = Scores()
    score_amounts(gold.get("budgets", []), pred.get("budgets", []), s)
    score_tables(gold.get("table_budgets", []), pred.get("budgets", []), s)
    s.institutions, s.misses["institutions missed"], s.misses["institutions extra"] = score_named(
        gold.get("institutions", []), pred.get("institutions", []), loose=False
    )
    s.sites, s.misses["sites missed"], s.misses["sites extra"] = score_named(
        gold.get("sites", []), pred.get("sites", []), loose=True
    )
    s.countries = _set_counts(gold.get("countries", []), pred.get("countries", []))
    s.countries_mentioned = _set_counts(gold.get("countries_mentioned", []), pred.get("countries_mentioned"))
    s.misses["countries"] = (
        []
        if set(gold.get("countries", [])) == set(pred.get("countries", []))
        else [f"{sorted(pred.get('countries', []))}≠{sorted(gold.get('countries', []))}"]
    )
    right = pred.get("published_on") == gold.get("published_on")
    s.date = Counts(hit=int(right), gold=1)
    s.misses["date"] = [] if right else [f"{pred.get('published_on')}≠{gold.get('published_on')}"]
    return s


def score_all(pairs: list[tuple[Record, Record]]) -> Scores:
    """Micro-averaged scores over (gold, pred) pairs."""
    total = Scores()
    for gold, pred in pairs:
        total.add(score_document(gold, pred))
    return total
