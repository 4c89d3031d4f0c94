"""A council or education office named bare (`시의회`, `도교육청`) is the one of the document's own local government.

A story about one city calls its council `시의회` and a province's story its education office `도교육청`: the body is
the council of the city (or province) the document names most, so `고양시 … 시의회 심의 과정에서` is 고양시의회 and
`전북자치도와 도교육청의 추경안` is 전북특별자치도교육청. A bare body right before a person's title (`시의회 의장`) is
that person's affiliation, not the body acting, and brings nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from etl.normalize import PARTICLES_AFTER_NAME

_BARE = re.compile(
    rf"(?<![가-힣A-Za-z0-9])(?P<level>시|도|군|구)(?P<body>의회|교육청)(?=(?:{PARTICLES_AFTER_NAME})?(?![가-힣]))"
)
_TITLE_AFTER = re.compile(rf"\s*(?:의장|부의장|의원|위원장|교육감)(?:{PARTICLES_AFTER_NAME})?(?![가-힣])")
# The level a local government's name ends in: 특별시·광역시·특별자치시 and 시 are 시, 도 and 특별자치도 are 도.
_LEVEL = re.compile(r"(시|도|군|구)$")


def homes(names: Iterable[str]) -> dict[str, str]:
    """Level (시, 도, 군, 구) → the local government of that level the document names most (first one on a tie)."""
    counts = Counter(names)
    out: dict[str, str] = {}
    for name, _ in counts.most_common():
        level = _LEVEL.search(name)
        if level:
            out.setdefault(level.group(1), name)
    return out


def bare_bodies(text: str, home: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of each bare council or education office whose level has a home."""
    out = []
    for m in _BARE.finditer(text):
        owner = home.get(m.group("level"))
        office_of_district = m.group("body") == "교육청" and m.group("level") in "군구"
        if owner and not office_of_district and not _TITLE_AFTER.match(text, m.end()):
            out.append((m.start(), m.end(), f"{owner}{m.group('body')}"))
    return out
