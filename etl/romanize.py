"""A machine romanisation of Korean names, for English pages where no English name is on record (issue #12).

Revised Romanization letter by letter (etl/resources/romanization.tsv), with a final consonant carried over
to a following vowel (한국어 -> Hangugeo) and ㄹㄹ as ll; other sound changes across syllables (국민 gungmin)
are not applied, which is why the dashboard marks every such name (MARK) as a machine romanisation rather
than passing it off as an English name. Text that is not Hangul (AI, R&D, figures) is kept as written.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "resources" / "romanization.tsv"
MARK = "≈ "  # before a romanised name: "no English name on record, read as Korean sounds"
_FIRST, _LAST = ord("가"), ord("힣")
_SLOTS = {"initial": 19, "vowel": 21, "final": 28, "final_before_vowel": 28}


@cache
def _table() -> dict[str, list[str]]:
    """slot -> Latin letters in jamo order; a slot of the wrong length is an error, not a silent gap."""
    out: dict[str, list[str]] = {slot: [] for slot in _SLOTS}
    with TABLE.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t"):
            if not row or row[0].startswith("#") or row[0] == "slot":
                continue
            slot, _, latin = row
            out[slot].append("" if latin == "-" else latin)
    for slot, n in _SLOTS.items():
        if len(out[slot]) != n:
            raise ValueError(f"{TABLE.name}: slot {slot} has {len(out[slot])} rows, want {n}")
    return out


def has_hangul(text: str) -> bool:
    return any(_FIRST <= ord(c) <= _LAST for c in text)


def romanize(text: str) -> str:
    """`text` with each run of Hangul syllables romanised and each romanised word capitalised."""
    t = _table()
    out: list[str] = []
    chars = list(text)
    for i, c in enumerate(chars):
        code = ord(c) - _FIRST
        if not 0 <= code <= _LAST - _FIRST:
            out.append(c)
            continue
        initial, vowel, final = code // 588, (code // 28) % 21, code % 28
        prev = ord(chars[i - 1]) - _FIRST if i else -1
        prev_final = prev % 28 if 0 <= prev <= _LAST - _FIRST else 0
        if initial == 11 and prev_final:  # ㅇ after a final: the final was carried over (below)
            head = ""
        elif initial == 5 and prev_final == 8:  # ㄹ after ㄹ: ll
            head = "l"
        else:
            head = t["initial"][initial]
        nxt = ord(chars[i + 1]) - _FIRST if i + 1 < len(chars) else -1
        before_vowel = 0 <= nxt <= _LAST - _FIRST and nxt // 588 == 11
        tail = t["final_before_vowel" if before_vowel else "final"][final]
        syllable = head + t["vowel"][vowel] + tail
        start = not i or not has_hangul(chars[i - 1])
        out.append(syllable.capitalize() if start and (not out or not out[-1][-1:].isalpha()) else syllable)
    return "".join(out)


def english_label(english: object, stored: object) -> str:
    """The name an English reader sees: the English name when there is one, the stored name when it has no
    Hangul, else its marked machine romanisation."""
    if isinstance(english, str) and english.strip():
        return english
    name = "" if stored is None or stored != stored else str(stored)  # None or NaN: nothing to show
    return MARK + romanize(name) if has_hangul(name) else name
