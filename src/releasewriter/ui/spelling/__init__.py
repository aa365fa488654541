"""Spelling in the editor: red wavy underlines and a right-click menu of corrections.

The checking itself is Qt-free, in :mod:`releasewriter.spelling`.
"""

from __future__ import annotations

from releasewriter.ui.spelling.highlighter import SpellingHighlighter, spelling_format
from releasewriter.ui.spelling.menu import (
    SpellingLabels,
    install_context_menu,
    replace_word,
    spelling_actions,
    spelling_menu,
)
from releasewriter.ui.spelling.service import SpellingService, attach_spelling

__all__ = [
    "SpellingHighlighter",
    "SpellingLabels",
    "SpellingService",
    "attach_spelling",
    "install_context_menu",
    "replace_word",
    "spelling_actions",
    "spelling_format",
    "spelling_menu",
]
