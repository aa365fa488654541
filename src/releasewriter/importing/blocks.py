"""What a reader makes of a document: its lines in order, with their kind and formatting."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    # A heading in the document's own structure (Word's Heading/Title styles, <h1>-<h6>, "# ").
    HEADING = "heading"
    LIST_ITEM = "list-item"
    # One row of a table; its cells are in ``cells`` and ``text`` joins them with tabs.
    TABLE_ROW = "table-row"


@dataclass(frozen=True)
class SourceBlock:
    """One line of an imported document.

    ``text`` is in the model's inline markup (``**bold**``, ``*italic*``,
    ``[label](https://…)``; see :mod:`releasewriter.model.inline`), with any
    literal marker characters escaped, so it can go into a body paragraph as
    it is. ``plain`` is the same line as a reader sees it, without markup:
    recognition reads ``plain``, a field keeps ``text``.
    """

    text: str
    plain: str
    kind: BlockKind = BlockKind.PARAGRAPH
    # Heading level (1 = title) for headings, nesting depth for list items.
    level: int = 0
    cells: tuple[str, ...] = field(default=())
    # True when the whole line is bold (a common way to set a headline or a label).
    bold: bool = False
    # The reader's guess that the line belongs to a web page's chrome
    # (navigation, share buttons, cookie banner), not to the release.
    chrome: bool = False


class ImportRefused(Exception):
    """A file that cannot or must not be imported; the message is one line for the user."""
