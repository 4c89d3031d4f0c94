"""A text's MinHash signature (datasketch over numpy-hashed character 5-grams): how etl/events.py tells a reprint."""

from __future__ import annotations

import re
from functools import cache

import numpy as np

NUM_PERM = 64  # MinHash size: the estimate's standard error at J = 0.5 is about 0.06
SHINGLE = 5
TEXT_CHARS = 6000  # the start of a text is enough to tell a reprint; bounds the cost of a huge one
_SPACE = re.compile(r"\s+")


def signature(text: str) -> list[int]:
    """The MinHash of a text's character 5-grams (spaces folded, case folded); stable across processes.

    Each 5-gram is hashed in numpy (a polynomial over its code points, folded to 32 bits), then datasketch
    permutes the distinct hashes (one shared set of permutations: building them per text cost a third)."""
    flat = _SPACE.sub(" ", text[:TEXT_CHARS]).strip().lower() or " "
    points = np.frombuffer(flat.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = max(len(points) - SHINGLE + 1, 1)
    grams = np.zeros(n, dtype=np.uint64)
    for k in range(min(SHINGLE, len(points))):
        grams = grams * np.uint64(1_000_003) + points[k : k + n]
    grams = (grams ^ (grams >> np.uint64(32))) & np.uint64(0xFFFFFFFF)
    from datasketch import MinHash  # here, not at the top: importing it loads scipy (~0.5 s of every CLI run)

    m = MinHash(num_perm=NUM_PERM, hashfunc=int, permutations=_permutations(), scheme="affine32")
    m.update_batch(np.unique(grams).tolist())
    return [int(v) for v in m.hashvalues]


@cache
def _permutations() -> tuple:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1).permutations
