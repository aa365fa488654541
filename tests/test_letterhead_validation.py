"""A file chosen as a letterhead: taken when it is a Word document, refused in words otherwise."""

from __future__ import annotations

import gettext
import io
import zipfile

import pytest

from releasewriter.export.letterheads import LetterheadRejected, inspect_letterhead
from tests.letterhead_samples import (
    HOUSE_FONT,
    plain_letterhead,
    png_claiming,
    replaced_parts,
    zip_of,
)

T = gettext.NullTranslations()
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def _refusal(data: bytes, name: str) -> str:
    with pytest.raises(LetterheadRejected) as caught:
        inspect_letterhead(data, name, T)
    message = caught.value.message
    assert name in message  # the user's own file is named
    assert "zip" not in message.lower()  # no words from inside the machinery
    return message


def _with_main_type(data: bytes, content_type: str) -> bytes:
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    return replaced_parts(
        data, {"[Content_Types].xml": types.replace(DOCX_MAIN.encode(), content_type.encode())}
    )


def test_a_word_letterhead_is_described_for_the_preview() -> None:
    info = inspect_letterhead(plain_letterhead(), "acme.docx", T)
    assert info.has_header
    assert info.has_footer
    assert info.body_font == HOUSE_FONT
    assert not info.template
    assert not info.macros
    assert info.page.width > 0
    assert info.page.height > info.page.width
    assert [(i.width, i.height) for i in info.images] == [(240, 80)]


def test_a_word_template_is_taken_as_a_template() -> None:
    info = inspect_letterhead(_with_main_type(plain_letterhead(), DOTX_MAIN), "acme.dotx", T)
    assert info.template


def test_a_macro_enabled_document_is_taken_and_said_to_have_macros() -> None:
    info = inspect_letterhead(_with_main_type(plain_letterhead(), DOCM_MAIN), "acme.docm", T)
    assert info.macros


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("letterhead.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".doc"),
        ("letterhead.rtf", b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} ACME}", ".rtf"),
        ("letterhead.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("letterhead.doc", b"some text a word processor saved", ".doc"),
    ],
)
def test_another_format_is_refused_with_how_to_save_it_as_docx(
    name: str, data: bytes, kind: str
) -> None:
    message = _refusal(data, name)
    assert kind in message
    assert "Open it in Word and save it as a Word Document (.docx)" in message


def test_an_opendocument_text_is_refused_with_how_to_save_it_as_docx() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        # ODF keeps its media type first and uncompressed.
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    message = _refusal(out.getvalue(), "letterhead.odt")
    assert ".odt" in message
    assert "save it as a Word Document (.docx)" in message


def test_an_opendocument_renamed_docx_is_recognised_too() -> None:
    data = zip_of({"content.xml": b"<x/>", "mimetype": b"application/vnd.oasis.opendocument.text"})
    assert ".odt" in _refusal(data, "letterhead.docx")


def test_a_password_protected_docx_is_refused_with_what_to_do() -> None:
    message = _refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "letterhead.docx")
    assert "password" in message


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # a download cut short
        lambda data: data[:-30],  # the end of the central directory missing
        lambda data: b"\0" * len(data),  # a disk error
        lambda data: data[:200] + bytes(b ^ 0x5A for b in data[200:]),  # scrambled
    ],
)
def test_a_damaged_or_incomplete_docx_is_called_that(damage: object) -> None:
    assert callable(damage)
    message = _refusal(damage(plain_letterhead()), "letterhead.docx")
    assert "damaged or not complete" in message


def test_a_zip_that_is_not_a_word_document_is_called_that() -> None:
    data = zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    assert "is not a Word document" in _refusal(data, "figures.docx")


def test_a_zip_bomb_is_not_unpacked() -> None:
    # 80 MB of zeros in a part: a few dozen KB in the file.
    bomb = replaced_parts(plain_letterhead(), {"word/media/filler.bin": b"\0" * (80 << 20)})
    assert len(bomb) < 2 << 20
    assert "far more data" in _refusal(bomb, "letterhead.docx")


def test_a_zip_of_countless_entries_is_not_unpacked() -> None:
    entries = {f"word/media/n{i}.xml": b"" for i in range(5000)}
    bomb = replaced_parts(plain_letterhead(), dict(entries))
    assert "far more data" in _refusal(bomb, "letterhead.docx")


@pytest.mark.parametrize("side", [9_000, 100_000])  # over our cap; over Pillow's own
def test_a_decompression_bomb_picture_is_refused(side: int) -> None:
    bomb = replaced_parts(plain_letterhead(), {"word/media/image1.png": png_claiming(side, side)})
    assert "far too large" in _refusal(bomb, "letterhead.docx")


def test_a_file_over_the_size_limit_is_refused_with_its_size() -> None:
    message = _refusal(b"PK\x03\x04" + b"\0" * (51 << 20), "huge.docx")
    assert "51 MB" in message
