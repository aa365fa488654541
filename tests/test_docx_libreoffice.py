"""The DOCX export as LibreOffice opens and prints it.

Each exported document is converted to PDF by LibreOffice and read back with
pdftotext: what a recipient sees must hold the headline, the dateline, the
quote and its speaker, the contact's address and the labels in the
release's language. Labels are compared with the label catalogs themselves,
so these checks hold whichever languages have translations.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import lxml.etree
import pytest
from docx.oxml.ns import qn

from releasewriter.export import docx_xml
from releasewriter.export.docx_build import build_docx
from releasewriter.export.docx_check import check_docx
from releasewriter.model import Release
from releasewriter.render import render_release
from releasewriter.render.document import Block, RenderedRelease
from releasewriter.render.labels import Labels
from tests.consumers import (
    convert,
    convert_to_pdf,
    pdf_text,
    require_libreoffice,
    squashed,
    word_keys,
)
from tests.releases import arabic_release, chinese_release, sample_release

pytestmark = pytest.mark.consumer


@pytest.fixture(scope="module", autouse=True)
def _libreoffice() -> None:
    require_libreoffice()


def _printed(release: Release, locale: str, folder: Path) -> tuple[RenderedRelease, Path]:
    rendered = render_release(release, locale)
    data = build_docx(rendered)
    check_docx(data, rendered)
    source = folder / f"release_{locale}.docx"
    source.write_bytes(data)
    return rendered, convert_to_pdf(source, folder / "pdf")


def _text(spans_of: Block) -> str:
    return "".join(span.text for span in spans_of.spans)


def _quote(rendered: RenderedRelease) -> Block:
    return next(block for block in rendered.blocks if block.kind == "quote")


def _label(pattern: str, placeholder: str) -> str:
    """The words of a pattern such as "Email: {email}" around its placeholder."""
    return pattern.replace(placeholder, " ").strip()


def _expected_phrases(rendered: RenderedRelease) -> list[str]:
    labels = Labels(rendered.locale)
    return [
        rendered.headline,
        rendered.dateline,
        _text(_quote(rendered)),
        labels.contacts_heading,
        _label(labels.email_pattern, "{email}"),
        rendered.about_heading,
    ]


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_libreoffice_prints_the_sample_release(tmp_path: Path, locale: str) -> None:
    release = sample_release()
    rendered, pdf = _printed(release, locale, tmp_path)
    printed = squashed(pdf_text(pdf))
    for phrase in _expected_phrases(rendered):
        assert squashed(phrase) in printed, phrase
    assert "PärLiljert" in printed
    assert "ewong@iom.int" in printed
    # The status is printed in capitals (the "Release Status" style).
    assert squashed(Labels(locale).immediate_release).casefold() in printed.casefold()
    first_paragraph = rendered.blocks[0]
    assert squashed(f"{first_paragraph.lead} {_text(first_paragraph)}") in printed


def test_libreoffice_prints_the_chinese_release(tmp_path: Path) -> None:
    rendered, pdf = _printed(chinese_release(), "zh_Hans_CN", tmp_path)
    printed = squashed(pdf_text(pdf))
    for phrase in _expected_phrases(rendered):
        assert squashed(phrase) in printed, phrase
    assert "PärLiljert" in printed
    assert "ewong@iom.int" in printed
    assert squashed(Labels("zh_Hans_CN").immediate_release) in printed


def test_libreoffice_prints_the_arabic_release(tmp_path: Path) -> None:
    rendered, pdf = _printed(arabic_release(), "ar", tmp_path)
    # Right-to-left lines come out in visual order: compare words, not strings.
    printed = word_keys(pdf_text(pdf, raw=True))
    phrases = [*_expected_phrases(rendered), Labels("ar").immediate_release, "ليلى حسن"]
    for phrase in phrases:
        missing = word_keys(phrase) - printed
        assert not missing, (phrase, missing)
    assert "lhassan@iom.int" in squashed(pdf_text(pdf))


def test_libreoffice_keeps_an_arabic_phone_number_in_order(tmp_path: Path) -> None:
    """Without left-to-right marks LibreOffice prints "9660 565 6 962+"."""
    _, pdf = _printed(arabic_release(), "ar", tmp_path)
    assert "+962 6 565 9660" in pdf_text(pdf)


_ODF_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_ODF_FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"


def _opened_styles(release: Release, locale: str, folder: Path) -> dict[str, dict[str, str]]:
    """The text properties of each style LibreOffice made of the exported document."""
    docx_file = folder / "release.docx"
    docx_file.write_bytes(build_docx(render_release(release, locale)))
    tree = lxml.etree.parse(str(convert(docx_file, folder, "fodt")))
    found: dict[str, dict[str, str]] = {}
    for style in tree.iter(f"{_ODF_STYLE}style"):
        name = style.get(f"{_ODF_STYLE}display-name") or style.get(f"{_ODF_STYLE}name") or ""
        for properties in style.iter(f"{_ODF_STYLE}text-properties"):
            found.setdefault(name, {}).update(
                {key.split("}")[1]: value for key, value in properties.attrib.items()}
            )
    return found


def _with_emphasis(release: Release, locale: str, word: str) -> Release:
    version = release.version(locale)
    version.subheadline = word
    version.body[0].text += f" *{word}*"
    return release


def test_libreoffice_opens_chinese_emphasis_as_dots_and_nothing_slanted(tmp_path: Path) -> None:
    opened = _opened_styles(
        _with_emphasis(chinese_release(), "zh_Hans_CN", "重要"), "zh_Hans_CN", tmp_path
    )
    assert not any("italic" in value for value in opened["Subheadline"].values())
    automatic = [props for name, props in opened.items() if name.startswith(("T", "P"))]
    assert any(props.get("text-emphasize") == "dot below" for props in automatic)
    assert not any("italic" in v for props in automatic for v in props.values())


def test_libreoffice_opens_arabic_emphasis_as_bold_and_nothing_slanted(tmp_path: Path) -> None:
    opened = _opened_styles(_with_emphasis(arabic_release(), "ar", "مهم"), "ar", tmp_path)
    assert not any("italic" in value for value in opened["Subheadline"].values())
    automatic = [props for name, props in opened.items() if name.startswith(("T", "P"))]
    assert any(props.get("font-weight-complex") == "bold" for props in automatic)
    assert not any("italic" in v for props in automatic for v in props.values())


def test_libreoffice_prints_text_cut_into_several_pieces_of_a_run_as_one_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Text over 10 MB is written in several w:t of one run (libxml2 reads no
    # longer text node); pieces of 7 characters show the same on a small release.
    monkeypatch.setattr(docx_xml, "TEXT_CHUNK", 7)
    rendered, pdf = _printed(sample_release(), "fr", tmp_path)
    document = lxml.etree.fromstring(
        zipfile.ZipFile(tmp_path / "release_fr.docx").read("word/document.xml")
    )
    assert max(len(t.text or "") for t in document.iter(qn("w:t"))) <= 7
    printed = squashed(pdf_text(pdf))
    for phrase in _expected_phrases(rendered):
        assert squashed(phrase) in printed, phrase
    first_paragraph = rendered.blocks[0]
    assert squashed(f"{first_paragraph.lead} {_text(first_paragraph)}") in printed
