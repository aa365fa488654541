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

import copy
import unicodedata
from collections.abc import Mapping
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from releasewriter.export import docx_styles as styles
from releasewriter.export.docx_package import prepared_base, script_base, set_core_properties
from releasewriter.export.docx_parts import (
    add_logo,
    add_notes_numbering,
    logo_image,
    number_paragraph,
    set_page,
)
from releasewriter.export.docx_xml import (
    LRM,
    Element,
    Script,
    add_hyperlink,
    format_run,
    script_of,
    set_bold,
    set_emphasis,
    set_paragraph_direction,
    set_run_text,
    set_section_direction,
)
from releasewriter.model.inline import Span
from releasewriter.render.document import LabelledValue, RenderedContact, RenderedRelease

__all__ = ["build_docx"]


def _latin_only(text: str) -> bool:
    """Whether the text's strong characters are all left-to-right, and it has one.

    Read until the first right-to-left letter: in an Arabic run, the first letter.
    """
    latin = False
    for c in text:
        direction = unicodedata.bidirectional(c)
        if direction == "L":
            latin = True
        elif direction in ("R", "AL"):
            return False
    return latin


class _Writer:
    """Appends the release to the document body, paragraph by paragraph.

    Paragraphs and runs are python-docx's own elements (``CT_P``, ``CT_R``),
    made as ``add_paragraph(style=…)`` and ``add_run(text, style=…)`` make
    them, but with the style ids resolved once (python-docx looks the name
    up among every style, twice, for each paragraph and styled run), and
    each kind of paragraph and run formatted once per document and copied.
    """

    def __init__(
        self,
        document: Any,
        rendered: RenderedRelease,
        script: Script,
        ids: Mapping[str, str | None],
    ) -> None:
        self.document = document
        self.part = document.part
        self.rendered = rendered
        self.script = script
        self.ids = ids
        self.body = document.element.body
        # add_paragraph puts a paragraph before the body's final section settings.
        self.section = self.body.find(qn("w:sectPr"))
        self._paragraphs: dict[str, Element] = {}
        self._runs: dict[tuple[str | None, bool, bool, bool], Element] = {}

    def paragraph(self, style: str, text: str = "") -> Element:
        model = self._paragraphs.get(style)
        if model is None:
            model = OxmlElement("w:p")
            model.style = self.ids[style]
            set_paragraph_direction(model.get_or_add_pPr(), self.script)
            self._paragraphs[style] = model
        p = copy.deepcopy(model)
        if self.section is not None:
            self.section.addprevious(p)
        else:
            self.body.append(p)
        if text:
            self.run(p, text)
        return p

    def _rtl(self, text: str) -> bool:
        """Right-to-left runs, except those holding Latin text only (an address, a name)."""
        return self.script.rtl and not _latin_only(text)

    def run(
        self,
        parent: Element,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        style: str | None = None,
    ) -> Element:
        """A run appended to ``parent``, a paragraph or a hyperlink."""
        rtl = self._rtl(text)
        key = (style, bold, italic, rtl)
        model = self._runs.get(key)
        if model is None:
            model = OxmlElement("w:r")
            if style:
                model.style = self.ids[style]
            rpr = model.get_or_add_rPr()
            if bold:
                set_bold(rpr)
            if italic:
                set_emphasis(rpr, self.script.emphasis)
            format_run(rpr, self.script, rtl=rtl)
            self._runs[key] = model
        r = copy.deepcopy(model)
        if text:
            set_run_text(r, text)
        parent.append(r)
        return r

    def link(self, p: Element, text: str, href: str, *, bold: bool, italic: bool) -> None:
        hyperlink = add_hyperlink(self.part, p, href)
        self.run(hyperlink, text, bold=bold, italic=italic, style=styles.HYPERLINK)

    def spans(self, p: Element, spans: tuple[Span, ...]) -> None:
        for span in spans:
            if span.href:
                self.link(p, span.text, span.href, bold=span.bold, italic=span.italic)
            else:
                self.run(p, span.text, bold=span.bold, italic=span.italic)

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

    def detail(self, paragraph: Element, detail: LabelledValue, before: str) -> None:
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


def _prepare_default(document: Any) -> styles.StyleLayout:
    set_page(document)
    return styles.prepare_styles(document, own=True)


def _prepare_template(document: Any) -> styles.StyleLayout:
    return styles.prepare_styles(document, own=False)


def build_docx(rendered: RenderedRelease, *, template: bytes | None = None) -> bytes:
    """The release as the bytes of a .docx file.

    ``template`` is the organisation's letterhead (the bytes of a .docx or
    .dotx), cleaned before use: its styles,
    headers, footers and page settings are kept, its body is replaced, and
    only the styles it lacks are added. Raises ExportError for a template that
    cannot be read as a Word document.

    The document is opened from a base prepared once per process (and per
    template), tagged with the script's language once per process too: see
    :func:`releasewriter.export.docx_package.prepared_base` and
    :func:`releasewriter.export.docx_package.script_base`. Everything that
    depends on the release is done here, on a fresh copy.
    """
    script = script_of(rendered)
    base = prepared_base(template, _prepare_default if template is None else _prepare_template)
    tagged = script_base(base, script, styles.apply_script)
    document = tagged.open()
    layout: styles.StyleLayout = base.layout
    _Writer(document, rendered, script, layout.ids).write()
    for section in document.sections:
        set_section_direction(section._sectPr, script)
    image = logo_image(rendered.logo_data_uri) if template is None else None
    if image is not None:
        add_logo(document, image, script)
    set_core_properties(document, rendered, script.tag)
    return tagged.save(document)
