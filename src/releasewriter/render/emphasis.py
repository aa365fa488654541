"""How a version sets off a word: in italics only where its script has italic type.

Chinese, Japanese, Korean, Arabic, Hebrew and Thai fonts have no italic;
Word, LibreOffice and browsers slant their glyphs instead, which a reader
takes for a fault. Text in those scripts stays upright, and the emphasis a
writer asked for (``*word*``) takes the script's own form: bold, or for
Chinese the emphasis dots under each character (着重号).
"""

from __future__ import annotations

from typing import Literal

from releasewriter.i18n.locales import script_of

Emphasis = Literal["italic", "bold", "dots"]

# ISO 15924 script codes, as CLDR's likely subtags give them for a locale.
_WITHOUT_ITALIC: dict[str, Emphasis] = {
    "Arab": "bold",
    "Hebr": "bold",
    "Thai": "bold",
    "Jpan": "bold",
    "Kore": "bold",
    "Hans": "dots",
    "Hant": "dots",
}


def emphasis_for(locale: str) -> Emphasis:
    """How ``*emphasis*`` is set in a version in ``locale``."""
    return _WITHOUT_ITALIC.get(script_of(locale), "italic")


def has_italic(locale: str) -> bool:
    """Whether the locale's script is set in italics at all (a subheadline, a style)."""
    return emphasis_for(locale) == "italic"
