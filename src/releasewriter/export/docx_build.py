"""DOCX export: the rendered release as a Word document, built in memory.

The document is drawn from :class:`RenderedRelease` only, like the HTML and
the preview, so it says exactly what they say. Every paragraph has one of the
named styles of :mod:`releasewriter.export.docx_styles`; every run carries the
release's language (``w:lang``) and, for Arabic and other right-to-left
languages, its direction; Chinese, Japanese and Korean runs name their East
Asian font. The caller checks the bytes with
:func:`releasewriter.export.docx_check.check_docx` before writing them.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from typing import Any

from releasewriter.export import docx_styles as styles
from releasewriter.export.docx_package import (
    drop_thumbnail,
    open_default,
    open_template,
    set_core_properties,
)
from releasewriter.export.docx_parts import (
    add_logo,
    add_notes_numbering,
    logo_image,
    number_paragraph,
    set_page,
)
from releasewriter.export.docx_xml import (
    LRM,
    Script,
    add_hyperlink,
    format_run,
    script_of,
    set_bold,
    set_italic,
    set_paragraph_direction,
    set_section_direction,
)
from releasewriter.model.inline import Span
from releasewriter.render.document import LabelledValue, RenderedContact, RenderedRelease

__all__ = ["build_docx"]


def _strong_directions(text: str) -> set[str]:
    found = {unicodedata.bidirectional(c) for c in text}
    return {"ltr" for d in found if d == "L"} | {"rtl" for d in found if d in ("R", "AL")}


class _Writer:
    """Appends the release to the document body, paragraph by paragraph."""

    def __init__(self, document: Any, rendered: RenderedRelease, script: Script) -> None:
        self.document = document
        self.rendered = rendered
        self.script = script
        self.names = {name: styles.style_name(document, name) for name in styles.SPEC_BY_NAME}

    def paragraph(self, style: str, text: str = "") -> Any:
        paragraph = self.document.add_paragraph(style=self.names[style])
        set_paragraph_direction(paragraph._p.get_or_add_pPr(), self.script)
        if text:
            self.run(paragraph, text)
        return paragraph

    def _rtl(self, text: str) -> bool:
        """Right-to-left runs, except those holding Latin text only (an address, a name)."""
        return self.script.rtl and _strong_directions(text) != {"ltr"}

    def run(
        self,
        paragraph: Any,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        style: str | None = None,
    ) -> Any:
        # python-docx turns "\n" into <w:br/> and "\t" into <w:tab/>: a line
        # typed inside a field stays inside its paragraph.
        run = paragraph.add_run(text, style=self.names[style] if style else None)
        rpr = run._r.get_or_add_rPr()
        if bold:
            set_bold(rpr)
        if italic:
            set_italic(rpr)
        format_run(rpr, self.script, rtl=self._rtl(text))
        return run

    def link(self, paragraph: Any, text: str, href: str, *, bold: bool, italic: bool) -> None:
        hyperlink = add_hyperlink(paragraph, href)
        run = self.run(paragraph, text, bold=bold, italic=italic, style=styles.HYPERLINK)
        hyperlink.append(run._r)

    def spans(self, paragraph: Any, spans: tuple[Span, ...]) -> None:
        for span in spans:
            if span.href:
                self.link(paragraph, span.text, span.href, bold=span.bold, italic=span.italic)
            else:
                self.run(paragraph, span.text, bold=span.bold, italic=span.italic)

    def write(self) -> None:
        r = self.rendered
        self.paragraph(styles.EMBARGO if r.embargoed else styles.STATUS, r.status)
        if r.headline:
            self.paragraph(styles.HEADLINE, r.headline)
        if r.subheadline:
            self.paragraph(styles.SUBHEADLINE, r.subheadline)
        for block in r.blocks:
            paragraph = self.paragraph(styles.QUOTE if block.kind == "quote" else styles.BODY)
            if block.lead:
                self.run(paragraph, block.lead, style=styles.DATELINE)
                if block.spans and block.lead_separator:
                    self.run(paragraph, block.lead_separator)
            self.spans(paragraph, block.spans)
        if r.end_mark:
            self.paragraph(styles.END_MARK, r.end_mark)
        if r.contacts:
            self.paragraph(styles.SECTION_HEADING, r.contacts_heading)
            for contact in r.contacts:
                self.contact(contact)
        if r.notes:
            self.paragraph(styles.SECTION_HEADING, r.notes_heading)
            num_id = add_notes_numbering(self.document)
            for note in r.notes:
                paragraph = self.paragraph(styles.NOTES)
                number_paragraph(paragraph, num_id)
                self.spans(paragraph, note)
        if r.boilerplate:
            if r.about_heading:
                self.paragraph(styles.SECTION_HEADING, r.about_heading)
            for spans in r.boilerplate:
                self.spans(self.paragraph(styles.BOILERPLATE), spans)

    def contact(self, contact: RenderedContact) -> None:
        """One paragraph per contact, a line for each of its parts."""
        paragraph = self.paragraph(styles.CONTACT)
        lines = 0

        def new_line(text: str) -> str:
            nonlocal lines
            lines += 1
            return text if lines == 1 else "\n" + text

        if contact.name:
            self.run(paragraph, new_line(contact.name), bold=True)
        for line in (contact.role, contact.office):
            if line:
                self.run(paragraph, new_line(line))
        for detail in contact.details:
            self.detail(paragraph, detail, new_line(detail.before))

    def detail(self, paragraph: Any, detail: LabelledValue, before: str) -> None:
        if before:
            self.run(paragraph, before)
        value = detail.value
        if detail.href:
            self.link(paragraph, value, detail.href, bold=False, italic=False)
        else:
            # A phone number between left-to-right marks keeps its groups in
            # order in a right-to-left paragraph, in Word and LibreOffice alike.
            self.run(paragraph, f"{LRM}{value}{LRM}" if self.script.rtl else value)
        if detail.after:
            self.run(paragraph, detail.after)


def build_docx(rendered: RenderedRelease, *, template: Path | None = None) -> bytes:
    """The release as the bytes of a .docx file.

    ``template`` is the organisation's letterhead (.docx or .dotx): its styles,
    headers, footers and page settings are kept, its body is replaced, and
    only the styles it lacks are added. Raises ExportError for a template that
    cannot be read as a Word document.
    """
    script = script_of(rendered)
    if template is None:
        document = open_default()
        set_page(document)
    else:
        document = open_template(template)
    drop_thumbnail(document)
    styles.ensure_styles(document, script, own=template is None)
    _Writer(document, rendered, script).write()
    for section in document.sections:
        set_section_direction(section._sectPr, script)
    image = logo_image(rendered.logo_data_uri) if template is None else None
    if image is not None:
        add_logo(document, image, script)
    set_core_properties(document, rendered, script.tag)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
