"""The units the alignment pairs, and what each step of the path makes of its blocks.

A step of one source segment and one block takes the block (a quote is read
apart from its attribution); of several segments and one block cuts the
block at the sentence ends that best fit the segments' lengths and anchors;
of one segment and several blocks joins them.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from releasewriter.i18n.locales import is_cjk
from releasewriter.importing.align_structure import QUOTE_CHARS, parse_quote, quote_span
from releasewriter.importing.align_text import (
    AnchorScore,
    anchors,
    compare,
    cut,
    joiner,
    measure,
    names,
    sentence_ends,
)
from releasewriter.importing.align_types import AlignedSegment, found
from releasewriter.importing.blocks import BlockKind, SourceBlock
from releasewriter.model import Release
from releasewriter.translation.segments import Segment, SegmentKind

# What an anchor weighs against the length's -log probability: a number or
# address found on both sides, one found on one side only, a shared name.
SHARED = 2.0
CONFLICT = 2.0
NAME = 1.0
# Variance of a translated length per source character (Gale and Church's 6.8).
_VARIANCE = 6.8
SENTENCE_COUNT = 2.0
_SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？", "؟")


def sum_anchors(counters: Iterable[Counter[str]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for counter in counters:
        total.update(counter)
    return total


def length_delta(source: int, target: int, ratio: float) -> float:
    """How far a translated length is from the expected one, in standard deviations."""
    expected = target / ratio if ratio > 0 else float(target)
    mean = max((source + expected) / 2, 1.0)
    return (expected - source) / math.sqrt(_VARIANCE * mean)


def length_cost(source: int, target: int, ratio: float) -> float:
    """-log of the probability of a length difference at least this large (Gale and Church)."""
    delta = abs(length_delta(source, target, ratio))
    return -math.log(max(math.erfc(delta / math.sqrt(2)), 1e-12))


def confidence(delta: float, score: AnchorScore) -> float:
    """The chance of the length difference, weighed by the share of anchors that agree."""
    agreeing = score.shared + score.shared_names
    return round(
        math.erfc(abs(delta) / math.sqrt(2)) * (agreeing + 1) / (agreeing + score.conflicts + 1), 3
    )


def _strong(counter: Counter[str]) -> int:
    return sum(n for key, n in counter.items() if not key.startswith("w:"))


@dataclass(frozen=True)
class SourceUnit:
    segment: Segment
    # The quote's speaker and role, which the translation prints beside it.
    speakers: tuple[str, ...]
    role_key: str | None
    anchors: Counter[str]
    length: int
    quote: bool
    strong: int
    sentences: int
    # Quotes someone somewhere: a translation does too.
    quoting: bool

    @classmethod
    def of(cls, segment: Segment, locale: str, release: Release) -> SourceUnit:
        text = segment.text
        found_anchors = anchors(text, locale)
        length = measure(text)
        speakers: tuple[str, ...] = ()
        role_key = None
        quote = segment.kind is SegmentKind.QUOTE
        if quote:
            item = next(q for q in release.source.quotes if segment.key == f"quote:{q.id}")
            # Every spelling the release has of the name (a version may transliterate it).
            speakers = tuple(
                q.speaker for v in release.versions for q in v.quotes if q.id == item.id
            )
            role_key = f"{segment.key}:role" if item.role.strip() else None
            # The attribution is printed with the quote: the speaker's name is an anchor.
            found_anchors = found_anchors + names(item.speaker)
            length += measure(item.speaker) + measure(item.role) + 8
        else:
            quote = quote_span(text) is not None
        return cls(
            segment,
            speakers,
            role_key,
            found_anchors,
            length,
            quote,
            _strong(found_anchors),
            len(sentence_ends(text)) + 1,
            quote or any(c in QUOTE_CHARS for c in text),
        )


@dataclass(frozen=True)
class TargetUnit:
    index: int
    # Where the unit starts in the block's plain text (after a dateline).
    start: int
    plain: str
    anchors: Counter[str]
    length: int
    quote: bool
    strong: int
    # A heading the translator added costs little to leave out.
    heading_like: bool
    sentences: int
    quoting: bool

    @classmethod
    def of(cls, index: int, block: SourceBlock, start: int, locale: str) -> TargetUnit | None:
        plain = block.plain[start:]
        if not plain.strip():
            return None
        found_anchors = anchors(plain, locale)
        stripped = plain.strip()
        heading_like = block.kind is BlockKind.HEADING or (
            len(stripped) < 100 and not stripped.endswith(_SENTENCE_ENDS)
        )
        return cls(
            index,
            start,
            plain,
            found_anchors,
            measure(plain),
            quote_span(plain) is not None,
            _strong(found_anchors),
            heading_like,
            len(sentence_ends(stripped)) + 1,
            any(c in QUOTE_CHARS for c in plain),
        )


@dataclass(frozen=True)
class Bead:
    sources: list[SourceUnit]
    targets: list[TargetUnit]
    ratio: float


def read_beads(
    bead: Bead, blocks: list[SourceBlock], locale: str, by_key: dict[str, Segment]
) -> list[AlignedSegment | int]:
    """The segments a step of the path gives, and the blocks it leaves unmatched (as indices)."""
    sources, targets = bead.sources, bead.targets
    if not sources:
        return [t.index for t in targets]
    if not targets:
        return []
    if len(sources) > 1:
        return _merged(sources, targets[0], blocks[targets[0].index], bead.ratio, locale)
    source = sources[0]
    if source.segment.kind is SegmentKind.QUOTE and len(targets) == 1:
        return _quote(source, targets[0], blocks[targets[0].index], bead.ratio, locale, by_key)
    texts = [cut(blocks[t.index], t.start, len(blocks[t.index].plain)) for t in targets]
    glue = "\n\n" if source.segment.kind is SegmentKind.BOILERPLATE else joiner(locale)
    target_anchors = sum_anchors(t.anchors for t in targets)
    score = compare(source.anchors, target_anchors)
    delta = length_delta(source.length, sum(t.length for t in targets), bead.ratio)
    # A block that quotes someone where the source does not holds more than the paragraph.
    shape = source.quote == any(t.quote for t in targets) and source.quoting == any(
        t.quoting for t in targets
    )
    if len(targets) == 1:
        anchored = score.shared + score.shared_names >= 1 and abs(delta) < 2
        bare = source.strong == 0 and targets[0].strong == 0 and abs(delta) < 1.5
        sure = score.conflicts == 0 and shape and (anchored or bare)
    else:
        # A paragraph split in two: each piece must carry some of the source's anchors.
        pieces = [compare(source.anchors, t.anchors) for t in targets]
        carried = all(piece.shared + piece.shared_names >= 1 for piece in pieces)
        sure = score.conflicts == 0 and shape and carried
    indices = tuple(t.index for t in targets)
    return [found(source.segment, glue.join(texts), indices, confidence(delta, score), sure)]


def _merged(
    sources: list[SourceUnit],
    target: TargetUnit,
    block: SourceBlock,
    ratio: float,
    locale: str,
) -> list[AlignedSegment | int]:
    """Two or three source paragraphs the translation ran into one: cut it back at sentence ends."""
    ends = sentence_ends(target.plain)
    k = len(sources)
    if len(ends) < k - 1:
        # Fewer sentences than paragraphs: the first takes the block, to review; the
        # others stay missing rather than take a guess at half a sentence.
        whole = cut(block, target.start, len(block.plain))
        return [found(sources[0].segment, whole, (target.index,), 0.0, False)]
    pieces_anchors: dict[tuple[int, int], Counter[str]] = {}

    def piece_anchors(a: int, b: int) -> Counter[str]:
        if (a, b) not in pieces_anchors:
            pieces_anchors[a, b] = anchors(target.plain[a:b], locale)
        return pieces_anchors[a, b]

    options: list[tuple[float, list[int], list[AnchorScore]]] = []
    for cuts in itertools.combinations(ends, k - 1):
        bounds = [0, *cuts, len(target.plain)]
        total = 0.0
        scores = []
        for source, a, b in zip(sources, bounds, bounds[1:], strict=False):
            score = compare(source.anchors, piece_anchors(a, b))
            scores.append(score)
            # Translators keep the source's sentences far more often than not.
            sentences = len(sentence_ends(target.plain[a:b].strip())) + 1
            total += (
                SENTENCE_COUNT * abs(sentences - source.sentences)
                + length_cost(source.length, measure(target.plain[a:b]), ratio)
                - SHARED * score.shared
                - NAME * score.shared_names
                + CONFLICT * score.conflicts
            )
        options.append((total, bounds, scores))
    options.sort(key=lambda option: option[0])
    _, bounds, scores = options[0]
    # Sure only when the anchors fall in place at this cut and at no other.
    unambiguous = all(s.conflicts == 0 and s.shared + s.shared_names >= 1 for s in scores) and all(
        any(s.conflicts for s in other) for _, _, other in options[1:]
    )
    result: list[AlignedSegment | int] = []
    for source, a, b, score in zip(sources, bounds, bounds[1:], scores, strict=False):
        text = cut(block, target.start + a, target.start + b)
        delta = length_delta(source.length, measure(target.plain[a:b]), ratio)
        result.append(
            found(source.segment, text, (target.index,), confidence(delta, score), unambiguous)
        )
    return result


def _quote(
    source: SourceUnit,
    target: TargetUnit,
    block: SourceBlock,
    ratio: float,
    locale: str,
    by_key: dict[str, Segment],
) -> list[AlignedSegment | int]:
    """A quote paragraph: the words between the marks, and the role in the attribution."""
    score = compare(source.anchors, target.anchors)
    delta = length_delta(source.length, target.length, ratio)
    parsed = parse_quote(target.plain, list(source.speakers), source.role_key is not None)
    if parsed is None:
        text = cut(block, target.start, len(block.plain))
        return [found(source.segment, text, (target.index,), confidence(delta, score), False)]
    text = cut(block, target.start + parsed.start, target.start + parsed.end).strip()
    if parsed.attribution_after:
        # The attribution took the quote's full stop and gave it a comma (see
        # render.document): the comma goes, the full stop comes back if the source has one.
        text = text.rstrip(",، ").rstrip()
        if source.segment.text.rstrip().endswith(_SENTENCE_ENDS) and not text.endswith(
            _SENTENCE_ENDS
        ):
            text += "。" if is_cjk(locale) else "."
    sure = score.conflicts == 0 and (score.shared + score.shared_names >= 1 or abs(delta) < 2)
    result: list[AlignedSegment | int] = [
        found(source.segment, text, (target.index,), confidence(delta, score), sure)
    ]
    if source.role_key is not None and parsed.role is not None:
        role = by_key[source.role_key]
        result.append(
            found(
                role,
                parsed.role,
                (target.index,),
                1.0 if parsed.role_sure else 0.5,
                sure and parsed.role_sure,
            )
        )
    return result
