"""HTML reader: charset sniffing, main-text extraction (content selector or trafilatura), title, date.

Nothing on a page is ever executed: lxml builds a tree (libxml2 caps nesting depth; on a page nested
deeper, the text before is kept and the input is reported with a warning, never cut short silently),
scripts/styles/embeds are dropped, and only text is kept.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
from datetime import date

import lxml.html
import trafilatura
from lxml import etree

from etl.extract.dates import find_published_date, labelled_date, marked_line
from etl.models import Document, RawDoc
from etl.parse import ParseError, make_document
from etl.parse.clean import clean_text
from etl.parse.html_lists import restore_lists
from etl.parse.html_tables import read_html_tables
from etl.parse.text import looks_binary, replaced_note

# Ordered: site-specific article containers first, the generic #content last.
CONTENT_SELECTORS = (
    "#articleBody",
    ".article_body",
    "#article-view-content-div",
    ".view_cont",
    "article",
    "#content",
)
# Trafilatura is superlinear on huge pages (10 MB of paragraphs took ~20 s); above this size
# (after dropping scripts/styles) only the linear selector/plain-text path is used.
TRAFILATURA_MAX_CHARS = 2_000_000
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
              "canvas", "button", "select", "textarea", "input", "head")  # fmt: skip
_CHROME_IN_CONTAINER = re.compile(
    r"related|share|sns|social|banner|advert|recommend|popular|ranking|comment|reply|copyright", re.I
)
_BLOCK_TAG_NAMES = (
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer blockquote pre "
    "figure figcaption dd dt dl hr address main aside nav form"
)
_BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split())
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CHARSET_ALIASES = {
    **dict.fromkeys(
        ("euc-kr", "euc_kr", "euckr", "ks_c_5601-1987", "ksc5601", "windows-949", "x-windows-949"), "cp949"
    ),
    **dict.fromkeys(("iso-8859-1", "latin1"), "cp1252"),
}
_WESTERN = frozenset({"cp1252", "latin-1", "iso8859-1", "ascii"})
_HANGUL = re.compile("[\uac00-\ud7a3]")
_DATE_META = (
    "article:published_time", "og:article:published_time", "article:published", "date", "pubdate",
    "publishdate", "publish-date", "dc.date", "dc.date.issued", "datepublished",
)  # fmt: skip
_DATE = re.compile(
    r"(?<!\d)(?:((?:19|20)\d{2})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})|((?:19|20)\d{2})(\d{2})(\d{2}))(?!\d)"
)
_BYLINE_XPATH = "|".join(
    f"//*[contains(translate(@{attr}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '{key}')]"
    for attr in ("class", "id")
    for key in ("byline", "writer", "reporter", "article-info", "info_date", "date", "time", "info")
)
# A standfirst under the headline (its lines often carry the key figures): class or id like sub-title.
_SUBTITLE_XPATH = "|".join(
    f"//*[contains(translate(@{attr}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-'), '{key}')]"
    for attr in ("class", "id")
    for key in ("sub-title", "subtitle", "sub-head", "subhead", "standfirst")
)
MAX_BYLINE = 120  # a reporter/date line; longer is a paragraph that may only mention a date
MAX_LINE_CHILDREN = 4  # a date line holds a few inline parts (a label, a separator, a time)
MAX_SUBTITLE_LINES = 5  # a standfirst is a few lines; more is a list of something else
MAX_DEPTH = 256  # libxml2's element nesting limit without XML_PARSE_HUGE (kept off: no unbounded recursion)
_TOO_DEEP = f"HTML nested deeper than {MAX_DEPTH} levels: the text after that point was not read"
_WORD = re.compile(r"[0-9A-Za-z\uac00-\ud7a3]{2,}")


def parse_html(raw: RawDoc) -> list[Document]:
    """One Document from an HTML page: main text (title line first), title, published date."""
    html = decode_html(raw.data, raw.meta.get("charset"))
    if looks_binary(html[:65536]):
        raise ParseError(raw.source, "not an HTML page (binary content)")
    tree, too_deep = _load_tree(html, raw.source)
    title = find_title(tree)
    published = find_published(tree)
    # A byline naming its reporter or labelling its date beats a bare date box (a header's "today").
    marked = find_byline(tree, marked=True)
    byline = marked or find_byline(tree)
    published = (
        published
        or (_byline_date(marked) if marked else None)
        or _labelled_line_date(tree)
        or (_byline_date(byline) if byline else None)
    )
    subtitle = find_subtitle(tree)
    canonical = find_canonical(tree)
    _prune(tree)
    tables = read_html_tables(tree)  # before main_text, which drops chrome boxes from the tree
    text = main_text(tree, title)
    if not text:
        raise ParseError(raw.source, "no text in HTML page" + (f" ({_TOO_DEEP})" if too_deep else ""))
    head = [line for line in (title, *subtitle, byline) if line and line not in text[:2000]]
    text = "\n\n".join([*head, text])
    notes = tuple(n for n in (replaced_note(html, raw.data), _TOO_DEEP if too_deep else None) if n)
    # A table outside the article text (a sidebar, a dropped chrome box) is not the page's table.
    kept = tuple(t for t in tables if t.row_pattern(t.n_rows - 1).search(text))
    return [
        make_document(
            raw.source,
            text,
            title=title,
            published_on=published,
            kind="html",
            url=raw.url or canonical,
            notes=notes,
            tables=kept,
        )
    ]


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Decode with the BOM, <meta> charset or HTTP charset; fall back to UTF-8, then CP949."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    found = _META_CHARSET.search(data[:8192])
    labelled = _codec(found.group(1).decode("ascii", "ignore") if found else None) or _codec(declared)
    if labelled in _WESTERN and (korean := _decode_korean(data)):
        return korean  # legacy Korean pages often carry a wrong iso-8859-1 label
    for codec in (labelled, "utf-8", "cp949"):
        try:
            # A page labelled UTF-8 but written in EUC-KR fails here and falls through.
            if codec:
                return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _decode_korean(data: bytes) -> str | None:
    for codec in ("utf-8", "cp949"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _HANGUL.search(text):
            return text
    return None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _load_tree(html: str, source: str) -> tuple[lxml.html.HtmlElement, bool]:
    """The page's tree, and whether libxml2 stopped at its depth limit (then the rest of the page is lost)."""
    # lxml refuses str input that carries an encoding declaration; drop the XML prolog.
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    parser = lxml.html.HTMLParser()
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(source, f"not an HTML page ({exc})") from exc
    # libxml2 stops at MAX_DEPTH and drops everything after; we keep what came before and say so
    return tree, any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log)


