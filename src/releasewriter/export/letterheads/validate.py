"""Whether a file the user chose can be a letterhead, and what it holds.

A letterhead must be a Word document or template in the Office Open XML
format (.docx, .dotx; .docm and .dotm are taken too, and lose their macros
when cleaned). Everything else is refused with words a press officer can
act on: an older or other format is to be saved again as .docx from Word, a
damaged file is named as such (never "File is not a zip file"), and a file
that would unpack to far more than its size (a zip or decompression bomb)
is not opened.
"""

from __future__ import annotations

import gettext
import posixpath
from dataclasses import dataclass
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from releasewriter.export.letterheads.images import (
    RASTER_EXTENSIONS,
    ImageTooLarge,
    ImageUnreadable,
    inspect_picture,
)
from releasewriter.export.letterheads.layout import PageLayout, any_reference, first_page
from releasewriter.export.letterheads.package import (
    CONTENT_TYPES,
    MAX_FILE_BYTES,
    WORD_MACRO_MAIN,
    WORD_MACRO_TEMPLATE_MAIN,
    WORD_MAINS,
    WORD_TEMPLATE_MAIN,
    Package,
    PackageDamaged,
    PackageTooLarge,
)

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_OPEN_XML_EXTENSIONS = {".docx", ".dotx", ".docm", ".dotm"}


