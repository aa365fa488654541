"""Running a job off the GUI thread and getting its outcome back on it."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal

log = logging.getLogger(__name__)


class JobRunner(QObject):
    """Runs one callable at a time on Qt's global thread pool.

    ``finished`` carries (result, None) or (None, exception) and is always delivered
    through the event loop, even when the job is already done, so the receiver never
    runs inside :meth:`start`.
    """

    finished = Signal(object, object)
    _done = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.running = False
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self, job: Callable[[], object]) -> None:
        if self.running:
            raise RuntimeError("a job is already running")
        self.running = True
        QThreadPool.globalInstance().start(lambda: self._work(job))

    def _work(self, job: Callable[[], object]) -> None:
        try:
            result, error = job(), None
        except Exception as caught:  # reported to the user in words, on the GUI thread
            result, error = None, caught
        try:
            self._done.emit(result, error)
        except RuntimeError:  # the runner was deleted with its dialog; nobody is waiting
            log.warning("a background job finished after its window was closed")

    def _deliver(self, result: object, error: object) -> None:
        self.running = False
        self.finished.emit(result, error)
