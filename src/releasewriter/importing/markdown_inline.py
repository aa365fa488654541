"""Markdown's inline formatting read into (text, bold, italic, href) runs.

Markdown says more than the model keeps: ``__bold__``, ``_italic_``, code
spans, images, autolinks and inline HTML come down to bold, italic, links
and text. A marker without a partner stays literal, as in the model, so a
lone ``*`` cannot turn the rest of a line bold.
"""

from __future__ import annotations

import re

from releasewriter.importing.lines import Fragment
from releasewriter.model.inline import safe_href

__all__ = ["markdown_fragments"]

_TOKEN = re.compile(
    r"(?P<escape>\\[\\`*_{}\[\]()#+\-.!|>~])"
    r"|(?P<code>`+)(?P<code_text>.+?)(?P=code)"
    r"|!\[(?P<alt>[^\]]*)\]\([^)]*\)"
    # A link's target may hold one level of balanced parentheses, as CommonMark allows.
    r"|\[(?P<label>[^\]]+)\]\((?P<target>(?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\)"
    r"|<(?P<auto>(?:https?://|mailto:)[^>\s]+)>"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<bold>\*\*|(?<![\w\\])__|__(?!\w))"
    r"|(?P<italic>\*|(?<![\w\\])_|_(?!\w))"
)
_LABEL_MARKERS = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)")


def _paired(tokens: list[re.Match[str]]) -> set[int]:
    """Start positions of the bold and italic markers that have a partner."""
    paired: set[int] = set()
    for kind in ("bold", "italic"):
        starts = [token.start() for token in tokens if token.lastgroup == kind]
        paired.update(starts[: len(starts) - len(starts) % 2])
    return paired


def markdown_fragments(line: str) -> list[Fragment]:
    """The runs of one line of Markdown."""
    tokens = list(_TOKEN.finditer(line))
    paired = _paired(tokens)
    fragments: list[Fragment] = []
    bold = italic = False
    position = 0

    def add(text: str, href: str = "") -> None:
        if text:
            fragments.append((text, bold, italic, href))

    for token in tokens:
        add(line[position : token.start()])
        position = token.end()
        kind = token.lastgroup
        if kind == "escape":
            add(token.group()[1])
        elif token.group("code") is not None:
            add(token.group("code_text"))
        elif token.group("alt") is not None:
            add(token.group("alt"))
        elif token.group("label") is not None:
            label = _LABEL_MARKERS.sub("", token.group("label"))
            add(label, safe_href(token.group("target")) or "")
        elif kind == "auto":
            address = token.group("auto")
            add(address.removeprefix("mailto:"), safe_href(address) or "")
        elif kind == "tag":
            if re.match(r"<br\b", token.group(), re.IGNORECASE):
                add(" ")
        elif kind in ("bold", "italic"):
            if token.start() not in paired:
                add(token.group())
            elif kind == "bold":
                bold = not bold
            else:
                italic = not italic
    add(line[position:])
    return fragments
