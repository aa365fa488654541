"""The Qt binding must not corrupt Python's reference counts.

PySide6 6.12.0 released a reference to None each time C++ called a Python
override that returned None; on Python 3.11, where None is not immortal,
the editor aborted after a few thousand keystrokes. This guards upgrades.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack

pytestmark = pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from 3.12")


class _Model(QAbstractListModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        return None


class _Command(QUndoCommand):
    def redo(self) -> None:
        return None

    def undo(self) -> None:
        return None


def test_a_model_returning_none_keeps_nones_reference_count(qapp: object) -> None:
    model = _Model()
    before = sys.getrefcount(None)
    for _ in range(500):
        model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert sys.getrefcount(None) - before > -50


def test_undo_commands_keep_nones_reference_count(qapp: object) -> None:
    stack = QUndoStack()
    for _ in range(5):
        stack.push(_Command())
    before = sys.getrefcount(None)
    for _ in range(200):
        stack.undo()
        stack.redo()
    assert sys.getrefcount(None) - before > -50
