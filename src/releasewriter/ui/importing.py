"""Bringing a release in from a Word document, a web page or pasted text.

File → Import a release…, a document dropped on the window, and a whole
release pasted into an empty draft all go the same way: the file is read off
the GUI thread (a long web page takes a second or two) with a progress
dialog, what was understood is shown for checking, and the draft is filled
as one step that Edit → Undo takes back. The current draft takes the import
when it is still empty; otherwise a new draft is made for it.
"""

from __future__ import annotations

import copy
import dataclasses
import gettext
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from releasewriter.importing.blocks import ImportRefused
from releasewriter.importing.names import IMPORTABLE_SUFFIXES
from releasewriter.model import LanguageVersion, Release
from releasewriter.model.inline import to_plain_text
from releasewriter.ui import file_dialogs
from releasewriter.ui.documents import organisation_profile

# The readers and the recogniser (lxml, the language data) load on the first
# import, not at every start of the app.
if TYPE_CHECKING:
    from releasewriter.importing.align_types import Alignment
    from releasewriter.importing.operation import ImportReading, TranslatedDocument
    from releasewriter.ui.dialogs.alignment_review import AlignmentReviewDialog
    from releasewriter.ui.dialogs.import_review import ImportReviewDialog
    from releasewriter.ui.main_window import MainWindow

# A paste with fewer lines is text for the field it is pasted into.
PASTED_RELEASE_LINES = 4
# The progress dialog shows only for reading that takes longer than this.
PROGRESS_AFTER_MS = 400
_POLL_MS = 30


def is_empty(release: Release) -> bool:
    """Nothing typed yet: no headline, body, quote or note in any version."""
    return not any(
        v.headline.strip()
        or v.subheadline.strip()
        or any(p.text.strip() for p in v.body)
        or any(q.text.strip() for q in v.quotes)
        or any(p.text.strip() for p in v.notes_to_editors)
        for v in release.versions
    )


def looks_like_a_release(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) >= PASTED_RELEASE_LINES


def _fill(target: Release, source: Release) -> None:
    """Make ``target`` hold ``source``'s content, keeping its identity and file."""
    for item in dataclasses.fields(Release):
        if item.name not in ("id", "created"):
            setattr(target, item.name, copy.deepcopy(getattr(source, item.name)))
    target.touch()


