"""A bilingual review document: every segment of a translation beside its source.

For a reviewer who reads the translation in Word rather than in the editor:
the headline of the translation as a title, a line naming the pair of
languages, then one table row per segment (as
:func:`releasewriter.translation.state.pairs` lists them) with

1. which segment it is ("Headline", "Paragraph 2", "Quote (Pär Liljert)"…),
2. the source text, in the source language,
3. the translation, in the target language,
4. its state (Translated, Needs review, Untranslated); a row that needs
   review is shaded, and when the source changed since it was translated
   the state cell shows what changed, deleted words struck through and
   inserted words underlined.

The texts are tagged as the release export tags them (:mod:`docx_xml`):
``w:lang`` in the attribute for their script, Arabic paragraphs ``w:bidi``
with ``w:rtl`` runs and a complex-script font, Chinese runs with their East
Asian font. Inline markup is drawn as bold, italics and links, and the
language's typography is applied, as a reader of the release sees it.

The few words of the document itself (column headings, states, segment
names) are the user's, not the release's: they go through ``translations``
(the application's catalog for the user's language; English by default), and
language names are given in ``ui_locale``.

The page is landscape A4; the heading row repeats on every page and the
table spans the width between the margins.
"""

from __future__ import annotations

import gettext
import io
import math
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from releasewriter.export.docx_package import CORE_TEXT_LIMIT
from releasewriter.export.docx_xml import (
    LATIN_FONT,
    Element,
    Script,
    add_hyperlink,
    child,
    format_run,
    rpr_child,
    set_attributes,
    set_bold,
    set_emphasis,
    set_fonts,
    set_italic,
    set_language,
    set_paragraph_direction,
    set_run_text,
    set_size,
)
from releasewriter.export.errors import ExportCheckError, ExportError
from releasewriter.export.sanitize import clean_text
from releasewriter.i18n.locales import (
    bcp47_tag,
    display_name,
    east_asian_fonts,
    font_stack,
    is_cjk,
    is_rtl,
    word_language_tag,
)
from releasewriter.model import Release
from releasewriter.model.inline import Span, parse_inline, to_plain_text
from releasewriter.render.emphasis import emphasis_for
from releasewriter.render.typography import typeset
from releasewriter.store.atomic import atomic_write_bytes
from releasewriter.translation.segments import SegmentKind
from releasewriter.translation.state import SegmentPair, TranslationState, pairs, word_diff

__all__ = [
    "ReviewRow",
    "build_review_docx",
    "check_review_docx",
    "locale_script",
    "review_rows",
    "write_review_docx",
]

NULL_TRANSLATIONS = gettext.NullTranslations()

# Landscape A4 and its margins; the table fills the width between them.
PAGE_WIDTH = Cm(29.7)
PAGE_HEIGHT = Cm(21)
MARGIN = Cm(1.8)
# Segment, source, target, state: together the width between the margins.
COLUMN_WIDTHS = (Cm(3.1), Cm(8.9), Cm(8.9), Cm(5.2))

# Rows estimated to fill fewer lines than this are kept on one page (about two
# thirds of the 40 lines of 10 pt a page holds).
MAX_UNBROKEN_LINES = 26
# The cell's left and right padding (Word's default 0.19 cm each), and a point.
CELL_PADDING_CM = 0.38
POINT_CM = 2.54 / 72

TEXT_SIZE = 10.0
SMALL_SIZE = 8.5
TITLE_SIZE = 16.0
TITLE_COLOUR = "0B2E59"
MUTED_COLOUR = "555555"
HEADER_FILL = "DCE4EF"
NEEDS_REVIEW_FILL = "FFF2CC"
DELETED_COLOUR = "9C1C1C"
INSERTED_COLOUR = "1D6B2F"
LINK_COLOUR = "0563C1"

# Schema order of the children of w:tcPr, w:trPr and w:tblPr (the ones used here and around).
TCPR_ORDER = (
    "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd",
    "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
)  # fmt: skip
TRPR_ORDER = (
    "w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter",
    "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden",
)  # fmt: skip
TBLPR_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
)  # fmt: skip

_Gettext = Callable[[str], str]


# The document's own words (the user's, not the release's), marked with N_ for
# extraction into the releasewriter domain and translated where they are used.


