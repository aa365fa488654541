"""Side-by-side translation: every source segment beside its translation, with its state.

The translator picks a target language, works segment by segment, filters to
what needs work, and confirms a translation whose source changed ("Mark
reviewed"). Edits go through the editor session, so they are undoable and
autosaved like any other.
"""

from __future__ import annotations

import copy
import gettext

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from releasewriter.i18n.locales import display_name
from releasewriter.translation.segments import SegmentKind, segment_map
from releasewriter.translation.state import (
    TranslationState,
    mark_reviewed,
    pairs,
    progress,
    record_translation,
)
from releasewriter.ui.session import EditorSession
from releasewriter.ui.translation.rows import SegmentRow, segment_label
from releasewriter.ui.undo import RestructureCommand

ALL, NEEDS_WORK = 0, 1


class TranslationView(QWidget):
    def __init__(
        self, session: EditorSession, t: gettext.NullTranslations, parent: QWidget | None = None
    ):
        super().__init__(parent)
        _ = t.gettext
        self.t = t
        self.session = session
        self.setObjectName("translationView")
        self.target = QComboBox()
        self.target.setObjectName("translationTarget")
        self.filter = QComboBox()
        self.filter.setObjectName("translationFilter")
        self.filter.addItems([_("All segments"), _("Only what needs work")])
        # Names and figures read the same in every language: confirmed in one go.
        self.mark_all = QPushButton(_("Mark all that read as the source as translated"))
        self.mark_all.setObjectName("translationMarkAll")
        self.progress = QProgressBar()
        self.progress.setObjectName("translationProgress")
        self.empty = QLabel(_("Add a language version to translate this release (Language menu)."))
        self.empty.setWordWrap(True)
        self.rows: dict[str, SegmentRow] = {}
        self.list = QWidget()
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.addStretch(1)
        self.rows_area = QScrollArea()
        self.rows_area.setWidgetResizable(True)
        self.rows_area.setAccessibleName(_("Segments to translate"))
        self.rows_area.setWidget(self.list)
        header = QHBoxLayout()
        target_label = QLabel(_("&Translate into"))
        target_label.setBuddy(self.target)
        filter_label = QLabel(_("&Show"))
        filter_label.setBuddy(self.filter)
        for widget in (target_label, self.target, filter_label, self.filter):
            header.addWidget(widget)
        header.addStretch(1)
        header.addWidget(self.mark_all)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        # On a line of its own: beside the pickers its text was cut at 1366 pixels.
        layout.addWidget(self.progress)
        layout.addWidget(self.empty)
        layout.addWidget(self.rows_area, 1)
        self.target.activated.connect(lambda i: self.session.set_locale(self.target.itemData(i)))
        self.filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        session.locale_changed.connect(lambda _locale: self.rebuild())
        session.release_opened.connect(self.rebuild)
        session.release_closed.connect(self.rebuild)
        session.versions_changed.connect(self.rebuild)
        session.changed.connect(self._changed)

    # -- building ------------------------------------------------------------------

    def targets(self) -> list[str]:
        release = self.session.release
        if release is None:
            return []
        return [code for code in release.locales if code != release.source_locale]

    def rebuild(self) -> None:
        if not self.isVisible() and not self.rows and self.session.release is None:
            return
        self._fill_targets()
        for row in self.rows.values():
            row.setParent(None)
            row.deleteLater()
        self.rows.clear()
        release = self.session.release
        locale = self.session.locale
        translating = release is not None and locale in self.targets()
        self.empty.setVisible(not translating)
        self.rows_area.setVisible(translating)
        # Hidden, not left as it was: it would show the last draft's (or language's) progress.
        self.progress.setVisible(translating)
        if not translating or release is None:
            return
        paragraph = 0
        for pair in pairs(release, locale):
            if pair.source.kind is SegmentKind.PARAGRAPH:
                paragraph += 1
            row = SegmentRow(
                pair, segment_label(pair, paragraph, self.t), release.source_locale, locale, self.t
            )
            row.edited.connect(self._edited)
            row.review_requested.connect(self.mark_reviewed)
            self.rows[pair.key] = row
            self.list_layout.insertWidget(self.list_layout.count() - 1, row)
        self._update_progress()
        self._apply_filter()

    def _fill_targets(self) -> None:
        self.target.blockSignals(True)
        self.target.clear()
        for locale in self.targets():
            self.target.addItem(display_name(locale), locale)
        index = self.target.findData(self.session.locale)
        self.target.setCurrentIndex(index)
        self.target.blockSignals(False)

    # -- editing ----------------------------------------------------------------

    def _edited(self, key: str, text: str) -> None:
        release = self.session.release
        if release is None:
            return
        target = segment_map(release.version(self.session.locale), release.organisation).get(key)
        path = target.path if target and target.path else "boilerplate"
        self.session.edit(path, text)
        record_translation(release, self.session.locale, key)
        self._refresh_states()

    def mark_reviewed(self, key: str) -> None:
        release = self.session.release
        if release is None:
            return
        locale = self.session.locale
        before = copy.deepcopy(release.version(locale))
        row = self.rows.get(key)
        stale = row is not None and row.property("state") == TranslationState.NEEDS_REVIEW.value
        text = self.t.gettext("Mark reviewed") if stale else self.t.gettext("Mark translated")
        mark_reviewed(release, locale, key)
        self.session.undo_stack.push(RestructureCommand(self.session, locale, before, text))
        self.session.notify(locale, "segments", from_widget=True)
        self._refresh_states()

    def _changed(self, locale: str, path: str, from_widget: bool) -> None:
        if from_widget or self.session.release is None:
            if locale != self.session.locale and self.rows:
                self._refresh_states()  # an edit of the source (in the form) makes rows stale
            return
        self.rebuild()

    def _refresh_states(self) -> None:
        release = self.session.release
        if release is None or self.session.locale not in self.targets():
            return
        for pair in pairs(release, self.session.locale):
            row = self.rows.get(pair.key)
            if row is not None:
                row.show_pair(pair)
        self._update_progress()
        self._apply_filter()

    def _update_progress(self) -> None:
        release = self.session.release
        if release is None or self.session.locale not in self.targets():
            return
        done = progress(release, self.session.locale)
        self.progress.setMaximum(max(done.total, 1))
        self.progress.setValue(done.translated)
        self.progress.setFormat(
            self.t.gettext("{done} of {total} translated, {review} to review").format(
                done=done.translated, total=done.total, review=done.needs_review
            )
        )

    def _apply_filter(self) -> None:
        only_work = self.filter.currentIndex() == NEEDS_WORK
        for row in self.rows.values():
            state = row.property("state")
            row.setVisible(not only_work or state != TranslationState.TRANSLATED.value)

    def focus_first(self) -> None:
        for row in self.rows.values():
            if row.isVisible():
                row.target.setFocus(Qt.FocusReason.OtherFocusReason)
                return
