"""The release being edited: undoable edits, autosave, the draft's lock.

Widgets never change the model directly: they call :meth:`EditorSession.edit`
(or :meth:`restructure`), and listen to :attr:`changed`. Autosave snapshots
the release on the GUI thread (a millisecond at 20,000 words in six
languages) and encodes and writes it on a worker thread, so a slow disk never stalls
typing; the first change after a save starts the timer and later ones do not
restart it, so text reaches the disk within the delay even while typing
without pause.
"""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from releasewriter.model import LanguageVersion, Organisation, Release
from releasewriter.model.fields import get_in_release, set_in_release
from releasewriter.model.following import Followed, adopt_profile, follow_profile
from releasewriter.store import DraftStore
from releasewriter.store.draft_format import encode_snapshot, release_to_dict
from releasewriter.store.locks import DraftLock, DraftLockedError, LockHolder
from releasewriter.ui.memory import return_freed_memory, settle_long_lived
from releasewriter.ui.undo import ReleaseCommand, RestructureCommand, SetFieldCommand

log = logging.getLogger(__name__)

BACKUP_EVERY_SECONDS = 300.0
RETURN_MEMORY_EVERY_SECONDS = 10.0
# After opening a release, when to set what it holds apart from collections
# (see releasewriter.ui.memory.settle_long_lived).
SETTLE_AFTER_OPEN_MS = 1000


