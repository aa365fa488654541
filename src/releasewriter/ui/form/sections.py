"""The simple sections of the form: headline, dateline, release status, closing parts."""

from __future__ import annotations

import datetime as dt
import gettext

from PySide6.QtCore import QDate, QDateTime, QLocale, QStringListModel, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from releasewriter.i18n.counts import counts_characters, text_length
from releasewriter.i18n.dates import qt_display_format
from releasewriter.i18n.locales import is_rtl
from releasewriter.i18n.places import cities
from releasewriter.model import Embargo
from releasewriter.ui.flow_layout import FlowLayout
from releasewriter.ui.form.country import CountryCombo
from releasewriter.ui.form.fields import LineField, OptionalLineField, PlainTextField
from releasewriter.ui.form.long_check_box import LongCheckBox
from releasewriter.ui.form.zone_field import ZoneCombo, system_time_zone
from releasewriter.ui.session import EditorSession


def date_edit_in_locale(edit: QDateTimeEdit, ui_locale: str, *, time: bool) -> None:
    """Show a date (and time) as the interface's language writes one, in its direction.

    The CLDR pattern puts the parts in the reader's order and its marks (U+200F
    in Arabic) keep them there in a right-to-left line; Qt's locale gives the
    month names, AM/PM and digits. A date edit that is right to left when its
    format is set reverses the format's sections itself, which turns 09:00 into
    "00:09": the format is set while the edit is left to right, and the edit
    is turned to the interface's direction only after.
    """
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setLocale(QLocale(ui_locale))
    edit.setDisplayFormat(qt_display_format(ui_locale, time=time))
    if is_rtl(ui_locale):
        edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)


class HeadlineSection(QGroupBox):
    def __init__(
        self, session: EditorSession, t: gettext.NullTranslations, parent: QWidget | None = None
    ):
        _ = t.gettext
        super().__init__(_("Title"), parent)
        self.t = t
        self.session = session
        self.headline = LineField(session, "headline")
        self.headline.setObjectName("headlineEdit")
        self.headline.setPlaceholderText(_("What happened, in one line"))
        self.count = QLabel()
        self.count.setObjectName("headlineCount")
        self.subheadline = LineField(session, "subheadline")
        self.subheadline.setObjectName("subheadlineEdit")
        layout = QFormLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.headline, 1)
        row.addWidget(self.count)
        headline_label = QLabel(_("Headli&ne"))
        headline_label.setBuddy(self.headline)
        layout.addRow(headline_label, row)
        sub_label = QLabel(_("&Subheadline"))
        sub_label.setBuddy(self.subheadline)
        layout.addRow(sub_label, self.subheadline)
        self.headline.textChanged.connect(self._count)

    def _count(self) -> None:
        count = len(self.headline.text())
        self.count.setText(self.t.ngettext("%d character", "%d characters", count) % count)

    def fields(self) -> list[LineField]:
        return [self.headline, self.subheadline]


class DatelineSection(QGroupBox):
    def __init__(
        self,
        session: EditorSession,
        t: gettext.NullTranslations,
        ui_locale: str,
        parent: QWidget | None = None,
    ):
        _ = t.gettext
        super().__init__(_("Dateline"), parent)
        self.session = session
        self.city = LineField(session, "city")
        self.city.setObjectName("cityEdit")
        self.city.setPlaceholderText(_("as written in this language"))
        # CLDR's names of cities in the version's language, offered as one types.
        self.city_names = QStringListModel(self)
        completer = QCompleter(self.city_names, self.city)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.city.setCompleter(completer)
        # A name picked from the list is put in the field by Qt, not typed: record it too.
        completer.activated.connect(lambda name: self.session.edit("city", name))
        self._cities_for = ""
        self.country = CountryCombo(ui_locale)
        self.country.setObjectName("countryCombo")
        self.has_date = QCheckBox(_("&Date"))
        self.date = QDateEdit()
        self.date.setObjectName("dateEdit")
        # Its check box stands where a label would, but is a control of its own.
        self.date.setAccessibleName(_("Date of the dateline"))
        self.date.setCalendarPopup(True)
        date_edit_in_locale(self.date, ui_locale, time=False)
        self.rendered = QLabel()
        self.rendered.setObjectName("renderedDateline")
        self.rendered.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long dateline wraps instead of holding the form wide.
        self.rendered.setWordWrap(True)
        layout = QFormLayout(self)
        city_label = QLabel(_("&City"))
        city_label.setBuddy(self.city)
        layout.addRow(city_label, self.city)
        country_label = QLabel(_("Countr&y"))
        country_label.setBuddy(self.country)
        layout.addRow(country_label, self.country)
        layout.addRow(self.has_date, self.date)
        layout.addRow(_("Shown as"), self.rendered)
        shared = _("The same for every language version; each shows it in its own language.")
        for widget in (self.country, self.has_date, self.date):
            widget.setToolTip(shared)
        self.country.country_edited.connect(self._country_edited)
        self.has_date.toggled.connect(self._date_toggled)
        self.date.dateChanged.connect(self._date_changed)
        self._loading = False

    def _country_edited(self, value: str) -> None:
        if not self._loading:
            self.session.edit("dateline.country", value)

    def _date_toggled(self, on: bool) -> None:
        self.date.setEnabled(on)
        if not self._loading:
            self.session.edit("dateline.date", self.date.date().toPython() if on else None)

    def _date_changed(self, value: QDate) -> None:
        if not self._loading and self.has_date.isChecked():
            self.session.edit("dateline.date", value.toPython())

    def refresh(self) -> None:
        self._loading = True
        try:
            if self._cities_for != self.session.locale:
                self._cities_for = self.session.locale
                self.city_names.setStringList(list(cities(self.session.locale)))
            self.city.refresh()
            self.country.show_country(self.session.value("dateline.country") or "")
            date = self.session.value("dateline.date")
            self.has_date.setChecked(date is not None)
            self.date.setEnabled(date is not None)
            self.date.setDate(QDate(date) if date else QDate.currentDate())
        finally:
            self._loading = False

    def show_rendered(self, text: str) -> None:
        self.rendered.setText(text or "—")


