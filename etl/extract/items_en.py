"""English line items: the head of a bullet line whose bracket holds the amount ("- Building the AX
Demonstration Valley (the AI Phase 2 Project, total project cost 600 billion won)"): the line lists the item
the money is for, as a Korean bullet line does (etl/extract/line_items.py). Used by etl/extract/links.py."""

from __future__ import annotations

import re

# The bracket that holds the amount may say more before it ("the AI Phase 2 Project, total project cost ") but
# stays one aside: this many characters at most.
BRACKET_ASIDE = 60
# A bullet line's head before that bracket: a list mark, then two to twelve words.
_BULLET_BRACKET = re.compile(
    rf"^\s*[-*•·▪◦]\s*((?:[\w’'&·\-]+\s+){{1,11}}[\w’'&·\-]+)\s*\([^()]{{0,{BRACKET_ASIDE}}}$"
)


def bullet_item(before: str) -> tuple[str, bool] | None:
    """The head of the bullet line the amount stands in a bracket of, or None."""
    m = _BULLET_BRACKET.match(before)
    return (m.group(1), True) if m else None
