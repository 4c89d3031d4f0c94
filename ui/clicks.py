"""Evidence from every number: the facts behind a clicked chart point, as cards with the figure marked in its
sentence (issue 13).

Every clickable chart (ui/charts.py) gives each point a `key` field (ui/figures.pick_key) naming what the point
stands for, and a point selection over it (ui/figures.pick); `picked` reads the keys of a selection event, `panel` shows their facts
(ui/evidence.evidence_facts). The cards are built by `cards_html`, plain and tested: every character that
comes from a document is escaped.
"""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from ui import data, fmt, plain, queries
from ui.figures import PICK
from ui.filters import Filters, View
from ui.highlight import Span, highlight_html
from ui.i18n import code, column, t

CARDS = 12  # facts shown per clicked point; the caption says how many there are in all
MAX_KEYS = 3  # points shown at once (a box or lasso selection may hold many)


def picked(event: Any) -> list[tuple[str, ...]]:
    """The keys of the points a Vega-Lite selection event holds (`selection[PICK]`: a list of the picked points'
    fields), in order, once each."""
    chosen = _get(_get(event, "selection"), PICK)
    keys: list[tuple[str, ...]] = []
    for point in chosen if isinstance(chosen, list | tuple) else []:
        key = _key(point.get("key")) if isinstance(point, dict) else None
        if key and key not in keys:
            keys.append(key)
    return keys


def _get(obj: Any, name: str) -> Any:
    """An item of the selection state (a dict, or an object with attributes)."""
    if isinstance(obj, dict):
        return obj.get(name)
    return None if obj is None else getattr(obj, name, None)


def _key(value: object) -> tuple[str, ...] | None:
    if not isinstance(value, str) or not value.startswith("["):
        return None
    try:
        parts = json.loads(value)
    except ValueError:
        return None
    return tuple(str(p) for p in parts) if isinstance(parts, list) and parts else None


def _mark(text: str, needle: object) -> list[Span]:
    """Where `needle` (the figure as written, a name) stands in the sentence, as a highlight span."""
    if not fmt.present(needle) or not str(needle):
        return []
    at = text.find(str(needle))
    return [Span(at, at + len(str(needle)), "budget", str(needle))] if at >= 0 else []


def _headline(row: pd.Series, lang: str, exact: bool) -> list[str]:
    """The first line of a card: what the fact says, in the reader's language."""
    if row["fact"] == "budget":
        amount = (
            fmt.won(row["amount_krw"], lang=lang, exact=exact) if fmt.present(row["amount_krw"]) else None
        )
        parts = [amount or str(row["unit_text"]), code(row["kind"], lang), code(row["role"], lang)]
        if fmt.present(row["fiscal_year"]):
            parts.append(f"{column('fiscal_year', lang)} {int(row['fiscal_year'])}")
        if fmt.present(row["state"]) and row["state"] != "machine":
            parts.append(code(row["state"], lang))
        return parts
    if row["fact"] == "document":
        return [str(row["label"]), code(row["detail"], lang)]
    detail = [code(row[c], lang) for c in ("role", "detail") if fmt.present(row[c])]
    return [_name(row, "label", lang), *detail]


def _name(row: pd.Series, col: str, lang: str) -> str:
    """A program's or institution's name in the reader's language (the English one where known)."""
    english = row.get(f"{col}_en")
    return str(english) if lang == "en" and fmt.present(english) else str(row[col])


def _where(row: pd.Series, lang: str) -> str:
    """The second line: program, date and the document (a link to it on the Sources page, and to its URL)."""
    params = {"doc": row["document_id"], **({"lang": "en"} if lang == "en" else {})}
    title = str(row["title"]) if fmt.present(row["title"]) else t("open_source", lang)
    bits = [html.escape(_name(row, "program", lang)) if fmt.present(row["program"]) else ""]
    bits.append(fmt.day(row["published_on"], lang=lang))
    bits.append(f'<a href="Sources?{html.escape(urlencode(params))}" target="_self">{html.escape(title)}</a>')
    if url := plain.web_url(row["url"]):
        bits.append(
            f'<a href="{html.escape(url)}" target="_blank" rel="noopener">{t("source_short", lang)}</a>'
        )
    return " · ".join(b for b in bits if b)


def cards_html(rows: pd.DataFrame, lang: str = "ko", exact: bool = False) -> str:
    """The facts as cards: what each says (amount, kind, role …), its program, date and document, and its
    evidence sentence with the figure (or name) marked. A fact the chart's value comes from is called out."""
    out = []
    for _, row in rows.iterrows():
        head = " · ".join(html.escape(p) for p in _headline(row, lang, exact) if p)
        if row["fact"] == "budget" and fmt.present(row["counted"]) and bool(row["counted"]):
            head += f' <span style="color:#08519c">✔ {html.escape(t("charted_figure", lang))}</span>'
        body = ""
        if fmt.present(row["evidence"]):
            text = str(row["evidence"])
            needle = row["unit_text"] if row["fact"] == "budget" else row["label"]
            body = highlight_html(text, _mark(text, needle))
        out.append(
            '<div class="ev-card" style="border-left:4px solid #ffe08a;padding:4px 12px;margin:6px 0">'
            f"<div><b>{head}</b></div><div style='font-size:0.85rem;color:#555'>{_where(row, lang)}</div>"
            f"{body}</div>"
        )
    return "".join(out)


def panel(keys: list[tuple[str, ...]], f: Filters, view: View) -> None:
    """The facts behind the clicked points (a hint when nothing is clicked)."""
    if not keys:
        st.caption(t("click_hint", view.lang))
        return
    for key in keys[:MAX_KEYS]:
        rows = data.load(queries.evidence_facts, f, key=key, limit=CARDS)
        if rows.empty:
            st.caption(t("nothing_here", view.lang))
            continue
        st.html(cards_html(rows, view.lang, view.exact))
        figures, shown = rows["n_figures"].iloc[0], int(rows["counted"].fillna(False).astype(bool).sum())
        if fmt.present(figures) and int(figures) > shown:  # a sum over many programs: its largest figures
            st.caption(t("more_figures", view.lang).format(shown=shown, total=int(figures)))
        elif int(rows["n_total"].iloc[0]) > len(rows):
            st.caption(t("more_facts", view.lang).format(shown=len(rows), total=int(rows["n_total"].iloc[0])))
