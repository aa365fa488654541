"""The form for the current language version, in the order the release reads."""

from __future__ import annotations

import gettext
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from releasewriter.i18n.locales import display_name, text_direction
from releasewriter.model import Contact
from releasewriter.model.fields import index_of, is_shared, section_of
from releasewriter.model.organisation import pick_for_locale
from releasewriter.render.document import RenderedRelease
from releasewriter.spelling.personal import PersonalDictionary
from releasewriter.ui.form.fields import RichParagraphsField
from releasewriter.ui.form.items import ContactsSection, QuotesSection
from releasewriter.ui.form.not_placed import NotPlacedSection
from releasewriter.ui.form.profile_banner import OtherProfileBanner
from releasewriter.ui.form.read_only import ReadOnlyBanner, holder_text, show_read_only
from releasewriter.ui.form.reflow import narrowest, reflow, tighten
from releasewriter.ui.form.sections import (
    ClosingSection,
    DatelineSection,
    HeadlineSection,
    StatusSection,
    count_text,
)
from releasewriter.ui.session import EditorSession
from releasewriter.ui.spelling import SpellingService
from releasewriter.ui.spelling.menu import SpellingLabels

COUNT_DELAY_MS = 250


class ParagraphsSection(QGroupBox):
    """Body or notes: paragraphs with bold, italic, links, and a word count."""

    def __init__(
        self,
        title: str,
        path: str,
        session: EditorSession,
        t: gettext.NullTranslations,
        parent: QWidget | None = None,
    ):
        super().__init__(title, parent)
        _ = t.gettext
        self.t = t
        self.session = session
        self.editor = RichParagraphsField(session, path)
        self.editor.setObjectName(f"{path}Edit")
        # A group box's title is no label: without a name a screen reader says "edit".
        self.editor.setAccessibleName(title)
        self.count = QLabel()
        self.count.setObjectName(f"{path}Count")
        tools = QHBoxLayout()
        self.buttons: list[QToolButton] = []
        for text, tip, handler in (
            ("B", _("Bold (Ctrl+B)"), self.editor.toggle_bold),
            ("I", _("Italic (Ctrl+I)"), self.editor.toggle_italic),
            (_("Link"), _("Link (Ctrl+K)"), self.ask_link),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setCheckable(True)
            # A click must leave the caret in the text, so typing goes on there.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _on=False, act=handler: self._apply(act))
            tools.addWidget(button)
            self.buttons.append(button)
        self.editor.currentCharFormatChanged.connect(self._show_format)
        self.editor.cursorPositionChanged.connect(self._show_format)
        tools.addStretch(1)
        tools.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.editor)
        # Counting runs over the whole text: once per pause in typing, not per
        # key, and not per block while a release is loading (that was quadratic).
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.update_count)
        self.editor.textChanged.connect(self._count_timer.start)

    def _apply(self, act: Callable[[], None]) -> None:
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        act()
        self._show_format()

    def _show_format(self) -> None:
        """B, I and Link pressed while the text at the cursor is so."""
        fmt = self.editor.currentCharFormat()
        shown = (fmt.fontWeight() >= 700, fmt.fontItalic(), fmt.isAnchor())
        for button, on in zip(self.buttons, shown, strict=True):
            button.setChecked(on)

    def ask_link(self) -> None:
        _ = self.t.gettext
        href, ok = QInputDialog.getText(
            self,
            _("Link"),
            _("Web or email address (empty removes the link):"),
            QLineEdit.EchoMode.Normal,
        )
        if ok:
            from releasewriter.model.inline import safe_href  # noqa: PLC0415

            self.editor.set_link(safe_href(href) if href.strip() else None)

    def update_count(self) -> None:
        self._count_timer.stop()
        if self.session.release is not None:
            self.count.setText(count_text(self.t, self.editor.toPlainText(), self.session.locale))