def N_(message: str) -> str:
    return message


W_HEADLINE = N_("Headline")
W_SUBHEADLINE = N_("Subheadline")
W_CITY = N_("Dateline city")
W_PARAGRAPH = N_("Paragraph {number}")
W_QUOTE = N_("Quote")
W_QUOTE_OF = N_("Quote ({name})")
W_ROLE = N_("Speaker’s role")
W_ROLE_OF = N_("Role ({name})")
W_NOTE = N_("Note to editors {number}")
W_BOILERPLATE = N_("About the organisation")
W_CONTACT_ROLE = N_("Contact’s role")
W_CONTACT_ROLE_OF = N_("Contact’s role ({name})")
W_CONTACT_OFFICE = N_("Contact’s office")
W_CONTACT_OFFICE_OF = N_("Contact’s office ({name})")
W_TITLE = N_("Review: {source} → {target}")
W_SEGMENT = N_("Segment")
W_SOURCE = N_("Source: {language}")
W_TARGET = N_("Target: {language}")
W_STATE = N_("State")
W_CHANGED = N_("Changed in the source:")
W_FORMATTING_CHANGED = N_("Only the formatting of the source changed.")

STATE_LABELS: dict[TranslationState, str] = {
    TranslationState.TRANSLATED: N_("Translated"),
    TranslationState.NEEDS_REVIEW: N_("Needs review"),
    TranslationState.UNTRANSLATED: N_("Untranslated"),
}


def locale_script(locale: str) -> Script:
    """How text in ``locale`` is tagged, as :func:`docx_xml.script_of` tags a release."""
    rtl = is_rtl(locale)
    cjk = is_cjk(locale)
    return Script(
        tag=word_language_tag(locale),
        lang_attribute="w:eastAsia" if cjk else "w:bidi" if rtl else "w:val",
        rtl=rtl,
        cjk=cjk,
        east_asian_font=east_asian_fonts(locale)[0],
        complex_font=font_stack(locale)[0] if rtl else LATIN_FONT,
        emphasis=emphasis_for(locale),
    )


def _clean(text: str) -> str:
    return clean_text(text)[0]


def _core_text(text: str) -> str:
    """Text for a core property, which python-docx refuses past 255 characters (a long
    headline made the review fail): one line, clipped as the export clips it."""
    flat = " ".join(_clean(text).split())
    if len(flat) <= CORE_TEXT_LIMIT:
        return flat
    return flat[: CORE_TEXT_LIMIT - 1] + "…"


def _chunks(text: str) -> list[str]:
    """The paragraphs of a text: blank lines separate them (as in the boilerplate)."""
    chunks = [chunk.strip() for chunk in _clean(text).strip().split("\n\n")]
    return [chunk for chunk in chunks if chunk]


def _spans(chunk: str, locale: str) -> list[Span]:
    """Inline markup as spans, the language's typography applied to all but addresses."""
    return [
        span if span.href else Span(typeset(span.text, locale), span.bold, span.italic)
        for span in parse_inline(chunk)
    ]


def display_text(text: str, locale: str) -> str:
    """The text a reader of a cell sees: markup gone, one line per paragraph."""
    return "\n".join(
        "".join(span.text for span in _spans(chunk, locale)) for chunk in _chunks(text)
    )


# --- what the rows say -------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewRow:
    """One segment as the table shows it."""

    pair: SegmentPair
    name: str  # "Headline", "Paragraph 2", "Quote (Pär Liljert)"
    state: str  # the state's label in the user's language

    @property
    def source_text(self) -> str:
        return self.pair.source.text

    @property
    def target_text(self) -> str:
        return self.pair.target.text if self.pair.target is not None else ""


