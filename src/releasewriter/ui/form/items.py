"""Lists of quotes and of contacts: add, remove, reorder, and edit the selected one."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from releasewriter.model import Contact, LanguageVersion, Quote, SpeakerGender
from releasewriter.model.following import contacts_follow_profile, usual_contacts
from releasewriter.ui.flow_layout import FlowLayout
from releasewriter.ui.form.fields import LineField, PlainTextField
from releasewriter.ui.session import EditorSession


class ItemsSection(QGroupBox):
    """A list on top, the selected item's fields below; every change is undoable."""

    section = ""

    def __init__(
        self,
        title: str,
        session: EditorSession,
        t: gettext.NullTranslations,
        parent: QWidget | None = None,
    ):
        super().__init__(title, parent)
        _ = t.gettext
        self.t = t
        self.session = session
        self.list = QListWidget()
        self.list.setObjectName(f"{self.section}List")
        self.list.setMaximumHeight(90)
        self.list.setAccessibleName(title.replace("&", ""))
        self.add_button = QPushButton(_("&Add"))
        self.add_button.setObjectName(f"{self.section}Add")
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setObjectName(f"{self.section}Remove")
        self.up_button = QToolButton()
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)
        self.up_button.setToolTip(_("Move up"))
        self.up_button.setAccessibleName(_("Move up"))
        self.down_button = QToolButton()
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        self.down_button.setToolTip(_("Move down"))
        self.down_button.setAccessibleName(_("Move down"))
        # On a narrow form the buttons wrap rather than hold the whole form wide.
        self.buttons = buttons = FlowLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        self.details = QWidget()
        self.form = QFormLayout(self.details)
        self.form.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.details)
        self.bound: list[Any] = []
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.list.currentRowChanged.connect(self._select)

    # subclasses: the items, a new item, a summary line, and the fields
    def items(self, version: LanguageVersion) -> list[Any]:
        raise NotImplementedError

    def new_item(self) -> Any:
        raise NotImplementedError

    def summary(self, item: Any) -> str:
        raise NotImplementedError

    def add_row(self, label: str, widget: QWidget) -> None:
        text = QLabel(label)
        text.setBuddy(widget)
        self.form.addRow(text, widget)

    def add(self) -> None:
        self.insert(self.new_item())

    def insert(self, item: Any) -> None:
        self.session.restructure(self.title(), lambda v: self.items(v).append(item))
        self.list.setCurrentRow(self.list.count() - 1)
        self.focus_first()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.session.restructure(self.title(), lambda v: self.items(v).pop(row))

    def move_item(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return

        def swap(version: LanguageVersion) -> None:
            items = self.items(version)
            items[row], items[target] = items[target], items[row]

        self.session.restructure(self.title(), swap)
        self.list.setCurrentRow(target)

    def refresh(self) -> None:
        items = self.items(self.session.version)
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for item in items:
            self.list.addItem(self.summary(item))
        self.list.blockSignals(False)
        if items:
            self.list.setCurrentRow(min(max(row, 0), len(items) - 1))
        self._select(self.list.currentRow())

    def refresh_summaries(self) -> None:
        for index, item in enumerate(self.items(self.session.version)):
            if index < self.list.count():
                self.list.item(index).setText(self.summary(item))

    def _select(self, row: int) -> None:
        self.details.setEnabled(row >= 0)
        self.remove_button.setEnabled(row >= 0)
        for field in self.bound:
            field.path = f"{self.section}[{max(row, 0)}].{field.property('item_field')}"
            if row >= 0:
                field.refresh()
            elif hasattr(field, "clear"):
                field.blockSignals(True)
                field.clear()
                field.blockSignals(False)
        self.select_extra(row)

    def select_extra(self, row: int) -> None:
        """Fields that are not plain text (gender, position) follow the selection here."""

    def select(self, index: int) -> None:
        self.list.setCurrentRow(index)

    def focus_first(self) -> None:
        if self.bound:
            self.bound[0].focus_field()

    def focus_path(self, index: int, item_field: str) -> QWidget | None:
        self.select(index)
        for field in self.bound:
            if field.property("item_field") == item_field:
                field.focus_field()
                return field  # type: ignore[no-any-return]
        self.focus_first()
        return self.bound[0] if self.bound else None

    def bind(self, field: Any, item_field: str, label: str) -> None:
        field.setProperty("item_field", item_field)
        field.setObjectName(f"{self.section}_{item_field}")
        self.bound.append(field)
        self.add_row(label, field)


class QuotesSection(ItemsSection):
    section = "quotes"

    def __init__(
        self, session: EditorSession, t: gettext.NullTranslations, parent: QWidget | None = None
    ):
        _ = t.gettext
        super().__init__(_("Quotes"), session, t, parent)
        self.add_button.setText(_("&Add a quote"))
        text = PlainTextField(session, "quotes[0].text")
        text.setMaximumHeight(80)
        self.bind(text, "text", _("&Quote"))
        self.bind(LineField(session, "quotes[0].speaker"), "speaker", _("S&peaker"))
        self.bind(LineField(session, "quotes[0].role"), "role", _("Role"))
        self.gender = QComboBox()
        self.gender.setObjectName("quotes_speaker_gender")
        self.gender.addItem(_("Not specified"), SpeakerGender.UNSPECIFIED.value)
        self.gender.addItem(_("Woman"), SpeakerGender.FEMALE.value)
        self.gender.addItem(_("Man"), SpeakerGender.MALE.value)
        self.gender.setToolTip(_("Some languages agree the verb with the speaker (сказала, قالت)."))
        self.add_row(_("Speaker’s gender"), self.gender)
        self.after = QSpinBox()
        self.after.setObjectName("quotes_after_paragraph")
        self.after.setRange(0, 999)
        self.add_row(_("After paragraph"), self.after)
        self.gender.activated.connect(self._gender_chosen)
        self.after.valueChanged.connect(self._after_changed)
        for field in self.bound:
            field.textChanged.connect(self.refresh_summaries)

    def items(self, version: LanguageVersion) -> list[Any]:
        return version.quotes

    def new_item(self) -> Quote:
        return Quote(after_paragraph=len(self.session.version.body))

    def summary(self, item: Any) -> str:
        assert isinstance(item, Quote)
        text = item.text.strip().replace("\n", " ")
        who = item.speaker.strip() or self.t.gettext("(no speaker)")
        return f"{who}: {text[:60]}{'…' if len(text) > 60 else ''}"

    def select_extra(self, row: int) -> None:
        quotes = self.session.version.quotes if self.session.release else []
        self.gender.blockSignals(True)
        self.after.blockSignals(True)
        if 0 <= row < len(quotes):
            self.gender.setCurrentIndex(
                max(0, self.gender.findData(quotes[row].speaker_gender.value))
            )
            self.after.setMaximum(max(len(self.session.version.body), 0))
            self.after.setValue(quotes[row].after_paragraph)
        self.gender.blockSignals(False)
        self.after.blockSignals(False)

    def _gender_chosen(self, index: int) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.session.edit(
                f"quotes[{row}].speaker_gender", SpeakerGender(self.gender.itemData(index))
            )

    def _after_changed(self, value: int) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.session.edit(f"quotes[{row}].after_paragraph", value)


class ContactsSection(ItemsSection):
    section = "contacts"

    def __init__(
        self,
        session: EditorSession,
        t: gettext.NullTranslations,
        directory: Callable[[], list[Contact]],
        parent: QWidget | None = None,
    ):
        _ = t.gettext
        super().__init__(_("Media contacts"), session, t, parent)
        self.add_button.setText(_("Add a con&tact"))
        self.directory = directory
        for name, label in (
            ("name", _("Name")),
            ("role", _("Role")),
            ("office", _("&Office")),
            ("email", _("Email")),
            ("phone", _("Phone")),
        ):
            field = LineField(session, f"contacts[0].{name}")
            self.bind(field, name, label)
            field.textChanged.connect(self.refresh_summaries)
        self.pick_button = QPushButton(_("F&rom directory"))
        self.pick_button.setObjectName("contactsFromDirectory")
        self.pick_menu = QMenu(self)
        self.pick_button.setMenu(self.pick_menu)
        self.pick_menu.aboutToShow.connect(self._fill_directory)
        self.buttons.insertWidget(1, self.pick_button)
        # Tab goes along the row as it reads, not to the button added last.
        QWidget.setTabOrder(self.add_button, self.pick_button)
        QWidget.setTabOrder(self.pick_button, self.remove_button)
        # Whether these are the profile's usual contacts (they then follow it) or this
        # release's own, with the way back.
        self.origin = QLabel()
        self.origin.setObjectName("contactsOrigin")
        self.origin.setWordWrap(True)
        self.use_profile_button = QPushButton(_("Use the profile’s"))
        self.use_profile_button.setObjectName("contactsUseProfile")
        self.use_profile_button.setToolTip(
            _("Replace these contacts by the organisation profile’s usual contact.")
        )
        self.use_profile_button.clicked.connect(self.use_profile)
        origin_row = FlowLayout()
        origin_row.addWidget(self.origin)
        origin_row.addWidget(self.use_profile_button)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, origin_row)

    def refresh(self) -> None:
        super().refresh()
        self._show_origin()

    def refresh_summaries(self) -> None:
        super().refresh_summaries()
        if self.session.release is not None:
            self._show_origin()

    def _show_origin(self) -> None:
        _ = self.t.gettext
        release = self.session.release
        usual = usual_contacts(release.organisation) if release is not None else []
        if release is None or not usual:
            self.origin.setVisible(False)
            self.use_profile_button.setVisible(False)
            return
        follows = contacts_follow_profile(self.session.version, release.organisation)
        self.origin.setText(
            _("The organisation profile’s usual contact: it follows the profile.")
            if follows
            else _("Changed for this release.")
        )
        self.origin.setVisible(True)
        self.use_profile_button.setVisible(not follows)

    def use_profile(self) -> None:
        release = self.session.release
        if release is None:
            return
        usual = usual_contacts(release.organisation)

        def restore(version: LanguageVersion) -> None:
            version.contacts = usual

        self.session.restructure(self.use_profile_button.text(), restore)
        self.refresh()

    def _fill_directory(self) -> None:
        self.pick_menu.clear()
        contacts = self.directory()
        if not contacts:
            action = self.pick_menu.addAction(
                self.t.gettext("The organisation profile has no contacts")
            )
            action.setEnabled(False)
        for contact in contacts:
            action = QAction(
                " — ".join(p for p in (contact.name, contact.email) if p), self.pick_menu
            )
            action.setObjectName("contactFromDirectory")
            action.triggered.connect(lambda _checked=False, c=contact: self.insert(self._copy(c)))
            self.pick_menu.addAction(action)

    @staticmethod
    def _copy(contact: Contact) -> Contact:
        return Contact(contact.name, contact.role, contact.office, contact.email, contact.phone)

    def items(self, version: LanguageVersion) -> list[Any]:
        return version.contacts

    def new_item(self) -> Contact:
        return Contact()

    def summary(self, item: Any) -> str:
        assert isinstance(item, Contact)
        parts = [p for p in (item.name, item.email or item.phone) if p.strip()]
        return " — ".join(parts) or self.t.gettext("(new contact)")
