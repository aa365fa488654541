"""Undo commands over the release: one stack for the whole form.

Typing into one field merges into one command until the user pauses, so
Ctrl+Z takes back a burst of typing, not a single letter. Structural changes
(adding a quote, reordering contacts) store the version before and after.
"""

from __future__ import annotations

import copy
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from releasewriter.model import LanguageVersion, Release
from releasewriter.model.fields import set_in_release

if TYPE_CHECKING:
    from releasewriter.ui.session import EditorSession

MERGE_WINDOW_SECONDS = 1.5


class SetFieldCommand(QUndoCommand):
    def __init__(
        self, session: EditorSession, locale: str, path: str, old: Any, new: Any, text: str
    ) -> None:
        super().__init__(text)
        self.session = session
        self.locale = locale
        self.path = path
        self.old = old
        self.new = new
        self.stamp = time.monotonic()
        self._applied = True  # the widget already shows the new value

    # Not QUndoCommand.mergeWith: the stack deletes the command merged in, but
    # PySide keeps its Python half alive, with its values (a long body's
    # paragraphs, twice): memory grew with every key typed. The session asks
    # the command on top to absorb the next edit instead of pushing one.
    def absorbs(self, locale: str, path: str) -> bool:
        """Whether an edit of ``path`` now belongs to this burst of typing."""
        recent = time.monotonic() - self.stamp <= MERGE_WINDOW_SECONDS
        return recent and (locale, path) == (self.locale, self.path)

    def absorb(self, new: Any) -> None:
        """Take the next edit of the same field (already applied) into this command."""
        self.new = new
        self.stamp = time.monotonic()

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._set(self.new)

    def undo(self) -> None:
        self._set(self.old)

    def _set(self, value: Any) -> None:
        release = self.session.release
        if release is None:
            return
        set_in_release(release, self.locale, self.path, value)
        self.session.notify(self.locale, self.path, from_widget=False)


class ReleaseCommand(QUndoCommand):
    """A change to the release as a whole (a language version added, removed, re-rooted)."""

    def __init__(self, session: EditorSession, before: Release, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.before = before
        assert session.release is not None
        self.after = copy.deepcopy(session.release)
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.session.replace_release(copy.deepcopy(self.after))

    def undo(self) -> None:
        self.session.replace_release(copy.deepcopy(self.before))


class RestructureCommand(QUndoCommand):
    """A change to the shape of a version: its state before and after, whole."""

    def __init__(
        self, session: EditorSession, locale: str, before: LanguageVersion, text: str
    ) -> None:
        super().__init__(text)
        self.session = session
        self.locale = locale
        self.before = before
        self.after = copy.deepcopy(session.release_version(locale))
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.session.replace_version(self.locale, copy.deepcopy(self.after))

    def undo(self) -> None:
        self.session.replace_version(self.locale, copy.deepcopy(self.before))
