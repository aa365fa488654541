"""Which translations a job is for: the XLIFF export and the review document ask first.

Picking one silently (the first target when the source is shown) sent a
translator the wrong language; the dialog says which, and "All languages"
writes one file per language into a folder.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from releasewriter.i18n.locales import display_name
from releasewriter.model import Release
from releasewriter.ui import file_dialogs


class TargetLanguagesDialog(QDialog):
    """A checkable list of the release's translations, with "All languages"."""

    def __init__(
        self,
        title: str,
        targets: list[str],
        chosen: list[str],
        t: gettext.NullTranslations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        _ = t.gettext
        self.setWindowTitle(title)
        self.setObjectName("targetLanguagesDialog")
        self.all = QCheckBox(_("&All languages (one file each)"))
        self.all.setObjectName("targetLanguagesAll")
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Which translations?")))
        for locale in targets:
            box = QCheckBox(display_name(locale))
            box.setObjectName(f"targetLanguage:{locale}")
            box.setChecked(locale in chosen)
            box.toggled.connect(lambda _on: self._update())
            self.boxes[locale] = box
            layout.addWidget(box)
        layout.addWidget(self.all)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.all.clicked.connect(self._all_clicked)
        self._update()

    def _all_clicked(self, on: bool) -> None:
        for box in self.boxes.values():
            box.setChecked(on)

    def _update(self) -> None:
        chosen = self.chosen()
        self.all.setChecked(len(chosen) == len(self.boxes))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(chosen))

    def chosen(self) -> list[str]:
        return [locale for locale, box in self.boxes.items() if box.isChecked()]


def translations_of(release: Release) -> list[str]:
    return [code for code in release.locales if code != release.source_locale]


def ask_targets(
    parent: QWidget, title: str, release: Release, current: str, t: gettext.NullTranslations
) -> list[str]:
    """The languages the user picked; [] when cancelled. Default: the version on screen."""
    targets = translations_of(release)
    default = [current] if current in targets else targets[:1] if len(targets) == 1 else []
    dialog = TargetLanguagesDialog(title, targets, default, t, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return []
    return dialog.chosen()


def ask_destinations(
    parent: QWidget,
    title: str,
    locales: list[str],
    name_for: Callable[[str], str],
    file_filter: str,
    kind: str,
) -> dict[str, Path]:
    """Where each language's file goes: a file name for one, a folder for several."""
    if len(locales) == 1:
        path = file_dialogs.save_file(parent, kind, title, name_for(locales[0]), file_filter)
        return {locales[0]: Path(path)} if path else {}
    folder = file_dialogs.existing_folder(parent, kind, title)
    if not folder:
        return {}
    return {locale: Path(folder) / name_for(locale) for locale in locales}
