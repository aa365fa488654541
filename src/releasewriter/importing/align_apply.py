"""An alignment taken into the release's language version, the way an XLIFF import is.

Pure: the release object changes, and the caller saves the draft
(``DraftStore.save`` writes it atomically, keeping a backup).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from releasewriter.importing.align_types import Alignment, AlignStatus
from releasewriter.model import Release
from releasewriter.model.fields import get_field, set_field
from releasewriter.model.one_line import one_line
from releasewriter.translation.segments import MARKUP_KINDS, boilerplate_text, segment_map
from releasewriter.translation.state import mark_needs_review, mark_reviewed
from releasewriter.translation.versions import VersionError, add_version, normalise_locale

# Adding the paragraph, quote, contact or note a segment lives in is the XLIFF
# import's own rule; both imports must place them alike.
from releasewriter.translation.xliff_read import _make_place


@dataclass(frozen=True)
class ImportCounts:
    aligned: int
    uncertain: int
    missing: int
    unmatched: int


@dataclass
class ImportTranslationReport:
    """What an import of a translated document did, by segment key, in reading order."""

    # The version the translation went into.
    target: str
    # The release had no version in that language: it was added.
    created_version: bool = False
    # Taken in and marked translated.
    aligned: list[str] = field(default_factory=list)
    # Taken in and marked as needing review (the alignment was not sure).
    uncertain: list[str] = field(default_factory=list)
    # Nothing in the document answered them: left as they were.
    missing: list[str] = field(default_factory=list)
    # The document's blocks that answer no segment, as text (nothing is lost).
    unmatched: list[str] = field(default_factory=list)
    # Paragraphs, quotes, contacts and notes the version did not have yet.
    created: list[str] = field(default_factory=list)

    @property
    def counts(self) -> ImportCounts:
        return ImportCounts(
            len(self.aligned), len(self.uncertain), len(self.missing), len(self.unmatched)
        )

    @property
    def changed(self) -> bool:
        return bool(self.aligned or self.uncertain)


def _version_locale(release: Release, locale: str) -> str | None:
    code = normalise_locale(locale)
    return next((v for v in release.locales if normalise_locale(v) == code), None)


def apply_alignment(release: Release, locale: str, alignment: Alignment) -> ImportTranslationReport:
    """Write each aligned text into ``locale``'s version (added if missing) and set its state.

    ALIGNED is marked translated against the current source, UNCERTAIN as needing
    review; MISSING segments are left untouched. Names, e-mails and phones are
    the source's, as in any new version.
    """
    existing = _version_locale(release, locale)
    if existing == release.source_locale:
        raise VersionError(
            f"{existing} is the release's source version; a translation is not imported over it"
        )
    report = ImportTranslationReport(existing or normalise_locale(locale))
    if existing is None:
        add_version(release, locale)
        report.created_version = True
    version = release.version(report.target)
    sources = segment_map(release.source, release.organisation)
    changed = report.created_version
    for segment in alignment.segments:
        if segment.status is AlignStatus.MISSING or segment.key not in sources:
            report.missing.append(segment.key)
            continue
        if segment.key not in segment_map(version, release.organisation):
            _make_place(version, release.source, segment.key)
            report.created.append(segment.key)
        changed = _write(release, report.target, segment.key, segment.target) or changed
        if segment.status is AlignStatus.ALIGNED:
            # A translation of the current source: it answers the segment even
            # where the last one had gone stale (record_translation would keep that).
            mark_reviewed(release, report.target, segment.key)
            report.aligned.append(segment.key)
        else:
            mark_needs_review(release, report.target, segment.key)
            report.uncertain.append(segment.key)
        changed = True
    report.unmatched = [block.text for block in alignment.unmatched]
    if changed:
        release.touch()
    return report


def _write(release: Release, locale: str, key: str, text: str) -> bool:
    version = release.version(locale)
    segment = segment_map(version, release.organisation)[key]
    if segment.kind not in MARKUP_KINDS:
        text = one_line(text)
    if segment.path is None:
        # The organisation's boilerplate: overridden only where the translation differs.
        if text != boilerplate_text(version, release.organisation):
            version.boilerplate = text
            return True
        return False
    if get_field(version, segment.path) != text:
        set_field(version, segment.path, text)
        return True
    return False
