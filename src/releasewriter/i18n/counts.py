"""Length of text as an editor shows it: words, or characters for Chinese and Japanese."""

from __future__ import annotations

import re

from releasewriter.i18n.locales import language_of

# Chinese and Japanese are written without spaces: a "word count" there is a
# character count, as their word processors show it.
_CHARACTER_COUNTED = frozenset({"zh", "ja"})
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def counts_characters(locale: str) -> bool:
    return language_of(locale) in _CHARACTER_COUNTED


def text_length(text: str, locale: str) -> int:
    if counts_characters(locale):
        return sum(1 for c in text if not c.isspace() and c.isprintable())
    return len(_WORD.findall(text))
