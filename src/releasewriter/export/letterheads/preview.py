"""The first page of a letterhead, roughly as an export prints it, as simple HTML.

Shown in the profile dialog before the letterhead is taken (in a
QTextBrowser, so: tables, block margins, inline styles; no positioning).
The page keeps its proportions and margins; the first page's header (the
"first page" header when the letterhead has one, else the default one)
with its text, pictures and text boxes; a few lines of sample text in the
letterhead's body font; and its footer, with page numbers shown as "1".
"""

from __future__ import annotations

import base64
import gettext
import html
from collections.abc import Iterator
from typing import Any

from releasewriter.export.letterheads.clean import NS_A
from releasewriter.export.letterheads.layout import R_ID, W, first_page
from releasewriter.export.letterheads.package import Package
from releasewriter.export.letterheads.validate import read_package

R_EMBED = R_ID.replace("}id", "}embed")
NS_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
PAGE_WIDTH_PX = 460
# Fields that count pages: on the first page of a one-page release they all read 1.
_PAGE_FIELDS = ("PAGE", "NUMPAGES", "SECTIONPAGES")
_ALIGN = {"center": "center", "right": "right", "end": "right", "both": "justify"}
_SAMPLE_LINES = 5


class _Part:
    """One header or footer part, turned into HTML at the page's scale."""

    def __init__(self, package: Package, name: str, scale: float) -> None:
        self.package = package
        self.name = name
        self.scale = scale  # pixels per twip
        self.images = package.rel_targets(name)

    def html(self) -> str:
        root = self.package.xml(self.name)
        return "".join(self.block(child) for child in root)

    def block(self, element: Any) -> str:
        if element.tag == W + "p":
            return self.paragraph(element)
        if element.tag == W + "tbl":
            return self.table(element)
        if element.tag == W + "sdt":
            content = element.find(W + "sdtContent")
            return "" if content is None else "".join(self.block(c) for c in content)
        return ""

    def table(self, table: Any) -> str:
        rows = []
        for row in table.iterchildren(W + "tr"):
            cells = []
            for cell in row.iterchildren(W + "tc"):
                width = cell.find(f"{W}tcPr/{W}tcW")
                attribute = ""
                if width is not None and width.get(W + "type", "dxa") == "dxa":
                    try:
                        attribute = f' width="{round(int(width.get(W + "w", "0")) * self.scale)}"'
                    except ValueError:
                        attribute = ""
                inner = "".join(self.block(c) for c in cell)
                cells.append(f'<td valign="top"{attribute}>{inner}</td>')
            rows.append(f"<tr>{''.join(cells)}</tr>")
        return f'<table cellspacing="0" cellpadding="0" width="100%">{"".join(rows)}</table>'

    def paragraph(self, p: Any) -> str:
        jc = p.find(f"{W}pPr/{W}jc")
        align = _ALIGN.get(jc.get(W + "val", "") if jc is not None else "", "left")
        inline, boxes = self.inline(p)
        content = inline or "&nbsp;"
        block = f'<p style="margin:0; text-align:{align}">{content}</p>'
        return block + "".join(boxes)

    def inline(self, p: Any) -> tuple[str, list[str]]:
        out: list[str] = []
        boxes: list[str] = []
        for text, run in self._texts(p, boxes):
            out.append(self._styled(text, run))
        return "".join(out), boxes

    def _texts(self, p: Any, boxes: list[str]) -> Iterator[tuple[str, Any]]:
        """(HTML, run) in reading order; the result of a page field reads "1"."""
        instruction: list[str] | None = None  # between a field's begin and separate
        in_page_result = False  # between a page field's separate and end
        for element in p.iter(W + "r", W + "fldSimple"):
            if element.tag == W + "fldSimple":
                if _is_page_field(element.get(W + "instr", "")):
                    yield "1", element.find(W + "r")
                continue
            if _paragraph_of(element) is not p:
                continue  # in a text box of this paragraph: shown after it
            parent = element.getparent()
            if parent.tag == W + "fldSimple" and _is_page_field(parent.get(W + "instr", "")):
                continue  # the old result, shown as "1" above
            for child in element:
                if child.tag == W + "fldChar":
                    kind = child.get(W + "fldCharType")
                    if kind == "begin":
                        instruction = []
                    elif kind == "separate" and instruction is not None:
                        if _is_page_field(" ".join(instruction)):
                            yield "1", element
                            in_page_result = True
                        instruction = None
                    elif kind == "end":
                        if instruction is not None and _is_page_field(" ".join(instruction)):
                            yield "1", element  # a field saved without its result
                        instruction = None
                        in_page_result = False
                elif instruction is not None:
                    if child.tag == W + "instrText":
                        instruction.append(child.text or "")
                elif in_page_result:
                    continue
                elif child.tag == W + "t":
                    yield html.escape(child.text or ""), element
                elif child.tag == W + "tab":
                    yield "&nbsp;&nbsp;&nbsp;&nbsp;", element
                elif child.tag in (W + "br", W + "cr"):
                    yield "<br>", element
                elif child.tag in (W + "drawing", W + "pict"):
                    yield self.picture(child), element
                    boxes.extend(
                        "".join(self.block(c) for c in box) for box in child.iter(W + "txbxContent")
                    )

    def picture(self, drawing: Any) -> str:
        blip = next(drawing.iter(f"{{{NS_A}}}blip"), None)
        target = self.images.get(blip.get(R_EMBED, "")) if blip is not None else None
        data = self.package.parts.get(target or "")
        if data is None:
            return ""
        media_type = self.package.content_type(target or "") or "image/png"
        extent = next(drawing.iter(f"{{{NS_WP}}}extent"), None)
        size = ""
        if extent is not None:
            try:
                # EMU: 635 to a twip.
                width = round(int(extent.get("cx", "0")) / 635 * self.scale)
                height = round(int(extent.get("cy", "0")) / 635 * self.scale)
                size = f' width="{max(width, 1)}" height="{max(height, 1)}"'
            except ValueError:
                size = ""
        encoded = base64.b64encode(data).decode("ascii")
        return f'<img src="data:{media_type};base64,{encoded}"{size}>'

    def _styled(self, text: str, run: Any) -> str:
        properties = None if run is None else run.find(W + "rPr")
        if properties is None or not text:
            return text
        styles = []
        if _on(properties.find(W + "b")):
            styles.append("font-weight:bold")
        if _on(properties.find(W + "i")):
            styles.append("font-style:italic")
        size = properties.find(W + "sz")
        if size is not None and size.get(W + "val", "").isdigit():
            # Half-points, at the page's scale (20 twips to a point).
            pixels = max(4, round(int(size.get(W + "val")) * 10 * self.scale))
            styles.append(f"font-size:{pixels}px")
        color = properties.find(W + "color")
        value = "" if color is None else color.get(W + "val", "")
        if len(value) == 6 and all(c in "0123456789abcdefABCDEF" for c in value):
            styles.append(f"color:#{value}")
        fonts = properties.find(W + "rFonts")
        if fonts is not None and fonts.get(W + "ascii"):
            styles.append(f"font-family:'{html.escape(fonts.get(W + 'ascii'))}'")
        if not styles:
            return text
        return f'<span style="{"; ".join(styles)}">{text}</span>'


