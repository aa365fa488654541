"""How far a reader goes with a file it did not write, and the guarded ways it reads one.

An imported file comes from outside: a mail attachment, a download. Each
limit below is far above what a press release needs and low enough that a
hostile file (a zip bomb, a billion-laughs entity, a page of 100 MB) is
refused in bounded time and memory, with one line for the user, before the
work that would cost it.
"""

from __future__ import annotations

import gettext
import io
import re
import struct
import zipfile
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from releasewriter.importing.blocks import ImportRefused

# A press release with its photos is a few MB; Word files with many large
# images reach tens of MB. The file is read into memory whole.
MAX_DOCX_BYTES = 50 * 1024 * 1024
# A saved page with its inline styles, scripts and chrome is a few MB. lxml's
# tree takes about ten times the page's size in memory (measured: 30 MB of
# HTML, 300 MB), so a 100 MB page is refused before it is read at all.
MAX_HTML_BYTES = 20 * 1024 * 1024
# A long article page has some thousands of elements. Reading one takes
# some microseconds: this many is at most a few seconds.
MAX_HTML_ELEMENTS = 200_000
# Plain text: a release is some kB; 10 MB is a book.
MAX_TEXT_BYTES = 10 * 1024 * 1024
# A Word document has tens of parts, a few hundred with many images. The
# count is read from the zip's last record before Python's zipfile builds an
# object for each entry (100,000 entries would take tens of MB and seconds).
MAX_ZIP_MEMBERS = 2_000
# The sum of the sizes the central directory declares: a bomb says so itself.
MAX_ZIP_TOTAL = 1024 * 1024 * 1024
# One XML part read and parsed: document.xml of a 500-page book is about
# 20 MB; its lxml tree takes several times that.
MAX_XML_PART = 32 * 1024 * 1024
# Text-rich XML compresses about 10:1; an empty table of 2,000 identical
# rows, 130:1 (measured). Deflate cannot pass about 1,030:1, and a bomb,
# being one byte repeated, sits near that: refused unread.
MAX_RATIO = 500
# Small parts can compress better than any ratio (a part of 4 kB of spaces);
# below this size the ratio is not checked, the running cap still is.
RATIO_FLOOR = 1024 * 1024
_CHUNK = 64 * 1024

_ROOT_START = re.compile(rb"<(?![?!])")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_EOCD = b"PK\x05\x06"


def is_ole2(data: bytes) -> bool:
    """An OLE2 compound file: Word 97-2003, or an encrypted Office Open XML file."""
    return data.startswith(_OLE2)


def is_zip(data: bytes) -> bool:
    return data.startswith(_ZIP) or data.startswith(_EOCD)


def check_size(size: int, limit: int, t: gettext.NullTranslations) -> None:
    if size > limit:
        raise ImportRefused(
            t.gettext("The file is too large to import ({size} MB; at most {limit} MB).").format(
                size=round(size / 1024 / 1024), limit=limit // 1024 // 1024
            )
        )


def _declared_members(data: bytes) -> int | None:
    """The entry count of the zip's end-of-central-directory record, or None if not found."""
    # The record is 22 bytes plus a comment of at most 65,535.
    tail_start = max(0, len(data) - 22 - 65535)
    at = data.rfind(_EOCD, tail_start)
    if at < 0 or at + 22 > len(data):
        return None
    count: int = struct.unpack_from("<H", data, at + 10)[0]
    return count


def open_zip(data: bytes, t: gettext.NullTranslations) -> zipfile.ZipFile:
    """The zip of ``data`` once its directory says nothing hostile; nothing is inflated yet."""
    corrupt = t.gettext(
        "The file is damaged or not complete; it cannot be read as a Word document."
    )
    count = _declared_members(data)
    if count is None:
        raise ImportRefused(corrupt)
    # 0xFFFF defers to a ZIP64 record: no Word document needs that many parts.
    if count > MAX_ZIP_MEMBERS:
        raise ImportRefused(
            t.gettext("The file has too many parts ({count}) to be a Word document.").format(
                count=count if count != 0xFFFF else "65535+"
            )
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, struct.error) as error:
        raise ImportRefused(corrupt) from error
    bomb = t.gettext(
        "The file declares far more content than it holds (a zip bomb); it is not read."
    )
    if len(members) > MAX_ZIP_MEMBERS:
        raise ImportRefused(bomb)
    if sum(member.file_size for member in members) > MAX_ZIP_TOTAL:
        raise ImportRefused(bomb)
    for member in members:
        if member.file_size > RATIO_FLOOR and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise ImportRefused(bomb)
    return archive


def read_member(
    archive: zipfile.ZipFile, name: str, t: gettext.NullTranslations, limit: int = MAX_XML_PART
) -> bytes | None:
    """One part, inflated in chunks that stop at ``limit`` whatever its header says.

    None when the package has no such part.
    """
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    too_large = t.gettext("A part of the document is too large to read ({name}).").format(name=name)
    if info.file_size > limit:
        raise ImportRefused(too_large)
    out = bytearray()
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                out += chunk
                # A header can lie about the size; the inflated bytes cannot.
                if len(out) > limit:
                    raise ImportRefused(too_large)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as error:
        # NotImplementedError: an unknown compression method; RuntimeError of
        # an encrypted member is a password request.
        raise ImportRefused(
            t.gettext("The file is damaged or not complete; it cannot be read as a Word document.")
        ) from error
    except RuntimeError as error:
        raise ImportRefused(
            t.gettext(
                "The file is password-protected; remove the password in Word and import it again."
            )
        ) from error
    return bytes(out)


def _xml_parser() -> etree.XMLParser:
    # No entity is expanded, no DTD or anything else is loaded, and libxml2
    # keeps its limits on depth and text size (huge_tree off).
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, t: gettext.NullTranslations) -> Any:
    """The root of an Office XML part, parsed without entities, DTDs or network.

    Word never writes a DOCTYPE: a part with one is refused, so even an
    entity lxml leaves unexpanded never reaches the text.
    """
    damaged = t.gettext("The file is damaged; a part of it is not readable XML.")
    declared = t.gettext("The document holds a declaration Word never writes; it is not read.")
    # A DOCTYPE stands before the root element, after any comments.
    root_at = _ROOT_START.search(data)
    if b"<!DOCTYPE" in data[: root_at.start() if root_at else len(data)]:
        raise ImportRefused(declared)
    try:
        root = etree.fromstring(data, parser=_xml_parser())
    except etree.XMLSyntaxError as error:
        raise ImportRefused(damaged) from error
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise ImportRefused(declared)
    return root
