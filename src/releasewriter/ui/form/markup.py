"""Between the stored inline markup and a QTextDocument, both ways.

The body editor shows bold, italic and links as formatting; what is stored is
the markup of :mod:`releasewriter.model.inline`, one paragraph per block.
Pasted HTML (from Word, Outlook or a web page) keeps only bold, italic, links
and paragraph breaks.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from releasewriter.model.inline import block_markup, escape_markup, parse_inline, safe_href

# Between the cells of a pasted table row: tabs would not survive as text.
CELL_SEPARATOR = " | "


def block_paragraph(block: QTextBlock) -> str:
    """The markup of one block."""
    fragments = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            fmt = fragment.charFormat()
            href = fmt.anchorHref() if fmt.isAnchor() else ""
            fragments.append(
                (
                    fragment.text().replace("\u2028", "\n"),
                    fmt.fontWeight() >= QFont.Weight.Bold,
                    fmt.fontItalic(),
                    href,
                )
            )
        iterator += 1
    return block_markup(fragments)


def document_paragraphs(document: QTextDocument) -> list[str]:
    """The markup of every block of the document, in order."""
    paragraphs = []
    block = document.begin()
    while block.isValid():
        paragraphs.append(block_paragraph(block))
        block = block.next()
    return paragraphs


def char_format(bold: bool, italic: bool, href: str | None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setFontItalic(italic)
    if href:
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setFontUnderline(True)
    else:
        fmt.setAnchor(False)
        fmt.setAnchorHref("")
        fmt.setFontUnderline(False)
    return fmt


def fill_document(document: QTextDocument, paragraphs: list[str]) -> None:
    """Replace the document's content with formatted paragraphs."""
    document.clear()
    cursor = QTextCursor(document)
    # Space between paragraphs, as in the release; new blocks inherit it.
    spaced = QTextBlockFormat()
    spaced.setBottomMargin(6)
    cursor.setBlockFormat(spaced)
    for index, paragraph in enumerate(paragraphs):
        if index:
            cursor.insertBlock(spaced)
        for span in parse_inline(paragraph):
            cursor.insertText(span.text, char_format(span.bold, span.italic, span.href))
    cursor.setCharFormat(char_format(False, False, None))


class _PastedHtml(HTMLParser):
    """Keeps bold, italic, links and paragraph breaks of pasted HTML; drops the rest."""

    _BLOCKS = frozenset(
        {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "table"}
    )
    _CELLS = frozenset({"td", "th"})
    _SKIP = frozenset({"style", "script", "head", "title", "xml"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[tuple[str, bool, bool, str]]] = [[]]
        # Open inline elements with what each switched on: (tag, bold, italic, href).
        self.open: list[tuple[str, bool, bool, str | None]] = []
        self.skip = 0
        # A table row is one paragraph, its cells separated by CELL_SEPARATOR;
        # the paragraphs Word puts inside each cell must not split the row.
        self.cells = 0
        self.in_cell = 0
        self.separators = 0

    def _break(self) -> None:
        if self.paragraphs[-1]:
            self.paragraphs.append([])

    def _cell(self, tag: str, start: bool) -> None:
        if tag == "tr" and start:
            self.cells = self.separators = 0
        elif tag in self._CELLS and start:
            self.in_cell += 1
            if self.cells:
                self.separators += 1
            self.cells += 1
        elif tag in self._CELLS:
            self.in_cell = max(0, self.in_cell - 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        style = (attributes.get("style") or "").replace(" ", "").lower()
        if tag in self._SKIP:
            self.skip += 1
            return
        self._cell(tag, start=True)
        if tag in self._BLOCKS:
            if tag in ("tr", "table") or not self.in_cell:
                self._break()
            return
        if tag == "br":
            self.paragraphs[-1].append((" " if self.in_cell else "\n", False, False, ""))
            return
        bold = tag in ("b", "strong") or "font-weight:bold" in style or "font-weight:700" in style
        italic = tag in ("i", "em") or "font-style:italic" in style
        href = (safe_href(attributes.get("href") or "") or "") if tag == "a" else None
        if tag not in ("img", "hr", "meta", "link", "input", "col"):
            self.open.append((tag, bold, italic, href))

    def handle_endtag(self, tag: str) -> None:
        self._cell(tag, start=False)
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCKS and (tag in ("tr", "table") or not self.in_cell):
            self._break()
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        text = re.sub(r"\s+", " ", data)
        if self.separators and text.strip():
            row = self.paragraphs[-1]
            if row:
                row[-1] = (row[-1][0].rstrip(), *row[-1][1:])
                row.append((" |" * (self.separators - 1) + CELL_SEPARATOR, False, False, ""))
            self.separators = 0
            text = text.lstrip()
        if text.strip() or (self.paragraphs[-1] and text):
            bold = any(o[1] for o in self.open)
            italic = any(o[2] for o in self.open)
            hrefs = [o[3] for o in self.open if o[3] is not None]
            self.paragraphs[-1].append((text, bold, italic, hrefs[-1] if hrefs else ""))


def paragraphs_from_html(html: str) -> list[str]:
    parser = _PastedHtml()
    parser.feed(html)
    parser.close()
    result = []
    for fragments in parser.paragraphs:
        if fragments and fragments[0][0].startswith(" "):
            first = fragments[0]
            fragments[0] = (first[0].lstrip(), *first[1:])
        markup = block_markup(fragments).strip()
        if markup:
            result.append(markup)
    return result


def paragraphs_from_text(text: str) -> list[str]:
    """Plain pasted text: a blank line or a line break starts a paragraph.

    Tabs separate the cells of a table copied as text (a spreadsheet): each
    row stays one paragraph, its cells separated so they still read apart.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    rows = [CELL_SEPARATOR.join(c.strip() for c in line.strip().split("\t")) for line in lines]
    return [escape_markup(row.strip()) for row in rows if row.strip()]
