"""Readable, safe file names for exports: date, headline slug, language."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from releasewriter.export.transliterate import to_ascii
from releasewriter.model import Release

MAX_SLUG = 48
# Names Windows refuses whatever the extension.
RESERVED_NAMES = frozenset(
    {
        "con",
        "prn",
        "aux",
        "nul",
        *(f"com{i}" for i in range(1, 10)),
        *(f"lpt{i}" for i in range(1, 10)),
    }
)


def slugify(text: str) -> str:
    """ASCII words when the headline folds to Latin; otherwise the script's own letters
    (an Arabic or Chinese headline still names its file)."""
    folded = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "Oe"))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii").lower()
    ascii_only = re.sub(r"['’]", "", ascii_only)
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    if len(re.sub(r"[^a-z]", "", slug)) < 3:
        native = unicodedata.normalize("NFC", text).lower()
        slug = re.sub(r"[\W_]+", "-", native).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[: MAX_SLUG + 1]
        # End on a whole word where there is one.
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:MAX_SLUG]
    return slug.strip("-") or "release"


def export_filename(release: Release, locale: str, extension: str) -> str:
    version = release.version(locale)
    date = release.dateline.date or release.modified.date()
    slug = slugify(version.headline)
    if slug in RESERVED_NAMES:
        slug += "-release"
    return f"{date.isoformat()}_{slug}_{locale}.{extension}"


def ascii_export_filename(release: Release, locale: str, extension: str) -> str:
    """:func:`export_filename` in ASCII, for mail programs that cannot read a Unicode name:
    the headline transliterated, or the release's id where no table reaches (Chinese)."""
    version = release.version(locale)
    date = release.dateline.date or release.modified.date()
    spelled = to_ascii(version.headline)
    slug = slugify(spelled) if len(re.sub(r"[^A-Za-z]", "", spelled)) >= 3 else ""
    if not slug.isascii() or not slug:
        slug = f"release-{release.id[:12]}"
    if slug in RESERVED_NAMES:
        slug += "-release"
    language = re.sub(r"[^A-Za-z0-9_-]+", "-", locale)
    return f"{date.isoformat()}_{slug}_{language}.{extension}"


def numbered(path: Path, number: int) -> Path:
    """ "name.docx" → "name (2).docx": how file managers and Word name a second copy."""
    return path.with_name(f"{path.stem} ({number}){path.suffix}")


def next_free_numbered(paths: Sequence[Path]) -> list[Path]:
    """``paths``, each numbered with the lowest number from 2 at which none of them exists.

    One number for all: the French and English, Word and web files of one export keep
    belonging together ("…_fr (3).docx" beside "…_en (3).html"), even where only one of
    the earlier names was taken.
    """
    number = 2
    while any(os.path.lexists(numbered(path, number)) for path in paths):
        number += 1
    return [numbered(path, number) for path in paths]
