"""Where each translated segment stands against its source.

A target version records, per segment, whether it is translated or needs
review (or was only copied from the source, or confirmed to read as the
source does), and the source text it was translated (or last reviewed) against.
When the source segment's text no longer matches that snapshot, the
translation is stale: the editor flags it and shows what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SegmentStatus(StrEnum):
    TRANSLATED = "translated"
    NEEDS_REVIEW = "needs_review"
    # The source's text was copied in to translate over: still untranslated
    # while the text is that copy, even after the source changes.
    COPIED = "copied"
    # The translator confirmed that the source's text stands in this language
    # as it is (a name, a figure): the one way a text equal to its source counts.
    SAME_AS_SOURCE = "same_as_source"


@dataclass
class SegmentState:
    status: SegmentStatus
    # The source segment's text when this translation was made or last reviewed.
    source: str = ""
