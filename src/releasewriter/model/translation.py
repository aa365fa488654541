"""Where each translated segment stands against its source.

A target version records, per segment, whether it is translated or needs
review, and the source text it was translated (or last reviewed) against.
When the source segment's text no longer matches that snapshot, the
translation is stale: the editor flags it and shows what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SegmentStatus(StrEnum):
    TRANSLATED = "translated"
    NEEDS_REVIEW = "needs_review"


@dataclass
class SegmentState:
    status: SegmentStatus
    # The source segment's text when this translation was made or last reviewed.
    source: str = ""
