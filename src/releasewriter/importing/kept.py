"""No text lost: the lines placed as labels that hold text of their own."""

from __future__ import annotations

from collections.abc import Callable

from releasewriter.importing.shapes import words

# Fields whose line is a label and carries no text of the release.
_LABEL_FIELDS = frozenset({"status", "end_mark"})
# A label is a few words: a longer line holds text of its own.
_LABEL_WORDS = 14


def prose_in_labels(placements: dict[str, list[int]], plain: Callable[[int], str]) -> set[int]:
    """The lines placed as a label only (a heading, the status, the end mark) that read as
    prose: they are taken out of ``placements`` and returned, to be kept unplaced."""
    fields: dict[int, set[str]] = {}
    for key, indices in placements.items():
        for index in indices:
            fields.setdefault(index, set()).add(key)
    found: set[int] = set()
    for index, keys in fields.items():
        labels_only = all(k.endswith("_heading") or k in _LABEL_FIELDS for k in keys)
        if labels_only and words(plain(index)) > _LABEL_WORDS:
            for key in keys:
                placements[key].remove(index)
                if not placements[key]:
                    del placements[key]
            found.add(index)
    return found