def _segment_namer(release: Release, _: _Gettext) -> Callable[[SegmentPair], str]:
    """Names segments as a reader of the source would point at them ("Paragraph 2")."""
    source = release.source
    paragraphs = {p.id: n for n, p in enumerate((p for p in source.body if p.text.strip()), 1)}
    notes = {
        p.id: n for n, p in enumerate((p for p in source.notes_to_editors if p.text.strip()), 1)
    }
    speakers = {q.id: _clean(q.speaker.strip()) for q in source.quotes}
    contacts = {c.id: _clean(c.name.strip()) for c in source.contacts}
    numbered = {SegmentKind.PARAGRAPH: (W_PARAGRAPH, paragraphs), SegmentKind.NOTE: (W_NOTE, notes)}
    named = {
        SegmentKind.QUOTE: (W_QUOTE, W_QUOTE_OF, speakers),
        SegmentKind.QUOTE_ROLE: (W_ROLE, W_ROLE_OF, speakers),
        SegmentKind.CONTACT_ROLE: (W_CONTACT_ROLE, W_CONTACT_ROLE_OF, contacts),
        SegmentKind.CONTACT_OFFICE: (W_CONTACT_OFFICE, W_CONTACT_OFFICE_OF, contacts),
    }
    plain = {
        SegmentKind.HEADLINE: W_HEADLINE,
        SegmentKind.SUBHEADLINE: W_SUBHEADLINE,
        SegmentKind.CITY: W_CITY,
        SegmentKind.BOILERPLATE: W_BOILERPLATE,
    }

    def name(pair: SegmentPair) -> str:
        kind = pair.source.kind
        # "body:<id>", "quote:<id>:role", "contact:<id>:office"…: the id is the second part.
        parts = pair.key.split(":")
        item = parts[1] if len(parts) > 1 else ""
        if kind in plain:
            return _(plain[kind])
        if kind in numbered:
            message, numbers = numbered[kind]
            return _(message).format(number=numbers.get(item, "?"))
        if kind in named:
            without, with_name, names = named[kind]
            who = names.get(item, "")
            return _(with_name).format(name=who) if who else _(without)
        return pair.key

    return name


def _target_of(release: Release, target: str) -> str:
    """The target's locale as the release spells it; ExportError when it cannot be reviewed."""
    wanted = target.replace("-", "_")
    for locale in release.locales:
        if locale == target or locale.replace("-", "_") == wanted:
            if locale == release.source_locale:
                raise ExportError(f"{target} is the source language: there is nothing to review")
            return locale
    raise ExportError(f"the release has no {target} version")


def review_rows(
    release: Release, target: str, translations: gettext.NullTranslations = NULL_TRANSLATIONS
) -> list[ReviewRow]:
    """The rows of the table, in reading order."""
    _ = translations.gettext
    name = _segment_namer(release, _)
    return [
        ReviewRow(pair, name(pair), _(STATE_LABELS[pair.state]))
        for pair in pairs(release, _target_of(release, target))
    ]


# --- writing the document ------------------------------------------------------------------


def _strong_directions(text: str) -> set[str]:
    found = {unicodedata.bidirectional(c) for c in text}
    return {"ltr" for d in found if d == "L"} | {"rtl" for d in found if d in ("R", "AL")}


@dataclass(frozen=True)
class _Look:
    """Direct formatting of a run, besides its language and direction."""

    bold: bool = False
    italic: bool = False  # the document's own slant (a label), upright where a script has none
    emphasis: bool = False  # the writer's *emphasis*, in the script's own form
    strike: bool = False
    underline: bool = False
    colour: str | None = None
    size: float | None = None


_PLAIN = _Look()


