"""Choosing the reader by what a file holds, then by its name; refusing what cannot be read."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest

from releasewriter.importing.blocks import BlockKind, ImportRefused
from releasewriter.importing.reading import read_blocks, read_blocks_from_text
from tests.importing.samples import release_docx, replace_member

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _ole2(*streams: str) -> bytes:
    """An OLE2 header and a directory naming ``streams``: all that detection reads."""
    directory = b"".join(name.encode("utf-16-le").ljust(64, b"\x00") for name in streams)
    return OLE2 + b"\x00" * 504 + directory.ljust(512, b"\x00")


def _odt() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _refusal(path: Path) -> str:
    with pytest.raises(ImportRefused) as refused:
        read_blocks(path)
    message = str(refused.value)
    assert "\n" not in message
    assert str(path.parent) not in message  # the file's name, never its folder
    assert message.startswith(f"{path.name} cannot be imported: ")
    return message


def test_a_word_document_is_read_as_one_whatever_its_name(tmp_path: Path) -> None:
    result = read_blocks(_write(tmp_path, "release.txt", release_docx()))
    assert result.blocks[0].kind is BlockKind.HEADING
    assert result.notes == []


def test_a_web_page_is_read_as_one_whatever_its_name(tmp_path: Path) -> None:
    page = b"<!doctype html><html><body><h1>Title</h1><p>Body *</p></body></html>"
    blocks = read_blocks(_write(tmp_path, "page.txt", page)).blocks
    assert [(b.plain, b.kind) for b in blocks] == [
        ("Title", BlockKind.HEADING),
        ("Body *", BlockKind.PARAGRAPH),
    ]


def test_markdown_is_read_as_markdown_only_by_its_name(tmp_path: Path) -> None:
    text = b"# Title\n\n**Bold line**\n"
    markdown = read_blocks(_write(tmp_path, "release.md", text)).blocks
    plain = read_blocks(_write(tmp_path, "release.txt", text)).blocks
    assert [b.plain for b in markdown] == ["Title", "Bold line"]
    assert [b.plain for b in plain] == ["# Title", "**Bold line**"]


def test_pasted_text_is_read_as_text_or_markdown() -> None:
    assert read_blocks_from_text("a *b*\r\nc", markdown=False).blocks[0].text == "a \\*b\\*"
    assert read_blocks_from_text("a *b*\r\nc", markdown=True).blocks[0].text == "a *b*"


def test_a_macro_enabled_document_is_read_its_macros_noted_never_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("nothing may be started while importing")

    monkeypatch.setattr(subprocess, "Popen", forbidden)
    data = release_docx()
    docm = replace_member(
        data,
        "[Content_Types].xml",
        _content_types(data).replace(b"document.main+xml", b"document.macroEnabled.main+xml"),
        extra={"word/vbaProject.bin": b'Attribute VB_Name = "AutoOpen"\nShell "calc"'},
    )
    result = read_blocks(_write(tmp_path, "release.docm", docm))
    assert "After the table." in [b.plain for b in result.blocks]
    assert result.notes == ["The document contains macros; they were ignored and never run."]


def _content_types(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("[Content_Types].xml")


def test_a_word_97_document_is_refused_with_what_to_do(tmp_path: Path) -> None:
    message = _refusal(_write(tmp_path, "old.doc", _ole2("Root Entry", "WordDocument")))
    assert "Word 97-2003 document" in message
    assert "save it as .docx" in message


def test_a_password_protected_document_is_refused(tmp_path: Path) -> None:
    data = _ole2("Root Entry", "EncryptionInfo", "EncryptedPackage")
    assert "password-protected" in _refusal(_write(tmp_path, "secret.docx", data))


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("release.rtf", b"{\\rtf1\\ansi Hello}", "RTF files cannot be imported"),
        ("release.pdf", b"%PDF-1.7\n%...", "PDF files cannot be imported"),
        ("release.odt", _odt(), "OpenDocument files cannot be imported"),
        ("release.doc", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a format the app reads"),
    ],
)
def test_formats_the_app_cannot_read_are_refused_in_one_line(
    tmp_path: Path, name: str, data: bytes, says: str
) -> None:
    assert says in _refusal(_write(tmp_path, name, data))


def test_a_web_page_saved_as_doc_is_read_as_a_page(tmp_path: Path) -> None:
    page = b"<html><body><p class=MsoNormal>Exported by a web app</p></body></html>"
    blocks = read_blocks(_write(tmp_path, "export.doc", page)).blocks
    assert [block.plain for block in blocks] == ["Exported by a web app"]


def test_a_missing_file_is_refused_by_its_name(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match=r"^gone\.docx cannot be read: "):
        read_blocks(tmp_path / "gone.docx")
