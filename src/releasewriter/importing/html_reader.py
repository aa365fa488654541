"""A web page's (or a mail saved as HTML's) lines, with a guess at what is page chrome.

The page is parsed by libxml2's HTML parser, which neither loads nor fetches
anything: no DTD, no entity of a DOCTYPE's internal subset, no image, no
style sheet. Scripts, styles, embedded objects and form controls are
dropped before the text is read; so is what the page hides.

Chrome (navigation, share buttons, cookie banners…) is marked, not dropped:
the recogniser decides what to keep, so nothing of a page is lost by a wrong
guess here. When the page says where its content is (``<article>``,
``<main>``, ``role=main``) everything outside it is chrome.
"""

from __future__ import annotations

import codecs
import gettext
import re
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple
from urllib.parse import urljoin, urlsplit

from lxml import etree  # type: ignore[import-untyped]
from lxml import html as lxml_html

from releasewriter.importing.blocks import BlockKind, ImportRefused, SourceBlock
from releasewriter.importing.limits import MAX_HTML_BYTES, MAX_HTML_ELEMENTS, check_size
from releasewriter.importing.lines import Fragment, line_block
from releasewriter.importing.text_reader import decode_text
from releasewriter.model.inline import safe_href

__all__ = ["read_html"]

_DROPPED = {
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "button", "input", "select", "textarea", "head", "canvas", "video", "audio", "map",
}  # fmt: skip
_BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "li", "ul",
    "ol", "dl", "dt", "dd", "blockquote", "pre", "address", "figure", "figcaption", "center",
    "body", "html", "form", "fieldset", "details", "summary", "menu", "hr", "caption",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "tbody", "thead", "tfoot", "legend",
}  # fmt: skip
_CHROME_TAGS = {"nav", "aside"}
# Words in an id, class, role or aria-label that name a page's furniture.
_CHROME_WORDS = re.compile(
    r"(?:^|[\s_-])(?:menu|nav|navbar|navigation|breadcrumbs?|share|sharing|social|cookies?|"
    r"consent|related|sidebar|skip|skip-link|newsletter|subscribe|search|"
    r"complementary|contentinfo)(?:$|[\s_\d-])"
)
# A page's header and footer are chrome, an article's own are not (its headline).
_OUTER_WORDS = re.compile(r"(?:^|[\s_-])(?:header|footer|masthead|banner)(?:$|[\s_\d-])")
# Their classes describe the page's layout ("has-sidebar", "nav-open"), not chrome.
_NEVER_CHROME = {"html", "body", "article", "main"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*(?:italic|oblique)", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACES = re.compile(r"[ \t\n\r\f]+")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_PARAGRAPH = BlockKind.PARAGRAPH
# Outlook writes a list item's bullet or number as text before the item.
_MSO_BULLET = re.compile(r"^\s*(?:[·•o§▪\-–]|\(?\w{1,3}[.)])\s+")


class _Context(NamedTuple):
    bold: bool = False
    italic: bool = False
    href: str = ""
    chrome: bool = False
    main: bool = False  # inside <article>, <main> or role=main
    pre: bool = False
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0
    lists: int = 0
    mso_list: bool = False


@dataclass
class _Reader:
    base: str | None
    blocks: list[tuple[SourceBlock, bool]] = field(default_factory=list)  # with `main`
    line: list[Fragment] = field(default_factory=list)
    context: _Context = field(default_factory=_Context)
    has_main: bool = False

    def flush(self) -> None:
        if not self.line:
            return
        fragments, self.line = self.line, []
        if self.context.mso_list:
            fragments = _without_bullet(fragments)
        context = self.context
        block = line_block(fragments, context.kind, context.level, context.chrome)
        if block is not None:
            self.blocks.append((block, context.main))

    def text(self, text: str | None) -> None:
        if not text:
            return
        context = self.context
        if not context.pre:
            text = _SPACES.sub(" ", text)
            lines = [text]
        else:
            lines = text.split("\n")
        for number, piece in enumerate(lines):
            if number:
                self.flush()
            # White space between blocks starts no line (most text nodes of a page).
            if piece and (self.line or not piece.isspace()):
                self.line.append((piece, context.bold, context.italic, context.href))

    def walk(self, element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower().rpartition("}")[2].rpartition(":")[2]
        if tag in _DROPPED or _hidden(element, tag):
            return
        if tag == "br":
            self.flush()
        elif tag == "tr":
            self.flush()
            self._row(element)
        elif tag in ("td", "th"):  # a cell outside any row
            self._inside(element, tag, True)
        elif tag:
            self._inside(element, tag, tag in _BLOCKS)
        self.text(element.tail)

    def _inside(self, element: Any, tag: str, block: bool) -> None:
        outer = self.context
        if block:
            self.flush()
        self.context = self._context(element, tag, outer)
        self.text(element.text)
        for child in element:
            self.walk(child)
        if block:
            self.flush()
        self.context = outer

    def _context(self, element: Any, tag: str, outer: _Context) -> _Context:
        # One replace per element at most: a page of 20 MB has some 500,000.
        changes: dict[str, Any] = {}
        style = element.get("style") or ""
        heading = tag in _HEADINGS
        if tag in ("b", "strong", "th") or heading or (style and _BOLD_STYLE.search(style)):
            changes["bold"] = True
        if tag in ("i", "em", "cite") or (style and _ITALIC_STYLE.search(style)):
            changes["italic"] = True
        if heading:
            changes.update(kind=BlockKind.HEADING, level=int(tag[1]))
        elif tag in ("ul", "ol"):
            changes["lists"] = outer.lists + 1
        elif tag == "li":
            changes.update(kind=BlockKind.LIST_ITEM, level=max(outer.lists - 1, 0))
        elif tag in _BLOCKS and tag not in ("div", "section") and outer.kind is not _PARAGRAPH:
            changes.update(kind=BlockKind.PARAGRAPH, level=0)
        if tag == "p" and (element.get("class") or "").lower().startswith("msolistparagraph"):
            changes.update(kind=BlockKind.LIST_ITEM, mso_list=True)
        elif tag in _BLOCKS and outer.mso_list:
            changes["mso_list"] = False
        if tag == "pre":
            changes["pre"] = True
        if tag == "a" and element.get("href") is not None:
            changes["href"] = self._href(element.get("href") or "")
        role = (element.get("role") or "").lower()
        main = outer.main
        if tag in ("article", "main") or role == "main":
            self.has_main = True
            # The content a page names is content, even inside a "layout-sidebar" wrapper.
            changes.update(main=True, chrome=False)
        elif not outer.chrome and tag not in _NEVER_CHROME and _is_chrome(element, tag, role, main):
            changes["chrome"] = True
        return outer._replace(**changes) if changes else outer

    def _href(self, href: str) -> str:
        href = href.strip()
        if not urlsplit(href).scheme and self.base:
            href = urljoin(self.base, href)
        return _safe(href)

    def _row(self, tr: Any) -> None:
        cells: list[list[tuple[SourceBlock, bool]]] = []
        outer_blocks, outer_context = self.blocks, self.context
        self.context = outer_context._replace(kind=BlockKind.PARAGRAPH, level=0)
        for cell in tr:
            tag = cell.tag.lower() if isinstance(cell.tag, str) else ""
            if tag in ("td", "th") and not _hidden(cell, tag):
                self.blocks = []
                self._inside(cell, tag, True)
                cells.append(self.blocks)
        self.context, self.blocks = outer_context, outer_blocks
        every = [pair for cell in cells for pair in cell]
        filled = sum(1 for cell in cells if cell)
        # A layout table (a mail's frame, a page's columns; an <article> in a
        # cell): its cells' own lines, not one row of them.
        if (
            filled <= 1
            or any(len(cell) > 3 for cell in cells)
            or any(b.kind in (BlockKind.HEADING, BlockKind.TABLE_ROW) for b, _ in every)
            or any(main and not outer_context.main for _, main in every)
        ):
            self.blocks.extend(every)
            return
        texts = tuple("\n".join(b.text for b, _ in cell) for cell in cells)
        plains = ("\n".join(b.plain for b, _ in cell) for cell in cells)
        row = SourceBlock(
            text="\t".join(text.replace("\n", " ") for text in texts),
            plain="\t".join(plain.replace("\n", " ") for plain in plains),
            kind=BlockKind.TABLE_ROW,
            cells=texts,
            bold=all(b.bold for b, _ in every),
            chrome=all(b.chrome for b, _ in every),
        )
        self.blocks.append((row, outer_context.main))


def _without_bullet(fragments: list[Fragment]) -> list[Fragment]:
    """The line without the bullet Outlook writes as text (over a run or two)."""
    found = _MSO_BULLET.match("".join(text for text, *_ in fragments))
    cut = found.end() if found else 0
    kept: list[Fragment] = []
    for text, bold, italic, href in fragments:
        kept.append((text[cut:], bold, italic, href))
        cut = max(0, cut - len(text))
    return kept


def _safe(href: str) -> str:
    """A safe absolute link, else "" (a relative link has nothing to be relative to)."""
    return (safe_href(href) or "") if urlsplit(href).scheme else ""


def _hidden(element: Any, tag: str) -> bool:
    if element.get("hidden") is not None or (element.get("aria-hidden") or "") == "true":
        return tag not in ("html", "body")
    return bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def _is_chrome(element: Any, tag: str, role: str, main: bool) -> bool:
    if tag in _CHROME_TAGS or role in ("navigation", "search", "complementary"):
        return True
    words = " ".join(
        (element.get("id") or "", element.get("class") or "", element.get("aria-label") or "")
    ).lower()
    if role:
        words += " " + role
    if _CHROME_WORDS.search(words):
        return True
    if main:
        return False
    return (
        tag in ("header", "footer")
        or role in ("banner", "contentinfo")
        or bool(_OUTER_WORDS.search(words))
    )


def _encoding(data: bytes) -> str | None:
    """The encoding the page declares in its first bytes, if Python knows it."""
    head = data[:4096]
    found = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if found is None:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    # A page read byte by byte cannot be UTF-16 without a BOM (the HTML standard says UTF-8).
    return "utf-8" if name.startswith("utf-16") else name


def _drop_doctype(text: str) -> str:
    """The text without a DOCTYPE's internal subset (entity declarations) at its start.

    libxml2's HTML parser expands none of them, but it reads the subset as text.
    """
    start = text[:4096].upper().find("<!DOCTYPE")
    if start < 0:
        return text
    subset = text.find("[", start, text.find(">", start))
    if subset < 0:
        return text
    end = text.find("]>", subset)
    return text if end < 0 else text[:start] + text[end + 2 :]


def _parse(text: str) -> Any:
    parser = lxml_html.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=False,
        default_doctype=False,
    )
    try:
        return etree.fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except etree.ParserError:  # an empty document
        return None


def read_html(data: bytes, t: gettext.NullTranslations | None = None) -> list[SourceBlock]:
    """The lines of a web page or a mail saved as HTML, chrome marked."""
    t = t or gettext.NullTranslations()
    check_size(len(data), MAX_HTML_BYTES, t)
    text = _drop_doctype(decode_text(data, _encoding(data)))
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    root = _parse(text)
    if root is None:
        return []
    # Each element costs some microseconds to read: a page of a million tiny
    # elements is refused after parsing, before it is walked.
    if sum(1 for _ in root.iter()) > MAX_HTML_ELEMENTS:
        raise ImportRefused(t.gettext("The page has too many elements to be a press release."))
    base = None
    for element in root.iter("base"):
        href = (element.get("href") or "").strip()
        if urlsplit(href).scheme in ("http", "https") and urlsplit(href).netloc:
            base = href
        break
    # Forms hold controls (dropped above), but ASP.NET wraps a whole page in one.
    for form in list(root.iter("form")):
        if next(form.iter("p", "article", "main", "h1", "h2"), None) is None:
            form.drop_tree()
    reader = _Reader(base)
    reader.walk(root)
    reader.flush()
    if not reader.has_main:
        return [block for block, _ in reader.blocks]
    return [block if main else replace(block, chrome=True) for block, main in reader.blocks]