class _Writer:
    """Paragraphs and runs in cells and in the body, tagged with their language."""

    def __init__(self, document: Any, ui: Script, translations: gettext.NullTranslations) -> None:
        self.document = document
        self.part = document.part
        self.ui = ui
        self.gettext: _Gettext = translations.gettext

    def run(self, parent: Element, text: str, script: Script, look: _Look = _PLAIN) -> Element:
        """A run of ``text`` at the end of ``parent`` (a paragraph or a hyperlink)."""
        r = OxmlElement("w:r")
        rpr = r.get_or_add_rPr()
        if look.bold:
            set_bold(rpr)
        if look.italic and script.emphasis == "italic":
            set_italic(rpr)
        if look.emphasis:
            set_emphasis(rpr, script.emphasis)
        if look.strike:
            rpr_child(rpr, "w:strike")
        if look.colour:
            rpr_child(rpr, "w:color", val=look.colour)
        if look.size:
            set_size(rpr, look.size)
        if look.underline:
            rpr_child(rpr, "w:u", val="single")
        # Latin text alone (an address, a name) in an Arabic paragraph is not a right-to-left run.
        format_run(rpr, script, rtl=script.rtl and _strong_directions(text) != {"ltr"})
        set_run_text(r, _clean(text))
        parent.append(r)
        return r

    def paragraph(
        self, container: Any, script: Script, *, after: float = 3.0, first: bool = False
    ) -> Any:
        """A paragraph of ``container`` (a cell or the body) in the direction of ``script``.

        ``first`` takes the empty paragraph a new cell comes with.
        """
        paragraph = container.paragraphs[0] if first else container.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(after)
        set_paragraph_direction(paragraph._p.get_or_add_pPr(), script)
        return paragraph

    def spans(
        self, paragraph: Any, spans: Iterable[Span], script: Script, look: _Look = _PLAIN
    ) -> None:
        for span in spans:
            bold = look.bold or span.bold
            emphasis = look.emphasis or span.italic
            if span.href:
                hyperlink = add_hyperlink(self.part, paragraph._p, span.href)
                link = _Look(
                    bold, look.italic, emphasis, underline=True, colour=LINK_COLOUR, size=look.size
                )
                self.run(hyperlink, span.text, script, link)
            else:
                styled = _Look(
                    bold,
                    look.italic,
                    emphasis,
                    look.strike,
                    look.underline,
                    look.colour,
                    look.size,
                )
                self.run(paragraph._p, span.text, script, styled)

    def text(self, cell: Any, text: str, locale: str, script: Script) -> None:
        """The marked-up ``text`` as paragraphs of the cell; one empty paragraph if none.

        An empty target cell still carries the target's direction and
        language, so whoever types the translation into it in Word types it right.
        """
        first = self.paragraph(cell, script, first=True)
        set_language(_paragraph_rpr(first), script)
        for index, chunk in enumerate(_chunks(text)):
            paragraph = first if index == 0 else self.paragraph(cell, script)
            self.spans(paragraph, _spans(chunk, locale), script)

    def label(self, container: Any, text: str, look: _Look = _PLAIN, *, first: bool = False) -> Any:
        """A paragraph of the document's own words, in the user's language."""
        paragraph = self.paragraph(container, self.ui, first=first)
        self.run(paragraph._p, text, self.ui, look)
        return paragraph

    def diff(self, cell: Any, previous: str, current: str, script: Script) -> None:
        """What changed in the source: deleted words struck through, inserted ones underlined."""
        _ = self.gettext
        changes = word_diff(to_plain_text(_clean(previous)), to_plain_text(_clean(current)))
        if all(op == "equal" for op, _text in changes):
            self.label(cell, _(W_FORMATTING_CHANGED), _Look(italic=True, size=SMALL_SIZE))
            return
        self.label(cell, _(W_CHANGED), _Look(italic=True, colour=MUTED_COLOUR, size=SMALL_SIZE))
        paragraph = self.paragraph(cell, script)
        for op, text in changes:
            self.run(paragraph._p, text, script, _DIFF_LOOKS[op])


_DIFF_LOOKS = {
    "equal": _Look(size=SMALL_SIZE),
    "delete": _Look(strike=True, colour=DELETED_COLOUR, size=SMALL_SIZE),
    "insert": _Look(underline=True, colour=INSERTED_COLOUR, size=SMALL_SIZE),
}


def _paragraph_rpr(paragraph: Any) -> Element:
    """The paragraph mark's run properties (``w:pPr/w:rPr``)."""
    return child(paragraph._p.get_or_add_pPr(), "w:rPr", ("w:rPr", "w:sectPr", "w:pPrChange"))


def _shade(cell: Any, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    set_attributes(child(tcpr, "w:shd", TCPR_ORDER), val="clear", color="auto", fill=fill)


def _set_page(document: Any) -> None:
    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width = PAGE_WIDTH
        section.page_height = PAGE_HEIGHT
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)
        section.header_distance = Cm(1)
        section.footer_distance = Cm(1)


def _set_defaults(document: Any, ui: Script) -> None:
    """Arial at 10 pt in the user's language for everything not tagged otherwise."""
    styles = document.styles
    normal = styles["Normal"]
    defaults = styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    for rpr in (defaults, normal.element.get_or_add_rPr()):
        if rpr is not None:
            set_fonts(rpr, ui, latin=True)
            set_size(rpr, TEXT_SIZE)
            set_language(rpr, ui)
    normal.paragraph_format.space_after = Pt(3)


