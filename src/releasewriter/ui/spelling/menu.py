"""The right-click menu of a checked field: suggestions, "Add to dictionary", "Ignore",
then the widget's usual entries (undo, cut, copy, paste, select all)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit

from releasewriter.ui.spelling.highlighter import SpellingHighlighter

TextWidget = QTextEdit | QPlainTextEdit
MAX_SUGGESTIONS = 5


@dataclass(frozen=True)
class SpellingLabels:
    """The menu's words. English here; the form passes its translations (gettext)."""

    add: str = "Add to dictionary"
    ignore: str = "Ignore"
    no_suggestions: str = "(no suggestions)"


def _ignoring_args(function: Callable[..., object], *args: object) -> Callable[..., None]:
    """A slot that calls ``function(*args)`` whatever the signal passes (``checked``)."""

    def slot(*_signal_args: object) -> None:
        function(*args)

    return slot


def replace_word(widget: TextWidget, start: int, end: int, word: str, replacement: str) -> bool:
    """Put ``replacement`` in place of ``word`` (document positions ``start``-``end``).

    Goes through the widget's own text cursor, so the field sees an ordinary
    edit (and the form's undo stack records it). False, and nothing changed,
    if the text there is no longer ``word``.
    """
    cursor = widget.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    if cursor.selectedText() != word:
        return False
    cursor.beginEditBlock()
    cursor.insertText(replacement)  # in the format of the word it replaces
    cursor.endEditBlock()
    widget.setTextCursor(cursor)
    return True


def spelling_actions(
    widget: TextWidget,
    highlighter: SpellingHighlighter,
    position: QPoint,
    parent: QMenu,
    labels: SpellingLabels,
) -> list[QAction]:
    """The spelling entries for a right click at ``position`` (viewport coordinates).

    Empty when there is no misspelt word there, or the field is read-only.
    """
    if widget.isReadOnly():
        return []
    cursor = widget.cursorForPosition(position)
    block = cursor.block()
    hit = highlighter.misspelling_at(block, cursor.positionInBlock())
    checker = highlighter.checker
    if hit is None or checker is None:
        return []
    start, end, word = hit
    begin, finish = block.position() + start, block.position() + end
    actions: list[QAction] = []
    for suggestion in checker.suggestions(word, MAX_SUGGESTIONS):
        action = QAction(suggestion, parent)
        action.setObjectName("spellingSuggestion")
        font = action.font()
        font.setBold(True)
        action.setFont(font)
        action.triggered.connect(
            _ignoring_args(replace_word, widget, begin, finish, word, suggestion)
        )
        actions.append(action)
    if not actions:
        none = QAction(labels.no_suggestions, parent)
        none.setEnabled(False)
        actions.append(none)
    dictionary = highlighter.dictionary
    add = QAction(labels.add, parent)
    add.setObjectName("spellingAdd")
    add.triggered.connect(_ignoring_args(dictionary.add, word))
    ignore = QAction(labels.ignore, parent)
    ignore.setObjectName("spellingIgnore")
    ignore.triggered.connect(_ignoring_args(dictionary.ignore, word))
    separator = QAction(parent)
    separator.setSeparator(True)
    return [*actions, add, ignore, separator]


def spelling_menu(
    widget: TextWidget,
    highlighter: SpellingHighlighter,
    position: QPoint,
    labels: SpellingLabels | None = None,
) -> QMenu:
    """The widget's standard context menu with the spelling entries on top."""
    menu = widget.createStandardContextMenu(position)
    actions = spelling_actions(widget, highlighter, position, menu, labels or SpellingLabels())
    if actions:
        existing = menu.actions()
        if existing:
            menu.insertActions(existing[0], actions)
        else:
            menu.addActions(actions)
    return menu


def show_spelling_menu(
    widget: TextWidget,
    highlighter: SpellingHighlighter,
    position: QPoint,
    labels: SpellingLabels | None = None,
) -> None:
    menu = spelling_menu(widget, highlighter, position, labels)
    menu.exec(widget.viewport().mapToGlobal(position))
    menu.deleteLater()


def install_context_menu(
    widget: TextWidget, highlighter: SpellingHighlighter, labels: SpellingLabels | None = None
) -> None:
    """Replace the widget's right-click menu by :func:`spelling_menu`."""
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    widget.customContextMenuRequested.connect(
        partial(_requested, widget, highlighter, labels or SpellingLabels())
    )


def _requested(
    widget: TextWidget, highlighter: SpellingHighlighter, labels: SpellingLabels, position: QPoint
) -> None:
    show_spelling_menu(widget, highlighter, position, labels)
