"""Each held-out release as a person would have it: a Word file, a web page, a text file."""

from __future__ import annotations

import html
import re
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from tests.importing.heldout.chrome import CHROME
from tests.importing.heldout.model import C, Held

FORMATS = ("docx", "html", "txt")
_SPAN = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|\[(.+?)\]\((.+?)\)")
RTL = {"ar"}


def spans(text: str) -> list[tuple[str, str, str]]:
    """The inline markup as (text, "plain" | "bold" | "italic" | "link", url)."""
    out: list[tuple[str, str, str]] = []
    at = 0
    for match in _SPAN.finditer(text):
        if match.start() > at:
            out.append((text[at : match.start()], "plain", ""))
        if match.group(1) is not None:
            out.append((match.group(1), "bold", ""))
        elif match.group(2) is not None:
            out.append((match.group(2), "italic", ""))
        else:
            out.append((match.group(3), "link", match.group(4)))
        at = match.end()
    if at < len(text):
        out.append((text[at:], "plain", ""))
    return out


def plain(text: str, urls: bool = False) -> str:
    parts = []
    for part, kind, url in spans(text):
        parts.append(f"{part} ({url})" if kind == "link" and urls else part)
    return "".join(parts)


def body_texts(held: Held) -> list[str]:
    """The body's paragraphs and quotes as written, the dateline before the first."""
    out: list[str] = []
    for item in held.body:
        text = item if isinstance(item, str) else item.written()
        if not out:
            joiner = "" if held.dateline.endswith(" ") or held.lang == "zh" else " "
            text = held.dateline + joiner + text
        out.append(text)
    return out


def _label(label: str, value: str) -> str:
    return label + value if label.endswith(("：", ":\u00a0")) else f"{label} {value}"


def contact_lines(held: Held, contact: C) -> list[str]:
    if held.contact_style == "oneline":
        comma = {"zh": "，", "ar": "، "}.get(held.lang, ", ")
        return [
            comma.join(p for p in (contact.name, contact.role, contact.email, contact.phone) if p)
        ]
    lines = [contact.name]
    if contact.role:
        lines.append(contact.role)
    if contact.email:
        lines.append(_label(held.labels[0], contact.email))
    if contact.phone:
        lines.append(_label(held.labels[1], contact.phone))
    return lines


def contact_cells(contact: C) -> list[str]:
    return [contact.name, contact.role, contact.email, contact.phone]


# -- Word ---------------------------------------------------------------------------


def _add_link(paragraph: DocxParagraph, label: str, url: str) -> None:
    part = paragraph.part
    rel = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = label
    text.set(qn("xml:space"), "preserve")
    run.append(text)
    link.append(run)
    paragraph._p.append(link)


def _docx_paragraph(document: docx.document.Document, text: str, bold: bool = False) -> None:
    paragraph = document.add_paragraph()
    for part, kind, url in spans(text):
        if kind == "link":
            _add_link(paragraph, part, url)
            continue
        run = paragraph.add_run(part)
        run.bold = bold or kind == "bold"
        run.italic = kind == "italic"


def write_docx(held: Held, path: Path) -> None:
    document = docx.Document()
    if held.letterhead:
        letterhead = document.add_paragraph()
        letterhead.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        letterhead.add_run(held.letterhead).font.size = Pt(9)
    for line in held.top:
        _docx_paragraph(document, line, bold=True)
    if held.title_style:
        document.add_paragraph(held.headline, style="Title")
    else:
        run = document.add_paragraph().add_run(held.headline)
        run.bold = True
        run.font.size = Pt(16)
    if held.subheadline:
        document.add_paragraph().add_run(held.subheadline).italic = True
    for text in body_texts(held):
        _docx_paragraph(document, text)
    if held.end and not held.end_after_contacts:
        document.add_paragraph(held.end).alignment = WD_ALIGN_PARAGRAPH.CENTER
    if held.contacts_heading:
        _docx_paragraph(document, held.contacts_heading, bold=True)
    if held.contact_style == "table":
        table = document.add_table(rows=0, cols=4)
        table.style = "Table Grid"
        for contact in held.contacts:
            cells = table.add_row().cells
            for cell, value in zip(cells, contact_cells(contact), strict=True):
                cell.text = value
    else:
        for contact in held.contacts:
            for line in contact_lines(held, contact):
                document.add_paragraph(line)
    if held.end and held.end_after_contacts:
        document.add_paragraph(held.end).alignment = WD_ALIGN_PARAGRAPH.CENTER
    if held.notes_heading:
        _docx_paragraph(document, held.notes_heading, bold=True)
    for note in held.notes:
        _docx_paragraph(document, note)
    document.save(str(path))


# -- Web page -----------------------------------------------------------------------


def _inline_html(text: str) -> str:
    out = []
    for part, kind, url in spans(text):
        escaped = html.escape(part)
        if kind == "bold":
            out.append(f"<strong>{escaped}</strong>")
        elif kind == "italic":
            out.append(f"<em>{escaped}</em>")
        elif kind == "link":
            out.append(f'<a href="{html.escape(url)}">{escaped}</a>')
        else:
            out.append(escaped)
    return "".join(out)


