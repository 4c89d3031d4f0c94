"""The facility a program's name builds: "스마트도시 특화단지 조성사업" is found as "스마트도시 특화단지" too.

README ruling 'A facility and its build': a program named by a facility with a build word (`X센터 조성 사업`) and
the facility itself (`X센터`) are one program. The facility heads are lexicon/site_heads.tsv (센터, 단지, 캠퍼스,
허브, …); the build words those of `_BUILT`. Used by etl/extract/link_names.py (program_keys).
"""

from __future__ import annotations

import re

# A facility of at least four characters, a build word, then 사업 ends the name.
_BUILT = re.compile(r"(.{4,}?)\s*(?:조성|구축|건립)\s*사업$")


def built_facility(name: str) -> str | None:
    """The facility `name` builds ("스마트도시 특화단지" of "스마트도시 특화단지 조성사업"), or None."""
    from etl.extract.link_names import facility

    m = _BUILT.match(name)
    return m.group(1) if m and facility(m.group(1)) else None
