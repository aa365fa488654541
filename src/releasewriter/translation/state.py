"""Where each segment of a translation stands, and what changed in its source.

A segment is *untranslated* while its target text is empty or is still the
source's text (copied in to translate over); *translated* once a translator
has written it (the source text at that moment is kept), or has confirmed
that the source's text stands as it is (a name, a figure: "Mark translated");
and *needs review* when marked so, or when the source has changed since:
the kept source text then shows, word by word, what changed.

Every count of the app (side-by-side progress, Before sending, ``releasewriter
check``, the export warnings) comes from :func:`pairs`, so a copied text can
never pass for a translation in one place and not in another.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum

from releasewriter.model import Release, SegmentState, SegmentStatus
from releasewriter.translation.segments import Segment, segment_map, segments_of


class TranslationState(StrEnum):
    UNTRANSLATED = "untranslated"
    TRANSLATED = "translated"
    NEEDS_REVIEW = "needs_review"


@dataclass(frozen=True)
class SegmentPair:
    source: Segment
    target: Segment | None
    state: TranslationState
    # The source's text when it was translated, when it has changed since.
    previous_source: str | None = None

    @property
    def key(self) -> str:
        return self.source.key

    @property
    def stale(self) -> bool:
        return self.previous_source is not None


def _same(a: str, b: str) -> bool:
    return a.strip() == b.strip()


def _state(
    source: Segment, text: str, stored: SegmentState | None
) -> tuple[TranslationState, str | None]:
    if not text.strip():
        return TranslationState.UNTRANSLATED, None
    if stored is not None and stored.status is SegmentStatus.COPIED and _same(text, stored.source):
        return TranslationState.UNTRANSLATED, None  # the copy, untouched, of an older source
    if stored is not None and stored.source != source.text:
        return TranslationState.NEEDS_REVIEW, stored.source
    if stored is not None and stored.status is SegmentStatus.NEEDS_REVIEW:
        return TranslationState.NEEDS_REVIEW, None
    if _same(text, source.text) and (
        stored is None or stored.status is not SegmentStatus.SAME_AS_SOURCE
    ):
        # Typing then undoing leaves a "translated" record behind: only an
        # explicit confirmation lets the source's own text count.
        return TranslationState.UNTRANSLATED, None
    return TranslationState.TRANSLATED, None


def pairs(release: Release, target_locale: str) -> list[SegmentPair]:
    """Every source segment beside its translation in ``target_locale``, in reading order."""
    source = release.source
    target = release.version(target_locale)
    targets = segment_map(target, release.organisation)
    result = []
    for segment in segments_of(source, release.organisation):
        if not segment.text.strip():
            continue  # nothing to translate
        translated = targets.get(segment.key)
        text = translated.text if translated is not None else ""
        state, previous = _state(segment, text, target.segments.get(segment.key))
        result.append(SegmentPair(segment, translated, state, previous))
    return result


def record_translation(release: Release, target_locale: str, key: str) -> None:
    """The target segment was written or edited: remember the source it answers to."""
    source = segment_map(release.source, release.organisation).get(key)
    if source is None:
        return
    target = release.version(target_locale)
    written = segment_map(target, release.organisation).get(key)
    text = written.text if written is not None else ""
    stored = target.segments.get(key)
    if stored is not None and stored.source != source.text:
        # Still stale until someone confirms it against the new source.
        return
    if _same(text, source.text) or (
        stored is not None and stored.status is SegmentStatus.COPIED and _same(text, stored.source)
    ):
        return  # back to the source's text: not a translation, whatever was recorded
    target.segments[key] = SegmentState(SegmentStatus.TRANSLATED, source.text)


def mark_reviewed(release: Release, target_locale: str, key: str) -> None:
    """The translator confirmed the translation against the current source.

    A text that is the source's own (a name, a figure) is recorded as such:
    the one way it counts as translated.
    """
    source = segment_map(release.source, release.organisation).get(key)
    if source is None:
        return
    version = release.version(target_locale)
    written = segment_map(version, release.organisation).get(key)
    same = written is not None and _same(written.text, source.text)
    status = SegmentStatus.SAME_AS_SOURCE if same else SegmentStatus.TRANSLATED
    version.segments[key] = SegmentState(status, source.text)


# Marking a segment translated is confirming it against the current source.
mark_translated = mark_reviewed


def same_as_source(release: Release, target_locale: str) -> list[str]:
    """Untranslated segments whose text is the source's own: what "Mark all" confirms."""
    return [
        pair.key
        for pair in pairs(release, target_locale)
        if pair.state is TranslationState.UNTRANSLATED
        and pair.target is not None
        and pair.target.text.strip()
        and _same(pair.target.text, pair.source.text)
    ]


def mark_all_translated(release: Release, target_locale: str) -> list[str]:
    """Confirm every segment that still reads as the source (names, figures); the keys marked."""
    keys = same_as_source(release, target_locale)
    for key in keys:
        mark_reviewed(release, target_locale, key)
    return keys


def mark_needs_review(release: Release, target_locale: str, key: str) -> None:
    source = segment_map(release.source, release.organisation).get(key)
    if source is not None:
        release.version(target_locale).segments[key] = SegmentState(
            SegmentStatus.NEEDS_REVIEW, source.text
        )


@dataclass(frozen=True)
class Progress:
    translated: int
    needs_review: int
    untranslated: int

    @property
    def total(self) -> int:
        return self.translated + self.needs_review + self.untranslated

    @property
    def done(self) -> float:
        return self.translated / self.total if self.total else 1.0


def progress(release: Release, target_locale: str) -> Progress:
    counts = {state: 0 for state in TranslationState}
    for pair in pairs(release, target_locale):
        counts[pair.state] += 1
    return Progress(
        counts[TranslationState.TRANSLATED],
        counts[TranslationState.NEEDS_REVIEW],
        counts[TranslationState.UNTRANSLATED],
    )


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """What changed between two texts, word by word: ("equal" | "delete" | "insert", text)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    result: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            result.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            result.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            result.append(("insert", "".join(b[j1:j2])))
    return result
