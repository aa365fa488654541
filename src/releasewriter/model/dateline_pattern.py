"""The house dateline pattern: a small template of two named fields, not ``str.format``.

An organisation's pattern ("{place}, {date} –") is typed by a person and
travels in drafts from colleagues. Given to ``str.format`` it could reach
Python internals (``{place.__class__.__mro__}`` printed them into an export)
or write a file of any size (``{place:x>20000000}``: 20 MB). Here a pattern is
text with ``{place}`` and ``{date}``, each as is: no attribute or index, no
format spec, no conversion; ``{{`` and ``}}`` stand for braces, as they did.
A pattern that is anything else, or longer than ``MAX_LENGTH``, is not used:
the export prints the language's standard dateline and Before sending says why.
"""

from __future__ import annotations

import re

FIELDS = frozenset({"place", "date"})
# A dateline is a few words; this leaves room for any language's wording.
MAX_LENGTH = 200

# Every brace of the pattern, each read once: a doubled brace, a {field}, or a
# brace that is neither (which makes the pattern unusable).
_PIECE = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def _pieces(pattern: str) -> list[tuple[str, str | None]] | None:
    """The pattern as (text, field) pairs, or None unless only {place} and {date} are used."""
    pieces: list[tuple[str, str | None]] = []
    position = 0
    for match in _PIECE.finditer(pattern):
        text = pattern[position : match.start()]
        position = match.end()
        piece = match.group()
        if piece in ("{{", "}}"):
            pieces.append((text + piece[0], None))
            continue
        name = match.group(1)
        if name not in FIELDS:
            return None  # {0}, {day}, {place.x}, {date:>9}, {place!r}, a stray brace
        pieces.append((text, name))
    pieces.append((pattern[position:], None))
    return pieces


def pattern_ok(pattern: str) -> bool:
    """Empty (the language's standard dateline), or at most MAX_LENGTH characters
    using exactly the fields {place} and {date}."""
    if not pattern.strip():
        return True
    if len(pattern) > MAX_LENGTH:
        return False
    pieces = _pieces(pattern)
    return pieces is not None and {name for _, name in pieces if name} == FIELDS


def fill(pattern: str, place: str, date: str) -> str | None:
    """The pattern with its fields filled in, or None if it is not a usable pattern."""
    if not pattern.strip() or not pattern_ok(pattern):
        return None
    pieces = _pieces(pattern)
    assert pieces is not None  # pattern_ok read it
    values = {"place": place, "date": date}
    return "".join(text + (values[name] if name else "") for text, name in pieces)
