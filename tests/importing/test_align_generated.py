"""A long release whose translation ran paragraphs together and cut one in two."""

from __future__ import annotations

import pytest

from releasewriter.importing.align import Alignment, AlignStatus, align_translation
from releasewriter.importing.blocks import SourceBlock
from releasewriter.model import Release
from tests.importing.edited_documents import block_of, merged, split
from tests.importing.generated_release import TARGETS, generated_release
from tests.importing.translated_documents import document_blocks, expected_texts, without

SEEDS = (15, 16, 17, 18, 19)


def edited_document(release: Release, locale: str) -> list[SourceBlock]:
    """Paragraphs 3 and 4, and 8 and 9, run together; paragraph 6 cut in two."""
    blocks = document_blocks(release, locale, notes=("Translated by Lingua Partners Ltd.",))
    # From the end, so that the earlier paragraphs keep their places.
    blocks = merged(blocks, block_of(blocks, release, locale, "p8"), locale)
    blocks = split(blocks, block_of(blocks, release, locale, "p6"))
    return merged(blocks, block_of(blocks, release, locale, "p3"), locale)


def _judge(release: Release, locale: str, alignment: Alignment) -> tuple[int, int, list[str]]:
    expected = expected_texts(release, locale)
    right = [s.target == expected.get(s.key) for s in alignment.segments]
    silently_wrong = [
        s.key
        for s, ok in zip(alignment.segments, right, strict=True)
        if not ok and s.status is AlignStatus.ALIGNED
    ]
    return sum(right), len(right), silently_wrong


@pytest.mark.parametrize("locale", TARGETS)
def test_merged_and_split_paragraphs_align_right_and_never_wrong_without_a_warning(
    locale: str,
) -> None:
    right = total = 0
    for seed in SEEDS:
        release = generated_release(paragraphs=13, seed=seed)
        blocks = edited_document(release, locale)

        alignment = align_translation(without(release, locale), locale, blocks)

        found, count, silently_wrong = _judge(release, locale, alignment)
        assert silently_wrong == [], f"seed {seed}"
        right, total = right + found, total + count
    print(f"\n{locale}: {right}/{total} segments aligned right ({right / total:.1%})")
    assert right / total >= 0.95


def test_paragraphs_run_together_are_cut_back_and_marked_for_review() -> None:
    release = generated_release(paragraphs=13, seed=15)
    blocks = edited_document(release, "es")

    alignment = align_translation(without(release, "es"), "es", blocks)

    p3, p4 = alignment.segment("body:p3"), alignment.segment("body:p4")
    assert p3 is not None
    assert p4 is not None
    assert p3.blocks == p4.blocks
    expected = expected_texts(release, "es")
    assert (p3.target, p4.target) == (expected["body:p3"], expected["body:p4"])
    assert AlignStatus.UNCERTAIN in (p3.status, p4.status)


def test_a_paragraph_cut_in_two_is_joined_with_a_space_and_none_in_chinese() -> None:
    release = generated_release(paragraphs=13, seed=15)
    for locale in ("ru", "zh_Hans_CN"):
        blocks = edited_document(release, locale)

        alignment = align_translation(without(release, locale), locale, blocks)

        p6 = alignment.segment("body:p6")
        assert p6 is not None
        assert len(p6.blocks) == 2
        assert p6.target == expected_texts(release, locale)["body:p6"]
        assert p6.status is AlignStatus.ALIGNED


def test_a_paragraph_run_into_the_quote_after_it_is_not_taken_as_sure() -> None:
    release = generated_release(paragraphs=13, seed=5)
    for locale in TARGETS:
        blocks = document_blocks(release, locale)
        # The second quote follows paragraph 9.
        blocks = merged(blocks, block_of(blocks, release, locale, "p9"), locale)

        alignment = align_translation(without(release, locale), locale, blocks)

        _, _, silently_wrong = _judge(release, locale, alignment)
        assert silently_wrong == [], locale