class LetterheadRejected(Exception):
    """The file cannot be a letterhead; ``message`` says why, in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class LetterheadImage:
    name: str  # the part's file name ("image1.png")
    width: int
    height: int
    size: int  # bytes


@dataclass(frozen=True)
class LetterheadInfo:
    template: bool  # a .dotx (or .dotm), not a document
    macros: bool  # macro-enabled: the macros are dropped when it is cleaned
    page: PageLayout
    has_header: bool
    has_footer: bool
    body_font: str | None
    images: tuple[LetterheadImage, ...]


def _other_format(data: bytes, extension: str, t: gettext.NullTranslations) -> str | None:
    """The name of a format that is not Office Open XML, by signature, else by extension."""
    if data.startswith(b"{\\rtf") or (extension == ".rtf" and not data.startswith(_ZIP)):
        return t.gettext("Rich Text Format (.rtf)")
    if data.startswith(b"%PDF") or (extension == ".pdf" and not data.startswith(_ZIP)):
        return t.gettext("PDF")
    if data.startswith(_ZIP) and b"application/vnd.oasis.opendocument" in data[:200]:
        return t.gettext("OpenDocument (.odt)")
    if extension in (".odt", ".ott") and not data.startswith(_OLE):
        return t.gettext("OpenDocument (.odt)")
    if data.startswith(_OLE) or extension in (".doc", ".dot"):
        return t.gettext("Word 97–2003 (.doc)")
    if extension in (".pages", ".wpd", ".wps"):
        return extension
    return None


def _rejected_format(name: str, kind: str, t: gettext.NullTranslations) -> LetterheadRejected:
    return LetterheadRejected(
        t.gettext(
            "“{name}” is a {kind} file, which cannot be used as a letterhead. Open it in Word "
            "and save it as a Word Document (.docx) or Word Template (.dotx), then choose "
            "that file."
        ).format(name=name, kind=kind)
    )


def damaged(name: str, t: gettext.NullTranslations) -> LetterheadRejected:
    return LetterheadRejected(
        t.gettext(
            "“{name}” is damaged or not complete, so it cannot be read. If it came by email "
            "or from the web, save it again; or open it in Word and save it as .docx."
        ).format(name=name)
    )


def too_large(name: str, t: gettext.NullTranslations) -> LetterheadRejected:
    return LetterheadRejected(
        t.gettext(
            "“{name}” would unpack to far more data than a letterhead holds, so it was not "
            "opened. Open the original in Word and save it again as .docx."
        ).format(name=name)
    )


def _not_word(name: str, t: gettext.NullTranslations) -> LetterheadRejected:
    return LetterheadRejected(
        t.gettext("“{name}” is not a Word document. Choose a .docx or .dotx file.").format(
            name=name
        )
    )


def read_package(data: bytes, name: str, t: gettext.NullTranslations) -> Package:
    """The package of a Word document, read within limits; LetterheadRejected otherwise."""
    extension = posixpath.splitext(name.lower())[1]
    if len(data) > MAX_FILE_BYTES:
        raise LetterheadRejected(
            t.gettext(
                "“{name}” is {size} MB; a letterhead can be at most {limit} MB. Make its "
                "pictures smaller in Word (Compress Pictures) and save it again."
            ).format(
                name=name,
                size=f"{len(data) / 1024 / 1024:.0f}",
                limit=MAX_FILE_BYTES // 1024 // 1024,
            )
        )
    if data.startswith(_OLE) and extension in _OPEN_XML_EXTENSIONS:
        # Word keeps a password-protected .docx in the old container format.
        raise LetterheadRejected(
            t.gettext(
                "“{name}” is protected with a password, or is an older Word document renamed. "
                "Open it in Word, remove the password or save it as .docx, and choose it again."
            ).format(name=name)
        )
    kind = _other_format(data, extension, t)
    if kind is not None:
        raise _rejected_format(name, kind, t)
    if not data.startswith(_ZIP):
        if extension in _OPEN_XML_EXTENSIONS:
            raise damaged(name, t)
        raise _not_word(name, t)
    try:
        package = Package.read(data)
    except PackageDamaged as error:
        raise damaged(name, t) from error
    except PackageTooLarge as error:
        raise too_large(name, t) from error
    _require_word(package, name, t)
    return package


def _require_word(package: Package, name: str, t: gettext.NullTranslations) -> None:
    not_word = _not_word(name, t)
    mimetype = package.parts.get("mimetype", b"")
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise _rejected_format(name, t.gettext("OpenDocument (.odt)"), t)
    if CONTENT_TYPES not in package.parts:
        raise not_word
    try:
        main = package.main_part()
        if main is None or package.content_type(main) not in WORD_MAINS:
            raise not_word
        package.xml(main)
    except etree.XMLSyntaxError as error:
        raise damaged(name, t) from error


def _images(package: Package, name: str, t: gettext.NullTranslations) -> list[LetterheadImage]:
    found = []
    for part, content in package.parts.items():
        extension = posixpath.splitext(part)[1][1:].lower()
        if "/media/" not in f"/{part}" or extension not in RASTER_EXTENSIONS:
            continue
        try:
            picture = inspect_picture(content)
        except ImageTooLarge as error:
            raise picture_too_large(name, t) from error
        except ImageUnreadable:
            continue  # Word shows a placeholder; the rest of the letterhead is still good
        found.append(
            LetterheadImage(posixpath.basename(part), picture.width, picture.height, len(content))
        )
    return found


def _checked(package: Package, name: str, t: gettext.NullTranslations) -> Any:
    try:
        return (
            first_page(package),
            any_reference(package, "header"),
            any_reference(package, "footer"),
        )
    except etree.XMLSyntaxError as error:
        raise damaged(name, t) from error


def inspect_letterhead(data: bytes, filename: str, t: gettext.NullTranslations) -> LetterheadInfo:
    """What the chosen file holds; LetterheadRejected, the reason in words, if it cannot serve."""
    package = read_package(data, filename, t)
    main = package.main_part()
    content_type = package.content_type(main) if main else None
    images = _images(package, filename, t)
    page, has_header, has_footer = _checked(package, filename, t)
    return LetterheadInfo(
        template=content_type in (WORD_TEMPLATE_MAIN, WORD_MACRO_TEMPLATE_MAIN),
        macros=content_type in (WORD_MACRO_MAIN, WORD_MACRO_TEMPLATE_MAIN),
        page=page.layout,
        has_header=has_header,
        has_footer=has_footer,
        body_font=page.body_font,
        images=tuple(images),
    )


def picture_too_large(name: str, t: gettext.NullTranslations) -> LetterheadRejected:
    """A letterhead with a decompression bomb (or a scan of absurd size) in it."""
    return LetterheadRejected(
        t.gettext(
            "A picture in “{name}” is far too large to open safely. Replace it in "
            "Word with a smaller one (or use Compress Pictures) and save it again."
        ).format(name=name)
    )
