"""A short form the gazetteer gives one body may be the short form of another body the document names in full.

`산업부` is the gazetteer's short form of 산업통상자원부; a page that names 산업통상부 (its successor) in full and then
writes `산업부` means 산업통상부. A body seen only by short forms joins the body named in full in the same document
when each of its short forms abbreviates that name too (same first and last syllable, its syllables in order).
"""

from __future__ import annotations

import re

from etl.extract.inst_roles import ROLE_RANK
from etl.models import Institution

_HANGUL = re.compile(r"[가-힣]+")


def _abbreviates(short: str, name: str) -> bool:
    """`산업부` abbreviates `산업통상부`: shorter, same first and last syllable, its syllables in order."""
    if len(short) >= len(name) or short[0] != name[0] or short[-1] != name[-1]:
        return False
    rest = iter(name)
    return all(ch in rest for ch in short)


def join_short_forms(insts: list[Institution]) -> list[Institution]:
    """Fold each body seen only by short forms into the one named in full that every short form abbreviates."""
    full = [i for i in insts if _HANGUL.fullmatch(i.name) and i.name in i.aliases_seen]
    out = []
    for inst in insts:
        seen = inst.aliases_seen
        only_short = (
            _HANGUL.fullmatch(inst.name)
            and seen
            and all(_HANGUL.fullmatch(a) and len(a) < len(inst.name) for a in seen)
        )
        target = None
        if only_short:
            target = next(
                (f for f in full if f is not inst and all(_abbreviates(a, f.name) for a in seen)), None
            )
        if target is None:
            out.append(inst)
            continue
        target.aliases_seen.extend(a for a in seen if a not in target.aliases_seen)
        if ROLE_RANK[inst.role] > ROLE_RANK[target.role]:
            target.role, target.evidence = inst.role, inst.evidence
    return out
