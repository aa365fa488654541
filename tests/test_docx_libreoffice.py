"""The DOCX export as LibreOffice opens and prints it.

Each exported document is converted to PDF by LibreOffice and read back with
pdftotext: what a recipient sees must hold the headline, the dateline, the
quote and its speaker, the contact's address and the labels in the
release's language. Labels are compared with the label catalogs themselves,
so these checks hold whichever languages have translations.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from releasewriter.export.docx_build import build_docx
from releasewriter.export.docx_check import check_docx
from releasewriter.model import Release
from releasewriter.render import render_release
from releasewriter.render.document import Block, RenderedRelease
from releasewriter.render.labels import Labels
from tests.consumers import (
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