class EditorSession(QObject):
    # locale, field path ("" for the whole version), and whether the change
    # came from the widget that shows the field (which must then not be reset).
    changed = Signal(str, str, bool)
    release_opened = Signal()
    # The open release was closed and none took its place: views show nothing.
    release_closed = Signal()
    # The list of language versions (or which is the source) changed.
    versions_changed = Signal()
    locale_changed = Signal(str)
    saved = Signal(str)
    save_failed = Signal(str)
    read_only_changed = Signal(bool)
    _write_done = Signal(object)

    def __init__(self, store: DraftStore, autosave_ms: int = 1000, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.release: Release | None = None
        self.path: Path | None = None
        self.locale = ""
        self.read_only = False
        self.lock_holder: LockHolder | None = None
        self._lock: DraftLock | None = None
        self._dirty = False
        self._last_backup = 0.0
        self._memory_returned = 0.0  # touched by the writer's thread only
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._pending: Future[Path] | None = None
        self.undo_stack = QUndoStack(self)
        # Takes a whole release pasted into a field (plain text, HTML or None);
        # True when it did. Set by the window's importer.
        self.paste_release: Callable[[str, str | None], bool] | None = None
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(SETTLE_AFTER_OPEN_MS)
        self._settle_timer.timeout.connect(settle_long_lived)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(autosave_ms)
        self.autosave_timer.timeout.connect(self.save_now)
        self._write_done.connect(self._on_write_done)
        # The organisation profile as saved now (none in tests that need none).
        self.profile: Callable[[], Organisation | None] = lambda: None

    # -- opening and closing -------------------------------------------------

    def open_path(self, path: Path, *, take_over: bool = False) -> None:
        """Open a draft file; a draft held elsewhere opens read-only."""
        release = self.store.load(path)
        self._let_go()
        self.release, self.path = release, path
        try:
            self._lock = DraftLock.acquire(path, take_over=take_over)
            self.lock_holder = None
            self._set_read_only(False)
        except DraftLockedError as error:
            self._lock = None
            self.lock_holder = error.holder
            self._set_read_only(True)
        self._opened(release)

    def open_new(self, release: Release) -> Path:
        """Start a release that has no file yet: it gets one at once, so nothing typed is lost."""
        path = self.store.save(release, backup=False)
        self.open_path(path)
        return path

    def _opened(self, release: Release) -> None:
        self.undo_stack.clear()
        self._dirty = False
        self._follow()
        self.locale = release.source_locale if release.versions else ""
        # Views load the new release, in its source language, from this one signal.
        self.release_opened.emit()
        # Once the views have built what the release needs and the window has
        # been shown: the collection takes 20-50 ms, which a start must not wait for.
        self._settle_timer.start()

    def close(self) -> None:
        """Save what is unsaved, let go of the lock, and tell the views nothing is open."""
        was_open = self.release is not None
        self._let_go()
        self.lock_holder = None
        if self.read_only:
            self._set_read_only(False)
        if was_open:
            self.release_closed.emit()

    def _let_go(self) -> None:
        self.flush()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self.release = None
        self.path = None
        self.locale = ""
        # Undoing an edit of a release that is no longer open would bring it back half-way.
        self.undo_stack.clear()

    def shutdown(self) -> None:
        # A closed window sets nothing aside later: the collection would land in
        # whatever runs next.
        self._settle_timer.stop()
        self._let_go()
        self._writer.shutdown(wait=True)

    def _set_read_only(self, value: bool) -> None:
        self.read_only = value
        self.read_only_changed.emit(value)

    def take_over(self) -> None:
        """Edit a draft that another window or computer holds (the user said so)."""
        if self.path is not None:
            self.open_path(self.path, take_over=True)

    # -- the model -----------------------------------------------------------

    @property
    def version(self) -> LanguageVersion:
        return self.release_version(self.locale)

    def release_version(self, locale: str) -> LanguageVersion:
        if self.release is None:
            raise LookupError("no release is open")
        return self.release.version(locale)

    def set_locale(self, locale: str) -> None:
        if locale != self.locale and self.release is not None:
            self.release.version(locale)
            self.locale = locale
            self.locale_changed.emit(locale)

    def value(self, path: str) -> Any:
        if self.release is None:
            raise LookupError("no release is open")
        return get_in_release(self.release, self.locale, path)

    def offer_pasted_release(self, text: str, html: str | None) -> bool:
        """Whether a paste was a whole release, taken as one (into an empty draft)."""
        return self.paste_release is not None and self.paste_release(text, html)

    def edit(self, path: str, value: Any, text: str = "") -> None:
        """Set one field of the current version (or one every version shares), undoably."""
        if self.release is None or self.read_only:
            return
        old = get_in_release(self.release, self.locale, path)
        if old == value:
            return
        set_in_release(self.release, self.locale, path, value)
        stack = self.undo_stack
        top = stack.command(stack.index() - 1) if stack.index() == stack.count() else None
        if isinstance(top, SetFieldCommand) and top.absorbs(self.locale, path):
            top.absorb(value)
        else:
            stack.push(SetFieldCommand(self, self.locale, path, old, value, text or path))
        self.notify(self.locale, path, from_widget=True)

    def restructure(self, text: str, change: Callable[[LanguageVersion], None]) -> None:
        """Change the shape of the current version (add, remove, move items), undoably."""
        if self.release is None or self.read_only:
            return
        before = copy.deepcopy(self.version)
        change(self.version)
        self.undo_stack.push(RestructureCommand(self, self.locale, before, text))
        self.notify(self.locale, "", from_widget=False)

    def change_release(self, text: str, change: Callable[[Release], object]) -> None:
        """Change the release as a whole (its versions, its source), undoably."""
        if self.release is None or self.read_only:
            return
        before = copy.deepcopy(self.release)
        change(self.release)
        self.undo_stack.push(ReleaseCommand(self, before, text))
        self._versions_changed()

    def replace_release(self, release: Release) -> None:
        self.release = release
        self._versions_changed()

    def _versions_changed(self) -> None:
        assert self.release is not None
        self.release.touch()
        if self.locale not in self.release.locales:
            self.locale = self.release.source_locale
        self.versions_changed.emit()
        self.locale_changed.emit(self.locale)
        self.notify(self.locale, "", from_widget=False)

    def replace_version(self, locale: str, version: LanguageVersion) -> None:
        assert self.release is not None
        index = self.release.locales.index(locale)
        self.release.versions[index] = version
        self.notify(locale, "", from_widget=False)

    def notify(self, locale: str, path: str, *, from_widget: bool) -> None:
        if self.release is not None:
            self.release.touch()
        self._dirty = True
        if not self.autosave_timer.isActive():
            self.autosave_timer.start()
        self.changed.emit(locale, path, from_widget)

    def follow_profile(self, *, adopt: bool = False) -> Followed:
        """Bring the open release up to date with the organisation profile (after the
        profile was edited); with ``adopt``, make a release from another profile follow
        this one. Not undoable: the profile is not the release's text."""
        followed = self._follow(adopt=adopt)
        if self.release is not None and (followed or adopt):
            self._versions_changed()
        return followed

    def _follow(self, *, adopt: bool = False) -> Followed:
        profile = self.profile()
        if self.release is None or profile is None:
            return Followed()
        if adopt:
            return adopt_profile(self.release, profile)
        followed = follow_profile(self.release, profile)
        if followed and not self.read_only:
            # Saved with the draft, which then carries what it exports with.
            self.release.touch()
            self._dirty = True
            self.autosave_timer.start()
        return followed

    def mark_exported(self) -> None:
        """Record the export in the draft, so the library says "Exported" until the next edit."""
        if self.release is None or self.read_only:
            return
        self.release.mark_exported()
        self._dirty = True
        self.save_now()

    # -- saving ----------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def save_now(self) -> None:
        """Write the current text in the background (a no-op when nothing changed)."""
        if not self._dirty or self.release is None or self.path is None or self.read_only:
            return
        if self._lock is not None and not self._lock.still_held():
            self._lock = None
            self._set_read_only(True)
            self.save_failed.emit("lock-lost")
            return
        snapshot = release_to_dict(self.release)
        self._dirty = False
        now = time.monotonic()
        backup = now - self._last_backup > BACKUP_EVERY_SECONDS
        if backup:
            self._last_backup = now
        path = self.path
        future = self._writer.submit(self._write, path, snapshot, backup)
        self._pending = future
        future.add_done_callback(self._write_done.emit)

    def _write(self, path: Path, snapshot: dict[str, Any], backup: bool) -> Path:
        written = self.store.write(path, encode_snapshot(snapshot), backup=backup)
        # On the writer's thread, now and then: typing in a long release frees
        # megabytes of renders and snapshots a minute, which glibc would keep.
        now = time.monotonic()
        if now - self._memory_returned > RETURN_MEMORY_EVERY_SECONDS:
            self._memory_returned = now
            return_freed_memory()
        return written

    def _on_write_done(self, future: Future[Path]) -> None:
        error = future.exception()
        if error is None:
            self.saved.emit(str(future.result()))
            return
        log.error("autosave failed", exc_info=error)
        self._dirty = True  # try again at the next change or flush
        self.save_failed.emit(str(error))

    def flush(self) -> None:
        """Save now and wait for the disk: before closing, quitting, or exporting."""
        self.autosave_timer.stop()
        self.save_now()
        pending = self._pending
        if pending is not None:
            try:
                pending.result(timeout=30)
            except Exception:  # reported through save_failed by the done callback
                log.exception("saving before close failed")
