"""Before sending on a long release: checked a budget at a time between events, the
list the same as a whole pass gives, and nothing shown of a pass the release outran."""

from __future__ import annotations

import gettext
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from releasewriter.i18n.locales import display_name
from releasewriter.model import Paragraph, Release
from releasewriter.store import DraftStore
from releasewriter.translation.checks import cross_language_problems
from releasewriter.ui import validation_panel
from releasewriter.ui.main_window import MainWindow
from releasewriter.validation import Problem, validate_release
from tests.releases import FIGURES, faithful_six_languages
from tests.ui.conftest import show_window

PARAGRAPHS = 40


def _long_release() -> Release:
    """Six languages, each with PARAGRAPHS more paragraphs of figures, wrong in English."""
    release = faithful_six_languages()
    for version in release.versions:
        version.body += [Paragraph(FIGURES[version.locale], f"fig{i}") for i in range(PARAGRAPHS)]
    for paragraph in release.version("en").body[-PARAGRAPHS:]:
        paragraph.text = paragraph.text.replace("2026", "2025")
    return release


def _texts(window: MainWindow) -> list[str]:
    panel = window.validation
    return [panel.item(i).text() for i in range(panel.count())]


def _expected(window: MainWindow) -> list[str]:
    """What a whole pass over the open release lists, as the panel words it."""
    release = window.session.release
    assert release is not None
    t = window.validation.t
    problems = validate_release(release, t) + cross_language_problems(release, t)
    return [
        t.gettext("{language}: {problem}").format(
            language=display_name(p.locale), problem=p.message
        )
        if p.locale
        else p.message
        for p in problems
    ]


@pytest.fixture
def long_window(qtbot: QtBot, tmp_path: Path, drafts_store: DraftStore) -> Iterator[MainWindow]:
    window = show_window(qtbot, tmp_path, drafts_store, drafts_store.save(_long_release()))
    yield window
    window.close()


@pytest.fixture
def one_step_per_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each turn of the event loop takes one step of the checks, however fast the machine."""
    monkeypatch.setattr(validation_panel, "BUDGET_S", 0.0)


def test_opening_a_long_release_checks_it_over_many_turns_of_the_event_loop(
    qtbot: QtBot,
    tmp_path: Path,
    drafts_store: DraftStore,
    monkeypatch: pytest.MonkeyPatch,
    one_step_per_turn: None,
) -> None:
    path = drafts_store.save(_long_release())
    ticks: list[None] = []  # a timer's turns: other events handled
    steps_at: list[int] = []  # how many ticks there had been at each step of the checks
    real_steps = validation_panel.problem_steps

    def counted(release: Release, t: gettext.NullTranslations) -> Iterator[list[Problem]]:
        for step in real_steps(release, t):
            steps_at.append(len(ticks))
            yield step

    monkeypatch.setattr(validation_panel, "problem_steps", counted)
    ticker = QTimer()
    ticker.timeout.connect(lambda: ticks.append(None))
    ticker.start(0)
    window = show_window(qtbot, tmp_path, drafts_store, path)
    try:
        panel = window.validation
        qtbot.waitUntil(
            lambda: bool(steps_at) and not panel.checking and not panel.timer.isActive(),
            timeout=10000,
        )
        ticker.stop()
        assert window.session.release is not None
        translations = len(window.session.release.versions) - 1
        # A step per segment of each translation, each in a turn of its own...
        assert len(steps_at) > translations * PARAGRAPHS
        assert len(steps_at) <= panel.turns <= len(steps_at) + 1  # the last finds none left
        # ...and other events handled between them: the pass never held the loop.
        between = sum(1 for a, b in itertools.pairwise(steps_at) if b > a)
        assert between > translations * PARAGRAPHS // 2
        assert _texts(window) == _expected(window)
        assert any("2026" in t and "not in this translation" in t for t in _texts(window))
    finally:
        window.close()


def test_a_problem_typed_into_a_long_release_is_listed_once_the_pass_finishes(
    qtbot: QtBot, long_window: MainWindow
) -> None:
    panel = long_window.validation
    qtbot.waitUntil(lambda: not panel.checking and not panel.timer.isActive(), timeout=10000)
    long_window.session.edit("headline", "")
    assert not any("headline is missing" in t for t in _texts(long_window))
    qtbot.waitUntil(lambda: any("headline is missing" in t for t in _texts(long_window)))
    assert _texts(long_window) == _expected(long_window)
    row = next(i for i, t in enumerate(_texts(long_window)) if "headline is missing" in t)
    panel.itemClicked.emit(panel.item(row))
    assert QApplication.focusWidget() is long_window.findChild(QWidget, "headlineEdit")


def test_a_pass_the_release_changed_under_is_dropped_not_shown(
    qtbot: QtBot, long_window: MainWindow, one_step_per_turn: None
) -> None:
    panel = long_window.validation
    qtbot.waitUntil(lambda: not panel.checking and not panel.timer.isActive(), timeout=10000)
    before = _texts(long_window)
    shown: list[list[str]] = []
    panel.checked.connect(lambda: shown.append(_texts(long_window)))
    long_window.session.edit("quotes[0].speaker", "")
    panel.check()  # as the pause in typing would: a pass starts, its first step taken...
    assert panel.checking
    assert panel.turns == 1
    long_window.session.edit("headline", "")  # ...and the release changes under it
    assert not panel.checking  # dropped at once
    assert _texts(long_window) == before
    with qtbot.waitSignal(panel.checked, timeout=10000):
        pass
    # The one pass shown read the release as it is now: both problems, nothing stale.
    assert len(shown) == 1
    assert any("headline is missing" in t for t in shown[0])
    assert any("no speaker" in t for t in shown[0])
    assert shown[0] == _expected(long_window)


def test_a_long_list_is_listed_over_turns_and_to_its_end_when_the_release_changes(
    qtbot: QtBot, long_window: MainWindow, one_step_per_turn: None
) -> None:
    panel = long_window.validation
    qtbot.waitUntil(lambda: not panel.checking and not panel.timer.isActive(), timeout=10000)
    long_window.session.edit("headline", "")
    found = _expected(long_window)
    assert len(found) > PARAGRAPHS
    listed: list[list[str]] = []
    panel.checked.connect(lambda: listed.append(_texts(long_window)))
    panel.check()
    # The list is emptied, then filled a row per turn (this test's budget)...
    for _turn in range(100 * len(found)):
        QApplication.processEvents()
        if 0 < panel.count() < len(found) // 2:
            break
    assert 0 < panel.count() < len(found) // 2
    long_window.session.edit("quotes[0].speaker", "")
    # ...and once it is filling, a change does not leave it half-way: the pass found
    # it whole, and the next pass, after the change, lists its own.
    qtbot.waitUntil(lambda: len(listed) == 2, timeout=10000)
    assert listed[0] == found
    assert listed[1] == _expected(long_window)
    assert any("no speaker" in t for t in listed[1])
