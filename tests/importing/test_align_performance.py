"""Aligning a five-page release takes a fraction of a second: the path is banded, not cubic."""

from __future__ import annotations

import time

from releasewriter.importing.align import align_translation
from releasewriter.translation.segments import segments_of
from tests.importing.generated_release import generated_release
from tests.importing.translated_documents import document_blocks, without


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
