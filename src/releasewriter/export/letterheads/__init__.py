"""The organisation's letterhead: checked when chosen, cleaned, previewed, exported on.

Core code: no Qt. The profile dialog calls :func:`inspect_letterhead`,
:func:`clean_letterhead` and :func:`letterhead_preview_html`; the DOCX export
builds on the cleaned bytes (see ``docx_package.prepared_base``).
"""

from releasewriter.export.letterheads.clean import (
    CleanedLetterhead,
    Removal,
    clean_letterhead,
    describe_removals,
)
from releasewriter.export.letterheads.images import ImageTooLarge, ImageUnreadable, fit_logo
from releasewriter.export.letterheads.preview import letterhead_preview_html
from releasewriter.export.letterheads.validate import (
    LetterheadImage,
    LetterheadInfo,
    LetterheadRejected,
    inspect_letterhead,
)

__all__ = [
    "CleanedLetterhead",
    "ImageTooLarge",
    "ImageUnreadable",
    "LetterheadImage",
    "LetterheadInfo",
    "LetterheadRejected",
    "Removal",
    "clean_letterhead",
    "describe_removals",
    "fit_logo",
    "inspect_letterhead",
    "letterhead_preview_html",
]
