"""Spelling: which words of a field are misspelt, in the version's language, and what to
write instead. Qt-free; the editor's underlining and menu are in ``releasewriter.ui.spelling``.
"""

from __future__ import annotations

from releasewriter.spelling.checker import (
    LanguageChecker,
    Misspelling,
    checker_for,
    has_word_list,
    loaded_checker,
)
from releasewriter.spelling.personal import DICTIONARY_FILE, PersonalDictionary

__all__ = [
    "DICTIONARY_FILE",
    "LanguageChecker",
    "Misspelling",
    "PersonalDictionary",
    "checker_for",
    "has_word_list",
    "loaded_checker",
]
