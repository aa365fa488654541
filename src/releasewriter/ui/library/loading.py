"""Reading the drafts folder off the GUI thread, the rows handed over in batches.

A first start with 10,000 drafts reads for many seconds; the window is shown
at once and the list fills in as the files are read (those the index cache
knows first, at once). Later passes (a file changed by another program)
read only what changed, and hand over nothing when nothing did.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from releasewriter.store.search import DraftIndex, IndexedDraft

log = logging.getLogger(__name__)

# The worker parses drafts in Python and so holds the interpreter lock; the GUI thread, which
# takes that lock at every call from Qt into Python (each cell painted, each event filter),
# would wait up to the interpreter's switch interval (5 ms) for each call. Between files, once
# it has read for WORK_S, the worker sleeps PAUSE_S: the GUI thread's waits stay short, and it
# gets whole stretches to itself.
WORK_S = 0.004
PAUSE_S = 0.001
# After handing over a batch, the worker waits (this long at most) for the GUI thread to have
# shown it: the list's new layout asks Python about every row, each call a wait for the lock.
HANDED_OVER_WAIT_S = 1.0


class LibraryLoader(QObject):
    """Runs :meth:`DraftIndex.draft_batches` on a worker thread.

    ``batch`` carries a list of rows; ``finished`` the set of files listed by the
    pass (the rows of any other file go). A pass asked for while one runs starts
    once that one has finished.
    """

    batch = Signal(object)
    finished = Signal(object)
    _delivered = Signal(int, object, object)

    def __init__(self, index: DraftIndex, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="library")
        self._running = False
        self._again = False
        self._stop = threading.Event()
        self._worked_since = 0.0
        self._shown = threading.Event()
        self._pass = 0
        # What the passes handed over, by file: a pass after a save of ours hands over
        # nothing (the row was updated from memory), not 10,000 unchanged rows.
        self._sent: dict[Path, IndexedDraft] = {}
        self._sent_reset = False
        self._delivered.connect(self._receive)

    @property
    def running(self) -> bool:
        return self._running

    def start(self, *, every_row: bool = False) -> None:
        """Read the folder again in the background (after the pass running now, if any).

        A pass hands over only the rows that changed since the last one handed over,
        unless ``every_row`` (the list was emptied)."""
        if self._stop.is_set():
            return  # the window is closing
        if every_row:
            self._sent_reset = True
        if self._running:
            self._again = True
            return
        self._running = True
        self._pass += 1
        self._pool.submit(self._run, self._pass)

    def stop(self) -> None:
        """Stop reading (the window closes); what was read is kept."""
        self._stop.set()
        self._shown.set()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, number: int) -> None:
        listed: set[Path] | None = set()
        if self._sent_reset:
            self._sent_reset = False
            self._sent.clear()
        sent = self._sent  # touched by the worker thread alone
        try:
            for items in self.index.draft_batches(stop=self._between_files):
                if self._stop.is_set():
                    return
                assert listed is not None
                listed.update(item.path for item in items)
                new = [item for item in items if sent.get(item.path) is not item]
                for item in new:
                    sent[item.path] = item
                if new:
                    self._shown.clear()
                    self._delivered.emit(number, new, None)
                    self._shown.wait(HANDED_OVER_WAIT_S)
                    self._worked_since = time.perf_counter()
        except Exception:  # a pass that fails leaves the rows as they were, and the app up
            log.exception("reading the drafts folder failed")
            listed = None
        if not self._stop.is_set():
            # The end of the pass: items None; listed None when it failed (nothing goes).
            self._delivered.emit(number, None, listed)

    def _between_files(self) -> bool:
        """Whether to stop; first, a pause for the GUI thread when the worker read long enough."""
        now = time.perf_counter()
        if now - self._worked_since >= WORK_S:
            time.sleep(PAUSE_S)
            now = time.perf_counter()
            self._worked_since = now
        return self._stop.is_set()

    def _batch_shown(self) -> None:
        """Once the events a batch caused are handled, the worker reads on.

        The window's repaint is a posted event of low priority, handled after this call
        otherwise: it is made now, while the worker still waits. Painted while the worker
        reads, each of the list's calls into Python (a dozen per cell) would wait for the
        interpreter: 40 ms for a frame that takes 10."""
        QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest)
        self._shown.set()

    def _receive(
        self, number: int, items: list[IndexedDraft] | None, listed: set[Path] | None
    ) -> None:
        if number != self._pass:
            return
        if items:
            # What the index holds now: a save handled meanwhile (see DraftIndex.saved)
            # wins over the older read of the same file.
            current = [self.index.current(item.path) or item for item in items]
            self.batch.emit(current)
            QTimer.singleShot(0, self._batch_shown)
        if items is None and self._running:
            self._running = False
            self.finished.emit(listed)
            if self._again:
                self._again = False
                self.start()
