"""Text that came from documents, shown as plain text: never as Markdown, chart markup or a link.

Streamlit renders titles, headers, captions, messages and link labels as Markdown (images, links,
colour directives, LaTeX). A document title such as `![](http://host/x.png)` would make every visitor's
browser fetch that image. Every string from a document goes through `md()` before a Markdown element
and a URL through `web_url()` before a link. Charts need nothing: Vega-Lite draws labels as text and
Streamlit's tooltips escape what they show.
"""

from __future__ import annotations

import re

# CommonMark lets a backslash escape any ASCII punctuation; these are the ones that start markup
# (plus `:` for Streamlit's :color[…] and :material/…: directives and `$` for its LaTeX).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:=&\"'])")
_SPACE = re.compile(r"\s+")


def md(value: object) -> str:
    """`value` as a one-line Markdown string that renders as exactly its characters."""
    return _MD_SPECIAL.sub(r"\\\1", _SPACE.sub(" ", str(value)).strip())


def web_url(value: object) -> str | None:
    """The URL if it is an http(s) address, else None (a `javascript:` or `file:` link is never offered)."""
    text = str(value).strip() if isinstance(value, str) else ""
    return text if re.match(r"(?i)https?://[^\s]+$", text) else None
