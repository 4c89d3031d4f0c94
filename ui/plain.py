"""Text that came from documents, shown as plain text: never as Markdown, chart markup or a link.

Streamlit renders titles, headers, captions, messages and link labels as Markdown (images, links,
colour directives, LaTeX), and plotly renders a subset of HTML in labels and hovers (`<a href>`,
`<b>`). A document title such as `![](http://host/x.png)` would make every visitor's browser fetch
that image. Every string from a document goes through `md()` before a Markdown element, through
`figure()` before a chart, and a URL through `web_url()` before a link.
"""

from __future__ import annotations

import html
import re
from typing import Any

import numpy as np

# CommonMark lets a backslash escape any ASCII punctuation; these are the ones that start markup
# (plus `:` for Streamlit's :color[…] and :material/…: directives and `$` for its LaTeX).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:=&\"'])")
_SPACE = re.compile(r"\s+")
_TRACE_TEXT = ("x", "y", "text", "hovertext", "labels", "customdata", "parents", "name", "legendgroup")


def md(value: object) -> str:
    """`value` as a one-line Markdown string that renders as exactly its characters."""
    return _MD_SPECIAL.sub(r"\\\1", _SPACE.sub(" ", str(value)).strip())


def chart_text(value: object) -> object:
    """A string for a plotly label or hover: tags shown as text (plotly turns entities back into characters)."""
    return html.escape(value, quote=False) if isinstance(value, str) else value


def _escaped(values: Any) -> Any:
    if isinstance(values, str):
        return chart_text(values)
    if isinstance(values, np.ndarray):
        if values.dtype != object:
            return values
        return np.vectorize(chart_text, otypes=[object])(values) if values.size else values
    if isinstance(values, list | tuple):
        return type(values)(_escaped(v) for v in values)
    return values


def figure(fig: Any) -> Any:
    """The figure with every string in its traces' labels, hovers and categories escaped for plotly."""
    for trace in fig.data:
        for attr in _TRACE_TEXT:
            if attr in trace and trace[attr] is not None:
                trace[attr] = _escaped(trace[attr])
    # A fixed category order must name the categories as the traces now spell them.
    fig.for_each_xaxis(_escape_categories)
    fig.for_each_yaxis(_escape_categories)
    return fig


def _escape_categories(axis: Any) -> None:
    if axis.categoryarray is not None:
        axis.categoryarray = _escaped(list(axis.categoryarray))


def web_url(value: object) -> str | None:
    """The URL if it is an http(s) address, else None (a `javascript:` or `file:` link is never offered)."""
    text = str(value).strip() if isinstance(value, str) else ""
    return text if re.match(r"(?i)https?://[^\s]+$", text) else None
