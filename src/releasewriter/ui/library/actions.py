"""The library's actions: one QAction each, shared by the toolbar and the context menu.

Shortcuts are bound to the list only (``WidgetShortcut``): Delete must not
trash a draft while the user deletes a letter in the search box, and the main
window keeps Ctrl+N, Ctrl+O and the like for its own menus. It can add these
actions to its menus as they are.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QWidget

_Pixmap = QStyle.StandardPixmap


@dataclass(frozen=True)
class LibraryActions:
    new: QAction
    open: QAction
    duplicate: QAction
    trash: QAction
    open_file: QAction
    restore: QAction
    empty_trash: QAction
    refresh: QAction
    show_in_folder: QAction
    resolve_conflict: QAction

    @property
    def for_drafts(self) -> tuple[QAction, ...]:
        # The toolbar's drafts buttons. Show in folder and Resolve conflict are in the
        # context menu only (the toolbar has no room left on a small laptop), and are
        # enabled in the drafts tab alone.
        return (self.new, self.open, self.duplicate, self.trash, self.open_file)

    @property
    def for_trash(self) -> tuple[QAction, ...]:
        return (self.restore, self.empty_trash)


def _action(
    owner: QWidget,
    name: str,
    text: str,
    tip: str,
    icon: QIcon,
    shortcut: QKeySequence | None = None,
) -> QAction:
    action = QAction(icon, text, owner)
    action.setObjectName(name)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    if shortcut is not None:
        action.setShortcut(shortcut)
        action.setToolTip(f"{tip} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})")
    return action


def make_actions(owner: QWidget, translations: gettext.NullTranslations) -> LibraryActions:
    _ = translations.gettext
    style = owner.style()

    def themed(name: QIcon.ThemeIcon, fallback: _Pixmap) -> QIcon:
        return QIcon.fromTheme(name, style.standardIcon(fallback))

    return LibraryActions(
        new=_action(
            owner,
            "newDraftAction",
            _("&New"),
            _("Start a new release"),
            themed(QIcon.ThemeIcon.DocumentNew, _Pixmap.SP_FileIcon),
        ),
        open=_action(
            owner,
            "openDraftAction",
            _("&Open"),
            _("Open the selected draft"),
            themed(QIcon.ThemeIcon.DocumentOpen, _Pixmap.SP_DialogOpenButton),
        ),
        duplicate=_action(
            owner,
            "duplicateDraftAction",
            _("D&uplicate"),
            _("Make a copy of the selected draft, with its own id, and open it"),
            themed(QIcon.ThemeIcon.EditCopy, _Pixmap.SP_FileDialogNewFolder),
            QKeySequence("Ctrl+D"),
        ),
        trash=_action(
            owner,
            "trashDraftAction",
            _("&Delete"),
            _("Move the selected drafts to the trash"),
            themed(QIcon.ThemeIcon.EditDelete, _Pixmap.SP_TrashIcon),
            QKeySequence(QKeySequence.StandardKey.Delete),
        ),
        open_file=_action(
            owner,
            "openFileAction",
            _("Open &file…"),
            _("Open a draft file from anywhere, such as an email attachment or a USB stick"),
            style.standardIcon(_Pixmap.SP_DirOpenIcon),
        ),
        restore=_action(
            owner,
            "restoreDraftAction",
            _("&Restore"),
            _("Put the selected drafts back among the drafts"),
            themed(QIcon.ThemeIcon.EditUndo, _Pixmap.SP_ArrowBack),
        ),
        empty_trash=_action(
            owner,
            "emptyTrashAction",
            _("&Empty trash"),
            _("Delete every draft in the trash for good"),
            style.standardIcon(_Pixmap.SP_DialogDiscardButton),
        ),
        refresh=_action(
            owner,
            "refreshLibraryAction",
            _("Re&fresh"),
            _("Read the drafts folder again"),
            themed(QIcon.ThemeIcon.ViewRefresh, _Pixmap.SP_BrowserReload),
            QKeySequence(QKeySequence.StandardKey.Refresh),
        ),
        show_in_folder=_action(
            owner,
            "showInFolderAction",
            _("Show in &folder"),
            _("Open the drafts folder in the file manager, to see or move the file by hand"),
            style.standardIcon(_Pixmap.SP_DirIcon),
        ),
        resolve_conflict=_action(
            owner,
            "resolveConflictAction",
            _("Resolve &conflict…"),
            _(
                "Compare this conflict copy with its original field by field, "
                "and keep one or a mix of both"
            ),
            style.standardIcon(_Pixmap.SP_MessageBoxWarning),
        ),
    )


def context_menu(parent: QWidget, actions: LibraryActions, in_trash: bool) -> QMenu:
    """The list's context menu for the drafts or the trash (the caller shows and deletes it)."""
    menu, a = QMenu(parent), actions
    menu.setObjectName("libraryContextMenu")
    if in_trash:
        menu.addActions([a.restore, a.empty_trash])
    else:
        menu.addActions([a.open, a.duplicate, a.trash])
        menu.addActions([a.resolve_conflict, a.show_in_folder])
        menu.addSeparator()
        menu.addActions([a.new, a.open_file])
    menu.addSeparator()
    menu.addAction(a.refresh)
    return menu
