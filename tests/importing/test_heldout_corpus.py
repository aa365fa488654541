"""The held-out corpus: releases the importer was never tuned on.

The score is reported (``python -m tests.importing.heldout.score``), never
asserted: only that scoring runs and that no words of a release are lost.
"""

from __future__ import annotations

import functools

from tests.importing.heldout.files import FORMATS
from tests.importing.heldout.score import LANGUAGES, Score, releases, report, run


@functools.cache
def _scores() -> dict[tuple[str, str], Score]:
    return run()


def test_every_language_has_five_releases() -> None:
    keys = [held.key for held in releases()]
    assert len(keys) == len(set(keys)) == 5 * len(LANGUAGES)
    for lang in LANGUAGES:
        assert sum(held.lang == lang for held in releases()) == 5


def test_the_scorer_runs() -> None:
    scores = _scores()
    assert set(scores) == {(lang, fmt) for lang in LANGUAGES for fmt in FORMATS}
    assert all(score.scored for score in scores.values())
    assert "| all |" in report(scores)


def test_no_release_text_is_lost() -> None:
    lost = {name: words for score in _scores().values() for name, words in score.lost.items()}
    assert not lost, lost
