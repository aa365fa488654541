"""Checks behind the dialogs' inline messages; plain functions, testable without widgets."""

from __future__ import annotations

import os
import re
from pathlib import Path

from releasewriter.model.dateline_pattern import pattern_ok

# The same idea as releasewriter.validation: something@host.tld, nothing around it.
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def is_valid_email(text: str) -> bool:
    """An empty address is allowed (a contact may have only a phone)."""
    text = text.strip()
    return not text or EMAIL.fullmatch(text) is not None


def dateline_pattern_ok(pattern: str) -> bool:
    """Empty (the language's standard dateline) or exactly {place} and {date}, no other
    braces, not too long: what the export can use (the same rule as Before sending)."""
    return pattern_ok(pattern)


def nearest_existing(path: Path) -> Path:
    """The path itself if it exists, else its closest ancestor that does."""
    current = path
    while not current.exists() and current.parent != current:
        current = current.parent
    return current


def folder_blocker(path: Path) -> Path | None:
    """What stops files being written into ``path`` (created if need be), or None.

    A regular file where a folder should be, or a folder the user may not write in.
    """
    existing = nearest_existing(path)
    if not existing.is_dir():
        return existing
    if not os.access(existing, os.W_OK | os.X_OK):
        return existing
    return None
