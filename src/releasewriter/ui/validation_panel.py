"""What to fix before sending, listed as the user types; a click jumps to the field.

A pass over a long release takes a while (the first after opening 20,000 words in
six languages reads 1,400 segments: about 150 ms), so the panel does not take it in
one go: it takes the checks' steps for :data:`BUDGET_S` per turn of the event loop
and lets the window paint and take keys in between. Any change to the release drops
the pass under way (what it found so far may be stale) and starts the wait for a
pause again; the list shows the last complete pass until the next one finishes.
Steps read the release as it is: it cannot change between two of them without the
session's signals saying so.
"""

from __future__ import annotations

import gettext
import itertools
import time
from collections.abc import Iterator

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from releasewriter.i18n.locales import display_name
from releasewriter.model import Release
from releasewriter.translation.checks import cross_language_steps
from releasewriter.ui.session import EditorSession
from releasewriter.validation import Problem, Severity, validation_steps

# Time the checks may take in one turn of the event loop; a step (one segment read
# for the first time) may run over it by a millisecond or so.
BUDGET_S = 0.008
# The pause in typing to wait for before checking.
PAUSE_MS = 300


def problem_steps(release: Release, t: gettext.NullTranslations) -> Iterator[list[Problem]]:
    """Before sending's checks in small steps: ``validate_release`` then the
    cross-language checks, in the order the command line lists them."""
    return itertools.chain(validation_steps(release, t), cross_language_steps(release, t))


class ValidationPanel(QListWidget):
    jump_requested = Signal(str, str)  # locale, field path
    # A pass finished and its problems are shown (the list may not have changed).
    checked = Signal()

    def __init__(
        self, session: EditorSession, t: gettext.NullTranslations, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("validationPanel")
        self.session = session
        self.t = t
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.check)
        # The next turn of a pass under way.
        self._turn = QTimer(self)
        self._turn.setSingleShot(True)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._take_steps)
        self._steps: Iterator[list[Problem]] | None = None
        self._found: list[Problem] = []
        # Counts changes to the release: a pass started at another count is stale.
        self._generation = 0
        self._pass_generation = 0
        # Turns the last pass took (for tests: a long release takes more than one).
        self.turns = 0
        self._shown: list[Problem] | None = None
        session.changed.connect(self._release_changed)
        # Not at once: opening a draft should show it before checking it.
        session.release_opened.connect(self._release_changed)
        session.release_closed.connect(self.refresh)
        self.itemActivated.connect(self._jump)
        self.itemClicked.connect(self._jump)

    @property
    def checking(self) -> bool:
        """A pass is under way (its problems are not shown yet)."""
        return self._steps is not None

    def _release_changed(self, *_args: object) -> None:
        self._generation += 1
        self._drop_pass()
        self.timer.start()

    def _drop_pass(self) -> None:
        self._steps = None
        self._found = []
        self._turn.stop()

    def check(self) -> None:
        """Start a pass over the release, taken a budget at a time between events."""
        self.timer.stop()
        self._drop_pass()
        release = self.session.release
        if release is None:
            self._show([])
            return
        self._steps = problem_steps(release, self.t)
        self._pass_generation = self._generation
        self.turns = 0
        self._take_steps()

    def refresh(self) -> None:
        """Check the whole release now, in this turn (tests, and a closed release)."""
        self.timer.stop()
        self._drop_pass()
        release = self.session.release
        problems = (
            [] if release is None else [p for step in problem_steps(release, self.t) for p in step]
        )
        self._show(problems)

    def _take_steps(self) -> None:
        steps = self._steps
        if steps is None:
            return
        if self._pass_generation != self._generation:
            # The release changed since the pass started (and the change's own
            # signal did not drop it): what it found may be stale.
            self._drop_pass()
            self.timer.start()
            return
        self.turns += 1
        deadline = time.perf_counter() + BUDGET_S
        try:
            for found in steps:
                self._found += found
                if time.perf_counter() >= deadline:
                    self._turn.start()
                    return
        except BaseException:
            self._drop_pass()  # not half a list shown as the whole one
            raise
        problems = self._found
        self._drop_pass()
        self._show(problems)
        self.checked.emit()

    def _show(self, problems: list[Problem]) -> None:
        shown = problems if self.session.release is not None else None
        if shown == self._shown:
            return  # the same list: keep its selection and where it was scrolled to
        self._shown = shown
        self.clear()
        if shown is None:
            return
        style = self.style()
        error = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        warning = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for problem in problems:
            language = display_name(problem.locale) if problem.locale else ""
            item = QListWidgetItem(
                error if problem.severity is Severity.ERROR else warning,
                self.t.gettext("{language}: {problem}").format(
                    language=language, problem=problem.message
                )
                if language
                else problem.message,
            )
            item.setData(Qt.ItemDataRole.UserRole, (problem.locale, problem.field))
            self.addItem(item)
        if not problems:
            item = QListWidgetItem(
                style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
                self.t.gettext("Nothing to fix: ready to send."),
            )
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)

    def _jump(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            locale, field = target
            self.jump_requested.emit(locale, field)