def _paragraph_of(element: Any) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != W + "p":
        parent = parent.getparent()
    return parent


def _on(element: Any) -> bool:
    return element is not None and element.get(W + "val", "true") not in ("0", "false", "off")


def _is_page_field(instruction: str) -> bool:
    words = instruction.split()
    return bool(words) and words[0].upper() in _PAGE_FIELDS


def letterhead_preview_html(data: bytes, t: gettext.NullTranslations, sample_text: str) -> str:
    """The letterhead's first page with ``sample_text`` as its body, as one HTML page.

    Raises LetterheadRejected for a file that is not a letterhead.
    """
    package = read_package(data, "letterhead.docx", t)
    page = first_page(package)
    layout = page.layout
    scale = PAGE_WIDTH_PX / layout.width
    height = round(layout.height * scale)
    header = _Part(package, page.header, scale).html() if page.header else ""
    footer = _Part(package, page.footer, scale).html() if page.footer else ""
    font = f"font-family:'{html.escape(page.body_font)}'; " if page.body_font else ""
    font_px = max(6, round(11 * 20 * scale))
    body = "".join(
        f'<p style="{font}font-size:{font_px}px; margin:0 0 {font_px // 2}px 0">'
        f"{html.escape(sample_text)}</p>"
        for _ in range(_SAMPLE_LINES)
    )
    left, right = round(layout.left * scale), round(layout.right * scale)
    # Where the body starts and the footer sits; the header sits at its own distance.
    header_top = round(layout.header * scale)
    body_top = max(0, round((layout.top - layout.header) * scale) - _lines(header, font_px))
    body_height = _SAMPLE_LINES * font_px * 2
    footer_top = max(
        8, height - round(layout.top * scale) - body_height - round(layout.bottom * scale)
    )
    title = html.escape(t.gettext("Letterhead preview"))
    return (
        f"<html><head><title>{title}</title></head>"
        '<body style="background-color:#9a9a9a">'
        f'<table align="center" width="{PAGE_WIDTH_PX}" cellspacing="0" cellpadding="0" '
        'border="1" style="background-color:#ffffff; border-color:#777777">'
        f'<tr><td width="{PAGE_WIDTH_PX}" style="{font}background-color:#ffffff">'
        f'<div style="margin:{header_top}px {right}px 0 {left}px">{header}</div>'
        f'<div style="margin:{body_top}px {right}px 0 {left}px">{body}</div>'
        f'<div style="margin:{footer_top}px {right}px {round(layout.footer * scale)}px {left}px">'
        f"{footer}</div>"
        "</td></tr></table></body></html>"
    )


def _lines(fragment: str, line_px: int) -> int:
    """A rough height for a block of HTML: its paragraphs and pictures."""
    return fragment.count("<p ") * line_px
