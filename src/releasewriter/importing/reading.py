"""Which reader a file needs, by what it holds first and by its name second.

A file's extension is a claim; its first bytes are a fact: a Word document
renamed .txt is still read as one, and a page saved as .txt as a page.
Formats the app does not read (Word 97-2003, RTF, PDF, OpenDocument) and
password-protected documents are refused with a line that says what to do.
Every message names the file by its name, never by its folder.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

from releasewriter.importing.blocks import ImportRefused, SourceBlock
from releasewriter.importing.docx_reader import read_docx_package
from releasewriter.importing.html_reader import read_html
from releasewriter.importing.limits import (
    MAX_DOCX_BYTES,
    MAX_HTML_BYTES,
    MAX_TEXT_BYTES,
    check_size,
    is_ole2,
    is_zip,
)
from releasewriter.importing.text_reader import read_text, text_blocks

__all__ = ["ReadResult", "read_blocks", "read_blocks_from_text"]

_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|p|div|meta|table)[\s>/]", re.I)
_MARKDOWN = {".md", ".markdown", ".mdown", ".mkd"}
_HTML = {".html", ".htm", ".xhtml"}
# OLE2 directory entries are UTF-16 names; an encrypted OOXML package keeps
# its encrypted zip in a stream next to one named EncryptionInfo.
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_ODF_TEXT = b"mimetypeapplication/vnd.oasis.opendocument"


@dataclass(frozen=True)
class ReadResult:
    """A file's lines, and notes for the user on what was left out (macros…)."""

    blocks: list[SourceBlock]
    notes: list[str] = field(default_factory=list)


def _refusal(data: bytes, suffix: str, t: gettext.NullTranslations) -> str | None:
    """Why a file of a format the app does not read is refused, or None."""
    if is_ole2(data):
        if _ENCRYPTION_INFO in data:
            return t.gettext(
                "The document is password-protected; remove the password in Word "
                "(File > Info > Protect Document) and import it again."
            )
        return t.gettext(
            "It is a Word 97-2003 document; open it in Word or LibreOffice and save it as .docx."
        )
    if data.startswith(b"{\\rtf"):
        return t.gettext("RTF files cannot be imported; save it as .docx and import that.")
    if data.startswith(b"%PDF-"):
        return t.gettext(
            "PDF files cannot be imported; open the original document, or copy "
            "the text from the PDF and paste it."
        )
    if is_zip(data) and _ODF_TEXT in data[:100]:
        return t.gettext("OpenDocument files cannot be imported; in LibreOffice, save it as .docx.")
    return None


def _is_binary(data: bytes) -> bool:
    """Bytes no text editor wrote: NULs without a UTF-16 or UTF-32 byte order mark."""
    head = data[:8192]
    return b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"))


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(_HTML_START.search(head[:512]))


def _read(data: bytes, suffix: str, t: gettext.NullTranslations) -> ReadResult:
    reason = _refusal(data, suffix, t)
    if reason is not None:
        raise ImportRefused(reason)
    if is_zip(data):
        check_size(len(data), MAX_DOCX_BYTES, t)
        blocks, notes = read_docx_package(data, t)
        return ReadResult(blocks, notes)
    if suffix in _HTML or _looks_like_html(data):
        return ReadResult(read_html(data, t))
    # Some systems save a web page as ".doc", so the name alone refuses nothing;
    # what is neither a document, a page nor text is refused here.
    if _is_binary(data):
        raise ImportRefused(
            t.gettext("It is not a format the app reads; import a .docx, .html, .txt or .md file.")
        )
    return ReadResult(read_text(data, t, markdown=suffix in _MARKDOWN))


def _limit(suffix: str) -> int:
    if suffix in _HTML:
        return MAX_HTML_BYTES
    if suffix in (".txt", *_MARKDOWN):
        return MAX_TEXT_BYTES
    return MAX_DOCX_BYTES


def read_blocks(path: Path, t: gettext.NullTranslations | None = None) -> ReadResult:
    """The lines of the file at ``path``, or :class:`ImportRefused` with one line to show."""
    t = t or gettext.NullTranslations()
    suffix = path.suffix.lower()
    try:
        # Refused by its size before a byte is read: a 100 MB page costs nothing.
        check_size(path.stat().st_size, _limit(suffix), t)
        with path.open("rb") as stream:
            data = stream.read(_limit(suffix) + 1)
        return _read(data, suffix, t)
    except ImportRefused as refused:
        raise ImportRefused(
            t.gettext("{name} cannot be imported: {reason}").format(name=path.name, reason=refused)
        ) from refused
    except OSError as error:
        raise ImportRefused(
            t.gettext("{name} cannot be read: {reason}").format(
                name=path.name, reason=error.strerror or type(error).__name__
            )
        ) from error


def read_blocks_from_text(text: str, markdown: bool) -> ReadResult:
    """The lines of pasted text."""
    return ReadResult(text_blocks(text, markdown))
