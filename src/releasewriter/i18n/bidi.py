"""Keeping each piece of a message in its own reading order.

A language name, a headline, a file name or a number placed inside a sentence
of the other direction is reordered by the Unicode bidirectional algorithm:
"العربية: 1 segment…" in an English line reads "1 :العربية segment…". Wrapping
the piece in a first-strong isolate (U+2068 … U+2069) keeps it, and the text
around it, in order in either direction of the interface. Qt, browsers,
terminals that do bidi and Word all honour isolates; the others show nothing.
"""

from __future__ import annotations

FSI = "\u2068"  # FIRST STRONG ISOLATE: the piece takes the direction of its first letter
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE


def isolate(text: str) -> str:
    """``text`` as one unit inside a message of either direction."""
    return f"{FSI}{text}{PDI}" if text else text


def strip_isolates(text: str) -> str:
    """The text without the isolates, for a file, a log or a comparison."""
    return text.replace(FSI, "").replace(PDI, "")
