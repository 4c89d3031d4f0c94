"""Put back the bullet lists of an article body that trafilatura left out.

When trafilatura finds no article container it recovers "wild" paragraphs only, never `<ul>`/`<ol>`
(trafilatura 2.3 `recover_wild_text` searches lists only in recall mode, which keeps teasers too), so
`<div class="article">…<p>내역은 다음과 같다.</p><ul><li>○○ 사업: 70억원</li></ul>` loses its items.
A list is put back only when it sits in the body: the block just before it is a line of the extracted
text, it is not inside page chrome (nav, aside, footer, header, related/share boxes) and its items are
not mostly links (menus and teaser lists are).
"""

from __future__ import annotations

import re

from lxml import etree

_CHROME_TAGS = frozenset({"nav", "aside", "footer", "header", "form"})
_CHROME_MARKS = re.compile(
    r"related|share|sns|social|banner|advert|recommend|popular|ranking|comment|reply|copyright|"
    r"menu|gnb|lnb|snb|nav|footer|header|sidebar|aside|(?<![a-z])(?:best|hot|most|tags?)(?![a-z])",
    re.I,
)
MAX_LINK_SHARE = 0.5  # a list whose text is more than half link text is navigation or teasers
MAX_ANCHOR_STEPS = 3  # how far back (siblings, then the parent's) to look for the block a list follows
MIN_ANCHOR_CHARS = 8  # a shorter block (a label, a date) could be found in an unrelated line


def restore_lists(tree: etree._Element, text: str) -> str:
    """`text` with the items of every body list it lacks inserted after the line the list follows."""
    lines = text.split("\n")
    for node in tree.iter("ul", "ol"):
        if _inside_list(node) or _in_chrome(node) or _link_heavy(node):
            continue
        items = [_squash(li.text_content()) for li in node.iter("li")]
        missing = [item for item in items if item and not any(item in _squash(line) for line in lines)]
        if not missing or len(missing) < len([i for i in items if i]):
            continue  # kept already (or partly): never duplicate
        at = _anchor_line(node, lines)
        if at is not None:
            lines[at + 1 : at + 1] = [f"- {item}" for item in missing]  # as trafilatura writes list items
    return "\n".join(lines)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _inside_list(node: etree._Element) -> bool:
    return any(a.tag in ("ul", "ol") for a in node.iterancestors())


def _in_chrome(node: etree._Element) -> bool:
    for el in (node, *node.iterancestors()):
        if not isinstance(el.tag, str) or el.tag in ("body", "html"):
            continue
        if el.tag in _CHROME_TAGS:
            return True
        marks = f"{el.get('class', '')} {el.get('id', '')}"
        if marks.strip() and _CHROME_MARKS.search(marks):
            return True
    return False


def _link_heavy(node: etree._Element) -> bool:
    total = len(_squash(node.text_content()))
    linked = sum(len(_squash(a.text_content())) for a in node.iter("a"))
    return total == 0 or linked > MAX_LINK_SHARE * total


def _anchor_line(node: etree._Element, lines: list[str]) -> int | None:
    """Index of the extracted line holding the text of the block the list follows, if any."""
    el: etree._Element | None = node
    for _ in range(MAX_ANCHOR_STEPS):
        prev = el.getprevious() if el is not None else None
        while prev is not None and not _squash(prev.text_content()):
            prev = prev.getprevious()
        if prev is not None:
            anchor = _squash(prev.text_content())
            if len(anchor) < MIN_ANCHOR_CHARS:
                return None
            return next((i for i, line in enumerate(lines) if anchor in _squash(line)), None)
        el = el.getparent() if el is not None else None
    return None
