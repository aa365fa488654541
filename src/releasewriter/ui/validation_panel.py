"""What to fix before sending, listed as the user types; a click jumps to the field.

A pass over a long release takes a while (the first after opening 20,000 words in
six languages reads 1,400 segments: 120-220 ms), so the panel does not take it in
one go: it takes the checks' steps (see ``validation_steps`` and
``cross_language_steps``) for :data:`BUDGET_S` per turn of the event loop, and lists
what they found the same way, a budget of rows per turn; the window paints and takes
keys in between. Not on a worker thread: the checks are Python, which would hold
the interpreter lock the GUI thread needs at every call into Python.

Steps read the release as it is, which changes only through the session: any
change drops the pass under way (what it read may be stale), and a new one starts
at the next pause. The list shows the last pass's problems until then; rows of a
pass being listed are listed to the end, never left half-way.
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
    # A pass finished and its problems are listed (the list may not have changed).
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
        # The next turn of a pass, or of the listing of what it found.
        self._turn = QTimer(self)
        self._turn.setSingleShot(True)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._work)
        self._steps: Iterator[list[Problem]] | None = None
        self._found: list[Problem] = []
        # What a finished pass found, to list at the next turn (its own ran out).
        self._pending: list[Problem] | None = None
        # What the list shows (None: no release), and how many of those rows are in yet.
        self._shown: list[Problem] | None = None
        self._listed = 0
        # Turns the last pass took (tests count them: a long release takes many).
        self.turns = 0
        session.changed.connect(self._release_changed)
        # Not at once: opening a draft should show it before checking it.
        session.release_opened.connect(self._release_changed)
        session.release_closed.connect(self.refresh)
        self.itemActivated.connect(self._jump)
        self.itemClicked.connect(self._jump)

    @property
    def checking(self) -> bool:
        """A pass is under way, or what it found is not all listed yet."""
        return self._steps is not None or self._pending is not None or self._listing

    @property
    def _listing(self) -> bool:
        return self._shown is not None and self._listed < len(self._shown)

    def _release_changed(self, *_args: object) -> None:
        # What the pass under way read so far, or found and has yet to list, may
        # be stale: it is dropped, and a new pass starts at the next pause. Rows of
        # a pass being listed are listed to the end: the list is not left half-way.
        self._drop_pass()
        self.timer.start()

    def _drop_pass(self) -> None:
        self._steps = None
        self._found = []
        self._pending = None

    def check(self) -> None:
        """Start a pass over the release, taken a budget at a time between events."""
        self.timer.stop()
        release = self.session.release
        if release is None:
            self.refresh()
            return
        self._drop_pass()
        self._steps = problem_steps(release, self.t)
        self.turns = 0
        self._work()

    def refresh(self) -> None:
        """Check the whole release and list it now, in this turn (tests; a closed release)."""
        self.timer.stop()
        self._drop_pass()
        release = self.session.release
        problems = (
            [] if release is None else [p for step in problem_steps(release, self.t) for p in step]
        )
        self._list(problems, deadline=None)

    def _work(self) -> None:
        """One turn: list rows still to list, then take steps of the pass, within the budget."""
        deadline = time.perf_counter() + BUDGET_S
        if self._listing:
            if not self._add_rows(deadline):
                self._turn.start()
                return
            self.checked.emit()
        if self._pending is not None:
            problems, self._pending = self._pending, None
            self._list(problems, deadline)
            return
        steps = self._steps
        if steps is None:
            return
        self.turns += 1
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
        if time.perf_counter() < deadline - BUDGET_S / 2:
            self._list(problems, deadline)
        else:
            # Listed in a turn of its own: not a list emptied, then filled a turn later.
            self._pending = problems
            self._turn.start()

    def _list(self, problems: list[Problem], deadline: float | None) -> None:
        """Show ``problems``: the rows that fit in the turn's budget, the rest in later turns."""
        shown = problems if self.session.release is not None else None
        if shown != self._shown:
            self._shown = shown
            self._listed = 0
            self.clear()
        # else the same list: its selection and scrolling are kept (and any rows
        # still to list follow).
        if self._add_rows(deadline):
            self.checked.emit()
        else:
            self._turn.start()

    def _add_rows(self, deadline: float | None) -> bool:
        """List the next rows until ``deadline`` (all, when None); True once all are in."""
        shown = self._shown
        if shown is None:
            return True
        if not shown and not self._listed and not self.count():
            item = QListWidgetItem(
                self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
                self.t.gettext("Nothing to fix: ready to send."),
            )
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)
            return True
        style = self.style()
        error = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        warning = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        while self._listed < len(shown):
            problem = shown[self._listed]
            self._listed += 1
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
            if deadline is not None and time.perf_counter() >= deadline:
                break
        return self._listed >= len(shown)

    def _jump(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            locale, field = target
            self.jump_requested.emit(locale, field)
