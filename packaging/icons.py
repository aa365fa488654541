#!/usr/bin/env python3
"""Every icon file the installers need, made from the SVGs in resources/icons.

    python packaging/icons.py --out DIR

writes

* ``DIR/hicolor/NxN/apps/org.releasewriter.ReleaseWriter.png`` for N in
  16, 22, 24, 32, 48, 64, 128, 256 and 512, and the SVG itself in
  ``DIR/hicolor/scalable/apps/`` (the freedesktop.org icon theme layout, as
  installed under /usr/share/icons/hicolor);
* the same sizes of the draft files' icon in ``DIR/hicolor/*/mimetypes/``,
  named after the MIME type (``application-x-releasewriter-draft``);
* ``DIR/releasewriter.ico`` (Windows: 16, 20, 24, 32, 40, 48, 64 and 256 px)
  and ``DIR/releasewriter-draft.ico``;
* ``DIR/releasewriter.icns`` (macOS: 16 to 1024 px, with the @2x sizes) and
  ``DIR/releasewriter-draft.icns``.

The SVG is drawn by Qt (QtSvg into a QImage, on the offscreen platform: no
display needed), so the build needs PySide6-Essentials and nothing else. The
.ico and .icns containers hold PNG images and are written here: both formats
are a short header and a table of contents.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"

APP_ID = "org.releasewriter.ReleaseWriter"
MIME_TYPE = "application/x-releasewriter-draft"
# The icon theme name of a MIME type: its slash turned into a dash.
MIME_ICON = MIME_TYPE.replace("/", "-")
APP_SVG = ICONS / "releasewriter.svg"
DRAFT_SVG = ICONS / "releasewriter-draft.svg"

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)
# The PNG entries of an .icns file: type code, pixels (a @2x entry has twice
# the pixels of the point size it is for).
ICNS_TYPES = (
    (b"icp4", 16),  # 16x16
    (b"ic11", 32),  # 16x16@2x
    (b"icp5", 32),  # 32x32
    (b"ic12", 64),  # 32x32@2x
    (b"ic07", 128),  # 128x128
    (b"ic13", 256),  # 128x128@2x
    (b"ic08", 256),  # 256x256
    (b"ic14", 512),  # 256x256@2x
    (b"ic09", 512),  # 512x512
    (b"ic10", 1024),  # 512x512@2x
)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# -- containers (no Qt needed) ------------------------------------------------


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header."""
    if not png.startswith(PNG_SIGNATURE) or png[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def ico_bytes(pngs: Iterable[bytes]) -> bytes:
    """A Windows icon holding each PNG as one image (Windows Vista and later read PNG entries)."""
    images = sorted(pngs, key=lambda png: png_size(png)[0])
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = []
    for png in images:
        width, height = png_size(png)
        if width > 256 or height > 256:
            raise ValueError(f"an .ico image is at most 256 px, not {width}x{height}")
        # 256 is written as 0: the field is one byte.
        entries.append(
            struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(png), offset)
        )
        offset += len(png)
    return header + b"".join(entries) + b"".join(images)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An Apple icon file with a PNG entry for each type in ICNS_TYPES (pixels → PNG)."""
    chunks = []
    for code, pixels in ICNS_TYPES:
        png = pngs[pixels]
        if png_size(png) != (pixels, pixels):
            raise ValueError(f"{code.decode()} needs {pixels}x{pixels}, not {png_size(png)}")
        chunks.append(code + struct.pack(">I", 8 + len(png)) + png)
    body = b"".join(chunks)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


# -- drawing (Qt) ---------------------------------------------------------------


class Rasteriser:
    """Draws an SVG at any size with QtSvg, without a display."""

    def __init__(self) -> None:
        # The offscreen platform unless the caller chose one: icons are drawn
        # on build machines and in CI, where there is no screen.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

        existing = QGuiApplication.instance()
        self._app = existing if existing is not None else QGuiApplication(["icons"])

    def png(self, svg: Path, pixels: int) -> bytes:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF  # noqa: PLC0415
        from PySide6.QtGui import QImage, QImageWriter, QPainter  # noqa: PLC0415
        from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415

        renderer = QSvgRenderer(str(svg))
        if not renderer.isValid():
            raise ValueError(f"Qt cannot read {svg}")
        image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, pixels, pixels))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QImageWriter(buffer, QByteArray(b"png"))
        if not writer.write(image.convertToFormat(QImage.Format.Format_ARGB32)):
            raise RuntimeError(
                f"Qt could not write a {pixels} px PNG of {svg}: {writer.errorString()}"
            )
        buffer.close()
        return bytes(data.data())


def _write(path: Path, data: bytes, written: list[Path]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    written.append(path)


def generate(out: Path) -> list[Path]:
    """Write every icon into ``out``; the paths written."""
    rasteriser = Rasteriser()
    written: list[Path] = []
    icons = (
        (APP_SVG, "apps", APP_ID, "releasewriter"),
        (DRAFT_SVG, "mimetypes", MIME_ICON, "releasewriter-draft"),
    )
    for svg, context, name, file_stem in icons:
        pixels_needed = {*HICOLOR_SIZES, *ICO_SIZES, *(pixels for _, pixels in ICNS_TYPES)}
        pngs = {pixels: rasteriser.png(svg, pixels) for pixels in sorted(pixels_needed)}
        for pixels in HICOLOR_SIZES:
            folder = out / "hicolor" / f"{pixels}x{pixels}" / context
            _write(folder / f"{name}.png", pngs[pixels], written)
        scalable = out / "hicolor" / "scalable" / context / f"{name}.svg"
        scalable.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(svg, scalable)
        written.append(scalable)
        _write(out / f"{file_stem}.ico", ico_bytes(pngs[p] for p in ICO_SIZES), written)
        _write(out / f"{file_stem}.icns", icns_bytes(pngs), written)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="the folder to write into")
    args = parser.parse_args(argv)
    for path in generate(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
