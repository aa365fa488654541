"""Aligning a five-page release takes a fraction of a second: the path is banded, not cubic."""

from __future__ import annotations

import time

from releasewriter.importing.align import align_translation
from releasewriter.translation.segments import segments_of
from tests.importing.generated_release import generated_release
from tests.importing.translated_documents import document_blocks, expected_texts, line, without


def test_a_five_page_release_aligns_well_under_half_a_second() -> None:
    full = generated_release(paragraphs=34, seed=3)
    words = sum(len(s.text.split()) for s in segments_of(full.source, full.organisation))
    assert 2300 <= words <= 2900
    for locale in ("en", "zh_Hans_CN"):
        release = without(full, locale)
        blocks = document_blocks(full, locale)
        timings = []
        for _ in range(3):
            start = time.perf_counter()
            align_translation(release, locale, blocks)
            timings.append(time.perf_counter() - start)
        print(
            f"\n{locale}: {words} words, {len(blocks)} blocks: first {timings[0] * 1000:.0f} ms, "
            f"best {min(timings) * 1000:.0f} ms"
        )
        assert min(timings) < 0.5


def test_hundreds_of_lines_around_the_release_are_left_unmatched_in_well_under_a_second() -> None:
    full = generated_release(paragraphs=34, seed=3)
    release = without(full, "en")
    menu = [line(f"Menu item {n} of the site") for n in range(150)]
    related = [line(f"Related story {n}: people met in the region last week.") for n in range(150)]
    blocks = [*menu, *document_blocks(full, "en"), *related]

    start = time.perf_counter()
    alignment = align_translation(release, "en", blocks)
    elapsed = time.perf_counter() - start

    print(f"\nen with 300 lines of a web page around it: {elapsed * 1000:.0f} ms")
    expected = expected_texts(full, "en")
    assert all(s.target == expected[s.key] for s in alignment.segments)
    unmatched = {u.index for u in alignment.unmatched}
    assert unmatched == set(range(150)) | set(range(len(blocks) - 150, len(blocks)))
    assert elapsed < 1.0
