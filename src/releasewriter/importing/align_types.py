"""What an alignment of a translated document found, segment by segment."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from releasewriter.translation.segments import Segment, SegmentKind


class AlignStatus(StrEnum):
    ALIGNED = "aligned"
    UNCERTAIN = "uncertain"
    MISSING = "missing"


@dataclass(frozen=True)
class AlignedSegment:
    key: str
    kind: SegmentKind
    source: str
    # In the model's inline markup; empty when MISSING.
    target: str
    # The translation's blocks the text came from.
    blocks: tuple[int, ...]
    # From 0 (a guess) to 1 (every anchor agrees, the length is as expected).
    score: float
    status: AlignStatus


@dataclass(frozen=True)
class UnmatchedBlock:
    index: int
    text: str


@dataclass
class Alignment:
    locale: str
    # Every source segment with text, in reading order.
    segments: list[AlignedSegment]
    # Blocks that answer no segment: the translator's notes, page numbers, anything unexpected.
    unmatched: list[UnmatchedBlock] = field(default_factory=list)
    # Blocks read as the document's own furniture: the printed labels, end mark,
    # contact names and details (copied from the source, not translated).
    recognised: dict[int, str] = field(default_factory=dict)

    def segment(self, key: str) -> AlignedSegment | None:
        return next((s for s in self.segments if s.key == key), None)


def missing(segment: Segment) -> AlignedSegment:
    return AlignedSegment(segment.key, segment.kind, segment.text, "", (), 0.0, AlignStatus.MISSING)


def found(
    segment: Segment, text: str, blocks: tuple[int, ...], score: float, sure: bool
) -> AlignedSegment:
    if not text.strip():
        return missing(segment)
    status = AlignStatus.ALIGNED if sure else AlignStatus.UNCERTAIN
    return AlignedSegment(segment.key, segment.kind, segment.text, text, blocks, score, status)
