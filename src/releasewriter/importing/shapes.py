"""What a line looks like: a headline, a paragraph, a menu's entry.

The recogniser decides where a release's parts begin by the shape of its
lines when no label says so: a paragraph is long and ends as sentences end,
a headline is a few words with no full stop, a menu is a run of short lines.
"""

from __future__ import annotations

import re

from releasewriter.importing.blocks import BlockKind, SourceBlock
from releasewriter.importing.contacts import EMAIL, PHONE
from releasewriter.importing.sections import heading, is_end_mark

_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", "”", "»", '"', "…", ")", "؟")
_HEADLINE_WORDS = 5
# A paragraph has at least this many words (and ends as a sentence ends).
_PARAGRAPH_WORDS = 12
# A menu inside the page: entries of a few words, several in a row.
_MENU_ENTRY_WORDS = 4
_MENU_ENTRIES = 3
# A related story's title under "Related news"; a paragraph of the release is longer.
_PAGE_LINE_WORDS = 12


def words(plain: str) -> int:
    """Words in a line; Chinese and Japanese, written without spaces, count two characters
    a word."""
    cjk = len(_CJK.findall(plain))
    return len(plain.split()) + cjk // 2


def is_heading_like(block: SourceBlock) -> bool:
    return block.kind is BlockKind.HEADING or block.bold


# What starts a list item or a menu entry written as text; no headline starts so.
BULLETS = ("-", "•", "*", "–")


def headline_like(block: SourceBlock) -> bool:
    plain = block.plain.strip()
    return (
        words(plain) >= _HEADLINE_WORDS
        and not plain.startswith(BULLETS)
        and not plain.endswith((":", "："))
    )


def ends_a_sentence(plain: str) -> bool:
    return plain.endswith(SENTENCE_ENDS)


def paragraph_like(block: SourceBlock) -> bool:
    plain = block.plain.strip()
    return (
        block.kind is not BlockKind.HEADING
        and words(plain) >= _PARAGRAPH_WORDS
        and ends_a_sentence(plain)
    )


def page_line(plain: str) -> bool:
    """A line that may belong to the page's furniture: short, and no part of a release."""
    if words(plain) > _PAGE_LINE_WORDS or EMAIL.search(plain) or PHONE.search(plain):
        return False
    return heading(plain) is None and not is_end_mark(plain)


def menu_runs(lines: list[tuple[int, str]]) -> set[int]:
    """Lines of a menu inside the text: three or more short lines in a row, none
    ending as a sentence ends (a paragraph does; a subheading stands alone)."""
    found: set[int] = set()
    run: list[int] = []
    for index, plain in [*lines, (-1, "")]:
        if (
            index >= 0
            and words(plain) <= _MENU_ENTRY_WORDS
            and not ends_a_sentence(plain)
            and page_line(plain)
        ):
            run.append(index)
            continue
        if len(run) >= _MENU_ENTRIES:
            found.update(run)
        run = []
    return found
