"""Importing a release, as the command line and the window both do it.

Reading and recognising are separate steps so that the window can show what
was understood, and recognise again in another language, before anything is
saved; :func:`finish_release` then makes the draft: the organisation is the
user's profile, and the lines no field took are kept with the version.
"""

from __future__ import annotations

import copy
import gettext
from dataclasses import dataclass, field
from pathlib import Path

from releasewriter.importing.align import align_translation
from releasewriter.importing.align_types import Alignment
from releasewriter.importing.blocks import SourceBlock
from releasewriter.importing.html_reader import read_html
from releasewriter.importing.language import detect
from releasewriter.importing.reading import ReadResult, read_blocks, read_blocks_from_text
from releasewriter.importing.recognise import ImportedRelease, recognise
from releasewriter.model import Organisation, Release
from releasewriter.model.following import usual_contacts
from releasewriter.model.organisation import pick_for_locale

UTF8_BOM = b"\xef\xbb\xbf"


@dataclass
class ImportReading:
    """A document read and recognised: its lines, and the draft made of them."""

    name: str
    blocks: list[SourceBlock]
    imported: ImportedRelease
    # What the reader had to say (macros ignored, a text box read, …).
    notes: list[str] = field(default_factory=list)

    def again(self, locale: str, t: gettext.NullTranslations | None = None) -> ImportReading:
        """The same lines recognised as ``locale`` (the user corrected the language)."""
        return ImportReading(self.name, self.blocks, recognise(self.blocks, locale, t), self.notes)


def _reading(
    name: str, read: ReadResult, locale: str | None, t: gettext.NullTranslations | None
) -> ImportReading:
    return ImportReading(name, read.blocks, recognise(read.blocks, locale, t), list(read.notes))


def read_document(
    path: Path, locale: str | None = None, t: gettext.NullTranslations | None = None
) -> ImportReading:
    """Read and recognise a file; raises ImportRefused with a one-line message."""
    return _reading(path.name, read_blocks(path, t), locale, t)


def read_pasted(
    text: str,
    locale: str | None = None,
    t: gettext.NullTranslations | None = None,
    *,
    html: str | None = None,
    markdown: bool = False,
) -> ImportReading:
    """Recognise pasted text; its HTML twin, when the clipboard has one, keeps the
    formatting, links and tables (a page copied from a browser or Word)."""
    if html:
        # The BOM tells the reader the encoding, whatever a copied <meta> says.
        read = ReadResult(read_html(UTF8_BOM + html.encode("utf-8", errors="replace"), t))
        if any(block.plain.strip() for block in read.blocks):
            return _reading("", read, locale, t)
    return _reading("", read_blocks_from_text(text, markdown), locale, t)


@dataclass
class TranslatedDocument:
    """A translated document aligned to a release; no alignment when it is in the
    release's own source language."""

    name: str
    blocks: list[SourceBlock]
    release: Release
    alignment: Alignment | None
    notes: list[str] = field(default_factory=list)

    def align_again(self, locale: str) -> Alignment:
        return align_translation(self.release, locale, self.blocks)


def read_translation(
    path: Path,
    release: Release,
    locale: str | None = None,
    t: gettext.NullTranslations | None = None,
) -> TranslatedDocument:
    """Read a translated document and align it to ``release`` (a copy the caller
    does not touch meanwhile); its language is detected unless given."""
    read = read_blocks(path, t)
    if locale is None:
        text = " ".join(block.plain for block in read.blocks[:400] if not block.chrome)
        locale = detect(text).locale
    matching = [v.locale for v in release.versions if v.locale.split("_")[0] == locale]
    locale = matching[0] if matching else locale
    if locale == release.source_locale:
        return TranslatedDocument(path.name, read.blocks, release, None, list(read.notes))
    alignment = align_translation(release, locale, read.blocks)
    return TranslatedDocument(path.name, read.blocks, release, alignment, list(read.notes))


def finish_release(reading: ImportReading, organisation: Organisation | None) -> Release:
    """The draft to save: the recognised release, with the user's organisation."""
    release = copy.deepcopy(reading.imported.release)
    version = release.source
    version.not_placed = list(reading.imported.not_placed)
    if organisation is not None:
        release.organisation = copy.deepcopy(organisation)
        if not version.contacts:
            version.contacts = usual_contacts(organisation)
    usual = pick_for_locale(release.organisation.boilerplate, version.locale)
    imported = version.boilerplate
    if imported is not None and usual is not None and imported.split() == usual.split():
        version.boilerplate = None  # the organisation's own: it follows the profile
    return release


def describe_reading(reading: ImportReading, t: gettext.NullTranslations) -> list[str]:
    """What was understood, in a few lines for the user (the CLI prints them)."""
    version = reading.imported.release.source
    release = reading.imported.release
    found = [
        t.gettext("Headline: {headline}").format(headline=version.headline or "—"),
        t.gettext("Dateline: {city} {country} {date}").format(
            city=version.city or "—",
            country=release.dateline.country or "—",
            date=release.dateline.date.isoformat() if release.dateline.date else "—",
        ),
        t.ngettext("{count} paragraph", "{count} paragraphs", len(version.body)).format(
            count=len(version.body)
        )
        + ", "
        + t.ngettext("{count} quote", "{count} quotes", len(version.quotes)).format(
            count=len(version.quotes)
        )
        + ", "
        + t.ngettext("{count} contact", "{count} contacts", len(version.contacts)).format(
            count=len(version.contacts)
        ),
    ]
    not_placed = len(reading.imported.not_placed)
    if not_placed:
        found.append(
            t.ngettext(
                "{count} line not placed: kept with the draft (see Before sending)",
                "{count} lines not placed: kept with the draft (see Before sending)",
                not_placed,
            ).format(count=not_placed)
        )
    left_out = len(reading.imported.left_out)
    if left_out:
        found.append(
            t.ngettext(
                "{count} line of the web page around the release left out",
                "{count} lines of the web page around the release left out",
                left_out,
            ).format(count=left_out)
        )
    return [*reading.notes, *reading.imported.notes, *found]
