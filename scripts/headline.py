"""`python scripts/headline.py [DB]`: the Overview's headline figures of a database, as the dashboard counts
them (root programs only) and as they would be if every program's figure were added (the double count the
hierarchy removes). Default DB: data/policy.duckdb."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ui import queries, sql
from ui.filters import Filters


def main(argv: list[str]) -> int:
    """Print the headline total, roots only and every program added, with the programs counted and left out."""
    path = argv[0] if argv else "data/policy.duckdb"
    if not Path(path).exists():
        print(f"error: no database at {path}", file=sys.stderr)
        return 1
    con = sql.open_prepared(path)
    try:
        m = queries.overview_metrics(con, filters=Filters()).iloc[0]
        [(every,)] = con.execute("SELECT sum(headline_krw)::BIGINT FROM program_stats").fetchall()
    finally:
        con.close()
    print(f"headline total, roots only: {int(m.total_krw or 0):,} won ({m.n_counted} programs added)")
    print(
        f"every program's figure added: {int(every or 0):,} won ({m.n_inside} programs inside a parent's figure)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
