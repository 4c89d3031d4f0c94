"""The dashboard's filters as one hashable value, and its round trip through URL query parameters.

No streamlit here: `from_params`/`to_params` take and return plain mappings so they are tested directly.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from etl.categories import AGENCY_TYPES as _AGENCY_TYPES
from etl.categories import InstitutionType, MoneyKind, values

KINDS = values(MoneyKind)
INSTITUTION_TYPES = values(InstitutionType)
AGENCY_TYPES = tuple(t.value for t in _AGENCY_TYPES)
LANGS = ("ko", "en")

# Query-parameter names: short, stable, part of every shared URL.
_SCALAR = {"agency": "agency", "program": "program", "institution": "inst", "country": "country", "q": "q"}
_LISTS = {"itypes": "itype", "kinds": "kind"}
FILTER_KEYS = ("from", "to", "asof", *_SCALAR.values(), *_LISTS.values())


@dataclass(frozen=True)
class Filters:
    """What the sidebar selects; every query takes one. Empty fields mean 'no restriction'."""

    year_from: int | None = None
    year_to: int | None = None
    agency: str | None = None  # institution_id of a government body or public agency
    program: str | None = None  # program_id
    institution: str | None = None  # institution_id
    itypes: tuple[str, ...] = ()  # institution types
    country: str | None = None  # ISO 3166-1 alpha-2
    q: str = ""  # a word in a program's name or aliases
    kinds: tuple[str, ...] = ()  # budget kinds
    as_of: str | None = None  # ISO date: the record as it stood at the end of that day (etl/asof.py)

    def replace(self, **changes: object) -> Filters:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    def is_empty(self) -> bool:
        """True when nothing is filtered."""
        return self == Filters()


@dataclass(frozen=True)
class View:
    """Display preferences that belong in a shared URL but do not change the data."""

    lang: str = "ko"
    exact: bool = False  # exact won instead of 억/조 (or billion) rounding


def _first(params: Mapping[str, str | list[str]], key: str) -> str | None:
    value = params.get(key)
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    value = value.strip() if isinstance(value, str) else None
    return value or None


def _all(params: Mapping[str, str | list[str]], key: str) -> list[str]:
    value = params.get(key)
    values = list(value) if isinstance(value, list | tuple) else [value] if value else []
    # A list may also arrive comma-joined (hand-written URLs).
    return [v.strip() for item in values if isinstance(item, str) for v in item.split(",") if v.strip()]


def _year(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() and 1900 <= int(text) <= 2100 else None


def _day(text: str | None) -> str | None:
    """An ISO date from a parameter, or None for anything else."""
    try:
        return date.fromisoformat(text).isoformat() if text else None
    except ValueError:
        return None


def from_params(params: Mapping[str, str | list[str]]) -> Filters:
    """Filters from query parameters; unknown or malformed values are ignored, never raised."""
    y0, y1 = _year(_first(params, "from")), _year(_first(params, "to"))
    if y0 and y1 and y0 > y1:
        y0, y1 = y1, y0
    kinds = tuple(k for k in dict.fromkeys(_all(params, "kind")) if k in KINDS)
    itypes = tuple(t for t in dict.fromkeys(_all(params, "itype")) if t in INSTITUTION_TYPES)
    scalars = {field: _first(params, key) for field, key in _SCALAR.items()}
    country = scalars.pop("country")
    return Filters(
        as_of=_day(_first(params, "asof")),
        year_from=y0,
        year_to=y1,
        itypes=itypes,
        kinds=kinds,
        country=country.upper() if country else None,
        q=(scalars.pop("q") or "")[:100],
        **scalars,
    )


def to_params(f: Filters) -> dict[str, str | list[str]]:
    """Query parameters for filters, leaving out everything unset (short URLs)."""
    out: dict[str, str | list[str]] = {}
    if f.year_from is not None:
        out["from"] = str(f.year_from)
    if f.year_to is not None:
        out["to"] = str(f.year_to)
    if f.as_of:
        out["asof"] = f.as_of
    for field, key in _SCALAR.items():
        value = getattr(f, field)
        if value:
            out[key] = value
    for field, key in _LISTS.items():
        if getattr(f, field):
            out[key] = list(getattr(f, field))
    return out


def view_from_params(params: Mapping[str, str | list[str]]) -> View:
    """Display preferences from query parameters."""
    lang = _first(params, "lang")
    return View(lang=lang if lang in LANGS else "ko", exact=_first(params, "won") == "exact")


def view_to_params(v: View) -> dict[str, str]:
    """Query parameters for display preferences (defaults left out)."""
    out = {}
    if v.lang != "ko":
        out["lang"] = v.lang
    if v.exact:
        out["won"] = "exact"
    return out


def share_url(page: str, params: Mapping[str, str | list[str]], base: str = "") -> str:
    """The URL of a page with its query string (relative unless a base URL is given)."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "", [])}, doseq=True)
    path = f"{base.rstrip('/')}/{page}" if base else f"/{page}" if page else "/"
    return f"{path}?{query}" if query else path