def find_title(tree: lxml.html.HtmlElement) -> str | None:
    """og:title, else <title> (without a trailing ' - Site' when <h1> matches), else <h1>."""
    og = tree.xpath("//meta[@property='og:title' or @name='og:title' or @name='twitter:title']/@content")
    if og and og[0].strip():
        return " ".join(og[0].split())
    h1s = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    h1 = next((h for h in h1s if h), None)
    titles = [" ".join(t.text_content().split()) for t in tree.iter("title")]
    title = next((t for t in titles if t), None)
    if title and h1 and title.startswith(h1):
        return h1
    return title or h1


def find_canonical(tree: lxml.html.HtmlElement) -> str | None:
    """The page's own address as it states it (a saved page read from a file): link rel=canonical, else og:url."""
    found = tree.xpath(
        "//link[@rel='canonical']/@href | //meta[@property='og:url' or @name='og:url']/@content"
    )
    return next((u.strip() for u in found if u.strip().startswith(("http://", "https://"))), None)


def find_published(tree: lxml.html.HtmlElement) -> date | None:
    """Publication date from meta tags, <time datetime>, or JSON-LD datePublished."""
    metas = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and meta.get("content") and key not in metas:
            metas[key] = meta.get("content")
    for key in _DATE_META:
        if key in metas and (found := parse_date(metas[key])):
            return found
    # A <time> in a sidebar, menu or footer dates another story.
    for attr in tree.xpath(
        "//time[@pubdate]/@datetime | //time[not(ancestor::aside|ancestor::nav|ancestor::footer)]/@datetime"
    ):
        if found := parse_date(attr):
            return found
    return _jsonld_date(tree)


def find_byline(tree: lxml.html.HtmlElement, marked: bool = False) -> str | None:
    """A short reporter/date line (class or id like byline, writer, date, info) holding a date; `marked`: one
    naming a reporter or labelling its date (기자, By, 입력, Posted), which a header's "today" box lacks."""
    for node in tree.xpath(_BYLINE_XPATH):
        text = " ".join(node.text_content().split())
        if 6 <= len(text) <= MAX_BYLINE and _byline_date(text) and (not marked or marked_line(text)):
            return text
    return None


def _byline_date(line: str) -> date | None:
    """A byline's date: numeric (2024.10.28) or as English sites write it (January 22, 2020; 19 Dec. 2025)."""
    return parse_date(line) or find_published_date(line)


def _labelled_line_date(tree: lxml.html.HtmlElement) -> date | None:
    """A date on a short line of the page labelled 입력/작성일/Posted/Published ("컴퓨팅 | 입력 :2022/02/23
    15:49"), wherever the page keeps it; a label makes it the page's own date, not one the story names."""
    for node in tree.iter("p", "span", "div", "li", "em", "dd", "time"):
        if len(node) > MAX_LINE_CHILDREN:
            continue  # a container, not a line: its text is read through its children
        text = " ".join(node.text_content().split())
        if 6 <= len(text) <= MAX_BYLINE and (found := labelled_date(text)):
            return found
    return None


