"""The letterhead's first page as HTML: its header, footer, font and page, before it is taken."""

from __future__ import annotations

import base64
import gettext
import io
import re

import docx
from docx.shared import Mm
from PIL import Image

from releasewriter.export.letterheads import letterhead_preview_html
from tests.letterhead_samples import (
    FOOTER_TEXT,
    HEADER_TEXT,
    HOUSE_FONT,
    logo_png,
    plain_letterhead,
)

T = gettext.NullTranslations()
SAMPLE = "Nairobi, 5 December – Sample text of a release."


def test_the_preview_shows_header_text_logo_footer_and_sample_text_in_the_house_font() -> None:
    page = letterhead_preview_html(plain_letterhead(), T, SAMPLE)
    assert HEADER_TEXT in page
    assert FOOTER_TEXT in page
    assert page.count(SAMPLE) >= 3
    assert f"font-family:'{HOUSE_FONT}'" in page
    (logo,) = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert Image.open(io.BytesIO(base64.b64decode(logo))).size == (240, 80)


def test_page_fields_read_as_the_first_page_of_one() -> None:
    page = letterhead_preview_html(plain_letterhead(), T, SAMPLE)
    assert "Page 1 of 1" in page
    assert "7" not in re.sub(r"<[^>]*>", "", page).replace(SAMPLE, "")


def _letterhead(first_page_header: bool, width_mm: int, height_mm: int) -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(width_mm), Mm(height_mm)
    section.left_margin = section.right_margin = Mm(width_mm / 4)
    section.header.paragraphs[0].text = "EVERY PAGE"
    if first_page_header:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = "FIRST PAGE ONLY"
        section.first_page_header.add_paragraph().add_run().add_picture(io.BytesIO(logo_png()))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_letterhead_with_a_first_page_header_shows_that_one() -> None:
    page = letterhead_preview_html(_letterhead(True, 210, 297), T, SAMPLE)
    assert "FIRST PAGE ONLY" in page
    assert "EVERY PAGE" not in page
    assert "data:image/png;base64," in page


def test_the_page_keeps_its_margins_in_proportion() -> None:
    page = letterhead_preview_html(_letterhead(False, 210, 297), T, SAMPLE)
    assert "EVERY PAGE" in page
    width = int(re.search(r'<table align="center" width="(\d+)"', page).group(1))  # type: ignore[union-attr]
    margins = {int(m) for m in re.findall(r'<div style="margin:\d+px (\d+)px', page)}
    assert margins == {round(width / 4)}