def _set_table_layout(table: Any) -> None:
    """A fixed layout exactly as wide as the space between the margins."""
    table.autofit = False
    tblpr = table._tbl.tblPr
    total = sum(width.twips for width in COLUMN_WIDTHS)
    set_attributes(child(tblpr, "w:tblW", TBLPR_ORDER), type="dxa", w=str(total))
    set_attributes(child(tblpr, "w:tblLayout", TBLPR_ORDER), type="fixed")
    for column, width in zip(table.columns, COLUMN_WIDTHS, strict=True):
        column.width = width  # the grid
    for row in table.rows:
        for cell, width in zip(row.cells, COLUMN_WIDTHS, strict=True):
            cell.width = width  # each cell, as Word writes it


def _add_row(table: Any) -> list[Any]:
    cells = table.add_row().cells
    for cell, width in zip(cells, COLUMN_WIDTHS, strict=True):
        cell.width = width
    return list(cells)


def _estimated_lines(text: str, width: Any, size: float) -> float:
    """About how many lines of ``size`` points ``text`` fills in a column ``width`` wide.

    An average Latin letter is half an em wide, a Chinese character a whole em.
    """
    per_line = max((width.cm - CELL_PADDING_CM) / (size * POINT_CM / 2), 1.0)
    lines = 0.0
    for line in text.split("\n"):
        units = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
        lines += max(math.ceil(units / per_line), 1)
    return lines * size / TEXT_SIZE


def _keep_on_one_page(row: Any, heights: Iterable[float]) -> None:
    """Keep a row that fits comfortably on a page from breaking across pages.

    Source and translation then stay side by side. A taller row may break:
    Word would cut off what does not fit on the page.
    """
    if max(heights, default=0.0) <= MAX_UNBROKEN_LINES:
        child(row._tr.get_or_add_trPr(), "w:cantSplit", TRPR_ORDER)


def _title(writer: _Writer, release: Release, target: str) -> None:
    """The translation's headline, or the source's while it has none."""
    version = release.version(target)
    locale = target if version.headline.strip() else release.source_locale
    headline = release.version(locale).headline
    script = locale_script(locale)
    look = _Look(bold=True, colour=TITLE_COLOUR, size=TITLE_SIZE)
    body = writer.document._body
    for chunk in _chunks(headline) or [""]:
        paragraph = writer.paragraph(body, script, after=4)
        paragraph.paragraph_format.keep_with_next = True
        writer.spans(paragraph, _spans(chunk, locale), script, look)


def _heights(row: ReviewRow, source_locale: str, target: str) -> tuple[float, ...]:
    """The estimated lines of each cell of the row."""
    source = display_text(row.source_text, source_locale)
    state = _estimated_lines(row.state, COLUMN_WIDTHS[3], TEXT_SIZE)
    if row.pair.previous_source is not None:
        # A heading, then the source's words with those deleted from it.
        changed = f"{to_plain_text(row.pair.previous_source)} {source}"
        state += 1 + _estimated_lines(changed, COLUMN_WIDTHS[3], SMALL_SIZE)
    return (
        _estimated_lines(row.name, COLUMN_WIDTHS[0], TEXT_SIZE),
        _estimated_lines(source, COLUMN_WIDTHS[1], TEXT_SIZE),
        _estimated_lines(display_text(row.target_text, target), COLUMN_WIDTHS[2], TEXT_SIZE),
        state,
    )


def _write_row(
    writer: _Writer, table: Any, row: ReviewRow, source_locale: str, target: str
) -> None:
    cells = _add_row(table)
    _keep_on_one_page(table.rows[-1], _heights(row, source_locale, target))
    source_script = locale_script(source_locale)
    needs_review = row.pair.state is TranslationState.NEEDS_REVIEW
    writer.label(cells[0], row.name, _Look(bold=True, colour=MUTED_COLOUR), first=True)
    writer.text(cells[1], row.source_text, source_locale, source_script)
    writer.text(cells[2], row.target_text, target, locale_script(target))
    writer.label(cells[3], row.state, _Look(bold=needs_review), first=True)
    if row.pair.previous_source is not None:
        writer.diff(cells[3], row.pair.previous_source, row.source_text, source_script)
    if needs_review:
        for cell in cells:
            _shade(cell, NEEDS_REVIEW_FILL)


