"""Query results as tables for people: which columns show, their headers, and cells ready to display.

No streamlit here (ui/widgets.py draws the table), so every rule is tested on plain frames:
- internal columns (ids, offsets, coordinates, file paths) never show;
- every shown column has a header in the reader's language (ui/i18n.COLUMNS);
- codes become words, won becomes 946억원 / 94.6 billion won, years have no decimals;
- a missing value stays missing (None/NA): the table draws it as an empty cell, never as "None" or "NaN";
- names come in the reader's language where an English name is known;
- evidence sentences are shortened to a few lines (the whole sentence is one click away).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import pandas as pd

from etl.extract.places import facility_name_en
from etl.romanize import english_label
from ui import fmt
from ui.i18n import code, column

HIDDEN = frozenset(
    {
        "program_id",
        "institution_id",
        "document_id",
        "budget_id",
        "norm_key",
        "iso2",
        "source",
        "ev_start",
        "ev_end",
        "currency",  # the 'as written' column already says USD or won
    }
)
CODE_COLUMNS = (
    "kind",
    "type",
    "role",
    "status",
    "lang",
    "detail",
    "fact",
    "state",
    "check_kind",
    "precision",
)
YEAR_COLUMNS = ("fiscal_year", "start_year", "end_year", "year")
LANG_ONLY = {"country_ko": "ko", "country_en": "en"}  # a column shown only in that language
EVIDENCE_UNITS = 140  # about three lines of a 400 px column (a Hangul syllable counts 2, Latin 1)


def _missing(value: object) -> bool:
    return not fmt.present(value)


def _width(ch: str) -> int:
    return 2 if ord(ch) >= 0x1100 else 1  # Hangul, CJK and full-width forms take two columns


def shorten(text: object, units: int = EVIDENCE_UNITS) -> object:
    """Text cut at about `units` display columns (Hangul counts double) with an ellipsis; missing stays missing."""
    if _missing(text):
        return None
    s = " ".join(str(text).split())  # line breaks inside a sentence would waste a table row
    used = 0
    for i, ch in enumerate(s):
        used += _width(ch)
        if used > units:
            cut = s[:i].rstrip()
            space = cut.rfind(" ")
            return (cut[:space] if space > len(cut) * 0.7 else cut).rstrip(" ,.·") + "…"
    return s


def role_counts(value: object, lang: str) -> str:
    """`lead:2 participant:5` (institution_ranking's roles) as words: `주관 2 · 참여 5`."""
    pairs = [p.partition(":") for p in str(value).split()]
    return " · ".join(f"{code(role, lang)} {n}" for role, _, n in pairs)


def _years(values: pd.Series) -> pd.Series:
    """Year-like numbers as whole numbers (2025, not 2025.0), missing kept as NA."""
    return pd.to_numeric(values, errors="coerce").round().astype("Int64")


def localize_names(df: pd.DataFrame, lang: str, english: Mapping[str, Mapping[str, str]]) -> pd.DataFrame:
    """In English, program and institution names become their English names where one is known (by id, by
    the stored name, or from the frame's own name_en), else a Korean name its marked machine romanisation
    (etl/romanize.py); so do facility names (frames with norm_key), by the English name the gazetteer gives the
    facility (etl/extract/places.py facility_name_en).

    A frame that carries `name_en` (program or institution tables) shows the Korean name beside it instead.
    """
    if lang != "en":
        if "name_en" in df and "program" in df:  # an English-named program shows its name once
            return df.assign(name_en=df["name_en"].where(df["name_en"] != df["program"], None))
        return df
    out = df.copy()
    for name_col, id_col in (("program", "program_id"), ("institution", "institution_id")):
        if name_col not in out:
            continue
        stored = out[name_col]
        en = pd.Series([None] * len(out), index=out.index, dtype="object")
        if "name_en" in out:
            en = out.pop("name_en").astype("object")
        elif id_col in out and english.get(id_col):
            en = out[id_col].map(english[id_col]).astype("object")
        elif english.get(name_col):  # a list with the name only: its English name by the stored name
            en = stored.map(english[name_col]).astype("object")
        out[name_col] = [english_label(e, k) for e, k in zip(en, stored, strict=True)]
        if "name_en" in df and "name_ko" not in out:
            # The stored (Korean) name beside the English one, where they differ.
            out.insert(
                list(df.columns).index("name_en"), "name_ko", stored.where(stored != out[name_col], None)
            )
    if "norm_key" in out and "name" in out:  # facilities: the gazetteer's English name, else a romanisation
        english_sites = [facility_name_en(k) for k in out["norm_key"]]
        out["name"] = [english_label(e, n) for e, n in zip(english_sites, out["name"], strict=True)]
    return out


def local_names(df: pd.DataFrame, col: str, lang: str, en_col: str = "name_en") -> pd.Series:
    """A name column in the reader's language: in English the English name where one is known, else a Korean
    name as a marked machine romanisation (etl/romanize.py)."""
    if lang != "en":
        return df[col]
    english = df[en_col] if en_col in df else pd.Series([None] * len(df), index=df.index)
    return pd.Series([english_label(e, k) for e, k in zip(english, df[col], strict=True)], index=df.index)


def display_names(
    df: pd.DataFrame, id_col: str, name_col: str, lang: str, en_col: str = "name_en"
) -> dict[str, str]:
    """id → the name a reader sees (local_names)."""
    return dict(zip(df[id_col], local_names(df, name_col, lang, en_col), strict=True))


def document_labels(docs: pd.DataFrame, lang: str) -> dict[str, str]:
    """Document id → `date · title` for a picker; an undated or untitled document still gets a label."""
    return {
        row.document_id: " · ".join(
            (fmt.day(row.published_on, lang=lang), str(row.title if fmt.present(row.title) else row.source))
        )
        for row in docs.itertuples()
    }


def _period(df: pd.DataFrame) -> pd.DataFrame:
    """start_year and end_year as one 'period' column (2024–2028), in start_year's place."""
    if not {"start_year", "end_year"} <= set(df.columns):
        return df
    text = [
        None if _missing(s) else fmt.period(s, e)
        for s, e in zip(df["start_year"], df["end_year"], strict=True)
    ]
    out = df.drop(columns=["end_year"]).rename(columns={"start_year": "period"})
    out["period"] = pd.Series(text, index=df.index, dtype="object")
    return out


def _is_dates(values: pd.Series) -> bool:
    if pd.api.types.is_datetime64_any_dtype(values):
        return True
    first = next((v for v in values if fmt.present(v)), None)
    return isinstance(first, datetime.date)


def calendar_dates(values: pd.Series) -> list[str | None]:
    """Dates as `YYYY-MM-DD` text: a calendar date, which no browser time zone can move to the day before
    (a date sent as a date is a UTC midnight that a browser west of Greenwich shows as the previous day)."""
    return [None if _missing(v) else pd.Timestamp(v).strftime("%Y-%m-%d") for v in values]


def shown_columns(columns: list[str], lang: str, hide: tuple[str, ...] = ()) -> list[str]:
    """The columns a reader sees, in order: no internal ids, one language's country name."""
    return [c for c in columns if c not in HIDDEN and c not in hide and LANG_ONLY.get(c, lang) == lang]


def display_frame(
    df: pd.DataFrame,
    *,
    lang: str = "ko",
    exact: bool = False,
    money: tuple[str, ...] = (),
    hide: tuple[str, ...] = (),
    english: Mapping[str, Mapping[str, str]] | None = None,
    countries: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The shown columns with display-ready cells (column keys unchanged; headers come from `headers`).

    english: {"program_id": {id: English name}, "institution_id": {...}}; countries: ISO code → name.
    """
    out = _period(localize_names(df, lang, english or {})).copy()  # never change the caller's frame
    for col in out.columns:
        if col in money:
            out[col] = [None if _missing(v) else fmt.won(v, lang=lang, exact=exact) for v in out[col]]
        elif col in CODE_COLUMNS:
            out[col] = [None if _missing(v) else code(v, lang) for v in out[col]]
        elif col in YEAR_COLUMNS:
            out[col] = _years(out[col])
        elif col == "country" and countries:
            out[col] = [None if _missing(v) else countries.get(str(v), v) for v in out[col]]
        elif col == "evidence":
            out[col] = [shorten(v) for v in out[col]]
        elif col == "roles":
            out[col] = [None if _missing(v) else role_counts(v, lang) for v in out[col]]
        elif _is_dates(out[col]):
            out[col] = calendar_dates(out[col])
    for col in out.columns:
        if pd.api.types.is_object_dtype(out[col]) or pd.api.types.is_string_dtype(out[col]):
            # NaN, NA and "" in text columns all become None: one kind of missing, drawn as an empty cell.
            out[col] = pd.Series(
                [v if fmt.present(v) else None for v in out[col]], index=out.index, dtype="object"
            )
    if "url" in out and out["url"].isna().all():  # most documents are files: no column of blanks
        hide = (*hide, "url")
    return out[_fact_order(shown_columns(list(out.columns), lang, hide), money)]


def _fact_order(columns: list[str], money: tuple[str, ...]) -> list[str]:
    """The evidence before bookkeeping columns (counts, review state, fact id), and in money tables before the
    document's title (the link opens the document): a wide table then shows the sentence behind each fact without scrolling sideways."""
    if "evidence" not in columns:
        return columns
    late = ("n_mentions", "last_published", *(("title", "url") if money else ()), "state", "fact_id")
    late = [c for c in late if c in columns]  # a fact's review state and id (to review it) come last
    return [c for c in columns if c not in late] + late


def headers(columns: list[str], lang: str) -> dict[str, str]:
    """Each column's header in the reader's language."""
    return {c: column(c, lang) for c in columns}


def export_frame(
    df: pd.DataFrame,
    *,
    lang: str = "ko",
    money: tuple[str, ...] = (),
    hide: tuple[str, ...] = (),
    english: Mapping[str, Mapping[str, str]] | None = None,
) -> pd.DataFrame:
    """The table for a CSV download: the shown columns under their headers, won as whole numbers, full evidence."""
    out = localize_names(df, lang, english or {}).copy()
    for col in out.columns:
        if col in CODE_COLUMNS:
            out[col] = [None if _missing(v) else code(v, lang) for v in out[col]]
        elif col == "roles":
            out[col] = [None if _missing(v) else role_counts(v, lang) for v in out[col]]
        elif col in YEAR_COLUMNS or col in money:
            out[col] = pd.to_numeric(out[col], errors="coerce").round().astype("Int64")
    out = out[shown_columns(list(out.columns), lang, hide)]
    unit = " (원)" if lang == "ko" else " (KRW)"
    return out.rename(columns={c: column(c, lang) + (unit if c in money else "") for c in out.columns})
