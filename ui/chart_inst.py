"""Institution charts: the ranking by programs, institutions and programs per type, partner countries (every
bar carries the key of the facts behind it, ui/figures.pick_key), and co-participation as a heatmap. No SQL,
no streamlit (ui/charts.py re-exports them)."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ui.figures import PALETTE, clickable, empty_chart, legend, local_names, look, pick_key, shorts, tips
from ui.i18n import code, column, t


def ranking_chart(df: pd.DataFrame, *, lang: str = "ko") -> alt.Chart:
    """Institutions as horizontal bars by the programs they take part in, coloured by type (no money: no fact
    assigns an amount to an institution)."""
    if df.empty:
        return empty_chart(lang)
    full = [str(n) for n in local_names(df, "institution", lang)]
    data = pd.DataFrame(
        {
            "institution": shorts(full, 40),
            "full": full,
            "type_label": [code(v, lang) for v in df["type"]],
            "n_programs": df["n_programs"].astype(int).to_numpy(),
            "n_documents": df["n_documents"].astype(int).to_numpy(),
            "key": [pick_key("i", i) for i in df["institution_id"]],
        }
    )
    types = list(dict.fromkeys(data["type_label"]))
    colours = alt.Scale(domain=types, range=[PALETTE[i % len(PALETTE)] for i in range(len(types))])
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                "n_programs:Q", title=t("programs_axis", lang), axis=alt.Axis(format=",d", tickMinStep=1)
            ),
            y=alt.Y("institution:N", sort=list(data["institution"]), title=None),
            color=alt.Color("type_label:N", scale=colours, legend=legend(len(types))),
            tooltip=[
                *tips(full=column("institution", lang), type_label=column("type", lang)),
                alt.Tooltip("n_programs:Q", title=t("programs_axis", lang), format=",d"),
                alt.Tooltip("n_documents:Q", title=column("n_documents", lang), format=",d"),
            ],
        )
    )
    return look(clickable(chart), height=max(300, 24 * len(data) + 80))


def _grouped(
    labels: list[str], counts: dict[str, pd.Series], keys: list[str], *, what: str, lang: str
) -> alt.Chart:
    """Side-by-side bars: for each label, one bar per count (its name from ui/i18n columns)."""
    names = [column(c, lang) for c in counts]
    data = pd.DataFrame(
        [
            {"label": lab, "measure": column(c, lang), "n": int(v), "key": k}
            for c, values in counts.items()
            for lab, v, k in zip(labels, values, keys, strict=True)
        ]
    )
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("label:N", sort=list(dict.fromkeys(labels)), title=None, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("measure:N", sort=names),
            y=alt.Y("n:Q", title=t("count", lang), axis=alt.Axis(format=",d", tickMinStep=1)),
            color=alt.Color(
                "measure:N",
                scale=alt.Scale(domain=names, range=list(PALETTE[: len(names)])),
                legend=alt.Legend(title=None, orient="top"),
            ),
            tooltip=[
                alt.Tooltip("label:N", title=what),
                alt.Tooltip("measure:N", title=" "),
                alt.Tooltip("n:Q", title=t("count", lang), format=",d"),
            ],
        )
    )
    return look(clickable(chart))


def types_chart(df: pd.DataFrame, *, lang: str = "ko") -> alt.Chart:
    """Institutions and programs per institution type."""
    if df.empty:
        return empty_chart(lang)
    return _grouped(
        [code(v, lang) for v in df["type"]],
        {c: df[c] for c in ("n_institutions", "n_programs")},
        [pick_key("t", v) for v in df["type"]],
        what=column("type", lang),
        lang=lang,
    )


def partners_chart(df: pd.DataFrame, *, lang: str = "ko") -> alt.Chart:
    """Foreign partner countries: programs naming them and their institutions taking part."""
    if df.empty:
        return empty_chart(lang)
    label = df["country_ko"] if lang == "ko" else df["country_en"]
    return _grouped(
        [str(v) for v in label],
        {c: df[c] for c in ("n_programs", "n_institutions")},
        [pick_key("c", c) for c in df["iso2"]],
        what=t("country", lang),
        lang=lang,
    )


def coparticipation_heatmap(df: pd.DataFrame, *, lang: str = "ko") -> alt.Chart:
    """Programs shared by each pair of institutions, busiest first.

    The diagonal (an institution's own count) is left blank: it dwarfed every shared count and washed the
    map out; the hover still tells it. A click on a cell opens the sentences naming the two institutions in the
    programs they share.
    """
    if df.empty:
        return empty_chart(lang)
    grid = df.pivot_table(index="institution_a", columns="institution_b", values="n_programs", fill_value=0)
    order = grid.max(axis=1).sort_values(ascending=False).index
    grid = grid.loc[order, order]
    shared = grid.to_numpy().astype("float64")
    np.fill_diagonal(shared, np.nan)
    shown = _pair_names(df, lang)
    names = [shown.get(n, n) for n in grid.index]
    # Axis labels are short (English names run to 60 characters); the hover names both in full.
    across, down = shorts(names, 16), shorts(names, 32)
    ids = dict(zip(df["institution_a"], df.get("institution_a_id", df["institution_a"]), strict=True))
    keys = [ids[n] for n in grid.index]  # a cell opens both institutions' facts in their shared programs
    cells = [
        {"a": down[i], "b": across[j], "n": None if np.isnan(shared[i, j]) else shared[i, j],
         "full": f"{a}: {n:.0f}" if i == j else f"{a} × {b}: {n:.0f}", "key": pick_key("ii", keys[i], keys[j])}
        for i, (a, row) in enumerate(zip(names, grid.to_numpy(), strict=True))
        for j, (b, n) in enumerate(zip(names, row, strict=True))
    ]  # fmt: skip
    chart = (
        alt.Chart(pd.DataFrame(cells))
        .mark_rect()
        .encode(
            x=alt.X("b:N", sort=across, title=None, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("a:N", sort=down, title=None),
            color=alt.Color(
                "n:Q", scale=alt.Scale(scheme="blues"), legend=alt.Legend(title=t("programs_axis", lang))
            ),
            tooltip=[alt.Tooltip("full:N", title=t("coparticipation", lang))],
        )
    )
    return look(clickable(chart), height=max(360, 24 * len(grid) + 40))


def _pair_names(df: pd.DataFrame, lang: str) -> dict[str, str]:
    """Institution name → the name to show (English where known, in English)."""
    if lang != "en" or "institution_a_en" not in df:
        return {}
    en = df.dropna(subset=["institution_a_en"])
    return dict(zip(en["institution_a"], en["institution_a_en"], strict=True))
