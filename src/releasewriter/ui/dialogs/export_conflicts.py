"""Asking before an export replaces files of the same names.

Someone may have edited an exported Word file since (a colleague's corrections, a
letterhead fixed by hand); replacing it silently loses that work. The question offers
what file managers offer: replace, keep both (the new files numbered), or cancel.
"""

from __future__ import annotations

import gettext
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from releasewriter.export.files import OnConflict
from releasewriter.ui.dialogs.common import isolate

# Beyond this many names the question would outgrow the screen; the rest are counted.
MAX_NAMES_SHOWN = 12


@dataclass(frozen=True)
class Answer:
    choice: OnConflict | None  # None: cancel, write nothing
    remember: bool  # do the same, without asking, while the export window is open


def ask_about_existing(
    parent: QWidget,
    translations: gettext.NullTranslations,
    folder: Path,
    existing: Sequence[Path],
) -> Answer:
    """Ask whether to replace the ``existing`` files in ``folder`` or keep both."""
    _ = translations.gettext
    count = len(existing)
    box = QMessageBox(QMessageBox.Icon.Warning, _("Export"), "", parent=parent)
    box.setObjectName("existingFilesQuestion")
    names = [f"• {isolate(path.name)}" for path in existing[:MAX_NAMES_SHOWN]]
    if count > MAX_NAMES_SHOWN:
        more = count - MAX_NAMES_SHOWN
        names.append(
            translations.ngettext("and {count} more", "and {count} more", more).format(count=more)
        )
    box.setText(
        translations.ngettext(
            "A file of this name exists already in {folder}:",
            "Files of these names exist already in {folder}:",
            count,
        ).format(folder=isolate(str(folder)))
        + "\n\n"
        + "\n".join(names)
    )
    box.setInformativeText(
        translations.ngettext(
            "Replacing it loses any changes made to it since it was exported. "
            "Keep both gives the new files a number.",
            "Replacing them loses any changes made to them since they were exported. "
            "Keep both gives the new files a number.",
            count,
        )
    )
    replace = box.addButton(_("&Replace"), QMessageBox.ButtonRole.DestructiveRole)
    keep_both = box.addButton(_("&Keep both"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    # Return keeps both: the answer that loses nothing, for whoever presses it unread.
    box.setDefaultButton(keep_both)
    box.setEscapeButton(cancel)
    remember = QCheckBox(_("Do&n't ask again while this window is open"))
    box.setCheckBox(remember)
    box.exec()
    clicked = box.clickedButton()
    choice: OnConflict | None
    if clicked == replace:
        choice = "replace"
    elif clicked == keep_both:
        choice = "keep_both"
    else:
        choice = None
    # A remembered Cancel would make every later click of Export do nothing, unexplained.
    return Answer(choice, remember.isChecked() and choice is not None)