class StatusSection(QGroupBox):
    def __init__(
        self,
        session: EditorSession,
        t: gettext.NullTranslations,
        ui_locale: str = "en",
        parent: QWidget | None = None,
    ):
        _ = t.gettext
        super().__init__(_("Release status"), parent)
        self.session = session
        self.immediate = QRadioButton(_("For i&mmediate release"))
        self.immediate.setObjectName("immediateRadio")
        self.embargoed = QRadioButton(_("Embargoed &until"))
        self.embargoed.setObjectName("embargoRadio")
        self.until = QDateTimeEdit()
        self.until.setObjectName("embargoUntil")
        self.until.setAccessibleName(_("Embargo date and time"))
        self.until.setCalendarPopup(True)
        date_edit_in_locale(self.until, ui_locale, time=True)
        self.zone = ZoneCombo(ui_locale)
        self.zone.setObjectName("embargoZone")
        self.zone.setAccessibleName(_("Embargo time zone"))
        self.zone.setToolTip(_("Embargo time zone"))
        self.zone.setEditable(True)
        layout = QFormLayout(self)
        choice = FlowLayout()
        choice.addWidget(self.immediate)
        choice.addWidget(self.embargoed)
        layout.addRow(choice)
        # Most releases go out at once: the embargo's fields show only when chosen.
        self.when = QWidget()
        row = QHBoxLayout(self.when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.until)
        row.addWidget(self.zone, 1)
        layout.addRow(self.when)
        self._loading = False
        self.immediate.toggled.connect(self._changed)
        self.until.dateTimeChanged.connect(self._changed)
        self.zone.currentTextChanged.connect(self._changed)

    def _changed(self) -> None:
        if self._loading:
            return
        if self.immediate.isChecked():
            self.session.edit("embargo", None)
            self._enable(False)
            return
        self._enable(True)
        value = self.until.dateTime().toPython()
        assert isinstance(value, dt.datetime)
        until = value.replace(second=0, microsecond=0)
        self.session.edit("embargo", Embargo(until, self.zone.zone()))

    def _enable(self, on: bool) -> None:
        self.until.setEnabled(on)
        self.zone.setEnabled(on)
        self.when.setVisible(on)

    def refresh(self) -> None:
        embargo = self.session.value("embargo")
        self._loading = True
        try:
            if embargo is None:
                self.immediate.setChecked(True)
                tomorrow = QDate.currentDate().addDays(1)
                self.until.setDateTime(QDateTime(tomorrow, QTime(9, 0)))
                self.zone.show_zone(system_time_zone())
            else:
                self.embargoed.setChecked(True)
                self.until.setDateTime(QDateTime(embargo.until.date(), QTime(embargo.until.time())))
                self.zone.show_zone(embargo.timezone)
            self._enable(embargo is not None)
        finally:
            self._loading = False


class ClosingSection(QGroupBox):
    """Boilerplate ("About …") and end mark: the organisation's unless changed here."""

    def __init__(
        self, session: EditorSession, t: gettext.NullTranslations, parent: QWidget | None = None
    ):
        _ = t.gettext
        super().__init__(_("About the organisation and end mark"), parent)
        self.session = session
        own = LongCheckBox(_("Use a different &boilerplate for this release"))
        self.own = own.box
        self.own.setObjectName("ownBoilerplate")
        self.boilerplate = PlainTextField(session, "boilerplate")
        self.boilerplate.setObjectName("boilerplateEdit")
        self.boilerplate.setAccessibleName(_("Boilerplate"))
        self.boilerplate.setMaximumHeight(110)
        self.end_mark = OptionalLineField(session, "end_mark")
        self.end_mark.setObjectName("endMarkEdit")
        layout = QFormLayout(self)
        layout.addRow(own)
        layout.addRow(self.boilerplate)
        end_label = QLabel(_("End mar&k"))
        end_label.setBuddy(self.end_mark)
        layout.addRow(end_label, self.end_mark)
        self.own.toggled.connect(self._own_toggled)
        self._loading = False

    def _own_toggled(self, on: bool) -> None:
        self.boilerplate.setReadOnly(not on)
        if self._loading:
            return
        if on:
            self.session.edit("boilerplate", self.boilerplate.toPlainText())
        else:
            self.session.edit("boilerplate", None)

    def refresh(self, organisation_text: str, default_end_mark: str) -> None:
        own = self.session.value("boilerplate")
        self._loading = True
        try:
            self.own.setChecked(own is not None)
            self.boilerplate.setReadOnly(own is None)
            if own is None:
                self.boilerplate._loading = True
                self.boilerplate.setPlainText(organisation_text)
                self.boilerplate._loading = False
            else:
                self.boilerplate.refresh()
            self.end_mark.setPlaceholderText(default_end_mark)
            self.end_mark.refresh()
        finally:
            self._loading = False


def count_text(t: gettext.NullTranslations, text: str, locale: str) -> str:
    count = text_length(text, locale)
    if counts_characters(locale):
        return t.ngettext("%d character", "%d characters", count) % count
    return t.ngettext("%d word", "%d words", count) % count
