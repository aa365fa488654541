"""The main window's menus and actions, and which of them need an open draft."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from releasewriter.i18n.locales import display_name
from releasewriter.ui.help_menu import about, check_installation, open_log_folder

if TYPE_CHECKING:
    from releasewriter.ui.main_window import MainWindow

# What needs an open draft: disabled while none is (the Language menu's
# "Make this version the source" also while the source is on screen).
NEEDS_A_DRAFT = frozenset({
    "exportAction", "copyHtmlAction", "findAction", "findNextAction", "boldAction",
    "italicAction", "linkAction", "translateAction", "addVersionAction",
    "removeVersionAction", "makeSourceAction", "exportXliffAction", "reviewDocumentAction",
    "importXliffAction", "importTranslatedDocumentAction", "markAllTranslatedAction",
})  # fmt: skip


def add_action(
    window: MainWindow,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
    slot: object,
    name: str,
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    # On the window as well as in its menu: the shortcut works with the menu bar hidden.
    window.addAction(action)
    return action


def build_menus(window: MainWindow) -> None:
    """File, Edit, View, Language and Help, each action named for the tests that
    check every one is triggered as a person would."""
    _ = window.t.gettext
    standard = QKeySequence.StandardKey
    file_menu = window.menuBar().addMenu(_("&File"))
    window.new_action = add_action(
        window, _("&New release"), standard.New, window.new_release, "newAction"
    )
    file_menu.addAction(window.new_action)
    file_menu.addAction(
        add_action(window, _("&Open file…"), standard.Open, window.open_file, "openAction")
    )
    file_menu.addAction(
        add_action(
            window,
            _("&Import a release…"),
            "Ctrl+Shift+I",
            window.importer.choose_file,
            "importReleaseAction",
        )
    )
    file_menu.addSeparator()
    window.export_action = add_action(
        window, _("&Export…"), "Ctrl+E", window.export, "exportAction"
    )
    file_menu.addAction(window.export_action)
    file_menu.addAction(
        add_action(
            window, _("&Copy as HTML"), "Ctrl+Shift+C", window.copy_as_html, "copyHtmlAction"
        )
    )
    file_menu.addSeparator()
    file_menu.addAction(
        add_action(window, _("Organisation &profile…"), None, window.edit_profile, "profileAction")
    )
    file_menu.addSeparator()
    file_menu.addAction(add_action(window, _("&Quit"), standard.Quit, window.close, "quitAction"))

    edit_menu = window.menuBar().addMenu(_("&Edit"))
    undo = window.session.undo_stack.createUndoAction(window, _("&Undo"))
    undo.setShortcut(QKeySequence(standard.Undo))
    undo.setObjectName("undoAction")
    redo = window.session.undo_stack.createRedoAction(window, _("&Redo"))
    redo.setShortcuts([QKeySequence(standard.Redo), QKeySequence("Ctrl+Y")])
    redo.setObjectName("redoAction")
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    window.addAction(undo)
    window.addAction(redo)
    edit_menu.addSeparator()
    edit_menu.addAction(
        add_action(window, _("&Find…"), standard.Find, window.find_bar.open_bar, "findAction")
    )
    edit_menu.addAction(
        add_action(
            window, _("Find &next"), standard.FindNext, window.find_bar.find_next, "findNextAction"
        )
    )
    edit_menu.addSeparator()
    edit_menu.addAction(
        add_action(window, _("&Bold"), standard.Bold, lambda: window._format("bold"), "boldAction")
    )
    edit_menu.addAction(
        add_action(
            window, _("&Italic"), standard.Italic, lambda: window._format("italic"), "italicAction"
        )
    )
    edit_menu.addAction(
        add_action(window, _("&Link…"), "Ctrl+K", lambda: window._format("link"), "linkAction")
    )

    view_menu = window.menuBar().addMenu(_("&View"))
    for text, pane, key, name in (
        (_("&Library"), window.library, "Ctrl+1", "toggleLibrary"),
        (_("&Preview"), window.preview, "Ctrl+3", "togglePreview"),
    ):
        action = add_action(window, text, key, lambda on, p=pane: p.setVisible(on), name)
        action.setCheckable(True)
        action.setChecked(True)
        view_menu.addAction(action)
    window.translate_action = add_action(
        window, _("&Translate side by side"), "Ctrl+T", window.set_translating, "translateAction"
    )
    window.translate_action.setCheckable(True)
    view_menu.addAction(window.translate_action)
    toggle = window.validation_dock.toggleViewAction()
    toggle.setText(_("&Before sending"))
    toggle.setObjectName("toggleBeforeSending")
    toggle.setShortcut(QKeySequence("Ctrl+4"))
    view_menu.addAction(toggle)

    window.language_menu = window.menuBar().addMenu(_("&Language"))
    window.version_actions = [
        add_action(
            window, _("&Add a language version…"), None, window.versions.add, "addVersionAction"
        ),
        add_action(
            window,
            _("&Remove this language version…"),
            None,
            window.versions.remove,
            "removeVersionAction",
        ),
        add_action(
            window,
            _("Make this version the &source"),
            None,
            window.versions.make_source,
            "makeSourceAction",
        ),
        add_action(
            window,
            _("&Export for translation (XLIFF)…"),
            None,
            window.versions.export_xliff,
            "exportXliffAction",
        ),
        add_action(
            window,
            _("Bilingual re&view document…"),
            None,
            window.versions.review_document,
            "reviewDocumentAction",
        ),
        add_action(
            window,
            _("&Import a translation (XLIFF)…"),
            None,
            window.versions.import_xliff,
            "importXliffAction",
        ),
        add_action(
            window,
            _("Import a translated &document (Word, web page, text)…"),
            None,
            window.importer.choose_translation,
            "importTranslatedDocumentAction",
        ),
        add_action(
            window,
            _("&Mark all that read as the source as translated"),
            None,
            window.versions.mark_all_translated,
            "markAllTranslatedAction",
        ),
    ]

    help_menu = window.menuBar().addMenu(_("&Help"))
    for text, slot, name in (
        (_("&Check installation…"), lambda: check_installation(window), "checkInstallationAction"),
        (_("Open the &log folder"), open_log_folder, "logFolderAction"),
        (_("&About ReleaseWriter"), lambda: about(window), "aboutAction"),
    ):
        help_menu.addAction(add_action(window, text, None, slot, name))


def update_actions(window: MainWindow) -> None:
    """Enable what the open draft allows."""
    release = window.session.release
    on_source = release is not None and window.session.locale == release.source_locale
    for action in window.findChildren(QAction):
        name = action.objectName()
        if name in NEEDS_A_DRAFT:
            needless = name == "makeSourceAction" and on_source
            action.setEnabled(release is not None and not needless)


def fill_language_menu(window: MainWindow) -> None:
    """The version actions, then one entry per language version (Alt+1…9)."""
    window.language_menu.clear()
    release = window.session.release
    if release is None:
        return
    for action in window.version_actions:
        window.language_menu.addAction(action)
    window.language_menu.addSeparator()
    for index, locale in enumerate(release.locales):
        # Named like every action of the window, for the tests that check each is used.
        action = QAction(display_name(locale), window.language_menu)
        action.setObjectName("switchVersionAction")
        window.language_menu.addAction(action)
        action.setShortcut(QKeySequence(f"Alt+{index + 1}") if index < 9 else QKeySequence())
        action.triggered.connect(
            lambda _checked=False, code=locale: window.session.set_locale(code)
        )