def build_review_docx(
    release: Release,
    target: str,
    translations: gettext.NullTranslations = NULL_TRANSLATIONS,
    *,
    ui_locale: str = "en",
) -> bytes:
    """The review document of the ``target`` translation, as the bytes of a .docx file.

    ``translations`` gives the document's own words in the user's language
    (:func:`releasewriter.i18n.catalogs.app_translations`), ``ui_locale``
    names that language, for the names of the two languages. Raises
    ExportError when the release has no such translation or ``target`` is
    its source.
    """
    _ = translations.gettext
    target = _target_of(release, target)
    source_locale = release.source_locale
    ui = locale_script(ui_locale)
    rows = review_rows(release, target, translations)

    document = docx.Document()
    _set_page(document)
    _set_defaults(document, ui)
    writer = _Writer(document, ui, translations)
    body = document._body

    _title(writer, release, target)
    source_name = display_name(source_locale, ui_locale)
    target_name = display_name(target, ui_locale)
    title = _(W_TITLE).format(source=source_name, target=target_name)
    writer.label(body, title, _Look(bold=True, colour=MUTED_COLOUR, size=12))
    counts = {state: 0 for state in TranslationState}
    for row in rows:
        counts[row.pair.state] += 1
    summary = " · ".join(f"{_(label)}: {counts[state]}" for state, label in STATE_LABELS.items())
    writer.label(body, summary, _Look(colour=MUTED_COLOUR)).paragraph_format.space_after = Pt(8)

    table = document.add_table(rows=1, cols=len(COLUMN_WIDTHS))
    table.style = document.styles["Table Grid"]
    _set_table_layout(table)
    header = table.rows[0]
    child(header._tr.get_or_add_trPr(), "w:tblHeader", TRPR_ORDER)  # repeated on every page
    headings = (
        _(W_SEGMENT),
        _(W_SOURCE).format(language=source_name),
        _(W_TARGET).format(language=target_name),
        _(W_STATE),
    )
    for cell, heading in zip(header.cells, headings, strict=True):
        writer.label(cell, heading, _Look(bold=True), first=True)
        _shade(cell, HEADER_FILL)

    for row in rows:
        _write_row(writer, table, row, source_locale, target)

    properties = document.core_properties
    properties.title = _core_text(title)
    properties.subject = _core_text(release.source.headline)
    properties.language = bcp47_tag(target)
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- reading it back -----------------------------------------------------------------------


def check_review_docx(
    data: bytes,
    release: Release,
    target: str,
    translations: gettext.NullTranslations = NULL_TRANSLATIONS,
) -> None:
    """Raise ExportCheckError unless ``data`` reads back as the review of ``target``.

    It must open with python-docx and hold one table with a heading row and
    a row per segment, each with the segment's source and translation.
    """
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, SyntaxError) as error:
        raise ExportCheckError(f"the review document cannot be read back: {error}") from error
    target = _target_of(release, target)
    rows = review_rows(release, target, translations)
    if len(document.tables) != 1:
        raise ExportCheckError(f"the review document has {len(document.tables)} tables, not 1")
    table_rows = document.tables[0].rows
    if len(table_rows) != len(rows) + 1:
        raise ExportCheckError(
            f"the review table has {len(table_rows) - 1} segment rows, not {len(rows)}"
        )
    for row, table_row in zip(rows, table_rows[1:], strict=True):
        cells = table_row.cells
        expected = (
            display_text(row.source_text, release.source_locale),
            display_text(row.target_text, target),
        )
        if (cells[1].text, cells[2].text) != expected:
            raise ExportCheckError(f"the review row of {row.pair.key} does not hold its texts")


def write_review_docx(
    release: Release,
    target: str,
    path: Path,
    translations: gettext.NullTranslations = NULL_TRANSLATIONS,
    *,
    ui_locale: str = "en",
) -> Path:
    """Build the review document, read it back, then replace ``path`` atomically."""
    data = build_review_docx(release, target, translations, ui_locale=ui_locale)
    check_review_docx(data, release, target, translations)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)
    return path
