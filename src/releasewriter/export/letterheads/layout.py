"""The first page of a letterhead as Word lays it out: page, margins, header, footer, font."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from releasewriter.export.letterheads.package import NS_R, NS_W, Package

W = f"{{{NS_W}}}"
R_ID = f"{{{NS_R}}}id"

# Word's defaults (A4 is the usual letterhead; Letter where Word's locale says so).
_A4 = (11906, 16838)
_MARGIN = 1440


@dataclass(frozen=True)
class PageLayout:
    """Sizes in twentieths of a point (twips), as Word stores them."""

    width: int = _A4[0]
    height: int = _A4[1]
    top: int = _MARGIN
    bottom: int = _MARGIN
    left: int = _MARGIN
    right: int = _MARGIN
    header: int = 708
    footer: int = 708

    def mm(self, twips: int) -> float:
        return round(twips * 25.4 / 1440, 1)


@dataclass(frozen=True)
class FirstPage:
    layout: PageLayout
    header: str | None  # zip name of the header part the first page shows
    footer: str | None
    body_font: str | None


def _int(element: Any, name: str, default: int) -> int:
    if element is None:
        return default
    value = element.get(W + name)
    try:
        return abs(int(float(value))) if value is not None else default
    except ValueError:
        return default


def _on(element: Any) -> bool:
    return element is not None and element.get(W + "val", "true") not in ("0", "false", "off")


def final_section(document: Any) -> Any:
    body = document.find(W + "body")
    if body is None:
        return None
    # The first page belongs to the first section: the first paragraph's, else the body's.
    for sect in body.iter(W + "sectPr"):
        return sect
    return None


def page_layout(sect: Any) -> PageLayout:
    size = None if sect is None else sect.find(W + "pgSz")
    margins = None if sect is None else sect.find(W + "pgMar")
    default = PageLayout()
    return PageLayout(
        width=_int(size, "w", default.width),
        height=_int(size, "h", default.height),
        top=_int(margins, "top", default.top),
        bottom=_int(margins, "bottom", default.bottom),
        left=_int(margins, "left", default.left),
        right=_int(margins, "right", default.right),
        header=_int(margins, "header", default.header),
        footer=_int(margins, "footer", default.footer),
    )


def _reference(package: Package, main: str, sect: Any, kind: str, first: bool) -> str | None:
    if sect is None:
        return None
    targets = package.rel_targets(main)
    found = {
        ref.get(W + "type", "default"): targets.get(ref.get(R_ID, ""))
        for ref in sect.iterchildren(W + f"{kind}Reference")
    }
    chosen = found.get("first") if first else found.get("default")
    return chosen if chosen in package.parts else None


def body_font(package: Package, main: str) -> str | None:
    """The font of the Normal style, else of the document defaults (a theme font is not named)."""
    styles = [n for n in package.related(main, _RT_STYLES) if n in package.parts]
    if not styles:
        return None
    root = package.xml(styles[0])
    candidates = [
        style.find(f"{W}rPr/{W}rFonts")
        for style in root.iterchildren(W + "style")
        if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true")
    ]
    candidates.append(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts"))
    for fonts in candidates:
        if fonts is not None and fonts.get(W + "ascii"):
            return str(fonts.get(W + "ascii"))
    return None


_RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"


def first_page(package: Package) -> FirstPage:
    main = package.main_part()
    if main is None:
        return FirstPage(PageLayout(), None, None, None)
    sect = final_section(package.xml(main))
    title_page = sect is not None and _on(sect.find(W + "titlePg"))
    return FirstPage(
        layout=page_layout(sect),
        header=_reference(package, main, sect, "header", title_page),
        footer=_reference(package, main, sect, "footer", title_page),
        body_font=body_font(package, main),
    )


def any_reference(package: Package, kind: str) -> bool:
    """Whether any section has a header (``kind`` "header") or footer with content."""
    main = package.main_part()
    if main is None:
        return False
    root = package.xml(main)
    targets = package.rel_targets(main)
    for ref in root.iter(W + f"{kind}Reference"):
        part = targets.get(ref.get(R_ID, ""))
        if part in package.parts and _has_content(package.xml(part)):
            return True
    return False


def _has_content(root: Any) -> bool:
    return any(t.text and t.text.strip() for t in root.iter(W + "t")) or any(
        True for _ in root.iter(W + "drawing", W + "pict")
    )
