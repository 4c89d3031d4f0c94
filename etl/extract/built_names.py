"""The facility a program's name builds: "스마트도시 특화단지 조성사업" is found as "스마트도시 특화단지" too.

README ruling 'A facility and its build': a program named by a facility with a build word (`X센터 조성 사업`) and
the facility itself (`X센터`) are one program. The facility heads are lexicon/site_heads.tsv (센터, 단지, 캠퍼스,
허브, …); the build nouns `program_build_nouns.tsv`. Used by etl/extract/link_names.py (program_keys).
"""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon


@cache
def _built() -> re.Pattern[str]:
    # A facility of at least four characters, a build noun, then 사업 ends the name.
    return re.compile(rf"(.{{4,}}?)\s*{lexicon.pattern('program_build_nouns')}\s*사업$")


def built_facility(name: str) -> str | None:
    """The facility `name` builds ("스마트도시 특화단지" of "스마트도시 특화단지 조성사업"), or None."""
    from etl.extract.link_names import facility

    m = _built().match(name)
    return m.group(1) if m and facility(m.group(1)) else None
