"""One segment in the side-by-side view: source (read-only, formatted), translation, state."""

from __future__ import annotations

import gettext
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from releasewriter.i18n.locales import text_direction
from releasewriter.model.inline import to_plain_text
from releasewriter.translation.segments import MARKUP_KINDS, SegmentKind
from releasewriter.translation.state import SegmentPair, TranslationState, word_diff
from releasewriter.ui.translation.cell import TargetEditor, source_html, source_links

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


class SegmentRow(QFrame):
    edited = Signal(str, str)  # segment key, new text
    review_requested = Signal(str)  # segment key: reviewed, or translated as it reads

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
        self.source.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.source.setOpenExternalLinks(False)
        self.source.linkHovered.connect(self._link_hovered)
        self.source.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft
            if text_direction(source_locale) == "rtl"
            else Qt.LayoutDirection.LeftToRight
        )
        self.rich = pair.source.kind in MARKUP_KINDS
        self.target = TargetEditor(t, self.rich)
        self.target.setObjectName("segmentTarget")
        self.target.setAccessibleName(label)
        if text_direction(target_locale) == "rtl":
            self.target.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.state = QLabel()
        self.state.setObjectName("segmentState")
        self.review = QPushButton(t.gettext("Mark reviewed"))
        self.review.setObjectName("segmentReview")
        self.mark = QPushButton(t.gettext("Mark translated"))
        self.mark.setObjectName("segmentMarkTranslated")
        self.mark.setToolTip(
            t.gettext("The source’s text stands as it is in this language (Ctrl+Enter)")
        )
        buttons = QVBoxLayout()
        buttons.addWidget(self.review)
        buttons.addWidget(self.mark)
        for button in (self.review, self.mark):
            # The columns keep their widths whichever button shows: rows stay aligned.
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            button.setSizePolicy(policy)
        buttons.addStretch(1)
        layout = QGridLayout(self)
        layout.addWidget(self.label, 0, 0, 1, 3)
        layout.addWidget(self.source, 1, 0)
        layout.addWidget(self.target, 1, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.state, 0, 2, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(buttons, 1, 2)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        self._loading = False
        self.target.textChanged.connect(self._edited)
        self.review.clicked.connect(lambda: self.review_requested.emit(self.key))
        self.mark.clicked.connect(lambda: self.review_requested.emit(self.key))
        self.target.mark_requested.connect(lambda: self.review_requested.emit(self.key))
        self.show_pair(pair)

    def _edited(self) -> None:
        if not self._loading:
            self.edited.emit(self.key, self.target.markup())

    def _link_hovered(self, href: str) -> None:
        if href:
            QToolTip.showText(QCursor.pos(), href, self.source)

    def show_pair(self, pair: SegmentPair) -> None:
        if pair.previous_source is not None:
            self.source.setTextFormat(Qt.TextFormat.RichText)
            self.source.setText(diff_html(pair.previous_source, pair.source.text))
            self.source.setToolTip(
                self.t.gettext("What changed in the source since it was translated")
            )
        else:
            self.source.setTextFormat(Qt.TextFormat.RichText)
            self.source.setText(source_html(pair.source.text, self.rich))
            links = source_links(pair.source.text) if self.rich else []
            self.source.setToolTip("\n".join(links))
            self.target.links = links
        text = pair.target.text if pair.target else ""
        if text != self.target.markup():
            self._loading = True
            try:
                self.target.show_markup(text)
            finally:
                self._loading = False
        self.show_state(pair.state, bool(text.strip()))

    def show_state(self, state: TranslationState, written: bool) -> None:
        self.state.setText(state_text(state, self.t))
        self.state.setStyleSheet(f"color:{_STATE_COLOURS[state]};font-weight:bold;")
        self.review.setVisible(state is TranslationState.NEEDS_REVIEW)
        # Untranslated with text: still the source's, which only the translator can confirm.
        self.mark.setVisible(state is TranslationState.UNTRANSLATED and written)
        self.setProperty("state", state.value)
