"""Each existing translation, printed as a translated Word file reads, aligns back to itself."""

from __future__ import annotations

import pytest

from releasewriter.importing.align import AlignStatus, align_translation
from releasewriter.model import Release
from releasewriter.render.typography import typeset
from releasewriter.store import read_release
from releasewriter.translation.segments import SegmentKind
from releasewriter.translation.versions import set_source
from tests.importing.translated_documents import document_blocks, expected_texts, without
from tests.releases import SIX_LANGUAGES_PATH, sample_release

NOTE = "Translated by Lingua Partners Ltd. for IOM"


def _release(name: str, locale: str) -> Release:
    release = sample_release() if name == "sample" else read_release(SIX_LANGUAGES_PATH)
    if locale == release.source_locale:
        # The French version as the translation of the English one.
        set_source(release, "en")
    return release


def _same(kind: SegmentKind, got: str, expected: str, locale: str) -> bool:
    if kind is SegmentKind.QUOTE:
        # Printed before its attribution, a quote loses its full stop to the
        # attribution's comma (render.document): the document cannot say if it had one.
        got, expected = got.rstrip("."), expected.rstrip(".")
    # The document prints the language's typography (French: L'OIM is L’OIM).
    return got in (expected, typeset(expected, locale))


@pytest.mark.parametrize(
    ("release_name", "locale"),
    [
        ("sample", "en"),
        ("sample", "fr"),
        ("six", "fr"),
        ("six", "en"),
        ("six", "es"),
        ("six", "ru"),
        ("six", "ar"),
        ("six", "zh_Hans_CN"),
    ],
)
def test_a_version_printed_as_a_document_aligns_back_to_its_own_text(
    release_name: str, locale: str
) -> None:
    release = _release(release_name, locale)
    blocks = document_blocks(release, locale, notes=(NOTE,))

    alignment = align_translation(without(release, locale), locale, blocks)

    expected = expected_texts(release, locale)
    wrong = [
        (s.key, s.target, expected.get(s.key))
        for s in alignment.segments
        if not _same(s.kind, s.target, expected.get(s.key, ""), locale)
    ]
    assert wrong == []
    assert {s.status for s in alignment.segments} == {AlignStatus.ALIGNED}
    assert [u.text for u in alignment.unmatched] == [NOTE]


def test_every_block_of_the_document_is_accounted_for() -> None:
    release = read_release(SIX_LANGUAGES_PATH)
    blocks = document_blocks(release, "ru", notes=(NOTE,))

    alignment = align_translation(without(release, "ru"), "ru", blocks)

    used = {i for s in alignment.segments for i in s.blocks}
    accounted = used | set(alignment.recognised) | {u.index for u in alignment.unmatched}
    assert accounted == set(range(len(blocks)))
    assert "contact details" in alignment.recognised.values()