def _release_html(held: Held) -> list[str]:
    out = [f'<p class="label">{html.escape(line)}</p>' for line in held.top]
    out.append(f"<h1>{html.escape(held.headline)}</h1>")
    if held.subheadline:
        out.append(f'<h2 class="subtitle">{html.escape(held.subheadline)}</h2>')
    out.extend(f"<p>{_inline_html(text)}</p>" for text in body_texts(held))
    if held.end and not held.end_after_contacts:
        out.append(f'<p style="text-align:center">{html.escape(held.end)}</p>')
    if held.contacts_heading:
        out.append(f"<p><strong>{_inline_html(held.contacts_heading)}</strong></p>")
    if held.contact_style == "table":
        out.append("<table><tbody>")
        for contact in held.contacts:
            cells = "".join(f"<td>{html.escape(c)}</td>" for c in contact_cells(contact))
            out.append(f"<tr>{cells}</tr>")
        out.append("</tbody></table>")
    else:
        for contact in held.contacts:
            lines = [html.escape(line) for line in contact_lines(held, contact)]
            out.append("<p>" + "<br>".join(lines) + "</p>")
    if held.end and held.end_after_contacts:
        out.append(f"<p>{html.escape(held.end)}</p>")
    if held.notes_heading:
        out.append(f"<h3>{html.escape(held.notes_heading)}</h3>")
    out.extend(f"<p>{_inline_html(note)}</p>" for note in held.notes)
    return out


def write_html(held: Held, path: Path, in_article: bool) -> None:
    chrome = CHROME[held.lang]
    direction = ' dir="rtl"' if held.lang in RTL else ""
    nav = "".join(
        f'<li><a href="/{i}">{html.escape(item)}</a></li>' for i, item in enumerate(chrome.nav)
    )
    related = "".join(
        f'<li><a href="/news/{i}">{html.escape(s)}</a></li>' for i, s in enumerate(chrome.stories)
    )
    footer = "".join(f'<a href="/f{i}">{html.escape(s)}</a> ' for i, s in enumerate(chrome.footer))
    share = "".join(
        f'<a class="share" href="https://share.example/{n}">{n}</a>'
        for n in ("Facebook", "X", "LinkedIn", "WhatsApp", "Email")
    )
    release = "\n".join(_release_html(held))
    wrapped = (
        f"<article>\n{release}\n</article>"
        if in_article
        else f'<div class="content">\n{release}\n</div>'
    )
    page = f"""<!DOCTYPE html>
<html lang="{held.lang}"{direction}>
<head><meta charset="utf-8"><title>{html.escape(held.headline)} | {held.agency}</title>
<link rel="stylesheet" href="/css/site.css"><script src="/js/site.js"></script></head>
<body>
<div class="cookie-banner" id="cookies"><p>{html.escape(chrome.cookies)}</p>
<button>{html.escape(chrome.accept)}</button></div>
<header class="site-header"><a class="logo" href="/">{held.agency}</a>
<nav class="main-menu"><ul>{nav}</ul></nav></header>
<nav class="breadcrumb"><a href="/">{html.escape(chrome.home)}</a> &gt;
<a href="/press">{html.escape(chrome.news)}</a></nav>
<main>
{wrapped}
<div class="share-this"><span>{html.escape(chrome.share)}</span>{share}</div>
<aside class="related"><h2>{html.escape(chrome.related)}</h2><ul>{related}</ul></aside>
</main>
<footer class="site-footer">{footer}</footer>
</body></html>
"""
    path.write_text(page, encoding="utf-8")


# -- Text ---------------------------------------------------------------------------


def write_txt(held: Held, path: Path, from_web: bool) -> None:
    chrome = CHROME[held.lang]
    lines: list[str] = []
    if from_web:
        lines += [*chrome.nav, "", f"{chrome.home} > {chrome.news}", ""]
    lines += [*held.top, ""] if held.top else []
    lines += [held.headline, ""]
    if held.subheadline:
        lines += [held.subheadline, ""]
    for text in body_texts(held):
        lines += [plain(text, urls=not from_web), ""]
    if held.end and not held.end_after_contacts:
        lines += [held.end, ""]
    if held.contacts_heading:
        lines += [plain(held.contacts_heading), ""]
    for contact in held.contacts:
        if held.contact_style == "table":
            lines.append("\t".join(contact_cells(contact)))
        else:
            lines += [*contact_lines(held, contact), ""]
    if held.contact_style == "table":
        lines.append("")
    if held.end and held.end_after_contacts:
        lines += [held.end, ""]
    if held.notes_heading:
        lines += [held.notes_heading, ""]
    for note in held.notes:
        lines += [plain(note, urls=not from_web), ""]
    if from_web:
        lines += [chrome.share, "", chrome.related, *chrome.stories, "", *chrome.footer]
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


def build(held: Held, index: int, folder: Path) -> dict[str, Path]:
    """The three files of one release; ``index`` (its place among all the releases)
    alternates the page's container and the text file's origin, each half and half."""
    paths = {fmt: folder / f"{held.key}.{fmt}" for fmt in FORMATS}
    write_docx(held, paths["docx"])
    write_html(held, paths["html"], in_article=index % 2 == 0)
    write_txt(held, paths["txt"], from_web=(index // 3) % 2 == 1)
    return paths
