"""One segment in the side-by-side view: source (read-only), translation, state."""

from __future__ import annotations

import gettext
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from releasewriter.i18n.locales import text_direction
from releasewriter.model.inline import to_plain_text
from releasewriter.translation.segments import SegmentKind
from releasewriter.translation.state import SegmentPair, TranslationState, word_diff
from releasewriter.ui.form.fields import window_undo

_STATE_COLOURS = {
    TranslationState.UNTRANSLATED: "#8a1c1c",
    TranslationState.NEEDS_REVIEW: "#8a5a00",
    TranslationState.TRANSLATED: "#1d6b2f",
}


def diff_html(old: str, new: str) -> str:
    """The new source with what changed since the translation: struck out and underlined."""
    parts = []
    for op, text in word_diff(to_plain_text(old), to_plain_text(new)):
        escaped = html.escape(text)
        if op == "delete":
            parts.append(
                f'<span style="color:#a00000;text-decoration:line-through">{escaped}</span>'
            )
        elif op == "insert":
            parts.append(
                '<span style="color:#005a00;text-decoration:underline;font-weight:bold">'
                f"{escaped}</span>"
            )
        else:
            parts.append(escaped)
    return "".join(parts)


def segment_label(pair: SegmentPair, index: int, t: gettext.NullTranslations) -> str:
    _ = t.gettext
    kind = pair.source.kind
    labels = {
        SegmentKind.HEADLINE: _("Headline"),
        SegmentKind.SUBHEADLINE: _("Subheadline"),
        SegmentKind.CITY: _("Dateline city"),
        SegmentKind.PARAGRAPH: _("Paragraph {number}").format(number=index),
        SegmentKind.QUOTE: _("Quote"),
        SegmentKind.QUOTE_ROLE: _("Speaker’s role"),
        SegmentKind.NOTE: _("Note to editors"),
        SegmentKind.BOILERPLATE: _("About the organisation"),
        SegmentKind.CONTACT_ROLE: _("Contact’s role"),
        SegmentKind.CONTACT_OFFICE: _("Contact’s office"),
    }
    return labels[kind]


def state_text(state: TranslationState, t: gettext.NullTranslations) -> str:
    _ = t.gettext
    return {
        TranslationState.UNTRANSLATED: _("Untranslated"),
        TranslationState.NEEDS_REVIEW: _("Needs review"),
        TranslationState.TRANSLATED: _("Translated"),
    }[state]


class TargetEditor(QPlainTextEdit):
    """A translation's text, growing with its content so the page scrolls, not the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.installEventFilter(window_undo())
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().contentsChanged.connect(self._fit)

    def _fit(self) -> None:
        lines = max(1, int(self.document().size().height()))
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + 12)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class SegmentRow(QFrame):
    edited = Signal(str, str)  # segment key, new text
    review_requested = Signal(str)  # segment key

    def __init__(
        self,
        pair: SegmentPair,
        label: str,
        source_locale: str,
        target_locale: str,
        t: gettext.NullTranslations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.t = t
        self.key = pair.key
        self.setObjectName(f"segment:{pair.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.source = QLabel()
        self.source.setObjectName("segmentSource")
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft
            if text_direction(source_locale) == "rtl"
            else Qt.LayoutDirection.LeftToRight
        )
        self.target = TargetEditor()
        self.target.setObjectName("segmentTarget")
        self.target.setAccessibleName(label)
        if text_direction(target_locale) == "rtl":
            self.target.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.state = QLabel()
        self.state.setObjectName("segmentState")
        self.review = QPushButton(t.gettext("Mark reviewed"))
        self.review.setObjectName("segmentReview")
        layout = QGridLayout(self)
        layout.addWidget(self.label, 0, 0, 1, 3)
        layout.addWidget(self.source, 1, 0)
        layout.addWidget(self.target, 1, 1)
        layout.addWidget(self.state, 0, 2, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.review, 1, 2, Qt.AlignmentFlag.AlignTop)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        self._loading = False
        self.target.textChanged.connect(self._edited)
        self.review.clicked.connect(lambda: self.review_requested.emit(self.key))
        self.show_pair(pair)

    def _edited(self) -> None:
        if not self._loading:
            self.edited.emit(self.key, self.target.toPlainText())

    def show_pair(self, pair: SegmentPair) -> None:
        if pair.previous_source is not None:
            self.source.setTextFormat(Qt.TextFormat.RichText)
            self.source.setText(diff_html(pair.previous_source, pair.source.text))
            self.source.setToolTip(
                self.t.gettext("What changed in the source since it was translated")
            )
        else:
            self.source.setTextFormat(Qt.TextFormat.PlainText)
            self.source.setText(to_plain_text(pair.source.text))
            self.source.setToolTip("")
        text = pair.target.text if pair.target else ""
        if text != self.target.toPlainText():
            self._loading = True
            try:
                self.target.setPlainText(text)
            finally:
                self._loading = False
        self.show_state(pair.state)

    def show_state(self, state: TranslationState) -> None:
        self.state.setText(state_text(state, self.t))
        self.state.setStyleSheet(f"color:{_STATE_COLOURS[state]};font-weight:bold;")
        self.review.setVisible(state is TranslationState.NEEDS_REVIEW)
        self.setProperty("state", state.value)