class ReleaseForm(QScrollArea):
    """Every field of one language version; switching language reloads it."""

    locale_requested = Signal(str)

    def __init__(
        self,
        session: EditorSession,
        t: gettext.NullTranslations,
        ui_locale: str,
        directory: Callable[[], list[Contact]],
        parent: QWidget | None = None,
        *,
        dictionary: PersonalDictionary | None = None,
    ):
        super().__init__(parent)
        _ = t.gettext
        self.t = t
        self.session = session
        self.setWidgetResizable(True)
        self.setObjectName("releaseForm")
        self.setAccessibleName(_("Release form"))
        content = QWidget()
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        language_label = QLabel(_("Lan&guage version"))
        language_label.setBuddy(self.language)
        self.ui_locale = ui_locale
        self.read_only_banner = ReadOnlyBanner(t)
        self.read_only_note = self.read_only_banner.note
        self.read_only_banner.edit_anyway.connect(session.take_over)
        self.profile_banner = OtherProfileBanner(t)
        self.profile_banner.use_my_profile.connect(lambda: session.follow_profile(adopt=True))
        self.not_placed = NotPlacedSection(session, t)
        self.headline = HeadlineSection(session, t)
        self.dateline = DatelineSection(session, t, ui_locale)
        self.status = StatusSection(session, t, ui_locale)
        self.body = ParagraphsSection(_("Body"), "body", session, t)
        self.body.editor.setMinimumHeight(220)
        self.quotes = QuotesSection(session, t)
        self.contacts = ContactsSection(session, t, directory)
        self.notes = ParagraphsSection(
            t.pgettext("form section", "Notes to editors"), "notes_to_editors", session, t
        )
        self.notes.editor.setMaximumHeight(120)
        self.closing = ClosingSection(session, t)
        # Misspelt words underlined in the version's language; word lists load in the background.
        self.spelling = SpellingService(
            dictionary,
            start_delay_ms=1500,
            labels=SpellingLabels(
                add=_("Add to dictionary"), ignore=_("Ignore"), no_suggestions=_("(no suggestions)")
            ),
            parent=self,
        )
        quote_text = self.quotes.findChild(QPlainTextEdit, "quotes_text")
        assert quote_text is not None
        for editor in (self.body.editor, self.notes.editor, quote_text, self.closing.boilerplate):
            self.spelling.attach(editor, lambda: session.locale)
        session.locale_changed.connect(lambda _locale: self.spelling.refresh())
        session.release_opened.connect(self.spelling.refresh)
        top = QHBoxLayout()
        top.addWidget(language_label)
        top.addWidget(self.language, 1)
        layout = QVBoxLayout(content)
        layout.addLayout(top)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.profile_banner)
        for section in (
            self.not_placed,
            self.headline,
            self.dateline,
            self.status,
            self.body,
            self.quotes,
            self.contacts,
            self.notes,
            self.closing,
        ):
            layout.addWidget(section)
        layout.addStretch(1)
        tighten(content)
        self.setWidget(content)
        self._content = content
        self._narrowest: int | None = None
        self.language.activated.connect(
            lambda i: self.locale_requested.emit(self.language.itemData(i))
        )
        session.changed.connect(self._changed)
        session.locale_changed.connect(lambda _locale: self.load())
        session.release_opened.connect(self.load)
        session.versions_changed.connect(self.load)
        session.read_only_changed.connect(self._read_only)
        # Summaries in the quote and contact lists follow typing, a little later.
        self._summaries = QTimer(self)
        self._summaries.setSingleShot(True)
        self._summaries.setInterval(200)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        reflow(self._content, self.viewport().width())

    def minimumSizeHint(self) -> QSize:
        # As narrow as the fields allow, and no narrower: the window's splitter
        # takes the width from the library and the preview instead, and the form
        # never needs a horizontal scroll bar.
        if self._narrowest is None:
            self._narrowest = narrowest(self._content)
        hint = super().minimumSizeHint()
        extra = self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(max(hint.width(), self._narrowest + extra), hint.height())

    # -- loading -----------------------------------------------------------------

    def text_fields(self) -> list[QWidget]:
        return [
            *self.headline.fields(),
            self.dateline.city,
            self.body.editor,
            *self.quotes.bound,
            *self.contacts.bound,
            self.notes.editor,
            self.closing.boilerplate,
            self.closing.end_mark,
        ]

    def load(self) -> None:
        """Show the session's current version in every field."""
        if self.session.release is None:
            self._content.setEnabled(False)
            return
        self._content.setEnabled(True)
        release = self.session.release
        self.profile_banner.show_for(release, self.session.profile())
        self.language.blockSignals(True)
        self.language.clear()
        for locale in release.locales:
            label = display_name(locale)
            if locale == release.source_locale:
                label = self.t.gettext("{language} (source)").format(language=label)
            self.language.addItem(label, locale)
        self.language.setCurrentIndex(release.locales.index(self.session.locale))
        self.language.blockSignals(False)
        direction = (
            Qt.LayoutDirection.RightToLeft
            if text_direction(self.session.locale) == "rtl"
            else Qt.LayoutDirection.LeftToRight
        )
        for field in self.text_fields():
            field.setLayoutDirection(direction)
        self.headline.headline.refresh()
        self.headline.subheadline.refresh()
        self.body.editor.refresh()
        self.notes.editor.refresh()
        self.dateline.refresh()
        self.status.refresh()
        self.quotes.refresh()
        self.contacts.refresh()
        self.not_placed.refresh()
        self._refresh_closing()
        self.body.update_count()
        self.notes.update_count()
        if self.session.read_only:
            # Loading enables what the release allows; a held draft allows nothing.
            self._show_read_only()
        self._narrowest = None
        self.updateGeometry()
        reflow(self._content, self.viewport().width())

    def _refresh_closing(self) -> None:
        release = self.session.release
        assert release is not None
        from releasewriter.render.labels import Labels  # noqa: PLC0415

        locale = self.session.locale
        organisation = pick_for_locale(release.organisation.boilerplate, locale) or ""
        house = pick_for_locale(release.organisation.house_style.end_mark, locale)
        self.closing.refresh(organisation, house or Labels(locale).default_end_mark)

    def _changed(self, locale: str, path: str, from_widget: bool) -> None:
        # A shared field (the dateline's date) shows in every version, whichever one changed it.
        if (locale != self.session.locale and not is_shared(path)) or from_widget:
            return
        if not path:
            self.load()
            return
        section = section_of(path)
        if section in ("headline", "subheadline"):
            getattr(self.headline, section).refresh()
        elif section in ("dateline", "city"):
            self.dateline.refresh()
        elif section == "embargo":
            self.status.refresh()
        elif section == "body":
            self.body.editor.refresh()
        elif section == "notes_to_editors":
            self.notes.editor.refresh()
        elif section == "quotes":
            self.quotes.refresh()
        elif section == "contacts":
            self.contacts.refresh()
        elif section == "not_placed":
            self.not_placed.refresh()
        else:
            self._refresh_closing()

    def _read_only(self, read_only: bool) -> None:
        self.read_only_banner.setVisible(read_only)
        if read_only:
            self.read_only_note.setText(
                holder_text(self.t, self.session.lock_holder, self.ui_locale)
            )
        self._show_read_only()

    def _show_read_only(self) -> None:
        show_read_only(
            self._content, self.session.read_only, keep=(self.language, self.read_only_banner)
        )

    def show_rendered(self, rendered: RenderedRelease) -> None:
        self.dateline.show_rendered(rendered.dateline)

    # -- jumping to a field ----------------------------------------------------------

    def focus_field(self, path: str) -> QWidget | None:
        """Bring the field named by a path (``quotes[1].speaker``) into view and focus it."""
        section = section_of(path)
        index = index_of(path)
        item_field = path.split(".", 1)[1] if "." in path else ""
        target: QWidget | None
        if section in ("headline", "subheadline"):
            target = getattr(self.headline, section)
        elif section == "city":
            target = self.dateline.city
        elif section == "dateline":
            target = self.dateline.date if item_field == "date" else self.dateline.country
        elif section == "embargo":
            target = self.status.zone if item_field == "timezone" else self.status.until
        elif section == "body":
            target = self.body.editor
        elif section == "quotes":
            target = (
                self.quotes.focus_path(index or 0, item_field)
                if index is not None
                else self.quotes.add_button
            )
        elif section == "contacts":
            target = (
                self.contacts.focus_path(index or 0, item_field)
                if index is not None
                else self.contacts.add_button
            )
        elif section == "notes_to_editors":
            target = self.notes.editor
        elif section == "end_mark":
            target = self.closing.end_mark
        elif section == "not_placed":
            target = self.not_placed.lines
        else:
            target = self.closing.boilerplate
        if target is not None:
            self.ensureWidgetVisible(target)
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        return target
