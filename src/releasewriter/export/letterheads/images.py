"""Images a page needs, no larger: letterhead media and the organisation's logo.

Pictures are opened with a cap on their pixel count, checked before any
pixel is decoded, so that a small file claiming a huge picture (a
decompression bomb) is refused instead of filling the memory. A picture
larger than a printed page can show is scaled down and encoded again: PNG
when it has transparency (a logo over a coloured band), JPEG otherwise.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

# 40 megapixels: a full-page picture at 600 dpi is 35.
MAX_PIXELS = 40_000_000
# A header logo or a full-width band prints sharp at 2000 pixels.
MAX_SIDE = 2000
# One picture of a letterhead, and the logo (which also travels in every email).
IMAGE_BUDGET = 400 * 1024
LOGO_LIMIT = 1024 * 1024
JPEG_QUALITY = 85

RASTER_EXTENSIONS = {"png", "jpg", "jpeg", "jpe", "gif", "bmp", "tif", "tiff"}
MEDIA_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}
EXTENSIONS = {"image/png": "png", "image/jpeg": "jpeg"}


class ImageTooLarge(Exception):
    """More pixels than any page needs: possibly a decompression bomb."""


class ImageUnreadable(Exception):
    """Not a picture Pillow can read."""


@dataclass(frozen=True)
class Picture:
    width: int
    height: int
    format: str  # Pillow's name: "PNG", "JPEG", "BMP"…
    has_alpha: bool


def _open(data: bytes) -> Image.Image:
    """The picture, its header read only; refused before decoding when it is too large."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ImageTooLarge(str(error)) from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise ImageUnreadable(str(error)) from error
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ImageTooLarge(f"{width}×{height}")
    return image


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )


def inspect_picture(data: bytes) -> Picture:
    """Size and kind; raises ImageTooLarge or ImageUnreadable."""
    image = _open(data)
    return Picture(image.width, image.height, image.format or "", _has_alpha(image))


def _encode(image: Image.Image, alpha: bool) -> tuple[str, bytes]:
    out = io.BytesIO()
    if alpha:
        image.save(out, "PNG", optimize=True)
        return "image/png", out.getvalue()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return "image/jpeg", out.getvalue()


def _pixels(data: bytes) -> tuple[Image.Image, bool]:
    image = _open(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ImageTooLarge(str(error)) from error
    except (OSError, ValueError, SyntaxError) as error:
        raise ImageUnreadable(str(error)) from error
    alpha = _has_alpha(image)
    image = image.convert("RGBA" if alpha else "RGB")
    return image, alpha


def shrink(data: bytes, budget: int = IMAGE_BUDGET, max_side: int = MAX_SIDE) -> tuple[str, bytes]:
    """(media type, data): the picture at most ``max_side`` pixels a side, within ``budget`` bytes.

    Raises ImageTooLarge or ImageUnreadable.
    """
    image, alpha = _pixels(data)
    scale = min(1.0, max_side / max(image.size))
    while True:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        resized = image if size == image.size else image.resize(size, Image.Resampling.LANCZOS)
        media_type, encoded = _encode(resized, alpha)
        if len(encoded) <= budget or max(size) <= 64:
            return media_type, encoded
        # Bytes grow with the pixel count: aim under the budget, and shrink by at least a fifth.
        scale *= min(0.8, (budget / len(encoded)) ** 0.5 * 0.9)


def needs_shrinking(picture: Picture, size: int, budget: int = IMAGE_BUDGET) -> bool:
    """Too many pixels or bytes, or a kind Word keeps uncompressed (BMP, TIFF)."""
    return (
        max(picture.width, picture.height) > MAX_SIDE
        or size > budget
        or picture.format not in ("PNG", "JPEG", "GIF")
    )


def fit_logo(media_type: str, data: bytes) -> tuple[str, bytes]:
    """The organisation's logo as it is when it is small; else scaled down well under 1 MB.

    Raises ImageTooLarge for a picture of more than :data:`MAX_PIXELS`, and
    ImageUnreadable for one Pillow cannot read.
    """
    picture = inspect_picture(data)
    if len(data) <= LOGO_LIMIT and max(picture.width, picture.height) <= MAX_SIDE:
        return media_type, data
    return shrink(data, budget=IMAGE_BUDGET)
