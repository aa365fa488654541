"""A translated document aligned to the release, shown side by side before it is applied.

Each segment of the source beside the text found for it in the translated
document, editable, with a box that says whether it counts as translated
(checked) or is to be reviewed (unchecked, as every uncertain match starts).
The lines that answered no segment are listed below: they are kept with the
version, never lost. The language can be corrected, which aligns again.
"""

from __future__ import annotations

import dataclasses
import gettext
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from releasewriter.i18n.catalogs import catalog_locales
from releasewriter.importing.align_types import AlignedSegment, Alignment, AlignStatus
from releasewriter.model.inline import to_plain_text
from releasewriter.ui.dialogs.common import accept_buttons, buddy_label, language_row

SOURCE, TRANSLATION, SURE = range(3)


class AlignmentReviewDialog(QDialog):
    """Shows an :class:`Alignment`; :meth:`edited` is what the user accepted."""

    def __init__(
        self,
        alignment: Alignment,
        name: str,
        t: gettext.NullTranslations,
        ui_locale: str,
        align_again: Callable[[str], Alignment],
        source_locale: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        _ = t.gettext
        self.t = t
        self.alignment = alignment
        self._align_again = align_again
        self.setObjectName("alignmentReviewDialog")
        self.setWindowTitle(_("Import the translation “{name}”").format(name=name))
        self.language = QComboBox()
        self.language.setObjectName("alignmentLanguage")
        locales = (catalog_locales("release-labels") | {alignment.locale}) - {source_locale}
        top = language_row(_("&Language of the translation:"), self.language, locales, ui_locale)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("alignmentTable")
        self.table.setAccessibleName(_("Source and translation, segment by segment"))
        self.table.setHorizontalHeaderLabels([_("Source"), _("Translation"), _("Translated")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TRANSLATION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SURE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unmatched = QListWidget()
        self.unmatched.setObjectName("alignmentUnmatched")
        self.unmatched.setMaximumHeight(110)
        buttons, self.apply_button = accept_buttons(
            self, _("&Apply to the draft"), "alignmentApply"
        )
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(
            buddy_label(_("&Segments (unchecked ones are marked to review)"), self.table), 0
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(
            buddy_label(_("Lines of the document that match &no segment (kept)"), self.unmatched)
        )
        layout.addWidget(self.unmatched)
        layout.addWidget(buttons)
        self.resize(1100, 700)
        self.language.activated.connect(self._language_chosen)
        self._show()

    def _show(self) -> None:
        _ = self.t.gettext
        alignment = self.alignment
        self.language.setCurrentIndex(max(self.language.findData(alignment.locale), 0))
        counts = {status: 0 for status in AlignStatus}
        for segment in alignment.segments:
            counts[segment.status] += 1
        self.summary.setText(
            _(
                "{aligned} segments found with confidence, {uncertain} uncertain (to review), "
                "{missing} not found."
            ).format(
                aligned=counts[AlignStatus.ALIGNED],
                uncertain=counts[AlignStatus.UNCERTAIN],
                missing=counts[AlignStatus.MISSING],
            )
        )
        self.table.setRowCount(len(alignment.segments))
        for row, segment in enumerate(alignment.segments):
            source = QTableWidgetItem(to_plain_text(segment.source))
            source.setFlags(source.flags() & ~Qt.ItemFlag.ItemIsEditable)
            target = QTableWidgetItem(segment.target)
            sure = QTableWidgetItem()
            sure.setFlags(
                (sure.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsEditable
            )
            aligned = segment.status is AlignStatus.ALIGNED
            sure.setCheckState(Qt.CheckState.Checked if aligned else Qt.CheckState.Unchecked)
            if segment.status is AlignStatus.UNCERTAIN:
                sure.setText(_("uncertain"))
            elif segment.status is AlignStatus.MISSING:
                sure.setText(_("not found"))
            self.table.setItem(row, SOURCE, source)
            self.table.setItem(row, TRANSLATION, target)
            self.table.setItem(row, SURE, sure)
        self.table.resizeRowsToContents()
        self.unmatched.clear()
        self.unmatched.addItems([block.text for block in alignment.unmatched])

    def _language_chosen(self, index: int) -> None:
        locale = self.language.itemData(index)
        if locale and locale != self.alignment.locale:
            self.alignment = self._align_again(locale)
            self._show()

    def edited(self) -> Alignment:
        """The alignment as the user left it: texts as edited, states as checked."""
        segments: list[AlignedSegment] = []
        for row, segment in enumerate(self.alignment.segments):
            target_item = self.table.item(row, TRANSLATION)
            sure_item = self.table.item(row, SURE)
            text = target_item.text() if target_item is not None else segment.target
            sure = sure_item is not None and sure_item.checkState() == Qt.CheckState.Checked
            if not text.strip():
                status = AlignStatus.MISSING
            else:
                status = AlignStatus.ALIGNED if sure else AlignStatus.UNCERTAIN
            segments.append(dataclasses.replace(segment, target=text, status=status))
        return dataclasses.replace(self.alignment, segments=segments)