def find_subtitle(tree: lxml.html.HtmlElement) -> list[str]:
    """The standfirst lines under the headline (each a short line of its own), outside the body text."""
    for node in tree.xpath(_SUBTITLE_XPATH):
        items = node.xpath(".//li") or [node]
        lines = [" ".join(item.text_content().split()) for item in items]
        lines = [line for line in lines if 4 <= len(line) <= 200]
        if 0 < len(lines) <= MAX_SUBTITLE_LINES:
            return lines
    return []


def _jsonld_date(tree: lxml.html.HtmlElement) -> date | None:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        if isinstance(data, dict):
            graph = data.get("@graph")
            items = [data, *(graph if isinstance(graph, list) else [])]
        else:
            items = data if isinstance(data, list) else []
        for item in items:
            if isinstance(item, dict) and (found := parse_date(str(item.get("datePublished", "")))):
                return found
    return None


def parse_date(value: str) -> date | None:
    """The first valid YYYY-MM-DD (also YYYY.MM.DD, YYYY년 M월 D일, YYYYMMDD) in a string, as written."""
    for m in _DATE.finditer(value or ""):
        y, mo, d = (
            (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        )
        try:
            return date(int(y), int(mo), int(d))
        except ValueError:
            continue
    return None


def _prune(tree: lxml.html.HtmlElement) -> None:
    """Drop scripts, styles, embeds, form controls and comments; keep the text around them."""
    nodes = tree.xpath("//comment() | //processing-instruction()") + list(tree.iter(*_DROP_TAGS))
    for node in nodes:
        if node.getparent() is not None:
            node.drop_tree()  # keeps node.tail in place


def main_text(tree: lxml.html.HtmlElement, title: str | None) -> str:
    """Cleaned article text: a content-selector match or trafilatura, whichever fits the title better."""
    by_selector = clean_text(_selector_text(tree))
    html = lxml.html.tostring(tree, encoding="unicode")
    by_trafilatura = (
        clean_text(restore_lists(tree, _trafilatura_text(html))) if len(html) <= TRAFILATURA_MAX_CHARS else ""
    )
    if not by_selector and not by_trafilatura:
        # No article container and nothing trafilatura accepts: fall back to the page's own text.
        return clean_text(element_text(tree.body if tree.find("body") is not None else tree))
    return _choose(by_selector, by_trafilatura, title)


def _choose(by_selector: str, by_trafilatura: str, title: str | None) -> str:
    # The content selector comes first (trafilatura can return a sidebar on <br>-text pages);
    # trafilatura wins only when the selector text misses the title's words that trafilatura
    # has, or when the selector caught a fragment much shorter than trafilatura's article.
    if not by_trafilatura or not by_selector:
        return by_selector or by_trafilatura
    words = set(_WORD.findall(title or ""))
    cover_sel = sum(w in by_selector for w in words) / len(words) if words else 1.0
    cover_tra = sum(w in by_trafilatura for w in words) / len(words) if words else 1.0
    if cover_tra > cover_sel + 0.25:
        return by_trafilatura
    if len(by_selector) < 0.5 * len(by_trafilatura) and cover_tra >= cover_sel:
        return by_trafilatura
    return by_selector


def _selector_text(tree: lxml.html.HtmlElement) -> str:
    for selector in CONTENT_SELECTORS:
        found = tree.xpath(_xpath(selector))
        if not found:
            continue
        # Listing pages wrap every teaser in <article>: take the container with the most text.
        best = max(found, key=lambda el: len(el.text_content()))
        for node in list(best.iter()):
            if node is not best and node.getparent() is not None and _is_chrome_box(node):
                node.drop_tree()
        text = element_text(best)
        if len(text.strip()) >= 80:
            return text
    return ""


def _xpath(selector: str) -> str:
    # The six selectors above are '#id', '.class' or 'tag' (cssselect is not installed).
    if selector.startswith("#"):
        return f"//*[@id='{selector[1:]}']"
    if selector.startswith("."):
        return f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {selector[1:]} ')]"
    return f"//{selector}"


def _is_chrome_box(node: etree._Element) -> bool:
    if not isinstance(node.tag, str):
        return False
    if node.tag in ("nav", "aside", "footer"):
        return True
    marks = f"{node.get('class', '')} {node.get('id', '')}"
    return bool(marks.strip()) and bool(_CHROME_IN_CONTAINER.search(marks))


def _trafilatura_text(html: str) -> str:
    # Its "discarding data" warnings would duplicate our own one-line ParseError.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    text = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    return text or ""


def element_text(root: etree._Element) -> str:
    """Text of an element with a line break around every block element and <br>."""
    parts: list[str] = []
    for event, node in etree.iterwalk(root, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if tag and node.text:
                parts.append(node.text)
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if node is not root and node.tail:
                parts.append(node.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(lines)
