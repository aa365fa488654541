"""A web page's furniture around the release: menus, sharing buttons, cookie banners.

Text copied from a browser brings the page's navigation along. What gives it
away: the reader flagged it (``SourceBlock.chrome``), it is a stock phrase
("Share this", "Cookies", "Articles connexes"), or a menu's tell-tale
repetition ("Structure" twice, or "Qui sommes nous" and then "Qui sommes
nousL'Organisation…", a menu entry and its teaser run together). Lines
before the headline are left out by the recogniser itself, which knows
where the headline is.
"""

from __future__ import annotations

import itertools

from releasewriter.importing.blocks import SourceBlock
from releasewriter.importing.sections import is_chrome_line

# A menu entry is a few words; a teaser starting with one is longer.
_MENU_WORDS = 6


def _menu_pair(first: str, second: str) -> bool:
    """Two lines a menu makes: the same entry twice, or an entry and its teaser."""
    if not first or len(first.split()) > _MENU_WORDS:
        return False
    if first == second:
        return True
    # The teaser is glued to the entry: "Notre travailEn tant que…".
    return second.startswith(first) and len(second) > len(first) and second[len(first)].isupper()


def chrome_blocks(blocks: list[SourceBlock]) -> set[int]:
    """The indices of the blocks that belong to the page around the release."""
    found: set[int] = set()
    lines = [(i, b.plain.strip()) for i, b in enumerate(blocks) if b.plain.strip()]
    for index, block in enumerate(blocks):
        if block.chrome or (block.plain.strip() and is_chrome_line(block.plain)):
            found.add(index)
    for (first_index, first), (second_index, second) in itertools.pairwise(lines):
        if _menu_pair(first, second):
            found.update((first_index, second_index))
    return found
