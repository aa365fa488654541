"""The organisation's logo is kept small: it travels in every draft, email and export."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from releasewriter.export.letterheads import ImageTooLarge, ImageUnreadable, fit_logo
from tests.letterhead_samples import BIG_IMAGE_BYTES, logo_png, noisy_png, png_claiming


def test_a_30_mb_logo_comes_out_well_under_a_megabyte() -> None:
    big = noisy_png()
    assert len(big) >= BIG_IMAGE_BYTES
    media_type, data = fit_logo("image/png", big)
    assert len(data) < 512 * 1024
    assert media_type == "image/jpeg"  # no transparency: a photograph's encoding
    assert max(Image.open(io.BytesIO(data)).size) <= 2000


def test_a_small_logo_is_kept_byte_for_byte() -> None:
    logo = logo_png()
    assert fit_logo("image/png", logo) == ("image/png", logo)


def test_a_logo_with_transparency_stays_a_png_when_it_is_scaled_down() -> None:
    image = Image.new("RGBA", (6000, 1500), (0, 0, 0, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    media_type, data = fit_logo("image/png", out.getvalue())
    assert media_type == "image/png"
    assert Image.open(io.BytesIO(data)).size == (2000, 500)


def test_a_decompression_bomb_logo_is_refused_before_it_is_decoded() -> None:
    with pytest.raises(ImageTooLarge):
        fit_logo("image/png", png_claiming(100_000, 100_000))


def test_a_file_that_is_no_picture_is_unreadable() -> None:
    with pytest.raises(ImageUnreadable):
        fit_logo("image/png", b"not a picture at all")
