"""Won figures that state no money: zero won and a bare year read as won (fixtures README: every *amount* of won
is a row, and these are none)."""

from __future__ import annotations

import re

from etl.extract import money

# A figure of won that is a year: four digits 19xx/20xx, no thousands comma, no scale ("2019 원화", "KRW 2019").
_YEAR_FIGURE = re.compile(r"(?<![0-9,.])(?:19|20)[0-9]{2}(?![0-9,.])")


def no_money(a: money.Amount) -> bool:
    """True for a won figure that states no money (fixtures README: every *amount* of won is a row): zero won
    ("예산이 0원이 됐다", said of money that is not there) and a bare year read as won ("2019 원화 기준")."""
    if a.currency != "KRW" or a.krw is None or a.bound == "between":
        return False
    if a.krw == 0:
        return True
    return not a.unit and 1900 <= a.krw <= 2099 and bool(_YEAR_FIGURE.search(a.surface))