class ImportController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.t: gettext.NullTranslations = window.t
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import")
        self._reading: Future[Any] | None = None
        self._done: Callable[[Any], None] = lambda _result: None
        self._progress: QProgressDialog | None = None
        self.dialog: ImportReviewDialog | None = None
        self.alignment_dialog: AlignmentReviewDialog | None = None
        window.session.paste_release = self._pasted

    # -- what the user triggers -------------------------------------------------------

    def _ask_for_document(self, caption: str) -> Path | None:
        patterns = " ".join(f"*{suffix}" for suffix in IMPORTABLE_SUFFIXES)
        chosen = file_dialogs.open_file(
            self.window,
            file_dialogs.IMPORT,
            caption,
            self.t.gettext("Word, web pages and text ({patterns})").format(patterns=patterns),
        )
        return Path(chosen) if chosen else None

    def choose_file(self) -> None:
        if path := self._ask_for_document(self.t.gettext("Import a release")):
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Read ``path`` in the background, then show what was understood."""
        from releasewriter.importing.operation import read_document  # noqa: PLC0415

        self._start(lambda: read_document(path, t=self.t), path.name, self._review)

    def import_pasted(self, text: str, html: str | None = None) -> None:
        from releasewriter.importing.operation import read_pasted  # noqa: PLC0415

        self._start(lambda: read_pasted(text, t=self.t, html=html), "", self._review)

    def _pasted(self, text: str, html: str | None) -> bool:
        """A whole release pasted into an empty draft is imported, not pasted as text."""
        session = self.window.session
        release = session.release
        if release is None or session.read_only or not is_empty(release):
            return False
        if not looks_like_a_release(text):
            return False
        self.import_pasted(text, html)
        return True

    # -- reading off the GUI thread --------------------------------------------------------

    def _start(self, read: Callable[[], Any], name: str, done: Callable[[Any], None]) -> None:
        _ = self.t.gettext
        if self._reading is not None:
            return  # one import at a time
        self._reading = self._pool.submit(read)
        self._done = done
        progress = QProgressDialog(
            _("Reading {name}…").format(name=name) if name else _("Reading the pasted text…"),
            _("Cancel"),
            0,
            0,
            self.window,
        )
        progress.setObjectName("importProgress")
        progress.setWindowTitle(_("Import a release"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_AFTER_MS)
        progress.canceled.connect(self._cancel)
        self._progress = progress
        QTimer.singleShot(_POLL_MS, self, self._poll)

    def _cancel(self) -> None:
        # The reader cannot be interrupted; its result is dropped when it comes.
        self._reading = None

    def _poll(self) -> None:
        future = self._reading
        if future is None:
            self._close_progress()
            return
        if not future.done():
            QTimer.singleShot(_POLL_MS, self, self._poll)
            return
        self._reading = None
        self._close_progress()
        try:
            result = future.result()
        except ImportRefused as refused:
            self._refused(str(refused))
            return
        except OSError as error:
            self._refused(error.strerror or str(error))
            return
        self._done(result)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self.window, self.t.gettext("Import a release"), message)

    # -- checking and applying ----------------------------------------------------------

    def _review(self, reading: ImportReading) -> None:
        from releasewriter.ui.dialogs.import_review import ImportReviewDialog  # noqa: PLC0415

        dialog = ImportReviewDialog(
            reading,
            self.t,
            self.window.context.ui_locale,
            lambda locale: reading.again(locale, self.t),
            self.window,
        )
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.apply(dialog.reading))
        dialog.rejected.connect(self._review_closed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _review_closed(self) -> None:
        self.dialog = None
        self.alignment_dialog = None

    def apply(self, reading: ImportReading) -> None:
        """Put the release into the open draft if it is empty, else into a new one."""
        from releasewriter.importing.operation import finish_release  # noqa: PLC0415

        session = self.window.session
        self.dialog = None
        release = finish_release(reading, organisation_profile(self.window.context))
        current = session.release
        if current is None or session.read_only or not is_empty(current):
            # A new draft, empty for a moment: the import is then its first undoable step.
            blank = Release(
                source_locale=release.source_locale,
                versions=[LanguageVersion(locale=release.source_locale)],
                organisation=copy.deepcopy(release.organisation),
            )
            session.open_new(blank)
        title = self.t.gettext("Import {name}").format(name=reading.name or self.t.gettext("text"))
        session.change_release(title, lambda target: _fill(target, release))
        session.set_locale(release.source_locale)
        self.window.statusBar().showMessage(
            self.t.gettext("Imported: {headline}").format(
                headline=to_plain_text(release.source.headline) or "—"
            ),
            8000,
        )

    # -- a translated document -----------------------------------------------------------

    def choose_translation(self) -> None:
        if self.window.session.release is None:
            return
        if path := self._ask_for_document(self.t.gettext("Import a translated document")):
            self.import_translation(path)

    def import_translation(self, path: Path, locale: str | None = None) -> None:
        """Read a translated document and align it to the open release, off the GUI thread."""
        from releasewriter.importing.operation import read_translation  # noqa: PLC0415

        release = self.window.session.release
        if release is None:
            return
        snapshot = copy.deepcopy(release)
        self._start(
            lambda: read_translation(path, snapshot, locale, self.t),
            path.name,
            self._review_alignment,
        )

    def _review_alignment(self, document: TranslatedDocument) -> None:
        from releasewriter.ui.dialogs.alignment_review import AlignmentReviewDialog  # noqa: PLC0415

        if document.alignment is None:
            self._refused(
                self.t.gettext(
                    "{name} is in the release's source language; choose a translation."
                ).format(name=document.name)
            )
            return
        release = self.window.session.release
        assert release is not None
        dialog = AlignmentReviewDialog(
            document.alignment,
            document.name,
            self.t,
            self.window.context.ui_locale,
            document.align_again,
            release.source_locale,
            self.window,
        )
        self.alignment_dialog = dialog
        dialog.accepted.connect(lambda: self.apply_alignment(dialog.edited()))
        dialog.rejected.connect(self._review_closed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def apply_alignment(self, alignment: Alignment) -> None:
        from releasewriter.importing.align_apply import apply_alignment  # noqa: PLC0415

        _ = self.t.gettext
        session = self.window.session
        self.alignment_dialog = None

        targets: list[str] = []

        def apply(release: Release) -> None:
            report = apply_alignment(release, alignment.locale, alignment)
            release.version(report.target).not_placed = [b.text for b in alignment.unmatched]
            targets.append(report.target)

        session.change_release(_("Import a translated document"), apply)
        if targets:
            session.set_locale(targets[0])

    def shutdown(self) -> None:
        self._reading = None
        self._pool.shutdown(wait=False, cancel_futures=True)
